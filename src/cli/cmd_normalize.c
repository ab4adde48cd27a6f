/*
 * cmd_normalize.c - `normlint normalize`: write documents as clean text.
 *
 * UTF-8 without BOM (or GBK with --to gbk), LF line ends, no trailing
 * spaces, full-width letters and digits folded, zero-width characters
 * removed. In place, the write is atomic and keeps the file's mode; a
 * file that cannot be written faithfully is left untouched.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "util/messages.h"
#include "text/decode.h"
#include "text/normalize.h"
#include "util/fsutil.h"

static const char NORMALIZE_USAGE[] =
    "usage: normlint normalize FILE... [-o OUT] [--in-place [--backup SUFFIX]]\n"
    "                          [--to utf-8|gbk] [--encoding auto|utf-8|gbk|gb18030|utf-16le|utf-16be]\n"
    "  FILE '-' reads standard input. Without -o or --in-place the result goes to stdout.\n";

typedef struct {
    const char *out_path;
    int in_place;
    const char *backup;
    int to_gbk;
    encoding_t encoding;
} normalize_opts_t;

/* Decode and clean one input; returns 0, or EXIT_TROUBLE after saying why. */
static int clean_text(const char *path, const buf_t *bytes, const normalize_opts_t *o,
                      normalized_t *out, int *lossy)
{
    decoded_t dec;
    decode_status_t st = decode_bytes(bytes->data ? bytes->data : "", bytes->len, o->encoding,
                                      &dec);
    if (st == DECODE_BINARY) {
        cli_error(path, "binary file (NUL bytes), not a text document");
        return EXIT_TROUBLE;
    }
    if (st != DECODE_OK) {
        cli_error(path, "this system's iconv cannot decode %s", encoding_name(o->encoding));
        return EXIT_TROUBLE;
    }
    for (size_t i = 0; i < dec.nissues; i++) {
        const decode_issue_t *is = &dec.issues[i];
        cli_error_at(path, is->line, is->column,
                     "invalid %s byte sequence (byte %02X at offset %zu) replaced by U+FFFD",
                     encoding_name(dec.encoding), is->bytes[0], is->src_offset);
    }
    *lossy = dec.nissues > 0;
    normalize_text(dec.text, dec.len, NORM_FOR_OUTPUT, out);
    if (out->len > 0 && out->text[out->len - 1] != '\n') {
        /* A text file ends with a line end; normalize_text keeps what it was given. */
        size_t len = out->len;
        out->text = xrealloc(out->text, len + 2);
        out->text[len] = '\n';
        out->text[len + 1] = '\0';
        out->len = len + 1;
    }
    decoded_free(&dec);
    return 0;
}

/* The bytes to write: the clean UTF-8 itself, or its GBK form. */
static int encode_output(const char *path, const normalized_t *n, const normalize_opts_t *o,
                         char **data, size_t *len, int *owned)
{
    *owned = 0;
    if (!o->to_gbk) {
        *data = n->text;
        *len = n->len;
        return 0;
    }
    size_t bad;
    int rc = encode_gbk(n->text, n->len, data, len, &bad);
    if (rc == -1) {
        position_t pos = normalized_position(n, bad);
        int clen;
        uint32_t cp = utf8_next(n->text + bad, n->text + n->len, &clen);
        cli_error_at(path, pos.line, pos.column,
                     "character U+%04X cannot be written in GBK; nothing written", (unsigned)cp);
        return EXIT_TROUBLE;
    }
    if (rc != 0) {
        cli_error(path, "this system's iconv cannot encode GBK");
        return EXIT_TROUBLE;
    }
    *owned = 1;
    return 0;
}

static int write_in_place(const char *path, const buf_t *original, const char *data, size_t len,
                          const normalize_opts_t *o)
{
    if (original->len == len && memcmp(original->data, data, len) == 0)
        return 0;   /* already clean: leave the file (and its mtime) alone */
    if (o->backup) {
        buf_t bpath;
        buf_init(&bpath);
        buf_printf(&bpath, "%s%s", path, o->backup);
        struct stat st;   /* the backup gets the original's mode, not a default */
        int mode = stat(path, &st) == 0 ? (int)(st.st_mode & 07777) : -1;
        int rc = write_file_atomic(bpath.data, original->data ? original->data : "",
                                   original->len, mode);
        if (rc != 0) {
            cli_error(bpath.data, "cannot write backup: %s; original left unchanged",
                      tr_errno(rc));
            buf_free(&bpath);
            return EXIT_TROUBLE;
        }
        buf_free(&bpath);
    }
    return cli_rewrite(path, data, len);
}

static int normalize_one(const char *path, const normalize_opts_t *o, buf_t *collected)
{
    buf_t bytes;
    buf_init(&bytes);
    int rc = cli_read_input(path, &bytes);
    if (rc != 0) {
        cli_error(path, "%s", tr_errno(rc));
        buf_free(&bytes);
        return EXIT_TROUBLE;
    }
    normalized_t n;
    int lossy = 0, status = clean_text(path, &bytes, o, &n, &lossy);
    if (status != 0) {
        buf_free(&bytes);
        return status;
    }
    char *data;
    size_t len;
    int owned;
    status = encode_output(path, &n, o, &data, &len, &owned);
    if (status == 0 && o->in_place) {
        if (lossy) {
            cli_error(path, "has invalid byte sequences; not rewritten in place, which would lose "
                      "them (check --encoding)");
            status = EXIT_TROUBLE;
        } else {
            status = write_in_place(path, &bytes, data, len, o);
        }
    } else if (status == 0) {
        buf_append(collected, data, len);
    }
    if (owned)
        free(data);
    normalized_free(&n);
    buf_free(&bytes);
    return status;
}

static int parse_normalize_args(int argc, char **argv, normalize_opts_t *o)
{
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'}, {"in-place", no_argument, NULL, 'i'},
        {"backup", required_argument, NULL, 'b'}, {"to", required_argument, NULL, 't'},
        {"encoding", required_argument, NULL, 'e'}, {"lang", required_argument, NULL, 'L'}, {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int c;
    memset(o, 0, sizeof *o);
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'o':
            o->out_path = optarg;
            break;
        case 'i':
            o->in_place = 1;
            break;
        case 'b':
            o->backup = optarg;
            break;
        case 't':
            if (strcmp(optarg, "gbk") == 0)
                o->to_gbk = 1;
            else if (strcmp(optarg, "utf-8") != 0) {
                cli_message("--to takes utf-8 or gbk, not '%s'", optarg);
                return -1;
            }
            break;
        case 'e':
            if (encoding_parse(optarg, &o->encoding) != 0) {
                cli_message("unknown --encoding '%s'", optarg);
                return -1;
            }
            break;
        case 'L':   /* main() already chose the language of messages */
            break;
        case 'h':
            fputs(NORMALIZE_USAGE, stdout);
            exit(EXIT_CLEAN);
        default:
            fputs(NORMALIZE_USAGE, stderr);
            return -1;
        }
    }
    if (optind >= argc) {
        cli_message("normalize needs at least one FILE ('-' for standard input)");
        return -1;
    }
    if (o->in_place && o->out_path) {
        cli_message("--in-place and -o cannot be used together");
        return -1;
    }
    if (o->backup && !o->in_place) {
        cli_message("--backup goes with --in-place");
        return -1;
    }
    for (int i = optind; o->in_place && i < argc; i++)
        if (strcmp(argv[i], "-") == 0) {
            cli_message("standard input cannot be rewritten in place");
            return -1;
        }
    return 0;
}

int cmd_normalize(int argc, char **argv)
{
    normalize_opts_t o;
    if (parse_normalize_args(argc, argv, &o) != 0)
        return EXIT_TROUBLE;
    buf_t collected;
    buf_init(&collected);
    int status = EXIT_CLEAN;
    for (int i = optind; i < argc; i++)
        if (normalize_one(argv[i], &o, &collected) != 0)
            status = EXIT_TROUBLE;   /* the other files still go on */
    if (o.out_path && strcmp(o.out_path, "-") != 0) {
        int rc = write_file_atomic(o.out_path, collected.data ? collected.data : "", collected.len,
                                   -1);
        if (rc != 0) {
            cli_error(o.out_path, "cannot write: %s", tr_errno(rc));
            status = EXIT_TROUBLE;
        }
    } else if (!o.in_place && collected.len) {
        fwrite(collected.data, 1, collected.len, stdout);
        if (fflush(stdout) != 0) {
            cli_message("cannot write standard output");
            status = EXIT_TROUBLE;
        }
    }
    buf_free(&collected);
    return status;
}
