/*
 * assess_trend.c — trend rules: a KPI is not getting worse.
 *
 * For each program in scope, the least-squares slope of the metric over
 * the months of the window that have data (x = month number, y = value):
 *   slope = sum((x - mean x)(y - mean y)) / sum((x - mean x)^2).
 * It passes when the slope is not in the worse direction by more than
 * the rule's tolerance (units per month).  A program with fewer than
 * min-points months of data has no trend to judge and counts 0 (missing
 * data never passes).  Score = share of programs passing; no-data when
 * no program has enough data.
 */
#include <math.h>
#include <string.h>

#include "assess_internal.h"
#include "copcgap/metric.h"

void assess_eval_trend(struct assess_ctx *x, size_t req,
                       struct rule_result *res)
{
    const struct rule *rule = res->rule;
    size_t n, i;
    const int *progs = assess_rule_programs(x, req, res, &n);
    int months = assess_rule_months(x, rule), any = 0;
    int better = rule->better >= 0 ? rule->better
                                   : catalog_metric_better(x->c, rule->metric);
    cg_month end = x->r->window_end, start = end - months + 1, m;
    struct strbuf summary = STRBUF_INIT;
    double passed = 0;

    if (!progs)
        return;
    for (i = 0; i < n; i++) {
        const struct program *pg = &x->p->programs[progs[i]];
        double sx = 0, sy = 0, sxx = 0, sxy = 0, slope, worse;
        int k = 0, ok;
        for (m = start; m <= end; m++) {
            const struct kpi_entry *e = kpi_store_get(x->o->kpis, progs[i],
                                                      rule->metric, m);
            double xi = (double)(m - start);
            if (!e)
                continue;
            k++;
            sx += xi;
            sy += e->value;
            sxx += xi * xi;
            sxy += xi * e->value;
            assess_detail(x, res, "%s %s %s = %s", rule->metric, pg->id,
                          assess_month(x, m), assess_num(x, e->value));
        }
        if (summary.len)
            strbuf_adds(&summary, "; ");
        if (k < rule->min_points || k < 2) {
            strbuf_printf(&summary, "%s: %d month%s with data, %d needed",
                          pg->id, k, k == 1 ? "" : "s", rule->min_points);
            if (rule->min_points - k > res->months_short)
                res->months_short = rule->min_points - k;
            continue;
        }
        any = 1;
        /* Same formula as the header comment, in sums. */
        slope = (sxy - sx * sy / k) / (sxx - sx * sx / k);
        worse = better == BETTER_LOWER ? slope : -slope;
        ok = worse <= rule->tolerance + 1e-12;
        if (ok)
            passed += 1;
        else if (rule->min_points > res->months_short)
            /* A turned trend shows only over min-points new months. */
            res->months_short = rule->min_points;
        strbuf_printf(&summary, "%s: slope %s%s per month over %d months, "
                      "%s", pg->id, slope > 0 ? "+" : "",
                      assess_num(x, round(slope * 1e4) / 1e4), k,
                      ok ? "not worse" : "getting worse");
        if (!ok && rule->tolerance > 0)
            strbuf_printf(&summary, " (beyond %s)",
                          assess_num(x, rule->tolerance));
    }
    assess_trace(x, res, "%s trend, %s is better, %s..%s: %s", rule->metric,
                 better == BETTER_LOWER ? "lower" : "higher",
                 assess_month(x, start), assess_month(x, end),
                 strbuf_cstr(&summary));
    assess_set_mean(res, any, passed, n);
    strbuf_free(&summary);
}
