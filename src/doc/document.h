/*
 * document.h - the document model: what a clerk reads off a document.
 *
 * Built from the decoded and normalized text; everything later stages
 * need (title, 文号, dates, validity clause, the title/body/closing parts
 * that rule scopes refer to) is found here once.
 */
#ifndef NORMLINT_DOCUMENT_H
#define NORMLINT_DOCUMENT_H

#include <stddef.h>

#include "doc/date.h"
#include "text/decode.h"
#include "text/normalize.h"

/* A byte range [start, end) of the normalized text. */
typedef struct {
    size_t start, end;
} span_t;

typedef enum {
    PART_TITLE = 0,   /* 文号 and title lines at the top */
    PART_BODY,        /* everything between */
    PART_CLOSING,     /* signature block and 成文日期 */
    PART_COUNT
} part_t;

typedef enum {
    VALIDITY_SOURCE_NONE = 0,
    VALIDITY_SOURCE_EXPLICIT,
    VALIDITY_SOURCE_DEFAULT,
} validity_source_t;

/* What is known of one review step (国办发〔2018〕37号). */
typedef enum {
    STEP_UNKNOWN = 0,           /* not looked at (e.g. filing without a register) */
    STEP_MISSING,               /* looked for, no evidence */
    STEP_DONE,                  /* evidenced */
    STEP_NOT_REQUIRED,          /* fair-competition review of a document not touching market entities */
} step_t;

typedef struct {
    int from_text, from_note, from_register;   /* where evidence was looked for */
    step_t legality, fair_competition, deliberation, consultation, filing;
} review_t;

typedef struct {
    char *path;                 /* as given; "-" or --stdin-name for stdin */
    encoding_t encoding;
    char *original;             /* decoded text, original line ends */
    size_t original_len;
    decode_issue_t *decode_issues;
    size_t ndecode_issues;
    normalized_t norm;          /* what rules match */
    char sha256[65];            /* of the bytes as read, lowercase hex */
    size_t *line_starts;        /* byte offset of each original line */
    size_t nlines;

    span_t part[PART_COUNT];
    char *title;                /* NULL when none was found */
    span_t title_span;
    char *doc_number;           /* 发文字号 as written */
    span_t doc_number_span;
    char *issuer;
    char *kind;                 /* 办法, 通知, ... (NULL when unknown) */
    int provisional;            /* 试行 or 暂行 in the title */

    date_match_t issued_match;  /* the 成文日期 line; status tells bad dates */
    int has_issued_line;
    date_t issued;
    int issued_from_doc_number; /* no closing date: year of the 文号 */
    effective_clause_t effective_clause;
    date_t effective;
    validity_clause_t validity_clause;
    validity_source_t validity_source;
    date_t expires;
    review_t review;            /* filled by the review audit */
} document_t;

/*
 * Decode, normalize and parse `n` bytes. Returns DECODE_OK, or the decode
 * status that kept the document from being read (binary, unsupported).
 */
decode_status_t document_load(const char *path, const char *bytes, size_t n,
                              encoding_t forced, document_t *doc);
void document_free(document_t *doc);

/* The original text of 1-based line `line` (no line end), for display. */
const char *document_line(const document_t *doc, size_t line, size_t *len);

#endif
