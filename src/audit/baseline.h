/*
 * baseline.h - what was already known at the last audit.
 *
 * A baseline is an earlier JSON report (`--write-baseline`, or any
 * `--format json` report). Findings are matched by path, rule and excerpt,
 * not by line, so edits elsewhere in a document do not raise them again.
 * Matching counts occurrences: two identical findings need two in the baseline.
 */
#ifndef NORMLINT_BASELINE_H
#define NORMLINT_BASELINE_H

#include <stddef.h>

typedef struct baseline baseline_t;

/* NULL on failure, with a message (naming the file) in err. */
baseline_t *baseline_load(const char *path, char *err, size_t errlen);
void baseline_free(baseline_t *b);

/* 1 when the baseline had this finding (the occurrence is used up), 0 if new. */
int baseline_take(baseline_t *b, const char *path, const char *rule, const char *excerpt);
/* Baseline findings of documents seen in this run that were not taken: fixed. */
size_t baseline_fixed(const baseline_t *b);
/* Mark a document as audited in this run (only those count for "fixed"). */
void baseline_seen(baseline_t *b, const char *path);

#endif
