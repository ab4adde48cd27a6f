/*
 * decode.h - bytes to UTF-8 text, one file at a time.
 *
 * The first stage: whatever the file's encoding (UTF-8 with or without a
 * BOM, UTF-16LE/BE with a BOM, GB18030 and its subsets GBK and GB2312),
 * the result is well-formed UTF-8 holding exactly the characters the user
 * sees in an editor, line ends included. Invalid byte sequences become
 * U+FFFD and are listed with their place; decoding never fails on content.
 */
#ifndef NORMLINT_DECODE_H
#define NORMLINT_DECODE_H

#include <stddef.h>

typedef enum {
    ENC_AUTO = 0,
    ENC_UTF8,
    ENC_UTF8_BOM,
    ENC_GB18030,
    ENC_GBK,       /* decoded as GB18030, its superset; named as asked */
    ENC_UTF16LE,
    ENC_UTF16BE,
} encoding_t;

/* One invalid byte sequence that became U+FFFD. */
typedef struct {
    size_t src_offset;   /* byte offset in the input */
    size_t text_offset;  /* byte offset of the U+FFFD in the decoded text */
    unsigned char bytes[4];
    int nbytes;          /* how many of the offending bytes are in `bytes` */
    size_t line, column; /* 1-based, column in characters */
} decode_issue_t;

typedef enum {
    DECODE_OK = 0,
    DECODE_BINARY,       /* NUL bytes that are not UTF-16: not a text file */
    DECODE_UNSUPPORTED,  /* iconv cannot convert from this encoding here */
} decode_status_t;

typedef struct {
    char *text;          /* UTF-8, NUL-terminated, BOM removed */
    size_t len;
    encoding_t encoding; /* the encoding actually used */
    decode_issue_t *issues;
    size_t nissues;
} decoded_t;

/* Decode `n` bytes. `forced` is ENC_AUTO to detect. */
decode_status_t decode_bytes(const char *bytes, size_t n, encoding_t forced,
                             decoded_t *out);
void decoded_free(decoded_t *d);

/* Names as used on the command line and in reports ("utf-8-bom", ...). */
const char *encoding_name(encoding_t e);
/* Parse a --encoding value; returns 0 on success. */
int encoding_parse(const char *name, encoding_t *out);

/*
 * Encode UTF-8 text to GBK (for `normalize --to gbk`). On a character GBK
 * cannot hold, returns -1 and stores its byte offset in *bad_offset.
 */
int encode_gbk(const char *text, size_t len, char **out, size_t *out_len,
               size_t *bad_offset);

#endif
