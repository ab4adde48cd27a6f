/*
 * document.c - read the document model off normalized text.
 *
 * Official documents follow GB/T 9704: an optional 发文字号 line and the
 * title at the top, the body, then the signature block and the 成文日期.
 * Published texts bend this (no title, the 文号 under the title, a notice
 * with its attachment), so every step here is a careful guess that leaves
 * a field empty rather than invent it.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "document.h"

#include <pcre2.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/sha256.h"

/* How many non-blank lines at the top may hold the 文号 and title. */
#define HEAD_LINES 6
/* A title line longer than this is body text. */
#define TITLE_MAX_CHARS 60
/* Lines of the signature block above the date. */
#define SIGNATURE_LINES 3
#define SIGNATURE_MAX_CHARS 40

typedef struct {
    size_t start, end;   /* without the '\n' */
} line_t;

typedef struct {
    const char *text;
    line_t *lines;
    size_t nlines;
} lines_t;

/* 文号: issuer code, year in brackets (any of the usual wrong ones too), serial. */
static const char DOC_NUMBER_PATTERN[] =
    "\\p{Han}{1,16}\\s*[〔\\[【（(〖﹝]\\s*(?:19|20)\\d{2}\\s*[〕\\]】）)〗﹞]\\s*(?:第\\s*)?\\d+\\s*号";

static pcre2_code *doc_number_re;
static pthread_once_t patterns_once = PTHREAD_ONCE_INIT;

static void compile_patterns(void)
{
    int err;
    PCRE2_SIZE off;
    doc_number_re = pcre2_compile((PCRE2_SPTR)DOC_NUMBER_PATTERN, PCRE2_ZERO_TERMINATED,
                                  PCRE2_UTF | PCRE2_UCP, &err, &off, NULL);
}

static void split_lines(const char *text, size_t len, lines_t *out)
{
    size_t cap = 0, start = 0;
    out->text = text;
    out->lines = NULL;
    out->nlines = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i == len && start == len && len > 0)
            break;
        if (i == len || text[i] == '\n') {
            out->lines = grow_array(out->lines, &cap, out->nlines + 1, sizeof *out->lines);
            out->lines[out->nlines++] = (line_t){start, i};
            start = i + 1;
        }
    }
}

/* Trim spaces and tabs (U+3000 is already a space after normalization). */
static line_t trim(const char *t, line_t l)
{
    while (l.start < l.end && (t[l.start] == ' ' || t[l.start] == '\t'))
        l.start++;
    while (l.end > l.start && (t[l.end - 1] == ' ' || t[l.end - 1] == '\t'))
        l.end--;
    return l;
}

static int ends_with(const char *t, line_t l, const char *suffix)
{
    size_t n = strlen(suffix);
    return l.end - l.start >= n && memcmp(t + l.end - n, suffix, n) == 0;
}

static int contains(const char *t, line_t l, const char *needle)
{
    return memmem(t + l.start, l.end - l.start, needle, strlen(needle)) != NULL;
}

static size_t chars(const char *t, line_t l)
{
    return utf8_count(t + l.start, l.end - l.start);
}

/* Salutation (主送机关) lines and sentences end with these marks. */
static int ends_sentence(const char *t, line_t l)
{
    static const char *const marks[] = {"。", "：", ":", "，", ",", "；", ";", "！", "？"};
    for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
        if (ends_with(t, l, marks[i]))
            return 1;
    return 0;
}

/* 一、 / 第一条 / 第一章 / (一) / 1. open body text, never a title. */
static int starts_numbered(const char *t, line_t l)
{
    static const char *const openers[] = {"第", "（", "(", "一、", "二、", "三、"};
    for (size_t i = 0; i < sizeof openers / sizeof *openers; i++) {
        size_t n = strlen(openers[i]);
        if (l.end - l.start >= n && memcmp(t + l.start, openers[i], n) == 0)
            return 1;
    }
    return l.end > l.start && t[l.start] >= '0' && t[l.start] <= '9';
}

/* Whole trimmed line is a 文号; sets the match span. */
static int match_doc_number(const char *t, line_t l, span_t *span)
{
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(doc_number_re, NULL);
    int rc = pcre2_match(doc_number_re, (PCRE2_SPTR)t, l.end, l.start, 0, md, NULL);
    int found = 0;
    if (rc > 0) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        /* Mostly the 文号 alone: at most a few other characters on the line. */
        if (chars(t, l) <= utf8_count(t + ov[0], ov[1] - ov[0]) + 4) {
            span->start = ov[0];
            span->end = ov[1];
            found = 1;
        }
    }
    pcre2_match_data_free(md);
    return found;
}

static int can_be_title(const char *t, line_t l)
{
    return !ends_sentence(t, l) && !starts_numbered(t, l) && chars(t, l) <= TITLE_MAX_CHARS;
}

static char *span_text(const char *t, span_t s)
{
    return xstrndup(t + s.start, s.end - s.start);
}

/*
 * The head: up to HEAD_LINES non-blank lines holding the 文号 (above or
 * below the title) and a title of one or two lines.
 */
static size_t parse_head(document_t *doc, const lines_t *ls)
{
    const char *t = ls->text;
    size_t i = 0, seen = 0, head_end = 0, title_lines = 0;
    int title_closed = 0;   /* a blank line or the 文号 after the title ends it */
    span_t title = {0, 0};
    for (; i < ls->nlines && seen < HEAD_LINES; i++) {
        line_t l = trim(t, ls->lines[i]);
        if (l.start == l.end) {
            title_closed = title_lines > 0;
            continue;   /* the 文号 may still stand below, after a blank line */
        }
        seen++;
        span_t num;
        if (!doc->doc_number && match_doc_number(t, l, &num)) {
            doc->doc_number = span_text(t, num);
            doc->doc_number_span = num;
            head_end = ls->lines[i].end;
            title_closed = title_lines > 0;
            continue;
        }
        if (!title_closed && title_lines < 2 && can_be_title(t, l)) {
            if (!title_lines)
                title.start = l.start;
            title.end = l.end;
            title_lines++;
            head_end = ls->lines[i].end;
            continue;
        }
        break;
    }
    if (title_lines) {
        /* Join a wrapped title without the line break. */
        buf_t b;
        buf_init(&b);
        for (size_t k = 0; k < ls->nlines; k++) {
            line_t l = trim(t, ls->lines[k]);
            if (l.start >= title.start && l.end <= title.end)
                buf_append(&b, t + l.start, l.end - l.start);
        }
        doc->title = buf_steal(&b);
        doc->title_span = title;
    }
    return head_end;
}

static const char *const KINDS[] = {
    "实施细则", "实施办法", "实施意见", "实施方案", "工作方案", "工作要点", "办法", "规定",
    "细则",     "意见",     "通知",     "方案",     "决定",     "规则",     "要点", "计划",
    "通告",     "公告",     "规划",     "标准",     "制度",     "规程",     "指引",
};

static void classify_title(document_t *doc)
{
    if (!doc->title)
        return;
    doc->provisional = strstr(doc->title, "试行") || strstr(doc->title, "暂行");
    /* Ignore a trailing （试行） when looking for the kind. */
    size_t len = strlen(doc->title);
    const char *brackets[] = {"（试行）", "(试行)", "（暂行）", "(暂行)"};
    for (size_t i = 0; i < 4; i++) {
        size_t n = strlen(brackets[i]);
        if (len >= n && strcmp(doc->title + len - n, brackets[i]) == 0)
            len -= n;
    }
    for (size_t i = 0; i < sizeof KINDS / sizeof *KINDS; i++) {
        size_t n = strlen(KINDS[i]);
        if (len >= n && memcmp(doc->title + len - n, KINDS[i], n) == 0) {
            doc->kind = xstrdup(KINDS[i]);
            return;
        }
    }
}

/* A line holding a date and nothing else: the 成文日期. */
static int read_date_line(const char *t, line_t l, date_match_t *m)
{
    l = trim(t, l);
    if (l.start == l.end)
        return 0;
    size_t n = date_read(t + l.start, l.end - l.start, 1, m);
    if (n != l.end - l.start)
        return 0;
    m->start += l.start;
    m->end += l.start;
    return 1;
}

static int can_be_signature(const char *t, line_t l)
{
    l = trim(t, l);
    return l.start < l.end && !ends_sentence(t, l) && !contains(t, l, "。") &&
           chars(t, l) <= SIGNATURE_MAX_CHARS;
}

/*
 * The closing part: the last date-only line and the signature lines right
 * above it. Returns the offset where the closing part starts (len: none).
 */
static size_t parse_closing(document_t *doc, const lines_t *ls, size_t body_start)
{
    const char *t = ls->text;
    for (size_t i = ls->nlines; i-- > 0;) {
        if (ls->lines[i].start < body_start)
            break;
        date_match_t m;
        if (!read_date_line(t, ls->lines[i], &m))
            continue;
        doc->issued_match = m;
        doc->has_issued_line = 1;
        if (m.status == DATE_READ_OK)
            doc->issued = m.date;
        size_t first = i;
        for (size_t k = i; k-- > 0 && i - k <= SIGNATURE_LINES;) {
            if (ls->lines[k].start < body_start || !can_be_signature(t, ls->lines[k]))
                break;
            first = k;
        }
        if (first < i) {
            line_t sig = trim(t, ls->lines[i - 1]);
            doc->issuer = xstrndup(t + sig.start, sig.end - sig.start);
        }
        return ls->lines[first].start;
    }
    return ls->lines[ls->nlines - 1].end;
}

/* No 成文日期: the 文号's year is the best evidence left (low confidence). */
static void issued_from_doc_number(document_t *doc)
{
    if (date_is_set(doc->issued) || !doc->doc_number)
        return;
    const char *p = doc->doc_number;
    for (; *p; p++)
        if ((p[0] == '1' || p[0] == '2') && p[1] >= '0' && p[1] <= '9' && p[2] >= '0' &&
            p[2] <= '9' && p[3] >= '0' && p[3] <= '9') {
            int year = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 +
                       (p[3] - '0');
            /* The year's last day: never claims a document expired early. */
            doc->issued = (date_t){year, 12, 31};
            doc->issued_from_doc_number = 1;
            return;
        }
}

static void parse_dates(document_t *doc)
{
    const char *t = doc->norm.text;
    size_t body_len = doc->part[PART_BODY].end;
    if (effective_find(t, body_len, &doc->effective_clause)) {
        if (doc->effective_clause.kind == EFFECTIVE_DATE)
            doc->effective = doc->effective_clause.date;
    }
    issued_from_doc_number(doc);
    if (!date_is_set(doc->effective))
        doc->effective = doc->issued;
    if (validity_find(t, body_len, &doc->validity_clause)) {
        doc->validity_source = VALIDITY_SOURCE_EXPLICIT;
        doc->expires = validity_expiry(&doc->validity_clause, doc->effective);
    }
}

static void index_original_lines(document_t *doc)
{
    size_t cap = 0;
    const char *t = doc->original;
    doc->line_starts = grow_array(NULL, &cap, 1, sizeof *doc->line_starts);
    doc->line_starts[0] = 0;
    doc->nlines = 1;
    for (size_t i = 0; i < doc->original_len; i++) {
        if (t[i] == '\n' || (t[i] == '\r' && t[i + 1] != '\n')) {
            doc->line_starts = grow_array(doc->line_starts, &cap, doc->nlines + 1,
                                          sizeof *doc->line_starts);
            doc->line_starts[doc->nlines++] = i + 1;
        }
    }
}

decode_status_t document_load(const char *path, const char *bytes, size_t n,
                              encoding_t forced, document_t *doc)
{
    memset(doc, 0, sizeof *doc);
    doc->path = xstrdup(path);
    sha256_hex(bytes, n, doc->sha256);
    decoded_t dec;
    decode_status_t st = decode_bytes(bytes, n, forced, &dec);
    if (st != DECODE_OK)
        return st;
    doc->encoding = dec.encoding;
    doc->original = dec.text;
    doc->original_len = dec.len;
    doc->decode_issues = dec.issues;
    doc->ndecode_issues = dec.nissues;
    index_original_lines(doc);
    normalize_text(doc->original, doc->original_len, NORM_FOR_MATCHING, &doc->norm);

    pthread_once(&patterns_once, compile_patterns);
    lines_t ls;
    split_lines(doc->norm.text, doc->norm.len, &ls);
    size_t head_end = doc_number_re ? parse_head(doc, &ls) : 0;
    size_t body_start = head_end < doc->norm.len ? head_end + (head_end > 0) : doc->norm.len;
    size_t closing = parse_closing(doc, &ls, body_start);
    doc->part[PART_TITLE] = (span_t){0, head_end};
    doc->part[PART_BODY] = (span_t){body_start, closing < body_start ? body_start : closing};
    doc->part[PART_CLOSING] = (span_t){doc->part[PART_BODY].end, doc->norm.len};
    free(ls.lines);
    classify_title(doc);
    parse_dates(doc);
    return DECODE_OK;
}

void document_free(document_t *doc)
{
    free(doc->path);
    free(doc->original);
    free(doc->decode_issues);
    free(doc->line_starts);
    normalized_free(&doc->norm);
    free(doc->title);
    free(doc->doc_number);
    free(doc->issuer);
    free(doc->kind);
    memset(doc, 0, sizeof *doc);
}

const char *document_line(const document_t *doc, size_t line, size_t *len)
{
    if (line == 0 || line > doc->nlines) {
        *len = 0;
        return "";
    }
    size_t start = doc->line_starts[line - 1];
    size_t end = line < doc->nlines ? doc->line_starts[line] : doc->original_len;
    while (end > start && (doc->original[end - 1] == '\n' || doc->original[end - 1] == '\r'))
        end--;
    *len = end - start;
    return doc->original + start;
}
