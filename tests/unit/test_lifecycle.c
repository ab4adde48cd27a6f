/*
 * test_lifecycle.c - title periods (task completed), title keys
 * (supersession), the register CSV, and working-day counting.
 */
#include "testutil.h"

#include "audit/lifecycle.h"
#include "doc/date.h"
#include "doc/register.h"

static void test_title_period_end_year(void **state)
{
    (void)state;
    static const struct {
        const char *title;
        int year;
    } cases[] = {
        {"湘川市2019年农村低保专项治理行动方案", 2019},
        {"湘川市民政局2024年度社会救助工作要点", 2024},
        {"湘川市养老服务体系建设三年行动方案（2023—2025年）", 2025},
        {"湘川市养老服务设施布局规划（2021-2035年）", 2035},
        {"湘川市养老服务设施布局规划（2021至2035年）", 2035},
        {"关于印发《2020年度工作要点》的通知", 2020},
        {"关于贯彻《社会救助暂行办法（2019年修订）》的通知", 0},
        {"湘川市殡葬管理实施细则", 0},
        {"湘川民发〔2019〕8号", 0},        /* a 文号's year is no period */
        {"12019年的事项", 0},               /* five digits: not a year */
        {"2018年版标准宣传方案", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        int got = title_period_end_year(cases[i].title);
        if (got != cases[i].year)
            fail_msg("%s: got %d, want %d", cases[i].title, got, cases[i].year);
    }
}

static void test_title_key_ignores_provisional_and_years(void **state)
{
    (void)state;
    char *a = title_key("湘川市临时救助实施办法（试行）");
    char *b = title_key("湘川市临时救助实施办法");
    char *c = title_key("湘川市2019年临时救助实施办法(暂行)");
    char *d = title_key("湘川市临时救助备用金管理办法");
    assert_string_equal(a, b);
    assert_string_equal(a, c);
    assert_string_not_equal(a, d);
    free(a);
    free(b);
    free(c);
    free(d);
}

static void test_working_days(void **state)
{
    (void)state;
    /* 2024-01-02 is a Tuesday; 2024-01-05 a Friday. */
    assert_int_equal(date_weekday((date_t){2024, 1, 2}), 2);
    assert_int_equal(date_weekday((date_t){1970, 1, 1}), 4);
    assert_int_equal(date_working_days((date_t){2024, 1, 2}, (date_t){2024, 1, 5}), 4);
    assert_int_equal(date_working_days((date_t){2024, 1, 2}, (date_t){2024, 1, 8}), 5);
    assert_int_equal(date_working_days((date_t){2023, 9, 1}, (date_t){2023, 9, 5}), 3);
    assert_int_equal(date_days_between((date_t){2022, 10, 8}, (date_t){2022, 11, 28}), 51);
    assert_int_equal(date_days_between((date_t){2020, 2, 28}, (date_t){2020, 3, 1}), 2);
}

static const char REGISTER[] =
    "\xEF\xBB\xBF" "标题,文号,公布日期,合法性审核,公平竞争审查,集体审议,征求意见起止,备案日期,备注\r\n"
    "\"湘川市民政局关于做好殡葬服务工作的通知\",湘川民发〔2024〕6号,2024-03-05,2024年2月20日,"
    "不涉及,2024-02-25 局务会议,２０２４-01-02至2024-01-31,2024-03-15,\"含,逗号\"\r\n"
    "\r\n"
    "\"多行\n标题\",鄂人社函〔2022〕8 号,2022-01-01,,,,,\r\n";

static void test_register_parse(void **state)
{
    (void)state;
    char err[256] = "";
    doc_register_t *r = register_parse("t.csv", REGISTER, sizeof REGISTER - 1, err, sizeof err);
    assert_non_null(r);
    assert_int_equal(r->nrows, 2);   /* the blank line is no row */
    register_row_t *a = &r->rows[0];
    assert_int_equal(a->line, 2);
    assert_string_equal(a->cell[REG_TITLE], "湘川市民政局关于做好殡葬服务工作的通知");
    assert_int_equal(a->published.day, 5);
    assert_int_equal(a->legality.month, 2);   /* a Chinese-style date */
    assert_true(a->fair_competition_not_required);
    assert_int_equal(a->deliberation.day, 25);
    assert_int_equal(a->consultation_from.year, 2024);   /* full-width digits folded */
    assert_int_equal(a->consultation_to.day, 31);
    assert_int_equal(a->filing.day, 15);
    assert_int_equal(r->rows[1].line, 4);   /* the quoted cell spans lines 4-5 */
    /* Found by 文号 ignoring spaces, else by title. */
    assert_ptr_equal(register_find(r, "鄂人社函〔2022〕8号", NULL), &r->rows[1]);
    assert_ptr_equal(register_find(r, NULL, "湘川市民政局关于做好殡葬服务工作的通知"), a);
    assert_null(register_find(r, "湘川民发〔2024〕7号", "别的标题"));
    register_free(r);
}

static void test_register_without_key_columns(void **state)
{
    (void)state;
    char err[256] = "";
    static const char bad[] = "名称,日期\n甲,2024-01-01\n";
    assert_null(register_parse("bad.csv", bad, sizeof bad - 1, err, sizeof err));
    assert_non_null(strstr(err, "bad.csv:1: the first row must name the columns"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_title_period_end_year),
        cmocka_unit_test(test_title_key_ignores_provisional_and_years),
        cmocka_unit_test(test_working_days),
        cmocka_unit_test(test_register_parse),
        cmocka_unit_test(test_register_without_key_columns),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
