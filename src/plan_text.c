/*
 * plan_text.c — what each SMART action says, as messages: what to change
 * (the requirement's remediation), the measurable target and the
 * evidence that will prove completion (both from the rules that do not
 * pass).  The words are the language table's (measure.*, proof.*).
 */
#include <string.h>

#include "copcgap/arena.h"
#include "copcgap/msg.h"
#include "plan_internal.h"

static void add_kinds(struct arena *a, struct msg *m, const struct rule *rule)
{
    size_t i;
    msg_list(a, m, "kinds");
    for (i = 0; i < rule->nkinds; i++)
        msg_append(a, m, "kinds",
                   msg_term(a, msg_new(a, "evidence.kind"), "kind", "kind.",
                            rule->kinds[i]));
}

/* "in each of the last 6 months", ... */
static const struct msg *window(struct report *r, const struct rule *rule)
{
    struct arena *a = r->arena;
    int months = rule->months ? rule->months
                              : r->catalog->scoring.window_months;
    struct msg *m;

    switch (rule->mode) {
    case WIN_AT_LEAST:
        m = msg_new(a, "measure.window.at_least");
        msg_int(a, m, "at_least", rule->at_least);
        break;
    case WIN_MEAN:
        m = msg_new(a, "measure.window.mean");
        break;
    case WIN_LATEST:
        m = msg_new(a, "measure.window.latest");
        break;
    default:
        m = msg_new(a, "measure.window.each");
        break;
    }
    return msg_int(a, m, "months", months);
}

static const char *const op_keys[OP_COUNT] = {
    "op.ge", "op.gt", "op.le", "op.lt", "op.eq"
};

static const struct msg *target(struct report *r, const struct rule *rule)
{
    struct arena *a = r->arena;
    struct msg *m;

    if (rule->program_target && !rule->has_fixed)
        return msg_new(a, "measure.target.program");
    m = msg_new(a, rule->program_target ? "measure.target.program_default"
                                        : "measure.target.fixed");
    msg_key(a, m, "op", op_keys[rule->op]);
    msg_num(a, m, "value", rule->value);
    msg_id(a, m, "unit", "");
    return m;
}

static void describe_rule(struct report *r, const struct requirement *req,
                          const struct rule *rule, struct msg *measure,
                          struct msg *proof)
{
    struct arena *a = r->arena;
    struct msg *m = NULL, *p = NULL;

    switch (rule->type) {
    case RULE_EVIDENCE:
        m = msg_new(a, "measure.evidence");
        msg_int(a, m, "count", rule->min_count);
        if (rule->approved)
            msg_key(a, m, "approved", "measure.approved");
        add_kinds(a, m, rule);
        if (rule->max_age_days)
            msg_int(a, m, "max_age", rule->max_age_days);
        if (rule->per_program)
            msg_key(a, m, "per_program", "measure.per_program");
        p = msg_new(a, "proof.evidence");
        add_kinds(a, p, rule);
        msg_id(a, p, "requirement", req->id);
        break;
    case RULE_FINDING:
        m = msg_new(a, "measure.finding");
        if (rule->per_program)
            msg_key(a, m, "per_program", "measure.per_program");
        p = msg_new(a, "proof.finding");
        msg_id(a, p, "requirement", req->id);
        break;
    case RULE_METRIC:
        m = msg_new(a, "measure.metric");
        catalog_msg_metric(a, r->catalog, m, "metric", rule->metric);
        msg_sub(a, m, "target", target(r, rule));
        msg_sub(a, m, "window", window(r, rule));
        p = msg_new(a, "proof.metric");
        catalog_msg_metric(a, r->catalog, p, "metric", rule->metric);
        break;
    case RULE_TREND:
        m = msg_new(a, "measure.trend");
        catalog_msg_metric(a, r->catalog, m, "metric", rule->metric);
        p = msg_new(a, "proof.metric");
        catalog_msg_metric(a, r->catalog, p, "metric", rule->metric);
        break;
    case RULE_SAMPLE:
        m = msg_new(a, rule->relative_to ? "measure.sample.relative"
                                         : "measure.sample");
        catalog_msg_metric(a, r->catalog, m, "metric", rule->metric);
        msg_num(a, m, "max", rule->max_moe);
        if (rule->relative_to) {
            catalog_msg_metric(a, r->catalog, m, "relative_to", rule->relative_to);
            msg_num(a, m, "fraction", rule->fraction);
        }
        msg_sub(a, m, "window", window(r, rule));
        p = msg_new(a, "proof.sample");
        break;
    case RULE_CADENCE:
        m = msg_new(a, "measure.cadence");
        add_kinds(a, m, rule);
        msg_int(a, m, "min", rule->min_count);
        msg_int(a, m, "months", rule->months ? rule->months
                                  : r->catalog->scoring.window_months);
        if (rule->per_program)
            msg_key(a, m, "per_program", "measure.per_program");
        p = msg_new(a, "proof.cadence");
        add_kinds(a, p, rule);
        msg_id(a, p, "requirement", req->id);
        break;
    case RULE_CHECK:
        /* The rule's own words when the catalogue gives them, rather
         * than the expression's code. */
        if (rule->label.n > 0) {
            m = msg_new(a, "measure.check.label");
            msg_i18n(a, m, "label", &rule->label);
        } else {
            m = msg_new(a, "measure.check");
            msg_id(a, m, "expr", rule->expr_text);
        }
        p = msg_new(a, "proof.check");
        break;
    default:
        return;
    }
    msg_append(a, measure, "items", m);
    msg_append(a, proof, "items", p);
}

void plan_describe(struct report *r, struct gap *g)
{
    struct arena *a = r->arena;
    const struct requirement *req = &r->catalog->reqs[g->req];
    const struct req_result *rr = g->result;
    struct msg *measure = msg_new(a, "plan.measure");
    struct msg *proof = msg_new(a, "plan.proof");
    struct msg *action;
    size_t i, n = 0;

    if (req->remediation.n > 0) {
        action = msg_new(a, "plan.action");
        msg_i18n(a, action, "text", &req->remediation);
    } else {
        action = msg_new(a, "plan.action.default");
        msg_i18n(a, action, "title", &req->title);
    }
    g->action = action;
    msg_list(a, measure, "items");
    msg_list(a, proof, "items");
    g->failing = arena_calloc(a, rr->nrules + 1, sizeof *g->failing);
    for (i = 0; i < rr->nrules; i++) {
        const struct rule_result *res = &rr->rules[i];
        if (res->status == RS_PASS || res->status == RS_NA)
            continue;
        g->failing[n++] = res;
        describe_rule(r, req, res->rule, measure, proof);
    }
    g->nfailing = n;
    g->measure = measure;
    g->proof = proof;
}
