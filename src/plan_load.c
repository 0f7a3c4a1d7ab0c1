/*
 * plan_load.c — owners' load: each action's effort (working days) is
 * spread evenly over the working days (Monday to Friday) between its
 * start and due dates; the days falling in each calendar month are
 * summed per owner.  A month above the capacity is an overload.
 */
#include <stdlib.h>
#include <string.h>

#include "copcgap/arena.h"
#include "plan_internal.h"

static int working_days(cg_day from, cg_day to)
{
    int n = 0;
    cg_day d;
    for (d = from; d <= to; d++)
        if (date_weekday(d) < 5)
            n++;
    return n;
}

static int cmp_load(const void *a, const void *b)
{
    const struct owner_month *x = a, *y = b;
    int c = strcmp(x->owner, y->owner);
    if (c)
        return c;
    return (x->month > y->month) - (x->month < y->month);
}

static void add(struct owner_month **v, size_t *n, size_t *cap,
                const struct assignee *who, cg_month m, double days)
{
    const char *owner = assignee_name(who);
    size_t i;

    if (!owner)
        owner = "";             /* nobody: one row of its own */
    for (i = 0; i < *n; i++)
        if ((*v)[i].month == m && strcmp((*v)[i].owner, owner) == 0) {
            (*v)[i].days += days;
            return;
        }
    VEC_RESERVE(*v, *cap, *n + 1);
    (*v)[*n].owner = owner;
    (*v)[*n].unfilled = who->source == ASSIGN_UNFILLED ||
                        who->source == ASSIGN_NONE;
    (*v)[*n].month = m;
    (*v)[*n].days = days;
    (*v)[*n].overloaded = 0;
    (*n)++;
}

void plan_owner_load(struct report *r, struct plan *pl)
{
    struct owner_month *v = NULL;
    size_t n = 0, cap = 0, i;

    for (i = 0; i < pl->ngaps; i++) {
        const struct gap *g = &pl->gaps[i];
        double effort = r->catalog->reqs[g->req].effort_days;
        int wd = working_days(g->start, g->due);
        cg_day d;
        if (effort <= 0)
            continue;
        if (wd == 0) {
            add(&v, &n, &cap, g->assignee, date_month(g->due), effort);
            continue;
        }
        for (d = g->start; d <= g->due; d++)
            if (date_weekday(d) < 5)
                add(&v, &n, &cap, g->assignee, date_month(d), effort / wd);
    }
    if (n)
        qsort(v, n, sizeof *v, cmp_load);
    pl->load = arena_calloc(r->arena, n + 1, sizeof *pl->load);
    for (i = 0; i < n; i++) {
        pl->load[i] = v[i];
        if (v[i].days > pl->capacity_days + 1e-9) {
            pl->load[i].overloaded = 1;
            pl->overloads++;
        }
    }
    pl->nload = n;
    free(v);
}
