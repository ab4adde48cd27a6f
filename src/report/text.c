/*
 * text.c - findings the way compilers print diagnostics:
 *
 *   path:12:5: 错误: message [RULE-ID]
 *      12 | 本办法依据《中华人民共和国婚姻法》制定。
 *         |         ^~~~~~~~~~~~~~~~~~~~~~
 *
 * Columns count characters; the caret line pads by display width, so it
 * stands under the right character even after wide CJK characters.
 */
#include "printers.h"

#include <string.h>

#define BOLD "\033[1m"
#define RED "\033[1;31m"
#define MAGENTA "\033[1;35m"
#define CYAN "\033[1;36m"
#define GREEN "\033[1;32m"
#define RESET "\033[0m"

static const char *severity_color(severity_t s)
{
    return s == SEV_ERROR ? RED : s == SEV_WARNING ? MAGENTA : CYAN;
}

static const char *c(const printer_t *p, const char *code)
{
    return p->cfg.color ? code : "";
}

/* Blanks as wide as the first `cols` characters of the line (tabs kept). */
static void pad_to_column(buf_t *b, const char *line, size_t len, size_t cols)
{
    const char *q = line, *end = line + len;
    for (size_t i = 1; i < cols && q < end; i++) {
        int clen;
        uint32_t cp = utf8_next(q, end, &clen);
        q += clen;
        if (cp == '\t')
            buf_putc(b, '\t');
        else
            for (int w = cp_display_width(cp); w > 0; w--)
                buf_putc(b, ' ');
    }
}

/* ^ under the first character, ~ under the rest of the span on this line. */
static void underline(buf_t *b, const char *line, size_t len, size_t from, size_t to)
{
    const char *q = line, *end = line + len;
    size_t col = 1;
    int first = 1;
    while (q < end && col < to) {
        int clen;
        uint32_t cp = utf8_next(q, end, &clen);
        if (col >= from) {
            for (int w = cp_display_width(cp); w > 0; w--) {
                buf_putc(b, first ? '^' : '~');
                first = 0;
            }
        }
        q += clen;
        col++;
    }
    if (first)
        buf_putc(b, '^');   /* an empty span, or one at the line's end */
}

static void print_finding(printer_t *p, buf_t *b, const char *path, const document_t *d,
                          const finding_t *f)
{
    const rule_t *r = f->rule;
    int en = p->cfg.english;
    buf_printf(b, "%s%s:%zu:%zu:%s %s%s:%s %s [%s]\n", c(p, BOLD), path, f->from.line,
               f->from.column, c(p, RESET), c(p, severity_color(r->severity)),
               severity_label(r->severity, en), c(p, RESET), en ? f->message_en : f->message,
               r->id);
    size_t len;
    const char *line = document_line(d, f->from.line, &len);
    size_t to = f->to.line == f->from.line ? f->to.column : (size_t)-1;
    buf_printf(b, "%6zu | %.*s\n       | ", f->from.line, (int)len, line);
    pad_to_column(b, line, len, f->from.column);
    buf_puts(b, c(p, GREEN));
    underline(b, line, len, f->from.column, to);
    buf_printf(b, "%s\n", c(p, RESET));
}

static void text_document(printer_t *p, const doc_report_t *r)
{
    if (!r->doc)
        return;   /* the command line already said why on stderr */
    buf_t b;
    buf_init(&b);
    int en = p->cfg.english;
    for (size_t i = 0; i < r->findings->n; i++)
        print_finding(p, &b, r->path, r->doc, &r->findings->items[i]);
    const decision_t *dec = r->decision;
    buf_printf(&b, "%s%s:%s %s%s", c(p, BOLD), r->path, c(p, RESET),
               en ? "recommendation: " : "清理意见：", recommendation_label(dec->rec, en));
    if (dec->nreasons) {
        buf_puts(&b, " (");
        for (size_t i = 0; i < dec->nreasons; i++)
            buf_printf(&b, "%s%s", i ? ", " : "", dec->reasons[i]);
        buf_putc(&b, ')');
    }
    buf_putc(&b, '\n');
    fwrite(b.data, 1, b.len, p->cfg.out);
    buf_free(&b);
}

static void text_finish(printer_t *p, const summary_t *s)
{
    summary_line(s, p->cfg.english, p->cfg.out);
}

void text_printer_init(printer_t *p)
{
    p->document = text_document;
    p->finish = text_finish;
}
