/*
 * render_pdf_front.c — the report's front and back matter: cover,
 * document control, contents, executive summary, scope, method,
 * limitations, legend and sign-off (render_pdf_int.h).
 */
#include <string.h>

#include "render_pdf_int.h"

/* --------------------------------------------------------- verdict */

struct banner {
    const struct rctx *x;
    const char *verdict;
    const char *score;
    const char *points;
};

/* A band in the verdict's colour: the verdict left, the score right. */
static void draw_banner(struct pdf_canvas *cv, float w, float h, void *u)
{
    const struct banner *b = u;
    const struct rctx *x = b->x;
    struct pdf_paint paint;

    memset(&paint, 0, sizeof paint);
    paint.fill = verdict_fill(x->r->verdict);
    pdf_canvas_rect(cv, 0, 0, w, h, &paint);
    pdf_canvas_text_fit(cv, PDF_REGULAR, 9, 7, &pdf_white, 12, h - 16,
                        ALIGN_LEFT, w / 2 - 12, word(x, "report.verdict"));
    pdf_canvas_text_fit(cv, PDF_BOLD, 20, 12, &pdf_white, 12, 14,
                        ALIGN_LEFT, w / 2 - 12, b->verdict);
    pdf_canvas_text_fit(cv, PDF_REGULAR, 9, 7, &pdf_white, w - 12, h - 16,
                        ALIGN_RIGHT, w / 2 - 12,
                        word(x, "report.overall_score"));
    pdf_canvas_text_fit(cv, PDF_BOLD, 20, 12, &pdf_white, w - 12, 14,
                        ALIGN_RIGHT, w / 2 - 60, b->score);
    pdf_canvas_text_fit(cv, PDF_REGULAR, 8, 6, &pdf_white,
                        w - 12 - pdfkit_width(pdf_canvas_kit(cv), PDF_BOLD,
                                              20, b->score) - 8,
                        15, ALIGN_RIGHT, w / 2 - 100, b->points);
}

static void verdict_banner(struct rctx *x)
{
    struct banner b;
    struct msg *m = msg(x, "report.points");

    msg_num(x->a, m, "points", x->r->points);
    msg_num(x->a, m, "available", x->r->points_max);
    b.x = x;
    b.verdict = wordf(x, "verdict.", verdict_name(x->r->verdict));
    b.score = pct(x, x->r->overall);
    b.points = say(x, m);
    pdf_flow_drawing(x->f, 54, draw_banner, &b);
}

/* Why the verdict is what it is (report.h, struct verdict_reason). */
static const char *verdict_why(struct rctx *x)
{
    const struct report *r = x->r;
    const struct verdict_reason *w = &r->why;
    struct msg *m;

    if (r->verdict == VERDICT_READY)
        return word(x, "why.ready");
    m = msg(x, w->ncritical ? "why.critical" : "why.score");
    msg_int(x->a, m, "critical", (long long)w->ncritical);
    msg_pct(x->a, m, "overall", r->overall);
    msg_pct(x->a, m, "min", w->conditional_min);
    msg_key(x->a, m, "by_score", arena_printf(x->a, "verdict.%s",
                                              verdict_name(w->by_score)));
    msg_key(x->a, m, "verdict", arena_printf(x->a, "verdict.%s",
                                             verdict_name(r->verdict)));
    return say(x, m);
}

/* Every scope exclusion, with who approved it; those that take a
 * critical requirement out of scope in bold red: they can change the
 * verdict, so the reader must see them next to it. */
static void exclusions(struct rctx *x, int critical_only)
{
    struct pdf_style crit = style_with(&x->small, PDF_BOLD, 0, risk_ink());
    size_t i;

    for (i = 0; i < x->r->why.nexclusions; i++) {
        const struct exclusion_use *u = &x->r->why.exclusions[i];
        struct msg *m;
        if (critical_only && !u->ncritical)
            continue;
        m = report_exclusion_msg(x->a, u);
        para(x, u->ncritical ? &crit : &x->small, say(x, m));
    }
}

/* "Can we pass on DATE? No: ..." (plan.h, ready and feasible_audit). */
static const char *readiness_line(struct rctx *x)
{
    const struct plan *pl = x->r->plan;
    struct msg *m;

    if (!pl || !pl->has_audit)
        return word(x, "summary.no_audit");
    m = msg(x, pl->ready ? "summary.go" : "summary.no_go");
    msg_date(x->a, m, "audit", pl->audit);
    if (pl->feasible_audit)
        msg_date(x->a, m, "feasible", pl->feasible_audit);
    msg_int(x->a, m, "unplaced", (long long)pl->unplaced);
    msg_int(x->a, m, "at_risk", (long long)pl->at_risk);
    msg_int(x->a, m, "blocking", (long long)pl->blocking);
    return say(x, m);
}

/* ----------------------------------------------------------- cover */

static void cover_facts(struct rctx *x)
{
    const struct report *r = x->r;
    const struct report_template *t = x->t;
    const struct profile *p = r->profile;
    struct pdf_kv kv[8];
    size_t n = 0;

    kv[n].label = word(x, "cover.prepared_for");
    kv[n++].value = t->client ? t->client : p->org_name;
    if (t->preparer || p->lead) {
        kv[n].label = word(x, "cover.prepared_by");
        kv[n++].value = t->organisation
            ? arena_printf(x->a, "%s, %s",
                           t->preparer ? t->preparer : p->lead,
                           t->organisation)
            : t->preparer ? t->preparer : p->lead;
    }
    kv[n].label = word(x, "report.as_of");
    kv[n++].value = day_str(x, p->as_of);
    kv[n].label = word(x, "report.target_audit");
    kv[n++].value = p->has_target_audit ? day_str(x, p->target_audit)
                                        : word(x, "report.not_set");
    kv[n].label = word(x, "cover.date");
    kv[n++].value = day_str(x, x->today);
    if (t->doc_version) {
        kv[n].label = word(x, "cover.version");
        kv[n++].value = t->doc_version;
    }
    if (t->marking.n) {
        kv[n].label = word(x, "cover.classification");
        kv[n++].value = text_of(x, &t->marking);
    }
    pdf_flow_kv(x->f, kv, n, NULL, NULL);
}

struct logo {
    const char *path;
    float width;
};

static void draw_rule(struct pdf_canvas *cv, float w, float h, void *u)
{
    const struct rgb *c = u;
    struct pdf_paint paint;
    memset(&paint, 0, sizeof paint);
    paint.fill = c;
    pdf_canvas_rect(cv, 0, 0, w, h, &paint);
}

static void draw_logo(struct pdf_canvas *cv, float w, float h, void *u)
{
    const struct logo *l = u;
    (void)w;
    pdf_canvas_image(cv, l->path, 0, 0, l->width, h);
}

void pdf_cover(struct rctx *x)
{
    const struct report *r = x->r;
    const struct report_template *t = x->t;
    struct pdf_style title = style_with(&x->body, PDF_BOLD, 26, &t->accent);
    struct pdf_style sub = style_with(&x->body, PDF_REGULAR, 13, &t->ink);
    struct pdf_style org = style_with(&x->body, PDF_BOLD, 18, &t->ink);
    struct rgb accent = t->accent;

    pdf_flow_page_break(x->f, PDF_PORTRAIT, PDF_PAGE_BARE);
    pdf_flow_anchor(x->f, place(x, "sec", "cover"));
    if (t->logo) {
        struct logo l;
        float lh = pdfkit_image_height(x->k, t->logo, t->logo_width);
        l.path = t->logo;
        l.width = t->logo_width;
        if (lh > 0)
            pdf_flow_drawing(x->f, lh, draw_logo, &l);
        pdf_flow_spacer(x->f, 24);
    } else {
        pdf_flow_spacer(x->f, 60);
    }
    pdf_flow_drawing(x->f, 5, draw_rule, &accent);
    pdf_flow_spacer(x->f, 18);
    title.space_after = 6;
    para(x, &title, t->title.n ? text_of(x, &t->title)
                               : word(x, "report.title"));
    para(x, &sub, t->subtitle.n ? text_of(x, &t->subtitle)
                                : text_of(x, &r->catalog->title));
    pdf_flow_spacer(x->f, 30);
    para(x, &org, r->profile->org_name);
    pdf_flow_spacer(x->f, 14);
    verdict_banner(x);
    pdf_flow_spacer(x->f, 4);
    para(x, &x->strong, readiness_line(x));
    exclusions(x, 1);
    pdf_flow_spacer(x->f, 24);
    cover_facts(x);
    if (r->catalog->licence.n) {
        pdf_flow_spacer(x->f, 30);
        para(x, &x->note, text_of(x, &r->catalog->licence));
    }
}

/* ------------------------------------------------ document control */

static void table_of(struct rctx *x, const struct pdf_col *cols,
                     size_t ncols, const char *const *header,
                     const char *const *cells, size_t nrows)
{
    size_t i;

    table_begin(x, cols, ncols, header, 8.5f);
    for (i = 0; i < nrows; i++) {
        struct pdf_row row;
        memset(&row, 0, sizeof row);
        row.cells = cells + i * ncols;
        pdf_flow_table_row(x->f, &row);
    }
    pdf_flow_table_end(x->f);
}

static const char *preparer(const struct rctx *x)
{
    const char *p = x->t->preparer ? x->t->preparer : x->r->profile->lead;
    return p ? p : "";
}

void pdf_control(struct rctx *x)
{
    static const struct pdf_col rev_cols[] = {
        { 60, 0, ALIGN_LEFT }, { 80, 0, ALIGN_LEFT }, { 0, 1, ALIGN_LEFT },
        { 120, 0, ALIGN_LEFT }
    };
    const struct report *r = x->r;
    const struct report_template *t = x->t;
    const char *rev_head[4], *rev[4];
    struct pdf_kv kv[8];
    struct msg *m;
    size_t n = 0;

    section_begin(x, "sec.control", 0);
    kv[n].label = word(x, "control.document");
    kv[n++].value = arena_printf(x->a, "%s: %s",
                                 t->title.n ? text_of(x, &t->title)
                                            : word(x, "report.title"),
                                 r->profile->org_name);
    kv[n].label = word(x, "cover.prepared_for");
    kv[n++].value = t->client ? t->client : r->profile->org_name;
    kv[n].label = word(x, "cover.prepared_by");
    kv[n++].value = *preparer(x) ? preparer(x) : word(x, "report.not_set");
    kv[n].label = word(x, "cover.version");
    kv[n++].value = t->doc_version ? t->doc_version : "1.0";
    kv[n].label = word(x, "cover.date");
    kv[n++].value = day_str(x, x->today);
    kv[n].label = word(x, "cover.classification");
    kv[n++].value = t->marking.n ? text_of(x, &t->marking)
                                 : word(x, "report.not_set");
    kv[n].label = word(x, "control.distribution");
    kv[n++].value = t->distribution.n ? text_of(x, &t->distribution)
                                      : word(x, "control.distribution.none");
    kv[n].label = word(x, "control.template");
    kv[n++].value = t->id;
    pdf_flow_kv(x->f, kv, n, NULL, NULL);
    pdf_flow_heading(x->f, 2, word(x, "control.revisions"), NULL);
    rev_head[0] = word(x, "cover.version");
    rev_head[1] = word(x, "cover.date");
    rev_head[2] = word(x, "control.change");
    rev_head[3] = word(x, "control.author");
    m = msg(x, "control.first_issue");
    msg_date(x->a, m, "as_of", r->profile->as_of);
    rev[0] = t->doc_version ? t->doc_version : "1.0";
    rev[1] = day_str(x, x->today);
    rev[2] = say(x, m);
    rev[3] = preparer(x);
    table_of(x, rev_cols, 4, rev_head, rev, 1);
    para(x, &x->note, word(x, "control.reproducible"));
}

/* -------------------------------------------------------- contents */

void pdf_contents(struct rctx *x)
{
    size_t i;

    section_begin(x, "sec.contents", 0);
    for (i = 0; i < x->t->nsections; i++) {
        enum section_kind k = x->t->sections[i].kind;
        if (k == SEC_COVER || k == SEC_CONTENTS ||
            (k == SEC_PROGRESS && !x->r->progress))
            continue;
        pdf_flow_toc_entry(x->f, NULL, 1, word(x, section_title_key(k)),
                           place(x, "sec", section_name(k)));
    }
}

/* --------------------------------------------------------- summary */

static void status_tiles(struct rctx *x)
{
    static const enum req_status order[] = {
        REQ_MET, REQ_PARTIAL, REQ_NOT_MET, REQ_NOT_EVIDENCED, REQ_NA
    };
    struct pdf_tile tiles[5];
    size_t i;

    memset(tiles, 0, sizeof tiles);
    for (i = 0; i < 5; i++) {
        tiles[i].value = arena_printf(x->a, "%zu", x->r->count[order[i]]);
        tiles[i].caption = req_status_word(x, order[i]);
        tiles[i].fill = status_fill(order[i]);
        tiles[i].hatch = order[i] == REQ_NOT_MET ? PDF_HATCH_DIAG
                       : order[i] == REQ_NOT_EVIDENCED ? PDF_HATCH_DOTS
                                                      : PDF_HATCH_NONE;
        if (has_section(x, SEC_SCORECARD))
            tiles[i].link = place(x, "sec", "scorecard");
    }
    pdf_flow_tiles(x->f, tiles, 5, 50);
}

struct bars {
    struct rctx *x;
};

static const struct pdf_tick *pct_ticks(struct rctx *x, size_t *n)
{
    struct pdf_tick *t = arena_calloc(x->a, 5, sizeof *t);
    size_t i;
    for (i = 0; i < 5; i++) {
        t[i].value = (double)(i * 25);
        t[i].text = pct(x, (double)i / 4);
    }
    *n = 5;
    return t;
}

static void draw_category_bars(struct pdf_canvas *cv, float w, float h,
                               void *u)
{
    struct rctx *x = u;
    const struct report *r = x->r;
    const struct catalog *c = r->catalog;
    struct pdf_hbar *bars = arena_calloc(x->a, c->ncategories + 1,
                                         sizeof *bars);
    struct pdf_hbar_chart chart;
    struct pdf_rect rect = { 0, 0, w, h };
    struct msg *m = msg(x, "summary.threshold");
    size_t i, n = 0;

    for (i = 0; i < c->ncategories; i++) {
        const struct group_result *g = &r->cats[i];
        if (g->applicable_weight <= 0)
            continue;
        bars[n].label = arena_printf(x->a, "%s %s", c->categories[i].id,
                                     text_of(x, &c->categories[i].title));
        bars[n].value = g->score * 100;
        bars[n].value_text = pct(x, g->score);
        bars[n].flagged = g->score < c->scoring.conditional_min - 1e-9;
        n++;
    }
    msg_pct(x->a, m, "min", c->scoring.conditional_min);
    memset(&chart, 0, sizeof chart);
    chart.bars = bars;
    chart.nbars = n;
    chart.min = 0;
    chart.max = 100;
    chart.ticks = pct_ticks(x, &chart.nticks);
    chart.has_threshold = 1;
    chart.threshold = c->scoring.conditional_min * 100;
    chart.threshold_text = say(x, m);
    chart.axis_title = word(x, "summary.bars_axis");
    pdf_chart_hbars(cv, &rect, &chart);
}

static void draw_status(struct pdf_canvas *cv, float w, float h, void *u)
{
    static const enum req_status order[] = {
        REQ_MET, REQ_PARTIAL, REQ_NOT_MET, REQ_NOT_EVIDENCED, REQ_NA
    };
    struct rctx *x = u;
    struct pdf_status_part parts[5];
    struct pdf_status_chart chart;
    struct pdf_rect rect = { 0, 0, w, h };
    size_t i;

    for (i = 0; i < 5; i++) {
        parts[i].label = req_status_word(x, order[i]);
        parts[i].count = (double)x->r->count[order[i]];
        parts[i].count_text = arena_printf(x->a, "%zu",
                                           x->r->count[order[i]]);
        parts[i].color = status_fill(order[i]);
        parts[i].hatch = order[i] == REQ_NOT_MET ? PDF_HATCH_DIAG
                       : order[i] == REQ_NOT_EVIDENCED ? PDF_HATCH_DOTS
                                                      : PDF_HATCH_NONE;
    }
    chart.parts = parts;
    chart.nparts = 5;
    pdf_chart_status(cv, &rect, &chart);
}

/* The gaps a reader must know first: the plan's top `limit`. */
static void top_gaps(struct rctx *x, size_t limit)
{
    static const struct pdf_col cols[] = {
        { 18, 0, ALIGN_RIGHT }, { 30, 0, ALIGN_LEFT }, { 34, 0, ALIGN_LEFT },
        { 0, 1, ALIGN_LEFT }, { 90, 0, ALIGN_LEFT }, { 62, 0, ALIGN_LEFT },
        { 52, 0, ALIGN_LEFT }
    };
    const struct plan *pl = x->r->plan;
    const char *header[7];
    size_t i;

    if (!pl)
        return;
    pdf_flow_heading(x->f, 2, word(x, "summary.top_gaps"), NULL);
    if (pl->ngaps == 0) {
        para(x, NULL, word(x, "report.no_gaps"));
        return;
    }
    header[0] = "#";
    header[1] = word(x, "col.tier");
    header[2] = word(x, "col.id");
    header[3] = word(x, "col.requirement");
    header[4] = word(x, "col.owner");
    header[5] = word(x, "col.due");
    header[6] = word(x, "col.risk");
    table_begin(x, cols, 7, header, 8);
    for (i = 0; i < pl->ngaps && i < limit; i++) {
        const struct gap *g = &pl->gaps[i];
        const struct rgb *fills[7] = { NULL };
        const char *cells[7];
        struct pdf_row row;
        cells[0] = arena_printf(x->a, "%zu", g->rank);
        cells[1] = tier_name(g->tier);
        cells[2] = x->r->catalog->reqs[g->req].id;
        cells[3] = req_title(x, g->req);
        cells[4] = assignee_word(x, g->assignee);
        cells[5] = day_str(x, g->due);
        cells[6] = g->at_risk ? word(x, "word.at_risk")
                 : g->blocking ? word(x, "word.critical") : "";
        fills[1] = tier_fill(g->tier);
        memset(&row, 0, sizeof row);
        row.cells = cells;
        row.cell_fill = fills;
        if (has_section(x, SEC_GAPS))
            row.link = place(x, "gap", x->r->catalog->reqs[g->req].id);
        pdf_flow_table_row(x->f, &row);
    }
    pdf_flow_table_end(x->f);
    if (pl->ngaps > limit) {
        struct msg *m = msg(x, "summary.more_gaps");
        msg_int(x->a, m, "more", (long long)(pl->ngaps - limit));
        para(x, &x->note, say(x, m));
    }
}

/* Why the plan cannot make the audit date: the first at-risk gaps. */
static void readiness(struct rctx *x)
{
    const struct plan *pl = x->r->plan;
    size_t i, shown = 0;

    para(x, &x->strong, readiness_line(x));
    if (!pl || !pl->has_audit)
        return;
    for (i = 0; i < pl->ngaps && shown < 3; i++) {
        const struct gap *g = &pl->gaps[i];
        if (!g->at_risk)
            continue;
        para(x, &x->small, arena_printf(x->a, "• %s: %s",
                                        x->r->catalog->reqs[g->req].id,
                                        say(x, g->risk)));
        shown++;
    }
    if (pl->at_risk > shown) {
        struct msg *m = msg(x, "summary.more_risks");
        msg_int(x->a, m, "more", (long long)(pl->at_risk - shown));
        para(x, &x->note, say(x, m));
    }
}

void pdf_summary(struct rctx *x)
{
    const struct report *r = x->r;
    struct pdf_style risky = style_with(&x->body, PDF_REGULAR, 0, NULL);
    const struct plan *pl = r->plan;
    size_t ncat = 0, i;
    struct msg *m;

    section_begin(x, "sec.summary", 0);
    if (!has_section(x, SEC_COVER)) {
        m = msg(x, "summary.subtitle");
        msg_text(x->a, m, "org", r->profile->org_name);
        msg_date(x->a, m, "as_of", r->profile->as_of);
        msg_text(x->a, m, "catalogue", text_of(x, &r->catalog->title));
        msg_id(x->a, m, "version", r->catalog->version);
        para(x, &x->note, say(x, m));
    }
    pdf_flow_keep_begin(x->f);
    verdict_banner(x);
    pdf_flow_spacer(x->f, 4);
    para(x, &risky, verdict_why(x));
    pdf_flow_keep_end(x->f);
    if (x->r->why.nexclusions) {
        pdf_flow_heading(x->f, 2, word(x, "report.exclusions"), NULL);
        exclusions(x, 0);
    }
    pdf_flow_heading(x->f, 2, word(x, "summary.readiness"), NULL);
    readiness(x);
    if (pl && pl->has_audit) {
        m = msg(x, "summary.milestones");
        msg_date(x->a, m, "as_of", r->profile->as_of);
        msg_date(x->a, m, "mock", pl->mock_audit);
        msg_date(x->a, m, "audit", pl->audit);
        msg_num(x->a, m, "days", pl->total_days);
        para(x, &x->note, say(x, m));
    }
    pdf_flow_heading(x->f, 2, word(x, "summary.where"), NULL);
    status_tiles(x);
    pdf_flow_spacer(x->f, 6);
    for (i = 0; i < r->catalog->ncategories; i++)
        ncat += r->cats[i].applicable_weight > 0;
    pdf_flow_keep_begin(x->f);
    pdf_flow_drawing(x->f, 34 + 16 * (float)ncat, draw_category_bars, x);
    pdf_flow_drawing(x->f, 40, draw_status, x);
    pdf_flow_keep_end(x->f);
    top_gaps(x, section_limit(x));
}

/* ----------------------------------------------------------- scope */

void pdf_scope(struct rctx *x)
{
    static const struct pdf_col prog_cols[] = {
        { 90, 0, ALIGN_LEFT }, { 0, 1, ALIGN_LEFT }, { 70, 0, ALIGN_LEFT },
        { 50, 0, ALIGN_RIGHT }
    };
    static const struct pdf_col excl_cols[] = {
        { 42, 0, ALIGN_LEFT }, { 0, 1, ALIGN_LEFT }, { 90, 0, ALIGN_LEFT },
        { 60, 0, ALIGN_RIGHT }
    };
    const struct report *r = x->r;
    const struct profile *p = r->profile;
    const char *head[4];
    struct msg *m;
    size_t i;

    section_begin(x, "sec.scope", 0);
    m = msg(x, "scope.intro");
    msg_text(x->a, m, "org", p->org_name);
    msg_key(x->a, m, "kind", arena_printf(x->a, "org.kind.%s",
                                          org_kind_name(p->kind)));
    msg_int(x->a, m, "programs", (long long)p->nprograms);
    msg_int(x->a, m, "applicable", (long long)(r->catalog->nreqs -
                                                r->count[REQ_NA]));
    msg_int(x->a, m, "requirements", (long long)r->catalog->nreqs);
    para(x, NULL, say(x, m));
    head[0] = word(x, "col.program");
    head[1] = word(x, "col.name");
    head[2] = word(x, "col.channel");
    head[3] = word(x, "col.targets");
    table_begin(x, prog_cols, 4, head, 8.5f);
    for (i = 0; i < p->nprograms; i++) {
        const struct program *pg = &p->programs[i];
        const char *cells[4];
        struct pdf_row row;
        cells[0] = pg->id;
        cells[1] = pg->client ? arena_printf(x->a, "%s (%s)", program_name(
                                                 x, (int)i), pg->client)
                              : program_name(x, (int)i);
        cells[2] = wordf(x, "channel.", channel_name(pg->channel));
        cells[3] = arena_printf(x->a, "%zu", pg->ntargets);
        memset(&row, 0, sizeof row);
        row.cells = cells;
        pdf_flow_table_row(x->f, &row);
    }
    pdf_flow_table_end(x->f);

    pdf_flow_heading(x->f, 2, word(x, "report.exclusions"), NULL);
    if (r->why.nexclusions == 0) {
        para(x, NULL, word(x, "scope.no_exclusions"));
        return;
    }
    head[0] = word(x, "col.excluded");
    head[1] = word(x, "col.reason");
    head[2] = word(x, "col.approved_by");
    head[3] = word(x, "col.not_applicable");
    table_begin(x, excl_cols, 4, head, 8.5f);
    for (i = 0; i < r->why.nexclusions; i++) {
        const struct exclusion_use *u = &r->why.exclusions[i];
        const char *cells[4];
        struct pdf_row row;
        m = msg(x, u->ncritical ? "scope.count.critical" : "scope.count");
        msg_int(x->a, m, "requirements", (long long)u->nreqs);
        msg_int(x->a, m, "critical", (long long)u->ncritical);
        cells[0] = u->x->program_id
            ? arena_printf(x->a, "%s (%s)", u->x->ref, u->x->program_id)
            : u->x->ref;
        cells[1] = u->x->reason;
        cells[2] = u->x->approved_by ? u->x->approved_by : "—";
        cells[3] = say(x, m);
        memset(&row, 0, sizeof row);
        row.cells = cells;
        row.bold = u->ncritical > 0;
        row.fill = u->ncritical ? status_fill(REQ_NOT_MET) : NULL;
        pdf_flow_table_row(x->f, &row);
    }
    pdf_flow_table_end(x->f);
    if (r->why.excluded_critical)
        para(x, &x->note, word(x, "scope.critical_note"));
}

/* ---------------------------------------------------------- method */

/* The files the report rests on, each with its SHA-256 under it. */
static void method_sources(struct rctx *x)
{
    static const struct pdf_col cols[] = {
        { 0, 1, ALIGN_LEFT }, { 170, 0, ALIGN_LEFT }, { 60, 0, ALIGN_RIGHT }
    };
    const struct report *r = x->r;
    const char *head[3];
    size_t i;

    head[0] = word(x, "col.file");
    head[1] = word(x, "col.content");
    head[2] = word(x, "col.rows");
    table_begin(x, cols, 3, head, 8.5f);
    for (i = 0; i < r->nsources; i++) {
        const struct report_source *src = &r->sources[i];
        const char *cells[3];
        struct pdf_row row;
        struct msg *m;

        cells[0] = src->path;
        cells[1] = strcmp(src->kind, "catalogue") == 0
                   ? arena_printf(x->a, "%s %s", r->catalog->id,
                                  r->catalog->version)
                   : wordf(x, "source.", src->kind);
        cells[2] = num(x, (double)src->rows, 0);
        memset(&row, 0, sizeof row);
        row.cells = cells;
        if (src->digest->hex[0]) {
            m = msg(x, "method.sources.digest");
            msg_id(x->a, m, "digest", src->digest->hex);
            row.detail = say(x, m);
        }
        pdf_flow_table_row(x->f, &row);
    }
    if (r->org) {
        const char *cells[3];
        struct pdf_row row;
        cells[0] = "";
        cells[1] = word(x, "source.kpis");
        cells[2] = num(x, (double)kpi_store_count(r->org->kpis), 0);
        memset(&row, 0, sizeof row);
        row.cells = cells;
        pdf_flow_table_row(x->f, &row);
    }
    pdf_flow_table_end(x->f);
}

void pdf_method(struct rctx *x)
{
    const struct report *r = x->r;
    const struct catalog *c = r->catalog;
    struct msg *m;

    section_begin(x, "sec.method", 0);
    m = msg(x, "method.intro");
    msg_int(x->a, m, "requirements", (long long)c->nreqs);
    msg_text(x->a, m, "catalogue", text_of(x, &c->title));
    msg_id(x->a, m, "id", c->id);
    msg_id(x->a, m, "version", c->version);
    msg_text(x->a, m, "publisher", c->publisher);
    msg_text(x->a, m, "org", r->profile->org_name);
    msg_date(x->a, m, "as_of", r->profile->as_of);
    para(x, NULL, say(x, m));
    pdf_flow_heading(x->f, 2, word(x, "method.rules.title"), NULL);
    para(x, NULL, word(x, "method.rules"));
    pdf_flow_heading(x->f, 2, word(x, "method.score.title"), NULL);
    m = msg(x, "method.score");
    msg_pct(x->a, m, "min", c->scoring.conditional_min);
    msg_num(x->a, m, "available", r->points_max);
    para(x, NULL, say(x, m));
    pdf_flow_heading(x->f, 2, word(x, "method.kpis.title"), NULL);
    m = msg(x, "method.kpis");
    msg_int(x->a, m, "months", r->window_months);
    if (r->org) {
        msg_month(x->a, m, "start", r->window_end - r->window_months + 1);
        msg_month(x->a, m, "end", r->window_end);
    }
    msg_pct(x->a, m, "confidence", c->scoring.trend_confidence);
    para(x, NULL, say(x, m));
    pdf_flow_heading(x->f, 2, word(x, "method.sampling.title"), NULL);
    para(x, NULL, word(x, "method.sampling"));
    pdf_flow_heading(x->f, 2, word(x, "method.plan.title"), NULL);
    m = msg(x, "method.plan");
    msg_int(x->a, m, "weeks", (long long)r->profile->mock_audit_weeks);
    msg_num(x->a, m, "capacity", r->profile->capacity_days);
    para(x, NULL, say(x, m));
    pdf_flow_heading(x->f, 2, word(x, "method.sources.title"), NULL);
    method_sources(x);
}

/* ----------------------------------------------------- limitations */

void pdf_limitations(struct rctx *x)
{
    static const char *const keys[] = {
        "limitations.not_copc", "limitations.data", "limitations.evidence",
        "limitations.findings", "limitations.targets", "limitations.plan"
    };
    size_t i;

    section_begin(x, "sec.limitations", 0);
    for (i = 0; i < sizeof keys / sizeof keys[0]; i++)
        para(x, NULL, arena_printf(x->a, "• %s", word(x, keys[i])));
}

/* ---------------------------------------------------------- legend */

static void legend_table(struct rctx *x, const char *const *words,
                         const char *const *meanings,
                         const struct rgb *const *fills, size_t n)
{
    static const struct pdf_col cols[] = {
        { 110, 0, ALIGN_LEFT }, { 0, 1, ALIGN_LEFT }
    };
    struct pdf_table_spec spec;
    size_t i;

    memset(&spec, 0, sizeof spec);
    spec.ncols = 2;
    spec.cols = cols;
    spec.size = 8.5f;
    pdf_flow_table_begin(x->f, &spec);
    for (i = 0; i < n; i++) {
        const char *cells[2];
        const struct rgb *cf[2];
        struct pdf_row row;
        cells[0] = words[i];
        cells[1] = meanings[i];
        cf[0] = fills ? fills[i] : NULL;
        cf[1] = NULL;
        memset(&row, 0, sizeof row);
        row.cells = cells;
        row.cell_fill = cf;
        pdf_flow_table_row(x->f, &row);
    }
    pdf_flow_table_end(x->f);
}

void pdf_legend(struct rctx *x)
{
    const struct catalog *c = x->r->catalog;
    const char *w[REQ_COUNT + 3], *mean[REQ_COUNT + 3];
    const struct rgb *fills[REQ_COUNT + 3];
    struct msg *m;
    int s;

    section_begin(x, "sec.legend", 0);
    pdf_flow_heading(x->f, 2, word(x, "legend.statuses"), NULL);
    for (s = 0; s < REQ_COUNT; s++) {
        w[s] = req_status_word(x, (enum req_status)s);
        mean[s] = wordf(x, "legend.status.",
                        req_status_name((enum req_status)s));
        fills[s] = status_fill((enum req_status)s);
    }
    legend_table(x, w, mean, fills, REQ_COUNT);
    m = msg(x, "legend.verdicts");
    msg_pct(x->a, m, "min", c->scoring.conditional_min);
    para(x, &x->small, say(x, m));

    pdf_flow_heading(x->f, 2, word(x, "legend.tiers"), NULL);
    for (s = 0; s < 3; s++) {
        w[s] = tier_name((enum tier)(s + 1));
        fills[s] = tier_fill((enum tier)(s + 1));
    }
    m = msg(x, "legend.tier.P2");
    msg_int(x->a, m, "days", c->scoring.tier2_slack_days);
    mean[0] = word(x, "legend.tier.P1");
    mean[1] = say(x, m);
    mean[2] = word(x, "legend.tier.P3");
    legend_table(x, w, mean, fills, 3);
    m = msg(x, "legend.priority");
    msg_num(x->a, m, "critical", c->scoring.critical_factor);
    msg_num(x->a, m, "urgency", c->scoring.urgency_factor);
    para(x, &x->small, say(x, m));

    pdf_flow_heading(x->f, 2, word(x, "legend.trends"), NULL);
    for (s = 0; s < 4; s++) {
        static const enum pst_trend shown[] = {
            PST_TREND_BETTER, PST_TREND_STEADY, PST_TREND_WORSE,
            PST_TREND_FEW
        };
        w[s] = wordf(x, "pst.trend.", pst_trend_name(shown[s]));
        mean[s] = wordf(x, "legend.trend.", pst_trend_name(shown[s]));
    }
    legend_table(x, w, mean, NULL, 4);

    pdf_flow_heading(x->f, 2, word(x, "legend.evidence"), NULL);
    for (s = 0; s < (int)ARRAY_LEN(evidence_flag_order); s++) {
        const char *name = evidence_flag_name(evidence_flag_order[s]);
        w[s] = wordf(x, "evidence.flag.", name);
        mean[s] = wordf(x, "legend.flag.", name);
    }
    legend_table(x, w, mean, NULL, ARRAY_LEN(evidence_flag_order));
}

/* --------------------------------------------------------- sign-off */

void pdf_signoff(struct rctx *x)
{
    static const struct pdf_col cols[] = {
        { 130, 0, ALIGN_LEFT }, { 130, 0, ALIGN_LEFT },
        { 0, 1, ALIGN_LEFT }, { 70, 0, ALIGN_LEFT }
    };
    const char *head[4], *cells[12];
    struct pdf_table_spec spec;
    size_t i;

    section_begin(x, "sec.signoff", 0);
    para(x, NULL, word(x, "signoff.intro"));
    head[0] = word(x, "signoff.role");
    head[1] = word(x, "col.name");
    head[2] = word(x, "signoff.signature");
    head[3] = word(x, "cover.date");
    cells[0] = word(x, "signoff.prepared");
    cells[1] = preparer(x);
    cells[4] = word(x, "signoff.reviewed");
    cells[5] = "";
    cells[8] = word(x, "signoff.accepted");
    cells[9] = "";
    for (i = 0; i < 3; i++) {
        cells[i * 4 + 2] = "\n\n";
        cells[i * 4 + 3] = "";
    }
    memset(&spec, 0, sizeof spec);
    spec.ncols = 4;
    spec.cols = cols;
    spec.header = head;
    spec.size = 9;
    pdf_flow_table_begin(x->f, &spec);
    for (i = 0; i < 3; i++) {
        struct pdf_row row;
        memset(&row, 0, sizeof row);
        row.cells = cells + i * 4;
        pdf_flow_table_row(x->f, &row);
    }
    pdf_flow_table_end(x->f);
    para(x, &x->note, word(x, "signoff.note"));
}
