/*
 * pdf_chart_int.h — helpers shared by the chart files (pdf_chart.c,
 * pdf_chart_lines.c, pdf_chart_gantt.c): label fitting, collision-free
 * axis labels, value scales, legends.
 */
#ifndef COPCGAP_PDF_CHART_INT_H
#define COPCGAP_PDF_CHART_INT_H

#include "copcgap/pdf_chart.h"

#define LABEL_SIZE 7.0f         /* axis and category labels */
#define LABEL_MIN 5.5f          /* they shrink down to this, then are cut */
#define TITLE_SIZE 8.0f
#define LABEL_GAP 3.0f          /* between two labels on an axis */

extern const struct rgb chart_ink;
extern const struct rgb chart_axis;
extern const struct rgb chart_grid;
extern const struct rgb chart_white;

/* Height of a text line's box at size (ascent to descent). */
float chart_text_h(struct pdf_canvas *cv, enum pdf_font f, float size);
/* Baseline that centres a line of text at size on y. */
float chart_center_base(struct pdf_canvas *cv, enum pdf_font f, float size,
                        float y);

/* A label within max_w (shrunk, then cut); returns the width drawn. */
float chart_label(struct pdf_canvas *cv, enum pdf_font f, float size,
                  const struct rgb *color, float x, float y,
                  enum pdf_align align, float max_w, const char *text);

/* Widest of n texts at size (NULL texts count as empty). */
float chart_widest(struct pdf_canvas *cv, enum pdf_font f, float size,
                   const char *const *texts, size_t n, size_t stride);

/* v on [lo, hi] mapped to [a, b], clamped. */
float chart_scale(double v, double lo, double hi, float a, float b);

/* Black or white, whichever reads on fill. */
const struct rgb *chart_text_on(const struct rgb *fill);

/*
 * Labels centred on xs[i] with baseline y, kept inside [x0, x1]; a label
 * that would touch the one before it is left out (uniform spacing
 * thins to every k-th label).  texts[i] may be NULL.
 */
void chart_x_labels(struct pdf_canvas *cv, const float *xs,
                    const char *const *texts, size_t n, float y, float x0,
                    float x1);

/* Value-axis labels right-aligned at x, centred on ys[i], thinned so
 * that none touch; kept inside [y0, y1]. */
void chart_y_labels(struct pdf_canvas *cv, const float *ys,
                    const char *const *texts, size_t n, float x, float w,
                    float y0, float y1);

/* Filled rectangle with optional hatch and outline. */
void chart_box(struct pdf_canvas *cv, float x, float y, float w, float h,
               const struct rgb *fill, enum pdf_hatch hatch,
               const struct rgb *stroke, float width);
void chart_hline(struct pdf_canvas *cv, float x0, float x1, float y,
                 const struct rgb *c, float width, enum pdf_dash dash);
void chart_vline(struct pdf_canvas *cv, float x, float y0, float y1,
                 const struct rgb *c, float width, enum pdf_dash dash);

/* A legend: items laid left to right, wrapping; each a swatch drawn by
 * its kind and a word.  Rows that would go below `bottom` are left out
 * (a cramped chart keeps its plot).  Returns the height used. */
struct legend_item {
    const char *text;
    const struct rgb *color;
    int kind;                   /* LEGEND_* */
    enum pdf_hatch hatch;
    enum pdf_marker marker;
    float outline;              /* LEGEND_BOX: a heavy outline's width */
};

enum { LEGEND_BOX, LEGEND_MARKER, LEGEND_DASH, LEGEND_SHADE };

float chart_legend(struct pdf_canvas *cv, const struct legend_item *items,
                   size_t n, float x, float top, float w, float bottom);
/* Height chart_legend will use for these items in width w. */
float chart_legend_height(struct pdf_canvas *cv,
                          const struct legend_item *items, size_t n,
                          float w);

#endif
