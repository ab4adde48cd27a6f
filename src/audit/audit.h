/*
 * audit.h - everything normlint checks in one document, in one call.
 *
 * Pattern rules (the engine), then the checks computed in code whose words
 * live in rule files (invalid bytes, validity against the audit date).
 */
#ifndef NORMLINT_AUDIT_H
#define NORMLINT_AUDIT_H

#include "audit/profile.h"
#include "doc/date.h"
#include "doc/document.h"
#include "rules/engine.h"

typedef struct {
    const ruleset_t *rules;
    const profile_t *profile;
    date_t as_of;
} audit_options_t;

/*
 * Fills the document's validity (default period from the profile) and
 * appends every finding, sorted by position.
 */
void audit_document(const audit_options_t *o, matcher_t *m, document_t *doc, findings_t *out);

#endif
