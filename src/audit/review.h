/*
 * review.h - did the document go through the steps the rules require?
 * (评估论证, 公开征求意见, 合法性审核, 公平竞争审查, 集体审议, 统一登记, 备案;
 * 国办发〔2018〕37号, 公平竞争审查条例, the profile's filing period.)
 *
 * Evidence comes from the document's own text, its 起草说明 and the
 * register. What counts as evidence (the wording of a statement), and
 * when a fair-competition review is required, are patterns in
 * rules/procedure.rules; the code reads dates and counts days.
 */
#ifndef NORMLINT_REVIEW_H
#define NORMLINT_REVIEW_H

#include <stdio.h>

#include "audit/audit.h"

/* Fills doc->review and reports procedure findings (they never change the decision). */
void review_audit(const audit_options_t *o, matcher_t *m, document_t *doc, findings_t *out);

/*
 * Register rows no scanned document matched, each as
 * "REGISTER:LINE: message [RULE-ID]" on `log`; returns how many.
 */
size_t review_report_orphans(const ruleset_t *rs, const doc_register_t *reg, int english,
                             FILE *log);

#endif
