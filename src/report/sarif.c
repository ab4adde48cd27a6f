/*
 * sarif.c - SARIF 2.1.0, the format GitHub code scanning and most editors
 * read (docs/reports.md has the mapping).
 *
 * One run: the driver lists every rule in use, so a viewer can show a
 * rule's basis even for results it has not seen; results are written as
 * each document is done; the artifacts (each document's SHA-256 and
 * encoding) and the notifications for documents that could not be read
 * are kept until the end, because JSON puts them after the results.
 *
 * Columns are counted in code points, which SARIF calls
 * "unicodeCodePoints" (its default is UTF-16 code units).
 */
#include "printers.h"

#include <stdlib.h>
#include <string.h>

#include "util/sha256.h"

#define SARIF_SCHEMA \
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

/* What outlives one document callback (printer_t.state). */
typedef struct {
    size_t results;        /* written so far: a comma before every later one */
    size_t artifacts;      /* documents read: the next artifact's index */
    buf_t artifact_json;   /* "artifacts" items */
    buf_t notifications;   /* "toolExecutionNotifications" items */
    size_t failed;
} sarif_state_t;

static const char *level_name(severity_t s)
{
    return s == SEV_ERROR ? "error" : s == SEV_WARNING ? "warning" : "note";
}

static int is_unreserved(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '.' || c == '_' || c == '~';
}

/*
 * The path as a URI reference (RFC 3986): every byte but the unreserved
 * ones and "/" percent-encoded, so spaces, "#", "%", ":" and the UTF-8 (or
 * GBK) bytes of Chinese names survive. A relative path stays relative, as
 * GitHub wants (relative to the checkout); an absolute one becomes a
 * file:// URI. "-" (standard input) is unreserved, so it stays "-".
 */
static void put_uri(buf_t *b, const char *path)
{
    if (path[0] == '/')
        buf_puts(b, "file://");
    for (const unsigned char *s = (const unsigned char *)path; *s; s++) {
        if (is_unreserved(*s) || *s == '/')
            buf_putc(b, (char)*s);
        else
            buf_printf(b, "%%%02X", *s);
    }
}

static void uri_json(buf_t *b, const char *path)
{
    buf_t uri;
    buf_init(&uri);
    put_uri(&uri, path);
    json_string(b, uri.data, uri.len);
    buf_free(&uri);
}

/* {"text": s} */
static void message_json(buf_t *b, const char *text)
{
    buf_puts(b, "{\"text\":");
    json_cstring(b, text ? text : "");
    buf_putc(b, '}');
}

/* The rule's help: its explanation (Chinese only) and its legal basis. */
static void rule_help_text(buf_t *b, const rule_t *r, int english)
{
    const char *what = english ? (r->message_en ? r->message_en : r->message)
                               : (r->help ? r->help : r->message);
    buf_puts(b, what ? what : "");
    if (english && r->help)
        buf_printf(b, "\n\n%s", r->help);
    if (r->basis)
        buf_printf(b, "\n\n%s%s", english ? "Basis: " : "依据：", r->basis);
}

static void rule_json(buf_t *b, const rule_t *r, int english)
{
    const char *msg = english && r->message_en ? r->message_en : r->message;
    buf_t help;
    buf_init(&help);
    rule_help_text(&help, r, english);
    buf_puts(b, "{\"id\":");
    json_cstring(b, r->id);
    buf_puts(b, ",\"name\":");
    json_cstring(b, r->id);
    buf_puts(b, ",\"shortDescription\":");
    message_json(b, msg);
    buf_puts(b, ",\"fullDescription\":");
    message_json(b, help.data);
    buf_puts(b, ",\"help\":");
    message_json(b, help.data);
    buf_printf(b, ",\"defaultConfiguration\":{\"level\":\"%s\"}", level_name(r->severity));
    buf_printf(b, ",\"properties\":{\"category\":\"%s\",\"effect\":\"%s\",\"basis\":",
               category_name(r->category), effect_name(r->effect));
    json_cstring(b, r->basis ? r->basis : "");
    /* GitHub filters alerts by tags. */
    buf_printf(b, ",\"tags\":[\"normlint\",\"%s\"]}}", category_name(r->category));
    buf_free(&help);
}

/* Everything before the first result: the tool and its rules. */
static void write_header(printer_t *p)
{
    buf_t b;
    buf_init(&b);
    buf_printf(&b, "{\"$schema\":\"%s\",\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{"
                   "\"name\":\"normlint\",\"version\":\"%s\",\"semanticVersion\":\"%s\","
                   "\"rules\":[",
               SARIF_SCHEMA, NORMLINT_VERSION, NORMLINT_VERSION);
    const ruleset_t *rs = p->cfg.rules;
    for (size_t i = 0; rs && i < rs->nrules; i++) {
        buf_puts(&b, i ? ",\n" : "\n");
        rule_json(&b, &rs->rules[i], p->cfg.english);
    }
    buf_printf(&b, "]}},\"language\":\"%s\",\"columnKind\":\"unicodeCodePoints\","
                   "\"results\":[",
               p->cfg.english ? "en-US" : "zh-CN");
    fwrite(b.data, 1, b.len, p->cfg.out);
    buf_free(&b);
}

/* The rule's index in the driver's rules, or -1 (then ruleIndex is left out). */
static long rule_index(const ruleset_t *rs, const rule_t *rule)
{
    for (size_t i = 0; rs && i < rs->nrules; i++)
        if (&rs->rules[i] == rule || strcmp(rs->rules[i].id, rule->id) == 0)
            return (long)i;
    return -1;
}

/*
 * partialFingerprints: stable while lines are added above the finding
 * (no line numbers in it), distinct for the same words twice in one file
 * (the occurrence number), so GitHub tracks an alert across commits.
 */
static void fingerprint(const char *path, const finding_t *f, size_t occurrence,
                        char out[SHA256_HEX_LEN + 16])
{
    buf_t key;
    buf_init(&key);
    buf_printf(&key, "%s", f->rule->id);
    buf_putc(&key, '\0');
    buf_puts(&key, path);
    buf_putc(&key, '\0');
    buf_puts(&key, f->excerpt ? f->excerpt : "");
    char hex[SHA256_HEX_LEN + 1];
    sha256_hex(key.data, key.len, hex);
    snprintf(out, SHA256_HEX_LEN + 16, "%s:%zu", hex, occurrence);
    buf_free(&key);
}

/* How many earlier findings of this document have the same rule and excerpt. */
static size_t occurrence_of(const findings_t *fs, size_t k)
{
    const finding_t *f = &fs->items[k];
    size_t n = 1;
    for (size_t i = 0; i < k; i++) {
        const finding_t *g = &fs->items[i];
        if (g->rule == f->rule && strcmp(g->excerpt ? g->excerpt : "",
                                         f->excerpt ? f->excerpt : "") == 0)
            n++;
    }
    return n;
}

static size_t at_least_1(size_t v)
{
    return v ? v : 1;
}

/* The original lines from..to, so a viewer can show the finding in context. */
static void context_json(buf_t *b, const document_t *d, size_t from, size_t to)
{
    buf_t text;
    buf_init(&text);
    for (size_t line = from; line <= to; line++) {
        size_t len;
        const char *s = document_line(d, line, &len);
        if (line > from)
            buf_putc(&text, '\n');
        buf_append(&text, s, len);
    }
    buf_printf(b, "{\"startLine\":%zu,\"endLine\":%zu,\"snippet\":{\"text\":", from, to);
    json_string(b, text.data ? text.data : "", text.len);
    buf_puts(b, "}}");
    buf_free(&text);
}

static void region_json(buf_t *b, const finding_t *f)
{
    size_t line = at_least_1(f->from.line), col = at_least_1(f->from.column);
    size_t end_line = f->to.line < line ? line : f->to.line;
    size_t end_col = at_least_1(f->to.column);
    if (end_line == line && end_col < col)
        end_col = col;
    buf_printf(b, "{\"startLine\":%zu,\"startColumn\":%zu,\"endLine\":%zu,\"endColumn\":%zu,"
                  "\"snippet\":{\"text\":",
               line, col, end_line, end_col);
    json_cstring(b, f->excerpt ? f->excerpt : "");
    buf_puts(b, "}}");
}

static void result_json(buf_t *b, printer_t *p, const doc_report_t *r, size_t k)
{
    const finding_t *f = &r->findings->items[k];
    const rule_t *rule = f->rule;
    int en = p->cfg.english;
    buf_puts(b, "{\"ruleId\":");
    json_cstring(b, rule->id);
    long index = rule_index(p->cfg.rules, rule);
    if (index >= 0)
        buf_printf(b, ",\"ruleIndex\":%ld", index);
    buf_printf(b, ",\"level\":\"%s\",\"message\":", level_name(rule->severity));
    message_json(b, en && f->message_en ? f->message_en : f->message);
    buf_puts(b, ",\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":");
    uri_json(b, r->path);
    buf_printf(b, ",\"index\":%zu},\"region\":", ((sarif_state_t *)p->state)->artifacts);
    region_json(b, f);
    buf_puts(b, ",\"contextRegion\":");
    size_t line = at_least_1(f->from.line);
    context_json(b, r->doc, line, f->to.line < line ? line : f->to.line);
    char fp[SHA256_HEX_LEN + 16];
    fingerprint(r->path, f, occurrence_of(r->findings, k), fp);
    buf_printf(b, "}}],\"partialFingerprints\":{\"normlint/v1\":\"%s\"}", fp);
    buf_printf(b, ",\"properties\":{\"category\":\"%s\",\"effect\":\"%s\"}}",
               category_name(rule->category), effect_name(rule->effect));
}

/* IANA charset names (SARIF's artifact.encoding); a BOM is not a charset. */
static const char *iana_charset(encoding_t e)
{
    switch (e) {
    case ENC_GB18030:
        return "GB18030";
    case ENC_GBK:
        return "GBK";
    case ENC_UTF16LE:
        return "UTF-16LE";
    case ENC_UTF16BE:
        return "UTF-16BE";
    default:
        return "UTF-8";
    }
}

/* The document: its hash, encoding and what the audit decided about it. */
static void add_artifact(sarif_state_t *S, const doc_report_t *r)
{
    buf_t *b = &S->artifact_json;
    const document_t *d = r->doc;
    buf_puts(b, S->artifacts ? ",\n{\"location\":{\"uri\":" : "\n{\"location\":{\"uri\":");
    uri_json(b, r->path);
    buf_printf(b, "},\"mimeType\":\"text/plain\",\"encoding\":\"%s\","
                  "\"hashes\":{\"sha-256\":\"%s\"},\"properties\":{\"encoding\":\"%s\",\"title\":",
               iana_charset(d->encoding), d->sha256, encoding_name(d->encoding));
    json_cstring(b, d->title);
    buf_puts(b, ",\"doc_number\":");
    json_cstring(b, d->doc_number);
    json_decision(b, r->decision);
    buf_puts(b, "}}");
    S->artifacts++;
}

/* A document that could not be read: the tool's own notification. */
static void add_failure(sarif_state_t *S, const doc_report_t *r)
{
    buf_t *b = &S->notifications;
    buf_t text;
    buf_init(&text);
    buf_printf(&text, "%s: %s", r->path, r->error ? r->error : "cannot be read");
    buf_puts(b, S->failed ? ",\n{\"level\":\"error\",\"message\":" : "\n{\"level\":\"error\","
                                                                    "\"message\":");
    message_json(b, text.data);
    buf_puts(b, ",\"descriptor\":{\"id\":\"read-error\"},\"locations\":[{\"physicalLocation\":"
                "{\"artifactLocation\":{\"uri\":");
    uri_json(b, r->path);
    buf_puts(b, "}}}]}");
    buf_free(&text);
    S->failed++;
}

static void sarif_document(printer_t *p, const doc_report_t *r)
{
    if (p->count == 0)
        write_header(p);
    if (!r->doc) {
        add_failure(p->state, r);
        return;
    }
    buf_t b;
    buf_init(&b);
    for (size_t k = 0; k < r->findings->n; k++) {
        buf_puts(&b, ((sarif_state_t *)p->state)->results++ ? ",\n" : "\n");
        result_json(&b, p, r, k);
    }
    fwrite(b.data ? b.data : "", 1, b.len, p->cfg.out);
    buf_free(&b);
    add_artifact(p->state, r);
}

static void sarif_finish(printer_t *p, const summary_t *s)
{
    const sarif_state_t *S = p->state;
    (void)s;
    if (p->count == 0)
        write_header(p);
    buf_t b;
    buf_init(&b);
    buf_puts(&b, "\n],\"artifacts\":[");
    buf_append(&b, S->artifact_json.data, S->artifact_json.len);
    buf_printf(&b, "],\"invocations\":[{\"executionSuccessful\":%s,"
                   "\"toolExecutionNotifications\":[",
               S->failed ? "false" : "true");
    buf_append(&b, S->notifications.data, S->notifications.len);
    char as_of[11];
    date_format_iso(p->cfg.as_of, as_of);
    buf_printf(&b, "]}],\"properties\":{\"as_of\":\"%s\",\"profile\":", as_of);
    json_cstring(&b, p->cfg.profile);
    buf_puts(&b, ",\"rules_hash\":");
    json_cstring(&b, p->cfg.rules_hash);
    buf_puts(&b, "}}]}\n");
    fwrite(b.data, 1, b.len, p->cfg.out);
    buf_free(&b);
}

static void sarif_free_state(void *state)
{
    sarif_state_t *S = state;
    buf_free(&S->artifact_json);
    buf_free(&S->notifications);
    free(S);
}

void sarif_printer_init(printer_t *p)
{
    sarif_state_t *S = xcalloc(1, sizeof *S);
    buf_init(&S->artifact_json);
    buf_init(&S->notifications);
    p->state = S;
    p->free_state = sarif_free_state;
    p->document = sarif_document;
    p->finish = sarif_finish;
}
