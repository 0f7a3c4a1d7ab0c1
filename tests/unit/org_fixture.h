/*
 * org_fixture.h — temporary organisation folders for tests: write a
 * profile and CSV files into a fresh directory, load, and remove it all.
 */
#ifndef COPCGAP_ORG_FIXTURE_H
#define COPCGAP_ORG_FIXTURE_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "copcgap/error.h"
#include "copcgap/profile.h"
#include "copcgap/strbuf.h"
#include "copcgap/load.h"

/* Two programs: p1 (voice, T 20 s, S 5 s, tolerance 10 %) and p2 (chat,
 * the defaults: T 60 s, S 5 s, tolerance 15 %). */
#define FIXTURE_PROFILE(asof)                                               \
    "<?xml version='1.0' encoding='UTF-8'?>\n<profile>\n"                   \
    "<organization id='o' name='O' kind='outsourcer'/>\n"                   \
    "<assessment as-of='" asof "'/>\n"                                      \
    "<program id='p1' channel='voice' sl-seconds='20'"                      \
    " short-abandon-seconds='5' forecast-tolerance-pct='10'/>\n"            \
    "<program id='p2' channel='chat'/>\n</profile>\n"

struct fixture {
    char dir[64];
    char *paths[32];            /* files and folders made, to remove */
    size_t npaths;
};

static inline void fixture_track(struct fixture *fx, const char *path)
{
    ck_assert_uint_lt(fx->npaths, 32);
    fx->paths[fx->npaths++] = strdup(path);
}

static inline void fixture_new(struct fixture *fx)
{
    memset(fx, 0, sizeof *fx);
    snprintf(fx->dir, sizeof fx->dir, "/tmp/cgorg-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(fx->dir));
}

/* Write ORGDIR/name (creating one level of subfolder when named). */
static inline void fixture_write(struct fixture *fx, const char *name,
                                 const char *text)
{
    struct strbuf path = STRBUF_INIT;
    const char *slash = strchr(name, '/');
    FILE *fp;

    if (slash) {
        strbuf_printf(&path, "%s/%.*s", fx->dir, (int)(slash - name), name);
        if (mkdir(path.buf, 0700) == 0)
            fixture_track(fx, path.buf);
        strbuf_truncate(&path, 0);
    }
    strbuf_printf(&path, "%s/%s", fx->dir, name);
    fp = fopen(path.buf, "wb");
    ck_assert_ptr_nonnull(fp);
    fputs(text, fp);
    fclose(fp);
    fixture_track(fx, path.buf);
    strbuf_free(&path);
}

static inline struct profile *fixture_profile(struct fixture *fx,
                                              const char *xml)
{
    struct cg_errors errs = CG_ERRORS_INIT;
    struct strbuf path = STRBUF_INIT;
    struct profile *p;

    fixture_write(fx, "profile.xml", xml);
    strbuf_printf(&path, "%s/profile.xml", fx->dir);
    p = profile_load(path.buf, &errs);
    ck_assert_msg(p != NULL, "profile: %s", errs.n ? errs.v[0].msg : "");
    strbuf_free(&path);
    errors_free(&errs);
    return p;
}

static inline void fixture_free(struct fixture *fx)
{
    while (fx->npaths > 0) {
        char *p = fx->paths[--fx->npaths];
        if (remove(p) != 0)
            rmdir(p);
        free(p);
    }
    rmdir(fx->dir);
}

/* Errors formatted one per line, with the folder shown as ORG. */
static inline char *fixture_errors(const struct fixture *fx,
                                   const struct cg_errors *errs)
{
    struct strbuf sb = STRBUF_INIT, out = STRBUF_INIT;
    size_t i, dl = strlen(fx->dir);

    for (i = 0; i < errs->n; i++) {
        error_format(&errs->v[i], &sb);
        strbuf_addc(&sb, '\n');
    }
    for (i = 0; i < sb.len; i++) {
        if (strncmp(sb.buf + i, fx->dir, dl) == 0) {
            strbuf_adds(&out, "ORG");
            i += dl - 1;
        } else {
            strbuf_addc(&out, sb.buf[i]);
        }
    }
    if (errs->more)
        strbuf_printf(&out, "+%zu more\n", errs->more);
    strbuf_free(&sb);
    return strbuf_detach(&out);
}

#endif
