/*
 * report.h - printers: findings and decisions to text, JSON, JSON Lines.
 *
 * A printer sees only what the earlier stages produced (the document
 * model, its findings and decision); it never re-reads a file.
 */
#ifndef NORMLINT_REPORT_H
#define NORMLINT_REPORT_H

#include <stdio.h>

#include "audit/recommend.h"
#include "doc/document.h"
#include "rules/engine.h"

typedef struct {
    const char *path;
    const document_t *doc;      /* NULL when the file could not be read */
    const char *error;          /* why not, or NULL */
    const findings_t *findings; /* NULL when failed */
    const decision_t *decision; /* NULL when failed */
} doc_report_t;

typedef struct {
    size_t documents;
    size_t by_rec[REC_COUNT];
    size_t by_severity[3];   /* of the findings reported (new ones, with a baseline) */
    size_t failed;
    int has_baseline;        /* --baseline given: the three counts below mean something */
    size_t baseline_new, baseline_known, baseline_fixed;
} summary_t;

typedef struct {
    FILE *out;
    int english;
    int color;
    date_t as_of;
    const char *profile;
    const ruleset_t *rules;     /* every rule in use (SARIF lists them all) */
    const char *rules_hash;     /* SHA-256 of the rule files: reproducible audits */
} report_config_t;

typedef struct printer printer_t;

/* 1 when `format` names a printer ("text", "json", "jsonl", ...). */
int printer_format_known(const char *format);
/* A printer for `format`; NULL for an unknown format. */
printer_t *printer_new(const char *format, const report_config_t *cfg);
void printer_document(printer_t *p, const doc_report_t *r);
void printer_finish(printer_t *p, const summary_t *s);
void printer_free(printer_t *p);

void summary_add(summary_t *s, const doc_report_t *r);
/* "N documents: 保留 a, 修改 b, 延期实施 c, 废止 d." (with failures when any) */
void summary_line(const summary_t *s, int english, FILE *out);

#endif
