/*
 * kpi_calc.c — the KPI formulas (see kpi_calc.h, docs/inputs.md, docs/kpis.md).
 *
 * Pure arithmetic on counts and sums; everything a formula needs is
 * summed row by row, so memory depends on the number of program-months
 * only.
 */
#include <math.h>
#include <string.h>

#include "copcgap/kpi_calc.h"

static size_t put(struct kpi_value *out, size_t k, enum metric_id m,
                  double value, uint64_t n)
{
    out[k].metric = m;
    out[k].value = value;
    out[k].n = (long long)n;
    return k + 1;
}

/* ---------------------------------------------------------- contacts.csv */

void kpi_contacts_add(struct contacts_acc *a, int answered, double wait_s,
                      double handle_s, int resolved_first,
                      double sl_seconds, double short_abandon_seconds)
{
    if (!answered) {
        /* A caller who hangs up within S seconds never had a real chance
         * of service (a misdial, an IVR drop): such short abandons are
         * left out of every contact KPI, numerators and denominators. */
        if (wait_s <= short_abandon_seconds) {
            a->short_abandoned++;
            return;
        }
        /* An abandoned contact was never served, so it cannot have been
         * resolved at first contact: its resolved_first is ignored. */
        a->abandoned++;
        return;
    }
    a->answered++;
    if (wait_s <= sl_seconds)
        a->answered_in_sl++;
    a->wait_sum += wait_s;
    a->handle_sum += handle_s;
    if (resolved_first >= 0) {
        a->fcr_known++;
        if (resolved_first == 1)
            a->fcr_yes++;
    }
}

size_t kpi_contacts_values(const struct contacts_acc *a,
                           struct kpi_value out[KPI_VALUES_MAX])
{
    uint64_t offered = a->answered + a->abandoned;
    size_t k = 0;

    k = put(out, k, M_OFFERED, (double)offered, offered);
    if (offered > 0) {
        k = put(out, k, M_SERVICE_LEVEL,
                100.0 * (double)a->answered_in_sl / (double)offered, offered);
        k = put(out, k, M_ABANDON_RATE,
                100.0 * (double)a->abandoned / (double)offered, offered);
    }
    if (a->answered > 0) {
        k = put(out, k, M_ASA, a->wait_sum / (double)a->answered,
                a->answered);
        k = put(out, k, M_AHT, a->handle_sum / (double)a->answered,
                a->answered);
    }
    if (a->fcr_known > 0)
        k = put(out, k, M_FCR,
                100.0 * (double)a->fcr_yes / (double)a->fcr_known,
                a->fcr_known);
    return k;
}

/* ---------------------------------------------------------------- qa.csv */

void kpi_qa_add(struct qa_acc *a, const long long errors[4])
{
    int i;

    a->evals++;
    for (i = 0; i < 4; i++)
        if (errors[i] == 0)
            a->clean[i]++;
}

double kpi_margin_of_error(uint64_t hits, uint64_t n, uint64_t population,
                           double z)
{
    double dn = (double)n;
    double p = (double)hits / dn;
    double fpc = 1.0;

    /* An observed 0 % or 100 % would claim no uncertainty at all; the
     * usual continuity adjustment moves p half an observation inward. */
    if (hits == 0)
        p = 0.5 / dn;
    else if (hits == n)
        p = 1.0 - 0.5 / dn;
    /* Sampling a large share of a small month's contacts leaves less
     * uncertainty: finite population correction, when N > n. */
    if (population > n)
        fpc = sqrt((double)(population - n) / (double)(population - 1));
    return 100.0 * z * sqrt(p * (1.0 - p) / dn) * fpc;
}

size_t kpi_qa_values(const struct qa_acc *a, uint64_t population,
                     struct kpi_value out[KPI_VALUES_MAX])
{
    static const enum metric_id acc[4] = {
        M_EUC_ACCURACY, M_BC_ACCURACY, M_CC_ACCURACY, M_NC_ACCURACY
    };
    /* Margins for the three critical classes (clean[0..3)); docs/inputs.md
     * defines none for non-critical accuracy. */
    static const enum metric_id moe[3] = { M_EUC_MOE, M_BC_MOE, M_CC_MOE };
    size_t k = 0;
    int i;

    k = put(out, k, M_QA_SAMPLE, (double)a->evals, a->evals);
    if (a->evals == 0)
        return k;
    for (i = 0; i < 4; i++)
        k = put(out, k, acc[i],
                100.0 * (double)a->clean[i] / (double)a->evals, a->evals);
    for (i = 0; i < 3; i++)
        k = put(out, k, moe[i],
                kpi_margin_of_error(a->clean[i], a->evals, population,
                                    1.96),
                a->evals);
    return k;
}

/* ----------------------------------------------------------- surveys.csv */

void kpi_survey_add(struct survey_acc *a, int csat, int nps, int ces)
{
    if (csat >= 0) {
        a->csat_n++;
        if (csat >= 4)
            a->csat_top2++;
        else if (csat <= 2)
            a->csat_bottom2++;
    }
    if (nps >= 0) {
        a->nps_n++;
        if (nps >= 9)
            a->promoters++;
        else if (nps <= 6)
            a->detractors++;
    }
    if (ces >= 0) {
        a->ces_n++;
        a->ces_sum += ces;
    }
}

size_t kpi_survey_values(const struct survey_acc *a,
                         struct kpi_value out[KPI_VALUES_MAX])
{
    size_t k = 0;

    if (a->csat_n > 0) {
        k = put(out, k, M_CSAT,
                100.0 * (double)a->csat_top2 / (double)a->csat_n, a->csat_n);
        /* The bottom two boxes of the same responses: a 3 is neither
         * satisfied nor dissatisfied, so csat + dsat need not make 100. */
        k = put(out, k, M_DSAT,
                100.0 * (double)a->csat_bottom2 / (double)a->csat_n,
                a->csat_n);
    }
    if (a->nps_n > 0)
        k = put(out, k, M_NPS,
                100.0 * ((double)a->promoters - (double)a->detractors) /
                    (double)a->nps_n, a->nps_n);
    if (a->ces_n > 0)
        k = put(out, k, M_CES, a->ces_sum / (double)a->ces_n, a->ces_n);
    return k;
}

/* ---------------------------------------------------------- forecast.csv */

void kpi_forecast_add(struct forecast_acc *a, double forecast,
                      double actual, double tolerance_pct)
{
    double err = fabs(actual - forecast);

    a->intervals++;
    /* |a - f| <= tol/100 * f, written as 100 |a - f| <= tol * f so that
     * integer volumes exactly at the tolerance compare exactly (0.15 has
     * no exact binary form).  forecast 0: accurate iff actual is 0. */
    if (100.0 * err <= tolerance_pct * forecast)
        a->accurate++;
    a->abs_error_sum += err;
    a->actual_sum += actual;
}

size_t kpi_forecast_values(const struct forecast_acc *a,
                           struct kpi_value out[KPI_VALUES_MAX])
{
    size_t k = 0;

    if (a->intervals == 0)
        return 0;
    k = put(out, k, M_FORECAST_ACCURACY,
            100.0 * (double)a->accurate / (double)a->intervals, a->intervals);
    if (a->actual_sum > 0)
        k = put(out, k, M_FORECAST_WAPE,
                100.0 * a->abs_error_sum / a->actual_sum, a->intervals);
    return k;
}

/* ------------------------------------------------------------- staff.csv */

/* The fields of struct staff_diff, for delta() and range(). */
enum staff_field {
    SF_FIRST_DAY, SF_LAST_DAY, SF_ANY_DAY, SF_LEAVERS, SF_UNVERIFIED,
    SF_LIVE_KNOWN
};

static size_t delta(struct staff_delta *out, size_t k, cg_month m,
                    enum staff_field field, int64_t v)
{
    struct staff_diff *d;

    out[k].month = m;
    d = &out[k].d;
    memset(d, 0, sizeof *d);
    switch (field) {
    case SF_FIRST_DAY: d->first_day = v; break;
    case SF_LAST_DAY: d->last_day = v; break;
    case SF_ANY_DAY: d->any_day = v; break;
    case SF_LEAVERS: d->leavers = v; break;
    case SF_UNVERIFIED: d->unverified = v; break;
    case SF_LIVE_KNOWN: d->live_known = v; break;
    }
    return k + 1;
}

/* Add +1 at `from` and -1 after `to` (an open range when !closed). */
static size_t range(struct staff_delta *out, size_t k,
                    enum staff_field field, cg_month from, int closed,
                    cg_month to)
{
    if (closed && to < from)
        return k;
    k = delta(out, k, from, field, 1);
    if (closed)
        k = delta(out, k, to + 1, field, -1);
    return k;
}

size_t kpi_staff_deltas(cg_day hired, int has_left, cg_day left,
                        int has_verified, cg_day verified,
                        int has_first, cg_day first_contact,
                        struct staff_delta out[KPI_STAFF_DELTAS_MAX])
{
    size_t k = 0;

    /* On staff on day d when hired <= d < left.  The month's first day
     * is in that range for months from the one after hired - 1 to the
     * one holding left - 1; its last day from hired's month to the month
     * before left's; some day of it from hired's month to left - 1's. */
    k = range(out, k, SF_FIRST_DAY, date_month(hired - 1) + 1, has_left,
              date_month(left - 1));
    k = range(out, k, SF_LAST_DAY, date_month(hired), has_left,
              date_month(left) - 1);
    if (!has_left || left > hired) {
        k = range(out, k, SF_ANY_DAY, date_month(hired), has_left,
                  date_month(left - 1));
        /* The months in which this agent shows that the roster records
         * live work: on staff on some day of the month with a first
         * contact on or before its last day, i.e. from the later of the
         * first contact's and hired's months to the last month on staff
         * (empty when the first contact comes after leaving). */
        if (has_first) {
            cg_month from = date_month(first_contact);
            if (from < date_month(hired))
                from = date_month(hired);
            k = range(out, k, SF_LIVE_KNOWN, from, has_left,
                      date_month(left - 1));
        }
    }
    if (has_left)
        k = delta(out, k, date_month(left), SF_LEAVERS, 1);
    if (has_first && (!has_verified || verified > first_contact))
        k = delta(out, k, date_month(first_contact), SF_UNVERIFIED, 1);
    return k;
}

size_t kpi_staff_values(const struct staff_diff *c,
                        struct kpi_value out[KPI_VALUES_MAX])
{
    double headcount = (double)(c->first_day + c->last_day) / 2.0;
    size_t k = 0;

    k = put(out, k, M_HEADCOUNT, headcount, (uint64_t)c->any_day);
    if (headcount > 0)
        k = put(out, k, M_ATTRITION, 100.0 * (double)c->leavers / headcount,
                (uint64_t)c->leavers);
    /* A month in which nobody on staff has a known first contact says
     * nothing about live work (typically a blank first_contact column):
     * no value, rather than a 0 that would read as "all verified". */
    if (c->live_known > 0)
        k = put(out, k, M_UNVERIFIED_AGENTS, (double)c->unverified,
                (uint64_t)c->unverified);
    return k;
}
