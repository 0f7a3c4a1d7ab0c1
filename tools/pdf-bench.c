/*
 * pdf-bench.c — how fast the PDF layer makes a long report, against bare
 * libharu drawing the same text lines.
 *
 *   pdf-bench [-s SECTIONS] [-r RUNS] [both | flow | bare] [-l LINES]
 *             [-o OUT.pdf]
 *
 * "flow" builds a report of SECTIONS sections (headings, paragraphs,
 * keep-together blocks, 60-row tables with details, bar and line
 * charts; 115 sections make 300+ pages) with pdf_flow, lays it out,
 * draws it and serialises it, best of RUNS.  "bare" draws the same text
 * lines, at the same places, in the same fonts, with nothing but
 * libharu calls (one BT/ET per page, font set when it changes) and
 * serialises that; the lines come from a flow layout made first and not
 * timed, or from a file written by "flow -l LINES" so that the two can
 * run as separate processes (for peak memory, /usr/bin/time -v).
 * "both" (the default) runs both and prints the ratio.
 *
 *   pdf-bench [-r RUNS] report ORGDIR [-t TEMPLATE] [-c CATALOG]
 *             [-o OUT.pdf]
 *
 * "report" times copcgap's own PDF report of an organisation folder
 * (render_pdf: the template's sections laid out, drawn and saved, best
 * of RUNS; loading and assessing are done once first and not timed),
 * then bare libharu drawing the same text lines of that report (taken
 * from its layout), and prints both and the ratio.
 *
 * Fonts from $COPCGAP_FONT_DIR or the system's DejaVu folder.  The
 * bare side may include <hpdf.h>: this is a pdf* file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <hpdf.h>

#include "copcgap/assess.h"
#include "copcgap/datadir.h"
#include "copcgap/load.h"
#include "copcgap/outfile.h"
#include "copcgap/plan.h"
#include "copcgap/render.h"
#include "copcgap/template.h"
#include "copcgap/pdf_chart.h"
#include "copcgap/pdf_flow.h"

struct line {
    size_t page, seq;
    int bold;
    float size, x, y;
    char *text;
};

struct lines {
    struct line *v;
    size_t n, cap;
    unsigned char *landscape;   /* per page */
    size_t npages;
};

/*
 * CPU time of the process: both sides are single-threaded, and the
 * machine is shared, so wall-clock time would mostly measure the
 * neighbours.
 */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static long peak_rss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

static const char lorem[] =
    "The organisation shall define, document and review the processes "
    "that deliver its contact-centre services, with owners, measurable "
    "goals and evidence of review at least once a year; deviations are "
    "recorded, analysed for their cause and corrected within the agreed "
    "time, and the results are reported to leadership.";

/* ------------------------------------------------------------- report */

static void bars(struct pdf_canvas *cv, float w, float h, void *u)
{
    static const struct pdf_tick ticks[] = { { 0, "0 %" }, { 50, "50 %" },
                                             { 100, "100 %" } };
    static const struct pdf_hbar b[] = {
        { "1 Leadership", 92, "92 %", 0 }, { "2 Performance", 78, "78 %", 0 },
        { "3 People", 55, "55 %", 1 }, { "4 Processes", 81, "81 %", 0 },
        { "5 Client experience", 40, "40 %", 1 },
    };
    struct pdf_hbar_chart c;
    struct pdf_rect r = { 0, 0, w, h };

    (void)u;
    memset(&c, 0, sizeof c);
    c.bars = b;
    c.nbars = 5;
    c.max = 100;
    c.ticks = ticks;
    c.nticks = 3;
    c.has_threshold = 1;
    c.threshold = 70;
    c.threshold_text = "pass mark 70 %";
    pdf_chart_hbars(cv, &r, &c);
}

static void lines_chart(struct pdf_canvas *cv, float w, float h, void *u)
{
    static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May",
                                          "Jun", "Jul", "Aug", "Sep", "Oct",
                                          "Nov", "Dec" };
    static const double v[12] = { 78, 81, 84, 79, 80, 83, 86, 88, 85, 82,
                                  80, 84 };
    static const signed char verdict[12] = { 0, 1, 1, 0, 1, 1, 1, 1, 1, 1,
                                             1, 1 };
    static const struct pdf_tick yt[] = { { 60, "60" }, { 80, "80" },
                                          { 100, "100" } };
    struct pdf_series s[3];
    struct pdf_line_chart c;
    struct pdf_rect r = { 0, 0, w, h };
    size_t i;

    (void)u;
    memset(s, 0, sizeof s);
    for (i = 0; i < 3; i++) {
        s[i].title = "Service level";
        s[i].values = v;
        s[i].verdict = verdict;
        s[i].has_target = 1;
        s[i].target = 80;
        s[i].target_text = "target 80 %";
        s[i].window_from = 6;
        s[i].window_to = 12;
        s[i].ymin = 60;
        s[i].ymax = 100;
        s[i].yticks = yt;
        s[i].nyticks = 3;
    }
    memset(&c, 0, sizeof c);
    c.series = s;
    c.nseries = 3;
    c.months = months;
    c.nmonths = 12;
    c.pass_text = "pass";
    c.fail_text = "fail";
    pdf_chart_lines(cv, &r, &c);
}

static void section(struct pdf_flow *f, struct arena *a, size_t i)
{
    static const char *const header[] = { "Id", "Requirement", "Status",
                                          "Score" };
    static const struct pdf_col cols[] = {
        { 42, 0, ALIGN_LEFT }, { 0, 1, ALIGN_LEFT }, { 70, 0, ALIGN_LEFT },
        { 46, 0, ALIGN_RIGHT },
    };
    static const struct rgb red = { 0.98f, 0.78f, 0.76f };
    struct pdf_style body = pdf_style_body();
    struct pdf_table_spec ts;
    size_t r;

    pdf_flow_heading(f, 1, arena_printf(a, "Section %zu", i + 1),
                     arena_printf(a, "s%zu", i));
    pdf_flow_para(f, &body, lorem);
    pdf_flow_para(f, &body, lorem);
    if (i % 5 == 0)
        pdf_flow_drawing(f, 130, bars, NULL);
    if (i % 5 == 2)
        pdf_flow_drawing(f, 110, lines_chart, NULL);
    pdf_flow_keep_begin(f);
    pdf_flow_heading(f, 3, "Action", NULL);
    pdf_flow_para(f, &body, "Owner: Ver\xC3\xB3nica R\xC3\xADos. Start "
                  "2026-11-01, due 2027-01-15.");
    pdf_flow_para(f, &body, lorem);
    pdf_flow_keep_end(f);
    memset(&ts, 0, sizeof ts);
    ts.ncols = 4;
    ts.cols = cols;
    ts.header = header;
    ts.continued = "Requirements (continued)";
    ts.detail_col = 1;
    pdf_flow_table_begin(f, &ts);
    for (r = 0; r < 60; r++) {
        const char *cells[4];
        const struct rgb *cf[4] = { NULL, NULL, NULL, NULL };
        struct pdf_row row;
        memset(&row, 0, sizeof row);
        cells[0] = arena_printf(a, "%zu.%zu", i + 1, r + 1);
        cells[1] = r % 4 ? "Documented policy for quality management "
                           "approved by leadership"
                         : "Calibration of evaluators \xE2\x89\xA5 "
                           "quarterly, with a title long enough to wrap";
        cells[2] = r % 3 ? "met" : "not met";
        cells[3] = "88.3 %";
        if (r % 3 == 0)
            cf[2] = &red;
        row.cells = cells;
        row.cell_fill = cf;
        row.detail = r % 3 ? NULL : lorem;
        pdf_flow_table_row(f, &row);
    }
    pdf_flow_table_end(f);
}

/* Build, lay out, draw and serialise the report; 0 on error. */
/* Seconds spent in each phase of the last flow run. */
static double t_build, t_layout, t_draw, t_save;

static int run_flow(size_t sections, const char *out, struct lines *keep,
                    size_t *pages, size_t *bytes)
{
    double t0 = now(), t1;
    struct cg_errors errs = CG_ERRORS_INIT;
    struct pdfkit *k = pdfkit_new(datadir_fonts(NULL), 1790000000, &errs);
    struct arena *a = arena_new();
    struct pdf_flow *f;
    struct pdf_running run;
    unsigned char *buf = NULL;
    size_t len = 0, i;
    int ok = 0;

    if (!k)
        goto done;
    f = pdf_flow_new(k, NULL);
    memset(&run, 0, sizeof run);
    run.header_left = "Acme Contact Services";
    run.footer_left = "Generated by copcgap";
    run.page_fmt = "page {page} of {pages}";
    pdf_flow_set_running(f, &run);
    for (i = 0; i < sections; i++)
        section(f, a, i);
    t1 = now();
    t_build = t1 - t0;
    if (pdf_flow_layout(f, &errs)) {
        t_layout = now() - t1;
        t1 = now();
        if (pdf_flow_render(f, &errs)) {
            t_draw = now() - t1;
            t1 = now();
            buf = pdfkit_save_doc(k, &len, &errs);
            t_save = now() - t1;
        }
    }
    if (buf) {
        ok = 1;
        *pages = pdf_flow_page_count(f);
        *bytes = len;
        if (out) {
            FILE *fp = fopen(out, "wb");
            ok = fp && fwrite(buf, 1, len, fp) == len;
            if (fp && fclose(fp) != 0)
                ok = 0;
        }
    }
    if (ok && keep) {
        size_t n;
        const struct pdf_box *b = pdf_flow_boxes(f, &n);
        keep->npages = pdf_flow_page_count(f);
        keep->landscape = xcalloc(keep->npages, 1);
        for (i = 0; i < keep->npages; i++)
            keep->landscape[i] = (unsigned char)pdf_flow_page_landscape(f, i);
        for (i = 0; i < n; i++) {
            struct line *l;
            if (b[i].kind != PDF_BOX_TEXT || !b[i].text || !*b[i].text)
                continue;
            l = &VEC_PUSH(keep->v, keep->n, keep->cap);
            l->seq = keep->n;
            l->page = b[i].page;
            l->bold = b[i].font == PDF_BOLD;
            l->size = b[i].size;
            l->x = b[i].x;
            l->y = b[i].baseline;
            l->text = xstrdup(b[i].text);
        }
    }
    free(buf);
    pdf_flow_free(f);
done:
    for (i = 0; i < errs.n; i++)
        fprintf(stderr, "pdf-bench: %s\n", errs.v[i].msg);
    errors_free(&errs);
    pdfkit_free(k);
    arena_free(a);
    return ok;
}

/* --------------------------------------------------------- bare libharu */

static void bare_error(HPDF_STATUS e, HPDF_STATUS d, void *u)
{
    int *failed = u;
    (void)d;
    if (!*failed)
        fprintf(stderr, "pdf-bench: libharu error 0x%04X\n", (unsigned)e);
    *failed = 1;
}

static int run_bare(const struct lines *ls, const char *out, size_t *bytes)
{
    char path[1024];
    int failed = 0;
    HPDF_Doc pdf = HPDF_New(bare_error, &failed);
    HPDF_Font font[2];
    const char *name;
    size_t i = 0, p;
    HPDF_UINT32 len;
    unsigned char *buf;

    if (!pdf)
        return 0;
    HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(pdf);
    HPDF_SetCurrentEncoder(pdf, "UTF-8");
    snprintf(path, sizeof path, "%s/DejaVuSans.ttf", datadir_fonts(NULL));
    name = HPDF_LoadTTFontFromFile(pdf, path, HPDF_TRUE);
    font[0] = HPDF_GetFont(pdf, name, "UTF-8");
    snprintf(path, sizeof path, "%s/DejaVuSans-Bold.ttf",
             datadir_fonts(NULL));
    name = HPDF_LoadTTFontFromFile(pdf, path, HPDF_TRUE);
    font[1] = HPDF_GetFont(pdf, name, "UTF-8");
    for (p = 0; p < ls->npages && !failed; p++) {
        HPDF_Page page = HPDF_AddPage(pdf);
        int cur = -1;
        float cur_size = 0;
        HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, ls->landscape[p]
                          ? HPDF_PAGE_LANDSCAPE : HPDF_PAGE_PORTRAIT);
        HPDF_Page_BeginText(page);
        for (; i < ls->n && ls->v[i].page == p; i++) {
            const struct line *l = &ls->v[i];
            if (l->bold != cur || l->size != cur_size) {
                HPDF_Page_SetFontAndSize(page, font[l->bold], l->size);
                cur = l->bold;
                cur_size = l->size;
            }
            HPDF_Page_TextOut(page, l->x, l->y, l->text);
        }
        HPDF_Page_EndText(page);
    }
    if (!failed && HPDF_SaveToStream(pdf) == HPDF_OK) {
        len = HPDF_GetStreamSize(pdf);
        buf = malloc(len ? len : 1);
        if (buf && HPDF_ReadFromStream(pdf, buf, &len) != HPDF_OK &&
            !failed) {
            /* HPDF_STREAM_EOF after reading everything is normal. */
        }
        *bytes = len;
        if (out && buf) {
            FILE *fp = fopen(out, "wb");
            if (!fp || fwrite(buf, 1, len, fp) != len)
                failed = 1;
            if (fp && fclose(fp) != 0)
                failed = 1;
        }
        free(buf);
    }
    HPDF_Free(pdf);
    return !failed;
}

/* Lines sorted by page (running texts come last in the flow's list). */
static int by_page(const void *a, const void *b)
{
    const struct line *x = a, *y = b;
    if (x->page != y->page)
        return x->page < y->page ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* ------------------------------------------------------- lines on disk */

static int save_lines(const struct lines *ls, const char *path)
{
    FILE *fp = fopen(path, "w");
    size_t i;

    if (!fp)
        return 0;
    fprintf(fp, "%zu\n", ls->npages);
    for (i = 0; i < ls->npages; i++)
        fprintf(fp, "%d\n", ls->landscape[i]);
    for (i = 0; i < ls->n; i++)
        fprintf(fp, "%zu\t%d\t%.4f\t%.4f\t%.4f\t%s\n", ls->v[i].page,
                ls->v[i].bold, (double)ls->v[i].size, (double)ls->v[i].x,
                (double)ls->v[i].y, ls->v[i].text);
    return fclose(fp) == 0;
}

static int load_lines(struct lines *ls, const char *path)
{
    FILE *fp = fopen(path, "r");
    char buf[4096];
    size_t i;

    if (!fp || !fgets(buf, sizeof buf, fp))
        return 0;
    ls->npages = (size_t)strtoul(buf, NULL, 10);
    ls->landscape = xcalloc(ls->npages ? ls->npages : 1, 1);
    for (i = 0; i < ls->npages && fgets(buf, sizeof buf, fp); i++)
        ls->landscape[i] = buf[0] == '1';
    while (fgets(buf, sizeof buf, fp)) {
        struct line *l = &VEC_PUSH(ls->v, ls->n, ls->cap);
        char *s = buf, *end;
        l->seq = ls->n;
        l->page = (size_t)strtoul(s, &end, 10);
        l->bold = (int)strtol(end + 1, &end, 10);
        l->size = strtof(end + 1, &end);
        l->x = strtof(end + 1, &end);
        l->y = strtof(end + 1, &end);
        s = end + 1;
        s[strcspn(s, "\n")] = '\0';
        l->text = xstrdup(s);
    }
    fclose(fp);
    return 1;
}

static void free_lines(struct lines *ls)
{
    size_t i;
    for (i = 0; i < ls->n; i++)
        free(ls->v[i].text);
    free(ls->v);
    free(ls->landscape);
}

/* ------------------------------------------------- the real report */

struct loaded {
    struct catalog *cat;
    struct profile *prof;
    struct orgdata *org;
    struct lang *L;
    struct report *rep;
    struct report_template *tpl;
};

static void print_errors(struct cg_errors *errs)
{
    size_t i;
    for (i = 0; i < errs->n; i++) {
        struct strbuf sb = STRBUF_INIT;
        error_format(&errs->v[i], &sb);
        fprintf(stderr, "pdf-bench: %s\n", sb.buf);
        strbuf_free(&sb);
    }
}

static int load_report(struct loaded *l, const char *dir, const char *cat,
                       const char *tpl)
{
    struct cg_errors errs = CG_ERRORS_INIT;
    struct strbuf path = STRBUF_INIT;
    int ok = 0;

    memset(l, 0, sizeof *l);
    strbuf_printf(&path, "%s/profile.xml", dir);
    if ((l->cat = catalog_load(cat, &errs)) &&
        (l->prof = profile_load(path.buf, &errs)) &&
        (l->org = org_load(dir, l->prof, l->cat, NULL, ORG_DIGESTS,
                           &errs)) &&
        (l->L = lang_load("en", &errs)) &&
        (l->rep = report_new(l->cat, l->prof, l->L)) &&
        assess_scope(l->rep, &errs) && assess_run(l->rep, l->org, &errs)) {
        plan_build(l->rep, NULL);
        ok = (l->tpl = template_load(tpl, &errs)) != NULL;
    }
    print_errors(&errs);
    errors_free(&errs);
    strbuf_free(&path);
    return ok;
}

static void loaded_free(struct loaded *l)
{
    template_free(l->tpl);
    report_free(l->rep);
    lang_free(l->L);
    org_free(l->org);
    profile_free(l->prof);
    catalog_free(l->cat);
}

/* The report's text lines, as bare libharu will draw them. */
static int report_lines(const struct loaded *l,
                        const struct pdf_options *po, struct lines *ls)
{
    struct cg_errors errs = CG_ERRORS_INIT;
    struct pdfkit *k = NULL;
    struct pdf_flow *f = NULL;
    int ok = render_pdf_layout(l->rep, po, &k, &f, &errs);

    if (ok) {
        size_t n, i;
        const struct pdf_box *b = pdf_flow_boxes(f, &n);
        ls->npages = pdf_flow_page_count(f);
        ls->landscape = xcalloc(ls->npages ? ls->npages : 1, 1);
        for (i = 0; i < ls->npages; i++)
            ls->landscape[i] = (unsigned char)pdf_flow_page_landscape(f, i);
        for (i = 0; i < n; i++) {
            struct line *ln;
            if (b[i].kind != PDF_BOX_TEXT || !b[i].text || !*b[i].text)
                continue;
            ln = &VEC_PUSH(ls->v, ls->n, ls->cap);
            ln->seq = ls->n;
            ln->page = b[i].page;
            ln->bold = b[i].font == PDF_BOLD;
            ln->size = b[i].size;
            ln->x = b[i].x;
            ln->y = b[i].baseline;
            ln->text = xstrdup(b[i].text);
        }
    }
    print_errors(&errs);
    errors_free(&errs);
    pdf_flow_free(f);
    pdfkit_free(k);
    return ok;
}

/* render_pdf into OUT (or a scratch file), best of `runs`. */
static int time_report(const struct loaded *l, const struct pdf_options *po,
                       const char *out, size_t runs, double *best)
{
    size_t r;

    for (r = 0; r < runs; r++) {
        struct cg_errors errs = CG_ERRORS_INIT;
        struct outfile o;
        double t0 = now(), t;
        int ok = outfile_open(&o, out, &errs) &&
                 render_pdf(l->rep, po, &o, &errs);
        ok = ok ? outfile_commit(&o, &errs) : (outfile_abort(&o), 0);
        t = now() - t0;
        print_errors(&errs);
        errors_free(&errs);
        if (!ok)
            return 0;
        if (r == 0 || t < *best)
            *best = t;
    }
    return 1;
}

static int run_report(int argc, char **argv, int i, size_t runs)
{
    const char *dir = NULL, *cat = "standards/copc-cx-aligned.xml";
    const char *tpl = "auditor", *out = "/tmp/pdf-bench-report.pdf";
    struct pdf_options po;
    struct loaded l;
    struct lines ls;
    double t_rep = 0, t_bare = 0, t0;
    size_t bare_bytes = 0, r;
    int ok;

    for (; i < argc; i++) {
        if (strcmp(argv[i], "-t") == 0 && i + 1 < argc)
            tpl = argv[++i];
        else if (strcmp(argv[i], "-c") == 0 && i + 1 < argc)
            cat = argv[++i];
        else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
            out = argv[++i];
        else if (!dir)
            dir = argv[i];
        else {
            dir = NULL;         /* a second folder: usage */
            break;
        }
    }
    if (!dir) {
        fprintf(stderr, "usage: pdf-bench [-r RUNS] report ORGDIR "
                "[-t TEMPLATE] [-c CATALOG] [-o OUT.pdf]\n");
        return 2;
    }
    if (!load_report(&l, dir, cat, tpl))
        return 1;
    po.font_dir = datadir_fonts(NULL);
    po.when = 1790000000;
    po.tpl = l.tpl;
    memset(&ls, 0, sizeof ls);
    ok = time_report(&l, &po, out, runs, &t_rep) &&
         report_lines(&l, &po, &ls);
    if (ok) {
        printf("report: %zu pages (template %s), best of %zu: %.3f s, "
               "%.0f pages/s, peak RSS %.1f MB\n", ls.npages, tpl, runs,
               t_rep, (double)ls.npages / t_rep,
               (double)peak_rss_kb() / 1024);
        qsort(ls.v, ls.n, sizeof *ls.v, by_page);
        for (r = 0; r < runs && ok; r++) {
            double t;
            t0 = now();
            ok = run_bare(&ls, NULL, &bare_bytes);
            t = now() - t0;
            if (r == 0 || t < t_bare)
                t_bare = t;
        }
    }
    if (ok) {
        printf("bare: %zu pages, %zu lines, %zu bytes, best of %zu: %.3f s, "
               "%.0f pages/s\n", ls.npages, ls.n, bare_bytes, runs, t_bare,
               (double)ls.npages / t_bare);
        printf("report / bare speed: %.2f (target >= 0.50: %s)\n",
               t_bare / t_rep, t_bare / t_rep >= 0.5 ? "met" : "NOT met");
    }
    free_lines(&ls);
    loaded_free(&l);
    return ok ? 0 : 1;
}

int main(int argc, char **argv)
{
    const char *mode = "both", *lines_file = NULL, *out = NULL;
    size_t sections = 115, runs = 3, r, pages = 0, bytes = 0, bare_bytes = 0;
    double t_flow = 0, t_bare = 0;
    struct lines ls;
    int i;

    memset(&ls, 0, sizeof ls);
    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-s") == 0 && i + 1 < argc)
            sections = (size_t)strtoul(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "-r") == 0 && i + 1 < argc)
            runs = (size_t)strtoul(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "-l") == 0 && i + 1 < argc)
            lines_file = argv[++i];
        else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
            out = argv[++i];
        else if (strcmp(argv[i], "report") == 0)
            return run_report(argc, argv, i + 1, runs ? runs : 1);
        else if (strcmp(argv[i], "both") == 0 ||
                 strcmp(argv[i], "flow") == 0 ||
                 strcmp(argv[i], "bare") == 0)
            mode = argv[i];
        else {
            fprintf(stderr, "usage: pdf-bench [-s SECTIONS] [-r RUNS] "
                    "[both|flow|bare] [-l LINES] [-o OUT.pdf]\n"
                    "       pdf-bench [-r RUNS] report ORGDIR [-t TEMPLATE] "
                    "[-c CATALOG] [-o OUT.pdf]\n");
            return 2;
        }
    }
    if (runs == 0)
        runs = 1;

    if (strcmp(mode, "bare") != 0) {
        for (r = 0; r < runs; r++) {
            double t0 = now(), t;
            struct lines *keep = r == 0 ? &ls : NULL;
            if (!run_flow(sections, r == 0 ? out : NULL, keep, &pages,
                          &bytes))
                return 1;
            t = now() - t0;
            if (r == 0 || t < t_flow)
                t_flow = t;
        }
        printf("flow: %zu pages, %zu bytes, best of %zu: %.3f s, %.0f "
               "pages/s, peak RSS %.1f MB\n", pages, bytes, runs, t_flow,
               (double)pages / t_flow, (double)peak_rss_kb() / 1024);
        printf("  last run: fonts and blocks %.3f s, layout %.3f s, "
               "drawing %.3f s, saving %.3f s\n", t_build, t_layout, t_draw,
               t_save);
        if (lines_file && !save_lines(&ls, lines_file)) {
            fprintf(stderr, "pdf-bench: cannot write %s\n", lines_file);
            return 1;
        }
    } else if (lines_file) {
        if (!load_lines(&ls, lines_file)) {
            fprintf(stderr, "pdf-bench: cannot read %s\n", lines_file);
            return 1;
        }
    } else {
        /* The lines to draw come from a layout that is not timed. */
        if (!run_flow(sections, NULL, &ls, &pages, &bytes))
            return 1;
    }
    if (strcmp(mode, "flow") == 0) {
        free_lines(&ls);
        return 0;
    }
    qsort(ls.v, ls.n, sizeof *ls.v, by_page);
    for (r = 0; r < runs; r++) {
        double t0 = now(), t;
        if (!run_bare(&ls, strcmp(mode, "bare") == 0 && r == 0 ? out : NULL,
                      &bare_bytes))
            return 1;
        t = now() - t0;
        if (r == 0 || t < t_bare)
            t_bare = t;
    }
    printf("bare: %zu pages, %zu lines, %zu bytes, best of %zu: %.3f s, "
           "%.0f pages/s, peak RSS %.1f MB\n", ls.npages, ls.n, bare_bytes,
           runs, t_bare, (double)ls.npages / t_bare,
           (double)peak_rss_kb() / 1024);
    if (strcmp(mode, "both") == 0)
        printf("flow / bare speed: %.2f (target >= 0.50: %s)\n",
               t_bare / t_flow, t_bare / t_flow >= 0.5 ? "met" : "NOT met");
    free_lines(&ls);
    return 0;
}
