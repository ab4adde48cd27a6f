/*
 * ruletest.c - rule examples as tests.
 */
#include "ruletest.h"

#include <string.h>

#include "audit/audit.h"

static int has_finding_of(const findings_t *f, const rule_t *r)
{
    for (size_t i = 0; i < f->n; i++)
        if (f->items[i].rule == r)
            return 1;
    return 0;
}

/* 1 when the example behaves as it says; otherwise explains on `log`. */
static int run_example(const ruleset_t *rs, const profile_t *profile, matcher_t *m,
                       const rule_t *r, const rule_example_t *ex, FILE *log)
{
    audit_options_t o = {rs, profile, DATE_NONE};
    date_parse_iso(r->example_as_of ? r->example_as_of : RULETEST_DEFAULT_AS_OF, &o.as_of);
    document_t doc;
    if (document_load("example", ex->text, strlen(ex->text), ENC_AUTO, &doc) != DECODE_OK) {
        fprintf(log, "%s:%d: example of %s could not be read as text\n", r->file, ex->line, r->id);
        document_free(&doc);
        return 0;
    }
    findings_t f = {0};
    audit_document(&o, m, &doc, &f);
    int found = has_finding_of(&f, r);
    int ok = found == ex->should_match;
    if (!ok)
        fprintf(log, "%s:%d: %s: example.%s %s: %s\n", r->file, ex->line, r->id,
                ex->should_match ? "match" : "nomatch",
                ex->should_match ? "gives no finding" : "gives a finding", ex->text);
    findings_free(&f);
    document_free(&doc);
    return ok;
}

size_t ruletest_run(const ruleset_t *rs, const profile_t *profile, int user_rules_only,
                    FILE *log, size_t *passed)
{
    size_t failed = 0;
    *passed = 0;
    matcher_t *m = matcher_new(rs);
    for (size_t i = 0; i < rs->nrules; i++) {
        const rule_t *r = &rs->rules[i];
        if (user_rules_only && r->builtin)
            continue;
        for (size_t k = 0; k < r->nexamples; k++) {
            if (run_example(rs, profile, m, r, &r->examples[k], log))
                (*passed)++;
            else
                failed++;
        }
    }
    matcher_free(m);
    return failed;
}
