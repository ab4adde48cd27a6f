/*
 * date.c - calendar arithmetic and the date, 施行 and 有效期 phrases of
 * Chinese normative documents.
 *
 * Everything here reads normalized text: ASCII digits, plain spaces, CJK in
 * UTF-8. Parsing walks a small cursor over the bytes; each helper either
 * consumes what it recognises or leaves the cursor where it was, so the
 * grammar functions read like the phrases they match.
 */
#include "doc/date.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "util/buf.h"

/* Years a document date can plausibly carry; keeps "12号" or a 4-digit
 * amount like "3000元" from passing for a date. */
enum { MIN_DOC_YEAR = 1900, MAX_DOC_YEAR = 2199 };

/* Longest validity period we believe (有效期2023年 is not 2023 years). */
enum { MAX_VALIDITY_AMOUNT = 100 };

/* ------------------------------------------------------------------ */
/* Calendar                                                            */
/* ------------------------------------------------------------------ */

static int is_leap_year(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int days_in_month(int year, int month)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && is_leap_year(year))
        return 29;
    return days[month - 1];
}

int date_is_set(date_t d)
{
    return d.year != 0;
}

int date_exists(int year, int month, int day)
{
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1)
        return 0;
    return day <= days_in_month(year, month);
}

int date_cmp(date_t a, date_t b)
{
    if (a.year != b.year)
        return a.year < b.year ? -1 : 1;
    if (a.month != b.month)
        return a.month < b.month ? -1 : 1;
    if (a.day != b.day)
        return a.day < b.day ? -1 : 1;
    return 0;
}

/* Integer division rounding toward minus infinity, so negative month
 * offsets land in the previous year rather than in month 0. */
static long floor_div(long a, long b)
{
    long q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        q--;
    return q;
}

date_t date_add_months(date_t d, int months)
{
    if (!date_is_set(d))
        return DATE_NONE;
    long index = (long)d.year * 12 + (d.month - 1) + months;
    long year = floor_div(index, 12);
    date_t r = {(int)year, (int)(index - year * 12) + 1, d.day};
    int last = days_in_month(r.year, r.month);
    if (r.day > last)
        r.day = last;
    return r;
}

date_t date_add_years(date_t d, int years)
{
    return date_add_months(d, years * 12);
}

/* Days since 1970-01-01 in the proleptic Gregorian calendar
 * (H. Hinnant's days_from_civil): exact for any year, no tables. */
static long days_from_civil(int year, int month, int day)
{
    long y = year - (month <= 2);
    long era = floor_div(y, 400);
    long yoe = y - era * 400;                                   /* 0..399 */
    long doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;           /* 0..146096 */
    return era * 146097 + doe - 719468;
}

static date_t civil_from_days(long z)
{
    z += 719468;
    long era = floor_div(z, 146097);
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    date_t r;
    r.day = (int)(doy - (153 * mp + 2) / 5 + 1);
    r.month = (int)(mp < 10 ? mp + 3 : mp - 9);
    r.year = (int)(yoe + era * 400 + (r.month <= 2));
    return r;
}

date_t date_add_days(date_t d, int days)
{
    if (!date_is_set(d))
        return DATE_NONE;
    return civil_from_days(days_from_civil(d.year, d.month, d.day) + days);
}

static int clamp_int(int v, int lo, int hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

void date_format_iso(date_t d, char out[11])
{
    /* Clamping keeps the text inside its 10 bytes even for a bogus date. */
    snprintf(out, 11, "%04d-%02d-%02d", clamp_int(d.year, 0, 9999),
             clamp_int(d.month, 0, 99), clamp_int(d.day, 0, 99));
}

void date_format_zh(date_t d, char out[32])
{
    snprintf(out, 32, "%d年%d月%d日", clamp_int(d.year, 0, 9999),
             clamp_int(d.month, 0, 99), clamp_int(d.day, 0, 99));
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Value of `n` ASCII digits at s (caller has checked they are digits). */
static int digits_value(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

int date_parse_iso(const char *s, date_t *out)
{
    if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return -1;
    for (size_t i = 0; i < 10; i++)
        if (i != 4 && i != 7 && !is_digit(s[i]))
            return -1;
    date_t d = {digits_value(s, 4), digits_value(s + 5, 2), digits_value(s + 8, 2)};
    if (!date_exists(d.year, d.month, d.day))
        return -1;
    if (out)
        *out = d;
    return 0;
}

date_t date_today(void)
{
    time_t now = time(NULL);
    struct tm local;
    if (localtime_r(&now, &local) == NULL)
        return DATE_NONE;
    return (date_t){local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

/* ------------------------------------------------------------------ */
/* Cursor over normalized text                                         */
/* ------------------------------------------------------------------ */

typedef struct {
    const char *text;
    size_t len;
    size_t pos;
} cursor_t;

static size_t remaining(const cursor_t *c)
{
    return c->len - c->pos;
}

static const char *here(const cursor_t *c)
{
    return c->text + c->pos;
}

/* 1 if `lit` is at byte offset `pos`; never reads past len. */
static int literal_at(const char *text, size_t len, size_t pos, const char *lit)
{
    size_t n = strlen(lit);
    return pos <= len && len - pos >= n && memcmp(text + pos, lit, n) == 0;
}

static int eat(cursor_t *c, const char *lit)
{
    if (!literal_at(c->text, c->len, c->pos, lit))
        return 0;
    c->pos += strlen(lit);
    return 1;
}

/* First of a NULL-terminated list of literals present at the cursor. */
static int eat_any(cursor_t *c, const char *const *lits)
{
    for (size_t i = 0; lits[i] != NULL; i++)
        if (eat(c, lits[i]))
            return 1;
    return 0;
}

/* Normalization leaves U+3000 as a plain space; documents put them between
 * every part of a date ("2022 年 1 月 1 日") and around clause words. */
static void skip_spaces(cursor_t *c)
{
    while (c->pos < c->len && (c->text[c->pos] == ' ' || c->text[c->pos] == '\t'))
        c->pos++;
}

/* `lit`, possibly after spaces; on a miss the spaces stay unconsumed. */
static int eat_spaced(cursor_t *c, const char *lit)
{
    cursor_t probe = *c;
    skip_spaces(&probe);
    if (!eat(&probe, lit))
        return 0;
    *c = probe;
    return 1;
}

static int eat_any_spaced(cursor_t *c, const char *const *lits)
{
    cursor_t probe = *c;
    skip_spaces(&probe);
    if (!eat_any(&probe, lits))
        return 0;
    *c = probe;
    return 1;
}

static size_t digit_run(const cursor_t *c)
{
    size_t n = 0;
    while (n < remaining(c) && is_digit(here(c)[n]))
        n++;
    return n;
}

/* Byte length of the UTF-8 character at pos (1 for a stray byte). */
static size_t char_len_at(const char *text, size_t len, size_t pos)
{
    int n = 1;
    utf8_next(text + pos, text + len, &n);
    return n > 0 ? (size_t)n : 1;
}

/* ------------------------------------------------------------------ */
/* Chinese numerals                                                    */
/* ------------------------------------------------------------------ */

typedef struct {
    const char *glyph;
    int value;
} zh_digit_t;

/* ○ (U+25CB) is not a numeral, but typists use it for 〇 so often in
 * 二○一九年 that refusing it would miss real dates. 两 is handled apart:
 * it only ever stands alone (两年), never inside 二〇一九 or 二十. */
static const zh_digit_t ZH_DIGITS[] = {
    {"〇", 0}, {"零", 0}, {"○", 0}, {"一", 1}, {"二", 2}, {"三", 3},
    {"四", 4}, {"五", 5}, {"六", 6}, {"七", 7}, {"八", 8}, {"九", 9},
};

/* Value of the Chinese digit at the cursor, consuming it; -1 if none. */
static int eat_zh_digit(cursor_t *c)
{
    for (size_t i = 0; i < sizeof ZH_DIGITS / sizeof ZH_DIGITS[0]; i++)
        if (eat(c, ZH_DIGITS[i].glyph))
            return ZH_DIGITS[i].value;
    return -1;
}

/* A units digit after 十 must be 1..9 (十〇 is not written). */
static int eat_units_digit(cursor_t *c)
{
    cursor_t probe = *c;
    int d = eat_zh_digit(&probe);
    if (d < 1)
        return 0;
    *c = probe;
    return d;
}

/* 二〇一九: a run of digits read one by one, as years are written. */
static int read_zh_digit_run(cursor_t *c, int first, int *value)
{
    long v = first;
    int count = 1;
    for (;;) {
        cursor_t probe = *c;
        int d = eat_zh_digit(&probe);
        if (d < 0)
            break;
        if (++count > 9)
            return -1;      /* too long to be a number we care about */
        v = v * 10 + d;
        *c = probe;
    }
    *value = (int)v;
    return 0;
}

/* Everything but ASCII: 十, X十, 十Y, X十Y, 两, single digits, digit runs. */
static int read_zh_numeral(cursor_t *c, int *value)
{
    if (eat(c, "两")) {
        *value = 2;
        return 0;
    }
    if (eat(c, "十")) {
        *value = 10 + eat_units_digit(c);
        return 0;
    }
    cursor_t probe = *c;
    int first = eat_zh_digit(&probe);
    if (first < 0)
        return -1;
    if (first > 0 && eat(&probe, "十")) {
        *value = first * 10 + eat_units_digit(&probe);
        *c = probe;
        return 0;
    }
    if (read_zh_digit_run(&probe, first, value) != 0)
        return -1;
    *c = probe;
    return 0;
}

static int read_ascii_numeral(cursor_t *c, int *value)
{
    size_t n = digit_run(c);
    if (n == 0 || n > 9)
        return -1;
    *value = digits_value(here(c), n);
    c->pos += n;
    return 0;
}

int zh_numeral_value(const char *s, size_t len, int *value, size_t *consumed)
{
    if (s == NULL || len == 0)
        return -1;
    cursor_t c = {s, len, 0};
    int v = 0;
    int rc = is_digit(s[0]) ? read_ascii_numeral(&c, &v) : read_zh_numeral(&c, &v);
    if (rc != 0)
        return -1;
    if (value)
        *value = v;
    if (consumed)
        *consumed = c.pos;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Dates                                                               */
/* ------------------------------------------------------------------ */

static int is_doc_year(int year)
{
    return year >= MIN_DOC_YEAR && year <= MAX_DOC_YEAR;
}

/* A month or day of 1-2 ASCII digits; notes a leading zero ("08"). */
static int read_small_number(cursor_t *c, int *value, int *leading_zero)
{
    size_t n = digit_run(c);
    if (n == 0 || n > 2)
        return -1;
    *value = digits_value(here(c), n);
    if (n == 2 && here(c)[0] == '0')
        *leading_zero = 1;
    c->pos += n;
    return 0;
}

/* Fill the outcome shared by every style: OK or NONEXISTENT. */
static size_t finish_date(date_match_t *m, date_style_t style, int y, int mo,
                          int d, size_t consumed)
{
    m->style = style;
    m->start = 0;
    m->end = consumed;
    if (date_exists(y, mo, d)) {
        m->status = DATE_READ_OK;
        m->date = (date_t){y, mo, d};
    } else {
        m->status = DATE_READ_NONEXISTENT;
        m->date = DATE_NONE;
    }
    return consumed;
}

/* After the 4-digit year: [sp]年[sp]M[sp]月[sp]D[sp]日. */
static size_t read_arabic_zh_rest(cursor_t *c, int year, date_match_t *m)
{
    int month = 0, day = 0;
    if (!eat_spaced(c, "年"))
        return 0;
    skip_spaces(c);
    if (read_small_number(c, &month, &m->leading_zero) != 0 || !eat_spaced(c, "月"))
        return 0;
    skip_spaces(c);
    if (read_small_number(c, &day, &m->leading_zero) != 0 || !eat_spaced(c, "日"))
        return 0;
    return finish_date(m, DATE_STYLE_ARABIC_ZH, year, month, day, c->pos);
}

/* After the year: -M-D or .M.D. A further "-7" or ".1" means this was a
 * version number or serial, not a date. */
static size_t read_separated_rest(cursor_t *c, int year, char sep,
                                  date_style_t style, date_match_t *m)
{
    int month = 0, day = 0;
    char lit[2] = {sep, '\0'};
    if (!eat(c, lit) || read_small_number(c, &month, &m->leading_zero) != 0)
        return 0;
    if (!eat(c, lit) || read_small_number(c, &day, &m->leading_zero) != 0)
        return 0;
    if (remaining(c) >= 2 && here(c)[0] == sep && is_digit(here(c)[1]))
        return 0;
    return finish_date(m, style, year, month, day, c->pos);
}

/* A bare digit run closing a document: 8 digits split YYYYMMDD; 7 digits
 * (2023118) could be 1月18日 or 11月8日, so they are reported unreadable. */
static size_t read_compact(cursor_t *c, size_t run, date_match_t *m)
{
    const char *s = here(c);
    if ((run != 7 && run != 8) || !is_doc_year(digits_value(s, 4)))
        return 0;
    m->style = DATE_STYLE_COMPACT;
    m->start = 0;
    m->end = c->pos + run;
    m->date = DATE_NONE;
    m->status = DATE_READ_MALFORMED;
    if (run == 7)
        return m->end;
    int month = digits_value(s + 4, 2), day = digits_value(s + 6, 2);
    if (month < 1 || month > 12 || day < 1 || day > 31)
        return m->end;      /* not even shaped like a month and day */
    return finish_date(m, DATE_STYLE_COMPACT, digits_value(s, 4), month, day, m->end);
}

static size_t read_arabic_date(cursor_t *c, int allow_compact, date_match_t *m)
{
    size_t run = digit_run(c);
    if (run != 4)
        return allow_compact ? read_compact(c, run, m) : 0;
    int year = digits_value(here(c), 4);
    if (!is_doc_year(year))
        return 0;
    c->pos += 4;
    if (remaining(c) > 0 && here(c)[0] == '-')
        return read_separated_rest(c, year, '-', DATE_STYLE_ISO, m);
    if (remaining(c) > 0 && here(c)[0] == '.')
        return read_separated_rest(c, year, '.', DATE_STYLE_DOTTED, m);
    return read_arabic_zh_rest(c, year, m);
}

/* A month or day in Chinese numerals (not ASCII: mixed forms are not a
 * style documents use). */
static int read_zh_part(cursor_t *c, int *value)
{
    if (remaining(c) == 0 || is_digit(here(c)[0]))
        return -1;
    return read_zh_numeral(c, value);
}

/* 二〇一九年三月五日: the year must be exactly four digits read one by one. */
static size_t read_chinese_date(cursor_t *c, date_match_t *m)
{
    int year = 0, month = 0, day = 0;
    size_t year_start = c->pos;
    if (read_zh_part(c, &year) != 0 || c->pos - year_start != 4 * strlen("〇"))
        return 0;
    if (!is_doc_year(year) || !eat_spaced(c, "年"))
        return 0;
    skip_spaces(c);
    if (read_zh_part(c, &month) != 0 || !eat_spaced(c, "月"))
        return 0;
    skip_spaces(c);
    if (read_zh_part(c, &day) != 0 || !eat_spaced(c, "日"))
        return 0;
    return finish_date(m, DATE_STYLE_CHINESE, year, month, day, c->pos);
}

size_t date_read(const char *s, size_t len, int allow_compact, date_match_t *m)
{
    date_match_t scratch;
    if (m == NULL)
        m = &scratch;
    *m = (date_match_t){.date = DATE_NONE};
    if (s == NULL || len == 0)
        return 0;
    cursor_t c = {s, len, 0};
    size_t n = is_digit(s[0]) ? read_arabic_date(&c, allow_compact, m)
                              : read_chinese_date(&c, m);
    if (n == 0)
        *m = (date_match_t){.date = DATE_NONE};
    return n;
}

static int is_zh_digit_at(const char *text, size_t len, size_t pos)
{
    cursor_t c = {text, len, pos};
    return eat_zh_digit(&c) >= 0;
}

/* The character before pos continues a number, so a date cannot start
 * there: "12023年…" holds no date at "2023". */
static int continues_number(const char *text, size_t len, size_t pos)
{
    if (pos == 0)
        return 0;
    if (is_digit(text[pos - 1]))
        return 1;
    size_t prev = pos - 1;
    while (prev > 0 && ((unsigned char)text[prev] & 0xC0) == 0x80)
        prev--;
    return is_zh_digit_at(text, len, prev);
}

int date_find(const char *s, size_t len, date_match_t *m)
{
    if (s == NULL)
        return 0;
    for (size_t pos = 0; pos < len; pos += char_len_at(s, len, pos)) {
        date_match_t found;
        /* Every date starts with a digit, Arabic or Chinese: test that cheaply first. */
        if (!is_digit(s[pos]) && ((unsigned char)s[pos] < 0x80 || !is_zh_digit_at(s, len, pos)))
            continue;
        if (continues_number(s, len, pos) || date_read(s + pos, len - pos, 0, &found) == 0)
            continue;
        found.start += pos;
        found.end += pos;
        if (m)
            *m = found;
        return 1;
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Clause context                                                      */
/* ------------------------------------------------------------------ */

static const char *const SENTENCE_ENDS[] = {"。", "！", "？", "；", "\n", "!", "?", ";", NULL};

/* What a document calls itself after 本: 本办法, 本实施细则, 本暂行规定. */
static const char *const DOC_NOUNS[] = {
    "办法", "通知", "规定", "细则", "意见", "方案", "决定", "制度", "规则",
    "措施", "指引", "准则", "标准", "规范", "条例", "公告", "通告", "文件",
    "政策", "目录", "清单", "指南", "章程", "纲要", "计划", "规划", NULL};

/* Up to this many characters may sit between 本 and the noun (本管理办法). */
enum { MAX_DOC_NOUN_GAP = 4 };

static int sentence_end_at(const char *text, size_t len, size_t pos)
{
    for (size_t i = 0; SENTENCE_ENDS[i] != NULL; i++)
        if (literal_at(text, len, pos, SENTENCE_ENDS[i]))
            return 1;
    return 0;
}

/*
 * A clause's sentence never runs for pages: look back at most this many
 * bytes (about 200 Chinese characters). Scanning from the text's start for
 * every candidate made one large document quadratic (4 MB: 57 s).
 */
#define SENTENCE_LOOKBACK 600

static size_t sentence_start(const char *text, size_t len, size_t pos)
{
    size_t floor = pos > SENTENCE_LOOKBACK ? pos - SENTENCE_LOOKBACK : 0;
    while (floor > 0 && ((unsigned char)text[floor] & 0xC0) == 0x80)
        floor--;   /* start at a character boundary */
    size_t start = floor;
    for (size_t i = floor; i < pos; i += char_len_at(text, len, i))
        if (sentence_end_at(text, len, i))
            start = i + char_len_at(text, len, i);
    return start;
}

/* After 本 at pos: a document noun within a few characters, none of them
 * punctuation or space. */
static int names_document_after(const char *text, size_t limit, size_t pos)
{
    for (int gap = 0; gap <= MAX_DOC_NOUN_GAP && pos < limit; gap++) {
        for (size_t i = 0; DOC_NOUNS[i] != NULL; i++)
            if (literal_at(text, limit, pos, DOC_NOUNS[i]))
                return 1;
        if ((unsigned char)text[pos] < 0x80 || sentence_end_at(text, limit, pos) ||
            literal_at(text, limit, pos, "，"))
            return 0;
        pos += char_len_at(text, limit, pos);
    }
    return 0;
}

/* 1 when the sentence holding `pos` names the document itself before it
 * (本办法自…起施行, 本通知有效期…): that clause governs the whole text,
 * while one inside a quoted provision or a permit's terms does not. */
static int sentence_names_document(const char *text, size_t len, size_t pos)
{
    size_t start = sentence_start(text, len, pos);
    for (size_t i = start; i < pos; i += char_len_at(text, len, i))
        if (literal_at(text, pos, i, "本") && names_document_after(text, pos, i + strlen("本")))
            return 1;
    return 0;
}

/* ------------------------------------------------------------------ */
/* 有效期 clauses                                                       */
/* ------------------------------------------------------------------ */

static const char *const UNTIL_WORDS[] = {"截至", "截止至", "截止到", "截止", "至", "到", NULL};
static const char *const RANGE_JOINERS[] = {"至", "到", NULL};
static const char *const ISSUE_ACTS[] = {"印发", "发布", "公布", "签发", "颁布", "下发", NULL};

/* A clause date after optional spaces. A well-written but nonexistent day
 * (2023年2月30日) still makes the clause: the clause is there, its date is
 * left unset, and the date checks report the impossible day itself. */
static int read_clause_date(cursor_t *c, date_t *out)
{
    cursor_t probe = *c;
    skip_spaces(&probe);
    date_match_t m;
    size_t n = date_read(here(&probe), remaining(&probe), 0, &m);
    if (n == 0)
        return 0;
    probe.pos += n;
    *out = m.status == DATE_READ_OK ? m.date : DATE_NONE;
    *c = probe;
    return 1;
}

/* A[sp][起][sp]至[sp]B[sp][止] */
static int read_range(cursor_t *c, validity_clause_t *v)
{
    cursor_t probe = *c;
    if (!read_clause_date(&probe, &v->from))
        return 0;
    eat_spaced(&probe, "起");
    if (!eat_any_spaced(&probe, RANGE_JOINERS) || !read_clause_date(&probe, &v->until))
        return 0;
    eat_spaced(&probe, "止");
    v->kind = VALIDITY_RANGE;
    *c = probe;
    return 1;
}

/* 至B[止]: "有效期至2025年12月31日(止)". */
static int read_until(cursor_t *c, validity_clause_t *v)
{
    cursor_t probe = *c;
    if (!eat_any_spaced(&probe, UNTIL_WORDS) || !read_clause_date(&probe, &v->until))
        return 0;
    eat_spaced(&probe, "止");
    v->kind = VALIDITY_UNTIL;
    *c = probe;
    return 1;
}

/* "自印发之日起" before an amount says what the amount counts from, which
 * is the effective date anyway. */
static void skip_counted_from_issue(cursor_t *c)
{
    cursor_t probe = *c;
    if (eat_spaced(&probe, "自") && eat_any_spaced(&probe, ISSUE_ACTS) &&
        eat_spaced(&probe, "之日") && eat_spaced(&probe, "起"))
        *c = probe;
}

/* N年 / N个月, N in ASCII or Chinese numerals. */
static int read_amount(cursor_t *c, validity_clause_t *v)
{
    cursor_t probe = *c;
    int amount = 0;
    size_t used = 0;
    skip_counted_from_issue(&probe);
    skip_spaces(&probe);
    if (zh_numeral_value(here(&probe), remaining(&probe), &amount, &used) != 0)
        return 0;
    if (amount < 1 || amount > MAX_VALIDITY_AMOUNT)
        return 0;
    probe.pos += used;
    if (eat_spaced(&probe, "年"))
        v->kind = VALIDITY_YEARS;
    else if (eat_spaced(&probe, "个") && eat_spaced(&probe, "月"))
        v->kind = VALIDITY_MONTHS;
    else
        return 0;
    v->amount = amount;
    *c = probe;
    return 1;
}

/* 有效期为A至B, or a plain date closed by 止: 有效期为2025年12月31日止. */
static int read_date_led(cursor_t *c, validity_clause_t *v)
{
    cursor_t probe = *c;
    if (read_range(&probe, v)) {
        *c = probe;
        return 1;
    }
    probe = *c;
    if (!read_clause_date(&probe, &v->until) || !eat_spaced(&probe, "止"))
        return 0;
    v->kind = VALIDITY_UNTIL;
    *c = probe;
    return 1;
}

/* What follows 有效期: [限][为|是|：] then one of 至B / 自A起至B / A至B / N年 / N个月. */
static int read_validity_body(cursor_t *c, validity_clause_t *v)
{
    static const char *const LINKS[] = {"为", "是", "：", ":", NULL};
    eat_spaced(c, "限");
    eat_any_spaced(c, LINKS);
    cursor_t after_self = *c;
    if (eat_spaced(&after_self, "自") && read_range(&after_self, v)) {
        *c = after_self;
        return 1;
    }
    return read_until(c, v) || read_amount(c, v) || read_date_led(c, v);
}

/* Alternatives tried and abandoned may have filled fields the winning
 * kind does not use; clear them so callers see only meaningful values. */
static void keep_only_kind_fields(validity_clause_t *v)
{
    if (v->kind != VALIDITY_RANGE)
        v->from = DATE_NONE;
    if (v->kind != VALIDITY_RANGE && v->kind != VALIDITY_UNTIL)
        v->until = DATE_NONE;
    if (v->kind != VALIDITY_YEARS && v->kind != VALIDITY_MONTHS)
        v->amount = 0;
}

/* A clause starting at pos, either 有效期… or a bare 自A起至B[止]. */
static int validity_at(const char *text, size_t len, size_t pos, validity_clause_t *v,
                       int *keyworded)
{
    cursor_t c = {text, len, pos};
    *v = (validity_clause_t){.kind = VALIDITY_NONE};
    *keyworded = 0;
    if (eat(&c, "有效期")) {
        if (!read_validity_body(&c, v))
            return 0;
        *keyworded = 1;
    } else {
        /* Without 有效期 the 起 is required: 自A至B alone is too loose. */
        cursor_t probe = c;
        if (!eat(&probe, "自") || !read_clause_date(&probe, &v->from) ||
            !eat_spaced(&probe, "起"))
            return 0;
        c.pos += strlen("自");
        if (!read_range(&c, v))
            return 0;
    }
    keep_only_kind_fields(v);
    v->start = pos;
    v->end = c.pos;
    return 1;
}

int validity_find(const char *text, size_t len, validity_clause_t *out)
{
    validity_clause_t best = {.kind = VALIDITY_NONE};
    int best_score = -1;
    if (text == NULL)
        return 0;
    for (size_t pos = 0; pos < len;) {
        validity_clause_t v;
        int keyworded = 0;
        /* A clause starts with 有 (E6 9C 89) or 自 (E8 87 AA): skip other bytes unparsed. */
        unsigned char lead = (unsigned char)text[pos];
        if ((lead != 0xE6 && lead != 0xE8) || !validity_at(text, len, pos, &v, &keyworded)) {
            pos += char_len_at(text, len, pos);
            continue;
        }
        /* The governing clause names the document; failing that, one
         * saying 有效期 beats a bare date range; ties go to the later. */
        int score = 2 * sentence_names_document(text, len, pos) + keyworded;
        if (score >= best_score) {
            best = v;
            best_score = score;
        }
        pos = v.end;
    }
    if (best_score < 0)
        return 0;
    if (out)
        *out = best;
    return 1;
}

date_t validity_expiry(const validity_clause_t *v, date_t effective)
{
    if (v == NULL)
        return DATE_NONE;
    switch (v->kind) {
    case VALIDITY_UNTIL:
    case VALIDITY_RANGE:
        return v->until;
    case VALIDITY_YEARS:
        if (!date_is_set(effective))
            return DATE_NONE;
        return date_add_days(date_add_years(effective, v->amount), -1);
    case VALIDITY_MONTHS:
        if (!date_is_set(effective))
            return DATE_NONE;
        return date_add_days(date_add_months(effective, v->amount), -1);
    case VALIDITY_NONE:
        break;
    }
    return DATE_NONE;
}

/* ------------------------------------------------------------------ */
/* 施行 clauses                                                         */
/* ------------------------------------------------------------------ */

static const char *const EFFECT_VERBS[] = {"施行", "实施", "执行", "生效", NULL};

/* [之日][起][开始][正式]施行 — 起 is usually there but 自2020年1月1日施行
 * is also written. */
static int read_effect_tail(cursor_t *c)
{
    eat_spaced(c, "之日");
    eat_spaced(c, "起");
    eat_spaced(c, "开始");
    eat_spaced(c, "正式");
    return eat_any_spaced(c, EFFECT_VERBS);
}

/* 自 at pos, then a date or 印发/发布/公布/签发之日, then the verb. */
static int effective_at(const char *text, size_t len, size_t pos, effective_clause_t *e)
{
    cursor_t c = {text, len, pos};
    *e = (effective_clause_t){.kind = EFFECTIVE_NONE};
    if (!eat(&c, "自"))
        return 0;
    if (read_clause_date(&c, &e->date)) {
        e->kind = EFFECTIVE_DATE;
    } else if (eat_any_spaced(&c, ISSUE_ACTS) && eat_spaced(&c, "之日")) {
        e->kind = EFFECTIVE_ON_ISSUE;
    } else {
        return 0;
    }
    if (!read_effect_tail(&c))
        return 0;
    e->start = pos;
    e->end = c.pos;
    return 1;
}

int effective_find(const char *text, size_t len, effective_clause_t *out)
{
    effective_clause_t best = {.kind = EFFECTIVE_NONE};
    int best_score = -1;
    if (text == NULL)
        return 0;
    for (size_t pos = 0; pos < len;) {
        effective_clause_t e;
        /* A clause starts with 自 (E8 87 AA). */
        if ((unsigned char)text[pos] != 0xE8 || !effective_at(text, len, pos, &e)) {
            pos += char_len_at(text, len, pos);
            continue;
        }
        /* 本办法自…起施行 governs the document; a quoted or annexed
         * provision's 施行 does not. Otherwise the last one wins. */
        int score = sentence_names_document(text, len, pos);
        if (score >= best_score) {
            best = e;
            best_score = score;
        }
        pos = e.end;
    }
    if (best_score < 0)
        return 0;
    if (out)
        *out = best;
    return 1;
}

long date_days_between(date_t from, date_t to)
{
    return days_from_civil(to.year, to.month, to.day) -
           days_from_civil(from.year, from.month, from.day);
}

int date_weekday(date_t d)
{
    /* 1970-01-01 (day 0) was a Thursday (4); Monday = 1 ... Sunday = 7. */
    long z = days_from_civil(d.year, d.month, d.day);
    long w = ((z % 7) + 7 + 3) % 7;   /* 0 = Monday */
    return (int)w + 1;
}

int date_working_days(date_t from, date_t to)
{
    int n = 0;
    for (long k = 0, span = date_days_between(from, to); k <= span; k++) {
        int w = date_weekday(date_add_days(from, (int)k));
        n += w <= 5;
    }
    return n;
}
