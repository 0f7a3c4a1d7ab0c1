/*
 * docfile.c — the evidence files behind evidence.csv: a one-page PDF
 * for documents (policies, procedures, reports...) and plain UTF-8 text
 * for records and minutes, with the SHA-256 the register gives.
 *
 * The PDF is written by hand, the smallest valid file a viewer opens:
 * one page, the standard Helvetica fonts in WinAnsi encoding (so Spanish
 * accents show without embedding a font), a correct xref table, and no
 * dates or ids, so that the same text gives the same bytes.
 */
#include <errno.h>
#include <nettle/sha2.h>
#include <string.h>

#include "gen.h"

#define PDF_WRAP 92         /* characters per line at 10 pt Helvetica */
#define PDF_TITLE_WRAP 70   /* and at 13 pt */
#define PDF_MAX_LINES 50    /* lines that fit on the page */

/* Next code point of UTF-8 text (invalid bytes come back as '?'). */
static unsigned long utf8_next(const char **sp)
{
    const unsigned char *s = (const unsigned char *)*sp;
    unsigned long c = s[0];
    int n = 0, i;

    if (c >= 0xf0 && c < 0xf8) {
        c &= 0x07;
        n = 3;
    } else if (c >= 0xe0) {
        c &= 0x0f;
        n = 2;
    } else if (c >= 0xc0) {
        c &= 0x1f;
        n = 1;
    } else if (c >= 0x80) {
        *sp += 1;
        return '?';
    }
    for (i = 1; i <= n; i++) {
        if ((s[i] & 0xc0) != 0x80) {
            *sp += i;
            return '?';
        }
        c = (c << 6) | (s[i] & 0x3f);
    }
    *sp += n + 1;
    return c;
}

/* UTF-8 to WinAnsi (cp1252) bytes; what it lacks becomes ASCII. */
static void to_winansi(const char *s, struct strbuf *out)
{
    while (*s) {
        unsigned long c = utf8_next(&s);
        switch (c) {
        case 0x2014: strbuf_addc(out, (char)0x97); break;   /* em dash */
        case 0x2013: strbuf_addc(out, (char)0x96); break;   /* en dash */
        case 0x2018: strbuf_addc(out, (char)0x91); break;
        case 0x2019: strbuf_addc(out, (char)0x92); break;
        case 0x201c: strbuf_addc(out, (char)0x93); break;
        case 0x201d: strbuf_addc(out, (char)0x94); break;
        case 0x2022: strbuf_addc(out, (char)0x95); break;
        case 0x2026: strbuf_addc(out, (char)0x85); break;
        case 0x20ac: strbuf_addc(out, (char)0x80); break;
        case 0x2264: strbuf_adds(out, "<="); break;
        case 0x2265: strbuf_adds(out, ">="); break;
        default:
            if (c < 0x80 || (c >= 0xa0 && c <= 0xff))
                strbuf_addc(out, (char)c);
            else
                strbuf_addc(out, '?');
        }
    }
}

/* One PDF literal string, wrapped at spaces into lines of `wrap`. */
static void pdf_lines(const char *text, size_t wrap, struct strbuf *content,
                      int *left)
{
    struct strbuf w = STRBUF_INIT;
    size_t start = 0, i, cut;

    to_winansi(text, &w);
    do {
        if (*left <= 0)
            break;
        cut = w.len;
        if (w.len - start > wrap) {
            cut = start + wrap;
            while (cut > start && w.buf[cut] != ' ')
                cut--;
            if (cut == start)
                cut = start + wrap;
        }
        strbuf_addc(content, '(');
        for (i = start; i < cut; i++) {
            char c = w.buf[i];
            if (c == '(' || c == ')' || c == '\\')
                strbuf_addc(content, '\\');
            strbuf_addc(content, c);
        }
        strbuf_adds(content, ") Tj T*\n");
        (*left)--;
        start = cut;
        while (start < w.len && w.buf[start] == ' ')
            start++;
    } while (start < w.len);
    strbuf_free(&w);
}

static void build_pdf(const char *const *lines, size_t n, const char *amend,
                      struct strbuf *out)
{
    struct strbuf content = STRBUF_INIT, title = STRBUF_INIT;
    long offsets[7];
    int left = PDF_MAX_LINES, obj, title_lines = 2;
    size_t i;

    /* The title in 13 pt bold (two lines at most), then the body in
     * 10 pt with 14 pt leading. */
    strbuf_adds(&title, "BT /F2 13 Tf 56 786 Td 17 TL\n");
    pdf_lines(n ? lines[0] : "", PDF_TITLE_WRAP, &title, &title_lines);
    strbuf_adds(&title, "ET\n");
    strbuf_add(&content, title.buf, title.len);
    strbuf_printf(&content, "BT /F1 10 Tf 56 %d Td 14 TL\n",
                  786 - 17 * (2 - title_lines) - 20);
    for (i = 1; i < n; i++)
        pdf_lines(lines[i], PDF_WRAP, &content, &left);
    if (amend)
        pdf_lines(amend, PDF_WRAP, &content, &left);
    strbuf_adds(&content, "ET\n");

    strbuf_adds(out, "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n");
    obj = 1;
    offsets[obj++] = (long)out->len;
    strbuf_adds(out, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
    offsets[obj++] = (long)out->len;
    strbuf_adds(out, "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\n"
                "endobj\n");
    offsets[obj++] = (long)out->len;
    strbuf_adds(out, "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox "
                "[0 0 595 842]\n   /Resources << /Font << /F1 4 0 R "
                "/F2 5 0 R >> >>\n   /Contents 6 0 R >>\nendobj\n");
    offsets[obj++] = (long)out->len;
    strbuf_adds(out, "4 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont "
                "/Helvetica /Encoding /WinAnsiEncoding >>\nendobj\n");
    offsets[obj++] = (long)out->len;
    strbuf_adds(out, "5 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont "
                "/Helvetica-Bold /Encoding /WinAnsiEncoding >>\nendobj\n");
    offsets[obj++] = (long)out->len;
    strbuf_printf(out, "6 0 obj\n<< /Length %zu >>\nstream\n", content.len);
    strbuf_add(out, content.buf, content.len);
    strbuf_adds(out, "endstream\nendobj\n");
    {
        long xref = (long)out->len;
        strbuf_adds(out, "xref\n0 7\n0000000000 65535 f \n");
        for (obj = 1; obj < 7; obj++)
            strbuf_printf(out, "%010ld 00000 n \n", offsets[obj]);
        strbuf_printf(out, "trailer\n<< /Size 7 /Root 1 0 R >>\nstartxref\n"
                      "%ld\n%%%%EOF\n", xref);
    }
    strbuf_free(&content);
    strbuf_free(&title);
}

static void build_text(const char *const *lines, size_t n, const char *amend,
                       struct strbuf *out)
{
    size_t i, chars = 0;
    const char *s;

    for (i = 0; i < n; i++) {
        strbuf_adds(out, lines[i]);
        strbuf_addc(out, '\n');
        if (i == 0) {
            /* Underline the title, one '=' per character. */
            for (s = lines[0]; *s; chars++)
                utf8_next(&s);
            for (; chars > 0; chars--)
                strbuf_addc(out, '=');
            strbuf_addc(out, '\n');
        }
    }
    if (amend) {
        strbuf_adds(out, amend);
        strbuf_addc(out, '\n');
    }
}

static void sha256_hex(const struct strbuf *b, char hex[65])
{
    static const char digits[] = "0123456789abcdef";
    uint8_t d[SHA256_DIGEST_SIZE];
    struct sha256_ctx ctx;
    int i;

    sha256_init(&ctx);
    sha256_update(&ctx, b->len, (const uint8_t *)b->buf);
    sha256_digest(&ctx, SHA256_DIGEST_SIZE, d);
    for (i = 0; i < SHA256_DIGEST_SIZE; i++) {
        hex[2 * i] = digits[d[i] >> 4];
        hex[2 * i + 1] = digits[d[i] & 15];
    }
    hex[64] = '\0';
}

int docfile_write(const char *path, int pdf, const char *const *lines,
                  size_t nlines, const char *amend, char hex[65])
{
    struct strbuf b = STRBUF_INIT;
    FILE *f;
    int ok;

    /* The register's digest is that of the file as approved. */
    if (pdf)
        build_pdf(lines, nlines, NULL, &b);
    else
        build_text(lines, nlines, NULL, &b);
    sha256_hex(&b, hex);
    if (amend) {
        strbuf_truncate(&b, 0);
        if (pdf)
            build_pdf(lines, nlines, amend, &b);
        else
            build_text(lines, nlines, amend, &b);
    }
    f = fopen(path, "wb");
    if (!f) {
        fprintf(stderr, "gen-org: cannot write %s: %s\n", path,
                strerror(errno));
        strbuf_free(&b);
        return 0;
    }
    ok = fwrite(b.buf, 1, b.len, f) == b.len;
    ok &= fclose(f) == 0;
    if (!ok)
        fprintf(stderr, "gen-org: cannot write %s: %s\n", path,
                strerror(errno));
    strbuf_free(&b);
    return ok;
}
