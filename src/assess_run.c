/*
 * assess_run.c — the engine's driver: evaluate each rule of each
 * applicable requirement, then score.  What the evaluators share
 * (programs in scope, windows, trace and detail lines) is in
 * assess_util.c, below both.
 */
#include <string.h>

#include "assess_internal.h"

static int evaluate(struct assess_ctx *x, size_t req, struct rule_result *res)
{
    switch (res->rule->type) {
    case RULE_EVIDENCE: assess_eval_evidence(x, req, res); return 1;
    case RULE_FINDING: assess_eval_finding(x, req, res); return 1;
    case RULE_METRIC: assess_eval_metric(x, req, res); return 1;
    case RULE_TREND: assess_eval_trend(x, req, res); return 1;
    case RULE_SAMPLE: assess_eval_sample(x, req, res); return 1;
    case RULE_CADENCE: assess_eval_cadence(x, req, res); return 1;
    case RULE_CHECK: return assess_eval_check(x, req, res);
    default: return 1;
    }
}

/*
 * Which programs a rule covers, decided once for every rule type: the
 * programs whose channel both the requirement and the rule allow.  A
 * rule covering none is n/a (a finding rule on the chat channel of a
 * voice-only site is not a gap).
 */
/* The profile excludes this requirement (or its item or category) for
 * one program only. */
static int excluded_for(const struct assess_ctx *x,
                        const struct requirement *req, int prog)
{
    const struct catalog *c = x->c;
    return profile_excluded_for(x->p, req->id, prog) ||
           (req->item != SIZE_MAX &&
            profile_excluded_for(x->p, c->items[req->item].id, prog)) ||
           profile_excluded_for(x->p, c->categories[req->category].id, prog);
}

static int cover(struct assess_ctx *x, size_t req, struct rule_result *res)
{
    int *progs = arena_calloc(x->a, x->p->nprograms + 1, sizeof *progs);
    size_t i, n;

    n = assess_programs(x->p, &x->c->reqs[req], res->rule, progs);
    res->nprograms = 0;
    for (i = 0; i < n; i++)
        if (!excluded_for(x, &x->c->reqs[req], progs[i]))
            progs[res->nprograms++] = progs[i];
    res->programs = progs;
    x->progs = progs;
    x->nprogs = res->nprograms;
    if (res->nprograms == 0) {
        res->status = RS_NA;
        res->trace = assess_msg(x, "trace.na.no_program");
        return 0;
    }
    return 1;
}

/* Integrity problems are the register's, whatever reads the row: a
 * changed or missing file shows in the evidence index even when no rule
 * asks for it. */
static void note_integrity(struct report *r, const struct orgdata *o)
{
    size_t i;

    for (i = 0; i < o->nevidence; i++) {
        unsigned problems;
        assess_evidence_valid(&o->evidence[i], 0, 0, VALID_AGE,
                              r->profile->as_of,
                              &problems);
        r->evidence[i].flags |= problems & (EVF_CHANGED | EVF_MISSING);
        /* A row too old for one rule but counted by another (monthly
         * minutes for a six-month rule and a latest-review rule) is not
         * stale. */
        if (r->evidence[i].flags & EVF_COUNTED)
            r->evidence[i].flags &= ~(unsigned)EVF_STALE;
        /* Valid today, gone by the audit: renew it first. */
        if ((r->evidence[i].flags & EVF_COUNTED) &&
            o->evidence[i].has_expires && r->profile->has_target_audit &&
            o->evidence[i].expires >= r->profile->as_of &&
            o->evidence[i].expires < r->profile->target_audit)
            r->evidence[i].flags |= EVF_EXPIRING;
        if (r->evidence[i].flags & EVF_PROBLEMS)
            r->evidence_problems++;
    }
}

int assess_run(struct report *r, const struct orgdata *o,
               struct cg_errors *errs)
{
    struct assess_ctx x;
    size_t i, j;
    int ok = 1;

    memset(&x, 0, sizeof x);
    x.r = r;
    x.c = r->catalog;
    x.p = r->profile;
    x.o = o;
    x.a = r->arena;
    x.errs = errs;
    r->org = o;
    r->window_end = assess_window_end(r->profile->as_of);
    r->window_months = r->catalog->scoring.window_months;
    r->nevidence = o->nevidence;
    r->evidence = arena_calloc(r->arena, o->nevidence + 1,
                               sizeof *r->evidence);
    for (i = 0; i < o->nevidence; i++)
        r->evidence[i].ev = &o->evidence[i];
    assess_index_rows(&x);

    for (i = 0; i < x.c->nreqs; i++) {
        struct req_result *rr = &r->reqs[i];
        if (rr->status == REQ_NA)
            continue;
        for (j = 0; j < rr->nrules; j++) {
            struct rule_result *res = &rr->rules[j];
            res->status = RS_NO_DATA;
            res->score = 0;
            if (cover(&x, i, res) && !evaluate(&x, i, res))
                ok = 0;
        }
    }
    note_integrity(r, o);
    report_build_sources(r);
    assess_score(r);
    report_build_series(r);
    assess_build_pst(&x);
    return ok;
}
