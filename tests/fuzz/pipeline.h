/*
 * pipeline.h — the whole assessment, as `copcgap assess` and `plan` run
 * it, for the targets that fuzz its inputs: load the organisation folder
 * against a profile and a catalogue, scope, score, plan, and render the
 * report and the plan as JSON and CSV in memory.  Any error is fine (the
 * input is bad); a crash, a leak or a wrong invariant is not.
 */
#ifndef COPCGAP_FUZZ_PIPELINE_H
#define COPCGAP_FUZZ_PIPELINE_H

#include "fuzz.h"

#include "copcgap/assess.h"
#include "copcgap/lang.h"
#include "copcgap/load.h"
#include "copcgap/plan.h"
#include "copcgap/render.h"
#include "copcgap/report.h"

/* Run everything after loading; `lang` picks the report language. */
static inline void fuzz_pipeline(const struct catalog *cat,
                                 const struct profile *prof,
                                 const char *orgdir, const char *lang)
{
    struct cg_errors errs = CG_ERRORS_INIT;
    struct orgdata *org = org_load(orgdir, prof, cat, NULL, ORG_DIGESTS,
                                   &errs);
    struct lang *L = NULL;
    struct report *rep = NULL;

    if (!org) {
        FUZZ_ASSERT(errors_count(&errs) > 0);
        goto done;
    }
    FUZZ_ASSERT(errors_count(&errs) == 0);
    L = lang_load(lang, &errs);
    FUZZ_ASSERT(L != NULL);
    rep = report_new(cat, prof, L);
    if (assess_scope(rep, &errs) && assess_run(rep, org, &errs)) {
        struct strbuf csv = STRBUF_INIT;
        char *json;
        size_t i, total = 0;

        FUZZ_ASSERT(rep->overall >= 0 && rep->overall <= 1);
        for (i = 0; i < REQ_COUNT; i++)
            total += rep->count[i];
        FUZZ_ASSERT(total == cat->nreqs);
        plan_build(rep, 0);
        json = render_json_text(rep);
        FUZZ_ASSERT(json != NULL);
        free(json);
        render_plan_csv_text(rep, &csv);
        strbuf_free(&csv);
    }
done:
    report_free(rep);
    lang_free(L);
    org_free(org);
    errors_free(&errs);
}

#endif
