/*
 * pdf_chart_gantt.c — the roadmap Gantt chart (see pdf_chart.h).
 *
 * Rows of bars on a day axis with month labels, milestone lines whose
 * labels are stacked in as many levels as it takes for none to touch,
 * and dependency arrows routed around the bars.  At-risk bars are dark
 * and hatched and critical ones heavily outlined, so both read in
 * greyscale.  A plan longer than a page is drawn in chunks of rows
 * (first, count); pdf_chart_gantt_rows_fit() says how many fit.
 */
#include <math.h>
#include <string.h>

#include "pdf_chart_int.h"

#define ROW_H 14.0f
#define BAR_H 8.0f
#define MAX_MARKS 32

static const struct rgb month_grid = { 0.90f, 0.90f, 0.92f };

struct geo {
    float label_w;              /* row label column */
    float header_h;             /* milestone labels */
    float axis_h;               /* month labels */
    float legend_h;
    int level[MAX_MARKS];       /* stacking level of each milestone label */
    float lx[MAX_MARKS];        /* its left edge */
    float lw[MAX_MARKS];        /* its width */
    float gx0, gx1;             /* time axis */
};

static size_t shown(const struct pdf_gantt *g)
{
    size_t left = g->first < g->nrows ? g->nrows - g->first : 0;
    return g->count && g->count < left ? g->count : left;
}

static float day_x(const struct pdf_gantt *g, const struct geo *ge, double d)
{
    return chart_scale(d, g->day0, g->day1, ge->gx0, ge->gx1);
}

static void legend_items(const struct pdf_gantt *g, struct legend_item *it)
{
    memset(it, 0, 4 * sizeof *it);
    it[0].text = g->plain_text;
    it[0].color = &pdf_chart_muted;
    it[1].text = g->at_risk_text;
    it[1].color = &pdf_chart_bad;
    it[1].hatch = PDF_HATCH_DIAG;
    it[2].text = g->critical_text;
    it[2].color = &pdf_chart_muted;
    it[2].outline = 1.6f;
    it[3].text = g->done_text;
    it[3].color = &pdf_chart_good;
}

static void geometry(struct pdf_canvas *cv, const struct pdf_gantt *g,
                     const struct pdf_rect *r, struct geo *ge)
{
    struct pdfkit *k = pdf_canvas_kit(cv);
    float th = chart_text_h(cv, PDF_REGULAR, LABEL_SIZE);
    struct legend_item it[4];
    float right[MAX_MARKS];     /* right end of the last label per level */
    int levels = 0;
    size_t i, nm = g->nmarks < MAX_MARKS ? g->nmarks : MAX_MARKS;

    memset(ge, 0, sizeof *ge);
    ge->label_w = g->nrows ? chart_widest(cv, PDF_REGULAR, LABEL_SIZE,
                                          &g->rows[0].label, g->nrows,
                                          sizeof g->rows[0]) + 6 : 6;
    if (ge->label_w > r->w * 0.3f)
        ge->label_w = r->w * 0.3f;
    ge->gx0 = r->x + ge->label_w;
    ge->gx1 = r->x + r->w - 4;
    legend_items(g, it);
    ge->legend_h = chart_legend_height(cv, it, 4, r->w);
    if (ge->legend_h > 0)
        ge->legend_h += 3;
    ge->axis_h = th + 5;
    /* Each milestone label goes to the lowest level where it touches no
     * other label: close milestones (mock audit, audit) stack up. */
    for (i = 0; i < nm; i++) {
        const struct pdf_gantt_mark *m = &g->marks[i];
        float w = m->label ? pdfkit_width(k, PDF_BOLD, LABEL_SIZE, m->label)
                           : 0;
        float x = day_x(g, ge, m->day) - w / 2;
        int l;
        if (w > r->w)
            w = r->w;
        if (x < r->x)
            x = r->x;
        if (x + w > r->x + r->w)
            x = r->x + r->w - w;
        for (l = 0; l < levels; l++)
            if (x >= right[l] + LABEL_GAP)
                break;
        if (l == levels)
            levels++;
        right[l] = x + w;
        ge->level[i] = l;
        ge->lx[i] = x;
        ge->lw[i] = w;
    }
    ge->header_h = (float)levels * (th + 1) + 3;
}

size_t pdf_chart_gantt_rows_fit(struct pdfkit *k, const struct pdf_gantt *g,
                                float w, float h)
{
    struct pdf_canvas *cv = pdf_canvas_new(k);
    struct pdf_rect r = { 0, 0, w, h };
    struct geo ge;
    float room;

    geometry(cv, g, &r, &ge);
    pdf_canvas_free(cv);
    room = h - ge.header_h - ge.axis_h - ge.legend_h;
    return room >= ROW_H ? (size_t)floorf(room / ROW_H) : 1;
}

float pdf_chart_gantt_height(struct pdfkit *k, const struct pdf_gantt *g,
                             float w, size_t rows)
{
    struct pdf_canvas *cv = pdf_canvas_new(k);
    struct pdf_rect r = { 0, 0, w, 1000 };
    struct geo ge;

    geometry(cv, g, &r, &ge);
    pdf_canvas_free(cv);
    return ge.header_h + ROW_H * (float)rows + ge.axis_h + ge.legend_h + 1;
}

static void arrow(struct pdf_canvas *cv, const struct pdf_gantt *g,
                  const struct geo *ge, const struct pdf_gantt_dep *d,
                  float top)
{
    size_t first = g->first, n = shown(g);
    const struct pdf_gantt_row *a = &g->rows[d->from], *b = &g->rows[d->to];
    float ya, yb, xa, xb, pts[12];
    size_t np = 0;
    struct pdf_paint p;

    if (d->from < first || d->from >= first + n || d->to < first ||
        d->to >= first + n)
        return;                 /* one end is on another chunk */
    ya = top - ROW_H * ((float)(d->from - first) + 0.5f);
    yb = top - ROW_H * ((float)(d->to - first) + 0.5f);
    xa = fminf(day_x(g, ge, a->end), ge->gx1 - 4);
    xb = day_x(g, ge, b->start);
    pts[np++] = xa;
    pts[np++] = ya;
    if (xb >= xa + 6) {         /* an elbow into the start of b */
        pts[np++] = xa + 3;
        pts[np++] = ya;
        pts[np++] = xa + 3;
        pts[np++] = yb;
    } else {                    /* round the bars, between the rows */
        float ymid = ya + (yb < ya ? -ROW_H / 2 : ROW_H / 2);
        float xl = fmaxf(xb - 4, ge->gx0);
        pts[np++] = xa + 3;
        pts[np++] = ya;
        pts[np++] = xa + 3;
        pts[np++] = ymid;
        pts[np++] = xl;
        pts[np++] = ymid;
        pts[np++] = xl;
        pts[np++] = yb;
    }
    pts[np++] = xb;
    pts[np++] = yb;
    memset(&p, 0, sizeof p);
    p.stroke = &chart_axis;
    p.width = 0.7f;
    pdf_canvas_arrow(cv, pts, np / 2, 3.5f, &p);
}

void pdf_chart_gantt(struct pdf_canvas *cv, const struct pdf_rect *r,
                     const struct pdf_gantt *g)
{
    struct pdfkit *k = pdf_canvas_kit(cv);
    float th = chart_text_h(cv, PDF_REGULAR, LABEL_SIZE);
    struct legend_item it[4];
    struct geo ge;
    float top, bottom, xs[64];
    const char *tt[64];
    size_t i, n = shown(g), nt = g->nticks < 64 ? g->nticks : 64;
    size_t nm = g->nmarks < MAX_MARKS ? g->nmarks : MAX_MARKS;

    pdf_canvas_frame(cv, r->x, r->y, r->w, r->h);
    geometry(cv, g, r, &ge);
    top = r->y + r->h - ge.header_h;
    bottom = top - ROW_H * (float)n;
    if (bottom < r->y + ge.legend_h + ge.axis_h) {
        /* More rows than fit: draw those that do. */
        n = (size_t)floorf((top - r->y - ge.legend_h - ge.axis_h) / ROW_H);
        bottom = top - ROW_H * (float)n;
    }
    if (g->day1 <= g->day0 || ge.gx1 <= ge.gx0)
        return;

    /* Month grid and labels (centred in their month). */
    for (i = 0; i < nt; i++) {
        float x0 = day_x(g, &ge, g->ticks[i].value);
        float x1 = i + 1 < nt ? day_x(g, &ge, g->ticks[i + 1].value)
                              : ge.gx1;
        chart_vline(cv, x0, bottom, top, &month_grid, 0.5f, PDF_DASH_SOLID);
        xs[i] = (x0 + x1) / 2;
        tt[i] = g->ticks[i].text;
    }
    chart_hline(cv, ge.gx0, ge.gx1, bottom, &chart_axis, 0.8f,
                PDF_DASH_SOLID);
    chart_x_labels(cv, xs, tt, nt,
                   bottom - 2 - pdfkit_ascent(k, PDF_REGULAR) * LABEL_SIZE /
                   1000.0f, ge.gx0, r->x + r->w);

    for (i = 0; i < n; i++) {
        const struct pdf_gantt_row *row = &g->rows[g->first + i];
        float cy = top - ROW_H * ((float)i + 0.5f);
        float x0 = day_x(g, &ge, row->start), x1 = day_x(g, &ge, row->end);
        int risk = (row->flags & PDF_GANTT_AT_RISK) != 0;
        int crit = (row->flags & PDF_GANTT_CRITICAL) != 0;
        const struct rgb *fill = risk ? &pdf_chart_bad
                                 : (row->flags & PDF_GANTT_DONE)
                                     ? &pdf_chart_good : &pdf_chart_muted;
        if (i % 2 == 1)
            chart_box(cv, r->x, cy - ROW_H / 2, r->w, ROW_H, &month_grid,
                      PDF_HATCH_NONE, NULL, 0);
        /* Row labels keep one size (a column of mixed sizes reads
         * badly): a long one is cut with an ellipsis. */
        if (row->label && *row->label)
            pdf_canvas_text_fit(cv, PDF_REGULAR, LABEL_SIZE, LABEL_SIZE,
                                &chart_ink, r->x,
                                chart_center_base(cv, PDF_REGULAR,
                                                  LABEL_SIZE, cy),
                                ALIGN_LEFT, ge.label_w - 4, row->label);
        if (x1 < x0 + 1.5f)
            x1 = x0 + 1.5f;     /* a one-day task stays visible */
        chart_box(cv, x0, cy - BAR_H / 2, x1 - x0, BAR_H, fill,
                  risk ? PDF_HATCH_DIAG : PDF_HATCH_NONE,
                  crit ? &chart_ink : NULL, crit ? 1.6f : 0);
    }
    for (i = 0; i < g->ndeps; i++)
        arrow(cv, g, &ge, &g->deps[i], top);

    for (i = 0; i < nm; i++) {
        const struct pdf_gantt_mark *m = &g->marks[i];
        float x = day_x(g, &ge, m->day);
        float ly = top + 2 + (float)ge.level[i] * (th + 1);
        if (m->day < g->day0 || m->day > g->day1)
            continue;
        chart_vline(cv, x, bottom, ly, &chart_ink, m->solid ? 1.2f : 0.9f,
                    m->solid ? PDF_DASH_SOLID : PDF_DASH_DASHED);
        chart_label(cv, PDF_BOLD, LABEL_SIZE, &chart_ink, ge.lx[i],
                    ly - pdfkit_descent(k, PDF_BOLD) * LABEL_SIZE / 1000.0f,
                    ALIGN_LEFT, ge.lw[i] + 0.01f, m->label);
    }
    legend_items(g, it);
    if (ge.legend_h > 0)        /* under the axis, however few rows */
        chart_legend(cv, it, 4, r->x, bottom - ge.axis_h, r->w, r->y);
}
