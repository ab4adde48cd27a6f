/*
 * cmd_rules.c - `normlint rules list|test` and `normlint explain RULE-ID`.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit/profile.h"
#include "audit/ruletest.h"
#include "cli.h"
#include "rules/ruleset.h"

static const char RULES_USAGE[] =
    "usage: normlint rules list [--rules DIR] [--no-default-rules]\n"
    "       normlint rules test [--rules DIR] [--no-default-rules]\n"
    "       normlint explain RULE-ID [--rules DIR] [--lang zh|en]\n";

typedef struct {
    rules_opts_t rules;
    int english;
} rules_cmd_opts_t;

static int parse_rules_args(int argc, char **argv, rules_cmd_opts_t *o)
{
    static const struct option longopts[] = {
        {"rules", required_argument, NULL, 'r'}, {"no-default-rules", no_argument, NULL, 'n'},
        {"lang", required_argument, NULL, 'l'},  {"profile", required_argument, NULL, 'p'},
        {"help", no_argument, NULL, 'h'},        {NULL, 0, NULL, 0},
    };
    memset(o, 0, sizeof *o);
    o->rules.profile_name = "hunan";
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (c) {
        case 'r':
            o->rules.rules_dir = optarg;
            break;
        case 'n':
            o->rules.no_default_rules = 1;
            break;
        case 'l':
            o->english = strcmp(optarg, "en") == 0;
            break;
        case 'p':
            o->rules.profile_name = optarg;
            break;
        case 'h':
            fputs(RULES_USAGE, stdout);
            exit(EXIT_CLEAN);
        default:
            fputs(RULES_USAGE, stderr);
            return -1;
        }
    }
    return 0;
}

static int rules_list(const ruleset_t *rs)
{
    for (size_t i = 0; i < rs->nrules; i++) {
        const rule_t *r = &rs->rules[i];
        printf("%-28s %-16s %-7s %-6s %s\n", r->id, category_name(r->category),
               severity_name(r->severity), effect_name(r->effect), r->file);
    }
    return EXIT_CLEAN;
}

static int rules_test(const ruleset_t *rs, const rules_cmd_opts_t *o)
{
    char err[512] = "";
    profile_t *p = profile_load(o->rules.profile_name, o->rules.rules_dir, err, sizeof err);
    if (!p) {
        cli_message("%s", err);
        return EXIT_TROUBLE;
    }
    size_t passed, failed = ruletest_run(rs, p, 0, stdout, &passed);
    profile_free(p);
    printf("rules: %zu passed, %zu failed\n", passed, failed);
    return failed ? EXIT_FINDINGS : EXIT_CLEAN;
}

int cmd_rules(int argc, char **argv)
{
    if (argc < 2 || (strcmp(argv[1], "list") && strcmp(argv[1], "test"))) {
        fputs(RULES_USAGE, stderr);
        return EXIT_TROUBLE;
    }
    rules_cmd_opts_t o;
    if (parse_rules_args(argc - 1, argv + 1, &o) != 0)
        return EXIT_TROUBLE;
    ruleset_t *rs = cli_load_rules(&o.rules, 0);
    if (!rs)
        return EXIT_TROUBLE;
    int status = strcmp(argv[1], "list") == 0 ? rules_list(rs) : rules_test(rs, &o);
    ruleset_free(rs);
    return status;
}

static void print_rule(const rule_t *r, int en)
{
    printf("%s  (%s, %s, %s: %s)\n", r->id, category_name(r->category),
           severity_label(r->severity, en), en ? "effect" : "对清理意见的影响", effect_name(r->effect));
    printf("%s%s\n", en ? "message: " : "提示：", en ? r->message_en : r->message);
    printf("%s%s\n", en ? "legal basis: " : "依据：", r->basis);
    if (r->help)
        printf("%s%s\n", en ? "help: " : "说明：", r->help);
    if (r->pattern_src && strlen(r->pattern_src) < 400)
        printf("%s%s\n", en ? "pattern: " : "匹配：", r->pattern_src);
    for (size_t i = 0; i < r->nexamples; i++)
        printf("%s%s\n", r->examples[i].should_match ? (en ? "  finds:      " : "  应报告：")
                                                       : (en ? "  leaves:     " : "  不报告："),
               r->examples[i].text);
    printf("%s%s:%d\n", en ? "defined at " : "定义于 ", r->file, r->line);
}

int cmd_explain(int argc, char **argv)
{
    rules_cmd_opts_t o;
    if (parse_rules_args(argc, argv, &o) != 0)
        return EXIT_TROUBLE;
    if (optind >= argc) {
        cli_message("explain needs a RULE-ID (see 'normlint rules list')");
        return EXIT_TROUBLE;
    }
    ruleset_t *rs = cli_load_rules(&o.rules, 0);
    if (!rs)
        return EXIT_TROUBLE;
    int status = EXIT_CLEAN;
    for (int i = optind; i < argc; i++) {
        const rule_t *r = ruleset_find(rs, argv[i]);
        if (!r) {
            cli_message("no rule %s (see 'normlint rules list')", argv[i]);
            status = EXIT_TROUBLE;
            continue;
        }
        print_rule(r, o.english);
    }
    ruleset_free(rs);
    return status;
}
