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
 * else 0.  Rule score = mean credit over programs; pass when every
 * program passes; no-data when no program-month has data.  With `each`,
 * this is exactly the share of program-months passing.
 *
 * Sample rules judge each program-month's achieved margin of error
 * against max-moe the same way, and give the required sample size in the
 * details: n = ceil(n0 / (1 + (n0 - 1) / N)), n0 = z^2 p (1 - p) / e^2
 * (copc.md section 2, "Sample size").
 */
#include <math.h>
#include <string.h>

#include "assess_internal.h"

struct target_used {
    int found;
    enum cmp_op op;
    double value;
    const char *source;         /* "program target", ... */
};

static struct target_used resolve_target(const struct rule *rule,
                                         const struct program *pg)
{
    struct target_used t;
    const struct target *own = rule->program_target
                                   ? program_target(pg, rule->metric)
                                   : NULL;
    memset(&t, 0, sizeof t);
    if (own) {
        t.found = 1;
        t.op = own->op;
        t.value = own->value;
        t.source = "program target";
    } else if (rule->has_fixed) {
        t.found = 1;
        t.op = rule->op;
        t.value = rule->value;
        t.source = rule->program_target ? "catalogue default, no program "
                                          "target"
                                        : "catalogue target";
    }
    return t;
}

static const char *negate_symbol(enum cmp_op op)
{
    switch (op) {
    case OP_GE: return "<";
    case OP_GT: return "<=";
    case OP_LE: return ">";
    case OP_LT: return ">=";
    default: return "!=";
    }
}

/* Per-program tally over the window. */
struct window {
    int required;
    int pass, fail, nodata;
    double sum;
    int nvalues;
    struct strbuf failing;      /* "2026-07 = 78.4, ..." */
};

static void window_done(struct window *w)
{
    strbuf_free(&w->failing);
}

static int required_months(const struct rule *rule, int months)
{
    switch (rule->mode) {
    case WIN_AT_LEAST: return rule->at_least;
    case WIN_LATEST: return 1;
    default: return months;
    }
}

static const char *mode_text(struct assess_ctx *x, const struct rule *rule,
                             int months, cg_month start, cg_month end)
{
    const char *range = months == 1
        ? assess_month(x, end)
        : arena_printf(x->a, "%s..%s", assess_month(x, start),
                       assess_month(x, end));
    switch (rule->mode) {
    case WIN_AT_LEAST:
        return arena_printf(x->a, "at least %d of the %d months %s",
                            rule->at_least, months, range);
    case WIN_MEAN:
        return arena_printf(x->a, "mean of the %d months %s", months, range);
    case WIN_LATEST:
        return arena_printf(x->a, "latest month %s", range);
    default:
        return arena_printf(x->a, "each of the %d months %s", months, range);
    }
}

/* Months of conforming data a program still has to show. */
static void note_short(struct rule_result *res, int months)
{
    if (months > res->months_short)
        res->months_short = months;
}

/* One program of a metric rule.  Returns its credit; *had_data set. */
static double metric_program(struct assess_ctx *x, struct rule_result *res,
                             int prog, int months, struct strbuf *summary,
                             int *had_data)
{
    const struct rule *rule = res->rule;
    const struct program *pg = &x->p->programs[prog];
    struct target_used t = resolve_target(rule, pg);
    cg_month end = x->r->window_end, m;
    struct window w;
    double credit = 0;

    memset(&w, 0, sizeof w);
    w.required = required_months(rule, months);
    *had_data = 0;
    if (summary->len)
        strbuf_adds(summary, "; ");
    if (!t.found) {
        strbuf_printf(summary, "%s: no %s target in the profile", pg->id,
                      rule->metric);
        assess_detail(x, res, "%s %s: no target (the profile sets none and "
                      "the catalogue gives no default)", rule->metric, pg->id);
        note_short(res, required_months(rule, months));
        return 0;
    }
    for (m = end - months + 1; m <= end; m++) {
        const struct kpi_entry *e = kpi_store_get(x->o->kpis, prog,
                                                  rule->metric, m);
        const char *mon = assess_month(x, m);
        if (!e) {
            w.nodata++;
            assess_detail(x, res, "%s %s %s: no data", rule->metric, pg->id,
                          mon);
            continue;
        }
        w.nvalues++;
        w.sum += e->value;
        if (cmp_op_eval(t.op, e->value, t.value)) {
            w.pass++;
            assess_detail(x, res, "%s %s %s = %s %s %s (%s)", rule->metric,
                          pg->id, mon, assess_num(x, e->value),
                          cmp_op_symbol(t.op), assess_num(x, t.value),
                          t.source);
        } else {
            w.fail++;
            assess_detail(x, res, "%s %s %s = %s %s %s (%s)", rule->metric,
                          pg->id, mon, assess_num(x, e->value),
                          negate_symbol(t.op), assess_num(x, t.value),
                          t.source);
            strbuf_printf(&w.failing, "%s%s = %s", w.failing.len ? ", " : "",
                          mon, assess_num(x, e->value));
        }
    }
    *had_data = w.nvalues > 0;
    if (rule->mode == WIN_MEAN) {
        if (w.nvalues) {
            double mean = w.sum / w.nvalues;
            int ok = cmp_op_eval(t.op, mean, t.value);
            credit = ok ? 1 : 0;
            /* A mean is only sure to recover over a whole new window. */
            if (!ok)
                note_short(res, months);
            strbuf_printf(summary, "%s: mean %s over %d month%s %s %s (%s)",
                          pg->id, assess_num(x, mean), w.nvalues,
                          w.nvalues == 1 ? "" : "s",
                          ok ? cmp_op_symbol(t.op) : negate_symbol(t.op),
                          assess_num(x, t.value), t.source);
        } else {
            strbuf_printf(summary, "%s: no data", pg->id);
            note_short(res, months);
        }
    } else {
        if (w.pass < w.required)
            note_short(res, w.required - w.pass);
        credit = (double)w.pass / (double)w.required;
        if (credit > 1)
            credit = 1;
        if (rule->mode == WIN_AT_LEAST)
            strbuf_printf(summary, "%s: %d of %d months %s %s (%s), %d "
                          "needed", pg->id, w.pass, months,
                          cmp_op_symbol(t.op), assess_num(x, t.value),
                          t.source, w.required);
        else
            strbuf_printf(summary, "%s: %d/%d month%s %s %s (%s)", pg->id,
                          w.pass, w.required, w.required == 1 ? "" : "s",
                          cmp_op_symbol(t.op), assess_num(x, t.value),
                          t.source);
        if (w.fail)
            strbuf_printf(summary, ", below in %s", strbuf_cstr(&w.failing));
        if (w.nodata)
            strbuf_printf(summary, ", %d without data", w.nodata);
    }
    window_done(&w);
    return credit;
}

void assess_eval_metric(struct assess_ctx *x, size_t req,
                        struct rule_result *res)
{
    const struct rule *rule = res->rule;
    size_t n, i;
    const int *progs = assess_rule_programs(x, req, res, &n);
    int months = assess_rule_months(x, rule), any = 0;
    cg_month end = x->r->window_end;
    struct strbuf summary = STRBUF_INIT;
    double sum = 0;

    if (!progs)
        return;
    for (i = 0; i < n; i++) {
        int had;
        sum += metric_program(x, res, progs[i], months, &summary, &had);
        any |= had;
    }
    assess_trace(x, res, "%s, %s: %s", rule->metric,
                 mode_text(x, rule, months, end - months + 1, end),
                 strbuf_cstr(&summary));
    assess_set_mean(res, any, sum, n);
    strbuf_free(&summary);
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

void assess_eval_sample(struct assess_ctx *x, size_t req,
                        struct rule_result *res)
{
    const struct rule *rule = res->rule;
    size_t n, i;
    const int *progs = assess_rule_programs(x, req, res, &n);
    int months = assess_rule_months(x, rule), required, any = 0;
    cg_month end = x->r->window_end, m;
    struct strbuf summary = STRBUF_INIT;
    double sum = 0, e = rule->max_moe / 100.0;

    required = required_months(rule, months);
    if (!progs)
        return;
    for (i = 0; i < n; i++) {
        const struct program *pg = &x->p->programs[progs[i]];
        int pass = 0, nodata = 0;
        double credit;
        for (m = end - months + 1; m <= end; m++) {
            const struct kpi_entry *moe = kpi_store_get(x->o->kpis, progs[i],
                                                        rule->metric, m);
            const struct kpi_entry *acc = kpi_store_get(
                x->o->kpis, progs[i], "euc_accuracy", m);
            const char *mon = assess_month(x, m);
            double p, N;
            long need;
            if (!moe) {
                nodata++;
                assess_detail(x, res, "%s %s %s: no data", rule->metric,
                              pg->id, mon);
                continue;
            }
            any = 1;
            p = rule->expected_p > 0 ? rule->expected_p
                : acc ? acc->value / 100.0 : 0.5;
            if (p <= 0 || p >= 1)
                p = 0.5;    /* no spread observed: plan for the worst */
            N = answered(x, progs[i], m);
            need = assess_required_sample(rule->z, p, e, N);
            if (moe->value <= rule->max_moe)
                pass++;
            assess_detail(x, res, "%s %s %s = %s %s %s points (%s"
                          "required sample at p = %s, z = %s%s: %ld)",
                          rule->metric, pg->id, mon,
                          assess_num(x, moe->value),
                          moe->value <= rule->max_moe ? "<=" : ">",
                          assess_num(x, rule->max_moe),
                          moe->n >= 0 ? arena_printf(x->a, "%lld evaluations; ",
                                                     moe->n) : "",
                          assess_num(x, p), assess_num(x, rule->z),
                          N > 0 ? arena_printf(x->a, ", N = %s",
                                               assess_num(x, N))
                                : "",
                          need);
        }
        if (pass < required && required - pass > res->months_short)
            res->months_short = required - pass;
        credit = (double)pass / (double)required;
        if (credit > 1)
            credit = 1;
        sum += credit;
        strbuf_printf(&summary, "%s%s: %d/%d months within %s points",
                      i ? "; " : "", pg->id, pass, required,
                      assess_num(x, rule->max_moe));
        if (nodata)
            strbuf_printf(&summary, ", %d without data", nodata);
    }
    assess_trace(x, res, "%s <= %s points, %s: %s", rule->metric,
                 assess_num(x, rule->max_moe),
                 mode_text(x, rule, months, end - months + 1, end),
                 strbuf_cstr(&summary));
    assess_set_mean(res, any, sum, n);
    strbuf_free(&summary);
}
