/*
 * test_fix.c - the certain fixes (src/text/fix.c): each fix, the contexts
 * where it must not act, quotations and 《》 titles left as written, the
 * 文号 (brackets, leading zeros, full-width digits), line ends kept, and
 * idempotence. Then the agreement with the rules: a fixed text has no
 * finding of the rules the fixes answer, checked with the built-in rule set.
 */
#include "testutil.h"

#include "audit/audit.h"
#include "audit/profile.h"
#include "rules/ruleset.h"
#include "text/fix.h"

/* ---- helpers ------------------------------------------------------------------ */

/* Fix `in` (no 文号 range) and compare; returns the counts. */
static fix_counts_t fix_expect(const char *in, const char *want)
{
    size_t n;
    fix_counts_t c;
    char *out = fix_text(in, strlen(in), 0, 0, &n, &c);
    assert_int_equal(n, strlen(out));
    if (strcmp(out, want) != 0)
        fail_msg("fix(\"%s\")\n  got  \"%s\"\n  want \"%s\"", in, out, want);
    free(out);
    return c;
}

/* Fix with the 文号 on the first line (the whole line). */
static fix_counts_t fix_docnum_expect(const char *in, const char *want)
{
    size_t n;
    fix_counts_t c;
    const char *nl = strchr(in, '\n');
    size_t end = nl ? (size_t)(nl - in) : strlen(in);
    char *out = fix_text(in, strlen(in), 0, end, &n, &c);
    if (strcmp(out, want) != 0)
        fail_msg("fix(\"%s\")\n  got  \"%s\"\n  want \"%s\"", in, out, want);
    free(out);
    return c;
}

static void unchanged(const char *in)
{
    fix_counts_t c = fix_expect(in, in);
    assert_int_equal(fix_total(&c), 0);
}

/* ---- each fix --------------------------------------------------------------------- */

static void test_halfwidth_punct(void **state)
{
    (void)state;
    fix_counts_t c = fix_expect("年满60周岁的老年人,且独居;对象:包括谁?是!对",
                                "年满60周岁的老年人，且独居；对象：包括谁？是！对");
    assert_int_equal(c.halfwidth, 5);
    assert_int_equal(fix_total(&c), 5);
    /* After a closing mark, before an opening one. */
    fix_expect("金额）;四类", "金额）；四类");
    fix_expect("规定,《条例》", "规定，《条例》");
}

static void test_halfwidth_near_misses(void **state)
{
    (void)state;
    unchanged("每周一8:30至11:30，比例1:1。");
    unchanged("见 http://example.invalid/a,b;c 网页。");
    unchanged("各县市区民政局:\n");          /* at a line end: not between characters */
    unchanged("中,,文");                     /* not a Chinese context on both sides */
    unchanged("Hello, world!");
}

static void test_parens(void **state)
{
    (void)state;
    fix_counts_t c = fix_expect("经办机构(以下简称经办机构)负责。", "经办机构（以下简称经办机构）负责。");
    assert_int_equal(c.parens, 2);
    fix_expect("(一)探访内容", "（一）探访内容");
    fix_expect("《意见》(国办发〔2021〕14号)和", "《意见》（国办发〔2021〕14号）和");
    /* A mixed pair: only the half-width half changes. */
    c = fix_expect("限额为1万元（含门诊救助金额)。", "限额为1万元（含门诊救助金额）。");
    assert_int_equal(c.parens, 1);
    fix_expect("见(试行）办法", "见（试行）办法");
    fix_expect("（(一)）", "（（一））");
}

static void test_parens_near_misses(void **state)
{
    (void)state;
    unchanged("按(A+B)×50%计算。");            /* no Chinese inside */
    unchanged("世界卫生组织WHO(世界卫生组织)。"); /* right after a letter */
    unchanged("=HYPERLINK(\"http://x/\",\"通知\")");
    unchanged("补助金额=面积×标准×(1+浮动系数)，每月200(元/人)。");
    unchanged("差额-(上年结余)。");
    unchanged("1)身体状况；2)生活状况。");      /* list markers, no pair */
}

static void test_doubled(void **state)
{
    (void)state;
    fix_counts_t c = fix_expect("提醒防范诈骗。。接受监督，，公开、、透明；；有效",
                                "提醒防范诈骗。接受监督，公开、透明；有效");
    assert_int_equal(c.doubled, 4);
    unchanged("他说：“我很好。。。”");          /* three: not a doubled mark */
    unchanged("等等。。。");
    unchanged("是。，");
}

/* ---- quotations and titles ------------------------------------------------------------- */

static void test_quotes_and_titles_untouched(void **state)
{
    (void)state;
    unchanged("依照《探访工作指南:试行》办理。");
    unchanged("原《探访关爱办法(试行)》同时废止。");
    unchanged("遵循“就近,就便”原则。");
    unchanged("按照‘就高,不重复’原则。");
    unchanged("他说：“好。。”");
    /* Outside the quotation on the same line, the fixes still apply. */
    fix_expect("遵循“就近,就便”原则,且及时。", "遵循“就近,就便”原则，且及时。");
    fix_expect("《办法(试行)》(以下简称办法)", "《办法(试行)》（以下简称办法）");
}

/* ---- the 文号 ---------------------------------------------------------------------------- */

static void test_docnum(void **state)
{
    (void)state;
    fix_counts_t c = fix_docnum_expect("湘川民发[2023]012号\n正文。", "湘川民发〔2023〕12号\n正文。");
    assert_int_equal(c.docnum, 3);
    fix_docnum_expect("湘川民发(2023)15号\n", "湘川民发〔2023〕15号\n");
    fix_docnum_expect("湘川民发【2024】27号", "湘川民发〔2024〕27号");
    fix_docnum_expect("湘川民发（２０２３）００７号", "湘川民发〔２０２３〕７号");
    fix_docnum_expect("湘川民发〔2023〕第05号", "湘川民发〔2023〕第5号");
    fix_docnum_expect("湘川民发〔2023〕000号", "湘川民发〔2023〕0号");
    c = fix_docnum_expect("湘川民发〔2023〕10号", "湘川民发〔2023〕10号");
    assert_int_equal(fix_total(&c), 0);
    /* Outside the 文号 range, brackets and zeros are text. */
    unchanged("湘川民发[2023]012号");
}

/* ---- line ends, idempotence ------------------------------------------------------------- */

static void test_line_ends_kept(void **state)
{
    (void)state;
    fix_expect("第一行,中文\r\n第二行。。\r\n\r\n末行,无换行", "第一行，中文\r\n第二行。\r\n\r\n末行，无换行");
    fix_expect("中,文\r", "中，文\r");
    fix_expect("", "");
}

static const char *const SAMPLES[] = {
    "湘川民发[2023]012号\n湘川市民政局关于探访关爱服务的通知\n\n各县市区民政局：\n"
    "年满60周岁,且独居的老年人。。\n经办机构(以下简称经办机构)负责。\n"
    "遵循“就近,就便”原则;原《办法(试行)》废止。\n限额1万元（含门诊)。\n",
    "中,(一),文;;；；。。。，，，、、",
    "（(一)）中,（二)",
    "a,b(中)c,中(d)",
};

static void test_idempotent(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof SAMPLES / sizeof *SAMPLES; i++) {
        size_t n1, n2;
        fix_counts_t c1, c2;
        const char *s = SAMPLES[i];
        size_t docnum_end = i == 0 ? strchr(s, '\n') - s : 0;
        char *once = fix_text(s, strlen(s), 0, docnum_end, &n1, &c1);
        char *twice = fix_text(once, n1, 0, i == 0 ? strchr(once, '\n') - once : 0, &n2, &c2);
        if (fix_total(&c2) != 0 || strcmp(once, twice) != 0)
            fail_msg("sample %zu: a second fix changed \"%s\" into \"%s\"", i, once, twice);
        free(once);
        free(twice);
    }
}

/* ---- agreement with the rules ---------------------------------------------------------- */

static const char *const FIXABLE[] = {"DRAFT-HALFWIDTH-PUNCT", "DRAFT-HALFWIDTH-PAREN",
                                      "DRAFT-DOUBLED-PUNCT", "DRAFT-DOCNUM-BRACKETS",
                                      "DRAFT-DOCNUM-LEADING-ZERO"};

static size_t fixable_findings(const ruleset_t *rs, const profile_t *p, const char *text,
                               size_t len, size_t *docnum_start, size_t *docnum_end)
{
    document_t doc;
    assert_int_equal(document_load("t.txt", text, len, ENC_AUTO, &doc), DECODE_OK);
    findings_t f = {0};
    audit_options_t o = {.rules = rs, .profile = p, .as_of = {2026, 1, 1}};
    matcher_t *m = matcher_new(rs);
    audit_document(&o, m, &doc, &f);
    matcher_free(m);
    size_t n = 0;
    for (size_t i = 0; i < f.n; i++)
        for (size_t k = 0; k < sizeof FIXABLE / sizeof *FIXABLE; k++)
            n += strcmp(f.items[i].rule->id, FIXABLE[k]) == 0;
    /* The text has no normalization to undo here: the 文号 span is the same bytes. */
    *docnum_start = doc.doc_number ? doc.doc_number_span.start : 0;
    *docnum_end = doc.doc_number ? doc.doc_number_span.end : 0;
    findings_free(&f);
    document_free(&doc);
    return n;
}

static void test_fixed_text_has_no_fixable_finding(void **state)
{
    (void)state;
    ruleset_t *rs = ruleset_new();
    rule_diags_t d = {0};
    assert_int_equal(ruleset_load_builtin(rs, &d), 0);
    rule_diags_free(&d);
    char err[256];
    profile_t *p = profile_load("hunan", NULL, err, sizeof err);
    assert_non_null(p);
    const char *s = SAMPLES[0];
    size_t ds, de, n;
    assert_true(fixable_findings(rs, p, s, strlen(s), &ds, &de) >= 6);
    fix_counts_t c;
    char *fixed = fix_text(s, strlen(s), ds, de, &n, &c);
    assert_int_equal(fixable_findings(rs, p, fixed, n, &ds, &de), 0);
    free(fixed);
    profile_free(p);
    ruleset_free(rs);
}

/* Pseudo-random texts over the characters the fixes look at (fixed seed: reproducible). */
static void random_text(buf_t *b, unsigned *seed)
{
    static const char *const pieces[] = {"中", "文", "一", ",", ";", ":", "?", "!", "(",
                                         ")", "（", "）", "《", "》", "“", "”", "，", "。",
                                         "、", "；", "1", "a", " ", "\n", "‘", "’", "】",
                                         "+", "×", "-", "\xE2\x80\x8B"};
    size_t n = 1 + (*seed >> 3) % 40;
    for (size_t i = 0; i < n; i++) {
        *seed = *seed * 1103515245u + 12345u;
        buf_puts(b, pieces[(*seed >> 16) % (sizeof pieces / sizeof *pieces)]);
    }
}

static void test_random_texts_agree_with_rules(void **state)
{
    (void)state;
    ruleset_t *rs = ruleset_new();
    rule_diags_t d = {0};
    assert_int_equal(ruleset_load_builtin(rs, &d), 0);
    rule_diags_free(&d);
    char err[256];
    profile_t *p = profile_load("hunan", NULL, err, sizeof err);
    assert_non_null(p);
    unsigned seed = 20240501u;
    for (int i = 0; i < 400; i++) {
        buf_t b;
        buf_init(&b);
        random_text(&b, &seed);
        size_t n1, n2, ds, de;
        fix_counts_t c1, c2;
        char *once = fix_text(b.data, b.len, 0, 0, &n1, &c1);
        char *twice = fix_text(once, n1, 0, 0, &n2, &c2);
        size_t before = fixable_findings(rs, p, b.data, b.len, &ds, &de);
        size_t after = fixable_findings(rs, p, once, n1, &ds, &de);
        if (fix_total(&c2) != 0 || after != 0 || (before == 0) != (fix_total(&c1) == 0))
            fail_msg("\"%s\" -> \"%s\" -> \"%s\": %zu findings before, %zu after", b.data,
                     once, twice, before, after);
        free(once);
        free(twice);
        buf_free(&b);
    }
    profile_free(p);
    ruleset_free(rs);
}

static void test_han(void **state)
{
    (void)state;
    assert_true(cp_is_han(0x4E2D));     /* 中 */
    assert_true(cp_is_han(0x3007));     /* 〇 */
    assert_true(cp_is_han(0x20000));
    assert_false(cp_is_han(0xFF0C));    /* ， */
    assert_false(cp_is_han('a'));
    assert_true(cp_is_cjk_left(0xFF09) && cp_is_cjk_left(')') && !cp_is_cjk_left(0xFF08));
    assert_true(cp_is_cjk_right(0x300A) && cp_is_cjk_right('(') && !cp_is_cjk_right(0x300B));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_halfwidth_punct),
        cmocka_unit_test(test_halfwidth_near_misses),
        cmocka_unit_test(test_parens),
        cmocka_unit_test(test_parens_near_misses),
        cmocka_unit_test(test_doubled),
        cmocka_unit_test(test_quotes_and_titles_untouched),
        cmocka_unit_test(test_docnum),
        cmocka_unit_test(test_line_ends_kept),
        cmocka_unit_test(test_idempotent),
        cmocka_unit_test(test_fixed_text_has_no_fixable_finding),
        cmocka_unit_test(test_random_texts_agree_with_rules),
        cmocka_unit_test(test_han),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
