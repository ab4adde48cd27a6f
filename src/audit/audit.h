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
#include "doc/register.h"
#include "rules/engine.h"

/* The documents of one run, for checks that compare documents (lifecycle.h). */
typedef struct batch batch_t;

typedef struct {
    const ruleset_t *rules;
    const profile_t *profile;
    date_t as_of;
    const batch_t *batch;      /* NULL: the document is judged alone */
    int prepublication;        /* `check`: a draft before publication, not a published text */
    doc_register_t *reg;       /* --register, or NULL; rows found are marked matched */
    const document_t *note;    /* the document's 起草说明, or NULL (set per document) */
} audit_options_t;

/*
 * Fills the document's validity (default period from the profile) and
 * appends every finding, sorted by position.
 */
void audit_document(const audit_options_t *o, matcher_t *m, document_t *doc, findings_t *out);

#endif
