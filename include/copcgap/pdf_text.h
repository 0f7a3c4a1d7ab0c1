/*
 * pdf_text.h — line breaking and fitting of UTF-8 text for the PDF layer.
 *
 * Lines break at spaces and after a hyphen between two word characters
 * ("training-" / "record"), never inside a word.  A word wider than the
 * box first makes the whole text smaller, down to a floor the caller
 * gives, and only then is broken between two characters (never inside a
 * UTF-8 sequence).  Explicit newlines end lines.
 *
 * Widths come from pdfkit's cached font metrics, in whole 1/1000 em
 * units, so measuring a text in pieces gives the same sum as measuring
 * it whole (libharu applies no kerning).
 */
#ifndef COPCGAP_PDF_TEXT_H
#define COPCGAP_PDF_TEXT_H

#include <stddef.h>

#include "copcgap/arena.h"
#include "copcgap/pdfkit.h"

/* One line: text[off .. off + len), width in points at the size used. */
struct pdf_line {
    size_t off, len;
    float width;
};

struct pdf_piece;

/*
 * The lines of one text.  Reuse one struct for many texts (its arrays
 * are kept); free with pdf_lines_free().
 */
struct pdf_lines {
    const char *text;           /* the text broken (not a copy) */
    struct pdf_line *v;
    size_t n, cap;
    float size;                 /* font size the lines were made for */
    int char_wrapped;           /* a word had to be broken */
    struct pdf_piece *pieces;   /* scratch */
    size_t npieces, pieces_cap;
};

#define PDF_LINES_INIT { NULL, NULL, 0, 0, 0, 0, NULL, 0, 0 }

/*
 * Break text (NULL = "") into lines no wider than width at `size`,
 * shrinking to no less than min_size first when a word does not fit
 * (min_size >= size: never shrink).  Replaces out's lines; an empty text
 * gives one empty line.  Returns the size used (also out->size).
 */
float pdf_text_break(struct pdfkit *k, enum pdf_font f, float size,
                     float min_size, float width, const char *text,
                     struct pdf_lines *out);
void pdf_lines_free(struct pdf_lines *l);

/*
 * Bytes of text that fit in width together with a trailing ellipsis
 * ("…"), cut at a character boundary with trailing spaces dropped; the
 * whole length when the text fits as it is (*cut = 0 then).
 */
size_t pdf_text_cut(struct pdfkit *k, enum pdf_font f, float size,
                    float width, const char *text, int *cut);

/* text itself when it fits in width, else an arena copy cut with "…". */
const char *pdf_text_ellipsize(struct pdfkit *k, enum pdf_font f,
                               float size, float width, const char *text,
                               struct arena *a);

/*
 * Largest size <= size (and >= min_size) at which text fits on one line
 * of width; min_size when even that is too wide.
 */
float pdf_text_fit_size(struct pdfkit *k, enum pdf_font f, float size,
                        float min_size, float width, const char *text);

#endif
