/*
 * assess_pst.c — the performance summary table (report.h, struct
 * pst_row): one line per metric rule and program it covers, in the form
 * COPC auditors work from, with the metric's class, the target, the
 * window, the months at target, the trend and the result.
 *
 * Everything but the trend comes from the metric rule's own outcome for
 * the program (assess_metric.c), so the table and the rule can never
 * disagree.  The trend is the trend rules' test (assess_trend_test) in
 * both directions with no tolerance, over the rule's window: "better" or
 * "worse" only when significant at the scoring's trend-confidence.
 */
#include <string.h>

#include "assess_internal.h"
#include "copcgap/metric.h"

static enum pst_trend trend_of(struct assess_ctx *x, const struct rule *rule,
                               int prog, int months, double *slope)
{
    double mx[64], my[64], conf = x->c->scoring.trend_confidence;
    int better = catalog_metric_better(x->c, rule->metric), k = 0;
    cg_month end = x->r->window_end, start = end - months + 1, m;
    struct trend_test down, up;

    for (m = start; m <= end && k < 64; m++) {
        const struct kpi_entry *e = kpi_store_get(x->o->kpis, prog,
                                                  rule->metric, m);
        if (!e)
            continue;
        mx[k] = (double)(m - start);
        my[k] = e->value;
        k++;
    }
    *slope = 0;
    if (k < 3)
        return PST_TREND_FEW;
    /* "Worse" for a metric where higher is better is a falling line. */
    assess_trend_test(mx, my, k, BETTER_HIGHER, 0, conf, &down);
    assess_trend_test(mx, my, k, BETTER_LOWER, 0, conf, &up);
    *slope = down.slope;
    if (down.verdict == TREND_WORSE || down.verdict == TREND_WORSE_EXACT)
        return better == BETTER_NONE ? PST_TREND_DOWN
             : better == BETTER_LOWER ? PST_TREND_BETTER : PST_TREND_WORSE;
    if (up.verdict == TREND_WORSE || up.verdict == TREND_WORSE_EXACT)
        return better == BETTER_NONE ? PST_TREND_UP
             : better == BETTER_LOWER ? PST_TREND_WORSE : PST_TREND_BETTER;
    return PST_TREND_STEADY;
}

static int at_target(struct assess_ctx *x, const struct rule *rule, int prog,
                     const struct target_used *t, int months)
{
    cg_month end = x->r->window_end, m;
    int n = 0;

    if (!t->found)
        return 0;
    for (m = end - months + 1; m <= end; m++) {
        const struct kpi_entry *e = kpi_store_get(x->o->kpis, prog,
                                                  rule->metric, m);
        n += e && cmp_op_eval(t->op, e->value, t->value);
    }
    return n;
}

void assess_build_pst(struct assess_ctx *x)
{
    struct report *r = x->r;
    size_t i, j, k, n = 0;

    for (i = 0; i < x->c->nreqs; i++)
        for (j = 0; j < r->reqs[i].nrules; j++)
            if (r->reqs[i].rules[j].outcomes)
                n += r->reqs[i].rules[j].nprograms;
    r->pst = arena_calloc(x->a, n + 1, sizeof *r->pst);
    r->npst = 0;
    for (i = 0; i < x->c->nreqs; i++) {
        const struct req_result *rr = &r->reqs[i];
        if (rr->status == REQ_NA)
            continue;
        for (j = 0; j < rr->nrules; j++) {
            const struct rule_result *res = &rr->rules[j];
            if (!res->outcomes || res->status == RS_NA)
                continue;
            for (k = 0; k < res->nprograms; k++) {
                const struct program_outcome *oc = &res->outcomes[k];
                struct pst_row *row = &r->pst[r->npst++];
                row->req = i;
                row->rule = j;
                row->program = res->programs[k];
                row->metric = res->rule->metric;
                row->metric_class = catalog_metric_class(x->c, row->metric);
                row->target = oc->target;
                row->mode = res->rule->mode;
                row->win_end = r->window_end;
                row->months = oc->months;
                row->required = oc->required;
                row->at_target = at_target(x, res->rule, row->program,
                                           &oc->target, oc->months);
                row->with_data = oc->nvalues;
                row->trend = trend_of(x, res->rule, row->program, oc->months,
                                      &row->slope);
                row->result = oc->nvalues == 0 ? PST_NO_DATA
                            : !oc->target.found ? PST_NO_TARGET
                            : oc->credit >= 1 - 1e-9 ? PST_PASS : PST_FAIL;
            }
        }
    }
}
