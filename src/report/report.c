/*
 * report.c - choose a printer; the summary shared by all formats.
 */
#include "printers.h"

#include <stdlib.h>
#include <string.h>

static void json_init(printer_t *p) { json_printer_init(p, 0); }
static void jsonl_init(printer_t *p) { json_printer_init(p, 1); }

/* Every output format: its --format name and how to set its printer up. */
static const struct {
    const char *name;
    void (*init)(printer_t *p);
} FORMATS[] = {
    {"text", text_printer_init},
    {"json", json_init},
    {"jsonl", jsonl_init},
    {"csv", csv_printer_init},
    {"sarif", sarif_printer_init},
    {"html", html_printer_init},
};

int printer_format_known(const char *format)
{
    for (size_t i = 0; i < sizeof FORMATS / sizeof *FORMATS; i++)
        if (strcmp(FORMATS[i].name, format) == 0)
            return 1;
    return 0;
}

printer_t *printer_new(const char *format, const report_config_t *cfg)
{
    for (size_t i = 0; i < sizeof FORMATS / sizeof *FORMATS; i++)
        if (strcmp(FORMATS[i].name, format) == 0) {
            printer_t *p = xcalloc(1, sizeof *p);
            p->cfg = *cfg;
            FORMATS[i].init(p);
            return p;
        }
    return NULL;
}

void printer_document(printer_t *p, const doc_report_t *r)
{
    p->document(p, r);
    p->count++;
}

void printer_finish(printer_t *p, const summary_t *s)
{
    p->finish(p, s);
    fflush(p->cfg.out);
}

void printer_free(printer_t *p)
{
    if (p && p->free_state)
        p->free_state(p->state);
    free(p);
}

void summary_add(summary_t *s, const doc_report_t *r)
{
    s->documents++;
    if (!r->doc) {
        s->failed++;
        return;
    }
    s->by_rec[r->decision->rec]++;
    for (size_t i = 0; i < r->findings->n; i++)
        s->by_severity[r->findings->items[i].rule->severity]++;
}

void summary_line(const summary_t *s, int english, FILE *out)
{
    if (english)
        fprintf(out, "%zu documents: keep %zu, amend %zu, extend %zu, repeal %zu", s->documents,
                s->by_rec[REC_KEEP], s->by_rec[REC_AMEND], s->by_rec[REC_EXTEND],
                s->by_rec[REC_REPEAL]);
    else
        fprintf(out, "%zu 个文件：保留 %zu，修改 %zu，延期实施 %zu，废止 %zu", s->documents,
                s->by_rec[REC_KEEP], s->by_rec[REC_AMEND], s->by_rec[REC_EXTEND],
                s->by_rec[REC_REPEAL]);
    if (s->failed)
        fprintf(out, english ? ", %zu could not be read" : "，%zu 个无法读取", s->failed);
    fputs(english ? ".\n" : "。\n", out);
    if (s->has_baseline)
        fprintf(out, english ? "Against the baseline: %zu new, %zu fixed, %zu unchanged.\n"
                             : "与基线相比：新增 %zu 条，已修复 %zu 条，未变 %zu 条。\n",
                s->baseline_new, s->baseline_fixed, s->baseline_known);
}

void json_string(buf_t *b, const char *s, size_t n)
{
    buf_putc(b, '"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"':
            buf_puts(b, "\\\"");
            break;
        case '\\':
            buf_puts(b, "\\\\");
            break;
        case '\n':
            buf_puts(b, "\\n");
            break;
        case '\r':
            buf_puts(b, "\\r");
            break;
        case '\t':
            buf_puts(b, "\\t");
            break;
        default:
            if (c < 0x20) {
                buf_printf(b, "\\u%04x", c);
            } else if (c >= 0x80) {
                /* Paths come from the file system and may be GBK: keep the JSON UTF-8. */
                size_t bad, len = utf8_sequence_length(s + i, n - i, &bad);
                if (len == 0) {
                    buf_puts(b, "\\ufffd");
                } else {
                    buf_append(b, s + i, len);
                    i += len - 1;
                }
            } else {
                buf_putc(b, (char)c);
            }
        }
    }
    buf_putc(b, '"');
}

void json_cstring(buf_t *b, const char *s)
{
    if (s)
        json_string(b, s, strlen(s));
    else
        buf_puts(b, "null");
}

void json_date(buf_t *b, date_t d)
{
    if (!date_is_set(d)) {
        buf_puts(b, "null");
        return;
    }
    char iso[11];
    date_format_iso(d, iso);
    buf_printf(b, "\"%s\"", iso);
}

void json_decision(buf_t *b, const decision_t *d)
{
    buf_printf(b, ",\"recommendation\":\"%s\",\"reasons\":[", recommendation_name(d->rec));
    for (size_t i = 0; i < d->nreasons; i++) {
        if (i)
            buf_putc(b, ',');
        json_cstring(b, d->reasons[i]);
    }
    buf_putc(b, ']');
}
