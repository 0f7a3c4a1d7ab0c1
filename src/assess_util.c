/*
 * assess_util.c — what the rule evaluators (assess_*.c) and the driver
 * share: the programs a rule covers, window lengths, trace and detail
 * lines, and how a score becomes a status.
 */
#include <stdarg.h>
#include <string.h>

#include "assess_internal.h"
#include "copcgap/kpi.h"

cg_month assess_window_end(cg_day as_of)
{
    cg_month m = date_month(as_of);
    /* A month is complete only once its last day is in the data. */
    return as_of == month_last_day(m) ? m : m - 1;
}

size_t assess_programs(const struct assess_ctx *x,
                       const struct requirement *req,
                       const struct rule *rule, int *out)
{
    size_t i, n = 0;

    for (i = 0; i < x->p->nprograms; i++) {
        channel_mask bit = 1u << x->p->programs[i].channel;
        if (req->applies_channels && !(req->applies_channels & bit))
            continue;
        if (rule->channels && !(rule->channels & bit))
            continue;
        out[n++] = (int)i;
    }
    return n;
}

const int *assess_rule_programs(struct assess_ctx *x, size_t req,
                                struct rule_result *res, size_t *n)
{
    int *progs = arena_calloc(x->a, x->p->nprograms + 1, sizeof *progs);

    *n = assess_programs(x, &x->c->reqs[req], res->rule, progs);
    if (*n == 0) {
        res->status = RS_NA;
        assess_trace(x, res, "no program on the channels this rule covers");
        return NULL;
    }
    return progs;
}

int assess_rule_months(const struct assess_ctx *x, const struct rule *rule)
{
    if (rule->type == RULE_METRIC || rule->type == RULE_SAMPLE) {
        if (rule->mode == WIN_LATEST)
            return 1;
    }
    return rule->months ? rule->months : x->c->scoring.window_months;
}

void assess_detail(struct assess_ctx *x, struct rule_result *res,
                   const char *fmt, ...)
{
    va_list ap;

    if (res->ndetails == res->details_cap) {
        size_t cap = res->details_cap ? res->details_cap * 2 : 8;
        const char **v = arena_alloc(x->a, cap * sizeof *v);
        if (res->ndetails)
            memcpy(v, res->details, res->ndetails * sizeof *v);
        res->details = v;
        res->details_cap = cap;
    }
    va_start(ap, fmt);
    res->details[res->ndetails++] = arena_vprintf(x->a, fmt, ap);
    va_end(ap);
}

void assess_trace(struct assess_ctx *x, struct rule_result *res,
                  const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    res->trace = arena_vprintf(x->a, fmt, ap);
    va_end(ap);
}

void assess_set_score(struct rule_result *res, double score)
{
    res->score = score;
    if (score >= 1.0 - 1e-12) {
        res->status = RS_PASS;
        res->score = 1.0;
    } else if (score <= 1e-12) {
        res->status = RS_FAIL;
        res->score = 0.0;
    } else {
        res->status = RS_PARTIAL;
    }
}

void assess_set_mean(struct rule_result *res, int any, double credit_sum,
                     size_t nprograms)
{
    if (!any)
        res->status = RS_NO_DATA;
    else
        assess_set_score(res, credit_sum / (double)nprograms);
}

const char *assess_num(struct assess_ctx *x, double v)
{
    char buf[64];
    kpi_format_value(v, buf, sizeof buf);
    return arena_strdup(x->a, buf);
}

const char *assess_month(struct assess_ctx *x, cg_month m)
{
    char buf[MONTH_BUF];
    month_format(m, buf);
    return arena_strdup(x->a, buf);
}

const char *assess_date(struct assess_ctx *x, cg_day d)
{
    char buf[DATE_BUF];
    date_format(d, buf);
    return arena_strdup(x->a, buf);
}

const char *assess_program_id(const struct assess_ctx *x, int program)
{
    return program < 0 ? "site-wide" : x->p->programs[program].id;
}

