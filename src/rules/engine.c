/*
 * engine.c - apply match and absence rules to a document.
 *
 * Per rule: the prefilter (a literal every match must contain) skips rules
 * that cannot match; `when`/`unless` decide whether the rule applies to
 * this document at all; then every match in the rule's scope becomes a
 * finding, unless the sentence around it matches `exclude`.
 */
#include "engine.h"

#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

struct matcher {
    pcre2_match_data *md;
    pcre2_match_data *md_aux;   /* for `exclude`, so the main ovector survives */
    pcre2_match_context *mctx;
    pcre2_jit_stack *jit_stack;
};

matcher_t *matcher_new(const ruleset_t *rs)
{
    matcher_t *m = xcalloc(1, sizeof *m);
    m->md = pcre2_match_data_create(rs->max_captures + 1, NULL);
    m->md_aux = pcre2_match_data_create(1, NULL);
    m->mctx = pcre2_match_context_create(NULL);
    /* Deeply nested alternations in table-driven patterns need more than the default 32K. */
    m->jit_stack = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL);
    if (!m->md || !m->md_aux || !m->mctx || !m->jit_stack) {
        fprintf(stderr, "normlint: out of memory creating PCRE2 match data\n");
        exit(2);
    }
    pcre2_jit_stack_assign(m->mctx, NULL, m->jit_stack);
    return m;
}

void matcher_free(matcher_t *m)
{
    if (!m)
        return;
    pcre2_match_data_free(m->md);
    pcre2_match_data_free(m->md_aux);
    pcre2_match_context_free(m->mctx);
    pcre2_jit_stack_free(m->jit_stack);
    free(m);
}

/* Match `code` in text[start, end); returns the PCRE2 result (> 0: match). */
static int match_at(matcher_t *m, const pcre2_code *code, const char *text, size_t end,
                    size_t start)
{
    return pcre2_match(code, (PCRE2_SPTR)text, end, start, PCRE2_NO_UTF_CHECK, m->md, m->mctx);
}

static int matches_anywhere(matcher_t *m, const pcre2_code *code, const char *text, size_t len)
{
    return match_at(m, code, text, len, 0) > 0;
}

static span_t rule_span(const rule_t *r, const document_t *doc)
{
    switch (r->scope) {
    case SCOPE_TITLE:
        return doc->part[PART_TITLE];
    case SCOPE_BODY:
        return doc->part[PART_BODY];
    case SCOPE_CLOSING:
        return doc->part[PART_CLOSING];
    case SCOPE_ALL:
        break;
    }
    return (span_t){0, doc->norm.len};
}

static int passes_prefilter(const rule_t *r, const char *text, span_t s)
{
    if (r->nrequires == 0)
        return 1;
    for (size_t i = 0; i < r->nrequires; i++)
        if (memmem(text + s.start, s.end - s.start, r->requires[i], strlen(r->requires[i])))
            return 1;
    return 0;
}

char *render_message(const char *tmpl, const placeholder_t *vars, size_t nvars)
{
    buf_t b;
    buf_init(&b);
    for (const char *p = tmpl; *p;) {
        const char *close = p[0] == '{' ? strchr(p, '}') : NULL;
        if (close) {
            size_t n = (size_t)(close - p - 1);
            size_t i;
            for (i = 0; i < nvars; i++)
                if (strlen(vars[i].name) == n && memcmp(vars[i].name, p + 1, n) == 0)
                    break;
            if (i < nvars) {
                buf_puts(&b, vars[i].value);
                p = close + 1;
                continue;
            }
        }
        buf_putc(&b, *p++);
    }
    return buf_steal(&b);
}

/* Byte offset of 1-based character column `col` in a line of `len` bytes. */
static size_t column_offset(const char *line, size_t len, size_t col)
{
    size_t off = 0;
    for (size_t c = 1; c < col && off < len; c++) {
        int clen;
        utf8_next(line + off, line + len, &clen);
        off += (size_t)clen;
    }
    return off < len ? off : len;
}

/*
 * The span as the user wrote it (full-width digits and all), taken from the
 * original lines by line and column, so an excerpt can be searched for in
 * the file. Lines of a multi-line span are joined with '\n'.
 */
static char *original_excerpt(const document_t *doc, position_t from, position_t to)
{
    buf_t b;
    buf_init(&b);
    for (size_t line = from.line; line <= to.line; line++) {
        size_t len;
        const char *text = document_line(doc, line, &len);
        size_t a = line == from.line ? column_offset(text, len, from.column) : 0;
        size_t z = line == to.line ? column_offset(text, len, to.column) : len;
        if (line > from.line)
            buf_putc(&b, '\n');
        if (z > a)
            buf_append(&b, text + a, z - a);
    }
    return buf_steal(&b);
}

static void add_finding(findings_t *out, const rule_t *r, const document_t *doc, size_t start,
                        size_t end, const placeholder_t *vars, size_t nvars)
{
    out->items = grow_array(out->items, &out->cap, out->n + 1, sizeof *out->items);
    finding_t *f = &out->items[out->n++];
    f->rule = r;
    f->start = start;
    f->end = end;
    normalized_span(&doc->norm, start, end, &f->from, &f->to);
    f->message = render_message(r->message, vars, nvars);
    f->message_en = render_message(r->message_en, vars, nvars);
    f->excerpt = original_excerpt(doc, f->from, f->to);
}

/* Bytes of the sentence around [start, end): up to 。；！？ or a line end. */
static span_t sentence_around(const char *text, size_t len, size_t start, size_t end)
{
    static const char *const stops[] = {"。", "；", "！", "？"};
    size_t a = start, b = end;
    while (a > 0 && text[a - 1] != '\n') {
        int stop = 0;
        for (size_t i = 0; i < 4 && !stop; i++)
            stop = a >= 3 && memcmp(text + a - 3, stops[i], 3) == 0;
        if (stop)
            break;
        a--;
    }
    while (b < len && text[b] != '\n') {
        int stop = 0;
        for (size_t i = 0; i < 4 && !stop; i++)
            stop = b + 3 <= len && memcmp(text + b, stops[i], 3) == 0;
        if (stop)
            break;
        b++;
    }
    return (span_t){a, b};
}

span_t engine_sentence(const document_t *doc, size_t start, size_t end)
{
    return sentence_around(doc->norm.text, doc->norm.len, start, end);
}

static int sentence_matches(matcher_t *m, const pcre2_code *exclude, const document_t *doc,
                            size_t start, size_t end)
{
    if (!exclude)
        return 0;
    span_t s = sentence_around(doc->norm.text, doc->norm.len, start, end);
    return pcre2_match(exclude, (PCRE2_SPTR)doc->norm.text, s.end, s.start,
                       PCRE2_NO_UTF_CHECK, m->md_aux, m->mctx) > 0;
}

static int excluded(matcher_t *m, const rule_t *r, const document_t *doc, size_t start,
                    size_t end)
{
    return sentence_matches(m, r->exclude, doc, start, end);
}

int engine_find_pattern(const pcre2_code *code, const pcre2_code *exclude, matcher_t *m,
                        const document_t *doc, span_t *found)
{
    size_t pos = 0;
    while (code && pos <= doc->norm.len) {
        if (match_at(m, code, doc->norm.text, doc->norm.len, pos) <= 0)
            return 0;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);
        size_t a = ov[0], b = ov[1];
        if (!sentence_matches(m, exclude, doc, a, b)) {
            *found = (span_t){a, b};
            return 1;
        }
        pos = b > a ? b : a + 1;
        while (pos < doc->norm.len && ((unsigned char)doc->norm.text[pos] & 0xC0) == 0x80)
            pos++;
    }
    return 0;
}

/* Named groups of the current match, plus {table.column} of the matched row (*row). */
static size_t collect_placeholders(const rule_t *r, const document_t *doc, const PCRE2_SIZE *ov,
                                   placeholder_t *vars, char **owned, size_t max, long *row_out)
{
    uint32_t count = 0, entry_size = 0;
    PCRE2_SPTR table;
    size_t n = 0;
    pcre2_pattern_info(r->pattern, PCRE2_INFO_NAMECOUNT, &count);
    pcre2_pattern_info(r->pattern, PCRE2_INFO_NAMEENTRYSIZE, &entry_size);
    pcre2_pattern_info(r->pattern, PCRE2_INFO_NAMETABLE, &table);
    long row = -1;
    for (uint32_t i = 0; i < count && n < max; i++) {
        PCRE2_SPTR e = table + i * entry_size;
        int group = (e[0] << 8) | e[1];
        const char *name = (const char *)e + 2;
        PCRE2_SIZE s = ov[2 * group], t = ov[2 * group + 1];
        char *value = s == PCRE2_UNSET ? xstrdup("") : xstrndup(doc->norm.text + s, t - s);
        if (r->table && r->table_key && strcmp(name, r->table_key) == 0)
            row = table_find_row(r->table, r->key_columns, r->nkey_columns, value,
                                 strlen(value));
        owned[n] = value;
        vars[n++] = (placeholder_t){name, value};
    }
    if (row >= 0) {
        for (size_t c = 0; c < r->table->ncolumns && n < max; c++) {
            buf_t key;
            buf_init(&key);
            buf_printf(&key, "table.%s", r->table->columns[c]);
            owned[n] = buf_steal(&key);
            vars[n] = (placeholder_t){owned[n], r->table->rows[row][c]};
            n++;
        }
    }
    *row_out = row;
    return n;
}

/*
 * `issued = before|on-or-after`: compare the document's date with the
 * matched row's date. A document with no known date counts as issued
 * before (it is an old published text), never as a new draft's error.
 */
static int issued_condition_holds(const rule_t *r, const document_t *doc, long row)
{
    if (r->issued_cond == ISSUED_ANY)
        return 1;
    if (row < 0)
        return 0;
    date_t when;
    const char *cell = r->table->rows[row][table_column(r->table, r->table_date)];
    if (date_parse_iso(cell, &when) != 0)
        return 0;
    int before = !date_is_set(doc->issued) || date_cmp(doc->issued, when) < 0;
    return r->issued_cond == ISSUED_BEFORE ? before : !before;
}

#define MAX_PLACEHOLDERS 64

static void run_match_rule(const rule_t *r, matcher_t *m, const document_t *doc, span_t s,
                           findings_t *out)
{
    const char *text = doc->norm.text;
    size_t pos = s.start;
    while (pos <= s.end) {
        int rc = match_at(m, r->pattern, text, s.end, pos);
        if (rc <= 0)
            break;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);
        size_t a = ov[0], b = ov[1];
        if (!excluded(m, r, doc, a, b)) {
            placeholder_t vars[MAX_PLACEHOLDERS];
            char *owned[MAX_PLACEHOLDERS];
            long row;
            size_t nvars = collect_placeholders(r, doc, ov, vars, owned, MAX_PLACEHOLDERS, &row);
            if (issued_condition_holds(r, doc, row))
                add_finding(out, r, doc, a, b, vars, nvars);
            for (size_t i = 0; i < nvars; i++)
                free(owned[i]);
        }
        if (b > a) {
            pos = b;
        } else {   /* an empty match: step over one character */
            if (a >= s.end)
                break;
            int clen;
            utf8_next(text + a, text + s.end, &clen);
            pos = a + (size_t)clen;
        }
    }
}

/* Where an absence finding points: the start of the rule's scope. */
static void run_absence_rule(const rule_t *r, matcher_t *m, const document_t *doc, span_t s,
                             findings_t *out)
{
    if (match_at(m, r->pattern, doc->norm.text, s.end, s.start) > 0)
        return;
    add_finding(out, r, doc, s.start, s.start, NULL, 0);
}

void engine_run(const ruleset_t *rs, matcher_t *m, const document_t *doc, findings_t *out)
{
    const char *text = doc->norm.text;
    for (size_t i = 0; i < rs->nrules; i++) {
        const rule_t *r = &rs->rules[i];
        if (r->kind == RULE_CHECK)
            continue;
        span_t s = rule_span(r, doc);
        if (r->kind == RULE_MATCH && !passes_prefilter(r, text, s))
            continue;
        if (r->when && !matches_anywhere(m, r->when, text, doc->norm.len))
            continue;
        if (r->unless && matches_anywhere(m, r->unless, text, doc->norm.len))
            continue;
        if (r->kind == RULE_MATCH)
            run_match_rule(r, m, doc, s, out);
        else
            run_absence_rule(r, m, doc, s, out);
    }
}

int engine_report_check(const ruleset_t *rs, const char *check, const document_t *doc,
                        size_t start, size_t end, const placeholder_t *vars, size_t nvars,
                        findings_t *out)
{
    const rule_t *r = ruleset_find_check(rs, check);
    if (!r)
        return 0;
    add_finding(out, r, doc, start, end, vars, nvars);
    return 1;
}

static int by_position(const void *a, const void *b)
{
    const finding_t *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end < y->end ? -1 : 1;
    return strcmp(x->rule->id, y->rule->id);
}

void findings_sort(findings_t *f)
{
    if (f->n > 1)
        qsort(f->items, f->n, sizeof *f->items, by_position);
}

void findings_free(findings_t *f)
{
    for (size_t i = 0; i < f->n; i++) {
        free(f->items[i].message);
        free(f->items[i].message_en);
        free(f->items[i].excerpt);
    }
    free(f->items);
    memset(f, 0, sizeof *f);
}
