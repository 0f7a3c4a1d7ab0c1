/*
 * pdf_canvas.h — a recorded drawing: a list of placed boxes.
 *
 * Everything the flow layout and the charts put on a page goes through a
 * canvas first: one box per text line, rectangle, path, marker, link or
 * named place, each with its bounding box.  The list is what tests
 * inspect (overlaps, margins, page breaks) without reading PDF bytes,
 * and what is replayed with libharu to draw the page.
 *
 * Coordinates are PDF points with y upwards.  A canvas for a chart or a
 * flow drawing has its origin at the bottom-left of its area; pdf_flow
 * moves the boxes onto pages.  Strings given to a canvas are copied.
 */
#ifndef COPCGAP_PDF_CANVAS_H
#define COPCGAP_PDF_CANVAS_H

#include <stddef.h>

#include "copcgap/arena.h"
#include "copcgap/pdfkit.h"

enum pdf_box_kind {
    PDF_BOX_TEXT,       /* one line of text in one font and size */
    PDF_BOX_RECT,       /* rectangle: filled, hatched and/or outlined */
    PDF_BOX_PATH,       /* straight segments, open or closed */
    PDF_BOX_MARKER,     /* a point symbol */
    PDF_BOX_FRAME,      /* outer rectangle of a chart or drawing (not drawn) */
    PDF_BOX_LINK,       /* clickable area leading to a named place */
    PDF_BOX_ANCHOR,     /* a named place; its top (y + h) is the target */
    PDF_BOX_IMAGE,      /* a PNG or JPEG image; text is its path */
    PDF_BOX_KIND_COUNT
};

/* Where on the page a box belongs: margins apply to the body only. */
enum pdf_zone { PDF_ZONE_BODY, PDF_ZONE_HEADER, PDF_ZONE_FOOTER };

/* Hatching over a fill, so that states differ without colour. */
enum pdf_hatch {
    PDF_HATCH_NONE,
    PDF_HATCH_DIAG,         /* lines rising to the right */
    PDF_HATCH_BACKDIAG,     /* lines falling to the right */
    PDF_HATCH_CROSS,        /* both diagonals */
    PDF_HATCH_HORIZ,
    PDF_HATCH_DOTS
};

enum pdf_marker {
    PDF_MARKER_CIRCLE,
    PDF_MARKER_SQUARE,
    PDF_MARKER_TRIANGLE,
    PDF_MARKER_DIAMOND,
    PDF_MARKER_CROSS        /* an X: stroked, never filled */
};

enum pdf_dash { PDF_DASH_SOLID, PDF_DASH_DASHED, PDF_DASH_DOTTED };

/* How to paint a shape.  NULL colours mean "not painted". */
struct pdf_paint {
    const struct rgb *fill;
    const struct rgb *stroke;
    float width;                /* stroke width; 0 means 0.5 pt */
    enum pdf_dash dash;
    enum pdf_hatch hatch;
    const struct rgb *hatch_color;  /* NULL: dark grey */
};

#define PDF_PAINT_FILL 1u
#define PDF_PAINT_STROKE 2u

#define PDF_NO_BLOCK ((size_t)-1)

struct pdf_box {
    enum pdf_box_kind kind;
    enum pdf_zone zone;
    size_t page;                /* 0-based; set by pdf_flow */
    size_t block;               /* pdf_flow block, or PDF_NO_BLOCK */
    float x, y, w, h;           /* bounding box; y is its bottom */
    const char *text;           /* TEXT: the line; LINK, ANCHOR: name */
    enum pdf_font font;         /* TEXT */
    float size;                 /* TEXT: font size */
    float baseline;             /* TEXT */
    unsigned paint;             /* PDF_PAINT_* (TEXT is filled) */
    struct rgb fill, stroke, hatch_color;
    float line_width;
    unsigned char dash, hatch, marker, closed;
    const float *pts;           /* PATH: npts (x, y) pairs from (x, y) */
    size_t npts;
    const char *ref;            /* TEXT set by pdf_flow: a page number */
};

struct pdf_canvas;

struct pdf_canvas *pdf_canvas_new(struct pdfkit *k);
void pdf_canvas_free(struct pdf_canvas *cv);
/* Forget every box (the arena keeps its memory for reuse). */
void pdf_canvas_clear(struct pdf_canvas *cv);

struct pdfkit *pdf_canvas_kit(const struct pdf_canvas *cv);
/* Memory that lives as long as the canvas (formatted labels). */
struct arena *pdf_canvas_arena(struct pdf_canvas *cv);

const struct pdf_box *pdf_canvas_boxes(const struct pdf_canvas *cv,
                                       size_t *n);
size_t pdf_canvas_count(const struct pdf_canvas *cv);
struct pdf_box *pdf_canvas_box(struct pdf_canvas *cv, size_t i);

/* Boxes added from now on carry this block id and zone. */
void pdf_canvas_set_block(struct pdf_canvas *cv, size_t block);
void pdf_canvas_set_zone(struct pdf_canvas *cv, enum pdf_zone zone);

/* Append a copy of b (its strings and points copied); returns it. */
struct pdf_box *pdf_canvas_add(struct pdf_canvas *cv, const struct pdf_box *b);

/*
 * One line of text with its baseline at y; x is its left end, right end
 * or centre by align.  Returns its width.
 */
float pdf_canvas_text(struct pdf_canvas *cv, enum pdf_font f, float size,
                      const struct rgb *color, float x, float y,
                      enum pdf_align align, const char *text);

/* The same for the first len bytes of text. */
float pdf_canvas_text_n(struct pdf_canvas *cv, enum pdf_font f, float size,
                        const struct rgb *color, float x, float y,
                        enum pdf_align align, const char *text, size_t len);

/*
 * The same, kept within max_w: the size shrinks down to min_size, then
 * the text is cut with an ellipsis.  Returns the width drawn.
 */
float pdf_canvas_text_fit(struct pdf_canvas *cv, enum pdf_font f,
                          float size, float min_size,
                          const struct rgb *color, float x, float y,
                          enum pdf_align align, float max_w,
                          const char *text);

void pdf_canvas_rect(struct pdf_canvas *cv, float x, float y, float w,
                     float h, const struct pdf_paint *p);
void pdf_canvas_line(struct pdf_canvas *cv, float x0, float y0, float x1,
                     float y1, const struct pdf_paint *p);
/* n points as x, y pairs in xy[0 .. 2n). */
void pdf_canvas_path(struct pdf_canvas *cv, const float *xy, size_t n,
                     int closed, const struct pdf_paint *p);
/* A straight arrow from (x0, y0) to (x1, y1), head at the end. */
void pdf_canvas_arrow(struct pdf_canvas *cv, const float *xy, size_t n,
                      float head, const struct pdf_paint *p);
void pdf_canvas_marker(struct pdf_canvas *cv, enum pdf_marker m, float x,
                       float y, float r, const struct pdf_paint *p);
void pdf_canvas_frame(struct pdf_canvas *cv, float x, float y, float w,
                      float h);
void pdf_canvas_link(struct pdf_canvas *cv, float x, float y, float w,
                     float h, const char *name);
/* The image at path scaled into the box (pdfkit_image_height). */
void pdf_canvas_image(struct pdf_canvas *cv, const char *path, float x,
                      float y, float w, float h);

/* A named place whose top is y. */
void pdf_canvas_anchor(struct pdf_canvas *cv, float x, float y,
                       const char *name);

/*
 * Draw boxes on the kit's current page, moved by (dx, dy): shapes in
 * their order, then every text line over them.  LINK and ANCHOR boxes
 * become pdfkit links and places.  pdf_canvas_draw() draws a whole
 * canvas.
 */
void pdf_boxes_draw(struct pdfkit *k, const struct pdf_box *b, size_t n,
                    float dx, float dy);
void pdf_canvas_draw(struct pdfkit *k, const struct pdf_canvas *cv,
                     float dx, float dy);

/* 1 when the boxes' rectangles overlap by more than eps points. */
int pdf_box_overlap(const struct pdf_box *a, const struct pdf_box *b,
                    float eps);

#endif
