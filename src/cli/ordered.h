/*
 * ordered.h - run a function over items 0..n-1 on several threads and hand
 * the results back in item order, on the calling thread.
 *
 * A scan reads and audits documents in parallel but prints them in sorted
 * order; at most `window` results wait to be printed, so memory stays
 * bounded however large the batch.
 */
#ifndef NORMLINT_ORDERED_H
#define NORMLINT_ORDERED_H

#include <stddef.h>

typedef struct {
    void *ctx;
    /* Per-thread state (e.g. a PCRE2 matcher); NULL functions for none. */
    void *(*thread_init)(void *ctx);
    void (*thread_free)(void *state);
    /* Produce item i's result (runs on a worker thread). */
    void *(*work)(void *ctx, void *state, size_t i);
    /* Consume item i's result (runs on the calling thread, in order). */
    void (*emit)(void *ctx, size_t i, void *result);
} ordered_job_t;

/* jobs <= 1 runs everything on the calling thread. Returns 0, or -1 if threads failed. */
int run_ordered(const ordered_job_t *job, size_t n, int jobs, size_t window);

/* The number of processors online (at least 1). */
int online_processors(void);

#endif
