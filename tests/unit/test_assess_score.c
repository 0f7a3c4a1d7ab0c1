/*
 * test_assess_score.c — scoring and verdict on a worked example
 * (design.md "Assessment semantics"), using samples/tiny:
 *
 *   category 1 (weight 40): 1.1 (w 2, critical, 1 rule)
 *                           1.2 (w 1, 2 rules: evidence, finding)
 *   category 2 (weight 60): 2.1 (w 1, critical, 1 metric rule)
 *                           2.2 (excluded by the profile's scope)
 */
#include <string.h>

#include "check_main.h"
#include "copcgap/assess.h"
#include "copcgap/load.h"
#include "lang_fixture.h"

static struct catalog *cat;
static struct profile *prof;

static void setup(void)
{
    struct cg_errors errs = CG_ERRORS_INIT;
    cat = catalog_load("samples/tiny/catalog.xml", &errs);
    prof = profile_load("samples/tiny/profile.xml", &errs);
    ck_assert(cat && prof);
    errors_free(&errs);
}

static void teardown(void)
{
    catalog_free(cat);
    profile_free(prof);
}

static struct report *new_report(void)
{
    struct cg_errors errs = CG_ERRORS_INIT;
    struct report *r = report_new(cat, prof, en());
    ck_assert(assess_scope(r, &errs));
    errors_free(&errs);
    return r;
}

static void set(struct report *r, const char *req, size_t rule,
                enum rule_status st, double score)
{
    long i = catalog_find_req(cat, req, strlen(req));
    r->reqs[i].rules[rule].status = st;
    r->reqs[i].rules[rule].score = score;
}

static const struct req_result *get(struct report *r, const char *req)
{
    return &r->reqs[catalog_find_req(cat, req, strlen(req))];
}

START_TEST(worked_example_not_ready)
{
    struct report *r = new_report();

    set(r, "1.1", 0, RS_PASS, 1);
    set(r, "1.2", 0, RS_PASS, 1);
    set(r, "1.2", 1, RS_PARTIAL, 0.5);
    set(r, "2.1", 0, RS_PARTIAL, 4.0 / 6.0);
    assess_score(r);
    /* 1.2: s = (1 x 1 + 1 x 0.5) / 2 = 0.75 -> partial */
    ck_assert_int_eq(get(r, "1.2")->status, REQ_PARTIAL);
    ck_assert_double_eq_tol(get(r, "1.2")->score, 0.75, 1e-12);
    ck_assert_int_eq(get(r, "2.2")->status, REQ_NA);
    /* category 1 = (2 x 1 + 1 x 0.75) / 3 = 0.916667 */
    ck_assert_double_eq_tol(r->cats[0].score, 2.75 / 3, 1e-12);
    /* category 2 = 0.666667 (2.2 is n/a and drops out) */
    ck_assert_double_eq_tol(r->cats[1].score, 4.0 / 6.0, 1e-12);
    /* overall = (40 x 0.916667 + 60 x 0.666667) / 100 = 0.766667 */
    ck_assert_double_eq_tol(r->overall,
                            (40 * 2.75 / 3 + 60 * 4.0 / 6.0) / 100, 1e-12);
    /* 2.1 is critical and not met: not ready; it blocks first. */
    ck_assert_int_eq(r->verdict, VERDICT_NOT_READY);
    ck_assert_uint_eq(r->nblocking, 2);
    ck_assert_str_eq(cat->reqs[r->blocking[0]].id, "2.1");
    ck_assert_str_eq(cat->reqs[r->blocking[1]].id, "1.2");
    ck_assert_uint_eq(r->count[REQ_MET], 1);
    ck_assert_uint_eq(r->count[REQ_PARTIAL], 2);
    ck_assert_uint_eq(r->count[REQ_NA], 1);
    report_free(r);
}
END_TEST

START_TEST(criticals_met_and_high_score_is_conditional)
{
    struct report *r = new_report();

    set(r, "1.1", 0, RS_PASS, 1);
    set(r, "1.2", 0, RS_PASS, 1);
    set(r, "1.2", 1, RS_PARTIAL, 0.5);
    set(r, "2.1", 0, RS_PASS, 1);
    assess_score(r);
    /* overall = (40 x 0.916667 + 60 x 1) / 100 = 0.966667 >= 0.85 */
    ck_assert_double_eq_tol(r->overall, (40 * 2.75 / 3 + 60) / 100, 1e-12);
    ck_assert_int_eq(r->verdict, VERDICT_CONDITIONAL);
    ck_assert(verdict_at_least(r->verdict, VERDICT_CONDITIONAL));
    ck_assert(!verdict_at_least(r->verdict, VERDICT_READY));
    set(r, "1.2", 1, RS_PASS, 1);
    assess_score(r);
    ck_assert_int_eq(r->verdict, VERDICT_READY);
    ck_assert_double_eq_tol(r->overall, 1.0, 1e-12);
    ck_assert_uint_eq(r->nblocking, 0);
    report_free(r);
}
END_TEST

START_TEST(a_critical_gap_is_not_ready_whatever_the_score)
{
    struct report *r = new_report();

    set(r, "1.1", 0, RS_PASS, 1);
    set(r, "1.2", 0, RS_FAIL, 0);
    set(r, "1.2", 1, RS_FAIL, 0);
    set(r, "2.1", 0, RS_PASS, 1);
    assess_score(r);
    /* overall = (40 x 2/3 + 60 x 1) / 100 = 0.866667: conditional */
    ck_assert_int_eq(get(r, "1.2")->status, REQ_NOT_MET);
    ck_assert_int_eq(r->verdict, VERDICT_CONDITIONAL);
    set(r, "1.1", 0, RS_PARTIAL, 0.5);   /* critical no longer met */
    assess_score(r);
    ck_assert_int_eq(r->verdict, VERDICT_NOT_READY);
    report_free(r);
}
END_TEST

START_TEST(no_data_is_not_evidenced_and_never_a_pass)
{
    struct report *r = new_report();

    set(r, "1.1", 0, RS_PASS, 1);
    set(r, "2.1", 0, RS_PASS, 1);
    /* 1.2's two rules stay no-data. */
    assess_score(r);
    ck_assert_int_eq(get(r, "1.2")->status, REQ_NOT_EVIDENCED);
    ck_assert_double_eq(get(r, "1.2")->score, 0);
    /* One rule with data, one without: partial, the no-data counts 0. */
    set(r, "1.2", 1, RS_PASS, 1);
    assess_score(r);
    ck_assert_int_eq(get(r, "1.2")->status, REQ_PARTIAL);
    ck_assert_double_eq_tol(get(r, "1.2")->score, 0.5, 1e-12);
    report_free(r);
}
END_TEST

START_TEST(all_rules_na_makes_the_requirement_na)
{
    struct report *r = new_report();

    set(r, "1.1", 0, RS_PASS, 1);
    set(r, "1.2", 0, RS_NA, 0);
    set(r, "1.2", 1, RS_NA, 0);
    set(r, "2.1", 0, RS_PASS, 1);
    assess_score(r);
    ck_assert_int_eq(get(r, "1.2")->status, REQ_NA);
    ck_assert_int_eq(r->verdict, VERDICT_READY);
    ck_assert_double_eq_tol(r->cats[0].score, 1.0, 1e-12);
    report_free(r);
}
END_TEST

static Suite *score_suite(void)
{
    Suite *s = suite_create("assess_score");
    TCase *tc = tcase_create("score");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, worked_example_not_ready);
    tcase_add_test(tc, criticals_met_and_high_score_is_conditional);
    tcase_add_test(tc, a_critical_gap_is_not_ready_whatever_the_score);
    tcase_add_test(tc, no_data_is_not_evidenced_and_never_a_pass);
    tcase_add_test(tc, all_rules_na_makes_the_requirement_na);
    suite_add_tcase(s, tc);
    return s;
}

CG_TEST_MAIN(score_suite)
