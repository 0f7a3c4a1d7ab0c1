/*
 * render_json.c — the report model as JSON (jansson); the shape is
 * documented in docs/json.md and versioned by REPORT_JSON_VERSION.
 *
 * Scores are fractions 0-1 rounded to 6 decimals, so that the dump is
 * stable across platforms and can serve as a golden file.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "copcgap/kpi.h"
#include "copcgap/metric.h"
#include "copcgap/outfile.h"
#include "copcgap/render.h"
#include "render_internal.h"

#define num rj_num
#define str_or_null rj_str_or_null

static json_t *counts(const size_t count[REQ_COUNT])
{
    json_t *o = json_object();
    int s;
    for (s = 0; s < REQ_COUNT; s++)
        json_object_set_new(o, req_status_name((enum req_status)s),
                            json_integer((json_int_t)count[s]));
    return o;
}

static json_t *date_or_null(int has, cg_day d)
{
    char buf[DATE_BUF];
    if (!has)
        return json_null();
    date_format(d, buf);
    return json_string(buf);
}

static json_t *programs(const struct profile *p)
{
    json_t *arr = json_array();
    size_t i, j;

    for (i = 0; i < p->nprograms; i++) {
        const struct program *pg = &p->programs[i];
        json_t *o = json_object(), *targets = json_array();
        json_object_set_new(o, "id", json_string(pg->id));
        json_object_set_new(o, "name", json_string(pg->name));
        json_object_set_new(o, "channel",
                            json_string(channel_name(pg->channel)));
        json_object_set_new(o, "client", str_or_null(pg->client));
        json_object_set_new(o, "sl_seconds", num(pg->sl_seconds));
        json_object_set_new(o, "short_abandon_seconds",
                            num(pg->short_abandon_seconds));
        json_object_set_new(o, "forecast_tolerance_pct",
                            num(pg->forecast_tolerance_pct));
        for (j = 0; j < pg->ntargets; j++) {
            json_t *t = json_object();
            json_object_set_new(t, "metric",
                                json_string(pg->targets[j].metric));
            json_object_set_new(t, "op",
                                json_string(cmp_op_name(pg->targets[j].op)));
            json_object_set_new(t, "value", num(pg->targets[j].value));
            json_array_append_new(targets, t);
        }
        json_object_set_new(o, "targets", targets);
        json_array_append_new(arr, o);
    }
    return arr;
}

static json_t *group(const struct report *r, const char *id,
                     const struct i18n *title, double weight,
                     const struct group_result *g)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", json_string(id));
    json_object_set_new(o, "title", json_string(report_text(r, title)));
    json_object_set_new(o, "weight", num(weight));
    json_object_set_new(o, "applicable", json_boolean(g->applicable_weight
                                                      > 0));
    json_object_set_new(o, "score", num(g->score));
    json_object_set_new(o, "points", num(g->points));
    json_object_set_new(o, "points_available", num(g->points_max));
    json_object_set_new(o, "counts", counts(g->count));
    return o;
}

static json_t *categories(const struct report *r)
{
    const struct catalog *c = r->catalog;
    json_t *arr = json_array();
    size_t i, j;

    for (i = 0; i < c->ncategories; i++) {
        const struct category *cat = &c->categories[i];
        json_t *o = group(r, cat->id, &cat->title, cat->weight, &r->cats[i]);
        json_t *items = json_array();
        for (j = cat->first_item; j < cat->first_item + cat->nitems; j++)
            json_array_append_new(items, group(r, c->items[j].id,
                                               &c->items[j].title,
                                               c->items[j].weight,
                                               &r->items[j]));
        json_object_set_new(o, "items", items);
        json_array_append_new(arr, o);
    }
    return arr;
}

static json_t *rule_json(const struct report *r,
                         const struct rule_result *res)
{
    const struct rule *rule = res->rule;
    json_t *o = json_object(), *details = json_array(), *progs;
    size_t i;

    json_object_set_new(o, "id", json_string(rule->id));
    json_object_set_new(o, "type", json_string(rule_type_name(rule->type)));
    json_object_set_new(o, "weight", num(rule->weight));
    json_object_set_new(o, "status",
                        json_string(rule_status_name(res->status)));
    json_object_set_new(o, "score", num(res->score));
    progs = json_array();
    for (i = 0; i < res->nprograms; i++)
        json_array_append_new(progs, json_string(
            r->profile->programs[res->programs[i]].id));
    json_object_set_new(o, "programs", progs);
    json_object_set_new(o, "months_short", json_integer(res->months_short));
    json_object_set_new(o, "trace", rj_msg(r, res->trace));
    for (i = 0; i < res->ndetails; i++)
        json_array_append_new(details, rj_msg(r, res->details[i]));
    json_object_set_new(o, "details", details);
    return o;
}

static json_t *requirement_json(const struct report *r,
                                const struct req_result *rr)
{
    const struct catalog *c = r->catalog;
    const struct requirement *req = rr->req;
    json_t *o = json_object(), *rules = json_array(), *deps = json_array();
    size_t i;

    json_object_set_new(o, "id", json_string(req->id));
    json_object_set_new(o, "title", json_string(report_text(r,
                                                            &req->title)));
    json_object_set_new(o, "category",
                        json_string(c->categories[req->category].id));
    json_object_set_new(o, "item", req->item == SIZE_MAX
                                       ? json_null()
                                       : json_string(c->items[req->item].id));
    json_object_set_new(o, "critical", json_boolean(req->critical));
    json_object_set_new(o, "weight", num(req->weight));
    json_object_set_new(o, "impact", json_integer(req->impact));
    json_object_set_new(o, "effort_days", num(req->effort_days));
    json_object_set_new(o, "assignee", rj_assignee(&rr->assignee));
    for (i = 0; i < req->ndepends; i++)
        json_array_append_new(deps, json_string(req->depends[i]));
    json_object_set_new(o, "depends_on", deps);
    json_object_set_new(o, "status", json_string(req_status_name(rr->status)));
    json_object_set_new(o, "score", num(rr->score));
    json_object_set_new(o, "na_reason", rj_msg(r, rr->na_reason));
    json_object_set_new(o, "finding_class",
                        rr->finding_class == FC_NONE
                            ? json_null()
                            : json_string(finding_class_name(
                                  rr->finding_class)));
    for (i = 0; i < rr->nrules; i++)
        json_array_append_new(rules, rule_json(r, &rr->rules[i]));
    json_object_set_new(o, "rules", rules);
    return o;
}

static json_t *window_json(const struct report *r)
{
    char a[MONTH_BUF], b[MONTH_BUF];
    json_t *o = json_object();
    month_format(r->window_end - r->window_months + 1, a);
    month_format(r->window_end, b);
    json_object_set_new(o, "start", json_string(a));
    json_object_set_new(o, "end", json_string(b));
    json_object_set_new(o, "months", json_integer(r->window_months));
    return o;
}

/* The KPI series of the report model (report_build_series). */
static json_t *kpis_json(const struct report *r)
{
    const struct profile *p = r->profile;
    json_t *arr = json_array();
    size_t i;
    int k;

    for (i = 0; i < r->nseries; i++) {
        const struct kpi_series *s = &r->series[i];
        json_t *o = json_object(), *values = json_array(), *w;
        json_object_set_new(o, "program",
                            json_string(p->programs[s->program].id));
        json_object_set_new(o, "metric", json_string(s->metric));
        json_object_set_new(o, "unit", json_string(s->unit));
        json_object_set_new(o, "better", json_string(
            s->better == BETTER_HIGHER ? "higher"
            : s->better == BETTER_LOWER ? "lower" : "none"));
        if (s->target.found) {
            json_t *t = json_object();
            json_object_set_new(t, "op",
                                json_string(cmp_op_name(s->target.op)));
            json_object_set_new(t, "value", num(s->target.value));
            json_object_set_new(t, "source", json_string(
                target_source_name(s->target.source)));
            json_object_set_new(o, "target", t);
        } else {
            json_object_set_new(o, "target", json_null());
        }
        if (s->win_months > 0) {
            char a[MONTH_BUF], b[MONTH_BUF];
            w = json_object();
            month_format(s->win_end - s->win_months + 1, a);
            month_format(s->win_end, b);
            json_object_set_new(w, "start", json_string(a));
            json_object_set_new(w, "end", json_string(b));
            json_object_set_new(w, "months", json_integer(s->win_months));
            json_object_set_new(o, "rule_window", w);
        } else {
            json_object_set_new(o, "rule_window", json_null());
        }
        for (k = 0; k < REPORT_SERIES_MONTHS; k++) {
            const struct kpi_point *pt = &s->points[k];
            json_t *v = json_object();
            char per[MONTH_BUF];
            month_format(pt->month, per);
            json_object_set_new(v, "period", json_string(per));
            json_object_set_new(v, "status",
                                json_string(point_status_name(pt->status)));
            if (pt->status == PT_NONE) {
                json_object_set_new(v, "value", json_null());
                json_object_set_new(v, "n", json_null());
                json_object_set_new(v, "source", json_null());
            } else {
                json_object_set_new(v, "value", num(pt->value));
                json_object_set_new(v, "n", pt->n >= 0
                                                ? json_integer(pt->n)
                                                : json_null());
                json_object_set_new(v, "source", pt->line > 0
                    ? json_sprintf("%s:%ld", pt->file, pt->line)
                    : json_string(pt->file ? pt->file : ""));
            }
            json_array_append_new(values, v);
        }
        json_object_set_new(o, "values", values);
        json_array_append_new(arr, o);
    }
    return arr;
}

static json_t *target_json(const struct target_used *t)
{
    json_t *o;
    if (!t->found)
        return json_null();
    o = json_object();
    json_object_set_new(o, "op", json_string(cmp_op_name(t->op)));
    json_object_set_new(o, "value", num(t->value));
    json_object_set_new(o, "source", json_string(target_source_name(
                                         t->source)));
    return o;
}

/* A row of the performance summary table (assess_pst.c). */
static json_t *pst_row_json(const struct report *r, size_t i)
{
    {
        const struct pst_row *row = &r->pst[i];
        json_t *o = json_object();
        char a[MONTH_BUF], b[MONTH_BUF];
        month_format(row->win_end - row->months + 1, a);
        month_format(row->win_end, b);
        json_object_set_new(o, "requirement",
                            json_string(r->catalog->reqs[row->req].id));
        json_object_set_new(o, "rule", json_string(
            r->catalog->reqs[row->req].rules[row->rule].id));
        json_object_set_new(o, "program", json_string(
            r->profile->programs[row->program].id));
        json_object_set_new(o, "metric", json_string(row->metric));
        json_object_set_new(o, "class", json_string(
            metric_class_name(row->metric_class)));
        json_object_set_new(o, "target", target_json(&row->target));
        json_object_set_new(o, "mode", json_string(window_mode_name(
                                           row->mode)));
        json_object_set_new(o, "start", json_string(a));
        json_object_set_new(o, "end", json_string(b));
        json_object_set_new(o, "months", json_integer(row->months));
        json_object_set_new(o, "required", json_integer(row->required));
        json_object_set_new(o, "at_target", json_integer(row->at_target));
        json_object_set_new(o, "with_data", json_integer(row->with_data));
        json_object_set_new(o, "slope", num(row->slope));
        json_object_set_new(o, "trend", json_string(pst_trend_name(
                                            row->trend)));
        json_object_set_new(o, "result", json_string(pst_result_name(
                                             row->result)));
        return o;
    }
}

/* A row of the evidence index. */
static json_t *evidence_json(const struct report *r, size_t i)
{
    const struct catalog *c = r->catalog;
    size_t j;

    {
        const struct evidence *ev = r->evidence[i].ev;
        json_t *o = json_object(), *reqs = json_array();
        json_object_set_new(o, "id", json_string(ev->id));
        json_object_set_new(o, "line", json_integer(ev->line));
        json_object_set_new(o, "title", json_string(ev->title));
        json_object_set_new(o, "kind", json_string(ev->kind));
        json_object_set_new(o, "program",
                            ev->program < 0
                                ? json_null()
                                : json_string(r->profile->programs[
                                      ev->program].id));
        for (j = 0; j < ev->nreqs; j++)
            json_array_append_new(reqs, json_string(c->reqs[ev->reqs[j]].id));
        json_object_set_new(o, "requirements", reqs);
        json_object_set_new(o, "owner", json_string(ev->owner));
        json_object_set_new(o, "dated", rj_date(ev->dated));
        json_object_set_new(o, "approved", json_boolean(ev->approved));
        json_object_set_new(o, "expires", ev->has_expires
                                              ? rj_date(ev->expires)
                                              : json_null());
        json_object_set_new(o, "location", json_string(ev->location));
        json_object_set_new(o, "integrity",
                            json_string(integrity_name(ev->integrity)));
        json_object_set_new(o, "used", json_boolean(r->evidence[i].flags &
                                                    EVF_USED));
        json_object_set_new(o, "problems",
                            rj_evidence_flags(r->evidence[i].flags));
        return o;
    }
}

static json_t *crosswalks_json(const struct report *r)
{
    json_t *arr = json_array();
    size_t i, j, k;

    for (i = 0; i < r->ncrosswalks; i++) {
        const struct crosswalk *xw = &r->crosswalks[i];
        json_t *o = json_object(), *counts = json_object(), *clauses;
        int cv;
        json_object_set_new(o, "standard", json_string(xw->target->id));
        json_object_set_new(o, "title",
                            json_string(report_text(r, &xw->target->title)));
        for (cv = 0; cv < COV_COUNT; cv++)
            json_object_set_new(counts, coverage_name((enum coverage)cv),
                                json_integer((json_int_t)xw->count[cv]));
        json_object_set_new(o, "counts", counts);
        clauses = json_array();
        for (j = 0; j < xw->nclauses; j++) {
            const struct xwalk_clause *cl = &xw->clauses[j];
            const struct requirement *t = &xw->target->reqs[cl->clause];
            json_t *co = json_object(), *links = json_array();
            json_object_set_new(co, "clause", json_string(t->id));
            json_object_set_new(co, "title",
                                json_string(report_text(r, &t->title)));
            json_object_set_new(co, "coverage",
                                json_string(coverage_name(cl->coverage)));
            for (k = 0; k < cl->nlinks; k++) {
                const struct xwalk_link *l = &cl->links[k];
                json_t *lo = json_object();
                json_object_set_new(lo, "requirement",
                                    json_string(r->catalog->reqs[l->req].id));
                json_object_set_new(lo, "relation",
                                    json_string(xrel_name(l->rel)));
                json_object_set_new(lo, "joint", json_boolean(l->joint));
                json_object_set_new(lo, "status", json_string(
                    req_status_name(r->reqs[l->req].status)));
                json_object_set_new(lo, "rationale",
                                    json_string(report_text(r,
                                                            l->rationale)));
                json_array_append_new(links, lo);
            }
            json_object_set_new(co, "links", links);
            json_array_append_new(clauses, co);
        }
        json_object_set_new(o, "clauses", clauses);
        json_array_append_new(arr, o);
    }
    return arr;
}

static json_t *verdict_reason_json(const struct report *r)
{
    const struct verdict_reason *w = &r->why;
    json_t *o = json_object(), *arr = json_array();
    size_t i;

    json_object_set_new(o, "by_score", json_string(verdict_name(w->by_score)));
    json_object_set_new(o, "score_below_conditional",
                        json_boolean(w->score_below));
    json_object_set_new(o, "conditional_min", num(w->conditional_min));
    for (i = 0; i < w->ncritical; i++)
        json_array_append_new(arr, json_string(
            r->catalog->reqs[w->critical[i]].id));
    json_object_set_new(o, "critical_not_met", arr);
    arr = json_array();
    for (i = 0; i < w->nexclusions; i++) {
        const struct exclusion_use *u = &w->exclusions[i];
        json_t *x = json_object();
        json_object_set_new(x, "exclude", json_string(u->x->ref));
        json_object_set_new(x, "program", str_or_null(u->x->program_id));
        json_object_set_new(x, "reason", json_string(u->x->reason));
        json_object_set_new(x, "approved_by",
                            str_or_null(u->x->approved_by));
        json_object_set_new(x, "requirements",
                            json_integer((json_int_t)u->nreqs));
        json_object_set_new(x, "critical",
                            json_integer((json_int_t)u->ncritical));
        json_array_append_new(arr, x);
    }
    json_object_set_new(o, "exclusions", arr);
    return o;
}

/* The files the report rests on: path, kind, rows, bytes, SHA-256. */
static json_t *sources_json(const struct report *r)
{
    json_t *arr = json_array();
    size_t i;

    for (i = 0; i < r->nsources; i++) {
        const struct report_source *s = &r->sources[i];
        json_t *o = json_object();
        json_object_set_new(o, "path", json_string(s->path));
        json_object_set_new(o, "kind", json_string(s->kind));
        json_object_set_new(o, "rows", json_integer((json_int_t)s->rows));
        json_object_set_new(o, "bytes",
                            json_integer((json_int_t)s->digest->bytes));
        json_object_set_new(o, "sha256", s->digest->hex[0]
                            ? json_string(s->digest->hex) : json_null());
        json_array_append_new(arr, o);
    }
    return arr;
}

/* The report, written member by member (rj_stream): the requirements,
 * the performance summary and the evidence index one element at a
 * time. */
static void report_json(struct rj_stream *w, const struct report *r)
{
    const struct catalog *c = r->catalog;
    const struct profile *p = r->profile;
    json_t *o, *arr;
    size_t i;

    rj_open_object(w);
    rj_member(w, "format", json_string("copcgap-report"));
    rj_member(w, "version", json_integer(REPORT_JSON_VERSION));
    o = json_object();
    json_object_set_new(o, "name", json_string("copcgap"));
    json_object_set_new(o, "version", json_string(COPCGAP_VERSION));
    rj_member(w, "tool", o);

    o = json_object();
    json_object_set_new(o, "id", json_string(c->id));
    json_object_set_new(o, "version", json_string(c->version));
    json_object_set_new(o, "title", json_string(report_text(r, &c->title)));
    json_object_set_new(o, "publisher", json_string(c->publisher));
    rj_member(w, "catalog", o);

    o = json_object();
    json_object_set_new(o, "id", json_string(p->org_id));
    json_object_set_new(o, "name", json_string(p->org_name));
    json_object_set_new(o, "kind", json_string(org_kind_name(p->kind)));
    rj_member(w, "organization", o);

    o = json_object();
    json_object_set_new(o, "as_of", date_or_null(1, p->as_of));
    json_object_set_new(o, "target_audit",
                        date_or_null(p->has_target_audit, p->target_audit));
    json_object_set_new(o, "lead", str_or_null(p->lead));
    json_object_set_new(o, "lang", json_string(report_lang(r)));
    rj_member(w, "assessment", o);
    rj_member(w, "programs", programs(p));
    if (r->nsources)
        rj_member(w, "sources", sources_json(r));

    rj_member(w, "verdict", json_string(verdict_name(r->verdict)));
    rj_member(w, "verdict_reason", verdict_reason_json(r));
    rj_member(w, "overall_score", num(r->overall));
    rj_member(w, "points", num(r->points));
    rj_member(w, "points_available", num(r->points_max));
    rj_member(w, "counts", counts(r->count));
    arr = json_array();
    for (i = 0; i < r->nblocking; i++)
        json_array_append_new(arr, json_string(c->reqs[r->blocking[i]].id));
    rj_member(w, "blocking", arr);
    rj_member(w, "categories", categories(r));
    rj_key(w, "requirements");
    rj_open_array(w);
    for (i = 0; i < c->nreqs; i++)
        rj_value(w, requirement_json(r, &r->reqs[i]));
    rj_close(w);
    if (r->org) {
        rj_member(w, "window", window_json(r));
        rj_member(w, "kpis", kpis_json(r));
        rj_key(w, "performance_summary");
        rj_open_array(w);
        for (i = 0; i < r->npst; i++)
            rj_value(w, pst_row_json(r, i));
        rj_close(w);
        rj_key(w, "evidence");
        rj_open_array(w);
        for (i = 0; i < r->nevidence; i++)
            rj_value(w, evidence_json(r, i));
        rj_close(w);
    }
    if (r->plan) {
        rj_key(w, "plan");
        rj_plan_stream(w, r, r->plan);
    }
    if (r->ncrosswalks)
        rj_member(w, "crosswalks", crosswalks_json(r));
    rj_close(w);
}

char *render_json_text(const struct report *r)
{
    struct rj_stream w;
    rj_stream_init(&w, NULL, NULL);
    report_json(&w, r);
    return rj_stream_text(&w);
}

int render_json(const struct report *r, struct outfile *o,
                struct cg_errors *errs)
{
    struct rj_stream w;
    rj_stream_init(&w, o, errs);
    report_json(&w, r);
    return rj_stream_finish(&w);
}
