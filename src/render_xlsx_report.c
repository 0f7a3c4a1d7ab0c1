/*
 * render_xlsx_report.c — the workbook's assessment sheets: Summary (the
 * first page a consultant shows: verdict and why, scores, readiness on
 * the audit date), Requirements (every requirement, one row each) and
 * KPIs (one row per program, metric and month of the report's series,
 * ready for a pivot table).
 */
#include <string.h>

#include "copcgap/lang.h"
#include "copcgap/utf8.h"
#include "render_xlsx_int.h"

/* The Summary: labels in column A, values in B; long texts span B:J. */
#define SUM_LAST_COL 9
#define SUM_TEXT_CHARS 105      /* about what B:J holds on one line */

struct summary {
    struct xctx *x;
    lxw_worksheet *ws;
    lxw_row_t row;
};

static void label(struct summary *s, const char *text)
{
    xlsx_text(s->x, s->ws, s->row, 0, text, s->x->f.label);
}

/* A text value over B:J, wrapped, its row as tall as its lines. */
static void long_text(struct summary *s, const char *key, const char *text)
{
    size_t lines = (utf8_count(text) + SUM_TEXT_CHARS - 1) / SUM_TEXT_CHARS;

    label(s, xlsx_word(s->x, key));
    /* Excel leaves merged cells at one line: say how tall. */
    if (lines > 1)
        worksheet_set_row(s->ws, s->row, 15.0 * (double)lines, NULL);
    worksheet_merge_range(s->ws, s->row, 1, s->row, SUM_LAST_COL, "",
                          s->x->f.wrap);
    xlsx_text(s->x, s->ws, s->row, 1, text, s->x->f.wrap);
    s->row++;
}

static void date_row(struct summary *s, const char *key, int has, cg_day d)
{
    label(s, xlsx_word(s->x, key));
    if (has)
        xlsx_date(s->ws, s->row, 1, d, s->x->f.date);
    else
        xlsx_text(s->x, s->ws, s->row, 1, xlsx_word(s->x, "report.not_set"),
                  NULL);
    s->row++;
}

static void number_row(struct summary *s, const char *text, double v,
                       lxw_format *fmt)
{
    label(s, text);
    worksheet_write_number(s->ws, s->row, 1, v, fmt);
    s->row++;
}

static void heading(struct summary *s, const char *key)
{
    s->row++;
    xlsx_text(s->x, s->ws, s->row++, 0, xlsx_word(s->x, key), s->x->f.title);
}

/* Why the verdict: the critical requirements that block, or the score. */
static const char *verdict_why(const struct xctx *x)
{
    const struct report *r = x->r;
    struct msg *m;

    if (r->verdict == VERDICT_READY)
        return xlsx_word(x, "why.ready");
    m = msg_new(x->a, r->why.ncritical ? "why.critical" : "why.score");
    msg_int(x->a, m, "critical", (long long)r->why.ncritical);
    msg_pct(x->a, m, "overall", r->overall);
    msg_pct(x->a, m, "min", r->why.conditional_min);
    msg_key(x->a, m, "by_score", arena_printf(
        x->a, "verdict.%s", verdict_name(r->why.by_score)));
    msg_key(x->a, m, "verdict", arena_printf(
        x->a, "verdict.%s", verdict_name(r->verdict)));
    return xlsx_msg(x, m);
}

static void identity(struct summary *s)
{
    const struct xctx *x = s->x;
    const struct report *r = x->r;
    const struct profile *p = r->profile;
    const struct catalog *c = r->catalog;
    const struct plan *pl = r->plan;

    xlsx_text(x, s->ws, s->row++, 0, xlsx_word(x, "xlsx.title"),
              x->f.title);
    s->row++;
    long_text(s, "xlsx.organisation", p->org_name);
    long_text(s, "xlsx.catalogue", arena_printf(
        x->a, "%s (%s %s)", report_text(r, &c->title), c->id, c->version));
    date_row(s, "report.as_of", 1, p->as_of);
    date_row(s, "report.target_audit", pl->has_audit, pl->audit);
    date_row(s, "xlsx.mock_audit", pl->has_audit, pl->mock_audit);
    long_text(s, "xlsx.lead", p->lead ? p->lead
                                        : xlsx_word(x, "report.not_set"));
}

static void verdict(struct summary *s)
{
    const struct xctx *x = s->x;
    const struct report *r = x->r;

    s->row++;
    label(s, xlsx_word(x, "report.verdict"));
    xlsx_text(x, s->ws, s->row++, 1, xlsx_term(x, "verdict.",
                                                verdict_name(r->verdict)),
              x->f.verdict[r->verdict]);
    long_text(s, "xlsx.why", verdict_why(x));
    label(s, xlsx_word(x, "report.overall_score"));
    worksheet_write_number(s->ws, s->row++, 1, r->overall, x->f.pct);
    number_row(s, xlsx_word(x, "col.points"), r->points, x->f.count);
    number_row(s, xlsx_word(x, "col.points_available"), r->points_max,
               x->f.count);
}

static void readiness(struct summary *s)
{
    const struct xctx *x = s->x;
    const struct plan *pl = x->r->plan;
    struct msg *m;

    heading(s, "xlsx.readiness");
    if (pl->has_audit) {
        m = msg_new(x->a, "xlsx.ready");
        msg_date(x->a, m, "audit", pl->audit);
        label(s, xlsx_msg(x, m));
    } else {
        label(s, xlsx_word(x, "xlsx.ready.no_audit"));
    }
    xlsx_text(x, s->ws, s->row++, 1,
              xlsx_word(x, pl->ready && pl->has_audit ? "word.yes"
                                                      : "word.no"),
              x->f.fill[pl->ready && pl->has_audit ? XF_GREEN : XF_RED]);
    date_row(s, "xlsx.feasible", 1, pl->feasible_audit);
    if (pl->has_audit) {
        m = msg_new(x->a, pl->at_risk ? "xlsx.why.at_risk"
                                    : "xlsx.why.on_track");
        msg_int(x->a, m, "at_risk", (long long)pl->at_risk);
        msg_date(x->a, m, "audit", pl->audit);
        msg_date(x->a, m, "feasible", pl->feasible_audit);
        long_text(s, "xlsx.why", xlsx_msg(x, m));
    }
    number_row(s, xlsx_word(x, "xlsx.gaps"), (double)pl->ngaps, x->f.count);
    number_row(s, "P1", (double)pl->count[TIER_P1], x->f.count);
    number_row(s, "P2", (double)pl->count[TIER_P2], x->f.count);
    number_row(s, "P3", (double)pl->count[TIER_P3], x->f.count);
    number_row(s, xlsx_word(x, "col.at_risk"), (double)pl->at_risk,
               x->f.count);
    number_row(s, xlsx_word(x, "xlsx.total_days"), pl->total_days,
               x->f.text);
    if (pl->day_rate > 0) {
        m = msg_new(x->a, "xlsx.total_cost");
        msg_text(x->a, m, "currency", pl->currency ? pl->currency : "");
        number_row(s, xlsx_msg(x, m), pl->total_cost, x->f.money);
    }
}

/* One row of the category table: score, points, counts by status. */
static void score_row(struct summary *s, const struct group_result *g)
{
    const struct xctx *x = s->x;
    int k;

    if (g->applicable_weight > 0) {
        worksheet_write_number(s->ws, s->row, 2, g->score, x->f.pct);
        worksheet_write_number(s->ws, s->row, 3, g->points, x->f.count);
        worksheet_write_number(s->ws, s->row, 4, g->points_max,
                               x->f.count);
    }
    for (k = 0; k < REQ_COUNT; k++)
        worksheet_write_number(s->ws, s->row, (lxw_col_t)(5 + k),
                               (double)g->count[k], x->f.count);
    s->row++;
}

static void categories(struct summary *s)
{
    const struct xctx *x = s->x;
    const struct report *r = x->r;
    const struct catalog *c = r->catalog;
    struct group_result all;
    size_t i;
    int k;

    heading(s, "xlsx.category_scores");
    xlsx_text(x, s->ws, s->row, 0, xlsx_word(x, "col.title"), x->f.header);
    xlsx_text(x, s->ws, s->row, 1, xlsx_word(x, "col.category"),
              x->f.header);
    xlsx_text(x, s->ws, s->row, 2, xlsx_word(x, "col.score"), x->f.header);
    xlsx_text(x, s->ws, s->row, 3, xlsx_word(x, "col.points"), x->f.header);
    xlsx_text(x, s->ws, s->row, 4, xlsx_word(x, "col.points_available"),
              x->f.header);
    for (k = 0; k < REQ_COUNT; k++)
        xlsx_text(x, s->ws, s->row, (lxw_col_t)(5 + k),
                  xlsx_term(x, "status.req.",
                            req_status_name((enum req_status)k)),
                  x->f.header);
    s->row++;
    for (i = 0; i < c->ncategories; i++) {
        xlsx_text(x, s->ws, s->row, 0,
                  report_text(r, &c->categories[i].title), NULL);
        xlsx_id(x, s->ws, s->row, 1, c->categories[i].id);
        score_row(s, &r->cats[i]);
    }
    memset(&all, 0, sizeof all);
    all.score = r->overall;
    all.points = r->points;
    all.points_max = r->points_max;
    all.applicable_weight = 1;
    memcpy(all.count, r->count, sizeof all.count);
    xlsx_text(x, s->ws, s->row, 0, xlsx_word(x, "xlsx.overall"),
              x->f.label);
    score_row(s, &all);
}

static void exclusions(struct summary *s)
{
    const struct xctx *x = s->x;
    const struct verdict_reason *w = &x->r->why;
    size_t i;

    if (w->nexclusions == 0)
        return;
    heading(s, "report.exclusions");
    for (i = 0; i < w->nexclusions; i++) {
        const struct exclusion_use *u = &w->exclusions[i];
        struct msg *m = msg_new(x->a, u->ncritical ? "why.exclusion.critical"
                                                   : "why.exclusion");
        msg_id(x->a, m, "ref", u->x->ref);
        msg_text(x->a, m, "reason", u->x->reason);
        if (u->x->approved_by)
            msg_text(x->a, m, "approved_by", u->x->approved_by);
        msg_int(x->a, m, "requirements", (long long)u->nreqs);
        msg_int(x->a, m, "critical", (long long)u->ncritical);
        worksheet_merge_range(s->ws, s->row, 0, s->row, SUM_LAST_COL, "",
                              x->f.wrap);
        xlsx_text(x, s->ws, s->row++, 0, xlsx_msg(x, m),
                  u->ncritical ? x->f.fill[XF_RED] : x->f.wrap);
    }
}

void xlsx_summary_sheet(struct xctx *x)
{
    struct summary s;
    int k;

    s.x = x;
    s.row = 0;
    if (!(s.ws = xlsx_sheet(x, "xlsx.sheet.summary", 0)))
        return;
    worksheet_set_column(s.ws, 0, 0, 44, NULL);
    worksheet_set_column(s.ws, 1, 1, 16, NULL);
    worksheet_set_column(s.ws, 2, 4, 11, NULL);
    for (k = 0; k < REQ_COUNT; k++)
        worksheet_set_column(s.ws, (lxw_col_t)(5 + k), (lxw_col_t)(5 + k),
                             12, NULL);
    identity(&s);
    verdict(&s);
    readiness(&s);
    categories(&s);
    exclusions(&s);
    worksheet_activate(s.ws);
}

/* ------------------------------------------------------- requirements */

/* The traces of the rules that do not pass, one a line. */
static const char *failing_rules(const struct xctx *x,
                                 const struct req_result *rr)
{
    struct strbuf sb = STRBUF_INIT;
    const char *out;
    size_t i;

    for (i = 0; i < rr->nrules; i++) {
        const struct rule_result *res = &rr->rules[i];
        if (res->status == RS_PASS || res->status == RS_NA)
            continue;
        if (sb.len)
            strbuf_addc(&sb, '\n');
        lang_format(x->r->lang, res->trace, &sb);
    }
    out = arena_strdup(x->a, strbuf_cstr(&sb));
    strbuf_free(&sb);
    return out;
}

void xlsx_requirements_sheet(struct xctx *x)
{
    static const char *const keys[] = {
        "col.id", "col.category", "col.item", "col.title", "col.critical",
        "col.status", "col.score", "col.weight", "col.owner",
        "col.finding_class", "col.failing_rules", "col.na_reason"
    };
    static const double widths[] = { 10, 10, 8, 48, 9, 14, 9, 8, 20, 18,
                                     80, 40 };
    const struct report *r = x->r;
    const struct catalog *c = r->catalog;
    lxw_worksheet *ws = xlsx_sheet(x, "xlsx.sheet.requirements", 1);
    size_t i;

    if (!ws)
        return;
    xlsx_headers(x, ws, keys, widths, ARRAY_LEN(keys), ARRAY_LEN(keys));
    for (i = 0; i < c->nreqs; i++) {
        const struct req_result *rr = &r->reqs[i];
        const struct requirement *req = rr->req;
        const char *who = assignee_name(&rr->assignee);
        lxw_row_t row = (lxw_row_t)(i + 1);

        xlsx_text(x, ws, row, 0, req->id, NULL);
        xlsx_id(x, ws, row, 1, c->categories[req->category].id);
        if (req->item != SIZE_MAX)
            xlsx_text(x, ws, row, 2, c->items[req->item].id, NULL);
        xlsx_text(x, ws, row, 3, report_text(r, &req->title), x->f.wrap);
        xlsx_yes_no(x, ws, row, 4, req->critical);
        xlsx_text(x, ws, row, 5, xlsx_term(x, "status.req.",
                                           req_status_name(rr->status)),
                  NULL);
        if (rr->status != REQ_NA)
            worksheet_write_number(ws, row, 6, rr->score, x->f.pct);
        worksheet_write_number(ws, row, 7, req->weight, x->f.text);
        xlsx_text(x, ws, row, 8, who ? who : xlsx_word(x, "plan.unassigned"),
                  NULL);
        if (rr->finding_class != FC_NONE)
            xlsx_text(x, ws, row, 9, xlsx_term(x, "finding.class.",
                      finding_class_name(rr->finding_class)), NULL);
        xlsx_text(x, ws, row, 10, failing_rules(x, rr), x->f.wrap);
        xlsx_text(x, ws, row, 11, xlsx_msg(x, rr->na_reason), x->f.wrap);
    }
    xlsx_filters(ws, c->nreqs, ARRAY_LEN(keys));
    xlsx_colour_statuses(x, ws, c->nreqs, 5);
}

/* ---------------------------------------------------------------- KPIs */

void xlsx_kpi_sheet(struct xctx *x)
{
    static const char *const keys[] = {
        "col.program", "col.metric", "col.month", "col.value",
        "col.comparison", "col.target", "col.target_source", "col.result",
        "col.n", "col.in_window"
    };
    static const double widths[] = { 18, 30, 10, 10, 6, 9, 28, 11, 10, 11 };
    /* Each month's result, by enum point_status. */
    static const char *const results[] = {
        "status.rule.no-data", "status.rule.pass", "status.rule.fail",
        "xlsx.kpi.unjudged"
    };
    static const enum xlsx_fill fills[] = {
        XF_GREY, XF_GREEN, XF_RED, XF_LILAC
    };
    const struct report *r = x->r;
    lxw_worksheet *ws = xlsx_sheet(x, "xlsx.sheet.kpis", 1);
    lxw_row_t row = 0;
    size_t i, k, nrows = r->nseries * REPORT_SERIES_MONTHS;

    if (!ws)
        return;
    xlsx_headers(x, ws, keys, widths, ARRAY_LEN(keys), ARRAY_LEN(keys));
    for (i = 0; i < r->nseries; i++) {
        const struct kpi_series *s = &r->series[i];
        const char *program = r->profile->programs[s->program].id;
        const char *metric = xlsx_term(x, "metric.", s->metric);
        for (k = 0; k < REPORT_SERIES_MONTHS; k++) {
            const struct kpi_point *pt = &s->points[k];
            int in_window = s->win_months > 0 && pt->month <= s->win_end &&
                            pt->month > s->win_end - s->win_months;
            row++;
            xlsx_text(x, ws, row, 0, program, NULL);
            xlsx_text(x, ws, row, 1, metric, NULL);
            xlsx_month(x, ws, row, 2, pt->month);
            if (pt->status != PT_NONE)
                worksheet_write_number(ws, row, 3, pt->value, x->f.num);
            if (s->target.found) {
                xlsx_text(x, ws, row, 4,
                          xlsx_term(x, "op.", cmp_op_name(s->target.op)),
                          NULL);
                worksheet_write_number(ws, row, 5, s->target.value,
                                       x->f.num);
                xlsx_text(x, ws, row, 6, xlsx_term(x, "target.",
                          target_source_name(s->target.source)), NULL);
            }
            xlsx_text(x, ws, row, 7, xlsx_word(x, results[pt->status]),
                      NULL);
            if (pt->status != PT_NONE && pt->n >= 0)
                worksheet_write_number(ws, row, 8, (double)pt->n,
                                       x->f.count);
            xlsx_yes_no(x, ws, row, 9, in_window);
        }
    }
    xlsx_filters(ws, nrows, ARRAY_LEN(keys));
    for (k = 0; k < ARRAY_LEN(results); k++)
        xlsx_colour_word(x, ws, nrows, 7, xlsx_word(x, results[k]),
                         fills[k]);
}
