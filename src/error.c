/* error.c — located error lists (see error.h). */
#include <stdlib.h>

#include "copcgap/error.h"

static size_t limit(const struct cg_errors *e)
{
    return e->max ? e->max : CG_ERRORS_MAX_DEFAULT;
}

void errors_add(struct cg_errors *e, enum cg_errkind kind, const char *file,
                long line, long col, const char *fmt, ...)
{
    struct strbuf sb = STRBUF_INIT;
    struct cg_error *err;
    va_list ap;

    if (e->n >= limit(e)) {
        e->more++;
        return;
    }
    va_start(ap, fmt);
    strbuf_vprintf(&sb, fmt, ap);
    va_end(ap);
    err = &VEC_PUSH(e->v, e->n, e->cap);
    err->kind = kind;
    err->file = file ? xstrdup(file) : NULL;
    err->line = line;
    err->col = col;
    err->msg = strbuf_detach(&sb);
}

size_t errors_count(const struct cg_errors *e)
{
    return e->n + e->more;
}

int errors_full(const struct cg_errors *e)
{
    return e->n >= limit(e);
}

enum cg_errkind errors_worst(const struct cg_errors *e)
{
    enum cg_errkind worst = 0;
    size_t i;

    for (i = 0; i < e->n; i++)
        if (e->v[i].kind > worst)
            worst = e->v[i].kind;
    if (!worst && e->more)
        worst = CG_ERR_INPUT;
    return worst;
}

void errors_move(struct cg_errors *dst, struct cg_errors *src)
{
    size_t i;

    for (i = 0; i < src->n; i++) {
        if (dst->n >= limit(dst)) {
            dst->more++;
            free(src->v[i].file);
            free(src->v[i].msg);
            continue;
        }
        VEC_PUSH(dst->v, dst->n, dst->cap) = src->v[i];
    }
    dst->more += src->more;
    src->n = 0;
    src->more = 0;
}

void errors_clear(struct cg_errors *e)
{
    size_t i;

    for (i = 0; i < e->n; i++) {
        free(e->v[i].file);
        free(e->v[i].msg);
    }
    e->n = 0;
    e->more = 0;
}

void errors_free(struct cg_errors *e)
{
    errors_clear(e);
    free(e->v);
    e->v = NULL;
    e->cap = 0;
}

void error_format(const struct cg_error *err, struct strbuf *out)
{
    if (err->file) {
        strbuf_adds(out, err->file);
        if (err->line > 0) {
            strbuf_printf(out, ":%ld", err->line);
            if (err->col > 0)
                strbuf_printf(out, ":%ld", err->col);
        }
        strbuf_adds(out, ": ");
    }
    strbuf_adds(out, err->msg);
}
