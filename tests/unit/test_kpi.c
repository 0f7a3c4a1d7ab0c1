/*
 * test_kpi.c — every KPI of inputs.md with a worked example (the
 * arithmetic is in the comments), the edge cases the contract names,
 * number parsing and value formatting, the KPI store, and kpi_derive on
 * small folders: month boundaries, zone suffixes, the data/ subfolder,
 * staff months up to as-of, and located row errors.
 */
#include <math.h>
#include <string.h>

#include "check_main.h"
#include "copcgap/kpi.h"
#include "copcgap/kpi_calc.h"
#include "copcgap/num.h"
#include "copcgap/load.h"
#include "org_fixture.h"

#define EPS 1e-6

/* The value of metric m among out[0..n), asserting it is there once. */
static const struct kpi_value *find_value(const struct kpi_value *out,
                                          size_t n, enum metric_id m)
{
    const struct kpi_value *found = NULL;
    size_t i;

    for (i = 0; i < n; i++) {
        if (out[i].metric == m) {
            ck_assert_msg(found == NULL, "%s twice", metric_defs[m].name);
            found = &out[i];
        }
    }
    ck_assert_msg(found != NULL, "%s missing", metric_defs[m].name);
    return found;
}

static void expect(const struct kpi_value *out, size_t n, enum metric_id m,
                   double value, long long count)
{
    const struct kpi_value *v = find_value(out, n, m);
    ck_assert_msg(fabs(v->value - value) < EPS, "%s = %.9f, want %.9f",
                  metric_defs[m].name, v->value, value);
    ck_assert_msg(v->n == count, "%s n = %lld, want %lld",
                  metric_defs[m].name, v->n, count);
}

/* ------------------------------------------------------- contacts.csv */

START_TEST(contacts_kpis_worked_example)
{
    /* T = 20 s, S = 5 s.
     *   answered   wait 20  handle 300  resolved 1   (20 <= T: within SL)
     *   answered   wait 21  handle 200  resolved 0   (over T)
     *   answered   wait 0   handle 100  resolved -   (within SL)
     *   abandoned  wait 5               resolved 1   (5 <= S: short,
     *                                                 excluded everywhere)
     *   abandoned  wait 5.5             resolved -   (long abandon)
     *   abandoned  wait 30              resolved 0   (long abandon)
     * offered = 3 answered + 2 long abandons = 5
     * service_level = 100 * 2 / 5 = 40;  abandon_rate = 100 * 2 / 5 = 40
     * asa = (20 + 21 + 0) / 3 = 13.666667;  aht = 600 / 3 = 200 (n = 3)
     * fcr = 100 * 1 / 2 = 50 (n = 2: the two answered rows with
     *       resolved_first given; abandons never count) */
    struct contacts_acc a;
    struct kpi_value out[KPI_VALUES_MAX];
    size_t n;

    memset(&a, 0, sizeof a);
    kpi_contacts_add(&a, 1, 20, 300, 1, 20, 5);
    kpi_contacts_add(&a, 1, 21, 200, 0, 20, 5);
    kpi_contacts_add(&a, 1, 0, 100, -1, 20, 5);
    kpi_contacts_add(&a, 0, 5, 0, 1, 20, 5);
    kpi_contacts_add(&a, 0, 5.5, 0, -1, 20, 5);
    kpi_contacts_add(&a, 0, 30, 0, 0, 20, 5);
    n = kpi_contacts_values(&a, out);
    ck_assert_uint_eq(n, 6);
    expect(out, n, M_OFFERED, 5, 5);
    expect(out, n, M_SERVICE_LEVEL, 40, 5);
    expect(out, n, M_ABANDON_RATE, 40, 5);
    expect(out, n, M_ASA, 41.0 / 3.0, 3);
    expect(out, n, M_AHT, 200, 3);
    expect(out, n, M_FCR, 50, 2);
}
END_TEST

START_TEST(contacts_zero_denominators_leave_ratios_out)
{
    /* Only short abandons: offered = 0 is a count and is reported; the
     * ratios and means have no denominator and are not. */
    struct contacts_acc a;
    struct kpi_value out[KPI_VALUES_MAX];
    size_t n;

    memset(&a, 0, sizeof a);
    kpi_contacts_add(&a, 0, 2, 0, 1, 20, 5);
    kpi_contacts_add(&a, 0, 5, 0, -1, 20, 5);
    n = kpi_contacts_values(&a, out);
    ck_assert_uint_eq(n, 1);
    expect(out, n, M_OFFERED, 0, 0);

    /* Answered contacts but every resolved_first empty: no fcr. */
    memset(&a, 0, sizeof a);
    kpi_contacts_add(&a, 1, 3, 60, -1, 20, 5);
    n = kpi_contacts_values(&a, out);
    ck_assert_uint_eq(n, 5);
    expect(out, n, M_SERVICE_LEVEL, 100, 1);
}
END_TEST

/* fcr counts answered rows only (inputs.md): whatever an abandoned row
 * says in resolved_first, the contact was never served.  Worked by hand;
 * T = 20 s, S = 5 s throughout. */
START_TEST(fcr_counts_answered_rows_only)
{
    static const struct fcr_row {
        int answered;
        double wait;
        int resolved;           /* 1, 0 or -1 (empty) */
    } r3a2[] = {
        /* 3 answered resolved 1, 0, 1 and 2 long abandons resolved 1:
         * 100 * 2 / 3 = 66.666667, n = 3 */
        { 1, 10, 1 }, { 1, 10, 0 }, { 1, 10, 1 }, { 0, 30, 1 }, { 0, 9, 1 }
    }, abandons_only[] = {
        /* long abandons alone, resolved given: no answered row, no fcr */
        { 0, 30, 1 }, { 0, 40, 0 }
    }, short_and_answered[] = {
        /* a short abandon (excluded everywhere) and one answered row
         * resolved 0: 100 * 0 / 1 = 0, n = 1 */
        { 0, 2, 1 }, { 1, 3, 0 }
    }, unknown[] = {
        /* answered, every resolved_first empty: no fcr */
        { 1, 3, -1 }, { 1, 4, -1 }, { 0, 30, 1 }
    };
    static const struct {
        const struct fcr_row *rows;
        size_t nrows;
        int reported;
        double value;
        long long n;
        const char *why;
    } cases[] = {
        { r3a2, ARRAY_LEN(r3a2), 1, 200.0 / 3.0, 3, "3 answered, 2 aband." },
        { abandons_only, ARRAY_LEN(abandons_only), 0, 0, 0, "abandons" },
        { short_and_answered, ARRAY_LEN(short_and_answered), 1, 0, 1,
          "short abandon" },
        { unknown, ARRAY_LEN(unknown), 0, 0, 0, "unknown" },
    };
    size_t i, j;

    for (i = 0; i < ARRAY_LEN(cases); i++) {
        struct contacts_acc a;
        struct kpi_value out[KPI_VALUES_MAX];
        const struct kpi_value *v = NULL;
        size_t n;

        memset(&a, 0, sizeof a);
        for (j = 0; j < cases[i].nrows; j++)
            kpi_contacts_add(&a, cases[i].rows[j].answered,
                             cases[i].rows[j].wait, 60,
                             cases[i].rows[j].resolved, 20, 5);
        n = kpi_contacts_values(&a, out);
        for (j = 0; j < n; j++)
            if (out[j].metric == M_FCR)
                v = &out[j];
        ck_assert_msg((v != NULL) == cases[i].reported, "%s: fcr %s",
                      cases[i].why, v ? "reported" : "missing");
        if (v)
            ck_assert_msg(fabs(v->value - cases[i].value) < EPS &&
                          v->n == cases[i].n, "%s: fcr %.9f n %lld",
                          cases[i].why, v->value, v->n);
    }
}
END_TEST

/* ------------------------------------------------------------- qa.csv */

START_TEST(qa_accuracy_worked_example)
{
    /* Five evaluations, errors (euc, bc, cc, nc):
     *   (0,0,0,0) (1,0,0,0) (0,2,0,0) (0,0,0,3) (0,0,1,1)
     * zero-error evaluations: euc 4, bc 4, cc 4, nc 3
     * euc/bc/cc_accuracy = 100 * 4 / 5 = 80; nc_accuracy = 60 (n = 5)
     * euc_moe, N unknown (0): p = 0.8,
     *   100 * 1.96 * sqrt(0.8 * 0.2 / 5) = 196 * 0.178885 = 35.061546
     * with N = 105 answered contacts: FPC = sqrt(100 / 104) = 0.980581,
     *   35.061546 * 0.980581 = 34.380674
     * bc_moe and cc_moe: the same p = 0.8, so the same margins here
     * (qa_moe_per_error_class tells the classes apart) */
    static const long long rows[5][4] = {
        { 0, 0, 0, 0 }, { 1, 0, 0, 0 }, { 0, 2, 0, 0 }, { 0, 0, 0, 3 },
        { 0, 0, 1, 1 }
    };
    struct qa_acc a;
    struct kpi_value out[KPI_VALUES_MAX];
    size_t n, i;

    memset(&a, 0, sizeof a);
    for (i = 0; i < 5; i++)
        kpi_qa_add(&a, rows[i]);
    n = kpi_qa_values(&a, 0, out);
    ck_assert_uint_eq(n, 8);
    expect(out, n, M_QA_SAMPLE, 5, 5);
    expect(out, n, M_EUC_ACCURACY, 80, 5);
    expect(out, n, M_BC_ACCURACY, 80, 5);
    expect(out, n, M_CC_ACCURACY, 80, 5);
    expect(out, n, M_NC_ACCURACY, 60, 5);
    expect(out, n, M_EUC_MOE, 35.0615458871967, 5);
    expect(out, n, M_BC_MOE, 35.0615458871967, 5);
    expect(out, n, M_CC_MOE, 35.0615458871967, 5);
    n = kpi_qa_values(&a, 105, out);
    expect(out, n, M_EUC_MOE, 34.38067435683555, 5);
    expect(out, n, M_BC_MOE, 34.38067435683555, 5);
    expect(out, n, M_CC_MOE, 34.38067435683555, 5);
}
END_TEST

/* bc_moe and cc_moe: euc_moe's formula (100 x 1.96 x sqrt(p(1-p)/n) x
 * FPC) on each class's own p.  The first k evaluations carry an error
 * of a class, the others none.  Worked by hand:
 *   n = 8, errors euc 0, bc 2, cc 1, N = 40:
 *     FPC = sqrt((40 - 8) / 39) = sqrt(0.820513) = 0.905822
 *     euc p = 8/8 = 1 -> 1 - 0.5/8 = 0.9375:
 *         196 * sqrt(0.9375 * 0.0625 / 8) = 196 * 0.085582 = 16.774003,
 *         x 0.905822 = 15.194255
 *     bc  p = 6/8 = 0.75:  196 * sqrt(0.75 * 0.25 / 8) = 196 * 0.153093
 *         = 30.006249, x 0.905822 = 27.180310
 *     cc  p = 7/8 = 0.875: 196 * sqrt(0.875 * 0.125 / 8) = 196 * 0.116927
 *         = 22.917651, x 0.905822 = 20.759304
 *   the same month with N unknown (0): FPC = 1, 16.774003, 30.006249,
 *     22.917651
 *   n = 4, errors euc 2, bc 4, cc 0, N = 0: euc p = 0.5: 196 * sqrt(0.25
 *     / 4) = 49; bc p = 0 -> 0.125 and cc p = 1 -> 0.875 give the same
 *     spread: 196 * sqrt(0.125 * 0.875 / 4) = 196 * 0.165359 = 32.410454
 *   n = 2, errors euc 0, bc 0, cc 1, N = 1 (not > n: FPC = 1): euc and bc
 *     p = 1 -> 0.75: 196 * sqrt(0.75 * 0.25 / 2) = 60.012499; cc p = 0.5:
 *     196 * sqrt(0.25 / 2) = 196 * 0.353553 = 69.296465 */
START_TEST(qa_moe_per_error_class)
{
    static const struct {
        unsigned n, euc, bc, cc;        /* evaluations, with an error */
        uint64_t population;
        double euc_moe, bc_moe, cc_moe;
    } cases[] = {
        { 8, 0, 2, 1, 40, 15.194254987, 27.180309615, 20.759304371 },
        { 8, 0, 2, 1, 0, 16.774003324, 30.006249349, 22.917651494 },
        { 4, 2, 4, 0, 0, 49.0, 32.410453561, 32.410453561 },
        { 2, 0, 0, 1, 1, 60.012498698, 60.012498698, 69.296464556 },
    };
    size_t i;
    unsigned j;

    for (i = 0; i < ARRAY_LEN(cases); i++) {
        struct qa_acc a;
        struct kpi_value out[KPI_VALUES_MAX];
        size_t n;

        memset(&a, 0, sizeof a);
        for (j = 0; j < cases[i].n; j++) {
            long long e[4];
            e[0] = j < cases[i].euc;
            e[1] = j < cases[i].bc;
            e[2] = j < cases[i].cc;
            e[3] = 0;
            kpi_qa_add(&a, e);
        }
        n = kpi_qa_values(&a, cases[i].population, out);
        expect(out, n, M_EUC_MOE, cases[i].euc_moe, cases[i].n);
        expect(out, n, M_BC_MOE, cases[i].bc_moe, cases[i].n);
        expect(out, n, M_CC_MOE, cases[i].cc_moe, cases[i].n);
    }
}
END_TEST

START_TEST(margin_of_error_edges)
{
    static const struct {
        uint64_t hits, n, population;
        double moe;
        const char *why;
    } cases[] = {
        /* p = 0: use 0.5/n = 0.125; 196 * sqrt(0.125*0.875/4) = 32.41 */
        { 0, 4, 0, 32.410453560541235, "p = 0" },
        /* p = 1: use 1 - 0.5/n = 0.875: the same spread */
        { 4, 4, 0, 32.410453560541235, "p = 1" },
        /* N <= n: no correction (N = n, N < n) */
        { 4, 4, 4, 32.410453560541235, "N = n" },
        { 4, 4, 3, 32.410453560541235, "N < n" },
        /* N = n + 1: FPC = sqrt(1/4) = 0.5 */
        { 4, 4, 5, 16.205226780270618, "N = n + 1" },
        /* 1 of 2, N = 3: 196 * sqrt(0.25/2) * sqrt(1/2) = 196 * 0.25 */
        { 1, 2, 3, 49.0, "p = 0.5, N = 3" },
    };
    size_t i;

    for (i = 0; i < ARRAY_LEN(cases); i++) {
        double got = kpi_margin_of_error(cases[i].hits, cases[i].n,
                                         cases[i].population, 1.96);
        ck_assert_msg(fabs(got - cases[i].moe) < EPS, "%s: %.9f",
                      cases[i].why, got);
    }
}
END_TEST

/* -------------------------------------------------------- surveys.csv */

START_TEST(survey_kpis_worked_example)
{
    /* (csat, nps, ces), -1 = no answer:
     *   (5, 10, 7) (4, 6, 6) (3, 5, -1) (-1, 0, 2) (1, 8, -1) (2, -1, -1)
     * csat: answers 5,4,3,1,2 -> n = 5, top-2-box (4 or 5) = 2 -> 40
     * dsat: the same answers, bottom-2-box (1 or 2) = 2 -> 40 (n = 5)
     * nps: answers 10,6,5,0,8 -> n = 5, promoters (9-10) 1, detractors
     *      (0-6) 3 -> 100 * (1 - 3) / 5 = -40
     * ces: answers 7,6,2 -> n = 3, mean 15 / 3 = 5 */
    static const int rows[6][3] = {
        { 5, 10, 7 }, { 4, 6, 6 }, { 3, 5, -1 }, { -1, 0, 2 },
        { 1, 8, -1 }, { 2, -1, -1 }
    };
    struct survey_acc a;
    struct kpi_value out[KPI_VALUES_MAX];
    size_t n, i;

    memset(&a, 0, sizeof a);
    for (i = 0; i < 6; i++)
        kpi_survey_add(&a, rows[i][0], rows[i][1], rows[i][2]);
    n = kpi_survey_values(&a, out);
    ck_assert_uint_eq(n, 4);
    expect(out, n, M_CSAT, 40, 5);
    expect(out, n, M_DSAT, 40, 5);
    expect(out, n, M_NPS, -40, 5);
    expect(out, n, M_CES, 5, 3);

    /* A response with no answers at all reports nothing. */
    memset(&a, 0, sizeof a);
    kpi_survey_add(&a, -1, -1, -1);
    ck_assert_uint_eq(kpi_survey_values(&a, out), 0);
}
END_TEST

/* dsat = 100 x responses with csat <= 2 / responses with a csat; each
 * case worked by hand.  A response without a csat is not in n. */
START_TEST(dsat_is_the_bottom_two_boxes)
{
    static const struct {
        int csat[6];            /* -1 = no answer; the list ends at 0 */
        int reported;
        double value;
        long long n;
    } cases[] = {
        /* {1,2,3,4,5}: 1 and 2 are bottom-2-box: 100 * 2 / 5 = 40 */
        { { 1, 2, 3, 4, 5, 0 }, 1, 40, 5 },
        /* {3,3,-}: none: 0 (n = 2, the empty answer left out) */
        { { 3, 3, -1, 0 }, 1, 0, 2 },
        /* {2,-,-}: 100 * 1 / 1 = 100 */
        { { 2, -1, -1, 0 }, 1, 100, 1 },
        /* {1,1,2,4,5,5}: 100 * 3 / 6 = 50 */
        { { 1, 1, 2, 4, 5, 5 }, 1, 50, 6 },
        /* no csat answered: not reported */
        { { -1, -1, 0 }, 0, 0, 0 },
    };
    size_t i, j;

    for (i = 0; i < ARRAY_LEN(cases); i++) {
        struct survey_acc a;
        struct kpi_value out[KPI_VALUES_MAX];
        const struct kpi_value *v = NULL;
        size_t n;

        memset(&a, 0, sizeof a);
        for (j = 0; j < 6 && cases[i].csat[j] != 0; j++)
            kpi_survey_add(&a, cases[i].csat[j], -1, -1);
        n = kpi_survey_values(&a, out);
        for (j = 0; j < n; j++)
            if (out[j].metric == M_DSAT)
                v = &out[j];
        ck_assert_msg((v != NULL) == cases[i].reported, "case %zu: dsat %s",
                      i, v ? "reported" : "missing");
        if (v)
            ck_assert_msg(fabs(v->value - cases[i].value) < EPS &&
                          v->n == cases[i].n, "case %zu: dsat %.9f n %lld",
                          i, v->value, v->n);
    }
}
END_TEST

/* ------------------------------------------------------- forecast.csv */

START_TEST(forecast_kpis_worked_example)
{
    /* tolerance 10 %, (forecast, actual):
     *   (100, 110) |10| <= 10: accurate (exactly at the tolerance)
     *   (100, 90)  accurate;  (100, 111) |11| > 10: not
     *   (0, 0) forecast 0 and actual 0: accurate;  (0, 1): not
     *   (200, 150) |50| > 20: not
     * forecast_accuracy = 100 * 3 / 6 = 50 (n = 6)
     * forecast_wape = 100 * (10+10+11+0+1+50) / (110+90+111+0+1+150)
     *               = 100 * 82 / 462 = 17.748918 (n = 6) */
    static const double rows[6][2] = {
        { 100, 110 }, { 100, 90 }, { 100, 111 }, { 0, 0 }, { 0, 1 },
        { 200, 150 }
    };
    struct forecast_acc a;
    struct kpi_value out[KPI_VALUES_MAX];
    size_t n, i;

    memset(&a, 0, sizeof a);
    for (i = 0; i < 6; i++)
        kpi_forecast_add(&a, rows[i][0], rows[i][1], 10);
    n = kpi_forecast_values(&a, out);
    ck_assert_uint_eq(n, 2);
    expect(out, n, M_FORECAST_ACCURACY, 50, 6);
    expect(out, n, M_FORECAST_WAPE, 8200.0 / 462.0, 6);

    /* No actual volume: accuracy yes ((0,0) accurate, (5,0) not), WAPE
     * has no denominator and is left out. */
    memset(&a, 0, sizeof a);
    kpi_forecast_add(&a, 0, 0, 15);
    kpi_forecast_add(&a, 5, 0, 15);
    n = kpi_forecast_values(&a, out);
    ck_assert_uint_eq(n, 1);
    expect(out, n, M_FORECAST_ACCURACY, 50, 2);

    /* 15 % of 20 is 3: 23 is exactly at the tolerance although 0.15 has
     * no exact binary form. */
    memset(&a, 0, sizeof a);
    kpi_forecast_add(&a, 20, 23, 15);
    kpi_forecast_add(&a, 20, 17, 15);
    n = kpi_forecast_values(&a, out);
    expect(out, n, M_FORECAST_ACCURACY, 100, 2);
}
END_TEST

/* ---------------------------------------------------------- staff.csv */

START_TEST(staff_deltas_follow_the_on_staff_rule)
{
    /* Hired 2026-01-15, left 2026-03-31 (the month's last day).
     * On staff on d when hired <= d < left:
     *   first days: Feb 1, Mar 1          -> +1 Feb, -1 Apr
     *   last days:  Jan 31, Feb 28 (not Mar 31: left that day)
     *                                      -> +1 Jan, -1 Mar
     *   any day:    Jan..Mar               -> +1 Jan, -1 Apr
     *   leaver in March.  Verified after first contact: unverified Jan.
     *   live_known: first contact Jan 20, on staff Jan..Mar
     *                                      -> +1 Jan, -1 Apr */
    struct staff_delta d[KPI_STAFF_DELTAS_MAX];
    cg_month jan = month_from_ym(2026, 1);
    int64_t first[5] = { 0 }, last[5] = { 0 }, any[5] = { 0 };
    int64_t leavers[5] = { 0 }, unverified[5] = { 0 }, known[5] = { 0 };
    size_t n, i;

    n = kpi_staff_deltas(date_from_ymd(2026, 1, 15), 1,
                         date_from_ymd(2026, 3, 31), 1,
                         date_from_ymd(2026, 1, 25), 1,
                         date_from_ymd(2026, 1, 20), d);
    for (i = 0; i < n; i++) {
        int k = d[i].month - jan;
        ck_assert_int_ge(k, 0);
        ck_assert_int_lt(k, 5);
        first[k] += d[i].d.first_day;
        last[k] += d[i].d.last_day;
        any[k] += d[i].d.any_day;
        leavers[k] += d[i].d.leavers;
        unverified[k] += d[i].d.unverified;
        known[k] += d[i].d.live_known;
    }
    ck_assert(first[0] == 0 && first[1] == 1 && first[3] == -1);
    ck_assert(last[0] == 1 && last[2] == -1);
    ck_assert(any[0] == 1 && any[3] == -1);
    ck_assert(leavers[2] == 1 && leavers[0] == 0);
    ck_assert(unverified[0] == 1);
    ck_assert(known[0] == 1 && known[1] == 0 && known[2] == 0 &&
              known[3] == -1 && known[4] == 0);
}
END_TEST

/* The live_known range: months in which the agent is on staff on some
 * day and has a first contact on or before the month's last day, from
 * the later of month(first_contact) and month(hired) to the last month
 * on staff.  want[] is the running count for Dec 2025..May 2026. */
START_TEST(staff_deltas_live_known_range)
{
    static const struct {
        const char *why;
        int hired[3], left[3], first[3];    /* y m d; y = 0: empty */
        int want[6];
    } cases[] = {
        /* live in January, no exit: every month from January */
        { "open", { 2026, 1, 15 }, { 0 }, { 2026, 1, 20 },
          { 0, 1, 1, 1, 1, 1 } },
        /* live in March although hired in January */
        { "live later", { 2026, 1, 15 }, { 0 }, { 2026, 3, 5 },
          { 0, 0, 0, 1, 1, 1 } },
        /* first contact on February's last day: February counts */
        { "last day", { 2026, 1, 15 }, { 0 }, { 2026, 2, 28 },
          { 0, 0, 1, 1, 1, 1 } },
        /* left on 04-01: last on staff on 03-31, so March is the end */
        { "left on the 1st", { 2026, 1, 15 }, { 2026, 4, 1 },
          { 2026, 2, 2 }, { 0, 0, 1, 1, 0, 0 } },
        /* left on 04-02: on staff on 04-01, so April counts */
        { "left on the 2nd", { 2026, 1, 15 }, { 2026, 4, 2 },
          { 2026, 2, 2 }, { 0, 0, 1, 1, 1, 0 } },
        /* first contact after leaving: never live while on staff */
        { "live after leaving", { 2026, 1, 15 }, { 2026, 2, 10 },
          { 2026, 3, 1 }, { 0, 0, 0, 0, 0, 0 } },
        /* first contact before hired (not checked): from hired's month */
        { "live before hired", { 2026, 2, 3 }, { 0 }, { 2025, 12, 20 },
          { 0, 0, 1, 1, 1, 1 } },
        /* no first contact: nothing */
        { "no first contact", { 2026, 1, 15 }, { 0 }, { 0 },
          { 0, 0, 0, 0, 0, 0 } },
        /* left on the day hired: never on staff */
        { "never on staff", { 2026, 1, 15 }, { 2026, 1, 15 },
          { 2026, 1, 15 }, { 0, 0, 0, 0, 0, 0 } },
    };
    cg_month dec = month_from_ym(2025, 12);
    size_t c, i, n;

    for (c = 0; c < ARRAY_LEN(cases); c++) {
        struct staff_delta d[KPI_STAFF_DELTAS_MAX];
        int64_t at[6] = { 0 }, run = 0;
        int has_left = cases[c].left[0] != 0;
        int has_first = cases[c].first[0] != 0;
        int k;

        n = kpi_staff_deltas(
            date_from_ymd(cases[c].hired[0], cases[c].hired[1],
                          cases[c].hired[2]),
            has_left, has_left ? date_from_ymd(cases[c].left[0],
                                               cases[c].left[1],
                                               cases[c].left[2]) : 0,
            0, 0,
            has_first, has_first ? date_from_ymd(cases[c].first[0],
                                                 cases[c].first[1],
                                                 cases[c].first[2]) : 0,
            d);
        ck_assert_uint_le(n, KPI_STAFF_DELTAS_MAX);
        for (i = 0; i < n; i++) {
            if (d[i].d.live_known == 0)
                continue;
            k = d[i].month - dec;
            ck_assert_msg(k >= 0 && k < 6, "%s: month %d", cases[c].why, k);
            at[k] += d[i].d.live_known;
        }
        for (k = 0; k < 6; k++) {
            run += at[k];
            ck_assert_msg(run == cases[c].want[k], "%s: month %d: %lld",
                          cases[c].why, k, (long long)run);
        }
    }
}
END_TEST

START_TEST(staff_values_worked_example)
{
    /* 4 on staff on the first day, 2 on the last, 5 on some day, 1 left,
     * 3 with a known first contact: headcount = (4 + 2) / 2 = 3 (n = 5);
     * attrition = 100 * 1 / 3 = 33.333333 (n = 1); unverified_agents = 2
     * (value = n). */
    struct staff_diff c = { 4, 2, 5, 1, 2, 3 };
    struct kpi_value out[KPI_VALUES_MAX];
    size_t n = kpi_staff_values(&c, out);

    ck_assert_uint_eq(n, 3);
    expect(out, n, M_HEADCOUNT, 3, 5);
    expect(out, n, M_ATTRITION, 100.0 / 3.0, 1);
    expect(out, n, M_UNVERIFIED_AGENTS, 2, 2);

    /* The same month with nobody's first contact known: no
     * unverified_agents value, not a 0. */
    c.live_known = 0;
    c.unverified = 0;
    n = kpi_staff_values(&c, out);
    ck_assert_uint_eq(n, 2);
    expect(out, n, M_HEADCOUNT, 3, 5);
    expect(out, n, M_ATTRITION, 100.0 / 3.0, 1);

    /* Nobody on staff: headcount 0 is a count, attrition has no base,
     * and nobody's first contact is known. */
    memset(&c, 0, sizeof c);
    n = kpi_staff_values(&c, out);
    ck_assert_uint_eq(n, 1);
    expect(out, n, M_HEADCOUNT, 0, 0);
}
END_TEST

/* ------------------------------------------------ numbers and format */

START_TEST(numbers_parse_as_inputs_md_says)
{
    static const struct { const char *s; int ok; double v; } cases[] = {
        { "42", 1, 42 }, { "0", 1, 0 }, { "-12.5", 1, -12.5 },
        { "0.1", 1, 0.1 }, { ".5", 1, 0.5 }, { "5.", 1, 5 },
        { "007", 1, 7 }, { "123456789012345678", 1, 123456789012345678.0 },
        { "3.14159265358979323846", 1, 3.14159265358979323846 },
        { "", 0, 0 }, { "-", 0, 0 }, { ".", 0, 0 }, { "1,5", 0, 0 },
        { "1e3", 0, 0 }, { "+1", 0, 0 }, { " 1", 0, 0 }, { "1 ", 0, 0 },
        { "1.2.3", 0, 0 }, { "nan", 0, 0 }, { "inf", 0, 0 },
        { "1,000", 0, 0 },
    };
    size_t i;

    for (i = 0; i < ARRAY_LEN(cases); i++) {
        double v = -999;
        int ok = num_parse(cases[i].s, strlen(cases[i].s), &v);
        ck_assert_msg(ok == cases[i].ok, "'%s'", cases[i].s);
        if (ok)
            ck_assert_msg(v == cases[i].v, "'%s' -> %.17g", cases[i].s, v);
    }
}
END_TEST

START_TEST(counts_parse_as_integers)
{
    static const struct { const char *s; int ok; long long v; } cases[] = {
        { "0", 1, 0 }, { "12", 1, 12 }, { "999999999999999999", 1,
                                          999999999999999999LL },
        { "", 0, 0 }, { "-1", 0, 0 }, { "1.0", 0, 0 }, { "1.5", 0, 0 },
        { "1000000000000000000", 0, 0 }, { "x", 0, 0 },
    };
    size_t i;

    for (i = 0; i < ARRAY_LEN(cases); i++) {
        long long v = -1;
        int ok = num_parse_uint(cases[i].s, strlen(cases[i].s), &v);
        ck_assert_msg(ok == cases[i].ok, "'%s'", cases[i].s);
        if (ok)
            ck_assert(v == cases[i].v);
    }
}
END_TEST

START_TEST(values_print_with_up_to_six_decimals)
{
    static const struct { double v; const char *s; } cases[] = {
        { 80, "80" }, { 250.0 / 3.0, "83.333333" }, { -12.5, "-12.5" },
        { 0, "0" }, { -0.0, "0" }, { 0.0000004, "0" }, { -0.0000004, "0" },
        { 0.0000006, "0.000001" }, { 100.0 / 3.0, "33.333333" },
        { 2.0 / 3.0, "0.666667" }, { 1234567, "1234567" }, { 0.5, "0.5" },
        { 99.9999999, "100" },
    };
    size_t i;

    for (i = 0; i < ARRAY_LEN(cases); i++) {
        char buf[64];
        kpi_format_value(cases[i].v, buf, sizeof buf);
        ck_assert_msg(strcmp(buf, cases[i].s) == 0, "%.17g -> %s",
                      cases[i].v, buf);
    }
}
END_TEST

/* ---------------------------------------------------------- the store */

START_TEST(store_refuses_a_key_twice_and_sorts_for_output)
{
    struct fixture fx;
    struct profile *p;
    struct kpi_store *s = kpi_store_new();
    struct kpi_entry e = { 1, "service_level", 0, 80, 100, "m.csv", 4 };
    const struct kpi_entry *old;
    struct strbuf out = STRBUF_INIT;
    char name[32];

    fixture_new(&fx);
    p = fixture_profile(&fx, FIXTURE_PROFILE("2026-03-31"));
    e.month = month_from_ym(2026, 2);
    ck_assert_ptr_null(kpi_store_add(s, &e));
    e.line = 7;
    e.value = 81;
    old = kpi_store_add(s, &e);
    ck_assert_ptr_nonnull(old);
    ck_assert_int_eq(old->line, 4);
    ck_assert_str_eq(old->file, "m.csv");
    ck_assert_double_eq(old->value, 80);
    /* Names are interned: a caller's buffer may change afterwards. */
    snprintf(name, sizeof name, "custom_metric");
    e.metric = name;
    e.program = 0;
    e.n = -1;
    e.value = 2.0 / 3.0;
    ck_assert_ptr_null(kpi_store_add(s, &e));
    name[0] = 'X';
    ck_assert_ptr_nonnull(kpi_store_get(s, 0, "custom_metric", e.month));
    ck_assert_ptr_null(kpi_store_get(s, 0, "custom_metric", e.month + 1));
    e.metric = "asa";
    e.month = month_from_ym(2025, 12);
    e.value = 12;
    e.n = 3;
    kpi_store_add(s, &e);
    e.month = month_from_ym(2026, 1);
    kpi_store_add(s, &e);
    ck_assert_uint_eq(kpi_store_count(s), 4);
    /* Sorted by program id ("p1" < "p2"), metric, then period. */
    kpi_store_write_csv(s, p, &out);
    ck_assert_str_eq(out.buf, "program,metric,period,value,n\n"
                              "p1,asa,2025-12,12,3\n"
                              "p1,asa,2026-01,12,3\n"
                              "p1,custom_metric,2026-02,0.666667,\n"
                              "p2,service_level,2026-02,80,100\n");
    strbuf_free(&out);
    kpi_store_free(s);
    profile_free(p);
    fixture_free(&fx);
}
END_TEST

START_TEST(store_grows_past_its_first_table)
{
    struct kpi_store *s = kpi_store_new();
    struct kpi_entry e = { 0, "offered", 0, 1, 1, "x", 0 };
    int i;

    for (i = 0; i < 5000; i++) {
        e.month = i;
        e.value = i;
        ck_assert_ptr_null(kpi_store_add(s, &e));
    }
    for (i = 0; i < 5000; i++)
        ck_assert_double_eq(kpi_store_get(s, 0, "offered", i)->value, i);
    ck_assert_ptr_null(kpi_store_get(s, 1, "offered", 1));
    ck_assert_ptr_null(kpi_store_get(s, 0, "unknown", 1));
    kpi_store_free(s);
}
END_TEST

/* ---------------------------------------------- kpi_derive on folders */

struct derived {
    struct fixture fx;
    struct profile *p;
    struct kpi_store *s;
    struct raw_file_info info[5];
    struct cg_errors errs;
    int ok;
};

/* Derive from the files already written into d->fx. */
static void derive(struct derived *d)
{
    struct cg_errors init = CG_ERRORS_INIT;

    d->errs = init;
    d->s = kpi_store_new();
    d->ok = kpi_derive(d->fx.dir, d->p, d->s, NULL, d->info, 1, &d->errs);
}

static void derived_free(struct derived *d)
{
    kpi_raw_free(d->info);
    kpi_store_free(d->s);
    profile_free(d->p);
    errors_free(&d->errs);
    fixture_free(&d->fx);
}

static void expect_kpi(const struct derived *d, int program,
                       const char *metric, int y, int m, double value,
                       long long n)
{
    const struct kpi_entry *e =
        kpi_store_get(d->s, program, metric, month_from_ym(y, m));

    ck_assert_msg(e != NULL, "%s %d-%02d missing", metric, y, m);
    ck_assert_msg(fabs(e->value - value) < EPS && e->n == n,
                  "%s %d-%02d = %g (n %lld), want %g (n %lld)", metric, y, m,
                  e->value, e->n, value, n);
    ck_assert_int_eq(e->line, 0);
}

static void expect_no_kpi(const struct derived *d, int program,
                          const char *metric, int y, int m)
{
    ck_assert_msg(kpi_store_get(d->s, program, metric,
                                month_from_ym(y, m)) == NULL,
                  "%s %d-%02d present", metric, y, m);
}

#define CONTACTS_HEAD "contact_id,program,channel,arrived,outcome,wait_s," \
                      "handle_s,resolved_first\n"

START_TEST(derive_uses_the_month_written_at_month_boundaries)
{
    /* Month = the month written; zone suffixes are ignored:
     *   Jan: 01-31T23:59:59, 01-31T23:30:00-05:00 (February in UTC),
     *        01-15T10:00:00.250+01:00
     *   Feb: 02-01T00:00:00, 02-28T23:00:00Z
     *   Mar: "2026-03-01 00:00:00" (space instead of T) */
    struct derived d;

    fixture_new(&d.fx);
    d.p = fixture_profile(&d.fx, FIXTURE_PROFILE("2026-03-31"));
    fixture_write(&d.fx, "contacts.csv", CONTACTS_HEAD
                  "1,p1,voice,2026-01-31T23:59:59,answered,1,10,1\n"
                  "2,p1,voice,2026-01-31T23:30:00-05:00,answered,1,10,1\n"
                  "3,p1,voice,2026-01-15T10:00:00.250+01:00,answered,1,10,\n"
                  "4,p1,voice,2026-02-01T00:00:00,answered,1,10,1\n"
                  "5,p1,voice,2026-02-28T23:00:00Z,answered,1,10,1\n"
                  "6,p1,voice,2026-03-01 00:00:00,answered,1,10,1\n");
    derive(&d);
    ck_assert_msg(d.ok, "%s", d.errs.n ? d.errs.v[0].msg : "");
    expect_kpi(&d, 0, "offered", 2026, 1, 3, 3);
    expect_kpi(&d, 0, "offered", 2026, 2, 2, 2);
    expect_kpi(&d, 0, "offered", 2026, 3, 1, 1);
    expect_kpi(&d, 0, "fcr", 2026, 1, 100, 2);
    expect_no_kpi(&d, 1, "offered", 2026, 1);
    ck_assert_int_eq(d.info[SRC_CONTACTS].present, 1);
    ck_assert_uint_eq(d.info[SRC_CONTACTS].rows, 6);
    ck_assert_int_eq(d.info[SRC_QA].present, 0);
    derived_free(&d);
}
END_TEST

START_TEST(derive_corrects_moe_with_the_months_answered_contacts)
{
    /* p1 January: 3 answered contacts (N), 2 evaluations (n), 1 clean:
     * p = 0.5, FPC = sqrt((3 - 2) / (3 - 1)) = 0.707107,
     * euc_moe = 196 * sqrt(0.25 / 2) * 0.707107 = 49.
     * bc_moe: both clean, p = 1 -> 0.75: 196 * sqrt(0.75 * 0.25 / 2) *
     * 0.707107 = 196 * 0.306186 * 0.707107 = 42.435245 (cc_moe too).
     * February: 2 evaluations, no contacts: FPC = 1, p = 1 -> 0.75,
     * 196 * sqrt(0.75 * 0.25 / 2) = 60.012499.  qa.csv sits in data/. */
    struct derived d;

    fixture_new(&d.fx);
    d.p = fixture_profile(&d.fx, FIXTURE_PROFILE("2026-03-31"));
    fixture_write(&d.fx, "contacts.csv", CONTACTS_HEAD
                  "1,p1,voice,2026-01-02T10:00:00,answered,1,10,1\n"
                  "2,p1,voice,2026-01-02T10:00:00,answered,1,10,1\n"
                  "3,p1,voice,2026-01-02T10:00:00,answered,1,10,1\n"
                  "4,p1,voice,2026-01-02T10:00:00,abandoned,9,,\n");
    fixture_write(&d.fx, "data/qa.csv",
                  "eval_id,program,evaluated,agent_id,euc_errors,bc_errors,"
                  "cc_errors,nc_errors\n"
                  "e1,p1,2026-01-05,a,0,0,0,0\n"
                  "e2,p1,2026-01-06,a,2,0,0,0\n"
                  "e3,p1,2026-02-05,a,0,0,0,0\n"
                  "e4,p1,2026-02-06T10:00:00,a,0,0,0,0\n");
    derive(&d);
    ck_assert_msg(d.ok, "%s", d.errs.n ? d.errs.v[0].msg : "");
    expect_kpi(&d, 0, "euc_moe", 2026, 1, 49, 2);
    expect_kpi(&d, 0, "euc_accuracy", 2026, 1, 50, 2);
    expect_kpi(&d, 0, "bc_moe", 2026, 1, 42.435244785, 2);
    expect_kpi(&d, 0, "cc_moe", 2026, 1, 42.435244785, 2);
    expect_kpi(&d, 0, "euc_moe", 2026, 2, 60.012498698, 2);
    expect_kpi(&d, 0, "bc_moe", 2026, 2, 60.012498698, 2);
    expect_kpi(&d, 0, "qa_sample", 2026, 2, 2, 2);
    ck_assert(strstr(d.info[SRC_QA].path, "/data/qa.csv") != NULL);
    derived_free(&d);
}
END_TEST

START_TEST(derive_staff_months_run_from_first_hire_to_as_of)
{
    /* as-of 2026-03-31.  On staff on d when hired <= d < left.
     *   a: hired 01-01, left 01-31 (leaves on January's last day)
     *   b: hired 01-15, verified 01-20 after first contact 01-18
     *   c: hired 02-28, left 03-01 (on staff on February 28 only)
     *   d: hired 03-10, left 03-10 (never on staff; still a leaver)
     * Jan: first day {a} 1, last day {b} 1 (a left that day): headcount
     *      1, n = 2 (a, b); leavers {a}: attrition 100 * 1 / 1 = 100;
     *      unverified {b} 1.
     * Feb: first day {b}, last day {b, c}: headcount 1.5, n = 2;
     *      attrition 0 (n 0); unverified 0.
     * Mar: first {b} (c left on the 1st), last {b}: headcount 1, n = 1;
     *      leavers {c, d}: attrition 100 * 2 / 1 = 200 (n 2).
     * No months before January or after March; p2 has no staff rows. */
    struct derived d;

    fixture_new(&d.fx);
    d.p = fixture_profile(&d.fx, FIXTURE_PROFILE("2026-03-31"));
    fixture_write(&d.fx, "staff.csv",
                  "agent_id,program,hired,left,verified,first_contact\n"
                  "a,p1,2026-01-01,2026-01-31,,\n"
                  "b,p1,2026-01-15,,2026-01-20,2026-01-18\n"
                  "c,p1,2026-02-28,2026-03-01,2026-02-28,2026-02-28\n"
                  "d,p1,2026-03-10,2026-03-10,,\n");
    derive(&d);
    ck_assert_msg(d.ok, "%s", d.errs.n ? d.errs.v[0].msg : "");
    expect_kpi(&d, 0, "headcount", 2026, 1, 1, 2);
    expect_kpi(&d, 0, "attrition", 2026, 1, 100, 1);
    expect_kpi(&d, 0, "unverified_agents", 2026, 1, 1, 1);
    expect_kpi(&d, 0, "headcount", 2026, 2, 1.5, 2);
    expect_kpi(&d, 0, "attrition", 2026, 2, 0, 0);
    expect_kpi(&d, 0, "unverified_agents", 2026, 2, 0, 0);
    expect_kpi(&d, 0, "headcount", 2026, 3, 1, 1);
    expect_kpi(&d, 0, "attrition", 2026, 3, 200, 2);
    expect_no_kpi(&d, 0, "headcount", 2025, 12);
    expect_no_kpi(&d, 0, "headcount", 2026, 4);
    expect_no_kpi(&d, 1, "headcount", 2026, 1);
    ck_assert_uint_eq(kpi_store_count(d.s), 9);
    derived_free(&d);
}
END_TEST

/* unverified_agents is reported for a month only when someone on staff
 * in it has a first_contact on or before its last day (inputs.md): a
 * roster without first contacts says nothing about live work, and must
 * not read as "no unverified agents".  as-of 2026-04-30; staff months
 * run from the earliest hire; on staff on d when hired <= d < left.
 * want[] is January..April, -1 = no value.  Worked by hand: */
START_TEST(derive_unverified_agents_needs_a_known_first_contact)
{
    static const struct {
        const char *why, *rows;
        int want[4];
    } cases[] = {
        /* Nobody has a first_contact (verified or not): no month has a
         * value, although leavers and headcount are reported. */
        { "blank first_contact column",
          "a,p1,2026-01-05,,,\n"
          "b,p1,2026-01-10,2026-03-15,2026-01-20,\n"
          "c,p1,2026-02-01,,2026-02-10,\n",
          { -1, -1, -1, -1 } },
        /* b's first contact is 02-15, verified 02-20: unverified in
         * February.  January: a and b on staff, neither live yet. */
        { "first contact in February",
          "a,p1,2026-01-05,,,\n"
          "b,p1,2026-01-10,,2026-02-20,2026-02-15\n",
          { -1, 1, 0, 0 } },
        /* a is live from 01-05 and leaves on 02-01 (on staff in January
         * only); b's first contact is 03-10.  February: c is on staff but
         * has no first contact, so no value; March and April: b. */
        { "leaver before another's first contact",
          "a,p1,2026-01-01,2026-02-01,2026-01-03,2026-01-05\n"
          "b,p1,2026-01-15,,2026-03-01,2026-03-10\n"
          "c,p1,2026-01-01,,,\n",
          { 0, -1, 0, 0 } },
        /* One agent, hired 02-10, live on 02-28 (the month's last day)
         * and never verified, gone on 04-01: months start in February;
         * April has nobody on staff.  Unverified counts in February. */
        { "first contact on the last day",
          "a,p1,2026-02-10,2026-04-01,,2026-02-28\n",
          { -1, 1, 0, -1 } },
        /* first_contact before hired (not checked): known from the month
         * of hired, as the agent is on staff only from then. */
        { "first contact before hired",
          "a,p1,2026-01-20,,,\n"
          "b,p1,2026-02-03,,2026-01-10,2026-01-25\n",
          { -1, 0, 0, 0 } },
    };
    size_t i;
    int m;

    for (i = 0; i < ARRAY_LEN(cases); i++) {
        struct derived d;
        struct strbuf text = STRBUF_INIT;

        fixture_new(&d.fx);
        d.p = fixture_profile(&d.fx, FIXTURE_PROFILE("2026-04-30"));
        strbuf_printf(&text, "agent_id,program,hired,left,verified,"
                      "first_contact\n%s", cases[i].rows);
        fixture_write(&d.fx, "staff.csv", text.buf);
        derive(&d);
        ck_assert_msg(d.ok, "%s", d.errs.n ? d.errs.v[0].msg : "");
        for (m = 0; m < 4; m++) {
            const struct kpi_entry *e =
                kpi_store_get(d.s, 0, "unverified_agents",
                              month_from_ym(2026, m + 1));
            if (cases[i].want[m] < 0) {
                ck_assert_msg(e == NULL, "%s: 2026-%02d has a value",
                              cases[i].why, m + 1);
                continue;
            }
            ck_assert_msg(e != NULL, "%s: 2026-%02d has no value",
                          cases[i].why, m + 1);
            ck_assert_msg(e->value == cases[i].want[m] &&
                          e->n == cases[i].want[m], "%s: 2026-%02d = %g",
                          cases[i].why, m + 1, e->value);
        }
        ck_assert_ptr_null(kpi_store_get(d.s, 0, "unverified_agents",
                                         month_from_ym(2026, 5)));
        ck_assert_ptr_null(kpi_store_get(d.s, 1, "unverified_agents",
                                         month_from_ym(2026, 2)));
        strbuf_free(&text);
        derived_free(&d);
    }
}
END_TEST

START_TEST(derive_surveys_and_forecast_by_program)
{
    /* p2 uses the default 15 % tolerance, p1 10 %: forecast 100, actual
     * 112 is accurate for p2 (12 <= 15) but not for p1 (12 > 10). */
    struct derived d;

    fixture_new(&d.fx);
    d.p = fixture_profile(&d.fx, FIXTURE_PROFILE("2026-03-31"));
    fixture_write(&d.fx, "forecast.csv",
                  "program,interval_start,forecast,actual\n"
                  "p1,2026-01-05T09:00:00,100,112\n"
                  "p2,2026-01-05T09:00:00,100,112\n"
                  "p2,2026-01-06,10.5,10.5\n");     /* a daily interval */
    fixture_write(&d.fx, "surveys.csv",
                  "response_id,program,responded,csat,nps,ces\n"
                  "r1,p2,2026-01-31,4,,\n"
                  "r2,p2,2026-02-01,,,\n");
    derive(&d);
    ck_assert_msg(d.ok, "%s", d.errs.n ? d.errs.v[0].msg : "");
    expect_kpi(&d, 0, "forecast_accuracy", 2026, 1, 0, 1);
    expect_kpi(&d, 1, "forecast_accuracy", 2026, 1, 100, 2);
    /* WAPE p2 = 100 * 12 / 122.5 */
    expect_kpi(&d, 1, "forecast_wape", 2026, 1, 1200.0 / 122.5, 2);
    expect_kpi(&d, 1, "csat", 2026, 1, 100, 1);
    expect_kpi(&d, 1, "dsat", 2026, 1, 0, 1);
    expect_no_kpi(&d, 1, "csat", 2026, 2);
    expect_no_kpi(&d, 1, "dsat", 2026, 2);
    expect_no_kpi(&d, 1, "nps", 2026, 1);
    derived_free(&d);
}
END_TEST

/* Row errors: each located and quoted, reading goes on past them. */
START_TEST(derive_reports_bad_rows_located)
{
    static const struct { const char *file, *text, *errors; } cases[] = {
        { "contacts.csv", CONTACTS_HEAD
          "c1,p9,voice,2026-01-01T00:00:00,answered,1,1,1\n"
          "c2,p1,voice,2026-13-01T00:00:00,answered,1,1,1\n"
          "c3,p1,voice,2026-01-01T00:00:00,ans,1,1,1\n"
          "c4,p1,voice,2026-01-01T00:00:00,answered,-3,1,1\n"
          "c5,p1,voice,2026-01-01T00:00:00,answered,1,,1\n"
          "c6,p1,voice,2026-01-01T00:00:00,answered,1,1,yes\n"
          "c7,p1,voice,2026-01-01,answered,1,1,1\n"
          "c8,p1,voice,2026-01-01T00:00:00,abandoned,1,x,\n"
          "c9,p1,voice,2026-01-01T00:00:00,abandoned,,,\n",
          "ORG/contacts.csv:2:2: unknown program \"p9\" (not in "
          "profile.xml)\n"
          "ORG/contacts.csv:3:4: arrived must be a timestamp "
          "(YYYY-MM-DDTHH:MM:SS), not \"2026-13-01T00:00:00\"\n"
          "ORG/contacts.csv:4:5: outcome must be answered or abandoned, "
          "not \"ans\"\n"
          "ORG/contacts.csv:5:6: wait_s must be a number >= 0, not \"-3\"\n"
          "ORG/contacts.csv:6:7: handle_s is empty (required when outcome "
          "is answered)\n"
          "ORG/contacts.csv:7:8: resolved_first must be 0, 1 or empty, "
          "not \"yes\"\n"
          "ORG/contacts.csv:8:4: arrived must be a timestamp "
          "(YYYY-MM-DDTHH:MM:SS), not \"2026-01-01\"\n"
          "ORG/contacts.csv:9:7: handle_s must be a number >= 0, not "
          "\"x\"\n"
          "ORG/contacts.csv:10:6: wait_s must be a number >= 0, not \"\"\n" },
        { "qa.csv", "eval_id,program,evaluated,agent_id,euc_errors,"
          "bc_errors,cc_errors,nc_errors\n"
          "e1,p1,2026-02-30,a,0,0,0,0\n"
          "e2,p1,2026-02-01,a,1.5,-1,,0\n",
          "ORG/qa.csv:2:3: evaluated must be a date or a timestamp "
          "(YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS), not \"2026-02-30\"\n"
          "ORG/qa.csv:3:5: euc_errors must be an integer >= 0, not "
          "\"1.5\"\n"
          "ORG/qa.csv:3:6: bc_errors must be an integer >= 0, not \"-1\"\n"
          "ORG/qa.csv:3:7: cc_errors must be an integer >= 0, not \"\"\n" },
        { "surveys.csv", "response_id,program,responded,csat,nps,ces\n"
          "r1,p1,2026-01-01,6,11,0\n"
          "r2,,2026-01-01,4.0,,\n",
          "ORG/surveys.csv:2:4: csat must be an integer from 1 to 5, or "
          "empty, not \"6\"\n"
          "ORG/surveys.csv:2:5: nps must be an integer from 0 to 10, or "
          "empty, not \"11\"\n"
          "ORG/surveys.csv:2:6: ces must be an integer from 1 to 7, or "
          "empty, not \"0\"\n"
          "ORG/surveys.csv:3:2: program must be a program id of "
          "profile.xml, not \"\"\n"
          "ORG/surveys.csv:3:4: csat must be an integer from 1 to 5, or "
          "empty, not \"4.0\"\n" },
        { "forecast.csv", "program,interval_start,forecast,actual\n"
          "p1,2026-01-01T00:00:00,-1,\n",
          "ORG/forecast.csv:2:3: forecast must be a number >= 0, not "
          "\"-1\"\n"
          "ORG/forecast.csv:2:4: actual must be a number >= 0, not \"\"\n" },
        { "staff.csv", "agent_id,program,hired,left,verified,"
          "first_contact\n"
          "a,p1,2026-02-01,2026-01-31,,\n"
          "b,p1,,,2026-1-5,\n",
          "ORG/staff.csv:2:4: left (2026-01-31) is before hired "
          "(2026-02-01)\n"
          "ORG/staff.csv:3:3: hired must be a date (YYYY-MM-DD), not \"\"\n"
          "ORG/staff.csv:3:5: verified must be a date (YYYY-MM-DD) or "
          "empty, not \"2026-1-5\"\n" },
        { "contacts.csv", "contact_id,program,arrived,outcome,wait_s,"
          "handle_s,Resolved_First\n",
          "ORG/contacts.csv:1: missing column \"resolved_first\" (column 7 "
          "is \"Resolved_First\": names are case-sensitive)\n"
          "ORG/contacts.csv:1: missing column \"channel\"\n" },
    };
    size_t i;

    for (i = 0; i < ARRAY_LEN(cases); i++) {
        struct derived d;
        char *got;

        fixture_new(&d.fx);
        d.p = fixture_profile(&d.fx, FIXTURE_PROFILE("2026-03-31"));
        fixture_write(&d.fx, cases[i].file, cases[i].text);
        derive(&d);
        ck_assert_int_eq(d.ok, 0);
        ck_assert_uint_eq(kpi_store_count(d.s), 0);
        got = fixture_errors(&d.fx, &d.errs);
        ck_assert_msg(strcmp(got, cases[i].errors) == 0, "case %zu:\n%s", i,
                      got);
        free(got);
        derived_free(&d);
    }
}
END_TEST

START_TEST(derive_keeps_the_first_twenty_errors_and_counts_the_rest)
{
    struct derived d;
    struct strbuf text = STRBUF_INIT;
    int i;

    fixture_new(&d.fx);
    d.p = fixture_profile(&d.fx, FIXTURE_PROFILE("2026-03-31"));
    strbuf_adds(&text, CONTACTS_HEAD);
    for (i = 0; i < 25; i++)
        strbuf_adds(&text, "c,p1,voice,2026-01-01T00:00:00,answered,-1,1,\n");
    fixture_write(&d.fx, "contacts.csv", text.buf);
    derive(&d);
    ck_assert_int_eq(d.ok, 0);
    ck_assert_uint_eq(d.errs.n, 20);
    ck_assert_uint_eq(d.errs.more, 5);
    ck_assert_int_eq(d.errs.v[19].line, 21);
    strbuf_free(&text);
    derived_free(&d);
}
END_TEST

START_TEST(derive_refuses_a_file_in_both_places)
{
    struct derived d;
    char *got;

    fixture_new(&d.fx);
    d.p = fixture_profile(&d.fx, FIXTURE_PROFILE("2026-03-31"));
    fixture_write(&d.fx, "staff.csv", "agent_id\n");
    fixture_write(&d.fx, "data/staff.csv", "agent_id\n");
    derive(&d);
    ck_assert_int_eq(d.ok, 0);
    got = fixture_errors(&d.fx, &d.errs);
    ck_assert_str_eq(got, "ORG/data/staff.csv: staff.csv is also in the "
                     "folder itself (ORG/staff.csv): keep one of them\n");
    free(got);
    derived_free(&d);
}
END_TEST

static Suite *kpi_suite(void)
{
    Suite *s = suite_create("kpi");
    TCase *tc = tcase_create("core");

    tcase_add_test(tc, contacts_kpis_worked_example);
    tcase_add_test(tc, contacts_zero_denominators_leave_ratios_out);
    tcase_add_test(tc, fcr_counts_answered_rows_only);
    tcase_add_test(tc, qa_accuracy_worked_example);
    tcase_add_test(tc, qa_moe_per_error_class);
    tcase_add_test(tc, margin_of_error_edges);
    tcase_add_test(tc, survey_kpis_worked_example);
    tcase_add_test(tc, dsat_is_the_bottom_two_boxes);
    tcase_add_test(tc, forecast_kpis_worked_example);
    tcase_add_test(tc, staff_deltas_follow_the_on_staff_rule);
    tcase_add_test(tc, staff_deltas_live_known_range);
    tcase_add_test(tc, staff_values_worked_example);
    tcase_add_test(tc, numbers_parse_as_inputs_md_says);
    tcase_add_test(tc, counts_parse_as_integers);
    tcase_add_test(tc, values_print_with_up_to_six_decimals);
    tcase_add_test(tc, store_refuses_a_key_twice_and_sorts_for_output);
    tcase_add_test(tc, store_grows_past_its_first_table);
    suite_add_tcase(s, tc);
    tc = tcase_create("derive");
    tcase_add_test(tc, derive_uses_the_month_written_at_month_boundaries);
    tcase_add_test(tc, derive_corrects_moe_with_the_months_answered_contacts);
    tcase_add_test(tc, derive_staff_months_run_from_first_hire_to_as_of);
    tcase_add_test(tc,
                   derive_unverified_agents_needs_a_known_first_contact);
    tcase_add_test(tc, derive_surveys_and_forecast_by_program);
    tcase_add_test(tc, derive_reports_bad_rows_located);
    tcase_add_test(tc,
                   derive_keeps_the_first_twenty_errors_and_counts_the_rest);
    tcase_add_test(tc, derive_refuses_a_file_in_both_places);
    suite_add_tcase(s, tc);
    return s;
}

CG_TEST_MAIN(kpi_suite)
