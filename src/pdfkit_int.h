/*
 * pdfkit_int.h — the inside of struct pdfkit, shared by pdfkit.c and
 * pdf_canvas.c (which replays recorded boxes with libharu calls).
 *
 * Private to src/pdf*.c: it exposes libharu types, and only the PDF
 * modules may include <hpdf.h>.
 */
#ifndef COPCGAP_PDFKIT_INT_H
#define COPCGAP_PDFKIT_INT_H

#include <stdint.h>

#include <hpdf.h>

#include "copcgap/pdfkit.h"

struct pdfkit_font {
    HPDF_Font h;
    int16_t *w;             /* advance widths by code point, -1 unknown */
    float ascent, descent;  /* 1/1000 em */
};

struct pdfkit_anchor {
    char *name;
    size_t page;
    float y;
};

struct pdfkit_link {
    char *name;
    size_t page;
    float x, y, w, h;
};

/* An image loaded once per document (a logo). */
struct pdfkit_image {
    char *path;
    HPDF_Image h;               /* NULL when it failed to load */
    float w, h_px;              /* size in pixels */
};

struct pdfkit {
    HPDF_Doc pdf;
    struct pdfkit_font font[2];
    HPDF_Page *pages;
    unsigned char *landscape;   /* per page */
    size_t npages, pages_cap, land_cap;
    HPDF_Page page;
    size_t cur;                 /* index of page */
    float y;                    /* cursor: top of the next line */
    const struct pdf_table *table;  /* table whose header repeats */

    /* The first libharu error, and where it happened. */
    HPDF_STATUS error;
    HPDF_STATUS detail;
    const char *op;             /* what pdfkit was doing (static text) */
    const char *err_op;
    char *err_text;             /* err_op when it is not static: owned */
    size_t err_page;            /* 1-based; 0 = no page yet */

    time_t when;
    char *lang;
    char *title, *author, *subject, *keywords, *creator;
    struct pdfkit_anchor *anchors;
    size_t nanchors, anchors_cap;
    struct pdfkit_link *links;
    size_t nlinks, links_cap;
    struct pdfkit_image *images;
    size_t nimages, images_cap;
    int has_outline;
    int finished;               /* links resolved, catalog done */
};

/* Set what is being done, for error messages; returns the previous. */
static inline const char *pdfkit_doing(struct pdfkit *k, const char *op)
{
    const char *prev = k->op;
    k->op = op;
    return prev;
}

/* The image at path, loaded on first use (NULL when it cannot be: the
 * libharu error is recorded and reported at save). */
const struct pdfkit_image *pdfkit_image(struct pdfkit *k, const char *path);

#endif
