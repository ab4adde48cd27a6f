/*
 * cli.h - the command-line front end: one file per command.
 */
#ifndef NORMLINT_CLI_H
#define NORMLINT_CLI_H

#include <stddef.h>

#include "util/buf.h"

enum {
    EXIT_CLEAN = 0,      /* nothing at or above --fail-on */
    EXIT_FINDINGS = 1,   /* findings at or above --fail-on */
    EXIT_TROUBLE = 2,    /* usage error, or a file that could not be processed */
};

/* "normlint: PATH: message" on stderr, in the --lang language (util/messages.h). */
void cli_error(const char *path, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* "normlint: PATH:LINE:COL: message" on stderr. */
void cli_error_at(const char *path, size_t line, size_t column, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* "normlint: message" on stderr. */
void cli_message(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Replace a user's file atomically (write_file_atomic, keeping its mode);
 * 0, or EXIT_TROUBLE after saying the original is unchanged. */
int cli_rewrite(const char *path, const char *data, size_t len);

/* Read a file, or standard input for "-"; returns 0 or an errno value. */
int cli_read_input(const char *path, buf_t *out);

int cmd_normalize(int argc, char **argv);
int cmd_fix(int argc, char **argv);
int cmd_scan(int argc, char **argv, int check_mode);
int cmd_rules(int argc, char **argv);
int cmd_explain(int argc, char **argv);

/* Collect the files to scan, sorted by path (walk.c). */
typedef struct {
    char **paths;
    size_t n, cap;
    int errors;         /* paths that could not be walked (already reported) */
} file_list_t;

int walk_paths(char **roots, size_t nroots, const char *exts, file_list_t *out);
int read_files_from(const char *list, file_list_t *out);
void file_list_sort(file_list_t *l);
/*
 * Drop "X起草说明.txt" where "X.txt" is in the sorted list too: a drafting
 * note is evidence about its document (review steps), not a document.
 */
void file_list_drop_companions(file_list_t *l);
void file_list_free(file_list_t *l);

#endif

/* Rule set and profile as the options ask; diagnostics go to stderr. */
struct ruleset;
typedef struct {
    const char *rules_dir;      /* --rules DIR, or NULL */
    int no_default_rules;
    const char *profile_name;   /* --profile, default "hunan" */
} rules_opts_t;

/*
 * Load built-in rules and --rules DIR, report every problem as
 * FILE:LINE: message. With `verify_user_examples`, the --rules files'
 * examples must pass too. Returns NULL on any problem.
 */
struct ruleset *cli_load_rules(const rules_opts_t *o, int verify_user_examples);
