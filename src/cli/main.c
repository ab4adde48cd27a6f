/*
 * main.c - normlint's entry point: dispatch to a command.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "util/fsutil.h"
#include "util/messages.h"

static const char USAGE[] =
    "usage: normlint <command> [options]\n"
    "\n"
    "commands:\n"
    "  scan [PATH...]        audit every document under the paths (default .)\n"
    "  check [FILE|-]        audit one document, e.g. a draft before publication\n"
    "  normalize FILE...     write documents as clean UTF-8 (or GBK) text\n"
    "  fix FILE...           apply the certain drafting fixes (diff, or --in-place)\n"
    "  rules list            list the rules in use\n"
    "  rules test            run every rule's examples\n"
    "  explain RULE-ID       a rule's message, legal basis and examples\n"
    "\n"
    "Run 'normlint <command> --help' for a command's options.\n"
    "Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage error or unreadable file.\n";

void cli_error(const char *path, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "normlint: %s: ", path);
    vfprintf(stderr, tr(fmt), ap);
    fputc('\n', stderr);
    va_end(ap);
}

void cli_error_at(const char *path, size_t line, size_t column, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "normlint: %s:%zu:%zu: ", path, line, column);
    vfprintf(stderr, tr(fmt), ap);
    fputc('\n', stderr);
    va_end(ap);
}

void cli_message(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("normlint: ", stderr);
    vfprintf(stderr, tr(fmt), ap);
    fputc('\n', stderr);
    va_end(ap);
}

int cli_rewrite(const char *path, const char *data, size_t len)
{
    int rc = write_file_atomic(path, data, len, -1);
    if (rc != 0)
        cli_error(path, "cannot write: %s; original left unchanged", tr_errno(rc));
    return rc == 0 ? 0 : EXIT_TROUBLE;
}

int cli_read_input(const char *path, buf_t *out)
{
    if (strcmp(path, "-") == 0)
        return read_stream(stdin, out);
    return read_file(path, out);
}

/* --lang en anywhere on the line switches the CLI's own messages too. */
static void pick_language(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            break;
        if ((strcmp(argv[i], "--lang") == 0 && i + 1 < argc && strcmp(argv[i + 1], "en") == 0) ||
            strcmp(argv[i], "--lang=en") == 0)
            messages_set_english(1);
    }
}

int main(int argc, char **argv)
{
    pick_language(argc, argv);
    if (argc < 2) {
        fputs(USAGE, stderr);
        return EXIT_TROUBLE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        fputs(USAGE, stdout);
        return EXIT_CLEAN;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
        printf("normlint %s\n", NORMLINT_VERSION);
        return EXIT_CLEAN;
    }
    if (strcmp(cmd, "normalize") == 0)
        return cmd_normalize(argc - 1, argv + 1);
    if (strcmp(cmd, "fix") == 0)
        return cmd_fix(argc - 1, argv + 1);
    if (strcmp(cmd, "scan") == 0)
        return cmd_scan(argc - 1, argv + 1, 0);
    if (strcmp(cmd, "check") == 0)
        return cmd_scan(argc - 1, argv + 1, 1);
    if (strcmp(cmd, "rules") == 0)
        return cmd_rules(argc - 1, argv + 1);
    if (strcmp(cmd, "explain") == 0)
        return cmd_explain(argc - 1, argv + 1);
    cli_message("unknown command '%s'", cmd);
    fputs(USAGE, stderr);
    return EXIT_TROUBLE;
}
