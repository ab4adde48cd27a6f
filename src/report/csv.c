/*
 * csv.c - the cleanup result list (清理结果目录): one row per document,
 * in the columns a cleanup office hands on (docs/reports.md):
 *
 *   序号,文件名称,文号,成文日期,施行日期,有效期至,清理意见,理由,路径
 *
 * The file is meant to be opened by a clerk in Excel or WPS, so it is
 * UTF-8 with a BOM (without one both guess the ANSI code page), rows end
 * in CRLF and cells are quoted as RFC 4180 says. Document text is not
 * trusted: a cell that a spreadsheet would read as a formula gets a
 * leading ' (OWASP "CSV injection").
 */
#include "printers.h"

#include <stdlib.h>
#include <string.h>

static const char BOM[] = "\xEF\xBB\xBF";

static const char *const HEADERS_ZH[] = {"序号", "文件名称", "文号", "成文日期", "施行日期",
                                         "有效期至", "清理意见", "理由", "路径"};
static const char *const HEADERS_EN[] = {"No.", "Title", "Document number", "Issued",
                                         "Effective", "Expires", "Recommendation", "Reasons",
                                         "Path"};
#define NCOLUMNS (sizeof HEADERS_ZH / sizeof *HEADERS_ZH)

/* The title, else the file name: what a clerk recognises a document by. */
const char *report_display_name(const doc_report_t *r)
{
    if (r->doc && r->doc->title && r->doc->title[0])
        return r->doc->title;
    const char *slash = strrchr(r->path, '/');
    return slash && slash[1] ? slash + 1 : r->path;
}

static const char *finding_message(const finding_t *f, int english)
{
    return english && f->message_en ? f->message_en : f->message;
}

static int seen_before(const char *const *seen, size_t n, const char *msg)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(seen[i], msg) == 0)
            return 1;
    return 0;
}

/*
 * 理由: the messages of the findings of the rules that decided (in the
 * decision's order, heaviest first), each distinct message once: one rule
 * may speak of two different laws, and both belong in the reason. Empty
 * for 保留; for a document that could not be read, why not.
 */
void report_reasons(buf_t *b, const doc_report_t *r, int english)
{
    if (!r->doc) {
        buf_puts(b, r->error ? r->error : "");
        return;
    }
    const char **seen = NULL;
    size_t nseen = 0, cap = 0;
    for (size_t i = 0; i < r->decision->nreasons; i++)
        for (size_t j = 0; j < r->findings->n; j++) {
            const finding_t *f = &r->findings->items[j];
            const char *msg = finding_message(f, english);
            if (!msg || strcmp(f->rule->id, r->decision->reasons[i]) != 0 ||
                seen_before(seen, nseen, msg))
                continue;
            seen = grow_array(seen, &cap, nseen + 1, sizeof *seen);
            seen[nseen++] = msg;
            if (nseen > 1)
                buf_puts(b, english ? " | " : "；");
            buf_puts(b, msg);
        }
    free(seen);
}

/* s with every ill-formed UTF-8 sequence (a GBK file name) as U+FFFD. */
static void put_clean_utf8(buf_t *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t bad, len = utf8_sequence_length(s + i, n - i, &bad);
        if (len == 0) {
            buf_put_utf8(b, 0xFFFD);
            i += bad;
        } else {
            buf_append(b, s + i, len);
            i += len;
        }
    }
}

/* A cell that Excel, WPS or LibreOffice would evaluate as a formula. */
static int looks_like_formula(const char *s, size_t n)
{
    return n > 0 && strchr("=+-@\t\r", s[0]) != NULL;
}

static int needs_quotes(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n')
            return 1;
    return 0;
}

/* One cell (after a comma unless it is the row's first). */
static void csv_cell(buf_t *row, const char *s, int first)
{
    buf_t cell;
    buf_init(&cell);
    s = s ? s : "";
    if (looks_like_formula(s, strlen(s)))
        buf_putc(&cell, '\'');
    put_clean_utf8(&cell, s, strlen(s));
    if (!first)
        buf_putc(row, ',');
    if (needs_quotes(cell.data, cell.len)) {
        buf_putc(row, '"');
        for (size_t i = 0; i < cell.len; i++) {
            if (cell.data[i] == '"')
                buf_putc(row, '"');
            buf_putc(row, cell.data[i]);
        }
        buf_putc(row, '"');
    } else if (cell.len) {
        buf_append(row, cell.data, cell.len);
    }
    buf_free(&cell);
}

static void csv_row(printer_t *p, const char *const cells[NCOLUMNS])
{
    buf_t row;
    buf_init(&row);
    for (size_t i = 0; i < NCOLUMNS; i++)
        csv_cell(&row, cells[i], i == 0);
    buf_puts(&row, "\r\n");
    fwrite(row.data, 1, row.len, p->cfg.out);
    buf_free(&row);
}

static void write_header(printer_t *p)
{
    fputs(BOM, p->cfg.out);
    csv_row(p, p->cfg.english ? HEADERS_EN : HEADERS_ZH);
}

void report_date(date_t d, int english, char out[32])
{
    if (!date_is_set(d))
        out[0] = '\0';
    else if (english)
        date_format_iso(d, out);
    else
        date_format_zh(d, out);
}

static void csv_document(printer_t *p, const doc_report_t *r)
{
    if (p->count == 0)
        write_header(p);
    int en = p->cfg.english;
    const document_t *d = r->doc;
    char number[24], issued[32] = "", effective[32] = "", expires[32] = "";
    snprintf(number, sizeof number, "%zu", p->count + 1);
    if (d) {
        report_date(d->issued, en, issued);
        report_date(d->effective, en, effective);
        report_date(d->expires, en, expires);
    }
    buf_t reasons;
    buf_init(&reasons);
    report_reasons(&reasons, r, en);
    const char *cells[NCOLUMNS] = {
        number, report_display_name(r), d ? d->doc_number : NULL, issued, effective, expires,
        d ? recommendation_label(r->decision->rec, en) : NULL, reasons.data, r->path,
    };
    csv_row(p, cells);
    buf_free(&reasons);
}

static void csv_finish(printer_t *p, const summary_t *s)
{
    (void)s;
    if (p->count == 0)
        write_header(p);   /* an empty list still opens with its columns */
}

void csv_printer_init(printer_t *p)
{
    p->document = csv_document;
    p->finish = csv_finish;
}
