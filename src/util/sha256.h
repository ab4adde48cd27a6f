/*
 * sha256.h - SHA-256 as lowercase hex, for reproducible audits (each
 * document's hash and the rule set's hash go into every report).
 */
#ifndef NORMLINT_SHA256_H
#define NORMLINT_SHA256_H

#include <stddef.h>

#define SHA256_HEX_LEN 64

/* Incremental hashing over several pieces (the rule set's files). */
typedef struct sha256_ctx sha256_ctx_t;
sha256_ctx_t *sha256_begin(void);
void sha256_add(sha256_ctx_t *c, const void *data, size_t len);
/* Writes 64 hex digits and a NUL into out, and frees the context. */
void sha256_end(sha256_ctx_t *c, char out[SHA256_HEX_LEN + 1]);

void sha256_hex(const void *data, size_t len, char out[SHA256_HEX_LEN + 1]);

#endif
