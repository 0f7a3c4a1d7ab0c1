/*
 * render_xlsx_int.h — what the workbook's sheet writers share
 * (libxlsxwriter inside): the formats, the report and its words, and
 * helpers that write one kind of cell the same way on every sheet.
 *
 * render_xlsx_util.c holds the helpers; render_xlsx_report.c the
 * Summary, Requirements and KPI sheets; render_xlsx_plan.c the gap
 * register, action plan and owner load; render_xlsx.c the workbook.
 */
#ifndef COPCGAP_RENDER_XLSX_INT_H
#define COPCGAP_RENDER_XLSX_INT_H

#include <xlsxwriter.h>

#include "copcgap/arena.h"
#include "copcgap/plan.h"
#include "copcgap/report.h"

/* Fill colours, the PDF's (render_pdf.c) so that both read alike. */
enum xlsx_fill {
    XF_GREEN,       /* met, pass, P3, done */
    XF_AMBER,       /* partial, P2, in progress */
    XF_RED,         /* not met, fail, P1, at risk, overloaded, blocked */
    XF_LILAC,       /* not evidenced */
    XF_GREY,        /* not applicable, no data */
    XF_COUNT
};

struct xlsx_formats {
    lxw_format *header;     /* header row: white on dark blue, wrapped */
    lxw_format *track;      /* header of the columns the reader fills in */
    lxw_format *title;      /* the Summary's title */
    lxw_format *label;      /* the Summary's labels (bold) */
    lxw_format *text;       /* top-aligned text and General numbers */
    lxw_format *wrap;       /* wrapped text */
    lxw_format *num;        /* a measured value: up to 2 decimals */
    lxw_format *count;      /* a whole number with thousands grouped */
    lxw_format *money;      /* cost: 2 decimals, grouped */
    lxw_format *pct;        /* a fraction shown as a percentage */
    lxw_format *date;       /* a date, written the language's way */
    lxw_format *month;      /* a month, written the language's way */
    lxw_format *fill[XF_COUNT]; /* conditional formats */
    lxw_format *verdict[VERDICT_COUNT];    /* the Summary's verdict */
};

#define XLSX_MAX_SHEETS 8

/* What every sheet writer needs. */
struct xctx {
    lxw_workbook *wb;
    const struct report *r;
    struct xlsx_formats f;
    struct arena *a;        /* the words, freed after the workbook */
    const char *names[XLSX_MAX_SHEETS];    /* the sheets added so far */
    size_t nsheets;
    int failed;             /* a sheet could not be added */
};

/* A label of the language table (no arguments). */
const char *xlsx_word(const struct xctx *x, const char *key);
/* A message in the report's language ("" for NULL). */
const char *xlsx_msg(const struct xctx *x, const struct msg *m);
/* A word built from a key prefix and a name (status.req.<status>), or
 * the name itself when the table has no such key. */
const char *xlsx_term(const struct xctx *x, const char *prefix,
                      const char *name);

/* The formats for the report's language (dates and percentages follow
 * its @date, @month and @percent settings). */
void xlsx_make_formats(struct xctx *x);

/*
 * A sheet named by the language table's `key`, made safe for Excel (at
 * most 31 characters, none of []:*?/\, no apostrophe at either end,
 * unique), set up to print: A4 landscape, one page wide, `header_rows`
 * rows repeated on every page, and a footer with the page number.
 * NULL (and x->failed set) when libxlsxwriter refuses it.
 */
lxw_worksheet *xlsx_sheet(struct xctx *x, const char *key,
                          lxw_row_t header_rows);

/* A header row (row 0) of language-table keys with column widths,
 * frozen; `tracking` columns from `first_tracking` on get their own
 * colour (the columns the reader fills in; pass ncols when none). */
void xlsx_headers(const struct xctx *x, lxw_worksheet *ws,
                  const char *const *keys, const double *widths,
                  size_t ncols, size_t first_tracking);
/* Filters over the header and `nrows` data rows. */
void xlsx_filters(lxw_worksheet *ws, size_t nrows, size_t ncols);

/* Cells.  Text is always a string cell (never a formula, whatever it
 * starts with), cut with "…" at Excel's 32,767 characters. */
void xlsx_text(const struct xctx *x, lxw_worksheet *ws, lxw_row_t row,
               lxw_col_t col, const char *s, lxw_format *fmt);
void xlsx_date(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, cg_day d,
               lxw_format *fmt);
void xlsx_month(const struct xctx *x, lxw_worksheet *ws, lxw_row_t row,
                lxw_col_t col, cg_month m);
/* An id: a number when it is a whole number ("2"), else text ("2.11"). */
void xlsx_id(const struct xctx *x, lxw_worksheet *ws, lxw_row_t row,
             lxw_col_t col, const char *id);
void xlsx_yes_no(const struct xctx *x, lxw_worksheet *ws, lxw_row_t row,
                 lxw_col_t col, int yes);

/* Colour the cells of column `col`, rows 1..nrows, that hold exactly
 * `word` (a conditional format, so it follows the reader's edits). */
void xlsx_colour_word(const struct xctx *x, lxw_worksheet *ws, size_t nrows,
                      lxw_col_t col, const char *word, enum xlsx_fill fill);
/* The same for a requirement status column, each status its colour. */
void xlsx_colour_statuses(const struct xctx *x, lxw_worksheet *ws,
                          size_t nrows, lxw_col_t col);
/* "yes" of the language in red (at risk, overloaded). */
void xlsx_colour_yes(const struct xctx *x, lxw_worksheet *ws, size_t nrows,
                     lxw_col_t col);

/* The sheets, in the workbook's order. */
void xlsx_summary_sheet(struct xctx *x);
void xlsx_requirements_sheet(struct xctx *x);
void xlsx_kpi_sheet(struct xctx *x);
void xlsx_register_sheet(struct xctx *x);
void xlsx_plan_sheet(struct xctx *x);
void xlsx_load_sheet(struct xctx *x);

#endif
