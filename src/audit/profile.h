/*
 * profile.h - jurisdiction profiles: the numbers a province's rules set.
 *
 * Profiles are data (rules/profiles/NAME.ini), so another province is a
 * new file, not new code. See docs/profiles.md.
 */
#ifndef NORMLINT_PROFILE_H
#define NORMLINT_PROFILE_H

#include "doc/date.h"

typedef struct {
    char *name;
    char *description;
    int default_years;        /* validity when none is stated; 0: no default */
    int provisional_years;    /* for 试行/暂行 documents; 0: no default */
    int review_window_months; /* "expiring" when it expires within this */
    int filing_days;          /* 备案 within this many days of publication */
    int min_days_before_effect;
    date_t min_days_rule_from; /* documents published from this date on (unset: all) */
} profile_t;

/*
 * Load profile `name`: from `dir` when given (DIR/NAME.ini), else from the
 * built-in profiles. On failure returns NULL and writes a message into
 * err (size errlen).
 */
profile_t *profile_load(const char *name, const char *dir, char *err, unsigned errlen);
void profile_free(profile_t *p);

#endif
