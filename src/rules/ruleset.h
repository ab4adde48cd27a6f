/*
 * ruleset.h - rule files and tables loaded and compiled into a rule set.
 *
 * Rules are data a legal expert edits (rules/NAME.rules, INI-like; tables in
 * rules/NAME.tsv); see docs/rule-format.md. A rule set is built once, then
 * never changes: every worker may share it read-only.
 */
#ifndef NORMLINT_RULESET_H
#define NORMLINT_RULESET_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stddef.h>

typedef enum {
    CAT_VALIDITY = 0,
    CAT_HIGHER_LAW,
    CAT_ULTRA_VIRES,
    CAT_FAIR_COMPETITION,
    CAT_PROCEDURE,
    CAT_DRAFTING,
    CAT_ENCODING,
    CAT_COUNT
} category_t;

typedef enum { SEV_INFO = 0, SEV_WARNING, SEV_ERROR } severity_t;
/* Ordered by weight: the heaviest effect among a document's findings decides. */
typedef enum { EFFECT_NONE = 0, EFFECT_EXTEND, EFFECT_AMEND, EFFECT_REPEAL } effect_t;

typedef enum {
    RULE_MATCH = 0,   /* each match of `pattern` is a finding */
    RULE_ABSENCE,     /* no match of `pattern` is one finding */
    RULE_CHECK,       /* produced by a named check in code; the rule holds its words */
} rule_kind_t;

typedef enum { SCOPE_ALL = 0, SCOPE_TITLE, SCOPE_BODY, SCOPE_CLOSING } scope_t;

/* `issued = before|on-or-after`: the document's date against the row's date. */
enum { ISSUED_ANY = 0, ISSUED_BEFORE, ISSUED_ON_OR_AFTER };

/* A TSV table: a header row naming the columns, then one row per entry. */
typedef struct {
    char *name;          /* its path, e.g. "rules/laws.tsv" or "DIR/laws.tsv" */
    char **columns;
    size_t ncolumns;
    char ***rows;        /* rows[i][j]: cell j of row i */
    size_t nrows;
} table_t;

typedef struct {
    char *text;          /* "\n" in the file stands for a line break */
    int should_match;
    int line;            /* where it is written */
} rule_example_t;

typedef struct {
    char *id;
    category_t category;
    severity_t severity;
    effect_t effect;
    rule_kind_t kind;
    scope_t scope;
    char *check;         /* RULE_CHECK: the name the code raises it by */
    char *pattern_src;   /* after {{table}} expansion */
    pcre2_code *pattern;
    char *when_src;      /* the rule applies only where this matches */
    pcre2_code *when;
    char *unless_src;    /* ... and only where this does not */
    pcre2_code *unless;
    char *exclude_src;   /* a match is dropped if its sentence matches this */
    pcre2_code *exclude;
    char *message;       /* Chinese; {group} and {table.column} placeholders */
    char *message_en;
    char *basis;         /* the legal basis: law/document and article */
    char *help;          /* optional longer explanation */
    char **requires;     /* literals: the rule cannot match without one of them */
    size_t nrequires;
    const table_t *table;
    char *table_key;     /* the named group whose text picks the table row */
    long key_columns[8]; /* ... looked up in these columns (the first {{...}}) */
    size_t nkey_columns;
    int key_columns_fixed;
    char *table_date;    /* column with a YYYY-MM-DD date in that row */
    int issued_cond;     /* ISSUED_*: keep a match only for documents issued so */
    rule_example_t *examples;
    size_t nexamples;
    char *example_as_of; /* audit date for the examples, YYYY-MM-DD */
    int example_prepublication;   /* example.mode = check: examples are drafts */
    char *example_register;       /* example.register: a register CSV for the examples */
    char *file;          /* where it was defined, for diagnostics */
    int line;
    int builtin;
} rule_t;

typedef struct ruleset {
    rule_t *rules;
    size_t nrules, cap;
    table_t **tables;        /* pointers: rules keep them across growth */
    size_t ntables, tcap;
    unsigned max_captures;   /* for sizing per-worker match data */
    int jit;                 /* 1 when patterns are JIT-compiled */
    struct sha256_ctx *hash; /* over every rule and table file loaded, in order */
    char hash_hex[65];       /* set by ruleset_hash() */
} ruleset_t;

/* One problem in a rule file, reported as FILE:LINE: message. */
typedef struct {
    char *file;
    int line;
    char *message;
} rule_diag_t;

typedef struct {
    rule_diag_t *items;
    size_t n, cap;
} rule_diags_t;

ruleset_t *ruleset_new(void);
void ruleset_free(ruleset_t *rs);

/* The rule files compiled into the binary. Returns the number of errors. */
int ruleset_load_builtin(ruleset_t *rs, rule_diags_t *diags);
/*
 * Every *.rules file in `dir` (and its *.tsv tables); a rule whose id is
 * already known replaces the built-in one. Returns the number of errors.
 */
int ruleset_load_dir(ruleset_t *rs, const char *dir, rule_diags_t *diags);
/* One rule file held in memory; `table_dir` is where its tables live (NULL: built in). */
int ruleset_load_text(ruleset_t *rs, const char *name, const char *text, size_t len,
                      const char *table_dir, int builtin, rule_diags_t *diags);

/* SHA-256 of every rule and table file loaded, in load order (hex). */
const char *ruleset_hash(ruleset_t *rs);

const rule_t *ruleset_find(const ruleset_t *rs, const char *id);
const rule_t *ruleset_find_check(const ruleset_t *rs, const char *check);
/* The first row whose cell in one of `cols` holds `key` as a value, or -1. */
long table_find_row(const table_t *t, const long *cols, size_t ncols, const char *key,
                    size_t len);
/* Column index by name, or -1. */
long table_column(const table_t *t, const char *name);

void rule_diags_free(rule_diags_t *d);

const char *category_name(category_t c);
const char *severity_name(severity_t s);
const char *severity_label(severity_t s, int english);  /* 错误 / error */
const char *effect_name(effect_t e);
int severity_parse(const char *s, severity_t *out);

#endif
