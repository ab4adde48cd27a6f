/*
 * ruletest.c - rule examples as tests.
 */
#include "ruletest.h"

#include <stdlib.h>
#include <string.h>

#include "audit/audit.h"
#include "util/messages.h"
#include "audit/lifecycle.h"
#include "audit/review.h"

static int has_finding_of(const findings_t *f, const rule_t *r)
{
    for (size_t i = 0; i < f->n; i++)
        if (f->items[i].rule == r)
            return 1;
    return 0;
}

/*
 * Run-level findings (register rows no document matched) are printed, not
 * attached to a document: look for the rule's id in what would be printed.
 */
static int in_run_diagnostics(const ruleset_t *rs, const doc_register_t *reg, const rule_t *r)
{
    if (!reg)
        return 0;
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    if (!mem)
        return 0;
    review_report_orphans(rs, reg, 0, mem);
    fclose(mem);
    char tag[128];
    snprintf(tag, sizeof tag, "[%s]", r->id);
    int found = text && strstr(text, tag) != NULL;
    free(text);
    return found;
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
    audit_options_t o = {.rules = rs, .profile = profile, .as_of = DATE_NONE,
                         .prepublication = r->example_prepublication};
    char err[256];
    if (r->example_register) {
        o.reg = register_parse("example.register", r->example_register,
                               strlen(r->example_register), err, sizeof err);
        if (!o.reg) {
            fprintf(log, tr("%s:%d: %s: example.register: %s\n"), r->file, ex->line, r->id, err);
            return 0;
        }
    }
    date_parse_iso(r->example_as_of ? r->example_as_of : RULETEST_DEFAULT_AS_OF, &o.as_of);
    const char *ff = strchr(ex->text, '\f');
    size_t len = ff ? (size_t)(ff - ex->text) : strlen(ex->text);
    document_t doc;
    if (document_load("example-0", ex->text, len, ENC_AUTO, &doc) != DECODE_OK) {
        fprintf(log, tr("%s:%d: example of %s could not be read as text\n"), r->file, ex->line, r->id);
        document_free(&doc);
        register_free(o.reg);
        return 0;
    }
    batch_t *batch = example_batch(ex->text);
    o.batch = batch;
    findings_t f = {0};
    audit_document(&o, m, &doc, &f);
    batch_free(batch);
    int found = has_finding_of(&f, r) || in_run_diagnostics(rs, o.reg, r);
    register_free(o.reg);
    int ok = found == ex->should_match;
    if (!ok)
        fprintf(log, tr("%s:%d: %s: example.%s %s: %s\n"), r->file, ex->line, r->id,
                ex->should_match ? "match" : "nomatch",
                ex->should_match ? tr("gives no finding") : tr("gives a finding"), ex->text);
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
