/*
 * kpi_store.c — the KPI value store and its CSV form (see kpi.h).
 *
 * Entries live in an arena so that pointers handed out stay valid as the
 * store grows; an open-addressing table indexes them by (program,
 * metric, month).  Metric and file names are interned, so a key compares
 * by pointer and a million entries share a handful of name copies.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copcgap/arena.h"
#include "copcgap/csv_write.h"
#include "copcgap/kpi.h"
#include "copcgap/metric.h"

struct kpi_store {
    struct arena *arena;
    struct kpi_entry **v;       /* in insertion order */
    size_t n, cap;
    size_t *slots;              /* index + 1 into v; 0 = empty */
    size_t nslots;              /* power of two */
    const char **names;         /* interned metric names not built in */
    size_t nnames, names_cap;
    const char **files;         /* interned file names */
    size_t nfiles, files_cap;
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
    free(s->files);
    free(s);
}

/* The interned copy of a metric name, or NULL when never stored. */
static const char *find_name(const struct kpi_store *s, const char *name)
{
    int m = metric_find(name, strlen(name));
    size_t i;

    if (m >= 0)
        return metric_defs[m].name;
    for (i = 0; i < s->nnames; i++)
        if (strcmp(s->names[i], name) == 0)
            return s->names[i];
    return NULL;
}

static const char *intern_name(struct kpi_store *s, const char *name)
{
    const char *p = find_name(s, name);

    if (p)
        return p;
    p = arena_strdup(s->arena, name);
    VEC_PUSH(s->names, s->nnames, s->names_cap) = p;
    return p;
}

static const char *intern_file(struct kpi_store *s, const char *file)
{
    const char *p;
    size_t i;

    if (!file)
        return NULL;
    for (i = 0; i < s->nfiles; i++)
        if (strcmp(s->files[i], file) == 0)
            return s->files[i];
    p = arena_strdup(s->arena, file);
    VEC_PUSH(s->files, s->nfiles, s->files_cap) = p;
    return p;
}

static size_t hash_key(int program, const char *metric, cg_month month)
{
    uint64_t h = (uint64_t)(uintptr_t)metric;

    h ^= (uint64_t)(uint32_t)program * UINT64_C(0x9E3779B97F4A7C15);
    h ^= (uint64_t)(uint32_t)month * UINT64_C(0xC2B2AE3D27D4EB4F);
    h ^= h >> 29;
    h *= UINT64_C(0xBF58476D1CE4E5B9);
    h ^= h >> 32;
    return (size_t)h;
}

/* Slot holding the key, or the empty slot where it would go. */
static size_t *find_slot(const struct kpi_store *s, int program,
                         const char *metric, cg_month month)
{
    size_t mask = s->nslots - 1;
    size_t i = hash_key(program, metric, month) & mask;

    for (;;) {
        size_t *slot = &s->slots[i];
        const struct kpi_entry *e;
        if (*slot == 0)
            return slot;
        e = s->v[*slot - 1];
        if (e->program == program && e->metric == metric &&
            e->month == month)
            return slot;
        i = (i + 1) & mask;
    }
}

static void rehash(struct kpi_store *s)
{
    size_t i;

    free(s->slots);
    s->nslots = s->nslots ? s->nslots * 2 : 256;
    s->slots = xcalloc(s->nslots, sizeof *s->slots);
    for (i = 0; i < s->n; i++) {
        const struct kpi_entry *e = s->v[i];
        *find_slot(s, e->program, e->metric, e->month) = i + 1;
    }
}

const struct kpi_entry *kpi_store_add(struct kpi_store *s,
                                      const struct kpi_entry *e)
{
    const char *metric = intern_name(s, e->metric);
    struct kpi_entry *copy;
    size_t *slot;

    /* Keep the table at most half full. */
    if (2 * (s->n + 1) > s->nslots)
        rehash(s);
    slot = find_slot(s, e->program, metric, e->month);
    if (*slot)
        return s->v[*slot - 1];
    copy = arena_alloc(s->arena, sizeof *copy);
    *copy = *e;
    copy->metric = metric;
    copy->file = intern_file(s, e->file);
    VEC_PUSH(s->v, s->n, s->cap) = copy;
    *slot = s->n;
    return NULL;
}

const struct kpi_entry *kpi_store_get(const struct kpi_store *s,
                                      int program, const char *metric,
                                      cg_month month)
{
    const char *name = find_name(s, metric);
    size_t *slot;

    if (!name || s->n == 0)
        return NULL;
    slot = find_slot(s, program, name, month);
    return *slot ? s->v[*slot - 1] : NULL;
}

size_t kpi_store_count(const struct kpi_store *s)
{
    return s->n;
}

struct sort_item {
    const char *program;
    const struct kpi_entry *e;
};

static int cmp_items(const void *pa, const void *pb)
{
    const struct sort_item *a = pa, *b = pb;
    int c = strcmp(a->program, b->program);

    if (c == 0)
        c = strcmp(a->e->metric, b->e->metric);
    if (c == 0)
        c = (a->e->month > b->e->month) - (a->e->month < b->e->month);
    return c;
}

const struct kpi_entry **kpi_store_sorted(const struct kpi_store *s,
                                          const struct profile *p,
                                          size_t *n)
{
    struct sort_item *items = xcalloc(s->n + 1, sizeof *items);
    const struct kpi_entry **out = xcalloc(s->n + 1, sizeof *out);
    size_t i;

    for (i = 0; i < s->n; i++) {
        items[i].e = s->v[i];
        items[i].program = p->programs[s->v[i]->program].id;
    }
    qsort(items, s->n, sizeof *items, cmp_items);
    for (i = 0; i < s->n; i++)
        out[i] = items[i].e;
    free(items);
    *n = s->n;
    return out;
}

void kpi_format_value(double v, char *buf, size_t size)
{
    char tmp[512];
    size_t len;
    int n;

    n = snprintf(tmp, sizeof tmp, "%.6f", v);
    if (n < 0 || (size_t)n >= sizeof tmp) {
        /* Beyond any KPI's range; keep the exponent form. */
        snprintf(buf, size, "%.17g", v);
        return;
    }
    len = (size_t)n;
    if (memchr(tmp, '.', len)) {
        while (tmp[len - 1] == '0')
            len--;
        if (tmp[len - 1] == '.')
            len--;
    }
    tmp[len] = '\0';
    /* A value that rounds to zero is "0", never "-0". */
    if (strcmp(tmp, "-0") == 0)
        snprintf(buf, size, "0");
    else
        snprintf(buf, size, "%s", tmp);
}

void kpi_write_entries(const struct kpi_entry *const *v, size_t n,
                       const struct profile *p, struct strbuf *out)
{
    size_t i;

    strbuf_adds(out, "program,metric,period,value,n\n");
    for (i = 0; i < n; i++) {
        char value[64], period[MONTH_BUF];
        csv_write_field(out, p->programs[v[i]->program].id, CSV_RAW);
        strbuf_addc(out, ',');
        csv_write_field(out, v[i]->metric, CSV_RAW);
        month_format(v[i]->month, period);
        kpi_format_value(v[i]->value, value, sizeof value);
        strbuf_printf(out, ",%s,%s,", period, value);
        if (v[i]->n >= 0)
            strbuf_printf(out, "%lld", v[i]->n);
        strbuf_addc(out, '\n');
    }
}

void kpi_store_write_csv(const struct kpi_store *s, const struct profile *p,
                         struct strbuf *out)
{
    size_t n;
    const struct kpi_entry **v = kpi_store_sorted(s, p, &n);

    kpi_write_entries(v, n, p, out);
    free(v);
}
