/*
 * store_read.c — reading runs back from the workspace (store.h): the
 * history listing, and one run with its results and inputs for a diff.
 * A value that does not read back (a status no copcgap writes, a message
 * that is not one) means the file was changed by hand or damaged: an
 * input error naming the run, never a crash.
 */
#include <stdlib.h>
#include <string.h>

#include "copcgap/plan.h"
#include "store_internal.h"

#define RUN_COLUMNS "id, at, import_id, catalogue_id, catalogue_version, " \
    "catalogue_sha256, as_of, audit, verdict, overall, points, points_max, " \
    "met, partial, not_met, not_evidenced, na, gaps, p1, p2, p3, at_risk, " \
    "ready, feasible, (SELECT org_id FROM workspace), " \
    "(SELECT org_name FROM import WHERE import.id = run.import_id)"

static int bad_value(struct store *s, long long run, const char *what,
                     struct cg_errors *errs)
{
    errors_add(errs, CG_ERR_INPUT, s->path, 0, 0,
               "run %lld: %s does not read back: the workspace was changed "
               "by hand or is damaged", run, what);
    return 0;
}

static int col_date(sqlite3_stmt *st, int col, cg_day *out)
{
    const unsigned char *t = sqlite3_column_text(st, col);
    return t && date_parse((const char *)t, strlen((const char *)t), out);
}

static int col_month(sqlite3_stmt *st, int col, cg_month *out)
{
    const unsigned char *t = sqlite3_column_text(st, col);
    return t && month_parse((const char *)t, strlen((const char *)t), out);
}

static int name_index(const char *(*name)(int), int n, const unsigned char *t)
{
    int i;
    for (i = 0; t && i < n; i++)
        if (strcmp(name(i), (const char *)t) == 0)
            return i;
    return -1;
}

static const char *req_status_at(int i)
{
    return req_status_name((enum req_status)i);
}

static const char *rule_status_at(int i)
{
    return rule_status_name((enum rule_status)i);
}

static const char *verdict_at(int i)
{
    return verdict_name((enum verdict)i);
}

/* The run row's columns (RUN_COLUMNS) into r; 0 when a value is bad. */
static int read_run_row(struct run *r, sqlite3_stmt *st)
{
    struct arena *a = r->arena;
    int v;

    r->id = sqlite3_column_int64(st, 0);
    r->at = sqlite3_column_int64(st, 1);
    r->in.import_id = sqlite3_column_int64(st, 2);
    r->catalogue_id = st_text(a, st, 3);
    r->catalogue_version = st_text(a, st, 4);
    r->catalogue_sha256 = st_text(a, st, 5);
    if (!col_date(st, 6, &r->as_of))
        return 0;
    r->has_audit = sqlite3_column_type(st, 7) != SQLITE_NULL;
    if (r->has_audit && !col_date(st, 7, &r->audit))
        return 0;
    if ((v = name_index(verdict_at, VERDICT_COUNT,
                        sqlite3_column_text(st, 8))) < 0)
        return 0;
    r->verdict = (enum verdict)v;
    r->overall = sqlite3_column_double(st, 9);
    r->points = sqlite3_column_double(st, 10);
    r->points_max = sqlite3_column_double(st, 11);
    for (v = 0; v < REQ_COUNT; v++)
        r->count[v] = (size_t)sqlite3_column_int64(st, 12 + v);
    r->ngaps = (size_t)sqlite3_column_int64(st, 17);
    r->tiers[1] = (size_t)sqlite3_column_int64(st, 18);
    r->tiers[2] = (size_t)sqlite3_column_int64(st, 19);
    r->tiers[3] = (size_t)sqlite3_column_int64(st, 20);
    r->at_risk = (size_t)sqlite3_column_int64(st, 21);
    r->ready = sqlite3_column_int(st, 22);
    r->has_feasible = sqlite3_column_type(st, 23) != SQLITE_NULL;
    if (r->has_feasible && !col_date(st, 23, &r->feasible))
        return 0;
    r->org_id = st_text(a, st, 24);
    r->org_name = st_text(a, st, 25);
    return 1;
}

int store_list_runs(struct store *s, struct run ***out, size_t *n,
                    struct cg_errors *errs)
{
    sqlite3_stmt *st = st_prep(s, "SELECT " RUN_COLUMNS " FROM run "
                               "ORDER BY id", errs);
    struct run **v = NULL;
    size_t cap = 0;
    int rc;

    *out = NULL;
    *n = 0;
    if (!st)
        return 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct run *r = run_new();
        VEC_PUSH(v, *n, cap) = r;
        if (!read_run_row(r, st)) {
            bad_value(s, r->id, "the summary", errs);
            rc = SQLITE_ERROR;
            break;
        }
    }
    st_done(st);
    if (rc != SQLITE_DONE) {
        if (rc != SQLITE_ERROR)
            st_fail(s, rc, "cannot read the runs", errs);
        while (*n)
            run_free(v[--*n]);
        free(v);
        return 0;
    }
    *out = v;
    return 1;
}

int store_last_run_ids(struct store *s, long long *ids, size_t want,
                       size_t *n, struct cg_errors *errs)
{
    sqlite3_stmt *st = st_prep(s, "SELECT id FROM run ORDER BY id DESC "
                               "LIMIT ?", errs);
    int rc;
    size_t i;

    *n = 0;
    if (!st)
        return 0;
    if ((rc = sqlite3_bind_int64(st, 1, (long long)want)) != SQLITE_OK) {
        st_done(st);
        return st_fail(s, rc, "cannot read the runs", errs);
    }
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < want)
        ids[(*n)++] = sqlite3_column_int64(st, 0);
    st_done(st);
    if (rc != SQLITE_DONE)
        return st_fail(s, rc, "cannot read the runs", errs);
    /* Latest last. */
    for (i = 0; i < *n / 2; i++) {
        long long t = ids[i];
        ids[i] = ids[*n - 1 - i];
        ids[*n - 1 - i] = t;
    }
    return 1;
}

/* Step through a query on one id; `row` reads each row (0: bad value). */
static int each_row(struct store *s, const char *sql, long long id,
                    struct run *r, const char *what,
                    int (*row)(struct run *r, sqlite3_stmt *st, void *ctx),
                    void *ctx, struct cg_errors *errs)
{
    sqlite3_stmt *st = st_prep(s, sql, errs);
    int rc, ok = 1;

    if (!st)
        return 0;
    if ((rc = sqlite3_bind_int64(st, 1, id)) != SQLITE_OK) {
        st_done(st);
        return st_fail(s, rc, "cannot read the run", errs);
    }
    while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW)
        ok = row(r, st, ctx);
    st_done(st);
    if (!ok)
        return bad_value(s, r->id, what, errs);
    if (rc != SQLITE_DONE)
        return st_fail(s, rc, "cannot read the run", errs);
    return 1;
}

struct caps {
    size_t cats, reqs, files, kpis, evidence, findings;
};

static int row_cat(struct run *r, sqlite3_stmt *st, void *ctx)
{
    struct caps *c = ctx;
    struct run_cat *x;
    r->cats = arena_grow(r->arena, r->cats, r->ncats, &c->cats, sizeof *r->cats);
    x = &r->cats[r->ncats++];
    x->id = st_text(r->arena, st, 0);
    x->score = sqlite3_column_double(st, 1);
    x->points = sqlite3_column_double(st, 2);
    x->points_max = sqlite3_column_double(st, 3);
    return 1;
}

static int row_req(struct run *r, sqlite3_stmt *st, void *ctx)
{
    struct caps *c = ctx;
    struct run_req *x;
    int v, bad = 0;

    r->reqs = arena_grow(r->arena, r->reqs, r->nreqs, &c->reqs, sizeof *r->reqs);
    x = &r->reqs[r->nreqs++];
    x->id = st_text(r->arena, st, 0);
    x->category = st_text(r->arena, st, 1);
    x->critical = sqlite3_column_int(st, 2);
    if ((v = name_index(req_status_at, REQ_COUNT,
                        sqlite3_column_text(st, 3))) < 0)
        return 0;
    x->status = (enum req_status)v;
    x->score = sqlite3_column_double(st, 4);
    x->na_reason = store_msg_decode(r->arena,
                                    (const char *)sqlite3_column_text(st, 5),
                                    &bad);
    return !bad;
}

/* Rules come ordered by requirement: each is appended to its own. */
static int row_rule(struct run *r, sqlite3_stmt *st, void *ctx)
{
    long long ord = sqlite3_column_int64(st, 0);
    struct run_req *q;
    struct run_rule *x;
    size_t *caps = ctx;
    int v, bad = 0;

    if (ord < 0 || (size_t)ord >= r->nreqs)
        return 0;
    q = &r->reqs[ord];
    q->rules = arena_grow(r->arena, q->rules, q->nrules, &caps[ord],
                    sizeof *q->rules);
    x = &q->rules[q->nrules++];
    x->id = st_text(r->arena, st, 1);
    x->type = st_text(r->arena, st, 2);
    x->metric = st_text_or_null(r->arena, st, 3);
    if ((v = name_index(rule_status_at, RS_COUNT,
                        sqlite3_column_text(st, 4))) < 0)
        return 0;
    x->status = (enum rule_status)v;
    x->score = sqlite3_column_double(st, 5);
    x->trace = store_msg_decode(r->arena,
                                (const char *)sqlite3_column_text(st, 6),
                                &bad);
    /* The details (a line per program, month or evidence row) are kept
     * for queries and are not read back: a diff compares traces, and
     * decoding them would be most of its time. */
    return !bad;
}

static int row_gap(struct run *r, sqlite3_stmt *st, void *ctx)
{
    const char *req = (const char *)sqlite3_column_text(st, 0);
    const char *tier = (const char *)sqlite3_column_text(st, 2);
    struct run_gap *g;
    size_t i;
    int bad = 0;

    (void)ctx;
    if (!req || !tier || r->ngaps_stored >= r->ngaps)
        return 0;
    g = &r->gaps[r->ngaps_stored++];
    g->rank = (size_t)sqlite3_column_int64(st, 1);
    g->tier = strcmp(tier, "P1") == 0 ? TIER_P1
            : strcmp(tier, "P2") == 0 ? TIER_P2 : TIER_P3;
    g->priority = sqlite3_column_double(st, 3);
    g->at_risk = sqlite3_column_int(st, 4);
    g->risk = store_msg_decode(r->arena,
                               (const char *)sqlite3_column_text(st, 5), &bad);
    g->owner = st_text(r->arena, st, 6);
    g->effort = sqlite3_column_double(st, 7);
    if (!col_date(st, 8, &g->start) || !col_date(st, 9, &g->due))
        return 0;
    g->action = store_msg_decode(r->arena,
                                 (const char *)sqlite3_column_text(st, 10),
                                 &bad);
    for (i = 0; i < r->nreqs; i++)
        if (strcmp(r->reqs[i].id, req) == 0)
            r->reqs[i].gap = g;
    return !bad;
}

static int row_file(struct run *r, sqlite3_stmt *st, void *ctx)
{
    struct caps *c = ctx;
    struct run_inputs *in = &r->in;
    struct run_file *f;
    in->files = arena_grow(r->arena, in->files, in->nfiles, &c->files,
                     sizeof *in->files);
    f = &in->files[in->nfiles++];
    f->path = st_text(r->arena, st, 0);
    f->kind = st_text(r->arena, st, 1);
    f->bytes = (uint64_t)sqlite3_column_int64(st, 2);
    f->rows = (uint64_t)sqlite3_column_int64(st, 3);
    f->sha256 = st_text(r->arena, st, 4);
    return 1;
}

static int row_kpi(struct run *r, sqlite3_stmt *st, void *ctx)
{
    struct caps *c = ctx;
    struct run_inputs *in = &r->in;
    struct run_kpi *k;
    in->kpis = arena_grow(r->arena, in->kpis, in->nkpis, &c->kpis,
                    sizeof *in->kpis);
    k = &in->kpis[in->nkpis++];
    k->program = st_text(r->arena, st, 0);
    k->metric = st_text(r->arena, st, 1);
    if (!col_month(st, 2, &k->month))
        return 0;
    k->value = sqlite3_column_double(st, 3);
    k->n = sqlite3_column_type(st, 4) == SQLITE_NULL
        ? -1 : sqlite3_column_int64(st, 4);
    k->file = st_text(r->arena, st, 5);
    k->line = (long)sqlite3_column_int64(st, 6);
    return 1;
}

static int row_evidence(struct run *r, sqlite3_stmt *st, void *ctx)
{
    struct caps *c = ctx;
    struct run_inputs *in = &r->in;
    struct run_evidence *e;
    in->evidence = arena_grow(r->arena, in->evidence, in->nevidence, &c->evidence,
                        sizeof *in->evidence);
    e = &in->evidence[in->nevidence++];
    e->id = st_text(r->arena, st, 0);
    e->line = (long)sqlite3_column_int64(st, 1);
    e->reqs = st_text(r->arena, st, 2);
    e->program = st_text(r->arena, st, 3);
    e->kind = st_text(r->arena, st, 4);
    e->title = st_text(r->arena, st, 5);
    if (!col_date(st, 6, &e->dated))
        return 0;
    e->approved = sqlite3_column_int(st, 7);
    e->has_expires = sqlite3_column_type(st, 8) != SQLITE_NULL;
    if (e->has_expires && !col_date(st, 8, &e->expires))
        return 0;
    e->location = st_text(r->arena, st, 9);
    e->sha256 = st_text(r->arena, st, 10);
    e->integrity = st_text(r->arena, st, 11);
    return 1;
}

static int row_finding(struct run *r, sqlite3_stmt *st, void *ctx)
{
    struct caps *c = ctx;
    struct run_inputs *in = &r->in;
    struct run_finding *f;
    in->findings = arena_grow(r->arena, in->findings, in->nfindings, &c->findings,
                        sizeof *in->findings);
    f = &in->findings[in->nfindings++];
    f->line = (long)sqlite3_column_int64(st, 0);
    f->req = st_text(r->arena, st, 1);
    f->program = st_text(r->arena, st, 2);
    f->result = st_text(r->arena, st, 3);
    f->cls = st_text(r->arena, st, 4);
    f->assessor = st_text(r->arena, st, 5);
    f->has_dated = sqlite3_column_type(st, 6) != SQLITE_NULL;
    if (f->has_dated && !col_date(st, 6, &f->dated))
        return 0;
    f->note = st_text(r->arena, st, 7);
    return 1;
}

static int read_run(struct store *s, struct run *r, long long id,
                    struct cg_errors *errs)
{
    sqlite3_stmt *st = st_prep(s, "SELECT " RUN_COLUMNS " FROM run "
                               "WHERE id = ?", errs);
    int rc, ok;

    if (!st)
        return 0;
    if ((rc = sqlite3_bind_int64(st, 1, id)) != SQLITE_OK) {
        st_done(st);
        return st_fail(s, rc, "cannot read the run", errs);
    }
    rc = sqlite3_step(st);
    ok = rc == SQLITE_ROW && read_run_row(r, st);
    st_done(st);
    if (rc == SQLITE_DONE) {
        errors_add(errs, CG_ERR_INPUT, s->path, 0, 0,
                   "no run %lld in this workspace (see copcgap history)",
                   id);
        return 0;
    }
    if (rc != SQLITE_ROW)
        return st_fail(s, rc, "cannot read the run", errs);
    return ok ? 1 : bad_value(s, id, "the summary", errs);
}

struct run *store_load_run(struct store *s, long long id,
                           struct cg_errors *errs)
{
    struct run *r = run_new();
    struct caps c;
    size_t *rule_caps = NULL;
    long long imp;
    int ok;

    memset(&c, 0, sizeof c);
    if (!read_run(s, r, id, errs))
        goto fail;
    imp = r->in.import_id;
    r->gaps = arena_calloc(r->arena, r->ngaps + 1, sizeof *r->gaps);
    ok = each_row(s, "SELECT category, score, points, points_max FROM "
                  "run_category WHERE run_id = ? ORDER BY ord", id, r,
                  "a category", row_cat, &c, errs) &&
         each_row(s, "SELECT req, category, critical, status, score, "
                  "na_reason FROM run_requirement WHERE run_id = ? "
                  "ORDER BY ord", id, r, "a requirement", row_req, &c, errs);
    if (!ok)
        goto fail;
    rule_caps = xcalloc(r->nreqs + 1, sizeof *rule_caps);
    ok = each_row(s, "SELECT req_ord, rule, type, metric, status, score, "
                  "trace FROM run_rule WHERE run_id = ? "
                  "ORDER BY req_ord, ord", id, r, "a rule", row_rule,
                  rule_caps, errs) &&
         each_row(s, "SELECT req, rank, tier, priority, at_risk, risk, "
                  "owner, effort, start, due, action FROM run_gap "
                  "WHERE run_id = ? ORDER BY rank", id, r, "a gap",
                  row_gap, NULL, errs) &&
         each_row(s, "SELECT path, kind, bytes, rows, sha256 FROM file "
                  "WHERE import_id = ? ORDER BY ord", imp, r,
                  "a file", row_file, &c, errs) &&
         each_row(s, "SELECT program, metric, month, value, n, file, line "
                  "FROM kpi WHERE import_id = ? "
                  "ORDER BY program, metric, month", imp, r, "a KPI",
                  row_kpi, &c, errs) &&
         each_row(s, "SELECT id, line, reqs, program, kind, title, dated, "
                  "approved, expires, location, sha256, integrity "
                  "FROM evidence WHERE import_id = ? ORDER BY line", imp, r,
                  "an evidence row", row_evidence, &c, errs) &&
         each_row(s, "SELECT line, req, program, result, class, assessor, "
                  "dated, note FROM finding WHERE import_id = ? "
                  "ORDER BY line", imp, r, "a finding", row_finding, &c,
                  errs);
    free(rule_caps);
    if (ok)
        return r;
fail:
    run_free(r);
    return NULL;
}

long long store_import_time(struct store *s, long long id)
{
    struct cg_errors ignored = CG_ERRORS_INIT;
    sqlite3_stmt *st = st_prep(s, "SELECT at FROM import WHERE id = ?",
                               &ignored);
    long long at = 0;

    /* Only for a message: a failure shows as the epoch, never stops. */
    if (st && sqlite3_bind_int64(st, 1, id) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        at = sqlite3_column_int64(st, 0);
    st_done(st);
    errors_free(&ignored);
    return at;
}
