/*
 * drafting.h - drafting checks that a single pattern cannot decide:
 * paired punctuation, numbering sequences, garbled text runs, 文号 details.
 * Their words live in rules/drafting.rules (kind = check).
 */
#ifndef NORMLINT_DRAFTING_H
#define NORMLINT_DRAFTING_H

#include "audit/audit.h"

void drafting_audit(const audit_options_t *o, const document_t *doc, findings_t *out);

#endif
