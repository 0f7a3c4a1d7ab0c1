/*
 * records.c — loading an organisation folder (see records.h): findings,
 * metrics.csv, KPIs derived from the raw files, and the helpers the
 * evidence loader shares (records_evidence.c).
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
#include "records_internal.h"

/* ---------------------------------------------------------------- keyset */

static uint64_t hash_str(const char *s)
{
    uint64_t h = UINT64_C(14695981039346656037);     /* FNV-1a */
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= UINT64_C(1099511628211);
    }
    return h;
}

static size_t keyset_find(const struct keyset *s, const char *key)
{
    size_t mask = s->nslots - 1, i = (size_t)hash_str(key) & mask;

    while (s->slots[i].key && strcmp(s->slots[i].key, key) != 0)
        i = (i + 1) & mask;
    return i;
}

long keyset_add(struct keyset *s, struct arena *a, const char *key,
                long line)
{
    size_t i;

    if (2 * (s->n + 1) > s->nslots) {
        struct keyset_slot *old = s->slots;
        size_t oldn = s->nslots;
        s->nslots = oldn ? oldn * 2 : 64;
        s->slots = xcalloc(s->nslots, sizeof *s->slots);
        for (i = 0; i < oldn; i++)
            if (old[i].key)
                s->slots[keyset_find(s, old[i].key)] = old[i];
        free(old);
    }
    i = keyset_find(s, key);
    if (s->slots[i].key)
        return s->slots[i].line;
    s->slots[i].key = arena_strdup(a, key);
    s->slots[i].line = line;
    s->n++;
    return 0;
}

void keyset_free(struct keyset *s)
{
    free(s->slots);
    s->slots = NULL;
    s->nslots = s->n = 0;
}

/* --------------------------------------------------------------- helpers */

struct csv_reader *org_open_csv(struct orgdata *o, const char *name,
                                const char *const *cols, int *idx,
                                const char **display, struct cg_errors *errs)
{
    const char *sep = str_ends_with(o->dir, "/") ? "" : "/";
    char *path = arena_printf(o->arena, "%s%s%s", o->dir, sep, name);
    struct csv_reader *r;
    struct stat st;
    size_t n = 0;

    *display = NULL;
    if (stat(path, &st) != 0)
        return NULL;
    *display = path;
    r = csv_open(path, path, errs);
    if (!r)
        return NULL;
    while (cols[n])
        n++;
    if (!csv_find_columns(r, cols, n, idx, errs)) {
        csv_close(r);
        return NULL;
    }
    return r;
}

void *org_keep(struct orgdata *o, const void *v, size_t n, size_t size)
{
    void *copy;

    if (n == 0)
        return NULL;
    copy = arena_calloc(o->arena, n, size);
    memcpy(copy, v, n * size);
    return copy;
}

const char *org_strdup_field(struct orgdata *o, const struct csv_row *row,
                             int col)
{
    return arena_strndup(o->arena, row->f[col].p, row->f[col].len);
}

static int is_space(char c)
{
    return c == ' ' || c == '\t';
}

int org_parse_requirements(struct orgdata *o, const struct catalog *c,
                           const struct csv_reader *r,
                           const struct csv_row *row, int col,
                           size_t **reqs, size_t *nreqs,
                           struct cg_errors *errs)
{
    const char *s = row->f[col].p, *e = s + row->f[col].len;
    size_t *v = NULL, n = 0, cap = 0, i;
    int ok = 1;

    /* "1.1;2.3", with spaces around ids and empty items tolerated, as
     * people type lists. */
    while (s < e) {
        const char *semi = memchr(s, ';', (size_t)(e - s));
        const char *end = semi ? semi : e, *a = s, *b = end;
        long idx;

        while (a < b && is_space(*a))
            a++;
        while (b > a && is_space(b[-1]))
            b--;
        s = semi ? semi + 1 : e;
        if (a == b)
            continue;
        idx = catalog_find_req(c, a, (size_t)(b - a));
        if (idx < 0) {
            struct strbuf q = STRBUF_INIT;
            strbuf_add_quoted(&q, a, (size_t)(b - a), CSV_QUOTE_MAX);
            csv_error_at(r, row, col, errs, "unknown requirement %s (not in "
                         "catalogue %s)", q.buf, c->id);
            strbuf_free(&q);
            ok = 0;
            continue;
        }
        for (i = 0; i < n && v[i] != (size_t)idx; i++)
            ;
        if (i == n)
            VEC_PUSH(v, n, cap) = (size_t)idx;
    }
    if (ok && n == 0) {
        csv_error_value(r, row, col, "must list one or more requirement ids "
                        "(separated by ';')", errs);
        ok = 0;
    }
    if (ok) {
        *reqs = arena_calloc(o->arena, n, sizeof **reqs);
        memcpy(*reqs, v, n * sizeof *v);
        *nreqs = n;
    }
    free(v);
    return ok;
}

/* Without a catalogue requirement ids cannot be checked: refuse rather
 * than load rows nobody verified. */
int org_need_catalog(const char *display, const struct catalog *c,
                        struct cg_errors *errs)
{
    if (c)
        return 1;
    errors_add(errs, CG_ERR_INPUT, display, 0, 0,
               "requirement ids cannot be checked without a catalogue "
               "(give one with --catalog)");
    return 0;
}

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
    o->findings = org_keep(o, v, n, sizeof *v);
    o->nfindings = n;
    free(v);
    keyset_free(&seen);
    csv_close(r);
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
    csv_close(r);
}

/* ------------------------------------------------------------------ load */

struct orgdata *org_load(const char *dir, const struct profile *p,
                         const struct catalog *c,
                         const struct kpi_progress *progress,
                         struct cg_errors *errs)
{
    struct orgdata *o = xcalloc(1, sizeof *o);
    size_t before = errors_count(errs);

    o->arena = arena_new();
    o->dir = arena_strdup(o->arena, dir);
    o->kpis = kpi_store_new();
    org_load_evidence(o, p, c, errs);
    load_findings(o, p, c, errs);
    kpi_derive(dir, p, o->kpis, progress, o->raw, errs);
    load_metrics(o, p, c, errs);
    if (errors_count(errs) != before) {
        org_free(o);
        return NULL;
    }
    return o;
}

void org_free(struct orgdata *o)
{
    if (!o)
        return;
    kpi_raw_free(o->raw);
    kpi_store_free(o->kpis);
    arena_free(o->arena);
    free(o);
}

const char *integrity_name(enum integrity i)
{
    static const char *const names[] = {
        "unchecked", "ok", "mismatch", "missing", "remote"
    };
    return (size_t)i < ARRAY_LEN(names) ? names[i] : "?";
}
