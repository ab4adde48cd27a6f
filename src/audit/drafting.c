/*
 * drafting.c - drafting checks computed in code (issue #8, in progress).
 */
#include "drafting.h"

void drafting_audit(const audit_options_t *o, const document_t *doc, findings_t *out)
{
    (void)o;
    (void)doc;
    (void)out;
}
