/*
 * catalog.c — the catalogue model: name tables, scoring defaults and
 * lookups (see catalog.h).  No parsing here: catalog_xml.c builds the
 * model from a file, catalog_lint.c checks it.
 */
#include <stdlib.h>
#include <string.h>

#include "copcgap/arena.h"
#include "copcgap/catalog.h"
#include "copcgap/metric.h"
#include "copcgap/msg.h"

static const char *const rule_type_names[RULE_TYPE_COUNT] = {
    "evidence", "finding", "metric", "trend", "sample", "check", "cadence"
};
static const char *const window_mode_names[WIN_COUNT] = {
    "at-least", "each", "mean", "latest"
};

const char *rule_type_name(enum rule_type t) { return rule_type_names[t]; }
const char *window_mode_name(enum window_mode m)
{
    return window_mode_names[m];
}

void scoring_defaults(struct scoring *s)
{
    /* docs/scoring.md; the same numbers are the
     * attribute defaults of <scoring> in catalogue.xsd (a test checks). */
    s->met_min = 1.0;
    s->partial_min = 0.0;
    s->no_data_score = 0.0;
    s->partial_finding = 0.5;
    s->conditional_min = 0.85;
    s->window_months = 6;
    s->critical_factor = 2.0;
    s->urgency_factor = 2.0;
    s->program_weight = PW_VOLUME;
    s->trend_confidence = 0.95;
    s->tier2_slack_days = 30;
    /* Person-days an action takes when the catalogue names none, by the
     * kind of rule it must turn: a document is quicker to write than a
     * metric is to move (docs/plan.md, "Effort"). */
    s->effort[RULE_EVIDENCE] = 3;
    s->effort[RULE_FINDING] = 5;
    s->effort[RULE_METRIC] = 10;
    s->effort[RULE_TREND] = 10;
    s->effort[RULE_SAMPLE] = 5;
    s->effort[RULE_CHECK] = 5;
    s->effort[RULE_CADENCE] = 3;
}

int window_mode_parse(const char *s)
{
    int i;
    for (i = 0; s && i < WIN_COUNT; i++)
        if (strcmp(s, window_mode_names[i]) == 0)
            return i;
    return -1;
}

/* Requirement ids sorted by byte order, for lookups by binary search:
 * evidence and findings rows, scope exclusions and dependencies all
 * look ids up, and a linear scan made large catalogues quadratic. */
struct req_index {
    const char *id;
    size_t idx;
};

static int cmp_index(const void *a, const void *b)
{
    const struct req_index *x = a, *y = b;
    return strcmp(x->id, y->id);
}

void catalog_build_index(struct catalog *c)
{
    struct req_index *v = arena_calloc(c->arena, c->nreqs + 1, sizeof *v);
    size_t i;

    for (i = 0; i < c->nreqs; i++) {
        v[i].id = c->reqs[i].id;
        v[i].idx = i;
    }
    qsort(v, c->nreqs, sizeof *v, cmp_index);
    c->req_index = v;
}

void catalog_free(struct catalog *c)
{
    if (c)
        arena_free(c->arena);
}

long catalog_find_req(const struct catalog *c, const char *id, size_t len)
{
    size_t lo = 0, hi = c->nreqs;

    if (!c->req_index) {            /* a model built by hand (tests) */
        for (lo = 0; lo < c->nreqs; lo++)
            if (str_eq_n(id, len, c->reqs[lo].id))
                return (long)lo;
        return -1;
    }
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *s = c->req_index[mid].id;
        int cmp = strncmp(s, id, len);
        if (cmp == 0 && s[len] != '\0')
            cmp = 1;                /* s is longer: it sorts after */
        if (cmp == 0)
            return (long)c->req_index[mid].idx;
        if (cmp < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

long catalog_find_category(const struct catalog *c, const char *id)
{
    size_t i;
    for (i = 0; i < c->ncategories; i++)
        if (strcmp(c->categories[i].id, id) == 0)
            return (long)i;
    return -1;
}

long catalog_find_item(const struct catalog *c, const char *id)
{
    size_t i;
    for (i = 0; i < c->nitems; i++)
        if (strcmp(c->items[i].id, id) == 0)
            return (long)i;
    return -1;
}

static const struct declared_metric *find_declared(const struct catalog *c,
                                                   const char *name,
                                                   size_t len)
{
    size_t i;
    for (i = 0; i < c->nmetrics; i++)
        if (str_eq_n(name, len, c->metrics[i].name))
            return &c->metrics[i];
    return NULL;
}

int catalog_knows_metric(const struct catalog *c, const char *name,
                         size_t len)
{
    return metric_find(name, len) >= 0 || find_declared(c, name, len);
}

int catalog_metric_class(const struct catalog *c, const char *name)
{
    int m = metric_find(name, strlen(name));
    const struct declared_metric *d;

    if (m >= 0)
        return (int)metric_defs[m].mclass;
    d = find_declared(c, name, strlen(name));
    return d ? d->mclass : MC_OTHER;
}

struct msg *catalog_msg_metric(struct arena *a, const struct catalog *c,
                               struct msg *m, const char *arg,
                               const char *name)
{
    const struct declared_metric *d = metric_find(name, strlen(name)) < 0
                                          ? find_declared(c, name,
                                                          strlen(name))
                                          : NULL;
    if (d && d->title.n)
        return msg_i18n(a, m, arg, &d->title);
    return msg_term(a, m, arg, "metric.", name);
}

const char *catalog_metric_unit(const struct catalog *c, const char *name)
{
    int m = metric_find(name, strlen(name));
    const struct declared_metric *d;

    if (m >= 0)
        return metric_defs[m].unit;
    d = find_declared(c, name, strlen(name));
    return d ? d->unit : "";
}

int catalog_metric_better(const struct catalog *c, const char *name)
{
    int m = metric_find(name, strlen(name));
    const struct declared_metric *d;

    if (m >= 0)
        return (int)metric_defs[m].better;
    d = find_declared(c, name, strlen(name));
    return d ? d->better : BETTER_NONE;
}
