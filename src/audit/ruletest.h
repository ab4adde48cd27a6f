/*
 * ruletest.h - run rules' own examples through the whole pipeline.
 *
 * An example is a small document: it passes when auditing it yields (for
 * example.match) or does not yield (example.nomatch) a finding of its rule.
 * `make check` runs the built-in rules' examples; a scan runs those of the
 * rule files given with --rules before it trusts them.
 */
#ifndef NORMLINT_RULETEST_H
#define NORMLINT_RULETEST_H

#include <stdio.h>

#include "audit/profile.h"
#include "rules/ruleset.h"

/* Audit date for examples that do not set example.as-of. */
#define RULETEST_DEFAULT_AS_OF "2026-01-01"

/*
 * Test the examples of every rule (or only the non-built-in ones). Each
 * failure is written to `log` as FILE:LINE: message. Returns the number
 * of failed examples; *passed gets the number that passed.
 */
size_t ruletest_run(const ruleset_t *rs, const profile_t *profile, int user_rules_only,
                    FILE *log, size_t *passed);

#endif
