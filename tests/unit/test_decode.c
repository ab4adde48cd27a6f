/*
 * test_decode.c - bytes to UTF-8: detection, validation, iconv decoding,
 * issue positions, forced encodings and the GBK encoder.
 *
 * Fixtures are made by fixtures/make-text-fixtures.sh.
 */
#include "testutil.h"

#include "text/decode.h"

#define FFFD "\xEF\xBF\xBD"

/* Decode a fixture; the file's bytes stay in *raw for offset checks. */
static decode_status_t decode_fixture(const char *name, encoding_t forced,
                                      buf_t *raw, decoded_t *d)
{
    *raw = read_fixture(name);
    return decode_bytes(raw->data, raw->len, forced, d);
}

/* Exact text check that also covers the length and the terminating NUL. */
#define assert_text(d, expected)                                              \
    do {                                                                      \
        assert_non_null((d)->text);                                           \
        assert_int_equal((d)->len, sizeof(expected) - 1);                     \
        assert_memory_equal((d)->text, expected, sizeof(expected) - 1);       \
        assert_int_equal((unsigned char)(d)->text[(d)->len], 0);              \
    } while (0)

#define assert_issue(d, k, src, txt, nb, ln, col)                             \
    do {                                                                      \
        assert_true((k) < (d)->nissues);                                      \
        assert_int_equal((d)->issues[k].src_offset, (src));                   \
        assert_int_equal((d)->issues[k].text_offset, (txt));                  \
        assert_int_equal((d)->issues[k].nbytes, (nb));                        \
        assert_int_equal((d)->issues[k].line, (ln));                          \
        assert_int_equal((d)->issues[k].column, (col));                       \
        assert_memory_equal((d)->text + (d)->issues[k].text_offset, FFFD, 3); \
    } while (0)

/* ---- detection and decoding of each fixture ---------------------------- */

static void test_utf8_plain(void **state)
{
    (void)state;
    buf_t raw;
    decoded_t d;
    assert_int_equal(decode_fixture("dec_utf8.txt", ENC_AUTO, &raw, &d), DECODE_OK);
    assert_int_equal(d.encoding, ENC_UTF8);
    assert_text(&d, "关于印发《2023年工作要点》的通知\n各单位：\n现印发给你们。\n");
    assert_int_equal(d.nissues, 0);
    assert_int_equal(d.len, raw.len);
    decoded_free(&d);
    buf_free(&raw);
}

static void test_utf8_bom_crlf(void **state)
{
    (void)state;
    buf_t raw;
    decoded_t d;
    assert_int_equal(decode_fixture("dec_utf8_bom_crlf.txt", ENC_AUTO, &raw, &d), DECODE_OK);
    assert_int_equal(d.encoding, ENC_UTF8_BOM);
    /* The BOM goes; line ends stay as they are (normalize folds them). */
    assert_text(&d, "标题\r\n第一条 总则\r\n");
    assert_int_equal(d.len, raw.len - 3);
    assert_int_equal(d.nissues, 0);
    decoded_free(&d);
    buf_free(&raw);
}

static void test_gbk_detected_as_gb18030(void **state)
{
    (void)state;
    buf_t raw;
    decoded_t d;
    assert_int_equal(decode_fixture("dec_gbk.txt", ENC_AUTO, &raw, &d), DECODE_OK);
    assert_int_equal(d.encoding, ENC_GB18030);
    assert_text(&d, "关于“十四五”规划的通知——附件：《细则》…第1号、甲·乙。\n");
    assert_int_equal(d.nissues, 0);
    decoded_free(&d);
    buf_free(&raw);
}

static void test_gbk_forced(void **state)
{
    (void)state;
    buf_t raw;
    decoded_t d;
    assert_int_equal(decode_fixture("dec_gbk.txt", ENC_GBK, &raw, &d), DECODE_OK);
    assert_int_equal(d.encoding, ENC_GBK); /* named as asked */
    assert_text(&d, "关于“十四五”规划的通知——附件：《细则》…第1号、甲·乙。\n");
    assert_int_equal(d.nissues, 0);
    decoded_free(&d);
    buf_free(&raw);
}

static void test_gb18030_four_byte(void **state)
{
    (void)state;
    buf_t raw;
    decoded_t d;
    assert_int_equal(decode_fixture("dec_gb18030.txt", ENC_AUTO, &raw, &d), DECODE_OK);
    /* The fixture really holds the four-byte forms. */
    assert_memory_equal(raw.data + 6, "\x81\x39\xEE\x39", 4);
    assert_memory_equal(raw.data + 12, "\x81\x30\x84\x36", 4);
    assert_memory_equal(raw.data + 18, "\x95\x32\x82\x36", 4);
    assert_int_equal(d.encoding, ENC_GB18030);
    assert_text(&d, "生僻字\xE3\x90\x80与\xC2\xA5及\xF0\xA0\x80\x80。\n");
    assert_int_equal(d.nissues, 0);
    decoded_free(&d);
    buf_free(&raw);
}

static void test_utf16le_bom(void **state)
{
    (void)state;
    buf_t raw;
    decoded_t d;
    assert_int_equal(decode_fixture("dec_utf16le_bom.txt", ENC_AUTO, &raw, &d), DECODE_OK);
    assert_int_equal(d.encoding, ENC_UTF16LE);
    assert_text(&d, "第1行\n第二行\xF0\x9F\x98\x80\n");
    assert_int_equal(d.nissues, 0);
    decoded_free(&d);
    buf_free(&raw);
}

static void test_utf16be_bom(void **state)
{
    (void)state;
    buf_t raw;
    decoded_t d;
    assert_int_equal(decode_fixture("dec_utf16be_bom.txt", ENC_AUTO, &raw, &d), DECODE_OK);
    assert_int_equal(d.encoding, ENC_UTF16BE);
    assert_text(&d, "第1行\n第二行\xF0\x9F\x98\x80\n");
    assert_int_equal(d.nissues, 0);
    decoded_free(&d);
    buf_free(&raw);
}

static void test_utf16_truncated(void **state)
{
    (void)state;
    buf_t raw;
    decoded_t d;
    assert_int_equal(decode_fixture("dec_utf16le_truncated.txt", ENC_AUTO, &raw, &d),
                     DECODE_OK);
    assert_int_equal(raw.len, 9);
    assert_int_equal(d.encoding, ENC_UTF16LE);
    assert_text(&d, "通知\n" FFFD);
    assert_int_equal(d.nissues, 1);
    /* The lone last byte: source offset 8 (BOM counted), after "通知\n". */
    assert_issue(&d, 0, 8, 7, 1, 2, 1);
    assert_int_equal(d.issues[0].bytes[0], 'A');
    decoded_free(&d);
    buf_free(&raw);
}

static void test_utf8_invalid_fixture(void **state)
{
    (void)state;
    buf_t raw;
    decoded_t d;
    assert_int_equal(decode_fixture("dec_utf8_invalid.txt", ENC_AUTO, &raw, &d), DECODE_OK);
    /* A few damaged bytes do not make a UTF-8 file GB18030. */
    assert_int_equal(d.encoding, ENC_UTF8);
    assert_text(&d, "各单位：根据工作安排，现将有关事项通知如下。\r\n"
                    "一、时间" FFFD "安排：全年分四个阶段推进实施。\r\n"
                    "二、" FFFD "A组织领导：成立工作领导小组。\r\n"
                    "三、具体要求" FFFD FFFD "请各部门认真贯彻落实执行。\r\n");
    assert_int_equal(d.nissues, 4);
    /* CRLF is one line break; columns count characters, not bytes. */
    assert_issue(&d, 0, 80, 80, 1, 2, 5);
    assert_int_equal(d.issues[0].bytes[0], 0xFF);
    assert_issue(&d, 1, 134, 136, 2, 3, 3);
    assert_memory_equal(d.issues[1].bytes, "\xE4\xB8", 2);
    assert_issue(&d, 2, 199, 202, 1, 4, 7);
    assert_int_equal(d.issues[2].bytes[0], 0xC0);
    assert_issue(&d, 3, 200, 205, 1, 4, 8);
    assert_int_equal(d.issues[3].bytes[0], 0xAF);
    for (size_t k = 0; k < d.nissues; k++)
        assert_memory_equal(raw.data + d.issues[k].src_offset, d.issues[k].bytes,
                            (size_t)d.issues[k].nbytes);
    decoded_free(&d);
    buf_free(&raw);
}

static void test_binary(void **state)
{
    (void)state;
    buf_t raw;
    decoded_t d;
    assert_int_equal(decode_fixture("dec_binary.bin", ENC_AUTO, &raw, &d), DECODE_BINARY);
    assert_int_equal(raw.len % 2, 0); /* even length: not ruled out as UTF-16 by size */
    assert_null(d.text);
    assert_int_equal(d.nissues, 0);
    decoded_free(&d);
    buf_free(&raw);

    /* Odd length with a NUL cannot be UTF-16 either. */
    static const char odd[] = "abc\0def";
    assert_int_equal(decode_bytes(odd, sizeof odd - 1, ENC_AUTO, &d), DECODE_BINARY);
    decoded_free(&d);
}

static void test_empty(void **state)
{
    (void)state;
    buf_t raw;
    decoded_t d;
    assert_int_equal(decode_fixture("dec_empty.txt", ENC_AUTO, &raw, &d), DECODE_OK);
    assert_int_equal(raw.len, 0);
    assert_int_equal(d.encoding, ENC_UTF8);
    assert_text(&d, "");
    assert_int_equal(d.nissues, 0);
    decoded_free(&d);
    buf_free(&raw);
}

/* ---- UTF-16 without a BOM ------------------------------------------------ */

static void test_utf16_without_bom(void **state)
{
    (void)state;
    decoded_t d;
    static const char le[] = "A\0B\0\x2D\x4E" "C\0";
    assert_int_equal(decode_bytes(le, sizeof le - 1, ENC_AUTO, &d), DECODE_OK);
    assert_int_equal(d.encoding, ENC_UTF16LE);
    assert_text(&d, "AB中C");
    decoded_free(&d);

    static const char be[] = "\0A\0B\x4E\x2D\0C";
    assert_int_equal(decode_bytes(be, sizeof be - 1, ENC_AUTO, &d), DECODE_OK);
    assert_int_equal(d.encoding, ENC_UTF16BE);
    assert_text(&d, "AB中C");
    decoded_free(&d);
}

static void test_utf16_bad_surrogates(void **state)
{
    (void)state;
    decoded_t d;
    /* A high surrogate followed by 'A': one U+FFFD for the two bytes. */
    static const char lone[] = "\xFF\xFE" "x\0" "\x3D\xD8" "A\0";
    assert_int_equal(decode_bytes(lone, sizeof lone - 1, ENC_AUTO, &d), DECODE_OK);
    assert_int_equal(d.encoding, ENC_UTF16LE);
    assert_text(&d, "x" FFFD "A");
    assert_int_equal(d.nissues, 1);
    assert_issue(&d, 0, 4, 1, 2, 1, 2);
    assert_memory_equal(d.issues[0].bytes, "\x3D\xD8", 2);
    decoded_free(&d);

    /* A high surrogate cut off at the end of a big-endian file. */
    static const char cut[] = "\xFE\xFF" "\0x\0\n" "\xD8\x3D";
    assert_int_equal(decode_bytes(cut, sizeof cut - 1, ENC_AUTO, &d), DECODE_OK);
    assert_int_equal(d.encoding, ENC_UTF16BE);
    assert_text(&d, "x\n" FFFD);
    assert_int_equal(d.nissues, 1);
    assert_issue(&d, 0, 6, 2, 2, 2, 1);
    decoded_free(&d);
}

/* ---- the maximal subpart rule ---------------------------------------------- */

typedef struct {
    const char *in;
    size_t in_len;
    const char *out;
    size_t nissues;
    size_t first_src;  /* src_offset of the first issue */
    int first_nbytes;  /* its length */
} subpart_case_t;

#define CASE(in, out, n, src, nb) {in, sizeof(in) - 1, out, n, src, nb}

static void test_maximal_subparts(void **state)
{
    (void)state;
    static const subpart_case_t cases[] = {
        CASE("a\x80" "b", "a" FFFD "b", 1, 1, 1),              /* lone continuation */
        CASE("\xC0\xAF", FFFD FFFD, 2, 0, 1),                  /* overlong lead C0 */
        CASE("\xC1\xBF", FFFD FFFD, 2, 0, 1),
        CASE("\xE0\x80\x80", FFFD FFFD FFFD, 3, 0, 1),         /* overlong 3-byte */
        CASE("\xE0\xA0", FFFD, 1, 0, 2),                       /* valid prefix, cut */
        CASE("\xED\xA0\x80", FFFD FFFD FFFD, 3, 0, 1),         /* surrogate */
        CASE("\xED\x9F\xBF", "\xED\x9F\xBF", 0, 0, 0),         /* U+D7FF is fine */
        CASE("\xF0\x80\x80\x80", FFFD FFFD FFFD FFFD, 4, 0, 1),/* overlong 4-byte */
        CASE("\xF4\x90\x80\x80", FFFD FFFD FFFD FFFD, 4, 0, 1),/* above U+10FFFF */
        CASE("\xF4\x8F\xBF\xBF", "\xF4\x8F\xBF\xBF", 0, 0, 0), /* U+10FFFF is fine */
        CASE("\xF5\x80", FFFD FFFD, 2, 0, 1),
        CASE("\xFE\xFF", FFFD FFFD, 2, 0, 1),
        CASE("\xF0\x9F\x98" "x", FFFD "x", 1, 0, 3),           /* emoji cut short */
        CASE("中\xE4\xB8", "中" FFFD, 1, 3, 2),                 /* cut at the end */
        CASE("\xE4\xB8\xE4\xB8\xAD", FFFD "中", 1, 0, 2),
        CASE("\xC2", FFFD, 1, 0, 1),
        /* Unicode Standard, table 3-8 (U+FFFD for maximal subparts). */
        CASE("\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64",
             "a" FFFD FFFD FFFD "b" FFFD "c" FFFD FFFD "d", 6, 1, 3),
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const subpart_case_t *c = &cases[i];
        decoded_t d;
        assert_int_equal(decode_bytes(c->in, c->in_len, ENC_UTF8, &d), DECODE_OK);
        assert_int_equal(d.encoding, ENC_UTF8);
        if (strcmp(d.text, c->out) != 0)
            fail_msg("case %zu: got \"%s\", expected \"%s\"", i, d.text, c->out);
        assert_int_equal(d.len, strlen(c->out));
        assert_int_equal(d.nissues, c->nissues);
        if (c->nissues) {
            assert_int_equal(d.issues[0].src_offset, c->first_src);
            assert_int_equal(d.issues[0].nbytes, c->first_nbytes);
        }
        decoded_free(&d);
    }
}

/* Every issue of table 3-8, one by one. */
static void test_table_3_8_issues(void **state)
{
    (void)state;
    static const char in[] = "\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64";
    decoded_t d;
    assert_int_equal(decode_bytes(in, sizeof in - 1, ENC_UTF8, &d), DECODE_OK);
    assert_int_equal(d.nissues, 6);
    assert_issue(&d, 0, 1, 1, 3, 1, 2);    /* F1 80 80 */
    assert_issue(&d, 1, 4, 4, 2, 1, 3);    /* E1 80 */
    assert_issue(&d, 2, 6, 7, 1, 1, 4);    /* C2 */
    assert_issue(&d, 3, 8, 11, 1, 1, 6);   /* 80 */
    assert_issue(&d, 4, 10, 15, 1, 1, 8);  /* 80 */
    assert_issue(&d, 5, 11, 18, 1, 1, 9);  /* BF */
    assert_int_equal(d.issues[4].bytes[0], 0x80);
    assert_int_equal(d.issues[5].bytes[0], 0xBF);
    assert_memory_equal(d.issues[0].bytes, "\xF1\x80\x80", 3);
    decoded_free(&d);
}

/* ---- issue lines and columns ------------------------------------------------ */

static void test_issue_positions_line_ends(void **state)
{
    (void)state;
    decoded_t d;
    /* CRLF, lone CR, LF and CR CR LF; columns count characters. */
    static const char in[] = "ab\r\n中\xFF\r"   /* line 1, line 2 col 2 */
                             "文文\xFE\n"        /* line 3 col 3 */
                             "\r\r\n\xC0"       /* lines 4, 5 empty; line 6 col 1 */
                             "x";
    assert_int_equal(decode_bytes(in, sizeof in - 1, ENC_UTF8, &d), DECODE_OK);
    assert_int_equal(d.nissues, 3);
    assert_issue(&d, 0, 7, 7, 1, 2, 2);
    assert_issue(&d, 1, 15, 17, 1, 3, 3);
    assert_issue(&d, 2, 20, 24, 1, 6, 1);
    assert_text(&d, "ab\r\n中" FFFD "\r文文" FFFD "\n\r\r\n" FFFD "x");
    decoded_free(&d);
}

static void test_issue_after_bom(void **state)
{
    (void)state;
    decoded_t d;
    /* src_offset counts the BOM; line and column do not. */
    static const char in[] = "\xEF\xBB\xBF中\xFF文";
    assert_int_equal(decode_bytes(in, sizeof in - 1, ENC_AUTO, &d), DECODE_OK);
    assert_int_equal(d.encoding, ENC_UTF8_BOM);
    assert_text(&d, "中" FFFD "文");
    assert_int_equal(d.nissues, 1);
    assert_issue(&d, 0, 6, 3, 1, 1, 2);
    decoded_free(&d);
}

static void test_gb18030_invalid_bytes(void **state)
{
    (void)state;
    decoded_t d;
    /* 中 D6D0, a stray 0xFF, 文 CEC4, LF, a lead byte before a space. */
    static const char in[] = "\xD6\xD0\xFF\xCE\xC4\n\x81 x";
    assert_int_equal(decode_bytes(in, sizeof in - 1, ENC_GB18030, &d), DECODE_OK);
    assert_int_equal(d.encoding, ENC_GB18030);
    assert_text(&d, "中" FFFD "文\n" FFFD " x");
    assert_int_equal(d.nissues, 2);
    assert_issue(&d, 0, 2, 3, 1, 1, 2);
    assert_issue(&d, 1, 6, 10, 1, 2, 1);
    assert_int_equal(d.issues[1].bytes[0], 0x81);
    decoded_free(&d);

    /* A four-byte sequence cut short at the end of the file. */
    static const char cut[] = "\xD6\xD0\x81\x39";
    assert_int_equal(decode_bytes(cut, sizeof cut - 1, ENC_GB18030, &d), DECODE_OK);
    assert_text(&d, "中" FFFD);
    assert_int_equal(d.nissues, 1);
    assert_issue(&d, 0, 2, 3, 2, 1, 2);
    assert_memory_equal(d.issues[0].bytes, "\x81\x39", 2);
    decoded_free(&d);
}

static void test_gb18030_long(void **state)
{
    (void)state;
    /* 20,000 × 中 in GBK, a stray byte, 文: offsets far into the file. */
    buf_t in;
    buf_init(&in);
    for (int i = 0; i < 20000; i++)
        buf_append(&in, "\xD6\xD0", 2);
    buf_append(&in, "\xFF\xCE\xC4", 3);
    decoded_t d;
    assert_int_equal(decode_bytes(in.data, in.len, ENC_AUTO, &d), DECODE_OK);
    assert_int_equal(d.encoding, ENC_GB18030);
    assert_int_equal(d.len, 60000 + 3 + 3);
    for (size_t i = 0; i < 60000; i += 3)
        assert_memory_equal(d.text + i, "中", 3);
    assert_memory_equal(d.text + 60000, FFFD "文", 6);
    assert_int_equal(d.nissues, 1);
    assert_issue(&d, 0, 40000, 60000, 1, 1, 20001);
    decoded_free(&d);
    buf_free(&in);
}

/*
 * A short UTF-8 document with one damaged byte. Read as GB18030 every
 * character is garbled AND there are more errors (2) than read as UTF-8
 * (1), so UTF-8 is the only sensible reading ("a UTF-8 file with a few
 * damaged bytes is still UTF-8", decode.c).
 */
static void test_short_damaged_utf8_stays_utf8(void **state)
{
    (void)state;
    static const char in[] = "第一条\xFF\n各单位：\n";
    decoded_t d;
    assert_int_equal(decode_bytes(in, sizeof in - 1, ENC_AUTO, &d), DECODE_OK);
    encoding_t enc = d.encoding;
    size_t nissues = d.nissues;
    char text[128];
    snprintf(text, sizeof text, "%s", d.text);
    decoded_free(&d);
    assert_string_equal(encoding_name(enc), "utf-8");
    assert_string_equal(text, "第一条" FFFD "\n各单位：\n");
    assert_int_equal(nissues, 1);
}

/* ---- forced encodings -------------------------------------------------------- */

static void test_forced_utf8_drops_bom(void **state)
{
    (void)state;
    buf_t raw;
    decoded_t d;
    assert_int_equal(decode_fixture("dec_utf8_bom_crlf.txt", ENC_UTF8, &raw, &d), DECODE_OK);
    assert_text(&d, "标题\r\n第一条 总则\r\n");
    assert_int_equal(d.encoding, ENC_UTF8_BOM); /* the BOM was there */
    decoded_free(&d);
    buf_free(&raw);

    /* Without a BOM, forced UTF-8 stays UTF-8. */
    assert_int_equal(decode_fixture("dec_utf8.txt", ENC_UTF8, &raw, &d), DECODE_OK);
    assert_int_equal(d.encoding, ENC_UTF8);
    assert_int_equal(d.len, raw.len);
    decoded_free(&d);
    buf_free(&raw);
}

static void test_forced_utf16_drops_bom(void **state)
{
    (void)state;
    buf_t raw;
    decoded_t d;
    assert_int_equal(decode_fixture("dec_utf16le_bom.txt", ENC_UTF16LE, &raw, &d), DECODE_OK);
    assert_int_equal(d.encoding, ENC_UTF16LE);
    assert_text(&d, "第1行\n第二行\xF0\x9F\x98\x80\n");
    decoded_free(&d);
    buf_free(&raw);

    assert_int_equal(decode_fixture("dec_utf16be_bom.txt", ENC_UTF16BE, &raw, &d), DECODE_OK);
    assert_int_equal(d.encoding, ENC_UTF16BE);
    assert_text(&d, "第1行\n第二行\xF0\x9F\x98\x80\n");
    decoded_free(&d);
    buf_free(&raw);
}

static void test_forced_utf8_on_gbk(void **state)
{
    (void)state;
    decoded_t d;
    /* 中文 in GBK read as UTF-8: D6 is a lead byte, D0 not a continuation. */
    static const char in[] = "\xD6\xD0\xCE\xC4";
    assert_int_equal(decode_bytes(in, sizeof in - 1, ENC_UTF8, &d), DECODE_OK);
    assert_int_equal(d.encoding, ENC_UTF8);
    assert_text(&d, FFFD FFFD FFFD FFFD);
    assert_int_equal(d.nissues, 4);
    assert_issue(&d, 3, 3, 9, 1, 1, 4);
    decoded_free(&d);
}

/*
 * GBK as Windows code page 936 and glibc's own GBK converter write it has
 * one single-byte character, 0x80 = U+20AC. GB18030 dropped it, so reading
 * "GBK" as GB18030 turns every euro sign into U+FFFD.
 *
 * The tests below copy what they check and free everything first, so a
 * failure does not add leak reports to the sanitizer's output.
 */
static void test_gbk_euro_sign(void **state)
{
    (void)state;
    buf_t raw;
    decoded_t d;
    assert_int_equal(decode_fixture("dec_gbk_euro.txt", ENC_GBK, &raw, &d), DECODE_OK);
    int byte4 = (unsigned char)raw.data[4];
    encoding_t enc = d.encoding;
    size_t nissues = d.nissues;
    char text[64];
    snprintf(text, sizeof text, "%s", d.text);
    decoded_free(&d);
    buf_free(&raw);
    assert_int_equal(byte4, 0x80);
    assert_int_equal(enc, ENC_GBK);
    assert_string_equal(text, "价格€100\n");
    assert_int_equal(nissues, 0);

    /* Detected, not forced: the same. */
    assert_int_equal(decode_fixture("dec_gbk_euro.txt", ENC_AUTO, &raw, &d), DECODE_OK);
    enc = d.encoding;
    nissues = d.nissues;
    snprintf(text, sizeof text, "%s", d.text);
    decoded_free(&d);
    buf_free(&raw);
    assert_int_equal(enc, ENC_GB18030);
    assert_string_equal(text, "价格€100\n");
    assert_int_equal(nissues, 0);

    /* 0x80 as a trail byte is GB18030's own; 0xFF after a euro is still an error. */
    static const char mixed[] = "\x80\xFF\x81\x80\x80";
    assert_int_equal(decode_bytes(mixed, sizeof mixed - 1, ENC_GBK, &d), DECODE_OK);
    nissues = d.nissues;
    size_t src = nissues ? d.issues[0].src_offset : 99;
    size_t col = nissues ? d.issues[0].column : 99;
    snprintf(text, sizeof text, "%s", d.text);
    decoded_free(&d);
    assert_string_equal(text, "€" FFFD "\xE4\xBA\x90€");   /* 81 80 is U+4E90 亐 */
    assert_int_equal(nissues, 1);
    assert_int_equal(src, 1);
    assert_int_equal(col, 2);
}

/* What `normalize --to gbk` writes must read back as the same text. */
static void test_encode_gbk_euro_round_trip(void **state)
{
    (void)state;
    static const char text[] = "价格€100";
    char *gbk = NULL;
    size_t gbk_len = 0, bad = 99;
    assert_int_equal(encode_gbk(text, sizeof text - 1, &gbk, &gbk_len, &bad), 0);
    decoded_t d;
    decode_status_t st = decode_bytes(gbk, gbk_len, ENC_GBK, &d);
    free(gbk);
    assert_int_equal(st, DECODE_OK);
    size_t nissues = d.nissues;
    char back[64];
    snprintf(back, sizeof back, "%s", d.text);
    decoded_free(&d);
    assert_string_equal(back, text);
    assert_int_equal(nissues, 0);
}

/* "text: UTF-8, NUL-terminated" also when the input holds no character. */
static void test_empty_iconv_input_terminated(void **state)
{
    (void)state;
    decoded_t d;
    /* Only text[0] is read: the buffer may hold no NUL at all. */
    static const char bom_only[] = "\xFF\xFE";
    assert_int_equal(decode_bytes(bom_only, 2, ENC_AUTO, &d), DECODE_OK);
    encoding_t enc = d.encoding;
    size_t len = d.len;
    int first = d.text ? (unsigned char)d.text[0] : -1;
    decoded_free(&d);
    assert_int_equal(enc, ENC_UTF16LE);
    assert_int_equal(len, 0);
    assert_int_equal(first, 0);

    assert_int_equal(decode_bytes("", 0, ENC_GBK, &d), DECODE_OK);
    len = d.len;
    first = d.text ? (unsigned char)d.text[0] : -1;
    decoded_free(&d);
    assert_int_equal(len, 0);
    assert_int_equal(first, 0);
}

static void test_utf8_bom_only(void **state)
{
    (void)state;
    decoded_t d;
    assert_int_equal(decode_bytes("\xEF\xBB\xBF", 3, ENC_AUTO, &d), DECODE_OK);
    assert_int_equal(d.encoding, ENC_UTF8_BOM);
    assert_text(&d, "");
    decoded_free(&d);
}

/* ---- names -------------------------------------------------------------------- */

static void test_encoding_names(void **state)
{
    (void)state;
    static const struct {
        encoding_t e;
        const char *name;
    } names[] = {
        {ENC_AUTO, "auto"},         {ENC_UTF8, "utf-8"},       {ENC_UTF8_BOM, "utf-8-bom"},
        {ENC_GB18030, "gb18030"},   {ENC_GBK, "gbk"},          {ENC_UTF16LE, "utf-16le"},
        {ENC_UTF16BE, "utf-16be"},
    };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        encoding_t e = (encoding_t)-1;
        assert_string_equal(encoding_name(names[i].e), names[i].name);
        assert_int_equal(encoding_parse(names[i].name, &e), 0);
        assert_int_equal(e, names[i].e);
    }
    encoding_t e = ENC_AUTO;
    assert_int_equal(encoding_parse("GBK", &e), 0);
    assert_int_equal(e, ENC_GBK);
    assert_int_equal(encoding_parse("UTF8", &e), 0);
    assert_int_equal(e, ENC_UTF8);
    assert_int_equal(encoding_parse("gb2312", &e), 0);
    assert_int_equal(e, ENC_GBK);
    e = ENC_UTF16BE;
    assert_int_equal(encoding_parse("latin1", &e), -1);
    assert_int_equal(encoding_parse("", &e), -1);
    assert_int_equal(encoding_parse("utf-8-bomx", &e), -1);
    assert_int_equal(e, ENC_UTF16BE); /* untouched on failure */
    assert_string_equal(encoding_name((encoding_t)99), "unknown");
}

/* ---- encode_gbk -------------------------------------------------------------- */

static void test_encode_gbk_round_trip(void **state)
{
    (void)state;
    buf_t raw;
    decoded_t d;
    assert_int_equal(decode_fixture("dec_gbk.txt", ENC_AUTO, &raw, &d), DECODE_OK);
    char *gbk = NULL;
    size_t gbk_len = 0, bad = 12345;
    assert_int_equal(encode_gbk(d.text, d.len, &gbk, &gbk_len, &bad), 0);
    assert_non_null(gbk);
    assert_int_equal(gbk_len, raw.len);
    assert_memory_equal(gbk, raw.data, raw.len);
    assert_int_equal(bad, 12345); /* untouched on success */
    free(gbk);
    decoded_free(&d);
    buf_free(&raw);

    /* ASCII and the empty text. */
    assert_int_equal(encode_gbk("abc\n", 4, &gbk, &gbk_len, &bad), 0);
    assert_int_equal(gbk_len, 4);
    assert_memory_equal(gbk, "abc\n", 4);
    free(gbk);
    assert_int_equal(encode_gbk("", 0, &gbk, &gbk_len, &bad), 0);
    assert_int_equal(gbk_len, 0);
    assert_non_null(gbk);
    free(gbk);
}

static void test_encode_gbk_long(void **state)
{
    (void)state;
    /* Long enough to need more than one output buffer. */
    buf_t in;
    buf_init(&in);
    for (int i = 0; i < 20000; i++)
        buf_puts(&in, "中");
    char *gbk = NULL;
    size_t gbk_len = 0, bad = 0;
    assert_int_equal(encode_gbk(in.data, in.len, &gbk, &gbk_len, &bad), 0);
    assert_int_equal(gbk_len, 40000);
    for (size_t i = 0; i < gbk_len; i += 2)
        assert_memory_equal(gbk + i, "\xD6\xD0", 2);
    free(gbk);
    buf_free(&in);
}

static void test_encode_gbk_failure(void **state)
{
    (void)state;
    char *gbk = (char *)"sentinel";
    size_t gbk_len = 777, bad = 0;
    /* 😀 (U+1F600) at byte 6, after 通知. */
    static const char emoji[] = "通知\xF0\x9F\x98\x80后";
    assert_int_equal(encode_gbk(emoji, sizeof emoji - 1, &gbk, &gbk_len, &bad), -1);
    assert_int_equal(bad, 6);

    /* GB18030 four-byte characters are not GBK: ¥ U+00A5 and 㐀 U+3400. */
    static const char yen[] = "金额：\xC2\xA5" "5";
    assert_int_equal(encode_gbk(yen, sizeof yen - 1, &gbk, &gbk_len, &bad), -1);
    assert_int_equal(bad, 9);
    static const char ext_a[] = "ab\xE3\x90\x80";
    assert_int_equal(encode_gbk(ext_a, sizeof ext_a - 1, &gbk, &gbk_len, &bad), -1);
    assert_int_equal(bad, 2);
    /* The replacement character of a damaged file cannot be written either. */
    static const char fffd[] = "中" FFFD;
    assert_int_equal(encode_gbk(fffd, sizeof fffd - 1, &gbk, &gbk_len, &bad), -1);
    assert_int_equal(bad, 3);
    /* The failure is found far into a long text too. */
    buf_t in;
    buf_init(&in);
    for (int i = 0; i < 10000; i++)
        buf_puts(&in, "文");
    buf_puts(&in, "\xF0\x9F\x98\x80");
    assert_int_equal(encode_gbk(in.data, in.len, &gbk, &gbk_len, &bad), -1);
    assert_int_equal(bad, 30000);
    buf_free(&in);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_plain),
        cmocka_unit_test(test_utf8_bom_crlf),
        cmocka_unit_test(test_gbk_detected_as_gb18030),
        cmocka_unit_test(test_gbk_forced),
        cmocka_unit_test(test_gb18030_four_byte),
        cmocka_unit_test(test_utf16le_bom),
        cmocka_unit_test(test_utf16be_bom),
        cmocka_unit_test(test_utf16_truncated),
        cmocka_unit_test(test_utf8_invalid_fixture),
        cmocka_unit_test(test_binary),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_utf16_without_bom),
        cmocka_unit_test(test_utf16_bad_surrogates),
        cmocka_unit_test(test_maximal_subparts),
        cmocka_unit_test(test_table_3_8_issues),
        cmocka_unit_test(test_issue_positions_line_ends),
        cmocka_unit_test(test_issue_after_bom),
        cmocka_unit_test(test_gb18030_invalid_bytes),
        cmocka_unit_test(test_gb18030_long),
        cmocka_unit_test(test_short_damaged_utf8_stays_utf8),
        cmocka_unit_test(test_forced_utf8_drops_bom),
        cmocka_unit_test(test_forced_utf16_drops_bom),
        cmocka_unit_test(test_forced_utf8_on_gbk),
        cmocka_unit_test(test_gbk_euro_sign),
        cmocka_unit_test(test_encode_gbk_euro_round_trip),
        cmocka_unit_test(test_empty_iconv_input_terminated),
        cmocka_unit_test(test_utf8_bom_only),
        cmocka_unit_test(test_encoding_names),
        cmocka_unit_test(test_encode_gbk_round_trip),
        cmocka_unit_test(test_encode_gbk_long),
        cmocka_unit_test(test_encode_gbk_failure),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
