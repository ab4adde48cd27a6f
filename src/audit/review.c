/*
 * review.c - review-step evidence and procedure findings.
 *
 * In `check` (pre-publication) a missing legality review, or a missing
 * fair-competition review where one is required, is an error: the draft
 * must not be published. In `scan` (published documents, whose text
 * rarely mentions its review) a missing step is a warning only where a
 * register row or a 起草说明 was given; otherwise it is not a finding,
 * and the document's JSON says what was evidenced.
 */
#include "review.h"

#include "audit/lifecycle.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Check names, raised in rules/procedure.rules. */
#define CHECK_LEGALITY "review-legality-missing"
#define CHECK_FAIR "review-fair-competition-missing"
#define CHECK_DELIBERATION "review-deliberation-missing"
#define CHECK_CONSULTATION "review-consultation-missing"
#define CHECK_CONSULTATION_SHORT "review-consultation-short"
#define CHECK_FILING "review-filing-missing"
#define CHECK_FILING_LATE "review-filing-late"
#define CHECK_ORDER "review-order"
#define CHECK_EFFECT_SOON "review-effect-too-soon"
#define CHECK_NOT_REGISTERED "register-missing-row"
#define CHECK_ORPHAN "register-orphan-row"
#define CHECK_DOCNUM_DUPLICATE "doc-number-duplicate"
#define CHECK_DOCNUM_REGISTER "doc-number-register-mismatch"

/* Consultation periods (市县法治政府建设示范指标体系; 优化营商环境条例 第六十二条). */
#define CONSULT_MIN_WORKING_DAYS 7
#define CONSULT_MIN_DAYS_MARKET 30

typedef struct {
    const audit_options_t *o;
    matcher_t *m;
    document_t *doc;
    const register_row_t *row;
    findings_t *out;
    span_t anchor;          /* where document-level findings point */
} review_ctx_t;

static const rule_t *rule_of(const review_ctx_t *c, const char *check)
{
    return ruleset_find_check(c->o->rules, check);
}

/* Does the statement a rule's `pattern` describes stand in the text or the 起草说明? */
static int stated(const review_ctx_t *c, const char *check, span_t *where, int *in_note)
{
    const rule_t *r = rule_of(c, check);
    span_t dummy;
    if (!where)
        where = &dummy;
    if (!r || !r->pattern)
        return 0;
    if (engine_find_pattern(r->pattern, r->exclude, c->m, c->doc, where)) {
        if (in_note)
            *in_note = 0;
        return 1;
    }
    if (c->o->note && engine_find_pattern(r->pattern, r->exclude, c->m, c->o->note, where)) {
        if (in_note)
            *in_note = 1;
        return 1;
    }
    return 0;
}

/*
 * The fair-competition review began with 国发〔2016〕34号 (2016-06-01):
 * documents issued before it are not held to it.
 */
static const date_t FAIR_REVIEW_SINCE = {2016, 6, 1};

/* A fair-competition review is required when the rule's `when` finds market activity. */
static int fair_competition_required(const review_ctx_t *c)
{
    const rule_t *r = rule_of(c, CHECK_FAIR);
    span_t where;
    if (date_is_set(c->doc->issued) && date_cmp(c->doc->issued, FAIR_REVIEW_SINCE) < 0)
        return 0;
    return r && r->when && engine_find_pattern(r->when, NULL, c->m, c->doc, &where);
}

static void report(const review_ctx_t *c, const char *check, const placeholder_t *vars, size_t n)
{
    engine_report_check(c->o->rules, check, c->doc, c->anchor.start, c->anchor.end, vars, n,
                        c->out);
}

/* In check mode the draft variant (…-draft) of a missing-step rule is raised. */
static void report_missing(const review_ctx_t *c, const char *check)
{
    char name[96];
    snprintf(name, sizeof name, "%s-draft", check);
    if (c->o->prepublication && rule_of(c, name))
        report(c, name, NULL, 0);
    else
        report(c, check, NULL, 0);
}

static step_t step_from(int done)
{
    return done ? STEP_DONE : STEP_MISSING;
}

/* Two dates in the sentence of the consultation statement: its period. */
static int consultation_period(const review_ctx_t *c, int in_note, span_t where, date_t *from,
                               date_t *to)
{
    const document_t *d = in_note ? c->o->note : c->doc;
    span_t s = engine_sentence(d, where.start, where.end);
    date_match_t a, b;
    const char *t = d->norm.text + s.start;
    size_t len = s.end - s.start;
    if (!date_find(t, len, &a) || a.status != DATE_READ_OK)
        return 0;
    if (!date_find(t + a.end, len - a.end, &b) || b.status != DATE_READ_OK)
        return 0;
    *from = a.date;
    *to = b.date;
    return 1;
}

static void check_consultation_period(const review_ctx_t *c, date_t from, date_t to,
                                      int market)
{
    char days[24], need[32];
    int ok;
    if (market) {
        long n = date_days_between(from, to) + 1;
        ok = n >= CONSULT_MIN_DAYS_MARKET;
        snprintf(days, sizeof days, "%ld", n);
        snprintf(need, sizeof need, "%d日", CONSULT_MIN_DAYS_MARKET);
    } else {
        int n = date_working_days(from, to);
        ok = n >= CONSULT_MIN_WORKING_DAYS;
        snprintf(days, sizeof days, "%d", n);
        snprintf(need, sizeof need, "%d个工作日", CONSULT_MIN_WORKING_DAYS);
    }
    if (ok)
        return;
    char a[32], b[32];
    date_format_zh(from, a);
    date_format_zh(to, b);
    placeholder_t vars[] = {{"days", days}, {"required", need}, {"from", a}, {"to", b},
                            {"unit", market ? "日" : "个工作日"}};
    report(c, CHECK_CONSULTATION_SHORT, vars, 5);
}

static void review_consultation(review_ctx_t *c, int market, int evidence_given)
{
    span_t where;
    int in_note = 0;
    int in_text = stated(c, CHECK_CONSULTATION, &where, &in_note);
    int in_register = c->row && date_is_set(c->row->consultation_from);
    c->doc->review.consultation = step_from(in_text || in_register);
    date_t from, to;
    if (in_register && date_is_set(c->row->consultation_to))
        check_consultation_period(c, c->row->consultation_from, c->row->consultation_to, market);
    else if (in_text && consultation_period(c, in_note, where, &from, &to))
        check_consultation_period(c, from, to, market);
    if (!in_text && !in_register && evidence_given)
        report_missing(c, CHECK_CONSULTATION);
}

/* 备案: only a register says when a published document was filed. */
static void review_filing(review_ctx_t *c)
{
    const register_row_t *row = c->row;
    if (c->o->prepublication || !row)
        return;   /* a draft is not filed yet; without a register nothing is known */
    c->doc->review.filing = step_from(date_is_set(row->filing));
    if (!date_is_set(row->filing)) {
        report(c, CHECK_FILING, NULL, 0);
        return;
    }
    date_t published = date_is_set(row->published) ? row->published : c->doc->issued;
    if (!date_is_set(published))
        return;
    long days = date_days_between(published, row->filing);
    if (days <= c->o->profile->filing_days)
        return;
    char d[24], limit[16], p[32], f[32];
    snprintf(d, sizeof d, "%ld", days);
    snprintf(limit, sizeof limit, "%d", c->o->profile->filing_days);
    date_format_zh(published, p);
    date_format_zh(row->filing, f);
    placeholder_t vars[] = {{"days", d}, {"limit", limit}, {"published", p}, {"filed", f}};
    report(c, CHECK_FILING_LATE, vars, 4);
}

/* 未经合法性审核…不得提交集体审议: the register's dates show the order. */
static void review_order(review_ctx_t *c)
{
    const register_row_t *row = c->row;
    if (!row || !date_is_set(row->legality) || !date_is_set(row->deliberation) ||
        date_cmp(row->deliberation, row->legality) >= 0)
        return;
    char l[32], d[32];
    date_format_zh(row->legality, l);
    date_format_zh(row->deliberation, d);
    placeholder_t vars[] = {{"legality", l}, {"deliberation", d}};
    report(c, CHECK_ORDER, vars, 2);
}

/*
 * Profiles such as hunan require effect no sooner than N days after
 * publication unless the text gives a reason (the rule's `pattern`).
 */
static void review_effect_delay(review_ctx_t *c)
{
    const profile_t *p = c->o->profile;
    const document_t *d = c->doc;
    if (p->min_days_before_effect <= 0 || !date_is_set(d->effective))
        return;
    date_t published = c->row && date_is_set(c->row->published) ? c->row->published : d->issued;
    if (!date_is_set(published) || (date_is_set(p->min_days_rule_from) &&
                                    date_cmp(published, p->min_days_rule_from) < 0))
        return;
    long days = date_days_between(published, d->effective);
    if (days >= p->min_days_before_effect || stated(c, CHECK_EFFECT_SOON, NULL, NULL))
        return;
    char min[16], eff[32], pub[32], eff_iso[11], pub_iso[11];
    snprintf(min, sizeof min, "%d", p->min_days_before_effect);
    date_format_zh(d->effective, eff);
    date_format_zh(published, pub);
    date_format_iso(d->effective, eff_iso);
    date_format_iso(published, pub_iso);
    placeholder_t vars[] = {{"min", min}, {"effective", eff}, {"published", pub},
                            {"effective_iso", eff_iso}, {"published_iso", pub_iso}};
    span_t at = d->effective_clause.end ? (span_t){d->effective_clause.start,
                                                   d->effective_clause.end}
                                        : c->anchor;
    engine_report_check(c->o->rules, CHECK_EFFECT_SOON, d, at.start, at.end, vars, 5, c->out);
}

static void review_steps(review_ctx_t *c, int evidence_given)
{
    review_t *rv = &c->doc->review;
    const register_row_t *row = c->row;
    int market = fair_competition_required(c);

    rv->legality = step_from(stated(c, CHECK_LEGALITY, NULL, NULL) ||
                             (row && date_is_set(row->legality)));
    if (rv->legality == STEP_MISSING && evidence_given)
        report_missing(c, CHECK_LEGALITY);

    if (row && row->fair_competition_not_required && !date_is_set(row->fair_competition))
        rv->fair_competition = STEP_NOT_REQUIRED;
    else if (stated(c, CHECK_FAIR, NULL, NULL) || (row && date_is_set(row->fair_competition)))
        rv->fair_competition = STEP_DONE;
    else
        rv->fair_competition = market ? STEP_MISSING : STEP_NOT_REQUIRED;
    if (rv->fair_competition == STEP_MISSING && evidence_given)
        report_missing(c, CHECK_FAIR);

    rv->deliberation = step_from(stated(c, CHECK_DELIBERATION, NULL, NULL) ||
                                 (row && date_is_set(row->deliberation)));
    if (rv->deliberation == STEP_MISSING && evidence_given)
        report_missing(c, CHECK_DELIBERATION);

    review_consultation(c, market, evidence_given);
    review_filing(c);
    review_order(c);
}

/*
 * 统一编号: one number, one document. Two scanned documents sharing a 文号,
 * or a document whose 文号 differs from the one the register gives it
 * (the row found by title), break the unified numbering.
 */
static void review_numbering(review_ctx_t *c)
{
    const document_t *d = c->doc;
    span_t at = d->doc_number ? d->doc_number_span : c->anchor;
    const char *other = batch_same_doc_number(c->o->batch, d);
    if (other) {
        placeholder_t vars[] = {{"doc_number", d->doc_number}, {"other", other}};
        engine_report_check(c->o->rules, CHECK_DOCNUM_DUPLICATE, d, at.start, at.end, vars, 2,
                            c->out);
    }
    const register_row_t *row = c->row;
    if (row && d->doc_number && row->cell[REG_DOC_NUMBER][0] &&
        register_find(c->o->reg, d->doc_number, NULL) != row) {
        placeholder_t vars[] = {{"doc_number", d->doc_number},
                                {"registered", row->cell[REG_DOC_NUMBER]}};
        engine_report_check(c->o->rules, CHECK_DOCNUM_REGISTER, d, at.start, at.end, vars, 2,
                            c->out);
    }
}

void review_audit(const audit_options_t *o, matcher_t *m, document_t *doc, findings_t *out)
{
    review_ctx_t c = {o, m, doc, NULL, out, doc->title ? doc->title_span : (span_t){0, 0}};
    memset(&doc->review, 0, sizeof doc->review);
    if (o->reg) {
        register_row_t *row = register_find(o->reg, doc->doc_number, doc->title);
        if (row) {
            row->matched = 1;
            c.row = row;
        } else if (!o->prepublication) {
            report(&c, CHECK_NOT_REGISTERED, NULL, 0);
        }
    }
    doc->review.from_text = 1;
    doc->review.from_note = o->note != NULL;
    doc->review.from_register = c.row != NULL;
    /* A draft is judged on its own evidence; a published text only where more was given. */
    int evidence_given = o->prepublication || c.row || o->note;
    review_steps(&c, evidence_given);
    review_numbering(&c);
    if (evidence_given)   /* like the steps: published texts only with their records */
        review_effect_delay(&c);
}

size_t review_report_orphans(const ruleset_t *rs, const doc_register_t *reg, int english,
                             FILE *log)
{
    const rule_t *r = ruleset_find_check(rs, CHECK_ORPHAN);
    size_t n = 0;
    for (size_t i = 0; r && i < reg->nrows; i++) {
        const register_row_t *row = &reg->rows[i];
        if (row->matched)
            continue;
        placeholder_t vars[] = {{"doc_number", row->cell[REG_DOC_NUMBER]},
                                {"title", row->cell[REG_TITLE]}};
        char *msg = render_message(english ? r->message_en : r->message, vars, 2);
        fprintf(log, "%s:%d: %s: %s [%s]\n", reg->path, row->line,
                severity_label(r->severity, english), msg, r->id);
        free(msg);
        n++;
    }
    return n;
}
