/*
 * pdf_chart.h — report charts drawn with vector primitives into a canvas.
 *
 * Each chart draws inside the rectangle it is given (a FRAME box marks
 * it) and never outside it: labels that do not fit shrink, then are cut
 * with an ellipsis, and axis labels that would collide are thinned.
 * Charts are language-neutral: every label, tick text and legend word
 * is a string the caller supplies, already formatted ("88 %", "ene").
 *
 * Charts must read when printed in greyscale: states differ in lightness
 * and in hatching or marker shape (pass is a filled circle, fail a
 * cross; at-risk bars are hatched), never in hue alone.  The default
 * colours below are picked for distinct lightness.
 *
 * Use them in a pdf_flow drawing callback (pdf_flow_drawing) or on a
 * canvas of their own (pdf_canvas_draw).
 */
#ifndef COPCGAP_PDF_CHART_H
#define COPCGAP_PDF_CHART_H

#include <stddef.h>

#include "copcgap/pdf_canvas.h"

struct pdf_rect {
    float x, y, w, h;           /* y is the bottom */
};

/* Light to dark, readable in greyscale: */
extern const struct rgb pdf_chart_good;     /* light green */
extern const struct rgb pdf_chart_warn;     /* amber */
extern const struct rgb pdf_chart_bad;      /* dark red */
extern const struct rgb pdf_chart_none;     /* pale grey: no value */
extern const struct rgb pdf_chart_series;   /* dark blue: lines, bars */
extern const struct rgb pdf_chart_muted;    /* mid grey: plain bars */

/* A tick on a value axis: where, and the text shown. */
struct pdf_tick {
    double value;
    const char *text;
};

/* ------------------------------------------------ horizontal bar chart */

struct pdf_hbar {
    const char *label;
    double value;
    const char *value_text;     /* at the bar's end; may be NULL */
    int flagged;                /* e.g. under the threshold: dark, hatched */
};

struct pdf_hbar_chart {
    const struct pdf_hbar *bars;
    size_t nbars;
    double min, max;            /* value axis */
    const struct pdf_tick *ticks;
    size_t nticks;
    int has_threshold;
    double threshold;
    const char *threshold_text; /* above the threshold line */
    const char *axis_title;     /* under the axis; may be NULL */
};

void pdf_chart_hbars(struct pdf_canvas *cv, const struct pdf_rect *r,
                     const struct pdf_hbar_chart *c);

/* ------------------------------------------------------- status chart */

struct pdf_status_part {
    const char *label;          /* legend word */
    double count;
    const char *count_text;
    const struct rgb *color;    /* NULL: a grey by position */
    enum pdf_hatch hatch;
};

/* One stacked bar of counts by status, with a legend under it. */
struct pdf_status_chart {
    const struct pdf_status_part *parts;
    size_t nparts;
};

void pdf_chart_status(struct pdf_canvas *cv, const struct pdf_rect *r,
                      const struct pdf_status_chart *c);

/* ----------------------------------------- small-multiple line charts */

enum pdf_verdict { PDF_NOT_JUDGED = -1, PDF_FAIL = 0, PDF_PASS = 1 };

struct pdf_series {
    const char *title;
    const double *values;       /* one per month */
    const unsigned char *present;   /* 0: no value (a gap); NULL: all */
    const signed char *verdict; /* enum pdf_verdict per month; NULL: none */
    int has_target;
    double target;
    const char *target_text;    /* e.g. "target 80 %" */
    size_t window_from, window_to;  /* months [from, to) shaded */
    double ymin, ymax;
    const struct pdf_tick *yticks;
    size_t nyticks;
};

struct pdf_line_chart {
    const struct pdf_series *series;
    size_t nseries;
    size_t cols;                /* panels per row (0 = 3) */
    const char *const *months;  /* x labels, nmonths of them */
    size_t nmonths;
    /* Legend words; a NULL leaves the item out, all NULL: no legend. */
    const char *pass_text, *fail_text, *target_text, *window_text;
};

void pdf_chart_lines(struct pdf_canvas *cv, const struct pdf_rect *r,
                     const struct pdf_line_chart *c);
/* Height one row of panels needs to stay readable. */
float pdf_chart_lines_row_height(void);

/* ----------------------------------------------------------- heat map */

struct pdf_heatmap {
    size_t nrows, ncols;
    const char *const *row_labels;
    const char *const *col_labels;
    const double *values;       /* nrows x ncols, by rows, 0 (dark) - 1 */
    const unsigned char *present;   /* 0: no value; NULL: all */
    const char *const *cell_text;   /* in the cells; may be NULL */
    const char *low_text, *high_text;   /* legend ends (0 and 1) */
    const char *none_text;      /* legend word for "no value" */
};

void pdf_chart_heatmap(struct pdf_canvas *cv, const struct pdf_rect *r,
                       const struct pdf_heatmap *c);

/* -------------------------------------------------------------- Gantt */

#define PDF_GANTT_AT_RISK 1u    /* dark and hatched */
#define PDF_GANTT_CRITICAL 2u   /* heavy outline */
#define PDF_GANTT_DONE 4u       /* pale */

struct pdf_gantt_row {
    const char *label;
    int start, end;             /* days; end exclusive */
    unsigned flags;
};

struct pdf_gantt_mark {
    int day;
    const char *label;          /* "today", "mock audit", "audit" */
    int solid;                  /* solid line (else dashed) */
};

struct pdf_gantt_dep {
    size_t from, to;            /* indexes into rows */
};

struct pdf_gantt {
    const struct pdf_gantt_row *rows;
    size_t nrows;
    size_t first, count;        /* rows drawn; count 0: all from first */
    int day0, day1;             /* time axis */
    const struct pdf_tick *ticks;   /* month starts (value = day) */
    size_t nticks;
    const struct pdf_gantt_mark *marks;
    size_t nmarks;
    const struct pdf_gantt_dep *deps;   /* drawn when both rows are */
    size_t ndeps;
    /* Legend words; NULL leaves the item out. */
    const char *plain_text, *at_risk_text, *critical_text, *done_text;
};

void pdf_chart_gantt(struct pdf_canvas *cv, const struct pdf_rect *r,
                     const struct pdf_gantt *g);
/*
 * How many rows fit in a w x h chart (with the axis, milestone labels
 * and legend): split a long plan into chunks of this size (first,
 * count), one per page.  At least 1.
 */
size_t pdf_chart_gantt_rows_fit(struct pdfkit *k, const struct pdf_gantt *g,
                                float w, float h);
/* Height a chart of `rows` rows needs at width w (for the last chunk). */
float pdf_chart_gantt_height(struct pdfkit *k, const struct pdf_gantt *g,
                             float w, size_t rows);

/* ------------------------------------------------------- column chart */

struct pdf_column {
    const char *label;          /* under the column ("2027-01") */
    double value;
    const char *value_text;     /* above it; may be NULL */
};

/* Load per month against a capacity; columns over it are marked. */
struct pdf_column_chart {
    const struct pdf_column *cols;
    size_t ncols;
    double max;                 /* value axis top (bottom is 0) */
    const struct pdf_tick *yticks;
    size_t nyticks;
    int has_capacity;
    double capacity;
    const char *capacity_text;
    const char *over_text;      /* legend word for columns over capacity */
};

void pdf_chart_columns(struct pdf_canvas *cv, const struct pdf_rect *r,
                       const struct pdf_column_chart *c);

#endif
