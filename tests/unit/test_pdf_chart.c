/*
 * test_pdf_chart.c — every chart, in roomy and cramped rectangles and
 * with labels far too long: all boxes inside the rectangle, no two text
 * boxes overlapping, a frame box for the chart; then what each chart
 * must show (gaps for missing months, a cross per failed month, hatched
 * over-capacity columns, Gantt chunks that fit their height).
 */
#include <math.h>
#include <string.h>

#include "check_main.h"
#include "copcgap/datadir.h"
#include "copcgap/pdf_chart.h"

static struct pdfkit *k;
static struct pdf_canvas *cv;

static void setup(void)
{
    struct cg_errors errs = CG_ERRORS_INIT;
    k = pdfkit_new(datadir_fonts(NULL), 0, &errs);
    ck_assert_ptr_nonnull(k);
    cv = pdf_canvas_new(k);
    errors_free(&errs);
}

static void teardown(void)
{
    pdf_canvas_free(cv);
    pdfkit_free(k);
}

static const struct pdf_rect sizes[] = {
    { 0, 0, 495, 300 },         /* a page-wide chart */
    { 40, 60, 240, 150 },       /* half a page, off the origin */
    { 0, 0, 120, 70 },          /* cramped */
};

static const char long_label[] =
    "A category label far too long to fit in any label column of any "
    "chart on the page";

/* All boxes in r; no text overlaps; a frame; returns the text count. */
static size_t check_boxes(const struct pdf_rect *r, const char *what)
{
    size_t n, i, j, texts = 0, frames = 0;
    const struct pdf_box *b = pdf_canvas_boxes(cv, &n);

    for (i = 0; i < n; i++) {
        const struct pdf_box *x = &b[i];
        if (x->kind == PDF_BOX_FRAME) {
            frames++;
            continue;
        }
        ck_assert_msg(x->x >= r->x - 0.01f && x->y >= r->y - 0.01f &&
                      x->x + x->w <= r->x + r->w + 0.01f &&
                      x->y + x->h <= r->y + r->h + 0.01f,
                      "%s in %gx%g: box %zu (kind %d, \"%s\") at %.2f,%.2f "
                      "%.2fx%.2f leaves the chart", what, (double)r->w,
                      (double)r->h, i, (int)x->kind, x->text ? x->text : "",
                      (double)x->x, (double)x->y, (double)x->w,
                      (double)x->h);
        if (x->kind != PDF_BOX_TEXT)
            continue;
        texts++;
        for (j = i + 1; j < n; j++)
            if (b[j].kind == PDF_BOX_TEXT)
                ck_assert_msg(!pdf_box_overlap(x, &b[j], 0.01f),
                              "%s in %gx%g: \"%s\" overlaps \"%s\"", what,
                              (double)r->w, (double)r->h, x->text,
                              b[j].text);
    }
    ck_assert_uint_eq(frames, 1);
    return texts;
}

static size_t count_kind(enum pdf_box_kind kind, int marker)
{
    size_t n, i, c = 0;
    const struct pdf_box *b = pdf_canvas_boxes(cv, &n);
    for (i = 0; i < n; i++)
        if (b[i].kind == kind && (marker < 0 || b[i].marker == marker))
            c++;
    return c;
}

static const struct pdf_tick pct[] = {
    { 0, "0 %" }, { 25, "25 %" }, { 50, "50 %" }, { 75, "75 %" },
    { 100, "100 %" },
};

START_TEST(hbars_stay_inside)
{
    struct pdf_hbar bars[12];
    struct pdf_hbar_chart c;
    size_t s, i;

    for (i = 0; i < 12; i++) {
        bars[i].label = i % 3 ? "4 Processes" : long_label;
        bars[i].value = (double)(i * 9);
        bars[i].value_text = i % 4 ? "99.9 %" : "a value text too long";
        bars[i].flagged = i % 2;
    }
    memset(&c, 0, sizeof c);
    c.bars = bars;
    c.nbars = 12;
    c.max = 100;
    c.ticks = pct;
    c.nticks = 5;
    c.has_threshold = 1;
    c.threshold = 97;           /* its label near the right edge */
    c.threshold_text = "pass mark 97 %";
    c.axis_title = "score";
    for (s = 0; s < ARRAY_LEN(sizes); s++) {
        pdf_canvas_clear(cv);
        pdf_chart_hbars(cv, &sizes[s], &c);
        ck_assert_uint_gt(check_boxes(&sizes[s], "hbars"), 0);
    }
    /* Flagged bars are hatched: greyscale tells them apart. */
    pdf_canvas_clear(cv);
    pdf_chart_hbars(cv, &sizes[0], &c);
    {
        size_t n, hatched = 0;
        const struct pdf_box *b = pdf_canvas_boxes(cv, &n);
        for (i = 0; i < n; i++)
            hatched += b[i].kind == PDF_BOX_RECT &&
                       b[i].hatch != PDF_HATCH_NONE;
        ck_assert_uint_eq(hatched, 6);
    }
}
END_TEST

START_TEST(status_stays_inside)
{
    struct pdf_status_part parts[6];
    struct pdf_status_chart c = { parts, 6 };
    size_t s, i;

    for (i = 0; i < 6; i++) {
        parts[i].label = i == 3 ? long_label : "not evidenced";
        parts[i].count = (double)(i * 7 + 1);
        parts[i].count_text = "42";
        parts[i].color = NULL;
        parts[i].hatch = i == 2 ? PDF_HATCH_DIAG : PDF_HATCH_NONE;
    }
    for (s = 0; s < ARRAY_LEN(sizes); s++) {
        pdf_canvas_clear(cv);
        pdf_chart_status(cv, &sizes[s], &c);
        ck_assert_uint_gt(check_boxes(&sizes[s], "status"), 0);
    }
}
END_TEST

static const char *const months[] = {
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
};

START_TEST(small_multiples_show_gaps_and_verdicts)
{
    static const double v[12] = { 70, 75, 80, 85, 90, 95, 60, 65, 70, 75,
                                  80, 85 };
    static const unsigned char present[12] = { 1, 1, 1, 0, 1, 1, 1, 0, 0,
                                               1, 1, 1 };
    static const signed char verdict[12] = { -1, -1, 1, 1, 0, 1, 0, 0, 1,
                                             1, 0, 1 };
    static const struct pdf_tick yt[] = { { 60, "60" }, { 80, "80" },
                                          { 100, "100" } };
    struct pdf_series series[5];
    struct pdf_line_chart c;
    size_t s, i;

    memset(series, 0, sizeof series);
    for (i = 0; i < 5; i++) {
        series[i].title = i == 1 ? long_label : "Service level";
        series[i].values = v;
        series[i].present = present;
        series[i].verdict = verdict;
        series[i].has_target = 1;
        series[i].target = 80;
        series[i].target_text = "target 80 %";
        series[i].window_from = 6;
        series[i].window_to = 12;
        series[i].ymin = 60;
        series[i].ymax = 100;
        series[i].yticks = yt;
        series[i].nyticks = 3;
    }
    memset(&c, 0, sizeof c);
    c.series = series;
    c.nseries = 5;
    c.cols = 2;
    c.months = months;
    c.nmonths = 12;
    c.pass_text = "pass";
    c.fail_text = "fail";
    c.target_text = "target";
    c.window_text = long_label;
    for (s = 0; s < ARRAY_LEN(sizes); s++) {
        pdf_canvas_clear(cv);
        pdf_chart_lines(cv, &sizes[s], &c);
        check_boxes(&sizes[s], "small multiples");
    }
    /* One panel, roomy: the runs of months with values (1-3, 5-7,
     * 10-12) make three lines; a missing month is never drawn as 0. */
    c.nseries = 1;
    pdf_canvas_clear(cv);
    pdf_chart_lines(cv, &sizes[0], &c);
    {
        size_t n, runs = 0, crosses = 0, fails = 0;
        const struct pdf_box *b = pdf_canvas_boxes(cv, &n);
        for (i = 0; i < n; i++)
            if (b[i].kind == PDF_BOX_PATH && b[i].npts >= 3 &&
                b[i].stroke.b > 0.4f)
                runs++;
        ck_assert_uint_eq(runs, 3);
        for (i = 0; i < 12; i++)
            fails += present[i] && verdict[i] == PDF_FAIL;
        crosses = count_kind(PDF_BOX_MARKER, PDF_MARKER_CROSS);
        /* The legend has one cross too. */
        ck_assert_uint_eq(crosses, fails + 1);
    }
}
END_TEST

START_TEST(heatmap_stays_inside)
{
    const char *rows[8], *cols[6], *text[48];
    double v[48];
    unsigned char present[48];
    struct pdf_heatmap c;
    size_t s, i;

    for (i = 0; i < 8; i++)
        rows[i] = i == 2 ? long_label : "People";
    for (i = 0; i < 6; i++)
        cols[i] = i == 4 ? long_label : "Retail voice";
    for (i = 0; i < 48; i++) {
        v[i] = (double)i / 47.0;
        present[i] = i % 9 != 4;
        text[i] = "100 %";
    }
    memset(&c, 0, sizeof c);
    c.nrows = 8;
    c.ncols = 6;
    c.row_labels = rows;
    c.col_labels = cols;
    c.values = v;
    c.present = present;
    c.cell_text = text;
    c.low_text = "not ready at all";
    c.high_text = "ready";
    c.none_text = "no value";
    for (s = 0; s < ARRAY_LEN(sizes); s++) {
        pdf_canvas_clear(cv);
        pdf_chart_heatmap(cv, &sizes[s], &c);
        check_boxes(&sizes[s], "heat map");
    }
}
END_TEST

static void gantt_spec(struct pdf_gantt *g, struct pdf_gantt_row *rows,
                       size_t n)
{
    static const struct pdf_gantt_mark marks[] = {
        { 20, "today", 1 }, { 150, "mock audit", 0 },
        { 155, "audit", 1 }, { 158, "a milestone with a long name", 0 },
    };
    static const struct pdf_gantt_dep deps[] = { { 0, 1 }, { 3, 2 },
                                                 { 5, 40 } };
    static struct pdf_tick ticks[6];
    size_t i;

    for (i = 0; i < 6; i++) {
        ticks[i].value = (double)(i * 30);
        ticks[i].text = months[i];
    }
    for (i = 0; i < n; i++) {
        rows[i].label = i % 4 ? "2.3.1 Action" : long_label;
        rows[i].start = (int)(i * 7 % 150);
        rows[i].end = rows[i].start + 25;
        rows[i].flags = (unsigned)(i % 3);
    }
    memset(g, 0, sizeof *g);
    g->rows = rows;
    g->nrows = n;
    g->day0 = 0;
    g->day1 = 180;
    g->ticks = ticks;
    g->nticks = 6;
    g->marks = marks;
    g->nmarks = 4;
    g->deps = deps;
    g->ndeps = 3;
    g->plain_text = "planned";
    g->at_risk_text = "at risk";
    g->critical_text = "critical";
    g->done_text = "done";
}

START_TEST(gantt_chunks_fit_their_height)
{
    struct pdf_gantt_row rows[60];
    struct pdf_gantt g;
    size_t s;

    gantt_spec(&g, rows, 60);
    for (s = 0; s < ARRAY_LEN(sizes); s++) {
        const struct pdf_rect *r = &sizes[s];
        size_t fit = pdf_chart_gantt_rows_fit(k, &g, r->w, r->h), first;
        ck_assert_uint_ge(fit, 1);
        if (r->h > 200)
            /* One more row would not fit. */
            ck_assert_float_gt(pdf_chart_gantt_height(k, &g, r->w, fit + 1),
                               r->h);
        for (first = 0; first < g.nrows; first += fit) {
            g.first = first;
            g.count = fit;
            pdf_canvas_clear(cv);
            pdf_chart_gantt(cv, r, &g);
            check_boxes(r, "gantt");
        }
    }
    /* Dependency arrows are drawn when both rows are shown. */
    g.first = 0;
    g.count = 10;
    pdf_canvas_clear(cv);
    pdf_chart_gantt(cv, &sizes[0], &g);
    {
        size_t n, i, heads = 0;
        const struct pdf_box *b = pdf_canvas_boxes(cv, &n);
        for (i = 0; i < n; i++)
            heads += b[i].kind == PDF_BOX_PATH && b[i].closed &&
                     b[i].npts == 3;
        ck_assert_uint_eq(heads, 2);    /* 5 -> 40 is on another chunk */
    }
}
END_TEST

START_TEST(columns_mark_over_capacity)
{
    static const struct pdf_tick yt[] = { { 0, "0" }, { 10, "10" },
                                          { 20, "20 days" } };
    struct pdf_column cols[24];
    struct pdf_column_chart c;
    size_t s, i, over = 0;

    for (i = 0; i < 24; i++) {
        cols[i].label = months[i % 12];
        cols[i].value = (double)((i * 7) % 22);
        cols[i].value_text = "12.5";
        over += cols[i].value > 12;
    }
    memset(&c, 0, sizeof c);
    c.cols = cols;
    c.ncols = 24;
    c.max = 22;
    c.yticks = yt;
    c.nyticks = 3;
    c.has_capacity = 1;
    c.capacity = 12;
    c.capacity_text = "capacity 12 days";
    c.over_text = "over capacity";
    for (s = 0; s < ARRAY_LEN(sizes); s++) {
        pdf_canvas_clear(cv);
        pdf_chart_columns(cv, &sizes[s], &c);
        check_boxes(&sizes[s], "columns");
    }
    pdf_canvas_clear(cv);
    pdf_chart_columns(cv, &sizes[0], &c);
    {
        size_t n, hatched = 0;
        const struct pdf_box *b = pdf_canvas_boxes(cv, &n);
        for (i = 0; i < n; i++)
            hatched += b[i].kind == PDF_BOX_RECT &&
                       b[i].hatch == PDF_HATCH_DIAG;
        ck_assert_uint_eq(hatched, over + 1);   /* + the legend swatch */
    }
}
END_TEST

START_TEST(empty_charts_draw_only_their_frame)
{
    struct pdf_hbar_chart hb;
    struct pdf_status_chart st;
    struct pdf_line_chart lc;
    struct pdf_heatmap hm;
    struct pdf_gantt g;
    struct pdf_column_chart cc;

    memset(&hb, 0, sizeof hb);
    memset(&st, 0, sizeof st);
    memset(&lc, 0, sizeof lc);
    memset(&hm, 0, sizeof hm);
    memset(&g, 0, sizeof g);
    memset(&cc, 0, sizeof cc);
    pdf_chart_hbars(cv, &sizes[0], &hb);
    pdf_chart_status(cv, &sizes[0], &st);
    pdf_chart_lines(cv, &sizes[0], &lc);
    pdf_chart_heatmap(cv, &sizes[0], &hm);
    pdf_chart_gantt(cv, &sizes[0], &g);
    pdf_chart_columns(cv, &sizes[0], &cc);
    ck_assert_uint_eq(count_kind(PDF_BOX_FRAME, -1), 6);
    ck_assert_uint_eq(count_kind(PDF_BOX_TEXT, -1), 0);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("pdf_chart");
    TCase *tc = tcase_create("core");

    tcase_set_timeout(tc, 120);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, hbars_stay_inside);
    tcase_add_test(tc, status_stays_inside);
    tcase_add_test(tc, small_multiples_show_gaps_and_verdicts);
    tcase_add_test(tc, heatmap_stays_inside);
    tcase_add_test(tc, gantt_chunks_fit_their_height);
    tcase_add_test(tc, columns_mark_over_capacity);
    tcase_add_test(tc, empty_charts_draw_only_their_frame);
    suite_add_tcase(s, tc);
    return s;
}

CG_TEST_MAIN(suite)
