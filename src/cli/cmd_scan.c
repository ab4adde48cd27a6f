/*
 * cmd_scan.c - `normlint scan` (folders, for a cleanup) and `normlint
 * check` (one document, for a pre-publication step in a pipeline).
 *
 * Files are collected and sorted first, then each is read, audited,
 * decided and printed in turn: the report's order never depends on the
 * file system, and a file that cannot be read is reported and skipped
 * while the rest of the batch goes on.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "audit/audit.h"
#include "audit/baseline.h"
#include "audit/lifecycle.h"
#include "audit/review.h"
#include "audit/recommend.h"
#include "cli.h"
#include "util/messages.h"
#include "ordered.h"
#include "report/report.h"

static const char SCAN_USAGE[] =
    "usage: normlint scan [PATH...] [options]\n"
    "       normlint check [FILE|-] [--stdin-name NAME] [options]\n"
    "options:\n"
    "  --format FORMAT            text (default), json, jsonl, csv, sarif, html\n"
    "  -o, --output FILE          write the report to FILE\n"
    "  --lang zh|en               message language (default zh)\n"
    "  --fail-on error|warning|info|never   exit 1 at this severity (default error)\n"
    "  --as-of YYYY-MM-DD         audit date (default today)\n"
    "  --profile NAME             jurisdiction profile (default hunan; also none)\n"
    "  --rules DIR                add the rule files in DIR (same id replaces a built-in rule)\n"
    "  --no-default-rules         leave the built-in rules out\n"
    "  --ext LIST                 extensions scanned in folders (default txt,md)\n"
    "  --files-from FILE          read paths to scan from FILE, one per line ('-': stdin)\n"
    "  --encoding NAME            auto|utf-8|gbk|gb18030|utf-16le|utf-16be (default auto)\n"
    "  --color auto|always|never  colour in text output (default auto; NO_COLOR respected)\n"
    "  --baseline FILE            report only findings not in FILE (an earlier JSON report)\n"
    "  --write-baseline FILE      also write this run's full JSON report to FILE\n"
    "  --register FILE            the register (登记台账) as CSV, for the review-step checks\n"
    "  -j, --jobs N               worker threads (default: the number of processors)\n";

typedef struct {
    const char *format;
    const char *output;
    int english;
    int fail_on;          /* severity threshold; -1: never */
    date_t as_of;
    rules_opts_t rules;
    const char *exts;
    const char *files_from;
    const char *stdin_name;
    const char *baseline;        /* --baseline FILE: report only what is new */
    const char *register_path;   /* --register FILE: the 登记台账 as CSV */
    int jobs;                    /* --jobs N: worker threads */
    const char *write_baseline;  /* --write-baseline FILE */
    encoding_t encoding;
    int color;            /* -1 auto */
} scan_opts_t;

enum {
    OPT_FORMAT = 256, OPT_LANG, OPT_FAIL_ON, OPT_AS_OF, OPT_PROFILE, OPT_RULES, OPT_NO_DEFAULT,
    OPT_EXT, OPT_FILES_FROM, OPT_STDIN_NAME, OPT_ENCODING, OPT_COLOR, OPT_HELP,
    OPT_BASELINE, OPT_WRITE_BASELINE, OPT_REGISTER, OPT_JOBS,
};

static int parse_fail_on(const char *v, int *out)
{
    severity_t s;
    if (strcmp(v, "never") == 0) {
        *out = -1;
        return 0;
    }
    if (severity_parse(v, &s) != 0)
        return -1;
    *out = (int)s;
    return 0;
}

static int parse_scan_option(int c, scan_opts_t *o)
{
    switch (c) {
    case OPT_FORMAT:
        o->format = optarg;
        return 0;
    case 'o':
        o->output = optarg;
        return 0;
    case OPT_LANG:
        if (strcmp(optarg, "en") && strcmp(optarg, "zh"))
            break;
        o->english = strcmp(optarg, "en") == 0;
        return 0;
    case OPT_FAIL_ON:
        return parse_fail_on(optarg, &o->fail_on);
    case OPT_AS_OF:
        return date_parse_iso(optarg, &o->as_of);
    case OPT_PROFILE:
        o->rules.profile_name = optarg;
        return 0;
    case OPT_RULES:
        o->rules.rules_dir = optarg;
        return 0;
    case OPT_NO_DEFAULT:
        o->rules.no_default_rules = 1;
        return 0;
    case OPT_EXT:
        o->exts = optarg;
        return 0;
    case OPT_FILES_FROM:
        o->files_from = optarg;
        return 0;
    case OPT_STDIN_NAME:
        o->stdin_name = optarg;
        return 0;
    case OPT_ENCODING:
        return encoding_parse(optarg, &o->encoding);
    case OPT_BASELINE:
        o->baseline = optarg;
        return 0;
    case OPT_REGISTER:
        o->register_path = optarg;
        return 0;
    case 'j': {
        char *end;
        long n = strtol(optarg, &end, 10);
        if (end == optarg || *end || n < 1 || n > 256)
            break;
        o->jobs = (int)n;
        return 0;
    }
    case OPT_WRITE_BASELINE:
        o->write_baseline = optarg;
        return 0;
    case OPT_COLOR:
        if (strcmp(optarg, "auto") == 0)
            o->color = -1;
        else if (strcmp(optarg, "always") == 0)
            o->color = 1;
        else if (strcmp(optarg, "never") == 0)
            o->color = 0;
        else
            break;
        return 0;
    }
    return -1;
}

static const char *option_name(const struct option *opts, int val)
{
    for (; opts->name; opts++)
        if (opts->val == val)
            return opts->name;
    return "?";
}

static int parse_scan_args(int argc, char **argv, scan_opts_t *o)
{
    static const struct option longopts[] = {
        {"format", required_argument, NULL, OPT_FORMAT},
        {"output", required_argument, NULL, 'o'},
        {"lang", required_argument, NULL, OPT_LANG},
        {"fail-on", required_argument, NULL, OPT_FAIL_ON},
        {"as-of", required_argument, NULL, OPT_AS_OF},
        {"profile", required_argument, NULL, OPT_PROFILE},
        {"rules", required_argument, NULL, OPT_RULES},
        {"no-default-rules", no_argument, NULL, OPT_NO_DEFAULT},
        {"ext", required_argument, NULL, OPT_EXT},
        {"files-from", required_argument, NULL, OPT_FILES_FROM},
        {"stdin-name", required_argument, NULL, OPT_STDIN_NAME},
        {"encoding", required_argument, NULL, OPT_ENCODING},
        {"color", required_argument, NULL, OPT_COLOR},
        {"baseline", required_argument, NULL, OPT_BASELINE},
        {"register", required_argument, NULL, OPT_REGISTER},
        {"jobs", required_argument, NULL, 'j'},
        {"write-baseline", required_argument, NULL, OPT_WRITE_BASELINE},
        {"help", no_argument, NULL, OPT_HELP},
        {NULL, 0, NULL, 0},
    };
    memset(o, 0, sizeof *o);
    o->format = "text";
    o->fail_on = SEV_ERROR;
    o->as_of = date_today();
    o->rules.profile_name = "hunan";
    o->exts = "txt,md";
    o->color = -1;
    o->jobs = online_processors();
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, "o:hj:", longopts, NULL)) != -1) {
        if (c == OPT_HELP || c == 'h') {
            fputs(SCAN_USAGE, stdout);
            exit(EXIT_CLEAN);
        }
        if (c == '?' || parse_scan_option(c, o) != 0) {
            if (c != '?')
                cli_message("bad value '%s' for --%s", optarg, option_name(longopts, c));
            fputs(SCAN_USAGE, stderr);
            return -1;
        }
    }
    if (!printer_format_known(o->format)) {
        cli_message("unknown --format '%s' (text, json, jsonl, csv, sarif, html)", o->format);
        return -1;
    }
    return 0;
}

/* The files to audit, sorted; for `check`, exactly one (stdin by default). */
static int collect_files(int argc, char **argv, const scan_opts_t *o, int check_mode,
                         file_list_t *files)
{
    file_list_t roots = {0};
    for (int i = optind; i < argc; i++) {
        roots.paths = grow_array(roots.paths, &roots.cap, roots.n + 1, sizeof *roots.paths);
        roots.paths[roots.n++] = xstrdup(argv[i]);
    }
    if (o->files_from && read_files_from(o->files_from, &roots) != 0) {
        file_list_free(&roots);
        return -1;
    }
    if (check_mode && roots.n > 1) {
        cli_message("check takes one document (use scan for several)");
        file_list_free(&roots);
        return -1;
    }
    if (roots.n == 0) {
        roots.paths = grow_array(roots.paths, &roots.cap, 1, sizeof *roots.paths);
        roots.paths[roots.n++] = xstrdup(check_mode ? "-" : ".");
    }
    struct stat st;
    if (check_mode && stat(roots.paths[0], &st) == 0 && S_ISDIR(st.st_mode)) {
        cli_error(roots.paths[0], "is a folder; check takes one document (use scan for folders)");
        file_list_free(&roots);
        return -1;
    }
    walk_paths(roots.paths, roots.n, o->exts, files);
    file_list_sort(files);
    file_list_drop_companions(files);
    file_list_free(&roots);
    return 0;
}

typedef struct {
    const scan_opts_t *o;
    const file_list_t *files;
    batch_t *batch;
    audit_options_t audit;
    printer_t *printer;
    summary_t summary;
    int worst;            /* highest severity found; -1: none */
    int trouble;          /* a file could not be processed */
    baseline_t *baseline; /* --baseline, or NULL */
    printer_t *full;      /* --write-baseline: every finding, as JSON */
    summary_t full_summary;
} scan_state_t;

/*
 * With a baseline, the findings to show are the new ones: a view sharing
 * the findings' strings (free only its array). The decision still weighs
 * every finding, known or new.
 */
static findings_t new_findings(scan_state_t *s, const char *path, const findings_t *all)
{
    findings_t shown = {0};
    baseline_seen(s->baseline, path);
    shown.items = xcalloc(all->n ? all->n : 1, sizeof *shown.items);
    for (size_t i = 0; i < all->n; i++) {
        const finding_t *f = &all->items[i];
        if (baseline_take(s->baseline, path, f->rule->id, f->excerpt))
            s->summary.baseline_known++;
        else
            shown.items[shown.n++] = *f;
    }
    s->summary.baseline_new += shown.n;
    return shown;
}

static void report_failure(scan_state_t *s, const char *path, const char *why)
{
    cli_error(path, "%s", why);
    doc_report_t r = {path, NULL, why, NULL, NULL};
    printer_document(s->printer, &r);
    summary_add(&s->summary, &r);
    if (s->full) {
        printer_document(s->full, &r);
        summary_add(&s->full_summary, &r);
    }
    s->trouble = 1;
}

typedef enum { LOAD_OK, LOAD_FAILED, LOAD_BINARY, LOAD_UNSUPPORTED } load_status_t;

/* Read and parse one file; a failed read leaves its errno in *err. */
static load_status_t load_file(const char *path, const char *shown, encoding_t enc,
                               document_t *doc, int *err)
{
    buf_t bytes;
    buf_init(&bytes);
    memset(doc, 0, sizeof *doc);
    *err = cli_read_input(path, &bytes);
    if (*err != 0) {
        buf_free(&bytes);
        return LOAD_FAILED;
    }
    decode_status_t st = document_load(shown, bytes.data ? bytes.data : "", bytes.len, enc, doc);
    buf_free(&bytes);
    if (st == DECODE_OK)
        return LOAD_OK;
    document_free(doc);
    return st == DECODE_BINARY ? LOAD_BINARY : LOAD_UNSUPPORTED;
}

/* Per-thread state of both passes: a matcher of its own. */
static void *thread_matcher(void *ctx)
{
    scan_state_t *s = ctx;
    return matcher_new(s->audit.rules);
}

static void thread_matcher_free(void *state)
{
    matcher_free(state);
}

/*
 * First pass over a scan: what supersession and numbering need of every
 * document (title, date, 文号). Standard input is read once, in the audit
 * pass only.
 */
static void *batch_work(void *ctx, void *state, size_t i)
{
    scan_state_t *s = ctx;
    const char *path = s->files->paths[i];
    document_t *doc = xcalloc(1, sizeof *doc);
    int err;
    (void)state;
    if (strcmp(path, "-") == 0 || load_file(path, path, s->o->encoding, doc, &err) != LOAD_OK) {
        free(doc);
        return NULL;
    }
    return doc;
}

static void batch_emit(void *ctx, size_t i, void *result)
{
    scan_state_t *s = ctx;
    document_t *doc = result;
    (void)i;
    if (!doc)
        return;
    batch_add(s->batch, doc);
    document_free(doc);
    free(doc);
}

/* "dir/X.txt" -> "dir/X起草说明.txt": the drafting note that goes with a document. */
static char *note_path(const char *path)
{
    const char *slash = strrchr(path, '/');
    const char *dot = strrchr(path, '.');
    size_t stem = dot && (!slash || dot > slash) ? (size_t)(dot - path) : strlen(path);
    buf_t b;
    buf_init(&b);
    buf_append(&b, path, stem);
    buf_puts(&b, "起草说明");
    buf_puts(&b, path + stem);
    return buf_steal(&b);
}

/* The document's 起草说明 when one stands beside it; 1 when loaded. */
static int load_note(const char *path, encoding_t enc, document_t *note)
{
    if (strcmp(path, "-") == 0)
        return 0;
    char *np = note_path(path);
    struct stat st;
    int err;
    int ok = stat(np, &st) == 0 && S_ISREG(st.st_mode) &&
             load_file(np, np, enc, note, &err) == LOAD_OK;
    free(np);
    return ok;
}

static const char *shown_name(const scan_state_t *s, const char *path)
{
    return strcmp(path, "-") == 0 && s->o->stdin_name ? s->o->stdin_name : path;
}

/* One document read and audited on a worker thread, waiting to be printed. */
typedef struct {
    load_status_t status;
    int err;
    document_t doc;
    findings_t findings;
    decision_t decision;
} audited_t;

static void *audit_work(void *ctx, void *state, size_t i)
{
    scan_state_t *s = ctx;
    const char *path = s->files->paths[i];
    audited_t *a = xcalloc(1, sizeof *a);
    a->status = load_file(path, shown_name(s, path), s->o->encoding, &a->doc, &a->err);
    if (a->status != LOAD_OK)
        return a;
    document_t note;
    int has_note = load_note(path, s->o->encoding, &note);
    audit_options_t o = s->audit;   /* a copy: the note is this document's own */
    o.note = has_note ? &note : NULL;
    audit_document(&o, state, &a->doc, &a->findings);
    if (has_note)
        document_free(&note);
    recommend(&a->findings, &a->decision);
    return a;
}

/* Print one audited document (in path order, on the calling thread) and free it. */
static void audit_emit(void *ctx, size_t i, void *result)
{
    scan_state_t *s = ctx;
    audited_t *a = result;
    const char *shown = shown_name(s, s->files->paths[i]);
    if (a->status == LOAD_BINARY) {
        cli_error(shown, "binary file, skipped");   /* a note, not a failure */
    } else if (a->status != LOAD_OK) {
        report_failure(s, shown, a->status == LOAD_FAILED
                                     ? tr_errno(a->err)
                                     : tr("this system's iconv cannot decode the requested encoding"));
    } else {
        if (s->full) {
            doc_report_t all = {shown, &a->doc, NULL, &a->findings, &a->decision};
            printer_document(s->full, &all);
            summary_add(&s->full_summary, &all);
        }
        findings_t view = s->baseline ? new_findings(s, shown, &a->findings) : a->findings;
        doc_report_t r = {shown, &a->doc, NULL, &view, &a->decision};
        printer_document(s->printer, &r);
        summary_add(&s->summary, &r);
        for (size_t k = 0; k < view.n; k++)   /* exit status: new findings only, with a baseline */
            if ((int)view.items[k].rule->severity > s->worst)
                s->worst = (int)view.items[k].rule->severity;
        if (s->baseline)
            free(view.items);
        decision_free(&a->decision);
        findings_free(&a->findings);
        document_free(&a->doc);
    }
    free(a);
}

/* Documents waiting to be printed at most: bounds memory on any batch. */
#define PRINT_WINDOW 64

static void run_pass(scan_state_t *s, void *(*work)(void *, void *, size_t),
                     void (*emit)(void *, size_t, void *))
{
    ordered_job_t job = {s, thread_matcher, thread_matcher_free, work, emit};
    if (run_ordered(&job, s->files->n, s->o->jobs, PRINT_WINDOW) != 0)
        cli_message("could not start worker threads; scanned on one thread");
}

static int exit_status(const scan_state_t *s)
{
    if (s->trouble)
        return EXIT_TROUBLE;
    if (s->o->fail_on >= 0 && s->worst >= s->o->fail_on)
        return EXIT_FINDINGS;
    return EXIT_CLEAN;
}

static FILE *open_output(const char *path)
{
    if (!path || strcmp(path, "-") == 0)
        return stdout;
    FILE *f = fopen(path, "w");
    if (!f)
        cli_error(path, "cannot write report: %s", tr_errno(errno));
    return f;
}

/* --write-baseline: a JSON printer on its own file, fed every finding. */
static int open_full_report(const scan_opts_t *o, const report_config_t *cfg, scan_state_t *s,
                            FILE **file)
{
    *file = NULL;
    if (!o->write_baseline)
        return 0;
    if (!(*file = fopen(o->write_baseline, "w"))) {
        cli_error(o->write_baseline, "cannot write baseline: %s", tr_errno(errno));
        return -1;
    }
    report_config_t full = *cfg;
    full.out = *file;
    full.color = 0;
    s->full = printer_new("json", &full);
    return 0;
}

/* Audit every file, print, and return the exit status. */
static int run_scan(scan_state_t *s, const file_list_t *files, const report_config_t *cfg)
{
    const scan_opts_t *o = s->o;
    FILE *full_file;
    if (open_full_report(o, cfg, s, &full_file) != 0)
        return EXIT_TROUBLE;
    (void)files;
    run_pass(s, audit_work, audit_emit);
    if (s->baseline) {
        s->summary.has_baseline = 1;
        s->summary.baseline_fixed = baseline_fixed(s->baseline);
    }
    printer_finish(s->printer, &s->summary);
    /* The terminal always gets the one-line summary, whatever the format. */
    if (strcmp(o->format, "text") != 0 || o->output)
        summary_line(&s->summary, o->english, stderr);
    int status = exit_status(s);
    if (s->full) {
        printer_finish(s->full, &s->full_summary);
        printer_free(s->full);
        if (fclose(full_file) != 0) {
            cli_error(o->write_baseline, "cannot write baseline: %s", tr_errno(errno));
            status = EXIT_TROUBLE;
        }
    }
    return status;
}

int cmd_scan(int argc, char **argv, int check_mode)
{
    scan_opts_t o;
    if (parse_scan_args(argc, argv, &o) != 0)
        return EXIT_TROUBLE;
    ruleset_t *rs = cli_load_rules(&o.rules, 1);
    if (!rs)
        return EXIT_TROUBLE;
    char err[512] = "";
    profile_t *profile = profile_load(o.rules.profile_name, o.rules.rules_dir, err, sizeof err);
    baseline_t *baseline = NULL;
    doc_register_t *reg = NULL;
    if (profile && o.baseline && !(baseline = baseline_load(o.baseline, err, sizeof err)))
        profile_free(profile), profile = NULL;
    if (profile && o.register_path && !(reg = register_load(o.register_path, err, sizeof err))) {
        profile_free(profile), profile = NULL;
        baseline_free(baseline), baseline = NULL;
    }
    if (!profile) {
        cli_message("%s", err);
        ruleset_free(rs);
        return EXIT_TROUBLE;
    }
    file_list_t files = {0};
    FILE *out = NULL;
    int status = EXIT_TROUBLE;
    if (collect_files(argc, argv, &o, check_mode, &files) != 0 || !(out = open_output(o.output)))
        goto done;
    int color = o.color >= 0 ? o.color : isatty(fileno(out)) && !getenv("NO_COLOR");
    report_config_t cfg = {out, o.english, color, o.as_of, profile->name, rs, ruleset_hash(rs)};
    batch_t *batch = batch_new();
    audit_options_t audit = {.rules = rs, .profile = profile, .as_of = o.as_of, .batch = batch,
                             .prepublication = check_mode, .reg = reg};
    scan_state_t s = {&o, &files, batch, audit, printer_new(o.format, &cfg), {0}, -1,
                      files.errors > 0, baseline, NULL, {0}};
    if (files.n > 1)   /* supersession and duplicate 文号 compare documents: titles first */
        run_pass(&s, batch_work, batch_emit);
    status = run_scan(&s, &files, &cfg);
    if (reg && review_report_orphans(rs, reg, o.english, stderr) > 0 && status == EXIT_CLEAN &&
        o.fail_on >= 0 && o.fail_on <= SEV_WARNING)
        status = EXIT_FINDINGS;   /* a register row without its document is a warning */
    printer_free(s.printer);
    batch_free(batch);
    if (out != stdout && fclose(out) != 0) {   /* -o -: stdout, never a file named "-" */
        cli_error(o.output, "cannot write report: %s", tr_errno(errno));
        status = EXIT_TROUBLE;
    }
done:
    file_list_free(&files);
    profile_free(profile);
    baseline_free(baseline);
    register_free(reg);
    ruleset_free(rs);
    return status;
}
