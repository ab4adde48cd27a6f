/*
 * ruletest.c - rule examples as tests.
 */
#include "ruletest.h"

#include <string.h>

#include "audit/audit.h"
#include "audit/lifecycle.h"

static int has_finding_of(const findings_t *f, const rule_t *r)
{
    for (size_t i = 0; i < f->n; i++)
        if (f->items[i].rule == r)
            return 1;
    return 0;
}

/*
 * An example may hold several documents separated by a form feed (\f):
 * the first is audited, all of them form its batch (for rules that
 * compare documents, such as supersession).
 */
static batch_t *example_batch(const char *text)
{
    batch_t *b = batch_new();
    int k = 0;
    for (const char *p = text; *p; k++) {
        const char *ff = strchr(p, '\f');
        size_t n = ff ? (size_t)(ff - p) : strlen(p);
        char name[32];
        snprintf(name, sizeof name, "example-%d", k);
        document_t d;
        if (document_load(name, p, n, ENC_AUTO, &d) == DECODE_OK)
            batch_add(b, &d);
        document_free(&d);
        p = ff ? ff + 1 : p + n;
    }
    return b;
}

/* 1 when the example behaves as it says; otherwise explains on `log`. */
static int run_example(const ruleset_t *rs, const profile_t *profile, matcher_t *m,
                       const rule_t *r, const rule_example_t *ex, FILE *log)
{
    audit_options_t o = {rs, profile, DATE_NONE, NULL};
    date_parse_iso(r->example_as_of ? r->example_as_of : RULETEST_DEFAULT_AS_OF, &o.as_of);
    const char *ff = strchr(ex->text, '\f');
    size_t len = ff ? (size_t)(ff - ex->text) : strlen(ex->text);
    document_t doc;
    if (document_load("example-0", ex->text, len, ENC_AUTO, &doc) != DECODE_OK) {
        fprintf(log, "%s:%d: example of %s could not be read as text\n", r->file, ex->line, r->id);
        document_free(&doc);
        return 0;
    }
    batch_t *batch = example_batch(ex->text);
    o.batch = batch;
    findings_t f = {0};
    audit_document(&o, m, &doc, &f);
    batch_free(batch);
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
