/*
 * assess_trend.c — trend rules: a KPI is not getting worse.
 *
 * For each program in scope, the least-squares line through the months
 * of the window that have data (x = month number, y = value):
 *   slope b = Sxy / Sxx,  SE(b) = sqrt(SSR / (n - 2) / Sxx).
 * Let w be the slope in the worse direction (b when lower is better, -b
 * otherwise) and tol the rule's tolerance.  The program fails only when
 * the decline is both larger than allowed and real: w > tol AND the
 * one-sided t-test t = (w - tol) / SE(b) exceeds Student's t at the
 * scoring's trend-confidence with n - 2 degrees of freedom
 * (docs/scoring.md, "Trend").  Points that lie on the line (SE 0) leave
 * the slope alone to decide.  Six noisy months with a slope of -0.015
 * points are noise, not a decline.  A program with fewer than min-points
 * months of data has no trend to judge and counts 0 (missing data never
 * passes).  Programs are combined by volume (assess_weights); no-data
 * when no program has enough data.
 */
#include <math.h>
#include <string.h>

#include "assess_internal.h"
#include "copcgap/metric.h"
#include "copcgap/stats.h"

void assess_trend_test(const double *mx, const double *my, int k,
                       int better, double tolerance, double confidence,
                       struct trend_test *out)
{
    double worse;

    memset(out, 0, sizeof *out);
    out->df = k - 2;
    stats_slope(mx, my, (size_t)k, &out->slope, &out->se);
    worse = better == BETTER_LOWER ? out->slope : -out->slope;
    if (worse <= tolerance + 1e-12) {
        out->verdict = TREND_OK;
        return;
    }
    if (out->se <= 0 || out->df < 1) {
        /* On the line (or too few points to test): the slope decides. */
        out->verdict = TREND_WORSE_EXACT;
        return;
    }
    out->t = (worse - tolerance) / out->se;
    out->critical = stats_t_quantile(confidence, out->df);
    out->verdict = out->t > out->critical ? TREND_WORSE : TREND_NOISE;
}

/* One program's verdict, with its message. */
static double judge(struct assess_ctx *x, const struct rule *rule,
                    int better, const double *mx, const double *my,
                    int k, struct msg *pm)
{
    double conf = x->c->scoring.trend_confidence;
    struct trend_test tt;

    assess_trend_test(mx, my, k, better, rule->tolerance, conf, &tt);
    msg_num(x->a, pm, "slope", tt.slope);
    msg_num(x->a, pm, "se", tt.se);
    msg_int(x->a, pm, "months", k);
    msg_pct(x->a, pm, "confidence", conf);
    if (rule->tolerance > 0)
        msg_num(x->a, pm, "tolerance", rule->tolerance);
    switch (tt.verdict) {
    case TREND_OK:
        pm->key = "trace.trend.ok";
        return 1;
    case TREND_WORSE_EXACT:
        pm->key = "trace.trend.worse_exact";
        return 0;
    default:
        break;
    }
    msg_num(x->a, pm, "t", tt.t);
    msg_num(x->a, pm, "critical", tt.critical);
    msg_int(x->a, pm, "df", tt.df);
    pm->key = tt.verdict == TREND_WORSE ? "trace.trend.worse"
                                        : "trace.trend.noise";
    return tt.verdict == TREND_NOISE;
}

void assess_eval_trend(struct assess_ctx *x, size_t req,
                       struct rule_result *res)
{
    const struct rule *rule = res->rule;
    int months = assess_rule_months(x, rule), any = 0, volume;
    int better = rule->better >= 0 ? rule->better
                                   : catalog_metric_better(x->c, rule->metric);
    cg_month end = x->r->window_end, start = end - months + 1, m;
    struct msg *trace = assess_msg(x, "trace.trend");
    double *credit = arena_calloc(x->a, x->nprogs + 1, sizeof *credit);
    double *w = arena_calloc(x->a, x->nprogs + 1, sizeof *w);
    double mx[64], my[64];
    size_t i;

    (void)req;
    catalog_msg_metric(x->a, x->c, trace, "metric", rule->metric);
    msg_id(x->a, trace, "metric_id", rule->metric);
    msg_key(x->a, trace, "better", better == BETTER_LOWER ? "better.lower"
                                                          : "better.higher");
    msg_month(x->a, trace, "start", start);
    msg_month(x->a, trace, "end", end);
    msg_list(x->a, trace, "programs");
    volume = assess_weights(x, rule, rule->metric, months, w);
    for (i = 0; i < x->nprogs; i++) {
        const struct program *pg = &x->p->programs[x->progs[i]];
        struct msg *pm = assess_msg(x, "trace.trend.few");
        int k = 0;
        for (m = start; m <= end; m++) {
            const struct kpi_entry *e = kpi_store_get(x->o->kpis, x->progs[i],
                                                      rule->metric, m);
            struct msg *d;
            if (!e || k >= 64)
                continue;
            mx[k] = (double)(m - start);
            my[k] = e->value;
            k++;
            d = assess_msg(x, "detail.trend.month");
            catalog_msg_metric(x->a, x->c, d, "metric", rule->metric);
            msg_id(x->a, d, "program", pg->id);
            msg_month(x->a, d, "month", m);
            msg_num(x->a, d, "value", e->value);
            assess_detail(x, res, d);
        }
        msg_id(x->a, pm, "program", pg->id);
        if (k < rule->min_points || k < 2) {
            msg_int(x->a, pm, "months", k);
            msg_int(x->a, pm, "needed", rule->min_points);
            if (rule->min_points - k > res->months_short)
                res->months_short = rule->min_points - k;
            credit[i] = 0;
        } else {
            any = 1;
            credit[i] = judge(x, rule, better, mx, my, k, pm);
            /* A turned trend shows only over min-points new months. */
            if (credit[i] < 1 && rule->min_points > res->months_short)
                res->months_short = rule->min_points;
        }
        assess_msg_share(x, pm, w, i, volume);
        msg_append(x->a, trace, "programs", pm);
    }
    res->trace = trace;
    assess_set_weighted(res, any, credit, w, x->nprogs);
}
