/*
 * test_ruleset.c - the rule-file loader: every error as FILE:LINE: message,
 * ids, replacing built-in rules, tables and their {{col}} expansion, the
 * literal the prefilter requires, and freeing everything (ASan checks leaks).
 *
 * Rule folders for ruleset_load_dir are under fixtures/rules/.
 */
#include "testutil.h"

#include "util/messages.h"

#include "rules/ruleset.h"

#define GOOD_DIR "fixtures/rules/good"

/* ---- helpers -------------------------------------------------------------- */

static int load(ruleset_t *rs, const char *name, const char *text, int builtin,
                rule_diags_t *d)
{
    return ruleset_load_text(rs, name, text, strlen(text), GOOD_DIR, builtin, d);
}

/* The columns a {{name|aliases}} placeholder looks a matched text up in. */
static const long NAME_AND_ALIASES[] = {0, 1};

static void dump_diags(const rule_diags_t *d)
{
    for (size_t i = 0; i < d->n; i++)
        print_message("  diag %zu: %s:%d: %s\n", i, d->items[i].file, d->items[i].line,
                      d->items[i].message);
}

/* Diagnostic `i` is FILE:LINE and its message holds `fragment`. */
static void expect_diag(const rule_diags_t *d, size_t i, const char *file, int line,
                        const char *fragment)
{
    if (i >= d->n) {
        dump_diags(d);
        fail_msg("want diag %zu (%s:%d: ...%s...), have only %zu", i, file, line, fragment,
                 d->n);
    }
    const rule_diag_t *it = &d->items[i];
    if (strcmp(it->file, file) != 0 || it->line != line || !strstr(it->message, fragment)) {
        dump_diags(d);
        fail_msg("diag %zu is %s:%d: %s\n   want %s:%d: ...%s...", i, it->file, it->line,
                 it->message, file, line, fragment);
    }
}

static void expect_ndiags(const rule_diags_t *d, size_t n)
{
    if (d->n != n) {
        dump_diags(d);
        fail_msg("%zu diagnostics, want %zu", d->n, n);
    }
}

/*
 * A valid rule, one key a line, so a test can change one line and know
 * the line numbers of everything else.
 */
static const char *const BASE[] = {
    "[T-1]",                    /* 1 */
    "category = drafting",      /* 2 */
    "severity = warning",       /* 3 */
    "effect = none",            /* 4 */
    "pattern = 有效期至\\d+",   /* 5 */
    "message = 消息",           /* 6 */
    "message.en = msg",         /* 7 */
    "basis = 依据",             /* 8 */
    "example.match = 有效期至2025年",   /* 9 */
    "example.nomatch = 无",     /* 10 */
};
#define NBASE (sizeof BASE / sizeof *BASE)

/*
 * BASE with the line starting with `key` replaced by `line` (NULL: a
 * comment in its place, so numbers stay), and `extra` appended as line 11.
 */
static char *variant(const char *key, const char *line, const char *extra)
{
    buf_t b;
    buf_init(&b);
    for (size_t i = 0; i < NBASE; i++) {
        size_t k = key ? strlen(key) : 0;
        if (key && strncmp(BASE[i], key, k) == 0 && BASE[i][k] == ' ')
            buf_printf(&b, "%s\n", line ? line : "# (left out)");
        else
            buf_printf(&b, "%s\n", BASE[i]);
    }
    if (extra)
        buf_printf(&b, "%s\n", extra);
    return buf_steal(&b);
}

/* ---- a valid rule --------------------------------------------------------- */

static void test_valid_rule_fields(void **state)
{
    (void)state;
    ruleset_t *rs = ruleset_new();
    rule_diags_t d = {0};
    char *text = variant("severity", "severity = error",
                         "scope = body\n"
                         "when = 通知\n"
                         "unless = 废止\n"
                         "exclude = 原\n"
                         "help = 较长说明\n"
                         "example.as-of = 2024-05-01\n"
                         "example.nomatch = a\\nb\\x41");
    assert_int_equal(load(rs, "t.rules", text, 0, &d), 0);
    expect_ndiags(&d, 0);
    assert_int_equal(rs->nrules, 1);
    const rule_t *r = ruleset_find(rs, "T-1");
    assert_non_null(r);
    assert_string_equal(r->id, "T-1");
    assert_int_equal(r->category, CAT_DRAFTING);
    assert_int_equal(r->severity, SEV_ERROR);
    assert_int_equal(r->effect, EFFECT_NONE);
    assert_int_equal(r->kind, RULE_MATCH);
    assert_int_equal(r->scope, SCOPE_BODY);
    assert_string_equal(r->pattern_src, "有效期至\\d+");
    assert_non_null(r->pattern);
    assert_string_equal(r->when_src, "通知");
    assert_non_null(r->when);
    assert_string_equal(r->unless_src, "废止");
    assert_non_null(r->unless);
    assert_string_equal(r->exclude_src, "原");
    assert_non_null(r->exclude);
    assert_string_equal(r->message, "消息");
    assert_string_equal(r->message_en, "msg");
    assert_string_equal(r->basis, "依据");
    assert_string_equal(r->help, "较长说明");
    assert_string_equal(r->example_as_of, "2024-05-01");
    assert_string_equal(r->file, "t.rules");
    assert_int_equal(r->line, 1);
    assert_int_equal(r->builtin, 0);
    assert_null(r->table);
    assert_int_equal(r->issued_cond, ISSUED_ANY);
    assert_int_equal(r->nexamples, 3);
    assert_string_equal(r->examples[0].text, "有效期至2025年");
    assert_int_equal(r->examples[0].should_match, 1);
    assert_int_equal(r->examples[0].line, 9);
    assert_string_equal(r->examples[1].text, "无");
    assert_int_equal(r->examples[1].should_match, 0);
    assert_int_equal(r->examples[1].line, 10);
    /* \n is a line break and \xHH a raw byte in examples */
    assert_string_equal(r->examples[2].text, "a\nbA");
    assert_int_equal(r->examples[2].line, 17);
    assert_null(ruleset_find(rs, "T-2"));
    assert_null(ruleset_find_check(rs, "validity-unstated"));
    free(text);
    rule_diags_free(&d);
    ruleset_free(rs);
}

/* Comments, blank lines, a BOM, CRLF line ends and spaces around '=' are all fine. */
static void test_bom_crlf_comments(void **state)
{
    (void)state;
    static const char text[] =
        "\xEF\xBB\xBF# comment\r\n"
        "\r\n"
        "  [ C-2 ]  \r\n"
        "category=procedure\r\n"
        "\tseverity   =   info\t\r\n"
        "effect = extend\r\n"
        "kind = absence\r\n"
        "scope = closing\r\n"
        "pattern = 年.*月\r\n"
        "# another comment = with an equals sign\r\n"
        "message = 中\r\n"
        "message.en = en\r\n"
        "basis = 据\r\n"
        "example.match = x\r\n"
        "example.nomatch = y\r\n";
    ruleset_t *rs = ruleset_new();
    rule_diags_t d = {0};
    assert_int_equal(load(rs, "crlf.rules", text, 0, &d), 0);
    expect_ndiags(&d, 0);
    const rule_t *r = ruleset_find(rs, "C-2");
    assert_non_null(r);
    assert_int_equal(r->line, 3);
    assert_int_equal(r->category, CAT_PROCEDURE);
    assert_int_equal(r->severity, SEV_INFO);
    assert_int_equal(r->effect, EFFECT_EXTEND);
    assert_int_equal(r->kind, RULE_ABSENCE);
    assert_int_equal(r->scope, SCOPE_CLOSING);
    assert_string_equal(r->pattern_src, "年.*月");
    assert_string_equal(r->message, "中");
    assert_null(r->example_as_of);
    /* absence rules never get a derived prefilter literal */
    assert_int_equal(r->nrequires, 0);
    rule_diags_free(&d);
    ruleset_free(rs);
}

/* A rule with `check` becomes a RULE_CHECK rule with no pattern. */
static void test_check_rule(void **state)
{
    (void)state;
    static const char text[] =
        "[VAL-X]\n"
        "category = validity\n"
        "severity = error\n"
        "effect = repeal\n"
        "check = validity-expired\n"
        "message = 已于{expires}届满\n"
        "message.en = ended {expires}\n"
        "basis = b\n"
        "example.match = x\n"
        "example.nomatch = y\n";
    ruleset_t *rs = ruleset_new();
    rule_diags_t d = {0};
    assert_int_equal(load(rs, "c.rules", text, 0, &d), 0);
    const rule_t *r = ruleset_find_check(rs, "validity-expired");
    assert_non_null(r);
    assert_string_equal(r->id, "VAL-X");
    assert_int_equal(r->kind, RULE_CHECK);
    assert_int_equal(r->category, CAT_VALIDITY);
    assert_int_equal(r->effect, EFFECT_REPEAL);
    assert_null(r->pattern);
    assert_null(r->pattern_src);
    assert_null(ruleset_find_check(rs, "validity-expiring"));
    rule_diags_free(&d);
    ruleset_free(rs);
}

/* ---- one broken line: FILE:LINE and the message ----------------------------- */

typedef struct {
    const char *key;     /* the BASE line to replace (NULL: none) */
    const char *line;    /* its replacement (NULL: left out) */
    const char *extra;   /* appended as line 11 */
    size_t ndiags;
    int line1;
    const char *msg1;
    int line2;
    const char *msg2;
} bad_case_t;

static const bad_case_t BAD_CASES[] = {
    /* unknown keys and values */
    {NULL, NULL, "colour = red", 1, 11, "unknown key 'colour' in rule T-1", 0, NULL},
    {"category", "category = nope", NULL, 2, 2,
     "unknown category 'nope' (validity, higher-law, ultra-vires, fair-competition, "
     "procedure, drafting, encoding)", 1, "rule T-1 has no 'category'"},
    {"severity", "severity = fatal", NULL, 2, 3,
     "unknown severity 'fatal' (error, warning, info)", 1, "rule T-1 has no 'severity'"},
    {"effect", "effect = remove", NULL, 2, 4,
     "unknown effect 'remove' (repeal, amend, extend, none)", 1, "rule T-1 has no 'effect'"},
    {NULL, NULL, "kind = sometimes", 1, 11, "unknown kind 'sometimes' (match, absence, check)",
     0, NULL},
    {NULL, NULL, "scope = footer", 1, 11, "unknown scope 'footer' (all, title, body, closing)",
     0, NULL},
    {NULL, NULL, "issued = later", 1, 11, "unknown issued 'later' (before, on-or-after)", 0,
     NULL},
    /* a line that is no key = value */
    {NULL, NULL, "just some words", 1, 11,
     "expected 'key = value', a [RULE-ID] header or a # comment", 0, NULL},
    /* a key given twice */
    {NULL, NULL, "basis = 又一个", 1, 11, "'basis' is given twice in rule T-1", 0, NULL},
    /* missing required keys: reported at the rule's header line */
    {"category", NULL, NULL, 1, 1, "rule T-1 has no 'category'", 0, NULL},
    {"severity", NULL, NULL, 1, 1, "rule T-1 has no 'severity'", 0, NULL},
    {"effect", NULL, NULL, 1, 1, "rule T-1 has no 'effect'", 0, NULL},
    {"message", NULL, NULL, 1, 1, "rule T-1 needs both 'message' and 'message.en'", 0, NULL},
    {"message.en", NULL, NULL, 1, 1, "rule T-1 needs both 'message' and 'message.en'", 0, NULL},
    {"basis", NULL, NULL, 1, 1, "rule T-1 has no 'basis' (its legal basis)", 0, NULL},
    {"pattern", NULL, NULL, 1, 1, "rule T-1 has no 'pattern'", 0, NULL},
    {"example.match", NULL, NULL, 1, 1,
     "rule T-1 needs at least one 'example.match' and one 'example.nomatch'", 0, NULL},
    {"example.nomatch", NULL, NULL, 1, 1,
     "rule T-1 needs at least one 'example.match' and one 'example.nomatch'", 0, NULL},
    /* check rules */
    {NULL, NULL, "kind = check", 1, 1, "rule T-1 is kind 'check' but names no 'check'", 0,
     NULL},
    {NULL, NULL, "check = invalid-bytes\nkind = match", 1, 1,
     "rule T-1: 'check' goes only with kind = check", 0, NULL},
    /* table keys that need each other */
    {NULL, NULL, "table.key = law", 1, 1, "rule T-1 has 'table.key' but no 'table'", 0, NULL},
    {NULL, NULL, "issued = before", 1, 1,
     "rule T-1: 'issued', 'table.date' and 'table.key' go together", 0, NULL},
    {NULL, NULL, "table.date = date", 1, 1,
     "rule T-1: 'issued', 'table.date' and 'table.key' go together", 0, NULL},
    {NULL, NULL, "table = laws.tsv\ntable.date = date\ntable.key = law", 1, 1,
     "rule T-1: 'issued', 'table.date' and 'table.key' go together", 0, NULL},
    /* {{...}} without a table, or unclosed */
    {"pattern", "pattern = 《{{name}}》", NULL, 1, 5,
     "pattern uses {{...}} but the rule names no table", 0, NULL},
    {"pattern", "pattern = 《{{name》", "table = laws.tsv", 1, 5, "'{{' without '}}' in pattern",
     0, NULL},
};

static void test_bad_lines(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof BAD_CASES / sizeof *BAD_CASES; i++) {
        const bad_case_t *c = &BAD_CASES[i];
        char *text = variant(c->key, c->line, c->extra);
        ruleset_t *rs = ruleset_new();
        rule_diags_t d = {0};
        print_message("case %zu: %s\n", i, c->msg1);
        int n = load(rs, "bad.rules", text, 0, &d);
        assert_int_equal(n, (int)c->ndiags);
        expect_ndiags(&d, c->ndiags);
        expect_diag(&d, 0, "bad.rules", c->line1, c->msg1);
        if (c->ndiags > 1)
            expect_diag(&d, 1, "bad.rules", c->line2, c->msg2);
        /*
         * An incomplete or uncompilable rule is not kept. (A rule with only
         * an unknown key or value is: the set is refused as a whole anyway.)
         */
        if (c->line1 == 1 || c->line1 == 5 || c->ndiags > 1) {
            assert_int_equal(rs->nrules, 0);
            assert_null(ruleset_find(rs, "T-1"));
        }
        free(text);
        rule_diags_free(&d);
        ruleset_free(rs);
    }
}

/* A bad regex in pattern/when/unless/exclude: PCRE2's own message and the offset. */
static void test_bad_regex(void **state)
{
    (void)state;
    static const struct {
        const char *key, *line, *extra;
        int lineno;
        const char *what, *re;
    } cases[] = {
        {"pattern", "pattern = abc(", NULL, 5, "pattern", "abc("},
        {"pattern", "pattern = 有效期[至", NULL, 5, "pattern", "有效期[至"},
        {NULL, NULL, "when = a)b", 11, "when", "a)b"},
        {NULL, NULL, "unless = x{2,1}", 11, "unless", "x{2,1}"},
        {NULL, NULL, "exclude = (?<n>a", 11, "exclude", "(?<n>a"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        /* What PCRE2 itself says about the regex. */
        int err;
        PCRE2_SIZE off;
        pcre2_code *code = pcre2_compile((PCRE2_SPTR)cases[i].re, PCRE2_ZERO_TERMINATED,
                                         PCRE2_UTF | PCRE2_UCP | PCRE2_MULTILINE, &err, &off,
                                         NULL);
        assert_null(code);
        PCRE2_UCHAR pmsg[256];
        pcre2_get_error_message(err, pmsg, sizeof pmsg);
        char want[400];
        snprintf(want, sizeof want, "%s: %s at offset %zu", cases[i].what, (char *)pmsg,
                 (size_t)off);

        char *text = variant(cases[i].key, cases[i].line, cases[i].extra);
        ruleset_t *rs = ruleset_new();
        rule_diags_t d = {0};
        assert_int_equal(load(rs, "re.rules", text, 0, &d), 1);
        expect_ndiags(&d, 1);
        expect_diag(&d, 0, "re.rules", cases[i].lineno, want);
        assert_string_equal(d.items[0].message, want);
        assert_non_null(strstr(d.items[0].message, " at offset "));
        assert_int_equal(rs->nrules, 0);
        free(text);
        rule_diags_free(&d);
        ruleset_free(rs);
    }
    /* And a literal spelled out, for one PCRE2 message we know. */
    ruleset_t *rs = ruleset_new();
    rule_diags_t d = {0};
    char *text = variant("pattern", "pattern = abc(", NULL);
    load(rs, "re.rules", text, 0, &d);
    expect_diag(&d, 0, "re.rules", 5, "pattern: missing closing parenthesis at offset 4");
    free(text);
    rule_diags_free(&d);
    ruleset_free(rs);
}

/* ---- headers ---------------------------------------------------------------- */

static void test_bad_headers(void **state)
{
    (void)state;
    static const char *const headers[] = {
        "[]", "[t-1]", "[T 1]", "[-T]", "[T-]", "[1T]", "[T-1", "[T_1]", "[甲]",
    };
    for (size_t i = 0; i < sizeof headers / sizeof *headers; i++) {
        char *text = variant(NULL, NULL, NULL);
        /* put the bad header in place of line 1 */
        char *nl = strchr(text, '\n');
        buf_t b;
        buf_init(&b);
        buf_printf(&b, "%s%s", headers[i], nl);
        ruleset_t *rs = ruleset_new();
        rule_diags_t d = {0};
        int n = load(rs, "h.rules", b.data, 0, &d);
        char want[200];
        snprintf(want, sizeof want,
                 "bad rule header '%s': expected [RULE-ID] in capitals, digits and '-'",
                 headers[i]);
        print_message("header %s\n", headers[i]);
        expect_diag(&d, 0, "h.rules", 1, want);
        /* every key after it stands outside a section: one diag per line */
        assert_int_equal(n, 1 + 9);
        expect_ndiags(&d, 10);
        expect_diag(&d, 1, "h.rules", 2, "stands outside a [RULE-ID] section");
        expect_diag(&d, 9, "h.rules", 10, "stands outside a [RULE-ID] section");
        assert_int_equal(rs->nrules, 0);
        buf_free(&b);
        free(text);
        rule_diags_free(&d);
        ruleset_free(rs);
    }
}

/* Keys before any [ID] header: each one is reported with its own line. */
static void test_key_outside_section(void **state)
{
    (void)state;
    static const char text[] =
        "# no header yet\n"
        "category = drafting\n"
        "\n"
        "pattern=abc\n";
    ruleset_t *rs = ruleset_new();
    rule_diags_t d = {0};
    assert_int_equal(load(rs, "o.rules", text, 0, &d), 2);
    expect_ndiags(&d, 2);
    expect_diag(&d, 0, "o.rules", 2, "stands outside a [RULE-ID] section");
    expect_diag(&d, 1, "o.rules", 4, "'pattern' stands outside a [RULE-ID] section");
    /* the key is quoted without the spaces around '=' */
    char got[200];
    snprintf(got, sizeof got, "%s", d.items[0].message);
    rule_diags_free(&d);
    ruleset_free(rs);
    assert_string_equal(got, "'category' stands outside a [RULE-ID] section");
}

/* A bad section does not spoil the good ones around it. */
static void test_errors_are_per_rule(void **state)
{
    (void)state;
    char *good = variant(NULL, NULL, NULL);
    buf_t b;
    buf_init(&b);
    /* lines 1-10: T-1; 11-12: a broken T-2; 13-22: T-3 */
    buf_puts(&b, good);
    buf_puts(&b, "[T-2]\ncategory = drafting\n");
    char *third = strstr(good, "\n");
    buf_printf(&b, "[T-3]%s", third);
    ruleset_t *rs = ruleset_new();
    rule_diags_t d = {0};
    int n = load(rs, "m.rules", b.data, 0, &d);
    assert_true(n >= 1);
    for (size_t i = 0; i < d.n; i++) {
        assert_string_equal(d.items[i].file, "m.rules");
        assert_int_equal(d.items[i].line, 11);   /* all about T-2, at its header */
        assert_non_null(strstr(d.items[i].message, "rule T-2 "));
    }
    expect_ndiags(&d, 6);   /* severity, effect, messages, basis, pattern, examples */
    assert_int_equal(rs->nrules, 2);
    assert_non_null(ruleset_find(rs, "T-1"));
    assert_null(ruleset_find(rs, "T-2"));
    assert_non_null(ruleset_find(rs, "T-3"));
    assert_int_equal(ruleset_find(rs, "T-3")->line, 13);
    buf_free(&b);
    free(good);
    rule_diags_free(&d);
    ruleset_free(rs);
}

/* ---- ids ---------------------------------------------------------------------- */

static void test_duplicate_id_in_one_text(void **state)
{
    (void)state;
    char *one = variant(NULL, NULL, NULL);
    buf_t b;
    buf_init(&b);
    buf_printf(&b, "%s\n%s", one, one);   /* second copy starts at line 12 */
    ruleset_t *rs = ruleset_new();
    rule_diags_t d = {0};
    assert_int_equal(load(rs, "dup.rules", b.data, 0, &d), 1);
    expect_ndiags(&d, 1);
    expect_diag(&d, 0, "dup.rules", 12, "duplicate rule id T-1 (first defined at dup.rules:1)");
    assert_int_equal(rs->nrules, 1);
    assert_int_equal(ruleset_find(rs, "T-1")->line, 1);
    /* Two built-in files with one id: also a duplicate. */
    rule_diags_t d2 = {0};
    ruleset_t *rs2 = ruleset_new();
    assert_int_equal(load(rs2, "rules/a.rules", one, 1, &d2), 0);
    assert_int_equal(load(rs2, "rules/b.rules", one, 1, &d2), 1);
    expect_diag(&d2, 0, "rules/b.rules", 1,
                "duplicate rule id T-1 (first defined at rules/a.rules:1)");
    assert_int_equal(rs2->nrules, 1);
    buf_free(&b);
    free(one);
    rule_diags_free(&d);
    rule_diags_free(&d2);
    ruleset_free(rs);
    ruleset_free(rs2);
}

static void test_user_rule_replaces_builtin(void **state)
{
    (void)state;
    char *builtin = variant(NULL, NULL, NULL);
    char *other = variant(NULL, NULL, NULL);
    char *user = variant("message", "message = 用户的消息", "scope = title");
    ruleset_t *rs = ruleset_new();
    rule_diags_t d = {0};
    /* a second built-in rule, so the replaced one keeps its place */
    char *second = strstr(other, "\n");
    buf_t b;
    buf_init(&b);
    buf_printf(&b, "%s[T-9]%s", builtin, second);
    assert_int_equal(load(rs, "rules/x.rules", b.data, 1, &d), 0);
    assert_int_equal(rs->nrules, 2);
    assert_int_equal(load(rs, "user.rules", user, 0, &d), 0);
    expect_ndiags(&d, 0);
    assert_int_equal(rs->nrules, 2);
    const rule_t *r = ruleset_find(rs, "T-1");
    assert_ptr_equal(r, &rs->rules[0]);
    assert_int_equal(r->builtin, 0);
    assert_string_equal(r->message, "用户的消息");
    assert_int_equal(r->scope, SCOPE_TITLE);
    assert_string_equal(r->file, "user.rules");
    assert_int_equal(r->line, 1);
    assert_int_equal(ruleset_find(rs, "T-9")->builtin, 1);
    /* A second user rule with that id is a duplicate of the user's. */
    assert_int_equal(load(rs, "user2.rules", user, 0, &d), 1);
    expect_diag(&d, 0, "user2.rules", 1,
                "duplicate rule id T-1 (first defined at user.rules:1)");
    assert_int_equal(rs->nrules, 2);
    buf_free(&b);
    free(builtin);
    free(other);
    free(user);
    rule_diags_free(&d);
    ruleset_free(rs);
}

/* ---- tables --------------------------------------------------------------------- */

static const char TABLE_RULE[] =
    "[TB-1]\n"                                  /* 1 */
    "category = higher-law\n"                   /* 2 */
    "severity = warning\n"                      /* 3 */
    "effect = amend\n"                          /* 4 */
    "table = laws.tsv\n"                        /* 5 */
    "table.key = law\n"                         /* 6 */
    "pattern = 《(?<law>{{name|aliases}})》\n"  /* 7 */
    "message = 《{law}》{table.date}\n"         /* 8 */
    "message.en = {law}\n"                      /* 9 */
    "basis = b\n"                               /* 10 */
    "example.match = 《婚姻法》\n"               /* 11 */
    "example.nomatch = 《民法典》\n";            /* 12 */

static int re_matches(const pcre2_code *re, const char *s)
{
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
    int rc = pcre2_match(re, (PCRE2_SPTR)s, strlen(s), 0, 0, md, NULL);
    pcre2_match_data_free(md);
    return rc > 0;
}

static void test_table_loaded(void **state)
{
    (void)state;
    ruleset_t *rs = ruleset_new();
    rule_diags_t d = {0};
    assert_int_equal(load(rs, "t.rules", TABLE_RULE, 0, &d), 0);
    expect_ndiags(&d, 0);
    const rule_t *r = ruleset_find(rs, "TB-1");
    assert_non_null(r);
    const table_t *t = r->table;
    assert_non_null(t);
    assert_int_equal(rs->ntables, 1);
    assert_ptr_equal(rs->tables[0], t);
    assert_string_equal(t->name, GOOD_DIR "/laws.tsv");
    assert_int_equal(t->ncolumns, 4);
    assert_string_equal(t->columns[0], "name");
    assert_string_equal(t->columns[3], "replaced_by");
    assert_int_equal(t->nrows, 3);   /* comment and blank lines skipped */
    assert_string_equal(t->rows[0][0], "中华人民共和国婚姻法");
    assert_string_equal(t->rows[0][2], "2021-01-01");
    assert_string_equal(t->rows[1][1], "AB法|A.B法");
    /* the short row is padded with empty cells */
    assert_string_equal(t->rows[2][0], "短行法");
    assert_string_equal(t->rows[2][1], "AB法");
    assert_string_equal(t->rows[2][2], "");
    assert_string_equal(t->rows[2][3], "");
    assert_int_equal(table_column(t, "date"), 2);
    assert_int_equal(table_column(t, "nosuch"), -1);
    assert_int_equal(table_find_row(t, NAME_AND_ALIASES, 2, "婚姻法", strlen("婚姻法")), 0);
    assert_int_equal(table_find_row(t, NAME_AND_ALIASES, 2, "A.B法", strlen("A.B法")), 1);
    assert_int_equal(table_find_row(t, NAME_AND_ALIASES, 2, "AB法", strlen("AB法")), 1);   /* first row holding it */
    assert_int_equal(table_find_row(t, NAME_AND_ALIASES, 2, "短行法", strlen("短行法")), 2);
    assert_int_equal(table_find_row(t, NAME_AND_ALIASES, 2, "婚姻", strlen("婚姻")), -1);  /* whole values only */
    assert_int_equal(table_find_row(t, NAME_AND_ALIASES, 2, "AB法|A.B法", strlen("AB法|A.B法")), -1);
    assert_int_equal(table_find_row(t, NAME_AND_ALIASES, 2, "", 0), -1);
    assert_string_equal(r->table_key, "law");
    /* A second rule naming the table shares it. */
    char *second = strstr(TABLE_RULE, "\n");
    buf_t b;
    buf_init(&b);
    buf_printf(&b, "[TB-2]%s", second);
    assert_int_equal(load(rs, "t2.rules", b.data, 0, &d), 0);
    assert_int_equal(rs->ntables, 1);
    assert_ptr_equal(ruleset_find(rs, "TB-2")->table, t);
    buf_free(&b);
    rule_diags_free(&d);
    ruleset_free(rs);
}

static void test_table_expansion(void **state)
{
    (void)state;
    ruleset_t *rs = ruleset_new();
    rule_diags_t d = {0};
    assert_int_equal(load(rs, "t.rules", TABLE_RULE, 0, &d), 0);
    const rule_t *r = ruleset_find(rs, "TB-1");
    /* every value of both columns, quoted, longest first (ties in byte order), no repeats */
    assert_string_equal(r->pattern_src,
                        "《(?<law>(?:中华人民共和国婚姻法|A\\.B\\(试行\\)法|婚姻法|短行法|"
                        "A\\.B法|AB法))》");
    assert_true(re_matches(r->pattern, "《中华人民共和国婚姻法》"));
    assert_true(re_matches(r->pattern, "《A.B(试行)法》"));
    assert_true(re_matches(r->pattern, "依据《A.B法》"));
    assert_true(re_matches(r->pattern, "《AB法》"));
    /* '.' and '(' are literal */
    assert_false(re_matches(r->pattern, "《AxB法》"));
    assert_false(re_matches(r->pattern, "《A.B试行法》"));
    assert_false(re_matches(r->pattern, "《AxB(试行)法》"));
    assert_false(re_matches(r->pattern, "《民法典》"));

    /* {{col}} with one column, spaces inside the braces, two placeholders */
    static const char one[] =
        "[TB-3]\ncategory = higher-law\nseverity = warning\neffect = amend\n"
        "table = laws.tsv\n"
        "pattern = {{ name }}与{{replaced_by}}\n"
        "message = m\nmessage.en = m\nbasis = b\nexample.match = x\nexample.nomatch = y\n";
    assert_int_equal(load(rs, "t3.rules", one, 0, &d), 0);
    expect_ndiags(&d, 0);
    const rule_t *r3 = ruleset_find(rs, "TB-3");
    assert_string_equal(r3->pattern_src,
                        "(?:中华人民共和国婚姻法|A\\.B\\(试行\\)法|短行法)与"
                        "(?:中华人民共和国民法典|新法)");
    assert_null(r3->table_key);
    rule_diags_free(&d);
    ruleset_free(rs);
}

static void test_table_errors(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        const char *file;
        int line;
        const char *msg;
    } cases[] = {
        /* unknown column in {{...}} */
        {"[TB-1]\ncategory = higher-law\nseverity = warning\neffect = amend\n"
         "table = laws.tsv\npattern = 《{{name|nosuch}}》\n"
         "message = m\nmessage.en = m\nbasis = b\nexample.match = x\nexample.nomatch = y\n",
         "t.rules", 6, "table '" GOOD_DIR "/laws.tsv' has no column 'nosuch'"},
        /* a table file that is not there */
        {"[TB-1]\ncategory = higher-law\nseverity = warning\neffect = amend\n"
         "table = absent.tsv\npattern = 《{{name}}》\n"
         "message = m\nmessage.en = m\nbasis = b\nexample.match = x\nexample.nomatch = y\n",
         "t.rules", 5, "table 'fixtures/rules/good/absent.tsv': No such file or directory"},
        /* a path instead of a file name */
        {"[TB-1]\ncategory = higher-law\nseverity = warning\neffect = amend\n"
         "table = ../bad/laws.tsv\npattern = 《{{name}}》\n"
         "message = m\nmessage.en = m\nbasis = b\nexample.match = x\nexample.nomatch = y\n",
         "t.rules", 5, "table '../bad/laws.tsv': give a file name in the rules folder"},
        /* table.key naming a group the pattern lacks */
        {"[TB-1]\ncategory = higher-law\nseverity = warning\neffect = amend\n"
         "table = laws.tsv\ntable.key = law\npattern = 《(?<name>{{name}})》\n"
         "message = m\nmessage.en = m\nbasis = b\nexample.match = x\nexample.nomatch = y\n",
         "t.rules", 1,
         "rule TB-1: 'table.key' names group 'law' that the pattern does not have"},
        /* table.date naming a column the table lacks */
        {"[TB-1]\ncategory = higher-law\nseverity = warning\neffect = amend\n"
         "table = laws.tsv\ntable.key = law\ntable.date = repealed\nissued = before\n"
         "pattern = 《(?<law>{{name}})》\n"
         "message = m\nmessage.en = m\nbasis = b\nexample.match = x\nexample.nomatch = y\n",
         "t.rules", 1, "rule TB-1: table '" GOOD_DIR "/laws.tsv' has no column 'repealed'"},
        /* a column with no values at all */
        {"[TB-1]\ncategory = higher-law\nseverity = warning\neffect = amend\n"
         "table = headeronly.tsv\npattern = 《{{name}}》\n"
         "message = m\nmessage.en = m\nbasis = b\nexample.match = x\nexample.nomatch = y\n",
         "t.rules", 6, "table '" GOOD_DIR "/headeronly.tsv' gives no values for {{name}}"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        ruleset_t *rs = ruleset_new();
        rule_diags_t d = {0};
        print_message("table case %zu\n", i);
        assert_int_equal(load(rs, "t.rules", cases[i].text, 0, &d), 1);
        expect_ndiags(&d, 1);
        expect_diag(&d, 0, cases[i].file, cases[i].line, cases[i].msg);
        assert_string_equal(d.items[0].message, cases[i].msg);
        assert_int_equal(rs->nrules, 0);
        rule_diags_free(&d);
        ruleset_free(rs);
    }
    /* With no table folder (built-in rules), the table must be built in. */
    ruleset_t *rs = ruleset_new();
    rule_diags_t d = {0};
    static const char builtin_text[] =
        "[TB-1]\ncategory = higher-law\nseverity = warning\neffect = amend\n"
        "table = no-such-builtin.tsv\npattern = 《{{name}}》\n"
        "message = m\nmessage.en = m\nbasis = b\nexample.match = x\nexample.nomatch = y\n";
    assert_int_equal(ruleset_load_text(rs, "rules/x.rules", builtin_text, strlen(builtin_text),
                                       NULL, 1, &d), 1);
    expect_diag(&d, 0, "rules/x.rules", 5,
                "table 'no-such-builtin.tsv' is not among the built-in rule files");
    rule_diags_free(&d);
    ruleset_free(rs);
}

/* ---- required literals for the prefilter ------------------------------------------ */

/* Load BASE with `pattern`; return the rule's requires list as "a,b" ("" for none). */
static char *requires_of(const char *pattern, const char *extra)
{
    char line[300];
    snprintf(line, sizeof line, "pattern = %s", pattern);
    char *text = variant("pattern", line, extra);
    ruleset_t *rs = ruleset_new();
    rule_diags_t d = {0};
    if (load(rs, "p.rules", text, 0, &d) != 0) {
        dump_diags(&d);
        fail_msg("pattern %s does not load", pattern);
    }
    const rule_t *r = ruleset_find(rs, "T-1");
    buf_t b;
    buf_init(&b);
    buf_puts(&b, "");
    for (size_t i = 0; i < r->nrequires; i++)
        buf_printf(&b, "%s%s", i ? "," : "", r->requires[i]);
    free(text);
    rule_diags_free(&d);
    ruleset_free(rs);
    return buf_steal(&b);
}

static void expect_requires(const char *pattern, const char *want)
{
    char *got = requires_of(pattern, NULL);
    if (strcmp(got, want) != 0) {
        char msg[400];
        snprintf(msg, sizeof msg, "pattern %s requires \"%s\", want \"%s\"", pattern, got, want);
        free(got);
        fail_msg("%s", msg);
    }
    free(got);
}

static void test_required_literal(void **state)
{
    (void)state;
    expect_requires("有效期至\\d+", "有效期至");
    expect_requires("a|b", "");
    expect_requires("甲乙丙|丁", "");                    /* top-level alternation */
    expect_requires("《(?<x>.+)》", "《");
    expect_requires("(?:甲|乙)丙丁", "丙丁");           /* alternation inside a group */
    expect_requires("第[一二三]条规定", "条规定");
    expect_requires("发文\\.字号", "发文.字号");
    expect_requires("abc*def", "def");
    expect_requires("ab{0,3}cdef", "cdef");
    expect_requires("\\p{Han}{2}有效期", "有效期");
    expect_requires("ab", "");                           /* too short to filter anything */
    expect_requires("(?i)abcdef", "");                   /* case-insensitive: no literal */
    expect_requires("(?x)有 效 期", "");                 /* extended: spaces do not count */
    /* 罚款? matches 罚 alone: 款 must not be required */
    char *got = requires_of("罚款?", NULL);
    assert_null(strstr(got, "款"));
    assert_string_equal(got, "罚");
    free(got);
    got = requires_of("罚款?金", NULL);
    assert_null(strstr(got, "款"));
    free(got);
    /* an explicit `requires` wins and may be repeated */
    got = requires_of("甲|乙", "requires = 甲\nrequires = 乙");
    assert_string_equal(got, "甲,乙");
    free(got);
    /* absence rules get no derived literal: the rule fires exactly when it is missing */
    got = requires_of("有效期至\\d+", "kind = absence");
    assert_string_equal(got, "");
    free(got);
}

/*
 * Inline option groups that set i or x after another letter ((?si), (?mx))
 * change what a literal means just as (?i) does.
 */
static void test_required_literal_combined_flags(void **state)
{
    (void)state;
    char *a = requires_of("(?si)abcdef", NULL);
    char *b = requires_of("(?mx)有 效 期", NULL);
    int ok = !*a && !*b;
    if (!ok)
        print_error("(?si)abcdef requires \"%s\"; (?mx)有 效 期 requires \"%s\"; "
                    "want none for either\n", a, b);
    free(a);
    free(b);
    assert_true(ok);
}

/*
 * Only text that must appear literally may be required: a POSIX class's
 * closing ']' ([[:digit:]]) and a named back-reference's "<name>"
 * (\k<w>) are regex syntax, not text.
 */
static void test_required_literal_only_real_text(void **state)
{
    (void)state;
    char *posix = requires_of("[[:digit:]]号令", NULL);
    char *backref = requires_of("(?<w>\\p{Han})\\k<w>", NULL);
    int ok = !strchr(posix, ']') && !strstr(backref, "<w>");
    if (!ok)
        print_error("[[:digit:]]号令 requires \"%s\"; (?<w>\\p{Han})\\k<w> requires \"%s\"\n",
                    posix, backref);
    free(posix);
    free(backref);
    assert_true(ok);
}

/*
 * Tables are looked up in the folder of the rules that name them: a user's
 * laws.tsv next to the user's rules, not a same-named table loaded earlier
 * for the built-in rules from elsewhere.
 */
static void test_same_table_name_other_folder(void **state)
{
    (void)state;
    ruleset_t *rs = ruleset_new();
    rule_diags_t d = {0};
    /* "built-in" rules whose laws.tsv is fixtures/rules/good/laws.tsv */
    assert_int_equal(ruleset_load_text(rs, "rules/laws.rules", TABLE_RULE, strlen(TABLE_RULE),
                                       GOOD_DIR, 1, &d), 0);
    /* the user's folder replaces TB-1 and has its own laws.tsv */
    assert_int_equal(ruleset_load_dir(rs, "fixtures/rules/user-laws", &d), 0);
    expect_ndiags(&d, 0);
    const rule_t *r = ruleset_find(rs, "TB-1");
    assert_int_equal(r->builtin, 0);
    char pattern[400];
    snprintf(pattern, sizeof pattern, "%s", r->pattern_src);
    long row = table_find_row(r->table, r->key_columns, r->nkey_columns, "用户新增法", strlen("用户新增法"));
    rule_diags_free(&d);
    ruleset_free(rs);
    assert_string_equal(pattern, "《(?<law>(?:用户新增法))》");
    assert_int_equal(row, 0);
}

/* ---- folders ----------------------------------------------------------------------- */

static void test_load_dir_good(void **state)
{
    (void)state;
    ruleset_t *rs = ruleset_new();
    rule_diags_t d = {0};
    assert_int_equal(ruleset_load_dir(rs, GOOD_DIR, &d), 0);
    expect_ndiags(&d, 0);
    assert_int_equal(rs->nrules, 2);
    const rule_t *r = ruleset_find(rs, "U-REPEALED");
    assert_non_null(r);
    assert_string_equal(r->file, GOOD_DIR "/laws.rules");
    assert_int_equal(r->line, 2);
    assert_int_equal(r->builtin, 0);
    assert_int_equal(r->category, CAT_HIGHER_LAW);
    assert_int_equal(r->severity, SEV_ERROR);
    assert_int_equal(r->effect, EFFECT_AMEND);
    assert_int_equal(r->scope, SCOPE_BODY);
    assert_int_equal(r->issued_cond, ISSUED_ON_OR_AFTER);
    assert_string_equal(r->table_date, "date");
    assert_string_equal(r->table_key, "law");
    assert_non_null(r->table);
    assert_string_equal(r->table->name, GOOD_DIR "/laws.tsv");
    assert_int_equal(r->nexamples, 2);
    assert_string_equal(r->examples[0].text,
                        "关于X的通知\n\n依据《婚姻法》制定。\n株洲市民政局\n2023年1月1日");
    const rule_t *p = ruleset_find(rs, "U-PLAIN");
    assert_non_null(p);
    assert_int_equal(p->line, 19);
    assert_int_equal(p->nrequires, 1);
    assert_string_equal(p->requires[0], "有效期至");
    /* the set has 2 capture slots: the whole match and (?<law>) */
    assert_int_equal(rs->max_captures, 2);
    rule_diags_free(&d);
    ruleset_free(rs);
}

static void test_load_dir_duplicate_across_files(void **state)
{
    (void)state;
    ruleset_t *rs = ruleset_new();
    rule_diags_t d = {0};
    assert_int_equal(ruleset_load_dir(rs, "fixtures/rules/dup", &d), 1);
    expect_ndiags(&d, 1);
    /* files are read in name order: a.rules first */
    expect_diag(&d, 0, "fixtures/rules/dup/b.rules", 3,
                "duplicate rule id D-ONE (first defined at fixtures/rules/dup/a.rules:1)");
    assert_int_equal(rs->nrules, 1);
    assert_string_equal(ruleset_find(rs, "D-ONE")->message, "甲");
    rule_diags_free(&d);
    ruleset_free(rs);
}

static void test_load_dir_missing_table(void **state)
{
    (void)state;
    ruleset_t *rs = ruleset_new();
    rule_diags_t d = {0};
    assert_int_equal(ruleset_load_dir(rs, "fixtures/rules/notable", &d), 1);
    expect_ndiags(&d, 1);
    expect_diag(&d, 0, "fixtures/rules/notable/r.rules", 5,
                "table 'fixtures/rules/notable/absent.tsv': No such file or directory");
    assert_int_equal(rs->nrules, 0);
    rule_diags_free(&d);
    ruleset_free(rs);
}

/* A row with more cells than the header: reported at the table's own line. */
static void test_load_dir_row_too_long(void **state)
{
    (void)state;
    ruleset_t *rs = ruleset_new();
    rule_diags_t d = {0};
    assert_int_equal(ruleset_load_dir(rs, "fixtures/rules/badrow", &d), 1);
    expect_ndiags(&d, 1);
    assert_int_equal(d.items[0].line, 3);
    assert_string_equal(d.items[0].message, "row has 3 cells, the header names 2 columns");
    assert_int_equal(rs->nrules, 0);
    /* The file is named as the user can open it, like the rule file's own path. */
    char file[200];
    snprintf(file, sizeof file, "%s", d.items[0].file);
    rule_diags_free(&d);
    ruleset_free(rs);
    assert_string_equal(file, "fixtures/rules/badrow/bad.tsv");
}

static void test_table_without_header(void **state)
{
    (void)state;
    static const char text[] =
        "[TB-1]\ncategory = higher-law\nseverity = warning\neffect = amend\n"
        "table = empty.tsv\npattern = 《{{name}}》\n"
        "message = m\nmessage.en = m\nbasis = b\nexample.match = x\nexample.nomatch = y\n";
    ruleset_t *rs = ruleset_new();
    rule_diags_t d = {0};
    assert_int_equal(ruleset_load_text(rs, "t.rules", text, strlen(text),
                                       "fixtures/rules/noheader", 0, &d), 1);
    expect_ndiags(&d, 1);
    assert_int_equal(d.items[0].line, 1);
    assert_string_equal(d.items[0].message, "table has no header row");
    assert_int_equal(rs->nrules, 0);
    rule_diags_free(&d);
    ruleset_free(rs);
}

static void test_load_dir_empty_and_missing(void **state)
{
    (void)state;
    ruleset_t *rs = ruleset_new();
    rule_diags_t d = {0};
    assert_int_equal(ruleset_load_dir(rs, "fixtures/rules/empty", &d), 1);
    expect_ndiags(&d, 1);
    expect_diag(&d, 0, "fixtures/rules/empty", 0, "no *.rules files in this folder");
    assert_int_equal(ruleset_load_dir(rs, "fixtures/rules/no-such-folder", &d), 1);
    expect_ndiags(&d, 2);
    expect_diag(&d, 1, "fixtures/rules/no-such-folder", 0,
                "cannot open rules folder: No such file or directory");
    assert_int_equal(rs->nrules, 0);
    rule_diags_free(&d);
    /* rule_diags_free leaves an empty, reusable list */
    assert_int_equal(d.n, 0);
    assert_int_equal(d.cap, 0);
    assert_null(d.items);
    rule_diags_free(&d);   /* twice is harmless */
    ruleset_free(rs);
}

/* ---- names and freeing ---------------------------------------------------------------- */

static void test_names(void **state)
{
    (void)state;
    assert_string_equal(category_name(CAT_VALIDITY), "validity");
    assert_string_equal(category_name(CAT_FAIR_COMPETITION), "fair-competition");
    assert_string_equal(category_name(CAT_ENCODING), "encoding");
    assert_string_equal(severity_name(SEV_ERROR), "error");
    assert_string_equal(severity_name(SEV_INFO), "info");
    assert_string_equal(severity_label(SEV_WARNING, 0), "警告");
    assert_string_equal(severity_label(SEV_ERROR, 0), "错误");
    assert_string_equal(severity_label(SEV_INFO, 0), "提示");
    assert_string_equal(severity_label(SEV_INFO, 1), "info");
    assert_string_equal(effect_name(EFFECT_REPEAL), "repeal");
    assert_string_equal(effect_name(EFFECT_NONE), "none");
    severity_t s = SEV_INFO;
    assert_int_equal(severity_parse("warning", &s), 0);
    assert_int_equal(s, SEV_WARNING);
    assert_int_equal(severity_parse("Warning", &s), -1);
    assert_int_equal(s, SEV_WARNING);
}

/* Everything a failed load allocated is freed too (ASan's leak check runs at exit). */
static void test_free_after_errors(void **state)
{
    (void)state;
    ruleset_free(NULL);
    ruleset_t *rs = ruleset_new();
    assert_int_equal(rs->nrules, 0);
    assert_int_equal(rs->max_captures, 1);
    rule_diags_t d = {0};
    /* rules failing at every stage, and good ones, in one set */
    load(rs, "a.rules", TABLE_RULE, 0, &d);
    for (size_t i = 0; i < sizeof BAD_CASES / sizeof *BAD_CASES; i++) {
        char *text = variant(BAD_CASES[i].key, BAD_CASES[i].line, BAD_CASES[i].extra);
        load(rs, "b.rules", text, 0, &d);
        free(text);
    }
    char *re = variant("pattern", "pattern = (", "requires = 甲\nexample.match = 2");
    load(rs, "c.rules", re, 0, &d);
    free(re);
    ruleset_load_dir(rs, "fixtures/rules/badrow", &d);
    ruleset_load_dir(rs, "fixtures/rules/good", &d);
    assert_true(d.n > 0);
    rule_diags_free(&d);
    ruleset_free(rs);
}

int main(void)
{
    /* The expected diagnostics below quote English system errors ("No such file ..."). */
    messages_set_english(1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid_rule_fields),
        cmocka_unit_test(test_bom_crlf_comments),
        cmocka_unit_test(test_check_rule),
        cmocka_unit_test(test_bad_lines),
        cmocka_unit_test(test_bad_regex),
        cmocka_unit_test(test_bad_headers),
        cmocka_unit_test(test_key_outside_section),
        cmocka_unit_test(test_errors_are_per_rule),
        cmocka_unit_test(test_duplicate_id_in_one_text),
        cmocka_unit_test(test_user_rule_replaces_builtin),
        cmocka_unit_test(test_table_loaded),
        cmocka_unit_test(test_table_expansion),
        cmocka_unit_test(test_table_errors),
        cmocka_unit_test(test_required_literal),
        cmocka_unit_test(test_required_literal_combined_flags),
        cmocka_unit_test(test_required_literal_only_real_text),
        cmocka_unit_test(test_same_table_name_other_folder),
        cmocka_unit_test(test_load_dir_good),
        cmocka_unit_test(test_load_dir_duplicate_across_files),
        cmocka_unit_test(test_load_dir_missing_table),
        cmocka_unit_test(test_load_dir_row_too_long),
        cmocka_unit_test(test_table_without_header),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_free_after_errors),
        /* last: with the bug it reports, UBSan stops the whole program here */
        cmocka_unit_test(test_load_dir_empty_and_missing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
