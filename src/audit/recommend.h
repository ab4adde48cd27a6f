/*
 * recommend.h - keep / extend / amend / repeal, with the reasons.
 *
 * Every finding's rule carries an effect; the heaviest decides (repeal >
 * amend > extend > keep) and the reasons list the rules behind it, in
 * order of weight. See docs/decision-table.md.
 */
#ifndef NORMLINT_RECOMMEND_H
#define NORMLINT_RECOMMEND_H

#include "rules/engine.h"

typedef enum { REC_KEEP = 0, REC_EXTEND, REC_AMEND, REC_REPEAL, REC_COUNT } recommendation_t;

typedef struct {
    recommendation_t rec;
    const char **reasons;   /* rule ids (owned by the rule set) */
    size_t nreasons;
} decision_t;

void recommend(const findings_t *f, decision_t *out);
void decision_free(decision_t *d);

const char *recommendation_name(recommendation_t r);              /* keep, ... */
const char *recommendation_label(recommendation_t r, int english); /* 保留, ... */

#endif
