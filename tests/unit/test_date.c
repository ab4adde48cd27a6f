/*
 * test_date.c - calendar arithmetic, Chinese numerals, date reading and the
 * 施行 / 有效期 clauses. Most tests walk a table; a failing row names itself.
 */
#include "testutil.h"

#include <time.h>

#include "doc/date.h"

/* Any mismatch names the table row, since cmocka only reports the line. */
static void expect_date(date_t got, int y, int m, int d, const char *what)
{
    if (got.year != y || got.month != m || got.day != d)
        fail_msg("%s: got %d-%d-%d, want %d-%d-%d", what, got.year, got.month,
                 got.day, y, m, d);
}

static void expect_int(long got, long want, const char *field, const char *what)
{
    if (got != want)
        fail_msg("%s: %s is %ld, want %ld", what, field, got, want);
}

/* The clause's offsets must cover exactly `want` inside `text`. */
static void expect_span(const char *text, size_t start, size_t end, const char *want,
                        const char *what)
{
    size_t n = strlen(want);
    if (end < start || end - start != n || memcmp(text + start, want, n) != 0)
        fail_msg("%s: span [%zu,%zu) is \"%.*s\", want \"%s\"", what, start, end,
                 (int)(end >= start ? end - start : 0), text + start, want);
}

/* ------------------------------------------------------------------ */
/* Calendar                                                            */
/* ------------------------------------------------------------------ */

static void test_date_exists(void **state)
{
    (void)state;
    static const struct { int y, m, d, exists; } cases[] = {
        {2000, 2, 29, 1}, {1900, 2, 29, 0}, {2024, 2, 29, 1}, {2023, 2, 29, 0},
        {2023, 2, 28, 1}, {2023, 4, 30, 1}, {2023, 4, 31, 0}, {2023, 12, 31, 1},
        {2023, 13, 1, 0}, {2023, 0, 1, 0},  {2023, 1, 0, 0},  {2023, 1, 32, 0},
        {2100, 2, 29, 0}, {2400, 2, 29, 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char what[64];
        snprintf(what, sizeof what, "date_exists(%d,%d,%d)", cases[i].y, cases[i].m, cases[i].d);
        expect_int(date_exists(cases[i].y, cases[i].m, cases[i].d), cases[i].exists, "result", what);
    }
}

static void test_date_cmp_and_is_set(void **state)
{
    (void)state;
    date_t a = {2023, 6, 30}, b = {2023, 7, 1}, c = {2022, 12, 31};
    assert_true(date_cmp(a, b) < 0);
    assert_true(date_cmp(b, a) > 0);
    assert_true(date_cmp(c, a) < 0);
    assert_true(date_cmp((date_t){2023, 6, 29}, a) < 0);
    assert_int_equal(date_cmp(a, (date_t){2023, 6, 30}), 0);
    assert_true(date_is_set(a));
    assert_false(date_is_set(DATE_NONE));
}

typedef enum { ADD_YEARS, ADD_MONTHS, ADD_DAYS } add_unit_t;

static void test_date_add(void **state)
{
    (void)state;
    static const struct {
        date_t from;
        add_unit_t unit;
        int n;
        date_t want;
    } cases[] = {
        {{2020, 2, 29}, ADD_YEARS, 1, {2021, 2, 28}},
        {{2020, 2, 29}, ADD_YEARS, 4, {2024, 2, 29}},
        {{2020, 2, 29}, ADD_YEARS, -1, {2019, 2, 28}},
        {{2019, 3, 5}, ADD_YEARS, 5, {2024, 3, 5}},
        {{2023, 1, 31}, ADD_MONTHS, 1, {2023, 2, 28}},
        {{2024, 1, 31}, ADD_MONTHS, 1, {2024, 2, 29}},
        {{2023, 3, 31}, ADD_MONTHS, 1, {2023, 4, 30}},
        {{2023, 11, 15}, ADD_MONTHS, 3, {2024, 2, 15}},
        {{2023, 1, 15}, ADD_MONTHS, -1, {2022, 12, 15}},
        {{2023, 3, 31}, ADD_MONTHS, -13, {2022, 2, 28}},
        {{2023, 1, 31}, ADD_DAYS, 1, {2023, 2, 1}},
        {{2023, 12, 31}, ADD_DAYS, 1, {2024, 1, 1}},
        {{2024, 1, 1}, ADD_DAYS, -1, {2023, 12, 31}},
        {{2024, 3, 1}, ADD_DAYS, -1, {2024, 2, 29}},
        {{2023, 3, 1}, ADD_DAYS, -1, {2023, 2, 28}},
        {{2000, 1, 1}, ADD_DAYS, 366, {2001, 1, 1}},
        {{2023, 6, 30}, ADD_DAYS, 0, {2023, 6, 30}},
        {{1970, 1, 1}, ADD_DAYS, -1, {1969, 12, 31}},
        {{2023, 6, 30}, ADD_DAYS, -365, {2022, 6, 30}},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        date_t got = cases[i].unit == ADD_YEARS  ? date_add_years(cases[i].from, cases[i].n)
                     : cases[i].unit == ADD_MONTHS ? date_add_months(cases[i].from, cases[i].n)
                                                   : date_add_days(cases[i].from, cases[i].n);
        char what[64];
        snprintf(what, sizeof what, "add case %zu", i);
        expect_date(got, cases[i].want.year, cases[i].want.month, cases[i].want.day, what);
    }
    expect_date(date_add_days(DATE_NONE, 3), 0, 0, 0, "unset date stays unset");
}

static void test_date_format(void **state)
{
    (void)state;
    char iso[11], zh[32];
    date_format_iso((date_t){2023, 6, 30}, iso);
    assert_string_equal(iso, "2023-06-30");
    date_format_iso((date_t){2024, 1, 5}, iso);
    assert_string_equal(iso, "2024-01-05");
    date_format_zh((date_t){2023, 6, 30}, zh);
    assert_string_equal(zh, "2023年6月30日");
    date_format_zh((date_t){2024, 1, 5}, zh);
    assert_string_equal(zh, "2024年1月5日");
}

static void test_date_parse_iso(void **state)
{
    (void)state;
    static const struct { const char *in; int ok; date_t want; } cases[] = {
        {"2023-06-30", 1, {2023, 6, 30}},
        {"2024-02-29", 1, {2024, 2, 29}},
        {"2023-02-29", 0, {0, 0, 0}},
        {"2023-13-01", 0, {0, 0, 0}},
        {"2023-6-30", 0, {0, 0, 0}},
        {"2023-06-30x", 0, {0, 0, 0}},
        {"2023-06-30 ", 0, {0, 0, 0}},
        {"2023/06/30", 0, {0, 0, 0}},
        {"20230630", 0, {0, 0, 0}},
        {"", 0, {0, 0, 0}},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        date_t got = {9, 9, 9};
        int rc = date_parse_iso(cases[i].in, &got);
        expect_int(rc == 0, cases[i].ok, "accepted", cases[i].in);
        if (cases[i].ok)
            expect_date(got, cases[i].want.year, cases[i].want.month, cases[i].want.day, cases[i].in);
    }
}

static void test_date_today(void **state)
{
    (void)state;
    time_t now = time(NULL);
    struct tm local;
    assert_non_null(localtime_r(&now, &local));
    date_t today = date_today();
    assert_true(date_exists(today.year, today.month, today.day));
    /* Same day as the clock we just read, allowing for a midnight tick. */
    date_t expected = {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
    int same = date_cmp(today, expected) == 0 ||
               date_cmp(today, date_add_days(expected, 1)) == 0;
    assert_true(same);
}

/* ------------------------------------------------------------------ */
/* Chinese numerals                                                    */
/* ------------------------------------------------------------------ */

static void test_zh_numeral_value(void **state)
{
    (void)state;
    static const struct { const char *in; int ok, value; size_t consumed; } cases[] = {
        {"〇", 1, 0, 3},       {"零", 1, 0, 3},        {"一", 1, 1, 3},
        {"九", 1, 9, 3},       {"十", 1, 10, 3},       {"十二", 1, 12, 6},
        {"二十", 1, 20, 6},    {"三十一", 1, 31, 9},   {"两", 1, 2, 3},
        {"二〇一九", 1, 2019, 12}, {"二零二三", 1, 2023, 12}, {"二○二○", 1, 2020, 12},
        {"三十一日", 1, 31, 9}, {"十年", 1, 10, 3},    {"六个月", 1, 6, 3},
        {"2019年", 1, 2019, 4}, {"7", 1, 7, 1},        {"十〇", 1, 10, 3},
        {"年", 0, 0, 0},       {"abc", 0, 0, 0},       {"", 0, 0, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int value = -99;
        size_t consumed = 99;
        int rc = zh_numeral_value(cases[i].in, strlen(cases[i].in), &value, &consumed);
        expect_int(rc == 0, cases[i].ok, "accepted", cases[i].in);
        if (!cases[i].ok)
            continue;
        expect_int(value, cases[i].value, "value", cases[i].in);
        expect_int((long)consumed, (long)cases[i].consumed, "consumed", cases[i].in);
    }
}

/* ------------------------------------------------------------------ */
/* date_read / date_find                                               */
/* ------------------------------------------------------------------ */

#define WHOLE ((size_t)-1)   /* the date is the whole input */

typedef struct {
    const char *in;
    int compact;
    size_t consumed;        /* 0: not a date; WHOLE: strlen(in) */
    date_status_t status;
    date_style_t style;
    date_t date;
    int leading_zero;
} read_case_t;

static const read_case_t READ_CASES[] = {
    /* Arabic digits with 年月日 */
    {"2023年11月8日", 0, WHOLE, DATE_READ_OK, DATE_STYLE_ARABIC_ZH, {2023, 11, 8}, 0},
    {"2022 年 1 月 1 日", 0, WHOLE, DATE_READ_OK, DATE_STYLE_ARABIC_ZH, {2022, 1, 1}, 0},
    {"2023  年  12  月  31  日", 0, WHOLE, DATE_READ_OK, DATE_STYLE_ARABIC_ZH, {2023, 12, 31}, 0},
    {"2023年01月08日", 0, WHOLE, DATE_READ_OK, DATE_STYLE_ARABIC_ZH, {2023, 1, 8}, 1},
    {"2023年11月08日", 0, WHOLE, DATE_READ_OK, DATE_STYLE_ARABIC_ZH, {2023, 11, 8}, 1},
    {"2023年11月8日起施行", 0, sizeof "2023年11月8日" - 1, DATE_READ_OK,
     DATE_STYLE_ARABIC_ZH, {2023, 11, 8}, 0},
    {"2023年1月1日 ", 0, sizeof "2023年1月1日" - 1, DATE_READ_OK,
     DATE_STYLE_ARABIC_ZH, {2023, 1, 1}, 0},
    {"2024年2月29日", 0, WHOLE, DATE_READ_OK, DATE_STYLE_ARABIC_ZH, {2024, 2, 29}, 0},
    {"2000年2月29日", 0, WHOLE, DATE_READ_OK, DATE_STYLE_ARABIC_ZH, {2000, 2, 29}, 0},
    {"1900年1月1日", 0, WHOLE, DATE_READ_OK, DATE_STYLE_ARABIC_ZH, {1900, 1, 1}, 0},
    {"2199年12月31日", 0, WHOLE, DATE_READ_OK, DATE_STYLE_ARABIC_ZH, {2199, 12, 31}, 0},
    /* well written, no such day */
    {"2023年2月30日", 0, WHOLE, DATE_READ_NONEXISTENT, DATE_STYLE_ARABIC_ZH, {0, 0, 0}, 0},
    {"2023年2月29日", 0, WHOLE, DATE_READ_NONEXISTENT, DATE_STYLE_ARABIC_ZH, {0, 0, 0}, 0},
    {"1900年2月29日", 0, WHOLE, DATE_READ_NONEXISTENT, DATE_STYLE_ARABIC_ZH, {0, 0, 0}, 0},
    {"2023年4月31日", 0, WHOLE, DATE_READ_NONEXISTENT, DATE_STYLE_ARABIC_ZH, {0, 0, 0}, 0},
    {"2023年13月1日", 0, WHOLE, DATE_READ_NONEXISTENT, DATE_STYLE_ARABIC_ZH, {0, 0, 0}, 0},
    /* Chinese numerals */
    {"二〇一九年三月五日", 0, WHOLE, DATE_READ_OK, DATE_STYLE_CHINESE, {2019, 3, 5}, 0},
    {"二〇一九年十二月三十一日", 0, WHOLE, DATE_READ_OK, DATE_STYLE_CHINESE, {2019, 12, 31}, 0},
    {"二零二三年十月二十日", 0, WHOLE, DATE_READ_OK, DATE_STYLE_CHINESE, {2023, 10, 20}, 0},
    {"二〇二三年十一月八日", 0, WHOLE, DATE_READ_OK, DATE_STYLE_CHINESE, {2023, 11, 8}, 0},
    {"二○二○年二月二十九日", 0, WHOLE, DATE_READ_OK, DATE_STYLE_CHINESE, {2020, 2, 29}, 0},
    {"二〇二三 年 一 月 十 日", 0, WHOLE, DATE_READ_OK, DATE_STYLE_CHINESE, {2023, 1, 10}, 0},
    {"二〇二三年二月二十九日", 0, WHOLE, DATE_READ_NONEXISTENT, DATE_STYLE_CHINESE, {0, 0, 0}, 0},
    {"二〇二三年四月三十一日", 0, WHOLE, DATE_READ_NONEXISTENT, DATE_STYLE_CHINESE, {0, 0, 0}, 0},
    /* ISO and dotted */
    {"2019-03-05", 0, WHOLE, DATE_READ_OK, DATE_STYLE_ISO, {2019, 3, 5}, 1},
    {"2019-12-31", 0, WHOLE, DATE_READ_OK, DATE_STYLE_ISO, {2019, 12, 31}, 0},
    {"2019-3-5", 0, WHOLE, DATE_READ_OK, DATE_STYLE_ISO, {2019, 3, 5}, 0},
    {"2023-02-30", 0, WHOLE, DATE_READ_NONEXISTENT, DATE_STYLE_ISO, {0, 0, 0}, 1},
    {"2019.3.5", 0, WHOLE, DATE_READ_OK, DATE_STYLE_DOTTED, {2019, 3, 5}, 0},
    {"2019.03.05", 0, WHOLE, DATE_READ_OK, DATE_STYLE_DOTTED, {2019, 3, 5}, 1},
    {"2019.3.5。", 0, sizeof "2019.3.5" - 1, DATE_READ_OK, DATE_STYLE_DOTTED, {2019, 3, 5}, 0},
    /* compact digit runs, only where allowed */
    {"20231108", 1, WHOLE, DATE_READ_OK, DATE_STYLE_COMPACT, {2023, 11, 8}, 0},
    {"20240229", 1, WHOLE, DATE_READ_OK, DATE_STYLE_COMPACT, {2024, 2, 29}, 0},
    {"2023118", 1, WHOLE, DATE_READ_MALFORMED, DATE_STYLE_COMPACT, {0, 0, 0}, 0},
    {"20230230", 1, WHOLE, DATE_READ_NONEXISTENT, DATE_STYLE_COMPACT, {0, 0, 0}, 0},
    {"20231399", 1, WHOLE, DATE_READ_MALFORMED, DATE_STYLE_COMPACT, {0, 0, 0}, 0},
    {"20231108", 0, 0, DATE_READ_OK, DATE_STYLE_ARABIC_ZH, {0, 0, 0}, 0},
    {"2023118", 0, 0, DATE_READ_OK, DATE_STYLE_ARABIC_ZH, {0, 0, 0}, 0},
    {"202311", 1, 0, DATE_READ_OK, DATE_STYLE_ARABIC_ZH, {0, 0, 0}, 0},
    {"123456789", 1, 0, DATE_READ_OK, DATE_STYLE_ARABIC_ZH, {0, 0, 0}, 0},
    {"30001108", 1, 0, DATE_READ_OK, DATE_STYLE_ARABIC_ZH, {0, 0, 0}, 0},
    /* near misses: not dates at all */
    {"12号", 0, 0, DATE_READ_OK, DATE_STYLE_ARABIC_ZH, {0, 0, 0}, 0},
    {"1899年1月1日", 0, 0, DATE_READ_OK, DATE_STYLE_ARABIC_ZH, {0, 0, 0}, 0},
    {"2200年1月1日", 0, 0, DATE_READ_OK, DATE_STYLE_ARABIC_ZH, {0, 0, 0}, 0},
    {"023年1月1日", 0, 0, DATE_READ_OK, DATE_STYLE_ARABIC_ZH, {0, 0, 0}, 0},
    {"2023年11月", 0, 0, DATE_READ_OK, DATE_STYLE_ARABIC_ZH, {0, 0, 0}, 0},
    {"2023年度", 0, 0, DATE_READ_OK, DATE_STYLE_ARABIC_ZH, {0, 0, 0}, 0},
    {"2023年123月1日", 0, 0, DATE_READ_OK, DATE_STYLE_ARABIC_ZH, {0, 0, 0}, 0},
    {"2019.3.5.1", 0, 0, DATE_READ_OK, DATE_STYLE_ARABIC_ZH, {0, 0, 0}, 0},
    {"2019.53万元", 0, 0, DATE_READ_OK, DATE_STYLE_ARABIC_ZH, {0, 0, 0}, 0},
    {"2019-03-051", 0, 0, DATE_READ_OK, DATE_STYLE_ARABIC_ZH, {0, 0, 0}, 0},
    {"三月五日", 0, 0, DATE_READ_OK, DATE_STYLE_ARABIC_ZH, {0, 0, 0}, 0},
    {"十二年", 0, 0, DATE_READ_OK, DATE_STYLE_ARABIC_ZH, {0, 0, 0}, 0},
    {"二〇一九年三月", 0, 0, DATE_READ_OK, DATE_STYLE_ARABIC_ZH, {0, 0, 0}, 0},
    {"2019年三月五日", 0, 0, DATE_READ_OK, DATE_STYLE_ARABIC_ZH, {0, 0, 0}, 0},
    {"", 0, 0, DATE_READ_OK, DATE_STYLE_ARABIC_ZH, {0, 0, 0}, 0},
};

static void test_date_read_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof READ_CASES / sizeof READ_CASES[0]; i++) {
        const read_case_t *c = &READ_CASES[i];
        size_t len = strlen(c->in);
        size_t want = c->consumed == WHOLE ? len : c->consumed;
        date_match_t m;
        size_t got = date_read(c->in, len, c->compact, &m);
        expect_int((long)got, (long)want, "consumed", c->in);
        if (want == 0)
            continue;
        expect_int(m.status, c->status, "status", c->in);
        expect_int(m.style, c->style, "style", c->in);
        expect_int(m.leading_zero, c->leading_zero, "leading_zero", c->in);
        expect_int((long)m.start, 0, "start", c->in);
        expect_int((long)m.end, (long)want, "end", c->in);
        expect_date(m.date, c->date.year, c->date.month, c->date.day, c->in);
    }
}

static void test_date_read_stops_at_len(void **state)
{
    (void)state;
    /* The buffer goes on, but the caller's length ends mid-date. */
    const char *text = "2023年11月8日";
    date_match_t m;
    assert_int_equal(date_read(text, strlen("2023年11月"), 0, &m), 0);
    assert_int_equal(date_read(text, 4, 1, &m), 0);
    /* Seven digits of "20230115" are ambiguous, not 2023-01-15. */
    assert_int_equal(date_read("20230115", 7, 1, &m), 7);
    assert_int_equal(m.status, DATE_READ_MALFORMED);
    assert_int_equal(m.style, DATE_STYLE_COMPACT);
    assert_int_equal(m.end, 7);
    assert_false(date_is_set(m.date));
}

static void test_date_find(void **state)
{
    (void)state;
    static const struct {
        const char *in;
        int found;
        const char *span;
        date_status_t status;
        date_t date;
    } cases[] = {
        {"于2023年11月8日印发", 1, "2023年11月8日", DATE_READ_OK, {2023, 11, 8}},
        {"第12号文件，2023年1月1日起", 1, "2023年1月1日", DATE_READ_OK, {2023, 1, 1}},
        {"二〇一九年三月五日印发", 1, "二〇一九年三月五日", DATE_READ_OK, {2019, 3, 5}},
        {"截至2019-03-05。", 1, "2019-03-05", DATE_READ_OK, {2019, 3, 5}},
        {"定于2023年2月30日召开", 1, "2023年2月30日", DATE_READ_NONEXISTENT, {0, 0, 0}},
        {"2022年和2023年1月2日", 1, "2023年1月2日", DATE_READ_OK, {2023, 1, 2}},
        {"编号12023年1月1日", 0, NULL, DATE_READ_OK, {0, 0, 0}},
        {"成文日期20231108", 0, NULL, DATE_READ_OK, {0, 0, 0}},
        {"本文没有日期。", 0, NULL, DATE_READ_OK, {0, 0, 0}},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        date_match_t m;
        int found = date_find(cases[i].in, strlen(cases[i].in), &m);
        expect_int(found, cases[i].found, "found", cases[i].in);
        if (!found)
            continue;
        expect_span(cases[i].in, m.start, m.end, cases[i].span, cases[i].in);
        expect_int(m.status, cases[i].status, "status", cases[i].in);
        expect_date(m.date, cases[i].date.year, cases[i].date.month, cases[i].date.day,
                    cases[i].in);
    }
}

/* ------------------------------------------------------------------ */
/* 有效期                                                               */
/* ------------------------------------------------------------------ */

typedef struct {
    const char *in;
    int found;
    validity_kind_t kind;
    date_t until, from;
    int amount;
    const char *span;
} validity_case_t;

static const validity_case_t VALIDITY_CASES[] = {
    {"本办法有效期至2025年12月31日。", 1, VALIDITY_UNTIL, {2025, 12, 31}, {0, 0, 0}, 0,
     "有效期至2025年12月31日"},
    {"有效期至2025年12月31日止", 1, VALIDITY_UNTIL, {2025, 12, 31}, {0, 0, 0}, 0,
     "有效期至2025年12月31日止"},
    {"有效期至 2025 年 12 月 31 日 止。", 1, VALIDITY_UNTIL, {2025, 12, 31}, {0, 0, 0}, 0,
     "有效期至 2025 年 12 月 31 日 止"},
    {"有效期至二〇二五年十二月三十一日", 1, VALIDITY_UNTIL, {2025, 12, 31}, {0, 0, 0}, 0,
     "有效期至二〇二五年十二月三十一日"},
    {"本办法自2020年1月1日起施行，有效期5年。", 1, VALIDITY_YEARS, {0, 0, 0}, {0, 0, 0}, 5,
     "有效期5年"},
    {"有效期为五年", 1, VALIDITY_YEARS, {0, 0, 0}, {0, 0, 0}, 5, "有效期为五年"},
    {"有效期限为3年", 1, VALIDITY_YEARS, {0, 0, 0}, {0, 0, 0}, 3, "有效期限为3年"},
    {"有效期三年", 1, VALIDITY_YEARS, {0, 0, 0}, {0, 0, 0}, 3, "有效期三年"},
    {"有效期两年", 1, VALIDITY_YEARS, {0, 0, 0}, {0, 0, 0}, 2, "有效期两年"},
    {"有效期十年。", 1, VALIDITY_YEARS, {0, 0, 0}, {0, 0, 0}, 10, "有效期十年"},
    {"有效期 为 2 年", 1, VALIDITY_YEARS, {0, 0, 0}, {0, 0, 0}, 2, "有效期 为 2 年"},
    {"有效期：3年", 1, VALIDITY_YEARS, {0, 0, 0}, {0, 0, 0}, 3, "有效期：3年"},
    {"有效期为自印发之日起三年。", 1, VALIDITY_YEARS, {0, 0, 0}, {0, 0, 0}, 3,
     "有效期为自印发之日起三年"},
    {"有效期6个月", 1, VALIDITY_MONTHS, {0, 0, 0}, {0, 0, 0}, 6, "有效期6个月"},
    {"有效期为六个月。", 1, VALIDITY_MONTHS, {0, 0, 0}, {0, 0, 0}, 6, "有效期为六个月"},
    {"本规定自2020年1月1日起至2022年12月31日止有效。", 1, VALIDITY_RANGE, {2022, 12, 31},
     {2020, 1, 1}, 0, "自2020年1月1日起至2022年12月31日止"},
    {"有效期自2020年1月1日起至2022年12月31日止", 1, VALIDITY_RANGE, {2022, 12, 31},
     {2020, 1, 1}, 0, "有效期自2020年1月1日起至2022年12月31日止"},
    {"有效期为2020年1月1日至2022年12月31日。", 1, VALIDITY_RANGE, {2022, 12, 31},
     {2020, 1, 1}, 0, "有效期为2020年1月1日至2022年12月31日"},
    {"有效期自2021年3月1日至2024年2月29日", 1, VALIDITY_RANGE, {2024, 2, 29},
     {2021, 3, 1}, 0, "有效期自2021年3月1日至2024年2月29日"},
    {"有效期为2025年12月31日止。", 1, VALIDITY_UNTIL, {2025, 12, 31}, {0, 0, 0}, 0,
     "有效期为2025年12月31日止"},
    /* A clause with an impossible day is still the clause; its date is unset. */
    {"有效期至2023年2月30日。", 1, VALIDITY_UNTIL, {0, 0, 0}, {0, 0, 0}, 0,
     "有效期至2023年2月30日"},
    /* The document's own clause beats a permit's; else the last one. */
    {"许可证有效期为3年。本办法有效期为5年。", 1, VALIDITY_YEARS, {0, 0, 0}, {0, 0, 0}, 5,
     "有效期为5年"},
    {"本办法有效期为5年。许可证有效期为3年。", 1, VALIDITY_YEARS, {0, 0, 0}, {0, 0, 0}, 5,
     "有效期为5年"},
    {"证书有效期为3年。有效期至2025年12月31日。", 1, VALIDITY_UNTIL, {2025, 12, 31},
     {0, 0, 0}, 0, "有效期至2025年12月31日"},
    {"自2020年1月1日起至2020年6月30日止开展检查。有效期两年。", 1, VALIDITY_YEARS,
     {0, 0, 0}, {0, 0, 0}, 2, "有效期两年"},
    /* near misses */
    {"在有效期内", 0, VALIDITY_NONE, {0, 0, 0}, {0, 0, 0}, 0, NULL},
    {"有效期满前三个月提出申请", 0, VALIDITY_NONE, {0, 0, 0}, {0, 0, 0}, 0, NULL},
    {"证件有效期内有效", 0, VALIDITY_NONE, {0, 0, 0}, {0, 0, 0}, 0, NULL},
    {"有效期至今", 0, VALIDITY_NONE, {0, 0, 0}, {0, 0, 0}, 0, NULL},
    {"有效期为2025年", 0, VALIDITY_NONE, {0, 0, 0}, {0, 0, 0}, 0, NULL},
    {"本办法自2020年3月1日起施行。", 0, VALIDITY_NONE, {0, 0, 0}, {0, 0, 0}, 0, NULL},
    {"自2020年1月1日至2022年12月31日", 0, VALIDITY_NONE, {0, 0, 0}, {0, 0, 0}, 0, NULL},
};

static void test_validity_find_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof VALIDITY_CASES / sizeof VALIDITY_CASES[0]; i++) {
        const validity_case_t *c = &VALIDITY_CASES[i];
        validity_clause_t v;
        memset(&v, 0x5A, sizeof v);
        int found = validity_find(c->in, strlen(c->in), &v);
        expect_int(found, c->found, "found", c->in);
        if (!found)
            continue;
        expect_int(v.kind, c->kind, "kind", c->in);
        expect_date(v.until, c->until.year, c->until.month, c->until.day, c->in);
        expect_date(v.from, c->from.year, c->from.month, c->from.day, c->in);
        expect_int(v.amount, c->amount, "amount", c->in);
        expect_span(c->in, v.start, v.end, c->span, c->in);
    }
}

static void test_validity_expiry(void **state)
{
    (void)state;
    static const struct {
        validity_clause_t v;
        date_t effective, want;
    } cases[] = {
        {{VALIDITY_YEARS, {0, 0, 0}, {0, 0, 0}, 5, 0, 0}, {2019, 3, 5}, {2024, 3, 4}},
        {{VALIDITY_YEARS, {0, 0, 0}, {0, 0, 0}, 1, 0, 0}, {2020, 2, 29}, {2021, 2, 27}},
        {{VALIDITY_YEARS, {0, 0, 0}, {0, 0, 0}, 3, 0, 0}, {2020, 3, 1}, {2023, 2, 28}},
        {{VALIDITY_YEARS, {0, 0, 0}, {0, 0, 0}, 2, 0, 0}, {2022, 1, 1}, {2023, 12, 31}},
        {{VALIDITY_MONTHS, {0, 0, 0}, {0, 0, 0}, 6, 0, 0}, {2023, 1, 1}, {2023, 6, 30}},
        {{VALIDITY_MONTHS, {0, 0, 0}, {0, 0, 0}, 1, 0, 0}, {2023, 1, 31}, {2023, 2, 27}},
        {{VALIDITY_MONTHS, {0, 0, 0}, {0, 0, 0}, 3, 0, 0}, {2023, 3, 1}, {2023, 5, 31}},
        {{VALIDITY_MONTHS, {0, 0, 0}, {0, 0, 0}, 12, 0, 0}, {2023, 11, 15}, {2024, 11, 14}},
        {{VALIDITY_UNTIL, {2025, 12, 31}, {0, 0, 0}, 0, 0, 0}, {2020, 1, 1}, {2025, 12, 31}},
        {{VALIDITY_UNTIL, {2025, 12, 31}, {0, 0, 0}, 0, 0, 0}, {0, 0, 0}, {2025, 12, 31}},
        {{VALIDITY_RANGE, {2022, 12, 31}, {2020, 1, 1}, 0, 0, 0}, {0, 0, 0}, {2022, 12, 31}},
        {{VALIDITY_YEARS, {0, 0, 0}, {0, 0, 0}, 5, 0, 0}, {0, 0, 0}, {0, 0, 0}},
        {{VALIDITY_MONTHS, {0, 0, 0}, {0, 0, 0}, 6, 0, 0}, {0, 0, 0}, {0, 0, 0}},
        {{VALIDITY_NONE, {0, 0, 0}, {0, 0, 0}, 0, 0, 0}, {2020, 1, 1}, {0, 0, 0}},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char what[48];
        snprintf(what, sizeof what, "expiry case %zu", i);
        date_t got = validity_expiry(&cases[i].v, cases[i].effective);
        expect_date(got, cases[i].want.year, cases[i].want.month, cases[i].want.day, what);
    }
}

/* ------------------------------------------------------------------ */
/* 施行                                                                 */
/* ------------------------------------------------------------------ */

static void test_effective_find_table(void **state)
{
    (void)state;
    static const struct {
        const char *in;
        int found;
        effective_kind_t kind;
        date_t date;
        const char *span;
    } cases[] = {
        {"本办法自2019年3月5日起施行。", 1, EFFECTIVE_DATE, {2019, 3, 5}, "自2019年3月5日起施行"},
        {"自2022 年 1 月 1 日起执行", 1, EFFECTIVE_DATE, {2022, 1, 1}, "自2022 年 1 月 1 日起执行"},
        {"自二〇一九年三月五日起实施", 1, EFFECTIVE_DATE, {2019, 3, 5}, "自二〇一九年三月五日起实施"},
        {"自2020年3月1日起生效。", 1, EFFECTIVE_DATE, {2020, 3, 1}, "自2020年3月1日起生效"},
        {"自 2020年1月1日 起 施行", 1, EFFECTIVE_DATE, {2020, 1, 1}, "自 2020年1月1日 起 施行"},
        {"自2020年1月1日起正式施行", 1, EFFECTIVE_DATE, {2020, 1, 1}, "自2020年1月1日起正式施行"},
        {"自2020年1月1日施行", 1, EFFECTIVE_DATE, {2020, 1, 1}, "自2020年1月1日施行"},
        {"本办法自印发之日起施行。", 1, EFFECTIVE_ON_ISSUE, {0, 0, 0}, "自印发之日起施行"},
        {"自发布之日起施行", 1, EFFECTIVE_ON_ISSUE, {0, 0, 0}, "自发布之日起施行"},
        {"自公布之日起施行", 1, EFFECTIVE_ON_ISSUE, {0, 0, 0}, "自公布之日起施行"},
        {"自签发之日起施行", 1, EFFECTIVE_ON_ISSUE, {0, 0, 0}, "自签发之日起施行"},
        {"本通知自印发之日起实施", 1, EFFECTIVE_ON_ISSUE, {0, 0, 0}, "自印发之日起实施"},
        {"第三十条 本规定自2021年1月1日起施行。", 1, EFFECTIVE_DATE, {2021, 1, 1},
         "自2021年1月1日起施行"},
        /* a nonexistent day: the clause is there, its date unset */
        {"自2023年2月30日起施行", 1, EFFECTIVE_DATE, {0, 0, 0}, "自2023年2月30日起施行"},
        /* preference: the sentence naming the document, else the last */
        {"《条例》自2018年1月1日起施行。本办法自2020年6月1日起施行。", 1, EFFECTIVE_DATE,
         {2020, 6, 1}, "自2020年6月1日起施行"},
        {"本办法自2020年6月1日起施行。原规定自2018年1月1日起实施。", 1, EFFECTIVE_DATE,
         {2020, 6, 1}, "自2020年6月1日起施行"},
        {"自2018年1月1日起施行。自2019年1月1日起施行。", 1, EFFECTIVE_DATE, {2019, 1, 1},
         "自2019年1月1日起施行"},
        /* near misses */
        {"自2020年1月1日起", 0, EFFECTIVE_NONE, {0, 0, 0}, NULL},
        {"各单位自收到之日起执行", 0, EFFECTIVE_NONE, {0, 0, 0}, NULL},
        {"本办法施行前", 0, EFFECTIVE_NONE, {0, 0, 0}, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        effective_clause_t e;
        memset(&e, 0x5A, sizeof e);
        int found = effective_find(cases[i].in, strlen(cases[i].in), &e);
        expect_int(found, cases[i].found, "found", cases[i].in);
        if (!found)
            continue;
        expect_int(e.kind, cases[i].kind, "kind", cases[i].in);
        expect_date(e.date, cases[i].date.year, cases[i].date.month, cases[i].date.day,
                    cases[i].in);
        expect_span(cases[i].in, e.start, e.end, cases[i].span, cases[i].in);
    }
}

/* The closing sentence most documents end with carries both clauses. */
static void test_effective_and_validity_together(void **state)
{
    (void)state;
    const char *text = "本办法自2020年3月1日起施行，有效期三年。";
    effective_clause_t e;
    validity_clause_t v;
    assert_int_equal(effective_find(text, strlen(text), &e), 1);
    assert_int_equal(e.kind, EFFECTIVE_DATE);
    expect_date(e.date, 2020, 3, 1, "effective");
    assert_int_equal(validity_find(text, strlen(text), &v), 1);
    assert_int_equal(v.kind, VALIDITY_YEARS);
    assert_int_equal(v.amount, 3);
    expect_date(validity_expiry(&v, e.date), 2023, 2, 28, "expiry");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_date_exists),
        cmocka_unit_test(test_date_cmp_and_is_set),
        cmocka_unit_test(test_date_add),
        cmocka_unit_test(test_date_format),
        cmocka_unit_test(test_date_parse_iso),
        cmocka_unit_test(test_date_today),
        cmocka_unit_test(test_zh_numeral_value),
        cmocka_unit_test(test_date_read_table),
        cmocka_unit_test(test_date_read_stops_at_len),
        cmocka_unit_test(test_date_find),
        cmocka_unit_test(test_validity_find_table),
        cmocka_unit_test(test_validity_expiry),
        cmocka_unit_test(test_effective_find_table),
        cmocka_unit_test(test_effective_and_validity_together),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
