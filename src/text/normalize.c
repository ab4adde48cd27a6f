/*
 * normalize.c - fold the decoded text into the form rules match, keeping
 * anchors that map each normalized position to the original one.
 */
#include "normalize.h"

#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"

/* Long lines get an anchor this often, so a lookup never counts far. */
#define ANCHOR_STRIDE 4096

typedef struct {
    buf_t out;
    normalized_t *n;
    uint32_t line, column;   /* original position of the current character */
    int need_anchor;         /* the next emitted character starts a new run */
    size_t content_end;      /* output length after the line's last non-space */
} normalizer_t;

static void add_anchor(normalizer_t *z)
{
    normalized_t *n = z->n;
    n->anchors = grow_array(n->anchors, &n->cap, n->nanchors + 1, sizeof *n->anchors);
    n->anchors[n->nanchors++] = (pos_anchor_t){z->out.len, z->line, z->column};
    z->need_anchor = 0;
}

static void emit(normalizer_t *z, uint32_t cp)
{
    if (z->need_anchor ||
        z->out.len - z->n->anchors[z->n->nanchors - 1].offset >= ANCHOR_STRIDE)
        add_anchor(z);
    buf_put_utf8(&z->out, cp);
}

static int is_zero_width(uint32_t cp)
{
    return (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF;
}

static int is_line_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0x00A0;
}

static uint32_t fold(uint32_t cp, unsigned flags)
{
    if ((cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
        (cp >= 0xFF41 && cp <= 0xFF5A))
        return cp - 0xFEE0;
    if ((flags & NORM_FOLD_SPACES) && (cp == 0x3000 || cp == 0x00A0))
        return ' ';
    return cp;
}

/* Drop trailing spaces already written, then write the line end. */
static void end_line(normalizer_t *z, unsigned flags)
{
    if ((flags & NORM_STRIP_TRAILING) && z->content_end < z->out.len) {
        z->out.len = z->content_end;
        z->out.data[z->out.len] = '\0';
        while (z->n->nanchors > 1 && z->n->anchors[z->n->nanchors - 1].offset >= z->out.len)
            z->n->nanchors--;
        z->need_anchor = 1;
    }
    emit(z, '\n');
    z->line++;
    z->column = 1;
    z->need_anchor = 1;
    z->content_end = z->out.len;
}

void normalize_text(const char *raw, size_t len, unsigned flags, normalized_t *out)
{
    normalizer_t z;
    memset(out, 0, sizeof *out);
    memset(&z, 0, sizeof z);
    buf_init(&z.out);
    buf_reserve(&z.out, len);
    z.n = out;
    z.line = z.column = 1;
    add_anchor(&z);
    const char *p = raw, *end = raw + len;
    while (p < end) {
        int clen;
        uint32_t cp = utf8_next(p, end, &clen);
        p += clen;
        if (cp == '\r' || cp == '\n') {
            if (cp == '\r' && p < end && *p == '\n')
                p++;
            end_line(&z, flags);
            continue;
        }
        if (is_zero_width(cp)) {
            z.need_anchor = 1;
        } else {
            emit(&z, fold(cp, flags));
            if (!is_line_space(cp))
                z.content_end = z.out.len;
        }
        z.column++;
    }
    if (flags & NORM_STRIP_TRAILING) {
        z.out.len = z.content_end;
        z.out.data[z.out.len] = '\0';
    }
    out->len = z.out.len;
    out->text = buf_steal(&z.out);
}

void normalized_free(normalized_t *n)
{
    free(n->text);
    free(n->anchors);
    memset(n, 0, sizeof *n);
}

position_t normalized_position(const normalized_t *n, size_t off)
{
    size_t lo = 0, hi = n->nanchors;
    if (off > n->len)
        off = n->len;
    while (hi - lo > 1) {   /* last anchor with offset <= off */
        size_t mid = lo + (hi - lo) / 2;
        if (n->anchors[mid].offset <= off)
            lo = mid;
        else
            hi = mid;
    }
    const pos_anchor_t *a = &n->anchors[lo];
    position_t pos = {a->line, a->column};
    pos.column += utf8_count(n->text + a->offset, off - a->offset);
    return pos;
}

void normalized_span(const normalized_t *n, size_t start, size_t end,
                     position_t *from, position_t *to)
{
    if (end > n->len)
        end = n->len;
    *from = normalized_position(n, start);
    if (end <= start) {
        *to = *from;
        return;
    }
    size_t last = end - 1;   /* start of the last character of the span */
    while (last > start && ((unsigned char)n->text[last] & 0xC0) == 0x80)
        last--;
    *to = normalized_position(n, last);
    to->column++;
}
