/*
 * files.c — how gen-org writes: each file goes to a temporary name and
 * is renamed into place when complete, so that an interrupted run never
 * leaves a half-written file that looks up to date (`make demo` skips
 * regeneration when the data files are newer than the generator).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gen.h"

void csv_put(FILE *f, const char *s)
{
    if (strpbrk(s, ",\"\r\n") == NULL) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

FILE *gen_open(const struct gen *g, const char *name, char **tmp)
{
    struct strbuf sb = STRBUF_INIT;
    FILE *f;

    strbuf_printf(&sb, "%s/%s.tmp.%ld", g->o.out, name, (long)getpid());
    f = fopen(sb.buf, "wb");
    if (!f) {
        fprintf(stderr, "gen-org: cannot write %s: %s\n", sb.buf,
                strerror(errno));
        strbuf_free(&sb);
        return NULL;
    }
    *tmp = strbuf_detach(&sb);
    return f;
}

int gen_close(FILE *f, char *tmp, const char *name)
{
    struct strbuf dest = STRBUF_INIT;
    int ok = !ferror(f);
    const char *suffix = NULL, *p = tmp;

    ok &= fclose(f) == 0;
    /* The destination is the temporary name without ".tmp.PID". */
    while ((p = strstr(p, ".tmp.")) != NULL)
        suffix = p++;
    strbuf_add(&dest, tmp, suffix ? (size_t)(suffix - tmp) : strlen(tmp));
    if (ok && rename(tmp, dest.buf) != 0)
        ok = 0;
    if (!ok) {
        fprintf(stderr, "gen-org: cannot write %s (%s): %s\n", dest.buf,
                name, strerror(errno));
        remove(tmp);
    }
    strbuf_free(&dest);
    free(tmp);
    return ok;
}

int gen_mkdir(const struct gen *g, const char *sub)
{
    struct strbuf sb = STRBUF_INIT;
    size_t i;
    int ok = 1;

    strbuf_adds(&sb, g->o.out);
    if (sub) {
        strbuf_addc(&sb, '/');
        strbuf_adds(&sb, sub);
    }
    /* mkdir -p: each prefix that ends before a slash, then the path. */
    for (i = 1; i <= sb.len && ok; i++) {
        char saved = sb.buf[i];
        if (i < sb.len && saved != '/')
            continue;
        sb.buf[i] = '\0';
        if (mkdir(sb.buf, 0777) != 0 && errno != EEXIST) {
            fprintf(stderr, "gen-org: cannot create %s: %s\n", sb.buf,
                    strerror(errno));
            ok = 0;
        }
        sb.buf[i] = saved;
    }
    strbuf_free(&sb);
    return ok;
}
