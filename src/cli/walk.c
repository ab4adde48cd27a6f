/*
 * walk.c - the files a scan covers: folders recursed, hidden folders and
 * other extensions skipped, symbolic links followed but never round a
 * loop (each folder is visited once, by device and inode), sorted by path.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "util/messages.h"

typedef struct {
    dev_t dev;
    ino_t ino;
} dir_id_t;

typedef struct {
    dir_id_t *seen;
    size_t n, cap;
} visited_t;

static int visit_once(visited_t *v, const struct stat *st)
{
    for (size_t i = 0; i < v->n; i++)
        if (v->seen[i].dev == st->st_dev && v->seen[i].ino == st->st_ino)
            return 0;
    v->seen = grow_array(v->seen, &v->cap, v->n + 1, sizeof *v->seen);
    v->seen[v->n++] = (dir_id_t){st->st_dev, st->st_ino};
    return 1;
}

static void add_path(file_list_t *l, const char *path)
{
    l->paths = grow_array(l->paths, &l->cap, l->n + 1, sizeof *l->paths);
    l->paths[l->n++] = xstrdup(path);
}

/* exts: comma-separated list without dots, e.g. "txt,md". */
static int has_extension(const char *name, const char *exts)
{
    const char *dot = strrchr(name, '.');
    if (!dot || dot == name)
        return 0;
    size_t n = strlen(dot + 1);
    for (const char *p = exts; *p;) {
        const char *comma = strchr(p, ',');
        size_t m = comma ? (size_t)(comma - p) : strlen(p);
        if (m == n && strncasecmp(p, dot + 1, n) == 0)
            return 1;
        if (!comma)
            break;
        p = comma + 1;
    }
    return 0;
}

static void walk_dir(const char *dir, const char *exts, visited_t *v, file_list_t *out)
{
    DIR *dh = opendir(dir);
    if (!dh) {
        cli_error(dir, "cannot open folder: %s", tr_errno(errno));
        out->errors++;
        return;
    }
    struct dirent *e;
    while ((e = readdir(dh)) != NULL) {
        if (e->d_name[0] == '.')
            continue;   /* hidden files and folders, . and .. */
        buf_t path;
        buf_init(&path);
        size_t dl = strlen(dir);
        buf_printf(&path, "%s%s%s", dir, dl && dir[dl - 1] == '/' ? "" : "/", e->d_name);
        struct stat st;
        if (stat(path.data, &st) != 0) {
            /* A dangling link: listed, so that reading it reports the failure in the report too. */
            if (has_extension(e->d_name, exts))
                add_path(out, path.data);
        } else if (S_ISDIR(st.st_mode)) {
            if (visit_once(v, &st))
                walk_dir(path.data, exts, v, out);
        } else if (S_ISREG(st.st_mode) && has_extension(e->d_name, exts)) {
            add_path(out, path.data);
        }
        buf_free(&path);
    }
    closedir(dh);
}

int walk_paths(char **roots, size_t nroots, const char *exts, file_list_t *out)
{
    visited_t v = {0};
    for (size_t i = 0; i < nroots; i++) {
        struct stat st;
        if (strcmp(roots[i], "-") == 0) {
            add_path(out, "-");
        } else if (stat(roots[i], &st) != 0) {
            add_path(out, roots[i]);   /* reading it fails: reported with the documents */
        } else if (S_ISDIR(st.st_mode)) {
            if (visit_once(&v, &st))
                walk_dir(roots[i], exts, &v, out);
        } else {
            add_path(out, roots[i]);   /* named explicitly: scanned whatever its extension */
        }
    }
    free(v.seen);
    return out->errors;
}

int read_files_from(const char *list, file_list_t *out)
{
    buf_t data;
    buf_init(&data);
    int rc = cli_read_input(list, &data);
    if (rc != 0) {
        cli_error(list, "%s", tr_errno(rc));
        buf_free(&data);
        return -1;
    }
    char *save = NULL;
    for (char *line = strtok_r(data.data ? data.data : "", "\r\n", &save); line;
         line = strtok_r(NULL, "\r\n", &save))
        if (*line)
            add_path(out, line);
    buf_free(&data);
    return 0;
}

static int by_path(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

void file_list_sort(file_list_t *l)
{
    if (l->n > 1)
        qsort(l->paths, l->n, sizeof *l->paths, by_path);
    /* The same file named twice (a folder and a file in it) is scanned once. */
    size_t w = 0;
    for (size_t r = 0; r < l->n; r++) {
        if (w > 0 && strcmp(l->paths[w - 1], l->paths[r]) == 0) {
            free(l->paths[r]);
            continue;
        }
        l->paths[w++] = l->paths[r];
    }
    l->n = w;
}

void file_list_free(file_list_t *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->paths[i]);
    free(l->paths);
    memset(l, 0, sizeof *l);
}

#define COMPANION_SUFFIX "起草说明"

/* Is `path` "X起草说明.ext" with "X.ext" also in the (sorted) list? */
static int is_companion(const file_list_t *l, const char *path)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    size_t stem = dot && (!slash || dot > slash) ? (size_t)(dot - path) : strlen(path);
    size_t sl = strlen(COMPANION_SUFFIX);
    if (stem < sl || memcmp(path + stem - sl, COMPANION_SUFFIX, sl) != 0)
        return 0;
    buf_t doc;
    buf_init(&doc);
    buf_append(&doc, path, stem - sl);
    buf_puts(&doc, path + stem);
    const char *key = doc.data;
    int found = bsearch(&key, l->paths, l->n, sizeof *l->paths, by_path) != NULL;
    buf_free(&doc);
    return found;
}

void file_list_drop_companions(file_list_t *l)
{
    size_t w = 0;
    char **keep = xcalloc(l->n, sizeof *keep);
    char **drop = xcalloc(l->n, sizeof *drop);
    size_t ndrop = 0;
    for (size_t r = 0; r < l->n; r++) {   /* decide all first: the list is searched */
        if (is_companion(l, l->paths[r]))
            drop[ndrop++] = l->paths[r];
        else
            keep[w++] = l->paths[r];
    }
    for (size_t r = 0; r < ndrop; r++)
        free(drop[r]);
    free(drop);
    free(l->paths);
    l->paths = keep;
    l->n = w;
    l->cap = l->n;
}
