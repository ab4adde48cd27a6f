/*
 * test_engine.c - rules run over small documents: positions in the
 * original text, scopes, absence rules, when/unless/exclude, message
 * placeholders, the issued condition, check findings, sorting, and
 * patterns that match the empty string.
 */
#include "testutil.h"

#include "doc/document.h"
#include "rules/engine.h"
#include "rules/ruleset.h"

#define TABLE_DIR "fixtures/rules/good"

/* A rule with everything required but the pattern (and, for RULE_M, the messages). */
#define RULE_M(id, extra)                                                              \
    "[" id "]\ncategory = drafting\nseverity = warning\neffect = none\nbasis = b\n"    \
    "example.match = x\nexample.nomatch = y\n" extra "\n"
#define RULE(id, extra) RULE_M(id, "message = 中\nmessage.en = en\n" extra)

/* ---- helpers ------------------------------------------------------------------ */

static ruleset_t *rules_in(const char *text, const char *table_dir)
{
    ruleset_t *rs = ruleset_new();
    rule_diags_t d = {0};
    ruleset_load_text(rs, "t.rules", text, strlen(text), table_dir, 0, &d);
    if (d.n) {
        char msg[600];
        snprintf(msg, sizeof msg, "%s:%d: %s", d.items[0].file, d.items[0].line,
                 d.items[0].message);
        rule_diags_free(&d);
        ruleset_free(rs);
        fail_msg("rules do not load: %s", msg);
    }
    rule_diags_free(&d);
    return rs;
}

static ruleset_t *rules_from(const char *text)
{
    return rules_in(text, TABLE_DIR);
}

static void load_doc(const char *text, document_t *doc)
{
    assert_int_equal(document_load("t.txt", text, strlen(text), ENC_AUTO, doc), DECODE_OK);
}

/* Run `rs` over `text`; the caller frees doc and findings. */
static void run(const ruleset_t *rs, const char *text, document_t *doc, findings_t *f)
{
    load_doc(text, doc);
    memset(f, 0, sizeof *f);
    matcher_t *m = matcher_new(rs);
    engine_run(rs, m, doc, f);
    matcher_free(m);
}

/* Findings of rule `id`, for a doc run with a whole rule set. */
static size_t count_rule(const findings_t *f, const char *id)
{
    size_t n = 0;
    for (size_t i = 0; i < f->n; i++)
        n += strcmp(f->items[i].rule->id, id) == 0;
    return n;
}

static const finding_t *nth_of(const findings_t *f, const char *id, size_t k)
{
    for (size_t i = 0; i < f->n; i++)
        if (strcmp(f->items[i].rule->id, id) == 0 && k-- == 0)
            return &f->items[i];
    fail_msg("no finding %zu of rule %s", k, id);
    return NULL;
}

static void expect_pos(const finding_t *x, size_t l1, size_t c1, size_t l2, size_t c2)
{
    if (x->from.line != l1 || x->from.column != c1 || x->to.line != l2 || x->to.column != c2)
        fail_msg("%s \"%s\" at %zu:%zu-%zu:%zu, want %zu:%zu-%zu:%zu", x->rule->id, x->excerpt,
                 x->from.line, x->from.column, x->to.line, x->to.column, l1, c1, l2, c2);
}

static void expect_count(const findings_t *f, const char *id, size_t n)
{
    size_t got = count_rule(f, id);
    if (got != n)
        fail_msg("%s: %zu findings, want %zu", id, got, n);
}

/* ---- positions ------------------------------------------------------------------- */

static void test_match_positions_crlf_fullwidth(void **state)
{
    (void)state;
    ruleset_t *rs = rules_from(RULE_M("FINE", "pattern = 罚款(?<amount>\\d+)元\n"
                                              "message = 罚款{amount}元\n"
                                              "message.en = fine of {amount}"));
    document_t doc;
    findings_t f;
    /* line 2 comes after a CRLF; its digits are full-width */
    run(rs, "关于罚款的通知\r\n罚款２０２３元，罚款5元。\r\n", &doc, &f);
    assert_int_equal(f.n, 2);
    const finding_t *a = &f.items[0], *b = &f.items[1];
    assert_ptr_equal(a->rule, ruleset_find(rs, "FINE"));
    assert_int_equal(a->start, 22);   /* "关于罚款的通知\n" is 22 bytes */
    assert_int_equal(a->end, 35);
    expect_pos(a, 2, 1, 2, 8);        /* 罚款２０２３元: 7 characters */
    assert_string_equal(a->excerpt, "罚款２０２３元");   /* as written in the file */
    assert_string_equal(a->message, "罚款2023元");
    assert_string_equal(a->message_en, "fine of 2023");
    assert_int_equal(b->start, 38);
    assert_int_equal(b->end, 48);
    expect_pos(b, 2, 9, 2, 13);
    assert_string_equal(b->excerpt, "罚款5元");
    assert_string_equal(b->message, "罚款5元");
    findings_free(&f);
    assert_int_equal(f.n, 0);
    assert_null(f.items);
    document_free(&doc);

    /* A zero-width space still counts as a column of the original line. */
    run(rs, "甲\xE2\x80\x8B罚款1元\n", &doc, &f);
    assert_int_equal(f.n, 1);
    expect_pos(&f.items[0], 1, 3, 1, 7);
    assert_int_equal(f.items[0].start, 3);
    findings_free(&f);
    document_free(&doc);

    /* Several lines down, after an old Mac CR line end. */
    run(rs, "甲\r乙\n\n  罚款10元", &doc, &f);
    assert_int_equal(f.n, 1);
    expect_pos(&f.items[0], 4, 3, 4, 8);
    findings_free(&f);
    document_free(&doc);
    ruleset_free(rs);
}

/* ---- scopes --------------------------------------------------------------------- */

static const char SCOPED_DOC[] =
    "株民发〔2023〕12号\n"      /* 1: 文号    (title part) */
    "关于罚款管理的通知\n"      /* 2: title   (title part) */
    "各区县民政局：\n"          /* 3: body */
    "民政局罚款事项如下。\n"    /* 4: body */
    "株洲市民政局\n"            /* 5: closing */
    "2023年11月8日\n";          /* 6: closing */

static void test_scopes(void **state)
{
    (void)state;
    ruleset_t *rs = rules_from(RULE("S-TITLE", "scope = title\npattern = 罚款")
                               RULE("S-BODY", "scope = body\npattern = 罚款")
                               RULE("S-CLOSE", "scope = closing\npattern = 民政局")
                               RULE("S-ALL", "pattern = 民政局")
                               RULE("S-NUM", "scope = title\npattern = \\d+号")
                               RULE("S-BODY-NUM", "scope = body\npattern = \\d+号"));
    document_t doc;
    findings_t f;
    run(rs, SCOPED_DOC, &doc, &f);
    expect_count(&f, "S-TITLE", 1);
    expect_pos(nth_of(&f, "S-TITLE", 0), 2, 3, 2, 5);
    expect_count(&f, "S-BODY", 1);
    expect_pos(nth_of(&f, "S-BODY", 0), 4, 4, 4, 6);
    expect_count(&f, "S-CLOSE", 1);
    expect_pos(nth_of(&f, "S-CLOSE", 0), 5, 4, 5, 7);
    expect_count(&f, "S-ALL", 3);
    expect_pos(nth_of(&f, "S-ALL", 0), 3, 4, 3, 7);
    expect_pos(nth_of(&f, "S-ALL", 1), 4, 1, 4, 4);
    expect_pos(nth_of(&f, "S-ALL", 2), 5, 4, 5, 7);
    expect_count(&f, "S-NUM", 1);    /* the 文号 belongs to the title part */
    expect_pos(nth_of(&f, "S-NUM", 0), 1, 10, 1, 13);
    assert_string_equal(nth_of(&f, "S-NUM", 0)->excerpt, "12号");
    expect_count(&f, "S-BODY-NUM", 0);
    assert_int_equal(f.n, 7);
    findings_free(&f);
    document_free(&doc);
    ruleset_free(rs);
}

/* ---- absence ---------------------------------------------------------------------- */

static void test_absence(void **state)
{
    (void)state;
    ruleset_t *rs = rules_from(RULE("A-BODY", "kind = absence\nscope = body\npattern = 有效期")
                               RULE("A-ALL", "kind = absence\npattern = 有效期")
                               RULE("A-DATE", "kind = absence\nscope = closing\n"
                                              "pattern = \\d{4}年\\d{1,2}月\\d{1,2}日"));
    document_t doc;
    findings_t f;
    run(rs, SCOPED_DOC, &doc, &f);
    expect_count(&f, "A-BODY", 1);   /* once, at the body's start */
    const finding_t *x = nth_of(&f, "A-BODY", 0);
    expect_pos(x, 3, 1, 3, 1);
    assert_int_equal(x->start, x->end);
    assert_int_equal(x->start, doc.part[PART_BODY].start);
    assert_string_equal(x->excerpt, "");
    assert_string_equal(x->message, "中");
    expect_count(&f, "A-ALL", 1);
    expect_pos(nth_of(&f, "A-ALL", 0), 1, 1, 1, 1);
    expect_count(&f, "A-DATE", 0);   /* the closing has its date */
    assert_int_equal(f.n, 2);
    findings_free(&f);
    document_free(&doc);

    /* with the clause present: nothing */
    run(rs, "关于罚款管理的通知\n各区县民政局：\n本通知有效期5年。\n株洲市民政局\n2023年11月8日\n",
        &doc, &f);
    assert_int_equal(f.n, 0);
    findings_free(&f);
    document_free(&doc);
    ruleset_free(rs);
}

/* ---- when / unless / exclude ---------------------------------------------------------- */

static void test_when_unless(void **state)
{
    (void)state;
    ruleset_t *rs = rules_from(RULE("W-1", "scope = body\npattern = 罚款\nwhen = 通知$")
                               RULE("U-1", "scope = body\npattern = 罚款\nunless = 废止|失效"));
    document_t doc;
    findings_t f;
    /* `when` matches in the title although the rule looks at the body */
    run(rs, "关于罚款管理的通知\n各单位：\n罚款一律上缴。\n", &doc, &f);
    expect_count(&f, "W-1", 1);
    expect_pos(nth_of(&f, "W-1", 0), 3, 1, 3, 3);
    expect_count(&f, "U-1", 1);
    findings_free(&f);
    document_free(&doc);

    run(rs, "关于罚款管理的决定\n各单位：\n罚款一律上缴。本决定同时废止。\n", &doc, &f);
    expect_count(&f, "W-1", 0);
    expect_count(&f, "U-1", 0);
    findings_free(&f);
    document_free(&doc);

    run(rs, "关于罚款管理的决定\n各单位：\n罚款一律上缴。\n", &doc, &f);
    expect_count(&f, "W-1", 0);
    expect_count(&f, "U-1", 1);
    findings_free(&f);
    document_free(&doc);
    ruleset_free(rs);
}

static void test_exclude(void **state)
{
    (void)state;
    ruleset_t *rs = rules_from(RULE("X-1", "pattern = 《婚姻法》\nexclude = 原《"));
    document_t doc;
    findings_t f;
    run(rs,
        "依据原《婚姻法》处理。依据《婚姻法》执行；另见原《婚姻法》。\n"
        "《婚姻法》原文\n",
        &doc, &f);
    assert_int_equal(f.n, 2);
    /* the first and third sentences say 原《 and are dropped */
    expect_pos(&f.items[0], 1, 14, 1, 19);
    /* a sentence ends at the line end: line 1's 原《 does not reach line 2 */
    expect_pos(&f.items[1], 2, 1, 2, 6);
    findings_free(&f);
    document_free(&doc);
    ruleset_free(rs);
}

/* ---- placeholders --------------------------------------------------------------------- */

static void test_named_groups_in_messages(void **state)
{
    (void)state;
    ruleset_t *rs = rules_from(
        RULE_M("G-1", "pattern = 依据《(?<law>[^》]+)》(?:第(?<art>\\d+)条)?\n"
                      "message = 引用《{law}》第{art}条{nosuch}\n"
                      "message.en = cites {law} art. [{art}] {law}"));
    document_t doc;
    findings_t f;
    run(rs, "依据《劳动法》第１２条和依据《民法典》处理。\n", &doc, &f);
    assert_int_equal(f.n, 2);
    assert_string_equal(f.items[0].message, "引用《劳动法》第12条{nosuch}");
    assert_string_equal(f.items[0].message_en, "cites 劳动法 art. [12] 劳动法");
    assert_string_equal(f.items[0].excerpt, "依据《劳动法》第１２条");   /* as written */
    expect_pos(&f.items[0], 1, 1, 1, 12);
    /* an unset group is empty */
    assert_string_equal(f.items[1].message, "引用《民法典》第条{nosuch}");
    assert_string_equal(f.items[1].message_en, "cites 民法典 art. [] 民法典");
    findings_free(&f);
    document_free(&doc);
    ruleset_free(rs);
}

#define LAW_RULE(id, extra)                                                          \
    RULE_M(id, "table = laws.tsv\ntable.key = law\n"                                \
               "pattern = 《(?<law>{{name|aliases}})》\n"                           \
               "message = 《{law}》已于{table.date}废止，由{table.replaced_by}取代\n" \
               "message.en = {law}: {table.name} {table.nosuch} {table.}\n" extra)

static void test_table_placeholders(void **state)
{
    (void)state;
    ruleset_t *rs = rules_from(LAW_RULE("L-1", ""));
    document_t doc;
    findings_t f;
    run(rs, "依据《婚姻法》和《A.B法》及《短行法》制定。\n", &doc, &f);
    assert_int_equal(f.n, 3);
    assert_string_equal(f.items[0].message, "《婚姻法》已于2021-01-01废止，由中华人民共和国民法典取代");
    assert_string_equal(f.items[0].message_en, "婚姻法: 中华人民共和国婚姻法 {table.nosuch} {table.}");
    assert_string_equal(f.items[1].message, "《A.B法》已于2020-05-01废止，由新法取代");
    assert_string_equal(f.items[1].message_en, "A.B法: A.B(试行)法 {table.nosuch} {table.}");
    /* the padded short row: empty cells */
    assert_string_equal(f.items[2].message, "《短行法》已于废止，由取代");
    findings_free(&f);
    document_free(&doc);
    ruleset_free(rs);
}

/*
 * {table.COLUMN} comes from the row the law was matched by (its name or
 * aliases), not from an earlier row that merely names it as the successor.
 * fixtures/rules/chain/laws.tsv: 旧法甲 -> 新法乙 (2020), 新法乙 -> 新法丙 (2024).
 */
static void test_table_row_of_the_matched_law(void **state)
{
    (void)state;
    ruleset_t *rs = rules_in(RULE_M("CH-1", "table = laws.tsv\ntable.key = law\n"
                                            "pattern = 《(?<law>{{name|aliases}})》\n"
                                            "message = {law}|{table.date}|{table.replaced_by}\n"
                                            "message.en = {table.name}"),
                             "fixtures/rules/chain");
    document_t doc;
    findings_t f;
    run(rs, "依据《旧法甲》和《新法乙》制定。\n", &doc, &f);
    assert_int_equal(f.n, 2);
    char first[200], second[200];
    snprintf(first, sizeof first, "%s", f.items[0].message);
    snprintf(second, sizeof second, "%s", f.items[1].message);
    findings_free(&f);
    document_free(&doc);
    ruleset_free(rs);
    assert_string_equal(first, "旧法甲|2020-01-01|新法乙");
    assert_string_equal(second, "新法乙|2024-01-01|新法丙");
}

/* ---- issued = before / on-or-after -------------------------------------------------------- */

static void test_issued_condition(void **state)
{
    (void)state;
    ruleset_t *rs = rules_from(
        LAW_RULE("I-BEFORE", "table.date = date\nissued = before\n")
        LAW_RULE("I-AFTER", "table.date = date\nissued = on-or-after\n"));
    static const struct {
        const char *text;
        size_t before, after;
    } cases[] = {
        /* 婚姻法 repealed 2021-01-01 */
        {"关于X的通知\n各单位：\n依据《婚姻法》制定。\n株洲市民政局\n2020年6月1日\n", 1, 0},
        {"关于X的通知\n各单位：\n依据《婚姻法》制定。\n株洲市民政局\n2020年12月31日\n", 1, 0},
        {"关于X的通知\n各单位：\n依据《婚姻法》制定。\n株洲市民政局\n2021年1月1日\n", 0, 1},
        {"关于X的通知\n各单位：\n依据《婚姻法》制定。\n株洲市民政局\n2022年3月5日\n", 0, 1},
        {"关于X的通知\n各单位：\n依据《婚姻法》制定。\n株洲市民政局\n二〇二〇年十二月三十日\n", 1, 0},
        /* no date at all: counts as issued before */
        {"关于X的通知\n各单位：\n依据《婚姻法》制定。\n", 1, 0},
        /* no closing date, 文号 year 2021: taken as 2021-12-31 */
        {"株民发〔2021〕3号\n关于X的通知\n各单位：\n依据《婚姻法》制定。\n", 0, 1},
        /* a row without a date: neither */
        {"关于X的通知\n各单位：\n依据《短行法》制定。\n株洲市民政局\n2020年6月1日\n", 0, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        document_t doc;
        findings_t f;
        run(rs, cases[i].text, &doc, &f);
        size_t b = count_rule(&f, "I-BEFORE"), a = count_rule(&f, "I-AFTER");
        findings_free(&f);
        document_free(&doc);
        if (b != cases[i].before || a != cases[i].after)
            fail_msg("case %zu: before %zu after %zu, want %zu %zu", i, b, a, cases[i].before,
                     cases[i].after);
    }
    /* Each match is judged by its own row: A.B法 was repealed 2020-05-01. */
    document_t doc;
    findings_t f;
    run(rs, "关于X的通知\n各单位：\n依据《婚姻法》《A.B法》制定。\n株洲市民政局\n2020年6月1日\n",
        &doc, &f);
    expect_count(&f, "I-BEFORE", 1);
    assert_string_equal(nth_of(&f, "I-BEFORE", 0)->excerpt, "《婚姻法》");
    expect_count(&f, "I-AFTER", 1);
    assert_string_equal(nth_of(&f, "I-AFTER", 0)->excerpt, "《A.B法》");
    findings_free(&f);
    document_free(&doc);
    ruleset_free(rs);
}

/* ---- render_message -------------------------------------------------------------------------- */

static void test_render_message(void **state)
{
    (void)state;
    const placeholder_t vars[] = {{"x", "1"}, {"expires", "2023年6月30日"}, {"", "E"}};
    static const struct {
        const char *tmpl, *want;
    } cases[] = {
        {"a{x}b", "a1b"},
        {"至{expires}止", "至2023年6月30日止"},
        {"{unknown}", "{unknown}"},
        {"a{x}b{unknown}c{", "a1b{unknown}c{"},
        {"{{x}}", "{1}"},
        {"{x", "{x"},
        {"}{x}{", "}1{"},
        {"{}", "E"},            /* an empty name is a name like any other */
        {"{ x}", "{ x}"},
        {"", ""},
        {"无占位符", "无占位符"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *got = render_message(cases[i].tmpl, vars, 3);
        int ok = strcmp(got, cases[i].want) == 0;
        if (!ok)
            print_error("render_message(\"%s\") = \"%s\", want \"%s\"\n", cases[i].tmpl, got,
                        cases[i].want);
        free(got);
        assert_true(ok);
    }
    char *got = render_message("a{x}b", NULL, 0);
    assert_string_equal(got, "a{x}b");
    free(got);
}

/* ---- check rules ------------------------------------------------------------------------------ */

static void test_report_check(void **state)
{
    (void)state;
    ruleset_t *rs = rules_from(
        RULE_M("C-EXP", "check = validity-expired\n"
                        "message = 有效期已于{expires}届满（审查基准日{as_of}）\n"
                        "message.en = ended {expires}; {unknown}"));
    assert_int_equal(ruleset_find(rs, "C-EXP")->kind, RULE_CHECK);
    document_t doc;
    findings_t f;
    run(rs, "关于X的通知\n各单位：\n本通知有效期至2023年6月30日。\n株洲市民政局\n2023年1月1日\n",
        &doc, &f);
    assert_int_equal(f.n, 0);   /* engine_run leaves check rules to the code */
    const char *at = strstr(doc.norm.text, "2023年6月30日");
    assert_non_null(at);
    size_t start = (size_t)(at - doc.norm.text), end = start + strlen("2023年6月30日");
    const placeholder_t vars[] = {{"expires", "2023年6月30日"}, {"as_of", "2026-01-01"}};
    assert_int_equal(engine_report_check(rs, "validity-expired", &doc, start, end, vars, 2, &f),
                     1);
    assert_int_equal(f.n, 1);
    const finding_t *x = &f.items[0];
    assert_ptr_equal(x->rule, ruleset_find(rs, "C-EXP"));
    assert_int_equal(x->start, start);
    assert_int_equal(x->end, end);
    expect_pos(x, 3, 8, 3, 18);
    assert_string_equal(x->message, "有效期已于2023年6月30日届满（审查基准日2026-01-01）");
    assert_string_equal(x->message_en, "ended 2023年6月30日; {unknown}");
    assert_string_equal(x->excerpt, "2023年6月30日");
    /* a check the rule set does not have: nothing added */
    assert_int_equal(engine_report_check(rs, "validity-expiring", &doc, start, end, vars, 2, &f),
                     0);
    assert_int_equal(engine_report_check(rs, "nope", &doc, 0, 0, NULL, 0, &f), 0);
    assert_int_equal(f.n, 1);
    findings_free(&f);
    document_free(&doc);
    ruleset_free(rs);
}

/* ---- sorting ---------------------------------------------------------------------------------- */

static void test_findings_sort(void **state)
{
    (void)state;
    ruleset_t *rs = rules_from(RULE("R-B", "pattern = 乙") RULE("R-Z", "pattern = 甲")
                               RULE("R-A", "pattern = 甲") RULE("R-AA", "pattern = 甲乙"));
    document_t doc;
    findings_t f;
    run(rs, "甲乙甲", &doc, &f);
    assert_int_equal(f.n, 6);
    /* engine order: rule by rule */
    assert_string_equal(f.items[0].rule->id, "R-B");
    assert_string_equal(f.items[5].rule->id, "R-AA");
    findings_sort(&f);
    static const struct {
        const char *id;
        size_t start, end;
    } want[] = {
        {"R-A", 0, 3}, {"R-Z", 0, 3}, {"R-AA", 0, 6}, {"R-B", 3, 6}, {"R-A", 6, 9}, {"R-Z", 6, 9},
    };
    for (size_t i = 0; i < 6; i++) {
        const finding_t *x = &f.items[i];
        if (strcmp(x->rule->id, want[i].id) != 0 || x->start != want[i].start ||
            x->end != want[i].end)
            fail_msg("sorted[%zu] is %s [%zu,%zu), want %s [%zu,%zu)", i, x->rule->id, x->start,
                     x->end, want[i].id, want[i].start, want[i].end);
    }
    findings_sort(&f);   /* sorting again changes nothing */
    assert_string_equal(f.items[2].rule->id, "R-AA");
    findings_free(&f);
    findings_sort(&f);   /* an empty list is fine */
    findings_free(&f);
    document_free(&doc);
    ruleset_free(rs);
}

/* ---- empty matches ------------------------------------------------------------------------------ */

static void test_empty_matches_terminate(void **state)
{
    (void)state;
    ruleset_t *rs = rules_from(RULE("E-LOOK", "pattern = (?=乙)") RULE("E-STAR", "pattern = x*")
                               RULE("E-LINE", "pattern = ^"));
    document_t doc;
    findings_t f;
    run(rs, "甲乙乙", &doc, &f);
    expect_count(&f, "E-LOOK", 2);
    const finding_t *a = nth_of(&f, "E-LOOK", 0), *b = nth_of(&f, "E-LOOK", 1);
    assert_int_equal(a->start, 3);
    assert_int_equal(a->end, 3);
    expect_pos(a, 1, 2, 1, 2);
    assert_int_equal(b->start, 6);
    expect_pos(b, 1, 3, 1, 3);
    /* x* matches the empty string before every character and at the end */
    expect_count(&f, "E-STAR", 4);
    for (size_t k = 0; k < 4; k++)
        assert_int_equal(nth_of(&f, "E-STAR", k)->start, 3 * k);
    expect_count(&f, "E-LINE", 1);
    findings_free(&f);
    document_free(&doc);

    run(rs, "甲\n乙\n", &doc, &f);
    expect_count(&f, "E-LINE", 2);
    expect_pos(nth_of(&f, "E-LINE", 0), 1, 1, 1, 1);
    expect_pos(nth_of(&f, "E-LINE", 1), 2, 1, 2, 1);
    findings_free(&f);
    document_free(&doc);

    run(rs, "", &doc, &f);   /* an empty document: one empty match each for x* and ^ */
    expect_count(&f, "E-STAR", 1);
    expect_count(&f, "E-LINE", 1);
    expect_count(&f, "E-LOOK", 0);
    findings_free(&f);
    document_free(&doc);
    ruleset_free(rs);
}

/* ---- the prefilter ------------------------------------------------------------------------------ */

/* A rule the literal prefilter skips must be one that could not have matched. */
static void test_prefilter_keeps_findings(void **state)
{
    (void)state;
    ruleset_t *rs = rules_from(RULE("P-I", "pattern = (?i)abcdef")
                               RULE("P-OPT", "pattern = 罚款?金")
                               RULE("P-BODY", "scope = body\npattern = 罚款"));
    document_t doc;
    findings_t f;
    run(rs, "关于罚款的通知\n各单位：\nABCDEF，罚金。\n", &doc, &f);
    expect_count(&f, "P-I", 1);
    expect_count(&f, "P-OPT", 1);
    expect_count(&f, "P-BODY", 0);   /* 罚款 only in the title */
    findings_free(&f);
    document_free(&doc);
    ruleset_free(rs);
}

/* (?si) is as case-insensitive as (?i): the prefilter must not demand "abcdef". */
static void test_prefilter_combined_inline_flags(void **state)
{
    (void)state;
    ruleset_t *rs = rules_from(RULE("P-SI", "pattern = (?si)abcdef")
                               RULE("C-SI", "pattern = (?si)abcdef\nrequires = ABC"));
    document_t doc;
    findings_t f;
    run(rs, "各单位：\nABCDEF。\n", &doc, &f);
    expect_count(&f, "C-SI", 1);   /* the regex does match */
    size_t n = count_rule(&f, "P-SI");
    findings_free(&f);
    document_free(&doc);
    ruleset_free(rs);
    assert_int_equal(n, 1);
}

/* Patterns whose derived literal is regex syntax rather than text still match. */
static void test_prefilter_posix_class_and_named_backref(void **state)
{
    (void)state;
    ruleset_t *rs = rules_from(RULE("P-POSIX", "pattern = [[:digit:]]号令")
                               RULE("P-BACKREF", "pattern = (?<w>\\p{Han})\\k<w>")
                               /* the same patterns with the literal given by hand */
                               RULE("C-POSIX", "pattern = [[:digit:]]号令\nrequires = 号令")
                               RULE("C-BACKREF", "pattern = (?<w>\\p{Han})\\k<w>\n"
                                                 "requires = 确"));
    document_t doc;
    findings_t f;
    run(rs, "各单位：\n依据第5号令，的的确确。\n", &doc, &f);
    size_t posix = count_rule(&f, "P-POSIX"), backref = count_rule(&f, "P-BACKREF");
    /* the regexes themselves do match */
    expect_count(&f, "C-POSIX", 1);
    expect_count(&f, "C-BACKREF", 2);
    findings_free(&f);
    document_free(&doc);
    ruleset_free(rs);
    if (posix != 1 || backref != 2)
        fail_msg("P-POSIX %zu findings (want 1), P-BACKREF %zu (want 2: 的的, 确确)", posix,
                 backref);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_match_positions_crlf_fullwidth),
        cmocka_unit_test(test_scopes),
        cmocka_unit_test(test_absence),
        cmocka_unit_test(test_when_unless),
        cmocka_unit_test(test_exclude),
        cmocka_unit_test(test_named_groups_in_messages),
        cmocka_unit_test(test_table_placeholders),
        cmocka_unit_test(test_table_row_of_the_matched_law),
        cmocka_unit_test(test_issued_condition),
        cmocka_unit_test(test_render_message),
        cmocka_unit_test(test_report_check),
        cmocka_unit_test(test_findings_sort),
        cmocka_unit_test(test_empty_matches_terminate),
        cmocka_unit_test(test_prefilter_keeps_findings),
        cmocka_unit_test(test_prefilter_combined_inline_flags),
        cmocka_unit_test(test_prefilter_posix_class_and_named_backref),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
