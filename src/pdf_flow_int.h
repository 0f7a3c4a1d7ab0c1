/*
 * pdf_flow_int.h — the inside of struct pdf_flow, shared by pdf_flow.c
 * (slices, text blocks, pagination, rendering) and pdf_flow_blocks.c
 * (tables, key/value lists, tiles, drawings, contents entries).
 *
 * Blocks become slices as they are appended.  A slice is a horizontal
 * strip that is never cut by a page break: a paragraph line, a table
 * row, a drawing.  Its boxes sit in the proto canvas in strip-local
 * coordinates (x from the left margin, y from the strip's bottom);
 * layout only decides where each strip goes and copies its boxes there.
 */
#ifndef COPCGAP_PDF_FLOW_INT_H
#define COPCGAP_PDF_FLOW_INT_H

#include "copcgap/pdf_flow.h"
#include "copcgap/pdf_text.h"

/* Bond between a slice and the next one. */
enum { KEEP_NONE, KEEP, KEEP_STRONG };

/* How the lines of a paragraph hold together (flow_para_lines). */
enum {
    LINES_PARA,                 /* two lines at least at each side */
    LINES_TOGETHER,             /* all lines, not the block after */
    LINES_HEADING               /* all lines, and the block after */
};

struct slice {
    float h;
    size_t box0, nbox;          /* boxes in the proto canvas */
    size_t block;
    unsigned char keep;         /* bond with the next slice */
    unsigned char discard;      /* space: dropped at the top of a page */
    unsigned char brk;          /* forced page break before this slice */
    unsigned char landscape, bare;  /* the new page's options (brk) */
    unsigned char row;          /* table body: the header repeats first */
    unsigned char marked;       /* marks point at this slice */
    size_t table;               /* index into tables, if row */
};

struct flow_table {
    struct slice header, cont;
    int has_header, has_cont;
    /* While rows are appended: */
    size_t ncols;
    float *x, *w;               /* column left edges and widths */
    enum pdf_align *align;
    float size, min_size;
    int rules;
    float detail_x;
    struct pdf_style detail;
    size_t nrows;
    size_t header_slice;        /* index of the header in the flow */
};

struct mark {
    size_t slice;               /* (size_t)-1 until the next slice */
    const char *anchor;         /* may be NULL */
    const char *title;          /* outline title, may be NULL */
    int level;
    size_t page;                /* after layout */
    float y;
};

struct flow_page {
    unsigned char landscape, bare;
};

struct named {
    const char *name;
    size_t page;
};

struct pdf_flow {
    struct pdfkit *k;
    struct pdf_frame fr;
    struct pdf_canvas *proto;
    struct arena *a;

    struct slice *sl;
    size_t nsl, sl_cap;
    enum pdf_block_kind *blocks;
    size_t nblocks, blocks_cap;
    struct mark *marks;
    size_t nmarks, marks_cap;
    size_t pending_marks;       /* marks from here wait for a slice */
    struct flow_table *tables;
    size_t ntables, tables_cap;
    int in_table;               /* rows go to tables[ntables - 1] */

    const char *next_link;      /* for the next block */
    const char *link;           /* for the block being built */
    int landscape;              /* orientation of the blocks appended */
    int keep_depth;
    size_t keep_from;
    struct pdf_style heading[3];
    int outline_depth;
    struct pdf_running run;
    struct cg_errors errs;
    struct pdf_lines lines;     /* scratch */
    struct pdf_lines *cells;    /* scratch, one per column */
    size_t *cpos;               /* scratch: next line of each cell */
    float *clh;                 /* scratch: line height of each cell */
    size_t ncells;

    /* Result of layout. */
    struct pdf_box *out;
    size_t nout, out_cap;
    struct flow_page *pages;
    size_t npages, pages_cap;
    struct named *names;
    size_t nnames, names_cap;
    size_t laid_out;            /* slices laid out + 1; 0: none */
};

/* Shared by the two files. */
size_t flow_block_begin(struct pdf_flow *f, enum pdf_block_kind kind);
void flow_block_end(struct pdf_flow *f);
size_t flow_slice_begin(struct pdf_flow *f);
struct slice *flow_slice_end(struct pdf_flow *f, size_t box0, float h,
                             int keep);
void flow_spacer(struct pdf_flow *f, float h);
float flow_body_w(const struct pdf_flow *f, int landscape);
float flow_body_h(const struct pdf_flow *f, int landscape);
/* Line height and baseline offset (below the line's top) for a size. */
float flow_leading(const struct pdf_flow *f, enum pdf_font font, float size,
                   float leading);
float flow_baseline(const struct pdf_flow *f, enum pdf_font font,
                    float size, float lh);
/* One text line in the proto canvas (and a link over it if one is on). */
void flow_text_line(struct pdf_flow *f, enum pdf_font font, float size,
                    const struct rgb *color, float x, float baseline,
                    const char *text, size_t len);
/*
 * The lines of a paragraph as one slice each, bonded by mode (LINES_*),
 * over [x, x + w] of the body; band (may be NULL) fills behind them.
 */
void flow_para_lines(struct pdf_flow *f, const struct pdf_style *st,
                     float x, float w, const char *text, int mode,
                     const struct rgb *band);
void flow_error(struct pdf_flow *f, const char *fmt, ...) CG_PRINTF(2, 3);

#endif
