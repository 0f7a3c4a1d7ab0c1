/*
 * test_render_pdf.c — the PDF report laid out, checked as placed boxes
 * (render_pdf_layout; no PDF bytes read): no text over other text,
 * everything inside its page's margins, no heading alone at the foot of
 * a page, each gap's finding block on one page, every section the
 * template lists present, the executive report within its four pages.
 *
 * The organisations are written by the test itself: the shipped-sample
 * shape at small size, and the hard cases of issue 13 — very long
 * titles and names, no gap at all, 500 gaps, 50 programs, a metric rule
 * without any KPI, no owners — in both languages.
 */
#include <math.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check_main.h"
#include "copcgap/assess.h"
#include "copcgap/datadir.h"
#include "copcgap/load.h"
#include "copcgap/pdf_flow.h"
#include "copcgap/plan.h"
#include "copcgap/render.h"
#include "copcgap/run.h"
#include "copcgap/strbuf.h"
#include "copcgap/template.h"

/* ------------------------------------------------------------ fixture */

struct shape {
    int nreqs;          /* requirements (4 categories, items of 5) */
    int nprogs;
    int long_names;     /* 300-character titles, an unbroken 90-char word */
    int all_met;        /* evidence for everything, KPIs at target */
    int kpis;           /* metrics.csv for the metric rules */
    int owners;         /* roles held by people */
};

static char dir[64];

static void put(const char *name, const char *text)
{
    char path[128];
    FILE *fp;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    fp = fopen(path, "w");
    ck_assert_ptr_nonnull(fp);
    fputs(text, fp);
    fclose(fp);
}

static const char *long_word =
    "Überlangeszusammengesetzteswortohneleerzeichen-und-ohne-Ende-"
    "ÑandúCaféVerónicaRíosQuispeGuerrero";

static void title(struct strbuf *sb, const struct shape *s, const char *what,
                  int i)
{
    if (!s->long_names) {
        strbuf_printf(sb, "%s %d", what, i);
        return;
    }
    strbuf_printf(sb, "%s %d %s: ", what, i, long_word);
    while (sb->len < 300)
        strbuf_adds(sb, "a requirement whose title goes on and on ");
}

static void write_catalog(const struct shape *s)
{
    struct strbuf sb = STRBUF_INIT;
    int c, it, r, n = 0;

    strbuf_adds(&sb, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                "<catalog id=\"synth\" version=\"1\" publisher=\"tests\">\n"
                "<title>Synthetic catalogue</title>\n"
                "<title xml:lang=\"es\">Catálogo sintético</title>\n");
    for (c = 1; c <= 4 && n < s->nreqs; c++) {
        strbuf_printf(&sb, "<category id=\"%d\" weight=\"%d\"><title>", c,
                      c * 100);
        title(&sb, s, "Category", c);
        strbuf_adds(&sb, "</title>\n");
        for (it = 1; n < s->nreqs && (it - 1) * 5 < (s->nreqs + 3) / 4;
             it++) {
            strbuf_printf(&sb, "<item id=\"%d.%d\" weight=\"100\"><title>",
                          c, it);
            title(&sb, s, "Item", it);
            strbuf_adds(&sb, "</title>\n");
            for (r = 1; r <= 5 && n < s->nreqs; r++, n++) {
                strbuf_printf(&sb, "<requirement id=\"%d.%d.%d\"%s%s>"
                              "<title>", c, it, r,
                              n % 10 == 0 ? " critical=\"true\"" : "",
                              s->owners ? " owner=\"quality-manager\"" : "");
                title(&sb, s, "Requirement", n);
                strbuf_printf(&sb, "</title><intent>Why %d matters.</intent>"
                              "<remediation effort=\"2\">Fix %d.</remediation>"
                              "<rules>", n, n);
                if (n % 7 == 3)
                    strbuf_adds(&sb, "<metric name=\"service_level\" "
                                "op=\"ge\" value=\"80\"/>");
                else
                    strbuf_adds(&sb, "<evidence kinds=\"policy\" "
                                "max-age-days=\"365\"/>");
                strbuf_adds(&sb, "</rules></requirement>\n");
            }
            strbuf_adds(&sb, "</item>\n");
        }
        strbuf_adds(&sb, "</category>\n");
    }
    strbuf_adds(&sb, "</catalog>\n");
    put("catalog.xml", sb.buf);
    strbuf_free(&sb);
}

static void write_org(const struct shape *s)
{
    struct strbuf sb = STRBUF_INIT;
    int i, m, c, it, r, n;

    strbuf_printf(&sb, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                  "<profile><organization id=\"synth\" name=\"%s\" "
                  "kind=\"outsourcer\"/>\n<assessment as-of=\"2026-10-31\" "
                  "target-audit=\"2027-03-15\" lead=\"%s\"/>\n",
                  s->long_names ? "Compañía de Servicios de Contacto con "
                  "un Nombre Larguísimo que No Cabe en Ningún Sitio S.A."
                  : "Synth Org",
                  s->long_names ? "Verónica Alejandra Ríos Quispe de la "
                  "Fuente y Guerrero" : "Dana Reyes");
    for (i = 0; i < s->nprogs; i++)
        strbuf_printf(&sb, "<program id=\"p%d\" name=\"%s %d\" channel=\"%s\">"
                      "<target metric=\"service_level\" op=\"ge\" "
                      "value=\"80\"/></program>\n", i,
                      s->long_names ? "Programa de atención telefónica de "
                      "la banca personal y empresarial" : "Program", i,
                      i % 2 ? "chat" : "voice");
    if (s->owners)
        strbuf_printf(&sb, "<role id=\"quality-manager\" person=\"%s\"/>\n",
                      s->long_names ? "Maximiliano Bartolomé Hernández de "
                      "Santa Ana y Villavicencio" : "Luis Ortega");
    strbuf_adds(&sb, "</profile>\n");
    put("profile.xml", sb.buf);
    strbuf_truncate(&sb, 0);

    strbuf_adds(&sb, "id,requirements,program,kind,title,owner,dated,"
                "approved,expires,location,sha256\n");
    for (c = 1, n = 0; c <= 4 && n < s->nreqs; c++)
        for (it = 1; n < s->nreqs && (it - 1) * 5 < (s->nreqs + 3) / 4; it++)
            for (r = 1; r <= 5 && n < s->nreqs; r++, n++)
                if (s->all_met || n % 3 == 0)
                    strbuf_printf(&sb, "EV-%d,%d.%d.%d,,policy,\"%s %d\",,"
                                  "%s,%s,,,\n", n, c, it, r,
                                  s->long_names ? long_word : "Policy", n,
                                  s->all_met ? "2026-10-01" : "2024-01-01",
                                  s->all_met ? "yes" : "no");
    put("evidence.csv", sb.buf);
    strbuf_truncate(&sb, 0);

    if (s->kpis) {
        strbuf_adds(&sb, "program,metric,period,value,n\n");
        for (i = 0; i < s->nprogs; i++)
            for (m = 0; m < 12; m++)
                strbuf_printf(&sb, "p%d,service_level,%04d-%02d,%g,%d\n", i,
                              m < 2 ? 2025 : 2026, m < 2 ? 11 + m : m - 1,
                              s->all_met ? 85.0 + m % 3
                                         : 70.0 + (i * 7 + m * 3) % 20,
                              1000 + 10 * i);
        put("metrics.csv", sb.buf);
    }
    strbuf_free(&sb);
}

struct laid {
    struct catalog *cat;
    struct profile *prof;
    struct orgdata *org;
    struct lang *L;
    struct report *rep;
    struct report_template *tpl;
    struct pdfkit *kit;
    struct pdf_flow *flow;
    /* A workspace's earlier runs (with_progress) */
    struct run *prev, *cur;
    struct run_diff *diff;
    struct run_point *points;
    struct report_progress progress;
};

/* Earlier runs lay_out makes up for the progress section (0: none). */
static size_t with_progress;

/* An earlier run that differs: of the report's gaps, n are made met in
 * this run (closed) and the next n met in the earlier one (opened);
 * `runs` points of score history, this one last. */
static void make_progress(struct laid *r, size_t n, size_t runs)
{
    size_t i, closed = 0, opened = 0;

    r->cur = run_from_report(r->rep, 1790000000);
    r->prev = run_from_report(r->rep, 1780000000);
    r->prev->id = (long long)runs - 1;
    for (i = 0; i < r->prev->nreqs; i++) {
        struct run_req *q = &r->prev->reqs[i];
        if (!run_status_is_gap(q->status))
            continue;
        if (closed < n) {
            r->cur->reqs[i].status = REQ_MET;
            r->cur->reqs[i].score = 1;
            closed++;
        } else if (opened < n) {
            q->status = REQ_MET;
            q->score = 1;
            opened++;
        }
    }
    r->prev->overall = r->cur->overall * 0.9;
    r->diff = run_diff(r->prev, r->cur);
    r->points = calloc(runs, sizeof *r->points);
    for (i = 0; i < runs; i++) {
        r->points[i].id = i + 1 < runs ? (long long)i + 1 : 0;
        r->points[i].overall = 0.5 + 0.4 * (double)i / (double)runs;
    }
    r->progress.diff = r->diff;
    r->progress.points = r->points;
    r->progress.npoints = runs;
    r->rep->progress = &r->progress;
}

static void laid_free(struct laid *r)
{
    run_diff_free(r->diff);
    run_free(r->prev);
    run_free(r->cur);
    free(r->points);
    pdf_flow_free(r->flow);
    pdfkit_free(r->kit);
    template_free(r->tpl);
    report_free(r->rep);
    lang_free(r->L);
    org_free(r->org);
    profile_free(r->prof);
    catalog_free(r->cat);
    memset(r, 0, sizeof *r);
}

static void lay_out(struct laid *r, const struct shape *s, const char *tpl,
                    const char *lang)
{
    struct cg_errors errs = CG_ERRORS_INIT;
    struct pdf_options po;
    char path[128];

    memset(r, 0, sizeof *r);
    strcpy(dir, "/tmp/cgpdf-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    write_catalog(s);
    write_org(s);
    snprintf(path, sizeof path, "%s/catalog.xml", dir);
    r->cat = catalog_load(path, &errs);
    snprintf(path, sizeof path, "%s/profile.xml", dir);
    r->prof = profile_load(path, &errs);
    ck_assert_msg(r->cat && r->prof, "%s", errs.n ? errs.v[0].msg : "");
    r->org = org_load(dir, r->prof, r->cat, NULL, ORG_DIGESTS, &errs);
    ck_assert_msg(r->org != NULL, "%s", errs.n ? errs.v[0].msg : "");
    r->L = lang_load(lang, &errs);
    r->rep = report_new(r->cat, r->prof, r->L);
    ck_assert(assess_scope(r->rep, &errs) && assess_run(r->rep, r->org,
                                                        &errs));
    plan_build(r->rep, NULL);
    if (with_progress)
        make_progress(r, with_progress, 30);
    r->tpl = template_load(tpl, &errs);
    ck_assert_msg(r->tpl != NULL, "%s", errs.n ? errs.v[0].msg : "");
    po.font_dir = datadir_fonts(NULL);
    po.when = 1790000000;
    po.tpl = r->tpl;
    ck_assert_msg(render_pdf_layout(r->rep, &po, &r->kit, &r->flow, &errs),
                  "%s", errs.n ? errs.v[0].msg : "");
    errors_free(&errs);
    /* The files are read: the folder can go. */
    {
        static const char *const files[] = { "catalog.xml", "profile.xml",
                                             "evidence.csv", "metrics.csv" };
        size_t i;
        for (i = 0; i < 4; i++) {
            snprintf(path, sizeof path, "%s/%s", dir, files[i]);
            unlink(path);
        }
        rmdir(dir);
    }
}

/* ------------------------------------------------------------- checks */

#define EPS 0.5f

static int inside(const struct pdf_box *b, float x0, float y0, float x1,
                  float y1)
{
    return b->x >= x0 - EPS && b->y >= y0 - EPS && b->x + b->w <= x1 + EPS &&
           b->y + b->h <= y1 + EPS;
}

/* Every box within its margins (body) or its page (header, footer). */
static void check_inside(const struct pdf_flow *f)
{
    size_t n, i;
    const struct pdf_box *b = pdf_flow_boxes(f, &n);

    for (i = 0; i < n; i++) {
        float x0, y0, x1, y1, pw, ph;
        int land = pdf_flow_page_landscape(f, b[i].page);
        if (b[i].kind == PDF_BOX_ANCHOR || b[i].kind == PDF_BOX_LINK)
            continue;
        pw = land ? 841.89f : 595.276f;
        ph = land ? 595.276f : 841.89f;
        if (b[i].zone == PDF_ZONE_BODY)
            pdf_flow_body(f, b[i].page, &x0, &y0, &x1, &y1);
        else
            x0 = 0, y0 = 0, x1 = pw, y1 = ph;
        ck_assert_msg(inside(&b[i], x0, y0, x1, y1),
                      "page %zu: box (%g, %g) %g x %g outside (%g, %g)-(%g, "
                      "%g): \"%s\"", b[i].page + 1, (double)b[i].x,
                      (double)b[i].y, (double)b[i].w, (double)b[i].h,
                      (double)x0, (double)y0, (double)x1, (double)y1,
                      b[i].text ? b[i].text : "");
    }
}

/* No line of text over another. */
static void check_no_overlap(const struct pdf_flow *f)
{
    size_t n, i, j, start = 0;
    const struct pdf_box *b = pdf_flow_boxes(f, &n);

    /* Boxes come page by page. */
    while (start < n) {
        size_t end = start;
        while (end < n && b[end].page == b[start].page)
            end++;
        for (i = start; i < end; i++) {
            if (b[i].kind != PDF_BOX_TEXT)
                continue;
            for (j = i + 1; j < end; j++)
                if (b[j].kind == PDF_BOX_TEXT)
                    ck_assert_msg(!pdf_box_overlap(&b[i], &b[j], EPS),
                                  "page %zu: \"%s\" overlaps \"%s\"",
                                  b[i].page + 1, b[i].text, b[j].text);
        }
        start = end;
    }
}

/* A heading is never the last thing on its page. */
static void check_headings_kept(const struct pdf_flow *f)
{
    size_t n, i, j;
    const struct pdf_box *b = pdf_flow_boxes(f, &n);

    for (i = 0; i < n; i++) {
        int followed = 0;
        if (b[i].kind != PDF_BOX_TEXT || b[i].zone != PDF_ZONE_BODY ||
            b[i].block == PDF_NO_BLOCK ||
            pdf_flow_block_kind(f, b[i].block) != PDF_BLOCK_HEADING)
            continue;
        for (j = i + 1; j < n && b[j].page == b[i].page && !followed; j++)
            followed = b[j].zone == PDF_ZONE_BODY &&
                       b[j].block != b[i].block &&
                       b[j].kind != PDF_BOX_ANCHOR;
        ck_assert_msg(followed, "page %zu ends with the heading \"%s\"",
                      b[i].page + 1, b[i].text);
    }
}

/* Height the boxes [from, to] take, page by page, added up. */
static float span_height(const struct pdf_box *b, size_t from, size_t to)
{
    float total = 0, top = 0, bottom = 0;
    size_t i, page = (size_t)-1;

    for (i = from; i <= to; i++) {
        if (b[i].zone != PDF_ZONE_BODY || b[i].kind == PDF_BOX_ANCHOR ||
            b[i].kind == PDF_BOX_LINK)
            continue;
        if (b[i].page != page) {
            total += top - bottom;
            page = b[i].page;
            top = b[i].y + b[i].h;
            bottom = b[i].y;
        }
        top = fmaxf(top, b[i].y + b[i].h);
        bottom = fminf(bottom, b[i].y);
    }
    return total + top - bottom;
}

/*
 * Each gap's finding (its title, then ... the response box) on one
 * page; only a finding taller than a page may be split.
 */
static void check_gap_blocks(const struct pdf_flow *f, const char *response)
{
    size_t n, i, title = (size_t)-1, blocks = 0;
    const struct pdf_box *b = pdf_flow_boxes(f, &n);

    for (i = 0; i < n; i++) {
        float x0, y0, x1, y1;
        if (b[i].kind != PDF_BOX_TEXT)
            continue;
        if (b[i].font == PDF_BOLD && fabsf(b[i].size - 10.5f) < 0.01f &&
            b[i].text[0] >= '1' && b[i].text[0] <= '9' &&
            strstr(b[i].text, ". ")) {
            title = i;
            continue;
        }
        if (strcmp(b[i].text, response) != 0 || title == (size_t)-1)
            continue;
        blocks++;
        if (b[i].page == b[title].page)
            continue;
        pdf_flow_body(f, b[title].page, &x0, &y0, &x1, &y1);
        ck_assert_msg(span_height(b, title, i) > y1 - y0,
                      "a gap finding that fits a page (%g points) is split "
                      "across pages %zu and %zu",
                      (double)span_height(b, title, i), b[title].page + 1,
                      b[i].page + 1);
    }
    ck_assert_uint_gt(blocks, 0);
}

static void check_sections(const struct laid *r)
{
    size_t i;
    for (i = 0; i < r->tpl->nsections; i++) {
        char name[64];
        size_t page;
        snprintf(name, sizeof name, "sec-%s",
                 section_name(r->tpl->sections[i].kind));
        page = pdf_flow_anchor_page(r->flow, name);
        /* Progress only from a workspace with an earlier run. */
        if (r->tpl->sections[i].kind == SEC_PROGRESS && !r->rep->progress)
            ck_assert_msg(page == (size_t)-1, "progress without a run");
        else
            ck_assert_msg(page != (size_t)-1, "section %s missing", name);
    }
}

static void check_all(const struct laid *r, int blocks)
{
    check_inside(r->flow);
    check_no_overlap(r->flow);
    check_headings_kept(r->flow);
    check_sections(r);
    if (blocks)
        check_gap_blocks(r->flow, strcmp(report_lang(r->rep), "es") == 0
                                      ? "Respuesta de la gerencia"
                                      : "Management response");
    if (r->tpl->max_pages)
        ck_assert_uint_le(pdf_flow_page_count(r->flow),
                          (size_t)r->tpl->max_pages);
}

/* -------------------------------------------------------------- tests */

static const struct shape typical = { 40, 3, 0, 0, 1, 1 };

START_TEST(every_template_in_both_languages)
{
    static const char *const tpls[] = { "consultant", "auditor",
                                        "executive" };
    static const char *const langs[] = { "en", "es" };
    struct laid r;
    size_t t = (size_t)_i / 2, l = (size_t)_i % 2;

    lay_out(&r, &typical, tpls[t], langs[l]);
    check_all(&r, t < 2);
    laid_free(&r);
}
END_TEST

/* From a workspace: the progress section in the templates that have
 * it, with a few changes and with hundreds (its lists cut to the
 * section's limit, executive still within four pages). */
START_TEST(progress_since_the_last_run)
{
    static const char *const tpls[] = { "consultant", "executive" };
    static const struct shape many = { 500, 2, 0, 0, 1, 1 };
    struct laid r;
    size_t t = (size_t)_i % 2;
    int big = _i >= 2;

    with_progress = big ? 200 : 3;
    lay_out(&r, big ? &many : &typical, tpls[t], _i % 4 == 1 ? "es" : "en");
    with_progress = 0;
    ck_assert_uint_gt(r.diff->count[CHANGE_CLOSED], 0);
    ck_assert_uint_gt(r.diff->count[CHANGE_OPENED], 0);
    check_all(&r, 0);
    ck_assert_uint_ne(pdf_flow_anchor_page(r.flow, "sec-progress"),
                      (size_t)-1);
    laid_free(&r);
}
END_TEST

START_TEST(long_titles_and_names)
{
    static const struct shape s = { 30, 4, 1, 0, 1, 1 };
    struct laid r;
    lay_out(&r, &s, _i ? "auditor" : "executive", _i ? "es" : "en");
    check_all(&r, 0);
    laid_free(&r);
}
END_TEST

START_TEST(no_gap_at_all)
{
    static const struct shape s = { 20, 2, 0, 1, 1, 1 };
    struct laid r;
    lay_out(&r, &s, "consultant", "en");
    ck_assert_uint_eq(r.rep->plan->ngaps, 0);
    ck_assert_int_eq(r.rep->verdict, VERDICT_READY);
    check_all(&r, 0);
    laid_free(&r);
}
END_TEST

START_TEST(five_hundred_gaps)
{
    static const struct shape s = { 500, 2, 0, 0, 1, 1 };
    struct laid r;
    lay_out(&r, &s, _i ? "executive" : "consultant", "en");
    ck_assert_uint_ge(r.rep->plan->ngaps, 500 * 2 / 3);
    check_all(&r, !_i);
    laid_free(&r);
}
END_TEST

START_TEST(fifty_programs)
{
    static const struct shape s = { 30, 50, 0, 0, 1, 1 };
    struct laid r;
    lay_out(&r, &s, "auditor", "es");
    ck_assert_uint_eq(r.prof->nprograms, 50);
    check_all(&r, 1);
    laid_free(&r);
}
END_TEST

START_TEST(metric_rules_without_kpis_and_no_owners)
{
    static const struct shape s = { 30, 2, 0, 0, 0, 0 };
    struct laid r;
    lay_out(&r, &s, "auditor", "en");
    check_all(&r, 1);
    laid_free(&r);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("render_pdf");
    TCase *tc = tcase_create("layout");
    tcase_set_timeout(tc, 300);
    tcase_add_loop_test(tc, every_template_in_both_languages, 0, 6);
    tcase_add_loop_test(tc, progress_since_the_last_run, 0, 4);
    tcase_add_loop_test(tc, long_titles_and_names, 0, 2);
    tcase_add_test(tc, no_gap_at_all);
    tcase_add_loop_test(tc, five_hundred_gaps, 0, 2);
    tcase_add_test(tc, fifty_programs);
    tcase_add_test(tc, metric_rules_without_kpis_and_no_owners);
    suite_add_tcase(s, tc);
    return s;
}

CG_TEST_MAIN(suite)
