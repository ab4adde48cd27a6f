/*
 * ordered.c - an ordered parallel map with pthreads.
 *
 * Workers take the next item under a mutex, but never more than `window`
 * items ahead of the next one to emit; the calling thread waits for item
 * `next`, emits it, and wakes the workers. One mutex and one condition
 * variable keep it simple: the work per item (a document) dwarfs the locking.
 */
#include "ordered.h"

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#include "util/buf.h"

typedef struct {
    const ordered_job_t *job;
    size_t n, window;
    size_t taken;        /* items handed to workers */
    size_t next;         /* next item to emit */
    void **results;
    unsigned char *done;
    pthread_mutex_t lock;
    pthread_cond_t changed;
} pool_t;

int online_processors(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

static void *worker(void *arg)
{
    pool_t *p = arg;
    void *state = p->job->thread_init ? p->job->thread_init(p->job->ctx) : NULL;
    pthread_mutex_lock(&p->lock);
    for (;;) {
        while (p->taken < p->n && p->taken >= p->next + p->window)
            pthread_cond_wait(&p->changed, &p->lock);
        if (p->taken >= p->n)
            break;
        size_t i = p->taken++;
        pthread_mutex_unlock(&p->lock);
        void *r = p->job->work(p->job->ctx, state, i);
        pthread_mutex_lock(&p->lock);
        p->results[i % p->window] = r;
        p->done[i % p->window] = 1;
        pthread_cond_broadcast(&p->changed);
    }
    pthread_mutex_unlock(&p->lock);
    if (p->job->thread_free)
        p->job->thread_free(state);
    return NULL;
}

static void run_serial(const ordered_job_t *job, size_t n)
{
    void *state = job->thread_init ? job->thread_init(job->ctx) : NULL;
    for (size_t i = 0; i < n; i++)
        job->emit(job->ctx, i, job->work(job->ctx, state, i));
    if (job->thread_free)
        job->thread_free(state);
}

int run_ordered(const ordered_job_t *job, size_t n, int jobs, size_t window)
{
    if (jobs <= 1 || n <= 1) {
        run_serial(job, n);
        return 0;
    }
    if ((size_t)jobs > n)
        jobs = (int)n;
    if (window < (size_t)jobs)
        window = (size_t)jobs;
    pool_t p = {job, n, window, 0, 0, xcalloc(window, sizeof(void *)), xcalloc(window, 1),
                PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER};
    pthread_t *threads = xcalloc((size_t)jobs, sizeof *threads);
    int started = 0;
    for (; started < jobs; started++)
        if (pthread_create(&threads[started], NULL, worker, &p) != 0)
            break;
    int status = 0;
    if (started == 0) {
        status = -1;   /* no thread: do the work here rather than not at all */
        run_serial(job, n);
        p.next = n;
    }
    pthread_mutex_lock(&p.lock);
    while (p.next < n) {
        while (!p.done[p.next % window])
            pthread_cond_wait(&p.changed, &p.lock);
        size_t i = p.next;
        void *r = p.results[i % window];
        p.done[i % window] = 0;
        pthread_mutex_unlock(&p.lock);
        job->emit(job->ctx, i, r);   /* outside the lock: printing may be slow */
        pthread_mutex_lock(&p.lock);
        p.next++;
        pthread_cond_broadcast(&p.changed);
    }
    pthread_mutex_unlock(&p.lock);
    for (int t = 0; t < started; t++)
        pthread_join(threads[t], NULL);
    free(threads);
    free(p.results);
    free(p.done);
    pthread_mutex_destroy(&p.lock);
    pthread_cond_destroy(&p.changed);
    return status;
}
