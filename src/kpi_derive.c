/*
 * kpi_derive.c — KPIs from the raw files (see kpi.h, docs/inputs.md).
 *
 * Edges layer: finds each raw file (ORGDIR or ORGDIR/data), streams it
 * once through the CSV reader, checks every row, and feeds the pure
 * accumulators of kpi_calc.c, keyed by program and month (kpi_map).
 * Memory is the read buffer plus one accumulator per program-month,
 * whatever the number of rows.  contacts.csv is read before qa.csv
 * because euc_moe's finite population correction needs each month's
 * answered contacts.
 *
 * A bad row is reported (located, value quoted) and reading goes on, so
 * that a file with several bad rows shows the first ones; values are
 * added to the store only when every file was clean.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "copcgap/csv.h"
#include "copcgap/field.h"
#include "copcgap/kpi.h"
#include "copcgap/kpi_calc.h"
#include "copcgap/load.h"
#include "kpi_map.h"

/* Rows between two progress reports. */
#define PROGRESS_ROWS 65536
/* Columns a raw file needs, at most (contacts.csv, qa.csv). */
#define RAW_MAX_COLS 8

/* One raw file being read. */
struct raw {
    const struct profile *p;
    struct csv_reader *r;
    struct cg_errors *errs;
    struct csv_row row;
    int col[RAW_MAX_COLS];
    struct field_program_cache prog;
    struct field_date_cache date;
    struct kpi_map *map;
    cg_day *min_hired;          /* staff.csv: per program */
};

/* ------------------------------------------------------------ the files */

enum { CT_PROGRAM, CT_ARRIVED, CT_OUTCOME, CT_WAIT, CT_HANDLE, CT_RESOLVED,
       CT_ID, CT_CHANNEL };
static const char *const contacts_cols[] = {
    "program", "arrived", "outcome", "wait_s", "handle_s", "resolved_first",
    "contact_id", "channel", NULL
};

enum { QA_PROGRAM, QA_EVALUATED, QA_EUC, QA_BC, QA_CC, QA_NC, QA_ID,
       QA_AGENT };
static const char *const qa_cols[] = {
    "program", "evaluated", "euc_errors", "bc_errors", "cc_errors",
    "nc_errors", "eval_id", "agent_id", NULL
};

enum { SV_PROGRAM, SV_RESPONDED, SV_CSAT, SV_NPS, SV_CES, SV_ID };
static const char *const survey_cols[] = {
    "program", "responded", "csat", "nps", "ces", "response_id", NULL
};

enum { FC_PROGRAM, FC_START, FC_FORECAST, FC_ACTUAL };
static const char *const forecast_cols[] = {
    "program", "interval_start", "forecast", "actual", NULL
};

enum { ST_PROGRAM, ST_HIRED, ST_LEFT, ST_VERIFIED, ST_FIRST, ST_AGENT };
static const char *const staff_cols[] = {
    "program", "hired", "left", "verified", "first_contact", "agent_id", NULL
};

/* Each list (NULL included) must fit struct raw's col[]. */
_Static_assert(ARRAY_LEN(contacts_cols) <= RAW_MAX_COLS + 1, "col[]");
_Static_assert(ARRAY_LEN(qa_cols) <= RAW_MAX_COLS + 1, "col[]");
_Static_assert(ARRAY_LEN(survey_cols) <= RAW_MAX_COLS + 1, "col[]");
_Static_assert(ARRAY_LEN(forecast_cols) <= RAW_MAX_COLS + 1, "col[]");
_Static_assert(ARRAY_LEN(staff_cols) <= RAW_MAX_COLS + 1, "col[]");

static const char *const outcome_names[] = { "answered", "abandoned", NULL };
static const char *const resolved_names[] = { "0", "1", NULL };

static void contacts_row(struct raw *w)
{
    const struct csv_row *row = &w->row;
    struct contacts_acc *a;
    int ok = 1, prog = -1, outcome = -1, resolved = -1;
    double wait = 0, handle = 0;
    cg_month month = 0;

    ok &= field_program(w->r, row, w->col[CT_PROGRAM], w->p, 0, &w->prog,
                        &prog, w->errs);
    ok &= field_month_of(w->r, row, w->col[CT_ARRIVED], 0, &w->date,
                         &month, w->errs);
    /* The common values first, without the generic lookup. */
    if (FIELD_IS(row, w->col[CT_OUTCOME], "answered"))
        outcome = 0;
    else if (FIELD_IS(row, w->col[CT_OUTCOME], "abandoned"))
        outcome = 1;
    else
        ok &= field_enum(w->r, row, w->col[CT_OUTCOME], outcome_names, 0,
                         &outcome, w->errs);
    ok &= field_number(w->r, row, w->col[CT_WAIT], 1, &wait, w->errs);
    /* Handle time is needed for answered contacts; on an abandoned one it
     * is ignored but, when given, must still be a valid number. */
    if (outcome == 0 && field_empty(row, w->col[CT_HANDLE])) {
        csv_error_at(w->r, row, w->col[CT_HANDLE], w->errs,
                     "handle_s is empty (required when outcome is "
                     "answered)");
        ok = 0;
    } else if (!field_empty(row, w->col[CT_HANDLE])) {
        ok &= field_number(w->r, row, w->col[CT_HANDLE], 1, &handle,
                           w->errs);
    }
    if (FIELD_IS(row, w->col[CT_RESOLVED], "1"))
        resolved = 1;
    else if (FIELD_IS(row, w->col[CT_RESOLVED], "0"))
        resolved = 0;
    else
        ok &= field_enum(w->r, row, w->col[CT_RESOLVED], resolved_names, 1,
                         &resolved, w->errs);
    if (!ok)
        return;
    a = kpi_map_get(w->map, prog, month);
    kpi_contacts_add(a, outcome == 0, wait, handle, resolved,
                     w->p->programs[prog].sl_seconds,
                     w->p->programs[prog].short_abandon_seconds);
}

static void qa_row(struct raw *w)
{
    const struct csv_row *row = &w->row;
    long long errors[4] = { 0, 0, 0, 0 };
    int ok = 1, prog = -1, i;
    cg_month month = 0;

    ok &= field_program(w->r, row, w->col[QA_PROGRAM], w->p, 0, &w->prog,
                        &prog, w->errs);
    ok &= field_month_of(w->r, row, w->col[QA_EVALUATED], 1, &w->date,
                         &month, w->errs);
    for (i = 0; i < 4; i++)
        ok &= field_count(w->r, row, w->col[QA_EUC + i], &errors[i],
                          w->errs);
    if (ok)
        kpi_qa_add(kpi_map_get(w->map, prog, month), errors);
}

static void survey_row(struct raw *w)
{
    const struct csv_row *row = &w->row;
    int ok = 1, prog = -1, csat = -1, nps = -1, ces = -1;
    cg_month month = 0;

    ok &= field_program(w->r, row, w->col[SV_PROGRAM], w->p, 0, &w->prog,
                        &prog, w->errs);
    ok &= field_month_of(w->r, row, w->col[SV_RESPONDED], 1, &w->date,
                         &month, w->errs);
    ok &= field_scale(w->r, row, w->col[SV_CSAT], 1, 5, &csat, w->errs);
    ok &= field_scale(w->r, row, w->col[SV_NPS], 0, 10, &nps, w->errs);
    ok &= field_scale(w->r, row, w->col[SV_CES], 1, 7, &ces, w->errs);
    if (ok)
        kpi_survey_add(kpi_map_get(w->map, prog, month), csat, nps, ces);
}

static void forecast_row(struct raw *w)
{
    const struct csv_row *row = &w->row;
    int ok = 1, prog = -1;
    double forecast = 0, actual = 0;
    cg_month month = 0;

    ok &= field_program(w->r, row, w->col[FC_PROGRAM], w->p, 0, &w->prog,
                        &prog, w->errs);
    /* Daily forecasts are common: a date alone is an interval too. */
    ok &= field_month_of(w->r, row, w->col[FC_START], 1, &w->date,
                         &month, w->errs);
    ok &= field_number(w->r, row, w->col[FC_FORECAST], 1, &forecast,
                       w->errs);
    ok &= field_number(w->r, row, w->col[FC_ACTUAL], 1, &actual, w->errs);
    if (ok)
        kpi_forecast_add(kpi_map_get(w->map, prog, month), forecast, actual,
                         w->p->programs[prog].forecast_tolerance_pct);
}

static void staff_row(struct raw *w)
{
    const struct csv_row *row = &w->row;
    struct staff_delta deltas[KPI_STAFF_DELTAS_MAX];
    int ok = 1, prog = -1, has_left = 0, has_verified = 0, has_first = 0;
    cg_day hired = 0, left = 0, verified = 0, first = 0;
    size_t n, i;

    ok &= field_program(w->r, row, w->col[ST_PROGRAM], w->p, 0, &w->prog,
                        &prog, w->errs);
    ok &= field_date(w->r, row, w->col[ST_HIRED], &hired, NULL, w->errs);
    ok &= field_date(w->r, row, w->col[ST_LEFT], &left, &has_left, w->errs);
    ok &= field_date(w->r, row, w->col[ST_VERIFIED], &verified,
                     &has_verified, w->errs);
    ok &= field_date(w->r, row, w->col[ST_FIRST], &first, &has_first,
                     w->errs);
    if (ok && has_left && left < hired) {
        char l[DATE_BUF], h[DATE_BUF];
        date_format(left, l);
        date_format(hired, h);
        csv_error_at(w->r, row, w->col[ST_LEFT], w->errs,
                     "left (%s) is before hired (%s)", l, h);
        ok = 0;
    }
    if (!ok)
        return;
    if (hired < w->min_hired[prog])
        w->min_hired[prog] = hired;
    n = kpi_staff_deltas(hired, has_left, left, has_verified, verified,
                         has_first, first, deltas);
    for (i = 0; i < n; i++) {
        struct staff_diff *d = kpi_map_get(w->map, prog, deltas[i].month);
        d->first_day += deltas[i].d.first_day;
        d->last_day += deltas[i].d.last_day;
        d->any_day += deltas[i].d.any_day;
        d->leavers += deltas[i].d.leavers;
        d->unverified += deltas[i].d.unverified;
        d->live_known += deltas[i].d.live_known;
    }
}

struct raw_kind {
    const char *const *cols;
    void (*row)(struct raw *w);
    size_t elem;
};

/* Indexed by enum metric_source. */
static const struct raw_kind kinds[SRC_COUNT] = {
    { contacts_cols, contacts_row, sizeof(struct contacts_acc) },
    { qa_cols, qa_row, sizeof(struct qa_acc) },
    { survey_cols, survey_row, sizeof(struct survey_acc) },
    { forecast_cols, forecast_row, sizeof(struct forecast_acc) },
    { staff_cols, staff_row, sizeof(struct staff_diff) },
};

/* ------------------------------------------------------------- reading */

static size_t count_names(const char *const *names)
{
    size_t n = 0;
    while (names[n])
        n++;
    return n;
}

static void report(const struct kpi_progress *pr, const struct csv_reader *r)
{
    if (pr && pr->fn)
        pr->fn(pr->ctx, csv_display(r), csv_bytes_done(r),
               csv_bytes_total(r), csv_rows(r));
}

/* Stream one raw file into its map; 1 when it was read without error. */
static int read_raw(struct raw *w, const struct raw_kind *k,
                    const char *path, const char *display,
                    const struct kpi_progress *pr, struct raw_file_info *info,
                    int digests)
{
    size_t before = errors_count(w->errs);
    int rc;

    w->r = csv_open(path, display, w->errs);
    if (!w->r)
        return 0;
    if (!digests)
        csv_no_digest(w->r);
    if (!csv_find_columns(w->r, k->cols, count_names(k->cols), w->col,
                          w->errs))
        goto done;
    report(pr, w->r);               /* the start, for rates */
    while ((rc = csv_next(w->r, &w->row, w->errs)) != CSV_EOF) {
        if (rc == CSV_FATAL)
            break;
        if (rc == CSV_ROW)
            k->row(w);
        if (pr && csv_rows(w->r) % PROGRESS_ROWS == 0)
            report(pr, w->r);
    }
    report(pr, w->r);
done:
    if (info) {
        info->rows = csv_rows(w->r);
        info->bytes = csv_bytes_done(w->r);
        info->digest[0] = '\0';
        csv_digest(w->r, info->digest);
    }
    csv_close(w->r);
    w->r = NULL;
    return errors_count(w->errs) == before;
}

/* ORGDIR/NAME or ORGDIR/data/NAME: 1 found (path set), 0 absent, -1 both
 * (an error: which one is meant?). */
static int find_raw(const char *dir, const char *name, struct strbuf *path,
                    struct cg_errors *errs)
{
    struct strbuf other = STRBUF_INIT;
    const char *sep = str_ends_with(dir, "/") ? "" : "/";
    struct stat st;
    int top, data;

    strbuf_truncate(path, 0);
    strbuf_printf(path, "%s%s%s", dir, sep, name);
    strbuf_printf(&other, "%s%sdata/%s", dir, sep, name);
    top = lstat(path->buf, &st) == 0;
    data = lstat(other.buf, &st) == 0;
    if (top && data) {
        errors_add(errs, CG_ERR_INPUT, other.buf, 0, 0,
                   "%s is also in the folder itself (%s): keep one of them",
                   name, path->buf);
        strbuf_free(&other);
        return -1;
    }
    if (data) {
        strbuf_truncate(path, 0);
        strbuf_adds(path, other.buf);
    }
    strbuf_free(&other);
    return top || data;
}

/* ------------------------------------------------------------ emitting */

static void add_value(struct kpi_store *store, const struct profile *p,
                      int program, cg_month month, const struct kpi_value *v,
                      const char *file, struct cg_errors *errs)
{
    struct kpi_entry e;
    const struct kpi_entry *old;

    e.program = program;
    e.metric = metric_defs[v->metric].name;
    e.month = month;
    e.value = v->value;
    e.n = v->n;
    e.file = file;
    e.line = 0;
    old = kpi_store_add(store, &e);
    if (old) {
        char period[MONTH_BUF];
        month_format(month, period);
        errors_add(errs, CG_ERR_INPUT, old->file, old->line, 0,
                   "%s for %s %s also derived from %s", e.metric,
                   p->programs[program].id, period, file);
    }
}

static void emit_map(struct kpi_store *store, const struct profile *p,
                     enum metric_source src, const struct kpi_map *m,
                     const struct kpi_map *contacts, const char *file,
                     struct cg_errors *errs)
{
    size_t i, k, n = 0;

    for (i = 0; i < m->nslots; i++) {
        const struct kpi_map_slot *s = &m->slots[i];
        struct kpi_value v[KPI_VALUES_MAX];
        if (s->program < 0)
            continue;
        switch (src) {
        case SRC_CONTACTS:
            n = kpi_contacts_values(s->val, v);
            break;
        case SRC_QA: {
            const struct contacts_acc *c =
                kpi_map_find(contacts, s->program, s->month);
            n = kpi_qa_values(s->val, c ? c->answered : 0, v);
            break;
        }
        case SRC_SURVEYS:
            n = kpi_survey_values(s->val, v);
            break;
        case SRC_FORECAST:
            n = kpi_forecast_values(s->val, v);
            break;
        default:
            n = 0;
            break;
        }
        for (k = 0; k < n; k++)
            add_value(store, p, s->program, s->month, &v[k], file, errs);
    }
}

/* Staff months run from each program's earliest `hired` to as-of: sum the
 * differences month by month. */
static void emit_staff(struct kpi_store *store, const struct profile *p,
                       const struct kpi_map *m, const cg_day *min_hired,
                       const char *file, struct cg_errors *errs)
{
    cg_month last = date_month(p->as_of), mo;
    size_t prog, k, n;

    for (prog = 0; prog < p->nprograms; prog++) {
        struct staff_diff run;
        if (min_hired[prog] == INT32_MAX)
            continue;
        memset(&run, 0, sizeof run);
        for (mo = date_month(min_hired[prog]); mo <= last; mo++) {
            const struct staff_diff *d = kpi_map_find(m, (int)prog, mo);
            struct kpi_value v[KPI_VALUES_MAX];
            run.leavers = run.unverified = 0;
            if (d) {
                run.first_day += d->first_day;
                run.last_day += d->last_day;
                run.any_day += d->any_day;
                run.live_known += d->live_known;
                run.leavers = d->leavers;
                run.unverified = d->unverified;
            }
            n = kpi_staff_values(&run, v);
            for (k = 0; k < n; k++)
                add_value(store, p, (int)prog, mo, &v[k], file, errs);
        }
    }
}

int kpi_derive(const char *dir, const struct profile *p,
               struct kpi_store *store, const struct kpi_progress *progress,
               struct raw_file_info info[5], int digests,
               struct cg_errors *errs)
{
    struct kpi_map maps[SRC_COUNT];
    struct strbuf path = STRBUF_INIT;
    char *display[SRC_COUNT];
    cg_day *min_hired = xcalloc(p->nprograms + 1, sizeof *min_hired);
    size_t before = errors_count(errs), i;
    int src;

    for (i = 0; i < p->nprograms; i++)
        min_hired[i] = INT32_MAX;
    for (src = 0; src < SRC_COUNT; src++) {
        struct raw w;
        int found;

        kpi_map_init(&maps[src], kinds[src].elem);
        display[src] = NULL;
        if (info)
            memset(&info[src], 0, sizeof info[src]);
        found = find_raw(dir, metric_source_file((enum metric_source)src),
                         &path, errs);
        if (found <= 0)
            continue;
        display[src] = xstrdup(path.buf);
        if (info) {
            info[src].present = 1;
            info[src].path = xstrdup(path.buf);
        }
        memset(&w, 0, sizeof w);
        w.p = p;
        w.errs = errs;
        w.map = &maps[src];
        w.min_hired = min_hired;
        read_raw(&w, &kinds[src], path.buf, display[src], progress,
                 info ? &info[src] : NULL, digests);
    }
    if (errors_count(errs) == before) {
        for (src = 0; src < SRC_COUNT; src++) {
            if (!display[src])
                continue;
            if (src == SRC_STAFF)
                emit_staff(store, p, &maps[src], min_hired, display[src],
                           errs);
            else
                emit_map(store, p, (enum metric_source)src, &maps[src],
                         &maps[SRC_CONTACTS], display[src], errs);
        }
    }
    for (src = 0; src < SRC_COUNT; src++) {
        kpi_map_free(&maps[src]);
        free(display[src]);
    }
    free(min_hired);
    strbuf_free(&path);
    return errors_count(errs) == before;
}

void kpi_raw_free(struct raw_file_info info[5])
{
    int i;

    if (!info)
        return;
    for (i = 0; i < SRC_COUNT; i++) {
        free(info[i].path);
        info[i].path = NULL;
    }
}
