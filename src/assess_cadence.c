/*
 * assess_cadence.c — cadence rules (catalogue.xsd <cadence>): proof that
 * a practice runs month after month, not once.
 *
 * A month of the window is covered when at least min-per-month valid
 * rows of the rule's kinds that name the requirement are dated in it
 * (valid as for evidence rules, approval required unless waived; age
 * does not matter: a row proves the month it is dated in).  Score =
 * covered months / months, per program when per-program (only that
 * program's rows), averaged over programs.  One calibration minute does
 * not pass "calibrated every month" any more.  No row of the kinds at
 * all is no-data ("not evidenced").  Months of proof still to show are
 * those until the newest uncovered month leaves the window
 * (assess_months_to_pass), which the plan adds after the fix.
 */
#include <string.h>

#include "assess_internal.h"

/* Rows per window month for one program (-1: site-wide, any row). */
static int tally(struct assess_ctx *x, size_t req, struct rule_result *res,
                 int program, int months, int *count)
{
    const struct rule *rule = res->rule;
    cg_month start = x->r->window_end - months + 1;
    size_t i, n;
    const size_t *rows = assess_req_evidence(x, req, &n);
    int offered = 0;

    memset(count, 0, (size_t)months * sizeof *count);
    for (i = 0; i < n; i++) {
        const struct evidence *ev = &x->o->evidence[rows[i]];
        unsigned problems;
        int valid;
        cg_month m = date_month(ev->dated);
        struct msg *d;
        if (!assess_kind_matches(rule, ev->kind))
            continue;
        if (program >= 0 && ev->program != program)
            continue;
        offered++;
        valid = assess_evidence_valid(ev, rule->approved, 0, VALID_AGE,
                                      x->p->as_of, &problems);
        assess_evidence_seen(x, ev, problems, valid);
        if (m < start || m > x->r->window_end)
            continue;               /* outside the window: not detailed */
        if (valid)
            count[m - start]++;
        d = assess_msg(x, program >= 0 ? "detail.evidence.program"
                                       : "detail.evidence");
        if (program >= 0)
            msg_id(x->a, d, "program", assess_program_id(x, program));
        msg_key(x->a, d, "valid", valid ? "evidence.valid"
                                        : "evidence.invalid");
        msg_sub(x->a, d, "row", assess_evidence_row(x, rule, ev, problems));
        assess_detail(x, res, d);
    }
    return offered;
}

/* Covered months, the list of missing ones, and months to show. */
static double judge(struct assess_ctx *x, struct rule_result *res,
                    const int *count, int months, struct msg *m)
{
    const struct rule *rule = res->rule;
    cg_month start = x->r->window_end - months + 1;
    unsigned char ok[64];
    int i, covered = 0, need;

    msg_list(x->a, m, "missing");
    for (i = 0; i < months; i++) {
        ok[i] = count[i] >= rule->min_count;
        covered += ok[i];
        if (!ok[i])
            msg_append(x->a, m, "missing",
                       msg_month(x->a, assess_msg(x, "plan.month"), "month",
                                 start + i));
    }
    msg_int(x->a, m, "covered", covered);
    msg_int(x->a, m, "months", months);
    need = assess_months_to_pass(ok, months, months);
    if (need > res->months_short)
        res->months_short = need;
    return (double)covered / (double)months;
}

void assess_eval_cadence(struct assess_ctx *x, size_t req,
                         struct rule_result *res)
{
    const struct rule *rule = res->rule;
    int months = assess_rule_months(x, rule), offered = 0;
    int *count = arena_calloc(x->a, (size_t)months + 1, sizeof *count);
    struct msg *trace = assess_msg(x, "trace.cadence");
    double sum = 0;
    size_t i;

    if (months > 64)
        months = 64;
    assess_msg_kinds(x, trace, rule);
    msg_int(x->a, trace, "min", rule->min_count);
    msg_month(x->a, trace, "start", x->r->window_end - months + 1);
    msg_month(x->a, trace, "end", x->r->window_end);
    msg_id(x->a, trace, "requirement", x->c->reqs[req].id);
    if (!rule->per_program) {
        offered = tally(x, req, res, -1, months, count);
        sum = judge(x, res, count, months, trace);
        res->trace = trace;
        if (offered == 0)
            res->status = RS_NO_DATA;
        else
            assess_set_score(res, sum);
        return;
    }
    trace->key = "trace.cadence.programs";
    msg_list(x->a, trace, "programs");
    for (i = 0; i < x->nprogs; i++) {
        struct msg *pm = assess_msg(x, "trace.cadence.program");
        offered += tally(x, req, res, x->progs[i], months, count);
        sum += judge(x, res, count, months, pm);
        msg_id(x->a, pm, "program", assess_program_id(x, x->progs[i]));
        msg_append(x->a, trace, "programs", pm);
    }
    res->trace = trace;
    assess_set_mean(res, offered > 0, sum, x->nprogs);
}
