/*
 * pdf_flow_blocks.c — the structured blocks of the typesetter (see
 * pdf_flow.h): tables, key/value lists, count tiles, drawings and
 * contents entries.  Each becomes slices (pdf_flow_int.h) that
 * pdf_flow.c paginates.
 *
 * Tables and key/value lists share one row builder: every cell is
 * broken into lines in its column (shrinking before breaking a word),
 * the row is as tall as its tallest cell, and a row taller than a page
 * is cut into parts that hold together.
 */
#include <math.h>
#include <string.h>

#include "pdf_flow_int.h"

#define PAD_H 3.0f              /* cell padding, left and right */
#define PAD_V 2.5f              /* cell padding, top and bottom */
#define TILE_GAP 8.0f
#define TOC_NUM_W 28.0f         /* room for a page number */

static const struct rgb ink = { 0.1f, 0.12f, 0.16f };
static const struct rgb muted = { 0.38f, 0.38f, 0.42f };
static const struct rgb rule_grey = { 0.72f, 0.72f, 0.75f };
static const struct rgb header_blue = { 0.88f, 0.9f, 0.93f };
static const struct rgb tile_grey = { 0.92f, 0.92f, 0.93f };
static const struct rgb leader_grey = { 0.6f, 0.6f, 0.6f };

struct cellspec {
    const char *text;
    enum pdf_font font;
    float size, min_size;
    const struct rgb *color;
    enum pdf_align align;
    float x, w;                 /* the column, padding included */
    const struct rgb *fill;
};

struct rowspec {
    const struct cellspec *c;
    size_t n;
    float w;                    /* whole row */
    float pad_v;
    const struct rgb *fill;
    int rule_top, rule_bottom;
    float max_h;                /* a taller row is cut into parts */
    int keep_last;              /* bond of the last part */
    const char *link, *anchor;
};

static void ensure_cells(struct pdf_flow *f, size_t n)
{
    size_t i;

    if (n <= f->ncells)
        return;
    f->cells = xrealloc(f->cells, n * sizeof *f->cells);
    f->cpos = xrealloc(f->cpos, n * sizeof *f->cpos);
    f->clh = xrealloc(f->clh, n * sizeof *f->clh);
    for (i = f->ncells; i < n; i++) {
        struct pdf_lines blank = PDF_LINES_INIT;
        f->cells[i] = blank;
    }
    f->ncells = n;
}

static void hline(struct pdf_flow *f, float x0, float x1, float y)
{
    struct pdf_paint p;
    memset(&p, 0, sizeof p);
    p.stroke = &rule_grey;
    p.width = 0.5f;
    pdf_canvas_line(f->proto, x0, y, x1, y, &p);
}

static void fill_rect(struct pdf_flow *f, float x, float y, float w, float h,
                      const struct rgb *c)
{
    struct pdf_paint p;
    memset(&p, 0, sizeof p);
    p.fill = c;
    pdf_canvas_rect(f->proto, x, y, w, h, &p);
}

/* Draw lines [from, to) of cell i with the first line's top at top. */
static void cell_lines(struct pdf_flow *f, const struct cellspec *c,
                       size_t i, size_t from, size_t to, float top)
{
    const struct pdf_lines *ln = &f->cells[i];
    float lh = f->clh[i];
    float base = flow_baseline(f, c->font, ln->size, lh);
    float inner = c->w - 2 * PAD_H;
    size_t l;

    for (l = from; l < to; l++) {
        const struct pdf_line *line = &ln->v[l];
        float x = c->x + PAD_H;
        if (c->align == ALIGN_RIGHT)
            x += inner - line->width;
        else if (c->align == ALIGN_CENTER)
            x += (inner - line->width) / 2;
        flow_text_line(f, c->font, ln->size, c->color, x,
                       top - (float)(l - from) * lh - base,
                       ln->text + line->off, line->len);
    }
}

/* Lines of cell i that go in the next part of a row (at least one). */
static size_t part_lines(const struct pdf_flow *f, size_t i, float room)
{
    size_t left = f->cells[i].n - f->cpos[i];
    size_t fit = (size_t)floorf((room + 0.01f) / f->clh[i]);
    size_t t = left < fit ? left : fit;
    return t == 0 && left > 0 ? 1 : t;
}

/* Returns the number of slices the row took. */
static size_t row_slices(struct pdf_flow *f, const struct rowspec *rs)
{
    size_t i, parts = 0;
    int more = 1;

    ensure_cells(f, rs->n);
    for (i = 0; i < rs->n; i++) {
        const struct cellspec *c = &rs->c[i];
        float min = c->min_size > 0 ? c->min_size : c->size * 0.75f;
        float size = pdf_text_break(f->k, c->font, c->size, min,
                                    c->w - 2 * PAD_H, c->text, &f->cells[i]);
        f->clh[i] = flow_leading(f, c->font, size, 0);
        f->cpos[i] = 0;
    }
    while (more) {
        size_t b0 = flow_slice_begin(f);
        float content = 0, h, room = rs->max_h - 2 * rs->pad_v;

        /* The part is as tall as the most lines a cell puts in it. */
        for (i = 0; i < rs->n; i++) {
            size_t t = part_lines(f, i, room);
            if ((float)t * f->clh[i] > content)
                content = (float)t * f->clh[i];
        }
        h = content + 2 * rs->pad_v;
        if (rs->fill)
            fill_rect(f, 0, 0, rs->w, h, rs->fill);
        for (i = 0; i < rs->n; i++)
            if (rs->c[i].fill)
                fill_rect(f, rs->c[i].x, 0, rs->c[i].w, h, rs->c[i].fill);
        if (rs->rule_top && parts == 0)
            hline(f, 0, rs->w, h);
        if (parts == 0 && rs->anchor)
            pdf_canvas_anchor(f->proto, 0, h, rs->anchor);
        more = 0;
        for (i = 0; i < rs->n; i++) {
            size_t t = part_lines(f, i, room);
            cell_lines(f, &rs->c[i], i, f->cpos[i], f->cpos[i] + t,
                       h - rs->pad_v);
            f->cpos[i] += t;
            if (f->cpos[i] < f->cells[i].n)
                more = 1;
        }
        if (rs->rule_bottom && !more)
            hline(f, 0, rs->w, 0);
        if (rs->link)
            pdf_canvas_link(f->proto, 0, 0, rs->w, h, rs->link);
        flow_slice_end(f, b0, h, more ? KEEP : rs->keep_last);
        parts++;
    }
    return parts;
}

/* ------------------------------------------------------------- tables */

static struct flow_table *cur_table(struct pdf_flow *f)
{
    return f->in_table ? &f->tables[f->ntables - 1] : NULL;
}

/* Column widths: fixed ones as given, the rest shared by weight; when
 * fixed widths alone exceed the body they are scaled down. */
static void column_widths(struct flow_table *t, const struct pdf_col *cols,
                          float total)
{
    float fixed = 0, weights = 0, rest, scale = 1, x = 0;
    size_t i;

    for (i = 0; i < t->ncols; i++) {
        if (cols[i].width > 0)
            fixed += cols[i].width;
        else
            weights += cols[i].weight > 0 ? cols[i].weight : 1;
    }
    if (fixed > total || (weights == 0 && fixed > 0))
        scale = total / fixed;
    rest = total - fixed * scale;
    if (rest < 0)
        rest = 0;
    for (i = 0; i < t->ncols; i++) {
        float w = cols[i].width > 0
            ? cols[i].width * scale
            : rest * (cols[i].weight > 0 ? cols[i].weight : 1) / weights;
        t->x[i] = x;
        t->w[i] = w;
        t->align[i] = cols[i].align;
        x += w;
    }
}

static float table_w(const struct flow_table *t)
{
    return t->x[t->ncols - 1] + t->w[t->ncols - 1];
}

static void mark_rows(struct pdf_flow *f, size_t from)
{
    size_t i;
    for (i = from; i < f->nsl; i++) {
        f->sl[i].row = 1;
        f->sl[i].table = f->ntables - 1;
    }
}

size_t pdf_flow_table_begin(struct pdf_flow *f,
                            const struct pdf_table_spec *ts)
{
    struct flow_table *t;
    float total = flow_body_w(f, f->landscape);
    size_t id, i;

    if (f->in_table) {
        flow_error(f, "table started inside a table");
        pdf_flow_table_end(f);
    }
    id = flow_block_begin(f, PDF_BLOCK_TABLE);
    t = &VEC_PUSH(f->tables, f->ntables, f->tables_cap);
    memset(t, 0, sizeof *t);
    f->in_table = 1;
    t->ncols = ts->ncols ? ts->ncols : 1;
    if (!ts->ncols)
        flow_error(f, "table with no columns");
    t->x = xcalloc(t->ncols, sizeof *t->x);
    t->w = xcalloc(t->ncols, sizeof *t->w);
    t->align = xcalloc(t->ncols, sizeof *t->align);
    if (ts->ncols && ts->cols)
        column_widths(t, ts->cols, total);
    else
        for (i = 0; i < t->ncols; i++) {
            t->w[i] = total / (float)t->ncols;
            t->x[i] = t->w[i] * (float)i;
        }
    t->size = ts->size > 0 ? ts->size : 8.5f;
    t->min_size = ts->min_size > 0 ? ts->min_size : t->size * 0.75f;
    t->rules = !ts->no_rules;
    t->detail_x = ts->detail_col < t->ncols ? t->x[ts->detail_col] : 0;
    if (ts->detail_style) {
        t->detail = *ts->detail_style;
    } else {
        t->detail = pdf_style_body();
        t->detail.size = 7.5f;
        t->detail.color = muted;
    }
    t->header_slice = (size_t)-1;

    if (ts->continued && *ts->continued) {
        /* A label made once and placed on each continuation page. */
        size_t b0 = flow_slice_begin(f);
        float lh = flow_leading(f, PDF_REGULAR, 8, 0);
        pdf_canvas_text_fit(f->proto, PDF_REGULAR, 8, 7, &muted, 0,
                            lh - flow_baseline(f, PDF_REGULAR, 8, lh),
                            ALIGN_LEFT, table_w(t), ts->continued);
        t->cont.h = lh + 2;
        t->cont.box0 = b0;
        t->cont.nbox = pdf_canvas_count(f->proto) - b0;
        t->cont.block = id;
        t->has_cont = 1;
    }
    if (ts->header) {
        struct cellspec *c = arena_calloc(f->a, t->ncols, sizeof *c);
        struct rowspec rs;
        for (i = 0; i < t->ncols; i++) {
            c[i].text = ts->header[i] ? ts->header[i] : "";
            c[i].font = PDF_BOLD;
            c[i].size = t->size;
            c[i].min_size = t->min_size;
            c[i].color = &ink;
            c[i].align = t->align[i];
            c[i].x = t->x[i];
            c[i].w = t->w[i];
        }
        memset(&rs, 0, sizeof rs);
        rs.c = c;
        rs.n = t->ncols;
        rs.w = table_w(t);
        rs.pad_v = PAD_V;
        rs.fill = ts->header_fill ? ts->header_fill : &header_blue;
        rs.rule_bottom = t->rules;
        rs.max_h = 1e9f;        /* a header is never cut */
        rs.keep_last = KEEP_STRONG;
        t->header_slice = f->nsl;
        row_slices(f, &rs);
        t->header = f->sl[t->header_slice];
        t->header.keep = KEEP_NONE;
        t->has_header = 1;
    }
    return id;
}

void pdf_flow_table_row(struct pdf_flow *f, const struct pdf_row *row)
{
    struct flow_table *t = cur_table(f);
    struct cellspec *c;
    struct rowspec rs;
    size_t i, first = f->nsl;

    if (!t) {
        flow_error(f, "table row outside a table");
        return;
    }
    c = arena_calloc(f->a, t->ncols, sizeof *c);
    for (i = 0; i < t->ncols; i++) {
        c[i].text = row->cells && row->cells[i] ? row->cells[i] : "";
        c[i].font = row->bold ? PDF_BOLD : PDF_REGULAR;
        c[i].size = t->size;
        c[i].min_size = t->min_size;
        c[i].color = &ink;
        c[i].align = t->align[i];
        c[i].x = t->x[i];
        c[i].w = t->w[i];
        c[i].fill = row->cell_fill ? row->cell_fill[i] : NULL;
    }
    memset(&rs, 0, sizeof rs);
    rs.c = c;
    rs.n = t->ncols;
    rs.w = table_w(t);
    rs.pad_v = PAD_V;
    rs.fill = row->fill;
    /* The rule goes above each row, so that a row's detail sits between
     * its row and the next rule: it reads as part of its own row. */
    rs.rule_top = t->rules && t->nrows > 0;
    rs.max_h = flow_body_h(f, f->landscape) - 4 -
               (t->has_cont ? t->cont.h : 0) -
               (t->has_header ? t->header.h : 0);
    rs.keep_last = row->detail && *row->detail ? KEEP : KEEP_NONE;
    rs.link = row->link;
    rs.anchor = row->anchor;
    row_slices(f, &rs);
    if (row->detail && *row->detail) {
        float x = t->detail_x + PAD_H;
        flow_para_lines(f, &t->detail, x, rs.w - x - PAD_H, row->detail,
                        LINES_TOGETHER, row->fill);
        /* A little air under the detail, before the next row's rule. */
        flow_spacer(f, PAD_V);
    }
    mark_rows(f, first);
    t->nrows++;
}

void pdf_flow_table_end(struct pdf_flow *f)
{
    struct flow_table *t = cur_table(f);

    if (!t) {
        flow_error(f, "table end outside a table");
        return;
    }
    if (t->nrows == 0 && t->header_slice != (size_t)-1)
        f->sl[t->header_slice].keep = KEEP_NONE;
    if (t->nrows > 0 && t->rules) {
        /* The closing rule: a flat slice bonded to the last row. */
        size_t b0 = flow_slice_begin(f);
        hline(f, 0, table_w(t), 0);
        f->sl[f->nsl - 1].keep = KEEP;
        flow_slice_end(f, b0, 0, KEEP_NONE);
    }
    f->in_table = 0;
    flow_block_end(f);
    flow_spacer(f, 6);
}

/* ---------------------------------------------------- key/value lists */

size_t pdf_flow_kv(struct pdf_flow *f, const struct pdf_kv *items, size_t n,
                   const struct pdf_style *label_st,
                   const struct pdf_style *value_st)
{
    struct pdf_style ls, vs;
    float total = flow_body_w(f, f->landscape), widest = 0, lw;
    size_t id, i;

    if (label_st) {
        ls = *label_st;
    } else {
        ls = pdf_style_body();
        ls.font = PDF_BOLD;
        ls.size = 9;
        ls.color = muted;
    }
    if (value_st) {
        vs = *value_st;
    } else {
        vs = pdf_style_body();
        vs.size = 9;
    }
    for (i = 0; i < n; i++) {
        float w = pdfkit_width(f->k, ls.font, ls.size,
                               items[i].label ? items[i].label : "");
        if (w > widest)
            widest = w;
    }
    /* The label column is measured, not fixed: "Responsable de la
     * evaluación" must not run into its value. */
    lw = widest + 2 * PAD_H + 10;
    if (lw > total * 0.4f)
        lw = total * 0.4f;
    flow_spacer(f, ls.space_before);
    id = flow_block_begin(f, PDF_BLOCK_KV);
    for (i = 0; i < n; i++) {
        struct cellspec c[2];
        struct rowspec rs;
        memset(c, 0, sizeof c);
        c[0].text = items[i].label;
        c[0].font = ls.font;
        c[0].size = ls.size;
        c[0].min_size = ls.min_size;
        c[0].color = &ls.color;
        c[0].x = ls.indent - PAD_H;
        c[0].w = lw;
        c[1].text = items[i].value;
        c[1].font = vs.font;
        c[1].size = vs.size;
        c[1].min_size = vs.min_size;
        c[1].color = &vs.color;
        c[1].x = ls.indent - PAD_H + lw;
        c[1].w = total - lw - ls.indent + 2 * PAD_H;
        memset(&rs, 0, sizeof rs);
        rs.c = c;
        rs.n = 2;
        rs.w = total;
        rs.pad_v = 1.5f;
        rs.max_h = flow_body_h(f, f->landscape) - 4;
        row_slices(f, &rs);
    }
    flow_block_end(f);
    flow_spacer(f, vs.space_after);
    return id;
}

/* -------------------------------------------------------------- tiles */

static void tile(struct pdf_flow *f, const struct pdf_tile *t, float x,
                 float w, float h)
{
    struct pdf_lines *ln = &f->lines;
    const struct rgb *tink = t->ink ? t->ink : &ink;
    float band = t->hatch != PDF_HATCH_NONE ? 7 : 0;
    float inner = w - band - 12, tx = x + band + 6;
    float vsize = fminf(h * 0.42f, 24), lh, top, base;
    size_t maxl, i;
    struct pdf_paint p;

    fill_rect(f, x, 0, w, h, t->fill ? t->fill : &tile_grey);
    if (band > 0) {
        /* The state shows in greyscale too: a hatched edge. */
        memset(&p, 0, sizeof p);
        p.hatch = t->hatch;
        p.hatch_color = tink;
        pdf_canvas_rect(f->proto, x, 0, band, h, &p);
    }
    vsize = pdf_text_fit_size(f->k, PDF_BOLD, vsize, 8, inner,
                              t->value ? t->value : "");
    lh = flow_leading(f, PDF_BOLD, vsize, 1.2f);
    top = h - 5;
    pdf_canvas_text_fit(f->proto, PDF_BOLD, vsize, 8, tink, tx,
                        top - flow_baseline(f, PDF_BOLD, vsize, lh),
                        ALIGN_LEFT, inner, t->value ? t->value : "");
    top -= lh;
    /* The caption: as many lines as the tile holds, the last one cut
     * with an ellipsis when text is left over. */
    pdf_text_break(f->k, PDF_REGULAR, 8, 6.5f, inner,
                   t->caption ? t->caption : "", ln);
    lh = flow_leading(f, PDF_REGULAR, ln->size, 0);
    base = flow_baseline(f, PDF_REGULAR, ln->size, lh);
    maxl = top > 3 ? (size_t)floorf((top - 3) / lh) : 0;
    for (i = 0; i < ln->n && i < maxl; i++) {
        const struct pdf_line *l = &ln->v[i];
        float y = top - (float)i * lh - base;
        if (i + 1 == maxl && i + 1 < ln->n) {
            const char *rest = ln->text + l->off;
            pdf_canvas_text_fit(f->proto, PDF_REGULAR, ln->size, ln->size,
                                tink, tx, y, ALIGN_LEFT, inner, rest);
        } else {
            flow_text_line(f, PDF_REGULAR, ln->size, tink, tx, y,
                           ln->text + l->off, l->len);
        }
    }
    if (t->link)
        pdf_canvas_link(f->proto, x, 0, w, h, t->link);
}

size_t pdf_flow_tiles(struct pdf_flow *f, const struct pdf_tile *t, size_t n,
                      float h)
{
    float total = flow_body_w(f, f->landscape), w;
    size_t id, b0, i;

    if (h > flow_body_h(f, f->landscape))
        h = flow_body_h(f, f->landscape);
    id = flow_block_begin(f, PDF_BLOCK_TILES);
    b0 = flow_slice_begin(f);
    if (n > 0) {
        w = (total - TILE_GAP * (float)(n - 1)) / (float)n;
        for (i = 0; i < n; i++)
            tile(f, &t[i], (w + TILE_GAP) * (float)i, w, h);
    }
    flow_slice_end(f, b0, h, KEEP_NONE);
    flow_block_end(f);
    flow_spacer(f, 8);
    return id;
}

/* ------------------------------------------------------------ drawing */

size_t pdf_flow_drawing(struct pdf_flow *f, float h, pdf_draw_fn fn,
                        void *user)
{
    float w = flow_body_w(f, f->landscape);
    size_t id, b0;

    if (h > flow_body_h(f, f->landscape))
        h = flow_body_h(f, f->landscape);
    id = flow_block_begin(f, PDF_BLOCK_DRAWING);
    b0 = flow_slice_begin(f);
    pdf_canvas_frame(f->proto, 0, 0, w, h);
    if (fn)
        fn(f->proto, w, h, user);
    /* The drawing may have changed these. */
    pdf_canvas_set_block(f->proto, id);
    pdf_canvas_set_zone(f->proto, PDF_ZONE_BODY);
    flow_slice_end(f, b0, h, KEEP_NONE);
    flow_block_end(f);
    flow_spacer(f, 8);
    return id;
}

/* ----------------------------------------------------------- contents */

size_t pdf_flow_toc_entry(struct pdf_flow *f, const struct pdf_style *st,
                          int level, const char *text, const char *anchor)
{
    struct pdf_lines *ln = &f->lines;
    struct pdf_style s;
    float total = flow_body_w(f, f->landscape), indent, w, lh, base, h;
    size_t id, b0, i;

    if (level < 1)
        level = 1;
    if (level > 3)
        level = 3;
    if (st) {
        s = *st;
    } else {
        s = pdf_style_body();
        s.font = level == 1 ? PDF_BOLD : PDF_REGULAR;
        s.space_before = level == 1 ? 5 : 1;
        s.space_after = 1;
    }
    indent = s.indent + 14.0f * (float)(level - 1);
    w = total - indent - TOC_NUM_W - 8;
    flow_spacer(f, s.space_before);
    id = flow_block_begin(f, PDF_BLOCK_TOC);
    b0 = flow_slice_begin(f);
    pdf_text_break(f->k, s.font, s.size,
                   s.min_size > 0 ? s.min_size : s.size * 0.75f, w,
                   text ? text : "", ln);
    lh = flow_leading(f, s.font, ln->size, s.leading);
    base = flow_baseline(f, s.font, ln->size, lh);
    h = lh * (float)ln->n;
    for (i = 0; i < ln->n; i++)
        flow_text_line(f, s.font, ln->size, &s.color, indent,
                       h - (float)i * lh - base,
                       ln->text + ln->v[i].off, ln->v[i].len);
    {
        /* Dotted leader from the end of the last line to the number. */
        float y = lh - base;
        float x0 = indent + ln->v[ln->n - 1].width + 4;
        float x1 = total - TOC_NUM_W - 2;
        struct pdf_paint p;
        struct pdf_box num;
        memset(&p, 0, sizeof p);
        p.stroke = &leader_grey;
        p.width = 0.6f;
        p.dash = PDF_DASH_DOTTED;
        if (x1 - x0 > 6)
            pdf_canvas_line(f->proto, x0, y, x1, y, &p);
        /* The page number: filled in by layout, right-aligned here. */
        memset(&num, 0, sizeof num);
        num.kind = PDF_BOX_TEXT;
        num.block = id;
        num.x = total;
        num.baseline = y;
        num.y = y + pdfkit_descent(f->k, s.font) * ln->size / 1000.0f;
        num.h = (pdfkit_ascent(f->k, s.font) -
                 pdfkit_descent(f->k, s.font)) * ln->size / 1000.0f;
        num.text = "";
        num.ref = anchor;
        num.font = s.font;
        num.size = ln->size;
        num.paint = PDF_PAINT_FILL;
        num.fill = s.color;
        pdf_canvas_add(f->proto, &num);
    }
    if (anchor)
        pdf_canvas_link(f->proto, indent, 0, total - indent, h, anchor);
    flow_slice_end(f, b0, h, KEEP_NONE);
    flow_block_end(f);
    flow_spacer(f, s.space_after);
    return id;
}
