/*
 * normalize.h - the text rules see, with a map back to the original.
 *
 * Rules match normalized text (LF line ends, full-width letters and digits
 * folded to ASCII, zero-width characters gone, ideographic and no-break
 * spaces as plain spaces), but users read the original in their editor.
 * The position map turns any byte offset of the normalized text into the
 * original 1-based line and column, columns counted in characters.
 */
#ifndef NORMLINT_NORMALIZE_H
#define NORMLINT_NORMALIZE_H

#include <stddef.h>
#include <stdint.h>

enum {
    NORM_FOLD_SPACES = 1 << 0,    /* U+3000 and U+00A0 become ' ' */
    NORM_STRIP_TRAILING = 1 << 1, /* drop spaces and tabs at line ends */
};

/* The normalization rules match against. */
#define NORM_FOR_MATCHING NORM_FOLD_SPACES
/* The clean text `normlint normalize` writes: keeps U+3000 indents. */
#define NORM_FOR_OUTPUT NORM_STRIP_TRAILING

/*
 * A point where the normalized text is known to sit at an original
 * line and column; between anchors, one character is one column.
 */
typedef struct {
    size_t offset;   /* byte offset in the normalized text */
    uint32_t line;
    uint32_t column;
} pos_anchor_t;

typedef struct {
    char *text;      /* normalized UTF-8, NUL-terminated */
    size_t len;
    pos_anchor_t *anchors;
    size_t nanchors;
    size_t cap;
} normalized_t;

typedef struct {
    size_t line, column;
} position_t;

/* `raw` is well-formed UTF-8 as produced by decode. */
void normalize_text(const char *raw, size_t len, unsigned flags, normalized_t *out);
void normalized_free(normalized_t *n);

/* Original position of the character at normalized byte offset `off`. */
position_t normalized_position(const normalized_t *n, size_t off);

/*
 * Original span of the normalized bytes [start, end): the end is the
 * column just after the last character, as in SARIF regions.
 */
void normalized_span(const normalized_t *n, size_t start, size_t end,
                     position_t *from, position_t *to);

#endif
