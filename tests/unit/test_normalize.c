/*
 * test_normalize.c - the normalized text and its map back to the original
 * 1-based line and column (columns counted in characters).
 *
 * Fixtures are made by fixtures/make-text-fixtures.sh.
 */
#include "testutil.h"

#include "text/decode.h"
#include "text/normalize.h"

#define FFFD "\xEF\xBF\xBD"

/* Decode a fixture (it must be clean) and normalize it. */
static void normalize_fixture(const char *name, unsigned flags, normalized_t *n)
{
    buf_t raw = read_fixture(name);
    decoded_t d;
    assert_int_equal(decode_bytes(raw.data, raw.len, ENC_AUTO, &d), DECODE_OK);
    assert_int_equal(d.nissues, 0);
    normalize_text(d.text, d.len, flags, n);
    decoded_free(&d);
    buf_free(&raw);
}

static void normalize_str(const char *s, unsigned flags, normalized_t *n)
{
    normalize_text(s, strlen(s), flags, n);
}

#define assert_text(n, expected)                                              \
    do {                                                                      \
        assert_non_null((n)->text);                                           \
        assert_string_equal((n)->text, expected);                             \
        assert_int_equal((n)->len, sizeof(expected) - 1);                     \
    } while (0)

#define assert_pos(n, off, ln, col)                                           \
    do {                                                                      \
        position_t p_ = normalized_position((n), (off));                      \
        if (p_.line != (size_t)(ln) || p_.column != (size_t)(col))            \
            fail_msg("offset %zu: got %zu:%zu, expected %d:%d", (size_t)(off),\
                     p_.line, p_.column, (int)(ln), (int)(col));              \
    } while (0)

#define assert_span(n, start, end, l1, c1, l2, c2)                            \
    do {                                                                      \
        position_t f_, t_;                                                    \
        normalized_span((n), (start), (end), &f_, &t_);                       \
        if (f_.line != (size_t)(l1) || f_.column != (size_t)(c1) ||           \
            t_.line != (size_t)(l2) || t_.column != (size_t)(c2))             \
            fail_msg("span [%zu,%zu): got %zu:%zu-%zu:%zu, expected "         \
                     "%d:%d-%d:%d", (size_t)(start), (size_t)(end), f_.line,  \
                     f_.column, t_.line, t_.column, (int)(l1), (int)(c1),     \
                     (int)(l2), (int)(c2));                                   \
    } while (0)

/* ---- line ends ------------------------------------------------------------ */

static void test_mixed_line_ends(void **state)
{
    (void)state;
    normalized_t n;
    /* 甲 CRLF, 乙乙 LF, 丙丙丙 CR, 丁 CRLF */
    normalize_fixture("norm_mixed_eol.txt", 0, &n);
    assert_text(&n, "甲\n乙乙\n丙丙丙\n丁\n");
    assert_pos(&n, 0, 1, 1);
    assert_pos(&n, 3, 1, 2);    /* the line end: where CR LF was */
    assert_pos(&n, 4, 2, 1);
    assert_pos(&n, 7, 2, 2);
    assert_pos(&n, 10, 2, 3);
    assert_pos(&n, 11, 3, 1);
    assert_pos(&n, 14, 3, 2);
    assert_pos(&n, 17, 3, 3);
    assert_pos(&n, 20, 3, 4);   /* the lone CR */
    assert_pos(&n, 21, 4, 1);
    assert_pos(&n, 24, 4, 2);
    assert_span(&n, 4, 10, 2, 1, 2, 3);   /* 乙乙 */
    assert_span(&n, 4, 20, 2, 1, 3, 4);   /* 乙乙\n丙丙丙 */
    assert_span(&n, 21, 24, 4, 1, 4, 2);  /* 丁 */
    assert_span(&n, 7, 7, 2, 2, 2, 2);    /* empty: both ends at the start */
    normalized_free(&n);
}

static void test_lone_cr(void **state)
{
    (void)state;
    normalized_t n;
    normalize_fixture("norm_cr_only.txt", 0, &n);
    assert_text(&n, "第一行\n第二行\n第三行");
    assert_pos(&n, 9, 1, 4);
    assert_pos(&n, 10, 2, 1);
    assert_pos(&n, 13, 2, 2);
    assert_pos(&n, 20, 3, 1);
    assert_pos(&n, 23, 3, 2);
    assert_pos(&n, 26, 3, 3);
    assert_span(&n, 20, 29, 3, 1, 3, 4);
    normalized_free(&n);

    /* CR CR LF: an empty line ended by CR, then one ended by CR LF. */
    normalize_str("a\r\r\nb\n\rc", 0, &n);
    assert_text(&n, "a\n\nb\n\nc");
    assert_pos(&n, 1, 1, 2);
    assert_pos(&n, 2, 2, 1);
    assert_pos(&n, 3, 3, 1);
    assert_pos(&n, 5, 4, 1);
    assert_pos(&n, 6, 5, 1);
    normalized_free(&n);
}

static void test_decoded_bom_crlf(void **state)
{
    (void)state;
    normalized_t n;
    normalize_fixture("dec_utf8_bom_crlf.txt", NORM_FOR_MATCHING, &n);
    assert_text(&n, "标题\n第一条 总则\n");
    assert_pos(&n, 0, 1, 1);    /* the BOM is no column */
    assert_pos(&n, 3, 1, 2);
    assert_pos(&n, 6, 1, 3);
    assert_pos(&n, 7, 2, 1);
    assert_pos(&n, 16, 2, 4);
    assert_pos(&n, 17, 2, 5);
    assert_pos(&n, 20, 2, 6);
    assert_pos(&n, 23, 2, 7);
    assert_span(&n, 17, 23, 2, 5, 2, 7);  /* 总则 */
    normalized_free(&n);
}

/* ---- folding ----------------------------------------------------------------- */

static void test_fullwidth_digits(void **state)
{
    (void)state;
    normalized_t n;
    normalize_fixture("norm_fullwidth.txt", NORM_FOR_MATCHING, &n);
    /* 〔〕 are not letters or digits and stay. */
    assert_text(&n, "国办发〔2023〕12号ABc\n");
    assert_pos(&n, 9, 1, 4);    /* 〔 */
    assert_pos(&n, 12, 1, 5);   /* 2: was three bytes, still one column */
    assert_pos(&n, 13, 1, 6);
    assert_pos(&n, 14, 1, 7);
    assert_pos(&n, 15, 1, 8);
    assert_pos(&n, 16, 1, 9);   /* 〕 */
    assert_pos(&n, 19, 1, 10);
    assert_pos(&n, 20, 1, 11);
    assert_pos(&n, 21, 1, 12);  /* 号 */
    assert_pos(&n, 24, 1, 13);
    assert_pos(&n, 25, 1, 14);
    assert_pos(&n, 26, 1, 15);
    assert_pos(&n, 27, 1, 16);  /* line end */
    assert_span(&n, 12, 16, 1, 5, 1, 9);    /* 2023 */
    assert_span(&n, 19, 24, 1, 10, 1, 13);  /* 12号 */
    assert_span(&n, 24, 27, 1, 13, 1, 16);  /* ABc */
    normalized_free(&n);

    /* Folding does not depend on the flags. */
    normalize_fixture("norm_fullwidth.txt", 0, &n);
    assert_text(&n, "国办发〔2023〕12号ABc\n");
    normalized_free(&n);
}

static void test_fullwidth_boundaries(void **state)
{
    (void)state;
    normalized_t n;
    /* ／ U+FF0F, ０ ９, ： U+FF1A, ＠ U+FF20, Ａ Ｚ, ［ U+FF3B, ｀ U+FF40,
     * ａ ｚ, ｛ U+FF5B, （ ）, － U+FF0D: only the letters and digits fold. */
    normalize_str("／０９：＠ＡＺ［｀ａｚ｛（）－", NORM_FOR_MATCHING, &n);
    assert_text(&n, "／09：＠AZ［｀az｛（）－");
    assert_pos(&n, 3, 1, 2);   /* 0 */
    assert_pos(&n, 5, 1, 4);   /* ： */
    assert_pos(&n, 11, 1, 6);  /* A */
    assert_pos(&n, 13, 1, 8);  /* ［ */
    assert_pos(&n, 19, 1, 10); /* a */
    assert_pos(&n, 21, 1, 12); /* ｛ */
    assert_pos(&n, 30, 1, 15); /* － */
    normalized_free(&n);
}

static void test_zero_width(void **state)
{
    (void)state;
    normalized_t n;
    /* 通 ZWSP 知 ZWJ 要 WJ 求 ZWNBSP ：X */
    normalize_fixture("norm_zero_width.txt", NORM_FOR_MATCHING, &n);
    assert_text(&n, "通知要求：X\n");
    assert_pos(&n, 0, 1, 1);
    assert_pos(&n, 3, 1, 3);
    assert_pos(&n, 6, 1, 5);
    assert_pos(&n, 9, 1, 7);
    assert_pos(&n, 12, 1, 9);
    assert_pos(&n, 15, 1, 10);
    assert_pos(&n, 16, 1, 11);
    assert_span(&n, 3, 12, 1, 3, 1, 8);   /* 知要求: ends after 求, not after U+FEFF */
    assert_span(&n, 0, 3, 1, 1, 1, 2);
    normalized_free(&n);

    /* Runs of them, at a line start, before a line end, and ZWNJ. */
    normalize_str("a\u200B\u200C\u200Db\r\n\u200B\u200Bx\u2060\r\ny", NORM_FOR_MATCHING, &n);
    assert_text(&n, "ab\nx\ny");
    assert_pos(&n, 1, 1, 5);
    assert_pos(&n, 2, 1, 6);
    assert_pos(&n, 3, 2, 3);
    assert_pos(&n, 4, 2, 5);
    assert_pos(&n, 5, 3, 1);
    normalized_free(&n);

    /* A line of nothing but zero-width characters. */
    normalize_str("\u200B\u200B\nz", 0, &n);
    assert_text(&n, "\nz");
    assert_pos(&n, 0, 1, 3);
    assert_pos(&n, 1, 2, 1);
    normalized_free(&n);
}

static void test_fold_spaces(void **state)
{
    (void)state;
    normalized_t n;
    /* U+3000 U+3000 第一条 NBSP 总则 / U+3000 U+3000 第二条 */
    normalize_fixture("norm_indent.txt", NORM_FOLD_SPACES, &n);
    assert_text(&n, "  第一条 总则\n  第二条\n");
    assert_pos(&n, 0, 1, 1);
    assert_pos(&n, 1, 1, 2);
    assert_pos(&n, 2, 1, 3);
    assert_pos(&n, 11, 1, 6);   /* the folded NBSP */
    assert_pos(&n, 12, 1, 7);   /* 总: after a 2-byte NBSP that became 1 byte */
    assert_pos(&n, 15, 1, 8);
    assert_pos(&n, 18, 1, 9);
    assert_pos(&n, 19, 2, 1);
    assert_pos(&n, 21, 2, 3);
    assert_pos(&n, 27, 2, 5);
    assert_pos(&n, 30, 2, 6);
    assert_span(&n, 0, 2, 1, 1, 1, 3);      /* the indent */
    assert_span(&n, 21, 30, 2, 3, 2, 6);    /* 第二条 */
    normalized_free(&n);

    /* Without the flag the indent and the NBSP stay. */
    normalize_fixture("norm_indent.txt", 0, &n);
    assert_text(&n, "\u3000\u3000第一条\u00A0总则\n\u3000\u3000第二条\n");
    assert_pos(&n, 3, 1, 2);
    assert_pos(&n, 6, 1, 3);
    assert_pos(&n, 15, 1, 6);
    assert_pos(&n, 17, 1, 7);
    assert_pos(&n, 24, 2, 1);
    assert_pos(&n, 30, 2, 3);
    normalized_free(&n);

    /* Other spaces are not touched: U+2002 EN SPACE, tab. */
    normalize_str("a\u2002b\tc", NORM_FOLD_SPACES, &n);
    assert_text(&n, "a\u2002b\tc");
    normalized_free(&n);
}

/* ---- trailing spaces ------------------------------------------------------------ */

static void test_strip_trailing(void **state)
{
    (void)state;
    normalized_t n;
    /*
     * 第一条 总则 SP SP TAB CRLF
     * U+3000 第二条 U+3000 U+3000 CRLF
     * 第三条 NBSP SP LF
     * 末行 TAB (no line end)
     */
    normalize_fixture("norm_trailing.txt", NORM_FOR_OUTPUT, &n);
    assert_text(&n, "第一条 总则\n\u3000第二条\n第三条\n末行");
    assert_pos(&n, 9, 1, 4);    /* the inner space stays */
    assert_pos(&n, 13, 1, 6);
    assert_pos(&n, 16, 1, 10);  /* the line end is where the CR was */
    assert_pos(&n, 17, 2, 1);   /* the U+3000 indent stays */
    assert_pos(&n, 20, 2, 2);
    assert_pos(&n, 26, 2, 4);
    assert_pos(&n, 29, 2, 7);
    assert_pos(&n, 30, 3, 1);
    assert_pos(&n, 33, 3, 2);
    assert_pos(&n, 36, 3, 3);
    assert_pos(&n, 39, 3, 6);
    assert_pos(&n, 40, 4, 1);
    assert_pos(&n, 43, 4, 2);
    assert_span(&n, 10, 16, 1, 5, 1, 7);  /* 总则 */
    assert_span(&n, 30, 39, 3, 1, 3, 4);  /* 第三条 */
    assert_span(&n, 40, 46, 4, 1, 4, 3);  /* 末行 */
    normalized_free(&n);

    /* Both flags: the indent becomes a space, positions do not move. */
    normalize_fixture("norm_trailing.txt", NORM_FOR_MATCHING | NORM_STRIP_TRAILING, &n);
    assert_text(&n, "第一条 总则\n 第二条\n第三条\n末行");
    assert_pos(&n, 16, 1, 10);
    assert_pos(&n, 17, 2, 1);
    assert_pos(&n, 18, 2, 2);
    assert_pos(&n, 24, 2, 4);
    assert_pos(&n, 27, 2, 7);
    assert_pos(&n, 28, 3, 1);
    assert_pos(&n, 31, 3, 2);
    assert_pos(&n, 37, 3, 6);
    assert_pos(&n, 38, 4, 1);
    assert_pos(&n, 41, 4, 2);
    normalized_free(&n);

    /* Without the flag only the line ends change. */
    normalize_fixture("norm_trailing.txt", 0, &n);
    assert_text(&n, "第一条 总则  \t\n\u3000第二条\u3000\u3000\n第三条\u00A0 \n末行\t");
    assert_pos(&n, 20, 2, 1);
    assert_pos(&n, 39, 3, 1);
    normalized_free(&n);
}

static void test_strip_trailing_edges(void **state)
{
    (void)state;
    normalized_t n;
    /* A zero-width character among the trailing spaces. */
    normalize_str("ab \u200B \ncd", NORM_STRIP_TRAILING, &n);
    assert_text(&n, "ab\ncd");
    assert_pos(&n, 1, 1, 2);
    assert_pos(&n, 2, 1, 6);
    assert_pos(&n, 3, 2, 1);
    assert_pos(&n, 4, 2, 2);
    normalized_free(&n);

    /* Lines of nothing but spaces become empty lines. */
    normalize_str("   \n\u3000\t\u00A0\r\nX  ", NORM_STRIP_TRAILING, &n);
    assert_text(&n, "\n\nX");
    assert_pos(&n, 0, 1, 4);
    assert_pos(&n, 1, 2, 4);
    assert_pos(&n, 2, 3, 1);
    normalized_free(&n);

    /* Only spaces: nothing is left. */
    normalize_str(" \t\u3000", NORM_STRIP_TRAILING, &n);
    assert_text(&n, "");
    assert_pos(&n, 0, 1, 1);
    normalized_free(&n);

    /* Inner spaces stay. */
    normalize_str("a \u3000 b \n", NORM_STRIP_TRAILING, &n);
    assert_text(&n, "a \u3000 b\n");
    assert_pos(&n, 6, 1, 5);
    assert_pos(&n, 7, 1, 7);
    normalized_free(&n);

    /* A full-width digit is content, not space. */
    normalize_str("１\u3000\n２", NORM_STRIP_TRAILING, &n);
    assert_text(&n, "1\n2");
    assert_pos(&n, 1, 1, 3);
    assert_pos(&n, 2, 2, 1);
    normalized_free(&n);
}

/* ---- long lines ----------------------------------------------------------------- */

/* Anchors are in order, and a lookup never counts far from one. */
static void assert_anchors_sane(const normalized_t *n)
{
    assert_true(n->nanchors >= 1);
    assert_int_equal(n->anchors[0].offset, 0);
    for (size_t i = 1; i < n->nanchors; i++) {
        assert_true(n->anchors[i].offset >= n->anchors[i - 1].offset);
        if (n->anchors[i].offset <= n->len)
            assert_true(n->anchors[i].offset - n->anchors[i - 1].offset <= 4096 + 4);
    }
}

static void test_long_line(void **state)
{
    (void)state;
    buf_t in;
    buf_init(&in);
    buf_puts(&in, "标题\n");
    for (int i = 0; i < 5000; i++)
        buf_puts(&in, "中");
    buf_puts(&in, "２");            /* 3 bytes in, 1 out */
    for (int i = 0; i < 3000; i++)
        buf_putc(&in, 'a');
    buf_puts(&in, "\u200B");        /* removed, but a column */
    for (int i = 0; i < 3000; i++)
        buf_puts(&in, "文");
    buf_puts(&in, "尾\r\n第三行");
    normalized_t n;
    normalize_text(in.data, in.len, NORM_FOR_MATCHING, &n);
    buf_free(&in);

    assert_int_equal(n.len, 7 + 15000 + 1 + 3000 + 9000 + 3 + 1 + 9);
    assert_memory_equal(n.text + 7 + 15000, "2aaa", 4);
    assert_anchors_sane(&n);

    /* Every character of the 11,003-column line. */
    size_t off = 7, i = 0;
    while (n.text[off] != '\n') {
        size_t col = i <= 8000 ? i + 1 : i + 2;   /* char 8001 follows the ZWSP */
        position_t p = normalized_position(&n, off);
        if (p.line != 2 || p.column != col)
            fail_msg("char %zu at offset %zu: got %zu:%zu, expected 2:%zu", i, off,
                     p.line, p.column, col);
        off += (unsigned char)n.text[off] < 0x80 ? 1 : 3;
        i++;
    }
    assert_int_equal(i, 11002);
    assert_int_equal(off, 7 + 15000 + 1 + 3000 + 9000 + 3);
    assert_pos(&n, off, 2, 11004);          /* the line end */
    assert_pos(&n, off + 1, 3, 1);
    assert_pos(&n, off + 4, 3, 2);
    assert_pos(&n, off + 7, 3, 3);
    assert_pos(&n, 7 + 15000, 2, 5001);     /* the folded ２ */
    assert_pos(&n, 7 + 15000 + 1 + 3000, 2, 8003);
    assert_span(&n, 7, off, 2, 1, 2, 11004);
    assert_span(&n, 7 + 15000, 7 + 15000 + 1, 2, 5001, 2, 5002);
    assert_span(&n, 7 + 14997, 7 + 15000 + 1 + 3000 + 3, 2, 5000, 2, 8004);
    assert_span(&n, off - 3, off + 4, 2, 11003, 3, 2);
    normalized_free(&n);
}

static void test_long_trailing_run(void **state)
{
    (void)state;
    /* More than a stride of trailing spaces, then another line. */
    buf_t in;
    buf_init(&in);
    buf_putc(&in, 'x');
    for (int i = 0; i < 5000; i++)
        buf_putc(&in, ' ');
    buf_puts(&in, "\u200B");
    for (int i = 0; i < 2000; i++)
        buf_puts(&in, "\u3000");
    buf_puts(&in, "\t\r\ny");
    for (int i = 0; i < 5000; i++)
        buf_puts(&in, "\u3000");
    normalized_t n;
    normalize_text(in.data, in.len, NORM_STRIP_TRAILING, &n);
    buf_free(&in);
    assert_text(&n, "x\ny");
    assert_pos(&n, 0, 1, 1);
    assert_pos(&n, 1, 1, 7004);
    assert_pos(&n, 2, 2, 1);
    assert_span(&n, 0, 3, 1, 1, 2, 2);
    normalized_free(&n);
}

/* ---- odds and ends ------------------------------------------------------------- */

static void test_empty_and_clamp(void **state)
{
    (void)state;
    normalized_t n;
    normalize_fixture("dec_empty.txt", NORM_FOR_OUTPUT, &n);
    assert_text(&n, "");
    assert_pos(&n, 0, 1, 1);
    assert_pos(&n, 100, 1, 1);
    normalized_free(&n);

    /* Offsets past the end are clamped to the end. */
    normalize_str("ab", 0, &n);
    assert_pos(&n, 2, 1, 3);
    assert_pos(&n, 50, 1, 3);
    normalized_free(&n);
}

/*
 * "text: normalized UTF-8, NUL-terminated" also when nothing is written.
 * Only text[0] is read (the buffer may hold no NUL at all), and everything
 * is freed before the checks, so a failure reports no leaks.
 */
static void test_empty_output_terminated(void **state)
{
    (void)state;
    normalized_t n;
    normalize_text("", 0, NORM_FOR_MATCHING, &n);
    size_t len1 = n.len;
    int first1 = n.text ? (unsigned char)n.text[0] : -1;
    position_t p1 = normalized_position(&n, 0);
    normalized_free(&n);

    /* Nothing but zero-width characters. */
    normalize_str("\u200B\uFEFF", 0, &n);
    size_t len2 = n.len;
    int first2 = n.text ? (unsigned char)n.text[0] : -1;
    normalized_free(&n);

    assert_int_equal(len1, 0);
    assert_int_equal(p1.line, 1);
    assert_int_equal(p1.column, 1);
    assert_int_equal(len2, 0);
    assert_int_equal(first1, 0);
    assert_int_equal(first2, 0);
}

static void test_other_text_unchanged(void **state)
{
    (void)state;
    normalized_t n;
    /* U+FFFD, a supplementary character, GB18030 four-byte characters. */
    normalize_str("a" FFFD "\U0001F600\u3400\u00A5\U00020000b", NORM_FOR_MATCHING, &n);
    assert_text(&n, "a" FFFD "\U0001F600\u3400\u00A5\U00020000b");
    assert_pos(&n, 1, 1, 2);
    assert_pos(&n, 4, 1, 3);
    assert_pos(&n, 8, 1, 4);
    assert_pos(&n, 11, 1, 5);
    assert_pos(&n, 13, 1, 6);
    assert_pos(&n, 17, 1, 7);
    assert_span(&n, 4, 8, 1, 3, 1, 4);  /* a 4-byte character: one column */
    normalized_free(&n);
}

/* Decode issues and the position map agree on where each U+FFFD is. */
static void test_positions_match_decode_issues(void **state)
{
    (void)state;
    buf_t raw = read_fixture("dec_utf8_invalid.txt");
    decoded_t d;
    assert_int_equal(decode_bytes(raw.data, raw.len, ENC_AUTO, &d), DECODE_OK);
    assert_int_equal(d.nissues, 4);
    normalized_t n;
    normalize_text(d.text, d.len, NORM_FOR_MATCHING, &n);
    const char *p = n.text;
    for (size_t k = 0; k < d.nissues; k++) {
        p = strstr(p, FFFD);
        assert_non_null(p);
        position_t pos = normalized_position(&n, (size_t)(p - n.text));
        assert_int_equal(pos.line, d.issues[k].line);
        assert_int_equal(pos.column, d.issues[k].column);
        p += 3;
    }
    assert_null(strstr(p, FFFD));
    /* CRLF became LF: line 2's U+FFFD is at its decoded offset minus one. */
    assert_int_equal(strstr(n.text, FFFD) - n.text, 79);
    normalized_free(&n);
    decoded_free(&d);
    buf_free(&raw);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mixed_line_ends),
        cmocka_unit_test(test_lone_cr),
        cmocka_unit_test(test_decoded_bom_crlf),
        cmocka_unit_test(test_fullwidth_digits),
        cmocka_unit_test(test_fullwidth_boundaries),
        cmocka_unit_test(test_zero_width),
        cmocka_unit_test(test_fold_spaces),
        cmocka_unit_test(test_strip_trailing),
        cmocka_unit_test(test_strip_trailing_edges),
        cmocka_unit_test(test_long_line),
        cmocka_unit_test(test_long_trailing_run),
        cmocka_unit_test(test_empty_and_clamp),
        cmocka_unit_test(test_empty_output_terminated),
        cmocka_unit_test(test_other_text_unchanged),
        cmocka_unit_test(test_positions_match_decode_issues),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
