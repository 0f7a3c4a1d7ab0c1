/*
 * render_pdf_results.c — what the assessment found: heat map, KPI pages,
 * performance summary table, requirement scorecard, assessor findings,
 * crosswalk coverage and the trace appendix (render_pdf_int.h).
 */
#include <math.h>
#include <string.h>

#include "copcgap/kpi.h"
#include "copcgap/metric.h"
#include "render_pdf_int.h"

static void row_of(struct rctx *x, const char *const *cells,
                   const struct rgb *const *fills, const char *detail)
{
    struct pdf_row row;

    memset(&row, 0, sizeof row);
    row.cells = cells;
    row.cell_fill = fills;
    row.detail = detail;
    pdf_flow_table_row(x->f, &row);
}

/* A metric's name for readers: the language table's or the catalogue's
 * title (catalog_msg_metric). */
static const char *metric_word(struct rctx *x, const char *name)
{
    struct msg *m = msg(x, "report.term");
    catalog_msg_metric(x->a, x->r->catalog, m, "term", name);
    return say(x, m);
}

/* "≥ 80", "≤ 5 %": a target as readers write it. */
static const char *target_text(struct rctx *x, const struct target_used *t,
                               const char *unit)
{
    struct msg *m;

    if (!t->found)
        return word(x, "pst.no_target");
    m = msg(x, "report.target");
    msg_key(x->a, m, "op", arena_printf(x->a, "op.%s",
                                        cmp_op_name(t->op)));
    msg_num(x->a, m, "value", t->value);
    msg_text(x->a, m, "unit", unit && strcmp(unit, "%") == 0 ? "%" : "");
    return say(x, m);
}

/* ---------------------------------------------------------- heat map */

static void draw_heat(struct pdf_canvas *cv, float w, float h, void *u)
{
    struct rctx *x = u;
    const struct report *r = x->r;
    const struct catalog *c = r->catalog;
    size_t rows = 0, cols = 0, i, j;
    const char **row_labels, **col_labels, **text;
    double *values;
    unsigned char *present;
    struct pdf_heatmap hm;
    struct pdf_rect rect = { 0, 0, w, h };

    for (i = 0; i < c->ncategories; i++)
        if (c->categories[i].nitems > cols)
            cols = c->categories[i].nitems;
    row_labels = arena_calloc(x->a, c->ncategories + 1, sizeof *row_labels);
    col_labels = arena_calloc(x->a, cols + 1, sizeof *col_labels);
    text = arena_calloc(x->a, c->ncategories * cols + 1, sizeof *text);
    values = arena_calloc(x->a, c->ncategories * cols + 1, sizeof *values);
    present = arena_calloc(x->a, c->ncategories * cols + 1, 1);
    for (j = 0; j < cols; j++)
        col_labels[j] = arena_printf(x->a, "%zu", j + 1);
    for (i = 0; i < c->ncategories; i++) {
        const struct category *cat = &c->categories[i];
        row_labels[rows] = arena_printf(x->a, "%s %s", cat->id,
                                        text_of(x, &cat->title));
        for (j = 0; j < cat->nitems; j++) {
            size_t it = cat->first_item + j, cell = rows * cols + j;
            const struct group_result *g = &r->items[it];
            if (g->applicable_weight <= 0)
                continue;
            present[cell] = 1;
            values[cell] = g->score;
            text[cell] = num(x, g->score * 100, 0);
        }
        rows++;
    }
    memset(&hm, 0, sizeof hm);
    hm.nrows = rows;
    hm.ncols = cols;
    hm.row_labels = row_labels;
    hm.col_labels = col_labels;
    hm.values = values;
    hm.present = present;
    hm.cell_text = text;
    hm.low_text = pct(x, 0);
    hm.high_text = pct(x, 1);
    hm.none_text = word(x, "heatmap.none");
    pdf_chart_heatmap(cv, &rect, &hm);
}

static void group_cells(struct rctx *x, const char **cells,
                        const struct group_result *g)
{
    cells[0] = g->applicable_weight > 0 ? pct(x, g->score)
                                        : req_status_word(x, REQ_NA);
    cells[1] = g->applicable_weight > 0
        ? arena_printf(x->a, "%s / %s", num(x, g->points, 0),
                       num(x, g->points_max, 0))
        : "—";
    cells[2] = arena_printf(x->a, "%zu", g->count[REQ_MET]);
    cells[3] = arena_printf(x->a, "%zu", g->count[REQ_PARTIAL]);
    cells[4] = arena_printf(x->a, "%zu", g->count[REQ_NOT_MET] +
                                         g->count[REQ_NOT_EVIDENCED]);
}

void pdf_heatmap(struct rctx *x)
{
    static const struct pdf_col cols[] = {
        { 0, 1, ALIGN_LEFT }, { 52, 0, ALIGN_RIGHT }, { 70, 0, ALIGN_RIGHT },
        { 40, 0, ALIGN_RIGHT }, { 44, 0, ALIGN_RIGHT }, { 52, 0, ALIGN_RIGHT }
    };
    const struct report *r = x->r;
    const struct catalog *c = r->catalog;
    const char *head[6];
    size_t i, ncat = 0;
    struct msg *m;

    section_begin(x, "sec.heatmap", 0);
    for (i = 0; i < c->ncategories; i++)
        ncat++;
    para(x, &x->small, word(x, "heatmap.intro"));
    pdf_flow_drawing(x->f, 40 + 18 * (float)ncat, draw_heat, x);
    head[0] = word(x, "col.category");
    head[1] = word(x, "col.score");
    head[2] = word(x, "col.points");
    head[3] = word(x, "col.met");
    head[4] = word(x, "col.partial");
    head[5] = word(x, "col.gaps");
    pdf_flow_spacer(x->f, 8);
    table_begin(x, cols, 6, head, 8.5f);
    for (i = 0; i < c->ncategories; i++) {
        const char *cells[6];
        cells[0] = arena_printf(x->a, "%s %s", c->categories[i].id,
                                text_of(x, &c->categories[i].title));
        group_cells(x, cells + 1, &r->cats[i]);
        row_of(x, cells, NULL, NULL);
    }
    {
        struct pdf_row row;
        const char *cells[6];
        cells[0] = word(x, "heatmap.total");
        cells[1] = pct(x, r->overall);
        cells[2] = arena_printf(x->a, "%s / %s", num(x, r->points, 0),
                                num(x, r->points_max, 0));
        cells[3] = arena_printf(x->a, "%zu", r->count[REQ_MET]);
        cells[4] = arena_printf(x->a, "%zu", r->count[REQ_PARTIAL]);
        cells[5] = arena_printf(x->a, "%zu", r->count[REQ_NOT_MET] +
                                             r->count[REQ_NOT_EVIDENCED]);
        memset(&row, 0, sizeof row);
        row.cells = cells;
        row.bold = 1;
        pdf_flow_table_row(x->f, &row);
    }
    pdf_flow_table_end(x->f);
    m = msg(x, "heatmap.points");
    msg_num(x->a, m, "points", r->points);
    msg_num(x->a, m, "available", r->points_max);
    para(x, &x->note, say(x, m));
    if (!has_section(x, SEC_SCORECARD))
        return;
    pdf_flow_heading(x->f, 2, word(x, "heatmap.items"), NULL);
    head[0] = word(x, "col.item");
    table_begin(x, cols, 6, head, 8);
    for (i = 0; i < c->nitems; i++) {
        const char *cells[6];
        cells[0] = arena_printf(x->a, "%s %s", c->items[i].id,
                                text_of(x, &c->items[i].title));
        group_cells(x, cells + 1, &r->items[i]);
        row_of(x, cells, NULL, NULL);
    }
    pdf_flow_table_end(x->f);
}

/* ------------------------------------------------------------ KPIs */

/* Panels per row on a landscape page; a program with more metrics than
 * a page holds gets several charts, a page each. */
#define KPI_COLS 5

/* Three round ticks covering [lo, hi]; the range is widened to them. */
static struct pdf_tick *nice_ticks(struct rctx *x, double *lo, double *hi,
                                   size_t *n)
{
    double span = *hi - *lo, step, mag, first;
    struct pdf_tick *t = arena_calloc(x->a, 8, sizeof *t);
    int decimals;
    size_t k = 0;

    if (span <= 0) {
        span = fabs(*hi) > 0 ? fabs(*hi) * 0.2 : 1;
        *lo -= span / 2;
        *hi += span / 2;
    }
    mag = pow(10, floor(log10(span / 2)));
    step = span / 2 / mag <= 1 ? mag : span / 2 / mag <= 2 ? 2 * mag
         : span / 2 / mag <= 5 ? 5 * mag : 10 * mag;
    first = floor(*lo / step) * step;
    *lo = first;
    *hi = ceil(*hi / step) * step;
    decimals = step >= 1 ? 0 : (int)ceil(-log10(step));
    for (k = 0; k < 8; k++) {
        double v = first + (double)k * step;
        if (v > *hi + step / 2)
            break;
        t[k].value = v;
        t[k].text = num(x, v, decimals);
    }
    *n = k;
    return t;
}

struct kpi_panels {
    struct rctx *x;
    const struct kpi_series **s;
    size_t n;
};

static void draw_panels(struct pdf_canvas *cv, float w, float h, void *u)
{
    const struct kpi_panels *kp = u;
    struct rctx *x = kp->x;
    struct pdf_series *series = arena_calloc(x->a, kp->n + 1,
                                             sizeof *series);
    const char **months = arena_calloc(x->a, REPORT_SERIES_MONTHS,
                                       sizeof *months);
    struct pdf_line_chart c;
    struct pdf_rect rect = { 0, 0, w, h };
    size_t i;
    int k;

    for (k = 0; k < REPORT_SERIES_MONTHS; k++)
        months[k] = lang_month_abbr(x->r->lang, x->a, kp->s[0]->points[k].month);
    for (i = 0; i < kp->n; i++) {
        const struct kpi_series *s = kp->s[i];
        struct pdf_series *ps = &series[i];
        double *v = arena_calloc(x->a, REPORT_SERIES_MONTHS, sizeof *v);
        unsigned char *pres = arena_calloc(x->a, REPORT_SERIES_MONTHS, 1);
        signed char *verdict = arena_calloc(x->a, REPORT_SERIES_MONTHS, 1);
        double lo = HUGE_VAL, hi = -HUGE_VAL;
        size_t first = REPORT_SERIES_MONTHS - (size_t)s->win_months;

        for (k = 0; k < REPORT_SERIES_MONTHS; k++) {
            const struct kpi_point *pt = &s->points[k];
            pres[k] = pt->status != PT_NONE;
            v[k] = pt->value;
            /* enum pdf_verdict (-1, 0, 1) held in a signed char. */
            verdict[k] = (signed char)(pt->status == PT_PASS ? PDF_PASS
                       : pt->status == PT_FAIL ? PDF_FAIL : PDF_NOT_JUDGED);
            if (pres[k]) {
                lo = fmin(lo, pt->value);
                hi = fmax(hi, pt->value);
            }
        }
        if (s->target.found) {
            lo = fmin(lo, s->target.value);
            hi = fmax(hi, s->target.value);
        }
        if (lo > hi)
            lo = hi = 0;
        ps->title = metric_word(x, s->metric);
        ps->values = v;
        ps->present = pres;
        ps->verdict = verdict;
        ps->has_target = s->target.found;
        ps->target = s->target.value;
        ps->target_text = s->target.found
            ? target_text(x, &s->target, s->unit) : NULL;
        ps->window_from = s->win_months > 0 ? first : 0;
        ps->window_to = s->win_months > 0 ? REPORT_SERIES_MONTHS : 0;
        ps->yticks = nice_ticks(x, &lo, &hi, &ps->nyticks);
        ps->ymin = lo;
        ps->ymax = hi;
    }
    memset(&c, 0, sizeof c);
    c.series = series;
    c.nseries = kp->n;
    c.cols = KPI_COLS;
    c.months = months;
    c.nmonths = REPORT_SERIES_MONTHS;
    c.pass_text = word(x, "kpi.legend.pass");
    c.fail_text = word(x, "kpi.legend.fail");
    c.target_text = word(x, "kpi.legend.target");
    c.window_text = word(x, "kpi.legend.window");
    pdf_chart_lines(cv, &rect, &c);
}

/* The month-by-month grid: value per month, shaded pass / fail. */
static void kpi_grid(struct rctx *x, const struct kpi_series **s, size_t n)
{
    static const struct rgb pass = { 0.80f, 0.93f, 0.80f };
    static const struct rgb fail = { 0.95f, 0.68f, 0.66f };
    struct pdf_col cols[1 + REPORT_SERIES_MONTHS];
    const char *head[1 + REPORT_SERIES_MONTHS];
    size_t i;
    int k;

    cols[0].width = 0;
    cols[0].weight = 1;
    cols[0].align = ALIGN_LEFT;
    head[0] = word(x, "col.metric");
    for (k = 0; k < REPORT_SERIES_MONTHS; k++) {
        cols[k + 1].width = 44;
        cols[k + 1].weight = 0;
        cols[k + 1].align = ALIGN_RIGHT;
        head[k + 1] = month_str(x, s[0]->points[k].month);
    }
    table_begin(x, cols, 1 + REPORT_SERIES_MONTHS, head, 7.5f);
    for (i = 0; i < n; i++) {
        const char *cells[1 + REPORT_SERIES_MONTHS];
        const struct rgb *fills[1 + REPORT_SERIES_MONTHS];
        cells[0] = s[i]->target.found
            ? arena_printf(x->a, "%s (%s)", metric_word(x, s[i]->metric),
                           target_text(x, &s[i]->target, s[i]->unit))
            : metric_word(x, s[i]->metric);
        fills[0] = NULL;
        for (k = 0; k < REPORT_SERIES_MONTHS; k++) {
            const struct kpi_point *pt = &s[i]->points[k];
            int decimals = fabs(pt->value) >= 100 ? 0 : 1;
            cells[k + 1] = pt->status == PT_NONE ? "—"
                         : num(x, pt->value, decimals);
            fills[k + 1] = pt->status == PT_PASS ? &pass
                         : pt->status == PT_FAIL ? &fail : NULL;
        }
        row_of(x, cells, fills, NULL);
    }
    pdf_flow_table_end(x->f);
}

void pdf_kpis(struct rctx *x)
{
    const struct report *r = x->r;
    const struct kpi_series **s;
    size_t i, j, n, first_prog = 1;
    int prog;

    section_begin(x, "sec.kpis", 1);
    if (!r->org || r->nseries == 0) {
        para(x, NULL, word(x, "kpi.none"));
        return;
    }
    para(x, &x->small, word(x, "kpi.intro"));
    s = arena_calloc(x->a, r->nseries + 1, sizeof *s);
    for (i = 0; i < r->nseries; i = j) {
        size_t per_chart, done;
        prog = r->series[i].program;
        n = 0;
        for (j = i; j < r->nseries && r->series[j].program == prog; j++)
            if (r->series[j].win_months > 0 &&
                r->series[j].npoints_with_value > 0)
                s[n++] = &r->series[j];
        if (n == 0)
            continue;
        if (!first_prog)
            pdf_flow_page_break(x->f, PDF_LANDSCAPE, 0);
        first_prog = 0;
        pdf_flow_heading(x->f, 2, arena_printf(
            x->a, "%s (%s)", program_name(x, prog),
            wordf(x, "channel.", channel_name(
                      r->profile->programs[prog].channel))),
            place(x, "kpi", r->profile->programs[prog].id));
        /* Rows that fit under a heading and the legend. */
        per_chart = (size_t)((pdf_flow_room(x->f) - 70) /
                             pdf_chart_lines_row_height()) * KPI_COLS;
        if (per_chart < KPI_COLS)
            per_chart = KPI_COLS;
        for (done = 0; done < n; done += per_chart) {
            struct kpi_panels kp;
            size_t rows;
            kp.x = x;
            kp.s = s + done;
            kp.n = n - done < per_chart ? n - done : per_chart;
            rows = (kp.n + KPI_COLS - 1) / KPI_COLS;  /* whole rows */
            pdf_flow_drawing(x->f, (float)rows *
                                       pdf_chart_lines_row_height() + 24,
                             draw_panels, &kp);
        }
        pdf_flow_spacer(x->f, 8);
        kpi_grid(x, s, n);
    }
}

/* ----------------------------------------- performance summary table */

static const char *window_text(struct rctx *x, const struct pst_row *row)
{
    struct msg *m = msg(x, arena_printf(x->a, "pst.window.%s",
                                        window_mode_name(row->mode)));
    msg_int(x->a, m, "months", row->months);
    msg_int(x->a, m, "required", row->required);
    return say(x, m);
}

void pdf_pst(struct rctx *x)
{
    static const struct pdf_col cols[] = {
        { 0, 1, ALIGN_LEFT }, { 58, 0, ALIGN_LEFT }, { 48, 0, ALIGN_RIGHT },
        { 84, 0, ALIGN_LEFT }, { 40, 0, ALIGN_RIGHT }, { 48, 0, ALIGN_LEFT },
        { 50, 0, ALIGN_LEFT }, { 32, 0, ALIGN_LEFT }
    };
    static const struct rgb pass = { 0.80f, 0.93f, 0.80f };
    static const struct rgb fail = { 0.95f, 0.68f, 0.66f };
    const struct report *r = x->r;
    const char *head[8];
    size_t i;
    int prog;

    section_begin(x, "sec.pst", 0);
    if (r->npst == 0) {
        para(x, NULL, word(x, "pst.none"));
        return;
    }
    para(x, &x->small, word(x, "pst.intro"));
    head[0] = word(x, "col.metric");
    head[1] = word(x, "col.class");
    head[2] = word(x, "col.target");
    head[3] = word(x, "col.window");
    head[4] = word(x, "col.at_target");
    head[5] = word(x, "col.trend");
    head[6] = word(x, "col.result");
    head[7] = word(x, "col.id");
    for (prog = 0; prog < (int)r->profile->nprograms; prog++) {
        size_t shown = 0;
        for (i = 0; i < r->npst; i++)
            shown += r->pst[i].program == prog;
        if (shown == 0)
            continue;
        pdf_flow_heading(x->f, 2, arena_printf(
            x->a, "%s (%s)", program_name(x, prog),
            wordf(x, "channel.", channel_name(
                      r->profile->programs[prog].channel))), NULL);
        table_begin(x, cols, 8, head, 7.5f);
        for (i = 0; i < r->npst; i++) {
            const struct pst_row *row = &r->pst[i];
            const struct rgb *fills[8] = { NULL };
            const char *cells[8];
            const char *unit;
            if (row->program != prog)
                continue;
            unit = catalog_metric_unit(r->catalog, row->metric);
            cells[0] = metric_word(x, row->metric);
            cells[1] = wordf(x, "metric.class.",
                             metric_class_name(row->metric_class));
            cells[2] = target_text(x, &row->target, unit);
            cells[3] = window_text(x, row);
            cells[4] = arena_printf(x->a, "%d / %d", row->at_target,
                                    row->months);
            cells[5] = wordf(x, "pst.trend.", pst_trend_name(row->trend));
            cells[6] = wordf(x, "pst.result.",
                             pst_result_name(row->result));
            cells[7] = r->catalog->reqs[row->req].id;
            fills[6] = row->result == PST_PASS ? &pass
                     : row->result == PST_FAIL ||
                       row->result == PST_NO_TARGET ? &fail : NULL;
            row_of(x, cells, fills, NULL);
        }
        pdf_flow_table_end(x->f);
    }
}

/* -------------------------------------------------------- scorecard */

/* One sentence for the status, then the rules that do not pass. */
static const char *plain(struct rctx *x, const struct req_result *rr,
                         int details)
{
    struct strbuf sb = STRBUF_INIT;
    struct msg *m;
    size_t i, pass = 0, applicable = 0;
    const char *s;

    if (rr->status == REQ_NA)
        return rr->na_reason ? say(x, rr->na_reason) : "";
    for (i = 0; i < rr->nrules; i++) {
        applicable += rr->rules[i].status != RS_NA;
        pass += rr->rules[i].status == RS_PASS;
    }
    m = msg(x, arena_printf(x->a, "scorecard.%s",
                            req_status_name(rr->status)));
    msg_int(x->a, m, "pass", (long long)pass);
    msg_int(x->a, m, "rules", (long long)applicable);
    msg_pct(x->a, m, "score", rr->score);
    strbuf_adds(&sb, say(x, m));
    for (i = 0; details && rr->status != REQ_MET && i < rr->nrules; i++) {
        const struct rule_result *res = &rr->rules[i];
        if (res->status == RS_PASS || res->status == RS_NA)
            continue;
        strbuf_printf(&sb, "\n• %s", rule_line(x, res));
    }
    s = arena_strdup(x->a, strbuf_cstr(&sb));
    strbuf_free(&sb);
    return s;
}

void pdf_scorecard(struct rctx *x)
{
    static const struct pdf_col cols[] = {
        { 40, 0, ALIGN_LEFT }, { 0, 1, ALIGN_LEFT }, { 70, 0, ALIGN_LEFT },
        { 44, 0, ALIGN_RIGHT }, { 40, 0, ALIGN_RIGHT }
    };
    const struct report *r = x->r;
    const struct catalog *c = r->catalog;
    const char *head[5];
    struct pdf_table_spec spec;
    size_t ci, i;
    int traces = has_section(x, SEC_TRACES);

    section_begin(x, "sec.scorecard", 0);
    para(x, &x->small, word(x, traces ? "scorecard.intro.traces"
                                      : "scorecard.intro"));
    head[0] = word(x, "col.id");
    head[1] = word(x, "col.requirement");
    head[2] = word(x, "col.status");
    head[3] = word(x, "col.score");
    head[4] = word(x, "col.weight");
    memset(&spec, 0, sizeof spec);
    spec.ncols = 5;
    spec.cols = cols;
    spec.header = head;
    spec.continued = word(x, "report.continued");
    spec.size = 8.5f;
    spec.detail_col = 1;
    for (ci = 0; ci < c->ncategories; ci++) {
        const struct category *cat = &c->categories[ci];
        pdf_flow_heading(x->f, 2, arena_printf(x->a, "%s %s", cat->id,
                                               text_of(x, &cat->title)),
                         NULL);
        pdf_flow_table_begin(x->f, &spec);
        for (i = cat->first_req; i < cat->first_req + cat->nreq; i++) {
            const struct req_result *rr = &r->reqs[i];
            const struct rgb *fills[5] = { NULL };
            const char *cells[5];
            struct pdf_row row;
            cells[0] = rr->req->id;
            cells[1] = rr->req->critical
                ? arena_printf(x->a, "%s (%s)", req_title(x, i),
                               word(x, "word.critical"))
                : req_title(x, i);
            cells[2] = req_status_word(x, rr->status);
            cells[3] = rr->status == REQ_NA ? "" : pct(x, rr->score);
            cells[4] = num(x, rr->req->weight, 1);
            fills[2] = status_fill(rr->status);
            memset(&row, 0, sizeof row);
            row.cells = cells;
            row.cell_fill = fills;
            row.bold = rr->req->critical && rr->status != REQ_MET &&
                       rr->status != REQ_NA;
            row.detail = plain(x, rr, x->sec->details);
            row.anchor = place(x, "req", rr->req->id);
            if (traces)
                row.link = place(x, "trace", rr->req->id);
            pdf_flow_table_row(x->f, &row);
        }
        pdf_flow_table_end(x->f);
    }
}

/* --------------------------------------------------------- findings */

void pdf_findings(struct rctx *x)
{
    static const enum finding_class order[] = {
        FC_MAJOR_NC, FC_MINOR_NC, FC_OBSERVATION, FC_IMPROVEMENT, FC_NONE
    };
    static const struct pdf_col cols[] = {
        { 40, 0, ALIGN_LEFT }, { 60, 0, ALIGN_LEFT }, { 58, 0, ALIGN_LEFT },
        { 80, 0, ALIGN_LEFT }, { 58, 0, ALIGN_LEFT }, { 0, 1, ALIGN_LEFT }
    };
    const struct report *r = x->r;
    const struct orgdata *o = r->org;
    const char *head[6];
    size_t k, i, n;

    section_begin(x, "sec.findings", 0);
    if (!o || o->nfindings == 0) {
        para(x, NULL, word(x, "findings.none"));
        return;
    }
    head[0] = word(x, "col.id");
    head[1] = word(x, "col.program");
    head[2] = word(x, "col.result");
    head[3] = word(x, "col.assessor");
    head[4] = word(x, "col.dated");
    head[5] = word(x, "col.note");
    for (k = 0; k < ARRAY_LEN(order); k++) {
        struct msg *m;
        for (i = n = 0; i < o->nfindings; i++)
            n += o->findings[i].cls == order[k];
        if (n == 0)
            continue;
        m = msg(x, "findings.class");
        msg_key(x->a, m, "class", order[k] == FC_NONE
                    ? "findings.unclassified"
                    : arena_printf(x->a, "finding.class.%s",
                                   finding_class_name(order[k])));
        msg_int(x->a, m, "count", (long long)n);
        pdf_flow_heading(x->f, 2, say(x, m), NULL);
        table_begin(x, cols, 6, head, 8);
        for (i = 0; i < o->nfindings; i++) {
            const struct finding *fd = &o->findings[i];
            const char *cells[6];
            if (fd->cls != order[k])
                continue;
            cells[0] = r->catalog->reqs[fd->req].id;
            cells[1] = fd->program >= 0
                ? r->profile->programs[fd->program].id : "—";
            cells[2] = wordf(x, "finding.result.",
                             finding_result_name(fd->result));
            cells[3] = *fd->assessor ? fd->assessor : "—";
            cells[4] = fd->has_dated ? day_str(x, fd->dated) : "—";
            cells[5] = fd->note;
            row_of(x, cells, NULL, NULL);
        }
        pdf_flow_table_end(x->f);
    }
}

/* -------------------------------------------------------- crosswalk */

void pdf_crosswalk(struct rctx *x)
{
    static const struct pdf_col cols[] = {
        { 42, 0, ALIGN_LEFT }, { 0, 1, ALIGN_LEFT }, { 72, 0, ALIGN_LEFT },
        { 0, 1.2f, ALIGN_LEFT }
    };
    static const struct rgb cov_fill[COV_COUNT] = {
        { 0.80f, 0.93f, 0.80f }, { 1.00f, 0.90f, 0.65f },
        { 0.95f, 0.68f, 0.66f }, { 0.93f, 0.93f, 0.93f },
    };
    const struct report *r = x->r;
    const char *head[4];
    size_t i, j, l;

    section_begin(x, "sec.crosswalk", 0);
    if (r->ncrosswalks == 0) {
        para(x, NULL, word(x, "crosswalk.none"));
        return;
    }
    para(x, &x->small, word(x, "crosswalk.intro"));
    head[0] = word(x, "col.clause");
    head[1] = word(x, "col.title");
    head[2] = word(x, "col.coverage");
    head[3] = word(x, "col.requirements");
    for (i = 0; i < r->ncrosswalks; i++) {
        const struct crosswalk *xw = &r->crosswalks[i];
        struct msg *m = msg(x, "crosswalk.counts");
        pdf_flow_heading(x->f, 2, text_of(x, &xw->target->title), NULL);
        msg_int(x->a, m, "covered", (long long)xw->count[COV_FULL]);
        msg_int(x->a, m, "partial", (long long)xw->count[COV_PARTIAL]);
        msg_int(x->a, m, "none", (long long)xw->count[COV_NONE]);
        msg_int(x->a, m, "no_link", (long long)xw->count[COV_NO_LINK]);
        para(x, &x->note, say(x, m));
        table_begin(x, cols, 4, head, 8);
        for (j = 0; j < xw->nclauses; j++) {
            const struct xwalk_clause *cl = &xw->clauses[j];
            const struct rgb *fills[4] = { NULL };
            struct strbuf sb = STRBUF_INIT;
            const char *cells[4];
            for (l = 0; l < cl->nlinks; l++) {
                struct msg *lm = msg(x, "report.xwalk.link");
                msg_id(x->a, lm, "id", r->catalog->reqs[cl->links[l].req].id);
                msg_key(x->a, lm, "relation", arena_printf(
                    x->a, "xrel.%s", xrel_name(cl->links[l].rel)));
                msg_key(x->a, lm, "status", arena_printf(
                    x->a, "status.req.%s",
                    req_status_name(r->reqs[cl->links[l].req].status)));
                strbuf_printf(&sb, "%s%s", l ? "; " : "", say(x, lm));
            }
            cells[0] = xw->target->reqs[cl->clause].id;
            cells[1] = text_of(x, &xw->target->reqs[cl->clause].title);
            cells[2] = wordf(x, "coverage.", coverage_name(cl->coverage));
            cells[3] = arena_strdup(x->a, strbuf_cstr(&sb));
            fills[2] = &cov_fill[cl->coverage];
            row_of(x, cells, fills, NULL);
            strbuf_free(&sb);
        }
        pdf_flow_table_end(x->f);
    }
}

/* --------------------------------------------------- trace appendix */

void pdf_traces(struct rctx *x)
{
    const struct report *r = x->r;
    const struct catalog *c = r->catalog;
    struct pdf_style detail = x->note;
    size_t i, j, d;

    section_begin(x, "sec.traces", 0);
    para(x, &x->small, word(x, "traces.intro"));
    detail.size = 7;
    detail.indent = 12;
    detail.space_after = 0.5f;
    for (i = 0; i < c->nreqs; i++) {
        const struct req_result *rr = &r->reqs[i];
        struct msg *m = msg(x, "traces.heading");
        msg_id(x->a, m, "id", rr->req->id);
        msg_text(x->a, m, "title", req_title(x, i));
        msg_key(x->a, m, "status", arena_printf(x->a, "status.req.%s",
                                                req_status_name(rr->status)));
        pdf_flow_heading(x->f, 3, say(x, m), place(x, "trace", rr->req->id));
        if (has_section(x, SEC_SCORECARD)) {
            pdf_flow_link(x->f, place(x, "req", rr->req->id));
            para(x, &x->note, word(x, "traces.back"));
        }
        if (rr->status == REQ_NA) {
            para(x, &x->small, plain(x, rr, 0));
            continue;
        }
        for (j = 0; j < rr->nrules; j++) {
            const struct rule_result *res = &rr->rules[j];
            para(x, &x->small, rule_line(x, res));
            for (d = 0; d < res->ndetails; d++)
                para(x, &detail, say(x, res->details[d]));
        }
    }
}
