/*
 * pdfkit.h — a small page-layout layer over libharu for the reports.
 *
 * Handles what every report page needs: two embedded DejaVu fonts
 * (regular, bold) with UTF-8 text, A4 pages with a running cursor,
 * word-wrapped paragraphs, tables whose rows never split across pages
 * (the header row is repeated), outline bookmarks, and "page N of M"
 * footers drawn once the page count is known.  libharu errors are
 * recorded by its error handler and reported once at pdfkit_save() with
 * the page and the operation that failed.
 *
 * Document-level plumbing every report shares is here too: a valid
 * ToUnicode map for the embedded fonts (libharu 2.3.0 writes an invalid
 * one), the catalog's /Lang, document information and an XMP metadata
 * stream, bookmarks that open in the viewer, and internal links to named
 * places that may be defined after the link (resolved when saving).
 *
 * Sizes are in PDF points (1/72 in), y upwards from the page's bottom.
 * Only pdf_*.c and render_pdf*.c use this; pdf_flow.h builds on it.
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

/* Every field may be NULL (left unset). */
struct pdf_doc_info {
    const char *title;
    const char *author;
    const char *subject;
    const char *keywords;
    const char *creator;        /* the application; default "copcgap V" */
};

/*
 * Document information, written both to the Info dictionary and to the
 * XMP metadata stream (dc:title, dc:creator, dc:description,
 * pdf:Keywords, xmp:CreatorTool) when the file is saved.
 */
void pdfkit_set_doc_info(struct pdfkit *k, const struct pdf_doc_info *info);

/*
 * Language of the document's text as a BCP 47 tag ("en", "es-CO"):
 * the catalog's /Lang and the XMP dc:language.  NULL or "" leaves it out.
 */
void pdfkit_set_lang(struct pdfkit *k, const char *lang);

/* Start a new page; the cursor goes to the top margin. */
void pdfkit_new_page(struct pdfkit *k);

/*
 * Append an A4 page, portrait or landscape, make it current and return
 * its index (0-based).  The cursor goes to the top margin.
 */
size_t pdfkit_add_page(struct pdfkit *k, int landscape);
/* Make an existing page current again (to draw on it later). */
void pdfkit_use_page(struct pdfkit *k, size_t index);
size_t pdfkit_current_page(const struct pdfkit *k);
/* Size of the current page (A4 portrait when there is none yet). */
float pdfkit_page_width(const struct pdfkit *k);
float pdfkit_page_height(const struct pdfkit *k);
/* Start a new page unless `height` more points fit on this one. */
void pdfkit_need(struct pdfkit *k, float height);
float pdfkit_y(const struct pdfkit *k);
void pdfkit_move(struct pdfkit *k, float dy);
size_t pdfkit_page_count(const struct pdfkit *k);

/* Width of text in a font and size. */
float pdfkit_width(struct pdfkit *k, enum pdf_font f, float size,
                   const char *text);
/* Width of the first len bytes of text (a whole number of characters). */
float pdfkit_width_n(struct pdfkit *k, enum pdf_font f, float size,
                     const char *text, size_t len);
/*
 * Advance width of one character in 1/1000 em (0 for characters the
 * font lacks).  Cached: measuring costs an array look-up.
 */
int pdfkit_char_width(struct pdfkit *k, enum pdf_font f, unsigned cp);
/* The font's ascent (positive) and descent (negative) in 1/1000 em. */
float pdfkit_ascent(const struct pdfkit *k, enum pdf_font f);
float pdfkit_descent(const struct pdfkit *k, enum pdf_font f);

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

/*
 * Height of the PNG or JPEG image at path drawn `width` points wide
 * (its aspect kept), loading it into the document on first use; 0 when
 * it cannot be loaded (the error is reported at save).
 */
float pdfkit_image_height(struct pdfkit *k, const char *path, float width);

void pdfkit_rect(struct pdfkit *k, float x, float y, float w, float h,
                 const struct rgb *fill);
void pdfkit_line(struct pdfkit *k, float x0, float y0, float x1, float y1,
                 float width, const struct rgb *color);

/*
 * Top-level (parent NULL) or nested bookmark to the cursor position,
 * shown opened (its children visible) in the bookmarks pane.
 */
void *pdfkit_bookmark(struct pdfkit *k, void *parent, const char *title);

/*
 * A bookmark to (page, y) under parent (NULL: top level); `open` shows
 * its children.  The file opens with the bookmarks pane shown once any
 * bookmark exists.
 */
void *pdfkit_outline(struct pdfkit *k, void *parent, const char *title,
                     size_t page, float y, int open);

/*
 * Name a place as a link target: the cursor on the current page, or
 * (page, y).  Names are unique; a second definition is an error reported
 * at save.
 */
void pdfkit_anchor(struct pdfkit *k, const char *name);
void pdfkit_anchor_at(struct pdfkit *k, size_t page, float y,
                      const char *name);
/*
 * A clickable rectangle (x, y = bottom-left) on the current page, or on
 * page `page`, that jumps to the place called `name`.  The name may be
 * defined later; an undefined name is an error reported at save.
 */
void pdfkit_link(struct pdfkit *k, float x, float y, float w, float h,
                 const char *name);
void pdfkit_link_on(struct pdfkit *k, size_t page, float x, float y,
                    float w, float h, const char *name);

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
 * page, then serialise the document (pdfkit_save_doc).  A left text too
 * long for the room beside the page number is cut with an ellipsis.
 */
unsigned char *pdfkit_save(struct pdfkit *k, const char *footer_left,
                           const char *page_word, const char *of_word,
                           size_t *len,
                           struct cg_errors *errs);

/*
 * Serialise the document as it is (no footers added): resolve links,
 * write metadata, fix the fonts' ToUnicode maps.  Returns a malloc'd
 * buffer (free it) and its length, or NULL with an error saying which
 * page and operation libharu failed on.  Same content and `when` give
 * byte-identical output.
 */
unsigned char *pdfkit_save_doc(struct pdfkit *k, size_t *len,
                               struct cg_errors *errs);

/*
 * pdfkit_save_doc() and write the bytes to path all-or-nothing ("-" is
 * standard output).  On any failure no file is left and the error names
 * the path.  Returns 1 on success.
 */
int pdfkit_write(struct pdfkit *k, const char *path, struct cg_errors *errs);

#endif
