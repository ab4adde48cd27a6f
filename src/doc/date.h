/*
 * date.h - calendar dates and the ways Chinese documents write them.
 *
 * Pure functions over normalized text (full-width digits already folded to
 * ASCII, U+3000 already a space): no allocation, no global state.
 */
#ifndef NORMLINT_DATE_H
#define NORMLINT_DATE_H

#include <stddef.h>

typedef struct {
    int year, month, day;   /* year == 0: no date */
} date_t;

#define DATE_NONE ((date_t){0, 0, 0})

int date_is_set(date_t d);
/* 1 if the date exists in the Gregorian calendar (2023-02-30 does not). */
int date_exists(int year, int month, int day);
int date_cmp(date_t a, date_t b);          /* <0, 0, >0 */
/* Same day N years/months later; a day past the month's end becomes its
 * last day (2020-02-29 + 1 year = 2021-02-28). N may be negative. */
date_t date_add_years(date_t d, int years);
date_t date_add_months(date_t d, int months);
date_t date_add_days(date_t d, int days);
/* Days from `from` to `to` (negative when `to` is earlier). */
long date_days_between(date_t from, date_t to);
/* ISO weekday: Monday 1 ... Sunday 7. */
int date_weekday(date_t d);
/* Monday-to-Friday days from `from` to `to`, both included (public holidays
 * and adjusted working weekends are not known here). */
int date_working_days(date_t from, date_t to);
/* "YYYY-MM-DD" (11 bytes with NUL) / "YYYY年M月D日" (at most 32 bytes). */
void date_format_iso(date_t d, char out[11]);
void date_format_zh(date_t d, char out[32]);
/* Strict YYYY-MM-DD, for --as-of; returns 0 when valid and existing. */
int date_parse_iso(const char *s, date_t *out);
date_t date_today(void);

/* A Chinese numeral: 三, 十二, 三十一, 两, 二〇一九 (digit by digit), 〇/零. */
int zh_numeral_value(const char *s, size_t len, int *value, size_t *consumed);

typedef enum {
    DATE_READ_OK = 0,
    DATE_READ_NONEXISTENT,  /* well written, but no such day: 2023年2月30日 */
    DATE_READ_MALFORMED,    /* date-like but unreadable: 2023118 as a 成文日期 */
} date_status_t;

typedef enum {
    DATE_STYLE_ARABIC_ZH,   /* 2023年11月8日 (spaces between parts allowed) */
    DATE_STYLE_CHINESE,     /* 二〇二三年十一月八日 */
    DATE_STYLE_ISO,         /* 2023-11-08 */
    DATE_STYLE_DOTTED,      /* 2023.11.8 */
    DATE_STYLE_COMPACT,     /* 20231108 or 2023118: digits only */
} date_style_t;

typedef struct {
    date_t date;            /* set when status is OK */
    date_status_t status;
    date_style_t style;
    int leading_zero;       /* month or day written with a leading zero */
    size_t start, end;      /* byte offsets of the date in the text */
} date_match_t;

/*
 * Read a date that starts exactly at s. Returns bytes consumed (0: none).
 * DATE_STYLE_COMPACT is recognised only when `allow_compact` is set (a
 * closing line holding nothing else), never inside running text.
 */
size_t date_read(const char *s, size_t len, int allow_compact, date_match_t *m);
/* First date at or after s; returns 1 and fills *m (offsets relative to s). */
int date_find(const char *s, size_t len, date_match_t *m);

/* 有效期 clause found in a text. */
typedef enum {
    VALIDITY_NONE = 0,
    VALIDITY_UNTIL,         /* 有效期至2025年12月31日 */
    VALIDITY_YEARS,         /* 有效期5年 / 有效期为五年 / 有效期两年 */
    VALIDITY_MONTHS,        /* 有效期6个月 */
    VALIDITY_RANGE,         /* 自A起至B止 / 有效期自A至B */
} validity_kind_t;

typedef struct {
    validity_kind_t kind;
    date_t until;           /* UNTIL, RANGE */
    date_t from;            /* RANGE */
    int amount;             /* YEARS, MONTHS */
    size_t start, end;      /* the clause's byte offsets in the text */
} validity_clause_t;

int validity_find(const char *text, size_t len, validity_clause_t *out);
/* The last day in force, given the effective date: N years − 1 day. */
date_t validity_expiry(const validity_clause_t *v, date_t effective);

/* 施行 clause: 自YYYY年M月D日起施行 or 自印发/发布/公布之日起施行. */
typedef enum {
    EFFECTIVE_NONE = 0,
    EFFECTIVE_DATE,         /* an explicit date */
    EFFECTIVE_ON_ISSUE,     /* 自印发/发布/公布/签发之日起 */
} effective_kind_t;

typedef struct {
    effective_kind_t kind;
    date_t date;
    size_t start, end;
} effective_clause_t;

int effective_find(const char *text, size_t len, effective_clause_t *out);

#endif
