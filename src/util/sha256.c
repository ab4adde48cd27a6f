/*
 * sha256.c - SHA-256 through OpenSSL's libcrypto (EVP interface), the
 * implementation every Debian system already trusts.
 */
#include "sha256.h"

#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>

struct sha256_ctx {
    EVP_MD_CTX *md;
};

sha256_ctx_t *sha256_begin(void)
{
    sha256_ctx_t *c = malloc(sizeof *c);
    if (!c || !(c->md = EVP_MD_CTX_new()) || EVP_DigestInit_ex(c->md, EVP_sha256(), NULL) != 1) {
        fprintf(stderr, "normlint: cannot start SHA-256\n");
        exit(2);
    }
    return c;
}

void sha256_add(sha256_ctx_t *c, const void *data, size_t len)
{
    EVP_DigestUpdate(c->md, data, len);
}

void sha256_end(sha256_ctx_t *c, char out[SHA256_HEX_LEN + 1])
{
    unsigned char digest[32];
    unsigned int n = 0;
    EVP_DigestFinal_ex(c->md, digest, &n);
    for (unsigned i = 0; i < 32; i++)
        snprintf(out + 2 * i, 3, "%02x", digest[i]);
    out[SHA256_HEX_LEN] = '\0';
    EVP_MD_CTX_free(c->md);
    free(c);
}

void sha256_hex(const void *data, size_t len, char out[SHA256_HEX_LEN + 1])
{
    sha256_ctx_t *c = sha256_begin();
    sha256_add(c, data, len);
    sha256_end(c, out);
}
