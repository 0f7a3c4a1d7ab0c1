/*
 * lang_fixture.h — the English language table for tests that read what
 * the engine says: messages are language-neutral (msg.h), so tests
 * check their English wording through the shipped templates/en.lang.
 */
#ifndef COPCGAP_LANG_FIXTURE_H
#define COPCGAP_LANG_FIXTURE_H

#include <check.h>

#include "copcgap/lang.h"
#include "copcgap/load.h"

static struct lang *fixture_en;

/* The English table, loaded once per process. */
static inline const struct lang *en(void)
{
    if (!fixture_en) {
        struct cg_errors errs = CG_ERRORS_INIT;
        fixture_en = lang_load("en", &errs);
        ck_assert_msg(fixture_en != NULL, "cannot load en: %s",
                      errs.n ? errs.v[0].msg : "");
        errors_free(&errs);
    }
    return fixture_en;
}

/* A message in English; the text lives until 8 more calls. */
static inline const char *txt(const struct msg *m)
{
    static struct strbuf ring[8];
    static unsigned next;
    struct strbuf *sb = &ring[next++ % 8];

    strbuf_truncate(sb, 0);
    if (m)
        lang_format(en(), m, sb);
    return strbuf_cstr(sb);
}

#endif
