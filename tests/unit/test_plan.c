/*
 * test_plan.c — effort, scheduling within capacity, the mock audit,
 * risk, tiers, priority, load and cost, on tests/data/plan (as-of Sunday
 * 31 Jan 2027, audit Tue 15 Jun 2027, mock audit 6 weeks before: Tue
 * 4 May 2027, so actions are due by 3 May and months of proof must be
 * complete by 31 May, the last month before the audit).  Rule results
 * are set by hand so that every number below can be checked:
 *
 *   February 2027 has 20 working days: a capacity of 20 person-days a
 *   month is 1 day a day (Luis, the wfm role and the unassigned pool);
 *   Ana's 10 is half a day.  March has 23: 20/23 a day.
 *
 *   scheduled urgent first (blocking, at risk, or needed by such a gap):
 *     P1 Luis 5 d from Mon 1 Feb: 1-5 Feb, due 5 Feb.
 *     P2 Ana 5 d, ready 8 Feb (after P1): 10 working days, due 19 Feb.
 *     P3 Luis 10 d, ready 22 Feb: 5 d in 22-26 Feb, then 5 / (20/23)
 *        = 5.75 March days: due Mon 8 Mar.
 *     P4 wfm 10 d (the metric default) from 1 Feb: due 12 Feb; 4 months
 *        of data after February: proven 30 Jun > 31 May: at risk.
 *   then the rest by priority:
 *     P8 Luis 5 d, ready 1 Feb, but P1 has Luis until 5 Feb: 8-12 Feb
 *        (Luis is free while Ana does P2): delayed by capacity.
 *     P7 and P5 have no owner: each its own lane, 1 Feb.
 *   earliest audit: P4's proof to 30 Jun -> 1 Jul 2027 (P3: 8 Mar + 1
 *   + 42 days = 20 Apr).
 *   priority = weight x gap x impact x (2 if critical) x urgency:
 *     P1 2x1x5x2 = 20, P3 20 (critical: the gap counts whole even when
 *     partial), P4 1x1x4x2 (at risk) = 8, P2 1x1x3 = 3 lifted to 20 by
 *     P3, P8 1x1x3 = 3, P7 1, P5 1x0.5x1 = 0.5.
 *   tiers: P1, P3 (blocking) and P4 (at risk) P1; P2 P2 (P3 needs it);
 *   P8, P7, P5 P3 (more than 30 days of slack).
 */
#include <string.h>

#include "check_main.h"
#include "copcgap/assess.h"
#include "copcgap/plan.h"
#include "copcgap/load.h"
#include "lang_fixture.h"

static struct catalog *cat;
static struct profile *prof;
static struct report *rep;

static void setup(void)
{
    struct cg_errors errs = CG_ERRORS_INIT;
    cat = catalog_load("tests/data/plan/catalog.xml", &errs);
    prof = profile_load("tests/data/plan/profile.xml", &errs);
    ck_assert_msg(cat && prof, "%s", errs.n ? errs.v[0].msg : "");
    rep = report_new(cat, prof, en());
    ck_assert(assess_scope(rep, &errs));
    errors_free(&errs);
}

static void teardown(void)
{
    report_free(rep);
    catalog_free(cat);
    profile_free(prof);
}

static struct req_result *rr(const char *id)
{
    return &rep->reqs[catalog_find_req(cat, id, strlen(id))];
}

static void set_all(enum rule_status st, double score)
{
    size_t i, j;
    for (i = 0; i < cat->nreqs; i++)
        for (j = 0; j < rep->reqs[i].nrules; j++) {
            rep->reqs[i].rules[j].status = st;
            rep->reqs[i].rules[j].score = score;
            rep->reqs[i].rules[j].trace = msg_new(rep->arena, "trace.na");
        }
}

static const struct gap *gap(const struct plan *pl, const char *id)
{
    size_t i;
    for (i = 0; i < pl->ngaps; i++)
        if (strcmp(cat->reqs[pl->gaps[i].req].id, id) == 0)
            return &pl->gaps[i];
    ck_abort_msg("no gap %s", id);
    return NULL;
}

static cg_day day(const char *s)
{
    cg_day d = 0;
    ck_assert(date_parse(s, strlen(s), &d));
    return d;
}

static void scores(void)
{
    set_all(RS_FAIL, 0);
    rr("P4")->rules[0].months_short = 4;
    rr("P5")->rules[0].status = RS_PASS;        /* s = 0.5 */
    rr("P5")->rules[0].score = 1;
    rr("P6")->rules[0].status = RS_PASS;
    rr("P6")->rules[0].score = 1;
    assess_score(rep);
}

static const struct plan *scenario(void)
{
    scores();
    return plan_build(rep, NULL);
}

START_TEST(no_gaps_no_plan)
{
    const struct plan *pl;
    set_all(RS_PASS, 1);
    assess_score(rep);
    pl = plan_build(rep, NULL);
    ck_assert_uint_eq(pl->ngaps, 0);
    ck_assert_uint_eq(pl->at_risk, 0);
    ck_assert(pl->ready);
    /* Nothing to do: the mock audit can be six weeks from tomorrow. */
    ck_assert_int_eq(pl->feasible_audit, day("2027-03-15"));
}
END_TEST

START_TEST(dependencies_then_capacity)
{
    const struct plan *pl = scenario();
    const struct gap *p1 = gap(pl, "P1"), *p2 = gap(pl, "P2"),
                     *p3 = gap(pl, "P3"), *p8 = gap(pl, "P8");

    ck_assert_int_eq(pl->mock_audit, day("2027-05-04"));
    ck_assert_int_eq(p1->start, day("2027-02-01"));
    ck_assert_int_eq(p1->due, day("2027-02-05"));
    ck_assert_int_eq(p2->ready, day("2027-02-06"));
    ck_assert_int_eq(p2->start, day("2027-02-08"));
    ck_assert_int_eq(p2->due, day("2027-02-19"));
    ck_assert_int_eq(p3->start, day("2027-02-22"));
    ck_assert_int_eq(p3->due, day("2027-03-08"));
    ck_assert(!p1->at_risk && !p2->at_risk && !p3->at_risk);
    /* Luis is busy with P1 the first week: P8 waits, and says why. */
    ck_assert_int_eq(p8->ready, day("2027-02-01"));
    ck_assert_int_eq(p8->start, day("2027-02-08"));
    ck_assert_int_eq(p8->due, day("2027-02-12"));
    ck_assert_ptr_nonnull(p8->delay);
    ck_assert_str_eq(txt(p8->delay), "ready on 1 Feb 2027, but Luis is busy "
                     "with higher priorities until 8 Feb 2027");
    ck_assert_ptr_null(p1->delay);
    ck_assert_str_eq(p1->assignee->person, "Luis");
    ck_assert_int_eq(p1->assignee->source, ASSIGN_ROLE);
    ck_assert_str_eq(txt(p1->action),
                     "Write and approve the foundation policy.");
    ck_assert_msg(strstr(txt(p1->measure), "1 approved policy dated within "
                                           "the last 365 days") != NULL,
                  "%s", txt(p1->measure));
}
END_TEST

START_TEST(effort_from_catalogue_or_rule_type)
{
    const struct plan *pl = scenario();
    ck_assert_double_eq(gap(pl, "P1")->effort, 5);      /* remediation */
    ck_assert_double_eq(gap(pl, "P5")->effort, 1);      /* effort-days */
    /* P4 names none: the metric rule's default, 10 person-days. */
    ck_assert_double_eq(gap(pl, "P4")->effort, 10);
}
END_TEST

START_TEST(months_of_proof_put_a_gap_at_risk)
{
    const struct plan *pl = scenario();
    const struct gap *p4 = gap(pl, "P4");

    ck_assert(p4->at_risk);
    ck_assert_int_eq(p4->data_months, 4);
    ck_assert_int_eq(p4->due, day("2027-02-12"));
    ck_assert_int_eq(p4->proven, day("2027-06-30"));
    ck_assert_str_eq(p4->risk->key, "risk.data_months");
    ck_assert_str_eq(txt(p4->risk),
                     "needs 4 months of conforming data after the fix ends "
                     "on 12 Feb 2027: the earliest it can show is 30 Jun "
                     "2027, after the audit on 15 Jun 2027");
    ck_assert_uint_eq(pl->at_risk, 1);
    ck_assert(!pl->ready);
    ck_assert_int_eq(pl->feasible_audit, day("2027-07-01"));
}
END_TEST

START_TEST(tiers_and_priorities)
{
    const struct plan *pl = scenario();
    static const char *const order[] = {
        "P1", "P3", "P4", "P2", "P8", "P7", "P5"
    };
    static const enum tier tiers[] = {
        TIER_P1, TIER_P1, TIER_P1, TIER_P2, TIER_P3, TIER_P3, TIER_P3
    };
    size_t i;

    ck_assert_uint_eq(pl->ngaps, 7);
    for (i = 0; i < 7; i++) {
        ck_assert_str_eq(cat->reqs[pl->gaps[i].req].id, order[i]);
        ck_assert_int_eq(pl->gaps[i].tier, tiers[i]);
        ck_assert_uint_eq(pl->gaps[i].rank, i + 1);
    }
    ck_assert_double_eq_tol(gap(pl, "P1")->priority, 20, 1e-9);
    ck_assert_double_eq_tol(gap(pl, "P4")->priority, 8, 1e-9);
    ck_assert_double_eq_tol(gap(pl, "P2")->priority, 20, 1e-9);
    ck_assert(gap(pl, "P2")->lifted);
    ck_assert_double_eq_tol(gap(pl, "P5")->priority, 0.5, 1e-9);
    ck_assert_uint_eq(pl->count[TIER_P1], 3);
    ck_assert_uint_eq(pl->count[TIER_P2], 1);
    ck_assert_uint_eq(pl->count[TIER_P3], 3);
}
END_TEST

START_TEST(critical_priority_is_not_scaled_down)
{
    /* P1 half met still counts whole: a partial critical control blocks
     * certification as much as a missing one. */
    const struct plan *pl;
    scores();
    rr("P1")->rules[0].status = RS_PARTIAL;
    rr("P1")->rules[0].score = 0.5;
    assess_score(rep);
    pl = plan_build(rep, NULL);
    ck_assert_double_eq_tol(gap(pl, "P1")->priority, 20, 1e-9);
    ck_assert_int_eq(gap(pl, "P1")->tier, TIER_P1);
}
END_TEST

START_TEST(load_and_cost_within_capacity)
{
    const struct plan *pl = scenario();
    double luis_feb = 0, luis_mar = 0, ana_feb = 0;
    size_t i;

    for (i = 0; i < pl->nload; i++) {
        const struct owner_month *o = &pl->load[i];
        ck_assert(!o->overloaded);
        ck_assert(o->days <= o->capacity + 1e-9);
        if (strcmp(o->owner, "Luis") == 0)
            *(o->month == month_from_ym(2027, 2) ? &luis_feb : &luis_mar) +=
                o->days;
        if (strcmp(o->owner, "Ana") == 0)
            ana_feb += o->days;
    }
    ck_assert_uint_eq(pl->overloads, 0);
    /* Luis: P1 5 + P8 5 + P3 5 in February, P3's other 5 in March. */
    ck_assert_double_eq_tol(luis_feb, 15, 1e-6);
    ck_assert_double_eq_tol(luis_mar, 5, 1e-6);
    ck_assert_double_eq_tol(ana_feb, 5, 1e-6);
    ck_assert_double_eq_tol(pl->total_days, 37, 1e-6);
    /* Costs: Luis 600 a day, everyone else the profile's 500. */
    ck_assert_double_eq_tol(gap(pl, "P1")->cost, 3000, 1e-6);
    ck_assert_double_eq_tol(gap(pl, "P2")->cost, 2500, 1e-6);
    ck_assert_double_eq_tol(pl->total_cost,
                            20 * 600 + 5 * 500 + 10 * 500 + 2 * 500, 1e-6);
    ck_assert_uint_eq(pl->nmonths, 2);
    ck_assert_double_eq_tol(pl->months[0].days, 32, 1e-6);
    ck_assert_str_eq(pl->currency, "EUR");
}
END_TEST

START_TEST(an_earlier_audit_date_is_refused_with_reasons)
{
    /* Audit on 15 Apr: the mock audit is on 4 Mar and P3, waiting for P2,
     * cannot end before 8 Mar. */
    struct plan_options po = { 1, 0 };
    const struct plan *pl;
    const struct gap *p3;

    po.audit = day("2027-04-15");
    scores();
    pl = plan_build(rep, &po);
    p3 = gap(pl, "P3");
    ck_assert_int_eq(pl->mock_audit, day("2027-03-04"));
    ck_assert(p3->at_risk);
    ck_assert_str_eq(p3->risk->key, "risk.dependencies");
    ck_assert_str_eq(txt(p3->risk),
                     "it waits for P2 (ready 20 Feb 2027): 10 person-days "
                     "end on 8 Mar 2027, after the mock audit on 4 Mar "
                     "2027");
    ck_assert(!pl->ready);
    ck_assert_int_eq(pl->feasible_audit, day("2027-07-01"));
}
END_TEST

START_TEST(a_mock_audit_already_past)
{
    struct plan_options po = { 1, 0 };
    const struct plan *pl;
    size_t i;

    po.audit = day("2027-03-01");               /* mock on 18 Jan */
    scores();
    pl = plan_build(rep, &po);
    ck_assert_uint_eq(pl->at_risk, pl->ngaps);
    for (i = 0; i < pl->ngaps; i++) {
        ck_assert_int_eq(pl->gaps[i].tier, TIER_P1);
        ck_assert_str_eq(pl->gaps[i].risk->key, "risk.mock_passed");
    }
    po.audit = day("2027-01-31");               /* the as-of date itself */
    pl = plan_build(rep, &po);
    for (i = 0; i < pl->ngaps; i++)
        ck_assert_str_eq(pl->gaps[i].risk->key, "risk.audit_passed");
}
END_TEST

START_TEST(capacity_overflow_moves_work_later)
{
    /* With 5 person-days a month (a quarter day a day in February),
     * Luis's 20 days of work run into June: P3 is at risk for capacity
     * or its dependency, and nobody is ever over capacity. */
    const struct plan *pl;
    size_t i;

    prof->people[0].capacity_days = 5;          /* Luis */
    scores();
    pl = plan_build(rep, NULL);
    ck_assert(gap(pl, "P3")->at_risk);
    ck_assert_int_gt(gap(pl, "P3")->due, pl->mock_audit);
    for (i = 0; i < pl->nload; i++)
        ck_assert_msg(pl->load[i].days <= pl->load[i].capacity + 1e-9,
                      "%s over capacity", pl->load[i].owner);
    /* P1: 5 days at a quarter day a day = 20 working days: all of
     * February. */
    ck_assert_int_eq(gap(pl, "P1")->due, day("2027-02-26"));
}
END_TEST

static Suite *plan_suite(void)
{
    Suite *s = suite_create("plan");
    TCase *tc = tcase_create("plan");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, no_gaps_no_plan);
    tcase_add_test(tc, dependencies_then_capacity);
    tcase_add_test(tc, effort_from_catalogue_or_rule_type);
    tcase_add_test(tc, months_of_proof_put_a_gap_at_risk);
    tcase_add_test(tc, tiers_and_priorities);
    tcase_add_test(tc, critical_priority_is_not_scaled_down);
    tcase_add_test(tc, load_and_cost_within_capacity);
    tcase_add_test(tc, an_earlier_audit_date_is_refused_with_reasons);
    tcase_add_test(tc, a_mock_audit_already_past);
    tcase_add_test(tc, capacity_overflow_moves_work_later);
    suite_add_tcase(s, tc);
    return s;
}

CG_TEST_MAIN(plan_suite)
