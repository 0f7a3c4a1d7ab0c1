/*
 * plan.c — gap register, effort, scheduling within capacity, risk,
 * tiers and priorities, and readiness for the audit date (see plan.h
 * for the rules, docs/plan.md for worked examples).
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

static int is_gap(enum req_status s)
{
    return s == REQ_PARTIAL || s == REQ_NOT_MET || s == REQ_NOT_EVIDENCED;
}

/* ------------------------------------------------------------ gaps */

/*
 * The action's person-days: the catalogue's (remediation effort, or the
 * requirement's effort-days), else the largest default of the rule types
 * that do not pass: the hardest part of the fix sets its size.
 */
static double effort_of(const struct report *r, const struct req_result *rr)
{
    const struct scoring *sc = &r->catalog->scoring;
    double e = 0;
    size_t i;

    if (rr->req->effort_days >= 0)
        return rr->req->effort_days;
    for (i = 0; i < rr->nrules; i++) {
        const struct rule_result *res = &rr->rules[i];
        if (res->status != RS_PASS && res->status != RS_NA &&
            sc->effort[res->rule->type] > e)
            e = sc->effort[res->rule->type];
    }
    return e;
}

/* The owner's name in the calendar and the load: the person, else the
 * role (nobody holds it), else "" (no owner at all). */
static const char *owner_name(const struct assignee *a)
{
    const char *n = assignee_name(a);
    return n ? n : "";
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
        g->blocking = req->critical;    /* a critical gap is not met */
        pl->blocking += (size_t)g->blocking;
        g->assignee = &r->reqs[i].assignee;
        g->owner = owner_name(g->assignee);
        g->effort = effort_of(r, &r->reqs[i]);
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

/* ------------------------------------------------------- priorities */

/* Priority within a tier (plan.h): a critical gap counts whole. */
static double base_priority(const struct report *r, const struct gap *g)
{
    const struct scoring *sc = &r->catalog->scoring;
    const struct requirement *req = &r->catalog->reqs[g->req];
    double gap = g->critical ? 1.0 : 1.0 - g->result->score;

    return req->weight * gap * req->impact *
           (g->critical ? sc->critical_factor : 1) * g->urgency;
}

/*
 * Scheduling order: blocking and at-risk gaps first (and what they wait
 * for); among those, the one whose work must end soonest (its months of
 * proof still to fit before the audit: earliest deadline first, which
 * keeps the latest of them as early as it can be), then by priority,
 * the critical gap first on a tie, then catalogue order.  (Dependencies
 * are honoured separately: a gap is only picked once they are placed.)
 */
static int before(const struct gap *a, const struct gap *b)
{
    int fa = a->blocking || a->urgent, fb = b->blocking || b->urgent;
    if (fa != fb)
        return fa;
    if (fa && a->latest_end != b->latest_end)
        return a->latest_end < b->latest_end;
    if (fabs(a->priority - b->priority) > 1e-9)
        return a->priority > b->priority;
    if (a->critical != b->critical)
        return a->critical;
    return a->req < b->req;
}

/* ------------------------------------------------------- scheduling */

/* The last day an action may end, and its months of proof. */
static cg_day fix_deadline(const struct plan *pl)
{
    return pl->mock_audit - 1;
}

static cg_day proof_deadline(const struct plan *pl)
{
    /* The audit reads complete months up to the one before it. */
    return month_last_day(assess_window_end(pl->audit - 1));
}

/* The last day the work may end so that it is done before the mock
 * audit and its months of proof are complete by the audit (no audit:
 * months of proof alone, from the as-of date). */
static cg_day latest_end(const struct plan *pl, const struct gap *g)
{
    cg_day end = pl->has_audit ? fix_deadline(pl) : pl->as_of + CALENDAR_DAYS;
    if (g->data_months > 0 && pl->has_audit) {
        cg_day proof = month_first_day(assess_window_end(pl->audit - 1) -
                                       g->data_months + 1) - 1;
        if (proof < end)
            end = proof;
    }
    return end;
}

/* Dependencies of g that end last (for the delay message). */
static struct msg *deps_msg(struct report *r, const struct plan *pl,
                            const struct gap *g, const char *key)
{
    struct msg *m = msg_new(r->arena, key);
    size_t j;

    msg_list(r->arena, m, "dependencies");
    for (j = 0; j < g->ndepends; j++)
        msg_append(r->arena, m, "dependencies",
                   msg_id(r->arena, msg_new(r->arena, "plan.req"), "id",
                          r->catalog->reqs[pl->gaps[g->depends[j]].req].id));
    return m;
}

/* The gaps free to schedule (every dependency placed), best first by
 * before(): a binary heap of gap indexes. */
struct ready_heap {
    const struct gap *gaps;
    size_t *v;
    size_t n;
};

static int heap_before(const struct ready_heap *h, size_t a, size_t b)
{
    return before(&h->gaps[h->v[a]], &h->gaps[h->v[b]]);
}

static void heap_swap(struct ready_heap *h, size_t a, size_t b)
{
    size_t t = h->v[a];
    h->v[a] = h->v[b];
    h->v[b] = t;
}

static void heap_push(struct ready_heap *h, size_t gap)
{
    size_t i = h->n++;
    h->v[i] = gap;
    while (i > 0 && heap_before(h, i, (i - 1) / 2)) {
        heap_swap(h, i, (i - 1) / 2);
        i = (i - 1) / 2;
    }
}

static size_t heap_pop(struct ready_heap *h)
{
    size_t top = h->v[0], i = 0;

    h->v[0] = h->v[--h->n];
    for (;;) {
        size_t l = 2 * i + 1, rgt = l + 1, best = i;
        if (l < h->n && heap_before(h, l, best))
            best = l;
        if (rgt < h->n && heap_before(h, rgt, best))
            best = rgt;
        if (best == i)
            break;
        heap_swap(h, i, best);
        i = best;
    }
    return top;
}

/*
 * Place every action, highest first among those whose dependencies are
 * placed (list scheduling).  Returns the number that could not be placed
 * within the calendar.  The free gaps wait in a heap and each placed
 * gap frees its dependants, so a plan of n gaps takes n log n steps (a
 * scan of every gap for each pick took n squared).
 */
static size_t schedule(struct report *r, struct plan *pl,
                       struct calendar *cal)
{
    size_t *waiting = xcalloc(pl->ngaps + 1, sizeof *waiting);
    size_t *first = xcalloc(pl->ngaps + 2, sizeof *first);
    size_t *dependants, *fill;
    struct ready_heap heap;
    size_t k, i, j, lost = 0, nedges = 0;

    /* Who waits for whom, as lists of dependants (one entry per
     * dependency entry, as the counts). */
    for (i = 0; i < pl->ngaps; i++) {
        waiting[i] = pl->gaps[i].ndepends;
        nedges += pl->gaps[i].ndepends;
        for (j = 0; j < pl->gaps[i].ndepends; j++)
            first[pl->gaps[i].depends[j] + 1]++;
    }
    for (i = 0; i < pl->ngaps; i++)
        first[i + 1] += first[i];
    dependants = xcalloc(nedges + 1, sizeof *dependants);
    fill = xcalloc(pl->ngaps + 1, sizeof *fill);
    for (i = 0; i < pl->ngaps; i++)
        for (j = 0; j < pl->gaps[i].ndepends; j++) {
            size_t d = pl->gaps[i].depends[j];
            dependants[first[d] + fill[d]++] = i;
        }
    free(fill);
    heap.gaps = pl->gaps;
    heap.v = xcalloc(pl->ngaps + 1, sizeof *heap.v);
    heap.n = 0;
    for (i = 0; i < pl->ngaps; i++)
        if (waiting[i] == 0)
            heap_push(&heap, i);

    /* The catalogue is acyclic (catalog_lint), so until every gap is
     * placed one is free; were none, the rest could not be placed and
     * are counted as lost (after the loop). */
    for (k = 0; k < pl->ngaps && heap.n > 0; k++) {
        size_t gi = heap_pop(&heap);
        struct gap *g = &pl->gaps[gi];
        for (j = first[gi]; j < first[gi + 1]; j++)
            if (--waiting[dependants[j]] == 0)
                heap_push(&heap, dependants[j]);
        g->ready = pl->as_of + 1;
        for (j = 0; j < g->ndepends; j++)
            if (pl->gaps[g->depends[j]].due + 1 > g->ready)
                g->ready = pl->gaps[g->depends[j]].due + 1;
        /* Actions nobody owns are not queued behind one another: each
         * has a lane of its own (the plan cannot know whose time they
         * will take; assigning them is the first thing to do). */
        if (!calendar_take(cal, *g->owner ? g->owner
                                          : r->catalog->reqs[g->req].id,
                           g->owner,
                           g->assignee->source == ASSIGN_NAMED ||
                           g->assignee->source == ASSIGN_ROLE
                               ? g->assignee->person : NULL,
                           g->effort, g->ready, &g->start, &g->due))
            lost++;
        g->proven = g->data_months > 0
            ? month_last_day(date_month(g->due) + g->data_months) : g->due;
        g->delay = NULL;
        if (g->start > g->ready + 3) {
            /* More than a weekend's wait: the owner was busy. */
            struct msg *m = msg_new(r->arena, "plan.delay.capacity");
            msg_text(r->arena, m, "owner", *g->owner ? g->owner
                                                     : "");
            msg_date(r->arena, m, "ready", g->ready);
            msg_date(r->arena, m, "start", g->start);
            g->delay = m;
        }
    }
    lost += pl->ngaps - k;
    free(waiting);
    free(first);
    free(dependants);
    free(heap.v);
    return lost;
}

/*
 * At risk: the action cannot end before the mock audit, or its months
 * of proof cannot be complete by the audit.  The reason is a code with
 * its parameters (risk.*), worded by the language table.
 */
static void judge_risk(struct report *r, struct plan *pl, int unplaced)
{
    struct arena *a = r->arena;
    size_t i;

    pl->at_risk = 0;
    for (i = 0; i < pl->ngaps; i++) {
        struct gap *g = &pl->gaps[i];
        struct msg *why = NULL;

        g->slack_days = 0;
        if (!pl->has_audit) {
            g->at_risk = 0;
            g->risk = NULL;
            continue;
        }
        g->slack_days = (int)(fix_deadline(pl) - g->due);
        if (g->data_months > 0 &&
            (int)(proof_deadline(pl) - g->proven) < g->slack_days)
            g->slack_days = (int)(proof_deadline(pl) - g->proven);
        if (pl->audit <= pl->as_of) {
            why = msg_new(a, "risk.audit_passed");
            msg_date(a, why, "audit", pl->audit);
            msg_date(a, why, "as_of", pl->as_of);
        } else if (pl->mock_audit <= pl->as_of) {
            why = msg_new(a, "risk.mock_passed");
            msg_date(a, why, "mock", pl->mock_audit);
            msg_date(a, why, "as_of", pl->as_of);
        } else if (unplaced && g->due >= pl->as_of + CALENDAR_DAYS) {
            why = msg_new(a, "risk.no_capacity");
            msg_text(a, why, "owner", g->owner);
        } else if (g->due > fix_deadline(pl)) {
            if (g->delay)
                why = msg_new(a, "risk.capacity");
            else if (g->ndepends && g->ready > pl->as_of + 1)
                why = deps_msg(r, pl, g, "risk.dependencies");
            else
                why = msg_new(a, "risk.effort");
            msg_text(a, why, "owner", g->owner);
            msg_num(a, why, "effort", g->effort);
            msg_date(a, why, "ready", g->ready);
            msg_date(a, why, "due", g->due);
            msg_date(a, why, "mock", pl->mock_audit);
        } else if (g->data_months > 0 && g->proven > proof_deadline(pl)) {
            why = msg_new(a, "risk.data_months");
            msg_int(a, why, "months", g->data_months);
            msg_date(a, why, "due", g->due);
            msg_date(a, why, "earliest", g->proven);
            msg_date(a, why, "audit", pl->audit);
        }
        g->at_risk = why != NULL;
        g->risk = why;
        pl->at_risk += (size_t)g->at_risk;
    }
}

/* The earliest audit date this schedule allows: every action done a
 * mock audit's weeks before it, every month of proof complete. */
static cg_day earliest_audit(const struct plan *pl)
{
    cg_day d = pl->as_of + 1 + 7 * pl->mock_weeks;
    size_t i;

    for (i = 0; i < pl->ngaps; i++) {
        const struct gap *g = &pl->gaps[i];
        if (g->due + 1 + 7 * pl->mock_weeks > d)
            d = g->due + 1 + 7 * pl->mock_weeks;
        if (g->proven + 1 > d)
            d = g->proven + 1;
    }
    return d;
}

/* ------------------------------------------------------------ tiers */

static void prioritise(struct report *r, struct plan *pl, const size_t *order)
{
    const struct scoring *sc = &r->catalog->scoring;
    size_t i, j, k;

    for (i = 0; i < pl->ngaps; i++) {
        struct gap *g = &pl->gaps[i];
        int tight = pl->has_audit && g->slack_days <= sc->tier2_slack_days;
        g->urgency = g->at_risk ? sc->urgency_factor
                   : tight ? (1 + sc->urgency_factor) / 2 : 1;
        g->priority = base_priority(r, g);
        g->lifted = 0;
        g->tier = g->blocking || g->at_risk ? TIER_P1
                : tight ? TIER_P2 : TIER_P3;
        g->urgent = g->blocking || g->at_risk;
    }
    /* What a gap depends on ranks at least as high: dependants first
     * (reverse topological order), so lifts carry down a chain. */
    for (k = pl->ngaps; k-- > 0;) {
        const struct gap *d = &pl->gaps[order[k]];
        for (j = 0; j < d->ndepends; j++) {
            struct gap *g = &pl->gaps[d->depends[j]];
            enum tier t = d->tier == TIER_P1 ? TIER_P2 : d->tier;
            /* What an urgent gap waits for is as urgent to schedule. */
            g->urgent |= d->urgent;
            /* A P1 gap's dependency is on its critical path: P2 at
             * least (P1 itself when it blocks or is at risk). */
            if (d->tier == TIER_P1 && (g->blocking || g->at_risk))
                t = TIER_P1;
            if (t < g->tier) {
                g->tier = t;
                g->lifted = 1;
            }
            if (d->priority > g->priority) {
                g->priority = d->priority;
                g->lifted = 1;
            }
        }
    }
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

static int cmp_gap(const void *a, const void *b)
{
    const struct gap *x = a, *y = b;
    if (x->tier != y->tier)
        return x->tier < y->tier ? -1 : 1;
    if (fabs(x->priority - y->priority) > 1e-9)
        return x->priority > y->priority ? -1 : 1;
    if (x->critical != y->critical)
        return x->critical ? -1 : 1;
    if (x->due != y->due)
        return x->due < y->due ? -1 : 1;
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

/* ------------------------------------------------------------ build */

/*
 * Schedule, judge risk, and prioritise.  The order of scheduling depends
 * on which gaps are at risk, which depends on the schedule: the first
 * pass finds the gaps at risk, the second moves them to the front.
 */
static void plan_pass(struct report *r, struct plan *pl, const size_t *order)
{
    struct calendar *cal = calendar_new(pl->as_of + 1, r->profile);
    size_t lost = schedule(r, pl, cal);

    pl->unplaced = lost;
    judge_risk(r, pl, lost > 0);
    prioritise(r, pl, order);
    pl->overloads = 0;
    pl->total_days = pl->total_cost = 0;
    calendar_report(cal, r, pl);
    calendar_free(cal);
}

/* The plan for one audit date (has_audit 0: none), scheduled and
 * judged, before it is described and ranked. */
static struct plan *schedule_for(struct report *r, int has_audit,
                                 cg_day audit)
{
    const struct profile *p = r->profile;
    struct plan *pl = arena_calloc(r->arena, 1, sizeof *pl);
    size_t *gap_of = xcalloc(r->catalog->nreqs + 1, sizeof *gap_of);
    size_t *order, i, pass;

    pl->as_of = p->as_of;
    pl->has_audit = has_audit;
    pl->audit = audit;
    pl->mock_weeks = p->mock_audit_weeks;
    pl->mock_audit = pl->audit - 7 * pl->mock_weeks;
    pl->capacity_days = p->capacity_days;
    pl->day_rate = p->day_rate;
    pl->currency = p->currency;
    collect(r, pl, gap_of);
    for (i = 0; i < pl->ngaps; i++)
        pl->gaps[i].latest_end = latest_end(pl, &pl->gaps[i]);
    order = topo_order(pl);
    for (i = 0; i < pl->ngaps; i++) {
        pl->gaps[i].urgency = 1;
        pl->gaps[i].priority = base_priority(r, &pl->gaps[i]);
    }
    for (pass = 0; pass < 2; pass++)
        plan_pass(r, pl, order);
    /* Work that fits nowhere in the calendar has no date to give. */
    pl->feasible_audit = pl->unplaced ? 0 : earliest_audit(pl);
    pl->ready = pl->has_audit && pl->at_risk == 0 && !pl->unplaced &&
                pl->feasible_audit <= pl->audit;
    free(order);
    free(gap_of);
    return pl;
}

/*
 * The earliest audit date a plan made for that very date passes (every
 * action before its mock audit, every month of proof by it): a plan for
 * another date orders the work for that date's deadlines, so its own
 * estimate is only a starting point.  Binary search between the first
 * date a mock audit allows and a date that passes; 0 when none is
 * found.  Each probe is a whole schedule (milliseconds).
 */
/* Whether the plan made for an audit on `audit` passes (and, in
 * *feasible, the date it would allow).  A probe's plan is thrown away:
 * it is made in an arena of its own, so the search's dozen or so whole
 * schedules do not stay in the report's memory. */
static int probe(struct report *r, cg_day audit, cg_day *feasible)
{
    struct arena *keep = r->arena;
    const struct plan *pl;
    int ready;

    r->arena = arena_new();
    pl = schedule_for(r, 1, audit);
    ready = pl->ready;
    if (feasible)
        *feasible = pl->feasible_audit;
    arena_free(r->arena);
    r->arena = keep;
    return ready;
}

static cg_day earliest_passing(struct report *r, cg_day hint)
{
    cg_day lo = r->profile->as_of + 1 + 7 * r->profile->mock_audit_weeks;
    cg_day hi = hint;
    int tries;

    for (tries = 0; tries < 8; tries++) {
        cg_day feasible;
        if (probe(r, hi, &feasible))
            break;
        if (!feasible)
            return 0;
        hi = feasible > hi ? feasible : hi + 7;
    }
    if (tries == 8)
        return 0;
    if (lo >= hi || probe(r, lo, NULL))
        return lo < hi ? lo : hi;
    while (hi - lo > 1) {
        cg_day mid = lo + (hi - lo) / 2;
        if (probe(r, mid, NULL))
            hi = mid;
        else
            lo = mid;
    }
    return hi;
}

const struct plan *plan_build(struct report *r,
                              const struct plan_options *opt)
{
    const struct profile *p = r->profile;
    int has_audit = opt && opt->has_audit ? 1 : p->has_target_audit;
    struct plan *pl = schedule_for(r, has_audit, opt && opt->has_audit
                                                     ? opt->audit
                                                     : p->target_audit);
    size_t i;

    if (pl->feasible_audit) {
        cg_day best = earliest_passing(r, pl->feasible_audit);
        /* Never earlier than the audit date a failing plan was made for
         * (the search assumes a later audit is never harder). */
        if (best && !(has_audit && !pl->ready && best <= pl->audit))
            pl->feasible_audit = best;
    }
    /* Totals are the whole plan's, scheduled or not (the load by month
     * holds only what the calendar could place). */
    pl->total_days = pl->total_cost = 0;
    for (i = 0; i < pl->ngaps; i++) {
        struct gap *g = &pl->gaps[i];
        g->cost = g->effort * profile_day_rate(
            p, g->assignee->source == ASSIGN_NAMED ||
               g->assignee->source == ASSIGN_ROLE ? g->assignee->person
                                                  : NULL);
        pl->total_days += g->effort;
        pl->total_cost += g->cost;
        plan_describe(r, g);
    }
    rank(r, pl);
    r->plan = pl;
    return pl;
}
