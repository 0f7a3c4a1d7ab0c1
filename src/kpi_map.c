/* kpi_map.c — program-month accumulators (see kpi_map.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "copcgap/arena.h"
#include "kpi_map.h"

void kpi_map_init(struct kpi_map *m, size_t elem)
{
    memset(m, 0, sizeof *m);
    m->elem = elem;
    m->arena = arena_new();
    m->last_program = -1;
}

void kpi_map_free(struct kpi_map *m)
{
    arena_free(m->arena);
    free(m->slots);
    memset(m, 0, sizeof *m);
    m->last_program = -1;
}

static size_t slot_of(const struct kpi_map *m, int program, cg_month month)
{
    uint64_t h = (uint64_t)(uint32_t)program << 32 | (uint32_t)month;
    size_t mask = m->nslots - 1;
    size_t i;

    h *= UINT64_C(0x9E3779B97F4A7C15);
    i = (size_t)(h >> 32) & mask;
    while (m->slots[i].program >= 0 &&
           (m->slots[i].program != program || m->slots[i].month != month))
        i = (i + 1) & mask;
    return i;
}

static void grow(struct kpi_map *m)
{
    struct kpi_map_slot *old = m->slots;
    size_t oldn = m->nslots, i;

    m->nslots = oldn ? oldn * 2 : 64;
    m->slots = xcalloc(m->nslots, sizeof *m->slots);
    for (i = 0; i < m->nslots; i++)
        m->slots[i].program = -1;
    for (i = 0; i < oldn; i++)
        if (old[i].program >= 0)
            m->slots[slot_of(m, old[i].program, old[i].month)] = old[i];
    free(old);
}

void *kpi_map_get(struct kpi_map *m, int program, cg_month month)
{
    struct kpi_map_slot *s;

    if (m->last && m->last_program == program && m->last_month == month)
        return m->last;
    if (2 * (m->n + 1) > m->nslots)
        grow(m);
    s = &m->slots[slot_of(m, program, month)];
    if (s->program < 0) {
        s->program = program;
        s->month = month;
        s->val = arena_calloc(m->arena, 1, m->elem);
        m->n++;
    }
    m->last_program = program;
    m->last_month = month;
    m->last = s->val;
    return s->val;
}

void *kpi_map_find(const struct kpi_map *m, int program, cg_month month)
{
    size_t i;

    if (m->nslots == 0)
        return NULL;
    i = slot_of(m, program, month);
    return m->slots[i].program >= 0 ? m->slots[i].val : NULL;
}
