/*
 * run.c — a snapshot of a scored report as the workspace keeps it
 * (run.h): machine values only, in the run's own arena, so that the
 * report, the catalogue and the folder can be freed.
 */
#include <stdlib.h>
#include <string.h>

#include "copcgap/kpi.h"
#include "copcgap/plan.h"
#include "copcgap/report.h"
#include "copcgap/run.h"
#include "copcgap/strbuf.h"

static const char *const change_names[CHANGE_COUNT] = {
    "closed", "opened", "status", "score", "added", "removed"
};

const char *change_kind_name(enum change_kind k)
{
    return (unsigned)k < CHANGE_COUNT ? change_names[k] : "?";
}

struct run *run_new(void)
{
    struct run *r = xcalloc(1, sizeof *r);
    r->arena = arena_new();
    return r;
}

void run_free(struct run *r)
{
    if (!r)
        return;
    arena_free(r->arena);
    free(r);
}

int run_status_is_gap(enum req_status s)
{
    return s == REQ_PARTIAL || s == REQ_NOT_MET || s == REQ_NOT_EVIDENCED;
}

const struct run_req *run_find_req(const struct run *r, const char *id)
{
    size_t i;
    for (i = 0; i < r->nreqs; i++)
        if (strcmp(r->reqs[i].id, id) == 0)
            return &r->reqs[i];
    return NULL;
}

int run_inputs_same(const struct run_inputs *a, const struct run_inputs *b)
{
    size_t i, j;
    if (a->nfiles != b->nfiles)
        return 0;
    for (i = 0; i < a->nfiles; i++) {
        for (j = 0; j < b->nfiles; j++)
            if (strcmp(a->files[i].path, b->files[j].path) == 0)
                break;
        if (j == b->nfiles ||
            strcmp(a->files[i].sha256, b->files[j].sha256) != 0)
            return 0;
    }
    return 1;
}

/* A file of the folder as the report's sources name it: relative to
 * the folder. */
static const char *in_folder(const char *path, const char *dir)
{
    size_t n = dir ? strlen(dir) : 0;
    if (!path)
        return "";
    if (n && strncmp(path, dir, n) == 0 && path[n] == '/')
        return path + n + 1;
    return path;
}

static const char *program_id(const struct profile *p, int program)
{
    return program >= 0 && (size_t)program < p->nprograms
        ? p->programs[program].id : "";
}

/* The folder's registers and KPIs, and the files they came from. */
static void snapshot_inputs(struct run *run, const struct report *rep)
{
    struct arena *a = run->arena;
    const struct orgdata *o = rep->org;
    const struct profile *p = rep->profile;
    const struct catalog *c = rep->catalog;
    struct run_inputs *in = &run->in;
    const struct kpi_entry **kv;
    size_t i, j, n;

    in->nfiles = rep->nsources;
    in->files = arena_calloc(a, in->nfiles ? in->nfiles : 1,
                             sizeof *in->files);
    for (i = 0; i < rep->nsources; i++) {
        const struct report_source *s = &rep->sources[i];
        in->files[i].path = arena_strdup(a, s->path);
        in->files[i].kind = arena_strdup(a, s->kind);
        in->files[i].rows = s->rows;
        in->files[i].bytes = s->digest->bytes;
        in->files[i].sha256 = arena_strdup(a, s->digest->hex);
    }
    if (!o)
        return;
    kv = kpi_store_sorted(o->kpis, p, &n);
    in->nkpis = n;
    in->kpis = arena_calloc(a, n ? n : 1, sizeof *in->kpis);
    for (i = 0; i < n; i++) {
        struct run_kpi *k = &in->kpis[i];
        k->program = arena_strdup(a, program_id(p, kv[i]->program));
        k->metric = arena_strdup(a, kv[i]->metric);
        k->month = kv[i]->month;
        k->value = kv[i]->value;
        k->n = kv[i]->n;
        k->file = arena_strdup(a, in_folder(kv[i]->file, o->dir));
        k->line = kv[i]->line;
    }
    free(kv);
    in->nevidence = o->nevidence;
    in->evidence = arena_calloc(a, o->nevidence ? o->nevidence : 1,
                                sizeof *in->evidence);
    for (i = 0; i < o->nevidence; i++) {
        const struct evidence *e = &o->evidence[i];
        struct run_evidence *x = &in->evidence[i];
        struct strbuf sb = STRBUF_INIT;
        for (j = 0; j < e->nreqs; j++)
            strbuf_printf(&sb, "%s%s", j ? " " : "", c->reqs[e->reqs[j]].id);
        x->id = arena_strdup(a, e->id);
        x->line = e->line;
        x->reqs = arena_strdup(a, strbuf_cstr(&sb));
        strbuf_free(&sb);
        x->program = arena_strdup(a, program_id(p, e->program));
        x->kind = arena_strdup(a, e->kind);
        x->title = arena_strdup(a, e->title);
        x->dated = e->dated;
        x->approved = e->approved;
        x->has_expires = e->has_expires;
        x->expires = e->expires;
        x->location = arena_strdup(a, e->location ? e->location : "");
        x->sha256 = arena_strdup(a, e->actual_sha256 ? e->actual_sha256
                                 : e->sha256 ? e->sha256 : "");
        x->integrity = integrity_name(e->integrity);
    }
    in->nfindings = o->nfindings;
    in->findings = arena_calloc(a, o->nfindings ? o->nfindings : 1,
                                sizeof *in->findings);
    for (i = 0; i < o->nfindings; i++) {
        const struct finding *f = &o->findings[i];
        struct run_finding *x = &in->findings[i];
        x->line = f->line;
        x->req = arena_strdup(a, c->reqs[f->req].id);
        x->program = arena_strdup(a, program_id(p, f->program));
        x->result = finding_result_name(f->result);
        x->cls = f->cls == FC_NONE ? "" : finding_class_name(f->cls);
        x->assessor = arena_strdup(a, f->assessor ? f->assessor : "");
        x->has_dated = f->has_dated;
        x->dated = f->dated;
        x->note = arena_strdup(a, f->note ? f->note : "");
    }
}

static void snapshot_plan(struct run *run, const struct plan *pl)
{
    struct arena *a = run->arena;
    size_t i, j;

    run->ngaps = pl->ngaps;
    for (i = 1; i < 4; i++)
        run->tiers[i] = pl->count[i];
    run->at_risk = pl->at_risk;
    run->ready = pl->ready;
    run->has_feasible = pl->feasible_audit != 0;
    run->feasible = pl->feasible_audit;
    run->has_audit = pl->has_audit;
    run->audit = pl->audit;
    run->ngaps_stored = pl->ngaps;
    run->gaps = arena_calloc(a, pl->ngaps ? pl->ngaps : 1, sizeof *run->gaps);
    for (i = 0; i < pl->ngaps; i++) {
        const struct gap *g = &pl->gaps[i];
        struct run_gap *x = &run->gaps[i];
        x->rank = g->rank;
        x->tier = (int)g->tier;
        x->priority = g->priority;
        x->at_risk = g->at_risk;
        x->risk = g->risk;      /* messages live in the report's arena:
                                   the store writes them before it goes */
        x->owner = arena_strdup(a, g->owner ? g->owner : "");
        x->effort = g->effort;
        x->start = g->start;
        x->due = g->due;
        x->action = g->action;
        for (j = 0; j < run->nreqs; j++)
            if (j == g->req)
                run->reqs[j].gap = x;
    }
}

/* What identifies a run: when, for whom, on which catalogue. */
static struct run *run_head(const struct report *rep, long long at)
{
    const struct catalog *c = rep->catalog;
    const struct profile *p = rep->profile;
    struct run *run = run_new();
    struct arena *a = run->arena;

    run->at = at;
    run->org_id = arena_strdup(a, p->org_id);
    run->org_name = arena_strdup(a, p->org_name);
    run->catalogue_id = arena_strdup(a, c->id);
    run->catalogue_version = arena_strdup(a, c->version);
    run->catalogue_sha256 = arena_strdup(a, c->digest.hex);
    run->as_of = p->as_of;
    run->has_audit = p->has_target_audit;
    run->audit = p->target_audit;
    return run;
}

struct run *run_inputs_from_report(const struct report *rep, long long at)
{
    struct run *run = run_head(rep, at);
    snapshot_inputs(run, rep);
    return run;
}

struct run *run_from_report(const struct report *rep, long long at)
{
    const struct catalog *c = rep->catalog;
    struct run *run = run_head(rep, at);
    struct arena *a = run->arena;
    size_t i, j;

    run->verdict = rep->verdict;
    run->overall = rep->overall;
    run->points = rep->points;
    run->points_max = rep->points_max;
    memcpy(run->count, rep->count, sizeof run->count);
    run->ncats = c->ncategories;
    run->cats = arena_calloc(a, c->ncategories ? c->ncategories : 1,
                             sizeof *run->cats);
    for (i = 0; i < c->ncategories; i++) {
        run->cats[i].id = arena_strdup(a, c->categories[i].id);
        run->cats[i].score = rep->cats[i].score;
        run->cats[i].points = rep->cats[i].points;
        run->cats[i].points_max = rep->cats[i].points_max;
    }
    run->nreqs = c->nreqs;
    run->reqs = arena_calloc(a, c->nreqs ? c->nreqs : 1, sizeof *run->reqs);
    for (i = 0; i < c->nreqs; i++) {
        const struct req_result *rr = &rep->reqs[i];
        struct run_req *x = &run->reqs[i];
        x->id = arena_strdup(a, rr->req->id);
        x->category = arena_strdup(a, c->categories[rr->req->category].id);
        x->critical = rr->req->critical;
        x->status = rr->status;
        x->score = rr->score;
        x->na_reason = rr->na_reason;
        x->nrules = rr->nrules;
        x->rules = arena_calloc(a, rr->nrules ? rr->nrules : 1,
                                sizeof *x->rules);
        for (j = 0; j < rr->nrules; j++) {
            const struct rule_result *ru = &rr->rules[j];
            struct run_rule *y = &x->rules[j];
            y->id = arena_strdup(a, ru->rule->id);
            y->type = rule_type_name(ru->rule->type);
            y->metric = ru->rule->metric
                ? arena_strdup(a, ru->rule->metric) : NULL;
            y->status = ru->status;
            y->score = ru->score;
            y->trace = ru->trace;
            y->details = ru->details;
            y->ndetails = ru->ndetails;
        }
    }
    if (rep->plan)
        snapshot_plan(run, rep->plan);
    snapshot_inputs(run, rep);
    return run;
}
