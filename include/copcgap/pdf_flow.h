/*
 * pdf_flow.h — a retained-mode typesetter for the reports.
 *
 * The caller appends blocks (headings, paragraphs, key/value lists,
 * tables, drawings, tiles, contents entries, page breaks); pdf_flow
 * breaks lines as each block arrives, then pdf_flow_layout() cuts the
 * result into pages and returns placed boxes (pdf_canvas.h) that tests
 * can inspect, and pdf_flow_render() draws them with pdfkit.
 *
 * Page-break rules, all enforced by layout:
 *  - a keep-together group (pdf_flow_keep_begin/end, a table row with
 *    its detail, a heading with what follows) moves whole to the next
 *    page; a group taller than a page is split as a last resort, at the
 *    weakest bond that fits (never right after a heading if avoidable);
 *  - no page holds a single line of a paragraph: at least two lines
 *    stay at each side of a break (widow and orphan control);
 *  - a table row never splits (a row taller than a page is cut into
 *    parts), and the header row, under the caller's "continued" label,
 *    repeats at the top of every page the table continues on;
 *  - space blocks vanish at the top of a page; a page break on an empty
 *    page does nothing; no page is left empty.
 *
 * Everything language-dependent (running texts, "page N of M", the
 * "continued" label) is text the caller supplies.  Strings are copied.
 * Misuse (a row outside a table, a contents entry to an unknown place)
 * is reported by pdf_flow_layout(); nothing here prints or exits.
 */
#ifndef COPCGAP_PDF_FLOW_H
#define COPCGAP_PDF_FLOW_H

#include <stddef.h>

#include "copcgap/error.h"
#include "copcgap/pdf_canvas.h"
#include "copcgap/pdfkit.h"

struct pdf_flow;

/* Page geometry; every field 0 means the default (in brackets). */
struct pdf_frame {
    float margin_top;           /* [56] body starts this far from the top */
    float margin_bottom;        /* [56] */
    float margin_left;          /* [50] */
    float margin_right;         /* [50] */
    float header_y;             /* [32] header baseline from the top */
    float footer_y;             /* [28] footer baseline from the bottom */
};

struct pdf_style {
    enum pdf_font font;
    float size;
    struct rgb color;
    enum pdf_align align;
    float indent;               /* from the left margin */
    float space_before;         /* vanishes at the top of a page */
    float space_after;
    float min_size;             /* shrink floor for too-wide words;
                                   0 = 75 % of size */
    float leading;              /* line height / size; 0 = 1.25 */
};

/* Regular 10 pt dark ink, left aligned, 4 pt after. */
struct pdf_style pdf_style_body(void);

enum pdf_orient { PDF_PORTRAIT, PDF_LANDSCAPE };

/* Page break flag: no running header or footer on the new page. */
#define PDF_PAGE_BARE 1u

enum pdf_block_kind {
    PDF_BLOCK_HEADING,
    PDF_BLOCK_PARA,
    PDF_BLOCK_SPACER,
    PDF_BLOCK_BREAK,
    PDF_BLOCK_KV,
    PDF_BLOCK_TABLE,
    PDF_BLOCK_DRAWING,
    PDF_BLOCK_TILES,
    PDF_BLOCK_TOC,
    PDF_BLOCK_RUNNING           /* running headers and footers */
};

/* Running header and footer; NULL texts are left out.  Copied. */
struct pdf_running {
    const char *header_left;
    const char *header_right;
    const char *footer_left;    /* cut with an ellipsis when too long */
    const char *page_fmt;       /* "{page}" and "{pages}" are replaced:
                                   "page {page} of {pages}" */
};

struct pdf_flow *pdf_flow_new(struct pdfkit *k, const struct pdf_frame *fr);
void pdf_flow_free(struct pdf_flow *f);

void pdf_flow_set_running(struct pdf_flow *f, const struct pdf_running *r);
/* Style of headings of level 1-3 (defaults: bold 16, 13, 11 pt). */
void pdf_flow_set_heading_style(struct pdf_flow *f, int level,
                                const struct pdf_style *st);
/* Headings up to this level get a bookmark (default 2; 0 = none). */
void pdf_flow_set_outline_depth(struct pdf_flow *f, int depth);

/* Width and height of the body of a page in the current orientation. */
float pdf_flow_width(const struct pdf_flow *f);
float pdf_flow_room(const struct pdf_flow *f);

/* ---- blocks; each returns its id (for pdf_box.block) ---- */

/*
 * A heading (level 1-3), kept with what follows.  Levels up to the
 * outline depth get a bookmark; `anchor` (may be NULL) names its place
 * for links and contents entries.
 */
size_t pdf_flow_heading(struct pdf_flow *f, int level, const char *text,
                        const char *anchor);
size_t pdf_flow_para(struct pdf_flow *f, const struct pdf_style *st,
                     const char *text);
size_t pdf_flow_spacer(struct pdf_flow *f, float h);
/*
 * Start a new page.  The orientation holds for the pages that follow,
 * up to the next break; PDF_PAGE_BARE (a cover) is for this page only.
 */
size_t pdf_flow_page_break(struct pdf_flow *f, enum pdf_orient o,
                           unsigned flags);

struct pdf_kv {
    const char *label;
    const char *value;
};

/*
 * Label/value lines.  The label column is as wide as the widest label
 * (at most 40 % of the width; longer labels wrap inside it), so a label
 * is never printed over its value.  label_st and value_st may be NULL
 * (bold muted 9 pt; regular 9 pt).
 */
size_t pdf_flow_kv(struct pdf_flow *f, const struct pdf_kv *items, size_t n,
                   const struct pdf_style *label_st,
                   const struct pdf_style *value_st);

/* ---- tables ---- */

struct pdf_col {
    float width;                /* points; 0 = a share of what is left */
    float weight;               /* that share (0 counts as 1) */
    enum pdf_align align;
};

struct pdf_table_spec {
    size_t ncols;
    const struct pdf_col *cols;
    const char *const *header;  /* repeated on each page; may be NULL */
    const char *continued;      /* above the repeated header; may be NULL */
    float size;                 /* cell font size; 0 = 8.5 */
    float min_size;             /* shrink floor; 0 = 75 % of size */
    const struct rgb *header_fill;  /* NULL = light grey-blue */
    int no_rules;               /* no separator lines between rows */
    size_t detail_col;          /* row details start at this column */
    const struct pdf_style *detail_style;   /* NULL = regular 7.5 muted */
};

struct pdf_row {
    const char *const *cells;   /* ncols texts (NULL = empty) */
    const struct rgb *fill;     /* whole row (and its detail); may be NULL */
    const struct rgb *const *cell_fill; /* per cell; may be NULL */
    int bold;
    const char *detail;         /* paragraph under the row, kept with it */
    const char *link;           /* the row links to this place */
    const char *anchor;         /* the row is this place */
};

size_t pdf_flow_table_begin(struct pdf_flow *f,
                            const struct pdf_table_spec *t);
void pdf_flow_table_row(struct pdf_flow *f, const struct pdf_row *row);
void pdf_flow_table_end(struct pdf_flow *f);

/* ---- groups, drawings, tiles, contents ---- */

/* Blocks appended between these stay on one page if at all possible. */
void pdf_flow_keep_begin(struct pdf_flow *f);
void pdf_flow_keep_end(struct pdf_flow *f);

/*
 * A drawing of height h over the body width: fn draws into cv with the
 * origin at the drawing's bottom-left (w x h), at once (user data need
 * not outlive the call).  Taller than a page: cut to the page.
 */
typedef void (*pdf_draw_fn)(struct pdf_canvas *cv, float w, float h,
                            void *user);
size_t pdf_flow_drawing(struct pdf_flow *f, float h, pdf_draw_fn fn,
                        void *user);

/* A count tile: a big value and a caption in a coloured box. */
struct pdf_tile {
    const char *value;
    const char *caption;
    const struct rgb *fill;     /* NULL = light grey */
    const struct rgb *ink;      /* NULL = dark */
    enum pdf_hatch hatch;       /* a hatched band on the left edge */
    const char *link;           /* the tile links to this place */
};

/* n tiles side by side, h points high. */
size_t pdf_flow_tiles(struct pdf_flow *f, const struct pdf_tile *t, size_t n,
                      float h);

/*
 * A contents line: text indented by level (1-3), a dotted leader and
 * the page number of `anchor` (filled in by layout), linked to it.
 * st may be NULL (regular 10 pt; bold for level 1).
 */
size_t pdf_flow_toc_entry(struct pdf_flow *f, const struct pdf_style *st,
                          int level, const char *text, const char *anchor);

/* ---- marks on the next block ---- */

/* The next block's start is the place `name`. */
void pdf_flow_anchor(struct pdf_flow *f, const char *name);
/* The next block's start gets a bookmark at level 1-3. */
void pdf_flow_outline(struct pdf_flow *f, int level, const char *title);
/* The next block's text lines link to the place `name`. */
void pdf_flow_link(struct pdf_flow *f, const char *name);

/* ---- result ---- */

/*
 * Cut into pages, add running headers and footers and page numbers.
 * May be called again after more blocks.  Returns 1, or 0 with errors.
 */
int pdf_flow_layout(struct pdf_flow *f, struct cg_errors *errs);
const struct pdf_box *pdf_flow_boxes(const struct pdf_flow *f, size_t *n);
size_t pdf_flow_page_count(const struct pdf_flow *f);
int pdf_flow_page_landscape(const struct pdf_flow *f, size_t page);
enum pdf_block_kind pdf_flow_block_kind(const struct pdf_flow *f,
                                        size_t block);
/* The body area of a page: x0, y0 (bottom), x1, y1 (top). */
void pdf_flow_body(const struct pdf_flow *f, size_t page, float *x0,
                   float *y0, float *x1, float *y1);
/* Page (0-based) of a named place after layout, or (size_t)-1. */
size_t pdf_flow_anchor_page(const struct pdf_flow *f, const char *name);

/*
 * Lay out if needed, then add the pages to the kit and draw every box,
 * bookmark, place and link.  Save with pdfkit_save_doc() or
 * pdfkit_write() (pdfkit_save() would add its own footers).  Returns 1,
 * or 0 with errors.
 */
int pdf_flow_render(struct pdf_flow *f, struct cg_errors *errs);

#endif
