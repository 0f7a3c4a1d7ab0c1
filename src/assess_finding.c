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

static const char *describe(struct assess_ctx *x, const struct finding *f)
{
    struct strbuf sb = STRBUF_INIT;
    const char *s;

    strbuf_printf(&sb, "%s:%ld %s%s%s", x->o->findings_path, f->line,
                  finding_result_name(f->result),
                  f->program >= 0 ? " for " : "",
                  f->program >= 0 ? assess_program_id(x, f->program) : "");
    if (f->assessor && *f->assessor)
        strbuf_printf(&sb, " by %s", f->assessor);
    if (f->has_dated) {
        char d[DATE_BUF];
        date_format(f->dated, d);
        strbuf_printf(&sb, " %s", d);
    }
    if (f->cls != FC_NONE)
        strbuf_printf(&sb, " (%s)", finding_class_name(f->cls));
    if (f->note && *f->note) {
        strbuf_adds(&sb, ": ");
        strbuf_add_quoted(&sb, f->note, strlen(f->note), 120);
    }
    s = arena_strdup(x->a, strbuf_cstr(&sb));
    strbuf_free(&sb);
    return s;
}

static const struct finding *for_program(const struct assess_ctx *x,
                                         size_t req, int program)
{
    size_t i;
    for (i = 0; i < x->o->nfindings; i++)
        if (x->o->findings[i].req == req &&
            x->o->findings[i].program == program)
            return &x->o->findings[i];
    return NULL;
}

void assess_eval_finding(struct assess_ctx *x, size_t req,
                         struct rule_result *res)
{
    struct req_result *rr = &x->r->reqs[req];
    struct strbuf sb = STRBUF_INIT;
    size_t i, scored = 0, na = 0, seen = 0;
    double sum = 0;

    if (!res->rule->per_program) {
        for (i = 0; i < x->o->nfindings; i++) {
            const struct finding *f = &x->o->findings[i];
            const char *d;
            if (f->req != req)
                continue;
            seen++;
            d = describe(x, f);
            assess_detail(x, res, "%s", d);
            note_class(rr, f->cls);
            strbuf_printf(&sb, "%s%s", sb.len ? "; " : "", d);
            if (f->result == FR_NA) {
                na++;
                continue;
            }
            scored++;
            sum += finding_score(x, f);
        }
    } else {
        int *progs = arena_calloc(x->a, x->p->nprograms + 1, sizeof *progs);
        size_t n = assess_programs(x, &x->c->reqs[req], res->rule, progs);
        for (i = 0; i < n; i++) {
            const struct finding *f = for_program(x, req, progs[i]);
            const char *d;
            if (!f)
                f = for_program(x, req, -1);
            if (!f) {
                strbuf_printf(&sb, "%s%s: no finding", sb.len ? "; " : "",
                              assess_program_id(x, progs[i]));
                scored++;       /* a missing program judgement counts 0 */
                continue;
            }
            seen++;
            d = describe(x, f);
            assess_detail(x, res, "%s: %s", assess_program_id(x, progs[i]),
                          d);
            note_class(rr, f->cls);
            strbuf_printf(&sb, "%s%s: %s", sb.len ? "; " : "",
                          assess_program_id(x, progs[i]), d);
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
        assess_trace(x, res, "no assessor finding recorded for %s",
                     x->c->reqs[req].id);
    } else if (scored == 0 && na > 0) {
        res->status = RS_NA;
        assess_trace(x, res, "%s", strbuf_cstr(&sb));
    } else {
        assess_set_score(res, sum / (double)scored);
        assess_trace(x, res, "%s", strbuf_cstr(&sb));
    }
    strbuf_free(&sb);
}
