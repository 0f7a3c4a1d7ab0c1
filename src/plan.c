/*
 * plan.c — gap register, priority, lead time and the back-scheduled
 * action plan (see plan.h for the rules, docs/plan.md for examples).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "copcgap/arena.h"
#include "copcgap/assess.h"
#include "copcgap/msg.h"
#include "copcgap/plan.h"
#include "plan_internal.h"

const char *tier_name(enum tier t)
{
    switch (t) {
    case TIER_P1: return "P1";
    case TIER_P2: return "P2";
    default: return "P3";
    }
}

/* Calendar days needed for `effort_days` working days (5 a week). */
static int plan_fix_days(double effort_days)
{
    /* Effort is in working days; five of them take a calendar week. */
    int d = (int)ceil(effort_days * 7.0 / 5.0 - 1e-9);
    return d < 1 ? 1 : d;
}

static int is_gap(enum req_status s)
{
    return s == REQ_PARTIAL || s == REQ_NOT_MET || s == REQ_NOT_EVIDENCED;
}

/* Gaps in an order where every dependency comes before its dependants
 * (the catalogue is acyclic: catalog_lint checked). */
static size_t *topo_order(const struct plan *pl)
{
    size_t *order = xcalloc(pl->ngaps + 1, sizeof *order);
    unsigned char *done = xcalloc(pl->ngaps + 1, 1);
    size_t *stack = xcalloc(pl->ngaps + 1, sizeof *stack);
    size_t *next = xcalloc(pl->ngaps + 1, sizeof *next);
    size_t n = 0, s, top;

    for (s = 0; s < pl->ngaps; s++) {
        if (done[s])
            continue;
        top = 0;
        stack[0] = s;
        next[0] = 0;
        done[s] = 1;
        for (;;) {
            const struct gap *g = &pl->gaps[stack[top]];
            if (next[top] < g->ndepends) {
                size_t d = g->depends[next[top]++];
                if (!done[d]) {
                    done[d] = 1;
                    stack[++top] = d;
                    next[top] = 0;
                }
            } else {
                order[n++] = stack[top];
                if (top == 0)
                    break;
                top--;
            }
        }
    }
    free(done);
    free(stack);
    free(next);
    return order;
}

static void collect(struct report *r, struct plan *pl, size_t *gap_of)
{
    const struct catalog *c = r->catalog;
    size_t i, j, n = 0;

    for (i = 0; i < c->nreqs; i++)
        if (is_gap(r->reqs[i].status))
            n++;
    pl->gaps = arena_calloc(r->arena, n + 1, sizeof *pl->gaps);
    for (i = 0; i < c->nreqs; i++) {
        gap_of[i] = SIZE_MAX;
        if (is_gap(r->reqs[i].status))
            gap_of[i] = pl->ngaps++;
    }
    for (i = 0; i < c->nreqs; i++) {
        const struct requirement *req = &c->reqs[i];
        struct gap *g;
        if (gap_of[i] == SIZE_MAX)
            continue;
        g = &pl->gaps[gap_of[i]];
        g->req = i;
        g->result = &r->reqs[i];
        g->critical = req->critical;
        g->assignee = &r->reqs[i].assignee;
        g->fix_days = plan_fix_days(req->effort_days);
        g->depends = arena_calloc(r->arena, req->ndepends + 1,
                                  sizeof *g->depends);
        for (j = 0; j < req->ndepends; j++) {
            size_t d = req->depends_idx[j];
            if (d != SIZE_MAX && gap_of[d] != SIZE_MAX)
                g->depends[g->ndepends++] = gap_of[d];
        }
        for (j = 0; j < r->reqs[i].nrules; j++)
            if (r->reqs[i].rules[j].months_short > g->data_months &&
                r->reqs[i].rules[j].status != RS_PASS &&
                r->reqs[i].rules[j].status != RS_NA)
                g->data_months = r->reqs[i].rules[j].months_short;
    }
}

/* Earliest dates, dependencies first. */
static void forward(struct plan *pl, const size_t *order)
{
    size_t k, j;

    for (k = 0; k < pl->ngaps; k++) {
        struct gap *g = &pl->gaps[order[k]];
        cg_day es = pl->as_of + 1, ef;
        for (j = 0; j < g->ndepends; j++) {
            const struct gap *d = &pl->gaps[g->depends[j]];
            cg_day after = d->earliest_start + d->fix_days;
            if (after > es)
                es = after;
        }
        ef = es + g->fix_days - 1;
        g->earliest_start = es;
        g->earliest_done = g->data_months > 0
            ? month_last_day(date_month(ef) + g->data_months) : ef;
        g->lead_days = (int)(g->earliest_done - pl->as_of);
    }
}

/* Last day the fix may end so that the audit can see it (and, for data
 * months, a whole run of conforming months before the audit). */
static cg_day audit_deadline(const struct plan *pl, const struct gap *g)
{
    if (g->data_months > 0) {
        cg_month w = assess_window_end(pl->audit - 1);
        return month_last_day(w - g->data_months);
    }
    return pl->audit - 1;
}

/* Latest dates, dependants first; then risk. */
static void backward(struct plan *pl, const size_t *order)
{
    size_t k, i, j;

    for (k = pl->ngaps; k-- > 0;) {
        struct gap *g = &pl->gaps[order[k]];
        cg_day lf = audit_deadline(pl, g);
        /* Dependants were scheduled already (they come later in order). */
        for (i = 0; i < pl->ngaps; i++) {
            const struct gap *d = &pl->gaps[i];
            for (j = 0; j < d->ndepends; j++)
                if (d->depends[j] == (size_t)order[k] && d->start - 1 < lf)
                    lf = d->start - 1;
        }
        g->due = lf;
        g->start = lf - g->fix_days + 1;
    }
}

/* The gaps that depend on g and must start before it can be done. */
static struct msg *dependants(struct report *r, const struct plan *pl,
                              size_t gi, struct msg *m)
{
    size_t i, j;

    msg_list(r->arena, m, "dependants");
    for (i = 0; i < pl->ngaps; i++)
        for (j = 0; j < pl->gaps[i].ndepends; j++)
            if (pl->gaps[i].depends[j] == gi)
                msg_append(r->arena, m, "dependants",
                           msg_id(r->arena, msg_new(r->arena, "plan.req"),
                                  "id", r->catalog->reqs[pl->gaps[i].req].id));
    return m;
}

/*
 * At risk: the gap cannot be shown closed by the audit.  The reason is a
 * code with its parameters (risk.*), worded by the language table.
 */
static void judge_risk(struct report *r, struct plan *pl)
{
    struct arena *a = r->arena;
    size_t i;

    for (i = 0; i < pl->ngaps; i++) {
        struct gap *g = &pl->gaps[i];
        struct msg *why = NULL;

        if (pl->audit <= pl->as_of) {
            why = msg_new(a, "risk.audit_passed");
            msg_date(a, why, "audit", pl->audit);
            msg_date(a, why, "as_of", pl->as_of);
        } else if (g->data_months > 0 &&
                   g->earliest_done >= pl->audit) {
            why = msg_new(a, "risk.data_months");
            msg_int(a, why, "months", g->data_months);
            msg_int(a, why, "fix_days", g->fix_days);
            msg_date(a, why, "earliest", g->earliest_done);
            msg_date(a, why, "audit", pl->audit);
        } else if (g->earliest_done >= pl->audit) {
            why = msg_new(a, g->ndepends ? "risk.fix_late_deps"
                                         : "risk.fix_late");
            msg_int(a, why, "fix_days", g->fix_days);
            msg_date(a, why, "earliest", g->earliest_done);
            msg_date(a, why, "audit", pl->audit);
        } else if (g->start < g->earliest_start) {
            why = dependants(r, pl, i, msg_new(a, "risk.dependants"));
            msg_date(a, why, "earliest_start", g->earliest_start);
            msg_int(a, why, "fix_days", g->fix_days);
        }
        if (why) {
            g->at_risk = 1;
            g->risk = why;
            pl->at_risk++;
            /* As early as possible instead of as late as allowed. */
            g->start = g->earliest_start;
            g->due = g->earliest_start + g->fix_days - 1;
        }
    }
}

static void schedule_without_audit(struct plan *pl)
{
    size_t i;
    for (i = 0; i < pl->ngaps; i++) {
        pl->gaps[i].start = pl->gaps[i].earliest_start;
        pl->gaps[i].due = pl->gaps[i].earliest_start +
                          pl->gaps[i].fix_days - 1;
    }
}

static enum tier own_tier(const struct scoring *sc, const struct gap *g)
{
    if (g->critical || g->at_risk || g->priority >= sc->tier1_min - 1e-9)
        return TIER_P1;
    if (g->priority >= sc->tier2_min - 1e-9)
        return TIER_P2;
    return TIER_P3;
}

static void prioritise(struct report *r, struct plan *pl, const size_t *order)
{
    const struct scoring *sc = &r->catalog->scoring;
    double left = pl->has_audit ? (double)(pl->audit - pl->as_of) : 0;
    size_t i, j, k;

    for (i = 0; i < pl->ngaps; i++) {
        struct gap *g = &pl->gaps[i];
        const struct requirement *req = &r->catalog->reqs[g->req];
        g->urgency = 1;
        if (pl->has_audit) {
            if (g->at_risk || g->lead_days > left)
                g->urgency = sc->urgency_factor;
            else if (g->lead_days > left / 2)
                g->urgency = (1 + sc->urgency_factor) / 2;
        }
        g->base_priority = req->weight * (1 - g->result->score) *
                           req->impact *
                           (req->critical ? sc->critical_factor : 1) *
                           g->urgency;
        g->priority = g->base_priority;
        g->tier = own_tier(sc, g);
    }
    /* Dependants before their dependencies: reverse topological order. */
    for (k = pl->ngaps; k-- > 0;) {
        const struct gap *d = &pl->gaps[order[k]];
        for (j = 0; j < d->ndepends; j++) {
            struct gap *g = &pl->gaps[d->depends[j]];
            if (d->priority > g->priority) {
                g->priority = d->priority;
                g->lifted = 1;
            }
            if (d->tier < g->tier) {
                g->tier = d->tier;
                g->lifted = 1;
            }
        }
    }
}

static int cmp_gap(const void *a, const void *b)
{
    const struct gap *x = a, *y = b;
    if (x->tier != y->tier)
        return x->tier < y->tier ? -1 : 1;
    if (fabs(x->priority - y->priority) > 1e-9)
        return x->priority > y->priority ? -1 : 1;
    if (x->critical != y->critical)
        return x->critical ? -1 : 1;
    return (x->req > y->req) - (x->req < y->req);
}

/* Sort gaps and remap the dependency indexes to the new positions. */
static void rank(struct report *r, struct plan *pl)
{
    size_t *pos_of_req = xcalloc(r->catalog->nreqs + 1, sizeof *pos_of_req);
    size_t *old_req = xcalloc(pl->ngaps + 1, sizeof *old_req);
    size_t i, j;

    for (i = 0; i < pl->ngaps; i++)
        old_req[i] = pl->gaps[i].req;
    /* Dependencies hold old gap indexes: store requirement ids instead. */
    for (i = 0; i < pl->ngaps; i++)
        for (j = 0; j < pl->gaps[i].ndepends; j++)
            pl->gaps[i].depends[j] = old_req[pl->gaps[i].depends[j]];
    qsort(pl->gaps, pl->ngaps, sizeof *pl->gaps, cmp_gap);
    for (i = 0; i < pl->ngaps; i++) {
        pos_of_req[pl->gaps[i].req] = i;
        pl->gaps[i].rank = i + 1;
        pl->count[pl->gaps[i].tier]++;
    }
    for (i = 0; i < pl->ngaps; i++)
        for (j = 0; j < pl->gaps[i].ndepends; j++)
            pl->gaps[i].depends[j] = pos_of_req[pl->gaps[i].depends[j]];
    free(pos_of_req);
    free(old_req);
}

const struct plan *plan_build(struct report *r, double capacity_days)
{
    const struct profile *p = r->profile;
    struct plan *pl = arena_calloc(r->arena, 1, sizeof *pl);
    size_t *gap_of = xcalloc(r->catalog->nreqs + 1, sizeof *gap_of);
    size_t *order, i;

    pl->as_of = p->as_of;
    pl->has_audit = p->has_target_audit;
    pl->audit = p->target_audit;
    pl->capacity_days = capacity_days > 0 ? capacity_days
                                          : PLAN_DEFAULT_CAPACITY;
    collect(r, pl, gap_of);
    order = topo_order(pl);
    forward(pl, order);
    if (pl->has_audit) {
        backward(pl, order);
        judge_risk(r, pl);
    } else {
        schedule_without_audit(pl);
    }
    pl->feasible_audit = pl->as_of + 1;
    for (i = 0; i < pl->ngaps; i++)
        if (pl->gaps[i].earliest_done + 1 > pl->feasible_audit)
            pl->feasible_audit = pl->gaps[i].earliest_done + 1;
    prioritise(r, pl, order);
    for (i = 0; i < pl->ngaps; i++)
        plan_describe(r, &pl->gaps[i]);
    rank(r, pl);
    plan_owner_load(r, pl);
    free(order);
    free(gap_of);
    r->plan = pl;
    return pl;
}
