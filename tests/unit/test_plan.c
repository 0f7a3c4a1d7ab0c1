/*
 * test_plan.c — gaps, priority, lead time, back-scheduling and owner
 * load on tests/data/plan (as-of 2026-10-31, audit 2027-03-15), with
 * rule results set by hand so every number below can be checked:
 *
 *   fix days = ceil(effort x 7 / 5): P1 14, P2 7, P3 28, P4 14, P5 2.
 *   forward (from 2026-11-01): P1 11-01..11-14, P2 11-15..11-21,
 *     P3 11-22..12-19, P4 11-01..11-14 then 4 months of data
 *     (Dec..Mar) -> earliest done 2027-03-31, after the audit: at risk.
 *   backward (due the day before the audit, 2027-03-14): P3 due 03-14
 *     starts 02-15; P2 due 02-14 starts 02-08; P1 due 02-07 starts
 *     01-25; P5 due 03-14 starts 03-13.
 *   priority = weight x (1 - s) x impact x (2 if critical) x urgency:
 *     P1 2x1x5x2 = 20; P3 2x1x5x2 = 20; P2 1x1x3 = 3, lifted to 20
 *     (P3 depends on it); P4 1x1x4x2 (at risk) = 8; P5 1x0.5x1 = 0.5.
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

static const struct plan *scenario(void)
{
    set_all(RS_FAIL, 0);
    rr("P7")->rules[0].status = RS_PASS;
    rr("P7")->rules[0].score = 1;
    rr("P4")->rules[0].months_short = 4;
    rr("P5")->rules[0].status = RS_PASS;        /* s = 0.5 */
    rr("P5")->rules[0].score = 1;
    rr("P6")->rules[0].status = RS_PASS;
    rr("P6")->rules[0].score = 1;
    assess_score(rep);
    return plan_build(rep, 10);
}

START_TEST(no_gaps_no_plan)
{
    const struct plan *pl;
    set_all(RS_PASS, 1);
    assess_score(rep);
    pl = plan_build(rep, 10);
    ck_assert_uint_eq(pl->ngaps, 0);
    ck_assert_uint_eq(pl->at_risk, 0);
    ck_assert_int_eq(pl->feasible_audit, day("2026-11-01"));
}
END_TEST

START_TEST(dependency_chain_is_scheduled_back_from_the_audit)
{
    const struct plan *pl = scenario();
    const struct gap *p1 = gap(pl, "P1"), *p2 = gap(pl, "P2"),
                     *p3 = gap(pl, "P3"), *p5 = gap(pl, "P5");

    ck_assert_uint_eq(pl->ngaps, 5);
    ck_assert_int_eq(p1->fix_days, 14);
    ck_assert_int_eq(p3->fix_days, 28);
    ck_assert_int_eq(p3->earliest_start, day("2026-11-22"));
    ck_assert_int_eq(p3->due, day("2027-03-14"));
    ck_assert_int_eq(p3->start, day("2027-02-15"));
    ck_assert_int_eq(p2->due, day("2027-02-14"));
    ck_assert_int_eq(p2->start, day("2027-02-08"));
    ck_assert_int_eq(p1->due, day("2027-02-07"));
    ck_assert_int_eq(p1->start, day("2027-01-25"));
    ck_assert_int_eq(p5->start, day("2027-03-13"));
    ck_assert(!p1->at_risk && !p2->at_risk && !p3->at_risk);
    ck_assert_str_eq(p1->assignee->person, "Luis");
    ck_assert_int_eq(p1->assignee->source, ASSIGN_ROLE);
    ck_assert_str_eq(txt(p1->action),
                     "Write and approve the foundation policy.");
    ck_assert_msg(strstr(txt(p1->measure), "1 approved policy dated within "
                                           "the last 365 days") != NULL,
                  "%s", txt(p1->measure));
}
END_TEST

START_TEST(months_of_data_put_a_gap_at_risk)
{
    const struct plan *pl = scenario();
    const struct gap *p4 = gap(pl, "P4");

    ck_assert(p4->at_risk);
    ck_assert_int_eq(p4->data_months, 4);
    ck_assert_int_eq(p4->earliest_done, day("2027-03-31"));
    ck_assert_str_eq(p4->risk->key, "risk.data_months");
    ck_assert_str_eq(txt(p4->risk),
                     "needs 4 more months of conforming data after a 14-day "
                     "fix: the earliest it can show is 31 Mar 2027, after "
                     "the audit on 15 Mar 2027");
    /* At-risk actions start as early as they can. */
    ck_assert_int_eq(p4->start, day("2026-11-01"));
    ck_assert_int_eq(p4->due, day("2026-11-14"));
    ck_assert_uint_eq(pl->at_risk, 1);
    ck_assert_int_eq(pl->feasible_audit, day("2027-04-01"));
}
END_TEST

START_TEST(priority_tiers_and_ranking)
{
    const struct plan *pl = scenario();
    static const char *const order[] = { "P1", "P3", "P2", "P4", "P5" };
    size_t i;

    ck_assert_double_eq_tol(gap(pl, "P1")->priority, 20, 1e-9);
    ck_assert_double_eq_tol(gap(pl, "P2")->base_priority, 3, 1e-9);
    ck_assert_double_eq_tol(gap(pl, "P2")->priority, 20, 1e-9);
    ck_assert(gap(pl, "P2")->lifted);
    ck_assert_int_eq(gap(pl, "P2")->tier, TIER_P1);
    ck_assert_double_eq_tol(gap(pl, "P4")->priority, 8, 1e-9);
    ck_assert_double_eq_tol(gap(pl, "P5")->priority, 0.5, 1e-9);
    ck_assert_int_eq(gap(pl, "P5")->tier, TIER_P3);
    for (i = 0; i < 5; i++) {
        ck_assert_str_eq(cat->reqs[pl->gaps[i].req].id, order[i]);
        ck_assert_uint_eq(pl->gaps[i].rank, i + 1);
    }
    /* Acceptance: P1 holds every critical and every at-risk gap, and
     * every due date is by the audit unless the action is at risk. */
    for (i = 0; i < pl->ngaps; i++) {
        const struct gap *g = &pl->gaps[i];
        if (g->critical || g->at_risk)
            ck_assert_int_eq(g->tier, TIER_P1);
        if (!g->at_risk)
            ck_assert_int_lt(g->due, pl->audit);
    }
    ck_assert_uint_eq(pl->count[TIER_P1], 4);
    ck_assert_uint_eq(pl->count[TIER_P3], 1);
    /* Dependencies were remapped to ranked positions. */
    ck_assert_uint_eq(gap(pl, "P3")->ndepends, 1);
    ck_assert_str_eq(cat->reqs[pl->gaps[gap(pl, "P3")->depends[0]].req].id,
                     "P2");
}
END_TEST

START_TEST(owner_load_flags_overloads)
{
    /* Luis: P1 01-25..02-07 (10 working days, 1 a day: Jan 5, Feb 5) and
     * P3 02-15..03-14 (20 working days: Feb 10, Mar 10): Feb = 15 > 10. */
    const struct plan *pl = scenario();
    size_t i, found = 0;

    for (i = 0; i < pl->nload; i++) {
        const struct owner_month *o = &pl->load[i];
        if (strcmp(o->owner, "Luis") != 0)
            continue;
        found++;
        if (o->month == month_from_ym(2027, 1))
            ck_assert_double_eq_tol(o->days, 5, 1e-9);
        if (o->month == month_from_ym(2027, 2)) {
            ck_assert_double_eq_tol(o->days, 15, 1e-9);
            ck_assert(o->overloaded);
        }
        if (o->month == month_from_ym(2027, 3)) {
            ck_assert_double_eq_tol(o->days, 10, 1e-9);
            ck_assert(!o->overloaded);
        }
    }
    ck_assert_uint_eq(found, 3);
    ck_assert_uint_eq(pl->overloads, 1);
}
END_TEST

START_TEST(audit_date_already_past)
{
    const struct plan *pl;
    size_t i;
    prof->target_audit = day("2026-10-01");
    pl = scenario();
    ck_assert_uint_eq(pl->at_risk, pl->ngaps);
    for (i = 0; i < pl->ngaps; i++) {
        ck_assert_int_eq(pl->gaps[i].tier, TIER_P1);
        ck_assert_str_eq(pl->gaps[i].risk->key, "risk.audit_passed");
        ck_assert(strstr(txt(pl->gaps[i].risk), "is not after the as-of "
                                                "date") != NULL);
    }
}
END_TEST

START_TEST(ties_keep_catalogue_order)
{
    const struct plan *pl;
    /* Only P5 and P7 open, identical in every way but their ids. */
    set_all(RS_PASS, 1);
    rr("P5")->rules[0].status = RS_FAIL;
    rr("P5")->rules[0].score = 0;
    rr("P5")->rules[1].status = RS_FAIL;
    rr("P5")->rules[1].score = 0;
    rr("P7")->rules[0].status = RS_FAIL;
    rr("P7")->rules[0].score = 0;
    assess_score(rep);
    pl = plan_build(rep, 10);
    ck_assert_uint_eq(pl->ngaps, 2);
    ck_assert_double_eq_tol(pl->gaps[0].priority, pl->gaps[1].priority,
                            1e-12);
    ck_assert_str_eq(cat->reqs[pl->gaps[0].req].id, "P5");
    ck_assert_str_eq(cat->reqs[pl->gaps[1].req].id, "P7");
}
END_TEST

static Suite *plan_suite(void)
{
    Suite *s = suite_create("plan");
    TCase *tc = tcase_create("plan");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, no_gaps_no_plan);
    tcase_add_test(tc, dependency_chain_is_scheduled_back_from_the_audit);
    tcase_add_test(tc, months_of_data_put_a_gap_at_risk);
    tcase_add_test(tc, priority_tiers_and_ranking);
    tcase_add_test(tc, owner_load_flags_overloads);
    tcase_add_test(tc, audit_date_already_past);
    tcase_add_test(tc, ties_keep_catalogue_order);
    suite_add_tcase(s, tc);
    return s;
}

CG_TEST_MAIN(plan_suite)
