/*
 * recommend.c - the per-document decision from the findings' effects.
 */
#include "recommend.h"

#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

static recommendation_t from_effect(effect_t e)
{
    switch (e) {
    case EFFECT_REPEAL:
        return REC_REPEAL;
    case EFFECT_AMEND:
        return REC_AMEND;
    case EFFECT_EXTEND:
        return REC_EXTEND;
    case EFFECT_NONE:
        break;
    }
    return REC_KEEP;
}

static int listed(const decision_t *d, const char *id)
{
    for (size_t i = 0; i < d->nreasons; i++)
        if (strcmp(d->reasons[i], id) == 0)
            return 1;
    return 0;
}

void recommend(const findings_t *f, decision_t *out)
{
    size_t cap = 0;
    memset(out, 0, sizeof *out);
    /* Heaviest effect first, each rule once, in document order within a weight. */
    for (int e = EFFECT_REPEAL; e > EFFECT_NONE; e--)
        for (size_t i = 0; i < f->n; i++) {
            const rule_t *r = f->items[i].rule;
            if ((int)r->effect != e || listed(out, r->id))
                continue;
            if (out->nreasons == 0)
                out->rec = from_effect(r->effect);
            out->reasons = grow_array(out->reasons, &cap, out->nreasons + 1, sizeof *out->reasons);
            out->reasons[out->nreasons++] = r->id;
        }
}

void decision_free(decision_t *d)
{
    free(d->reasons);
    memset(d, 0, sizeof *d);
}

const char *recommendation_name(recommendation_t r)
{
    static const char *const names[] = {"keep", "extend", "amend", "repeal"};
    return names[r];
}

const char *recommendation_label(recommendation_t r, int english)
{
    static const char *const zh[] = {"保留", "延期实施", "修改", "废止"};
    return english ? recommendation_name(r) : zh[r];
}
