/*
 * render_pdf_plan.c — what to do: the gap register (a table, or each gap
 * as condition / criteria / cause / effect / recommendation with a risk
 * rating and room for the management response), the action plan (Gantt
 * chart, owner load, the actions) and the evidence index with the
 * evidence still to produce (render_pdf_int.h).
 */
#include <stdlib.h>
#include <string.h>

#include "render_pdf_int.h"

static size_t shown(const struct rctx *x, size_t n)
{
    size_t limit = section_limit(x);
    return limit && limit < n ? limit : n;
}

static const char *req_id(const struct rctx *x, const struct gap *g)
{
    return x->r->catalog->reqs[g->req].id;
}

/* "P1 · critical · at risk" */
static const char *rating(struct rctx *x, const struct gap *g)
{
    struct msg *m = msg(x, "gaps.rating");
    msg_key(x->a, m, "rating", arena_printf(x->a, "gaps.rating.%s",
                                            tier_name(g->tier)));
    msg_text(x->a, m, "tier", tier_name(g->tier));
    if (g->critical)
        msg_key(x->a, m, "critical", "word.critical");
    if (g->at_risk)
        msg_key(x->a, m, "at_risk", "word.at_risk");
    return say(x, m);
}

static const char *more_note(struct rctx *x, size_t more, const char *key)
{
    struct msg *m = msg(x, key);
    msg_int(x->a, m, "more", (long long)more);
    return say(x, m);
}

/* --------------------------------------------------------- gaps */

static void gap_table(struct rctx *x)
{
    static const struct pdf_col cols[] = {
        { 18, 0, ALIGN_RIGHT }, { 30, 0, ALIGN_LEFT }, { 34, 0, ALIGN_LEFT },
        { 0, 1, ALIGN_LEFT }, { 56, 0, ALIGN_LEFT }, { 86, 0, ALIGN_LEFT },
        { 58, 0, ALIGN_LEFT }, { 46, 0, ALIGN_RIGHT }
    };
    const struct plan *pl = x->r->plan;
    const char *head[8];
    size_t i, n = shown(x, pl->ngaps);

    head[0] = "#";
    head[1] = word(x, "col.tier");
    head[2] = word(x, "col.id");
    head[3] = word(x, "col.requirement");
    head[4] = word(x, "col.status");
    head[5] = word(x, "col.owner");
    head[6] = word(x, "col.due");
    head[7] = word(x, "col.priority");
    table_begin(x, cols, 8, head, 8);
    for (i = 0; i < n; i++) {
        const struct gap *g = &pl->gaps[i];
        const struct rgb *fills[8] = { NULL };
        const char *cells[8];
        struct pdf_row row;
        cells[0] = arena_printf(x->a, "%zu", g->rank);
        cells[1] = tier_name(g->tier);
        cells[2] = req_id(x, g);
        cells[3] = g->critical ? arena_printf(x->a, "%s (%s)",
                                              req_title(x, g->req),
                                              word(x, "word.critical"))
                               : req_title(x, g->req);
        cells[4] = req_status_word(x, g->result->status);
        cells[5] = assignee_word(x, g->assignee);
        cells[6] = g->at_risk ? arena_printf(x->a, "%s\n%s",
                                             day_str(x, g->due),
                                             word(x, "word.at_risk"))
                              : day_str(x, g->due);
        cells[7] = num(x, g->priority, 1);
        fills[1] = tier_fill(g->tier);
        fills[4] = status_fill(g->result->status);
        memset(&row, 0, sizeof row);
        row.cells = cells;
        row.cell_fill = fills;
        row.anchor = place(x, "gap", req_id(x, g));
        pdf_flow_table_row(x->f, &row);
    }
    pdf_flow_table_end(x->f);
    if (pl->ngaps > n)
        para(x, &x->note, more_note(x, pl->ngaps - n, "gaps.more"));
}

/* The assessor's note on a requirement not met, as the likely cause. */
static const char *cause(struct rctx *x, const struct gap *g)
{
    const struct orgdata *o = x->r->org;
    struct strbuf sb = STRBUF_INIT;
    const char *s;
    size_t i;

    for (i = 0; o && i < o->nfindings; i++) {
        const struct finding *fd = &o->findings[i];
        struct msg *m;
        if (fd->req != g->req || fd->result == FR_MET || !*fd->note)
            continue;
        m = msg(x, "gaps.cause.finding");
        msg_text(x->a, m, "note", fd->note);
        if (*fd->assessor)
            msg_text(x->a, m, "assessor", fd->assessor);
        if (fd->has_dated)
            msg_date(x->a, m, "dated", fd->dated);
        strbuf_printf(&sb, "%s%s", sb.len ? "\n" : "", say(x, m));
    }
    if (sb.len == 0)
        strbuf_adds(&sb, word(x, "gaps.cause.unknown"));
    s = arena_strdup(x->a, strbuf_cstr(&sb));
    strbuf_free(&sb);
    return s;
}

static const char *condition(struct rctx *x, const struct gap *g)
{
    struct strbuf sb = STRBUF_INIT;
    struct msg *m = msg(x, "gaps.condition");
    const char *s;
    size_t i;

    msg_key(x->a, m, "status", arena_printf(
        x->a, "status.req.%s", req_status_name(g->result->status)));
    msg_pct(x->a, m, "score", g->result->score);
    strbuf_adds(&sb, say(x, m));
    for (i = 0; i < g->nfailing; i++)
        strbuf_printf(&sb, "\n• %s", rule_line(x, g->failing[i]));
    s = arena_strdup(x->a, strbuf_cstr(&sb));
    strbuf_free(&sb);
    return s;
}

static const char *effect(struct rctx *x, const struct gap *g)
{
    const struct requirement *req = &x->r->catalog->reqs[g->req];
    struct strbuf sb = STRBUF_INIT;
    const char *s;

    strbuf_adds(&sb, text_of(x, &req->intent));
    if (g->blocking)
        strbuf_printf(&sb, "\n%s", word(x, "gaps.effect.blocking"));
    if (g->at_risk)
        strbuf_printf(&sb, "\n%s: %s", word(x, "word.at_risk_title"),
                      say(x, g->risk));
    s = arena_strdup(x->a, strbuf_cstr(&sb));
    strbuf_free(&sb);
    return s;
}

struct response_box {
    const struct rctx *x;
    float label_w;
};

/* "Management response" and an empty box to write it in. */
static void draw_response(struct pdf_canvas *cv, float w, float h, void *u)
{
    const struct response_box *b = u;
    struct pdf_paint paint;

    memset(&paint, 0, sizeof paint);
    paint.stroke = &pdf_rule;
    paint.width = 0.6f;
    pdf_canvas_text_fit(cv, PDF_BOLD, 9, 7, &b->x->t->muted, 0, h - 10,
                        ALIGN_LEFT, b->label_w - 6,
                        word(b->x, "gaps.response"));
    pdf_canvas_rect(cv, b->label_w, 0, w - b->label_w, h, &paint);
}

static void gap_finding(struct rctx *x, const struct gap *g)
{
    const struct requirement *req = &x->r->catalog->reqs[g->req];
    struct pdf_style title = style_with(&x->body, PDF_BOLD, 10.5f,
                                        &x->t->ink);
    struct pdf_style meta = x->note;
    struct pdf_kv kv[7];
    struct response_box rb;
    size_t n = 6;
    struct msg *m;

    pdf_flow_keep_begin(x->f);
    title.space_before = 12;
    title.space_after = 1;
    pdf_flow_anchor(x->f, place(x, "gap", req->id));
    para(x, &title, arena_printf(x->a, "%zu. %s %s", g->rank, req->id,
                                 req_title(x, g->req)));
    m = msg(x, "gaps.meta");
    msg_text(x->a, m, "rating", rating(x, g));
    msg_text(x->a, m, "owner", assignee_word(x, g->assignee));
    msg_date(x->a, m, "due", g->due);
    meta.space_after = 4;
    para(x, &meta, say(x, m));
    kv[0].label = word(x, "gaps.condition.label");
    kv[0].value = condition(x, g);
    kv[1].label = word(x, "gaps.criteria.label");
    kv[1].value = msg_list_len(g->measure, "items") ? say(x, g->measure)
                                                    : req_title(x, g->req);
    kv[2].label = word(x, "gaps.cause.label");
    kv[2].value = cause(x, g);
    kv[3].label = word(x, "gaps.effect.label");
    kv[3].value = effect(x, g);
    kv[4].label = word(x, "gaps.recommendation.label");
    kv[4].value = say(x, g->action);
    kv[5].label = word(x, "col.proof");
    kv[5].value = msg_list_len(g->proof, "items") ? say(x, g->proof) : "—";
    if (g->delay) {
        kv[n].label = word(x, "plan.delay");
        kv[n++].value = say(x, g->delay);
    }
    pdf_flow_kv(x->f, kv, n, NULL, NULL);
    rb.x = x;
    rb.label_w = 120;
    pdf_flow_drawing(x->f, 34, draw_response, &rb);
    pdf_flow_keep_end(x->f);
}

void pdf_gaps(struct rctx *x)
{
    const struct plan *pl = x->r->plan;
    struct msg *m;
    size_t i, n;

    section_begin(x, "sec.gaps", 0);
    if (!pl) {
        para(x, NULL, word(x, "gaps.no_plan"));
        return;
    }
    m = msg(x, "report.gap_counts");
    msg_int(x->a, m, "gaps", (long long)pl->ngaps);
    msg_int(x->a, m, "p1", (long long)pl->count[TIER_P1]);
    msg_int(x->a, m, "p2", (long long)pl->count[TIER_P2]);
    msg_int(x->a, m, "p3", (long long)pl->count[TIER_P3]);
    msg_int(x->a, m, "at_risk", (long long)pl->at_risk);
    para(x, &x->small, say(x, m));
    if (pl->ngaps == 0) {
        para(x, NULL, word(x, "report.no_gaps"));
        return;
    }
    if (x->sec->form == GAPS_TABLE) {
        gap_table(x);
        return;
    }
    para(x, &x->note, word(x, "gaps.intro"));
    n = shown(x, pl->ngaps);
    for (i = 0; i < n; i++)
        gap_finding(x, &pl->gaps[i]);
    if (pl->ngaps > n)
        para(x, &x->note, more_note(x, pl->ngaps - n, "gaps.more"));
}

/* --------------------------------------------------------- Gantt */

struct gantt_page {
    const struct pdf_gantt *g;
    size_t first, count;
};

static void draw_gantt(struct pdf_canvas *cv, float w, float h, void *u)
{
    const struct gantt_page *p = u;
    struct pdf_gantt g = *p->g;
    struct pdf_rect rect = { 0, 0, w, h };

    g.first = p->first;
    g.count = p->count;
    pdf_chart_gantt(cv, &rect, &g);
}

struct bar_key {
    cg_day start;
    size_t rank;
    size_t gap;
};

/* Bars in the order work starts, then by rank. */
static int by_start(const void *a, const void *b)
{
    const struct bar_key *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return (x->rank > y->rank) - (x->rank < y->rank);
}

static void gantt(struct rctx *x)
{
    const struct plan *pl = x->r->plan;
    size_t n = shown(x, pl->ngaps), i, j, fit, ndeps = 0, nticks = 0;
    struct bar_key *keys = xcalloc(n + 1, sizeof *keys);
    size_t *order = xcalloc(n + 1, sizeof *order);
    size_t *row_of = xcalloc(pl->ngaps + 1, sizeof *row_of);
    struct pdf_gantt_row *rows = arena_calloc(x->a, n + 1, sizeof *rows);
    struct pdf_gantt_dep *deps;
    struct pdf_tick *ticks;
    struct pdf_gantt_mark marks[3];
    struct pdf_gantt g;
    cg_day d0 = x->r->profile->as_of, d1 = d0 + 30;
    cg_month mo;
    size_t nmarks = 0;

    for (i = 0; i < n; i++) {
        keys[i].start = pl->gaps[i].start;
        keys[i].rank = pl->gaps[i].rank;
        keys[i].gap = i;
    }
    qsort(keys, n, sizeof *keys, by_start);
    for (i = 0; i < n; i++)
        order[i] = keys[i].gap;
    for (i = 0; i < pl->ngaps; i++)
        row_of[i] = SIZE_MAX;
    for (i = 0; i < n; i++) {
        const struct gap *gp = &pl->gaps[order[i]];
        row_of[order[i]] = i;
        rows[i].label = arena_printf(x->a, "%s %s", req_id(x, gp),
                                     req_title(x, gp->req));
        rows[i].start = (int)(gp->start - d0);
        rows[i].end = (int)(gp->due + 1 - d0);
        rows[i].flags = (gp->at_risk ? PDF_GANTT_AT_RISK : 0) |
                        (gp->critical ? PDF_GANTT_CRITICAL : 0);
        if (gp->due + 1 > d1)
            d1 = gp->due + 1;
        ndeps += gp->ndepends;
    }
    deps = arena_calloc(x->a, ndeps + 1, sizeof *deps);
    ndeps = 0;
    for (i = 0; i < n; i++) {
        const struct gap *gp = &pl->gaps[order[i]];
        for (j = 0; j < gp->ndepends; j++)
            if (row_of[gp->depends[j]] != SIZE_MAX) {
                deps[ndeps].from = row_of[gp->depends[j]];
                deps[ndeps++].to = i;
            }
    }
    if (pl->has_audit && pl->audit + 7 > d1)
        d1 = pl->audit + 7;
    ticks = arena_calloc(x->a, (size_t)(d1 - d0) / 28 + 3, sizeof *ticks);
    for (mo = date_month(d0) + 1; month_first_day(mo) < d1; mo++) {
        ticks[nticks].value = (double)(month_first_day(mo) - d0);
        ticks[nticks++].text = month_str(x, mo);
    }
    marks[nmarks].day = 0;
    marks[nmarks].label = word(x, "plan.mark.as_of");
    marks[nmarks++].solid = 1;
    if (pl->has_audit) {
        marks[nmarks].day = (int)(pl->mock_audit - d0);
        marks[nmarks].label = word(x, "plan.mark.mock");
        marks[nmarks++].solid = 0;
        marks[nmarks].day = (int)(pl->audit - d0);
        marks[nmarks].label = word(x, "plan.mark.audit");
        marks[nmarks++].solid = 1;
    }
    memset(&g, 0, sizeof g);
    g.rows = rows;
    g.nrows = n;
    g.day0 = 0;
    g.day1 = (int)(d1 - d0);
    g.ticks = ticks;
    g.nticks = nticks;
    g.marks = marks;
    g.nmarks = nmarks;
    g.deps = deps;
    g.ndeps = ndeps;
    g.plain_text = word(x, "plan.legend.work");
    g.at_risk_text = word(x, "word.at_risk");
    g.critical_text = word(x, "plan.legend.critical");
    fit = pdf_chart_gantt_rows_fit(x->k, &g, pdf_flow_width(x->f),
                                   pdf_flow_room(x->f) - 60);
    for (i = 0; i < n; i += fit) {
        struct gantt_page p;
        p.g = &g;
        p.first = i;
        p.count = n - i < fit ? n - i : fit;
        pdf_flow_drawing(x->f, pdf_chart_gantt_height(
                             x->k, &g, pdf_flow_width(x->f), p.count),
                         draw_gantt, &p);
    }
    free(keys);
    free(order);
    free(row_of);
}

/* ------------------------------------------------------ owner load */

struct columns {
    struct rctx *x;
};

static void draw_month_columns(struct pdf_canvas *cv, float w, float h,
                               void *u)
{
    struct rctx *x = ((const struct columns *)u)->x;
    const struct plan *pl = x->r->plan;
    struct pdf_column *cols = arena_calloc(x->a, pl->nmonths + 1,
                                           sizeof *cols);
    struct pdf_tick *ticks = arena_calloc(x->a, 4, sizeof *ticks);
    struct pdf_column_chart c;
    struct pdf_rect rect = { 0, 0, w, h };
    double max = 1;
    size_t i;

    for (i = 0; i < pl->nmonths; i++) {
        cols[i].label = lang_month_abbr(x->r->lang, x->a,
                                        pl->months[i].month);
        cols[i].value = pl->months[i].days;
        cols[i].value_text = num(x, pl->months[i].days, 0);
        if (pl->months[i].days > max)
            max = pl->months[i].days;
    }
    for (i = 0; i < 4; i++) {
        ticks[i].value = max * (double)i / 3;
        ticks[i].text = num(x, ticks[i].value, 0);
    }
    memset(&c, 0, sizeof c);
    c.cols = cols;
    c.ncols = pl->nmonths;
    c.max = max * 1.1;
    c.yticks = ticks;
    c.nyticks = 4;
    pdf_chart_columns(cv, &rect, &c);
}

/* Owner x month person-days, twelve months to a table. */
static void load_tables(struct rctx *x)
{
    const struct plan *pl = x->r->plan;
    struct pdf_col cols[14];
    const char *head[14];
    size_t m0, i, k, nm;

    for (m0 = 0; m0 < pl->nmonths; m0 += 12) {
        nm = pl->nmonths - m0 < 12 ? pl->nmonths - m0 : 12;
        cols[0].width = 0;
        cols[0].weight = 1;
        cols[0].align = ALIGN_LEFT;
        head[0] = word(x, "col.owner");
        for (k = 0; k < nm; k++) {
            cols[k + 1].width = 42;
            cols[k + 1].weight = 0;
            cols[k + 1].align = ALIGN_RIGHT;
            head[k + 1] = month_str(x, pl->months[m0 + k].month);
        }
        table_begin(x, cols, nm + 1, head, 7.5f);
        for (i = 0; i < pl->nload; i = k) {
            const char *cells[14];
            const struct rgb *fills[14];
            const char *owner = pl->load[i].owner;
            size_t c;
            for (c = 0; c <= nm; c++) {
                cells[c] = "";
                fills[c] = NULL;
            }
            cells[0] = *owner ? (pl->load[i].unfilled
                                     ? arena_printf(x->a, "%s (%s)", owner,
                                                    word(x, "plan.unfilled"))
                                     : owner)
                              : word(x, "plan.unassigned");
            for (k = i; k < pl->nload &&
                        strcmp(pl->load[k].owner, owner) == 0; k++) {
                const struct owner_month *om = &pl->load[k];
                for (c = 0; c < nm; c++)
                    if (pl->months[m0 + c].month == om->month) {
                        cells[c + 1] = num(x, om->days, 1);
                        if (om->overloaded)
                            fills[c + 1] = status_fill(REQ_NOT_MET);
                    }
            }
            {
                struct pdf_row row;
                memset(&row, 0, sizeof row);
                row.cells = cells;
                row.cell_fill = fills;
                pdf_flow_table_row(x->f, &row);
            }
        }
        pdf_flow_table_end(x->f);
    }
}

static void owner_load(struct rctx *x)
{
    const struct plan *pl = x->r->plan;
    struct columns c;
    struct msg *m;

    pdf_flow_heading(x->f, 2, word(x, "plan.load"), NULL);
    m = msg(x, pl->day_rate > 0 ? "plan.totals.cost" : "plan.totals");
    msg_num(x->a, m, "days", pl->total_days);
    msg_num(x->a, m, "cost", pl->total_cost);
    msg_text(x->a, m, "currency", pl->currency ? pl->currency : "");
    msg_num(x->a, m, "capacity", pl->capacity_days);
    msg_int(x->a, m, "overloads", (long long)pl->overloads);
    para(x, &x->small, say(x, m));
    if (pl->nmonths == 0)
        return;
    c.x = x;
    pdf_flow_drawing(x->f, 120, draw_month_columns, &c);
    pdf_flow_spacer(x->f, 6);
    load_tables(x);
}

/* ---------------------------------------------------------- actions */

static void action(struct rctx *x, const struct gap *g)
{
    struct pdf_style title = style_with(&x->body, PDF_BOLD, 10, &x->t->ink);
    struct pdf_style risk = style_with(&x->small, PDF_BOLD, 0, risk_ink());
    struct pdf_kv kv[4];
    size_t n = 0;
    struct msg *m;

    pdf_flow_keep_begin(x->f);
    title.space_before = 10;
    title.space_after = 1;
    para(x, &title, arena_printf(x->a, "%zu. [%s] %s %s", g->rank,
                                 tier_name(g->tier), req_id(x, g),
                                 req_title(x, g->req)));
    m = msg(x, g->cost > 0 ? "plan.action.when.cost" : "plan.action.when");
    msg_text(x->a, m, "owner", assignee_word(x, g->assignee));
    msg_date(x->a, m, "start", g->start);
    msg_date(x->a, m, "due", g->due);
    msg_num(x->a, m, "effort", g->effort);
    msg_num(x->a, m, "cost", g->cost);
    msg_text(x->a, m, "currency", x->r->plan->currency
                                      ? x->r->plan->currency : "");
    if (g->data_months > 0) {
        msg_int(x->a, m, "months", g->data_months);
        msg_date(x->a, m, "proven", g->proven);
    }
    para(x, &x->note, say(x, m));
    kv[n].label = word(x, "col.action");
    kv[n++].value = say(x, g->action);
    if (msg_list_len(g->measure, "items")) {
        kv[n].label = word(x, "col.measure");
        kv[n++].value = say(x, g->measure);
    }
    if (msg_list_len(g->proof, "items")) {
        kv[n].label = word(x, "col.proof");
        kv[n++].value = say(x, g->proof);
    }
    if (g->delay) {
        kv[n].label = word(x, "plan.delay");
        kv[n++].value = say(x, g->delay);
    }
    pdf_flow_kv(x->f, kv, n, NULL, NULL);
    if (g->at_risk)
        para(x, &risk, arena_printf(x->a, "%s: %s",
                                    word(x, "word.at_risk_title"),
                                    say(x, g->risk)));
    pdf_flow_keep_end(x->f);
}

void pdf_plan(struct rctx *x)
{
    const struct plan *pl = x->r->plan;
    struct msg *m;
    size_t i, n;

    section_begin(x, "sec.plan", x->sec->gantt);
    if (!pl || pl->ngaps == 0) {
        para(x, NULL, word(x, pl ? "report.no_gaps" : "gaps.no_plan"));
        return;
    }
    m = msg(x, "plan.intro");
    msg_int(x->a, m, "gaps", (long long)pl->ngaps);
    msg_num(x->a, m, "days", pl->total_days);
    msg_date(x->a, m, "as_of", x->r->profile->as_of);
    if (pl->has_audit) {
        msg_date(x->a, m, "mock", pl->mock_audit);
        msg_date(x->a, m, "audit", pl->audit);
    }
    para(x, &x->small, say(x, m));
    n = shown(x, pl->ngaps);
    if (x->sec->gantt) {
        gantt(x);
        if (pl->ngaps > n) {
            struct msg *more = msg(x, "plan.more");
            msg_int(x->a, more, "shown", (long long)n);
            msg_int(x->a, more, "gaps", (long long)pl->ngaps);
            para(x, &x->note, say(x, more));
        }
    }
    if (x->sec->load) {
        pdf_flow_page_break(x->f, PDF_LANDSCAPE, 0);
        owner_load(x);
    }
    if (!x->sec->actions)
        return;
    pdf_flow_page_break(x->f, PDF_PORTRAIT, 0);
    pdf_flow_heading(x->f, 2, word(x, "plan.actions"), NULL);
    for (i = 0; i < n; i++)
        action(x, &pl->gaps[i]);
}

/* ---------------------------------------------------------- evidence */

static int warning_only(unsigned flags)
{
    return !(flags & (EVF_CHANGED | EVF_MISSING | EVF_EXPIRED));
}

static void evidence_index(struct rctx *x)
{
    static const struct pdf_col cols[] = {
        { 48, 0, ALIGN_LEFT }, { 0, 1.3f, ALIGN_LEFT }, { 62, 0, ALIGN_LEFT },
        { 52, 0, ALIGN_LEFT }, { 52, 0, ALIGN_LEFT }, { 0, 1, ALIGN_LEFT }
    };
    static const struct rgb amber = { 1.00f, 0.90f, 0.65f };
    const struct report *r = x->r;
    const char *head[6];
    size_t i, j, listed = 0;

    head[0] = word(x, "col.id");
    head[1] = word(x, "col.title");
    head[2] = word(x, "col.kind");
    head[3] = word(x, "col.dated");
    head[4] = word(x, "col.expires");
    head[5] = word(x, "col.problems");
    for (i = 0; i < r->nevidence; i++) {
        const struct evidence_state *st = &r->evidence[i];
        const struct rgb *fills[6] = { NULL };
        const char *cells[6];
        struct strbuf flags = STRBUF_INIT, reqs = STRBUF_INIT;
        struct msg *kind;
        struct pdf_row row;
        if (!(st->flags & (EVF_PROBLEMS | EVF_EXPIRING)))
            continue;
        if (listed++ == 0)
            table_begin(x, cols, 6, head, 7.5f);
        for (j = 0; j < ARRAY_LEN(evidence_flag_order); j++)
            if (st->flags & evidence_flag_order[j])
                strbuf_printf(&flags, "%s%s", flags.len ? ", " : "",
                              wordf(x, "evidence.flag.",
                                    evidence_flag_name(
                                        evidence_flag_order[j])));
        for (j = 0; j < st->ev->nreqs; j++)
            strbuf_printf(&reqs, "%s%s", j ? ", " : "",
                          r->catalog->reqs[st->ev->reqs[j]].id);
        kind = msg_term(x->a, msg(x, "evidence.kind"), "kind", "kind.",
                        st->ev->kind);
        cells[0] = st->ev->id;
        cells[1] = arena_printf(x->a, "%s (%s)", st->ev->title,
                                strbuf_cstr(&reqs));
        cells[2] = say(x, kind);
        cells[3] = day_str(x, st->ev->dated);
        cells[4] = st->ev->has_expires ? day_str(x, st->ev->expires) : "—";
        cells[5] = arena_strdup(x->a, strbuf_cstr(&flags));
        fills[5] = warning_only(st->flags) ? &amber
                                           : status_fill(REQ_NOT_MET);
        memset(&row, 0, sizeof row);
        row.cells = cells;
        row.cell_fill = fills;
        pdf_flow_table_row(x->f, &row);
        strbuf_free(&flags);
        strbuf_free(&reqs);
    }
    if (listed)
        pdf_flow_table_end(x->f);
}

/* Gaps an evidence or cadence rule keeps open: what to produce. */
static void evidence_to_produce(struct rctx *x)
{
    static const struct pdf_col cols[] = {
        { 40, 0, ALIGN_LEFT }, { 0, 1, ALIGN_LEFT }, { 90, 0, ALIGN_LEFT },
        { 60, 0, ALIGN_LEFT }
    };
    const struct plan *pl = x->r->plan;
    const char *head[4];
    size_t i, j, listed = 0;

    pdf_flow_heading(x->f, 2, word(x, "evidence.to_produce"), NULL);
    head[0] = word(x, "col.id");
    head[1] = word(x, "col.proof");
    head[2] = word(x, "col.owner");
    head[3] = word(x, "col.due");
    for (i = 0; pl && i < pl->ngaps; i++) {
        const struct gap *g = &pl->gaps[i];
        const char *cells[4];
        int documents = 0;
        struct pdf_row row;
        for (j = 0; j < g->nfailing; j++)
            documents |= g->failing[j]->rule->type == RULE_EVIDENCE ||
                         g->failing[j]->rule->type == RULE_CADENCE;
        if (!documents || !msg_list_len(g->proof, "items"))
            continue;
        if (listed++ == 0)
            table_begin(x, cols, 4, head, 8);
        cells[0] = req_id(x, g);
        cells[1] = say(x, g->proof);
        cells[2] = assignee_word(x, g->assignee);
        cells[3] = day_str(x, g->due);
        memset(&row, 0, sizeof row);
        row.cells = cells;
        if (has_section(x, SEC_GAPS))
            row.link = place(x, "gap", req_id(x, g));
        pdf_flow_table_row(x->f, &row);
    }
    if (listed)
        pdf_flow_table_end(x->f);
    else
        para(x, NULL, word(x, "word.none"));
}

void pdf_evidence(struct rctx *x)
{
    const struct report *r = x->r;
    size_t i, expiring = 0;
    struct msg *m;

    section_begin(x, "sec.evidence", 0);
    if (!r->org) {
        para(x, NULL, word(x, "evidence.none"));
        return;
    }
    for (i = 0; i < r->nevidence; i++)
        expiring += (r->evidence[i].flags & EVF_EXPIRING) != 0;
    m = msg(x, "evidence.summary");
    msg_int(x->a, m, "rows", (long long)r->nevidence);
    msg_int(x->a, m, "problems", (long long)r->evidence_problems);
    msg_int(x->a, m, "expiring", (long long)expiring);
    para(x, &x->small, say(x, m));
    evidence_index(x);
    evidence_to_produce(x);
}
