/*
 * test_messages.c - every Chinese message takes the same arguments as its
 * English original (a wrong conversion would crash or print garbage only
 * when that message is shown), and the language switch works.
 */
#include "testutil.h"

#include <ctype.h>
#include <errno.h>

#include "util/messages.h"

/*
 * The conversions of a printf format in argument order: for each, its
 * length modifier and conversion letter ("zu", "s", "X"); %N$ positions
 * put them in their argument's place. Returns the count.
 */
static int conversions(const char *fmt, char out[8][4])
{
    int n = 0, next = 0;
    memset(out, 0, 8 * 4);
    for (const char *p = fmt; *p; p++) {
        if (*p != '%')
            continue;
        if (*++p == '%')
            continue;
        int pos = next++;
        const char *q = p;
        while (isdigit((unsigned char)*q))
            q++;
        if (*q == '$') {
            pos = atoi(p) - 1;
            p = q + 1;
        }
        while (*p && strchr("-+ #0123456789.", *p))
            p++;   /* flags, width, precision */
        char spec[4] = {0};
        int k = 0;
        while (*p && strchr("hlzjt", *p) && k < 2)
            spec[k++] = *p++;
        spec[k] = *p;
        assert_true(pos >= 0 && pos < 8);
        memcpy(out[pos], spec, 4);
        if (pos + 1 > n)
            n = pos + 1;
    }
    return n;
}

static void test_translations_take_the_same_arguments(void **state)
{
    (void)state;
    for (unsigned i = 0; i < MESSAGE_PAIR_COUNT; i++) {
        char en[8][4], zh[8][4];
        int ne = conversions(MESSAGE_PAIRS[i].en, en);
        int nz = conversions(MESSAGE_PAIRS[i].zh, zh);
        if (ne != nz)
            fail_msg("\"%s\": %d conversions in English, %d in Chinese", MESSAGE_PAIRS[i].en, ne, nz);
        for (int k = 0; k < ne; k++)
            if (strcmp(en[k], zh[k]) != 0)
                fail_msg("\"%s\": argument %d is %%%s in English but %%%s in Chinese",
                         MESSAGE_PAIRS[i].en, k + 1, en[k], zh[k]);
    }
}

static void test_conversion_reader_sees_a_mismatch(void **state)
{
    (void)state;
    char a[8][4], b[8][4];
    assert_int_equal(conversions("%zu of %s", a), 2);
    assert_int_equal(conversions("%2$s 的 %1$zu", b), 2);
    assert_string_equal(a[0], b[0]);
    assert_string_equal(a[1], b[1]);
    assert_int_equal(conversions("%s of %zu", b), 2);
    assert_string_not_equal(a[0], b[0]);
}

static void test_language_switch(void **state)
{
    (void)state;
    messages_set_english(0);
    assert_string_equal(tr("binary file, skipped"), "二进制文件，已跳过");
    assert_string_equal(tr_errno(ENOENT), "没有那个文件或目录");
    assert_string_equal(tr("a message with no translation"), "a message with no translation");
    messages_set_english(1);
    assert_string_equal(tr("binary file, skipped"), "binary file, skipped");
    assert_string_equal(tr_errno(ENOENT), strerror(ENOENT));
    messages_set_english(0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_translations_take_the_same_arguments),
        cmocka_unit_test(test_conversion_reader_sees_a_mismatch),
        cmocka_unit_test(test_language_switch),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
