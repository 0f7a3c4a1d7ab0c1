/*
 * test_pdfkit.c — document plumbing: a valid ToUnicode map (pdftotext
 * extracts accents and symbols without a warning), /Lang, XMP, bookmarks
 * pane, links resolved at save, byte-identical output, located libharu
 * errors with no file left behind, cached widths equal libharu's.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "check_main.h"
#include "copcgap/datadir.h"
#include "copcgap/pdf_text.h"
#include "copcgap/pdfkit.h"

#include "../../src/pdfkit_int.h"

#define WHEN ((time_t)1790000000)

static const char sample[] =
    "Se\xC3\xB1or Caf\xC3\xA9 \xE2\x80\x93 \xE2\x80\x9C\xC3\x91" "and\xC3\xBA"
    "\xE2\x80\x9D \xE2\x89\xA5 98 \xE2\x89\xA4 5 \xC3\xB1";

static struct pdfkit *kit(struct cg_errors *errs)
{
    struct pdfkit *k = pdfkit_new(datadir_fonts(NULL), WHEN, errs);
    ck_assert_msg(k != NULL, "fonts not found: %s",
                  errs->n ? errs->v[0].msg : "?");
    return k;
}

static unsigned char *small_doc(const char *lang, time_t when, size_t *len)
{
    struct cg_errors errs = CG_ERRORS_INIT;
    struct pdfkit *k = pdfkit_new(datadir_fonts(NULL), when, &errs);
    struct pdf_doc_info info = { "T\xC3\xADtulo & <co>", "Ver\xC3\xB3nica",
                                 "Subject", "copc, readiness", NULL };
    unsigned char *buf;
    void *top;

    ck_assert_ptr_nonnull(k);
    pdfkit_set_doc_info(k, &info);
    pdfkit_set_lang(k, lang);
    pdfkit_new_page(k);
    top = pdfkit_bookmark(k, NULL, "Summary");
    pdfkit_bookmark(k, top, "Detail");
    pdfkit_link(k, 50, 700, 100, 12, "later");
    pdfkit_para(k, PDF_REGULAR, 10, NULL, 50, 400, sample);
    pdfkit_new_page(k);
    pdfkit_anchor(k, "later");
    pdfkit_para(k, PDF_BOLD, 10, NULL, 50, 400, "Second page");
    buf = pdfkit_save_doc(k, len, &errs);
    ck_assert_msg(buf != NULL, "%s", errs.n ? errs.v[0].msg : "?");
    pdfkit_free(k);
    errors_free(&errs);
    return buf;
}

static int contains(const unsigned char *buf, size_t len, const char *s)
{
    size_t n = strlen(s), i;
    for (i = 0; i + n <= len; i++)
        if (memcmp(buf + i, s, n) == 0)
            return 1;
    return 0;
}

static char *write_pdf(const unsigned char *buf, size_t len)
{
    char *path = write_temp(".pdf", "");
    FILE *fp = fopen(path, "wb");
    ck_assert_ptr_nonnull(fp);
    ck_assert_uint_eq(fwrite(buf, 1, len, fp), len);
    fclose(fp);
    return path;
}

/* pdftotext's output with its warnings (stderr) interleaved. */
static char *pdftotext(const char *path)
{
    struct strbuf sb = STRBUF_INIT;
    char cmd[512], chunk[4096];
    size_t n;
    FILE *p;

    snprintf(cmd, sizeof cmd, "pdftotext '%s' - 2>&1", path);
    p = popen(cmd, "r");
    ck_assert_ptr_nonnull(p);
    while ((n = fread(chunk, 1, sizeof chunk, p)) > 0)
        strbuf_add(&sb, chunk, n);
    ck_assert_int_eq(pclose(p), 0);
    return strbuf_detach(&sb);
}

START_TEST(to_unicode_extracts_without_warning)
{
    size_t len;
    unsigned char *buf = small_doc("es", WHEN, &len);
    char *path = write_pdf(buf, len);
    char *text = pdftotext(path);

    ck_assert_msg(strstr(text, sample) != NULL, "extracted: %s", text);
    ck_assert_msg(strstr(text, "Warning") == NULL &&
                  strstr(text, "Error") == NULL, "pdftotext said: %s", text);
    /* The CID-only operator is gone from every font. */
    ck_assert(!contains(buf, len, "begincidrange"));
    free(text);
    unlink(path);
    free(path);
    free(buf);
}
END_TEST

START_TEST(catalog_has_lang_metadata_and_outline_mode)
{
    size_t len;
    unsigned char *buf = small_doc("es-CO", WHEN, &len);

    ck_assert(contains(buf, len, "%PDF-1.4"));
    ck_assert(contains(buf, len, "/Lang (es-CO)"));
    ck_assert(contains(buf, len, "/PageMode /UseOutlines"));
    ck_assert(contains(buf, len, "/Type /Metadata"));
    ck_assert(contains(buf, len, "<rdf:li>es-CO</rdf:li>"));
    ck_assert(contains(buf, len, "T\xC3\xADtulo &amp; &lt;co&gt;"));
    ck_assert(contains(buf, len, "<pdf:Keywords>copc, readiness<"));
    ck_assert(contains(buf, len, "2026-09-21T"));      /* from `when` */
    ck_assert(contains(buf, len, "/DisplayDocTitle true"));
    /* One link annotation, jumping to the second page. */
    ck_assert(contains(buf, len, "/Subtype /Link"));
    free(buf);
}
END_TEST

START_TEST(same_inputs_same_bytes)
{
    size_t l1, l2, l3;
    unsigned char *a = small_doc("en", WHEN, &l1);
    unsigned char *b = small_doc("en", WHEN, &l2);
    unsigned char *c = small_doc("en", WHEN + 86400, &l3);

    ck_assert_uint_eq(l1, l2);
    ck_assert(memcmp(a, b, l1) == 0);
    ck_assert(l1 != l3 || memcmp(a, c, l1) != 0);
    free(a);
    free(b);
    free(c);
}
END_TEST

START_TEST(libharu_error_is_located_and_leaves_no_file)
{
    struct cg_errors errs = CG_ERRORS_INIT;
    struct pdfkit *k = kit(&errs);
    char path[] = "/tmp/cgtest-pdfkit-error.pdf";
    struct strbuf msg = STRBUF_INIT;

    unlink(path);
    pdfkit_new_page(k);
    pdfkit_new_page(k);
    /* libharu refuses font sizes above 600 points. */
    pdfkit_text_at(k, PDF_REGULAR, 1000, NULL, 50, 400, ALIGN_LEFT, "x");
    ck_assert_int_eq(pdfkit_write(k, path, &errs), 0);
    ck_assert_int_eq(access(path, F_OK), -1);
    ck_assert_uint_eq(errs.n, 1);
    error_format(&errs.v[0], &msg);
    ck_assert_msg(strstr(msg.buf, path) == msg.buf &&
                  strstr(msg.buf, "page 2") &&
                  strstr(msg.buf, "drawing text") &&
                  strstr(msg.buf, "invalid font size"), "%s", msg.buf);
    strbuf_free(&msg);
    pdfkit_free(k);
    errors_free(&errs);
}
END_TEST

START_TEST(undefined_and_duplicate_link_targets_are_errors)
{
    struct cg_errors errs = CG_ERRORS_INIT;
    struct pdfkit *k = kit(&errs);
    size_t len;

    pdfkit_new_page(k);
    pdfkit_anchor(k, "a");
    pdfkit_anchor(k, "a");
    pdfkit_link(k, 10, 10, 10, 10, "nowhere");
    ck_assert_ptr_null(pdfkit_save_doc(k, &len, &errs));
    ck_assert_uint_eq(errs.n, 2);
    ck_assert_ptr_nonnull(strstr(errs.v[0].msg, "\"a\" defined twice"));
    ck_assert_ptr_nonnull(strstr(errs.v[1].msg, "\"nowhere\""));
    pdfkit_free(k);
    errors_free(&errs);
}
END_TEST

START_TEST(cached_widths_equal_libharu)
{
    static const char *texts[] = { sample, "plain ASCII", "", "\xE2\x9C\x93",
                                   "W\xC3\x89IRD \xE2\x82\xAC" };
    struct cg_errors errs = CG_ERRORS_INIT;
    struct pdfkit *k = kit(&errs);
    size_t i;
    int f;

    for (f = PDF_REGULAR; f <= PDF_BOLD; f++)
        for (i = 0; i < ARRAY_LEN(texts); i++) {
            HPDF_TextWidth tw = HPDF_Font_TextWidth(
                k->font[f].h, (const HPDF_BYTE *)texts[i],
                (HPDF_UINT)strlen(texts[i]));
            float ours = pdfkit_width(k, (enum pdf_font)f, 10, texts[i]);
            ck_assert_float_eq_tol(ours, (float)tw.width / 100.0f, 1e-4f);
        }
    pdfkit_free(k);
    errors_free(&errs);
}
END_TEST

START_TEST(footer_is_cut_with_an_ellipsis)
{
    struct cg_errors errs = CG_ERRORS_INIT;
    struct pdfkit *k = kit(&errs);
    struct strbuf longtext = STRBUF_INIT;
    unsigned char *buf;
    char *path, *text;
    size_t len, i;

    for (i = 0; i < 40; i++)
        strbuf_adds(&longtext, "Confidential ");
    strbuf_adds(&longtext, "END");
    pdfkit_new_page(k);
    buf = pdfkit_save(k, longtext.buf, "page", "of", &len, &errs);
    ck_assert_ptr_nonnull(buf);
    path = write_pdf(buf, len);
    text = pdftotext(path);
    ck_assert_msg(strstr(text, "Confidential Con") != NULL &&
                  strstr(text, "\xE2\x80\xA6") != NULL &&
                  strstr(text, "END") == NULL && strstr(text, "page 1 of 1"),
                  "%s", text);
    free(text);
    unlink(path);
    free(path);
    free(buf);
    strbuf_free(&longtext);
    pdfkit_free(k);
    errors_free(&errs);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("pdfkit");
    TCase *tc = tcase_create("core");

    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, to_unicode_extracts_without_warning);
    tcase_add_test(tc, catalog_has_lang_metadata_and_outline_mode);
    tcase_add_test(tc, same_inputs_same_bytes);
    tcase_add_test(tc, libharu_error_is_located_and_leaves_no_file);
    tcase_add_test(tc, undefined_and_duplicate_link_targets_are_errors);
    tcase_add_test(tc, cached_widths_equal_libharu);
    tcase_add_test(tc, footer_is_cut_with_an_ellipsis);
    suite_add_tcase(s, tc);
    return s;
}

CG_TEST_MAIN(suite)
