/*
 * cli_session.c — what assess and plan share: load the catalogue,
 * the profile and the organisation folder, run the engine and the plan.
 * Everything is loaded and checked before any command writes output.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "copcgap/assess.h"
#include "copcgap/datadir.h"
#include "copcgap/plan.h"
#include "copcgap/load.h"

/* Directory part of a path ("." when none). */
static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? xstrndup(path, (size_t)(slash - path)) : xstrdup(".");
}

/*
 * Crosswalk targets: for each standard the catalogue's <ref>s name, the
 * file <standard>.xml beside the catalogue (or in the data directory).
 * A target that is not found is skipped: the crosswalk is optional.
 */
static int load_targets(struct session *s, struct cg_errors *errs)
{
    const struct catalog *c = s->cat;
    char *dir = dir_of(s->catalog_path);
    size_t i, j, k, cap = 0;
    int ok = 1;

    for (i = 0; i < c->nreqs; i++)
        for (j = 0; j < c->reqs[i].nrefs; j++) {
            const char *std = c->reqs[i].refs[j].standard;
            struct strbuf path = STRBUF_INIT;
            char *found = NULL;
            int seen = 0;
            for (k = 0; k < s->ntargets; k++)
                seen |= strcmp(s->targets[k]->id, std) == 0;
            if (seen)
                continue;
            strbuf_printf(&path, "%s/%s.xml", dir, std);
            if (access(path.buf, R_OK) == 0)
                found = strbuf_detach(&path);
            {
                struct strbuf name = STRBUF_INIT;
                strbuf_printf(&name, "%s.xml", std);
                if (!found)
                    found = datadir_find(name.buf, "standards");
                strbuf_free(&name);
            }
            strbuf_free(&path);
            if (found) {
                struct catalog *t = catalog_load(found, errs);
                if (t && strcmp(t->id, std) != 0) {
                    errors_add(errs, CG_ERR_INPUT, found, 0, 0,
                               "catalogue id is \"%s\", but %s links to "
                               "standard \"%s\" here", t->id, c->id, std);
                    catalog_free(t);
                    t = NULL;
                }
                if (!t)
                    ok = 0;
                else
                    VEC_PUSH(s->targets, s->ntargets, cap) = t;
                free(found);
            }
        }
    free(dir);
    return ok;
}

int session_load(struct session *s, const struct session_opts *opt,
                 struct cg_errors *errs)
{
    struct strbuf path = STRBUF_INIT;
    struct kpi_progress progress;
    size_t i;
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
    if (s->cat && !load_targets(s, errs))
        goto done;
    strbuf_printf(&path, "%s/profile.xml", opt->orgdir);
    s->prof = profile_load(path.buf, errs);
    if (!s->cat || !s->prof)
        goto done;
    cli_progress_init(&progress);
    s->org = org_load(opt->orgdir, s->prof, s->cat, &progress, ORG_DIGESTS,
                      errs);
    cli_progress_done();
    if (!s->org)
        goto done;
    s->rep = report_new(s->cat, s->prof, opt->lang);
    if (opt->inputs_only) {
        /* What an import records: the files and what they hold. */
        s->rep->org = s->org;
        report_build_sources(s->rep);
        ok = 1;
        goto done;
    }
    if (!assess_scope(s->rep, errs) || !assess_run(s->rep, s->org, errs))
        goto done;
    for (i = 0; i < s->ntargets; i++)
        if (!assess_crosswalk(s->rep, s->targets[i], errs))
            goto done;
    {
        struct plan_options po;
        /* --capacity stands in for the profile's default capacity. */
        if (opt->capacity > 0)
            s->prof->capacity_days = opt->capacity;
        po.has_audit = opt->has_audit;
        po.audit = opt->audit;
        plan_build(s->rep, &po);
    }
    ok = 1;
done:
    strbuf_free(&path);
    return ok;
}

void cli_outputs_session(struct cli_outputs *o, const struct session *s)
{
    size_t i;

    if (s->cat)
        cli_outputs_input(o, s->cat->path);
    for (i = 0; i < s->ntargets; i++)
        cli_outputs_input(o, s->targets[i]->path);
    if (s->prof)
        cli_outputs_input(o, s->prof->path);
    for (i = 0; s->org && i < s->org->nfiles; i++)
        cli_outputs_input(o, s->org->files[i]);
}

void session_free(struct session *s)
{
    report_free(s->rep);
    org_free(s->org);
    profile_free(s->prof);
    catalog_free(s->cat);
    while (s->ntargets)
        catalog_free(s->targets[--s->ntargets]);
    free(s->targets);
    free(s->catalog_path);
    memset(s, 0, sizeof *s);
}
