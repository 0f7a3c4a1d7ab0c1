/*
 * org_csv.c — what the organisation-folder loaders share (org_internal.h):
 * opening a CSV file of the folder with its columns, a set of keys for
 * duplicate checks, and requirement-id lists.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "copcgap/arena.h"
#include "org_internal.h"

/* ---------------------------------------------------------------- keyset */

static uint64_t hash_str(const char *s)
{
    uint64_t h = UINT64_C(14695981039346656037);     /* FNV-1a */
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= UINT64_C(1099511628211);
    }
    return h;
}

static size_t keyset_find(const struct keyset *s, const char *key)
{
    size_t mask = s->nslots - 1, i = (size_t)hash_str(key) & mask;

    while (s->slots[i].key && strcmp(s->slots[i].key, key) != 0)
        i = (i + 1) & mask;
    return i;
}

long keyset_add(struct keyset *s, struct arena *a, const char *key,
                long line)
{
    size_t i;

    if (2 * (s->n + 1) > s->nslots) {
        struct keyset_slot *old = s->slots;
        size_t oldn = s->nslots;
        s->nslots = oldn ? oldn * 2 : 64;
        s->slots = xcalloc(s->nslots, sizeof *s->slots);
        for (i = 0; i < oldn; i++)
            if (old[i].key)
                s->slots[keyset_find(s, old[i].key)] = old[i];
        free(old);
    }
    i = keyset_find(s, key);
    if (s->slots[i].key)
        return s->slots[i].line;
    s->slots[i].key = arena_strdup(a, key);
    s->slots[i].line = line;
    s->n++;
    return 0;
}

void keyset_free(struct keyset *s)
{
    free(s->slots);
    s->slots = NULL;
    s->nslots = s->n = 0;
}

/* --------------------------------------------------------------- helpers */

struct csv_reader *org_open_csv(struct orgdata *o, const char *name,
                                const char *const *cols, int *idx,
                                const char **display, struct cg_errors *errs)
{
    const char *sep = str_ends_with(o->dir, "/") ? "" : "/";
    char *path = arena_printf(o->arena, "%s%s%s", o->dir, sep, name);
    struct csv_reader *r;
    struct stat st;
    size_t n = 0;

    *display = NULL;
    /* lstat: a dangling symbolic link is there (and fails to open, with
     * a message), not silently absent. */
    if (lstat(path, &st) != 0)
        return NULL;
    *display = path;
    r = csv_open_max(path, path, CSV_MAX_REGISTER_BYTES,
                     "a register read into memory", errs);
    if (!r)
        return NULL;
    org_note_file(o, path);
    while (cols[n])
        n++;
    if (!csv_find_columns(r, cols, n, idx, errs)) {
        csv_close(r);
        return NULL;
    }
    return r;
}

void org_add_source(struct orgdata *o, const char *path, const char *kind,
                    uint64_t rows, uint64_t bytes, const char *hex)
{
    struct org_source *src;

    src = &VEC_PUSH(o->sources, o->nsources, o->capsources);
    memset(src, 0, sizeof *src);
    src->path = arena_strdup(o->arena, path);
    src->kind = kind;
    src->rows = rows;
    src->digest.bytes = bytes;
    if (hex)
        memcpy(src->digest.hex, hex, DIGEST_HEX);
}

void org_close_csv(struct orgdata *o, struct csv_reader *r, const char *kind)
{
    char hex[DIGEST_HEX];

    if (!r)
        return;
    hex[0] = '\0';
    csv_digest(r, hex);
    org_add_source(o, csv_display(r), kind, csv_rows(r), csv_bytes_done(r),
                   hex);
    csv_close(r);
}

void org_note_file(struct orgdata *o, const char *path)
{
    VEC_PUSH(o->files, o->nfiles, o->capfiles) = arena_strdup(o->arena,
                                                              path);
}

const char *org_strdup_field(struct orgdata *o, const struct csv_row *row,
                             int col)
{
    return arena_strndup(o->arena, row->f[col].p, row->f[col].len);
}

static int is_space(char c)
{
    return c == ' ' || c == '\t';
}

int org_parse_requirements(struct orgdata *o, const struct catalog *c,
                           const struct csv_reader *r,
                           const struct csv_row *row, int col,
                           size_t **reqs, size_t *nreqs,
                           struct cg_errors *errs)
{
    const char *s = row->f[col].p, *e = s + row->f[col].len;
    size_t *v = NULL, n = 0, cap = 0, i;
    int ok = 1;

    /* "1.1;2.3", with spaces around ids and empty items tolerated, as
     * people type lists. */
    while (s < e) {
        const char *semi = memchr(s, ';', (size_t)(e - s));
        const char *end = semi ? semi : e, *a = s, *b = end;
        long idx;

        while (a < b && is_space(*a))
            a++;
        while (b > a && is_space(b[-1]))
            b--;
        s = semi ? semi + 1 : e;
        if (a == b)
            continue;
        idx = catalog_find_req(c, a, (size_t)(b - a));
        if (idx < 0) {
            struct strbuf q = STRBUF_INIT;
            strbuf_add_quoted(&q, a, (size_t)(b - a), CSV_QUOTE_MAX);
            csv_error_at(r, row, col, errs, "unknown requirement %s (not in "
                         "catalogue %s)", q.buf, c->id);
            strbuf_free(&q);
            ok = 0;
            continue;
        }
        for (i = 0; i < n && v[i] != (size_t)idx; i++)
            ;
        if (i == n)
            VEC_PUSH(v, n, cap) = (size_t)idx;
    }
    if (ok && n == 0) {
        csv_error_value(r, row, col, "must list one or more requirement ids "
                        "(separated by ';')", errs);
        ok = 0;
    }
    if (ok) {
        *reqs = arena_calloc(o->arena, n, sizeof **reqs);
        memcpy(*reqs, v, n * sizeof *v);
        *nreqs = n;
    }
    free(v);
    return ok;
}

/* Without a catalogue requirement ids cannot be checked: refuse rather
 * than load rows nobody verified. */
int org_need_catalog(const char *display, const struct catalog *c,
                        struct cg_errors *errs)
{
    if (c)
        return 1;
    errors_add(errs, CG_ERR_INPUT, display, 0, 0,
               "requirement ids cannot be checked without a catalogue "
               "(give one with --catalog)");
    return 0;
}

