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
};

void text_printer_init(printer_t *p);
void json_printer_init(printer_t *p, int lines);

/* JSON string literal for s[0..n), escaped. */
void json_string(buf_t *b, const char *s, size_t n);
void json_cstring(buf_t *b, const char *s);   /* null for NULL */
void json_date(buf_t *b, date_t d);           /* "YYYY-MM-DD" or null */

#endif
