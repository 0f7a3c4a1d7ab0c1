/*
 * kpi_store.c — monthly KPI values keyed by (program, metric, month)
 * (see kpi.h).
 *
 * Entries sit in one growable array; an open-addressing hash table of
 * indexes finds a key in O(1).  Metric names are interned so that a key
 * compares by pointer once interned.  A store holds at most a few
 * thousand entries (programs x metrics x months), so simplicity wins.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copcgap/arena.h"
#include "copcgap/kpi.h"

struct kpi_store {
    struct arena *arena;        /* interned names and file names */
    struct kpi_entry *v;
    size_t n, cap;
    size_t *slots;              /* index + 1; 0 = empty */
    size_t nslots;
    const char **names;         /* interned strings */
    size_t nnames, names_cap;
};

struct kpi_store *kpi_store_new(void)
{
    struct kpi_store *s = xcalloc(1, sizeof *s);
    s->arena = arena_new();
    return s;
}

void kpi_store_free(struct kpi_store *s)
{
    if (!s)
        return;
    arena_free(s->arena);
    free(s->v);
    free(s->slots);
    free(s->names);
    free(s);
}

static const char *intern(struct kpi_store *s, const char *name)
{
    size_t i;
    for (i = 0; i < s->nnames; i++)
        if (strcmp(s->names[i], name) == 0)
            return s->names[i];
    return VEC_PUSH(s->names, s->nnames, s->names_cap) =
               arena_strdup(s->arena, name);
}

static const char *find_interned(const struct kpi_store *s, const char *name)
{
    size_t i;
    for (i = 0; i < s->nnames; i++)
        if (s->names[i] == name || strcmp(s->names[i], name) == 0)
            return s->names[i];
    return NULL;
}

static size_t hash_key(int program, const char *metric, cg_month month)
{
    /* The interned pointer identifies the metric within this store. */
    size_t h = (size_t)(uintptr_t)metric * 0x9E3779B97F4A7C15u;
    h ^= (size_t)(unsigned)program * 0x85EBCA77u;
    h ^= (size_t)(unsigned)month * 0xC2B2AE3Du;
    return h ^ (h >> 29);
}

static void rehash(struct kpi_store *s)
{
    size_t i, ns = s->nslots ? s->nslots * 2 : 64;

    free(s->slots);
    s->slots = xcalloc(ns, sizeof *s->slots);
    s->nslots = ns;
    for (i = 0; i < s->n; i++) {
        const struct kpi_entry *e = &s->v[i];
        size_t h = hash_key(e->program, e->metric, e->month) & (ns - 1);
        while (s->slots[h])
            h = (h + 1) & (ns - 1);
        s->slots[h] = i + 1;
    }
}

static const struct kpi_entry *lookup(const struct kpi_store *s, int program,
                                      const char *metric, cg_month month)
{
    size_t h;

    if (!s->nslots)
        return NULL;
    h = hash_key(program, metric, month) & (s->nslots - 1);
    while (s->slots[h]) {
        const struct kpi_entry *e = &s->v[s->slots[h] - 1];
        if (e->program == program && e->metric == metric &&
            e->month == month)
            return e;
        h = (h + 1) & (s->nslots - 1);
    }
    return NULL;
}

const struct kpi_entry *kpi_store_add(struct kpi_store *s,
                                      const struct kpi_entry *e)
{
    const char *metric = intern(s, e->metric);
    const struct kpi_entry *old = lookup(s, e->program, metric, e->month);
    struct kpi_entry *ne;

    if (old)
        return old;
    if ((s->n + 1) * 2 > s->nslots)
        rehash(s);              /* keep the table at most half full */
    ne = &VEC_PUSH(s->v, s->n, s->cap);
    *ne = *e;
    ne->metric = metric;
    ne->file = e->file ? intern(s, e->file) : NULL;
    {
        size_t h = hash_key(ne->program, metric, ne->month) &
                   (s->nslots - 1);
        while (s->slots[h])
            h = (h + 1) & (s->nslots - 1);
        s->slots[h] = s->n;
    }
    return NULL;
}

const struct kpi_entry *kpi_store_get(const struct kpi_store *s,
                                      int program, const char *metric,
                                      cg_month month)
{
    const char *m = find_interned(s, metric);
    return m ? lookup(s, program, m, month) : NULL;
}

size_t kpi_store_count(const struct kpi_store *s)
{
    return s->n;
}

/* qsort has no context argument: the profile for the comparison. */
static const struct profile *sort_profile;

static int cmp_entry(const void *a, const void *b)
{
    const struct kpi_entry *x = *(const struct kpi_entry *const *)a;
    const struct kpi_entry *y = *(const struct kpi_entry *const *)b;
    int c = strcmp(sort_profile->programs[x->program].id,
                   sort_profile->programs[y->program].id);
    if (c)
        return c;
    if ((c = strcmp(x->metric, y->metric)))
        return c;
    return (x->month > y->month) - (x->month < y->month);
}

const struct kpi_entry **kpi_store_sorted(const struct kpi_store *s,
                                          const struct profile *p,
                                          size_t *n)
{
    const struct kpi_entry **v = xcalloc(s->n ? s->n : 1, sizeof *v);
    size_t i;

    for (i = 0; i < s->n; i++)
        v[i] = &s->v[i];
    sort_profile = p;
    qsort(v, s->n, sizeof *v, cmp_entry);
    sort_profile = NULL;
    *n = s->n;
    return v;
}

void kpi_format_value(double v, char *buf, size_t size)
{
    size_t len;

    snprintf(buf, size, "%.6f", v);
    len = strlen(buf);
    if (strchr(buf, '.')) {
        while (len > 0 && buf[len - 1] == '0')
            buf[--len] = '\0';
        if (len > 0 && buf[len - 1] == '.')
            buf[--len] = '\0';
    }
    if (strcmp(buf, "-0") == 0)
        snprintf(buf, size, "0");
}

void kpi_store_write_csv(const struct kpi_store *s, const struct profile *p,
                         struct strbuf *out)
{
    size_t n, i;
    const struct kpi_entry **v = kpi_store_sorted(s, p, &n);

    strbuf_adds(out, "program,metric,period,value,n\n");
    for (i = 0; i < n; i++) {
        char val[64], per[MONTH_BUF];
        kpi_format_value(v[i]->value, val, sizeof val);
        month_format(v[i]->month, per);
        strbuf_printf(out, "%s,%s,%s,%s,", p->programs[v[i]->program].id,
                      v[i]->metric, per, val);
        if (v[i]->n >= 0)
            strbuf_printf(out, "%lld", v[i]->n);
        strbuf_addc(out, '\n');
    }
    free(v);
}
