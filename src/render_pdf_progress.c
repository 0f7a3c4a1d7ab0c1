/*
 * render_pdf_progress.c — the report's "progress since the last run"
 * section (<progress/> in a template; docs/workspace.md): from a
 * workspace with an earlier run, the verdict and overall score then and
 * now, the overall score of every run as a chart, each category's
 * change, and the requirements whose gaps closed (the plan's actions
 * that closed), opened or otherwise changed.  Without an earlier run the
 * section is left out.
 */
#include <math.h>
#include <string.h>

#include "copcgap/run.h"
#include "render_pdf_int.h"

/* The runs the chart shows: the last ones, this one included. */
#define PROGRESS_CHART_RUNS 12

static void draw_history(struct pdf_canvas *cv, float w, float h, void *u)
{
    struct rctx *x = u;
    const struct report_progress *p = x->r->progress;
    size_t n = p->npoints < PROGRESS_CHART_RUNS ? p->npoints
                                                 : PROGRESS_CHART_RUNS;
    size_t first = p->npoints - n, i, nt = 0;
    double *v = arena_calloc(x->a, n, sizeof *v);
    signed char *verdict = arena_calloc(x->a, n, 1);
    const char **labels = arena_calloc(x->a, n, sizeof *labels);
    struct pdf_tick *ticks = arena_calloc(x->a, 11, sizeof *ticks);
    double min = x->r->why.conditional_min * 100, lo;
    int k;
    struct pdf_series s;
    struct pdf_line_chart c;
    struct pdf_rect rect = { 0, 0, w, h };
    struct msg *m;

    for (i = 0; i < n; i++) {
        const struct run_point *pt = &p->points[first + i];
        v[i] = pt->overall * 100;
        verdict[i] = pt->overall * 100 >= min - 1e-9 ? PDF_PASS : PDF_FAIL;
        labels[i] = pt->id ? arena_printf(x->a, "%lld", pt->id)
                           : word(x, "progress.chart.now");
        if (v[i] < min)
            min = v[i];
    }
    /* From the nearest ten below the lowest value (or the conditional
     * line) to 100 %, a tick every ten points. */
    lo = floor(min / 10) * 10;
    if (lo > 90)
        lo = 90;
    for (k = (int)lo; k <= 100; k += 10) {
        ticks[nt].value = k;
        ticks[nt++].text = pct(x, k / 100.0);
    }
    memset(&s, 0, sizeof s);
    s.title = word(x, "progress.chart.title");
    s.values = v;
    s.verdict = verdict;
    s.has_target = 1;
    s.target = x->r->why.conditional_min * 100;
    m = msg(x, "progress.chart.threshold");
    msg_pct(x->a, m, "min", x->r->why.conditional_min);
    s.target_text = say(x, m);
    s.ymin = lo;
    s.ymax = 100;
    s.yticks = ticks;
    s.nyticks = nt;
    memset(&c, 0, sizeof c);
    c.series = &s;
    c.nseries = 1;
    c.cols = 1;
    c.months = labels;
    c.nmonths = n;
    pdf_chart_lines(cv, &rect, &c);
}

static const char *title_of(const struct rctx *x, const char *id)
{
    const struct catalog *c = x->r->catalog;
    size_t i;
    for (i = 0; i < c->nreqs; i++)
        if (strcmp(c->reqs[i].id, id) == 0)
            return arena_printf(x->a, "%s %s", id, req_title(x, i));
    return id;
}

static void categories(struct rctx *x, const struct run_diff *d)
{
    static const struct pdf_col cols[] = {
        { 0, 1, ALIGN_LEFT }, { 60, 0, ALIGN_RIGHT }, { 60, 0, ALIGN_RIGHT },
        { 100, 0, ALIGN_RIGHT }
    };
    const struct catalog *c = x->r->catalog;
    const char *head[4];
    size_t i, j;

    head[0] = word(x, "col.category");
    head[1] = word(x, "progress.col.before");
    head[2] = word(x, "progress.col.now");
    head[3] = word(x, "progress.col.delta");
    table_begin(x, cols, 4, head, 8.5f);
    for (i = 0; i < d->ncats; i++) {
        const struct cat_change *cc = &d->cats[i];
        const char *cells[4];
        struct pdf_row row;
        struct msg *m;
        if (!cc->a || !cc->b)
            continue;
        cells[0] = cc->id;
        for (j = 0; j < c->ncategories; j++)
            if (strcmp(c->categories[j].id, cc->id) == 0)
                cells[0] = arena_printf(x->a, "%s %s", cc->id,
                                        text_of(x, &c->categories[j].title));
        cells[1] = pct(x, cc->a->score);
        cells[2] = pct(x, cc->b->score);
        m = msg(x, "progress.delta");
        msg_num(x->a, m, "delta", (cc->b->score - cc->a->score) * 100);
        cells[3] = say(x, m);
        memset(&row, 0, sizeof row);
        row.cells = cells;
        pdf_flow_table_row(x->f, &row);
    }
    pdf_flow_table_end(x->f);
}

/* Order of the changes in the table: closed gaps first, then opened,
 * then the rest. */
static int change_rank(enum change_kind k)
{
    return k == CHANGE_CLOSED ? 0 : k == CHANGE_OPENED ? 1 : 2;
}

/* Every requirement that changed, in one table (closed gaps are the
 * last plan's actions that closed: whose, and when they were due), cut
 * at the section's limit. */
static void changes(struct rctx *x, const struct run_diff *d)
{
    static const struct pdf_col cols[] = {
        { 0, 1, ALIGN_LEFT }, { 54, 0, ALIGN_LEFT }, { 118, 0, ALIGN_LEFT },
        { 118, 0, ALIGN_LEFT }
    };
    const char *head[4];
    size_t i, shown = 0, limit = section_limit(x), total = 0;
    int rank;

    for (i = 0; i < d->nreqs; i++)
        total += d->reqs[i].a && d->reqs[i].b;
    if (!total)
        return;
    pdf_flow_heading(x->f, 2, word(x, "progress.changes.title"), NULL);
    head[0] = word(x, "col.requirement");
    head[1] = word(x, "progress.col.change");
    head[2] = word(x, "progress.col.before");
    head[3] = word(x, "progress.col.now");
    table_begin(x, cols, 4, head, 8.5f);
    for (rank = 0; rank < 3; rank++)
        for (i = 0; i < d->nreqs; i++) {
            const struct req_change *c = &d->reqs[i];
            const char *cells[4];
            struct pdf_row row;
            if (!c->a || !c->b || change_rank(c->kind) != rank ||
                (limit && shown == limit))
                continue;
            cells[0] = title_of(x, c->b->id);
            cells[1] = wordf(x, "change.", change_kind_name(c->kind));
            cells[2] = arena_printf(x->a, "%s, %s",
                                    req_status_word(x, c->a->status),
                                    pct(x, c->a->score));
            cells[3] = arena_printf(x->a, "%s, %s",
                                    req_status_word(x, c->b->status),
                                    pct(x, c->b->score));
            memset(&row, 0, sizeof row);
            row.cells = cells;
            if (c->kind == CHANGE_CLOSED && c->a->gap) {
                struct msg *m = msg(x, "progress.closed.action");
                msg_text(x->a, m, "owner", *c->a->gap->owner
                                           ? c->a->gap->owner
                                           : word(x, "plan.unassigned"));
                msg_date(x->a, m, "due", c->a->gap->due);
                row.detail = say(x, m);
            }
            pdf_flow_table_row(x->f, &row);
            shown++;
        }
    pdf_flow_table_end(x->f);
    if (shown < total) {
        struct msg *m = msg(x, "progress.more");
        msg_int(x->a, m, "n", (long long)(total - shown));
        para(x, &x->note, say(x, m));
    }
}

void pdf_progress(struct rctx *x)
{
    const struct report_progress *p = x->r->progress;
    const struct run_diff *d;
    struct msg *m;
    size_t other;

    if (!p || !p->diff)
        return;         /* no earlier run: nothing to compare with */
    d = p->diff;
    /* No page of its own: it follows the summary or the heatmap, so that
     * the executive report keeps to its four pages. */
    pdf_flow_spacer(x->f, 14);
    pdf_flow_heading(x->f, 1, word(x, "sec.progress"),
                     place(x, "sec", section_name(x->sec->kind)));
    m = msg(x, "progress.intro");
    msg_int(x->a, m, "run", d->a->id);
    msg_date(x->a, m, "as_of", d->a->as_of);
    msg_key(x->a, m, "from", arena_printf(x->a, "verdict.%s",
                                          verdict_name(d->a->verdict)));
    msg_key(x->a, m, "to", arena_printf(x->a, "verdict.%s",
                                        verdict_name(d->b->verdict)));
    msg_pct(x->a, m, "from_score", d->a->overall);
    msg_pct(x->a, m, "to_score", d->b->overall);
    msg_num(x->a, m, "delta", (d->b->overall - d->a->overall) * 100);
    msg_int(x->a, m, "closed", (long long)d->count[CHANGE_CLOSED]);
    msg_int(x->a, m, "opened", (long long)d->count[CHANGE_OPENED]);
    other = d->count[CHANGE_STATUS] + d->count[CHANGE_SCORE];
    msg_int(x->a, m, "other", (long long)other);
    para(x, NULL, say(x, m));
    pdf_flow_drawing(x->f, pdf_chart_lines_row_height() + 24, draw_history,
                     x);
    /* A report held to a number of pages (executive) leaves out the
     * category table: its heatmap shows the scores. */
    if (x->t->max_pages <= 0)
        categories(x, d);
    changes(x, d);
}
