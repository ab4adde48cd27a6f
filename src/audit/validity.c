/*
 * validity.c - validity against the audit date (--as-of).
 *
 * An explicit clause (有效期至…, 有效期N年, 自A起至B止) wins; without one
 * the jurisdiction profile supplies the default period, counted from the
 * effective date, and the missing clause is itself a finding.
 */
#include "validity.h"

#include <stdio.h>

static void put_date(char out[32], date_t d)
{
    date_format_zh(d, out);
}

/* Where a document-level finding points: the validity clause, else the title. */
static span_t anchor(const document_t *doc)
{
    if (doc->validity_source == VALIDITY_SOURCE_EXPLICIT && doc->validity_clause.end)
        return (span_t){doc->validity_clause.start, doc->validity_clause.end};
    if (doc->title)
        return doc->title_span;
    return (span_t){0, 0};
}

static void apply_default_period(const audit_options_t *o, document_t *doc, findings_t *out)
{
    const profile_t *p = o->profile;
    int years = doc->provisional ? p->provisional_years : p->default_years;
    if (years <= 0 || !date_is_set(doc->effective)) {
        doc->validity_source = VALIDITY_SOURCE_NONE;
        return;
    }
    const char *label = p->description ? p->description : p->name;
    doc->validity_source = VALIDITY_SOURCE_DEFAULT;
    doc->expires = date_add_days(date_add_years(doc->effective, years), -1);
    char y[16], expires[32], expires_iso[11];
    snprintf(y, sizeof y, "%d", years);
    put_date(expires, doc->expires);
    date_format_iso(doc->expires, expires_iso);
    placeholder_t vars[] = {{"years", y}, {"expires", expires}, {"profile", label},
                            {"expires_iso", expires_iso}};
    span_t a = anchor(doc);
    engine_report_check(o->rules, "validity-unstated", doc, a.start, a.end, vars, 4, out);
}

static void report_expiry(const audit_options_t *o, document_t *doc, findings_t *out)
{
    if (!date_is_set(doc->expires))
        return;
    char expires[32], as_of[32], months[16], expires_iso[11], as_of_iso[11];
    put_date(expires, doc->expires);
    put_date(as_of, o->as_of);
    date_format_iso(doc->expires, expires_iso);
    date_format_iso(o->as_of, as_of_iso);
    snprintf(months, sizeof months, "%d", o->profile->review_window_months);
    /* English messages quote ISO dates; Chinese ones 2023年6月30日. */
    placeholder_t vars[] = {{"expires", expires}, {"as_of", as_of}, {"window", months},
                            {"expires_iso", expires_iso}, {"as_of_iso", as_of_iso}};
    span_t a = anchor(doc);
    date_t window_end = date_add_months(o->as_of, o->profile->review_window_months);
    if (date_cmp(doc->expires, o->as_of) < 0)
        engine_report_check(o->rules, "validity-expired", doc, a.start, a.end, vars, 5, out);
    else if (date_cmp(doc->expires, window_end) < 0)
        engine_report_check(o->rules, "validity-expiring", doc, a.start, a.end, vars, 5, out);
}

static void report_dates(const audit_options_t *o, const document_t *doc, findings_t *out)
{
    const date_match_t *m = &doc->issued_match;
    if (doc->has_issued_line && m->status != DATE_READ_OK) {
        placeholder_t vars[] = {{"text", ""}};
        const char *check = m->status == DATE_READ_NONEXISTENT ? "date-nonexistent"
                                                                : "date-unreadable";
        engine_report_check(o->rules, check, doc, m->start, m->end, vars, 0, out);
    }
    if (doc->issued_from_doc_number) {
        char year[16];
        snprintf(year, sizeof year, "%d", doc->issued.year);
        placeholder_t vars[] = {{"year", year}};
        engine_report_check(o->rules, "issued-from-doc-number", doc, doc->doc_number_span.start,
                            doc->doc_number_span.end, vars, 1, out);
    }
}

/* Without an effective date nothing can be computed: say so rather than keep silent. */
static void report_undetermined(const audit_options_t *o, const document_t *doc,
                                findings_t *out)
{
    if (date_is_set(doc->effective))
        return;
    span_t a = anchor(doc);
    engine_report_check(o->rules, "validity-undetermined", doc, a.start, a.end, NULL, 0, out);
}

void validity_audit(const audit_options_t *o, document_t *doc, findings_t *out)
{
    report_dates(o, doc, out);
    if (doc->validity_source != VALIDITY_SOURCE_EXPLICIT)
        apply_default_period(o, doc, out);
    report_undetermined(o, doc, out);
    report_expiry(o, doc, out);
}
