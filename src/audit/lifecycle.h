/*
 * lifecycle.h - has the document's life ended for reasons other than its
 * validity period: its task is done (the title's period is over), or a
 * later document of the same batch with the same title supersedes it.
 *
 * Supersession needs the whole batch: the CLI adds every document's
 * summary to a batch_t in a first pass, then audits each one against it.
 */
#ifndef NORMLINT_LIFECYCLE_H
#define NORMLINT_LIFECYCLE_H

#include "audit/audit.h"

batch_t *batch_new(void);
/* Remember what supersession needs of a document: title key, date, 文号, path. */
void batch_add(batch_t *b, const document_t *doc);
void batch_free(batch_t *b);
/* Path of another document of the batch with the same 文号 (spaces ignored), or NULL. */
const char *batch_same_doc_number(const batch_t *b, const document_t *doc);

/*
 * The title with 试行/暂行 and years removed: two documents with the same
 * key are versions of one document. Caller frees.
 */
char *title_key(const char *title);

/* Last year of the period a title names (2019年, 2020年度, 2023—2025年), or 0. */
int title_period_end_year(const char *title);

void lifecycle_audit(const audit_options_t *o, const document_t *doc, findings_t *out);

#endif
