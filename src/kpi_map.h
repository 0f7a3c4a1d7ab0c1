/*
 * kpi_map.h — accumulators keyed by (program, month), for kpi_derive
 * (internal to src/).
 *
 * Values are zeroed blocks of a fixed size, created on first use and
 * never moved (they live in an arena), so a caller may keep a pointer to
 * the current row's accumulator.  The last key looked up is cached:
 * exports are usually grouped or sorted by time, so consecutive rows
 * mostly share a program-month and skip the hash entirely.
 */
#ifndef COPCGAP_KPI_MAP_H
#define COPCGAP_KPI_MAP_H

#include <stddef.h>

#include "copcgap/date.h"

struct arena;

struct kpi_map_slot {
    int program;        /* -1 = empty */
    cg_month month;
    void *val;
};

struct kpi_map {
    size_t elem;
    struct kpi_map_slot *slots;
    size_t nslots;      /* power of two */
    size_t n;
    struct arena *arena;
    int last_program;
    cg_month last_month;
    void *last;
};

void kpi_map_init(struct kpi_map *m, size_t elem);
void kpi_map_free(struct kpi_map *m);

/* The value for a key, created (zeroed) when new. */
void *kpi_map_get(struct kpi_map *m, int program, cg_month month);

/* The value for a key, or NULL. */
void *kpi_map_find(const struct kpi_map *m, int program, cg_month month);

/* Visit every entry (in no particular order): slots[0..nslots) with
 * program >= 0. */

#endif
