/*
 * store_write.c — writing to the workspace (store.h): an import of the
 * folder's inputs, and a run with its results; each one transaction
 * taken with the write lock (BEGIN IMMEDIATE), so that a crash, a full
 * disk or a bad row leaves the workspace exactly as it was.
 */
#include <stdlib.h>
#include <string.h>

#include "copcgap/plan.h"
#include "store_internal.h"

static const char *date_text(char buf[DATE_BUF], int has, cg_day d)
{
    if (!has)
        return NULL;
    date_format(d, buf);
    return buf;
}

/* The organisation the workspace is for: set by its first import,
 * checked by every later one. */
static int check_org(struct store *s, const struct run *run, long long at,
                     struct cg_errors *errs)
{
    sqlite3_stmt *st = st_prep(s, "SELECT org_id FROM workspace", errs);
    int rc, ok = 1;

    if (!st)
        return 0;
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        const char *org = (const char *)sqlite3_column_text(st, 0);
        if (!org || strcmp(org, run->org_id) != 0) {
            errors_add(errs, CG_ERR_INPUT, s->path, 0, 0,
                       "this workspace is for organisation \"%s\", not "
                       "\"%s\": use one workspace per organisation",
                       org ? org : "", run->org_id);
            ok = 0;
        }
        st_done(st);
        return ok;
    }
    st_done(st);
    if (rc != SQLITE_DONE)
        return st_fail(s, rc, "cannot read the workspace", errs);
    st = st_prep(s, "INSERT INTO workspace (id, org_id, created) "
                    "VALUES (1, ?, ?)", errs);
    ok = st && (rc = st_bind(st, "ti", run->org_id, at)) == SQLITE_OK
         ? st_exec(s, st, "cannot write the workspace", errs)
         : st ? st_fail(s, rc, "cannot write the workspace", errs) : 0;
    st_done(st);
    return ok;
}

static int cmp_file(const void *x, const void *y)
{
    const struct run_file *const *a = x, *const *b = y;
    return strcmp((*a)->path, (*b)->path);
}

/* The last import's id when it holds exactly these files, else 0; -1
 * on error. */
static long long same_import(struct store *s, const struct run_inputs *in,
                             struct cg_errors *errs)
{
    sqlite3_stmt *st;
    const struct run_file **v;
    long long last = 0, found;
    size_t i = 0;
    int rc;

    st = st_prep(s, "SELECT f.import_id, f.path, f.sha256 FROM file f "
                    "WHERE f.import_id = (SELECT max(id) FROM import) "
                    "ORDER BY f.path", errs);
    if (!st)
        return -1;
    v = xcalloc(in->nfiles + 1, sizeof *v);
    for (i = 0; i < in->nfiles; i++)
        v[i] = &in->files[i];
    qsort(v, in->nfiles, sizeof *v, cmp_file);
    found = 1;
    for (i = 0; (rc = sqlite3_step(st)) == SQLITE_ROW; i++) {
        const char *path = (const char *)sqlite3_column_text(st, 1);
        const char *sha = (const char *)sqlite3_column_text(st, 2);
        last = sqlite3_column_int64(st, 0);
        if (i >= in->nfiles || !path || !sha ||
            strcmp(path, v[i]->path) != 0 || strcmp(sha, v[i]->sha256) != 0)
            found = 0;
    }
    free(v);
    st_done(st);
    if (rc != SQLITE_DONE) {
        st_fail(s, rc, "cannot read the workspace", errs);
        return -1;
    }
    return found && last && i == in->nfiles ? last : 0;
}

/* What the row binders read: the id rows refer to, and the data. */
struct rows {
    long long id;
    const struct run_inputs *in;
    const struct run *run;
};

/* Binds row i of a table's rows; an SQLite code, or SQLITE_DONE for a
 * row to leave out. */
typedef int (*bind_fn)(sqlite3_stmt *st, size_t i, const struct rows *r);

/* Insert n rows with one prepared statement; 1, or 0 with an error. */
static int insert_rows(struct store *s, const char *sql, size_t n,
                       bind_fn bind, const struct rows *r, const char *what,
                       struct cg_errors *errs)
{
    sqlite3_stmt *st = st_prep(s, sql, errs);
    size_t i;
    int ok = st != NULL, rc;

    for (i = 0; ok && i < n; i++) {
        rc = bind(st, i, r);
        if (rc == SQLITE_DONE)
            continue;
        ok = rc == SQLITE_OK ? st_exec(s, st, what, errs)
                             : st_fail(s, rc, what, errs);
    }
    st_done(st);
    return ok;
}

static int bind_file(sqlite3_stmt *st, size_t i, const struct rows *r)
{
    const struct run_file *f = &r->in->files[i];
    return st_bind(st, "iittiit", r->id, (long long)i, f->path, f->kind,
                   (long long)f->bytes, (long long)f->rows, f->sha256);
}

static int bind_kpi(sqlite3_stmt *st, size_t i, const struct rows *r)
{
    const struct run_kpi *k = &r->in->kpis[i];
    char month[MONTH_BUF];
    int rc;

    month_format(k->month, month);
    rc = st_bind(st, "itttd", r->id, k->program, k->metric, month,
                 k->value);
    if (rc == SQLITE_OK)
        rc = k->n >= 0 ? sqlite3_bind_int64(st, 6, k->n)
                       : sqlite3_bind_null(st, 6);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_text(st, 7, k->file, -1, SQLITE_TRANSIENT);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int64(st, 8, k->line);
    return rc;
}

static int bind_evidence(sqlite3_stmt *st, size_t i, const struct rows *r)
{
    const struct run_evidence *e = &r->in->evidence[i];
    char dated[DATE_BUF], expires[DATE_BUF];

    date_format(e->dated, dated);
    return st_bind(st, "itittttti" "tttt", r->id, e->id, (long long)e->line,
                   e->reqs, e->program, e->kind, e->title, dated,
                   (long long)e->approved,
                   date_text(expires, e->has_expires, e->expires),
                   e->location, e->sha256, e->integrity);
}

static int bind_finding(sqlite3_stmt *st, size_t i, const struct rows *r)
{
    const struct run_finding *f = &r->in->findings[i];
    char dated[DATE_BUF];

    return st_bind(st, "iittttttt", r->id, (long long)f->line, f->req,
                   f->program, f->result, f->cls, f->assessor,
                   date_text(dated, f->has_dated, f->dated), f->note);
}

/* The registers and KPIs of an import, each table after its kill point
 * (`standalone`: an import of its own, not a run's). */
static int insert_inputs(struct store *s, const struct run_inputs *in,
                         int standalone, struct cg_errors *errs)
{
    struct rows r;

    r.id = in->import_id;
    r.in = in;
    r.run = NULL;
    if (standalone)
        store_step("import-files");
    if (!insert_rows(s, "INSERT INTO file (import_id, ord, path, kind, "
                        "bytes, rows, sha256) VALUES (?,?,?,?,?,?,?)",
                     in->nfiles, bind_file, &r, "cannot write the files",
                     errs))
        return 0;
    if (standalone)
        store_step("import-kpis");
    if (!insert_rows(s, "INSERT INTO kpi (import_id, program, metric, "
                        "month, value, n, file, line) "
                        "VALUES (?,?,?,?,?,?,?,?)",
                     in->nkpis, bind_kpi, &r, "cannot write the KPIs", errs))
        return 0;
    if (standalone)
        store_step("import-evidence");
    if (!insert_rows(s, "INSERT INTO evidence (import_id, id, line, reqs, "
                        "program, kind, title, dated, approved, expires, "
                        "location, sha256, integrity) "
                        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                     in->nevidence, bind_evidence, &r,
                     "cannot write the evidence register", errs))
        return 0;
    if (standalone)
        store_step("import-findings");
    return insert_rows(s, "INSERT INTO finding (import_id, line, req, "
                          "program, result, class, assessor, dated, note) "
                          "VALUES (?,?,?,?,?,?,?,?,?)",
                       in->nfindings, bind_finding, &r,
                       "cannot write the findings", errs);
}

/* Import inside the caller's transaction: 1 new, 0 unchanged, -1 error.
 * `step` names the kill points ("import" or "run"). */
static int import_inputs(struct store *s, struct run *run,
                         int standalone, struct cg_errors *errs)
{
    struct run_inputs *in = &run->in;
    sqlite3_stmt *st;
    char as_of[DATE_BUF];
    long long same;
    int rc, ok;

    if (!check_org(s, run, run->at, errs))
        return -1;
    if ((same = same_import(s, in, errs)) < 0)
        return -1;
    if (same) {
        in->import_id = same;
        return 0;
    }
    date_format(run->as_of, as_of);
    st = st_prep(s, "INSERT INTO import (at, as_of, org_name, nkpis, "
                    "nevidence, nfindings) VALUES (?,?,?,?,?,?)", errs);
    if (!st)
        return -1;
    rc = st_bind(st, "ittiii", run->at, as_of, run->org_name,
                 (long long)in->nkpis, (long long)in->nevidence,
                 (long long)in->nfindings);
    ok = rc == SQLITE_OK ? st_exec(s, st, "cannot write the import", errs)
                         : st_fail(s, rc, "cannot write the import", errs);
    st_done(st);
    if (!ok)
        return -1;
    in->import_id = sqlite3_last_insert_rowid(s->db);
    return insert_inputs(s, in, standalone, errs) ? 1 : -1;
}

static void rollback(struct store *s)
{
    /* Nothing to report: the first error is the one that matters, and
     * SQLite rolls back on its own when the connection closes. */
    (void)sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

int store_import(struct store *s, struct run *run, struct cg_errors *errs)
{
    int r;

    if (!st_sql(s, "BEGIN IMMEDIATE", errs))
        return -1;
    store_step("import-begin");
    r = import_inputs(s, run, 1, errs);
    if (r == 1) {
        store_step("import-commit");
        if (!st_sql(s, "COMMIT", errs))
            r = -1;
    }
    if (r != 1)
        rollback(s);
    return r;
}

/* ------------------------------------------------------------- runs */

static int insert_run_row(struct store *s, const struct run *run,
                          struct cg_errors *errs)
{
    sqlite3_stmt *st = st_prep(s, "INSERT INTO run (at, import_id, "
        "catalogue_id, catalogue_version, catalogue_sha256, as_of, audit, "
        "verdict, overall, points, points_max, met, partial, not_met, "
        "not_evidenced, na, gaps, p1, p2, p3, at_risk, ready, feasible) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", errs);
    char as_of[DATE_BUF], audit[DATE_BUF], feasible[DATE_BUF];
    int rc, ok;

    if (!st)
        return 0;
    date_format(run->as_of, as_of);
    rc = st_bind(st, "iitttttt" "ddd" "iiiii" "iiiiiit",
                 run->at, run->in.import_id, run->catalogue_id,
                 run->catalogue_version, run->catalogue_sha256, as_of,
                 date_text(audit, run->has_audit, run->audit),
                 verdict_name(run->verdict), run->overall, run->points,
                 run->points_max, (long long)run->count[REQ_MET],
                 (long long)run->count[REQ_PARTIAL],
                 (long long)run->count[REQ_NOT_MET],
                 (long long)run->count[REQ_NOT_EVIDENCED],
                 (long long)run->count[REQ_NA], (long long)run->ngaps,
                 (long long)run->tiers[1], (long long)run->tiers[2],
                 (long long)run->tiers[3], (long long)run->at_risk,
                 (long long)run->ready,
                 date_text(feasible, run->has_feasible, run->feasible));
    ok = rc == SQLITE_OK ? st_exec(s, st, "cannot write the run", errs)
                         : st_fail(s, rc, "cannot write the run", errs);
    st_done(st);
    return ok;
}

static int bind_cat(sqlite3_stmt *st, size_t i, const struct rows *r)
{
    const struct run_cat *c = &r->run->cats[i];
    return st_bind(st, "iitddd", r->id, (long long)i, c->id, c->score,
                   c->points, c->points_max);
}

static int bind_req(sqlite3_stmt *st, size_t i, const struct rows *r)
{
    const struct run_req *q = &r->run->reqs[i];
    char *na = store_msg_encode(q->na_reason);
    int rc = st_bind(st, "iittitdt", r->id, (long long)i, q->id,
                     q->category, (long long)q->critical,
                     req_status_name(q->status), q->score, na);
    free(na);
    return rc;
}

static int bind_gap(sqlite3_stmt *st, size_t i, const struct rows *r)
{
    const struct run_req *q = &r->run->reqs[i];
    const struct run_gap *g = q->gap;
    char start[DATE_BUF], due[DATE_BUF], *risk, *action;
    int rc;

    if (!g)
        return SQLITE_DONE;
    risk = store_msg_encode(g->risk);
    action = store_msg_encode(g->action);
    date_format(g->start, start);
    date_format(g->due, due);
    rc = st_bind(st, "itit" "dit" "tdttt", r->id, q->id, (long long)g->rank,
                 tier_name((enum tier)g->tier), g->priority,
                 (long long)g->at_risk, risk, g->owner, g->effort, start, due,
                 action);
    free(risk);
    free(action);
    return rc;
}

/* Rules are numbered within their requirement: one row per rule of
 * requirement `req`. */
static int insert_rules(struct store *s, const struct run *run, size_t req,
                        sqlite3_stmt *st, struct cg_errors *errs)
{
    const struct run_req *q = &run->reqs[req];
    size_t j;
    int ok = 1, rc;

    for (j = 0; ok && j < q->nrules; j++) {
        const struct run_rule *u = &q->rules[j];
        char *trace = store_msg_encode(u->trace);
        char *details = u->ndetails
            ? store_msgs_encode(u->details, u->ndetails) : NULL;
        rc = st_bind(st, "iiitttt" "dtt", run->id, (long long)req,
                     (long long)j, u->id, u->type, u->metric,
                     rule_status_name(u->status), u->score, trace, details);
        free(trace);
        free(details);
        ok = rc == SQLITE_OK ? st_exec(s, st, "cannot write the run", errs)
                             : st_fail(s, rc, "cannot write the run", errs);
    }
    return ok;
}

static int insert_all_rules(struct store *s, const struct run *run,
                            struct cg_errors *errs)
{
    sqlite3_stmt *st = st_prep(s, "INSERT INTO run_rule (run_id, req_ord, "
                               "ord, rule, type, metric, status, score, "
                               "trace, details) VALUES (?,?,?,?,?,?,?,?,?,?)",
                               errs);
    size_t i;
    int ok = st != NULL;

    for (i = 0; ok && i < run->nreqs; i++)
        ok = insert_rules(s, run, i, st, errs);
    st_done(st);
    return ok;
}

int store_add_run(struct store *s, struct run *run, struct cg_errors *errs)
{
    struct rows r;
    int ok;

    if (!st_sql(s, "BEGIN IMMEDIATE", errs))
        return 0;
    store_step("run-begin");
    ok = import_inputs(s, run, 0, errs) >= 0;
    if (ok) {
        store_step("run-import");
        ok = insert_run_row(s, run, errs);
    }
    r.id = run->id = sqlite3_last_insert_rowid(s->db);
    r.in = &run->in;
    r.run = run;
    if (ok) {
        store_step("run-summary");
        ok = insert_rows(s, "INSERT INTO run_category (run_id, ord, "
                            "category, score, points, points_max) "
                            "VALUES (?,?,?,?,?,?)", run->ncats, bind_cat,
                         &r, "cannot write the run", errs) &&
             insert_rows(s, "INSERT INTO run_requirement (run_id, ord, req, "
                            "category, critical, status, score, na_reason) "
                            "VALUES (?,?,?,?,?,?,?,?)", run->nreqs, bind_req,
                         &r, "cannot write the run", errs);
    }
    if (ok) {
        store_step("run-requirements");
        ok = insert_all_rules(s, run, errs);
    }
    if (ok) {
        store_step("run-rules");
        ok = insert_rows(s, "INSERT INTO run_gap (run_id, req, rank, tier, "
                            "priority, at_risk, risk, owner, effort, start, "
                            "due, action) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                         run->nreqs, bind_gap, &r, "cannot write the plan",
                         errs);
    }
    if (ok) {
        store_step("run-commit");
        ok = st_sql(s, "COMMIT", errs);
    }
    if (!ok) {
        rollback(s);
        run->id = 0;
    }
    return ok;
}
