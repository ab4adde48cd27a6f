/*
 * json.c - one JSON document for the run, or JSON Lines (one object per
 * document, written as soon as the document is done). The schema is in
 * docs/json-schema.md: fields may be added, never renamed.
 */
#include "printers.h"

#include <string.h>

static const char *validity_source_name(validity_source_t v)
{
    return v == VALIDITY_SOURCE_EXPLICIT ? "explicit" : v == VALIDITY_SOURCE_DEFAULT ? "default"
                                                                                     : "none";
}

static const char *step_json(step_t s)
{
    switch (s) {
    case STEP_DONE:
        return "true";
    case STEP_MISSING:
        return "false";
    case STEP_NOT_REQUIRED:
        return "\"not-required\"";
    case STEP_UNKNOWN:
        break;
    }
    return "null";
}

/* What the review-step audit found evidence of, and where it looked. */
static void review_json(buf_t *b, const review_t *r)
{
    buf_printf(b, ",\"review\":{\"evidence\":[%s%s%s%s%s]", r->from_text ? "\"text\"" : "",
               r->from_text && r->from_note ? "," : "", r->from_note ? "\"drafting-note\"" : "",
               (r->from_text || r->from_note) && r->from_register ? "," : "",
               r->from_register ? "\"register\"" : "");
    buf_printf(b, ",\"legality\":%s,\"fair_competition\":%s,\"deliberation\":%s,"
                  "\"consultation\":%s,\"filing\":%s}",
               step_json(r->legality), step_json(r->fair_competition), step_json(r->deliberation),
               step_json(r->consultation), step_json(r->filing));
}

static void finding_json(buf_t *b, const finding_t *f, int english)
{
    const rule_t *r = f->rule;
    buf_puts(b, "{\"rule\":");
    json_cstring(b, r->id);
    buf_printf(b, ",\"category\":\"%s\",\"severity\":\"%s\",\"effect\":\"%s\"",
               category_name(r->category), severity_name(r->severity), effect_name(r->effect));
    buf_printf(b, ",\"line\":%zu,\"column\":%zu,\"end_line\":%zu,\"end_column\":%zu",
               f->from.line, f->from.column, f->to.line, f->to.column);
    buf_puts(b, ",\"message\":");
    json_cstring(b, english ? f->message_en : f->message);
    buf_puts(b, ",\"excerpt\":");
    json_cstring(b, f->excerpt);
    buf_puts(b, ",\"basis\":");
    json_cstring(b, r->basis);
    buf_putc(b, '}');
}

static void document_json(buf_t *b, const doc_report_t *r, int english)
{
    const document_t *d = r->doc;
    buf_puts(b, "{\"path\":");
    json_cstring(b, r->path);
    if (!d) {
        buf_puts(b, ",\"sha256\":null,\"encoding\":null,\"title\":null,\"doc_number\":null,\"issuer\":null,"
                    "\"kind\":null,\"provisional\":null,\"issued\":null,\"issued_confidence\":null,"
                    "\"effective\":null,"
                    "\"expires\":null,\"validity_source\":null,\"review\":null,\"recommendation\":null,"
                    "\"reasons\":[],\"findings\":[],\"error\":");
        json_cstring(b, r->error);
        buf_putc(b, '}');
        return;
    }
    buf_printf(b, ",\"sha256\":\"%s\",\"encoding\":\"%s\",\"title\":", d->sha256,
               encoding_name(d->encoding));
    json_cstring(b, d->title);
    buf_puts(b, ",\"doc_number\":");
    json_cstring(b, d->doc_number);
    buf_puts(b, ",\"issuer\":");
    json_cstring(b, d->issuer);
    buf_puts(b, ",\"kind\":");
    json_cstring(b, d->kind);
    buf_printf(b, ",\"provisional\":%s,\"issued\":", d->provisional ? "true" : "false");
    json_date(b, d->issued);
    buf_printf(b, ",\"issued_confidence\":\"%s\",\"effective\":",
               !date_is_set(d->issued) ? "none" : d->issued_from_doc_number ? "low" : "high");
    json_date(b, d->effective);
    buf_puts(b, ",\"expires\":");
    json_date(b, d->expires);
    buf_printf(b, ",\"validity_source\":\"%s\"", validity_source_name(d->validity_source));
    review_json(b, &d->review);
    json_decision(b, r->decision);
    buf_puts(b, ",\"findings\":[");
    for (size_t i = 0; i < r->findings->n; i++) {
        if (i)
            buf_putc(b, ',');
        finding_json(b, &r->findings->items[i], english);
    }
    buf_puts(b, "],\"error\":null}");
}

static void emit(printer_t *p, buf_t *b)
{
    fwrite(b->data, 1, b->len, p->cfg.out);
    buf_free(b);
}

/* Everything before the first document: tool, audit date, profile. */
static void write_header(printer_t *p, buf_t *b)
{
    char as_of[11];
    date_format_iso(p->cfg.as_of, as_of);
    buf_printf(b, "{\"tool\":{\"name\":\"normlint\",\"version\":\"%s\"},\"as_of\":\"%s\","
                  "\"profile\":",
               NORMLINT_VERSION, as_of);
    json_cstring(b, p->cfg.profile);
    buf_puts(b, ",\"rules_hash\":");
    json_cstring(b, p->cfg.rules_hash);
    buf_puts(b, ",\"documents\":[");
}

static void json_document(printer_t *p, const doc_report_t *r)
{
    buf_t b;
    buf_init(&b);
    if (p->count == 0) {
        write_header(p, &b);
        buf_putc(&b, '\n');
    } else {
        buf_puts(&b, ",\n");
    }
    document_json(&b, r, p->cfg.english);
    emit(p, &b);
}

static void summary_json(buf_t *b, const summary_t *s)
{
    buf_printf(b, "\"summary\":{\"documents\":%zu,\"keep\":%zu,\"amend\":%zu,\"extend\":%zu,"
                  "\"repeal\":%zu,\"errors\":%zu,\"warnings\":%zu,\"infos\":%zu,\"failed\":%zu}",
               s->documents, s->by_rec[REC_KEEP], s->by_rec[REC_AMEND], s->by_rec[REC_EXTEND],
               s->by_rec[REC_REPEAL], s->by_severity[SEV_ERROR], s->by_severity[SEV_WARNING],
               s->by_severity[SEV_INFO], s->failed);
    if (s->has_baseline) {   /* inside "summary", before its closing brace */
        b->len--;
        buf_printf(b, ",\"baseline\":{\"new\":%zu,\"fixed\":%zu,\"unchanged\":%zu}}",
                   s->baseline_new, s->baseline_fixed, s->baseline_known);
    }
}

static void json_finish(printer_t *p, const summary_t *s)
{
    buf_t b;
    buf_init(&b);
    if (p->count == 0) {
        write_header(p, &b);
    }
    buf_puts(&b, "\n],");
    summary_json(&b, s);
    buf_puts(&b, "}\n");
    emit(p, &b);
}

static void jsonl_document(printer_t *p, const doc_report_t *r)
{
    buf_t b;
    buf_init(&b);
    document_json(&b, r, p->cfg.english);
    buf_putc(&b, '\n');
    emit(p, &b);
    fflush(p->cfg.out);   /* a pipeline sees each document as soon as it is done */
}

static void jsonl_finish(printer_t *p, const summary_t *s)
{
    (void)p;
    (void)s;
}

void json_printer_init(printer_t *p, int lines)
{
    p->document = lines ? jsonl_document : json_document;
    p->finish = lines ? jsonl_finish : json_finish;
}
