/*
 * baseline.c - read a previous JSON report with jansson and match findings.
 *
 * Known findings are counted in a jansson object keyed by
 * "path\x1Frule\x1Fexcerpt" (a hash table), so a run with tens of thousands
 * of findings matches each in constant time.
 */
#include "baseline.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

#define SEP "\x1F"   /* unit separator: never in a path, rule id or excerpt */

struct baseline {
    json_t *remaining;   /* key -> occurrences not yet matched */
    json_t *seen;        /* paths audited in this run -> true */
};

static const char *string_field(json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

static char *finding_key(const char *path, const char *rule, const char *excerpt)
{
    buf_t k;
    buf_init(&k);
    buf_printf(&k, "%s" SEP "%s" SEP "%s", path, rule, excerpt ? excerpt : "");
    return buf_steal(&k);
}

static void count_in(json_t *counts, const char *key, json_int_t delta)
{
    json_t *v = json_object_get(counts, key);
    json_int_t n = (v ? json_integer_value(v) : 0) + delta;
    json_object_set_new(counts, key, json_integer(n));
}

static int read_documents(baseline_t *b, json_t *docs)
{
    size_t i, k;
    json_t *doc, *f;
    json_array_foreach(docs, i, doc) {
        const char *path = string_field(doc, "path");
        json_t *findings = json_object_get(doc, "findings");
        if (!path || !json_is_array(findings))
            return -1;
        json_array_foreach(findings, k, f) {
            const char *rule = string_field(f, "rule");
            if (!rule)
                return -1;
            char *key = finding_key(path, rule, string_field(f, "excerpt"));
            count_in(b->remaining, key, 1);
            free(key);
        }
    }
    return 0;
}

baseline_t *baseline_load(const char *path, char *err, size_t errlen)
{
    json_error_t je;
    json_t *root = json_load_file(path, 0, &je);
    if (!root) {
        snprintf(err, errlen, "%s:%d: not a JSON report: %s", path, je.line, je.text);
        return NULL;
    }
    baseline_t *b = xcalloc(1, sizeof *b);
    b->remaining = json_object();
    b->seen = json_object();
    json_t *docs = json_object_get(root, "documents");
    if (!json_is_array(docs) || read_documents(b, docs) != 0) {
        snprintf(err, errlen, "%s: not a normlint JSON report (documents[].findings[] expected)",
                 path);
        json_decref(root);
        baseline_free(b);
        return NULL;
    }
    json_decref(root);
    return b;
}

void baseline_free(baseline_t *b)
{
    if (!b)
        return;
    json_decref(b->remaining);
    json_decref(b->seen);
    free(b);
}

int baseline_take(baseline_t *b, const char *path, const char *rule, const char *excerpt)
{
    char *key = finding_key(path, rule, excerpt);
    json_t *v = json_object_get(b->remaining, key);
    int known = v && json_integer_value(v) > 0;
    if (known)
        count_in(b->remaining, key, -1);
    free(key);
    return known;
}

void baseline_seen(baseline_t *b, const char *path)
{
    json_object_set_new(b->seen, path, json_true());
}

size_t baseline_fixed(const baseline_t *b)
{
    size_t fixed = 0;
    const char *key;
    json_t *count;
    json_object_foreach(b->remaining, key, count) {
        const char *sep = strstr(key, SEP);
        char *path = xstrndup(key, (size_t)(sep - key));
        if (json_object_get(b->seen, path))
            fixed += (size_t)json_integer_value(count);
        free(path);
    }
    return fixed;
}
