/*
 * testutil.h - what every cmocka unit test includes.
 * Tests run from tests/unit/, so fixtures are at "fixtures/...".
 */
#ifndef NORMLINT_TESTUTIL_H
#define NORMLINT_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

/* Read a fixture file under tests/unit/fixtures/; fails the test if absent. */
static inline buf_t read_fixture(const char *name)
{
    char path[512];
    buf_t b;
    buf_init(&b);
    snprintf(path, sizeof path, "fixtures/%s", name);
    int rc = read_file(path, &b);
    if (rc != 0)
        fail_msg("cannot read fixture %s", path);
    return b;
}

#endif
