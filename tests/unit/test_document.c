/*
 * test_document.c - the document model read off small texts: title (one
 * line or wrapped), 文号 above or below it, kind and 试行/暂行, the closing
 * date and issuer, the title/body/closing parts, the 施行 and 有效期
 * clauses, the 文号-year fallback, original lines, and edge cases.
 */
#include "testutil.h"

#include "doc/document.h"

/* ---- helpers ------------------------------------------------------------------ */

static void load(const char *text, document_t *doc)
{
    assert_int_equal(document_load("t.txt", text, strlen(text), ENC_AUTO, doc), DECODE_OK);
}

static void expect_date(date_t got, int y, int m, int d, const char *what)
{
    if (got.year != y || got.month != m || got.day != d)
        fail_msg("%s: got %d-%d-%d, want %d-%d-%d", what, got.year, got.month, got.day, y, m,
                 d);
}

/* Byte offset of `needle` in the normalized text (it must be there). */
static size_t at(const document_t *doc, const char *needle)
{
    const char *p = strstr(doc->norm.text, needle);
    if (!p)
        fail_msg("\"%s\" not in the normalized text", needle);
    return (size_t)(p - doc->norm.text);
}

static void expect_span(const document_t *doc, span_t s, const char *want, const char *what)
{
    size_t n = strlen(want);
    if (s.end < s.start || s.end - s.start != n || memcmp(doc->norm.text + s.start, want, n))
        fail_msg("%s: [%zu,%zu) is \"%.*s\", want \"%s\"", what, s.start, s.end,
                 (int)(s.end >= s.start ? s.end - s.start : 0), doc->norm.text + s.start, want);
}

#define expect_str(got, want)                                                        \
    do {                                                                             \
        if ((got) == NULL)                                                           \
            fail_msg("%s is NULL, want \"%s\"", #got, (want));                       \
        assert_string_equal((got), (want));                                          \
    } while (0)

/* ---- title ----------------------------------------------------------------------- */

static void test_title_one_line(void **state)
{
    (void)state;
    document_t doc;
    load("关于加强殡葬管理的通知\n各区县民政局：\n现就有关事项通知如下。\n", &doc);
    expect_str(doc.title, "关于加强殡葬管理的通知");
    expect_span(&doc, doc.title_span, "关于加强殡葬管理的通知", "title_span");
    assert_int_equal(doc.title_span.start, 0);
    assert_int_equal(doc.title_span.end, 33);
    expect_str(doc.kind, "通知");
    assert_int_equal(doc.provisional, 0);
    assert_null(doc.doc_number);
    assert_int_equal(doc.part[PART_TITLE].start, 0);
    assert_int_equal(doc.part[PART_TITLE].end, 33);
    assert_int_equal(doc.part[PART_BODY].start, 34);   /* after the line end */
    assert_string_equal(doc.path, "t.txt");
    assert_int_equal(doc.encoding, ENC_UTF8);
    document_free(&doc);

    /* Leading indentation (U+3000) is not part of the title. */
    load("\xE3\x80\x80\xE3\x80\x80株洲市殡葬管理办法  \n第一条 为了规范殡葬管理，制定本办法。\n", &doc);
    expect_str(doc.title, "株洲市殡葬管理办法");
    expect_span(&doc, doc.title_span, "株洲市殡葬管理办法", "indented title_span");
    expect_str(doc.kind, "办法");
    document_free(&doc);
}

static void test_title_wrapped(void **state)
{
    (void)state;
    document_t doc;
    load("株洲市民政局关于印发《株洲市临时救助\n"
         "实施办法（试行）》的通知\n"
         "\n"
         "各区县民政局：\n"
         "现将办法印发给你们。\n",
         &doc);
    expect_str(doc.title, "株洲市民政局关于印发《株洲市临时救助实施办法（试行）》的通知");
    /* the span covers both lines, the line break included */
    expect_span(&doc, doc.title_span,
                "株洲市民政局关于印发《株洲市临时救助\n实施办法（试行）》的通知", "title_span");
    expect_str(doc.kind, "通知");
    assert_int_equal(doc.provisional, 1);
    expect_span(&doc, doc.part[PART_TITLE],
                "株洲市民政局关于印发《株洲市临时救助\n实施办法（试行）》的通知", "title part");
    assert_int_equal(doc.part[PART_BODY].start, doc.part[PART_TITLE].end + 1);
    document_free(&doc);
}

static void test_no_title_after_salutation(void **state)
{
    (void)state;
    document_t doc;
    load("各区县民政局：\n现将有关事项通知如下。\n一、加强管理。\n", &doc);
    assert_null(doc.title);
    assert_null(doc.kind);
    assert_int_equal(doc.provisional, 0);
    assert_int_equal(doc.part[PART_TITLE].start, 0);
    assert_int_equal(doc.part[PART_TITLE].end, 0);
    assert_int_equal(doc.part[PART_BODY].start, 0);
    document_free(&doc);

    /* ASCII colon, and a first line opening with 第…条: body text too */
    load("各有关单位:\n请遵照执行。\n", &doc);
    assert_null(doc.title);
    document_free(&doc);
    load("第一条 为规范管理，制定本办法\n第二条 本办法适用于本市。\n", &doc);
    assert_null(doc.title);
    document_free(&doc);
}

static void test_kind_and_provisional(void **state)
{
    (void)state;
    static const struct {
        const char *title, *kind;
        int provisional;
    } cases[] = {
        {"株洲市殡葬管理办法", "办法", 0},
        {"株洲市殡葬管理暂行办法", "办法", 1},
        {"株洲市殡葬管理办法（试行）", "办法", 1},
        {"株洲市殡葬管理办法(暂行)", "办法", 1},
        {"经济困难老年人能力评估工作实施细则", "实施细则", 0},
        {"株洲市临时救助实施办法（试行）", "实施办法", 1},
        {"关于加强殡葬管理的通知", "通知", 0},
        {"关于印发《株洲市殡葬管理暂行办法》的通知", "通知", 1},
        {"株洲市民政局关于表彰先进集体的决定", "决定", 0},
        {"株洲市民政局2023年工作总结", NULL, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char text[300];
        snprintf(text, sizeof text, "%s\n各单位：\n请遵照执行。\n", cases[i].title);
        document_t doc;
        load(text, &doc);
        const char *kind = doc.kind ? doc.kind : "(none)";
        const char *want = cases[i].kind ? cases[i].kind : "(none)";
        int ok = doc.title && strcmp(doc.title, cases[i].title) == 0 &&
                 strcmp(kind, want) == 0 && doc.provisional == cases[i].provisional;
        if (!ok)
            print_error("%s: title %s kind %s provisional %d, want kind %s provisional %d\n",
                        cases[i].title, doc.title ? doc.title : "(none)", kind, doc.provisional,
                        want, cases[i].provisional);
        document_free(&doc);
        assert_true(ok);
    }
}

/* ---- 文号 ------------------------------------------------------------------------ */

static void test_doc_number_above_title(void **state)
{
    (void)state;
    document_t doc;
    load("株民发〔2023〕12号\n株洲市民政局关于加强殡葬管理的通知\n各区县民政局：\n请遵照执行。\n", &doc);
    expect_str(doc.doc_number, "株民发〔2023〕12号");
    assert_int_equal(doc.doc_number_span.start, 0);
    expect_span(&doc, doc.doc_number_span, "株民发〔2023〕12号", "doc_number_span");
    expect_str(doc.title, "株洲市民政局关于加强殡葬管理的通知");
    assert_int_equal(doc.title_span.start, at(&doc, "株洲市民政局关于"));
    expect_span(&doc, doc.part[PART_TITLE],
                "株民发〔2023〕12号\n株洲市民政局关于加强殡葬管理的通知", "title part");
    assert_int_equal(doc.part[PART_BODY].start, at(&doc, "各区县"));
    document_free(&doc);

    /* with a blank line between them, as GB/T 9704 lays it out */
    load("株民发〔2023〕12号\n\n株洲市民政局关于加强殡葬管理的通知\n\n各区县民政局：\n", &doc);
    expect_str(doc.doc_number, "株民发〔2023〕12号");
    expect_str(doc.title, "株洲市民政局关于加强殡葬管理的通知");
    document_free(&doc);
}

static void test_doc_number_below_title(void **state)
{
    (void)state;
    document_t doc;
    /* a wrong bracket ([ ] for 〔 〕) is still a 文号 */
    load("株洲市民政局关于加强殡葬管理的通知\n株民发[2023]12号\n各区县民政局：\n请遵照执行。\n", &doc);
    expect_str(doc.doc_number, "株民发[2023]12号");
    expect_span(&doc, doc.doc_number_span, "株民发[2023]12号", "doc_number_span");
    expect_str(doc.title, "株洲市民政局关于加强殡葬管理的通知");
    assert_int_equal(doc.title_span.start, 0);
    expect_span(&doc, doc.part[PART_TITLE],
                "株洲市民政局关于加强殡葬管理的通知\n株民发[2023]12号", "title part");
    assert_int_equal(doc.part[PART_BODY].start, at(&doc, "各区县"));
    document_free(&doc);

    /* other brackets people type, and 第…号 */
    static const char *const numbers[] = {
        "株民发【2023】12号", "株民发（2023）12号", "株民发(2023)第12号", "株民发 〔2023〕 12 号",
    };
    for (size_t i = 0; i < sizeof numbers / sizeof *numbers; i++) {
        char text[300];
        snprintf(text, sizeof text, "%s\n关于加强殡葬管理的通知\n各单位：\n", numbers[i]);
        load(text, &doc);
        int ok = doc.doc_number && strcmp(doc.doc_number, numbers[i]) == 0 && doc.title &&
                 strcmp(doc.title, "关于加强殡葬管理的通知") == 0;
        if (!ok)
            print_error("%s: doc_number %s title %s\n", numbers[i],
                        doc.doc_number ? doc.doc_number : "(none)",
                        doc.title ? doc.title : "(none)");
        document_free(&doc);
        assert_true(ok);
    }

    /* a 文号 quoted in a title line is not the document's own */
    load("关于转发株民发〔2023〕12号文件的通知\n各单位：\n", &doc);
    assert_null(doc.doc_number);
    expect_str(doc.title, "关于转发株民发〔2023〕12号文件的通知");
    document_free(&doc);
}

/* Published texts often set the 文号 under the title with a blank line between. */
static void test_doc_number_below_title_after_blank_line(void **state)
{
    (void)state;
    document_t doc;
    load("株洲市民政局关于加强殡葬管理的通知\n\n株民发〔2023〕12号\n\n各区县民政局：\n请遵照执行。\n",
         &doc);
    char *num = doc.doc_number ? xstrdup(doc.doc_number) : NULL;
    char *title = doc.title ? xstrdup(doc.title) : NULL;
    int from_num = doc.issued_from_doc_number;
    document_free(&doc);
    int ok = num && strcmp(num, "株民发〔2023〕12号") == 0 && title &&
             strcmp(title, "株洲市民政局关于加强殡葬管理的通知") == 0 && from_num == 1;
    if (!ok)
        print_error("doc_number %s, title %s, issued_from_doc_number %d\n", num ? num : "(none)",
                    title ? title : "(none)", from_num);
    free(num);
    free(title);
    assert_true(ok);
}

/*
 * The title is made of title lines only: a 文号 below a one-line title is
 * not part of it, whatever the line after the 文号 looks like.
 */
static void test_title_does_not_swallow_doc_number(void **state)
{
    (void)state;
    document_t doc;
    load("关于加强殡葬管理的通知\n株民发〔2023〕12号\n各区县民政局\n请遵照执行。\n", &doc);
    char *title = doc.title ? xstrdup(doc.title) : NULL;
    char *num = doc.doc_number ? xstrdup(doc.doc_number) : NULL;
    document_free(&doc);
    int ok = title && !strstr(title, "株民发") && num && strcmp(num, "株民发〔2023〕12号") == 0;
    if (!ok)
        print_error("title %s, doc_number %s\n", title ? title : "(none)", num ? num : "(none)");
    free(title);
    free(num);
    assert_true(ok);
}

/* ---- closing: date and issuer ------------------------------------------------------ */

static void test_closing_date_and_issuer(void **state)
{
    (void)state;
    document_t doc;
    load("关于加强殡葬管理的通知\n"
         "各区县民政局：\n"
         "请认真贯彻执行。\n"
         "株洲市民政局\n"
         "2023年11月8日\n",
         &doc);
    assert_int_equal(doc.has_issued_line, 1);
    assert_int_equal(doc.issued_match.status, DATE_READ_OK);
    assert_int_equal(doc.issued_match.style, DATE_STYLE_ARABIC_ZH);
    expect_date(doc.issued, 2023, 11, 8, "issued");
    assert_int_equal(doc.issued_from_doc_number, 0);
    assert_int_equal(doc.issued_match.start, at(&doc, "2023年11月8日"));
    assert_int_equal(doc.issued_match.end, at(&doc, "2023年11月8日") + strlen("2023年11月8日"));
    expect_str(doc.issuer, "株洲市民政局");
    /* the parts */
    expect_span(&doc, doc.part[PART_TITLE], "关于加强殡葬管理的通知", "title part");
    expect_span(&doc, doc.part[PART_BODY], "各区县民政局：\n请认真贯彻执行。\n", "body part");
    expect_span(&doc, doc.part[PART_CLOSING], "株洲市民政局\n2023年11月8日\n", "closing part");
    assert_int_equal(doc.part[PART_CLOSING].end, doc.norm.len);
    /* nothing said about 施行: in force when issued; no 有效期 clause */
    expect_date(doc.effective, 2023, 11, 8, "effective");
    assert_int_equal(doc.effective_clause.kind, EFFECTIVE_NONE);
    assert_int_equal(doc.validity_source, VALIDITY_SOURCE_NONE);
    assert_int_equal(doc.validity_clause.kind, VALIDITY_NONE);
    assert_false(date_is_set(doc.expires));
    document_free(&doc);
}

static void test_closing_chinese_date_two_signers(void **state)
{
    (void)state;
    document_t doc;
    load("关于加强殡葬管理的通知\n"
         "各区县民政局：\n"
         "请认真贯彻执行。\n"
         "\xE3\x80\x80\xE3\x80\x80株洲市民政局\n"
         "\xE3\x80\x80\xE3\x80\x80株洲市财政局\n"
         "\xE3\x80\x80\xE3\x80\x80二〇一九年三月五日\n",
         &doc);
    assert_int_equal(doc.has_issued_line, 1);
    assert_int_equal(doc.issued_match.style, DATE_STYLE_CHINESE);
    expect_date(doc.issued, 2019, 3, 5, "issued");
    expect_str(doc.issuer, "株洲市财政局");   /* the line right above the date */
    assert_int_equal(doc.part[PART_CLOSING].start, at(&doc, "  株洲市民政局"));
    expect_span(&doc, doc.part[PART_BODY], "各区县民政局：\n请认真贯彻执行。\n", "body part");
    document_free(&doc);

    /* a date line with no signature above it: no issuer, closing is the date line */
    load("关于加强殡葬管理的通知\n各区县民政局：\n请认真贯彻执行。\n2023年11月8日", &doc);
    expect_date(doc.issued, 2023, 11, 8, "issued");
    assert_null(doc.issuer);
    expect_span(&doc, doc.part[PART_CLOSING], "2023年11月8日", "closing part");
    document_free(&doc);

    /* a date that does not exist: the line is found, the date is not taken */
    load("关于加强殡葬管理的通知\n各区县民政局：\n请认真贯彻执行。\n株洲市民政局\n2023年2月30日\n",
         &doc);
    assert_int_equal(doc.has_issued_line, 1);
    assert_int_equal(doc.issued_match.status, DATE_READ_NONEXISTENT);
    assert_false(date_is_set(doc.issued));
    expect_str(doc.issuer, "株洲市民政局");
    document_free(&doc);
}

/* ---- 施行 and 有效期 ---------------------------------------------------------------- */

static void test_effective_and_validity(void **state)
{
    (void)state;
    document_t doc;
    load("株洲市殡葬管理办法\n"
         "第一条 为规范殡葬管理，制定本办法。\n"
         "第二十条 本办法自2024年1月1日起施行，有效期5年。\n"
         "株洲市民政局\n"
         "2023年11月8日\n",
         &doc);
    expect_date(doc.issued, 2023, 11, 8, "issued");
    assert_int_equal(doc.effective_clause.kind, EFFECTIVE_DATE);
    expect_date(doc.effective, 2024, 1, 1, "effective");
    assert_int_equal(doc.validity_source, VALIDITY_SOURCE_EXPLICIT);
    assert_int_equal(doc.validity_clause.kind, VALIDITY_YEARS);
    assert_int_equal(doc.validity_clause.amount, 5);
    expect_date(doc.expires, 2028, 12, 31, "expires");
    expect_str(doc.kind, "办法");
    document_free(&doc);

    /* 自印发之日起施行: in force on the date of issue */
    load("关于加强殡葬管理的通知\n"
         "各区县民政局：\n"
         "本通知自印发之日起施行，有效期2年。\n"
         "株洲市民政局\n"
         "2023年11月8日\n",
         &doc);
    assert_int_equal(doc.effective_clause.kind, EFFECTIVE_ON_ISSUE);
    expect_date(doc.effective, 2023, 11, 8, "effective");
    expect_date(doc.expires, 2025, 11, 7, "expires");
    document_free(&doc);

    /* an explicit end date */
    load("关于加强殡葬管理的通知\n"
         "各区县民政局：\n"
         "本通知自2021年1月1日起施行，有效期至2025年12月31日。\n"
         "株洲市民政局\n"
         "2020年12月1日\n",
         &doc);
    expect_date(doc.effective, 2021, 1, 1, "effective");
    assert_int_equal(doc.validity_clause.kind, VALIDITY_UNTIL);
    assert_int_equal(doc.validity_source, VALIDITY_SOURCE_EXPLICIT);
    expect_date(doc.expires, 2025, 12, 31, "expires");
    document_free(&doc);
}

/* ---- the 文号-year fallback ------------------------------------------------------------ */

static void test_issued_from_doc_number(void **state)
{
    (void)state;
    document_t doc;
    load("株民发〔2019〕7号\n关于婚姻登记工作的通知\n\n各区县民政局：\n本通知自印发之日起施行。\n",
         &doc);
    assert_int_equal(doc.has_issued_line, 0);
    assert_int_equal(doc.issued_from_doc_number, 1);
    expect_date(doc.issued, 2019, 12, 31, "issued");   /* the year's last day */
    expect_date(doc.effective, 2019, 12, 31, "effective");
    assert_null(doc.issuer);
    document_free(&doc);

    /* a closing date wins over the 文号's year */
    load("株民发〔2019〕7号\n关于婚姻登记工作的通知\n各区县民政局：\n请遵照执行。\n株洲市民政局\n"
         "2020年1月6日\n",
         &doc);
    assert_int_equal(doc.issued_from_doc_number, 0);
    expect_date(doc.issued, 2020, 1, 6, "issued");
    document_free(&doc);

    /* neither: no date at all */
    load("关于婚姻登记工作的通知\n各区县民政局：\n请遵照执行。\n", &doc);
    assert_int_equal(doc.issued_from_doc_number, 0);
    assert_false(date_is_set(doc.issued));
    assert_false(date_is_set(doc.effective));
    document_free(&doc);
}

/* ---- original lines ----------------------------------------------------------------------- */

static void test_document_line(void **state)
{
    (void)state;
    document_t doc;
    load("第一行\r\n第二行\n\r\n第四行\r第五行", &doc);
    assert_int_equal(doc.nlines, 5);
    static const char *const want[] = {"第一行", "第二行", "", "第四行", "第五行"};
    for (size_t i = 0; i < 5; i++) {
        size_t len = 99;
        const char *l = document_line(&doc, i + 1, &len);
        if (len != strlen(want[i]) || memcmp(l, want[i], len) != 0)
            fail_msg("line %zu is \"%.*s\", want \"%s\"", i + 1, (int)len, l, want[i]);
    }
    size_t len = 99;
    assert_string_equal(document_line(&doc, 0, &len), "");
    assert_int_equal(len, 0);
    len = 99;
    assert_string_equal(document_line(&doc, 6, &len), "");
    assert_int_equal(len, 0);
    /* the original keeps its line ends and full-width digits; the normalized text does not */
    assert_int_equal(doc.original_len, strlen("第一行\r\n第二行\n\r\n第四行\r第五行"));
    assert_string_equal(doc.norm.text, "第一行\n第二行\n\n第四行\n第五行");
    document_free(&doc);

    load("２０２３年\r\n", &doc);
    const char *l = document_line(&doc, 1, &len);
    assert_int_equal(len, strlen("２０２３年"));
    assert_memory_equal(l, "２０２３年", len);
    assert_string_equal(doc.norm.text, "2023年\n");
    document_free(&doc);
}

/* ---- edge cases ---------------------------------------------------------------------------- */

static void test_empty_document(void **state)
{
    (void)state;
    document_t doc;
    assert_int_equal(document_load("empty.txt", "", 0, ENC_AUTO, &doc), DECODE_OK);
    assert_int_equal(doc.norm.len, 0);
    assert_non_null(doc.norm.text);
    assert_string_equal(doc.norm.text, "");
    assert_null(doc.title);
    assert_null(doc.doc_number);
    assert_null(doc.issuer);
    assert_null(doc.kind);
    assert_int_equal(doc.has_issued_line, 0);
    assert_false(date_is_set(doc.issued));
    assert_false(date_is_set(doc.effective));
    assert_false(date_is_set(doc.expires));
    for (int p = 0; p < PART_COUNT; p++) {
        assert_int_equal(doc.part[p].start, 0);
        assert_int_equal(doc.part[p].end, 0);
    }
    assert_int_equal(doc.nlines, 1);
    size_t len = 99;
    assert_string_equal(document_line(&doc, 1, &len), "");
    assert_int_equal(len, 0);
    document_free(&doc);
    assert_null(doc.path);   /* document_free leaves a zeroed document */

    /* only blank lines */
    load("\n  \n\n", &doc);
    assert_null(doc.title);
    assert_int_equal(doc.has_issued_line, 0);
    assert_true(doc.part[PART_BODY].end <= doc.norm.len);
    assert_true(doc.part[PART_CLOSING].start <= doc.part[PART_CLOSING].end);
    document_free(&doc);
}

/* A binary file is refused; what was allocated is still freed by document_free. */
static void test_binary_refused(void **state)
{
    (void)state;
    static const char bin[] = "\x7f" "ELF\0\0\0\0\x01\x02\0\0\0\0\0\0\0\0";
    document_t doc;
    assert_int_equal(document_load("a.out", bin, sizeof bin - 1, ENC_AUTO, &doc), DECODE_BINARY);
    assert_null(doc.title);
    document_free(&doc);
}

/* The parts always tile the text: title, then body, then closing. */
static void test_parts_tile_the_text(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "关于加强殡葬管理的通知\n各区县民政局：\n请认真贯彻执行。\n株洲市民政局\n2023年11月8日\n",
        "关于加强殡葬管理的通知",
        "2023年11月8日\n",
        "各区县民政局：\n请认真贯彻执行。",
        "株民发〔2023〕12号\n",
        "株民发〔2023〕12号\n关于X的通知\n株洲市民政局\n2023年11月8日",
    };
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        document_t doc;
        load(texts[i], &doc);
        const span_t *p = doc.part;
        int ok = p[PART_TITLE].start == 0 && p[PART_TITLE].end <= p[PART_BODY].start &&
                 p[PART_BODY].start <= p[PART_BODY].end &&
                 p[PART_BODY].end == p[PART_CLOSING].start &&
                 p[PART_CLOSING].end == doc.norm.len;
        if (!ok)
            print_error("text %zu: title [%zu,%zu) body [%zu,%zu) closing [%zu,%zu) len %zu\n", i,
                        p[0].start, p[0].end, p[1].start, p[1].end, p[2].start, p[2].end,
                        doc.norm.len);
        document_free(&doc);
        assert_true(ok);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_title_one_line),
        cmocka_unit_test(test_title_wrapped),
        cmocka_unit_test(test_no_title_after_salutation),
        cmocka_unit_test(test_kind_and_provisional),
        cmocka_unit_test(test_doc_number_above_title),
        cmocka_unit_test(test_doc_number_below_title),
        cmocka_unit_test(test_doc_number_below_title_after_blank_line),
        cmocka_unit_test(test_title_does_not_swallow_doc_number),
        cmocka_unit_test(test_closing_date_and_issuer),
        cmocka_unit_test(test_closing_chinese_date_two_signers),
        cmocka_unit_test(test_effective_and_validity),
        cmocka_unit_test(test_issued_from_doc_number),
        cmocka_unit_test(test_document_line),
        cmocka_unit_test(test_empty_document),
        cmocka_unit_test(test_binary_refused),
        cmocka_unit_test(test_parts_tile_the_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
