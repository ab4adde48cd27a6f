/*
 * ruleset.c - parse rule files and tables, expand tables into patterns,
 * compile every pattern with PCRE2 (JIT where available).
 *
 * A rule file is a list of sections, one rule each:
 *
 *     # comment
 *     [HL-REPEALED-LAW]
 *     category = higher-law
 *     pattern  = 《(?<law>{{name|aliases}})》
 *
 * Values are taken raw (no escaping), so regexes read as in any regex
 * tester. Every problem is collected as FILE:LINE: message; a rule set
 * with any problem is not used.
 */
#include "ruleset.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "rules/builtin.h"
#include "util/buf.h"
#include "util/messages.h"
#include "util/sha256.h"

/* ---- diagnostics ------------------------------------------------------ */

static void diag(rule_diags_t *d, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void diag(rule_diags_t *d, const char *file, int line, const char *fmt, ...)
{
    d->items = grow_array(d->items, &d->cap, d->n + 1, sizeof *d->items);
    rule_diag_t *it = &d->items[d->n++];
    buf_t b;
    buf_init(&b);
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&b, tr(fmt), ap);   /* Chinese by default, like every message */
    va_end(ap);
    it->file = xstrdup(file);
    it->line = line;
    it->message = buf_steal(&b);
}

void rule_diags_free(rule_diags_t *d)
{
    for (size_t i = 0; i < d->n; i++) {
        free(d->items[i].file);
        free(d->items[i].message);
    }
    free(d->items);
    memset(d, 0, sizeof *d);
}

/* ---- names ------------------------------------------------------------ */

static const char *const CATEGORY_NAMES[CAT_COUNT] = {
    "validity", "higher-law", "ultra-vires", "fair-competition", "procedure", "drafting", "encoding",
};

const char *category_name(category_t c) { return CATEGORY_NAMES[c]; }

const char *severity_name(severity_t s)
{
    return s == SEV_ERROR ? "error" : s == SEV_WARNING ? "warning" : "info";
}

const char *severity_label(severity_t s, int english)
{
    if (english)
        return severity_name(s);
    return s == SEV_ERROR ? "错误" : s == SEV_WARNING ? "警告" : "提示";
}

const char *effect_name(effect_t e)
{
    static const char *const names[] = {"none", "extend", "amend", "repeal"};
    return names[e];
}

int severity_parse(const char *s, severity_t *out)
{
    for (int i = SEV_INFO; i <= SEV_ERROR; i++)
        if (strcmp(s, severity_name((severity_t)i)) == 0) {
            *out = (severity_t)i;
            return 0;
        }
    return -1;
}

static int lookup_name(const char *const *names, int n, const char *s)
{
    for (int i = 0; i < n; i++)
        if (strcmp(names[i], s) == 0)
            return i;
    return -1;
}

/* ---- tables ----------------------------------------------------------- */

/* Split one TSV line into cells. */
static char **split_tsv(const char *line, size_t len, size_t *ncells)
{
    char **cells = NULL;
    size_t cap = 0, n = 0, start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i == len || line[i] == '\t') {
            cells = grow_array(cells, &cap, n + 1, sizeof *cells);
            cells[n++] = xstrndup_trimmed(line + start, i - start);
            start = i + 1;
        }
    }
    *ncells = n;
    return cells;
}

static void free_cells(char **cells, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(cells[i]);
    free(cells);
}

static int parse_table(table_t *t, const char *text, size_t len, rule_diags_t *diags)
{
    size_t pos = 0, rcap = 0;
    int lineno = 0, errors = 0;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        pos = 3;
    while (pos < len) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len;
        const char *line = text + pos;
        size_t n = end - pos;
        pos = end + 1;
        lineno++;
        if (n == 0 || line[0] == '#' || (n == 1 && line[0] == '\r'))
            continue;
        size_t ncells;
        char **cells = split_tsv(line, n, &ncells);
        if (!t->columns) {
            t->columns = cells;
            t->ncolumns = ncells;
            continue;
        }
        if (ncells > t->ncolumns) {
            diag(diags, t->name, lineno, "row has %zu cells, the header names %zu columns",
                 ncells, t->ncolumns);
            errors++;
            free_cells(cells, ncells);
            continue;
        }
        /* Short rows are padded: trailing empty cells are often dropped by editors. */
        cells = xrealloc(cells, t->ncolumns * sizeof *cells);
        for (size_t k = ncells; k < t->ncolumns; k++)
            cells[k] = xstrdup("");
        t->rows = grow_array(t->rows, &rcap, t->nrows + 1, sizeof *t->rows);
        t->rows[t->nrows++] = cells;
    }
    if (!t->columns) {
        diag(diags, t->name, 1, "table has no header row");
        errors++;
    }
    return errors;
}

long table_column(const table_t *t, const char *name)
{
    for (size_t i = 0; i < t->ncolumns; i++)
        if (strcmp(t->columns[i], name) == 0)
            return (long)i;
    return -1;
}

/* Does `cell` (values separated by '|') hold `key` as one of its values? */
static int cell_has_value(const char *cell, const char *key, size_t len)
{
    const char *p = cell;
    while (*p) {
        const char *bar = strchr(p, '|');
        size_t n = bar ? (size_t)(bar - p) : strlen(p);
        if (n == len && memcmp(p, key, len) == 0)
            return 1;
        if (!bar)
            break;
        p = bar + 1;
    }
    return 0;
}

long table_find_row(const table_t *t, const long *cols, size_t ncols, const char *key,
                    size_t len)
{
    for (size_t r = 0; r < t->nrows; r++)
        for (size_t k = 0; k < ncols; k++)
            if (cols[k] >= 0 && cell_has_value(t->rows[r][cols[k]], key, len))
                return (long)r;
    return -1;
}

static const builtin_file_t *find_builtin(const char *name)
{
    for (size_t i = 0; i < builtin_file_count; i++)
        if (strcmp(builtin_files[i].name, name) == 0)
            return &builtin_files[i];
    return NULL;
}

/* Load a table once; later rules naming it share it. */
static const table_t *get_table(ruleset_t *rs, const char *name, const char *table_dir,
                                const char *file, int line, rule_diags_t *diags)
{
    /* Keyed by path: a user's laws.tsv is not the built-in laws.tsv. */
    buf_t key;
    buf_init(&key);
    buf_printf(&key, "%s/%s", table_dir ? table_dir : "rules", name);
    for (size_t i = 0; i < rs->ntables; i++)
        if (strcmp(rs->tables[i]->name, key.data) == 0) {
            buf_free(&key);
            return rs->tables[i];
        }
    if (strchr(name, '/') || strstr(name, "..")) {
        buf_free(&key);
        diag(diags, file, line, "table '%s': give a file name in the rules folder", name);
        return NULL;
    }
    buf_t data;
    buf_init(&data);
    if (table_dir) {
        buf_t path;
        buf_init(&path);
        buf_printf(&path, "%s/%s", table_dir, name);
        int rc = read_file(path.data, &data);
        if (rc != 0) {
            diag(diags, file, line, "table '%s': %s", path.data, tr_errno(rc));
            buf_free(&path);
            buf_free(&data);
            buf_free(&key);
            return NULL;
        }
        buf_free(&path);
    } else {
        const builtin_file_t *bf = find_builtin(name);
        if (!bf) {
            diag(diags, file, line, "table '%s' is not among the built-in rule files", name);
            buf_free(&key);
            return NULL;
        }
        buf_append(&data, bf->data, bf->len);
    }
    rs->tables = grow_array(rs->tables, &rs->tcap, rs->ntables + 1, sizeof *rs->tables);
    table_t *t = xcalloc(1, sizeof *t);
    rs->tables[rs->ntables] = t;
    t->name = buf_steal(&key);
    sha256_add(rs->hash, t->name, strlen(t->name) + 1);
    sha256_add(rs->hash, data.data ? data.data : "", data.len);
    int errors = parse_table(t, data.data ? data.data : "", data.len, diags);
    buf_free(&data);
    rs->ntables++;
    return errors ? NULL : t;
}

/* ---- pattern helpers -------------------------------------------------- */

static void append_regex_quoted(buf_t *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (strchr("\\^$.|?*+()[]{}# ", s[i]))
            buf_putc(b, '\\');
        buf_putc(b, s[i]);
    }
}

typedef struct {
    const char *s;
    size_t n;
} strref_t;

static int by_length_desc(const void *a, const void *b)
{
    const strref_t *x = a, *y = b;
    if (x->n != y->n)
        return x->n < y->n ? 1 : -1;
    return memcmp(x->s, y->s, x->n < y->n ? x->n : y->n);
}

/*
 * {{col1|col2}} -> (?:v1|v2|...) from the rule's table, longest first. The
 * first placeholder's columns are where a matched text is looked up again
 * to find its row (so a law named in another row's replaced_by column
 * never picks that row).
 */
static int expand_placeholder(buf_t *out, rule_t *r, const table_t *t, const char *cols,
                              size_t ncols, const char *file, int line, rule_diags_t *diags)
{
    strref_t *vals = NULL;
    size_t nvals = 0, cap = 0;
    const char *p = cols, *end = cols + ncols;
    while (p < end) {
        const char *bar = memchr(p, '|', (size_t)(end - p));
        size_t n = bar ? (size_t)(bar - p) : (size_t)(end - p);
        char *col = xstrndup_trimmed(p, n);
        long c = table_column(t, col);
        if (c < 0) {
            diag(diags, file, line, "table '%s' has no column '%s'", t->name, col);
            free(col);
            free(vals);
            return -1;
        }
        free(col);
        if (r->nkey_columns < sizeof r->key_columns / sizeof *r->key_columns &&
            !r->key_columns_fixed)
            r->key_columns[r->nkey_columns++] = c;
        for (size_t row = 0; row < t->nrows; row++) {
            const char *v = t->rows[row][c];
            while (*v) {
                const char *vb = strchr(v, '|');
                size_t vn = vb ? (size_t)(vb - v) : strlen(v);
                if (vn) {
                    vals = grow_array(vals, &cap, nvals + 1, sizeof *vals);
                    vals[nvals++] = (strref_t){v, vn};
                }
                if (!vb)
                    break;
                v = vb + 1;
            }
        }
        p = bar ? bar + 1 : end;
    }
    if (nvals == 0) {
        diag(diags, file, line, "table '%s' gives no values for {{%.*s}}", t->name, (int)ncols,
             cols);
        free(vals);
        return -1;
    }
    r->key_columns_fixed = 1;
    qsort(vals, nvals, sizeof *vals, by_length_desc);
    buf_puts(out, "(?:");
    for (size_t i = 0; i < nvals; i++) {
        if (i && vals[i].n == vals[i - 1].n && memcmp(vals[i].s, vals[i - 1].s, vals[i].n) == 0)
            continue;   /* the same alias in two rows */
        if (out->data[out->len - 1] != ':')
            buf_putc(out, '|');
        append_regex_quoted(out, vals[i].s, vals[i].n);
    }
    buf_putc(out, ')');
    free(vals);
    return 0;
}

static char *expand_tables(rule_t *r, const char *src, const table_t *t, const char *file,
                           int line, rule_diags_t *diags)
{
    buf_t out;
    buf_init(&out);
    const char *p = src;
    for (;;) {
        const char *open = strstr(p, "{{");
        if (!open) {
            buf_puts(&out, p);
            break;
        }
        const char *close = strstr(open + 2, "}}");
        if (!close) {
            diag(diags, file, line, "'{{' without '}}' in pattern");
            buf_free(&out);
            return NULL;
        }
        buf_append(&out, p, (size_t)(open - p));
        if (!t) {
            diag(diags, file, line, "pattern uses {{...}} but the rule names no table");
            buf_free(&out);
            return NULL;
        }
        if (expand_placeholder(&out, r, t, open + 2, (size_t)(close - open - 2), file, line,
                               diags) != 0) {
            buf_free(&out);
            return NULL;
        }
        p = close + 2;
    }
    return buf_steal(&out);
}

/* Does an inline option group such as (?i), (?si) or (?x-m: set `flag`? */
static int has_inline_flag(const char *re, char flag)
{
    for (const char *p = strstr(re, "(?"); p; p = strstr(p + 2, "(?")) {
        const char *q = p + 2;
        int set = 0;
        while (*q && strchr("imnsxJU^-", *q))
            if (*q++ == flag)
                set = 1;
        if (set && (*q == ')' || *q == ':'))
            return 1;
    }
    return 0;
}

/*
 * The longest literal every match must contain, for the prefilter: the
 * longest run of plain characters outside groups, classes and optional
 * parts. Gives up (NULL) on top-level alternation and on inline flags
 * such as (?i) that would make a literal test wrong.
 */
static char *required_literal(const char *re)
{
    if (has_inline_flag(re, 'i') || has_inline_flag(re, 'x') || strstr(re, "\\Q"))
        return NULL;
    buf_t run, best;
    buf_init(&run);
    buf_init(&best);
    int depth = 0;
    size_t last_char = 0;   /* where the run's last character starts */
    for (const char *p = re; *p;) {
        unsigned char c = (unsigned char)*p;
        int plain = 0;
        size_t clen = 1;
        if (c == '\\') {
            if (!p[1])
                break;
            if ((p[1] >= 'a' && p[1] <= 'z') || (p[1] >= 'A' && p[1] <= 'Z') ||
                (p[1] >= '0' && p[1] <= '9')) {
                /* \d, \p{Han}, \x{3000}, back-references: not literal */
                p += 2;
                /* \p{Han}, \x{3000}, \g{1}, \k<name>, \k'name': skip the argument */
                char close = *p == '{' ? '}' : *p == '<' ? '>' : *p == '\'' ? '\'' : 0;
                if (close)
                    for (p++; *p && *p++ != close;)
                        ;
                goto breaks_run;
            }
            if (depth == 0) {
                last_char = run.len;
                buf_putc(&run, p[1]);
            }
            p += 2;
            continue;
        }
        if (c == '[') {
            p++;
            if (*p == '^')
                p++;
            if (*p == ']')
                p++;
            while (*p && *p != ']') {
                if (p[0] == '[' && p[1] == ':') {   /* [:digit:] inside a class */
                    const char *end = strstr(p + 2, ":]");
                    if (end) {
                        p = end + 2;
                        continue;
                    }
                }
                p += (*p == '\\' && p[1]) ? 2 : 1;
            }
            if (*p)
                p++;
            goto breaks_run;
        }
        if (c == '|' && depth == 0) {
            buf_free(&run);
            buf_free(&best);
            return NULL;
        }
        if (c == '(' || c == ')') {
            depth += c == '(' ? 1 : -1;
            p++;
            goto breaks_run;
        }
        if (c == '?' || c == '*' || c == '{') {
            /* The character before is optional: it leaves the run. */
            if (run.len)
                run.len = last_char;
            p++;
            if (c == '{')
                while (*p && *p++ != '}')
                    ;
            goto breaks_run;
        }
        if (c == '+' || c == '.' || c == '^' || c == '$' || c == '|') {
            p++;
            goto breaks_run;
        }
        plain = 1;
        clen = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (depth == 0 && plain) {
            last_char = run.len;
            buf_append(&run, p, clen);
        }
        p += clen;
        continue;
    breaks_run:
        if (run.len > best.len) {
            buf_free(&best);
            best = run;
            buf_init(&run);
        }
        run.len = 0;
    }
    if (run.len > best.len) {
        buf_free(&best);
        best = run;
        buf_init(&run);
    }
    buf_free(&run);
    if (best.len < 3) {   /* one ASCII byte would filter nothing */
        buf_free(&best);
        return NULL;
    }
    best.data[best.len] = '\0';
    return buf_steal(&best);
}

static pcre2_code *compile_pattern(const char *src, const char *what, const char *file,
                                   int line, rule_diags_t *diags, int *jit)
{
    int err;
    PCRE2_SIZE off;
    pcre2_code *code = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED,
                                     PCRE2_UTF | PCRE2_UCP | PCRE2_MULTILINE, &err, &off, NULL);
    if (!code) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(err, msg, sizeof msg);
        diag(diags, file, line, "%s: %s at offset %zu", what, (const char *)msg, (size_t)off);
        return NULL;
    }
    /* Without JIT (some platforms) PCRE2 interprets: slower, same answers. */
    if (pcre2_jit_compile(code, PCRE2_JIT_COMPLETE) != 0)
        *jit = 0;
    return code;
}

/* ---- rules ------------------------------------------------------------ */

/* What a section gathers before it becomes a rule. */
typedef struct {
    rule_t r;
    const char *file;
    int line;
    int have_category, have_severity, have_effect, have_kind;
    char *table_name;
    int table_line, pattern_line, when_line, unless_line, exclude_line;
} draft_t;

static void rule_free_fields(rule_t *r)
{
    free(r->id);
    free(r->check);
    free(r->pattern_src);
    free(r->when_src);
    free(r->unless_src);
    free(r->exclude_src);
    pcre2_code_free(r->pattern);
    pcre2_code_free(r->when);
    pcre2_code_free(r->unless);
    pcre2_code_free(r->exclude);
    free(r->message);
    free(r->message_en);
    free(r->basis);
    free(r->help);
    for (size_t i = 0; i < r->nrequires; i++)
        free(r->requires[i]);
    free(r->requires);
    free(r->table_key);
    free(r->table_date);
    for (size_t i = 0; i < r->nexamples; i++)
        free(r->examples[i].text);
    free(r->examples);
    free(r->example_as_of);
    free(r->example_register);
    free(r->file);
}

static int valid_rule_id(const char *id)
{
    if (!(*id >= 'A' && *id <= 'Z'))
        return 0;
    for (const char *p = id; *p; p++)
        if (!((*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '-'))
            return 0;
    return id[strlen(id) - 1] != '-';
}

static int hex_value(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
         : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/*
 * In example values "\n" stands for a line break and "\xHH" for a raw byte
 * (to show what an encoding rule catches); everything else is literal.
 */
static char *unescape_example(const char *v)
{
    buf_t b;
    buf_init(&b);
    for (; *v; v++) {
        if (v[0] == '\\' && v[1] == 'n') {
            buf_putc(&b, '\n');
            v++;
        } else if (v[0] == '\\' && v[1] == 'f') {   /* separates the documents of a batch */
            buf_putc(&b, '\f');
            v++;
        } else if (v[0] == '\\' && v[1] == 'x' && hex_value(v[2]) >= 0 && hex_value(v[3]) >= 0) {
            buf_putc(&b, (char)(hex_value(v[2]) * 16 + hex_value(v[3])));
            v += 3;
        } else
            buf_putc(&b, *v);
    }
    return buf_steal(&b);
}

static void set_string(char **field, const char *value, const char *key, draft_t *d, int line,
                       rule_diags_t *diags)
{
    if (*field) {
        diag(diags, d->file, line, "'%s' is given twice in rule %s", key, d->r.id);
        return;
    }
    *field = xstrdup(value);
}

static void add_example(draft_t *d, const char *value, int should_match, int line)
{
    size_t cap = d->r.nexamples;
    d->r.examples = grow_array(d->r.examples, &cap, d->r.nexamples + 1, sizeof *d->r.examples);
    d->r.examples[d->r.nexamples++] = (rule_example_t){unescape_example(value), should_match, line};
}

static void set_key(draft_t *d, const char *key, const char *value, int line, rule_diags_t *diags)
{
    static const char *const kinds[] = {"match", "absence", "check"};
    static const char *const scopes[] = {"all", "title", "body", "closing"};
    static const char *const effects[] = {"none", "extend", "amend", "repeal"};
    rule_t *r = &d->r;
    int v;
    if (strcmp(key, "category") == 0) {
        if ((v = lookup_name(CATEGORY_NAMES, CAT_COUNT, value)) < 0)
            diag(diags, d->file, line, "unknown category '%s' (validity, higher-law, "
                 "ultra-vires, fair-competition, procedure, drafting, encoding)", value);
        else
            r->category = (category_t)v, d->have_category = 1;
    } else if (strcmp(key, "severity") == 0) {
        severity_t s;
        if (severity_parse(value, &s) != 0)
            diag(diags, d->file, line, "unknown severity '%s' (error, warning, info)", value);
        else
            r->severity = s, d->have_severity = 1;
    } else if (strcmp(key, "effect") == 0) {
        if ((v = lookup_name(effects, 4, value)) < 0)
            diag(diags, d->file, line, "unknown effect '%s' (repeal, amend, extend, none)",
                 value);
        else
            r->effect = (effect_t)v, d->have_effect = 1;
    } else if (strcmp(key, "kind") == 0) {
        if ((v = lookup_name(kinds, 3, value)) < 0)
            diag(diags, d->file, line, "unknown kind '%s' (match, absence, check)", value);
        else
            r->kind = (rule_kind_t)v, d->have_kind = 1;
    } else if (strcmp(key, "scope") == 0) {
        if ((v = lookup_name(scopes, 4, value)) < 0)
            diag(diags, d->file, line, "unknown scope '%s' (all, title, body, closing)", value);
        else
            r->scope = (scope_t)v;
    } else if (strcmp(key, "pattern") == 0) {
        set_string(&r->pattern_src, value, key, d, line, diags);
        d->pattern_line = line;
    } else if (strcmp(key, "when") == 0) {
        set_string(&r->when_src, value, key, d, line, diags);
        d->when_line = line;
    } else if (strcmp(key, "unless") == 0) {
        set_string(&r->unless_src, value, key, d, line, diags);
        d->unless_line = line;
    } else if (strcmp(key, "exclude") == 0) {
        set_string(&r->exclude_src, value, key, d, line, diags);
        d->exclude_line = line;
    } else if (strcmp(key, "message") == 0) {
        set_string(&r->message, value, key, d, line, diags);
    } else if (strcmp(key, "message.en") == 0) {
        set_string(&r->message_en, value, key, d, line, diags);
    } else if (strcmp(key, "basis") == 0) {
        set_string(&r->basis, value, key, d, line, diags);
    } else if (strcmp(key, "help") == 0) {
        set_string(&r->help, value, key, d, line, diags);
    } else if (strcmp(key, "check") == 0) {
        set_string(&r->check, value, key, d, line, diags);
    } else if (strcmp(key, "table") == 0) {
        set_string(&d->table_name, value, key, d, line, diags);
        d->table_line = line;
    } else if (strcmp(key, "table.key") == 0) {
        set_string(&r->table_key, value, key, d, line, diags);
    } else if (strcmp(key, "table.date") == 0) {
        set_string(&r->table_date, value, key, d, line, diags);
    } else if (strcmp(key, "issued") == 0) {
        if (strcmp(value, "before") == 0)
            r->issued_cond = ISSUED_BEFORE;
        else if (strcmp(value, "on-or-after") == 0)
            r->issued_cond = ISSUED_ON_OR_AFTER;
        else
            diag(diags, d->file, line, "unknown issued '%s' (before, on-or-after)", value);
    } else if (strcmp(key, "requires") == 0) {
        size_t cap = r->nrequires;
        r->requires = grow_array(r->requires, &cap, r->nrequires + 1, sizeof *r->requires);
        r->requires[r->nrequires++] = xstrdup(value);
    } else if (strcmp(key, "example.match") == 0) {
        add_example(d, value, 1, line);
    } else if (strcmp(key, "example.nomatch") == 0) {
        add_example(d, value, 0, line);
    } else if (strcmp(key, "example.mode") == 0) {
        if (strcmp(value, "check") == 0)
            r->example_prepublication = 1;
        else if (strcmp(value, "scan") != 0)
            diag(diags, d->file, line, "unknown example.mode '%s' (scan, check)", value);
    } else if (strcmp(key, "example.register") == 0) {
        if (r->example_register)
            diag(diags, d->file, line, "'%s' is given twice in rule %s", key, r->id);
        else
            r->example_register = unescape_example(value);
    } else if (strcmp(key, "example.as-of") == 0) {
        set_string(&r->example_as_of, value, key, d, line, diags);
    } else {
        diag(diags, d->file, line, "unknown key '%s' in rule %s", key, r->id);
    }
}

/* Where the rule already is, or -1. */
static long index_of(const ruleset_t *rs, const char *id)
{
    for (size_t i = 0; i < rs->nrules; i++)
        if (strcmp(rs->rules[i].id, id) == 0)
            return (long)i;
    return -1;
}

static int check_required(draft_t *d, rule_diags_t *diags)
{
    rule_t *r = &d->r;
    size_t before = diags->n, matches = 0, nomatches = 0;
    if (!d->have_category)
        diag(diags, d->file, d->line, "rule %s has no 'category'", r->id);
    if (!d->have_severity)
        diag(diags, d->file, d->line, "rule %s has no 'severity'", r->id);
    if (!d->have_effect)
        diag(diags, d->file, d->line, "rule %s has no 'effect'", r->id);
    if (!r->message || !r->message_en)
        diag(diags, d->file, d->line, "rule %s needs both 'message' and 'message.en'", r->id);
    if (!r->basis)
        diag(diags, d->file, d->line, "rule %s has no 'basis' (its legal basis)", r->id);
    if (r->check && !d->have_kind)
        r->kind = RULE_CHECK;
    if (r->kind == RULE_CHECK && !r->check)
        diag(diags, d->file, d->line, "rule %s is kind 'check' but names no 'check'", r->id);
    if (r->kind != RULE_CHECK && !r->pattern_src)
        diag(diags, d->file, d->line, "rule %s has no 'pattern'", r->id);
    if (r->kind != RULE_CHECK && r->check)
        diag(diags, d->file, d->line, "rule %s: 'check' goes only with kind = check", r->id);
    for (size_t i = 0; i < r->nexamples; i++)
        r->examples[i].should_match ? matches++ : nomatches++;
    if (!matches || !nomatches)
        diag(diags, d->file, d->line,
             "rule %s needs at least one 'example.match' and one 'example.nomatch'", r->id);
    if (r->table_key && !d->table_name)
        diag(diags, d->file, d->line, "rule %s has 'table.key' but no 'table'", r->id);
    if ((r->issued_cond || r->table_date) && !(r->table_key && r->table_date && r->issued_cond))
        diag(diags, d->file, d->line,
             "rule %s: 'issued', 'table.date' and 'table.key' go together", r->id);
    return diags->n != before;
}

static int compile_rule(ruleset_t *rs, draft_t *d, const char *table_dir, rule_diags_t *diags)
{
    rule_t *r = &d->r;
    size_t before = diags->n;
    int jit = 1;
    if (d->table_name)
        r->table = get_table(rs, d->table_name, table_dir, d->file, d->table_line, diags);
    if (diags->n != before)
        return 1;
    if (r->pattern_src) {
        char *expanded =
            expand_tables(r, r->pattern_src, r->table, d->file, d->pattern_line, diags);
        if (!expanded)
            return 1;
        free(r->pattern_src);
        r->pattern_src = expanded;
        r->pattern = compile_pattern(expanded, "pattern", d->file, d->pattern_line, diags, &jit);
    }
    if (r->when_src)
        r->when = compile_pattern(r->when_src, "when", d->file, d->when_line, diags, &jit);
    if (r->unless_src)
        r->unless = compile_pattern(r->unless_src, "unless", d->file, d->unless_line, diags, &jit);
    if (r->exclude_src)
        r->exclude =
            compile_pattern(r->exclude_src, "exclude", d->file, d->exclude_line, diags, &jit);
    if (diags->n != before)
        return 1;
    if (r->table_key && pcre2_substring_number_from_name(
                            r->pattern, (PCRE2_SPTR)r->table_key) < 0) {
        diag(diags, d->file, d->line, "rule %s: 'table.key' names group '%s' that the pattern "
             "does not have", r->id, r->table_key);
        return 1;
    }
    if (r->table_date && r->table && table_column(r->table, r->table_date) < 0) {
        diag(diags, d->file, d->line, "rule %s: table '%s' has no column '%s'", r->id,
             r->table->name, r->table_date);
        return 1;
    }
    if (r->pattern) {
        uint32_t n = 0;
        pcre2_pattern_info(r->pattern, PCRE2_INFO_CAPTURECOUNT, &n);
        if (n + 1 > rs->max_captures)
            rs->max_captures = n + 1;
        if (r->nrequires == 0 && r->kind == RULE_MATCH) {
            char *lit = required_literal(r->pattern_src);
            if (lit) {
                r->requires = xmalloc(sizeof *r->requires);
                r->requires[0] = lit;
                r->nrequires = 1;
            }
        }
    }
    if (!jit)
        rs->jit = 0;
    return 0;
}

/* A finished section becomes a rule, replaces a built-in one, or is an error. */
static int finish_rule(ruleset_t *rs, draft_t *d, const char *table_dir, int builtin,
                       rule_diags_t *diags)
{
    rule_t *r = &d->r;
    int failed = check_required(d, diags) || compile_rule(rs, d, table_dir, diags);
    long at = index_of(rs, r->id);
    if (!failed && at >= 0 && (rs->rules[at].builtin == builtin)) {
        diag(diags, d->file, d->line, "duplicate rule id %s (first defined at %s:%d)", r->id,
             rs->rules[at].file, rs->rules[at].line);
        failed = 1;
    }
    free(d->table_name);
    if (failed) {
        rule_free_fields(r);
        return 1;
    }
    r->file = xstrdup(d->file);
    r->line = d->line;
    r->builtin = builtin;
    if (at >= 0) {   /* a user's rule replaces the built-in one with its id */
        rule_free_fields(&rs->rules[at]);
        rs->rules[at] = *r;
    } else {
        rs->rules = grow_array(rs->rules, &rs->cap, rs->nrules + 1, sizeof *rs->rules);
        rs->rules[rs->nrules++] = *r;
    }
    return 0;
}

static void start_draft(draft_t *d, const char *file, int line, const char *id)
{
    memset(d, 0, sizeof *d);
    d->file = file;
    d->line = line;
    d->r.id = xstrdup(id);
    d->r.severity = SEV_WARNING;
}

int ruleset_load_text(ruleset_t *rs, const char *name, const char *text, size_t len,
                      const char *table_dir, int builtin, rule_diags_t *diags)
{
    size_t before = diags->n, pos = 0;
    int lineno = 0, in_rule = 0, failed = 0;
    sha256_add(rs->hash, name, strlen(name) + 1);   /* the name too: moving a rule changes it */
    sha256_add(rs->hash, text, len);
    draft_t d;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        pos = 3;
    while (pos < len) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len;
        char *line = xstrndup_trimmed(text + pos, end - pos);
        pos = end + 1;
        lineno++;
        if (line[0] == '\0' || line[0] == '#') {
            free(line);
            continue;
        }
        size_t n = strlen(line);
        if (line[0] == '[') {
            if (in_rule)
                failed += finish_rule(rs, &d, table_dir, builtin, diags);
            in_rule = 0;
            char *id = n > 2 && line[n - 1] == ']' ? xstrndup_trimmed(line + 1, n - 2) : NULL;
            if (!id || !valid_rule_id(id)) {
                diag(diags, name, lineno, "bad rule header '%s': expected [RULE-ID] in capitals, "
                     "digits and '-'", line);
                failed++;
            } else {
                start_draft(&d, name, lineno, id);
                in_rule = 1;
            }
            free(id);
            free(line);
            continue;
        }
        char *eq = strchr(line, '=');
        if (!eq) {
            diag(diags, name, lineno, "expected 'key = value', a [RULE-ID] header or a # comment");
        } else if (!in_rule) {
            char *key = xstrndup_trimmed(line, (size_t)(eq - line));
            diag(diags, name, lineno, "'%s' stands outside a [RULE-ID] section", key);
            free(key);
        } else {
            char *key = xstrndup_trimmed(line, (size_t)(eq - line));
            char *value = xstrndup_trimmed(eq + 1, strlen(eq + 1));
            set_key(&d, key, value, lineno, diags);
            free(key);
            free(value);
        }
        free(line);
    }
    if (in_rule)
        failed += finish_rule(rs, &d, table_dir, builtin, diags);
    (void)failed;
    return (int)(diags->n - before);
}

ruleset_t *ruleset_new(void)
{
    ruleset_t *rs = xcalloc(1, sizeof *rs);
    rs->jit = 1;
    rs->hash = sha256_begin();
    rs->max_captures = 1;
    return rs;
}

const char *ruleset_hash(ruleset_t *rs)
{
    if (rs->hash) {
        sha256_end(rs->hash, rs->hash_hex);
        rs->hash = NULL;
    }
    return rs->hash_hex;
}

void ruleset_free(ruleset_t *rs)
{
    if (!rs)
        return;
    if (rs->hash)
        ruleset_hash(rs);   /* finishing frees the context */
    for (size_t i = 0; i < rs->nrules; i++)
        rule_free_fields(&rs->rules[i]);
    free(rs->rules);
    for (size_t i = 0; i < rs->ntables; i++) {
        table_t *t = rs->tables[i];
        for (size_t r = 0; r < t->nrows; r++)
            free_cells(t->rows[r], t->ncolumns);
        free(t->rows);
        free_cells(t->columns, t->ncolumns);
        free(t->name);
        free(t);
    }
    free(rs->tables);
    free(rs);
}

static int ends_in(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

int ruleset_load_builtin(ruleset_t *rs, rule_diags_t *diags)
{
    int errors = 0;
    for (size_t i = 0; i < builtin_file_count; i++) {
        const builtin_file_t *f = &builtin_files[i];
        if (!ends_in(f->name, ".rules"))
            continue;
        buf_t name;
        buf_init(&name);
        buf_printf(&name, "rules/%s", f->name);
        errors += ruleset_load_text(rs, name.data, f->data, f->len, NULL, 1, diags);
        buf_free(&name);
    }
    return errors;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int ruleset_load_dir(ruleset_t *rs, const char *dir, rule_diags_t *diags)
{
    DIR *dh = opendir(dir);
    if (!dh) {
        diag(diags, dir, 0, "cannot open rules folder: %s", tr_errno(errno));
        return 1;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(dh)) != NULL)
        if (e->d_name[0] != '.' && ends_in(e->d_name, ".rules")) {
            names = grow_array(names, &cap, n + 1, sizeof *names);
            names[n++] = xstrdup(e->d_name);
        }
    closedir(dh);
    if (n > 1)
        qsort(names, n, sizeof *names, by_name);   /* a stable order, whatever readdir says */
    int errors = 0;
    for (size_t i = 0; i < n; i++) {
        buf_t path, data;
        buf_init(&path);
        buf_init(&data);
        buf_printf(&path, "%s/%s", dir, names[i]);
        int rc = read_file(path.data, &data);
        if (rc != 0) {
            diag(diags, path.data, 0, "%s", tr_errno(rc));
            errors++;
        } else {
            errors += ruleset_load_text(rs, path.data, data.data, data.len, dir, 0, diags);
        }
        buf_free(&path);
        buf_free(&data);
        free(names[i]);
    }
    free(names);
    if (n == 0) {
        diag(diags, dir, 0, "no *.rules files in this folder");
        errors++;
    }
    return errors;
}

const rule_t *ruleset_find(const ruleset_t *rs, const char *id)
{
    long at = index_of(rs, id);
    return at >= 0 ? &rs->rules[at] : NULL;
}

const rule_t *ruleset_find_check(const ruleset_t *rs, const char *check)
{
    for (size_t i = 0; i < rs->nrules; i++)
        if (rs->rules[i].check && strcmp(rs->rules[i].check, check) == 0)
            return &rs->rules[i];
    return NULL;
}
