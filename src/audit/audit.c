/*
 * audit.c - run every check on one document.
 */
#include "audit.h"

#include <stdio.h>
#include <string.h>

#include "audit/drafting.h"
#include "audit/lifecycle.h"
#include "audit/review.h"
#include "audit/validity.h"

#define REPLACEMENT "\xEF\xBF\xBD"   /* U+FFFD in UTF-8 */

/* Offset of the next U+FFFD at or after `from`, or len. */
static size_t next_replacement(const char *text, size_t len, size_t from)
{
    const char *p = memmem(text + from, len - from, REPLACEMENT, 3);
    return p ? (size_t)(p - text) : len;
}

static size_t count_replacements(const char *text, size_t from, size_t to)
{
    size_t n = 0;
    while ((from = next_replacement(text, to, from)) < to) {
        n++;
        from += 3;
    }
    return n;
}

/*
 * Every invalid byte sequence the decoder replaced, where the user sees
 * it. Normalization keeps every U+FFFD in order, so the decoder's k-th
 * replacement is the k-th U+FFFD of the normalized text, once those that
 * were already in the file are stepped over in both texts together.
 */
static void report_decode_issues(const audit_options_t *o, const document_t *doc,
                                 findings_t *out)
{
    const normalized_t *n = &doc->norm;
    size_t orig_pos = 0, norm_pos = 0;
    for (size_t i = 0; i < doc->ndecode_issues; i++) {
        const decode_issue_t *is = &doc->decode_issues[i];
        size_t already = count_replacements(doc->original, orig_pos, is->text_offset);
        while (already--)
            norm_pos = next_replacement(n->text, n->len, norm_pos) + 3;
        size_t at = next_replacement(n->text, n->len, norm_pos);
        norm_pos = at + 3;
        orig_pos = is->text_offset + 3;
        char bytes[16] = "";
        for (int b = 0; b < is->nbytes; b++)
            snprintf(bytes + strlen(bytes), sizeof bytes - strlen(bytes), "%s%02X",
                     b ? " " : "", is->bytes[b]);
        char offset[32];
        snprintf(offset, sizeof offset, "%zu", is->src_offset);
        placeholder_t vars[] = {{"bytes", bytes}, {"offset", offset},
                                {"encoding", encoding_name(doc->encoding)}};
        size_t end = at < n->len ? at + 3 : at;
        engine_report_check(o->rules, "invalid-bytes", doc, at, end, vars, 3, out);
    }
}

void audit_document(const audit_options_t *o, matcher_t *m, document_t *doc, findings_t *out)
{
    report_decode_issues(o, doc, out);
    engine_run(o->rules, m, doc, out);
    validity_audit(o, doc, out);
    lifecycle_audit(o, doc, out);
    review_audit(o, m, doc, out);
    drafting_audit(o, doc, out);
    findings_sort(out);
}
