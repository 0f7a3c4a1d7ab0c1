/*
 * pdf_text.c — line breaking and fitting (see pdf_text.h).
 *
 * The text is cut into pieces that can never be split by a line break
 * (a word, or a word part ending in a breakable hyphen) followed by the
 * spaces after it; a greedy pass then fills lines.  Greedy filling is
 * what readers expect of a report (and is what the old layout did); the
 * total-fit algorithm would buy little for short table cells.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "copcgap/pdf_text.h"
#include "copcgap/utf8.h"

struct pdf_piece {
    size_t off, len;            /* the word part */
    long w;                     /* its width, 1/1000 em */
    long sp_w;                  /* width of the spaces after it */
    int nl;                     /* a newline follows the spaces */
};

/* Tolerance for float rounding when comparing in 1/1000 em. */
#define EPS_UNITS 0.01

/* Decode the character at s (len bytes left); *n gets its byte length. */
static unsigned decode(const char *s, size_t len, size_t *n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t l = utf8_char_len(s, len);

    if (l == 0) {
        *n = 1;                 /* invalid byte: step over it */
        return 0xFFFD;
    }
    *n = l;
    switch (l) {
    case 1:
        return u[0];
    case 2:
        return (unsigned)(u[0] & 0x1F) << 6 | (u[1] & 0x3Fu);
    case 3:
        return (unsigned)(u[0] & 0x0F) << 12 | (unsigned)(u[1] & 0x3F) << 6
               | (u[2] & 0x3Fu);
    default:
        return (unsigned)(u[0] & 0x07) << 18 | (unsigned)(u[1] & 0x3F) << 12
               | (unsigned)(u[2] & 0x3F) << 6 | (u[3] & 0x3Fu);
    }
}

/* A letter or digit for the hyphen rule (any non-ASCII counts). */
static int wordish(unsigned char c)
{
    return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
           (c >= 'a' && c <= 'z');
}

/*
 * A line may break after the hyphen at s[h .. h + hl) when a word
 * character comes right before it and right after it: "re-plan" breaks,
 * "-5", "a - b" and "--" do not.
 */
static int breakable_hyphen(const char *s, size_t start, size_t h, size_t hl,
                            size_t n)
{
    return h > start && wordish((unsigned char)s[h - 1]) && h + hl < n &&
           wordish((unsigned char)s[h + hl]);
}

static void add_piece(struct pdf_lines *l, const struct pdf_piece *p)
{
    VEC_PUSH(l->pieces, l->npieces, l->pieces_cap) = *p;
}

static void tokenize(struct pdfkit *k, enum pdf_font f, const char *s,
                     struct pdf_lines *l)
{
    size_t n = strlen(s), i = 0;
    long space = pdfkit_char_width(k, f, ' ');

    l->npieces = 0;
    while (i < n) {
        struct pdf_piece p;
        memset(&p, 0, sizeof p);
        p.off = i;
        while (i < n && s[i] != ' ' && s[i] != '\n') {
            size_t cl;
            unsigned cp = decode(s + i, n - i, &cl);
            p.w += pdfkit_char_width(k, f, cp);
            i += cl;
            if ((cp == '-' || cp == 0x2010) &&
                breakable_hyphen(s, p.off, i - cl, cl, n))
                break;
        }
        p.len = i - p.off;
        while (i < n && s[i] == ' ') {
            p.sp_w += space;
            i++;
        }
        if (i < n && s[i] == '\n') {
            p.nl = 1;
            i++;
        }
        add_piece(l, &p);
    }
}

struct filler {
    struct pdfkit *k;
    enum pdf_font f;
    const char *s;
    struct pdf_lines *l;
    double limit;               /* line width in 1/1000 em */
    int open;                   /* a line is being filled */
    size_t off, end;
    long w;
};

static void emit(struct filler *fl)
{
    struct pdf_line *ln = &VEC_PUSH(fl->l->v, fl->l->n, fl->l->cap);
    ln->off = fl->off;
    ln->len = fl->end - fl->off;
    ln->width = (float)fl->w * fl->l->size / 1000.0f;
    fl->open = 0;
}

/* Start a line with piece p; a piece wider than a line is cut. */
static void start_line(struct filler *fl, const struct pdf_piece *p)
{
    size_t i = p->off, end = p->off + p->len;

    fl->open = 1;
    fl->off = p->off;
    fl->end = end;
    fl->w = p->w;
    if ((double)p->w <= fl->limit + EPS_UNITS)
        return;
    fl->l->char_wrapped = 1;
    fl->w = 0;
    while (i < end) {
        size_t cl;
        long cw = pdfkit_char_width(fl->k, fl->f,
                                    decode(fl->s + i, end - i, &cl));
        if (fl->w > 0 && (double)(fl->w + cw) > fl->limit + EPS_UNITS) {
            fl->end = i;
            emit(fl);
            fl->open = 1;
            fl->off = i;
            fl->w = 0;
        }
        fl->w += cw;
        i += cl;
    }
    fl->end = end;
}

float pdf_text_break(struct pdfkit *k, enum pdf_font f, float size,
                     float min_size, float width, const char *text,
                     struct pdf_lines *out)
{
    struct filler fl;
    long widest = 0;
    size_t i;

    if (!text)
        text = "";
    out->text = text;
    out->n = 0;
    out->char_wrapped = 0;
    tokenize(k, f, text, out);
    for (i = 0; i < out->npieces; i++)
        if (out->pieces[i].w > widest)
            widest = out->pieces[i].w;
    if (width <= 0)
        width = 1;
    /* Shrink just enough for the widest word, rounded down to 0.01 pt
     * so that float rounding never leaves it a hair too wide. */
    if (min_size < size && (float)widest * size / 1000.0f > width) {
        float fit = floorf(width * 1000.0f / (float)widest * 100.0f) / 100.0f;
        size = fit > min_size ? fit : min_size;
    }
    out->size = size;

    memset(&fl, 0, sizeof fl);
    fl.k = k;
    fl.f = f;
    fl.s = text;
    fl.l = out;
    fl.limit = (double)width * 1000.0 / (double)size;
    for (i = 0; i < out->npieces; i++) {
        const struct pdf_piece *p = &out->pieces[i];
        if (!fl.open) {
            start_line(&fl, p);
        } else {
            const struct pdf_piece *prev = &out->pieces[i - 1];
            long w = fl.w + prev->sp_w + p->w;
            if ((double)w <= fl.limit + EPS_UNITS) {
                fl.end = p->off + p->len;
                fl.w = w;
            } else {
                emit(&fl);
                start_line(&fl, p);
            }
        }
        if (p->nl)
            emit(&fl);
    }
    if (fl.open || out->n == 0) {
        if (!fl.open) {
            fl.off = fl.end = 0;
            fl.w = 0;
        }
        emit(&fl);
    }
    return size;
}

void pdf_lines_free(struct pdf_lines *l)
{
    if (!l)
        return;
    free(l->v);
    free(l->pieces);
    memset(l, 0, sizeof *l);
}

size_t pdf_text_cut(struct pdfkit *k, enum pdf_font f, float size,
                    float width, const char *text, int *cut)
{
    size_t n = strlen(text), i = 0, fit = 0;
    double limit = (double)width * 1000.0 / (double)size, w = 0;
    long ew = pdfkit_char_width(k, f, 0x2026);

    *cut = 0;
    if ((double)pdfkit_width_n(k, f, size, text, n) <= width + 1e-4)
        return n;
    *cut = 1;
    while (i < n) {
        size_t cl;
        long cw = pdfkit_char_width(k, f, decode(text + i, n - i, &cl));
        if (w + (double)cw + (double)ew > limit + EPS_UNITS)
            break;
        w += (double)cw;
        i += cl;
        fit = i;
    }
    while (fit > 0 && text[fit - 1] == ' ')
        fit--;
    return fit;
}

const char *pdf_text_ellipsize(struct pdfkit *k, enum pdf_font f,
                               float size, float width, const char *text,
                               struct arena *a)
{
    int cut;
    size_t n = pdf_text_cut(k, f, size, width, text, &cut);

    if (!cut)
        return text;
    return arena_printf(a, "%.*s\xE2\x80\xA6", (int)n, text);
}

float pdf_text_fit_size(struct pdfkit *k, enum pdf_font f, float size,
                        float min_size, float width, const char *text)
{
    float w = pdfkit_width(k, f, size, text);
    float fit;

    if (w <= width || w <= 0)
        return size;
    fit = floorf(size * width / w * 100.0f) / 100.0f;
    return fit > min_size ? fit : min_size;
}
