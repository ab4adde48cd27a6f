/*
 * register.h - the 登记台账: the register of normative documents an agency
 * keeps in a spreadsheet, read from CSV (UTF-8 or GBK, with or without a
 * BOM). Header names are Chinese: 文号, 标题, 公布日期, 合法性审核,
 * 公平竞争审查, 集体审议, 征求意见起止, 备案日期 (any order; others ignored).
 */
#ifndef NORMLINT_REGISTER_H
#define NORMLINT_REGISTER_H

#include <stddef.h>

#include "doc/date.h"

typedef enum {
    REG_DOC_NUMBER = 0, REG_TITLE, REG_PUBLISHED, REG_LEGALITY, REG_FAIR_COMPETITION,
    REG_DELIBERATION, REG_CONSULTATION, REG_FILING, REG_COLUMN_COUNT
} register_column_t;

typedef struct {
    char *cell[REG_COLUMN_COUNT];   /* "" when empty or absent */
    int line;                       /* 1-based line of the row in the file */
    date_t published, legality, fair_competition, deliberation, filing;
    date_t consultation_from, consultation_to;
    int fair_competition_not_required;   /* the cell says 不涉及 */
    _Atomic int matched;            /* a scanned document matched this row (set by worker threads) */
} register_row_t;

typedef struct {
    char *path;
    register_row_t *rows;
    size_t nrows;
} doc_register_t;

/* NULL on failure, with a message naming the file (and line) in err. */
doc_register_t *register_load(const char *path, char *err, size_t errlen);
/* The same from bytes in memory (any supported encoding); `path` names it in messages. */
doc_register_t *register_parse(const char *path, const char *bytes, size_t len, char *err,
                               size_t errlen);
void register_free(doc_register_t *r);

/* The row for a document: by 文号 (spaces ignored), else by title. NULL if none. */
register_row_t *register_find(doc_register_t *r, const char *doc_number, const char *title);

#endif
