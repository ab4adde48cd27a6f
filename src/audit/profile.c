/*
 * profile.c - read a jurisdiction profile (a small INI file).
 *
 *     name = hunan
 *     default_years = 5
 */
#include "profile.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules/builtin.h"
#include "util/buf.h"
#include "util/messages.h"

static int parse_int_value(const char *v, int *out)
{
    char *end;
    long n = strtol(v, &end, 10);
    if (end == v || *end || n < 0 || n > 1000)
        return -1;
    *out = (int)n;
    return 0;
}

static int set_field(profile_t *p, const char *key, const char *value)
{
    static const struct {
        const char *key;
        size_t offset;
    } ints[] = {
        {"default_years", offsetof(profile_t, default_years)},
        {"provisional_years", offsetof(profile_t, provisional_years)},
        {"review_window_months", offsetof(profile_t, review_window_months)},
        {"filing_days", offsetof(profile_t, filing_days)},
        {"min_days_before_effect", offsetof(profile_t, min_days_before_effect)},
    };
    if (strcmp(key, "name") == 0) {
        free(p->name);
        p->name = xstrdup(value);
        return 0;
    }
    if (strcmp(key, "min_days_rule_from") == 0)
        return date_parse_iso(value, &p->min_days_rule_from);
    if (strcmp(key, "description") == 0) {
        free(p->description);
        p->description = xstrdup(value);
        return 0;
    }
    for (size_t i = 0; i < sizeof ints / sizeof *ints; i++)
        if (strcmp(key, ints[i].key) == 0)
            return parse_int_value(value, (int *)((char *)p + ints[i].offset));
    return -1;
}

static profile_t *parse_profile(const char *file, const char *text, size_t len, char *err,
                                unsigned errlen)
{
    profile_t *p = xcalloc(1, sizeof *p);
    size_t pos = 0;
    int lineno = 0;
    while (pos < len) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len;
        char *line = xstrndup_trimmed(text + pos, end - pos);
        pos = end + 1;
        lineno++;
        if (!line[0] || line[0] == '#' || line[0] == '[') {
            free(line);
            continue;
        }
        char *eq = strchr(line, '=');
        char *key = eq ? xstrndup_trimmed(line, (size_t)(eq - line)) : NULL;
        char *value = eq ? xstrndup_trimmed(eq + 1, strlen(eq + 1)) : NULL;
        int bad = !eq || set_field(p, key, value) != 0;
        if (bad)
            snprintf(err, errlen, "%s:%d: bad line '%s' (expected a known key = a number)",
                     file, lineno, line);
        free(key);
        free(value);
        free(line);
        if (bad) {
            profile_free(p);
            return NULL;
        }
    }
    if (!p->name) {
        snprintf(err, errlen, "%s: profile has no 'name'", file);
        profile_free(p);
        return NULL;
    }
    return p;
}

profile_t *profile_load(const char *name, const char *dir, char *err, unsigned errlen)
{
    buf_t file;
    buf_init(&file);
    buf_printf(&file, "profiles/%s.ini", name);
    profile_t *p = NULL;
    if (dir) {
        buf_t path, data;
        buf_init(&path);
        buf_init(&data);
        buf_printf(&path, "%s/%s", dir, file.data);
        int rc = read_file(path.data, &data);
        if (rc == 0)
            p = parse_profile(path.data, data.data, data.len, err, errlen);
        else if (rc != ENOENT)
            snprintf(err, errlen, "%s: %s", path.data, tr_errno(rc));
        buf_free(&path);
        buf_free(&data);
        if (p || rc != ENOENT) {
            buf_free(&file);
            return p;
        }
    }
    for (size_t i = 0; i < builtin_file_count; i++)
        if (strcmp(builtin_files[i].name, file.data) == 0)
            p = parse_profile(file.data, builtin_files[i].data, builtin_files[i].len, err, errlen);
    if (!p && !err[0])
        snprintf(err, errlen, "unknown profile '%s' (see rules/profiles/)", name);
    buf_free(&file);
    return p;
}

void profile_free(profile_t *p)
{
    if (!p)
        return;
    free(p->name);
    free(p->description);
    free(p);
}
