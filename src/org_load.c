/*
 * org_load.c — loading an organisation folder (load.h; model in org.h):
 * findings.csv, metrics.csv and the KPIs derived from the raw files;
 * evidence.csv is org_evidence.c's, the shared CSV helpers org_csv.c's.
 *
 * Order matters for one check only: raw files are derived before
 * metrics.csv is read, so that a metrics.csv row for a KPI the raw data
 * also gives is reported on that row, naming the raw file.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "copcgap/arena.h"
#include "copcgap/field.h"
#include "copcgap/load.h"
#include "org_internal.h"

/* -------------------------------------------------------------- findings */

enum { FD_REQ, FD_PROGRAM, FD_RESULT, FD_ASSESSOR, FD_DATED, FD_NOTE,
       FD_CLASS, FD_NCOLS };
static const char *const findings_cols[] = {
    "requirement", "program", "result", "assessor", "dated", "note", "class",
    NULL
};

static const char *program_label(const struct profile *p, int prog)
{
    return prog < 0 ? "site-wide" : p->programs[prog].id;
}

static void load_findings(struct orgdata *o, const struct profile *p,
                          const struct catalog *c, struct cg_errors *errs)
{
    const char *result_names[FR_COUNT + 1], *class_names[FC_COUNT];
    struct finding *v = NULL;
    size_t n = 0, cap = 0;
    struct keyset seen = { NULL, 0, 0 };
    struct csv_reader *r;
    struct csv_row row;
    int col[FD_NCOLS], i, rc;

    r = org_open_csv(o, "findings.csv", findings_cols, col,
                     &o->findings_path, errs);
    if (!r || !org_need_catalog(o->findings_path, c, errs))
        goto done;
    /* The accepted spellings come from model.c's tables. */
    for (i = 0; i < FR_COUNT; i++)
        result_names[i] = finding_result_name((enum finding_result)i);
    result_names[FR_COUNT] = NULL;
    for (i = 1; i < FC_COUNT; i++)
        class_names[i - 1] = finding_class_name((enum finding_class)i);
    class_names[FC_COUNT - 1] = NULL;
    while ((rc = csv_next(r, &row, errs)) != CSV_EOF && rc != CSV_FATAL) {
        struct finding f;
        int ok = 1, prog_ok, result = -1, cls = -1;
        long req;

        if (rc != CSV_ROW)
            continue;
        memset(&f, 0, sizeof f);
        f.line = row.line;
        req = catalog_find_req(c, row.f[col[FD_REQ]].p,
                               row.f[col[FD_REQ]].len);
        if (req < 0) {
            csv_error_value(r, &row, col[FD_REQ], "must be a requirement id "
                            "of the catalogue", errs);
            ok = 0;
        }
        prog_ok = field_program(r, &row, col[FD_PROGRAM], p, 1, NULL,
                                &f.program, errs);
        ok &= prog_ok;
        ok &= field_enum(r, &row, col[FD_RESULT], result_names, 0, &result,
                         errs);
        ok &= field_date(r, &row, col[FD_DATED], &f.dated, &f.has_dated,
                         errs);
        ok &= field_enum(r, &row, col[FD_CLASS], class_names, 1, &cls, errs);
        if (result == FR_NA && field_empty(&row, col[FD_NOTE])) {
            csv_error_at(r, &row, col[FD_NOTE], errs, "note is empty "
                         "(required when result is n/a: say why the "
                         "requirement does not apply)");
            ok = 0;
        }
        /* One judgement per requirement and program, whatever else is
         * wrong with the row. */
        if (req >= 0 && prog_ok) {
            char key[64];
            long first;
            snprintf(key, sizeof key, "%ld/%d", req, f.program);
            first = keyset_add(&seen, o->arena, key, f.line);
            if (first) {
                csv_error_at(r, &row, col[FD_REQ], errs, "requirement %s "
                             "(%s) already has a finding on line %ld",
                             c->reqs[req].id, program_label(p, f.program),
                             first);
                ok = 0;
            }
        }
        if (!ok)
            continue;
        f.req = (size_t)req;
        f.result = (enum finding_result)result;
        f.cls = cls < 0 ? FC_NONE : (enum finding_class)(cls + 1);
        f.assessor = org_strdup_field(o, &row, col[FD_ASSESSOR]);
        f.note = org_strdup_field(o, &row, col[FD_NOTE]);
        VEC_PUSH(v, n, cap) = f;
    }
done:
    o->findings = arena_adopt(o->arena, v, n, sizeof *v);
    o->nfindings = n;
    keyset_free(&seen);
    org_close_csv(o, r, "findings");
}

/* --------------------------------------------------------------- metrics */

enum { MT_PROGRAM, MT_METRIC, MT_PERIOD, MT_VALUE, MT_N, MT_NCOLS };
static const char *const metrics_cols[] = {
    "program", "metric", "period", "value", "n", NULL
};

static void metrics_row(struct orgdata *o, const struct profile *p,
                        const struct catalog *c, const struct csv_reader *r,
                        const struct csv_row *row, const int *col,
                        struct cg_errors *errs)
{
    const struct csv_field *m = &row->f[col[MT_METRIC]];
    const struct kpi_entry *old;
    struct kpi_entry e;
    int ok = 1;

    memset(&e, 0, sizeof e);
    ok &= field_program(r, row, col[MT_PROGRAM], p, 0, NULL, &e.program,
                        errs);
    if (c ? !catalog_knows_metric(c, m->p, m->len)
          : metric_find(m->p, m->len) < 0) {
        struct strbuf q = STRBUF_INIT;
        csv_quote(&q, m);
        csv_error_at(r, row, col[MT_METRIC], errs, "unknown metric %s (%s)",
                     q.buf, c ? "neither built in nor declared by the "
                     "catalogue" : "not built in, and no catalogue loaded");
        strbuf_free(&q);
        ok = 0;
    }
    ok &= field_month(r, row, col[MT_PERIOD], &e.month, errs);
    ok &= field_number(r, row, col[MT_VALUE], 0, &e.value, errs);
    e.n = -1;
    if (!field_empty(row, col[MT_N]) &&
        !field_count(r, row, col[MT_N], &e.n, errs))
        ok = 0;
    if (!ok)
        return;
    e.metric = org_strdup_field(o, row, col[MT_METRIC]);
    e.file = o->metrics_path;
    e.line = row->line;
    old = kpi_store_add(o->kpis, &e);
    if (old) {
        char period[MONTH_BUF];
        month_format(e.month, period);
        if (old->line > 0)
            csv_error_at(r, row, col[MT_PERIOD], errs, "%s for %s %s also "
                         "on line %ld", e.metric, p->programs[e.program].id,
                         period, old->line);
        else
            csv_error_at(r, row, col[MT_PERIOD], errs, "%s for %s %s also "
                         "derived from %s", e.metric,
                         p->programs[e.program].id, period, old->file);
    }
}

static void load_metrics(struct orgdata *o, const struct profile *p,
                         const struct catalog *c, struct cg_errors *errs)
{
    struct csv_reader *r;
    struct csv_row row;
    int col[MT_NCOLS], rc;

    r = org_open_csv(o, "metrics.csv", metrics_cols, col, &o->metrics_path,
                     errs);
    if (!r)
        return;
    while ((rc = csv_next(r, &row, errs)) != CSV_EOF && rc != CSV_FATAL)
        if (rc == CSV_ROW)
            metrics_row(o, p, c, r, &row, col, errs);
    org_close_csv(o, r, "metrics");
}

/* ------------------------------------------------------------------ load */

struct orgdata *org_load(const char *dir, const struct profile *p,
                         const struct catalog *c,
                         const struct kpi_progress *progress, unsigned flags,
                         struct cg_errors *errs)
{
    struct orgdata *o = xcalloc(1, sizeof *o);
    struct raw_file_info info[SRC_COUNT];
    size_t before = errors_count(errs);
    int src;

    o->arena = arena_new();
    o->dir = arena_strdup(o->arena, dir);
    o->kpis = kpi_store_new();
    org_load_evidence(o, p, c, errs);
    load_findings(o, p, c, errs);
    kpi_derive(dir, p, o->kpis, progress, info, (flags & ORG_DIGESTS) != 0,
               errs);
    for (src = 0; src < SRC_COUNT; src++)
        if (info[src].present) {
            org_note_file(o, info[src].path);
            org_add_source(o, info[src].path, metric_source_name(src),
                           info[src].rows, info[src].bytes,
                           info[src].digest);
        }
    kpi_raw_free(info);
    load_metrics(o, p, c, errs);
    o->files = arena_adopt(o->arena, o->files, o->nfiles, sizeof *o->files);
    o->sources = arena_adopt(o->arena, o->sources, o->nsources,
                             sizeof *o->sources);
    if (errors_count(errs) != before) {
        org_free(o);
        return NULL;
    }
    return o;
}

