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
    double *left;               /* per calendar day, CALENDAR_DAYS */
    double *used;               /* per month of the calendar */
};

struct calendar {
    cg_day first;
    cg_month m0;
    size_t nmonths;
    const struct profile *p;
    struct owner_cal *o;
    size_t n, cap;
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

    c->first = first;
    c->m0 = date_month(first);
    c->nmonths = (size_t)(date_month(first + CALENDAR_DAYS - 1) - c->m0) + 1;
    c->p = p;
    return c;
}

void calendar_free(struct calendar *c)
{
    size_t i;

    if (!c)
        return;
    for (i = 0; i < c->n; i++) {
        free(c->o[i].left);
        free(c->o[i].used);
    }
    free(c->o);
    free(c);
}

static struct owner_cal *owner(struct calendar *c, const char *lane,
                               const char *name, const char *person)
{
    struct owner_cal *o;
    cg_month m;
    size_t i;

    for (i = 0; i < c->n; i++)
        if (strcmp(c->o[i].lane, lane) == 0)
            return &c->o[i];
    o = &VEC_PUSH(c->o, c->n, c->cap);
    memset(o, 0, sizeof *o);
    o->lane = lane;
    o->name = name;
    o->unfilled = person == NULL;
    /* Roles nobody holds and actions without an owner still take time:
     * they get the profile's default capacity and rate. */
    o->capacity = profile_capacity(c->p, person);
    o->rate = profile_day_rate(c->p, person);
    o->left = xcalloc(CALENDAR_DAYS, sizeof *o->left);
    o->used = xcalloc(c->nmonths, sizeof *o->used);
    for (m = c->m0; m < c->m0 + (cg_month)c->nmonths; m++) {
        cg_day d, from = month_first_day(m), to = month_last_day(m);
        int wd = working_days(m);
        for (d = from; d <= to; d++) {
            long k = (long)(d - c->first);
            if (k < 0 || k >= CALENDAR_DAYS)
                continue;
            o->left[k] = date_weekday(d) < 5 && wd > 0
                             ? o->capacity / wd : 0;
        }
    }
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
    for (; k < CALENDAR_DAYS; k++) {
        double take = o->left[k] < need ? o->left[k] : need;
        if (take <= 0)
            continue;
        if (!started) {
            *start = c->first + (cg_day)k;
            started = 1;
        }
        o->left[k] -= take;
        o->used[date_month(c->first + (cg_day)k) - c->m0] += take;
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
