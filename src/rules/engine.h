/*
 * engine.h - run a rule set over one document and collect findings.
 *
 * The rule set is shared and read-only; a matcher holds one worker's
 * scratch state (PCRE2 match data and JIT stack), reused across documents
 * so that matching allocates nothing per match.
 */
#ifndef NORMLINT_ENGINE_H
#define NORMLINT_ENGINE_H

#include <stddef.h>

#include "doc/document.h"
#include "rules/ruleset.h"

typedef struct {
    const rule_t *rule;
    size_t start, end;        /* normalized byte offsets */
    position_t from, to;      /* original line/column; `to` is exclusive */
    char *message;            /* Chinese, placeholders filled in */
    char *message_en;
    char *excerpt;            /* the matched text (normalized) */
} finding_t;

typedef struct {
    finding_t *items;
    size_t n, cap;
} findings_t;

/* A named value for a message placeholder, e.g. {"expires", "2023年6月30日"}. */
typedef struct {
    const char *name;
    const char *value;
} placeholder_t;

typedef struct matcher matcher_t;

matcher_t *matcher_new(const ruleset_t *rs);
void matcher_free(matcher_t *m);

/* Run every match and absence rule; appends to `out`. */
void engine_run(const ruleset_t *rs, matcher_t *m, const document_t *doc, findings_t *out);

/*
 * Add a finding for the rule with check name `check` (a RULE_CHECK rule)
 * at normalized span [start, end); placeholders fill its messages. Does
 * nothing when the rule set does not have that check (e.g. it was left out
 * with --no-default-rules). Returns 1 when a finding was added.
 */
int engine_report_check(const ruleset_t *rs, const char *check, const document_t *doc,
                        size_t start, size_t end, const placeholder_t *vars, size_t nvars,
                        findings_t *out);

/*
 * First match of `code` in the document whose sentence does not match
 * `exclude` (may be NULL); 1 and its span in *found, or 0. For checks in
 * code that read evidence through a rule's patterns (e.g. a statement
 * that the legality review was done).
 */
int engine_find_pattern(const pcre2_code *code, const pcre2_code *exclude, matcher_t *m,
                        const document_t *doc, span_t *found);

/* The sentence around [start, end): up to 。；！？ or a line end. */
span_t engine_sentence(const document_t *doc, size_t start, size_t end);

/* Sort by position, then rule id: a stable order for every printer. */
void findings_sort(findings_t *f);
void findings_free(findings_t *f);

/* Replace {name} in a template; unknown names are left as written. */
char *render_message(const char *tmpl, const placeholder_t *vars, size_t nvars);

#endif
