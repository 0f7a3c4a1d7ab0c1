/*
 * pdfkit.h — a small page-layout layer over libharu for the reports.
 *
 * Handles what every report page needs: two embedded DejaVu fonts
 * (regular, bold) with UTF-8 text, A4 pages with a running cursor,
 * word-wrapped paragraphs, tables whose rows never split across pages
 * (the header row is repeated), outline bookmarks, and "page N of M"
 * footers drawn once the page count is known.  libharu errors are
 * recorded by its error handler and reported once at pdfkit_save().
 *
 * Sizes are in PDF points (1/72 in).  Only render_pdf*.c use this.
 */
#ifndef COPCGAP_PDFKIT_H
#define COPCGAP_PDFKIT_H

#include <stddef.h>
#include <time.h>

#include "copcgap/error.h"

struct pdfkit;

struct rgb {
    float r, g, b;
};

enum pdf_font { PDF_REGULAR, PDF_BOLD };

enum pdf_align { ALIGN_LEFT, ALIGN_RIGHT, ALIGN_CENTER };

#define PDF_PAGE_W 595.276f
#define PDF_PAGE_H 841.89f
#define PDF_MARGIN 50.0f

/*
 * Create a document with fonts from font_dir (DejaVuSans.ttf and
 * DejaVuSans-Bold.ttf).  `when` is the creation date written into the
 * file (pass SOURCE_DATE_EPOCH for reproducible output).  NULL with an
 * error when the fonts cannot be loaded.
 */
struct pdfkit *pdfkit_new(const char *font_dir, time_t when,
                          struct cg_errors *errs);
void pdfkit_free(struct pdfkit *k);

void pdfkit_set_info(struct pdfkit *k, const char *title, const char *author,
                     const char *subject);

/* Start a new page; the cursor goes to the top margin. */
void pdfkit_new_page(struct pdfkit *k);
/* Start a new page unless `height` more points fit on this one. */
void pdfkit_need(struct pdfkit *k, float height);
float pdfkit_y(const struct pdfkit *k);
void pdfkit_move(struct pdfkit *k, float dy);
size_t pdfkit_page_count(const struct pdfkit *k);

/* Width of text in a font and size. */
float pdfkit_width(struct pdfkit *k, enum pdf_font f, float size,
                   const char *text);

/*
 * Word-wrapped paragraph at the cursor, from x over width; breaks pages
 * as needed and moves the cursor below it.  Returns the height used.
 */
float pdfkit_para(struct pdfkit *k, enum pdf_font f, float size,
                  const struct rgb *color, float x, float width,
                  const char *text);

/* Height the paragraph would take, without drawing. */
float pdfkit_para_height(struct pdfkit *k, enum pdf_font f, float size,
                         float width, const char *text);

/* One line of text at (x, baseline y) with no wrapping. */
void pdfkit_text_at(struct pdfkit *k, enum pdf_font f, float size,
                    const struct rgb *color, float x, float y,
                    enum pdf_align align, const char *text);

void pdfkit_rect(struct pdfkit *k, float x, float y, float w, float h,
                 const struct rgb *fill);
void pdfkit_line(struct pdfkit *k, float x0, float y0, float x1, float y1,
                 float width, const struct rgb *color);

/* Top-level (parent NULL) or nested bookmark to the cursor position. */
void *pdfkit_bookmark(struct pdfkit *k, void *parent, const char *title);

/* ---- tables ---- */

struct pdf_table {
    size_t ncols;
    const float *widths;        /* column widths, summing to the table */
    const enum pdf_align *align;/* per column, may be NULL (left) */
    float size;                 /* font size */
    const char *const *header;  /* repeated on each new page; may be NULL */
    const struct rgb *header_fill;
};

/*
 * Draw the header row now and start the table: until pdfkit_table_end()
 * or pdfkit_new_page(), a page break repeats the header.  The table
 * struct must stay alive until then.
 */
void pdfkit_table_header(struct pdfkit *k, const struct pdf_table *t);
void pdfkit_table_end(struct pdfkit *k);
/*
 * One row: cells wrap within their column; a row that does not fit moves
 * to a new page (header repeated).  `fill` (may be NULL) shades the row;
 * `cell_fill` (may be NULL, or per-cell NULL) shades single cells.
 */
void pdfkit_table_row(struct pdfkit *k, const struct pdf_table *t,
                      const char *const *cells, const struct rgb *fill,
                      const struct rgb *const *cell_fill, int bold);

/*
 * Draw footers ("left text" and "<page_word> N <of_word> M") on every
 * page, then
 * serialise the document.  Returns a malloc'd buffer (free it) and its
 * length, or NULL with the recorded libharu error.
 */
unsigned char *pdfkit_save(struct pdfkit *k, const char *footer_left,
                           const char *page_word, const char *of_word,
                           size_t *len,
                           struct cg_errors *errs);

#endif
