/* datadir.c — locating shipped data and fonts (see datadir.h). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"              /* COPCGAP_DATADIR, from the Makefile */
#include "copcgap/datadir.h"
#include "copcgap/strbuf.h"

static int readable(const char *path)
{
    return access(path, R_OK) == 0;
}

static char *try_path(const char *dir, const char *sub, const char *name)
{
    struct strbuf sb = STRBUF_INIT;

    strbuf_adds(&sb, dir);
    if (sub) {
        strbuf_addc(&sb, '/');
        strbuf_adds(&sb, sub);
    }
    strbuf_addc(&sb, '/');
    strbuf_adds(&sb, name);
    if (readable(sb.buf))
        return strbuf_detach(&sb);
    strbuf_free(&sb);
    return NULL;
}

/* An installed data directory holds the catalogues at its top and the
 * language tables under templates/ (make install). */
static char *try_installed(const char *dir, const char *subdir,
                           const char *name)
{
    char *found = subdir ? try_path(dir, subdir, name) : NULL;
    return found ? found : try_path(dir, NULL, name);
}

/* Directory of the running executable (Linux), or NULL. */
static char *exe_dir(void)
{
    struct strbuf sb = STRBUF_INIT;
    size_t cap = 256;

    for (;;) {
        ssize_t n;
        VEC_RESERVE(sb.buf, sb.cap, cap);
        n = readlink("/proc/self/exe", sb.buf, cap);
        if (n < 0) {
            strbuf_free(&sb);
            return NULL;
        }
        if ((size_t)n < cap) {
            char *slash;
            sb.buf[n] = '\0';
            slash = strrchr(sb.buf, '/');
            if (slash)
                *slash = '\0';
            return sb.buf;
        }
        cap *= 2;
    }
}

char *datadir_find(const char *name, const char *subdir)
{
    /* A source tree (standards/ beside or above build/rel/copcgap), or a
     * relocated install (bin/../share/copcgap). */
    static const char *const ups[] = { "", "/..", "/../..", "/../../.." };
    const char *env = getenv("COPCGAP_DATADIR");
    char *found = NULL, *dir;
    size_t i;

    if (env && *env && (found = try_path(env, NULL, name)))
        return found;
    if (env && *env && (found = try_path(env, subdir, name)))
        return found;
    dir = exe_dir();
    for (i = 0; dir && !found && i < sizeof ups / sizeof ups[0]; i++) {
        struct strbuf sb = STRBUF_INIT;
        strbuf_printf(&sb, "%s%s", dir, ups[i]);
        found = try_path(sb.buf, subdir, name);
        strbuf_free(&sb);
    }
    if (dir && !found) {
        struct strbuf sb = STRBUF_INIT;
        strbuf_printf(&sb, "%s/../share/copcgap", dir);
        found = try_installed(sb.buf, subdir, name);
        strbuf_free(&sb);
    }
    free(dir);
    if (!found)
        found = try_installed(COPCGAP_DATADIR, subdir, name);
    return found;
}

const char *datadir_fonts(const char *explicit_dir)
{
    const char *env = getenv("COPCGAP_FONT_DIR");

    if (explicit_dir && *explicit_dir)
        return explicit_dir;
    if (env && *env)
        return env;
    return "/usr/share/fonts/truetype/dejavu";
}
