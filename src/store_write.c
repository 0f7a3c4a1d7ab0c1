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

static int insert_files(struct store *s, long long id,
                        const struct run_inputs *in, struct cg_errors *errs)
{
    sqlite3_stmt *st = st_prep(s, "INSERT INTO file (import_id, ord, path, "
                               "kind, bytes, rows, sha256) "
                               "VALUES (?,?,?,?,?,?,?)",
                               errs);
    size_t i;
    int ok = st != NULL, rc;

    for (i = 0; ok && i < in->nfiles; i++) {
        const struct run_file *f = &in->files[i];
        rc = st_bind(st, "iittiit", id, (long long)i, f->path, f->kind, (long long)f->bytes,
                     (long long)f->rows, f->sha256);
        ok = rc == SQLITE_OK ? st_exec(s, st, "cannot write the files", errs)
                             : st_fail(s, rc, "cannot write the files", errs);
    }
    st_done(st);
    return ok;
}

static int insert_kpis(struct store *s, long long id,
                       const struct run_inputs *in, struct cg_errors *errs)
{
    sqlite3_stmt *st = st_prep(s, "INSERT INTO kpi (import_id, program, "
                               "metric, month, value, n, file, line) "
                               "VALUES (?,?,?,?,?,?,?,?)", errs);
    char month[MONTH_BUF];
    size_t i;
    int ok = st != NULL, rc;

    for (i = 0; ok && i < in->nkpis; i++) {
        const struct run_kpi *k = &in->kpis[i];
        month_format(k->month, month);
        rc = st_bind(st, "itttd", id, k->program, k->metric, month,
                     k->value);
        if (rc == SQLITE_OK)
            rc = k->n >= 0 ? sqlite3_bind_int64(st, 6, k->n)
                           : sqlite3_bind_null(st, 6);
        if (rc == SQLITE_OK)
            rc = sqlite3_bind_text(st, 7, k->file, -1, SQLITE_TRANSIENT);
        if (rc == SQLITE_OK)
            rc = sqlite3_bind_int64(st, 8, k->line);
        ok = rc == SQLITE_OK ? st_exec(s, st, "cannot write the KPIs", errs)
                             : st_fail(s, rc, "cannot write the KPIs", errs);
    }
    st_done(st);
    return ok;
}

static int insert_evidence(struct store *s, long long id,
                           const struct run_inputs *in,
                           struct cg_errors *errs)
{
    sqlite3_stmt *st = st_prep(s, "INSERT INTO evidence (import_id, id, "
                               "line, reqs, program, kind, title, dated, "
                               "approved, expires, location, sha256, "
                               "integrity) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                               errs);
    char dated[DATE_BUF], expires[DATE_BUF];
    size_t i;
    int ok = st != NULL, rc;

    for (i = 0; ok && i < in->nevidence; i++) {
        const struct run_evidence *e = &in->evidence[i];
        date_format(e->dated, dated);
        rc = st_bind(st, "itittttti" "tttt", id, e->id, (long long)e->line,
                     e->reqs, e->program, e->kind, e->title, dated,
                     (long long)e->approved,
                     date_text(expires, e->has_expires, e->expires),
                     e->location, e->sha256, e->integrity);
        ok = rc == SQLITE_OK
            ? st_exec(s, st, "cannot write the evidence register", errs)
            : st_fail(s, rc, "cannot write the evidence register", errs);
    }
    st_done(st);
    return ok;
}

static int insert_findings(struct store *s, long long id,
                           const struct run_inputs *in,
                           struct cg_errors *errs)
{
    sqlite3_stmt *st = st_prep(s, "INSERT INTO finding (import_id, line, "
                               "req, program, result, class, assessor, "
                               "dated, note) VALUES (?,?,?,?,?,?,?,?,?)",
                               errs);
    char dated[DATE_BUF];
    size_t i;
    int ok = st != NULL, rc;

    for (i = 0; ok && i < in->nfindings; i++) {
        const struct run_finding *f = &in->findings[i];
        rc = st_bind(st, "iittttttt", id, (long long)f->line, f->req,
                     f->program, f->result, f->cls, f->assessor,
                     date_text(dated, f->has_dated, f->dated), f->note);
        ok = rc == SQLITE_OK
            ? st_exec(s, st, "cannot write the findings", errs)
            : st_fail(s, rc, "cannot write the findings", errs);
    }
    st_done(st);
    return ok;
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
    if (standalone)
        store_step("import-files");
    if (!insert_files(s, in->import_id, in, errs))
        return -1;
    if (standalone)
        store_step("import-kpis");
    if (!insert_kpis(s, in->import_id, in, errs))
        return -1;
    if (standalone)
        store_step("import-evidence");
    if (!insert_evidence(s, in->import_id, in, errs))
        return -1;
    if (standalone)
        store_step("import-findings");
    if (!insert_findings(s, in->import_id, in, errs))
        return -1;
    return 1;
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

static int insert_cats(struct store *s, const struct run *run,
                       struct cg_errors *errs)
{
    sqlite3_stmt *st = st_prep(s, "INSERT INTO run_category (run_id, ord, "
                               "category, score, points, points_max) "
                               "VALUES (?,?,?,?,?,?)", errs);
    size_t i;
    int ok = st != NULL, rc;

    for (i = 0; ok && i < run->ncats; i++) {
        const struct run_cat *c = &run->cats[i];
        rc = st_bind(st, "iitddd", run->id, (long long)i, c->id, c->score,
                     c->points, c->points_max);
        ok = rc == SQLITE_OK ? st_exec(s, st, "cannot write the run", errs)
                             : st_fail(s, rc, "cannot write the run", errs);
    }
    st_done(st);
    return ok;
}

static int insert_reqs(struct store *s, const struct run *run,
                       struct cg_errors *errs)
{
    sqlite3_stmt *st = st_prep(s, "INSERT INTO run_requirement (run_id, ord, "
                               "req, category, critical, status, score, "
                               "na_reason) VALUES (?,?,?,?,?,?,?,?)", errs);
    size_t i;
    int ok = st != NULL, rc;

    for (i = 0; ok && i < run->nreqs; i++) {
        const struct run_req *r = &run->reqs[i];
        char *na = store_msg_encode(r->na_reason);
        rc = st_bind(st, "iittitdt", run->id, (long long)i, r->id,
                     r->category, (long long)r->critical,
                     req_status_name(r->status), r->score, na);
        free(na);
        ok = rc == SQLITE_OK ? st_exec(s, st, "cannot write the run", errs)
                             : st_fail(s, rc, "cannot write the run", errs);
    }
    st_done(st);
    return ok;
}

static int insert_rules(struct store *s, const struct run *run,
                        struct cg_errors *errs)
{
    sqlite3_stmt *st = st_prep(s, "INSERT INTO run_rule (run_id, req_ord, "
                               "ord, rule, type, metric, status, score, "
                               "trace, details) VALUES (?,?,?,?,?,?,?,?,?,?)",
                               errs);
    size_t i, j;
    int ok = st != NULL, rc;

    for (i = 0; ok && i < run->nreqs; i++)
        for (j = 0; ok && j < run->reqs[i].nrules; j++) {
            const struct run_rule *u = &run->reqs[i].rules[j];
            char *trace = store_msg_encode(u->trace);
            char *details = u->ndetails
                ? store_msgs_encode(u->details, u->ndetails) : NULL;
            rc = st_bind(st, "iiitttt" "dtt", run->id, (long long)i,
                         (long long)j, u->id, u->type, u->metric,
                         rule_status_name(u->status), u->score, trace,
                         details);
            free(trace);
            free(details);
            ok = rc == SQLITE_OK
                ? st_exec(s, st, "cannot write the run", errs)
                : st_fail(s, rc, "cannot write the run", errs);
        }
    st_done(st);
    return ok;
}

static int insert_gaps(struct store *s, const struct run *run,
                       struct cg_errors *errs)
{
    sqlite3_stmt *st = st_prep(s, "INSERT INTO run_gap (run_id, req, rank, "
                               "tier, priority, at_risk, risk, owner, effort, "
                               "start, due, action) "
                               "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", errs);
    char start[DATE_BUF], due[DATE_BUF];
    size_t i;
    int ok = st != NULL, rc;

    for (i = 0; ok && i < run->nreqs; i++) {
        const struct run_gap *g = run->reqs[i].gap;
        char *risk, *action;
        if (!g)
            continue;
        risk = store_msg_encode(g->risk);
        action = store_msg_encode(g->action);
        date_format(g->start, start);
        date_format(g->due, due);
        rc = st_bind(st, "itit" "dit" "tdttt", run->id, run->reqs[i].id,
                     (long long)g->rank, tier_name((enum tier)g->tier),
                     g->priority, (long long)g->at_risk, risk, g->owner,
                     g->effort, start, due, action);
        free(risk);
        free(action);
        ok = rc == SQLITE_OK ? st_exec(s, st, "cannot write the plan", errs)
                             : st_fail(s, rc, "cannot write the plan", errs);
    }
    st_done(st);
    return ok;
}

int store_add_run(struct store *s, struct run *run, struct cg_errors *errs)
{
    int ok;

    if (!st_sql(s, "BEGIN IMMEDIATE", errs))
        return 0;
    store_step("run-begin");
    ok = import_inputs(s, run, 0, errs) >= 0;
    if (ok) {
        store_step("run-import");
        ok = insert_run_row(s, run, errs);
    }
    if (ok) {
        run->id = sqlite3_last_insert_rowid(s->db);
        store_step("run-summary");
        ok = insert_cats(s, run, errs) && insert_reqs(s, run, errs);
    }
    if (ok) {
        store_step("run-requirements");
        ok = insert_rules(s, run, errs);
    }
    if (ok) {
        store_step("run-rules");
        ok = insert_gaps(s, run, errs);
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
