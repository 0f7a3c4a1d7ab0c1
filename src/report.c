/*
 * report.c — the report model: allocation, the one assignee rule, the
 * machine names of its enums, and the KPI series every renderer shows
 * (see report.h).
 */
#include <stdlib.h>
#include <string.h>

#include "copcgap/arena.h"
#include "copcgap/kpi.h"
#include "copcgap/metric.h"
#include "copcgap/report.h"

/* Named person, else the role's holder, else the role (report.h). */
static struct assignee assign(const struct profile *p,
                              const struct requirement *req)
{
    struct assignee a;

    memset(&a, 0, sizeof a);
    a.role = req->owner_role;
    if ((a.person = profile_named_owner(p, req->id)) != NULL)
        a.source = ASSIGN_NAMED;
    else if ((a.person = profile_person(p, req->owner_role)) != NULL)
        a.source = ASSIGN_ROLE;
    else
        a.source = req->owner_role ? ASSIGN_UNFILLED : ASSIGN_NONE;
    return a;
}

struct report *report_new(const struct catalog *c, const struct profile *p,
                          const struct lang *L)
{
    struct arena *a = arena_new();
    struct report *r = arena_calloc(a, 1, sizeof *r);
    size_t i, j;

    r->arena = a;
    r->catalog = c;
    r->profile = p;
    r->lang = L;
    r->cats = arena_calloc(a, c->ncategories + 1, sizeof *r->cats);
    r->items = arena_calloc(a, c->nitems + 1, sizeof *r->items);
    r->reqs = arena_calloc(a, c->nreqs + 1, sizeof *r->reqs);
    r->blocking = arena_calloc(a, c->nreqs + 1, sizeof *r->blocking);
    for (i = 0; i < c->nreqs; i++) {
        struct req_result *rr = &r->reqs[i];
        rr->req = &c->reqs[i];
        rr->status = REQ_NOT_EVIDENCED;
        rr->nrules = c->reqs[i].nrules;
        rr->rules = arena_calloc(a, rr->nrules + 1, sizeof *rr->rules);
        rr->assignee = assign(p, &c->reqs[i]);
        for (j = 0; j < rr->nrules; j++) {
            rr->rules[j].rule = &c->reqs[i].rules[j];
            rr->rules[j].status = RS_NO_DATA;
        }
    }
    return r;
}

void report_free(struct report *r)
{
    if (r)
        arena_free(r->arena);
}

/* `path` relative to the folder `dir` when inside it. */
static const char *under(const char *path, const char *dir)
{
    size_t n = strlen(dir);

    while (n > 1 && dir[n - 1] == '/')
        n--;
    if (strncmp(path, dir, n) == 0 && path[n] == '/')
        return path + n + 1;
    return path;
}

void report_build_sources(struct report *r)
{
    const struct orgdata *o = r->org;
    const char *slash = strrchr(r->catalog->path, '/');
    size_t n = 2 + (o ? o->nsources : 0), i;
    struct report_source *s = arena_calloc(r->arena, n, sizeof *s);

    s[0].path = slash ? slash + 1 : r->catalog->path;
    s[0].kind = "catalogue";
    s[0].rows = r->catalog->nreqs;
    s[0].digest = &r->catalog->digest;
    s[1].path = o ? under(r->profile->path, o->dir) : r->profile->path;
    s[1].kind = "profile";
    s[1].rows = r->profile->nprograms;
    s[1].digest = &r->profile->digest;
    for (i = 0; o && i < o->nsources; i++) {
        s[2 + i].path = under(o->sources[i].path, o->dir);
        s[2 + i].kind = o->sources[i].kind;
        s[2 + i].rows = o->sources[i].rows;
        s[2 + i].digest = &o->sources[i].digest;
    }
    r->sources = s;
    r->nsources = n;
}

const char *report_lang(const struct report *r)
{
    return r->lang ? lang_code(r->lang) : "en";
}

const char *report_text(const struct report *r, const struct i18n *t)
{
    const char *s = i18n_get(t, report_lang(r));
    return s ? s : "";
}

const char *assignee_name(const struct assignee *a)
{
    return a->person ? a->person : a->role;
}

/* ----------------------------------------------------------- names */

const unsigned evidence_flag_order[7] = {
    EVF_CHANGED, EVF_MISSING, EVF_EXPIRED, EVF_UNAPPROVED, EVF_STALE,
    EVF_FUTURE, EVF_EXPIRING
};

const char *evidence_flag_name(unsigned bit)
{
    switch (bit) {
    case EVF_UNAPPROVED: return "unapproved";
    case EVF_EXPIRED: return "expired";
    case EVF_STALE: return "stale";
    case EVF_CHANGED: return "changed";
    case EVF_MISSING: return "missing-file";
    case EVF_FUTURE: return "dated-after-as-of";
    case EVF_EXPIRING: return "expiring";
    default: return NULL;
    }
}

const char *target_source_name(enum target_source s)
{
    static const char *const names[TS_COUNT] = {
        "program", "default", "catalogue"
    };
    return names[s];
}

const char *assign_source_name(enum assign_source s)
{
    static const char *const names[] = {
        "named", "role", "unfilled-role", "none"
    };
    return names[s];
}

const char *point_status_name(enum point_status s)
{
    static const char *const names[] = {
        "no-data", "pass", "fail", "no-target"
    };
    return names[s];
}

const char *pst_trend_name(enum pst_trend t)
{
    static const char *const names[PST_TREND_COUNT] = {
        "few", "better", "steady", "worse", "up", "down"
    };
    return names[t];
}

const char *pst_result_name(enum pst_result r)
{
    static const char *const names[PST_RESULT_COUNT] = {
        "pass", "fail", "no-data", "no-target"
    };
    return names[r];
}

/* --------------------------------------------------------- series */

/* The rules that judge this metric month by month (metric and sample). */
static int judges(const struct rule *rule, const char *metric)
{
    return (rule->type == RULE_METRIC || rule->type == RULE_SAMPLE) &&
           rule->metric && strcmp(rule->metric, metric) == 0;
}

/* What one applicable rule tells its series: the window it reads, and
 * the target when the program sets none (the first such rule in
 * catalogue order gives it). */
static void series_rule(const struct report *r, struct kpi_series *s,
                        const struct rule *rule)
{
    int months = rule->mode == WIN_LATEST ? 1
               : rule->months ? rule->months : r->window_months;
    if (months > s->win_months)
        s->win_months = months;
    if (!s->target.found && rule->type == RULE_METRIC && rule->has_fixed) {
        s->target.found = 1;
        s->target.op = rule->op;
        s->target.value = rule->value;
        s->target.source = rule->program_target ? TS_DEFAULT : TS_CATALOGUE;
    }
}

static void fill_points(const struct report *r, struct kpi_series *s)
{
    cg_month m0 = r->window_end - REPORT_SERIES_MONTHS + 1;
    int k;

    for (k = 0; k < REPORT_SERIES_MONTHS; k++) {
        struct kpi_point *pt = &s->points[k];
        const struct kpi_entry *e = kpi_store_get(r->org->kpis, s->program,
                                                  s->metric, m0 + k);
        pt->month = m0 + k;
        pt->n = -1;
        if (!e) {
            pt->status = PT_NONE;
            continue;
        }
        s->npoints_with_value++;
        pt->value = e->value;
        pt->n = e->n;
        pt->file = e->file;
        pt->line = e->line;
        if (!s->target.found)
            pt->status = PT_UNJUDGED;
        else
            pt->status = cmp_op_eval(s->target.op, e->value, s->target.value)
                             ? PT_PASS : PT_FAIL;
    }
}

struct series_key {
    int program;
    const char *metric;
    const char *program_id;
};

static int cmp_key(const void *a, const void *b)
{
    const struct series_key *x = a, *y = b;
    int c = strcmp(x->program_id, y->program_id);
    return c ? c : strcmp(x->metric, y->metric);
}

void report_build_series(struct report *r)
{
    const struct profile *p = r->profile;
    const struct kpi_entry **v;
    struct series_key *keys = NULL;
    size_t n, i, j, k, nkeys = 0, cap = 0, count = 0;

    if (!r->org)
        return;
    /* Every (program, metric) with a value, and every one a rule judges
     * (a required metric without data must show as such). */
    v = kpi_store_sorted(r->org->kpis, p, &n);
    for (i = 0; i < n; i++)
        if (i == 0 || v[i]->program != v[i - 1]->program ||
            strcmp(v[i]->metric, v[i - 1]->metric) != 0)
            VEC_PUSH(keys, nkeys, cap) = (struct series_key){
                v[i]->program, v[i]->metric, p->programs[v[i]->program].id };
    free(v);
    for (i = 0; i < r->catalog->nreqs; i++) {
        if (r->reqs[i].status == REQ_NA)
            continue;
        for (j = 0; j < r->reqs[i].nrules; j++) {
            const struct rule_result *res = &r->reqs[i].rules[j];
            if (!judges(res->rule, res->rule->metric) ||
                res->status == RS_NA)
                continue;
            for (k = 0; k < res->nprograms; k++)
                VEC_PUSH(keys, nkeys, cap) = (struct series_key){
                    res->programs[k], res->rule->metric,
                    p->programs[res->programs[k]].id };
        }
    }
    if (nkeys)
        qsort(keys, nkeys, sizeof *keys, cmp_key);
    /* Unique keys, in place: the series, in their order. */
    for (i = 0; i < nkeys; i++)
        if (i == 0 || cmp_key(&keys[i], &keys[count - 1]) != 0)
            keys[count++] = keys[i];
    r->series = arena_calloc(r->arena, count + 1, sizeof *r->series);
    for (i = 0; i < count; i++) {
        struct kpi_series *s = &r->series[i];
        const struct target *own;
        s->program = keys[i].program;
        s->metric = keys[i].metric;
        s->unit = catalog_metric_unit(r->catalog, s->metric);
        s->better = catalog_metric_better(r->catalog, s->metric);
        own = program_target(&p->programs[s->program], s->metric);
        if (own) {
            s->target.found = 1;
            s->target.op = own->op;
            s->target.value = own->value;
            s->target.source = TS_PROGRAM;
        }
    }
    /* Each applicable rule, in catalogue order, to the series it judges
     * (found by binary search: one pass over the rules, where a pass per
     * series was series x rules). */
    for (i = 0; i < r->catalog->nreqs; i++) {
        if (r->reqs[i].status == REQ_NA)
            continue;
        for (j = 0; j < r->reqs[i].nrules; j++) {
            const struct rule_result *res = &r->reqs[i].rules[j];
            if (!judges(res->rule, res->rule->metric) ||
                res->status == RS_NA)
                continue;
            for (k = 0; k < res->nprograms; k++) {
                struct series_key key = {
                    res->programs[k], res->rule->metric,
                    p->programs[res->programs[k]].id };
                const struct series_key *at = bsearch(&key, keys, count,
                                                      sizeof *keys, cmp_key);
                if (at)
                    series_rule(r, &r->series[at - keys], res->rule);
            }
        }
    }
    for (i = 0; i < count; i++) {
        r->series[i].win_end = r->window_end;
        fill_points(r, &r->series[i]);
    }
    r->nseries = count;
    free(keys);
}

struct msg *report_exclusion_msg(struct arena *a, const struct exclusion_use *u)
{
    const char *key = u->x->program_id
        ? (u->ncritical ? "why.exclusion.program.critical"
                        : "why.exclusion.program")
        : (u->ncritical ? "why.exclusion.critical" : "why.exclusion");
    struct msg *m = msg_new(a, key);

    msg_id(a, m, "ref", u->x->ref);
    if (u->x->program_id)
        msg_id(a, m, "program", u->x->program_id);
    msg_text(a, m, "reason", u->x->reason);
    if (u->x->approved_by)
        msg_text(a, m, "approved_by", u->x->approved_by);
    msg_int(a, m, "requirements", (long long)u->nreqs);
    msg_int(a, m, "critical", (long long)u->ncritical);
    return m;
}
