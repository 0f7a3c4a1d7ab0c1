/*
 * pdfkit_metrics.c — text widths from the embedded fonts' metrics, with a
 * per-font cache of character widths (pdfkit.h).  Kept apart from the
 * page kit so that line breaking (pdf_text.c), which the kit itself
 * uses, can measure without calling back into it.
 */
#include <stdlib.h>
#include <string.h>

#include "copcgap/pdfkit.h"
#include "copcgap/utf8.h"
#include "pdfkit_int.h"

int pdfkit_char_width(struct pdfkit *k, enum pdf_font f, unsigned cp)
{
    struct pdfkit_font *pf = &k->font[f];

    /* libharu's UTF-8 encoder handles the Basic Multilingual Plane only
     * (it drops other characters), so they take no room. */
    if (cp > 0xFFFF)
        return 0;
    if (!pf->w) {
        pf->w = xmalloc(0x10000 * sizeof *pf->w);
        memset(pf->w, 0xFF, 0x10000 * sizeof *pf->w);     /* all -1 */
    }
    if (pf->w[cp] < 0)
        pf->w[cp] = (int16_t)HPDF_Font_GetUnicodeWidth(pf->h,
                                                       (HPDF_UNICODE)cp);
    return pf->w[cp];
}

float pdfkit_width_n(struct pdfkit *k, enum pdf_font f, float size,
                     const char *text, size_t len)
{
    long units = 0;
    size_t i = 0;

    while (i < len) {
        const unsigned char *u = (const unsigned char *)text + i;
        size_t n = utf8_char_len(text + i, len - i);
        unsigned cp;
        switch (n) {
        case 1:
            cp = u[0];
            break;
        case 2:
            cp = (unsigned)(u[0] & 0x1F) << 6 | (u[1] & 0x3Fu);
            break;
        case 3:
            cp = (unsigned)(u[0] & 0x0F) << 12 |
                 (unsigned)(u[1] & 0x3F) << 6 | (u[2] & 0x3Fu);
            break;
        default:                /* invalid or outside the BMP: no room */
            cp = 0x10000;
            n = n ? n : 1;
            break;
        }
        units += pdfkit_char_width(k, f, cp);
        i += n;
    }
    return (float)units * size / 1000.0f;
}

float pdfkit_width(struct pdfkit *k, enum pdf_font f, float size,
                   const char *text)
{
    return pdfkit_width_n(k, f, size, text, strlen(text));
}

