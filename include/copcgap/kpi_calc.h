/*
 * kpi_calc.h — the KPI formulas of docs/inputs.md ("Raw operational data and
 * the KPIs derived from it"), as pure accumulators (core layer: no I/O).
 *
 * One accumulator per (program, month) and raw file.  The reader
 * (kpi_derive) validates each row and calls the *_add function; at the
 * end the *_values function turns an accumulator into the month's
 * values, leaving out ratios and means whose denominator is 0 (counts
 * are always given).  docs/kpis.md explains each formula with an example.
 */
#ifndef COPCGAP_KPI_CALC_H
#define COPCGAP_KPI_CALC_H

#include <stddef.h>
#include <stdint.h>

#include "copcgap/date.h"
#include "copcgap/metric.h"

/* One derived value: metric, value, and n (its denominator). */
struct kpi_value {
    enum metric_id metric;
    double value;
    long long n;
};

/* Most values one accumulator yields (qa.csv: qa_sample, four
 * accuracies and three margins of error). */
#define KPI_VALUES_MAX 8

/* ---------------------------------------------------------- contacts.csv */

struct contacts_acc {
    uint64_t answered;
    uint64_t answered_in_sl;    /* answered with wait_s <= T */
    uint64_t abandoned;         /* abandoned with wait_s > S */
    uint64_t short_abandoned;   /* abandoned with wait_s <= S (excluded) */
    uint64_t fcr_yes;           /* answered, resolved_first = 1 */
    uint64_t fcr_known;         /* answered, resolved_first = 0 or 1 */
    double wait_sum;            /* over answered */
    double handle_sum;          /* over answered */
};

/* resolved_first: 1, 0, or -1 when empty (unknown); it counts in fcr on
 * answered contacts only. */
void kpi_contacts_add(struct contacts_acc *a, int answered, double wait_s,
                      double handle_s, int resolved_first,
                      double sl_seconds, double short_abandon_seconds);
size_t kpi_contacts_values(const struct contacts_acc *a,
                           struct kpi_value out[KPI_VALUES_MAX]);

/* ---------------------------------------------------------------- qa.csv */

struct qa_acc {
    uint64_t evals;
    uint64_t clean[4];          /* zero errors of euc, bc, cc, nc */
};

/* errors[0..4): euc, bc, cc, nc error counts of one evaluation. */
void kpi_qa_add(struct qa_acc *a, const long long errors[4]);
/* population = answered contacts of the program-month (0 unknown). */
size_t kpi_qa_values(const struct qa_acc *a, uint64_t population,
                     struct kpi_value out[KPI_VALUES_MAX]);

/*
 * Margin of error in percentage points at confidence z for `hits` of
 * `n` (n > 0), with the finite population correction for a population
 * N when N > n (docs/inputs.md, euc_moe; bc_moe and cc_moe use it too).
 */
double kpi_margin_of_error(uint64_t hits, uint64_t n, uint64_t population,
                           double z);

/* ----------------------------------------------------------- surveys.csv */

struct survey_acc {
    uint64_t csat_n, csat_top2, csat_bottom2;
    uint64_t nps_n, promoters, detractors;
    uint64_t ces_n;
    double ces_sum;
};

/* Each answer may be absent: pass -1. */
void kpi_survey_add(struct survey_acc *a, int csat, int nps, int ces);
size_t kpi_survey_values(const struct survey_acc *a,
                         struct kpi_value out[KPI_VALUES_MAX]);

/* ---------------------------------------------------------- forecast.csv */

struct forecast_acc {
    uint64_t intervals;
    uint64_t accurate;
    double abs_error_sum;
    double actual_sum;
};

void kpi_forecast_add(struct forecast_acc *a, double forecast,
                      double actual, double tolerance_pct);
size_t kpi_forecast_values(const struct forecast_acc *a,
                           struct kpi_value out[KPI_VALUES_MAX]);

/* ------------------------------------------------------------- staff.csv */

/*
 * Staff counts are kept as differences per month (+1 where a range of
 * months starts, -1 after it ends), so that each agent is one constant
 * amount of work whatever their tenure; a running sum over the months
 * gives the counts.
 */
struct staff_diff {
    int64_t first_day;          /* on staff on the month's first day */
    int64_t last_day;           /* ... on its last day */
    int64_t any_day;            /* ... on any day of it */
    int64_t leavers;            /* `left` in the month (not a difference) */
    int64_t unverified;         /* live before verified (not a diff.) */
    int64_t live_known;         /* on staff on some day of the month with
                                 * a first_contact on or before its last
                                 * day: unverified_agents is reported
                                 * only when this is > 0 */
};

/* The month ranges of one agent, as differences to add at months. */
struct staff_delta {
    cg_month month;
    struct staff_diff d;
};

/* Most (month, difference) pairs one agent yields: two for each of the
 * four ranges, one leaver, one unverified. */
#define KPI_STAFF_DELTAS_MAX 10

/*
 * An agent's contributions: up to KPI_STAFF_DELTAS_MAX (month,
 * difference) pairs in out[], returns how many.  has_left /
 * has_verified / has_first say whether the optional dates are given.
 * On staff on day d: hired <= d < left.
 */
size_t kpi_staff_deltas(cg_day hired, int has_left, cg_day left,
                        int has_verified, cg_day verified,
                        int has_first, cg_day first_contact,
                        struct staff_delta out[KPI_STAFF_DELTAS_MAX]);

/* The month's values from its running counts: headcount, attrition (when
 * headcount > 0), unverified_agents (when live_known > 0). */
size_t kpi_staff_values(const struct staff_diff *counts,
                        struct kpi_value out[KPI_VALUES_MAX]);

#endif
