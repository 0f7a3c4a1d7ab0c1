/*
 * plan_schedule.c — the owners' calendars (plan_internal.h): how much of
 * each working day every owner can still give the plan, and the load and
 * cost per owner and month that scheduling leaves.
 *
 * An owner with a capacity of C person-days a month can give C / W of
 * each working day of a month with W working days: a month's total never
 * exceeds C, whatever mix of actions fills it, and an action that needs
 * more than the month has left simply carries on into the next.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "copcgap/arena.h"
#include "plan_internal.h"

struct owner_cal {
    const char *lane;           /* person, role, or a requirement id */
    const char *name;           /* shown: person, role, or "" */
    int unfilled;               /* not a person */
    double capacity;            /* person-days a month */
    double rate;                /* cost of a person-day */
    double **left;              /* per month of the calendar, its days'
                                   time left (NULL until first touched:
                                   actions nobody owns each have a lane,
                                   and most lanes touch a month or two) */
    double *used;               /* per month of the calendar */
    long free_from;             /* calendar days before it have nothing
                                   left */
};

struct calendar {
    cg_day first;
    cg_month m0;
    size_t nmonths;
    const struct profile *p;
    struct owner_cal *o;
    size_t n, cap;
    /* The calendar's days (0 = first): month index and the working days
     * of that month (0 on weekends); each month's first day and its
     * number of days in the calendar. */
    unsigned short *mon_of;
    unsigned char *wd_of;
    long *mstart;
    int *mlen;
    /* Lanes by name: an open-addressing table of indexes + 1 into o (a
     * power of two of slots, at most half full). */
    size_t *slots;
    size_t nslots;
};

static int working_days(cg_month m)
{
    cg_day d, last = month_last_day(m);
    int n = 0;
    for (d = month_first_day(m); d <= last; d++)
        n += date_weekday(d) < 5;
    return n;
}

struct calendar *calendar_new(cg_day first, const struct profile *p)
{
    struct calendar *c = xcalloc(1, sizeof *c);
    size_t m;

    c->first = first;
    c->m0 = date_month(first);
    c->nmonths = (size_t)(date_month(first + CALENDAR_DAYS - 1) - c->m0) + 1;
    c->p = p;
    c->mon_of = xcalloc(CALENDAR_DAYS, sizeof *c->mon_of);
    c->wd_of = xcalloc(CALENDAR_DAYS, sizeof *c->wd_of);
    c->mstart = xcalloc(c->nmonths, sizeof *c->mstart);
    c->mlen = xcalloc(c->nmonths, sizeof *c->mlen);
    for (m = 0; m < c->nmonths; m++) {
        cg_month mm = c->m0 + (cg_month)m;
        cg_day d, from = month_first_day(mm), to = month_last_day(mm);
        int wd = working_days(mm);
        long k0 = (long)(from - c->first), k1 = (long)(to - c->first);
        if (k0 < 0)
            k0 = 0;
        if (k1 > CALENDAR_DAYS - 1)
            k1 = CALENDAR_DAYS - 1;
        c->mstart[m] = k0;
        c->mlen[m] = k1 >= k0 ? (int)(k1 - k0 + 1) : 0;
        for (d = c->first + (cg_day)k0; d <= c->first + (cg_day)k1; d++) {
            long k = (long)(d - c->first);
            c->mon_of[k] = (unsigned short)m;
            c->wd_of[k] = (unsigned char)(date_weekday(d) < 5 ? wd : 0);
        }
    }
    return c;
}

void calendar_free(struct calendar *c)
{
    size_t i, m;

    if (!c)
        return;
    for (i = 0; i < c->n; i++) {
        for (m = 0; m < c->nmonths; m++)
            free(c->o[i].left[m]);
        free(c->o[i].left);
        free(c->o[i].used);
    }
    free(c->o);
    free(c->slots);
    free(c->mon_of);
    free(c->wd_of);
    free(c->mstart);
    free(c->mlen);
    free(c);
}

/* The time an owner has left on calendar day k: capacity / W on each
 * working day of a month with W working days, 0 on weekends. */
static double *left_on(const struct calendar *c, struct owner_cal *o, long k)
{
    size_t m = c->mon_of[k];
    if (!o->left[m]) {
        int i;
        o->left[m] = xcalloc((size_t)c->mlen[m] + 1, sizeof *o->left[m]);
        for (i = 0; i < c->mlen[m]; i++) {
            int wd = c->wd_of[c->mstart[m] + i];
            o->left[m][i] = wd > 0 ? o->capacity / wd : 0;
        }
    }
    return &o->left[m][k - c->mstart[m]];
}

static size_t lane_hash(const char *s)
{
    uint64_t h = 14695981039346656037ULL;       /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return (size_t)h;
}

/* The slot of a lane: where it is, or the empty one where it would go. */
static size_t lane_slot(const struct calendar *c, const char *lane)
{
    size_t i = lane_hash(lane) & (c->nslots - 1);
    while (c->slots[i] && strcmp(c->o[c->slots[i] - 1].lane, lane) != 0)
        i = (i + 1) & (c->nslots - 1);
    return i;
}

/* Room in the table for one more lane. */
static void lanes_reserve(struct calendar *c)
{
    size_t i, *old = c->slots, oldn = c->nslots;

    if (2 * (c->n + 1) <= c->nslots)
        return;
    c->nslots = oldn ? 2 * oldn : 64;
    c->slots = xcalloc(c->nslots, sizeof *c->slots);
    for (i = 0; i < oldn; i++)
        if (old[i])
            c->slots[lane_slot(c, c->o[old[i] - 1].lane)] = old[i];
    free(old);
}

static struct owner_cal *owner(struct calendar *c, const char *lane,
                               const char *name, const char *person)
{
    struct owner_cal *o;
    size_t slot;

    lanes_reserve(c);
    slot = lane_slot(c, lane);
    if (c->slots[slot])
        return &c->o[c->slots[slot] - 1];
    o = &VEC_PUSH(c->o, c->n, c->cap);
    c->slots[slot] = c->n;
    memset(o, 0, sizeof *o);
    o->lane = lane;
    o->name = name;
    o->unfilled = person == NULL;
    /* Roles nobody holds and actions without an owner still take time:
     * they get the profile's default capacity and rate. */
    o->capacity = profile_capacity(c->p, person);
    o->rate = profile_day_rate(c->p, person);
    o->left = xcalloc(c->nmonths, sizeof *o->left);
    o->used = xcalloc(c->nmonths, sizeof *o->used);
    return o;
}

int calendar_take(struct calendar *c, const char *lane, const char *name,
                  const char *person, double effort, cg_day from,
                  cg_day *start, cg_day *due)
{
    struct owner_cal *o = owner(c, lane, name, person);
    long k = from < c->first ? 0 : (long)(from - c->first);
    double need = effort;
    int started = 0;

    *start = *due = from;
    if (effort <= 0)
        return 1;
    /* Days before free_from have nothing left: a busy owner's calendar
     * fills from the front, and each action scanned it again from its
     * ready day (quadratic in a large plan). */
    if (k < o->free_from)
        k = o->free_from;
    for (; k < CALENDAR_DAYS; k++) {
        double *left = left_on(c, o, k);
        double take = *left < need ? *left : need;
        if (take <= 0) {
            if (k == o->free_from)
                o->free_from++;
            continue;
        }
        if (!started) {
            *start = c->first + (cg_day)k;
            started = 1;
        }
        *left -= take;
        if (*left <= 0 && k == o->free_from)
            o->free_from++;
        o->used[c->mon_of[k]] += take;
        need -= take;
        /* Sums of thirds of days: allow for rounding. */
        if (need <= 1e-9) {
            *due = c->first + (cg_day)k;
            return 1;
        }
    }
    *due = c->first + CALENDAR_DAYS - 1;
    return 0;
}

static int cmp_load(const void *a, const void *b)
{
    const struct owner_month *x = a, *y = b;
    int c = strcmp(x->owner, y->owner);
    if (c)
        return c;
    return (x->month > y->month) - (x->month < y->month);
}

void calendar_report(const struct calendar *c, struct report *r,
                     struct plan *pl)
{
    struct owner_month *v = NULL;
    size_t n = 0, cap = 0, i, k, first = c->nmonths, last = 0;

    for (i = 0; i < c->n; i++)
        for (k = 0; k < c->nmonths; k++) {
            const struct owner_cal *o = &c->o[i];
            struct owner_month *l;
            if (o->used[k] <= 1e-9)
                continue;
            l = &VEC_PUSH(v, n, cap);
            l->owner = o->name;
            l->unfilled = o->unfilled;
            l->month = c->m0 + (cg_month)k;
            l->days = o->used[k];
            l->capacity = o->capacity;
            l->cost = o->used[k] * o->rate;
            l->overloaded = l->days > l->capacity + 1e-6;
            pl->overloads += (size_t)l->overloaded;
            pl->total_days += l->days;
            pl->total_cost += l->cost;
            if (k < first)
                first = k;
            if (k > last)
                last = k;
        }
    if (n)
        qsort(v, n, sizeof *v, cmp_load);
    /* Lanes shown under one name (actions nobody owns each have their
     * own) make one row a month. */
    for (i = k = 0; i < n; i++) {
        if (k > 0 && v[k - 1].month == v[i].month &&
            strcmp(v[k - 1].owner, v[i].owner) == 0) {
            v[k - 1].days += v[i].days;
            v[k - 1].cost += v[i].cost;
            v[k - 1].capacity += v[i].capacity;
            continue;
        }
        v[k++] = v[i];
    }
    n = k;
    pl->load = arena_adopt(r->arena, v, n, sizeof *v);
    pl->nload = n;
    if (n == 0)
        return;
    pl->nmonths = last - first + 1;
    pl->months = arena_calloc(r->arena, pl->nmonths + 1, sizeof *pl->months);
    for (k = 0; k < pl->nmonths; k++)
        pl->months[k].month = c->m0 + (cg_month)(first + k);
    for (i = 0; i < n; i++) {
        struct month_total *t = &pl->months[pl->load[i].month -
                                            pl->months[0].month];
        t->days += pl->load[i].days;
        t->cost += pl->load[i].cost;
    }
}
