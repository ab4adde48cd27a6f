/*
 * messages.h - the command line's own diagnostics in Chinese (the default)
 * or English (--lang en). Findings carry their words from the rule files;
 * these are the messages about files, options and writes.
 */
#ifndef NORMLINT_MESSAGES_H
#define NORMLINT_MESSAGES_H

void messages_set_english(int english);
int messages_english(void);

/* The Chinese form of an English printf format (same conversions), or `en` itself. */
const char *tr(const char *en);
/* An errno value as words in the current language. */
const char *tr_errno(int err);

/* Every translated pair, for the test that checks their conversions agree. */
typedef struct {
    const char *en, *zh;
} message_pair_t;
extern const message_pair_t MESSAGE_PAIRS[];
extern const unsigned MESSAGE_PAIR_COUNT;

#endif
