/*
 * pdfkit.c — page layout and document plumbing over libharu (see
 * pdfkit.h).
 *
 * libharu facts relied on (Debian 12's libharu 2.3.0, read from its
 * source and tried): UTF-8 text needs HPDF_UseUTFEncodings + the "UTF-8" encoder
 * and an embedded TTF, whose text codes are then the Unicode values
 * (Identity-H); a font's widths are the sum of its characters' advance
 * widths (no kerning); output is reproducible when the info dates are
 * set explicitly.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <png.h>

#include "pdfkit_int.h"

#include "copcgap/infile.h"
#include "copcgap/outfile.h"
#include "copcgap/pdf_text.h"
#include "copcgap/pdfkit.h"
#include "copcgap/strbuf.h"
#include "copcgap/utf8.h"

/* The largest font file loaded (docs/limits.md; DejaVuSans is 740 KB). */
#define FONT_MAX_BYTES (UINT64_C(64) << 20)

#define FOOTER_Y 28.0f
#define LINE_GAP 1.25f          /* line height = size * LINE_GAP */
#define CELL_PAD 3.0f
/* Table cells shrink to this share of their size before a long word is
 * broken between characters ("Cláusul/a" in a narrow column). */
#define CELL_SHRINK 0.75f

/* ------------------------------------------------------------- errors */

static void on_hpdf_error(HPDF_STATUS error, HPDF_STATUS detail, void *user)
{
    struct pdfkit *k = user;
    if (!k->error) {
        k->error = error;
        k->detail = detail;
        k->err_op = k->op;
        k->err_page = k->page ? k->cur + 1 : 0;
    }
}

/* libharu's codes for what can go wrong while drawing and saving. */
static const struct {
    HPDF_STATUS code;
    const char *what;
} hpdf_errors[] = {
    { HPDF_FAILD_TO_ALLOC_MEM, "out of memory" },
    { HPDF_FILE_IO_ERROR, "file input/output error" },
    { HPDF_FILE_OPEN_ERROR, "cannot open file" },
    { HPDF_INVALID_DOCUMENT, "invalid document" },
    { HPDF_INVALID_PARAMETER, "invalid parameter" },
    { HPDF_INVALID_PAGE, "invalid page" },
    { HPDF_INVALID_FONT_NAME, "invalid font name" },
    { HPDF_PAGE_INVALID_FONT, "invalid font" },
    { HPDF_PAGE_INVALID_FONT_SIZE, "invalid font size" },
    { HPDF_PAGE_INVALID_GMODE, "operation not allowed here" },
    { HPDF_PAGE_INVALID_SIZE, "invalid page size" },
    { HPDF_PAGE_OUT_OF_RANGE, "value out of range" },
    { HPDF_REAL_OUT_OF_RANGE, "number out of range" },
    { HPDF_STRING_OUT_OF_RANGE, "string too long" },
    { HPDF_EXCEED_GSTATE_LIMIT, "graphics states nested too deep" },
    { HPDF_PAGE_CANNOT_RESTORE_GSTATE, "unbalanced graphics state" },
    { HPDF_TTF_CANNOT_EMBEDDING_FONT, "font may not be embedded" },
    { HPDF_TTF_INVALID_CMAP, "font has no usable character map" },
    { HPDF_TTF_INVALID_FOMAT, "not a TrueType font" },
    { HPDF_TTF_MISSING_TABLE, "font lacks a required table" },
    { HPDF_INVALID_DESTINATION, "invalid link destination" },
    { HPDF_INVALID_OUTLINE, "invalid bookmark" },
    { HPDF_ZLIB_ERROR, "compression failed" },
    { HPDF_INVALID_PNG_IMAGE, "not a usable PNG image" },
    { HPDF_INVALID_JPEG_DATA, "not a usable JPEG image" },
    { HPDF_XREF_COUNT_ERR, "too many objects" },
    { HPDF_DICT_COUNT_ERR, "dictionary too large" },
    { HPDF_ARRAY_COUNT_ERR, "array too large" },
};

static const char *hpdf_error_text(HPDF_STATUS code)
{
    size_t i;
    for (i = 0; i < ARRAY_LEN(hpdf_errors); i++)
        if (hpdf_errors[i].code == code)
            return hpdf_errors[i].what;
    return "libharu error";
}

/* The recorded libharu error as one located message. */
static void report_error(const struct pdfkit *k, const char *file,
                         struct cg_errors *errs)
{
    struct strbuf sb = STRBUF_INIT;

    strbuf_adds(&sb, "cannot write PDF: ");
    if (k->err_page)
        strbuf_printf(&sb, "page %zu, ", k->err_page);
    if (k->err_text)            /* a failure of ours, fully worded */
        strbuf_adds(&sb, k->err_text);
    else
        strbuf_printf(&sb, "%s: %s (libharu error 0x%04X, detail %u)",
                      k->err_op ? k->err_op : "building the document",
                      hpdf_error_text(k->error), (unsigned)k->error,
                      (unsigned)k->detail);
    errors_add(errs, CG_ERR_INTERNAL, file, 0, 0, "%s", strbuf_cstr(&sb));
    strbuf_free(&sb);
}

/* -------------------------------------------------------------- fonts */

/*
 * libharu 2.3.0 gives each TrueType font a ToUnicode stream holding
 * "1 begincidrange <0000> <FFFF> 0 endcidrange": a CID-keyed CMap
 * operator that has no meaning in a ToUnicode map (poppler warns on
 * every page, PDFBox rejects the map).  The stream is made when the
 * font object is (HPDF_GetFont -> HPDF_Type0Font_New -> CreateCMap) and
 * is not touched again, so its contents can be replaced right after.
 * Text codes are Unicode values (Identity-H over a Unicode CID map), so
 * the valid map is the identity: one bfrange per first byte, since a
 * bfrange may not cross a first byte, leaving out the surrogate block
 * (not characters) and the C0 controls (never drawn).
 */
static HPDF_STATUS write_to_unicode(HPDF_Stream st)
{
    static const char head[] =
        "/CIDInit /ProcSet findresource begin\n"
        "12 dict begin\n"
        "begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
        "/Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n"
        "/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    static const char tail[] =
        "endcmap\n"
        "CMapName currentdict /CMap defineresource pop\n"
        "end\nend\n";
    /* The first bytes: all but the surrogate block D8-DF. */
    enum { SURR_FIRST = 0xD8, SURR_N = 8, NRANGES = 256 - SURR_N };
    HPDF_STATUS ret = HPDF_Stream_WriteStr(st, head);
    unsigned i, j;

    /* At most 100 entries between beginbfrange and endbfrange. */
    for (i = 0; i < NRANGES && ret == HPDF_OK; i += 100) {
        unsigned m = NRANGES - i < 100 ? NRANGES - i : 100;
        char line[64];
        snprintf(line, sizeof line, "%u beginbfrange\n", m);
        ret += HPDF_Stream_WriteStr(st, line);
        for (j = i; j < i + m; j++) {
            unsigned b = j < SURR_FIRST ? j : j + SURR_N;
            unsigned lo = b == 0 ? 0x20 : 0x00;
            snprintf(line, sizeof line, "<%02X%02X> <%02XFF> <%02X%02X>\n",
                     b, lo, b, b, lo);
            ret += HPDF_Stream_WriteStr(st, line);
        }
        ret += HPDF_Stream_WriteStr(st, "endbfrange\n");
    }
    ret += HPDF_Stream_WriteStr(st, tail);
    return ret;
}

static int fix_to_unicode(struct pdfkit *k, HPDF_Font font)
{
    HPDF_Dict cmap = HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT);
    HPDF_Dict info;
    HPDF_STATUS ret = HPDF_OK;

    if (!cmap || !cmap->stream)
        return 0;
    HPDF_MemStream_FreeData(cmap->stream);
    ret += write_to_unicode(cmap->stream);
    /* The stream dictionary described the CID map it replaced. */
    ret += HPDF_Dict_AddName(cmap, "CMapName", "Adobe-Identity-UCS");
    info = HPDF_Dict_New(k->pdf->mmgr);
    if (!info)
        return 0;
    ret += HPDF_Dict_Add(cmap, "CIDSystemInfo", info);
    ret += HPDF_Dict_Add(info, "Registry",
                         HPDF_String_New(k->pdf->mmgr, "Adobe", NULL));
    ret += HPDF_Dict_Add(info, "Ordering",
                         HPDF_String_New(k->pdf->mmgr, "UCS", NULL));
    ret += HPDF_Dict_AddNumber(info, "Supplement", 0);
    return ret == HPDF_OK;
}

static int load_font(struct pdfkit *k, enum pdf_font which, const char *dir,
                     const char *file, struct cg_errors *errs)
{
    struct pdfkit_font *pf = &k->font[which];
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
        return 0;
    }
    close(fd);
    name = HPDF_LoadTTFontFromFile(k->pdf, sb.buf, HPDF_TRUE);
    if (name)
        f = HPDF_GetFont(k->pdf, name, "UTF-8");
    if (!f || !fix_to_unicode(k, f)) {
        errors_add(errs, CG_ERR_IO, sb.buf, 0, 0,
                   "cannot load TrueType font: %s (libharu error 0x%04X)",
                   hpdf_error_text(k->error), (unsigned)k->error);
        strbuf_free(&sb);
        return 0;
    }
    pf->h = f;
    pf->ascent = (float)HPDF_Font_GetAscent(f);
    pf->descent = (float)HPDF_Font_GetDescent(f);
    strbuf_free(&sb);
    return 1;
}

float pdfkit_ascent(const struct pdfkit *k, enum pdf_font f)
{
    return k->font[f].ascent;
}

float pdfkit_descent(const struct pdfkit *k, enum pdf_font f)
{
    return k->font[f].descent;
}

/* ----------------------------------------------------------- document */

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
    pdfkit_doing(k, "loading fonts");
    HPDF_SetCompressionMode(k->pdf, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(k->pdf);
    HPDF_SetCurrentEncoder(k->pdf, "UTF-8");
    if (!load_font(k, PDF_REGULAR, font_dir, "DejaVuSans.ttf", errs) ||
        !load_font(k, PDF_BOLD, font_dir, "DejaVuSans-Bold.ttf", errs)) {
        pdfkit_free(k);
        return NULL;
    }
    set_date(k, HPDF_INFO_CREATION_DATE);
    set_date(k, HPDF_INFO_MOD_DATE);
    HPDF_SetInfoAttr(k->pdf, HPDF_INFO_PRODUCER, "copcgap with libharu");
    k->creator = xstrdup("copcgap " COPCGAP_VERSION);
    HPDF_SetInfoAttr(k->pdf, HPDF_INFO_CREATOR, k->creator);
    pdfkit_doing(k, NULL);
    return k;
}

void pdfkit_free(struct pdfkit *k)
{
    size_t i;

    if (!k)
        return;
    if (k->pdf)
        HPDF_Free(k->pdf);
    free(k->font[PDF_REGULAR].w);
    free(k->font[PDF_BOLD].w);
    free(k->pages);
    free(k->landscape);
    for (i = 0; i < k->nanchors; i++)
        free(k->anchors[i].name);
    for (i = 0; i < k->nlinks; i++)
        free(k->links[i].name);
    for (i = 0; i < k->nimages; i++)
        free(k->images[i].path);
    free(k->images);
    free(k->anchors);
    free(k->links);
    free(k->err_text);
    free(k->lang);
    free(k->title);
    free(k->author);
    free(k->subject);
    free(k->keywords);
    free(k->creator);
    free(k);
}

/* ------------------------------------------------------------ images */

/* A logo of more pixels than this is refused (it would take 48 MiB
 * decoded). */
#define IMAGE_MAX_PIXELS (4096L * 4096L)

/* Record a failure of ours as the kit's first error (reported at save,
 * like libharu's own). */
static void image_failed(struct pdfkit *k, HPDF_STATUS code,
                         const char *path, const char *why)
{
    struct strbuf sb = STRBUF_INIT;

    if (k->error)
        return;
    strbuf_printf(&sb, "the logo image %s cannot be used: %s", path, why);
    k->error = code;
    k->err_text = strbuf_detach(&sb);
    k->err_op = k->err_text;
    k->err_page = k->page ? k->cur + 1 : 0;
}

/*
 * A PNG is decoded by libpng here, not by libharu: libharu 2.3 lets
 * libpng abort() the process on a damaged file (no setjmp), where
 * libpng's simplified API returns an error.  Transparency is flattened
 * onto white, and libharu gets plain RGB pixels.
 */
static HPDF_Image load_png(struct pdfkit *k, const char *path, int fd)
{
    png_image img;
    png_color white = { 255, 255, 255 };
    unsigned char *px = NULL;
    HPDF_Image h = NULL;
    FILE *fp = fdopen(fd, "rb");

    memset(&img, 0, sizeof img);
    img.version = PNG_IMAGE_VERSION;
    if (!fp) {
        close(fd);
        image_failed(k, HPDF_INVALID_PNG_IMAGE, path, strerror(errno));
        return NULL;
    }
    if (!png_image_begin_read_from_stdio(&img, fp)) {
        image_failed(k, HPDF_INVALID_PNG_IMAGE, path, img.message);
        goto done;
    }
    if ((long)img.width * (long)img.height > IMAGE_MAX_PIXELS) {
        image_failed(k, HPDF_INVALID_PNG_IMAGE, path,
                     "more than 4096 x 4096 pixels");
        goto done;
    }
    img.format = PNG_FORMAT_RGB;
    px = xmalloc(PNG_IMAGE_SIZE(img));
    if (!png_image_finish_read(&img, &white, px, 0, NULL)) {
        image_failed(k, HPDF_INVALID_PNG_IMAGE, path, img.message);
        goto done;
    }
    h = HPDF_LoadRawImageFromMem(k->pdf, px, img.width, img.height,
                                 HPDF_CS_DEVICE_RGB, 8);
done:
    png_image_free(&img);
    free(px);
    fclose(fp);
    return h;
}

/* A JPEG is embedded as it is (libharu reads only its header). */
static HPDF_Image load_jpeg(struct pdfkit *k, const char *path, int fd)
{
    struct strbuf sb = STRBUF_INIT;
    unsigned char buf[65536];
    HPDF_Image h = NULL;
    long long n;

    while ((n = infile_read(fd, buf, sizeof buf)) > 0)
        strbuf_add(&sb, (const char *)buf, (size_t)n);
    close(fd);
    if (n < 0)
        image_failed(k, HPDF_INVALID_JPEG_DATA, path, strerror(errno));
    else
        h = HPDF_LoadJpegImageFromMem(k->pdf, (const HPDF_BYTE *)sb.buf,
                                      (HPDF_UINT)sb.len);
    strbuf_free(&sb);
    return h;
}

const struct pdfkit_image *pdfkit_image(struct pdfkit *k, const char *path)
{
    static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n',
                                          0x1a, '\n' };
    struct cg_errors why = CG_ERRORS_INIT;
    unsigned char head[8];
    const char *prev;
    struct pdfkit_image *im;
    size_t i;
    int fd;

    for (i = 0; i < k->nimages; i++)
        if (strcmp(k->images[i].path, path) == 0)
            return k->images[i].h ? &k->images[i] : NULL;
    VEC_RESERVE(k->images, k->images_cap, k->nimages + 1);
    im = &k->images[k->nimages++];
    memset(im, 0, sizeof *im);
    im->path = xstrdup(path);
    prev = pdfkit_doing(k, "loading the logo image");
    /* Opened as every input is (a FIFO never blocks), size-capped. */
    fd = infile_open(path, path, "an image", 8u << 20, 0, NULL, &why);
    if (fd < 0) {
        image_failed(k, HPDF_FILE_OPEN_ERROR, path,
                     why.n ? why.v[0].msg : "cannot open");
    } else if (infile_read(fd, head, sizeof head) == (long long)sizeof head &&
               memcmp(head, sig, sizeof sig) == 0) {
        lseek(fd, 0, SEEK_SET);
        im->h = load_png(k, path, fd);
    } else {
        lseek(fd, 0, SEEK_SET);
        im->h = load_jpeg(k, path, fd);
    }
    errors_free(&why);
    if (im->h) {
        im->w = (float)HPDF_Image_GetWidth(im->h);
        im->h_px = (float)HPDF_Image_GetHeight(im->h);
    }
    pdfkit_doing(k, prev);
    return im->h && im->w > 0 ? im : NULL;
}

float pdfkit_image_height(struct pdfkit *k, const char *path, float width)
{
    const struct pdfkit_image *im = pdfkit_image(k, path);
    return im ? width * im->h_px / im->w : 0;
}

/* Replace *dst with a copy of src (NULL leaves it). */
static void keep_text(char **dst, const char *src)
{
    if (!src)
        return;
    free(*dst);
    *dst = xstrdup(src);
}

void pdfkit_set_doc_info(struct pdfkit *k, const struct pdf_doc_info *info)
{
    static const struct {
        HPDF_InfoType type;
        size_t field;
    } map[] = {
        { HPDF_INFO_TITLE, offsetof(struct pdf_doc_info, title) },
        { HPDF_INFO_AUTHOR, offsetof(struct pdf_doc_info, author) },
        { HPDF_INFO_SUBJECT, offsetof(struct pdf_doc_info, subject) },
        { HPDF_INFO_KEYWORDS, offsetof(struct pdf_doc_info, keywords) },
        { HPDF_INFO_CREATOR, offsetof(struct pdf_doc_info, creator) },
    };
    const char *prev = pdfkit_doing(k, "setting document information");
    size_t i;

    for (i = 0; i < ARRAY_LEN(map); i++) {
        const char *v;
        memcpy(&v, (const char *)info + map[i].field, sizeof v);
        if (v)
            HPDF_SetInfoAttr(k->pdf, map[i].type, v);
    }
    keep_text(&k->title, info->title);
    keep_text(&k->author, info->author);
    keep_text(&k->subject, info->subject);
    keep_text(&k->keywords, info->keywords);
    keep_text(&k->creator, info->creator);
    pdfkit_doing(k, prev);
}

void pdfkit_set_info(struct pdfkit *k, const char *title, const char *author,
                     const char *subject)
{
    struct pdf_doc_info info;

    memset(&info, 0, sizeof info);
    info.title = title;
    info.author = author;
    info.subject = subject;
    pdfkit_set_doc_info(k, &info);
}

void pdfkit_set_lang(struct pdfkit *k, const char *lang)
{
    free(k->lang);
    k->lang = lang && *lang ? xstrdup(lang) : NULL;
}

/* -------------------------------------------------------------- pages */

size_t pdfkit_add_page(struct pdfkit *k, int landscape)
{
    const char *prev = pdfkit_doing(k, "adding a page");

    k->page = HPDF_AddPage(k->pdf);
    HPDF_Page_SetSize(k->page, HPDF_PAGE_SIZE_A4,
                      landscape ? HPDF_PAGE_LANDSCAPE : HPDF_PAGE_PORTRAIT);
    VEC_PUSH(k->pages, k->npages, k->pages_cap) = k->page;
    VEC_RESERVE(k->landscape, k->land_cap, k->npages);
    k->landscape[k->npages - 1] = landscape != 0;
    k->cur = k->npages - 1;
    k->y = pdfkit_page_height(k) - PDF_MARGIN;
    pdfkit_doing(k, prev);
    return k->cur;
}

void pdfkit_use_page(struct pdfkit *k, size_t index)
{
    if (index >= k->npages)
        return;
    k->cur = index;
    k->page = k->pages[index];
}

size_t pdfkit_current_page(const struct pdfkit *k)
{
    return k->cur;
}

float pdfkit_page_width(const struct pdfkit *k)
{
    return k->npages && k->landscape[k->cur] ? PDF_PAGE_H : PDF_PAGE_W;
}

float pdfkit_page_height(const struct pdfkit *k)
{
    return k->npages && k->landscape[k->cur] ? PDF_PAGE_W : PDF_PAGE_H;
}

/* A page break inside a table keeps the table (its header repeats). */
static void add_page(struct pdfkit *k)
{
    pdfkit_add_page(k, 0);
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

static float line_height(float size)
{
    return size * LINE_GAP;
}

static void draw_line(struct pdfkit *k, enum pdf_font f, float size,
                      const struct rgb *color, float x, float baseline,
                      const char *text, size_t len)
{
    const char *prev = pdfkit_doing(k, "drawing text");
    char *tmp = xstrndup(text, len);

    HPDF_Page_BeginText(k->page);
    HPDF_Page_SetFontAndSize(k->page, k->font[f].h, size);
    if (color)
        HPDF_Page_SetRGBFill(k->page, color->r, color->g, color->b);
    else
        HPDF_Page_SetRGBFill(k->page, 0, 0, 0);
    HPDF_Page_TextOut(k->page, x, baseline, tmp);
    HPDF_Page_EndText(k->page);
    free(tmp);
    pdfkit_doing(k, prev);
}

/*
 * Lay out the text (line breaks from pdf_text_break, shrinking down to
 * min_size); draw it when `draw`, each line aligned within
 * [x, x + width].  Returns its height.
 */
static float layout(struct pdfkit *k, enum pdf_font f, float size,
                    float min_size, const struct rgb *color, float x,
                    float width, enum pdf_align align, const char *text,
                    int draw, float top)
{
    struct pdf_lines lines = PDF_LINES_INIT;
    float lh, h = 0;
    size_t i;

    size = pdf_text_break(k, f, size, min_size, width, text, &lines);
    lh = line_height(size);
    for (i = 0; i < lines.n; i++) {
        const struct pdf_line *ln = &lines.v[i];
        if (draw) {
            float lx = x;
            if (align == ALIGN_RIGHT)
                lx = x + width - ln->width;
            else if (align == ALIGN_CENTER)
                lx = x + (width - ln->width) / 2;
            draw_line(k, f, size, color, lx, top - h - size,
                      text + ln->off, ln->len);
        }
        h += lh;
    }
    pdf_lines_free(&lines);
    return h;
}

float pdfkit_para_height(struct pdfkit *k, enum pdf_font f, float size,
                         float width, const char *text)
{
    return layout(k, f, size, size, NULL, 0, width, ALIGN_LEFT, text, 0, 0);
}

float pdfkit_para(struct pdfkit *k, enum pdf_font f, float size,
                  const struct rgb *color, float x, float width,
                  const char *text)
{
    struct pdf_lines lines = PDF_LINES_INIT;
    float lh = line_height(size), used = 0;
    size_t i;

    if (!text)
        text = "";
    pdf_text_break(k, f, size, size, width, text, &lines);
    /* Line by line so that a long paragraph can cross a page break. */
    for (i = 0; i < lines.n; i++) {
        pdfkit_need(k, lh);
        draw_line(k, f, size, color, x, k->y - size,
                  text + lines.v[i].off, lines.v[i].len);
        k->y -= lh;
        used += lh;
    }
    pdf_lines_free(&lines);
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
    const char *prev = pdfkit_doing(k, "drawing a rectangle");
    HPDF_Page_SetRGBFill(k->page, fill->r, fill->g, fill->b);
    HPDF_Page_Rectangle(k->page, x, y, w, h);
    HPDF_Page_Fill(k->page);
    pdfkit_doing(k, prev);
}

void pdfkit_line(struct pdfkit *k, float x0, float y0, float x1, float y1,
                 float width, const struct rgb *color)
{
    const char *prev = pdfkit_doing(k, "drawing a line");
    HPDF_Page_SetLineWidth(k->page, width);
    HPDF_Page_SetRGBStroke(k->page, color->r, color->g, color->b);
    HPDF_Page_MoveTo(k->page, x0, y0);
    HPDF_Page_LineTo(k->page, x1, y1);
    HPDF_Page_Stroke(k->page);
    pdfkit_doing(k, prev);
}

/* ------------------------------------------------- bookmarks and links */

static HPDF_Destination destination(struct pdfkit *k, size_t page, float y)
{
    HPDF_Destination d = HPDF_Page_CreateDestination(k->pages[page]);
    /* Fit the page width with `y` at the top: the reader lands on the
     * place at a readable zoom whatever the window size. */
    if (d)
        HPDF_Destination_SetFitH(d, y < 0 ? 0 : y);
    return d;
}

void *pdfkit_outline(struct pdfkit *k, void *parent, const char *title,
                     size_t page, float y, int open)
{
    const char *prev = pdfkit_doing(k, "adding a bookmark");
    HPDF_Outline o;

    if (page >= k->npages) {
        pdfkit_doing(k, prev);
        return NULL;
    }
    o = HPDF_CreateOutline(k->pdf, (HPDF_Outline)parent, title,
                           HPDF_GetEncoder(k->pdf, "UTF-8"));
    if (o) {
        HPDF_Outline_SetDestination(o, destination(k, page, y));
        HPDF_Outline_SetOpened(o, open ? HPDF_TRUE : HPDF_FALSE);
        k->has_outline = 1;
    }
    pdfkit_doing(k, prev);
    return o;
}

void *pdfkit_bookmark(struct pdfkit *k, void *parent, const char *title)
{
    if (!k->page)
        pdfkit_new_page(k);
    return pdfkit_outline(k, parent, title, k->cur, k->y + 20, 1);
}

void pdfkit_anchor_at(struct pdfkit *k, size_t page, float y,
                      const char *name)
{
    struct pdfkit_anchor *a = &VEC_PUSH(k->anchors, k->nanchors,
                                        k->anchors_cap);
    a->name = xstrdup(name);
    a->page = page;
    a->y = y;
}

void pdfkit_anchor(struct pdfkit *k, const char *name)
{
    if (!k->page)
        pdfkit_new_page(k);
    pdfkit_anchor_at(k, k->cur, k->y, name);
}

void pdfkit_link_on(struct pdfkit *k, size_t page, float x, float y,
                    float w, float h, const char *name)
{
    struct pdfkit_link *l = &VEC_PUSH(k->links, k->nlinks, k->links_cap);
    l->name = xstrdup(name);
    l->page = page;
    l->x = x;
    l->y = y;
    l->w = w;
    l->h = h;
}

void pdfkit_link(struct pdfkit *k, float x, float y, float w, float h,
                 const char *name)
{
    if (!k->page)
        pdfkit_new_page(k);
    pdfkit_link_on(k, k->cur, x, y, w, h, name);
}

/* bsearch: a name (the key) against an anchor. */
static int cmp_name_anchor(const void *key, const void *elem)
{
    const struct pdfkit_anchor *a = elem;
    return strcmp(key, a->name);
}

/* By name, then place, so that the order (and the output) is fixed. */
static int cmp_anchor(const void *a, const void *b)
{
    const struct pdfkit_anchor *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    if (c == 0)
        c = x->page < y->page ? -1 : x->page > y->page;
    if (c == 0)
        c = x->y > y->y ? -1 : x->y < y->y;
    return c;
}

/* Turn every link into an annotation; 0 with errors for bad names. */
static int resolve_links(struct pdfkit *k, struct cg_errors *errs)
{
    const char *prev = pdfkit_doing(k, "adding links");
    size_t i;
    int ok = 1;

    if (k->nanchors > 1)
        qsort(k->anchors, k->nanchors, sizeof *k->anchors, cmp_anchor);
    for (i = 1; i < k->nanchors; i++)
        if (strcmp(k->anchors[i - 1].name, k->anchors[i].name) == 0) {
            errors_add(errs, CG_ERR_INTERNAL, NULL, 0, 0,
                       "link target \"%s\" defined twice (pages %zu and "
                       "%zu)", k->anchors[i].name, k->anchors[i - 1].page + 1,
                       k->anchors[i].page + 1);
            ok = 0;
        }
    for (i = 0; i < k->nlinks; i++) {
        const struct pdfkit_link *l = &k->links[i];
        const struct pdfkit_anchor *a;
        HPDF_Annotation an;
        HPDF_Rect r;

        a = k->nanchors ? bsearch(l->name, k->anchors, k->nanchors,
                                  sizeof *k->anchors, cmp_name_anchor)
                        : NULL;
        if (!a || l->page >= k->npages || a->page >= k->npages) {
            errors_add(errs, CG_ERR_INTERNAL, NULL, 0, 0,
                       "link on page %zu to an undefined place \"%s\"",
                       l->page + 1, l->name);
            ok = 0;
            continue;
        }
        r.left = l->x;
        r.bottom = l->y;
        r.right = l->x + l->w;
        r.top = l->y + l->h;
        k->cur = l->page;
        k->page = k->pages[l->page];
        an = HPDF_Page_CreateLinkAnnot(k->page, r,
                                       destination(k, a->page, a->y));
        if (an)
            HPDF_LinkAnnot_SetBorderStyle(an, 0, 0, 0);
    }
    pdfkit_doing(k, prev);
    return ok;
}

/* ------------------------------------------------------------- tables */

static float cell_height(struct pdfkit *k, const struct pdf_table *t,
                         enum pdf_font f, float width, const char *text)
{
    return layout(k, f, t->size, t->size * CELL_SHRINK, NULL, 0, width,
                  ALIGN_LEFT, text, 0, 0);
}

static float row_height(struct pdfkit *k, const struct pdf_table *t,
                        const char *const *cells, enum pdf_font f)
{
    float h = 0;
    size_t i;
    for (i = 0; i < t->ncols; i++) {
        float ch = cell_height(k, t, f, t->widths[i] - 2 * CELL_PAD,
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
        layout(k, f, t->size, t->size * CELL_SHRINK, NULL, x + CELL_PAD, cw,
               al, cell, 1, k->y - CELL_PAD);
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

/* Text for XML character data: markup characters escaped, controls
 * (not allowed in XML 1.0) dropped. */
static void xml_text(struct strbuf *sb, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': strbuf_adds(sb, "&amp;"); break;
        case '<': strbuf_adds(sb, "&lt;"); break;
        case '>': strbuf_adds(sb, "&gt;"); break;
        case '"': strbuf_adds(sb, "&quot;"); break;
        default:
            if ((unsigned char)*s >= 0x20 || *s == '\t' || *s == '\n')
                strbuf_addc(sb, *s);
        }
    }
}

static void xmp_alt(struct strbuf *sb, const char *tag, const char *v)
{
    if (!v)
        return;
    strbuf_printf(sb, "   <%s><rdf:Alt><rdf:li xml:lang=\"x-default\">",
                  tag);
    xml_text(sb, v);
    strbuf_printf(sb, "</rdf:li></rdf:Alt></%s>\n", tag);
}

static void xmp_simple(struct strbuf *sb, const char *tag, const char *v)
{
    if (!v)
        return;
    strbuf_printf(sb, "   <%s>", tag);
    xml_text(sb, v);
    strbuf_printf(sb, "</%s>\n", tag);
}

/*
 * The XMP packet (ISO 16684-1) repeating the Info dictionary, as PDF/A
 * and archive tools read metadata from it rather than from Info.
 */
static void build_xmp(const struct pdfkit *k, struct strbuf *sb)
{
    char date[32];
    struct tm tm;

    gmtime_r(&k->when, &tm);
    strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", &tm);
    strbuf_adds(sb, "<?xpacket begin=\"\xEF\xBB\xBF\" "
                "id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                " <rdf:RDF xmlns:rdf="
                "\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                "  <rdf:Description rdf:about=\"\"\n"
                "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
                "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
                "   <dc:format>application/pdf</dc:format>\n");
    xmp_alt(sb, "dc:title", k->title);
    if (k->author) {
        strbuf_adds(sb, "   <dc:creator><rdf:Seq><rdf:li>");
        xml_text(sb, k->author);
        strbuf_adds(sb, "</rdf:li></rdf:Seq></dc:creator>\n");
    }
    xmp_alt(sb, "dc:description", k->subject);
    if (k->lang) {
        strbuf_adds(sb, "   <dc:language><rdf:Bag><rdf:li>");
        xml_text(sb, k->lang);
        strbuf_adds(sb, "</rdf:li></rdf:Bag></dc:language>\n");
    }
    xmp_simple(sb, "pdf:Keywords", k->keywords);
    xmp_simple(sb, "pdf:Producer", "copcgap with libharu");
    xmp_simple(sb, "xmp:CreatorTool", k->creator);
    xmp_simple(sb, "xmp:CreateDate", date);
    xmp_simple(sb, "xmp:ModifyDate", date);
    xmp_simple(sb, "xmp:MetadataDate", date);
    strbuf_adds(sb, "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n"
                "<?xpacket end=\"r\"?>");
}

/*
 * Catalog entries libharu 2.3.0 has no call for: /Lang, /Metadata,
 * /ViewerPreferences << /DisplayDocTitle true >>.  The catalog is a
 * plain dictionary in its object layer (hpdf_objects.h), so they are
 * added there.  PDF 1.4 is the version that defines them.
 */
static void finish_catalog(struct pdfkit *k)
{
    HPDF_Dict cat = k->pdf->catalog, meta, prefs;
    struct strbuf xmp = STRBUF_INIT;

    pdfkit_doing(k, "writing document metadata");
    k->pdf->pdf_version = HPDF_VER_14;
    if (k->lang)
        HPDF_Dict_Add(cat, "Lang",
                      HPDF_String_New(k->pdf->mmgr, k->lang, NULL));
    if (k->has_outline)
        HPDF_SetPageMode(k->pdf, HPDF_PAGE_MODE_USE_OUTLINE);
    if (k->title) {
        prefs = HPDF_Dict_New(k->pdf->mmgr);
        if (prefs && HPDF_Dict_Add(cat, "ViewerPreferences", prefs) == 0)
            HPDF_Dict_AddBoolean(prefs, "DisplayDocTitle", HPDF_TRUE);
    }
    /* Metadata stays uncompressed so that tools can find it by
     * scanning the file, as XMP intends. */
    meta = HPDF_DictStream_New(k->pdf->mmgr, k->pdf->xref);
    if (meta) {
        build_xmp(k, &xmp);
        HPDF_Dict_AddName(meta, "Type", "Metadata");
        HPDF_Dict_AddName(meta, "Subtype", "XML");
        meta->filter = HPDF_STREAM_FILTER_NONE;
        HPDF_Stream_Write(meta->stream, (const HPDF_BYTE *)xmp.buf,
                          (HPDF_UINT)xmp.len);
        HPDF_Dict_Add(cat, "Metadata", meta);
    }
    strbuf_free(&xmp);
}

static void draw_footers(struct pdfkit *k, const char *footer_left,
                         const char *page_word, const char *of_word)
{
    static const struct rgb grey = { 0.45f, 0.45f, 0.45f };
    size_t i;

    for (i = 0; i < k->npages; i++) {
        struct strbuf sb = STRBUF_INIT;
        float right;
        pdfkit_use_page(k, i);
        right = pdfkit_page_width(k) - PDF_MARGIN;
        strbuf_printf(&sb, "%s %zu %s %zu", page_word ? page_word : "page",
                      i + 1, of_word ? of_word : "of", k->npages);
        if (footer_left) {
            /* Cut the left text short of the page number. */
            float room = right - PDF_MARGIN - 20 -
                         pdfkit_width(k, PDF_REGULAR, 8, strbuf_cstr(&sb));
            int cut;
            size_t n = pdf_text_cut(k, PDF_REGULAR, 8, room, footer_left,
                                    &cut);
            char *text = cut ? xmalloc(n + 4) : xstrdup(footer_left);
            if (cut)
                snprintf(text, n + 4, "%.*s\xE2\x80\xA6", (int)n,
                         footer_left);
            pdfkit_text_at(k, PDF_REGULAR, 8, &grey, PDF_MARGIN, FOOTER_Y,
                           ALIGN_LEFT, text);
            free(text);
        }
        pdfkit_text_at(k, PDF_REGULAR, 8, &grey, right, FOOTER_Y,
                       ALIGN_RIGHT, strbuf_cstr(&sb));
        strbuf_free(&sb);
    }
}

unsigned char *pdfkit_save(struct pdfkit *k, const char *footer_left,
                           const char *page_word, const char *of_word,
                           size_t *len,
                           struct cg_errors *errs)
{
    if (!k->npages)
        pdfkit_new_page(k);
    pdfkit_doing(k, "drawing footers");
    draw_footers(k, footer_left, page_word, of_word);
    return pdfkit_save_doc(k, len, errs);
}

unsigned char *pdfkit_save_doc(struct pdfkit *k, size_t *len,
                               struct cg_errors *errs)
{
    unsigned char *buf = NULL;
    HPDF_UINT32 size;

    *len = 0;
    if (!k->npages)
        pdfkit_add_page(k, 0);
    /* Links and catalog entries are added once, even if saved twice. */
    if (!k->finished) {
        k->finished = 1;
        if (!resolve_links(k, errs))
            return NULL;
        finish_catalog(k);
    }
    pdfkit_doing(k, "saving");
    k->page = NULL;             /* errors from here on are not a page's */
    if (k->error == 0 && HPDF_SaveToStream(k->pdf) == HPDF_OK) {
        HPDF_STATUS st;
        size = HPDF_GetStreamSize(k->pdf);
        buf = xmalloc(size ? size : 1);
        st = HPDF_ReadFromStream(k->pdf, buf, &size);
        if (st != HPDF_OK && st != HPDF_STREAM_EOF && k->error == 0) {
            k->error = st;
            k->err_op = "reading the saved document";
        }
        *len = size;
    }
    if (k->error) {
        report_error(k, NULL, errs);
        free(buf);
        *len = 0;
        return NULL;
    }
    return buf;
}

int pdfkit_write(struct pdfkit *k, const char *path, struct cg_errors *errs)
{
    struct cg_errors mine = CG_ERRORS_INIT;
    unsigned char *buf;
    size_t len, i;
    int ok;

    buf = pdfkit_save_doc(k, &len, &mine);
    /* The messages name the file they were for. */
    for (i = 0; i < mine.n; i++)
        if (!mine.v[i].file)
            mine.v[i].file = xstrdup(path);
    errors_move(errs, &mine);
    errors_free(&mine);
    if (!buf)
        return 0;
    ok = outfile_write_all(path, buf, len, errs);
    free(buf);
    return ok;
}
