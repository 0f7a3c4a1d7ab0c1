/*
 * test_store.c — the workspace (store.h) and run diffs (run.h): every
 * earlier schema version's fixture opens and reads (tests/data/workspace/
 * vN.sql); newer, foreign, damaged and non-regular files are refused as
 * input errors; messages survive the round trip through the workspace
 * with their types; a diff classifies closed, opened and score changes
 * and names the KPI months behind them.
 */
#include <sqlite3.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check_main.h"
#include "copcgap/lang.h"
#include "copcgap/load.h"
#include "copcgap/run.h"
#include "copcgap/store.h"
#include "copcgap/util.h"

/* A fresh database at a temporary path, made from SQL text (NULL: no
 * file at all); returns the malloc'd path. */
static char *db_from_sql(const char *sql)
{
    char *path = write_temp(".db", "");
    sqlite3 *db;

    ck_assert_ptr_nonnull(path);
    unlink(path);
    if (!sql)
        return path;
    ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
    ck_assert_msg(sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK,
                  "%s", sqlite3_errmsg(db));
    sqlite3_close(db);
    return path;
}

static char *read_text(const char *path)
{
    FILE *fp = fopen(path, "rb");
    struct strbuf sb = STRBUF_INIT;
    char buf[4096];
    size_t n;

    if (!fp)
        return NULL;
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
        strbuf_add(&sb, buf, n);
    fclose(fp);
    return strbuf_detach(&sb);
}

static void remove_db(char *path)
{
    char other[4096];
    snprintf(other, sizeof other, "%s-wal", path);
    unlink(other);
    snprintf(other, sizeof other, "%s-shm", path);
    unlink(other);
    unlink(path);
    free(path);
}

/* An open that must fail with an input error mentioning `what`. */
static void refused(const char *path, const char *what)
{
    struct cg_errors errs = CG_ERRORS_INIT;
    struct store *s = store_open(path, STORE_CREATE, &errs);

    ck_assert_ptr_null(s);
    ck_assert_uint_eq(errors_count(&errs), 1);
    ck_assert_int_eq(errs.v[0].kind, CG_ERR_INPUT);
    ck_assert_msg(strstr(errs.v[0].msg, what) != NULL, "%s", errs.v[0].msg);
    errors_free(&errs);
}

START_TEST(every_earlier_version_opens)
{
    int v, current = store_schema_version();

    ck_assert_int_ge(current, 1);
    for (v = 1; v <= current; v++) {
        char name[64];
        char *sql, *path;
        struct cg_errors errs = CG_ERRORS_INIT;
        struct store *s;
        struct run **runs;
        size_t n, i;

        snprintf(name, sizeof name, "tests/data/workspace/v%d.sql", v);
        sql = read_text(name);
        if (!sql && v < current)
            ck_abort_msg("no fixture %s: keep one per schema version", name);
        if (!sql)
            continue;
        path = db_from_sql(sql);
        s = store_open(path, STORE_READ, &errs);
        ck_assert_msg(s != NULL, "%s: %s", name,
                      errs.n ? errs.v[0].msg : "?");
        ck_assert(store_list_runs(s, &runs, &n, &errs));
        ck_assert_uint_ge(n, 2);
        for (i = 0; i < n; i++) {
            struct run *r = store_load_run(s, runs[i]->id, &errs);
            ck_assert_msg(r != NULL, "%s run %zu", name, i);
            ck_assert_uint_gt(r->nreqs, 0);
            ck_assert_uint_gt(r->in.nkpis, 0);
            run_free(r);
            run_free(runs[i]);
        }
        free(runs);
        store_close(s);
        /* Migrated in place: it now says the current version. */
        {
            sqlite3 *db;
            sqlite3_stmt *st;
            ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
            ck_assert_int_eq(sqlite3_prepare_v2(db, "PRAGMA user_version",
                                                -1, &st, NULL), SQLITE_OK);
            ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
            ck_assert_int_eq(sqlite3_column_int(st, 0), current);
            sqlite3_finalize(st);
            sqlite3_close(db);
        }
        errors_free(&errs);
        remove_db(path);
        free(sql);
    }
}
END_TEST

START_TEST(a_new_workspace_is_set_up)
{
    char *path = db_from_sql(NULL);
    struct cg_errors errs = CG_ERRORS_INIT;
    struct store *s;
    long long ids[2];
    size_t n;

    /* Reading a workspace that does not exist does not create one. */
    s = store_open(path, STORE_READ, &errs);
    ck_assert_ptr_null(s);
    ck_assert_int_eq(errs.v[0].kind, CG_ERR_INPUT);
    ck_assert_int_ne(access(path, F_OK), 0);
    errors_clear(&errs);
    s = store_open(path, STORE_CREATE, &errs);
    ck_assert_ptr_nonnull(s);
    ck_assert(store_last_run_ids(s, ids, 2, &n, &errs));
    ck_assert_uint_eq(n, 0);
    store_close(s);
    errors_free(&errs);
    remove_db(path);
}
END_TEST

START_TEST(strangers_are_refused)
{
    char *path, sql[128];
    int fd;

    snprintf(sql, sizeof sql, "PRAGMA application_id = 1128751472; "
             "PRAGMA user_version = %d;", store_schema_version() + 1);
    path = db_from_sql(sql);
    refused(path, "newer copcgap");
    remove_db(path);

    path = db_from_sql("CREATE TABLE t (x);");
    refused(path, "not a copcgap workspace");
    remove_db(path);

    path = write_temp(".db", "this is not a database at all, but text that "
                             "is long enough to hold a header........\n");
    refused(path, "not a copcgap workspace, or a damaged one");
    free(path);

    path = db_from_sql(NULL);
    ck_assert_int_eq(mkdir(path, 0700), 0);
    refused(path, "is a directory");
    rmdir(path);
    free(path);

    /* A valid first page over damaged ones: found when read, as bad
     * input. */
    path = db_from_sql("PRAGMA application_id = 1128751472;");
    {
        struct cg_errors errs = CG_ERRORS_INIT;
        struct store *s = store_open(path, STORE_CREATE, &errs);
        struct run **runs;
        size_t n;
        char junk[4096];
        struct stat st;
        off_t off;

        ck_assert_ptr_nonnull(s);
        store_close(s);
        memset(junk, 0x5a, sizeof junk);
        ck_assert_int_eq(stat(path, &st), 0);
        fd = open(path, O_WRONLY);
        ck_assert_int_ge(fd, 0);
        for (off = 4096; off < st.st_size; off += 4096)
            ck_assert_int_eq(pwrite(fd, junk, sizeof junk, off), 4096);
        close(fd);
        /* Found when opening or when reading, depending on which page
         * SQLite reads first; either way an input error. */
        s = store_open(path, STORE_READ, &errs);
        ck_assert(!s || !store_list_runs(s, &runs, &n, &errs));
        ck_assert_uint_eq(errors_count(&errs), 1);
        ck_assert_int_eq(errs.v[0].kind, CG_ERR_INPUT);
        ck_assert_msg(strstr(errs.v[0].msg, "damaged") != NULL, "%s",
                      errs.v[0].msg);
        store_close(s);
        errors_free(&errs);
    }
    remove_db(path);
}
END_TEST

START_TEST(messages_keep_their_types)
{
    struct arena *a = arena_new();
    struct msg *m = msg_new(a, "diff.cause.kpi.changed"), *sub;
    struct i18n t;
    struct i18n_var v[2] = { { "en", "Title" }, { "es", "Título" } };
    const struct msg *back;
    char *text;
    int bad = 0;

    t.v = v;
    t.n = 2;
    sub = msg_new(a, "word.yes");
    msg_text(a, m, "text", "people's “words”");
    msg_id(a, m, "id", "4.6.4");
    msg_i18n(a, m, "title", &t);
    msg_int(a, m, "count", -12);
    msg_num(a, m, "value", 99.6);
    msg_pct(a, m, "share", 1.0 / 3.0);
    msg_date(a, m, "dated", date_from_ymd(2026, 10, 31));
    msg_month(a, m, "month", month_from_ym(2026, 7));
    msg_key(a, m, "status", "status.req.met");
    msg_term(a, m, "kind", "kind.", "made-up-kind");
    msg_sub(a, m, "trace", sub);
    msg_append(a, m, "list", sub);
    msg_append(a, m, "list", sub);
    text = store_msg_encode(m);
    ck_assert_ptr_nonnull(text);
    back = store_msg_decode(a, text, &bad);
    ck_assert_int_eq(bad, 0);
    ck_assert(msg_equal(m, back));
    free(text);
    /* Not a message: refused, never a crash. */
    ck_assert_ptr_null(store_msg_decode(a, "{\"k\": 1}", &bad));
    ck_assert_int_eq(bad, 1);
    bad = 0;
    ck_assert_ptr_null(store_msg_decode(a, "{\"k\":\"x\",\"a\":[[\"n\","
                                           "\"date\",\"31 Oct\"]]}", &bad));
    ck_assert_int_eq(bad, 1);
    arena_free(a);
}
END_TEST

/* Two hand-made runs: R1 closes, R2 opens, R3 changes score, R4 stays. */
static struct run *toy_run(double sl_jul, enum req_status r1,
                           enum req_status r2, double r3)
{
    struct run *r = run_new();
    struct arena *a = r->arena;
    static const char *ids[4] = { "R1", "R2", "R3", "R4" };
    size_t i;

    r->catalogue_id = "c";
    r->catalogue_version = "1";
    r->catalogue_sha256 = "00";
    r->as_of = date_from_ymd(2026, 10, 31);
    r->nreqs = 4;
    r->reqs = arena_calloc(a, 4, sizeof *r->reqs);
    for (i = 0; i < 4; i++) {
        struct run_req *q = &r->reqs[i];
        q->id = ids[i];
        q->category = "C";
        q->status = REQ_MET;
        q->score = 1;
        q->nrules = 1;
        q->rules = arena_calloc(a, 1, sizeof *q->rules);
        q->rules[0].id = arena_printf(a, "%s/1", ids[i]);
        q->rules[0].type = "metric";
        q->rules[0].metric = i == 0 ? "service_level" : "aht";
        q->rules[0].status = RS_PASS;
        q->rules[0].score = 1;
    }
    r->reqs[0].status = r1;
    r->reqs[0].rules[0].status = r1 == REQ_MET ? RS_PASS : RS_FAIL;
    r->reqs[1].status = r2;
    r->reqs[2].status = REQ_PARTIAL;
    r->reqs[2].score = r3;
    r->in.nkpis = 2;
    r->in.kpis = arena_calloc(a, 2, sizeof *r->in.kpis);
    r->in.kpis[0] = (struct run_kpi){ "voice", "aht", month_from_ym(2026, 7),
                                      300, -1, "metrics.csv", 4 };
    r->in.kpis[1] = (struct run_kpi){ "voice", "service_level",
                                      month_from_ym(2026, 7), sl_jul, 1000,
                                      "metrics.csv", 9 };
    return r;
}

START_TEST(diff_classifies_and_explains)
{
    struct run *a = toy_run(79.9, REQ_NOT_MET, REQ_MET, 0.5);
    struct run *b = toy_run(80.4, REQ_MET, REQ_PARTIAL, 0.75);
    struct run_diff *d = run_diff(a, b);

    ck_assert_uint_eq(d->nreqs, 3);
    ck_assert_str_eq(d->reqs[0].b->id, "R1");
    ck_assert_int_eq(d->reqs[0].kind, CHANGE_CLOSED);
    ck_assert_int_eq(d->reqs[1].kind, CHANGE_OPENED);
    ck_assert_int_eq(d->reqs[2].kind, CHANGE_SCORE);
    ck_assert_uint_eq(d->count[CHANGE_CLOSED], 1);
    /* R1's rule reads service_level: the one KPI month that changed. */
    ck_assert_uint_eq(d->reqs[0].nrules, 1);
    ck_assert_uint_eq(d->reqs[0].rules[0].ncauses, 1);
    ck_assert_str_eq(d->reqs[0].rules[0].causes[0]->key,
                     "diff.cause.kpi.changed");
    /* R2's rule reads aht, which did not change: no cause named. */
    ck_assert_uint_eq(d->reqs[1].rules ? d->reqs[1].rules[0].ncauses : 0, 0);
    run_diff_free(d);
    /* Another catalogue: R4 gone, R5 new, and the catalogue named as
     * an input that changed. */
    b->reqs[3].id = "R5";
    b->catalogue_sha256 = "11";
    b->catalogue_version = "2";
    d = run_diff(a, b);
    ck_assert_uint_eq(d->count[CHANGE_ADDED], 1);
    ck_assert_uint_eq(d->count[CHANGE_REMOVED], 1);
    ck_assert_str_eq(d->reqs[d->nreqs - 1].a->id, "R4");
    ck_assert_ptr_null(d->reqs[d->nreqs - 1].b);
    ck_assert_uint_eq(d->ninputs, 1);
    ck_assert_str_eq(d->inputs[0]->key, "diff.input.catalogue");
    run_diff_free(d);
    /* The same run twice: nothing changed. */
    d = run_diff(a, a);
    ck_assert_uint_eq(d->nreqs, 0);
    ck_assert_uint_eq(d->ninputs, 0);
    run_diff_free(d);
    run_free(a);
    run_free(b);
}
END_TEST

static Suite *store_suite(void)
{
    Suite *s = suite_create("store");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, every_earlier_version_opens);
    tcase_add_test(tc, a_new_workspace_is_set_up);
    tcase_add_test(tc, strangers_are_refused);
    tcase_add_test(tc, messages_keep_their_types);
    tcase_add_test(tc, diff_classifies_and_explains);
    suite_add_tcase(s, tc);
    return s;
}

CG_TEST_MAIN(store_suite)
