/*
 * cmd_common.c — what assess, plan and report share: load the catalogue,
 * the profile and the organisation folder, run the engine and the plan.
 * Everything is loaded and checked before any command writes output.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "copcgap/assess.h"
#include "copcgap/datadir.h"
#include "copcgap/plan.h"

int session_load(struct session *s, const struct session_opts *opt,
                 struct cg_errors *errs)
{
    struct strbuf path = STRBUF_INIT;
    struct kpi_progress progress;
    int ok = 0;

    memset(s, 0, sizeof *s);
    if (opt->catalog) {
        s->catalog_path = xstrdup(opt->catalog);
    } else if (!(s->catalog_path = datadir_find(DEFAULT_CATALOG,
                                                "standards"))) {
        errors_add(errs, CG_ERR_INPUT, DEFAULT_CATALOG, 0, 0,
                   "shipped catalogue not found; give one with --catalog");
        goto done;
    }
    s->cat = catalog_load(s->catalog_path, errs);
    strbuf_printf(&path, "%s/profile.xml", opt->orgdir);
    s->prof = profile_load(path.buf, errs);
    if (!s->cat || !s->prof)
        goto done;
    cli_progress_init(&progress);
    s->org = org_load(opt->orgdir, s->prof, s->cat, &progress, errs);
    cli_progress_done();
    if (!s->org)
        goto done;
    s->rep = report_new(s->cat, s->prof, opt->lang ? opt->lang : "en");
    if (!assess_scope(s->rep, errs) || !assess_run(s->rep, s->org, errs))
        goto done;
    plan_build(s->rep, opt->capacity);
    ok = 1;
done:
    strbuf_free(&path);
    return ok;
}

void session_free(struct session *s)
{
    report_free(s->rep);
    org_free(s->org);
    profile_free(s->prof);
    catalog_free(s->cat);
    free(s->catalog_path);
    memset(s, 0, sizeof *s);
}
