/*
 * plan.h — gap register, priorities and the action plan to the audit
 * date (core: pure computation on a scored report).
 *
 * A gap is an applicable requirement that is not met.  For each gap:
 *   lead time = fix duration (effort-days of work at 5 working days a
 *               week) after its unmet dependencies are fixed, plus, for
 *               metric / sample / trend rules that fail, the months of
 *               conforming data still to be shown after the fix;
 *   at risk   = its earliest completion falls after the target audit (or
 *               the audit date has passed), with the reason in words;
 *   priority  = weight x (1 - s) x impact x (critical-factor if critical)
 *               x urgency, urgency = 1 when the lead time is at most half
 *               the time left before the audit, (1 + urgency-factor) / 2
 *               when it is at most all of it, urgency-factor beyond;
 *               then a dependency's priority and tier are lifted to at
 *               least those of any gap that depends on it;
 *   tier      = P1 for critical or at-risk gaps or priority >= tier1-min,
 *               P2 for priority >= tier2-min, else P3.
 * The schedule runs back from the audit date: each action is due as late
 * as its dependants and its data months allow (due dates never after the
 * audit unless at risk), and starts its duration earlier; at-risk actions
 * are scheduled as early as possible instead.  See docs/plan.md.
 *
 * Everything lives in the report's arena.
 */
#ifndef COPCGAP_PLAN_H
#define COPCGAP_PLAN_H

#include <stddef.h>

#include "copcgap/report.h"

enum tier { TIER_P1 = 1, TIER_P2, TIER_P3 };

struct gap {
    size_t req;                 /* requirement index */
    const struct req_result *result;
    double priority;
    double base_priority;       /* before the dependency lift */
    double urgency;
    enum tier tier;
    int lifted;                 /* priority or tier raised by a dependant */
    int critical;
    int at_risk;
    const char *risk_reason;    /* NULL unless at risk */
    int fix_days;               /* calendar days to carry out the fix */
    int data_months;            /* months of conforming data still needed */
    int lead_days;              /* from as-of to earliest completion */
    cg_day earliest_start;
    cg_day earliest_done;       /* fix done and data months shown */
    cg_day start;               /* scheduled */
    cg_day due;
    const struct assignee *assignee;    /* the requirement's (report.h) */
    const struct msg *risk;     /* why at risk (code + parameters), or
                                   NULL */
    const struct msg *action;   /* specific: what to change */
    const struct msg *measure;  /* measurable target */
    const struct msg *proof;    /* evidence that will prove completion */
    const struct rule_result **failing;   /* the rules not passing */
    size_t nfailing;
    size_t *depends;            /* indexes into plan.gaps of unmet deps */
    size_t ndepends;
    size_t rank;                /* 1 = highest priority */
};

struct owner_month {
    const char *owner;          /* the assignee's name (person or role) */
    int unfilled;               /* a role no person holds */
    cg_month month;
    double days;                /* working days of planned effort */
    int overloaded;
};

struct plan {
    int has_audit;
    cg_day audit;               /* target audit date */
    cg_day as_of;
    cg_day feasible_audit;      /* earliest date every gap could close */
    double capacity_days;       /* per owner per month */
    struct gap *gaps;           /* ranked: highest priority first */
    size_t ngaps;
    size_t count[4];            /* by tier (index 1-3) */
    size_t at_risk;
    struct owner_month *load;   /* sorted by owner, then month */
    size_t nload;
    size_t overloads;
};

/* Default planning capacity: working days per owner per month. */
#define PLAN_DEFAULT_CAPACITY 10.0

/*
 * Build the plan from a scored report (after assess_run).  The result is
 * stored in r->plan and returned.
 */
const struct plan *plan_build(struct report *r, double capacity_days);

const char *tier_name(enum tier t);

#endif
