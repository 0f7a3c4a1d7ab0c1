/*
 * assess_finding.c — finding rules (catalogue.xsd <finding>): an
 * assessor's judgement from findings.csv.
 *
 * met = pass, partial = the scoring's partial-finding score (0.5 by
 * default), not-met = fail, n/a = not applicable; no finding = no-data.
 * A site-wide rule takes every finding on the requirement (site-wide and
 * program ones) and scores their mean; a per-program rule needs one per
 * program in scope, a site-wide finding standing in for programs that
 * have none of their own.  The most serious finding class seen is kept
 * on the requirement (major-nc > minor-nc > observation > improvement).
 */
#include <string.h>

#include "assess_internal.h"

static double finding_score(const struct assess_ctx *x,
                            const struct finding *f)
{
    switch (f->result) {
    case FR_MET: return 1.0;
    case FR_PARTIAL: return x->c->scoring.partial_finding;
    default: return 0.0;
    }
}

/* Lower enum value = more serious, FC_NONE aside. */
static void note_class(struct req_result *rr, enum finding_class cls)
{
    if (cls == FC_NONE)
        return;
    if (rr->finding_class == FC_NONE || cls < rr->finding_class)
        rr->finding_class = cls;
}

static const struct msg *describe(struct assess_ctx *x,
                                  const struct finding *f)
{
    struct msg *m = assess_msg(x, "finding.row");

    msg_term(x->a, m, "result", "finding.result.",
             finding_result_name(f->result));
    msg_id(x->a, m, "file", x->o->findings_path);
    msg_int(x->a, m, "line", f->line);
    if (f->program >= 0)
        msg_id(x->a, m, "program", assess_program_id(x, f->program));
    if (f->assessor && *f->assessor)
        msg_text(x->a, m, "assessor", f->assessor);
    if (f->has_dated)
        msg_date(x->a, m, "dated", f->dated);
    if (f->cls != FC_NONE)
        msg_term(x->a, m, "class", "finding.class.",
                 finding_class_name(f->cls));
    if (f->note && *f->note)
        msg_text(x->a, m, "note", f->note);
    return m;
}

static const struct finding *for_program(const struct assess_ctx *x,
                                         size_t req, int program)
{
    size_t i, n;
    const size_t *rows = assess_req_findings(x, req, &n);
    for (i = 0; i < n; i++)
        if (x->o->findings[rows[i]].program == program)
            return &x->o->findings[rows[i]];
    return NULL;
}

void assess_eval_finding(struct assess_ctx *x, size_t req,
                         struct rule_result *res)
{
    struct req_result *rr = &x->r->reqs[req];
    struct msg *m = assess_msg(x, "trace.finding");
    size_t i, scored = 0, na = 0, seen = 0;
    double sum = 0;

    msg_list(x->a, m, "findings");
    if (!res->rule->per_program) {
        size_t n;
        const size_t *rows = assess_req_findings(x, req, &n);
        for (i = 0; i < n; i++) {
            const struct finding *f = &x->o->findings[rows[i]];
            const struct msg *d;
            seen++;
            d = describe(x, f);
            assess_detail(x, res, d);
            note_class(rr, f->cls);
            msg_append(x->a, m, "findings", d);
            if (f->result == FR_NA) {
                na++;
                continue;
            }
            scored++;
            sum += finding_score(x, f);
        }
    } else {
        for (i = 0; i < x->nprogs; i++) {
            const struct finding *f = for_program(x, req, x->progs[i]);
            struct msg *pm;
            if (!f)
                f = for_program(x, req, -1);
            if (!f) {
                pm = assess_msg(x, "trace.finding.program_none");
                msg_id(x->a, pm, "program",
                       assess_program_id(x, x->progs[i]));
                msg_append(x->a, m, "findings", pm);
                scored++;       /* a missing program judgement counts 0 */
                continue;
            }
            seen++;
            pm = assess_msg(x, "trace.finding.program");
            msg_id(x->a, pm, "program", assess_program_id(x, x->progs[i]));
            msg_sub(x->a, pm, "finding", describe(x, f));
            assess_detail(x, res, pm);
            note_class(rr, f->cls);
            msg_append(x->a, m, "findings", pm);
            if (f->result == FR_NA) {
                na++;
                continue;
            }
            scored++;
            sum += finding_score(x, f);
        }
    }
    if (seen == 0) {
        res->status = RS_NO_DATA;
        m = assess_msg(x, "trace.finding.none");
        msg_id(x->a, m, "requirement", x->c->reqs[req].id);
    } else if (scored == 0 && na > 0) {
        res->status = RS_NA;
    } else {
        assess_set_score(res, sum / (double)scored);
    }
    res->trace = m;
}
