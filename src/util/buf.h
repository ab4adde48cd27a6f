/*
 * buf.h - growable byte buffers and small string helpers.
 *
 * Every stage builds text incrementally (decoded UTF-8, normalized text,
 * rendered messages, report output), so they share this one buffer type.
 * Allocation failure is not recoverable in a command-line tool: the
 * x-functions print a message and exit, which keeps every caller simple.
 */
#ifndef NORMLINT_BUF_H
#define NORMLINT_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef struct {
    char *data;     /* always NUL-terminated when data != NULL */
    size_t len;
    size_t cap;
} buf_t;

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* s[0..n) without leading/trailing spaces and tabs (and a trailing CR), as a new string. */
char *xstrndup_trimmed(const char *s, size_t n);

/* Grow an array of `elem` sized items so that it holds at least `need`. */
void *grow_array(void *array, size_t *cap, size_t need, size_t elem);

void buf_init(buf_t *b);
void buf_free(buf_t *b);
void buf_reserve(buf_t *b, size_t extra);
void buf_append(buf_t *b, const void *p, size_t n);
void buf_puts(buf_t *b, const char *s);
void buf_putc(buf_t *b, char c);
void buf_printf(buf_t *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void buf_vprintf(buf_t *b, const char *fmt, va_list ap);
/* Hand the buffer's memory to the caller (never NULL) and reset it. */
char *buf_steal(buf_t *b);

/* Append code point `cp` encoded as UTF-8. */
void buf_put_utf8(buf_t *b, uint32_t cp);

/*
 * Decode one UTF-8 character of well-formed text at s (s < end).
 * Returns the code point and stores its byte length in *len.
 * Text inside normlint is always well-formed UTF-8 after decoding.
 */
uint32_t utf8_next(const char *s, const char *end, int *len);

/*
 * Length of the well-formed UTF-8 character at s (avail > 0 bytes), or 0
 * when it is ill-formed (overlongs, surrogates and values past U+10FFFF
 * included); then *bad is the length of its maximal ill-formed subpart,
 * the bytes one U+FFFD stands for.
 */
size_t utf8_sequence_length(const char *s, size_t avail, size_t *bad);

/* Equal once ASCII spaces are ignored: "鄂人社函〔2022〕8 号" is "鄂人社函〔2022〕8号". */
int str_same_ignoring_spaces(const char *a, const char *b);

/* Number of characters (not bytes) in s[0..n). */
size_t utf8_count(const char *s, size_t n);

/* Terminal display width of a code point: 2 for East Asian wide/fullwidth. */
int cp_display_width(uint32_t cp);

/* Read a whole stream; returns 0 or an errno value. */
int read_stream(FILE *f, buf_t *out);
/* Read a whole file; returns 0 or an errno value (EISDIR for folders). */
int read_file(const char *path, buf_t *out);

#endif
