/*
 * builtin.h - the rule files compiled into the binary (generated from
 * rules/ by tools/embed.c at build time).
 */
#ifndef NORMLINT_BUILTIN_H
#define NORMLINT_BUILTIN_H

#include <stddef.h>

typedef struct {
    const char *name;   /* path relative to rules/, e.g. "validity.rules" */
    const char *data;
    size_t len;
} builtin_file_t;

extern const builtin_file_t builtin_files[];
extern const size_t builtin_file_count;

#endif
