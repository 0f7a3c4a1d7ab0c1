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
#include <string.h>

#include "assess_internal.h"
#include "copcgap/metric.h"

void assess_eval_trend(struct assess_ctx *x, size_t req,
                       struct rule_result *res)
{
    const struct rule *rule = res->rule;
    int months = assess_rule_months(x, rule), any = 0;
    int better = rule->better >= 0 ? rule->better
                                   : catalog_metric_better(x->c, rule->metric);
    cg_month end = x->r->window_end, start = end - months + 1, m;
    struct msg *trace = assess_msg(x, "trace.trend");
    double passed = 0;
    size_t i;

    (void)req;
    msg_term(x->a, trace, "metric", "metric.", rule->metric);
    msg_id(x->a, trace, "metric_id", rule->metric);
    msg_key(x->a, trace, "better", better == BETTER_LOWER ? "better.lower"
                                                          : "better.higher");
    msg_month(x->a, trace, "start", start);
    msg_month(x->a, trace, "end", end);
    msg_list(x->a, trace, "programs");
    for (i = 0; i < x->nprogs; i++) {
        const struct program *pg = &x->p->programs[x->progs[i]];
        double sx = 0, sy = 0, sxx = 0, sxy = 0, slope, worse;
        int k = 0, ok;
        struct msg *pm;
        for (m = start; m <= end; m++) {
            const struct kpi_entry *e = kpi_store_get(x->o->kpis, x->progs[i],
                                                      rule->metric, m);
            double xi = (double)(m - start);
            struct msg *d;
            if (!e)
                continue;
            k++;
            sx += xi;
            sy += e->value;
            sxx += xi * xi;
            sxy += xi * e->value;
            d = assess_msg(x, "detail.trend.month");
            msg_term(x->a, d, "metric", "metric.", rule->metric);
            msg_id(x->a, d, "program", pg->id);
            msg_month(x->a, d, "month", m);
            msg_num(x->a, d, "value", e->value);
            assess_detail(x, res, d);
        }
        if (k < rule->min_points || k < 2) {
            pm = assess_msg(x, "trace.trend.few");
            msg_id(x->a, pm, "program", pg->id);
            msg_int(x->a, pm, "months", k);
            msg_int(x->a, pm, "needed", rule->min_points);
            msg_append(x->a, trace, "programs", pm);
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
        pm = assess_msg(x, ok ? "trace.trend.ok" : "trace.trend.worse");
        msg_id(x->a, pm, "program", pg->id);
        msg_num(x->a, pm, "slope", slope);
        msg_int(x->a, pm, "months", k);
        if (rule->tolerance > 0)
            msg_num(x->a, pm, "tolerance", rule->tolerance);
        msg_append(x->a, trace, "programs", pm);
    }
    res->trace = trace;
    assess_set_mean(res, any, passed, x->nprogs);
}
