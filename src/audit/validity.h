/*
 * validity.h - is the document still in force on the audit date?
 */
#ifndef NORMLINT_VALIDITY_H
#define NORMLINT_VALIDITY_H

#include "audit/audit.h"

/*
 * Completes doc->expires and doc->validity_source (the profile's default
 * period when the text states none) and reports unstated, expired and
 * expiring validity, unreadable or nonexistent dates.
 */
void validity_audit(const audit_options_t *o, document_t *doc, findings_t *out);

#endif
