/*
 * decode.c - detect a file's encoding and decode it to UTF-8.
 *
 * UTF-8 is validated and repaired here (it is the common case and needs no
 * conversion); GB18030 and UTF-16 go through iconv(3), which every libc
 * ships and which knows GB18030's four-byte ranges correctly.
 */
#include "decode.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/buf.h"

typedef struct {
    buf_t text;
    decode_issue_t *issues;
    size_t nissues, cap;
} decoder_t;

static void add_issue(decoder_t *d, const char *src, size_t src_off, size_t nbad)
{
    d->issues = grow_array(d->issues, &d->cap, d->nissues + 1, sizeof *d->issues);
    decode_issue_t *is = &d->issues[d->nissues++];
    memset(is, 0, sizeof *is);
    is->src_offset = src_off;
    is->text_offset = d->text.len;
    is->nbytes = nbad > 4 ? 4 : (int)nbad;
    memcpy(is->bytes, src + src_off, (size_t)is->nbytes);
    buf_put_utf8(&d->text, 0xFFFD);
}

/* Counts used by detection: invalid sequences and valid multi-byte ones. */
static void utf8_survey(const char *bytes, size_t n, size_t *invalid, size_t *multi)
{
    const unsigned char *s = (const unsigned char *)bytes;
    size_t i = 0, bad;
    *invalid = *multi = 0;
    while (i < n) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        size_t len = utf8_sequence_length(bytes + i, n - i, &bad);
        if (len) {
            (*multi)++;
            i += len;
        } else {
            (*invalid)++;
            i += bad;
        }
    }
}

static void decode_utf8(decoder_t *d, const char *bytes, size_t n)
{
    const unsigned char *s = (const unsigned char *)bytes;
    size_t i = 0, run = 0, bad;
    buf_reserve(&d->text, n);
    while (i < n) {
        size_t len = s[i] < 0x80 ? 1 : utf8_sequence_length(bytes + i, n - i, &bad);
        if (len) {
            i += len;
            continue;
        }
        buf_append(&d->text, bytes + run, i - run);
        add_issue(d, bytes, i, bad);
        i += bad;
        run = i;
    }
    buf_append(&d->text, bytes + run, n - run);
}

/*
 * Decode with iconv; `unit` is how many bytes to skip past a bad sequence;
 * `euro_80` reads a lone 0x80 as U+20AC (GBK files written on Windows).
 */
static int decode_iconv(decoder_t *d, const char *from, size_t unit, int euro_80,
                        const char *bytes, size_t n)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1)
        return -1;
    char *in = (char *)bytes;
    size_t inleft = n;
    while (inleft > 0) {
        buf_reserve(&d->text, inleft * 2 + 16);
        char *out = d->text.data + d->text.len;
        size_t outleft = d->text.cap - d->text.len - 1;
        size_t rc = iconv(cd, &in, &inleft, &out, &outleft);
        d->text.len = (size_t)(out - d->text.data);
        d->text.data[d->text.len] = '\0';
        if (rc != (size_t)-1 || errno == E2BIG)
            continue;
        size_t off = (size_t)(in - bytes);
        if (errno == EILSEQ && euro_80 && (unsigned char)*in == 0x80) {
            /* CP936 (Windows GBK) writes the euro sign as the single byte 0x80,
             * which GB18030 leaves unassigned: read it as CP936 does. */
            buf_put_utf8(&d->text, 0x20AC);
            in++;
            inleft--;
            continue;
        }
        /* EINVAL: an incomplete sequence at the end, e.g. truncated UTF-16. */
        size_t skip = errno == EINVAL ? inleft : (unit < inleft ? unit : inleft);
        add_issue(d, bytes, off, skip);
        in += skip;
        inleft -= skip;
        iconv(cd, NULL, NULL, NULL, NULL);
    }
    iconv_close(cd);
    return 0;
}

/*
 * NUL bytes mean UTF-16 without a BOM, or a binary file. ASCII-heavy
 * UTF-16 has its zero bytes almost all on one parity; anything else is
 * binary and is not scanned.
 */
enum { NOT_TEXT = -1 };

static int guess_nul_encoding(const char *bytes, size_t n)
{
    size_t even = 0, odd = 0;
    for (size_t i = 0; i < n; i++)
        if (bytes[i] == '\0')
            *(i % 2 ? &odd : &even) += 1;
    if (even + odd == 0)
        return ENC_AUTO;
    if (n % 2 == 0 && even == 0 && odd * 4 >= n / 2)
        return ENC_UTF16LE;
    if (n % 2 == 0 && odd == 0 && even * 4 >= n / 2)
        return ENC_UTF16BE;
    return NOT_TEXT;
}

static int decode_iconv(decoder_t *d, const char *from, size_t unit, int euro_80,
                        const char *bytes, size_t n);

/* How many invalid sequences reading the bytes as GB18030 would meet. */
static size_t gb18030_errors(const char *bytes, size_t n)
{
    decoder_t trial;
    memset(&trial, 0, sizeof trial);
    buf_init(&trial.text);
    size_t errors = decode_iconv(&trial, "GB18030", 1, 1, bytes, n) == 0 ? trial.nissues
                                                                          : (size_t)-1;
    buf_free(&trial.text);
    free(trial.issues);
    return errors;
}

/* Returns the detected encoding, or NOT_TEXT for a binary file. */
static int detect(const char *bytes, size_t n, size_t *skip)
{
    const unsigned char *s = (const unsigned char *)bytes;
    *skip = 0;
    if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
        *skip = 3;
        return ENC_UTF8_BOM;
    }
    if (n >= 2 && s[0] == 0xFF && s[1] == 0xFE) {
        *skip = 2;
        return ENC_UTF16LE;
    }
    if (n >= 2 && s[0] == 0xFE && s[1] == 0xFF) {
        *skip = 2;
        return ENC_UTF16BE;
    }
    int nul = guess_nul_encoding(bytes, n);
    if (nul != ENC_AUTO)
        return nul;
    size_t invalid, multi;
    utf8_survey(bytes, n, &invalid, &multi);
    /*
     * A UTF-8 file with a few damaged bytes is still UTF-8: reading it as
     * GB18030 would garble every character. Valid multi-byte sequences
     * occur by chance in GB18030 text, but rarely many times more often
     * than invalid ones.
     */
    if (invalid == 0 || multi >= 8 * invalid)
        return ENC_UTF8;
    /* Too close to call by counting: read it both ways, keep the cleaner. */
    return gb18030_errors(bytes, n) < invalid ? ENC_GB18030 : ENC_UTF8;
}

/* Fill in line and column of every issue with one pass over the text. */
static void locate_issues(decoder_t *d)
{
    const char *t = d->text.data;
    size_t line = 1, col = 1, pos = 0;
    for (size_t k = 0; k < d->nissues; k++) {
        size_t target = d->issues[k].text_offset;
        while (pos < target) {
            unsigned char c = (unsigned char)t[pos];
            if (c == '\n' || (c == '\r' && t[pos + 1] != '\n')) {
                line++;
                col = 1;
            } else if (c != '\r' && (c & 0xC0) != 0x80)
                col++;
            pos++;
        }
        d->issues[k].line = line;
        d->issues[k].column = col;
    }
}

decode_status_t decode_bytes(const char *bytes, size_t n, encoding_t forced,
                             decoded_t *out)
{
    decoder_t d;
    memset(&d, 0, sizeof d);
    memset(out, 0, sizeof *out);
    buf_init(&d.text);
    size_t skip = 0;
    encoding_t enc = forced;
    if (enc == ENC_AUTO) {
        int detected = detect(bytes, n, &skip);
        if (detected == NOT_TEXT)
            return DECODE_BINARY;
        enc = (encoding_t)detected;
    } else {
        /* A forced encoding still drops its own BOM. */
        const unsigned char *s = (const unsigned char *)bytes;
        if ((enc == ENC_UTF8 || enc == ENC_UTF8_BOM) && n >= 3 && s[0] == 0xEF &&
            s[1] == 0xBB && s[2] == 0xBF)
            skip = 3, enc = ENC_UTF8_BOM;
        else if (enc == ENC_UTF16LE && n >= 2 && s[0] == 0xFF && s[1] == 0xFE)
            skip = 2;
        else if (enc == ENC_UTF16BE && n >= 2 && s[0] == 0xFE && s[1] == 0xFF)
            skip = 2;
    }
    int rc = 0;
    switch (enc) {
    case ENC_UTF8:
    case ENC_UTF8_BOM:
    case ENC_AUTO:
        decode_utf8(&d, bytes + skip, n - skip);
        break;
    case ENC_GB18030:
    case ENC_GBK:
        rc = decode_iconv(&d, "GB18030", 1, 1, bytes + skip, n - skip);
        break;
    case ENC_UTF16LE:
        rc = decode_iconv(&d, "UTF-16LE", 2, 0, bytes + skip, n - skip);
        break;
    case ENC_UTF16BE:
        rc = decode_iconv(&d, "UTF-16BE", 2, 0, bytes + skip, n - skip);
        break;
    }
    if (rc != 0) {
        buf_free(&d.text);
        free(d.issues);
        return DECODE_UNSUPPORTED;
    }
    /* Offsets were recorded relative to the bytes after the BOM. */
    for (size_t k = 0; k < d.nissues; k++)
        d.issues[k].src_offset += skip;
    buf_reserve(&d.text, 0);
    locate_issues(&d);
    out->len = d.text.len;
    out->text = buf_steal(&d.text);
    out->encoding = enc;
    out->issues = d.issues;
    out->nissues = d.nissues;
    return DECODE_OK;
}

void decoded_free(decoded_t *d)
{
    free(d->text);
    free(d->issues);
    memset(d, 0, sizeof *d);
}

static const struct {
    const char *name;
    encoding_t enc;
} encoding_names[] = {
    {"auto", ENC_AUTO},       {"utf-8", ENC_UTF8},         {"utf-8-bom", ENC_UTF8_BOM},
    {"gb18030", ENC_GB18030}, {"gbk", ENC_GBK},            {"utf-16le", ENC_UTF16LE},
    {"utf-16be", ENC_UTF16BE}, {"utf8", ENC_UTF8},         {"gb2312", ENC_GBK},
};

const char *encoding_name(encoding_t e)
{
    for (size_t i = 0; i < sizeof encoding_names / sizeof *encoding_names; i++)
        if (encoding_names[i].enc == e)
            return encoding_names[i].name;
    return "unknown";
}

int encoding_parse(const char *name, encoding_t *out)
{
    for (size_t i = 0; i < sizeof encoding_names / sizeof *encoding_names; i++)
        if (strcasecmp(name, encoding_names[i].name) == 0) {
            *out = encoding_names[i].enc;
            return 0;
        }
    return -1;
}

int encode_gbk(const char *text, size_t len, char **out, size_t *out_len,
               size_t *bad_offset)
{
    iconv_t cd = iconv_open("GBK", "UTF-8");
    if (cd == (iconv_t)-1)
        return -2;
    buf_t b;
    buf_init(&b);
    char *in = (char *)text;
    size_t inleft = len;
    int result = 0;
    while (inleft > 0) {
        buf_reserve(&b, inleft + 16);
        char *o = b.data + b.len;
        size_t oleft = b.cap - b.len - 1;
        size_t rc = iconv(cd, &in, &inleft, &o, &oleft);
        b.len = (size_t)(o - b.data);
        if (rc == (size_t)-1 && errno != E2BIG) {
            *bad_offset = (size_t)(in - text);
            result = -1;
            break;
        }
    }
    iconv_close(cd);
    if (result != 0) {
        buf_free(&b);
        return result;
    }
    *out_len = b.len;
    *out = buf_steal(&b);
    return 0;
}
