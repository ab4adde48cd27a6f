/*
 * setup.c - what several commands share: loading the rule set.
 */
#include <stdio.h>

#include "audit/profile.h"
#include "audit/ruletest.h"
#include "cli.h"
#include "rules/ruleset.h"

static void print_diags(const rule_diags_t *d)
{
    for (size_t i = 0; i < d->n; i++) {
        if (d->items[i].line > 0)
            fprintf(stderr, "%s:%d: %s\n", d->items[i].file, d->items[i].line,
                    d->items[i].message);
        else
            fprintf(stderr, "%s: %s\n", d->items[i].file, d->items[i].message);
    }
}

struct ruleset *cli_load_rules(const rules_opts_t *o, int verify_user_examples)
{
    ruleset_t *rs = ruleset_new();
    rule_diags_t diags = {0};
    if (!o->no_default_rules)
        ruleset_load_builtin(rs, &diags);
    if (o->rules_dir)
        ruleset_load_dir(rs, o->rules_dir, &diags);
    if (diags.n) {
        print_diags(&diags);
        cli_message("%zu problem%s in the rule files; nothing scanned", diags.n,
                    diags.n == 1 ? "" : "s");
        rule_diags_free(&diags);
        ruleset_free(rs);
        return NULL;
    }
    if (verify_user_examples && o->rules_dir) {
        char err[512] = "";
        profile_t *p = profile_load(o->profile_name ? o->profile_name : "hunan", NULL, err,
                                    sizeof err);
        size_t passed = 0, failed = p ? ruletest_run(rs, p, 1, stderr, &passed) : 0;
        profile_free(p);
        if (failed) {
            cli_message("%zu rule example%s failed; nothing scanned", failed,
                        failed == 1 ? "" : "s");
            ruleset_free(rs);
            return NULL;
        }
    }
    return rs;
}
