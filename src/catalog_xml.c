/*
 * catalog_xml.c — the catalogue loader: XML to struct catalog (load.h,
 * model in catalog.h).
 *
 * The embedded catalogue.xsd has already checked structure, types and
 * enumerations when build_*() run, so they read attributes without
 * re-checking their syntax; catalog_lint.c then checks what a schema
 * cannot (cross-references, cycles, metric names).
 */
#include <string.h>

#include "copcgap/arena.h"
#include "copcgap/catalog.h"
#include "copcgap/expr.h"
#include "copcgap/facts.h"
#include "copcgap/metric.h"
#include "copcgap/load.h"
#include "copcgap/xmlsafe.h"

/* Growable arrays on the heap while loading, moved to the arena at end. */
struct builder {
    struct catalog *c;
    struct cg_errors *errs;
    size_t cat_cap, item_cap, req_cap, metric_cap;
    int too_many_reqs;          /* reported once */
};

static channel_mask parse_channels(const char *list)
{
    channel_mask m = 0;
    const char *p = list;

    while (p && *p) {
        size_t len;
        int ch;
        while (*p == ' ')
            p++;
        len = strcspn(p, " ");
        if (len && (ch = channel_parse(p, len)) >= 0)
            m |= 1u << ch;
        p += len;
    }
    return m;
}

static const char **parse_words(struct arena *a, const char *list, size_t *n)
{
    const char **v;
    const char *p;
    size_t count = 0, i = 0;

    for (p = list; *p;) {
        while (*p == ' ')
            p++;
        if (*p) {
            count++;
            p += strcspn(p, " ");
        }
    }
    v = arena_calloc(a, count ? count : 1, sizeof *v);
    for (p = list; *p;) {
        size_t len;
        while (*p == ' ')
            p++;
        len = strcspn(p, " ");
        if (len)
            v[i++] = arena_strndup(a, p, len);
        p += len;
    }
    *n = count;
    return v;
}

static enum program_weight parse_weight(const char *v,
                                        enum program_weight def)
{
    if (!v)
        return def;
    return strcmp(v, "equal") == 0 ? PW_EQUAL : PW_VOLUME;
}

/* Attributes in range (load.h, docs/limits.md), errors located at the
 * element. */
static double fraction(struct builder *b, xmlNodePtr n, const char *name,
                       double def)
{
    return xml_attr_num(n, name, def, 0, 1, b->c->path, b->errs);
}

static double weight(struct builder *b, xmlNodePtr n, const char *name,
                     double def)
{
    return xml_attr_num(n, name, def, 0, LIMIT_WEIGHT_MAX, b->c->path,
                        b->errs);
}

/* Person-days of an action (catalogue.xsd, type effort). */
static double effort(struct builder *b, xmlNodePtr n, const char *name,
                     double def)
{
    return xml_attr_num(n, name, def, 0, 1000, b->c->path, b->errs);
}

static int months(struct builder *b, xmlNodePtr n, const char *name, int def)
{
    return xml_attr_int(n, name, def, 1, LIMIT_MONTHS_MAX, b->c->path,
                        b->errs);
}

static void build_scoring(struct builder *b, xmlNodePtr n)
{
    struct scoring *s = &b->c->scoring;
    s->met_min = fraction(b, n, "met-min", s->met_min);
    s->partial_min = fraction(b, n, "partial-min", s->partial_min);
    s->no_data_score = fraction(b, n, "no-data-score", s->no_data_score);
    s->partial_finding = fraction(b, n, "partial-finding",
                                  s->partial_finding);
    s->conditional_min = fraction(b, n, "conditional-min",
                                  s->conditional_min);
    s->window_months = months(b, n, "window-months", s->window_months);
    s->critical_factor = weight(b, n, "critical-factor", s->critical_factor);
    s->urgency_factor = weight(b, n, "urgency-factor", s->urgency_factor);
    s->program_weight = parse_weight(xml_attr(b->c->arena, n,
                                              "program-weight"),
                                     s->program_weight);
    s->trend_confidence = xml_attr_num(n, "trend-confidence",
                                       s->trend_confidence, 0.5, 0.9999,
                                       b->c->path, b->errs);
    s->tier2_slack_days = xml_attr_int(n, "tier2-slack-days",
                                       s->tier2_slack_days, 0, 3650,
                                       b->c->path, b->errs);
    s->effort[RULE_EVIDENCE] = effort(b, n, "effort-evidence",
                                      s->effort[RULE_EVIDENCE]);
    s->effort[RULE_FINDING] = effort(b, n, "effort-finding",
                                     s->effort[RULE_FINDING]);
    s->effort[RULE_METRIC] = effort(b, n, "effort-metric",
                                    s->effort[RULE_METRIC]);
    s->effort[RULE_TREND] = effort(b, n, "effort-trend",
                                   s->effort[RULE_TREND]);
    s->effort[RULE_SAMPLE] = effort(b, n, "effort-sample",
                                    s->effort[RULE_SAMPLE]);
    s->effort[RULE_CHECK] = effort(b, n, "effort-check",
                                   s->effort[RULE_CHECK]);
    s->effort[RULE_CADENCE] = effort(b, n, "effort-cadence",
                                     s->effort[RULE_CADENCE]);
}

static void build_metrics(struct builder *b, xmlNodePtr n)
{
    struct catalog *c = b->c;
    xmlNodePtr m, t;

    if (!xml_count_at_most(n, NULL, CATALOG_MAX_METRICS, "declared metrics",
                           c->path, b->errs))
        return;
    for (m = xml_first(n); m; m = xml_next(m)) {
        struct declared_metric *d =
            &VEC_PUSH(c->metrics, c->nmetrics, b->metric_cap);
        const char *better = xml_attr(c->arena, m, "better");
        memset(d, 0, sizeof *d);
        d->name = xml_attr(c->arena, m, "name");
        d->unit = xml_attr(c->arena, m, "unit");
        if (!d->unit)
            d->unit = "";
        d->better = BETTER_HIGHER;
        d->mclass = metric_class_parse(xml_attr(c->arena, m, "class"));
        if (d->mclass < 0)
            d->mclass = MC_OTHER;
        if (better && strcmp(better, "lower") == 0)
            d->better = BETTER_LOWER;
        else if (better && strcmp(better, "none") == 0)
            d->better = BETTER_NONE;
        for (t = xml_first(m); t; t = xml_next(t))
            xml_add_text(c->arena, &d->title, t, c->path, b->errs);
        if (metric_find(d->name, strlen(d->name)) >= 0)
            errors_add(b->errs, CG_ERR_INPUT, c->path, xml_line(m), 0,
                       "metric \"%s\" is built in and cannot be declared "
                       "again", d->name);
    }
}

static int parse_mode(const char *s)
{
    int m = window_mode_parse(s);
    return m < 0 ? WIN_EACH : m;     /* the schema's default */
}

static void build_window(struct builder *b, struct rule *r, xmlNodePtr n)
{
    struct catalog *c = b->c;
    r->mode = (enum window_mode)parse_mode(xml_attr(c->arena, n, "mode"));
    r->months = months(b, n, "months", 0);
    r->at_least = months(b, n, "at-least", 0);
}

static void build_rule(struct builder *b, struct requirement *req,
                       struct rule *r, xmlNodePtr n, size_t index)
{
    struct catalog *c = b->c;
    struct arena *a = c->arena;
    const char *v;
    xmlNodePtr t;

    memset(r, 0, sizeof *r);
    r->line = xml_line(n);
    r->id = xml_attr(a, n, "id");
    r->id_given = r->id != NULL;
    if (!r->id)
        r->id = arena_printf(a, "%s/%zu", req->id, index + 1);
    r->weight = weight(b, n, "weight", 1);
    r->channels = parse_channels(xml_attr(a, n, "channels"));
    r->per_program = xml_attr_bool(n, "per-program", 0);
    r->program_weight = parse_weight(xml_attr(a, n, "program-weight"),
                                     PW_DEFAULT);
    for (t = xml_first(n); t; t = xml_next(t))
        if (xml_is(t, "label"))
            xml_add_text(a, &r->label, t, c->path, b->errs);

    if (xml_is(n, "evidence")) {
        r->type = RULE_EVIDENCE;
        r->kinds = parse_words(a, xml_attr(a, n, "kinds"), &r->nkinds);
        r->approved = xml_attr_bool(n, "approved", 1);
        r->max_age_days = xml_attr_int(n, "max-age-days", 0, 1,
                                       LIMIT_AGE_DAYS_MAX, c->path, b->errs);
        r->min_count = xml_attr_int(n, "min-count", 1, 1,
                                    LIMIT_MIN_COUNT_MAX, c->path, b->errs);
        v = xml_attr(a, n, "validity");
        r->validity = v && strcmp(v, "expires") == 0 ? VALID_EXPIRES
                                                      : VALID_AGE;
    } else if (xml_is(n, "cadence")) {
        r->type = RULE_CADENCE;
        r->kinds = parse_words(a, xml_attr(a, n, "kinds"), &r->nkinds);
        r->approved = xml_attr_bool(n, "approved", 1);
        r->months = months(b, n, "months", 0);
        r->min_count = xml_attr_int(n, "min-per-month", 1, 1,
                                    LIMIT_MIN_COUNT_MAX, c->path, b->errs);
    } else if (xml_is(n, "finding")) {
        r->type = RULE_FINDING;
    } else if (xml_is(n, "metric")) {
        r->type = RULE_METRIC;
        r->metric = xml_attr(a, n, "name");
        v = xml_attr(a, n, "target");
        r->program_target = !v || strcmp(v, "program") == 0;
        v = xml_attr(a, n, "op");
        r->has_fixed = v != NULL;
        r->op = (enum cmp_op)xml_attr_enum(n, "op", cmp_op_parse, 0, c->path,
                                           b->errs);
        r->value = xml_attr_num(n, "value", 0, -LIMIT_VALUE_MAX,
                                LIMIT_VALUE_MAX, c->path, b->errs);
        if (r->has_fixed != (xml_attr(a, n, "value") != NULL))
            errors_add(b->errs, CG_ERR_INPUT, c->path, r->line, 0,
                       "metric rule \"%s\": op and value go together",
                       r->id);
        build_window(b, r, n);
    } else if (xml_is(n, "trend")) {
        r->type = RULE_TREND;
        r->metric = xml_attr(a, n, "name");
        r->months = months(b, n, "months", 0);
        r->min_points = months(b, n, "min-points", 3);
        r->tolerance = xml_attr_num(n, "tolerance", 0, 0, LIMIT_VALUE_MAX,
                                    c->path, b->errs);
        v = xml_attr(a, n, "better");
        r->better = -1;         /* the metric's own direction */
        if (v)
            r->better = strcmp(v, "higher") == 0 ? BETTER_HIGHER
                      : strcmp(v, "lower") == 0 ? BETTER_LOWER : BETTER_NONE;
    } else if (xml_is(n, "sample")) {
        r->type = RULE_SAMPLE;
        r->metric = xml_attr(a, n, "name");
        if (!r->metric)
            r->metric = "euc_moe";
        r->max_moe = xml_attr_num(n, "max-moe", 0, 0, 100, c->path,
                                  b->errs);
        r->relative_to = xml_attr(a, n, "relative-to");
        r->fraction = xml_attr_num(n, "fraction", 1, 0, 10, c->path,
                                   b->errs);
        r->z = weight(b, n, "z", 1.96);
        r->expected_p = fraction(b, n, "p", 0);
        build_window(b, r, n);
    } else if (xml_is(n, "check")) {
        struct expr_diag diag;
        r->type = RULE_CHECK;
        r->expr_text = xml_attr_raw(a, n, "expr");
        r->expr_line = r->line;
        memset(&diag, 0, sizeof diag);
        if (r->expr_text && strlen(r->expr_text) > EXPR_MAX_LEN) {
            errors_add(b->errs, CG_ERR_INPUT, c->path, r->line, 0,
                       "requirement %s: check expression longer than %d "
                       "bytes (docs/limits.md)", req->id, EXPR_MAX_LEN);
            return;
        }
        r->expr = expr_compile(a, r->expr_text, fact_functions, &diag);
        if (!r->expr)
            errors_add(b->errs, CG_ERR_INPUT, c->path, r->line, 0,
                       "requirement %s, check expression at line %ld, "
                       "column %ld: %s", req->id, diag.line, diag.col,
                       strbuf_cstr(&diag.msg));
        strbuf_free(&diag.msg);
    }
}

static void build_requirement(struct builder *b, xmlNodePtr n, size_t cat,
                              size_t item)
{
    struct catalog *c = b->c;
    struct arena *a = c->arena;
    struct requirement *req;
    xmlNodePtr t;
    size_t ndep = 0, nref = 0, nrule = 0;

    /* The first one too many is reported; the rest are not built. */
    if (c->nreqs >= CATALOG_MAX_REQUIREMENTS) {
        if (!b->too_many_reqs)
            errors_add(b->errs, CG_ERR_INPUT, c->path, xml_line(n), 0,
                       "more than %d requirements (docs/limits.md)",
                       CATALOG_MAX_REQUIREMENTS);
        b->too_many_reqs = 1;
        return;
    }
    VEC_RESERVE(c->reqs, b->req_cap, c->nreqs + 1);
    req = &c->reqs[c->nreqs++];
    memset(req, 0, sizeof *req);
    req->id = xml_attr(a, n, "id");
    req->line = xml_line(n);
    req->category = cat;
    req->item = item;
    req->weight = weight(b, n, "weight", 1);
    req->critical = xml_attr_bool(n, "critical", 0);
    req->impact = xml_attr_int(n, "impact", 3, 1, 5, c->path, b->errs);
    req->effort_days = xml_attr_num(n, "effort-days", -1, 0, 1000, c->path,
                                    b->errs);
    req->owner_role = xml_attr(a, n, "owner");

    /* Count first so that arrays are allocated once, in the arena. */
    for (t = xml_first(n); t; t = xml_next(t)) {
        if (xml_is(t, "depends-on"))
            ndep++;
        else if (xml_is(t, "ref"))
            nref++;
        else if (xml_is(t, "rules") &&
                 xml_count_at_most(t, NULL, CATALOG_MAX_RULES,
                                   "rules in one requirement", c->path,
                                   b->errs))
            for (xmlNodePtr r = xml_first(t); r; r = xml_next(r))
                nrule++;
    }
    if (ndep > CATALOG_MAX_LINKS || nref > CATALOG_MAX_LINKS) {
        errors_add(b->errs, CG_ERR_INPUT, c->path, req->line, 0,
                   "requirement %s: more than %d %s (docs/limits.md)",
                   req->id, CATALOG_MAX_LINKS, ndep > CATALOG_MAX_LINKS ?
                   "<depends-on>" : "<ref>");
        ndep = nref = 0;
    }
    req->depends = arena_calloc(a, ndep + 1, sizeof *req->depends);
    req->depends_idx = arena_calloc(a, ndep + 1, sizeof *req->depends_idx);
    req->refs = arena_calloc(a, nref + 1, sizeof *req->refs);
    req->rules = arena_calloc(a, nrule + 1, sizeof *req->rules);

    for (t = xml_first(n); t; t = xml_next(t)) {
        if (xml_is(t, "title"))
            xml_add_text(a, &req->title, t, c->path, b->errs);
        else if (xml_is(t, "intent"))
            xml_add_text(a, &req->intent, t, c->path, b->errs);
        else if (xml_is(t, "guidance"))
            xml_add_text(a, &req->guidance, t, c->path, b->errs);
        else if (xml_is(t, "remediation")) {
            double e = effort(b, t, "effort", -1);
            xml_add_text(a, &req->remediation, t, c->path, b->errs);
            if (e >= 0)
                req->effort_days = e;   /* over effort-days */
        }
        else if (xml_is(t, "applies-to")) {
            int kind = xml_attr_enum(t, "kind", org_kind_parse, -1, c->path,
                                     b->errs);
            if (kind >= 0)
                req->applies_kind = 1u << kind;
            req->applies_channels = parse_channels(xml_attr(a, t,
                                                            "channels"));
        } else if (xml_is(t, "depends-on") && req->ndepends < ndep) {
            req->depends[req->ndepends++] = xml_attr(a, t, "ref");
        } else if (xml_is(t, "ref") && req->nrefs < nref) {
            struct xref *x = &req->refs[req->nrefs++];
            x->standard = xml_attr(a, t, "standard");
            x->clause = xml_attr(a, t, "clause");
            x->rel = (enum xrel)xml_attr_enum(t, "relation", xrel_parse, 0,
                                              c->path, b->errs);
            x->joint = xml_attr_bool(t, "joint", 0);
            x->line = xml_line(t);
            for (xmlNodePtr r = xml_first(t); r; r = xml_next(r))
                xml_add_text(a, &x->rationale, r, c->path, b->errs);
        } else if (xml_is(t, "rules")) {
            for (xmlNodePtr r = xml_first(t); r && req->nrules < nrule;
                 r = xml_next(r)) {
                build_rule(b, req, &req->rules[req->nrules], r,
                           req->nrules);
                req->nrules++;
            }
        }
    }
    c->nrules += req->nrules;
}

static void build_item(struct builder *b, xmlNodePtr n, size_t cat)
{
    struct catalog *c = b->c;
    struct item *it;
    size_t idx = c->nitems;
    xmlNodePtr t;

    VEC_RESERVE(c->items, b->item_cap, c->nitems + 1);
    it = &c->items[c->nitems++];
    memset(it, 0, sizeof *it);
    it->id = xml_attr(c->arena, n, "id");
    it->line = xml_line(n);
    it->category = cat;
    it->weight = weight(b, n, "weight", 1);
    it->first_req = c->nreqs;
    for (t = xml_first(n); t; t = xml_next(t)) {
        if (xml_is(t, "title"))
            xml_add_text(c->arena, &c->items[idx].title, t, c->path, b->errs);
        else if (xml_is(t, "requirement"))
            build_requirement(b, t, cat, idx);
    }
    c->items[idx].nreq = c->nreqs - c->items[idx].first_req;
}

static void build_category(struct builder *b, xmlNodePtr n)
{
    struct catalog *c = b->c;
    size_t idx = c->ncategories;
    struct category *cat;
    xmlNodePtr t;

    VEC_RESERVE(c->categories, b->cat_cap, c->ncategories + 1);
    cat = &c->categories[c->ncategories++];
    memset(cat, 0, sizeof *cat);
    cat->id = xml_attr(c->arena, n, "id");
    cat->line = xml_line(n);
    cat->weight = weight(b, n, "weight", 1);
    cat->first_item = c->nitems;
    cat->first_req = c->nreqs;
    for (t = xml_first(n); t; t = xml_next(t)) {
        /* `cat` may move when items grow other arrays: index again. */
        if (xml_is(t, "title"))
            xml_add_text(c->arena, &c->categories[idx].title, t, c->path,
                         b->errs);
        else if (xml_is(t, "item"))
            build_item(b, t, idx);
        else if (xml_is(t, "requirement"))
            build_requirement(b, t, idx, SIZE_MAX);
    }
    c->categories[idx].nitems = c->nitems - c->categories[idx].first_item;
    c->categories[idx].nreq = c->nreqs - c->categories[idx].first_req;
}

static void build(struct builder *b, xmlNodePtr root)
{
    struct catalog *c = b->c;
    const char *type;
    xmlNodePtr n;

    c->id = xml_attr(c->arena, root, "id");
    c->version = xml_attr(c->arena, root, "version");
    c->publisher = xml_attr(c->arena, root, "publisher");
    type = xml_attr(c->arena, root, "type");
    c->reference = type && strcmp(type, "reference") == 0;
    scoring_defaults(&c->scoring);
    for (n = xml_first(root); n; n = xml_next(n)) {
        if (xml_is(n, "title"))
            xml_add_text(c->arena, &c->title, n, c->path, b->errs);
        else if (xml_is(n, "licence"))
            xml_add_text(c->arena, &c->licence, n, c->path, b->errs);
        else if (xml_is(n, "metrics"))
            build_metrics(b, n);
        else if (xml_is(n, "scoring"))
            build_scoring(b, n);
        else if (xml_is(n, "category"))
            build_category(b, n);
    }
    c->categories = arena_adopt(c->arena, c->categories, c->ncategories,
                             sizeof *c->categories);
    c->items = arena_adopt(c->arena, c->items, c->nitems, sizeof *c->items);
    c->reqs = arena_adopt(c->arena, c->reqs, c->nreqs, sizeof *c->reqs);
    c->metrics = arena_adopt(c->arena, c->metrics, c->nmetrics,
                          sizeof *c->metrics);
}

struct catalog *catalog_load(const char *path, struct cg_errors *errs)
{
    struct builder b;
    struct catalog *c;
    struct arena *a;
    size_t before = errors_count(errs);
    struct file_digest digest;
    xmlDocPtr doc = xml_read_digest(path, &digest, errs);

    if (!doc)
        return NULL;
    if (!xml_validate(doc, "catalogue.xsd", path, errs)) {
        xmlFreeDoc(doc);
        return NULL;
    }
    a = arena_new();
    c = arena_calloc(a, 1, sizeof *c);
    c->arena = a;
    c->path = arena_strdup(a, path);
    c->digest = digest;
    memset(&b, 0, sizeof b);
    b.c = c;
    b.errs = errs;
    build(&b, xmlDocGetRootElement(doc));
    xmlFreeDoc(doc);
    catalog_build_index(c);
    if (errors_count(errs) == before)
        catalog_lint(c, errs);
    if (errors_count(errs) != before) {
        catalog_free(c);
        return NULL;
    }
    return c;
}

