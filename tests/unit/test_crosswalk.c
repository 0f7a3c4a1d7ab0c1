/*
 * test_crosswalk.c — clause coverage (assess.h): only a met requirement
 * linked as equal or superset covers a clause fully.
 *
 *   7.1 <- 1.1 equal        1.1 met      -> covered
 *   7.2 <- 1.2 subset       1.2 met      -> partial (subset never full)
 *   7.3 <- 1.3 superset     1.3 partial  -> partial
 *   7.4 <- 1.3 intersect, 1.4 equal; 1.4 not met, 1.3 partial -> partial
 *   7.5 <- 1.5, 1.6 joint subsets; 1.5 met, 1.6 not -> partial;
 *        both met -> covered
 *   7.6 (no link)                        -> no-counterpart
 */
#include <string.h>

#include "check_main.h"
#include "copcgap/assess.h"
#include "copcgap/load.h"
#include "lang_fixture.h"

static void set(struct report *r, const char *id, enum rule_status st,
                double score)
{
    long i = catalog_find_req(r->catalog, id, strlen(id));
    r->reqs[i].rules[0].status = st;
    r->reqs[i].rules[0].score = score;
}

START_TEST(coverage_follows_the_relation)
{
    struct cg_errors errs = CG_ERRORS_INIT;
    struct catalog *src = catalog_load("tests/data/xwalk/source.xml", &errs);
    struct catalog *tgt = catalog_load("tests/data/xwalk/target.xml", &errs);
    struct profile *p = profile_load("tests/data/plan/profile.xml", &errs);
    struct report *r;
    const struct crosswalk *xw;
    static const enum coverage want[] = { COV_FULL, COV_PARTIAL, COV_PARTIAL,
                                          COV_PARTIAL, COV_PARTIAL,
                                          COV_NO_LINK };
    size_t i;

    ck_assert_msg(src && tgt && p, "%s", errs.n ? errs.v[0].msg : "");
    r = report_new(src, p, en());
    ck_assert(assess_scope(r, &errs));
    set(r, "1.1", RS_PASS, 1);
    set(r, "1.2", RS_PASS, 1);
    set(r, "1.3", RS_PARTIAL, 0.5);
    set(r, "1.4", RS_FAIL, 0);
    set(r, "1.5", RS_PASS, 1);
    set(r, "1.6", RS_FAIL, 0);
    assess_score(r);
    ck_assert(assess_crosswalk(r, tgt, &errs));
    ck_assert_uint_eq(r->ncrosswalks, 1);
    xw = &r->crosswalks[0];
    for (i = 0; i < 6; i++)
        ck_assert_msg(xw->clauses[i].coverage == want[i], "clause %zu: %s", i,
                      coverage_name(xw->clauses[i].coverage));
    ck_assert_uint_eq(xw->clauses[3].nlinks, 2);
    ck_assert_str_eq(report_text(r, xw->clauses[0].links[0].rationale),
                     "same");
    ck_assert_uint_eq(xw->count[COV_PARTIAL], 4);
    /* Now 1.4 is met: its equal link covers 7.4 fully. */
    set(r, "1.4", RS_PASS, 1);
    set(r, "1.6", RS_PASS, 1);
    assess_score(r);
    ck_assert(assess_crosswalk(r, tgt, &errs));
    ck_assert_int_eq(r->crosswalks[1].clauses[3].coverage, COV_FULL);
    ck_assert_int_eq(r->crosswalks[1].clauses[4].coverage, COV_FULL);
    report_free(r);
    catalog_free(src);
    catalog_free(tgt);
    profile_free(p);
    errors_free(&errs);
}
END_TEST

START_TEST(links_to_unknown_clauses_are_errors)
{
    struct cg_errors errs = CG_ERRORS_INIT;
    struct catalog *src = catalog_load("tests/data/xwalk/source.xml", &errs);
    struct catalog *tgt = catalog_load("tests/data/xwalk/source.xml", &errs);
    struct profile *p = profile_load("tests/data/plan/profile.xml", &errs);
    struct report *r;

    ck_assert(src && tgt && p);
    /* Pretend the source is the target: its ids are not 7.x clauses. */
    tgt->id = "ref-std";
    r = report_new(src, p, en());
    ck_assert(assess_scope(r, &errs));
    assess_score(r);
    ck_assert(!assess_crosswalk(r, tgt, &errs));
    ck_assert(strstr(errs.v[0].msg, "links to clause \"7.1\", which ref-std "
                                    "does not have") != NULL);
    ck_assert_int_eq(errs.v[0].line, 6);
    report_free(r);
    catalog_free(src);
    catalog_free(tgt);
    profile_free(p);
    errors_free(&errs);
}
END_TEST

static Suite *xwalk_suite(void)
{
    Suite *s = suite_create("crosswalk");
    TCase *tc = tcase_create("crosswalk");
    tcase_add_test(tc, coverage_follows_the_relation);
    tcase_add_test(tc, links_to_unknown_clauses_are_errors);
    suite_add_tcase(s, tc);
    return s;
}

CG_TEST_MAIN(xwalk_suite)
