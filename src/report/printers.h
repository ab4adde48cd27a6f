/*
 * printers.h - what each output format implements (internal to report/).
 */
#ifndef NORMLINT_PRINTERS_H
#define NORMLINT_PRINTERS_H

#include "report/report.h"
#include "util/buf.h"

struct printer {
    report_config_t cfg;
    size_t count;   /* documents printed so far */
    void (*document)(printer_t *p, const doc_report_t *r);
    void (*finish)(printer_t *p, const summary_t *s);
    void *state;                   /* a format's own state across documents, or NULL */
    void (*free_state)(void *state);
};

void text_printer_init(printer_t *p);
void csv_printer_init(printer_t *p);
void sarif_printer_init(printer_t *p);
void html_printer_init(printer_t *p);
/* The cleanup list's 文件名称 and 理由 (csv.c), shared with the HTML report. */
const char *report_display_name(const doc_report_t *r);
/* 2021年4月15日 (YYYY-MM-DD in English), or "" when unknown. */
void report_date(date_t d, int english, char out[32]);
/* ,"recommendation":"…","reasons":[…] of a document that was read. */
void json_decision(buf_t *b, const decision_t *d);
void report_reasons(buf_t *b, const doc_report_t *r, int english);
void json_printer_init(printer_t *p, int lines);

/* JSON string literal for s[0..n), escaped. */
void json_string(buf_t *b, const char *s, size_t n);
void json_cstring(buf_t *b, const char *s);   /* null for NULL */
void json_date(buf_t *b, date_t d);           /* "YYYY-MM-DD" or null */

#endif
