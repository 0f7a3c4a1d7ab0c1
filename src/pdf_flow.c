/*
 * pdf_flow.c — the typesetter's core (see pdf_flow.h): slices, headings
 * and paragraphs, marks, pagination, running headers and footers, and
 * drawing through pdfkit.  Tables, lists, tiles, drawings and contents
 * entries are in pdf_flow_blocks.c.
 */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_flow_int.h"

/* Float slack when comparing heights: a strip that fits to within a
 * hundredth of a point fits. */
#define EPS 0.01f

static const struct rgb ink = { 0.1f, 0.12f, 0.16f };
static const struct rgb accent = { 0.05f, 0.28f, 0.52f };
static const struct rgb running_ink = { 0.4f, 0.4f, 0.43f };

struct pdf_style pdf_style_body(void)
{
    struct pdf_style st;
    memset(&st, 0, sizeof st);
    st.font = PDF_REGULAR;
    st.size = 10;
    st.color = ink;
    st.align = ALIGN_LEFT;
    st.space_after = 4;
    return st;
}

void flow_error(struct pdf_flow *f, const char *fmt, ...)
{
    struct strbuf sb = STRBUF_INIT;
    va_list ap;

    va_start(ap, fmt);
    strbuf_vprintf(&sb, fmt, ap);
    va_end(ap);
    errors_add(&f->errs, CG_ERR_INTERNAL, NULL, 0, 0, "pdf layout: %s",
               strbuf_cstr(&sb));
    strbuf_free(&sb);
}

struct pdf_flow *pdf_flow_new(struct pdfkit *k, const struct pdf_frame *fr)
{
    struct pdf_flow *f = xcalloc(1, sizeof *f);
    int i;

    f->k = k;
    if (fr)
        f->fr = *fr;
    if (f->fr.margin_top <= 0)
        f->fr.margin_top = 56;
    if (f->fr.margin_bottom <= 0)
        f->fr.margin_bottom = 56;
    if (f->fr.margin_left <= 0)
        f->fr.margin_left = 50;
    if (f->fr.margin_right <= 0)
        f->fr.margin_right = 50;
    if (f->fr.header_y <= 0)
        f->fr.header_y = 32;
    if (f->fr.footer_y <= 0)
        f->fr.footer_y = 28;
    f->proto = pdf_canvas_new(k);
    f->a = arena_new();
    for (i = 0; i < 3; i++) {
        struct pdf_style *h = &f->heading[i];
        *h = pdf_style_body();
        h->font = PDF_BOLD;
        h->size = i == 0 ? 16.0f : i == 1 ? 13.0f : 11.0f;
        h->color = i == 2 ? ink : accent;
        h->space_before = i == 0 ? 14.0f : 10.0f;
        h->space_after = i == 0 ? 8.0f : 5.0f;
    }
    f->outline_depth = 2;
    return f;
}

void pdf_flow_free(struct pdf_flow *f)
{
    size_t i;

    if (!f)
        return;
    pdf_canvas_free(f->proto);
    arena_free(f->a);
    free(f->sl);
    free(f->blocks);
    free(f->marks);
    for (i = 0; i < f->ntables; i++) {
        free(f->tables[i].x);
        free(f->tables[i].w);
        free(f->tables[i].align);
    }
    free(f->tables);
    errors_free(&f->errs);
    pdf_lines_free(&f->lines);
    for (i = 0; i < f->ncells; i++)
        pdf_lines_free(&f->cells[i]);
    free(f->cells);
    free(f->cpos);
    free(f->clh);
    free(f->out);
    free(f->pages);
    free(f->names);
    free(f);
}

static const char *copy(struct pdf_flow *f, const char *s)
{
    return s ? arena_strdup(f->a, s) : NULL;
}

void pdf_flow_set_running(struct pdf_flow *f, const struct pdf_running *r)
{
    f->laid_out = 0;
    f->run.header_left = copy(f, r->header_left);
    f->run.header_right = copy(f, r->header_right);
    f->run.footer_left = copy(f, r->footer_left);
    f->run.page_fmt = copy(f, r->page_fmt);
}

void pdf_flow_set_heading_style(struct pdf_flow *f, int level,
                                const struct pdf_style *st)
{
    if (level >= 1 && level <= 3)
        f->heading[level - 1] = *st;
}

void pdf_flow_set_outline_depth(struct pdf_flow *f, int depth)
{
    f->outline_depth = depth;
}

/* ----------------------------------------------------------- geometry */

static float page_w(int landscape)
{
    return landscape ? PDF_PAGE_H : PDF_PAGE_W;
}

static float page_h(int landscape)
{
    return landscape ? PDF_PAGE_W : PDF_PAGE_H;
}

float flow_body_w(const struct pdf_flow *f, int landscape)
{
    return page_w(landscape) - f->fr.margin_left - f->fr.margin_right;
}

float flow_body_h(const struct pdf_flow *f, int landscape)
{
    return page_h(landscape) - f->fr.margin_top - f->fr.margin_bottom;
}

float pdf_flow_width(const struct pdf_flow *f)
{
    return flow_body_w(f, f->landscape);
}

float pdf_flow_room(const struct pdf_flow *f)
{
    return flow_body_h(f, f->landscape);
}

/*
 * Line height: the style's leading, but never less than the font's own
 * ascent-to-descent height, so that the text boxes of two lines never
 * overlap.
 */
float flow_leading(const struct pdf_flow *f, enum pdf_font font, float size,
                   float leading)
{
    float glyph = (pdfkit_ascent(f->k, font) - pdfkit_descent(f->k, font)) /
                  1000.0f;
    if (leading <= 0)
        leading = 1.25f;
    if (leading < glyph + 0.01f)
        leading = glyph + 0.01f;
    return size * leading;
}

/* The glyph box is centred in the line. */
float flow_baseline(const struct pdf_flow *f, enum pdf_font font,
                    float size, float lh)
{
    float asc = pdfkit_ascent(f->k, font) * size / 1000.0f;
    float desc = pdfkit_descent(f->k, font) * size / 1000.0f;
    return (lh - (asc - desc)) / 2 + asc;
}

/* ------------------------------------------------------ blocks, slices */

size_t flow_block_begin(struct pdf_flow *f, enum pdf_block_kind kind)
{
    size_t id = f->nblocks;

    VEC_PUSH(f->blocks, f->nblocks, f->blocks_cap) = kind;
    pdf_canvas_set_block(f->proto, id);
    f->link = f->next_link;
    f->next_link = NULL;
    return id;
}

void flow_block_end(struct pdf_flow *f)
{
    f->link = NULL;
}

size_t flow_slice_begin(struct pdf_flow *f)
{
    return pdf_canvas_count(f->proto);
}

struct slice *flow_slice_end(struct pdf_flow *f, size_t box0, float h,
                             int keep)
{
    struct slice *s = &VEC_PUSH(f->sl, f->nsl, f->sl_cap);
    size_t i;

    memset(s, 0, sizeof *s);
    s->h = h;
    s->box0 = box0;
    s->nbox = pdf_canvas_count(f->proto) - box0;
    s->block = f->nblocks ? f->nblocks - 1 : 0;
    s->keep = (unsigned char)keep;
    s->landscape = (unsigned char)f->landscape;
    /* Marks waiting for the next content go to this slice. */
    for (i = f->pending_marks; i < f->nmarks; i++) {
        f->marks[i].slice = f->nsl - 1;
        s->marked = 1;
    }
    f->pending_marks = f->nmarks;
    return s;
}

/*
 * Space between blocks.  Adjacent spaces collapse to the larger one (as
 * margins do in CSS), and a space keeps the bond of the slice before it,
 * so that the space under a heading does not cut it from its text.
 */
void flow_spacer(struct pdf_flow *f, float h)
{
    struct slice *prev = f->nsl ? &f->sl[f->nsl - 1] : NULL;
    unsigned char keep;
    struct slice *s;

    if (h <= 0)
        return;
    if (prev && prev->discard) {
        if (h > prev->h)
            prev->h = h;
        return;
    }
    keep = prev && !prev->brk ? prev->keep : KEEP_NONE;
    s = &VEC_PUSH(f->sl, f->nsl, f->sl_cap);   /* may move prev */
    memset(s, 0, sizeof *s);
    s->h = h;
    s->box0 = pdf_canvas_count(f->proto);
    s->block = f->nblocks ? f->nblocks - 1 : 0;
    s->discard = 1;
    s->keep = keep;
    s->landscape = (unsigned char)f->landscape;
}

void flow_text_line(struct pdf_flow *f, enum pdf_font font, float size,
                    const struct rgb *color, float x, float baseline,
                    const char *text, size_t len)
{
    float w;
    size_t i;

    if (len == 0)
        return;
    w = pdf_canvas_text_n(f->proto, font, size, color, x, baseline,
                          ALIGN_LEFT, text, len);
    if (f->link) {
        const struct pdf_box *b;
        i = pdf_canvas_count(f->proto) - 1;
        b = pdf_canvas_box(f->proto, i);
        pdf_canvas_link(f->proto, b->x, b->y, w, b->h, f->link);
    }
}

void flow_para_lines(struct pdf_flow *f, const struct pdf_style *st,
                     float x, float w, const char *text, int mode,
                     const struct rgb *band)
{
    struct pdf_lines *ln = &f->lines;
    float min = st->min_size > 0 ? st->min_size : st->size * 0.75f;
    float size = pdf_text_break(f->k, st->font, st->size, min, w, text, ln);
    float lh = flow_leading(f, st->font, size, st->leading);
    float base = lh - flow_baseline(f, st->font, size, lh);
    size_t i;

    for (i = 0; i < ln->n; i++) {
        const struct pdf_line *l = &ln->v[i];
        size_t b0 = flow_slice_begin(f);
        int last = i + 1 == ln->n;
        float lx = x;
        int keep;
        if (st->align == ALIGN_RIGHT)
            lx = x + w - l->width;
        else if (st->align == ALIGN_CENTER)
            lx = x + (w - l->width) / 2;
        if (band) {
            struct pdf_paint p;
            memset(&p, 0, sizeof p);
            p.fill = band;
            pdf_canvas_rect(f->proto, 0, 0, flow_body_w(f, f->landscape),
                            lh, &p);
        }
        flow_text_line(f, st->font, size, &st->color, lx, base,
                       text + l->off, l->len);
        if (mode == LINES_HEADING)
            keep = KEEP_STRONG;
        else if (mode == LINES_TOGETHER)
            keep = last ? KEEP_NONE : KEEP;
        /* Two lines at least on each side of a break: the first line
         * holds to the second, the last but one to the last. */
        else if (!last && (i == 0 || i + 2 == ln->n))
            keep = KEEP;
        else
            keep = KEEP_NONE;
        flow_slice_end(f, b0, lh, keep);
    }
}

size_t pdf_flow_para(struct pdf_flow *f, const struct pdf_style *st,
                     const char *text)
{
    size_t id;
    float w = flow_body_w(f, f->landscape) - st->indent;

    flow_spacer(f, st->space_before);
    id = flow_block_begin(f, PDF_BLOCK_PARA);
    flow_para_lines(f, st, st->indent, w, text, LINES_PARA, NULL);
    flow_block_end(f);
    flow_spacer(f, st->space_after);
    return id;
}

size_t pdf_flow_heading(struct pdf_flow *f, int level, const char *text,
                        const char *anchor)
{
    const struct pdf_style *st;
    size_t id;

    if (level < 1 || level > 3) {
        flow_error(f, "heading level %d (1-3 allowed): \"%s\"", level,
                   text ? text : "");
        level = level < 1 ? 1 : 3;
    }
    st = &f->heading[level - 1];
    flow_spacer(f, st->space_before);
    if (level <= f->outline_depth)
        pdf_flow_outline(f, level, text);
    if (anchor)
        pdf_flow_anchor(f, anchor);
    id = flow_block_begin(f, PDF_BLOCK_HEADING);
    flow_para_lines(f, st, st->indent,
                    flow_body_w(f, f->landscape) - st->indent, text,
                    LINES_HEADING, NULL);
    flow_block_end(f);
    flow_spacer(f, st->space_after);
    return id;
}

size_t pdf_flow_spacer(struct pdf_flow *f, float h)
{
    size_t id = flow_block_begin(f, PDF_BLOCK_SPACER);
    flow_spacer(f, h);
    flow_block_end(f);
    return id;
}

size_t pdf_flow_page_break(struct pdf_flow *f, enum pdf_orient o,
                           unsigned flags)
{
    size_t id = flow_block_begin(f, PDF_BLOCK_BREAK);
    struct slice *s = &VEC_PUSH(f->sl, f->nsl, f->sl_cap);

    memset(s, 0, sizeof *s);
    s->box0 = pdf_canvas_count(f->proto);
    s->block = id;
    s->brk = 1;
    s->landscape = o == PDF_LANDSCAPE;
    s->bare = (flags & PDF_PAGE_BARE) != 0;
    f->landscape = s->landscape;
    flow_block_end(f);
    return id;
}

void pdf_flow_keep_begin(struct pdf_flow *f)
{
    if (f->keep_depth++ == 0)
        f->keep_from = f->nsl;
}

void pdf_flow_keep_end(struct pdf_flow *f)
{
    size_t i;

    if (f->keep_depth == 0) {
        flow_error(f, "keep_end without keep_begin");
        return;
    }
    if (--f->keep_depth > 0)
        return;
    for (i = f->keep_from; i + 1 < f->nsl; i++)
        if (f->sl[i].keep < KEEP && !f->sl[i + 1].brk)
            f->sl[i].keep = KEEP;
}

/* -------------------------------------------------------------- marks */

static void add_mark(struct pdf_flow *f, const char *anchor, int level,
                     const char *title)
{
    struct mark *m = &VEC_PUSH(f->marks, f->nmarks, f->marks_cap);
    memset(m, 0, sizeof *m);
    m->slice = (size_t)-1;
    m->anchor = copy(f, anchor);
    m->title = copy(f, title);
    m->level = level;
}

void pdf_flow_anchor(struct pdf_flow *f, const char *name)
{
    if (name && *name)
        add_mark(f, name, 0, NULL);
}

void pdf_flow_outline(struct pdf_flow *f, int level, const char *title)
{
    if (level < 1 || level > 3 || !title) {
        flow_error(f, "bookmark level %d (1-3 allowed)", level);
        return;
    }
    add_mark(f, NULL, level, title);
}

void pdf_flow_link(struct pdf_flow *f, const char *name)
{
    f->next_link = copy(f, name);
}

/* ------------------------------------------------------------- layout */

struct pager {
    struct pdf_flow *f;
    size_t page;
    float y;                    /* top of the free space */
    float bottom;
    int empty;                  /* no flow slice on the page yet */
};

static void open_page(struct pager *pg, int landscape, int bare)
{
    struct pdf_flow *f = pg->f;
    struct flow_page *p = &VEC_PUSH(f->pages, f->npages, f->pages_cap);

    p->landscape = (unsigned char)landscape;
    p->bare = (unsigned char)bare;
    pg->page = f->npages - 1;
    pg->y = page_h(landscape) - f->fr.margin_top;
    pg->bottom = f->fr.margin_bottom;
    pg->empty = 1;
}

/* Copy a slice's boxes to the page with its top at the free space. */
static void put(struct pager *pg, const struct slice *s, int counts)
{
    struct pdf_flow *f = pg->f;
    const struct pdf_box *src;
    float dx = f->fr.margin_left, dy = pg->y - s->h;
    size_t n, i;

    src = pdf_canvas_boxes(f->proto, &n);
    VEC_RESERVE(f->out, f->out_cap, f->nout + s->nbox);
    for (i = s->box0; i < s->box0 + s->nbox; i++) {
        struct pdf_box *b = &f->out[f->nout++];
        *b = src[i];
        b->x += dx;
        b->y += dy;
        if (b->kind == PDF_BOX_TEXT)
            b->baseline += dy;
        b->page = pg->page;
    }
    pg->y -= s->h;
    if (counts)
        pg->empty = 0;
}

static void place(struct pager *pg, size_t from, size_t to)
{
    struct pdf_flow *f = pg->f;
    size_t i, j;

    for (i = from; i <= to; i++) {
        const struct slice *s = &f->sl[i];
        if (s->discard && pg->empty)
            continue;           /* no space at the top of a page */
        for (j = 0; s->marked && j < f->nmarks; j++)
            if (f->marks[j].slice == i) {
                f->marks[j].page = pg->page;
                f->marks[j].y = pg->y;
            }
        put(pg, s, !s->discard);
    }
}

/* Height the table's repeated header takes on a continuation page. */
static float repeat_h(const struct pdf_flow *f, const struct slice *s)
{
    const struct flow_table *t;

    if (!s->row)
        return 0;
    t = &f->tables[s->table];
    return (t->has_cont ? t->cont.h : 0) + (t->has_header ? t->header.h : 0);
}

/* A new page like the current one; a table going on repeats its header
 * under its "continued" label. */
static void next_page(struct pager *pg, const struct slice *next)
{
    struct pdf_flow *f = pg->f;
    const struct flow_page *cur = &f->pages[pg->page];

    open_page(pg, cur->landscape, 0);
    if (next && next->row) {
        const struct flow_table *t = &f->tables[next->table];
        if (t->has_cont)
            put(pg, &t->cont, 0);
        if (t->has_header)
            put(pg, &t->header, 0);
    }
}

static size_t group_end(const struct pdf_flow *f, size_t i, float *h)
{
    size_t j = i;

    *h = f->sl[i].h;
    while (f->sl[j].keep && j + 1 < f->nsl && !f->sl[j + 1].brk) {
        j++;
        *h += f->sl[j].h;
    }
    return j;
}

/*
 * Last resort for a group taller than the space: the break after slice
 * k in [i, j) that fits and has the weakest bond, the latest such.
 * Returns (size_t)-1 when not even slice i fits.
 */
static size_t split_point(const struct pdf_flow *f, size_t i, size_t j,
                          float avail)
{
    size_t k, best = (size_t)-1;
    float acc = 0;
    int best_keep = 99;

    for (k = i; k < j; k++) {
        acc += f->sl[k].h;
        if (acc > avail + EPS)
            break;
        if (f->sl[k].discard)
            continue;
        if (f->sl[k].keep <= best_keep) {
            best_keep = f->sl[k].keep;
            best = k;
        }
    }
    return best;
}

static void paginate(struct pdf_flow *f)
{
    struct pager pg;
    size_t i = 0;

    memset(&pg, 0, sizeof pg);
    pg.f = f;
    open_page(&pg, f->nsl && f->sl[0].brk ? f->sl[0].landscape : 0, 0);
    while (i < f->nsl) {
        const struct slice *s = &f->sl[i];
        float g, avail, room;
        size_t j, k;

        if (s->brk) {
            if (pg.empty) {     /* no empty page: reuse this one */
                f->pages[pg.page].landscape = s->landscape;
                f->pages[pg.page].bare = s->bare;
                pg.y = page_h(s->landscape) - f->fr.margin_top;
            } else {
                open_page(&pg, s->landscape, s->bare);
            }
            i++;
            continue;
        }
        if (s->discard && pg.empty) {
            i++;
            continue;
        }
        j = group_end(f, i, &g);
        avail = pg.y - pg.bottom;
        if (g <= avail + EPS) {
            place(&pg, i, j);
            i = j + 1;
            continue;
        }
        room = flow_body_h(f, f->pages[pg.page].landscape) - repeat_h(f, s);
        if (!pg.empty && g <= room + EPS) {
            next_page(&pg, s);  /* the whole group moves */
            continue;
        }
        k = split_point(f, i, j, avail);
        if (k != (size_t)-1) {
            place(&pg, i, k);
            next_page(&pg, &f->sl[k + 1]);
            i = k + 1;
        } else if (!pg.empty) {
            next_page(&pg, s);
        } else {
            place(&pg, i, i);   /* taller than any page: it overflows */
            i++;
        }
    }
    /* A trailing break or space leaves an empty last page. */
    if (pg.empty && f->npages > 1)
        f->npages--;
}

static void add_running_text(struct pdf_flow *f, size_t page, float x,
                             float y, enum pdf_align align, float max_w,
                             const char *text)
{
    size_t i = pdf_canvas_count(f->proto), n;
    const struct pdf_box *b;

    if (!text || !*text || max_w <= 0)
        return;
    pdf_canvas_text_fit(f->proto, PDF_REGULAR, 8, 8, &running_ink, x, y,
                        align, max_w, text);
    b = pdf_canvas_boxes(f->proto, &n);
    for (; i < n; i++) {
        struct pdf_box *o = &VEC_PUSH(f->out, f->nout, f->out_cap);
        *o = b[i];
        o->page = page;
    }
}

/* "page {page} of {pages}" with the numbers in. */
static const char *page_text(struct pdf_flow *f, size_t page)
{
    struct strbuf sb = STRBUF_INIT;
    const char *s = f->run.page_fmt, *r;

    while (*s) {
        if (strncmp(s, "{page}", 6) == 0) {
            strbuf_printf(&sb, "%zu", page + 1);
            s += 6;
        } else if (strncmp(s, "{pages}", 7) == 0) {
            strbuf_printf(&sb, "%zu", f->npages);
            s += 7;
        } else {
            strbuf_addc(&sb, *s++);
        }
    }
    r = arena_strdup(pdf_canvas_arena(f->proto), strbuf_cstr(&sb));
    strbuf_free(&sb);
    return r;
}

static void running(struct pdf_flow *f)
{
    size_t p;

    pdf_canvas_set_block(f->proto, PDF_NO_BLOCK);
    for (p = 0; p < f->npages; p++) {
        int land = f->pages[p].landscape;
        float x0 = f->fr.margin_left, x1 = page_w(land) - f->fr.margin_right;
        float hy = page_h(land) - f->fr.header_y, fy = f->fr.footer_y;
        float num_w = 0, half = (x1 - x0) / 2 - 10;
        const char *num = NULL;

        if (f->pages[p].bare)
            continue;
        pdf_canvas_set_zone(f->proto, PDF_ZONE_HEADER);
        add_running_text(f, p, x0, hy, ALIGN_LEFT, half,
                         f->run.header_left);
        add_running_text(f, p, x1, hy, ALIGN_RIGHT, half,
                         f->run.header_right);
        pdf_canvas_set_zone(f->proto, PDF_ZONE_FOOTER);
        if (f->run.page_fmt) {
            num = page_text(f, p);
            num_w = pdfkit_width(f->k, PDF_REGULAR, 8, num);
            add_running_text(f, p, x1, fy, ALIGN_RIGHT, x1 - x0, num);
        }
        /* The left text gets what the page number leaves. */
        add_running_text(f, p, x0, fy, ALIGN_LEFT,
                         x1 - x0 - num_w - (num ? 16.0f : 0.0f),
                         f->run.footer_left);
    }
    pdf_canvas_set_zone(f->proto, PDF_ZONE_BODY);
}

static int cmp_named(const void *a, const void *b)
{
    const struct named *x = a, *y = b;
    return strcmp(x->name, y->name);
}

/* Every named place: marks and ANCHOR boxes. */
static void collect_names(struct pdf_flow *f)
{
    size_t i;

    f->nnames = 0;
    for (i = 0; i < f->nmarks; i++)
        if (f->marks[i].anchor && f->marks[i].slice != (size_t)-1) {
            struct named *n = &VEC_PUSH(f->names, f->nnames, f->names_cap);
            n->name = f->marks[i].anchor;
            n->page = f->marks[i].page;
        }
    for (i = 0; i < f->nout; i++)
        if (f->out[i].kind == PDF_BOX_ANCHOR) {
            struct named *n = &VEC_PUSH(f->names, f->nnames, f->names_cap);
            n->name = f->out[i].text;
            n->page = f->out[i].page;
        }
    if (f->nnames > 1)
        qsort(f->names, f->nnames, sizeof *f->names, cmp_named);
}

size_t pdf_flow_anchor_page(const struct pdf_flow *f, const char *name)
{
    struct named key, *hit;

    if (f->nnames == 0)
        return (size_t)-1;
    key.name = name;
    key.page = 0;
    hit = bsearch(&key, f->names, f->nnames, sizeof *f->names, cmp_named);
    return hit ? hit->page : (size_t)-1;
}

/* Contents entries show the page their place landed on. */
static void resolve_refs(struct pdf_flow *f)
{
    struct arena *a = pdf_canvas_arena(f->proto);
    size_t i;

    for (i = 0; i < f->nout; i++) {
        struct pdf_box *b = &f->out[i];
        size_t page;
        if (b->kind != PDF_BOX_TEXT || !b->ref)
            continue;
        page = pdf_flow_anchor_page(f, b->ref);
        if (page == (size_t)-1) {
            flow_error(f, "contents entry for an undefined place \"%s\"",
                       b->ref);
            b->text = "?";
        } else {
            b->text = arena_printf(a, "%zu", page + 1);
        }
        /* The number is right-aligned on the box's right edge. */
        b->w = pdfkit_width(f->k, b->font, b->size, b->text);
        b->x = b->x - b->w;
        b->ref = NULL;
    }
}

int pdf_flow_layout(struct pdf_flow *f, struct cg_errors *errs)
{
    int ok;

    /* An open table or keep group is the caller's mistake: say so rather
     * than guess where it ends. */
    if (f->in_table) {
        flow_error(f, "table_begin without table_end");
        f->in_table = 0;
    }
    if (f->keep_depth) {
        flow_error(f, "keep_begin without keep_end");
        f->keep_depth = 0;
    }
    f->nout = 0;
    f->npages = 0;
    paginate(f);
    running(f);
    collect_names(f);
    resolve_refs(f);
    ok = f->errs.n == 0;
    errors_move(errs, &f->errs);
    f->laid_out = ok ? f->nsl + 1 : 0;
    return ok;
}

const struct pdf_box *pdf_flow_boxes(const struct pdf_flow *f, size_t *n)
{
    *n = f->nout;
    return f->out;
}

size_t pdf_flow_page_count(const struct pdf_flow *f)
{
    return f->npages;
}

int pdf_flow_page_landscape(const struct pdf_flow *f, size_t page)
{
    return page < f->npages && f->pages[page].landscape;
}

enum pdf_block_kind pdf_flow_block_kind(const struct pdf_flow *f,
                                        size_t block)
{
    return block < f->nblocks ? f->blocks[block] : PDF_BLOCK_RUNNING;
}

void pdf_flow_body(const struct pdf_flow *f, size_t page, float *x0,
                   float *y0, float *x1, float *y1)
{
    int land = pdf_flow_page_landscape(f, page);
    *x0 = f->fr.margin_left;
    *x1 = page_w(land) - f->fr.margin_right;
    *y0 = f->fr.margin_bottom;
    *y1 = page_h(land) - f->fr.margin_top;
}

/* ------------------------------------------------------------- render */

static void render_outlines(struct pdf_flow *f, size_t base)
{
    void *parent[4] = { NULL, NULL, NULL, NULL };
    size_t i;

    for (i = 0; i < f->nmarks; i++) {
        const struct mark *m = &f->marks[i];
        int l;
        if (m->slice == (size_t)-1 || m->page >= f->npages)
            continue;           /* nothing followed the mark */
        if (m->anchor)
            pdfkit_anchor_at(f->k, base + m->page, m->y, m->anchor);
        if (!m->title)
            continue;
        /* A level-3 entry with no level-2 parent hangs under level 1. */
        for (l = m->level - 1; l > 0 && !parent[l]; l--)
            ;
        parent[m->level] = pdfkit_outline(f->k, parent[l], m->title,
                                          base + m->page, m->y, 1);
        for (l = m->level + 1; l <= 3; l++)
            parent[l] = NULL;
    }
}

int pdf_flow_render(struct pdf_flow *f, struct cg_errors *errs)
{
    size_t base = pdfkit_page_count(f->k), p, i = 0;

    /* A layout made since the last block was added is reused. */
    if (!(f->laid_out && f->laid_out == f->nsl + 1) &&
        !pdf_flow_layout(f, errs))
        return 0;
    for (p = 0; p < f->npages; p++)
        pdfkit_add_page(f->k, f->pages[p].landscape);
    /* Boxes come page by page, running texts last. */
    while (i < f->nout) {
        size_t j = i;
        while (j < f->nout && f->out[j].page == f->out[i].page)
            j++;
        pdfkit_use_page(f->k, base + f->out[i].page);
        pdf_boxes_draw(f->k, f->out + i, j - i, 0, 0);
        i = j;
    }
    render_outlines(f, base);
    return 1;
}
