/*
 * pdf_chart_lines.c — small-multiple line charts and the heat map (see
 * pdf_chart.h).
 *
 * A panel shows one monthly series: missing months are gaps in the
 * line, never zeros; each judged point is a filled circle (pass) or a
 * cross (fail), so the verdict reads without colour; the rule's window
 * is a pale band and the target a dashed line.
 */
#include <math.h>
#include <string.h>

#include "pdf_chart_int.h"

#define PANEL_GAP 10.0f
#define MARK_R 2.6f

static const struct rgb window_shade = { 0.91f, 0.92f, 0.95f };
static const struct rgb panel_line = { 0.80f, 0.80f, 0.83f };

float pdf_chart_lines_row_height(void)
{
    return 90;
}

static int present(const struct pdf_series *s, size_t i)
{
    return !s->present || s->present[i];
}

static void panel(struct pdf_canvas *cv, const struct pdf_line_chart *c,
                  const struct pdf_series *s, float x, float y, float w,
                  float h)
{
    struct pdfkit *k = pdf_canvas_kit(cv);
    float th = chart_text_h(cv, PDF_REGULAR, LABEL_SIZE);
    float title_h = chart_text_h(cv, PDF_BOLD, TITLE_SIZE) + 3;
    float axis_w, px0, px1, py0, py1, step, target_w = 0, title_base;
    float ys[32], xs[64], line[128];
    const char *yt[32];
    size_t i, n = c->nmonths < 64 ? c->nmonths : 64;
    size_t nt = s->nyticks < 32 ? s->nyticks : 32, run = 0;

    axis_w = nt ? chart_widest(cv, PDF_REGULAR, LABEL_SIZE,
                               &s->yticks[0].text, nt,
                               sizeof s->yticks[0]) + 3 : 2;
    if (axis_w > w * 0.3f)
        axis_w = w * 0.3f;
    px0 = x + axis_w + 3;
    px1 = x + w - MARK_R - 1;
    py0 = y + th + 4;
    py1 = y + h - title_h - MARK_R - 1;
    if (px1 <= px0 + 4 || py1 <= py0 + 4 || n == 0)
        return;
    /* Title left, target words right, both cut to share the row. */
    title_base = y + h - 1 - pdfkit_ascent(k, PDF_BOLD) * TITLE_SIZE /
                 1000.0f;
    if (s->has_target && s->target_text)
        target_w = chart_label(cv, PDF_REGULAR, LABEL_SIZE, &chart_axis,
                               x + w, title_base, ALIGN_RIGHT, w * 0.45f,
                               s->target_text);
    /* Titles keep one size across the panels: cut, never shrunk. */
    if (s->title && *s->title)
        pdf_canvas_text_fit(cv, PDF_BOLD, TITLE_SIZE, TITLE_SIZE, &chart_ink,
                            x, title_base, ALIGN_LEFT,
                            w - target_w - (target_w > 0 ? 6.0f : 0.0f),
                            s->title);

    step = (px1 - px0) / (float)n;
    for (i = 0; i < n; i++)
        xs[i] = px0 + step * ((float)i + 0.5f);
    if (s->window_to > s->window_from && s->window_from < n) {
        size_t to = s->window_to < n ? s->window_to : n;
        float wx0 = xs[s->window_from] - step / 2;
        float wx1 = xs[to - 1] + step / 2;
        chart_box(cv, wx0, py0, wx1 - wx0, py1 - py0, &window_shade,
                  PDF_HATCH_NONE, NULL, 0);
    }
    for (i = 0; i < nt; i++) {
        ys[i] = chart_scale(s->yticks[i].value, s->ymin, s->ymax, py0, py1);
        yt[i] = s->yticks[i].text;
        chart_hline(cv, px0, px1, ys[i], &chart_grid, 0.4f, PDF_DASH_SOLID);
    }
    chart_y_labels(cv, ys, yt, nt, px0 - 3, axis_w, y + th + 2, y + h -
                   title_h);
    chart_hline(cv, px0, px1, py0, &panel_line, 0.6f, PDF_DASH_SOLID);
    chart_vline(cv, px0, py0, py1, &panel_line, 0.6f, PDF_DASH_SOLID);
    chart_x_labels(cv, xs, c->months, n,
                   py0 - 2 - pdfkit_ascent(k, PDF_REGULAR) * LABEL_SIZE /
                   1000.0f, px0 - 2, x + w);
    if (s->has_target)
        chart_hline(cv, px0, px1,
                    chart_scale(s->target, s->ymin, s->ymax, py0, py1),
                    &chart_ink, 0.9f, PDF_DASH_DASHED);

    /* The line: one polyline per run of months with a value. */
    for (i = 0; i <= n; i++) {
        if (i < n && present(s, i) && s->values) {
            line[2 * run] = xs[i];
            line[2 * run + 1] = chart_scale(s->values[i], s->ymin, s->ymax,
                                            py0, py1);
            run++;
            continue;
        }
        if (run >= 2) {
            struct pdf_paint p;
            memset(&p, 0, sizeof p);
            p.stroke = &pdf_chart_series;
            p.width = 1.2f;
            pdf_canvas_path(cv, line, run, 0, &p);
        }
        run = 0;
    }
    for (i = 0; i < n && s->values; i++) {
        struct pdf_paint p;
        float vy;
        int v = s->verdict ? s->verdict[i] : PDF_NOT_JUDGED;
        if (!present(s, i))
            continue;
        vy = chart_scale(s->values[i], s->ymin, s->ymax, py0, py1);
        memset(&p, 0, sizeof p);
        if (v == PDF_PASS) {
            p.fill = &pdf_chart_series;
            pdf_canvas_marker(cv, PDF_MARKER_CIRCLE, xs[i], vy, MARK_R, &p);
        } else if (v == PDF_FAIL) {
            p.stroke = &pdf_chart_bad;
            p.width = 1.4f;
            pdf_canvas_marker(cv, PDF_MARKER_CROSS, xs[i], vy, MARK_R, &p);
        } else {
            p.fill = &chart_white;
            p.stroke = &pdf_chart_series;
            p.width = 0.8f;
            pdf_canvas_marker(cv, PDF_MARKER_CIRCLE, xs[i], vy, 1.8f, &p);
        }
    }
}

void pdf_chart_lines(struct pdf_canvas *cv, const struct pdf_rect *r,
                     const struct pdf_line_chart *c)
{
    struct legend_item items[4];
    size_t cols = c->cols ? c->cols : 3, rows, i;
    float legend_h, pw, ph;

    pdf_canvas_frame(cv, r->x, r->y, r->w, r->h);
    if (c->nseries == 0)
        return;
    memset(items, 0, sizeof items);
    items[0].text = c->pass_text;
    items[0].kind = LEGEND_MARKER;
    items[0].color = &pdf_chart_series;
    items[0].marker = PDF_MARKER_CIRCLE;
    items[1].text = c->fail_text;
    items[1].kind = LEGEND_MARKER;
    items[1].color = &pdf_chart_bad;
    items[1].marker = PDF_MARKER_CROSS;
    items[2].text = c->target_text;
    items[2].kind = LEGEND_DASH;
    items[2].color = &chart_ink;
    items[3].text = c->window_text;
    items[3].kind = LEGEND_SHADE;
    items[3].color = &window_shade;
    legend_h = chart_legend_height(cv, items, 4, r->w);
    if (legend_h > 0)
        legend_h += 4;
    if (cols > c->nseries)
        cols = c->nseries;
    rows = (c->nseries + cols - 1) / cols;
    pw = (r->w - PANEL_GAP * (float)(cols - 1)) / (float)cols;
    ph = (r->h - legend_h - PANEL_GAP * (float)(rows - 1)) / (float)rows;
    for (i = 0; i < c->nseries; i++) {
        size_t row = i / cols, col = i % cols;
        panel(cv, c, &c->series[i], r->x + (pw + PANEL_GAP) * (float)col,
              r->y + r->h - (ph + PANEL_GAP) * (float)row - ph, pw, ph);
    }
    if (legend_h > 0)
        chart_legend(cv, items, 4, r->x, r->y + legend_h - 2, r->w, r->y);
}

/* ----------------------------------------------------------- heat map */

/* Dark red through orange to pale yellow: lightness rises with the
 * value, so the order survives greyscale printing. */
static struct rgb ramp(double v)
{
    static const struct rgb stops[3] = {
        { 0.50f, 0.07f, 0.10f },
        { 0.91f, 0.45f, 0.20f },
        { 0.97f, 0.93f, 0.72f },
    };
    struct rgb c;
    float t;
    int i;

    if (!(v >= 0))
        v = 0;
    if (v > 1)
        v = 1;
    i = v < 0.5 ? 0 : 1;
    t = (float)(v < 0.5 ? v * 2 : (v - 0.5) * 2);
    c.r = stops[i].r + (stops[i + 1].r - stops[i].r) * t;
    c.g = stops[i].g + (stops[i + 1].g - stops[i].g) * t;
    c.b = stops[i].b + (stops[i + 1].b - stops[i].b) * t;
    return c;
}

static int has_legend(const struct pdf_heatmap *c)
{
    return c->low_text || c->high_text || c->none_text;
}

/* The legend with its top at top: low words, a ramp, high words and the
 * "no value" swatch. */
static void heat_legend(struct pdf_canvas *cv, const struct pdf_heatmap *c,
                        const struct pdf_rect *r, float top)
{
    float th = chart_text_h(cv, PDF_REGULAR, LABEL_SIZE);
    float y = top - th, cy = y + th / 2, x = r->x, sw = 8;
    float base = chart_center_base(cv, PDF_REGULAR, LABEL_SIZE, cy);
    float strip = fminf(120, r->w * 0.3f), room;
    int i;

    room = (r->w - strip - sw - 24) / 3;
    x += chart_label(cv, PDF_REGULAR, LABEL_SIZE, &chart_ink, x, base,
                     ALIGN_LEFT, room, c->low_text) + 4;
    for (i = 0; i < 20; i++) {
        struct rgb col = ramp((i + 0.5) / 20.0);
        chart_box(cv, x + strip * (float)i / 20, y, strip / 20 + 0.2f, th,
                  &col, PDF_HATCH_NONE, NULL, 0);
    }
    x += strip + 4;
    x += chart_label(cv, PDF_REGULAR, LABEL_SIZE, &chart_ink, x, base,
                     ALIGN_LEFT, room, c->high_text) + 12;
    if (c->none_text) {
        chart_box(cv, x, y, sw, th, &pdf_chart_none, PDF_HATCH_BACKDIAG,
                  &chart_axis, 0.4f);
        chart_label(cv, PDF_REGULAR, LABEL_SIZE, &chart_ink, x + sw + 3,
                    base, ALIGN_LEFT, r->x + r->w - x - sw - 3,
                    c->none_text);
    }
}

void pdf_chart_heatmap(struct pdf_canvas *cv, const struct pdf_rect *r,
                       const struct pdf_heatmap *c)
{
    struct pdfkit *k = pdf_canvas_kit(cv);
    float th = chart_text_h(cv, PDF_REGULAR, LABEL_SIZE);
    float legend_h, label_w, gx0, gy1, cw, ch, size;
    size_t i, j;

    pdf_canvas_frame(cv, r->x, r->y, r->w, r->h);
    if (c->nrows == 0 || c->ncols == 0)
        return;
    legend_h = has_legend(c) ? th + 6 : 0;
    label_w = chart_widest(cv, PDF_REGULAR, LABEL_SIZE, c->row_labels,
                           c->row_labels ? c->nrows : 0, sizeof(char *)) + 4;
    if (label_w > r->w * 0.3f)
        label_w = r->w * 0.3f;
    gx0 = r->x + label_w;
    gy1 = r->y + r->h - th - 3;
    cw = (r->x + r->w - gx0) / (float)c->ncols;
    ch = fminf(18, (gy1 - r->y - legend_h) / (float)c->nrows);
    if (cw <= 1 || ch <= 1)
        return;
    /* Labels shrink to the rows so that neighbours never touch. */
    size = fminf(LABEL_SIZE, ch / 1.2f);
    for (j = 0; j < c->ncols && c->col_labels; j++)
        chart_label(cv, PDF_REGULAR, LABEL_SIZE, &chart_axis,
                    gx0 + cw * ((float)j + 0.5f),
                    gy1 + 2 - pdfkit_descent(k, PDF_REGULAR) * LABEL_SIZE /
                    1000.0f, ALIGN_CENTER, cw - 2, c->col_labels[j]);
    for (i = 0; i < c->nrows; i++) {
        float y = gy1 - ch * (float)(i + 1), cy = y + ch / 2;
        if (c->row_labels)
            chart_label(cv, PDF_REGULAR, size, &chart_ink, gx0 - 4,
                        chart_center_base(cv, PDF_REGULAR, size, cy),
                        ALIGN_RIGHT, label_w - 4, c->row_labels[i]);
        for (j = 0; j < c->ncols; j++) {
            size_t at = i * c->ncols + j;
            int has = !c->present || c->present[at];
            struct rgb col = has ? ramp(c->values[at]) : pdf_chart_none;
            float x = gx0 + cw * (float)j;
            chart_box(cv, x, y, cw, ch, &col,
                      has ? PDF_HATCH_NONE : PDF_HATCH_BACKDIAG,
                      &chart_white, 1);
            if (has && c->cell_text && c->cell_text[at] &&
                ch > chart_text_h(cv, PDF_REGULAR, LABEL_MIN) + 1)
                chart_label(cv, PDF_REGULAR, fminf(6.5f, size),
                            chart_text_on(&col), x + cw / 2,
                            chart_center_base(cv, PDF_REGULAR,
                                              fminf(6.5f, size), cy),
                            ALIGN_CENTER, cw - 3, c->cell_text[at]);
        }
    }
    if (legend_h > 0)
        heat_legend(cv, c, r, gy1 - ch * (float)c->nrows - 6);
}
