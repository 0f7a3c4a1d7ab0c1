/*
 * plan_text.c — the words of each SMART action: what to change (the
 * requirement's remediation), the measurable target and the evidence
 * that will prove completion (both from the rules that do not pass), in
 * the report's language.
 */
#include <string.h>

#include "copcgap/arena.h"
#include "plan_internal.h"

/* English or Spanish wording of one phrase. */
#define T(r, en, es) (strcmp((r)->lang, "es") == 0 ? (es) : (en))

static const char *kinds_text(struct report *r, const struct rule *rule)
{
    struct strbuf sb = STRBUF_INIT;
    const char *s;
    size_t i;
    for (i = 0; i < rule->nkinds; i++)
        strbuf_printf(&sb, "%s%s", i ? (i + 1 == rule->nkinds
                                             ? T(r, " or ", " o ") : ", ")
                                     : "", rule->kinds[i]);
    s = arena_strdup(r->arena, strbuf_cstr(&sb));
    strbuf_free(&sb);
    return s;
}

static const char *window_text(struct report *r, const struct rule *rule)
{
    int m = rule->months ? rule->months : r->catalog->scoring.window_months;
    switch (rule->mode) {
    case WIN_AT_LEAST:
        return arena_printf(r->arena, T(r, "in at least %d of the last %d "
                                        "months", "en al menos %d de los "
                                        "últimos %d meses"),
                            rule->at_least, m);
    case WIN_MEAN:
        return arena_printf(r->arena, T(r, "on average over the last %d "
                                        "months", "en promedio de los "
                                        "últimos %d meses"), m);
    case WIN_LATEST:
        return T(r, "in the latest month", "en el último mes");
    default:
        return arena_printf(r->arena, T(r, "in each of the last %d months",
                                        "en cada uno de los últimos %d "
                                        "meses"), m);
    }
}

static const char *target_text(struct report *r, const struct rule *rule)
{
    if (rule->program_target && rule->has_fixed)
        return arena_printf(r->arena, T(r, "the program's target (default "
                                        "%s %g)", "la meta del programa "
                                        "(por defecto %s %g)"),
                            cmp_op_symbol(rule->op), rule->value);
    if (rule->program_target)
        return T(r, "the program's target", "la meta del programa");
    return arena_printf(r->arena, "%s %g", cmp_op_symbol(rule->op),
                        rule->value);
}

static void describe_rule(struct report *r, const struct requirement *req,
                          const struct rule *rule, struct strbuf *measure,
                          struct strbuf *proof)
{
    const char *sep_m = measure->len ? "; " : "";
    const char *sep_p = proof->len ? "; " : "";

    switch (rule->type) {
    case RULE_EVIDENCE:
        strbuf_printf(measure, "%s%d %s%s %s%s",
                      sep_m, rule->min_count,
                      rule->approved ? T(r, "approved ", "aprobado(s) ") : "",
                      kinds_text(r, rule),
                      rule->max_age_days
                          ? arena_printf(r->arena, T(r, "dated within %d days",
                                                     "con fecha de hace no "
                                                     "más de %d días"),
                                         rule->max_age_days)
                          : T(r, "in date", "vigente(s)"),
                      rule->per_program ? T(r, " for each program",
                                            " para cada programa") : "");
        strbuf_printf(proof, T(r, "%sevidence.csv rows of kind %s naming %s",
                               "%sfilas de evidence.csv de tipo %s que "
                               "citen %s"),
                      sep_p, kinds_text(r, rule), req->id);
        break;
    case RULE_FINDING:
        strbuf_printf(measure, T(r, "%san assessor finding of met%s",
                                 "%sun hallazgo del evaluador «met»%s"),
                      sep_m, rule->per_program ? T(r, " for each program",
                                                   " para cada programa")
                                               : "");
        strbuf_printf(proof, T(r, "%sa findings.csv row for %s after a "
                               "walk-through", "%suna fila de findings.csv "
                               "para %s tras la revisión en sitio"),
                      sep_p, req->id);
        break;
    case RULE_METRIC:
        strbuf_printf(measure, T(r, "%s%s at %s %s, for every program in "
                                 "scope", "%s%s en %s %s, para cada programa "
                                 "del alcance"),
                      sep_m, rule->metric, target_text(r, rule),
                      window_text(r, rule));
        strbuf_printf(proof, T(r, "%smonthly %s values (raw data or "
                               "metrics.csv)", "%svalores mensuales de %s "
                               "(datos crudos o metrics.csv)"),
                      sep_p, rule->metric);
        break;
    case RULE_TREND:
        strbuf_printf(measure, T(r, "%s%s not getting worse over the window",
                                 "%s%s sin empeorar en la ventana"),
                      sep_m, rule->metric);
        strbuf_printf(proof, T(r, "%smonthly %s values", "%svalores "
                               "mensuales de %s"), sep_p, rule->metric);
        break;
    case RULE_SAMPLE:
        strbuf_printf(measure, T(r, "%smonitoring margin of error (%s) at "
                                 "most %g points %s", "%smargen de error del "
                                 "monitoreo (%s) de %g puntos como máximo "
                                 "%s"),
                      sep_m, rule->metric, rule->max_moe,
                      window_text(r, rule));
        strbuf_printf(proof, T(r, "%sqa.csv evaluations in sufficient number",
                               "%sevaluaciones en qa.csv en número "
                               "suficiente"), sep_p);
        break;
    case RULE_CHECK:
        strbuf_printf(measure, T(r, "%sthe check %s holds", "%sse cumple la "
                                 "verificación %s"),
                      sep_m, rule->expr_text);
        strbuf_printf(proof, T(r, "%sthe data the check reads", "%slos datos "
                               "que lee la verificación"), sep_p);
        break;
    default:
        break;
    }
}

void plan_describe(struct report *r, struct gap *g)
{
    const struct requirement *req = &r->catalog->reqs[g->req];
    const struct req_result *rr = g->result;
    struct strbuf measure = STRBUF_INIT, proof = STRBUF_INIT;
    const char *remed = i18n_get(&req->remediation, r->lang);
    size_t i, n = 0;

    g->action = remed ? remed
        : arena_printf(r->arena, T(r, "Put in place and evidence: %s",
                                   "Implementar y evidenciar: %s"),
                       report_text(r, &req->title));
    g->failing = arena_calloc(r->arena, rr->nrules + 1, sizeof *g->failing);
    for (i = 0; i < rr->nrules; i++) {
        const struct rule_result *res = &rr->rules[i];
        if (res->status == RS_PASS || res->status == RS_NA)
            continue;
        g->failing[n++] = arena_printf(r->arena, "%s %s [%s]: %s",
                                       rule_type_name(res->rule->type),
                                       res->rule->id,
                                       rule_status_name(res->status),
                                       res->trace);
        describe_rule(r, req, res->rule, &measure, &proof);
    }
    g->nfailing = n;
    g->measure = arena_strdup(r->arena, strbuf_cstr(&measure));
    g->proof = arena_strdup(r->arena, strbuf_cstr(&proof));
    strbuf_free(&measure);
    strbuf_free(&proof);
}
