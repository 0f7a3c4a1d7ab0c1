/*
 * plan.h — gap register, priorities and the action plan to the audit
 * date (core: pure computation on a scored report; docs/plan.md).
 *
 * A gap is an applicable requirement that is not met.  Each gap becomes
 * one action with an effort in person-days (the catalogue's remediation
 * effort, else the scoring's default for the kind of rule that fails)
 * and, for metric, trend, sample and cadence rules, the months of
 * conforming data still to show after the fix.
 *
 * Schedule: as soon as possible from the as-of date, blocking and at-risk
 * gaps first, then by priority; an action starts when its dependencies
 * are done and its owner has time: each owner gives the plan at most
 * their capacity in person-days a month (the profile's <planning> and
 * <person>), spread over the month's working days.  Actions that do not
 * fit move later and say why.  Every action is due before the mock audit
 * (mock-audit-weeks before the audit), and its months of proof must be
 * complete by the audit; a gap that cannot make both is at risk, with the
 * reason.  The plan answers "can we pass on the audit date?" and gives
 * the earliest audit date capacity, dependencies, proof and the mock
 * audit allow.
 *
 * Tiers: P1 = blocks certification (a critical requirement not met) or
 * at risk; P2 = other gaps with little slack before the mock audit
 * (tier2-slack-days) or that a P1 gap depends on; P3 = the rest.  Within
 * a tier, priority = weight x gap x impact x (critical-factor if
 * critical) x urgency, gap = 1 - score (1 for a critical requirement:
 * never scaled down by partial credit); ties go to the critical gap, the
 * earlier due date, then catalogue order.
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
    enum tier tier;
    double priority;            /* within the tier (see above) */
    double urgency;
    int lifted;                 /* tier or priority raised by a dependant */
    int critical;
    int blocking;               /* critical and not met */
    int urgent;                 /* blocking, at risk, or needed by such a
                                   gap: scheduled first */
    int at_risk;
    const struct msg *risk;     /* why at risk (code + parameters), or
                                   NULL */
    const struct msg *delay;    /* why it starts later than its
                                   dependencies allow (capacity), or NULL */
    double effort;              /* person-days of work */
    int data_months;            /* months of conforming data after the fix */
    cg_day latest_end;          /* the work must end by then for the
                                   mock audit and the months of proof */
    cg_day ready;               /* dependencies done: could start */
    cg_day start;               /* scheduled within capacity */
    cg_day due;
    cg_day proven;              /* last day of the months of proof (due
                                   when none are needed) */
    int slack_days;             /* to the mock audit / the audit's window;
                                   negative when late */
    double cost;                /* effort x day rate; 0 without a rate */
    const struct assignee *assignee;    /* the requirement's (report.h) */
    const char *owner;          /* the load's name: person, else role,
                                   else "" */
    const struct msg *action;   /* specific: what to change */
    const struct msg *measure;  /* measurable target */
    const struct msg *proof;    /* evidence that will prove completion */
    const struct rule_result **failing;   /* the rules not passing */
    size_t nfailing;
    size_t *depends;            /* indexes into plan.gaps of unmet deps */
    size_t ndepends;
    size_t rank;                /* 1 = highest priority */
};

/* One owner's planned work in one month. */
struct owner_month {
    const char *owner;          /* the assignee's name (person or role) */
    int unfilled;               /* a role no person holds, or nobody */
    cg_month month;
    double days;                /* person-days of planned effort */
    double capacity;            /* the owner's capacity that month */
    double cost;                /* days x day rate */
    int overloaded;             /* days > capacity (never, unless the
                                   capacity is 0) */
};

/* The plan's effort and cost in one month, all owners together. */
struct month_total {
    cg_month month;
    double days;
    double cost;
};

struct plan {
    int has_audit;
    cg_day audit;               /* target audit date */
    cg_day mock_audit;          /* mock_weeks before it */
    int mock_weeks;
    cg_day as_of;
    int ready;                  /* every gap closes in time for the audit */
    cg_day feasible_audit;      /* earliest audit date the plan allows;
                                   0 when some work fits nowhere */
    size_t unplaced;            /* actions the calendar could not hold */
    double capacity_days;       /* default per owner per month */
    double day_rate;            /* 0: no costs */
    const char *currency;       /* may be NULL */
    struct gap *gaps;           /* ranked: highest priority first */
    size_t ngaps;
    size_t count[4];            /* by tier (index 1-3) */
    size_t at_risk;
    size_t blocking;
    struct owner_month *load;   /* sorted by owner, then month */
    size_t nload;
    size_t overloads;
    struct month_total *months; /* ascending */
    size_t nmonths;
    double total_days;
    double total_cost;
};

/* How to plan: the audit date to plan for (overrides the profile's). */
struct plan_options {
    int has_audit;
    cg_day audit;
};

/*
 * Build the plan from a scored report (after assess_run).  `opt` may be
 * NULL (the profile's target audit).  The result is stored in r->plan
 * and returned.
 */
const struct plan *plan_build(struct report *r,
                              const struct plan_options *opt);

const char *tier_name(enum tier t);

#endif
