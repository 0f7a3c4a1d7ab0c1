/*
 * run_diff.c — what changed between two runs, and why (run.h).
 *
 * A requirement is listed when its status or its score changed; within
 * it, every rule whose status, score or trace changed, each with its
 * causes: the inputs the rule reads that changed between the two runs
 * (the KPI months of its metric, the evidence rows and findings of its
 * requirement), then its trace before and after, so that the reader can
 * check the change by hand.  Changes of the inputs as a whole (files,
 * the catalogue, the as-of date) are listed once, first.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "copcgap/run.h"

const char *const run_diff_fields[] = {
    "dated", "approved", "expires", "kind", "requirements", "program",
    "location", "integrity", "content", "title", NULL
};

/* Scores are stored as doubles; anything below this is the same score. */
#define SCORE_EPS 1e-9

static void add_cause(struct arena *a, struct rule_change *c,
                      const struct msg *m)
{
    c->causes = arena_grow(a, c->causes, c->ncauses, &c->cap,
                           sizeof *c->causes);
    c->causes[c->ncauses++] = m;
}

static void add_input(struct run_diff *d, const struct msg *m)
{
    d->inputs = arena_grow(d->arena, d->inputs, d->ninputs, &d->inputs_cap,
                           sizeof *d->inputs);
    d->inputs[d->ninputs++] = m;
}

/* ------------------------------------------------------ the inputs */

static const struct run_file *find_file(const struct run_inputs *in,
                                        const char *path)
{
    size_t i;
    for (i = 0; i < in->nfiles; i++)
        if (strcmp(in->files[i].path, path) == 0)
            return &in->files[i];
    return NULL;
}

static struct msg *file_msg(struct arena *a, const char *key,
                            const struct run_file *f)
{
    struct msg *m = msg_new(a, key);
    msg_id(a, m, "path", f->path);
    msg_term(a, m, "kind", "source.", f->kind);
    msg_int(a, m, "rows", (long long)f->rows);
    return m;
}

static void diff_inputs(struct run_diff *d)
{
    struct arena *a = d->arena;
    const struct run *ra = d->a, *rb = d->b;
    size_t i;

    if (strcmp(ra->catalogue_sha256, rb->catalogue_sha256) != 0) {
        struct msg *m = msg_new(a, "diff.input.catalogue");
        msg_id(a, m, "from", ra->catalogue_id);
        msg_id(a, m, "from_version", ra->catalogue_version);
        msg_id(a, m, "to", rb->catalogue_id);
        msg_id(a, m, "to_version", rb->catalogue_version);
        add_input(d, m);
    }
    if (ra->as_of != rb->as_of) {
        struct msg *m = msg_new(a, "diff.input.as_of");
        msg_date(a, m, "from", ra->as_of);
        msg_date(a, m, "to", rb->as_of);
        add_input(d, m);
    }
    for (i = 0; i < rb->in.nfiles; i++) {
        const struct run_file *fb = &rb->in.files[i];
        const struct run_file *fa = find_file(&ra->in, fb->path);
        struct msg *m;
        if (strcmp(fb->kind, "catalogue") == 0)
            continue;           /* said above, with its version */
        if (!fa) {
            add_input(d, file_msg(a, "diff.input.added", fb));
        } else if (strcmp(fa->sha256, fb->sha256) != 0) {
            m = file_msg(a, "diff.input.changed", fb);
            msg_int(a, m, "from_rows", (long long)fa->rows);
            add_input(d, m);
        }
    }
    for (i = 0; i < ra->in.nfiles; i++)
        if (strcmp(ra->in.files[i].kind, "catalogue") != 0 &&
            !find_file(&rb->in, ra->in.files[i].path))
            add_input(d, file_msg(a, "diff.input.removed",
                                  &ra->in.files[i]));
}

/* KPI values, in the order both lists are kept in: program, metric,
 * month, byte order. */
static int kpi_cmp(const struct run_kpi *x, const struct run_kpi *y)
{
    int c = strcmp(x->program, y->program);
    if (!c)
        c = strcmp(x->metric, y->metric);
    if (!c)
        c = (x->month > y->month) - (x->month < y->month);
    return c;
}

static struct msg *kpi_msg(struct arena *a, const struct run_kpi *ka,
                           const struct run_kpi *kb)
{
    const struct run_kpi *k = kb ? kb : ka;
    struct msg *m = msg_new(a, !ka ? "diff.cause.kpi.added"
                              : !kb ? "diff.cause.kpi.removed"
                              : "diff.cause.kpi.changed");
    msg_id(a, m, "metric", k->metric);
    msg_id(a, m, "program", k->program);
    msg_month(a, m, "month", k->month);
    if (ka)
        msg_num(a, m, "from", ka->value);
    if (kb)
        msg_num(a, m, "to", kb->value);
    msg_id(a, m, "file", k->file);
    if (k->line > 0)
        msg_int(a, m, "line", k->line);
    return m;
}

/* The KPI changes of one metric, appended as causes. */
static void kpi_causes(struct arena *a, const struct run_inputs *ia,
                       const struct run_inputs *ib, const char *metric,
                       struct rule_change *c)
{
    size_t i = 0, j = 0;

    while (i < ia->nkpis || j < ib->nkpis) {
        const struct run_kpi *ka = i < ia->nkpis ? &ia->kpis[i] : NULL;
        const struct run_kpi *kb = j < ib->nkpis ? &ib->kpis[j] : NULL;
        int cmp;
        if (!ka && !kb)
            break;
        cmp = !ka ? 1 : !kb ? -1 : kpi_cmp(ka, kb);
        if (cmp < 0 && ka) {
            if (strcmp(ka->metric, metric) == 0)
                add_cause(a, c, kpi_msg(a, ka, NULL));
            i++;
        } else if (cmp > 0 && kb) {
            if (strcmp(kb->metric, metric) == 0)
                add_cause(a, c, kpi_msg(a, NULL, kb));
            j++;
        } else if (ka && kb) {
            if (strcmp(ka->metric, metric) == 0 &&
                (ka->value != kb->value || ka->n != kb->n))
                add_cause(a, c, kpi_msg(a, ka, kb));
            i++;
            j++;
        } else {
            break;
        }
    }
}

/* 1 when the space-separated list holds the id. */
static int list_has(const char *list, const char *id)
{
    size_t n = strlen(id);
    const char *p = list;

    while ((p = strstr(p, id)) != NULL) {
        if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
            return 1;
        p += n;
    }
    return 0;
}

static const struct run_evidence *find_evidence(const struct run_inputs *in,
                                                const char *id)
{
    size_t i;
    for (i = 0; i < in->nevidence; i++)
        if (strcmp(in->evidence[i].id, id) == 0)
            return &in->evidence[i];
    return NULL;
}

static void field_text(struct arena *a, struct msg *m, const char *name,
                       const char *from, const char *to)
{
    struct msg *f;
    if (strcmp(from, to) == 0)
        return;
    f = msg_new(a, arena_printf(a, "diff.field.%s", name));
    msg_id(a, f, "from", from);
    msg_id(a, f, "to", to);
    msg_append(a, m, "fields", f);
}

static void field_date(struct arena *a, struct msg *m, const char *name,
                       int has_from, cg_day from, int has_to, cg_day to)
{
    struct msg *f;
    if (has_from == has_to && (!has_from || from == to))
        return;
    f = msg_new(a, arena_printf(a, "diff.field.%s", name));
    if (has_from)
        msg_date(a, f, "from", from);
    if (has_to)
        msg_date(a, f, "to", to);
    msg_append(a, m, "fields", f);
}

static struct msg *evidence_msg(struct arena *a,
                                const struct run_evidence *ea,
                                const struct run_evidence *eb)
{
    const struct run_evidence *e = eb ? eb : ea;
    struct msg *m = msg_new(a, !ea ? "diff.cause.evidence.added"
                              : !eb ? "diff.cause.evidence.removed"
                              : "diff.cause.evidence.changed");
    msg_id(a, m, "id", e->id);
    msg_term(a, m, "kind", "kind.", e->kind);
    msg_date(a, m, "dated", e->dated);
    msg_int(a, m, "line", e->line);
    if (!ea || !eb)
        return m;
    msg_list(a, m, "fields");
    field_date(a, m, "dated", 1, ea->dated, 1, eb->dated);
    if (ea->approved != eb->approved) {
        struct msg *f = msg_new(a, arena_printf(a, "diff.field.%s",
                                                "approved"));
        msg_key(a, f, "from", ea->approved ? "word.yes" : "word.no");
        msg_key(a, f, "to", eb->approved ? "word.yes" : "word.no");
        msg_append(a, m, "fields", f);
    }
    field_date(a, m, "expires", ea->has_expires, ea->expires,
               eb->has_expires, eb->expires);
    field_text(a, m, "kind", ea->kind, eb->kind);
    field_text(a, m, "requirements", ea->reqs, eb->reqs);
    field_text(a, m, "program", ea->program, eb->program);
    field_text(a, m, "location", ea->location, eb->location);
    field_text(a, m, "integrity", ea->integrity, eb->integrity);
    if (strcmp(ea->sha256, eb->sha256) != 0)
        msg_append(a, m, "fields", msg_new(a, arena_printf(
            a, "diff.field.%s", "content")));
    if (strcmp(ea->title, eb->title) != 0)
        msg_append(a, m, "fields", msg_new(a, arena_printf(
            a, "diff.field.%s", "title")));
    return msg_list_len(m, "fields") ? m : NULL;
}

static void evidence_causes(struct arena *a, const struct run_inputs *ia,
                            const struct run_inputs *ib, const char *req,
                            struct rule_change *c)
{
    size_t i;
    for (i = 0; i < ib->nevidence; i++) {
        const struct run_evidence *eb = &ib->evidence[i];
        const struct run_evidence *ea = find_evidence(ia, eb->id);
        const struct msg *m;
        if (!list_has(eb->reqs, req) && !(ea && list_has(ea->reqs, req)))
            continue;
        if ((m = evidence_msg(a, ea, eb)) != NULL)
            add_cause(a, c, m);
    }
    for (i = 0; i < ia->nevidence; i++)
        if (list_has(ia->evidence[i].reqs, req) &&
            !find_evidence(ib, ia->evidence[i].id))
            add_cause(a, c, evidence_msg(a, &ia->evidence[i], NULL));
}

static const struct run_finding *find_finding(const struct run_inputs *in,
                                              const char *req,
                                              const char *program)
{
    size_t i;
    for (i = 0; i < in->nfindings; i++)
        if (strcmp(in->findings[i].req, req) == 0 &&
            strcmp(in->findings[i].program, program) == 0)
            return &in->findings[i];
    return NULL;
}

static int finding_same(const struct run_finding *x,
                        const struct run_finding *y)
{
    return strcmp(x->result, y->result) == 0 && strcmp(x->cls, y->cls) == 0 &&
           x->has_dated == y->has_dated && (!x->has_dated ||
                                            x->dated == y->dated) &&
           strcmp(x->note, y->note) == 0 &&
           strcmp(x->assessor, y->assessor) == 0;
}

static struct msg *finding_msg(struct arena *a, const struct run_finding *fa,
                               const struct run_finding *fb)
{
    const struct run_finding *f = fb ? fb : fa;
    struct msg *m = msg_new(a, !fa ? "diff.cause.finding.added"
                              : !fb ? "diff.cause.finding.removed"
                              : "diff.cause.finding.changed");
    if (*f->program)
        msg_id(a, m, "program", f->program);
    msg_int(a, m, "line", f->line);
    if (fa)
        msg_term(a, m, "from", "finding.result.", fa->result);
    if (fb)
        msg_term(a, m, "to", "finding.result.", fb->result);
    if (f->has_dated)
        msg_date(a, m, "dated", f->dated);
    return m;
}

static void finding_causes(struct arena *a, const struct run_inputs *ia,
                           const struct run_inputs *ib, const char *req,
                           struct rule_change *c)
{
    size_t i;
    for (i = 0; i < ib->nfindings; i++) {
        const struct run_finding *fb = &ib->findings[i];
        const struct run_finding *fa;
        if (strcmp(fb->req, req) != 0)
            continue;
        fa = find_finding(ia, req, fb->program);
        if (!fa || !finding_same(fa, fb))
            add_cause(a, c, finding_msg(a, fa, fb));
    }
    for (i = 0; i < ia->nfindings; i++)
        if (strcmp(ia->findings[i].req, req) == 0 &&
            !find_finding(ib, req, ia->findings[i].program))
            add_cause(a, c, finding_msg(a, &ia->findings[i], NULL));
}

/* ------------------------------------------------- requirements */

static int rule_changed(const struct run_rule *x, const struct run_rule *y)
{
    return x->status != y->status || fabs(x->score - y->score) > SCORE_EPS ||
           !msg_equal(x->trace, y->trace);
}

static const struct run_rule *find_rule(const struct run_req *r,
                                        const char *id)
{
    size_t i;
    for (i = 0; r && i < r->nrules; i++)
        if (strcmp(r->rules[i].id, id) == 0)
            return &r->rules[i];
    return NULL;
}

static void add_rule(struct run_diff *d, struct req_change *rc,
                     const struct run_rule *x, const struct run_rule *y)
{
    struct arena *a = d->arena;
    const struct run_rule *r = y ? y : x;
    const char *req = rc->b ? rc->b->id : rc->a->id;
    struct rule_change *c;

    rc->rules = arena_grow(a, rc->rules, rc->nrules, &rc->cap,
                           sizeof *rc->rules);
    c = &rc->rules[rc->nrules++];
    memset(c, 0, sizeof *c);
    c->a = x;
    c->b = y;
    if (r->metric)
        kpi_causes(a, &d->a->in, &d->b->in, r->metric, c);
    if (strcmp(r->type, "evidence") == 0 || strcmp(r->type, "cadence") == 0)
        evidence_causes(a, &d->a->in, &d->b->in, req, c);
    if (strcmp(r->type, "finding") == 0)
        finding_causes(a, &d->a->in, &d->b->in, req, c);
    if (x && x->trace) {
        struct msg *m = msg_new(a, "diff.cause.was");
        add_cause(a, c, msg_sub(a, m, "trace", x->trace));
    }
    if (y && y->trace) {
        struct msg *m = msg_new(a, "diff.cause.now");
        add_cause(a, c, msg_sub(a, m, "trace", y->trace));
    }
}

static enum change_kind req_kind(const struct run_req *x,
                                 const struct run_req *y)
{
    int ga, gb;
    if (!x)
        return CHANGE_ADDED;
    if (!y)
        return CHANGE_REMOVED;
    ga = run_status_is_gap(x->status);
    gb = run_status_is_gap(y->status);
    if (ga && !gb)
        return CHANGE_CLOSED;
    if (!ga && gb)
        return CHANGE_OPENED;
    return x->status != y->status ? CHANGE_STATUS : CHANGE_SCORE;
}

static void add_req(struct run_diff *d, size_t *cap,
                    const struct run_req *x, const struct run_req *y)
{
    struct req_change *rc;
    size_t i;

    if (x && y && x->status == y->status &&
        fabs(x->score - y->score) <= SCORE_EPS)
        return;
    d->reqs = arena_grow(d->arena, d->reqs, d->nreqs, cap, sizeof *d->reqs);
    rc = &d->reqs[d->nreqs++];
    memset(rc, 0, sizeof *rc);
    rc->a = x;
    rc->b = y;
    rc->kind = req_kind(x, y);
    d->count[rc->kind]++;
    if (!x || !y)
        return;
    for (i = 0; i < y->nrules; i++) {
        const struct run_rule *ra = find_rule(x, y->rules[i].id);
        if (!ra || rule_changed(ra, &y->rules[i]))
            add_rule(d, rc, ra, &y->rules[i]);
    }
    for (i = 0; i < x->nrules; i++)
        if (!find_rule(y, x->rules[i].id))
            add_rule(d, rc, &x->rules[i], NULL);
}

/* The same requirement in the other run: at the same place when the
 * catalogue did not change, else by id. */
static const struct run_req *match_req(const struct run *r, size_t i,
                                       const char *id)
{
    if (i < r->nreqs && strcmp(r->reqs[i].id, id) == 0)
        return &r->reqs[i];
    return run_find_req(r, id);
}

static void diff_cats(struct run_diff *d)
{
    const struct run *ra = d->a, *rb = d->b;
    size_t i, j, n = 0;

    d->cats = arena_calloc(d->arena, ra->ncats + rb->ncats + 1,
                           sizeof *d->cats);
    for (i = 0; i < rb->ncats; i++) {
        struct cat_change *c = &d->cats[n++];
        c->id = rb->cats[i].id;
        c->b = &rb->cats[i];
        for (j = 0; j < ra->ncats; j++)
            if (strcmp(ra->cats[j].id, c->id) == 0)
                c->a = &ra->cats[j];
    }
    for (j = 0; j < ra->ncats; j++) {
        int seen = 0;
        for (i = 0; i < rb->ncats; i++)
            seen |= strcmp(ra->cats[j].id, rb->cats[i].id) == 0;
        if (!seen) {
            d->cats[n].id = ra->cats[j].id;
            d->cats[n++].a = &ra->cats[j];
        }
    }
    d->ncats = n;
}

struct run_diff *run_diff(const struct run *a, const struct run *b)
{
    struct run_diff *d = xcalloc(1, sizeof *d);
    size_t i, cap = 0;

    d->arena = arena_new();
    d->a = a;
    d->b = b;
    diff_inputs(d);
    diff_cats(d);
    for (i = 0; i < b->nreqs; i++)
        add_req(d, &cap, match_req(a, i, b->reqs[i].id), &b->reqs[i]);
    for (i = 0; i < a->nreqs; i++)
        if (!match_req(b, i, a->reqs[i].id))
            add_req(d, &cap, &a->reqs[i], NULL);
    return d;
}

void run_diff_free(struct run_diff *d)
{
    if (!d)
        return;
    arena_free(d->arena);
    free(d);
}
