/*
 * register.c - parse the register CSV (RFC 4180 quoting) into rows with
 * their dates read the way document dates are read.
 */
#include "register.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/decode.h"
#include "text/normalize.h"
#include "util/buf.h"
#include "util/messages.h"

static const char *const HEADERS[REG_COLUMN_COUNT] = {
    "文号", "标题", "公布日期", "合法性审核", "公平竞争审查", "集体审议", "征求意见起止", "备案日期",
};

typedef struct {
    char **cells;
    size_t n, cap;
} record_t;

static void record_free(record_t *r)
{
    for (size_t i = 0; i < r->n; i++)
        free(r->cells[i]);
    free(r->cells);
    memset(r, 0, sizeof *r);
}

static void push_cell(record_t *r, buf_t *cell)
{
    r->cells = grow_array(r->cells, &r->cap, r->n + 1, sizeof *r->cells);
    r->cells[r->n++] = buf_steal(cell);
}

/*
 * Read one CSV record at *pos (quoted cells may span lines). Returns 0 at
 * the end of the text, 1 otherwise; *lines counts the line breaks used.
 */
static int read_record(const char *t, size_t len, size_t *pos, record_t *r, int *lines)
{
    buf_t cell;
    buf_init(&cell);
    size_t i = *pos;
    int quoted = 0;
    *lines = 0;
    if (i >= len)
        return 0;
    for (; i < len; i++) {
        char c = t[i];
        if (quoted) {
            if (c == '"' && i + 1 < len && t[i + 1] == '"')
                buf_putc(&cell, '"'), i++;
            else if (c == '"')
                quoted = 0;
            else {
                if (c == '\n')
                    (*lines)++;
                buf_putc(&cell, c);
            }
        } else if (c == '"') {
            quoted = 1;
        } else if (c == ',') {
            push_cell(r, &cell);
        } else if (c == '\n') {
            i++;
            break;
        } else {
            buf_putc(&cell, c);
        }
    }
    push_cell(r, &cell);
    (*lines)++;
    *pos = i;
    return 1;
}

static date_t cell_date(const char *cell)
{
    date_match_t m;
    if (date_find(cell, strlen(cell), &m) && m.status == DATE_READ_OK)
        return m.date;
    return DATE_NONE;
}

/* 征求意见起止: "2023-07-10至2023-07-21" (any date forms, any separator). */
static void consultation_dates(register_row_t *row)
{
    const char *c = row->cell[REG_CONSULTATION];
    date_match_t a, b;
    if (!date_find(c, strlen(c), &a) || a.status != DATE_READ_OK)
        return;
    row->consultation_from = a.date;
    if (date_find(c + a.end, strlen(c + a.end), &b) && b.status == DATE_READ_OK)
        row->consultation_to = b.date;
}

static void fill_row(register_row_t *row, const record_t *rec, const long *map)
{
    for (int k = 0; k < REG_COLUMN_COUNT; k++) {
        const char *cell = map[k] >= 0 && (size_t)map[k] < rec->n ? rec->cells[map[k]] : "";
        row->cell[k] = xstrndup_trimmed(cell, strlen(cell));
    }
    row->published = cell_date(row->cell[REG_PUBLISHED]);
    row->legality = cell_date(row->cell[REG_LEGALITY]);
    row->fair_competition = cell_date(row->cell[REG_FAIR_COMPETITION]);
    row->fair_competition_not_required = strstr(row->cell[REG_FAIR_COMPETITION], "不涉及") != NULL;
    row->deliberation = cell_date(row->cell[REG_DELIBERATION]);
    row->filing = cell_date(row->cell[REG_FILING]);
    consultation_dates(row);
}

/* Header cell -> column; returns 0 when the key columns (文号 or 标题) exist. */
static int map_header(const record_t *h, long *map)
{
    for (int k = 0; k < REG_COLUMN_COUNT; k++) {
        map[k] = -1;
        for (size_t i = 0; i < h->n; i++) {
            char *name = xstrndup_trimmed(h->cells[i], strlen(h->cells[i]));
            int same = strcmp(name, HEADERS[k]) == 0;
            free(name);
            if (same) {
                map[k] = (long)i;
                break;
            }
        }
    }
    return map[REG_DOC_NUMBER] >= 0 || map[REG_TITLE] >= 0 ? 0 : -1;
}

static int is_blank_record(const record_t *r)
{
    for (size_t i = 0; i < r->n; i++)
        if (r->cells[i][0])
            return 0;
    return 1;
}

doc_register_t *register_load(const char *path, char *err, size_t errlen)
{
    buf_t bytes;
    buf_init(&bytes);
    int rc = read_file(path, &bytes);
    if (rc != 0) {
        snprintf(err, errlen, "%s: %s", path, tr_errno(rc));
        buf_free(&bytes);
        return NULL;
    }
    doc_register_t *reg = register_parse(path, bytes.data ? bytes.data : "", bytes.len, err,
                                         errlen);
    buf_free(&bytes);
    return reg;
}

doc_register_t *register_parse(const char *path, const char *bytes, size_t len, char *err,
                               size_t errlen)
{
    decoded_t dec;
    decode_status_t st = decode_bytes(bytes, len, ENC_AUTO, &dec);
    if (st != DECODE_OK) {
        snprintf(err, errlen, "%s: not a text file", path);
        return NULL;
    }
    normalized_t n;   /* LF line ends, full-width digits folded: dates read as in documents */
    normalize_text(dec.text, dec.len, NORM_FOR_MATCHING, &n);
    decoded_free(&dec);

    doc_register_t *reg = xcalloc(1, sizeof *reg);
    reg->path = xstrdup(path);
    size_t pos = 0, cap = 0;
    int line = 1, used;
    long map[REG_COLUMN_COUNT];
    record_t rec = {0};
    int ok = read_record(n.text, n.len, &pos, &rec, &used) && map_header(&rec, map) == 0;
    if (!ok)
        snprintf(err, errlen, "%s:1: the first row must name the columns (文号, 标题, 公布日期, ...)",
                 path);
    line += used;
    record_free(&rec);
    while (ok && read_record(n.text, n.len, &pos, &rec, &used)) {
        if (!is_blank_record(&rec)) {
            reg->rows = grow_array(reg->rows, &cap, reg->nrows + 1, sizeof *reg->rows);
            register_row_t *row = &reg->rows[reg->nrows++];
            memset(row, 0, sizeof *row);
            row->line = line;
            fill_row(row, &rec, map);
        }
        line += used;
        record_free(&rec);
    }
    normalized_free(&n);
    if (!ok) {
        register_free(reg);
        return NULL;
    }
    return reg;
}

void register_free(doc_register_t *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->nrows; i++)
        for (int k = 0; k < REG_COLUMN_COUNT; k++)
            free(r->rows[i].cell[k]);
    free(r->rows);
    free(r->path);
    free(r);
}

register_row_t *register_find(doc_register_t *r, const char *doc_number, const char *title)
{
    if (doc_number && *doc_number)
        for (size_t i = 0; i < r->nrows; i++)
            if (r->rows[i].cell[REG_DOC_NUMBER][0] &&
                str_same_ignoring_spaces(r->rows[i].cell[REG_DOC_NUMBER], doc_number))
                return &r->rows[i];
    if (title && *title)
        for (size_t i = 0; i < r->nrows; i++)
            if (r->rows[i].cell[REG_TITLE][0] && str_same_ignoring_spaces(r->rows[i].cell[REG_TITLE], title))
                return &r->rows[i];
    return NULL;
}
