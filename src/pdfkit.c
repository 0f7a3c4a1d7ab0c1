/*
 * pdfkit.c — page layout over libharu (see pdfkit.h).
 *
 * libharu facts relied on (shared/spec/library-notes.md): UTF-8 text
 * needs HPDF_UseUTFEncodings + the "UTF-8" encoder and an embedded TTF;
 * HPDF_Font_TextWidth measures UTF-8 correctly; output is reproducible
 * when the info dates are set explicitly.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <hpdf.h>

#include "copcgap/infile.h"
#include "copcgap/pdfkit.h"
#include "copcgap/strbuf.h"
#include "copcgap/utf8.h"

/* The largest font file loaded (docs/limits.md; DejaVuSans is 740 KB). */
#define FONT_MAX_BYTES (UINT64_C(64) << 20)

#define FOOTER_Y 28.0f
#define LINE_GAP 1.25f          /* line height = size * LINE_GAP */
#define CELL_PAD 3.0f

struct pdfkit {
    HPDF_Doc pdf;
    HPDF_Font font[2];
    HPDF_Page *pages;
    size_t npages, pages_cap;
    HPDF_Page page;
    float y;                    /* cursor: top of the next line */
    const struct pdf_table *table;  /* table whose header repeats */
    HPDF_STATUS error;          /* first libharu error */
    HPDF_STATUS detail;
    time_t when;
};

static void on_hpdf_error(HPDF_STATUS error, HPDF_STATUS detail, void *user)
{
    struct pdfkit *k = user;
    if (!k->error) {
        k->error = error;
        k->detail = detail;
    }
}

static HPDF_Font load_font(struct pdfkit *k, const char *dir,
                           const char *file, struct cg_errors *errs)
{
    struct strbuf sb = STRBUF_INIT;
    struct cg_errors why = CG_ERRORS_INIT;
    const char *name;
    HPDF_Font f = NULL;
    int fd;

    strbuf_printf(&sb, "%s/%s", dir, file);
    /* Checked through infile_open first: libharu opens the font by name,
     * and a FIFO or a device there would hang or never end. */
    fd = infile_open(sb.buf, sb.buf, "a font", FONT_MAX_BYTES, 0, NULL,
                     &why);
    if (fd < 0) {
        /* A font there but not a regular file (or too large) says so;
         * an absent one gets the hint. */
        if (why.n && strncmp(why.v[0].msg, "cannot open", 11) != 0)
            errors_add(errs, CG_ERR_IO, sb.buf, 0, 0, "%s", why.v[0].msg);
        else
            errors_add(errs, CG_ERR_IO, sb.buf, 0, 0, "cannot open font "
                       "(install fonts-dejavu-core, or set --font-dir / "
                       "COPCGAP_FONT_DIR)");
        errors_free(&why);
        strbuf_free(&sb);
        return NULL;
    }
    close(fd);
    name = HPDF_LoadTTFontFromFile(k->pdf, sb.buf, HPDF_TRUE);
    if (name)
        f = HPDF_GetFont(k->pdf, name, "UTF-8");
    if (!f)
        errors_add(errs, CG_ERR_IO, sb.buf, 0, 0,
                   "cannot load TrueType font (libharu error 0x%04X)",
                   (unsigned)k->error);
    strbuf_free(&sb);
    return f;
}

static void set_date(struct pdfkit *k, HPDF_InfoType which)
{
    HPDF_Date d;
    struct tm tm;

    gmtime_r(&k->when, &tm);
    memset(&d, 0, sizeof d);
    d.year = tm.tm_year + 1900;
    d.month = tm.tm_mon + 1;
    d.day = tm.tm_mday;
    d.hour = tm.tm_hour;
    d.minutes = tm.tm_min;
    d.seconds = tm.tm_sec;
    d.ind = 'Z';
    HPDF_SetInfoDateAttr(k->pdf, which, d);
}

struct pdfkit *pdfkit_new(const char *font_dir, time_t when,
                          struct cg_errors *errs)
{
    struct pdfkit *k = xcalloc(1, sizeof *k);

    k->when = when;
    k->pdf = HPDF_New(on_hpdf_error, k);
    if (!k->pdf) {
        errors_add(errs, CG_ERR_INTERNAL, NULL, 0, 0,
                   "cannot create PDF document");
        free(k);
        return NULL;
    }
    HPDF_SetCompressionMode(k->pdf, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(k->pdf);
    HPDF_SetCurrentEncoder(k->pdf, "UTF-8");
    k->font[PDF_REGULAR] = load_font(k, font_dir, "DejaVuSans.ttf", errs);
    k->font[PDF_BOLD] = k->font[PDF_REGULAR]
        ? load_font(k, font_dir, "DejaVuSans-Bold.ttf", errs) : NULL;
    if (!k->font[PDF_REGULAR] || !k->font[PDF_BOLD]) {
        pdfkit_free(k);
        return NULL;
    }
    set_date(k, HPDF_INFO_CREATION_DATE);
    set_date(k, HPDF_INFO_MOD_DATE);
    HPDF_SetInfoAttr(k->pdf, HPDF_INFO_CREATOR, "copcgap " COPCGAP_VERSION);
    HPDF_SetInfoAttr(k->pdf, HPDF_INFO_PRODUCER, "copcgap with libharu");
    return k;
}

void pdfkit_free(struct pdfkit *k)
{
    if (!k)
        return;
    if (k->pdf)
        HPDF_Free(k->pdf);
    free(k->pages);
    free(k);
}

void pdfkit_set_info(struct pdfkit *k, const char *title, const char *author,
                     const char *subject)
{
    if (title)
        HPDF_SetInfoAttr(k->pdf, HPDF_INFO_TITLE, title);
    if (author)
        HPDF_SetInfoAttr(k->pdf, HPDF_INFO_AUTHOR, author);
    if (subject)
        HPDF_SetInfoAttr(k->pdf, HPDF_INFO_SUBJECT, subject);
}

/* A page break inside a table keeps the table (its header repeats). */
static void add_page(struct pdfkit *k)
{
    k->page = HPDF_AddPage(k->pdf);
    HPDF_Page_SetSize(k->page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
    VEC_PUSH(k->pages, k->npages, k->pages_cap) = k->page;
    k->y = PDF_PAGE_H - PDF_MARGIN;
}

void pdfkit_new_page(struct pdfkit *k)
{
    k->table = NULL;            /* a new section: no header to repeat */
    add_page(k);
}

void pdfkit_table_end(struct pdfkit *k)
{
    k->table = NULL;
}

float pdfkit_y(const struct pdfkit *k) { return k->y; }
void pdfkit_move(struct pdfkit *k, float dy) { k->y -= dy; }
size_t pdfkit_page_count(const struct pdfkit *k) { return k->npages; }

static int fits(const struct pdfkit *k, float height)
{
    return k->page && k->y - height >= PDF_MARGIN;
}

void pdfkit_need(struct pdfkit *k, float height)
{
    if (!fits(k, height)) {
        add_page(k);
        if (k->table)
            pdfkit_table_header(k, k->table);
    }
}

float pdfkit_width(struct pdfkit *k, enum pdf_font f, float size,
                   const char *text)
{
    HPDF_TextWidth tw;
    size_t len = strlen(text);

    if (len == 0)
        return 0;
    tw = HPDF_Font_TextWidth(k->font[f], (const HPDF_BYTE *)text,
                             (HPDF_UINT)len);
    return (float)tw.width * size / 1000.0f;
}

static float width_n(struct pdfkit *k, enum pdf_font f, float size,
                     const char *text, size_t len)
{
    HPDF_TextWidth tw;
    if (len == 0)
        return 0;
    tw = HPDF_Font_TextWidth(k->font[f], (const HPDF_BYTE *)text,
                             (HPDF_UINT)len);
    return (float)tw.width * size / 1000.0f;
}

/*
 * Length in bytes of the longest prefix of s (up to its end or a newline)
 * that fits in width, broken after a space when possible, else at a
 * character boundary.  Always at least one character.
 */
static size_t fit_line(struct pdfkit *k, enum pdf_font f, float size,
                       const char *s, float width, size_t *skip)
{
    size_t end = strcspn(s, "\n"), best_space = 0, i = 0, last_fit = 0;

    *skip = 0;
    if (width_n(k, f, size, s, end) <= width) {
        *skip = s[end] == '\n';
        return end;
    }
    while (i < end) {
        size_t n = utf8_char_len(s + i, end - i);
        if (n == 0)
            n = 1;
        if (width_n(k, f, size, s, i + n) > width)
            break;
        i += n;
        last_fit = i;
        if (s[i] == ' ')
            best_space = i;
    }
    if (best_space > 0) {
        *skip = 1;              /* drop the space at the break */
        return best_space;
    }
    if (last_fit == 0) {
        size_t n = utf8_char_len(s, end);
        last_fit = n ? n : 1;
    }
    return last_fit;
}

static float line_height(float size)
{
    return size * LINE_GAP;
}

static void draw_line(struct pdfkit *k, enum pdf_font f, float size,
                      const struct rgb *color, float x, float baseline,
                      const char *text, size_t len)
{
    char *tmp = xstrndup(text, len);

    HPDF_Page_BeginText(k->page);
    HPDF_Page_SetFontAndSize(k->page, k->font[f], size);
    if (color)
        HPDF_Page_SetRGBFill(k->page, color->r, color->g, color->b);
    else
        HPDF_Page_SetRGBFill(k->page, 0, 0, 0);
    HPDF_Page_TextOut(k->page, x, baseline, tmp);
    HPDF_Page_EndText(k->page);
    free(tmp);
}

/*
 * Lay out the paragraph; draw it when `draw`, each line aligned within
 * [x, x + width].  Returns its height.
 */
static float layout(struct pdfkit *k, enum pdf_font f, float size,
                    const struct rgb *color, float x, float width,
                    enum pdf_align align, const char *text, int draw,
                    float top)
{
    const char *s = text ? text : "";
    float lh = line_height(size), h = 0;

    do {
        size_t skip, n = fit_line(k, f, size, s, width, &skip);
        if (draw) {
            float lx = x;
            if (align != ALIGN_LEFT) {
                float w = width_n(k, f, size, s, n);
                lx = align == ALIGN_RIGHT ? x + width - w
                                          : x + (width - w) / 2;
            }
            draw_line(k, f, size, color, lx, top - h - size, s, n);
        }
        h += lh;
        s += n + skip;
    } while (*s);
    return h;
}

float pdfkit_para_height(struct pdfkit *k, enum pdf_font f, float size,
                         float width, const char *text)
{
    return layout(k, f, size, NULL, 0, width, ALIGN_LEFT, text, 0, 0);
}

float pdfkit_para(struct pdfkit *k, enum pdf_font f, float size,
                  const struct rgb *color, float x, float width,
                  const char *text)
{
    const char *s = text ? text : "";
    float lh = line_height(size), used = 0;

    /* Line by line so that a long paragraph can cross a page break. */
    do {
        size_t skip, n = fit_line(k, f, size, s, width, &skip);
        pdfkit_need(k, lh);
        draw_line(k, f, size, color, x, k->y - size, s, n);
        k->y -= lh;
        used += lh;
        s += n + skip;
    } while (*s);
    return used;
}

void pdfkit_text_at(struct pdfkit *k, enum pdf_font f, float size,
                    const struct rgb *color, float x, float y,
                    enum pdf_align align, const char *text)
{
    float w = pdfkit_width(k, f, size, text);
    if (align == ALIGN_RIGHT)
        x -= w;
    else if (align == ALIGN_CENTER)
        x -= w / 2;
    draw_line(k, f, size, color, x, y, text, strlen(text));
}

void pdfkit_rect(struct pdfkit *k, float x, float y, float w, float h,
                 const struct rgb *fill)
{
    HPDF_Page_SetRGBFill(k->page, fill->r, fill->g, fill->b);
    HPDF_Page_Rectangle(k->page, x, y, w, h);
    HPDF_Page_Fill(k->page);
}

void pdfkit_line(struct pdfkit *k, float x0, float y0, float x1, float y1,
                 float width, const struct rgb *color)
{
    HPDF_Page_SetLineWidth(k->page, width);
    HPDF_Page_SetRGBStroke(k->page, color->r, color->g, color->b);
    HPDF_Page_MoveTo(k->page, x0, y0);
    HPDF_Page_LineTo(k->page, x1, y1);
    HPDF_Page_Stroke(k->page);
}

void *pdfkit_bookmark(struct pdfkit *k, void *parent, const char *title)
{
    HPDF_Outline o;
    HPDF_Destination d;

    if (!k->page)
        pdfkit_new_page(k);
    o = HPDF_CreateOutline(k->pdf, (HPDF_Outline)parent, title,
                           HPDF_GetEncoder(k->pdf, "UTF-8"));
    d = HPDF_Page_CreateDestination(k->page);
    HPDF_Destination_SetXYZ(d, 0, k->y + 20, 1);
    HPDF_Outline_SetDestination(o, d);
    HPDF_Outline_SetOpened(o, HPDF_FALSE);
    return o;
}

/* ------------------------------------------------------------- tables */

static float row_height(struct pdfkit *k, const struct pdf_table *t,
                        const char *const *cells, enum pdf_font f)
{
    float h = 0;
    size_t i;
    for (i = 0; i < t->ncols; i++) {
        float ch = pdfkit_para_height(k, f, t->size,
                                      t->widths[i] - 2 * CELL_PAD,
                                      cells[i] ? cells[i] : "");
        if (ch > h)
            h = ch;
    }
    return h + 2 * CELL_PAD;
}

static void draw_row(struct pdfkit *k, const struct pdf_table *t,
                     const char *const *cells, const struct rgb *fill,
                     const struct rgb *const *cell_fill, enum pdf_font f,
                     float h)
{
    static const struct rgb rule = { 0.8f, 0.8f, 0.8f };
    float x = PDF_MARGIN, total = 0;
    size_t i;

    for (i = 0; i < t->ncols; i++)
        total += t->widths[i];
    if (fill)
        pdfkit_rect(k, PDF_MARGIN, k->y - h, total, h, fill);
    for (i = 0; i < t->ncols; i++) {
        const char *cell = cells[i] ? cells[i] : "";
        float cw = t->widths[i] - 2 * CELL_PAD;
        enum pdf_align al = t->align ? t->align[i] : ALIGN_LEFT;
        if (cell_fill && cell_fill[i])
            pdfkit_rect(k, x, k->y - h, t->widths[i], h, cell_fill[i]);
        layout(k, f, t->size, NULL, x + CELL_PAD, cw, al, cell, 1,
               k->y - CELL_PAD);
        x += t->widths[i];
    }
    pdfkit_line(k, PDF_MARGIN, k->y - h, PDF_MARGIN + total, k->y - h, 0.5f,
                &rule);
    k->y -= h;
}

void pdfkit_table_header(struct pdfkit *k, const struct pdf_table *t)
{
    static const struct rgb grey = { 0.88f, 0.9f, 0.93f };
    float h;

    k->table = t;
    if (!t->header)
        return;
    h = row_height(k, t, t->header, PDF_BOLD);
    if (!fits(k, h * 2))
        add_page(k);
    draw_row(k, t, t->header, t->header_fill ? t->header_fill : &grey, NULL,
             PDF_BOLD, h);
}

void pdfkit_table_row(struct pdfkit *k, const struct pdf_table *t,
                      const char *const *cells, const struct rgb *fill,
                      const struct rgb *const *cell_fill, int bold)
{
    enum pdf_font f = bold ? PDF_BOLD : PDF_REGULAR;
    float h = row_height(k, t, cells, f);

    k->table = t;
    pdfkit_need(k, h);
    draw_row(k, t, cells, fill, cell_fill, f, h);
}

/* ------------------------------------------------------------- output */

unsigned char *pdfkit_save(struct pdfkit *k, const char *footer_left,
                           const char *page_word, const char *of_word,
                           size_t *len,
                           struct cg_errors *errs)
{
    static const struct rgb grey = { 0.45f, 0.45f, 0.45f };
    unsigned char *buf = NULL;
    HPDF_UINT32 size;
    size_t i;

    if (!k->npages)
        pdfkit_new_page(k);
    for (i = 0; i < k->npages; i++) {
        struct strbuf sb = STRBUF_INIT;
        k->page = k->pages[i];
        strbuf_printf(&sb, "%s %zu %s %zu", page_word ? page_word : "page",
                      i + 1, of_word ? of_word : "of", k->npages);
        if (footer_left) {
            /* Cut the left text short of the page number. */
            float room = PDF_PAGE_W - 2 * PDF_MARGIN - 20 -
                         pdfkit_width(k, PDF_REGULAR, 8, strbuf_cstr(&sb));
            size_t skip, n = fit_line(k, PDF_REGULAR, 8, footer_left, room,
                                      &skip);
            char *cut = xstrndup(footer_left, n);
            pdfkit_text_at(k, PDF_REGULAR, 8, &grey, PDF_MARGIN, FOOTER_Y,
                           ALIGN_LEFT, cut);
            free(cut);
        }
        pdfkit_text_at(k, PDF_REGULAR, 8, &grey, PDF_PAGE_W - PDF_MARGIN,
                       FOOTER_Y, ALIGN_RIGHT, strbuf_cstr(&sb));
        strbuf_free(&sb);
    }
    if (k->error == 0 && HPDF_SaveToStream(k->pdf) == HPDF_OK) {
        size = HPDF_GetStreamSize(k->pdf);
        buf = xmalloc(size ? size : 1);
        HPDF_STATUS st = HPDF_ReadFromStream(k->pdf, buf, &size);
        if (st != HPDF_OK && st != HPDF_STREAM_EOF && k->error == 0)
            k->error = st;
        *len = size;
    }
    if (k->error) {
        errors_add(errs, CG_ERR_INTERNAL, NULL, 0, 0,
                   "PDF generation failed (libharu error 0x%04X, detail %u)",
                   (unsigned)k->error, (unsigned)k->detail);
        free(buf);
        return NULL;
    }
    return buf;
}
