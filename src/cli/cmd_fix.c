/*
 * cmd_fix.c - `normlint fix`: apply the certain drafting fixes (text/fix.h).
 *
 * Without --in-place the fixes are shown as a unified diff (UTF-8, 3 lines
 * of context) and nothing changes. With --in-place each file is rewritten
 * atomically in its own encoding (GBK stays GBK, UTF-16 keeps its BOM, a
 * UTF-8 BOM is kept) and with its own line ends; a file with nothing to fix
 * is not touched. The fixes work on the decoded text as written, not on the
 * normalized text, so nothing but the fixed characters changes.
 *
 * Exit status, as diff(1): 0 nothing to fix, 1 fixes shown (or applied),
 * 2 trouble (a file unreadable, undecodable or not rewritable).
 */
#include <errno.h>
#include <getopt.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "util/messages.h"
#include "doc/document.h"
#include "text/decode.h"
#include "text/fix.h"
#include "util/fsutil.h"

static const char FIX_USAGE[] =
    "usage: normlint fix FILE... [--in-place] [--encoding auto|utf-8|gbk|gb18030|utf-16le|utf-16be]\n"
    "  Applies only the certain drafting fixes: half-width , ; : ? ! ( ) in Chinese text made\n"
    "  full-width, doubled marks (，， 。。 、、 ；；) made single, the 文号's year brackets made\n"
    "  〔〕 and its serial's leading zeros dropped. Text in “…” ‘…’ 《…》 is never changed.\n"
    "  Without --in-place, prints a unified diff and changes nothing. FILE '-' reads standard input.\n"
    "  Exit status: 0 nothing to fix, 1 fixes shown or applied, 2 trouble.\n";

enum { DIFF_CONTEXT = 3 };

typedef struct {
    int in_place;
    encoding_t encoding;
} fix_opts_t;

/* ---- where the 文号 is in the original text ----------------------------------- */

static size_t original_offset(const document_t *doc, position_t p)
{
    if (p.line == 0 || p.line > doc->nlines)
        return doc->original_len;
    size_t pos = doc->line_starts[p.line - 1];
    for (size_t col = 1; col < p.column && pos < doc->original_len; col++) {
        int n;
        utf8_next(doc->original + pos, doc->original + doc->original_len, &n);
        pos += (size_t)n;
    }
    return pos;
}

static void docnum_range(const document_t *doc, size_t *start, size_t *end)
{
    *start = *end = 0;
    if (!doc->doc_number)
        return;
    position_t from, to;
    normalized_span(&doc->norm, doc->doc_number_span.start, doc->doc_number_span.end, &from,
                    &to);
    *start = original_offset(doc, from);
    *end = original_offset(doc, to);
}

/* ---- unified diff ------------------------------------------------------------- */

typedef struct {
    const char *s;
    size_t n;           /* without the line end */
} line_ref_t;

typedef struct {
    line_ref_t *v;
    size_t n, cap;
    int last_has_eol;
} lines_t;

static void split_lines(const char *t, size_t len, lines_t *l)
{
    memset(l, 0, sizeof *l);
    l->last_has_eol = 1;
    for (size_t pos = 0; pos < len;) {
        const char *nl = memchr(t + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - t) : len;
        size_t n = end - pos;
        if (n > 0 && t[end - 1] == '\r')
            n--;
        l->v = grow_array(l->v, &l->cap, l->n + 1, sizeof *l->v);
        l->v[l->n++] = (line_ref_t){t + pos, n};
        l->last_has_eol = nl != NULL;
        pos = end + 1;
    }
}

static void lines_free(lines_t *l)
{
    free(l->v);
}

static int line_differs(const lines_t *a, const lines_t *b, size_t i)
{
    return a->v[i].n != b->v[i].n || memcmp(a->v[i].s, b->v[i].s, a->v[i].n) != 0;
}

static void put_range(buf_t *out, size_t start, size_t count)
{
    buf_printf(out, "%zu", count ? start + 1 : start);
    if (count != 1)
        buf_printf(out, ",%zu", count);
}

static void put_line(buf_t *out, char tag, const lines_t *l, size_t i)
{
    buf_putc(out, tag);
    buf_append(out, l->v[i].s, l->v[i].n);
    buf_putc(out, '\n');
    if (i + 1 == l->n && !l->last_has_eol)
        buf_puts(out, "\\ No newline at end of file\n");
}

/* One hunk over lines [from, to) of both texts (same line count). */
static void put_hunk(buf_t *out, const lines_t *a, const lines_t *b, size_t from, size_t to)
{
    buf_puts(out, "@@ -");
    put_range(out, from, to - from);
    buf_puts(out, " +");
    put_range(out, from, to - from);
    buf_puts(out, " @@\n");
    for (size_t i = from; i < to;) {
        if (!line_differs(a, b, i)) {
            put_line(out, ' ', a, i++);
            continue;
        }
        size_t j = i;
        while (j < to && line_differs(a, b, j))
            j++;
        for (size_t k = i; k < j; k++)
            put_line(out, '-', a, k);
        for (size_t k = i; k < j; k++)
            put_line(out, '+', b, k);
        i = j;
    }
}

/*
 * The end of the hunk that starts with the change at `i`: as in diff -u, two
 * changes with at most 2×context unchanged lines between them share a hunk.
 */
static size_t hunk_end(const lines_t *a, const lines_t *b, size_t i)
{
    size_t last = i;
    for (size_t j = i + 1; j < a->n && j <= last + 2 * DIFF_CONTEXT + 1; j++)
        if (line_differs(a, b, j))
            last = j;
    return last + DIFF_CONTEXT + 1 < a->n ? last + DIFF_CONTEXT + 1 : a->n;
}

/* Fixes never add or remove a line, so the two texts pair line by line. */
static void unified_diff(buf_t *out, const char *path, const char *a_text, size_t a_len,
                         const char *b_text, size_t b_len)
{
    lines_t a, b;
    split_lines(a_text, a_len, &a);
    split_lines(b_text, b_len, &b);
    buf_printf(out, "--- %s\n+++ %s\n", path, path);
    if (a.n == b.n) {
        for (size_t i = 0; i < a.n;) {
            if (!line_differs(&a, &b, i)) {
                i++;
                continue;
            }
            size_t from = i > DIFF_CONTEXT ? i - DIFF_CONTEXT : 0, to = hunk_end(&a, &b, i);
            put_hunk(out, &a, &b, from, to);
            i = to;
        }
    }
    lines_free(&a);
    lines_free(&b);
}

/* ---- writing back in the file's own encoding ------------------------------------ */

static int iconv_encode(const char *to, const char *text, size_t len, buf_t *out)
{
    iconv_t cd = iconv_open(to, "UTF-8");
    if (cd == (iconv_t)-1)
        return -1;
    char *in = (char *)text;
    size_t inleft = len;
    int rc = 0;
    while (inleft > 0) {
        buf_reserve(out, inleft * 2 + 16);
        char *o = out->data + out->len;
        size_t oleft = out->cap - out->len - 1;
        size_t r = iconv(cd, &in, &inleft, &o, &oleft);
        out->len = (size_t)(o - out->data);
        if (r == (size_t)-1 && errno != E2BIG) {
            rc = -1;
            break;
        }
    }
    iconv_close(cd);
    return rc;
}

static int has_prefix(const buf_t *b, const char *p, size_t n)
{
    return b->len >= n && memcmp(b->data, p, n) == 0;
}

/* `text` as the bytes of a file in `enc`, the BOM as the original had it. */
static int encode_like(encoding_t enc, const buf_t *original, const char *text, size_t len,
                       buf_t *out)
{
    switch (enc) {
    case ENC_UTF8_BOM:
        buf_append(out, "\xEF\xBB\xBF", 3);
        /* fall through */
    case ENC_UTF8:
        buf_append(out, text, len);
        return 0;
    case ENC_GB18030:
    case ENC_GBK:
        return iconv_encode("GB18030", text, len, out);
    case ENC_UTF16LE:
        if (has_prefix(original, "\xFF\xFE", 2))
            buf_append(out, "\xFF\xFE", 2);
        return iconv_encode("UTF-16LE", text, len, out);
    case ENC_UTF16BE:
        if (has_prefix(original, "\xFE\xFF", 2))
            buf_append(out, "\xFE\xFF", 2);
        return iconv_encode("UTF-16BE", text, len, out);
    default:
        return -1;
    }
}

/*
 * The fixed text as bytes. Refused unless the unfixed text encodes back to
 * exactly the file as read: then only the fixed characters can differ.
 */
static int encode_fixed(const char *path, const document_t *doc, const buf_t *bytes,
                        const char *fixed, size_t flen, buf_t *out)
{
    buf_t again;
    buf_init(&again);
    int faithful = encode_like(doc->encoding, bytes, doc->original, doc->original_len,
                               &again) == 0 &&
                   again.len == bytes->len && memcmp(again.data, bytes->data, bytes->len) == 0;
    buf_free(&again);
    if (!faithful || encode_like(doc->encoding, bytes, fixed, flen, out) != 0) {
        cli_error(path, "cannot be written back byte for byte as %s; not rewritten",
                  encoding_name(doc->encoding));
        return EXIT_TROUBLE;
    }
    return 0;
}

static int rewrite(const char *path, const document_t *doc, const buf_t *bytes,
                   const char *fixed, size_t flen)
{
    if (doc->ndecode_issues > 0) {
        cli_error(path, "has invalid byte sequences; not rewritten in place, which would lose "
                  "them (check --encoding)");
        return EXIT_TROUBLE;
    }
    buf_t out;
    buf_init(&out);
    int status = encode_fixed(path, doc, bytes, fixed, flen, &out);
    if (status == 0)
        status = cli_rewrite(path, out.data ? out.data : "", out.len);
    buf_free(&out);
    return status;
}

/* ---- one file --------------------------------------------------------------------- */

static int load(const char *path, const buf_t *bytes, const fix_opts_t *o, document_t *doc)
{
    decode_status_t st = document_load(path, bytes->data ? bytes->data : "", bytes->len,
                                       o->encoding, doc);
    if (st == DECODE_BINARY)
        cli_error(path, "binary file (NUL bytes), not a text document");
    else if (st != DECODE_OK)
        cli_error(path, "this system's iconv cannot decode %s", encoding_name(o->encoding));
    return st == DECODE_OK ? 0 : EXIT_TROUBLE;
}

static int fix_one(const char *path, const fix_opts_t *o, buf_t *diff)
{
    buf_t bytes;
    buf_init(&bytes);
    int rc = cli_read_input(path, &bytes);
    if (rc != 0) {
        cli_error(path, "%s", tr_errno(rc));
        buf_free(&bytes);
        return EXIT_TROUBLE;
    }
    document_t doc;
    int status = load(path, &bytes, o, &doc);
    if (status == 0) {
        size_t ds, de, flen;
        fix_counts_t counts;
        docnum_range(&doc, &ds, &de);
        char *fixed = fix_text(doc.original, doc.original_len, ds, de, &flen, &counts);
        if (fix_total(&counts) > 0) {
            status = EXIT_FINDINGS;
            if (o->in_place) {
                int w = rewrite(path, &doc, &bytes, fixed, flen);
                status = w ? w : EXIT_FINDINGS;
            } else {
                unified_diff(diff, path, doc.original, doc.original_len, fixed, flen);
            }
        }
        free(fixed);
    }
    document_free(&doc);
    buf_free(&bytes);
    return status;
}

static int parse_fix_args(int argc, char **argv, fix_opts_t *o)
{
    static const struct option longopts[] = {
        {"in-place", no_argument, NULL, 'i'},
        {"encoding", required_argument, NULL, 'e'},
        {"lang", required_argument, NULL, 'L'}, {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int c;
    memset(o, 0, sizeof *o);
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (c) {
        case 'i':
            o->in_place = 1;
            break;
        case 'e':
            if (encoding_parse(optarg, &o->encoding) != 0) {
                cli_message("unknown --encoding '%s'", optarg);
                return -1;
            }
            break;
        case 'L':   /* main() already chose the language of messages */
            break;
        case 'h':
            fputs(FIX_USAGE, stdout);
            exit(EXIT_CLEAN);
        default:
            fputs(FIX_USAGE, stderr);
            return -1;
        }
    }
    if (optind >= argc) {
        cli_message("fix needs at least one FILE ('-' for standard input)");
        return -1;
    }
    for (int i = optind; o->in_place && i < argc; i++)
        if (strcmp(argv[i], "-") == 0) {
            cli_message("standard input cannot be rewritten in place");
            return -1;
        }
    return 0;
}

int cmd_fix(int argc, char **argv)
{
    fix_opts_t o;
    if (parse_fix_args(argc, argv, &o) != 0)
        return EXIT_TROUBLE;
    int status = EXIT_CLEAN;
    for (int i = optind; i < argc; i++) {
        buf_t diff;
        buf_init(&diff);
        int rc = fix_one(argv[i], &o, &diff);
        if (diff.len)
            fwrite(diff.data, 1, diff.len, stdout);
        buf_free(&diff);
        if (rc > status)
            status = rc;   /* the other files still go on */
    }
    if (fflush(stdout) != 0) {
        cli_message("cannot write standard output");
        status = EXIT_TROUBLE;
    }
    return status;
}
