/*
 * fix.h - the certain drafting fixes, as a pure function over text.
 *
 * `normlint fix` applies only what cannot be wrong (docs/drafting.md):
 *   - half-width , ; : ? ! between Chinese text → ，；：？！
 *   - half-width parentheses around text with Chinese characters → （）
 *     (and the half-width half of a mixed pair such as （…) )
 *   - a punctuation mark written twice (，， 。。 、、 ；；, exactly two) → one
 *   - in the 文号: the year's brackets → 〔〕, leading zeros of the serial dropped
 * Nothing else changes: not line ends, not spaces, not full-width digits.
 * Text inside “…” ‘…’ and 《…》 is quoted as written and never rewritten.
 *
 * The contexts are the ones rules/drafting.rules uses, so a fixed text has
 * no DRAFT-HALFWIDTH-PUNCT, -PAREN, -DOUBLED-PUNCT, -DOCNUM-BRACKETS or
 * -DOCNUM-LEADING-ZERO finding left, and fixing twice changes nothing more.
 */
#ifndef NORMLINT_FIX_H
#define NORMLINT_FIX_H

#include <stddef.h>
#include <stdint.h>

/* What was changed, by kind. */
typedef struct {
    size_t halfwidth;   /* , ; : ? ! made full-width */
    size_t parens;      /* parentheses made full-width (each mark counts) */
    size_t doubled;     /* doubled marks made single */
    size_t docnum;      /* 文号 brackets and serial zeros */
} fix_counts_t;

/*
 * Fix UTF-8 `text` (well-formed; any line ends, which are kept). The 文号
 * is the byte range [docnum_start, docnum_end) of `text` (empty: none).
 * Returns a new NUL-terminated text (the caller frees it) and its length.
 */
char *fix_text(const char *text, size_t len, size_t docnum_start, size_t docnum_end,
               size_t *out_len, fix_counts_t *counts);

/* Total of the counts: 0 means the text came back unchanged. */
size_t fix_total(const fix_counts_t *c);

/* \p{Han} as PCRE2 has it (CJK ideographs, radicals, 〇 々 and the like). */
int cp_is_han(uint32_t cp);

/* The context sets of the half-width rules: Han or a closing / opening mark. */
int cp_is_cjk_left(uint32_t cp);    /* Han ）》”’」』〕】 ) */
int cp_is_cjk_right(uint32_t cp);   /* Han （《“‘「『〔【 ( */

#endif
