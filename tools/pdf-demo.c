/*
 * pdf-demo.c — a gallery of the PDF layer: one page or so of each flow
 * block and chart, with made-up content, to look at what the layer draws
 * (pdftoppm -png -r 50 demo.pdf /tmp/demo) and as a worked example for
 * report templates.
 *
 *   pdf-demo OUT.pdf [--lang es]
 *
 * Fonts come from $COPCGAP_FONT_DIR or the system's DejaVu folder.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copcgap/datadir.h"
#include "copcgap/pdf_chart.h"
#include "copcgap/pdf_flow.h"

static const char *const months[] = {
    "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
    "Sep", "Oct",
};

static const struct pdf_tick pct_ticks[] = {
    { 0, "0 %" }, { 25, "25 %" }, { 50, "50 %" }, { 75, "75 %" },
    { 100, "100 %" },
};

/* ------------------------------------------------------------- charts */

static void draw_bars(struct pdf_canvas *cv, float w, float h, void *u)
{
    static const struct pdf_hbar bars[] = {
        { "1 Leadership & Planning", 92, "92 %", 0 },
        { "2 Performance management and reporting", 78, "78 %", 0 },
        { "3 People", 55, "55 %", 1 },
        { "4 Processes", 81, "81 %", 0 },
        { "5 Client experience", 40, "40 %", 1 },
    };
    struct pdf_hbar_chart c;
    struct pdf_rect r = { 0, 0, w, h };

    (void)u;
    memset(&c, 0, sizeof c);
    c.bars = bars;
    c.nbars = 5;
    c.max = 100;
    c.ticks = pct_ticks;
    c.nticks = 5;
    c.has_threshold = 1;
    c.threshold = 70;
    c.threshold_text = "pass mark 70 %";
    c.axis_title = "score by category";
    pdf_chart_hbars(cv, &r, &c);
}

static void draw_status(struct pdf_canvas *cv, float w, float h, void *u)
{
    static const struct pdf_status_part parts[] = {
        { "met", 42, "42", &pdf_chart_good, PDF_HATCH_NONE },
        { "partial", 11, "11", &pdf_chart_warn, PDF_HATCH_NONE },
        { "not met", 6, "6", &pdf_chart_bad, PDF_HATCH_DIAG },
        { "not evidenced", 4, "4", &pdf_chart_none, PDF_HATCH_DOTS },
        { "n/a", 2, "2", NULL, PDF_HATCH_NONE },
    };
    struct pdf_status_chart c = { parts, 5 };
    struct pdf_rect r = { 0, 0, w, h };
    (void)u;
    pdf_chart_status(cv, &r, &c);
}

static void draw_lines(struct pdf_canvas *cv, float w, float h, void *u)
{
    static const double sl[12] = { 78, 81, 84, 79, 0, 83, 86, 88, 85, 82,
                                   80, 84 };
    static const unsigned char slp[12] = { 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1,
                                           1 };
    static const signed char slv[12] = { -1, -1, -1, -1, -1, -1, 1, 1, 1, 1,
                                         0, 1 };
    static const double ab[12] = { 4.1, 3.8, 5.2, 6.0, 4.4, 3.9, 3.5, 3.1,
                                   2.9, 3.3, 3.0, 2.8 };
    static const signed char abv[12] = { -1, -1, -1, -1, -1, -1, 0, 1, 1, 1,
                                         1, 1 };
    static const struct pdf_tick slt[] = { { 60, "60" }, { 80, "80" },
                                           { 100, "100" } };
    static const struct pdf_tick abt[] = { { 0, "0" }, { 4, "4" },
                                           { 8, "8" } };
    struct pdf_series s[6];
    struct pdf_line_chart c;
    struct pdf_rect r = { 0, 0, w, h };
    size_t i;

    (void)u;
    memset(s, 0, sizeof s);
    for (i = 0; i < 6; i++) {
        int sla = i % 2 == 0;
        s[i].title = sla ? "Service level, voice (Retail care)"
                         : "Abandon rate, voice";
        s[i].values = sla ? sl : ab;
        s[i].present = sla ? slp : NULL;
        s[i].verdict = sla ? slv : abv;
        s[i].has_target = 1;
        s[i].target = sla ? 80 : 5;
        s[i].target_text = sla ? "target 80 %" : "target 5 %";
        s[i].window_from = 6;
        s[i].window_to = 12;
        s[i].ymin = sla ? 60 : 0;
        s[i].ymax = sla ? 100 : 8;
        s[i].yticks = sla ? slt : abt;
        s[i].nyticks = 3;
    }
    memset(&c, 0, sizeof c);
    c.series = s;
    c.nseries = 6;
    c.cols = 3;
    c.months = months;
    c.nmonths = 12;
    c.pass_text = "month meets target";
    c.fail_text = "month misses target";
    c.target_text = "target";
    c.window_text = "months the rule looks at";
    pdf_chart_lines(cv, &r, &c);
}

static void draw_heat(struct pdf_canvas *cv, float w, float h, void *u)
{
    static const char *const rows[] = { "Leadership", "Performance",
                                        "People", "Processes",
                                        "Client experience" };
    static const char *const cols[] = { "Retail voice", "Banking chat",
                                        "Collections", "Email",
                                        "Social care and messaging" };
    double v[25];
    unsigned char present[25];
    const char *text[25];
    struct pdf_heatmap c;
    struct pdf_rect r = { 0, 0, w, h };
    size_t i;

    (void)u;
    for (i = 0; i < 25; i++) {
        v[i] = (double)((i * 37) % 100) / 100.0;
        present[i] = i % 11 != 7;
        text[i] = arena_printf(pdf_canvas_arena(cv), "%.0f %%", v[i] * 100);
    }
    memset(&c, 0, sizeof c);
    c.nrows = 5;
    c.ncols = 5;
    c.row_labels = rows;
    c.col_labels = cols;
    c.values = v;
    c.present = present;
    c.cell_text = text;
    c.low_text = "0 % ready";
    c.high_text = "100 %";
    c.none_text = "no data";
    pdf_chart_heatmap(cv, &r, &c);
}

static void draw_columns(struct pdf_canvas *cv, float w, float h, void *u)
{
    static const double load[12] = { 6, 9, 12, 15, 11, 8, 14, 16, 9, 5, 3,
                                     2 };
    static const struct pdf_tick t[] = { { 0, "0" }, { 5, "5" },
                                         { 10, "10" }, { 15, "15 d" } };
    struct pdf_column cols[12];
    struct pdf_column_chart c;
    struct pdf_rect r = { 0, 0, w, h };
    size_t i;

    (void)u;
    for (i = 0; i < 12; i++) {
        cols[i].label = months[i];
        cols[i].value = load[i];
        cols[i].value_text = arena_printf(pdf_canvas_arena(cv), "%.0f",
                                          load[i]);
    }
    memset(&c, 0, sizeof c);
    c.cols = cols;
    c.ncols = 12;
    c.max = 18;
    c.yticks = t;
    c.nyticks = 4;
    c.has_capacity = 1;
    c.capacity = 12;
    c.capacity_text = "capacity 12 days";
    c.over_text = "over capacity";
    pdf_chart_columns(cv, &r, &c);
}

struct gantt_chunk {
    const struct pdf_gantt *g;
    size_t first, count;
};

static void draw_gantt(struct pdf_canvas *cv, float w, float h, void *u)
{
    const struct gantt_chunk *ch = u;
    struct pdf_gantt g = *ch->g;
    struct pdf_rect r = { 0, 0, w, h };

    g.first = ch->first;
    g.count = ch->count;
    pdf_chart_gantt(cv, &r, &g);
}

static void gantt_pages(struct pdf_flow *f, struct pdfkit *k,
                        struct arena *a)
{
    static const struct pdf_gantt_mark marks[] = {
        { 30, "today", 1 }, { 120, "mock audit", 0 }, { 134, "audit", 1 },
    };
    static const struct pdf_gantt_dep deps[] = {
        { 0, 3 }, { 2, 5 }, { 8, 9 }, { 12, 30 },
    };
    struct pdf_gantt_row rows[40];
    struct pdf_tick ticks[7];
    struct pdf_gantt g;
    size_t i, fit;

    for (i = 0; i < 40; i++) {
        rows[i].label = arena_printf(a, "%zu.%zu.%zu %s", i / 9 + 1,
                                     i % 9 + 1, i % 4 + 1,
                                     i % 3 ? "Action plan item"
                                           : "Quality assurance calibration");
        rows[i].start = (int)((i * 13) % 100);
        rows[i].end = rows[i].start + 20 + (int)(i % 5) * 9;
        rows[i].flags = (i % 7 == 3 ? PDF_GANTT_AT_RISK : 0) |
                        (i % 5 == 1 ? PDF_GANTT_CRITICAL : 0) |
                        (i % 11 == 0 ? PDF_GANTT_DONE : 0);
    }
    for (i = 0; i < 7; i++) {
        ticks[i].value = (double)(i * 30);
        ticks[i].text = months[i];
    }
    memset(&g, 0, sizeof g);
    g.rows = rows;
    g.nrows = 40;
    g.day0 = 0;
    g.day1 = 180;
    g.ticks = ticks;
    g.nticks = 6;
    g.marks = marks;
    g.nmarks = 3;
    g.deps = deps;
    g.ndeps = 4;
    g.plain_text = "planned";
    g.at_risk_text = "at risk";
    g.critical_text = "critical requirement";
    g.done_text = "done";
    pdf_flow_page_break(f, PDF_LANDSCAPE, 0);
    pdf_flow_heading(f, 1, "Roadmap", "roadmap");
    fit = pdf_chart_gantt_rows_fit(k, &g, pdf_flow_width(f),
                                   pdf_flow_room(f) - 40);
    for (i = 0; i < g.nrows; i += fit) {
        struct gantt_chunk ch;
        size_t n = g.nrows - i < fit ? g.nrows - i : fit;
        ch.g = &g;
        ch.first = i;
        ch.count = n;
        pdf_flow_drawing(f, pdf_chart_gantt_height(k, &g, pdf_flow_width(f),
                                                   n), draw_gantt, &ch);
    }
    pdf_flow_page_break(f, PDF_PORTRAIT, 0);
}

/* -------------------------------------------------------------- pages */

static void front(struct pdf_flow *f)
{
    struct pdf_style title = pdf_style_body(), sub = pdf_style_body();

    pdf_flow_page_break(f, PDF_PORTRAIT, PDF_PAGE_BARE);
    pdf_flow_spacer(f, 1);
    pdf_flow_drawing(f, 180, NULL, NULL);
    title.font = PDF_BOLD;
    title.size = 26;
    title.color = (struct rgb){ 0.05f, 0.28f, 0.52f };
    pdf_flow_para(f, &title, "COPC readiness assessment");
    sub.size = 14;
    pdf_flow_para(f, &sub, "Se\xC3\xB1or Caf\xC3\xA9 \xE2\x80\x93 "
                  "\xE2\x80\x9C\xC3\x91" "and\xC3\xBA\xE2\x80\x9D "
                  "Contact Services, S.A.");
    pdf_flow_page_break(f, PDF_PORTRAIT, 0);
    pdf_flow_heading(f, 1, "Contents", NULL);
    pdf_flow_toc_entry(f, NULL, 1, "Executive summary", "summary");
    pdf_flow_toc_entry(f, NULL, 2, "Readiness by category", "bars");
    pdf_flow_toc_entry(f, NULL, 1, "KPI trends", "kpi");
    pdf_flow_toc_entry(f, NULL, 1, "Heat map and owner load", "heat");
    pdf_flow_toc_entry(f, NULL, 1, "Roadmap", "roadmap");
    pdf_flow_toc_entry(f, NULL, 1, "Requirements", "reqs");
    pdf_flow_toc_entry(f, NULL, 1, "Appendix: evidence", "appendix");
}

static void summary(struct pdf_flow *f)
{
    static const struct rgb red = { 0.62f, 0.12f, 0.12f };
    static const struct rgb pale_red = { 0.98f, 0.86f, 0.85f };
    static const struct rgb white = { 1, 1, 1 };
    static const struct pdf_kv kv[] = {
        { "Organisation", "Acme Contact Services (acme)" },
        { "Responsable de la evaluaci\xC3\xB3n",
          "Ver\xC3\xB3nica R\xC3\xADos" },
        { "Target audit", "2027-03-15" },
        { "Programs", "Retail care (voice), Banking chat (chat), Collections "
                      "(back-office), Social care (messaging)" },
    };
    struct pdf_tile tiles[4];
    struct pdf_style body = pdf_style_body();

    memset(tiles, 0, sizeof tiles);
    tiles[0].value = "not ready";
    tiles[0].caption = "3 critical requirements not met (the score alone "
                       "would give conditional)";
    tiles[0].fill = &red;
    tiles[0].ink = &white;
    tiles[0].hatch = PDF_HATCH_DIAG;
    tiles[1].value = "88.3 %";
    tiles[1].caption = "overall readiness score";
    tiles[2].value = "4";
    tiles[2].caption = "gaps at risk of missing the audit date";
    tiles[2].fill = &pale_red;
    tiles[2].hatch = PDF_HATCH_BACKDIAG;
    tiles[2].link = "roadmap";
    tiles[3].value = "2027-06-01";
    tiles[3].caption = "earliest date every gap could close";
    pdf_flow_page_break(f, PDF_PORTRAIT, 0);
    pdf_flow_heading(f, 1, "Executive summary", "summary");
    pdf_flow_kv(f, kv, 4, NULL, NULL);
    pdf_flow_tiles(f, tiles, 4, 64);
    pdf_flow_para(f, &body, "Requirements by status (\xE2\x89\xA5 98 % "
                  "accuracy; \xE2\x89\xA4 5 % abandons):");
    pdf_flow_drawing(f, 70, draw_status, NULL);
    pdf_flow_heading(f, 2, "Readiness by category", "bars");
    pdf_flow_drawing(f, 150, draw_bars, NULL);
    pdf_flow_heading(f, 2, "Owner load", NULL);
    pdf_flow_drawing(f, 150, draw_columns, NULL);
}

static void kpis(struct pdf_flow *f)
{
    pdf_flow_page_break(f, PDF_PORTRAIT, 0);
    pdf_flow_heading(f, 1, "KPI trends", "kpi");
    pdf_flow_drawing(f, 2 * pdf_chart_lines_row_height() + 40, draw_lines,
                     NULL);
    pdf_flow_heading(f, 1, "Heat map and owner load", "heat");
    pdf_flow_drawing(f, 140, draw_heat, NULL);
}

static void requirements(struct pdf_flow *f, struct arena *a)
{
    static const char *const header[] = { "Id", "Requirement", "Status",
                                          "Score" };
    static const struct pdf_col cols[] = {
        { 42, 0, ALIGN_LEFT }, { 0, 1, ALIGN_LEFT }, { 78, 0, ALIGN_LEFT },
        { 48, 0, ALIGN_RIGHT },
    };
    static const struct rgb fills[3] = {
        { 0.80f, 0.93f, 0.80f }, { 1.00f, 0.92f, 0.70f },
        { 0.98f, 0.78f, 0.76f },
    };
    static const char *const status[3] = { "met", "partial", "not met" };
    struct pdf_table_spec ts;
    size_t i;

    memset(&ts, 0, sizeof ts);
    ts.ncols = 4;
    ts.cols = cols;
    ts.header = header;
    ts.continued = "Requirements (continued)";
    ts.detail_col = 1;
    pdf_flow_page_break(f, PDF_PORTRAIT, 0);
    pdf_flow_heading(f, 1, "Requirements", "reqs");
    pdf_flow_table_begin(f, &ts);
    for (i = 0; i < 40; i++) {
        const char *cells[4];
        const struct rgb *cf[4] = { NULL, NULL, NULL, NULL };
        struct pdf_row r;
        memset(&r, 0, sizeof r);
        cells[0] = arena_printf(a, "%zu.%zu.%zu", i / 12 + 1, i % 12 + 1,
                                i % 3 + 1);
        cells[1] = i % 4 ? "Documented policy for quality management "
                           "approved by leadership"
                         : "Cl\xC3\xA1usula training-record calibration "
                           "of evaluators, with a title long enough to wrap";
        cells[2] = status[i % 3];
        cells[3] = arena_printf(a, "%zu %%", 100 - i % 3 * 30);
        cf[2] = &fills[i % 3];
        r.cells = cells;
        r.cell_fill = cf;
        r.detail = i % 3 ? NULL
                         : "Evidence: 1 valid of 1 required (training "
                           "record), approved 2026-09-02, 59 days old "
                           "\xE2\x89\xA4 365. See the appendix.";
        r.link = i % 3 ? NULL : "appendix";
        pdf_flow_table_row(f, &r);
    }
    pdf_flow_table_end(f);
}

static void appendix(struct pdf_flow *f)
{
    struct pdf_style body = pdf_style_body(), small = pdf_style_body();

    small.size = 8;
    pdf_flow_page_break(f, PDF_PORTRAIT, 0);
    pdf_flow_heading(f, 1, "Appendix: evidence", "appendix");
    pdf_flow_keep_begin(f);
    pdf_flow_heading(f, 3, "Action 1: calibrate evaluators", NULL);
    pdf_flow_para(f, &body, "Owner: Ver\xC3\xB3nica R\xC3\xADos. Start "
                  "2026-11-01, due 2027-01-15.");
    pdf_flow_para(f, &body, "Measure: calibration variance \xE2\x89\xA4 "
                  "5 points for two consecutive months.");
    pdf_flow_para(f, &body, "Proof: calibration minutes, signed.");
    pdf_flow_keep_end(f);
    pdf_flow_link(f, "reqs");
    pdf_flow_para(f, &small, "\xE2\x86\x90 back to the requirements");
}

int main(int argc, char **argv)
{
    struct cg_errors errs = CG_ERRORS_INIT;
    struct pdfkit *k;
    struct pdf_flow *f;
    struct arena *a = arena_new();
    struct pdf_running run;
    struct pdf_doc_info info;
    int ok = 0;
    size_t i;

    if (argc < 2) {
        fprintf(stderr, "usage: pdf-demo OUT.pdf\n");
        return 2;
    }
    k = pdfkit_new(datadir_fonts(NULL), 1790000000, &errs);
    if (!k)
        goto done;
    memset(&info, 0, sizeof info);
    info.title = "PDF layer gallery";
    info.author = "copcgap";
    info.subject = "Every block and chart of the PDF layer";
    info.keywords = "copcgap, pdf, demo";
    pdfkit_set_doc_info(k, &info);
    pdfkit_set_lang(k, "en");
    f = pdf_flow_new(k, NULL);
    memset(&run, 0, sizeof run);
    run.header_left = "Acme Contact Services \xE2\x80\x94 COPC readiness";
    run.header_right = "CONFIDENTIAL";
    run.footer_left = "Generated by copcgap for Se\xC3\xB1or Caf\xC3\xA9 "
                      "Contact Services, S.A., a footer long enough to be "
                      "cut with an ellipsis before the page number";
    run.page_fmt = "page {page} of {pages}";
    pdf_flow_set_running(f, &run);
    front(f);
    summary(f);
    kpis(f);
    gantt_pages(f, k, a);
    requirements(f, a);
    appendix(f);
    ok = pdf_flow_render(f, &errs) && pdfkit_write(k, argv[1], &errs);
    if (ok)
        printf("%s: %zu pages\n", argv[1], pdf_flow_page_count(f));
    pdf_flow_free(f);
done:
    for (i = 0; i < errs.n; i++)
        fprintf(stderr, "pdf-demo: %s\n", errs.v[i].msg);
    pdfkit_free(k);
    errors_free(&errs);
    arena_free(a);
    return ok ? 0 : 1;
}
