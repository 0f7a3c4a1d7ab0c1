/*
 * pdf_chart.c — chart helpers (pdf_chart_int.h), the horizontal bar
 * chart, the status chart and the column chart (see pdf_chart.h).
 *
 * Every chart first measures its texts to split its rectangle into a
 * label column, a plot area and axis rows, so that no label is ever
 * drawn over the plot or outside the rectangle.
 */
#include <math.h>
#include <string.h>

#include "pdf_chart_int.h"

const struct rgb pdf_chart_good = { 0.72f, 0.88f, 0.72f };
const struct rgb pdf_chart_warn = { 0.90f, 0.55f, 0.15f };
const struct rgb pdf_chart_bad = { 0.62f, 0.12f, 0.12f };
const struct rgb pdf_chart_none = { 0.90f, 0.90f, 0.92f };
const struct rgb pdf_chart_series = { 0.10f, 0.25f, 0.50f };
const struct rgb pdf_chart_muted = { 0.55f, 0.60f, 0.68f };

const struct rgb chart_ink = { 0.1f, 0.12f, 0.16f };
const struct rgb chart_axis = { 0.35f, 0.35f, 0.38f };
const struct rgb chart_grid = { 0.86f, 0.86f, 0.88f };
const struct rgb chart_white = { 1, 1, 1 };

/* ------------------------------------------------------------ helpers */

float chart_text_h(struct pdf_canvas *cv, enum pdf_font f, float size)
{
    struct pdfkit *k = pdf_canvas_kit(cv);
    return (pdfkit_ascent(k, f) - pdfkit_descent(k, f)) * size / 1000.0f;
}

float chart_center_base(struct pdf_canvas *cv, enum pdf_font f, float size,
                        float y)
{
    struct pdfkit *k = pdf_canvas_kit(cv);
    float asc = pdfkit_ascent(k, f) * size / 1000.0f;
    float desc = pdfkit_descent(k, f) * size / 1000.0f;
    return y - (asc + desc) / 2;
}

float chart_label(struct pdf_canvas *cv, enum pdf_font f, float size,
                  const struct rgb *color, float x, float y,
                  enum pdf_align align, float max_w, const char *text)
{
    if (!text || !*text || max_w <= 1)
        return 0;
    return pdf_canvas_text_fit(cv, f, size, size < LABEL_MIN ? size
                                                               : LABEL_MIN,
                               color, x, y, align, max_w, text);
}

float chart_widest(struct pdf_canvas *cv, enum pdf_font f, float size,
                   const char *const *texts, size_t n, size_t stride)
{
    struct pdfkit *k = pdf_canvas_kit(cv);
    const char *const *p = texts;
    float widest = 0;
    size_t i;

    for (i = 0; i < n; i++) {
        const char *t = *p;
        if (t) {
            float w = pdfkit_width(k, f, size, t);
            if (w > widest)
                widest = w;
        }
        p = (const char *const *)(const void *)((const char *)p + stride);
    }
    return widest;
}

float chart_scale(double v, double lo, double hi, float a, float b)
{
    double t;

    if (!(hi > lo))
        return a;
    t = (v - lo) / (hi - lo);
    if (t < 0)
        t = 0;
    if (t > 1)
        t = 1;
    return a + (float)t * (b - a);
}

const struct rgb *chart_text_on(const struct rgb *fill)
{
    static const struct rgb black = { 0, 0, 0 };
    float lum = 0.299f * fill->r + 0.587f * fill->g + 0.114f * fill->b;
    return lum < 0.5f ? &chart_white : &black;
}

void chart_x_labels(struct pdf_canvas *cv, const float *xs,
                    const char *const *texts, size_t n, float y, float x0,
                    float x1)
{
    struct pdfkit *k = pdf_canvas_kit(cv);
    float last_right = -1e9f, size = LABEL_SIZE;
    size_t i;

    if (n == 0)
        return;
    for (i = 0; i < n; i++) {
        float w, left;
        if (!texts[i] || !*texts[i])
            continue;
        w = pdfkit_width(k, PDF_REGULAR, size, texts[i]);
        if (w > x1 - x0)
            w = x1 - x0;
        left = xs[i] - w / 2;
        if (left < x0)
            left = x0;
        if (left + w > x1)
            left = x1 - w;
        /* Thinning: a label that would touch the last one is left out. */
        if (left < last_right + LABEL_GAP)
            continue;
        chart_label(cv, PDF_REGULAR, size, &chart_axis, left, y, ALIGN_LEFT,
                    x1 - x0, texts[i]);
        last_right = left + w;
    }
}

void chart_y_labels(struct pdf_canvas *cv, const float *ys,
                    const char *const *texts, size_t n, float x, float w,
                    float y0, float y1)
{
    float th = chart_text_h(cv, PDF_REGULAR, LABEL_SIZE);
    float last_bottom = 1e9f;
    size_t i;

    /* From the top down, so that the highest tick wins a clash. */
    for (i = n; i-- > 0;) {
        float c = ys[i], bottom, top;
        if (!texts[i] || !*texts[i])
            continue;
        if (c + th / 2 > y1)
            c = y1 - th / 2;
        if (c - th / 2 < y0)
            c = y0 + th / 2;
        bottom = c - th / 2;
        top = c + th / 2;
        if (top > last_bottom - 0.5f)
            continue;
        chart_label(cv, PDF_REGULAR, LABEL_SIZE, &chart_axis, x,
                    chart_center_base(cv, PDF_REGULAR, LABEL_SIZE, c),
                    ALIGN_RIGHT, w, texts[i]);
        last_bottom = bottom;
    }
}

void chart_box(struct pdf_canvas *cv, float x, float y, float w, float h,
               const struct rgb *fill, enum pdf_hatch hatch,
               const struct rgb *stroke, float width)
{
    struct pdf_paint p;

    memset(&p, 0, sizeof p);
    p.fill = fill;
    p.hatch = hatch;
    /* Hatching in a contrasting tone so it shows on any fill: white on
     * dark, dark grey (not black, which would drown labels) on light. */
    p.hatch_color = fill && chart_text_on(fill) == &chart_white
                        ? &chart_white : &chart_axis;
    p.stroke = stroke;
    p.width = width;
    pdf_canvas_rect(cv, x, y, w, h, &p);
}

void chart_hline(struct pdf_canvas *cv, float x0, float x1, float y,
                 const struct rgb *c, float width, enum pdf_dash dash)
{
    struct pdf_paint p;
    memset(&p, 0, sizeof p);
    p.stroke = c;
    p.width = width;
    p.dash = dash;
    pdf_canvas_line(cv, x0, y, x1, y, &p);
}

void chart_vline(struct pdf_canvas *cv, float x, float y0, float y1,
                 const struct rgb *c, float width, enum pdf_dash dash)
{
    struct pdf_paint p;
    memset(&p, 0, sizeof p);
    p.stroke = c;
    p.width = width;
    p.dash = dash;
    pdf_canvas_line(cv, x, y0, x, y1, &p);
}

#define LEGEND_ROW 11.0f
#define SWATCH 9.0f

static float item_w(struct pdf_canvas *cv, const struct legend_item *it,
                    float w)
{
    float tw = pdfkit_width(pdf_canvas_kit(cv), PDF_REGULAR, LABEL_SIZE,
                            it->text);
    float iw = SWATCH + 3 + tw;
    return iw > w ? w : iw;
}

float chart_legend_height(struct pdf_canvas *cv,
                          const struct legend_item *items, size_t n,
                          float w)
{
    float x = 0, rows = 0;
    size_t i;

    for (i = 0; i < n; i++) {
        float iw;
        if (!items[i].text)
            continue;
        iw = item_w(cv, &items[i], w);
        if (rows == 0 || x + iw > w) {
            rows++;
            x = 0;
        }
        x += iw + 10;
    }
    return rows * LEGEND_ROW;
}

static void swatch(struct pdf_canvas *cv, const struct legend_item *it,
                   float x, float cy)
{
    struct pdf_paint p;

    memset(&p, 0, sizeof p);
    switch (it->kind) {
    case LEGEND_MARKER:
        p.fill = it->marker == PDF_MARKER_CROSS ? NULL : it->color;
        p.stroke = it->color;
        p.width = 1;
        pdf_canvas_marker(cv, it->marker, x + SWATCH / 2, cy, 2.8f, &p);
        break;
    case LEGEND_DASH:
        chart_hline(cv, x, x + SWATCH, cy, it->color, 1, PDF_DASH_DASHED);
        break;
    case LEGEND_SHADE:
        chart_box(cv, x, cy - SWATCH / 2 + 1, SWATCH, SWATCH - 2, it->color,
                  PDF_HATCH_NONE, NULL, 0);
        break;
    default:
        chart_box(cv, x, cy - SWATCH / 2 + 1, SWATCH, SWATCH - 2, it->color,
                  it->hatch, it->outline > 0 ? &chart_ink : &chart_axis,
                  it->outline > 0 ? it->outline : 0.4f);
        break;
    }
}

float chart_legend(struct pdf_canvas *cv, const struct legend_item *items,
                   size_t n, float x0, float top, float w, float bottom)
{
    float x = 0, rows = 0;
    size_t i;

    for (i = 0; i < n; i++) {
        const struct legend_item *it = &items[i];
        float iw, cy;
        if (!it->text)
            continue;
        iw = item_w(cv, it, w);
        if (rows == 0 || x + iw > w) {
            rows++;
            x = 0;
        }
        cy = top - (rows - 0.5f) * LEGEND_ROW;
        if (top - rows * LEGEND_ROW < bottom - 0.01f)
            break;
        swatch(cv, it, x0 + x, cy);
        chart_label(cv, PDF_REGULAR, LABEL_SIZE, &chart_ink,
                    x0 + x + SWATCH + 3,
                    chart_center_base(cv, PDF_REGULAR, LABEL_SIZE, cy),
                    ALIGN_LEFT, iw - SWATCH - 3, it->text);
        x += iw + 10;
    }
    return rows * LEGEND_ROW;
}

/* ---------------------------------------------------------- bar chart */

void pdf_chart_hbars(struct pdf_canvas *cv, const struct pdf_rect *r,
                     const struct pdf_hbar_chart *c)
{
    float th = chart_text_h(cv, PDF_REGULAR, LABEL_SIZE);
    float label_w, value_w, px0, px1, py0, py1, row, bar, top_band;
    float xs[64];
    const char *tt[64];
    size_t i, nt = c->nticks < 64 ? c->nticks : 64;

    pdf_canvas_frame(cv, r->x, r->y, r->w, r->h);
    if (c->nbars == 0)
        return;
    label_w = chart_widest(cv, PDF_REGULAR, LABEL_SIZE, &c->bars[0].label,
                           c->nbars, sizeof c->bars[0]) + 4;
    if (label_w > r->w * 0.35f)
        label_w = r->w * 0.35f;
    value_w = chart_widest(cv, PDF_REGULAR, LABEL_SIZE,
                           &c->bars[0].value_text, c->nbars,
                           sizeof c->bars[0]) + 4;
    if (value_w > r->w * 0.2f)
        value_w = r->w * 0.2f;
    top_band = c->has_threshold && c->threshold_text ? th + 3 : 2;
    px0 = r->x + label_w + 4;
    px1 = r->x + r->w - value_w - 2;
    py1 = r->y + r->h - top_band;
    py0 = r->y + th + 4 + (c->axis_title ? th + 2 : 0);
    if (px1 <= px0 || py1 <= py0)
        return;
    row = (py1 - py0) / (float)c->nbars;
    bar = fminf(row * 0.66f, 14);

    /* Grid and tick labels. */
    for (i = 0; i < nt; i++) {
        xs[i] = chart_scale(c->ticks[i].value, c->min, c->max, px0, px1);
        tt[i] = c->ticks[i].text;
        chart_vline(cv, xs[i], py0, py1, &chart_grid, 0.5f, PDF_DASH_SOLID);
    }
    chart_x_labels(cv, xs, tt, nt, py0 - 3 - th * 0.8f, r->x, r->x + r->w);
    if (c->axis_title)
        chart_label(cv, PDF_REGULAR, LABEL_SIZE, &chart_axis,
                    (px0 + px1) / 2, r->y + 1 - pdfkit_descent(
                        pdf_canvas_kit(cv), PDF_REGULAR) * LABEL_SIZE /
                        1000.0f, ALIGN_CENTER, r->w, c->axis_title);

    for (i = 0; i < c->nbars; i++) {
        const struct pdf_hbar *b = &c->bars[i];
        float cy = py1 - row * ((float)i + 0.5f);
        float x1 = chart_scale(b->value, c->min, c->max, px0, px1);
        float base = chart_center_base(cv, PDF_REGULAR, LABEL_SIZE, cy);
        /* Labels shrink to the row so that neighbours never touch. */
        float size = fminf(LABEL_SIZE, row / 1.2f);
        chart_label(cv, PDF_REGULAR, size, &chart_ink, px0 - 4, base,
                    ALIGN_RIGHT, label_w, b->label);
        chart_box(cv, px0, cy - bar / 2, x1 - px0, bar,
                  b->flagged ? &pdf_chart_bad : &pdf_chart_series,
                  b->flagged ? PDF_HATCH_DIAG : PDF_HATCH_NONE, NULL, 0);
        chart_label(cv, PDF_REGULAR, size, &chart_ink, x1 + 3, base,
                    ALIGN_LEFT, r->x + r->w - x1 - 3, b->value_text);
    }
    chart_vline(cv, px0, py0, py1, &chart_axis, 0.8f, PDF_DASH_SOLID);
    if (c->has_threshold) {
        float tx = chart_scale(c->threshold, c->min, c->max, px0, px1);
        float tw = c->threshold_text
            ? pdfkit_width(pdf_canvas_kit(cv), PDF_BOLD, LABEL_SIZE,
                           c->threshold_text) : 0;
        float lx = tx - tw / 2;
        chart_vline(cv, tx, py0, py1 + 1, &chart_ink, 1, PDF_DASH_DASHED);
        if (lx < r->x)
            lx = r->x;
        if (lx + tw > r->x + r->w)
            lx = r->x + r->w - tw;
        chart_label(cv, PDF_BOLD, LABEL_SIZE, &chart_ink, lx,
                    py1 + 2 - pdfkit_descent(pdf_canvas_kit(cv), PDF_BOLD) *
                    LABEL_SIZE / 1000.0f, ALIGN_LEFT, r->w,
                    c->threshold_text);
    }
}

/* ------------------------------------------------------- status chart */

void pdf_chart_status(struct pdf_canvas *cv, const struct pdf_rect *r,
                      const struct pdf_status_chart *c)
{
    static const struct rgb greys[] = {
        { 0.85f, 0.85f, 0.85f }, { 0.6f, 0.6f, 0.6f },
        { 0.35f, 0.35f, 0.35f }, { 0.15f, 0.15f, 0.15f },
    };
    struct legend_item items[16];
    double total = 0;
    float bar_h, x, lh, top = r->y + r->h;
    size_t i, n = c->nparts < 16 ? c->nparts : 16;

    pdf_canvas_frame(cv, r->x, r->y, r->w, r->h);
    memset(items, 0, sizeof items);
    for (i = 0; i < n; i++) {
        const struct pdf_status_part *p = &c->parts[i];
        struct strbuf sb = STRBUF_INIT;
        total += p->count > 0 ? p->count : 0;
        strbuf_printf(&sb, "%s%s%s", p->label ? p->label : "",
                      p->count_text ? " " : "",
                      p->count_text ? p->count_text : "");
        items[i].text = arena_strdup(pdf_canvas_arena(cv), sb.buf ? sb.buf
                                                                   : "");
        items[i].kind = LEGEND_BOX;
        items[i].color = p->color ? p->color : &greys[i % 4];
        items[i].hatch = p->hatch;
        items[i].marker = PDF_MARKER_SQUARE;
        strbuf_free(&sb);
    }
    lh = chart_legend_height(cv, items, n, r->w);
    /* The bar comes first; a legend that does not fit loses rows. */
    bar_h = fminf(22, fmaxf(r->h - lh - 6, r->h * 0.35f));
    x = r->x;
    for (i = 0; i < n && total > 0; i++) {
        const struct pdf_status_part *p = &c->parts[i];
        float w = p->count > 0 ? (float)(p->count / total) * r->w : 0;
        if (w <= 0)
            continue;
        chart_box(cv, x, top - bar_h, w, bar_h, items[i].color, p->hatch,
                  &chart_white, 0.8f);
        /* The count inside when it fits and nothing hatched is under it;
         * the legend always has it. */
        if (p->count_text && p->hatch == PDF_HATCH_NONE &&
            pdfkit_width(pdf_canvas_kit(cv), PDF_BOLD, LABEL_SIZE,
                         p->count_text) + 4 < w &&
            bar_h > chart_text_h(cv, PDF_BOLD, LABEL_SIZE) + 2)
            pdf_canvas_text(cv, PDF_BOLD, LABEL_SIZE,
                            chart_text_on(items[i].color), x + w / 2,
                            chart_center_base(cv, PDF_BOLD, LABEL_SIZE,
                                              top - bar_h / 2),
                            ALIGN_CENTER, p->count_text);
        x += w;
    }
    chart_legend(cv, items, n, r->x, top - bar_h - 5, r->w, r->y);
}

/* ------------------------------------------------------- column chart */

void pdf_chart_columns(struct pdf_canvas *cv, const struct pdf_rect *r,
                       const struct pdf_column_chart *c)
{
    struct pdfkit *k = pdf_canvas_kit(cv);
    float th = chart_text_h(cv, PDF_REGULAR, LABEL_SIZE);
    float axis_w, px0, px1, py0, py1, slot, colw, legend_h = 0, top_band;
    float xs[256], ys[64];
    const char *tx[256], *ty[64];
    struct legend_item items[1];
    struct pdf_box cap;
    size_t i, n = c->ncols < 256 ? c->ncols : 256;
    size_t nt = c->nyticks < 64 ? c->nyticks : 64;

    pdf_canvas_frame(cv, r->x, r->y, r->w, r->h);
    memset(&cap, 0, sizeof cap);
    memset(items, 0, sizeof items);
    items[0].text = c->over_text;
    items[0].kind = LEGEND_BOX;
    items[0].color = &pdf_chart_bad;
    items[0].hatch = PDF_HATCH_DIAG;
    items[0].marker = PDF_MARKER_SQUARE;
    if (c->over_text)
        legend_h = chart_legend_height(cv, items, 1, r->w) + 2;
    axis_w = nt ? chart_widest(cv, PDF_REGULAR, LABEL_SIZE,
                               &c->yticks[0].text, nt,
                               sizeof c->yticks[0]) + 4 : 4;
    if (axis_w > r->w * 0.2f)
        axis_w = r->w * 0.2f;
    top_band = th + 3;          /* values above the tallest column */
    px0 = r->x + axis_w + 2;
    px1 = r->x + r->w - 2;
    py0 = r->y + legend_h + th + 4;
    py1 = r->y + r->h - top_band;
    if (n == 0 || px1 <= px0 || py1 <= py0)
        return;
    slot = (px1 - px0) / (float)n;
    colw = slot * 0.7f;
    for (i = 0; i < nt; i++) {
        ys[i] = chart_scale(c->yticks[i].value, 0, c->max, py0, py1);
        ty[i] = c->yticks[i].text;
        chart_hline(cv, px0, px1, ys[i], &chart_grid, 0.5f, PDF_DASH_SOLID);
    }
    chart_y_labels(cv, ys, ty, nt, px0 - 3, axis_w - 2, r->y + legend_h,
                   r->y + r->h);
    if (c->has_capacity && c->capacity_text) {
        /* The capacity label sits at the right end of its line, above
         * it (below when there is no room); column values keep off it. */
        float cy = chart_scale(c->capacity, 0, c->max, py0, py1);
        cap.w = fminf(pdfkit_width(k, PDF_BOLD, LABEL_SIZE,
                                   c->capacity_text), px1 - px0);
        cap.h = th;
        cap.x = px1 - cap.w;
        cap.y = cy + 2;
        if (cap.y + th > r->y + r->h)
            cap.y = cy - 2 - th;
    }
    for (i = 0; i < n; i++) {
        const struct pdf_column *col = &c->cols[i];
        float x = px0 + slot * (float)i + (slot - colw) / 2;
        float y1 = chart_scale(col->value, 0, c->max, py0, py1);
        int over = c->has_capacity && col->value > c->capacity;
        xs[i] = x + colw / 2;
        tx[i] = col->label;
        chart_box(cv, x, py0, colw, y1 - py0,
                  over ? &pdf_chart_bad : &pdf_chart_muted,
                  over ? PDF_HATCH_DIAG : PDF_HATCH_NONE, NULL, 0);
    }
    chart_hline(cv, px0, px1, py0, &chart_axis, 0.8f, PDF_DASH_SOLID);
    /* Month labels keep clear of the value axis labels. */
    chart_x_labels(cv, xs, tx, n, py0 - 3 - th * 0.8f, px0 - 2,
                   r->x + r->w);
    if (c->has_capacity)
        chart_hline(cv, px0, px1,
                    chart_scale(c->capacity, 0, c->max, py0, py1),
                    &chart_ink, 1.2f, PDF_DASH_DASHED);
    /* Values over their columns, where they fit their slot, on a white
     * ground so that the capacity line does not strike them. */
    for (i = 0; i < n; i++) {
        const struct pdf_column *col = &c->cols[i];
        float y1 = chart_scale(col->value, 0, c->max, py0, py1);
        struct pdf_box vb;
        if (!col->value_text)
            continue;
        memset(&vb, 0, sizeof vb);
        vb.w = pdfkit_width(k, PDF_REGULAR, 6.5f, col->value_text);
        vb.h = chart_text_h(cv, PDF_REGULAR, 6.5f);
        vb.x = xs[i] - vb.w / 2;
        vb.y = y1 + 2;
        if (vb.w >= slot - 1 || vb.y + vb.h > r->y + r->h ||
            (cap.w > 0 && pdf_box_overlap(&vb, &cap, 0)))
            continue;
        if (c->has_capacity)
            chart_box(cv, vb.x - 1, vb.y, vb.w + 2, vb.h, &chart_white,
                      PDF_HATCH_NONE, NULL, 0);
        pdf_canvas_text(cv, PDF_REGULAR, 6.5f, &chart_ink, xs[i],
                        y1 + 2 - pdfkit_descent(k, PDF_REGULAR) * 6.5f /
                        1000.0f, ALIGN_CENTER, col->value_text);
    }
    if (c->has_capacity && c->capacity_text) {
        chart_box(cv, cap.x - 2, cap.y, cap.w + 2, cap.h, &chart_white,
                  PDF_HATCH_NONE, NULL, 0);
        chart_label(cv, PDF_BOLD, LABEL_SIZE, &chart_ink, px1,
                    cap.y - pdfkit_descent(k, PDF_BOLD) * LABEL_SIZE /
                    1000.0f, ALIGN_RIGHT, px1 - px0, c->capacity_text);
    }
    if (c->over_text)
        chart_legend(cv, items, 1, r->x, r->y + legend_h, r->w, r->y);
}
