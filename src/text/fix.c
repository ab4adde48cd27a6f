/*
 * fix.c - the certain drafting fixes (fix.h), as a pure function.
 *
 * One pass decides, byte by byte, what happens to each character (keep,
 * make full-width, drop, 〔 or 〕); a second pass writes the result. Every
 * decision reads the original text only, exactly as the rules' patterns
 * do, so the fix and the findings agree and a second run changes nothing.
 */
#include "fix.h"

#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

enum { KEEP = 0, TO_FULL, DROP, TO_HEX_OPEN, TO_HEX_CLOSE };

enum { MARK_NONE = 0, MARK_OPENING, MARK_CLOSING };

typedef struct {
    const char *t;
    size_t len;
    unsigned char *act;    /* per byte: what to do with the character starting there */
    unsigned char *prot;   /* per byte: inside a quotation or a 《》 title */
    fix_counts_t *counts;
} fixer_t;

int cp_is_han(uint32_t cp)
{
    return (cp >= 0x2E80 && cp <= 0x2E99) || (cp >= 0x2E9B && cp <= 0x2EF3) ||
           (cp >= 0x2F00 && cp <= 0x2FD5) || cp == 0x3005 || cp == 0x3007 ||
           (cp >= 0x3021 && cp <= 0x3029) || (cp >= 0x3038 && cp <= 0x303B) ||
           (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
           (cp >= 0xF900 && cp <= 0xFAD9) || (cp >= 0x20000 && cp <= 0x3134F);
}

int cp_is_cjk_left(uint32_t cp)
{
    static const uint32_t closing[] = {0xFF09, 0x300B, 0x201D, 0x2019, 0x300D,
                                       0x300F, 0x3015, 0x3011, ')'};
    for (size_t i = 0; i < sizeof closing / sizeof *closing; i++)
        if (cp == closing[i])
            return 1;
    return cp_is_han(cp);
}

int cp_is_cjk_right(uint32_t cp)
{
    static const uint32_t opening[] = {0xFF08, 0x300A, 0x201C, 0x2018, 0x300C,
                                       0x300E, 0x3014, 0x3010, '('};
    for (size_t i = 0; i < sizeof opening / sizeof *opening; i++)
        if (cp == opening[i])
            return 1;
    return cp_is_han(cp);
}

size_t fix_total(const fix_counts_t *c)
{
    return c->halfwidth + c->parens + c->doubled + c->docnum;
}

/* ---- characters ------------------------------------------------------------ */

static int is_zero_width(uint32_t cp)
{
    return (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF;
}

static size_t char_start_before(const char *t, size_t pos)
{
    size_t s = pos - 1;
    while (s > 0 && ((unsigned char)t[s] & 0xC0) == 0x80)
        s--;
    return s;
}

static uint32_t cp_at(const fixer_t *f, size_t pos, size_t end, int *n)
{
    return utf8_next(f->t + pos, f->t + end, n);
}

/* The character before `pos` on its line, zero-width characters skipped (0: none). */
static uint32_t cp_before(const fixer_t *f, size_t line_start, size_t pos)
{
    while (pos > line_start) {
        size_t s = char_start_before(f->t, pos);
        int n;
        uint32_t cp = cp_at(f, s, pos, &n);
        if (!is_zero_width(cp))
            return cp;
        pos = s;
    }
    return 0;
}

/* The character at or after `pos` on the line ending at `end` (0: none). */
static uint32_t cp_from(const fixer_t *f, size_t pos, size_t end)
{
    while (pos < end) {
        int n;
        uint32_t cp = cp_at(f, pos, end, &n);
        if (!is_zero_width(cp))
            return cp;
        pos += (size_t)n;
    }
    return 0;
}

static int literal_at(const fixer_t *f, size_t pos, size_t end, const char *s)
{
    size_t n = strlen(s);
    return pos + n <= end && memcmp(f->t + pos, s, n) == 0;
}

/* ---- quotations and titles ------------------------------------------------- */

/* Opening or closing mark of a protected pair: 《》, “”, ‘’ (MARK_NONE otherwise). */
static int protect_mark(uint32_t cp, int *family)
{
    static const uint32_t pairs[3][2] = {{0x300A, 0x300B}, {0x201C, 0x201D}, {0x2018, 0x2019}};
    for (int k = 0; k < 3; k++) {
        *family = k;
        if (cp == pairs[k][0])
            return MARK_OPENING;
        if (cp == pairs[k][1])
            return MARK_CLOSING;
    }
    return MARK_NONE;
}

/*
 * A position is protected when, of the marks of one family to its right on
 * the same line, the nearest is a closing one: it stands inside 《…》 or a
 * quotation. (The rules say the same with (?![^《》\n]*》) and the like.)
 */
static void mark_protected(fixer_t *f, size_t start, size_t end)
{
    int nearest[3] = {MARK_NONE, MARK_NONE, MARK_NONE};
    size_t pos = end;
    while (pos > start) {
        size_t s = char_start_before(f->t, pos);
        int n, family;
        int kind = protect_mark(cp_at(f, s, pos, &n), &family);
        if (kind != MARK_NONE)
            nearest[family] = kind;
        f->prot[s] = nearest[0] == MARK_CLOSING || nearest[1] == MARK_CLOSING ||
                     nearest[2] == MARK_CLOSING;
        pos = s;
    }
}

/* ---- the fixes ------------------------------------------------------------- */

static int is_halfwidth_punct(char c)
{
    return c == ',' || c == ';' || c == ':' || c == '?' || c == '!';
}

static void fix_halfwidth(fixer_t *f, size_t start, size_t end)
{
    for (size_t i = start; i < end; i++) {
        if (!is_halfwidth_punct(f->t[i]) || f->prot[i] || f->act[i])
            continue;
        if (cp_is_cjk_left(cp_before(f, start, i)) && cp_is_cjk_right(cp_from(f, i + 1, end))) {
            f->act[i] = TO_FULL;
            f->counts->halfwidth++;
        }
    }
}

/* The next ( ) （ ） at or after pos; its byte offset or `end`. */
static size_t next_paren(const fixer_t *f, size_t pos, size_t end)
{
    for (; pos < end; pos++) {
        if (f->t[pos] == '(' || f->t[pos] == ')' || literal_at(f, pos, end, "（") ||
            literal_at(f, pos, end, "）"))
            return pos;
    }
    return end;
}

static int has_han(const fixer_t *f, size_t from, size_t to)
{
    for (size_t pos = from; pos < to;) {
        int n;
        if (cp_is_han(cp_at(f, pos, to, &n)))
            return 1;
        pos += (size_t)n;
    }
    return 0;
}

/* + = × ÷ * / < > ^ (and - before a bracket): the marks of a formula or a unit. */
static int is_operator(uint32_t cp, int minus)
{
    return cp == '+' || cp == '=' || cp == '*' || cp == '/' || cp == '<' || cp == '>' ||
           cp == '^' || cp == 0xD7 || cp == 0xF7 || (minus && cp == '-');
}

/*
 * WHO(世界卫生组织), =F("…"), ×(1+系数), (元/人): a half-width pair right after a
 * letter, a digit or an operator, or with an operator inside, is not Chinese text.
 */
static int formula_like(const fixer_t *f, size_t open, size_t content, size_t close)
{
    uint32_t before = cp_before(f, 0, open);
    if ((before >= '0' && before <= '9') || (before >= 'a' && before <= 'z') ||
        (before >= 'A' && before <= 'Z') || is_operator(before, 1))
        return 1;
    for (size_t pos = content; pos < close;) {
        int n;
        if (is_operator(cp_at(f, pos, close, &n), 0))
            return 1;
        pos += (size_t)n;
    }
    return 0;
}

static void make_full(fixer_t *f, size_t pos)
{
    f->act[pos] = TO_FULL;
    f->counts->parens++;
}

/* One pair opened at `open`; returns where scanning goes on. */
static size_t fix_paren_at(fixer_t *f, size_t open, size_t end)
{
    int half_open = f->t[open] == '(';
    size_t content = open + (half_open ? 1 : 3);
    size_t close = next_paren(f, content, end);
    if (close == end || f->t[close] == '(' || literal_at(f, close, end, "（"))
        return content;
    int half_close = f->t[close] == ')';
    if (f->prot[open] || (!half_open && !half_close))
        return content;
    if (half_open && half_close &&
        (!has_han(f, content, close) || formula_like(f, open, content, close)))
        return content;
    if (half_open)
        make_full(f, open);
    if (half_close)
        make_full(f, close);
    return close + (half_close ? 1 : 3);
}

static void fix_parens(fixer_t *f, size_t start, size_t end)
{
    for (size_t pos = start; pos < end;) {
        if (f->t[pos] == '(' || literal_at(f, pos, end, "（"))
            pos = fix_paren_at(f, pos, end);
        else
            pos++;
    }
}

/* The next character at or after pos that is not zero-width (the rules never see those). */
static size_t next_visible(const fixer_t *f, size_t pos, size_t end)
{
    while (pos < end) {
        int n;
        if (!is_zero_width(cp_at(f, pos, end, &n)))
            break;
        pos += (size_t)n;
    }
    return pos;
}

static int is_doubling_mark(uint32_t cp)
{
    return cp == 0xFF0C || cp == 0x3002 || cp == 0x3001 || cp == 0xFF1B;   /* ，。、； */
}

/* ，，。。、、；； exactly twice (zero-width characters between do not count): drop the second. */
static void fix_doubled(fixer_t *f, size_t start, size_t end)
{
    for (size_t first = start; first < end;) {
        int n;
        uint32_t cp = cp_at(f, first, end, &n);
        size_t second = next_visible(f, first + (size_t)n, end);
        int doubled = is_doubling_mark(cp) && second < end && cp_from(f, second, end) == cp &&
                      !f->prot[first] && cp_before(f, start, first) != cp &&
                      cp_from(f, second + 3, end) != cp;
        if (!doubled) {
            first += (size_t)n;
            continue;
        }
        f->act[second] = DROP;
        f->counts->doubled++;
        first = second + 3;
    }
}

/* ---- the 文号 --------------------------------------------------------------- */

static int digit_len(const fixer_t *f, size_t pos, size_t end, int *value)
{
    if (pos < end && f->t[pos] >= '0' && f->t[pos] <= '9') {
        *value = f->t[pos] - '0';
        return 1;
    }
    /* Full-width ０-９: EF BC 90-99. */
    if (pos + 3 <= end && (unsigned char)f->t[pos] == 0xEF &&
        (unsigned char)f->t[pos + 1] == 0xBC && (unsigned char)f->t[pos + 2] >= 0x90 &&
        (unsigned char)f->t[pos + 2] <= 0x99) {
        *value = (unsigned char)f->t[pos + 2] - 0x90;
        return 3;
    }
    return 0;
}

static size_t skip_spaces(const fixer_t *f, size_t pos, size_t end)
{
    for (;;) {
        if (pos < end && (f->t[pos] == ' ' || f->t[pos] == '\t'))
            pos++;
        else if (literal_at(f, pos, end, "\xE3\x80\x80"))   /* U+3000 */
            pos += 3;
        else
            return pos;
    }
}

static size_t skip_digits(const fixer_t *f, size_t pos, size_t end, size_t *count)
{
    int v, n;
    *count = 0;
    while ((n = digit_len(f, pos, end, &v)) > 0) {
        pos += (size_t)n;
        (*count)++;
    }
    return pos;
}

static const char *const YEAR_OPEN[] = {"〔", "[", "【", "(", "（", "〖", "﹝"};
static const char *const YEAR_CLOSE[] = {"〕", "]", "】", ")", "）", "〗", "﹞"};

/* Length of the bracket at pos from `set` (7 entries); *index tells which. */
static size_t bracket_at(const fixer_t *f, size_t pos, size_t end, const char *const *set,
                         size_t *index)
{
    for (size_t i = 0; i < 7; i++)
        if (literal_at(f, pos, end, set[i])) {
            *index = i;
            return strlen(set[i]);
        }
    return 0;
}

/* Drop leading zeros of the serial at pos, keeping one digit. */
static void fix_serial(fixer_t *f, size_t pos, size_t end)
{
    pos = skip_spaces(f, pos, end);
    if (literal_at(f, pos, end, "第"))
        pos = skip_spaces(f, pos + 3, end);
    size_t count;
    skip_digits(f, pos, end, &count);
    int v, n;
    while (count > 1 && (n = digit_len(f, pos, end, &v)) > 0 && v == 0) {
        f->act[pos] = DROP;
        f->counts->docnum++;
        pos += (size_t)n;
        count--;
    }
}

static void fix_docnum(fixer_t *f, size_t start, size_t end)
{
    for (size_t pos = start; pos < end; pos++) {
        size_t open_kind, close_kind, count;
        size_t olen = bracket_at(f, pos, end, YEAR_OPEN, &open_kind);
        if (olen == 0)
            continue;
        size_t p = skip_spaces(f, pos + olen, end);
        p = skip_spaces(f, skip_digits(f, p, end, &count), end);
        size_t clen = count == 4 ? bracket_at(f, p, end, YEAR_CLOSE, &close_kind) : 0;
        if (clen == 0)
            continue;
        if (open_kind != 0) {
            f->act[pos] = TO_HEX_OPEN;
            f->counts->docnum++;
        }
        if (close_kind != 0) {
            f->act[p] = TO_HEX_CLOSE;
            f->counts->docnum++;
        }
        fix_serial(f, p + clen, end);
        return;
    }
}

/* ---- writing ----------------------------------------------------------------- */

static void put_full(buf_t *b, char c)
{
    static const char ascii[] = ",;:?!()";
    static const char *const full[] = {"，", "；", "：", "？", "！", "（", "）"};
    const char *at = strchr(ascii, c);
    buf_puts(b, full[at - ascii]);
}

static char *write_fixed(const fixer_t *f, size_t *out_len)
{
    buf_t b;
    buf_init(&b);
    buf_reserve(&b, f->len + 1);
    for (size_t pos = 0; pos < f->len;) {
        int n = 1;
        if (f->act[pos] != KEEP)
            cp_at(f, pos, f->len, &n);
        switch (f->act[pos]) {
        case TO_FULL:
            put_full(&b, f->t[pos]);
            break;
        case DROP:
            break;
        case TO_HEX_OPEN:
            buf_puts(&b, "〔");
            break;
        case TO_HEX_CLOSE:
            buf_puts(&b, "〕");
            break;
        default:
            buf_putc(&b, f->t[pos]);
        }
        pos += (size_t)n;
    }
    *out_len = b.len;
    return buf_steal(&b);
}

static size_t line_end(const char *t, size_t pos, size_t len)
{
    const char *nl = memchr(t + pos, '\n', len - pos);
    return nl ? (size_t)(nl - t) : len;
}

char *fix_text(const char *text, size_t len, size_t docnum_start, size_t docnum_end,
               size_t *out_len, fix_counts_t *counts)
{
    fixer_t f = {text, len, xcalloc(len + 1, 1), xcalloc(len + 1, 1), counts};
    memset(counts, 0, sizeof *counts);
    for (size_t start = 0; start < len;) {
        size_t end = line_end(text, start, len);
        size_t content_end = end > start && text[end - 1] == '\r' ? end - 1 : end;
        mark_protected(&f, start, content_end);
        fix_parens(&f, start, content_end);
        fix_halfwidth(&f, start, content_end);
        fix_doubled(&f, start, content_end);
        start = end + 1;
    }
    if (docnum_start < docnum_end && docnum_end <= len)
        fix_docnum(&f, docnum_start, docnum_end);
    char *out = write_fixed(&f, out_len);
    free(f.act);
    free(f.prot);
    return out;
}
