/*
 * assess_metric.c — metric and sample rules over a window of months.
 *
 * Window: the last `months` complete months ending at the report's
 * window_end (assess_window_end).  For each program in scope, each
 * month's value is compared with the target: pass, fail, or no-data when
 * the month has no value (never silently a pass or a fail).
 *
 * Credit per program: each / at-least / latest modes: min(1, months
 * passing / months required) (required = every month, `at-least`, or 1);
 * mean mode: 1 when the mean of the months with data meets the target,
 * else 0.  A program with values but no target (none in the profile, no
 * default in the catalogue) fails: "no target set".  Rule score = mean
 * credit over programs; pass when every program passes; no-data when no
 * program-month has data.  With `each`, this is exactly the share of
 * program-months passing.
 *
 * Sample rules judge each program-month's achieved margin of error
 * against max-moe the same way, and give the required sample size in the
 * details: n = ceil(n0 / (1 + (n0 - 1) / N)), n0 = z^2 p (1 - p) / e^2
 * (docs/kpis.md, "Sample size").
 */
#include <math.h>
#include <string.h>

#include "assess_internal.h"

/* Per-program tally over the window. */
struct window {
    int required;
    int pass, fail, nodata;
    double sum;
    int nvalues;
    unsigned char ok[64];       /* month i (0 = oldest) passed */
};

static int required_months(const struct rule *rule, int months)
{
    switch (rule->mode) {
    case WIN_AT_LEAST: return rule->at_least;
    case WIN_LATEST: return 1;
    default: return months;
    }
}

/* Months of conforming data a program still has to show. */
static void note_short(struct rule_result *res, int months)
{
    if (months > res->months_short)
        res->months_short = months;
}

int assess_months_to_pass(const unsigned char *ok, int months, int required)
{
    int d, i;

    /* After d more good months the window holds them and the newest
     * months - d of today's; find the smallest d that is enough. */
    for (d = 0; d < months; d++) {
        int good = d;
        for (i = d; i < months; i++)
            good += ok[i] != 0;
        if (good >= required)
            return d;
    }
    return months;
}

static struct msg *month_detail(struct assess_ctx *x, const char *key,
                                const struct rule *rule,
                                const struct program *pg, cg_month m)
{
    struct msg *d = assess_msg(x, key);
    catalog_msg_metric(x->a, x->c, d, "metric", rule->metric);
    msg_id(x->a, d, "metric_id", rule->metric);
    msg_id(x->a, d, "program", pg->id);
    msg_month(x->a, d, "month", m);
    return d;
}

/* One program of a metric rule.  Returns its credit; *had_data set when
 * the program has any value in the window. */
static double metric_program(struct assess_ctx *x, struct rule_result *res,
                             int prog, int months, struct msg **out,
                             int *had_data, struct program_outcome *oc)
{
    const struct rule *rule = res->rule;
    const struct program *pg = &x->p->programs[prog];
    struct target_used t = assess_target(rule, pg);
    cg_month end = x->r->window_end, m;
    struct window w;
    struct msg *sum;
    double credit = 0;

    memset(&w, 0, sizeof w);
    w.required = required_months(rule, months);
    sum = assess_msg(x, "trace.metric.each");
    msg_list(x->a, sum, "below");
    for (m = end - months + 1; m <= end; m++) {
        const struct kpi_entry *e = kpi_store_get(x->o->kpis, prog,
                                                  rule->metric, m);
        struct msg *d;
        int holds;
        w.ok[m - (end - months + 1)] = 0;
        if (!e) {
            w.nodata++;
            assess_detail(x, res, month_detail(x, "detail.metric.nodata",
                                               rule, pg, m));
            continue;
        }
        w.nvalues++;
        w.sum += e->value;
        if (!t.found) {
            d = month_detail(x, "detail.metric.unjudged", rule, pg, m);
            msg_num(x->a, d, "value", e->value);
            assess_detail(x, res, d);
            continue;
        }
        holds = cmp_op_eval(t.op, e->value, t.value);
        d = month_detail(x, "detail.metric.month", rule, pg, m);
        msg_num(x->a, d, "value", e->value);
        assess_msg_target(x, d, &t, holds);
        assess_detail(x, res, d);
        if (holds) {
            w.pass++;
            w.ok[m - (end - months + 1)] = 1;
        } else {
            struct msg *b = assess_msg(x, "trace.metric.below");
            w.fail++;
            msg_month(x->a, b, "month", m);
            msg_num(x->a, b, "value", e->value);
            msg_append(x->a, sum, "below", b);
        }
    }
    *had_data = w.nvalues > 0;
    oc->target = t;
    oc->months = months;
    oc->required = rule->mode == WIN_MEAN ? 0 : w.required;
    oc->pass = w.pass;
    oc->nvalues = w.nvalues;
    oc->mean = w.nvalues ? w.sum / w.nvalues : 0;
    /* A program with values but no target fails: nothing says what
     * good is, which an auditor counts against the site (docs/scoring.md).
     * Without values either, it is simply no data. */
    if (!t.found) {
        sum = assess_msg(x, w.nvalues ? "trace.metric.no_target"
                                      : "trace.metric.program_nodata");
        msg_id(x->a, sum, "program", pg->id);
        catalog_msg_metric(x->a, x->c, sum, "metric", rule->metric);
        note_short(res, w.required);
        *out = sum;
        return 0;
    }
    if (rule->mode == WIN_MEAN) {
        if (w.nvalues) {
            double mean = w.sum / w.nvalues;
            int ok = cmp_op_eval(t.op, mean, t.value);
            credit = ok ? 1 : 0;
            /* A mean is only sure to recover over a whole new window. */
            if (!ok)
                note_short(res, months);
            sum = assess_msg(x, "trace.metric.mean");
            msg_num(x->a, sum, "mean", mean);
            msg_int(x->a, sum, "months", w.nvalues);
            assess_msg_target(x, sum, &t, ok);
        } else {
            sum = assess_msg(x, "trace.metric.program_nodata");
            note_short(res, months);
        }
    } else {
        note_short(res, assess_months_to_pass(w.ok, months, w.required));
        credit = (double)w.pass / (double)w.required;
        if (credit > 1)
            credit = 1;
        if (rule->mode == WIN_AT_LEAST)
            sum->key = "trace.metric.at_least";
        msg_int(x->a, sum, "pass", w.pass);
        msg_int(x->a, sum, "months", months);
        msg_int(x->a, sum, "required", w.required);
        msg_int(x->a, sum, "nodata", w.nodata);
        assess_msg_target(x, sum, &t, 1);
    }
    msg_id(x->a, sum, "program", pg->id);
    *out = sum;
    return credit;
}

void assess_eval_metric(struct assess_ctx *x, size_t req,
                        struct rule_result *res)
{
    const struct rule *rule = res->rule;
    int months = assess_rule_months(x, rule), any = 0, volume;
    struct msg *trace = assess_msg(x, "trace.metric");
    double *credit = arena_calloc(x->a, x->nprogs + 1, sizeof *credit);
    double *w = arena_calloc(x->a, x->nprogs + 1, sizeof *w);
    size_t i;

    (void)req;
    catalog_msg_metric(x->a, x->c, trace, "metric", rule->metric);
    msg_id(x->a, trace, "metric_id", rule->metric);
    msg_sub(x->a, trace, "window", assess_window_msg(x, rule, months));
    msg_list(x->a, trace, "programs");
    volume = assess_weights(x, rule, rule->metric, months, w);
    res->outcomes = arena_calloc(x->a, x->nprogs + 1, sizeof *res->outcomes);
    for (i = 0; i < x->nprogs; i++) {
        struct msg *pm = NULL;
        int had;
        credit[i] = metric_program(x, res, x->progs[i], months, &pm, &had,
                                   &res->outcomes[i]);
        res->outcomes[i].credit = credit[i];
        any |= had;
        assess_msg_share(x, pm, w, i, volume);
        msg_append(x->a, trace, "programs", pm);
    }
    res->trace = trace;
    assess_set_weighted(res, any, credit, w, x->nprogs);
}

/* ------------------------------------------------------------ sample */

/* Answered contacts N of a program-month, from offered and abandon
 * rate (answered = offered - abandoned after the short-abandon time);
 * 0 when unknown. */
static double answered(const struct assess_ctx *x, int prog, cg_month m)
{
    const struct kpi_entry *off = kpi_store_get(x->o->kpis, prog, "offered",
                                                m);
    const struct kpi_entry *ab = kpi_store_get(x->o->kpis, prog,
                                               "abandon_rate", m);
    if (!off || !ab)
        return 0;
    return off->value - round(off->value * ab->value / 100.0);
}

long assess_required_sample(double z, double p, double e, double N)
{
    double n0 = z * z * p * (1 - p) / (e * e), n;
    if (N > 0)
        n = n0 / (1 + (n0 - 1) / N);
    else
        n = n0;
    /* Guard against 1253.0000000001 becoming 1254. */
    return (long)ceil(n - 1e-9);
}

/*
 * The largest margin of error allowed for a program: max-moe, or with
 * relative-to, fraction x (100 - the program's target for that accuracy
 * metric): a 98 % target leaves 2 points of error, and a measurement
 * wider than that cannot tell a program at target from one below it.
 * 0 when relative and the program has no target (nor max-moe).
 */
static double moe_limit(const struct rule *rule, const struct program *pg)
{
    const struct target *t;

    if (!rule->relative_to)
        return rule->max_moe;
    t = program_target(pg, rule->relative_to);
    if (t && t->value < 100)
        return rule->fraction * (100 - t->value);
    return rule->max_moe;
}

void assess_eval_sample(struct assess_ctx *x, size_t req,
                        struct rule_result *res)
{
    const struct rule *rule = res->rule;
    int months = assess_rule_months(x, rule), required, any = 0, volume;
    cg_month end = x->r->window_end, m;
    struct msg *trace = assess_msg(x, "trace.sample");
    double *credit = arena_calloc(x->a, x->nprogs + 1, sizeof *credit);
    double *w = arena_calloc(x->a, x->nprogs + 1, sizeof *w);
    size_t i;

    (void)req;
    required = required_months(rule, months);
    catalog_msg_metric(x->a, x->c, trace, "metric", rule->metric);
    msg_id(x->a, trace, "metric_id", rule->metric);
    if (rule->relative_to) {
        trace->key = "trace.sample.relative";
        msg_num(x->a, trace, "fraction", rule->fraction);
        catalog_msg_metric(x->a, x->c, trace, "relative_to", rule->relative_to);
    } else {
        msg_num(x->a, trace, "max", rule->max_moe);
    }
    msg_sub(x->a, trace, "window", assess_window_msg(x, rule, months));
    msg_list(x->a, trace, "programs");
    volume = assess_weights(x, rule, rule->metric, months, w);
    for (i = 0; i < x->nprogs; i++) {
        const struct program *pg = &x->p->programs[x->progs[i]];
        double limit = moe_limit(rule, pg), e = limit / 100.0;
        unsigned char ok[64] = { 0 };   /* month i (0 = oldest) passed */
        int pass = 0, nodata = 0, values = 0;
        struct msg *pm;
        for (m = end - months + 1; m <= end; m++) {
            const struct kpi_entry *moe = kpi_store_get(
                x->o->kpis, x->progs[i], rule->metric, m);
            const struct kpi_entry *acc = kpi_store_get(
                x->o->kpis, x->progs[i],
                rule->relative_to ? rule->relative_to : "euc_accuracy", m);
            struct msg *d;
            double p, N;
            int holds;
            if (!moe) {
                nodata++;
                assess_detail(x, res, month_detail(
                    x, "detail.metric.nodata", rule, pg, m));
                continue;
            }
            any = 1;
            values++;
            if (limit <= 0)
                continue;           /* no target: judged below */
            p = rule->expected_p > 0 ? rule->expected_p
                : acc ? acc->value / 100.0 : 0.5;
            if (p <= 0 || p >= 1)
                p = 0.5;    /* no spread observed: plan for the worst */
            N = answered(x, x->progs[i], m);
            holds = moe->value <= limit + 1e-9;
            if (holds) {
                pass++;
                ok[m - (end - months + 1)] = 1;
            }
            d = month_detail(x, "detail.sample.month", rule, pg, m);
            msg_num(x->a, d, "value", moe->value);
            msg_key(x->a, d, "op", holds ? "op.le" : "op.gt");
            msg_num(x->a, d, "max", limit);
            if (moe->n >= 0)
                msg_int(x->a, d, "evaluations", moe->n);
            msg_num(x->a, d, "p", p);
            msg_num(x->a, d, "z", rule->z);
            if (N > 0)
                msg_num(x->a, d, "population", N);
            msg_int(x->a, d, "need",
                    assess_required_sample(rule->z, p, e, N));
            assess_detail(x, res, d);
        }
        if (limit <= 0) {
            /* Relative to a target the program does not set. */
            pm = assess_msg(x, values ? "trace.metric.no_target"
                                      : "trace.metric.program_nodata");
            catalog_msg_metric(x->a, x->c, pm, "metric", rule->relative_to);
            note_short(res, required);
            credit[i] = 0;
        } else {
            note_short(res, assess_months_to_pass(ok, months, required));
            credit[i] = (double)pass / (double)required;
            if (credit[i] > 1)
                credit[i] = 1;
            pm = assess_msg(x, "trace.sample.program");
            msg_int(x->a, pm, "pass", pass);
            msg_int(x->a, pm, "required", required);
            msg_num(x->a, pm, "max", limit);
            msg_int(x->a, pm, "nodata", nodata);
        }
        msg_id(x->a, pm, "program", pg->id);
        assess_msg_share(x, pm, w, i, volume);
        msg_append(x->a, trace, "programs", pm);
    }
    res->trace = trace;
    assess_set_weighted(res, any, credit, w, x->nprogs);
}
