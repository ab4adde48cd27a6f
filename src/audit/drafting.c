/*
 * drafting.c - drafting checks computed in code; their words live in
 * rules/drafting.rules (kind = check). What each one reports, and what it
 * deliberately leaves alone, is in docs/drafting.md.
 *
 *   文号          leading zeros in the serial, a year later than the 成文日期
 *   成文日期      the way it is written (Arabic numerals, no leading zeros)
 *   dates         a date in the text that does not exist
 *   garbled text  mojibake, 锟斤拷/烫烫烫/屯屯屯, U+FFFD written in the file
 *   numbering     gaps, repeats and missing numbers in 第X章/条, 一、, （一）, 1., （1）
 *   pairs         “” ‘’ 《》 〈〉 () （） 【】 [] 〔〕 unmatched or crossed
 *
 * Everything reads the normalized text (digits folded, U+3000 a space).
 */
#include "drafting.h"

#include <iconv.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/fix.h"
#include "util/buf.h"

/* GB/T 9704-2012 took effect on this day; before it 成文日期 were written in Chinese. */
static const date_t GBT9704_2012 = {2012, 7, 1};

typedef struct {
    const audit_options_t *o;
    const document_t *doc;
    const char *t;          /* the normalized text */
    size_t len;
    findings_t *out;
} ctx_t;

typedef struct {
    size_t start, end;      /* without the '\n' */
} line_t;

/* ---- text helpers ---------------------------------------------------------- */

static uint32_t cp_at(const ctx_t *c, size_t pos, size_t end, int *n)
{
    return utf8_next(c->t + pos, c->t + end, n);
}

static int literal_at(const ctx_t *c, size_t pos, size_t end, const char *s)
{
    size_t n = strlen(s);
    return pos + n <= end && memcmp(c->t + pos, s, n) == 0;
}

static int is_space_cp(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0x00A0 ||
           (cp >= 0x2000 && cp <= 0x200A);
}

static size_t skip_space(const ctx_t *c, size_t pos, size_t end)
{
    while (pos < end) {
        int n;
        if (!is_space_cp(cp_at(c, pos, end, &n)))
            break;
        pos += (size_t)n;
    }
    return pos;
}

static line_t trimmed(const ctx_t *c, line_t l)
{
    l.start = skip_space(c, l.start, l.end);
    while (l.end > l.start) {
        size_t s = l.end - 1;
        while (s > l.start && ((unsigned char)c->t[s] & 0xC0) == 0x80)
            s--;
        int n;
        if (!is_space_cp(cp_at(c, s, l.end, &n)))
            break;
        l.end = s;
    }
    return l;
}

static int next_line(const ctx_t *c, size_t *pos, line_t *l)
{
    if (*pos >= c->len)
        return 0;
    const char *nl = memchr(c->t + *pos, '\n', c->len - *pos);
    l->start = *pos;
    l->end = nl ? (size_t)(nl - c->t) : c->len;
    *pos = l->end + 1;
    return 1;
}

static int is_blank(const ctx_t *c, line_t l)
{
    l = trimmed(c, l);
    return l.start == l.end;
}

static char *span_copy(const ctx_t *c, size_t start, size_t end)
{
    return xstrndup(c->t + start, end - start);
}

static void report(const ctx_t *c, const char *check, size_t start, size_t end,
                   const placeholder_t *vars, size_t nvars)
{
    engine_report_check(c->o->rules, check, c->doc, start, end, vars, nvars, c->out);
}

/* ---- numerals ---------------------------------------------------------------- */

static const char *const ZH_DIGIT[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

/* A Chinese digit at pos: its value (零 and 〇 are 0) and length, or -1. */
static int zh_digit_at(const ctx_t *c, size_t pos, size_t end, size_t *n)
{
    *n = 3;
    if (literal_at(c, pos, end, "零"))
        return 0;
    for (int d = 0; d < 10; d++)
        if (literal_at(c, pos, end, ZH_DIGIT[d]))
            return d;
    return -1;
}

/*
 * An ordinal in Chinese numerals, 一 to 九百九十九: 七, 十二, 二十, 一百零五.
 * Digit runs (二〇二三) are years, not ordinals. Returns the bytes read (0: none).
 */
static size_t zh_ordinal(const ctx_t *c, size_t pos, size_t end, int *value)
{
    size_t start = pos, n;
    int total = 0, digit = -1, d;
    for (;;) {
        if ((d = zh_digit_at(c, pos, end, &n)) >= 0) {
            if (digit > 0)
                return 0;                       /* two digits in a row */
            digit = d;
        } else if (literal_at(c, pos, end, "十") && total % 100 < 10) {
            total += (digit > 0 ? digit : 1) * 10;
            digit = -1;
        } else if (literal_at(c, pos, end, "百") && digit > 0 && total == 0) {
            total = digit * 100;
            digit = -1;
        } else {
            break;
        }
        pos += 3;
    }
    total += digit > 0 ? digit : 0;
    *value = total;
    return total > 0 ? pos - start : 0;
}

/* 1 to 3 ASCII digits (the text is normalized): the bytes read, or 0. */
static size_t arabic_ordinal(const ctx_t *c, size_t pos, size_t end, int *value)
{
    size_t n = 0;
    int v = 0;
    while (pos + n < end && c->t[pos + n] >= '0' && c->t[pos + n] <= '9' && n < 4)
        v = v * 10 + (c->t[pos + n++] - '0');
    if (n == 0 || n > 3 || v == 0)
        return 0;
    *value = v;
    return n;
}

static void put_zh_below_100(buf_t *b, int v)
{
    if (v >= 10) {
        if (v >= 20)
            buf_puts(b, ZH_DIGIT[v / 10]);
        buf_puts(b, "十");
    }
    if (v % 10)
        buf_puts(b, ZH_DIGIT[v % 10]);
}

/* 1..999 in Chinese numerals: 七, 十二, 一百零五, 一百一十. */
static void put_zh(buf_t *b, int v)
{
    if (v < 100) {
        put_zh_below_100(b, v);
        return;
    }
    buf_puts(b, ZH_DIGIT[v / 100]);
    buf_puts(b, "百");
    int rest = v % 100;
    if (rest == 0)
        return;
    if (rest < 10)
        buf_puts(b, "零");
    else if (rest < 20)
        buf_puts(b, "一");
    put_zh_below_100(b, rest);
}

/* ---- 文号 ------------------------------------------------------------------------ */

static size_t skip_digits(const char *s, size_t i)
{
    while (s[i] >= '0' && s[i] <= '9')
        i++;
    return i;
}

/* Year and serial of the 文号 text (normalized): offsets within it, or -1. */
static int parse_doc_number(const char *s, size_t *year, size_t *serial, size_t *serial_end)
{
    static const char *const closers[] = {"〕", "]", "】", ")", "）", "〗", "﹞"};
    for (size_t i = 0; s[i]; i++) {
        if (!(s[i] >= '0' && s[i] <= '9') || skip_digits(s, i) - i != 4)
            continue;
        size_t j = i + 4;
        while (s[j] == ' ')
            j++;
        for (size_t k = 0; k < 7; k++) {
            size_t n = strlen(closers[k]);
            if (strncmp(s + j, closers[k], n) != 0)
                continue;
            j += n;
            while (s[j] == ' ')
                j++;
            if (strncmp(s + j, "第", 3) == 0)
                j += 3;
            while (s[j] == ' ')
                j++;
            *year = i;
            *serial = j;
            *serial_end = skip_digits(s, j);
            return *serial_end > j ? 0 : -1;
        }
        return -1;
    }
    return -1;
}

static void check_doc_number(const ctx_t *c)
{
    const document_t *d = c->doc;
    size_t year, serial, serial_end;
    if (!d->doc_number || parse_doc_number(d->doc_number, &year, &serial, &serial_end) != 0)
        return;
    const char *s = d->doc_number;
    size_t base = d->doc_number_span.start;
    if (s[serial] == '0' && serial_end - serial > 1) {
        size_t z = serial;
        while (s[z] == '0' && serial_end - z > 1)
            z++;
        char *written = xstrndup(s + serial, serial_end - serial);
        char *fixed = xstrndup(s + z, serial_end - z);
        placeholder_t vars[] = {{"num", s}, {"serial", written}, {"fixed", fixed}};
        report(c, "docnum-leading-zero", base + serial, base + serial_end, vars, 3);
        free(written);
        free(fixed);
    }
    int y = atoi(s + year);
    const date_match_t *m = &d->issued_match;
    if (d->has_issued_line && m->status == DATE_READ_OK && !d->issued_from_doc_number &&
        y > m->date.year) {
        char ys[16], issued[32], iso[11];
        snprintf(ys, sizeof ys, "%d", y);
        date_format_zh(m->date, issued);
        date_format_iso(m->date, iso);
        placeholder_t vars[] = {{"num", s}, {"year", ys}, {"issued", issued}, {"issued_iso", iso}};
        report(c, "docnum-future-year", d->doc_number_span.start, d->doc_number_span.end, vars,
               4);
    }
}

/* ---- 成文日期 and dates in the text ------------------------------------------------ */

static void check_issued_date(const ctx_t *c)
{
    const date_match_t *m = &c->doc->issued_match;
    if (!c->doc->has_issued_line || m->status != DATE_READ_OK)
        return;
    const char *check = NULL;
    if (m->style == DATE_STYLE_CHINESE)
        check = date_cmp(m->date, GBT9704_2012) >= 0 ? "issued-date-chinese" : NULL;
    else if (m->style != DATE_STYLE_ARABIC_ZH || m->leading_zero)
        check = "issued-date-format";
    if (!check)
        return;
    char expected[32];
    date_format_zh(m->date, expected);
    char *written = span_copy(c, m->start, m->end);
    placeholder_t vars[] = {{"date", written}, {"expected", expected}};
    report(c, check, m->start, m->end, vars, 2);
    free(written);
}

/* Dates in the body that no calendar has (the 成文日期 has its own rule). */
static void check_text_dates(const ctx_t *c)
{
    span_t body = c->doc->part[PART_BODY];
    size_t pos = body.start;
    date_match_t m;
    while (pos < body.end && date_find(c->t + pos, body.end - pos, &m)) {
        size_t start = pos + m.start, end = pos + m.end;
        if (m.status == DATE_READ_NONEXISTENT) {
            char *written = span_copy(c, start, end);
            placeholder_t vars[] = {{"date", written}};
            report(c, "text-date-nonexistent", start, end, vars, 1);
            free(written);
        }
        pos = end > start ? end : start + 1;
    }
}

/* ---- garbled text ------------------------------------------------------------------ */

/*
 * UTF-8 read as GBK: a UTF-8 lead byte E0-EF and a continuation byte 80-BF
 * make one GBK character, so mojibake of Chinese text is dense with the
 * characters GBK stores under lead E0-EF, trail 80-BF, which ordinary text
 * seldom uses. The table is those 1024 characters, read once through iconv.
 */
static uint32_t *mojibake_lead;
static size_t nmojibake_lead;
static pthread_once_t mojibake_once = PTHREAD_ONCE_INIT;

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

static void build_mojibake_table(void)
{
    char bytes[16 * 64 * 2];
    size_t n = 0;
    for (int lead = 0xE0; lead <= 0xEF; lead++)
        for (int trail = 0x80; trail <= 0xBF; trail++) {
            bytes[n++] = (char)lead;
            bytes[n++] = (char)trail;
        }
    decoded_t dec;
    if (decode_bytes(bytes, n, ENC_GB18030, &dec) != DECODE_OK)
        return;
    uint32_t *table = xmalloc(sizeof *table * 1024);
    size_t count = 0;
    for (size_t pos = 0; pos < dec.len && count < 1024;) {
        int len;
        uint32_t cp = utf8_next(dec.text + pos, dec.text + dec.len, &len);
        if (cp != 0xFFFD)
            table[count++] = cp;
        pos += (size_t)len;
    }
    decoded_free(&dec);
    qsort(table, count, sizeof *table, cmp_u32);
    mojibake_lead = table;
    nmojibake_lead = count;
}

static int is_mojibake_lead(uint32_t cp)
{
    return nmojibake_lead &&
           bsearch(&cp, mojibake_lead, nmojibake_lead, sizeof cp, cmp_u32) != NULL;
}

/* Valid 3-byte UTF-8 sequences in b[0..n), and the bytes they cover. */
static size_t utf8_triples(const unsigned char *b, size_t n, size_t *covered)
{
    size_t count = 0;
    *covered = 0;
    for (size_t i = 0; i + 2 < n;) {
        int lead = b[i] >= 0xE0 && b[i] <= 0xEF;
        int low = b[i] == 0xE0 ? 0xA0 : 0x80, high = b[i] == 0xED ? 0x9F : 0xBF;
        if (lead && b[i + 1] >= low && b[i + 1] <= high && (b[i + 2] & 0xC0) == 0x80) {
            count++;
            *covered += 3;
            i += 3;
        } else {
            i++;
        }
    }
    return count;
}

/*
 * The proof: encoded back to GB18030, the run is mostly valid UTF-8 again
 * (at least three characters, at least half of its non-ASCII bytes).
 */
static int reencodes_as_utf8(const ctx_t *c, size_t start, size_t end)
{
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    if (cd == (iconv_t)-1)
        return 0;
    size_t cap = (end - start) * 2 + 8;
    unsigned char *out = xmalloc(cap);
    char *in = (char *)c->t + start, *o = (char *)out;
    size_t inleft = end - start, oleft = cap;
    size_t rc = iconv(cd, &in, &inleft, &o, &oleft);
    iconv_close(cd);
    size_t n = cap - oleft, high = 0, covered;
    for (size_t i = 0; i < n; i++)
        high += out[i] >= 0x80;
    size_t triples = utf8_triples(out, n, &covered);
    free(out);
    return rc != (size_t)-1 && triples >= 3 && covered * 2 >= high;
}

enum { MOJIBAKE_GAP = 4, MOJIBAKE_RUN = 3 };

/* A run of 3+ mojibake-lead characters at most MOJIBAKE_GAP apart that re-encodes as UTF-8. */
static int has_mojibake(const ctx_t *c, line_t l)
{
    size_t run = 0, gap = MOJIBAKE_GAP + 1, run_start = 0, run_end = 0;
    for (size_t pos = l.start; pos < l.end;) {
        int n;
        uint32_t cp = cp_at(c, pos, l.end, &n);
        if (is_mojibake_lead(cp)) {
            if (gap > MOJIBAKE_GAP) {
                run = 0;
                run_start = pos;
            }
            run++;
            gap = 0;
            run_end = pos + (size_t)n;
        } else {
            gap = is_space_cp(cp) ? MOJIBAKE_GAP + 1 : gap + 1;
        }
        pos += (size_t)n;
        int closes = gap > MOJIBAKE_GAP || pos >= l.end;
        if (closes && run >= MOJIBAKE_RUN && reencodes_as_utf8(c, run_start, run_end))
            return 1;
        if (closes)
            run = 0;
    }
    return 0;
}

/* U+FFFD written in the file, beyond those the decoder put in for bad bytes. */
static int has_literal_replacement(const ctx_t *c, line_t l)
{
    size_t in_text = 0;
    for (const char *p = c->t + l.start;
         (p = memmem(p, (size_t)(c->t + l.end - p), "\xEF\xBF\xBD", 3)) != NULL; p += 3)
        in_text++;
    if (in_text == 0)
        return 0;
    size_t line = normalized_position(&c->doc->norm, l.start).line, decoded = 0;
    for (size_t i = 0; i < c->doc->ndecode_issues; i++)
        decoded += c->doc->decode_issues[i].line == line;
    return in_text > decoded;
}

/* What is garbled on the line, as "a、b" in both languages; 0 when nothing is. */
static int garbled_kinds(const ctx_t *c, line_t l, buf_t *zh, buf_t *en)
{
    static const char *const signatures[] = {"锟斤拷", "烫烫烫", "屯屯屯"};
    int found = 0;
    if (has_mojibake(c, l)) {
        buf_puts(zh, "UTF-8 文字被按 GBK 读取");
        buf_puts(en, "UTF-8 text read as GBK");
        found = 1;
    }
    for (size_t i = 0; i < 3; i++) {
        if (!memmem(c->t + l.start, l.end - l.start, signatures[i], strlen(signatures[i])))
            continue;
        buf_printf(zh, "%s“%s”", found ? "、" : "", signatures[i]);
        buf_printf(en, "%s%s", found ? ", " : "", signatures[i]);
        found = 1;
    }
    if (has_literal_replacement(c, l)) {
        buf_printf(zh, "%s替换字符 U+FFFD", found ? "、" : "");
        buf_printf(en, "%sreplacement character U+FFFD", found ? ", " : "");
        found = 1;
    }
    return found;
}

/* One finding per garbled line; `garbled[i]` remembers line i for the pair check. */
static void check_garbled(const ctx_t *c, unsigned char *garbled, size_t nlines)
{
    pthread_once(&mojibake_once, build_mojibake_table);
    size_t pos = 0, i = 0;
    line_t l;
    for (; i < nlines && next_line(c, &pos, &l); i++) {
        buf_t zh, en;
        buf_init(&zh);
        buf_init(&en);
        if (garbled_kinds(c, l, &zh, &en)) {
            garbled[i] = 1;
            line_t tl = trimmed(c, l);
            placeholder_t vars[] = {{"kind", zh.data}, {"kind_en", en.data}};
            report(c, "garbled-text", tl.start, tl.end, vars, 2);
        }
        buf_free(&zh);
        buf_free(&en);
    }
}

/* ---- numbering ------------------------------------------------------------------------ */

typedef enum { LV_CHAPTER, LV_SECTION, LV_ARTICLE, LV_1, LV_2, LV_3, LV_4, LV_COUNT } level_t;

typedef struct {
    level_t level;
    int value;              /* 0: the number is missing */
    size_t start, end;      /* the marker */
    char open[4], close[4]; /* brackets (LV_2, LV_4) or separator (LV_3) as written */
} marker_t;

typedef struct {
    int last[LV_COUNT];
    int corrected[LV_COUNT]; /* what the last reported marker should have been, or 0 */
    marker_t prev[LV_COUNT];
    level_t bracket_level;  /* LV_2 or LV_4: where a bare （） belongs */
} numbering_t;

static void set_marks(marker_t *m, const ctx_t *c, size_t open, size_t open_len, size_t close,
                      size_t close_len)
{
    memcpy(m->open, c->t + open, open_len);
    m->open[open_len] = '\0';
    memcpy(m->close, c->t + close, close_len);
    m->close[close_len] = '\0';
}

static size_t bracket_len(const ctx_t *c, size_t pos, size_t end, int opening)
{
    if (pos < end && c->t[pos] == (opening ? '(' : ')'))
        return 1;
    return literal_at(c, pos, end, opening ? "（" : "）") ? 3 : 0;
}

/* Followed by a space or the end of the line (第一条　…). */
static int ends_word(const ctx_t *c, size_t pos, size_t end)
{
    int n;
    return pos >= end || is_space_cp(cp_at(c, pos, end, &n));
}

static int parse_chapter(const ctx_t *c, size_t pos, size_t end, marker_t *m)
{
    static const char *const units[] = {"章", "节", "条"};
    if (!literal_at(c, pos, end, "第"))
        return 0;
    size_t n = zh_ordinal(c, pos + 3, end, &m->value);
    if (n == 0)
        n = arabic_ordinal(c, pos + 3, end, &m->value);
    if (n == 0)
        return 0;
    for (int u = 0; u < 3; u++) {
        size_t at = pos + 3 + n;
        if (literal_at(c, at, end, units[u]) && ends_word(c, at + 3, end)) {
            m->level = (level_t)(LV_CHAPTER + u);
            m->end = at + 3;
            return 1;
        }
    }
    return 0;
}

/* （一） (一) （1） (1), and （） with the number lost. */
static int parse_bracketed(const ctx_t *c, size_t pos, size_t end, marker_t *m)
{
    size_t ol = bracket_len(c, pos, end, 1);
    if (ol == 0)
        return 0;
    size_t in = skip_space(c, pos + ol, end), n;
    m->value = 0;
    m->level = LV_COUNT;      /* decided by the caller for an empty pair */
    if ((n = zh_ordinal(c, in, end, &m->value)) > 0)
        m->level = LV_2;
    else if ((n = arabic_ordinal(c, in, end, &m->value)) > 0)
        m->level = LV_4;
    else
        n = 0;
    size_t cl = bracket_len(c, in + n, end, 0);
    /* An empty pair is a lost number only as written （）, with text after it:
     * （ ）同意 is a box to tick. */
    if (cl == 0 || (n == 0 && (in != pos + ol || in + cl >= end)))
        return 0;
    set_marks(m, c, pos, ol, in + n, cl);
    m->end = in + n + cl;
    return 1;
}

/* 一、 but not 一、二类 (a list of numerals at the line start). */
static int parse_zh_comma(const ctx_t *c, size_t pos, size_t end, marker_t *m)
{
    size_t n = zh_ordinal(c, pos, end, &m->value), dn;
    if (n == 0 || !literal_at(c, pos + n, end, "、"))
        return 0;
    size_t after = pos + n + 3;
    if (zh_digit_at(c, after, end, &dn) > 0) {
        static const char *const counters[] = {"、", "类", "级", "档", "等", "星"};
        for (size_t i = 0; i < 6; i++)
            if (literal_at(c, after + 3, end, counters[i]))
                return 0;
    }
    m->level = LV_1;
    m->end = after;
    return 1;
}

/* 1. 1． 1、 followed by text (not 1.5万元, not 3、4月). */
static int parse_arabic_dot(const ctx_t *c, size_t pos, size_t end, marker_t *m)
{
    size_t n = arabic_ordinal(c, pos, end, &m->value), sl = 0;
    if (n == 0)
        return 0;
    if (pos + n < end && c->t[pos + n] == '.')
        sl = 1;
    else if (literal_at(c, pos + n, end, "．") || literal_at(c, pos + n, end, "、"))
        sl = 3;
    size_t after = pos + n + sl;
    if (sl == 0 || after >= end || (c->t[after] >= '0' && c->t[after] <= '9'))
        return 0;
    m->level = LV_3;
    set_marks(m, c, pos, 0, pos + n, sl);
    m->end = after;
    return 1;
}

/* A marker whose number (and opening bracket) was lost: "、探访对象", "）探访内容". */
static int parse_lost(const ctx_t *c, size_t pos, size_t end, marker_t *m)
{
    size_t cl = literal_at(c, pos, end, "、") ? 3 : bracket_len(c, pos, end, 0);
    if (cl == 0)
        return 0;
    int n;
    if (pos + cl >= end || !cp_is_han(cp_at(c, pos + cl, end, &n)))
        return 0;
    m->value = 0;
    m->level = cl == 3 && literal_at(c, pos, end, "、") ? LV_1 : LV_COUNT;
    set_marks(m, c, pos, 0, pos, cl);
    m->end = pos + cl;
    return 1;
}

static int parse_marker(const ctx_t *c, line_t l, marker_t *m)
{
    memset(m, 0, sizeof *m);
    size_t pos = skip_space(c, l.start, l.end);
    m->start = pos;
    return parse_chapter(c, pos, l.end, m) || parse_bracketed(c, pos, l.end, m) ||
           parse_zh_comma(c, pos, l.end, m) || parse_arabic_dot(c, pos, l.end, m) ||
           parse_lost(c, pos, l.end, m);
}

/* Half-width brackets when the marker was written with one, else full-width. */
static void bracket_forms(const marker_t *m, const char **open, const char **close)
{
    int half = m->open[0] == '(' || m->close[0] == ')';
    *open = half ? "(" : "（";
    *close = half ? ")" : "）";
}

/* The marker `m` would be with number `v`: 第七条, 三、, （二）, 3., (4). */
static void render_marker(buf_t *b, const marker_t *m, int v)
{
    static const char *const units[] = {"章", "节", "条"};
    const char *open, *close;
    bracket_forms(m, &open, &close);
    switch (m->level) {
    case LV_CHAPTER:
    case LV_SECTION:
    case LV_ARTICLE:
        buf_puts(b, "第");
        put_zh(b, v);
        buf_puts(b, units[m->level - LV_CHAPTER]);
        break;
    case LV_1:
        put_zh(b, v);
        buf_puts(b, "、");
        break;
    case LV_2:
        buf_puts(b, open);
        put_zh(b, v);
        buf_puts(b, close);
        break;
    case LV_3:
        buf_printf(b, "%d%s", v, m->close);
        break;
    default:
        buf_printf(b, "%s%d%s", open, v, close);
    }
}

static void report_marker(const ctx_t *c, const char *check, const marker_t *m,
                          const marker_t *prev, int expected)
{
    buf_t found, before, want;
    buf_init(&found);
    buf_init(&before);
    buf_init(&want);
    buf_append(&found, c->t + m->start, m->end - m->start);
    if (prev)
        render_marker(&before, prev, prev->value);
    render_marker(&want, m, expected);
    placeholder_t vars[] = {{"found", found.data}, {"previous", before.data ? before.data : ""},
                            {"expected", want.data}};
    report(c, check, m->start, m->end, vars, 3);
    buf_free(&found);
    buf_free(&before);
    buf_free(&want);
}

/* A higher level restarts the lower ones; 第X条 runs on through chapters. */
static void reset_below(numbering_t *s, level_t level)
{
    level_t from = level == LV_CHAPTER ? LV_SECTION : level + 1;
    for (level_t k = from; k < LV_COUNT; k++) {
        if (k == LV_ARTICLE)
            continue;
        s->last[k] = 0;
        s->corrected[k] = 0;
    }
}

/*
 * After a reported number the document may go on from the number written
 * (an article inserted or dropped) or from the one expected (a typo): both
 * are accepted, so one mistake gives one finding.
 */
static void take_marker(const ctx_t *c, numbering_t *s, marker_t *m)
{
    if (m->level == LV_COUNT)
        m->level = s->bracket_level;
    if (m->level == LV_2 || m->level == LV_4)
        s->bracket_level = m->level;
    int last = s->last[m->level], corrected = s->corrected[m->level];
    if (m->value == 0 && last == 0)
        return;     /* not inside a numbered list: nothing to say what is lost */
    s->corrected[m->level] = 0;
    if (m->value == 0) {
        report_marker(c, "numbering-empty", m, NULL, last + 1);
        m->value = last + 1;
    } else if (m->value == 1 || m->value == last + 1 ||
               (corrected > 0 && m->value == corrected + 1)) {
        /* in sequence; 1 may always start a list again (a new list under the same heading) */
    } else if (last > 0 && m->value == last) {
        report_marker(c, "numbering-repeat", m, NULL, last + 1);
        s->corrected[m->level] = last + 1;
    } else if (last > 0) {
        report_marker(c, "numbering-gap", m, &s->prev[m->level], last + 1);
        s->corrected[m->level] = last + 1;
    }
    s->last[m->level] = m->value;
    s->prev[m->level] = *m;
    reset_below(s, m->level);
}

/* Numbers in the body and closing parts (a garbled line has no marker to read). */
static void check_numbering(const ctx_t *c)
{
    numbering_t s;
    memset(&s, 0, sizeof s);
    s.bracket_level = LV_2;
    size_t pos = c->doc->part[PART_BODY].start;
    line_t l;
    while (next_line(c, &pos, &l)) {
        marker_t m;
        if (parse_marker(c, l, &m))
            take_marker(c, &s, &m);
    }
}

/* ---- paired punctuation ------------------------------------------------------------------ */

static const uint32_t PAIRS[][2] = {
    {0x201C, 0x201D}, /* “” */ {0x2018, 0x2019}, /* ‘’ */ {0x300A, 0x300B}, /* 《》 */
    {0x3008, 0x3009}, /* 〈〉 */ {'(', ')'},       {0xFF08, 0xFF09}, /* （） */
    {0x3010, 0x3011}, /* 【】 */ {'[', ']'},       {0x3014, 0x3015}, /* 〔〕 */
};
/* Their names in messages: 左双引号 / 右双引号; English: opening / closing + this. */
static const char *const PAIR_NAMES[][3] = {
    {"左双引号", "右双引号", "quotation mark"},   {"左单引号", "右单引号", "quotation mark"},
    {"左书名号", "右书名号", "title mark"},       {"左单书名号", "右单书名号", "title mark"},
    {"左半角括号", "右半角括号", "parenthesis"},  {"左括号", "右括号", "parenthesis"},
    {"左方头括号", "右方头括号", "bracket"},      {"左方括号", "右方括号", "bracket"},
    {"左六角括号", "右六角括号", "bracket"},
};
enum { NPAIRS = sizeof PAIRS / sizeof PAIRS[0], PAIR_DEPTH = 32, MAX_CARRY = 10 };

typedef struct {
    uint32_t mark;
    size_t at, end;
    uint32_t other;         /* pending: the closing mark that cut it off */
} open_mark_t;

typedef struct {
    open_mark_t stack[PAIR_DEPTH];
    size_t n;
    open_mark_t pending[PAIR_DEPTH];   /* cut off by an outer closing mark */
    size_t npending;
} pairs_t;

static int pair_index(uint32_t cp, int side)
{
    for (int i = 0; i < (int)NPAIRS; i++)
        if (PAIRS[i][side] == cp)
            return i;
    return -1;
}

static int is_paren(uint32_t cp)
{
    return cp == '(' || cp == ')' || cp == 0xFF08 || cp == 0xFF09;
}

static uint32_t partner(uint32_t cp)
{
    int i = pair_index(cp, 0);
    return i >= 0 ? PAIRS[i][1] : PAIRS[pair_index(cp, 1)][0];
}

/* ( and （ close each other: the mixed form is DRAFT-HALFWIDTH-PAREN's business. */
static int closes(uint32_t open, uint32_t close)
{
    return partner(open) == close || (is_paren(open) && is_paren(close));
}

static void put_cp(char out[8], uint32_t cp)
{
    buf_t b;
    buf_init(&b);
    buf_put_utf8(&b, cp);
    snprintf(out, 8, "%s", b.data);
    buf_free(&b);
}

/* A mark as UTF-8 and its English name (opening quotation mark, ...). */
typedef struct {
    char mark[8];
    char en[48];
} mark_words_t;

/* The Chinese name of mark `cp` (左双引号, ...); fills the other words into *w. */
static const char *mark_name(uint32_t cp, mark_words_t *w)
{
    int side = pair_index(cp, 0) >= 0 ? 0 : 1;
    int i = pair_index(cp, side);
    put_cp(w->mark, cp);
    snprintf(w->en, sizeof w->en, "%s %s", side ? "closing" : "opening", PAIR_NAMES[i][2]);
    return PAIR_NAMES[i][side];
}

static void report_unmatched(const ctx_t *c, const open_mark_t *m)
{
    mark_words_t a, b;
    const char *name = mark_name(m->mark, &a), *pname = mark_name(partner(m->mark), &b);
    placeholder_t vars[] = {{"mark", a.mark},     {"name", name},         {"name_en", a.en},
                            {"partner", b.mark}, {"partner_name", pname}};
    report(c, "pair-unmatched", m->at, m->end, vars, 5);
}

static void report_crossed(const ctx_t *c, const open_mark_t *m)
{
    mark_words_t a, b, o;
    const char *name = mark_name(m->mark, &a), *pname = mark_name(partner(m->mark), &b);
    const char *oname = mark_name(m->other, &o);
    placeholder_t vars[] = {{"mark", a.mark},         {"name", name},   {"name_en", a.en},
                            {"partner", b.mark},     {"partner_name", pname},
                            {"other", o.mark},       {"other_name", oname}};
    report(c, "pair-crossed", m->at, m->end, vars, 7);
}

static int paren_open(const pairs_t *p)
{
    for (size_t i = 0; i < p->n; i++)
        if (is_paren(p->stack[i].mark))
            return 1;
    return 0;
}

/* A digit, a Latin letter or one of 一二三四五六七八九十. */
static int is_list_lead(uint32_t cp)
{
    static const uint32_t zh[] = {0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,
                                  0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341};
    if ((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
        return 1;
    for (size_t i = 0; i < sizeof zh / sizeof *zh; i++)
        if (cp == zh[i])
            return 1;
    return 0;
}

/*
 * A ) or ） that ends a list marker, not a parenthesis: "1)", "a)", "一)"
 * (up to three digits, one letter, or up to three Chinese numerals) at the
 * start of the line or after ：；，。、 or a space; and a ） standing first on
 * its line (the numbering check reports its lost number).
 */
static int is_list_closer(const ctx_t *c, line_t l, size_t at)
{
    size_t pos = at, count = 0;
    while (pos > l.start && count < 4) {
        size_t s = pos - 1;
        while (s > l.start && ((unsigned char)c->t[s] & 0xC0) == 0x80)
            s--;
        int n;
        uint32_t cp = cp_at(c, s, pos, &n);
        if (!is_list_lead(cp))
            break;
        pos = s;
        count++;
    }
    if (count > 3)
        return 0;
    if (pos == skip_space(c, l.start, l.end))
        return 1;
    if (count == 0)
        return 0;
    static const char *const before[] = {"：", "；", "，", "。", "、", " "};
    for (size_t i = 0; i < 6; i++) {
        size_t n = strlen(before[i]);
        if (pos >= l.start + n && memcmp(c->t + pos - n, before[i], n) == 0)
            return 1;
    }
    return 0;
}

/* ’ as an apostrophe: Children’s. */
static int is_apostrophe(const ctx_t *c, const pairs_t *p, line_t l, size_t at)
{
    for (size_t i = 0; i < p->n; i++)
        if (p->stack[i].mark == 0x2018)
            return 0;
    unsigned char prev = at > l.start ? (unsigned char)c->t[at - 1] : 0;
    return (prev >= 'a' && prev <= 'z') || (prev >= 'A' && prev <= 'Z');
}

static void push_open(pairs_t *p, uint32_t cp, size_t at, size_t end)
{
    if (p->n < PAIR_DEPTH)
        p->stack[p->n++] = (open_mark_t){cp, at, end, 0};
}

/* Close `cp`: the top of the stack, a deeper opener (crossing), or a cut-off one. */
static void close_mark(const ctx_t *c, pairs_t *p, uint32_t cp, size_t at, size_t end)
{
    size_t i = p->n;
    while (i > 0 && !closes(p->stack[i - 1].mark, cp))
        i--;
    if (i > 0) {
        for (size_t k = i; k < p->n && p->npending < PAIR_DEPTH; k++) {
            p->pending[p->npending] = p->stack[k];
            p->pending[p->npending++].other = cp;
        }
        p->n = i - 1;
        return;
    }
    for (size_t k = p->npending; k-- > 0;) {
        if (!closes(p->pending[k].mark, cp))
            continue;
        report_crossed(c, &p->pending[k]);
        memmove(&p->pending[k], &p->pending[k + 1],
                (p->npending - k - 1) * sizeof p->pending[0]);
        p->npending--;
        return;
    }
    open_mark_t stray = {cp, at, end, 0};
    report_unmatched(c, &stray);
}

static void scan_pairs(const ctx_t *c, pairs_t *p, line_t l)
{
    for (size_t pos = l.start; pos < l.end;) {
        int n;
        uint32_t cp = cp_at(c, pos, l.end, &n);
        size_t end = pos + (size_t)n;
        if (pair_index(cp, 0) >= 0) {
            push_open(p, cp, pos, end);
        } else if (pair_index(cp, 1) >= 0) {
            int skip = (is_paren(cp) && !paren_open(p) && is_list_closer(c, l, pos)) ||
                       (cp == 0x2019 && is_apostrophe(c, p, l, pos));
            if (!skip)
                close_mark(c, p, cp, pos, end);
        }
        pos = end;
    }
}

/* A quotation of several paragraphs opens each with “ and closes only the last. */
static int next_opens_quote(const ctx_t *c, const line_t *next)
{
    return next && literal_at(c, skip_space(c, next->start, next->end), next->end, "“");
}

/* Trailing closing marks: 。” and 。） end a sentence as 。 does. */
static size_t strip_closers(const ctx_t *c, line_t l)
{
    static const char *const closers[] = {"”", "’", "）", ")", "》", "】", "」"};
    for (int again = 1; again;) {
        again = 0;
        for (size_t i = 0; i < sizeof closers / sizeof *closers; i++) {
            size_t n = strlen(closers[i]);
            if (l.end - l.start >= n && memcmp(c->t + l.end - n, closers[i], n) == 0) {
                l.end -= n;
                again = 1;
            }
        }
    }
    return l.end;
}

/*
 * The paragraph goes on: the line ends mid-sentence and the next one is
 * not blank and does not open a new quoted paragraph.
 */
static int continues(const ctx_t *c, const pairs_t *p, line_t l, const line_t *next)
{
    static const char *const stops[] = {"。", "！", "？", "；", "：", "!", "?", ";", ":"};
    l = trimmed(c, l);
    if (!next || is_blank(c, *next) || l.start == l.end)
        return 0;
    if (p->n > 0 && p->stack[p->n - 1].mark == 0x201C && next_opens_quote(c, next))
        return 0;
    l.end = strip_closers(c, l);
    for (size_t i = 0; i < sizeof stops / sizeof *stops; i++) {
        size_t n = strlen(stops[i]);
        if (l.end - l.start >= n && memcmp(c->t + l.end - n, stops[i], n) == 0)
            return 0;
    }
    return 1;
}

static void end_paragraph(const ctx_t *c, pairs_t *p, const line_t *next)
{
    int quoted_on = next_opens_quote(c, next);
    for (size_t i = 0; i < p->n; i++)
        if (!(quoted_on && p->stack[i].mark == 0x201C))
            report_unmatched(c, &p->stack[i]);
    for (size_t i = 0; i < p->npending; i++)
        report_unmatched(c, &p->pending[i]);
    p->n = p->npending = 0;
}

static void check_pairs(const ctx_t *c, const unsigned char *garbled)
{
    pairs_t p;
    memset(&p, 0, sizeof p);
    size_t pos = 0, i = 0, carried = 0;
    line_t l, next;
    int have = next_line(c, &pos, &l);
    while (have) {
        int have_next = next_line(c, &pos, &next);
        if (!garbled[i])
            scan_pairs(c, &p, l);
        int open = p.n > 0 || p.npending > 0;
        if (open && carried < MAX_CARRY && continues(c, &p, l, have_next ? &next : NULL)) {
            carried++;
        } else {
            end_paragraph(c, &p, have_next ? &next : NULL);
            carried = 0;
        }
        l = next;
        have = have_next;
        i++;
    }
}

/* ---- all of them --------------------------------------------------------------------------- */

static size_t count_lines(const ctx_t *c)
{
    size_t n = 1;
    for (size_t i = 0; i < c->len; i++)
        n += c->t[i] == '\n';
    return n;
}

void drafting_audit(const audit_options_t *o, const document_t *doc, findings_t *out)
{
    ctx_t c = {o, doc, doc->norm.text, doc->norm.len, out};
    size_t nlines = count_lines(&c);
    unsigned char *garbled = xcalloc(nlines + 1, 1);
    check_doc_number(&c);
    check_issued_date(&c);
    check_text_dates(&c);
    check_garbled(&c, garbled, nlines);
    check_numbering(&c);
    check_pairs(&c, garbled);
    free(garbled);
}
