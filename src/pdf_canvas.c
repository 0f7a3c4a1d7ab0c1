/*
 * pdf_canvas.c — recorded drawings and their replay with libharu (see
 * pdf_canvas.h).
 *
 * Replay keeps the last colour, line width, dash and font it set and
 * skips calls that would repeat them, and runs of text lines share one
 * BT ... ET object: a page of table text then costs little more than the
 * bare TextOut calls.
 */
#include <math.h>
#include <string.h>

#include "pdfkit_int.h"

#include "copcgap/pdf_canvas.h"
#include "copcgap/pdf_text.h"

struct pdf_canvas {
    struct pdfkit *k;
    struct arena *a;
    struct pdf_box *v;
    size_t n, cap;
    size_t block;
    enum pdf_zone zone;
};

static const struct rgb dark_grey = { 0.25f, 0.25f, 0.25f };

struct pdf_canvas *pdf_canvas_new(struct pdfkit *k)
{
    struct pdf_canvas *cv = xcalloc(1, sizeof *cv);
    cv->k = k;
    cv->a = arena_new();
    cv->block = PDF_NO_BLOCK;
    return cv;
}

void pdf_canvas_free(struct pdf_canvas *cv)
{
    if (!cv)
        return;
    free(cv->v);
    arena_free(cv->a);
    free(cv);
}

void pdf_canvas_clear(struct pdf_canvas *cv)
{
    cv->n = 0;
    arena_free(cv->a);
    cv->a = arena_new();
}

struct pdfkit *pdf_canvas_kit(const struct pdf_canvas *cv) { return cv->k; }
struct arena *pdf_canvas_arena(struct pdf_canvas *cv) { return cv->a; }
size_t pdf_canvas_count(const struct pdf_canvas *cv) { return cv->n; }

const struct pdf_box *pdf_canvas_boxes(const struct pdf_canvas *cv,
                                       size_t *n)
{
    *n = cv->n;
    return cv->v;
}

struct pdf_box *pdf_canvas_box(struct pdf_canvas *cv, size_t i)
{
    return i < cv->n ? &cv->v[i] : NULL;
}

void pdf_canvas_set_block(struct pdf_canvas *cv, size_t block)
{
    cv->block = block;
}

void pdf_canvas_set_zone(struct pdf_canvas *cv, enum pdf_zone zone)
{
    cv->zone = zone;
}

/* Append b as it is: its strings and points are already the canvas's. */
static struct pdf_box *push(struct pdf_canvas *cv, const struct pdf_box *b)
{
    struct pdf_box *nb = &VEC_PUSH(cv->v, cv->n, cv->cap);
    *nb = *b;
    return nb;
}

struct pdf_box *pdf_canvas_add(struct pdf_canvas *cv, const struct pdf_box *b)
{
    struct pdf_box *nb = push(cv, b);

    if (b->text)
        nb->text = arena_strdup(cv->a, b->text);
    if (b->ref)
        nb->ref = arena_strdup(cv->a, b->ref);
    if (b->pts && b->npts) {
        float *p = arena_alloc(cv->a, 2 * b->npts * sizeof *p);
        memcpy(p, b->pts, 2 * b->npts * sizeof *p);
        nb->pts = p;
    }
    return nb;
}

/* A box of the given kind carrying the canvas's block and zone. */
static struct pdf_box blank(const struct pdf_canvas *cv,
                            enum pdf_box_kind kind)
{
    struct pdf_box b;
    memset(&b, 0, sizeof b);
    b.kind = kind;
    b.block = cv->block;
    b.zone = cv->zone;
    return b;
}

static void set_paint(struct pdf_box *b, const struct pdf_paint *p)
{
    if (!p)
        return;
    if (p->fill) {
        b->paint |= PDF_PAINT_FILL;
        b->fill = *p->fill;
    }
    if (p->stroke) {
        b->paint |= PDF_PAINT_STROKE;
        b->stroke = *p->stroke;
    }
    b->line_width = p->width > 0 ? p->width : 0.5f;
    b->dash = (unsigned char)p->dash;
    b->hatch = (unsigned char)p->hatch;
    b->hatch_color = p->hatch_color ? *p->hatch_color : dark_grey;
}

float pdf_canvas_text_n(struct pdf_canvas *cv, enum pdf_font f, float size,
                        const struct rgb *color, float x, float y,
                        enum pdf_align align, const char *text, size_t len)
{
    static const struct rgb black = { 0, 0, 0 };
    struct pdf_box b = blank(cv, PDF_BOX_TEXT);
    float w = pdfkit_width_n(cv->k, f, size, text, len);
    float asc = pdfkit_ascent(cv->k, f) * size / 1000.0f;
    float desc = pdfkit_descent(cv->k, f) * size / 1000.0f;

    if (align == ALIGN_RIGHT)
        x -= w;
    else if (align == ALIGN_CENTER)
        x -= w / 2;
    b.x = x;
    b.w = w;
    b.baseline = y;
    b.y = y + desc;
    b.h = asc - desc;
    b.text = arena_strndup(cv->a, text, len);
    b.font = f;
    b.size = size;
    b.paint = PDF_PAINT_FILL;
    b.fill = color ? *color : black;
    push(cv, &b);
    return w;
}

float pdf_canvas_text(struct pdf_canvas *cv, enum pdf_font f, float size,
                      const struct rgb *color, float x, float y,
                      enum pdf_align align, const char *text)
{
    return pdf_canvas_text_n(cv, f, size, color, x, y, align, text,
                             strlen(text));
}

float pdf_canvas_text_fit(struct pdf_canvas *cv, enum pdf_font f,
                          float size, float min_size,
                          const struct rgb *color, float x, float y,
                          enum pdf_align align, float max_w,
                          const char *text)
{
    float s = pdf_text_fit_size(cv->k, f, size, min_size, max_w, text);
    const char *t = pdf_text_ellipsize(cv->k, f, s, max_w, text, cv->a);

    return pdf_canvas_text(cv, f, s, color, x, y, align, t);
}

void pdf_canvas_rect(struct pdf_canvas *cv, float x, float y, float w,
                     float h, const struct pdf_paint *p)
{
    struct pdf_box b = blank(cv, PDF_BOX_RECT);

    if (w < 0) {
        x += w;
        w = -w;
    }
    if (h < 0) {
        y += h;
        h = -h;
    }
    b.x = x;
    b.y = y;
    b.w = w;
    b.h = h;
    set_paint(&b, p);
    pdf_canvas_add(cv, &b);
}

void pdf_canvas_path(struct pdf_canvas *cv, const float *xy, size_t n,
                     int closed, const struct pdf_paint *p)
{
    struct pdf_box b = blank(cv, PDF_BOX_PATH);
    float x0 = xy[0], y0 = xy[1], x1 = xy[0], y1 = xy[1];
    float *rel;
    size_t i;

    if (n < 2)
        return;
    for (i = 1; i < n; i++) {
        x0 = fminf(x0, xy[2 * i]);
        x1 = fmaxf(x1, xy[2 * i]);
        y0 = fminf(y0, xy[2 * i + 1]);
        y1 = fmaxf(y1, xy[2 * i + 1]);
    }
    /* Points are kept relative to the box so that moving the box moves
     * the path without copying it. */
    rel = arena_alloc(cv->a, 2 * n * sizeof *rel);
    for (i = 0; i < n; i++) {
        rel[2 * i] = xy[2 * i] - x0;
        rel[2 * i + 1] = xy[2 * i + 1] - y0;
    }
    b.x = x0;
    b.y = y0;
    b.w = x1 - x0;
    b.h = y1 - y0;
    b.npts = n;
    b.closed = closed != 0;
    b.pts = rel;                /* already the canvas's own */
    set_paint(&b, p);
    push(cv, &b);
}

void pdf_canvas_line(struct pdf_canvas *cv, float x0, float y0, float x1,
                     float y1, const struct pdf_paint *p)
{
    float xy[4];
    xy[0] = x0;
    xy[1] = y0;
    xy[2] = x1;
    xy[3] = y1;
    pdf_canvas_path(cv, xy, 2, 0, p);
}

void pdf_canvas_arrow(struct pdf_canvas *cv, const float *xy, size_t n,
                      float head, const struct pdf_paint *p)
{
    struct pdf_paint hp;
    float tri[6], dx, dy, len, ux, uy;

    if (n < 2)
        return;
    dx = xy[2 * n - 2] - xy[2 * n - 4];
    dy = xy[2 * n - 1] - xy[2 * n - 3];
    len = sqrtf(dx * dx + dy * dy);
    if (len <= 0)
        return;
    ux = dx / len;
    uy = dy / len;
    {
        /* The shaft stops at the head's base so the tip stays sharp. */
        float *shaft = arena_alloc(cv->a, 2 * n * sizeof *shaft);
        memcpy(shaft, xy, 2 * n * sizeof *shaft);
        shaft[2 * n - 2] -= ux * head * 0.8f;
        shaft[2 * n - 1] -= uy * head * 0.8f;
        pdf_canvas_path(cv, shaft, n, 0, p);
    }
    tri[0] = xy[2 * n - 2];
    tri[1] = xy[2 * n - 1];
    tri[2] = tri[0] - ux * head - uy * head * 0.5f;
    tri[3] = tri[1] - uy * head + ux * head * 0.5f;
    tri[4] = tri[0] - ux * head + uy * head * 0.5f;
    tri[5] = tri[1] - uy * head - ux * head * 0.5f;
    memset(&hp, 0, sizeof hp);
    hp.fill = p && p->stroke ? p->stroke : &dark_grey;
    pdf_canvas_path(cv, tri, 3, 1, &hp);
}

void pdf_canvas_marker(struct pdf_canvas *cv, enum pdf_marker m, float x,
                       float y, float r, const struct pdf_paint *p)
{
    struct pdf_box b = blank(cv, PDF_BOX_MARKER);

    b.x = x - r;
    b.y = y - r;
    b.w = 2 * r;
    b.h = 2 * r;
    b.marker = (unsigned char)m;
    set_paint(&b, p);
    pdf_canvas_add(cv, &b);
}

void pdf_canvas_frame(struct pdf_canvas *cv, float x, float y, float w,
                      float h)
{
    struct pdf_box b = blank(cv, PDF_BOX_FRAME);
    b.x = x;
    b.y = y;
    b.w = w;
    b.h = h;
    pdf_canvas_add(cv, &b);
}

void pdf_canvas_link(struct pdf_canvas *cv, float x, float y, float w,
                     float h, const char *name)
{
    struct pdf_box b = blank(cv, PDF_BOX_LINK);
    b.x = x;
    b.y = y;
    b.w = w;
    b.h = h;
    b.text = name;
    pdf_canvas_add(cv, &b);
}

void pdf_canvas_image(struct pdf_canvas *cv, const char *path, float x,
                      float y, float w, float h)
{
    struct pdf_box b = blank(cv, PDF_BOX_IMAGE);
    b.x = x;
    b.y = y;
    b.w = w;
    b.h = h;
    b.text = path;
    pdf_canvas_add(cv, &b);
}

void pdf_canvas_anchor(struct pdf_canvas *cv, float x, float y,
                       const char *name)
{
    struct pdf_box b = blank(cv, PDF_BOX_ANCHOR);
    b.x = x;
    b.y = y;
    b.text = name;
    pdf_canvas_add(cv, &b);
}

int pdf_box_overlap(const struct pdf_box *a, const struct pdf_box *b,
                    float eps)
{
    return a->x + a->w > b->x + eps && b->x + b->w > a->x + eps &&
           a->y + a->h > b->y + eps && b->y + b->h > a->y + eps;
}

/* ------------------------------------------------------------ replay */

/* What the page's graphics state holds, to skip repeated operators. */
struct pen {
    struct pdfkit *k;
    HPDF_Page page;
    int in_text;
    int font;                   /* -1 unknown */
    float size;
    int has_fill, has_stroke;
    struct rgb fill, stroke;
    float width;                /* -1 unknown */
    int dash;                   /* -1 unknown */
};

static float clamp01(float v)
{
    return v < 0 ? 0 : v > 1 ? 1 : v;
}

/*
 * Coordinates go to the page rounded to 1/8 point (0.044 mm, far below
 * what print or screen shows): an eighth is exact in binary, so libharu
 * writes "598.625" where the raw float gave "598.64001": the page content
 * deflate has to compress is 3 % shorter and the file 4 % smaller (the
 * 516-page auditor bench report).  A rectangle rounds its corners, not
 * its size, so that cells side by side still meet exactly.
 */
static float qp(float v)
{
    return floorf(v * 8.0f + 0.5f) / 8.0f;
}

static void move_to(HPDF_Page pg, float x, float y)
{
    HPDF_Page_MoveTo(pg, qp(x), qp(y));
}

static void line_to(HPDF_Page pg, float x, float y)
{
    HPDF_Page_LineTo(pg, qp(x), qp(y));
}

static void rectangle(HPDF_Page pg, float x, float y, float w, float h)
{
    float x0 = qp(x), y0 = qp(y);
    HPDF_Page_Rectangle(pg, x0, y0, qp(x + w) - x0, qp(y + h) - y0);
}

static int same_rgb(const struct rgb *a, const struct rgb *b)
{
    return a->r == b->r && a->g == b->g && a->b == b->b;
}

static void pen_fill(struct pen *pn, const struct rgb *c)
{
    if (pn->has_fill && same_rgb(&pn->fill, c))
        return;
    HPDF_Page_SetRGBFill(pn->page, clamp01(c->r), clamp01(c->g),
                         clamp01(c->b));
    pn->fill = *c;
    pn->has_fill = 1;
}

static void pen_stroke(struct pen *pn, const struct rgb *c, float width,
                       int dash)
{
    static const HPDF_UINT16 dashed[] = { 3, 2 };
    static const HPDF_UINT16 dotted[] = { 1, 2 };

    if (!pn->has_stroke || !same_rgb(&pn->stroke, c)) {
        HPDF_Page_SetRGBStroke(pn->page, clamp01(c->r), clamp01(c->g),
                               clamp01(c->b));
        pn->stroke = *c;
        pn->has_stroke = 1;
    }
    if (pn->width != width) {
        HPDF_Page_SetLineWidth(pn->page, width);
        pn->width = width;
    }
    if (pn->dash != dash) {
        if (dash == PDF_DASH_DASHED)
            HPDF_Page_SetDash(pn->page, dashed, 2, 0);
        else if (dash == PDF_DASH_DOTTED)
            HPDF_Page_SetDash(pn->page, dotted, 2, 0);
        else
            HPDF_Page_SetDash(pn->page, NULL, 0, 0);
        pn->dash = dash;
    }
}

static void end_text(struct pen *pn)
{
    if (pn->in_text) {
        HPDF_Page_EndText(pn->page);
        pn->in_text = 0;
    }
}

static void draw_text(struct pen *pn, const struct pdf_box *b, float dx,
                      float dy)
{
    if (!b->text || !*b->text)
        return;
    if (!pn->in_text) {
        HPDF_Page_BeginText(pn->page);
        pn->in_text = 1;
    }
    if (pn->font != (int)b->font || pn->size != b->size) {
        HPDF_Page_SetFontAndSize(pn->page, pn->k->font[b->font].h, b->size);
        pn->font = (int)b->font;
        pn->size = b->size;
    }
    pen_fill(pn, &b->fill);
    HPDF_Page_TextOut(pn->page, qp(b->x + dx), qp(b->baseline + dy),
                      b->text);
}

/* How many of from, from + step, from + 2 step, ... lie below `to`
 * (hatch lines and dots are placed from an integer count, each at
 * from + i * step, rather than by a float counter stepped along). */
static int hatch_count(float from, float to, float step)
{
    int n = 0;
    while (from + (float)n * step < to)
        n++;
    return n;
}

/* Hatch lines over the rectangle, clipped to it. */
static void draw_hatch(struct pen *pn, const struct pdf_box *b, float x,
                       float y)
{
    const float step = b->hatch == PDF_HATCH_DOTS ? 3.0f : 4.0f;
    struct pen saved = *pn;
    HPDF_Page pg = pn->page;
    int i, j, n;

    HPDF_Page_GSave(pg);
    rectangle(pg, x, y, b->w, b->h);
    HPDF_Page_Clip(pg);
    HPDF_Page_EndPath(pg);
    if (b->hatch == PDF_HATCH_DOTS) {
        const float u0 = x + step / 2, v0 = y + step / 2;
        int nu = hatch_count(u0, x + b->w, step);
        pen_fill(pn, &b->hatch_color);
        n = hatch_count(v0, y + b->h, step);
        for (i = 0; i < n; i++) {
            float v = v0 + (float)i * step;
            for (j = 0; j < nu; j++) {
                float u = u0 + (float)j * step;
                rectangle(pg, u - 0.5f, v - 0.5f, 1.0f, 1.0f);
            }
        }
        HPDF_Page_Fill(pg);
    } else {
        pen_stroke(pn, &b->hatch_color, 0.6f, PDF_DASH_SOLID);
        if (b->hatch == PDF_HATCH_HORIZ) {
            const float t0 = y + step / 2;
            n = hatch_count(t0, y + b->h, step);
            for (i = 0; i < n; i++) {
                float t = t0 + (float)i * step;
                move_to(pg, x, t);
                line_to(pg, x + b->w, t);
            }
        }
        if (b->hatch == PDF_HATCH_DIAG || b->hatch == PDF_HATCH_CROSS) {
            n = hatch_count(-b->h, b->w, step);
            for (i = 0; i < n; i++) {
                float t = -b->h + (float)i * step;
                move_to(pg, x + t, y);
                line_to(pg, x + t + b->h, y + b->h);
            }
        }
        if (b->hatch == PDF_HATCH_BACKDIAG || b->hatch == PDF_HATCH_CROSS) {
            n = hatch_count(0, b->w + b->h, step);
            for (i = 0; i < n; i++) {
                float t = (float)i * step;
                move_to(pg, x + t, y);
                line_to(pg, x + t - b->h, y + b->h);
            }
        }
        HPDF_Page_Stroke(pg);
    }
    HPDF_Page_GRestore(pg);
    /* GRestore brought back the state from before GSave. */
    *pn = saved;
}

/* Fill and/or stroke the path just built. */
static void finish_path(struct pen *pn, const struct pdf_box *b)
{
    int fill = (b->paint & PDF_PAINT_FILL) != 0;
    int stroke = (b->paint & PDF_PAINT_STROKE) != 0;

    if (fill && stroke)
        HPDF_Page_FillStroke(pn->page);
    else if (fill)
        HPDF_Page_Fill(pn->page);
    else if (stroke)
        HPDF_Page_Stroke(pn->page);
    else
        HPDF_Page_EndPath(pn->page);
}

static void set_colours(struct pen *pn, const struct pdf_box *b)
{
    if (b->paint & PDF_PAINT_FILL)
        pen_fill(pn, &b->fill);
    if (b->paint & PDF_PAINT_STROKE)
        pen_stroke(pn, &b->stroke, b->line_width, b->dash);
}

static void draw_rect(struct pen *pn, const struct pdf_box *b, float dx,
                      float dy)
{
    float x = b->x + dx, y = b->y + dy;

    if (b->paint & PDF_PAINT_FILL) {
        pen_fill(pn, &b->fill);
        rectangle(pn->page, x, y, b->w, b->h);
        HPDF_Page_Fill(pn->page);
    }
    if (b->hatch != PDF_HATCH_NONE)
        draw_hatch(pn, b, x, y);
    if (b->paint & PDF_PAINT_STROKE) {
        pen_stroke(pn, &b->stroke, b->line_width, b->dash);
        rectangle(pn->page, x, y, b->w, b->h);
        HPDF_Page_Stroke(pn->page);
    }
}

static void draw_path(struct pen *pn, const struct pdf_box *b, float dx,
                      float dy)
{
    float x = b->x + dx, y = b->y + dy;
    size_t i;

    if (b->npts < 2)
        return;
    set_colours(pn, b);
    move_to(pn->page, x + b->pts[0], y + b->pts[1]);
    for (i = 1; i < b->npts; i++)
        line_to(pn->page, x + b->pts[2 * i], y + b->pts[2 * i + 1]);
    if (b->closed)
        HPDF_Page_ClosePath(pn->page);
    finish_path(pn, b);
}

static void draw_marker(struct pen *pn, const struct pdf_box *b, float dx,
                        float dy)
{
    HPDF_Page pg = pn->page;
    float r = b->w / 2, cx = b->x + dx + r, cy = b->y + dy + r;

    set_colours(pn, b);
    switch (b->marker) {
    case PDF_MARKER_CIRCLE:
        HPDF_Page_Circle(pg, cx, cy, r);
        break;
    case PDF_MARKER_SQUARE:
        rectangle(pg, cx - r * 0.85f, cy - r * 0.85f, r * 1.7f,
                            r * 1.7f);
        break;
    case PDF_MARKER_TRIANGLE:
        move_to(pg, cx, cy + r);
        line_to(pg, cx + r * 0.95f, cy - r * 0.7f);
        line_to(pg, cx - r * 0.95f, cy - r * 0.7f);
        HPDF_Page_ClosePath(pg);
        break;
    case PDF_MARKER_DIAMOND:
        move_to(pg, cx, cy + r);
        line_to(pg, cx + r, cy);
        line_to(pg, cx, cy - r);
        line_to(pg, cx - r, cy);
        HPDF_Page_ClosePath(pg);
        break;
    default:                    /* cross: two strokes, never filled */
        pen_stroke(pn, (b->paint & PDF_PAINT_STROKE) ? &b->stroke : &b->fill,
                   b->line_width > 0.9f ? b->line_width : 1.2f,
                   PDF_DASH_SOLID);
        move_to(pg, cx - r, cy - r);
        line_to(pg, cx + r, cy + r);
        move_to(pg, cx - r, cy + r);
        line_to(pg, cx + r, cy - r);
        HPDF_Page_Stroke(pg);
        return;
    }
    finish_path(pn, b);
}

void pdf_boxes_draw(struct pdfkit *k, const struct pdf_box *b, size_t n,
                    float dx, float dy)
{
    const char *prev = pdfkit_doing(k, "drawing");
    struct pen pn;
    size_t i;

    if (!k->page)
        pdfkit_new_page(k);
    memset(&pn, 0, sizeof pn);
    pn.k = k;
    pn.page = k->page;
    pn.font = -1;
    pn.width = -1;
    pn.dash = -1;
    /* Shapes first, in order, then all text over them in one text
     * object: no shape is ever meant to cover text, and a page of table
     * text then needs one BT ... ET instead of one per row. */
    for (i = 0; i < n; i++) {
        const struct pdf_box *x = &b[i];
        switch (x->kind) {
        case PDF_BOX_RECT:
            k->op = "drawing a rectangle";
            draw_rect(&pn, x, dx, dy);
            break;
        case PDF_BOX_PATH:
            k->op = "drawing a line";
            draw_path(&pn, x, dx, dy);
            break;
        case PDF_BOX_MARKER:
            k->op = "drawing a marker";
            draw_marker(&pn, x, dx, dy);
            break;
        case PDF_BOX_LINK:
            pdfkit_link(k, x->x + dx, x->y + dy, x->w, x->h, x->text);
            break;
        case PDF_BOX_ANCHOR:
            pdfkit_anchor_at(k, k->cur, x->y + dy + x->h, x->text);
            break;
        case PDF_BOX_IMAGE: {
            const struct pdfkit_image *im = pdfkit_image(k, x->text);
            k->op = "drawing an image";
            if (im)
                HPDF_Page_DrawImage(pn.page, im->h, x->x + dx, x->y + dy,
                                    x->w, x->h);
            break;
        }
        default:
            break;
        }
    }
    k->op = "drawing text";
    for (i = 0; i < n; i++)
        if (b[i].kind == PDF_BOX_TEXT)
            draw_text(&pn, &b[i], dx, dy);
    end_text(&pn);
    pdfkit_doing(k, prev);
}

void pdf_canvas_draw(struct pdfkit *k, const struct pdf_canvas *cv,
                     float dx, float dy)
{
    pdf_boxes_draw(k, cv->v, cv->n, dx, dy);
}
