/*
 * assess_check.c — check rules: a boolean expression over facts
 * (expr.h), evaluated once, or once per program in scope when
 * per-program.  true = pass, false = fail, no-data = no-data; per
 * program, score = share of programs where it holds.
 *
 * The fact functions (facts.h) read the same data as the structured
 * rules: KPI values in the rule's window, program targets, valid
 * evidence rows offered for the requirement, and the profile.  A
 * run-time error (a fact called without a program, a wrong argument
 * type) is a catalogue error located at the rule.
 */
#include <math.h>
#include <string.h>

#include "assess_internal.h"
#include "copcgap/facts.h"

struct check_env {
    struct assess_ctx *x;
    size_t req;
    const struct rule *rule;
    int program;            /* -1 when evaluated site-wide */
    size_t nprograms;       /* programs in scope of the rule */
};

/*
 * The argument checks return what fact callbacks return (expr.h): 0, or
 * -1 with the message in err.
 */
static int need_string(const struct expr_value *args, size_t i,
                       const char *fn, struct strbuf *err)
{
    if (args[i].type != EV_STR) {
        strbuf_printf(err, "%s() argument %zu must be a string", fn, i + 1);
        return -1;
    }
    return 0;
}

static int need_program(const struct check_env *env, const char *fn,
                        struct strbuf *err)
{
    if (env->program < 0) {
        strbuf_printf(err, "%s() needs a program: set per-program=\"true\" "
                      "on the check", fn);
        return -1;
    }
    return 0;
}

static int need_count(const struct expr_value *args, size_t nargs, size_t i,
                      const char *fn, long *out, long def,
                      struct strbuf *err)
{
    *out = def;
    if (i >= nargs)
        return 0;
    if (args[i].type != EV_NUM || args[i].num < 0 ||
        args[i].num != floor(args[i].num) || args[i].num > 120) {
        strbuf_printf(err, "%s() argument %zu must be a whole number of "
                      "months (0-120)", fn, i + 1);
        return -1;
    }
    *out = (long)args[i].num;
    return 0;
}

/* Valid rows of a kind offered for the requirement (and the program,
 * when evaluated per program): the same predicate as evidence rules,
 * approval required, any age. */
static int valid_evidence(const struct check_env *env, const char *kind)
{
    const struct orgdata *o = env->x->o;
    int count = 0;
    size_t i, n;
    const size_t *rows = assess_req_evidence(env->x, env->req, &n);

    for (i = 0; i < n; i++) {
        const struct evidence *ev = &o->evidence[rows[i]];
        unsigned problems;
        int valid;
        if (strcmp(ev->kind, kind) != 0)
            continue;
        if (env->program >= 0 && ev->program >= 0 &&
            ev->program != env->program)
            continue;
        valid = assess_evidence_valid(ev, 1, 0, VALID_AGE, env->x->p->as_of,
                                      &problems);
        assess_evidence_seen(env->x, ev, problems, valid);
        count += valid;
    }
    return count;
}

static int call_fact(void *ctx, int id, const struct expr_value *args,
                     size_t nargs, struct expr_value *out,
                     struct strbuf *err)
{
    struct check_env *env = ctx;
    struct assess_ctx *x = env->x;
    const struct kpi_entry *e;
    long k;

    memset(out, 0, sizeof *out);
    out->type = EV_NODATA;
    switch (id) {
    case FACT_KPI:
        if (need_string(args, 0, "kpi", err) < 0 ||
            need_program(env, "kpi", err) < 0 ||
            need_count(args, nargs, 1, "kpi", &k, 0, err) < 0)
            return -1;
        e = kpi_store_get(x->o->kpis, env->program, args[0].str,
                          x->r->window_end - (cg_month)k);
        if (e) {
            out->type = EV_NUM;
            out->num = e->value;
        }
        return 0;
    case FACT_MEAN: {
        cg_month m, end = x->r->window_end;
        double sum = 0;
        int count = 0;
        if (need_string(args, 0, "mean", err) < 0 ||
            need_program(env, "mean", err) < 0 ||
            need_count(args, nargs, 1, "mean", &k,
                       assess_rule_months(x, env->rule), err) < 0)
            return -1;
        for (m = end - (cg_month)k + 1; m <= end; m++) {
            e = kpi_store_get(x->o->kpis, env->program, args[0].str, m);
            if (e) {
                sum += e->value;
                count++;
            }
        }
        if (count) {
            out->type = EV_NUM;
            out->num = sum / count;
        }
        return 0;
    }
    case FACT_TARGET: {
        const struct target *t;
        if (need_string(args, 0, "target", err) < 0 ||
            need_program(env, "target", err) < 0)
            return -1;
        t = program_target(&x->p->programs[env->program], args[0].str);
        if (t) {
            out->type = EV_NUM;
            out->num = t->value;
        }
        return 0;
    }
    case FACT_EVIDENCE:
        if (need_string(args, 0, "evidence", err) < 0)
            return -1;
        out->type = EV_NUM;
        out->num = valid_evidence(env, args[0].str);
        return 0;
    case FACT_PROGRAMS:
        out->type = EV_NUM;
        out->num = (double)env->nprograms;
        return 0;
    case FACT_CHANNEL:
        if (need_program(env, "channel", err) < 0)
            return -1;
        out->type = EV_STR;
        out->str = channel_name(x->p->programs[env->program].channel);
        return 0;
    case FACT_KIND:
        out->type = EV_STR;
        out->str = org_kind_name(x->p->kind);
        return 0;
    case FACT_HAS:
        /* has("csat"): the program has a csat value (months_ago back);
         * has(expr): the value is not no-data.  Never no-data itself,
         * so that a rule can say what to do when data is missing. */
        out->type = EV_BOOL;
        if (args[0].type != EV_STR) {
            if (nargs > 1) {
                strbuf_printf(err, "has() takes a second argument only "
                              "with a metric name");
                return -1;
            }
            out->b = args[0].type != EV_NODATA;
            return 0;
        }
        if (need_program(env, "has", err) < 0 ||
            need_count(args, nargs, 1, "has", &k, 0, err) < 0)
            return -1;
        out->b = kpi_store_get(x->o->kpis, env->program, args[0].str,
                               x->r->window_end - (cg_month)k) != NULL;
        return 0;
    default:
        strbuf_printf(err, "unknown fact function");
        return -1;
    }
}

/* What one evaluation gave. */
enum outcome { OUT_FALSE, OUT_TRUE, OUT_NODATA, OUT_ERROR };

/* Evaluate once (the expression's own trace appended to `trace`). */
static enum outcome eval_once(struct check_env *env, struct rule_result *res,
                              struct strbuf *trace)
{
    struct assess_ctx *x = env->x;
    struct expr_host host = { fact_functions, call_fact, env };
    struct strbuf err = STRBUF_INIT;
    struct expr_value v;

    if (expr_eval(res->rule->expr, &host, &v, &err, trace) != 0) {
        errors_add(x->errs, CG_ERR_INPUT, x->c->path, res->rule->line, 0,
                   "requirement %s, check %s: %s", x->c->reqs[env->req].id,
                   res->rule->id, strbuf_cstr(&err));
        strbuf_free(&err);
        return OUT_ERROR;
    }
    strbuf_free(&err);
    if (v.type == EV_NODATA)
        return OUT_NODATA;
    if (v.type != EV_BOOL) {
        struct strbuf sb = STRBUF_INIT;
        expr_value_format(&v, &sb);
        errors_add(x->errs, CG_ERR_INPUT, x->c->path, res->rule->line, 0,
                   "requirement %s, check %s: the expression gives %s, "
                   "not true or false", x->c->reqs[env->req].id,
                   res->rule->id, strbuf_cstr(&sb));
        strbuf_free(&sb);
        return OUT_ERROR;
    }
    return v.b ? OUT_TRUE : OUT_FALSE;
}

static const char *result_key(enum outcome rc)
{
    return rc == OUT_TRUE ? "check.true"
         : rc == OUT_FALSE ? "check.false" : "check.nodata";
}

int assess_eval_check(struct assess_ctx *x, size_t req,
                      struct rule_result *res)
{
    const struct rule *rule = res->rule;
    struct check_env env;
    struct msg *trace = assess_msg(x, "trace.check");
    int any = 0, ok = 1;
    double passed = 0;
    size_t i;

    memset(&env, 0, sizeof env);
    env.x = x;
    env.req = req;
    env.rule = rule;
    env.nprograms = x->nprogs;
    env.program = -1;
    msg_id(x->a, trace, "expr", expr_text(rule->expr));
    if (!rule->per_program) {
        struct strbuf sb = STRBUF_INIT;
        enum outcome rc = eval_once(&env, res, &sb);
        if (rc == OUT_ERROR)
            ok = 0;
        msg_id(x->a, trace, "eval", arena_strdup(x->a, strbuf_cstr(&sb)));
        msg_key(x->a, trace, "result", result_key(rc));
        if (rc == OUT_TRUE || rc == OUT_FALSE)
            assess_set_score(res, rc == OUT_TRUE);
        else
            res->status = RS_NO_DATA;
        strbuf_free(&sb);
        res->trace = trace;
        return ok;
    }
    trace->key = "trace.check.programs";
    msg_list(x->a, trace, "programs");
    for (i = 0; i < x->nprogs; i++) {
        struct strbuf sb = STRBUF_INIT;
        struct msg *pm = assess_msg(x, "trace.check.program"), *d;
        enum outcome rc;
        env.program = x->progs[i];
        rc = eval_once(&env, res, &sb);
        if (rc == OUT_ERROR)
            ok = 0;
        if (rc == OUT_TRUE || rc == OUT_FALSE)
            any = 1;
        if (rc == OUT_TRUE)
            passed += 1;
        d = assess_msg(x, "detail.check.program");
        msg_id(x->a, d, "program", assess_program_id(x, x->progs[i]));
        msg_id(x->a, d, "eval", arena_strdup(x->a, strbuf_cstr(&sb)));
        assess_detail(x, res, d);
        msg_id(x->a, pm, "program", assess_program_id(x, x->progs[i]));
        msg_key(x->a, pm, "result", result_key(rc));
        msg_append(x->a, trace, "programs", pm);
        strbuf_free(&sb);
    }
    res->trace = trace;
    assess_set_mean(res, any, passed, x->nprogs);
    return ok;
}
