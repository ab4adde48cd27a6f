/*
 * lifecycle.c - task completed (the title's period is over) and superseded
 * (a later document with the same title in the same batch).
 */
#include "lifecycle.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

typedef struct {
    char *key;
    char *title;
    char *doc_number;
    char *path;
    date_t issued;
} batch_entry_t;

struct batch {
    batch_entry_t *items;
    size_t n, cap;
};

batch_t *batch_new(void)
{
    return xcalloc(1, sizeof(batch_t));
}

void batch_add(batch_t *b, const document_t *doc)
{
    if (!doc->title && !doc->doc_number)
        return;   /* nothing to compare by */
    b->items = grow_array(b->items, &b->cap, b->n + 1, sizeof *b->items);
    b->items[b->n++] = (batch_entry_t){doc->title ? title_key(doc->title) : NULL,
                                       doc->title ? xstrdup(doc->title) : NULL,
                                       doc->doc_number ? xstrdup(doc->doc_number) : NULL,
                                       xstrdup(doc->path), doc->issued};
}

const char *batch_same_doc_number(const batch_t *b, const document_t *doc)
{
    if (!b || !doc->doc_number)
        return NULL;
    for (size_t i = 0; i < b->n; i++) {
        const batch_entry_t *e = &b->items[i];
        if (e->doc_number && strcmp(e->path, doc->path) != 0 &&
            str_same_ignoring_spaces(e->doc_number, doc->doc_number))
            return e->path;
    }
    return NULL;
}

void batch_free(batch_t *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->n; i++) {
        free(b->items[i].key);
        free(b->items[i].title);
        free(b->items[i].doc_number);
        free(b->items[i].path);
    }
    free(b->items);
    free(b);
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* A four-digit year at p (not part of a longer number), or 0. */
static int year_at(const char *start, const char *p)
{
    if (!(is_digit(p[0]) && is_digit(p[1]) && is_digit(p[2]) && is_digit(p[3])))
        return 0;
    if ((p > start && is_digit(p[-1])) || is_digit(p[4]))
        return 0;
    int y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
    return y >= 1900 && y <= 2199 ? y : 0;
}

static const char *skip_spaces(const char *p)
{
    while (*p == ' ')
        p++;
    return p;
}

static int starts(const char *p, const char *s)
{
    return strncmp(p, s, strlen(s)) == 0;
}

/*
 * A period written in a title: YYYY年, YYYY年度, YYYY—YYYY年 (also with
 * -, –, 至, ~). Sets *end to the byte after it and returns its last year;
 * 0 when p starts none. A law's version (2019年修订, 2018年版) is no period.
 */
static int period_at(const char *start, const char *p, const char **end)
{
    int first = year_at(start, p), last = first;
    if (!first)
        return 0;
    const char *q = skip_spaces(p + 4);
    static const char *const dashes[] = {"—", "–", "-", "至", "~", "－", "到"};
    for (size_t i = 0; i < sizeof dashes / sizeof *dashes; i++)
        if (starts(q, dashes[i])) {
            const char *r = skip_spaces(q + strlen(dashes[i]));
            int second = year_at(start, r);
            if (second >= first) {
                last = second;
                q = skip_spaces(r + 4);
            }
            break;
        }
    if (!starts(q, "年"))
        return 0;
    q += strlen("年");
    if (starts(q, "修订") || starts(q, "修正") || starts(q, "版") || starts(q, "第"))
        return 0;
    if (starts(q, "度"))
        q += strlen("度");
    *end = q;
    return last;
}

int title_period_end_year(const char *title)
{
    int last = 0;
    for (const char *p = title; *p;) {
        const char *end;
        int y = period_at(title, p, &end);
        if (y) {
            if (y > last)
                last = y;
            p = end;
        } else {
            p++;
        }
    }
    return last;
}

char *title_key(const char *title)
{
    static const char *const dropped[] = {"（试行）", "(试行)", "（暂行）", "(暂行)", "试行", "暂行",
                                          "（", "）", "(", ")"};
    buf_t b;
    buf_init(&b);
    for (const char *p = title; *p;) {
        const char *end;
        if (period_at(title, p, &end)) {
            p = end;
            continue;
        }
        size_t i;
        for (i = 0; i < sizeof dropped / sizeof *dropped; i++)
            if (starts(p, dropped[i]))
                break;
        if (i < sizeof dropped / sizeof *dropped) {
            p += strlen(dropped[i]);
            continue;
        }
        if (*p != ' ')
            buf_putc(&b, *p);
        p++;
    }
    return buf_steal(&b);
}

static void report_task_completed(const audit_options_t *o, const document_t *doc,
                                  findings_t *out)
{
    int year = title_period_end_year(doc->title);
    if (!year || date_cmp((date_t){year, 12, 31}, o->as_of) >= 0)
        return;
    char y[16];
    snprintf(y, sizeof y, "%d", year);
    placeholder_t vars[] = {{"year", y}};
    engine_report_check(o->rules, "task-completed", doc, doc->title_span.start,
                        doc->title_span.end, vars, 1, out);
}

/* The latest document of the batch with the same key, issued after this one. */
static const batch_entry_t *successor(const batch_t *b, const document_t *doc, const char *key)
{
    const batch_entry_t *best = NULL;
    for (size_t i = 0; i < b->n; i++) {
        const batch_entry_t *e = &b->items[i];
        if (!e->key || !date_is_set(e->issued) || strcmp(e->key, key) != 0 ||
            strcmp(e->path, doc->path) == 0 || date_cmp(e->issued, doc->issued) <= 0)
            continue;
        if (!best || date_cmp(e->issued, best->issued) > 0)
            best = e;
    }
    return best;
}

static void report_superseded(const audit_options_t *o, const document_t *doc, findings_t *out)
{
    if (!o->batch || !date_is_set(doc->issued))
        return;
    char *key = title_key(doc->title);
    const batch_entry_t *e = successor(o->batch, doc, key);
    free(key);
    if (!e)
        return;
    char issued[32], issued_iso[11];
    date_format_zh(e->issued, issued);
    date_format_iso(e->issued, issued_iso);
    placeholder_t vars[] = {{"title", e->title},
                            {"doc_number", e->doc_number ? e->doc_number : "无文号"},
                            {"issued", issued}, {"issued_iso", issued_iso}, {"path", e->path}};
    engine_report_check(o->rules, "superseded", doc, doc->title_span.start, doc->title_span.end,
                        vars, 5, out);
}

void lifecycle_audit(const audit_options_t *o, const document_t *doc, findings_t *out)
{
    if (!doc->title)
        return;
    report_task_completed(o, doc, out);
    report_superseded(o, doc, out);
}
