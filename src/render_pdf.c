/*
 * render_pdf.c — the assessment report as PDF (libharu via pdfkit).
 *
 * Sections: summary (organisation, catalogue, dates, verdict and why,
 * scope exclusions, blocking requirements), scores by category, gap
 * register, action plan, evidence index, every requirement with its rule
 * traces, crosswalks.  Every word comes from the report's language table
 * (lang.h); this file only lays it out.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copcgap/arena.h"
#include "copcgap/lang.h"
#include "copcgap/outfile.h"
#include "copcgap/pdfkit.h"
#include "copcgap/plan.h"
#include "copcgap/render.h"

#define CONTENT_W (PDF_PAGE_W - 2 * PDF_MARGIN)

static const struct rgb ink = { 0.1f, 0.12f, 0.16f };
static const struct rgb accent = { 0.05f, 0.28f, 0.52f };
static const struct rgb muted = { 0.4f, 0.4f, 0.45f };
static const struct rgb risk_ink = { 0.75f, 0.17f, 0.15f };

static const struct rgb status_fill[REQ_COUNT] = {
    { 0.80f, 0.93f, 0.80f },    /* met */
    { 1.00f, 0.92f, 0.70f },    /* partial */
    { 0.98f, 0.78f, 0.76f },    /* not met */
    { 0.90f, 0.88f, 0.95f },    /* not evidenced */
    { 0.92f, 0.92f, 0.92f },    /* n/a */
};

static const struct rgb verdict_fill[VERDICT_COUNT] = {
    { 0.18f, 0.55f, 0.27f },
    { 0.85f, 0.55f, 0.10f },
    { 0.75f, 0.17f, 0.15f },
};

/* What every section needs: the page kit, the report, its words. */
struct ctx {
    struct pdfkit *k;
    const struct report *r;
    struct arena *a;
};

static const char *T(const struct ctx *x, const char *key)
{
    return lang_str(x->r->lang, x->a, key);
}

static const char *M(const struct ctx *x, const struct msg *m)
{
    return m ? lang_msg(x->r->lang, x->a, m) : "";
}

static const char *pct(const struct ctx *x, double fraction)
{
    return lang_pct_str(x->r->lang, x->a, fraction);
}

static const char *date(const struct ctx *x, cg_day d)
{
    return lang_date_str(x->r->lang, x->a, d);
}

static const char *req_status(const struct ctx *x, enum req_status s)
{
    return T(x, arena_printf(x->a, "status.req.%s", req_status_name(s)));
}

static struct msg *msg(const struct ctx *x, const char *key)
{
    return msg_new(x->a, key);
}

static void table_init(struct pdf_table *t, size_t ncols, const float *widths,
                       const enum pdf_align *align, float size,
                       const char *const *header)
{
    memset(t, 0, sizeof *t);
    t->ncols = ncols;
    t->widths = widths;
    t->align = align;
    t->size = size;
    t->header = header;
}

static void heading(const struct ctx *x, const char *text, float size)
{
    pdfkit_need(x->k, size * 3);
    pdfkit_move(x->k, size * 0.6f);
    pdfkit_para(x->k, PDF_BOLD, size, &accent, PDF_MARGIN, CONTENT_W, text);
    pdfkit_move(x->k, size * 0.3f);
}

static void section(const struct ctx *x, const char *key)
{
    const char *title = T(x, key);
    pdfkit_new_page(x->k);
    pdfkit_para(x->k, PDF_BOLD, 16, &accent, PDF_MARGIN, CONTENT_W, title);
    pdfkit_bookmark(x->k, NULL, title);
}

static void para(const struct ctx *x, enum pdf_font f, float size,
                 const struct rgb *color, float indent, const char *text)
{
    pdfkit_para(x->k, f, size, color, PDF_MARGIN + indent,
                CONTENT_W - indent, text);
}

/* Label column measured from the widest label, so a long label never
 * runs into its value. */
static float label_width(const struct ctx *x, const char *const *labels,
                         size_t n)
{
    float w = 0;
    size_t i;
    for (i = 0; i < n; i++) {
        float lw = pdfkit_width(x->k, PDF_BOLD, 10, labels[i]);
        if (lw > w)
            w = lw;
    }
    w += 12;
    return w > CONTENT_W / 2 ? CONTENT_W / 2 : w;
}

static void key_value(const struct ctx *x, float lw, const char *key,
                      const char *value)
{
    float y;
    pdfkit_need(x->k, 14);
    y = pdfkit_y(x->k);
    pdfkit_para(x->k, PDF_BOLD, 10, &muted, PDF_MARGIN, lw - 6, key);
    pdfkit_move(x->k, pdfkit_y(x->k) - y);     /* back to the line */
    pdfkit_para(x->k, PDF_REGULAR, 10, &ink, PDF_MARGIN + lw,
                CONTENT_W - lw, value);
}

static const char *programs_text(const struct ctx *x)
{
    const struct profile *p = x->r->profile;
    struct strbuf sb = STRBUF_INIT;
    const char *s;
    size_t i;

    for (i = 0; i < p->nprograms; i++) {
        struct msg *m = msg(x, "report.program_channel");
        msg_text(x->a, m, "name", p->programs[i].name);
        msg_key(x->a, m, "channel", arena_printf(
            x->a, "channel.%s", channel_name(p->programs[i].channel)));
        if (i)
            strbuf_adds(&sb, ", ");
        strbuf_adds(&sb, M(x, m));
    }
    s = arena_strdup(x->a, strbuf_cstr(&sb));
    strbuf_free(&sb);
    return s;
}

static void facts(const struct ctx *x)
{
    const struct report *r = x->r;
    const struct profile *p = r->profile;
    const struct catalog *c = r->catalog;
    const char *labels[6];
    const char *values[6];
    size_t n = 0, i;
    float lw;

    labels[n] = T(x, "report.organization");
    values[n++] = arena_printf(x->a, "%s (%s)", p->org_name, p->org_id);
    labels[n] = T(x, "report.catalogue");
    values[n++] = arena_printf(x->a, "%s, %s", report_text(r, &c->title),
                               c->version);
    labels[n] = T(x, "report.as_of");
    values[n++] = date(x, p->as_of);
    labels[n] = T(x, "report.target_audit");
    values[n++] = p->has_target_audit ? date(x, p->target_audit)
                                      : T(x, "report.not_set");
    if (p->lead) {
        labels[n] = T(x, "report.lead");
        values[n++] = p->lead;
    }
    labels[n] = T(x, "report.programs");
    values[n++] = programs_text(x);
    lw = label_width(x, labels, n);
    for (i = 0; i < n; i++)
        key_value(x, lw, labels[i], values[i]);
}

static void banner(const struct ctx *x)
{
    static const struct rgb white = { 1, 1, 1 };
    const struct report *r = x->r;
    float y;

    pdfkit_move(x->k, 14);
    pdfkit_need(x->k, 60);
    y = pdfkit_y(x->k);
    pdfkit_rect(x->k, PDF_MARGIN, y - 52, CONTENT_W, 52,
                &verdict_fill[r->verdict]);
    pdfkit_text_at(x->k, PDF_REGULAR, 10, &white, PDF_MARGIN + 12, y - 18,
                   ALIGN_LEFT, T(x, "report.verdict"));
    pdfkit_text_at(x->k, PDF_BOLD, 18, &white, PDF_MARGIN + 12, y - 42,
                   ALIGN_LEFT, T(x, arena_printf(x->a, "verdict.%s",
                                                 verdict_name(r->verdict))));
    pdfkit_text_at(x->k, PDF_REGULAR, 10, &white,
                   PDF_MARGIN + CONTENT_W - 12, y - 18, ALIGN_RIGHT,
                   T(x, "report.overall_score"));
    pdfkit_text_at(x->k, PDF_BOLD, 18, &white, PDF_MARGIN + CONTENT_W - 12,
                   y - 42, ALIGN_RIGHT, pct(x, r->overall));
    pdfkit_move(x->k, 60);
}

/* Why the verdict: critical requirements that block, what the score
 * alone would give, the audit-date readiness, and every exclusion. */
static void verdict_reason(const struct ctx *x)
{
    const struct report *r = x->r;
    const struct verdict_reason *w = &r->why;
    struct msg *m;
    size_t i;

    if (r->verdict == VERDICT_READY) {
        para(x, PDF_REGULAR, 10, &ink, 0, T(x, "why.ready"));
    } else {
        m = msg(x, w->ncritical ? "why.critical" : "why.score");
        msg_int(x->a, m, "critical", (long long)w->ncritical);
        msg_pct(x->a, m, "overall", r->overall);
        msg_pct(x->a, m, "min", w->conditional_min);
        msg_key(x->a, m, "by_score", arena_printf(
            x->a, "verdict.%s", verdict_name(w->by_score)));
        msg_key(x->a, m, "verdict", arena_printf(
            x->a, "verdict.%s", verdict_name(r->verdict)));
        para(x, PDF_REGULAR, 10, &ink, 0, M(x, m));
    }
    if (r->plan && r->plan->has_audit) {
        m = msg(x, r->plan->at_risk ? "why.at_risk" : "why.on_track");
        msg_int(x->a, m, "at_risk", (long long)r->plan->at_risk);
        msg_date(x->a, m, "audit", r->plan->audit);
        msg_date(x->a, m, "feasible", r->plan->feasible_audit);
        para(x, PDF_BOLD, 10, r->plan->at_risk ? &risk_ink : &ink, 0,
             M(x, m));
    }
    if (w->nexclusions == 0)
        return;
    heading(x, T(x, "report.exclusions"), 12);
    for (i = 0; i < w->nexclusions; i++) {
        const struct exclusion_use *u = &w->exclusions[i];
        m = msg(x, u->ncritical ? "why.exclusion.critical" : "why.exclusion");
        msg_id(x->a, m, "ref", u->x->ref);
        msg_text(x->a, m, "reason", u->x->reason);
        if (u->x->approved_by)
            msg_text(x->a, m, "approved_by", u->x->approved_by);
        msg_int(x->a, m, "requirements", (long long)u->nreqs);
        msg_int(x->a, m, "critical", (long long)u->ncritical);
        para(x, u->ncritical ? PDF_BOLD : PDF_REGULAR, 9,
             u->ncritical ? &risk_ink : &ink, 0, M(x, m));
    }
}

static void summary(const struct ctx *x)
{
    const struct report *r = x->r;
    size_t i, shown = 25;

    pdfkit_new_page(x->k);
    pdfkit_bookmark(x->k, NULL, T(x, "report.summary"));
    para(x, PDF_BOLD, 20, &accent, 0, T(x, "report.title"));
    para(x, PDF_BOLD, 14, &ink, 0, r->profile->org_name);
    pdfkit_move(x->k, 12);
    facts(x);
    banner(x);
    verdict_reason(x);

    heading(x, T(x, "report.blocking"), 12);
    if (r->nblocking == 0)
        para(x, PDF_REGULAR, 10, &ink, 0, T(x, "word.none"));
    for (i = 0; i < r->nblocking && i < shown; i++) {
        const struct req_result *rr = &r->reqs[r->blocking[i]];
        struct msg *m = msg(x, rr->req->critical ? "report.blocking.critical"
                                                 : "report.blocking.item");
        msg_id(x->a, m, "id", rr->req->id);
        msg_i18n(x->a, m, "title", &rr->req->title);
        msg_key(x->a, m, "status", arena_printf(
            x->a, "status.req.%s", req_status_name(rr->status)));
        para(x, rr->req->critical ? PDF_BOLD : PDF_REGULAR, 9, &ink, 0,
             M(x, m));
    }
    if (r->nblocking > shown) {
        struct msg *m = msg(x, "report.blocking.more");
        msg_int(x->a, m, "more", (long long)(r->nblocking - shown));
        para(x, PDF_REGULAR, 9, &muted, 0, M(x, m));
    }
}

static void category_table(const struct ctx *x)
{
    static const float widths[] = { 215, 55, 45, 45, 50, 85 };
    static const enum pdf_align align[] = { ALIGN_LEFT, ALIGN_RIGHT,
                                            ALIGN_RIGHT, ALIGN_RIGHT,
                                            ALIGN_RIGHT, ALIGN_RIGHT };
    const struct report *r = x->r;
    const struct catalog *c = r->catalog;
    const char *header[6];
    struct pdf_table t;
    size_t i;

    header[0] = T(x, "col.category");
    header[1] = T(x, "col.score");
    header[2] = req_status(x, REQ_MET);
    header[3] = req_status(x, REQ_PARTIAL);
    header[4] = req_status(x, REQ_NOT_MET);
    header[5] = req_status(x, REQ_NOT_EVIDENCED);
    table_init(&t, 6, widths, align, 9, header);
    pdfkit_move(x->k, 10);
    heading(x, T(x, "report.category_scores"), 14);
    pdfkit_bookmark(x->k, NULL, T(x, "report.category_scores"));
    pdfkit_table_header(x->k, &t);
    for (i = 0; i < c->ncategories; i++) {
        const struct group_result *g = &r->cats[i];
        const char *cells[6];
        cells[0] = arena_printf(x->a, "%s %s", c->categories[i].id,
                                report_text(r, &c->categories[i].title));
        cells[1] = g->applicable_weight > 0 ? pct(x, g->score)
                                            : req_status(x, REQ_NA);
        cells[2] = arena_printf(x->a, "%zu", g->count[REQ_MET]);
        cells[3] = arena_printf(x->a, "%zu", g->count[REQ_PARTIAL]);
        cells[4] = arena_printf(x->a, "%zu", g->count[REQ_NOT_MET]);
        cells[5] = arena_printf(x->a, "%zu", g->count[REQ_NOT_EVIDENCED]);
        pdfkit_table_row(x->k, &t, cells, NULL, NULL, 0);
    }
    pdfkit_table_end(x->k);
}

static const char *title_of(const struct ctx *x, const struct requirement *req)
{
    if (!req->critical)
        return report_text(x->r, &req->title);
    return arena_printf(x->a, "%s (%s)", report_text(x->r, &req->title),
                        T(x, "word.critical"));
}

static void requirement_tables(const struct ctx *x)
{
    static const float widths[] = { 45, 290, 90, 70 };
    static const enum pdf_align align[] = { ALIGN_LEFT, ALIGN_LEFT,
                                            ALIGN_LEFT, ALIGN_RIGHT };
    static const struct rgb trace_ink = { 0.25f, 0.25f, 0.3f };
    const struct report *r = x->r;
    const struct catalog *c = r->catalog;
    const char *header[4];
    struct pdf_table t;
    size_t ci, i, j;

    header[0] = T(x, "col.id");
    header[1] = T(x, "col.requirement");
    header[2] = T(x, "col.status");
    header[3] = T(x, "col.score");
    table_init(&t, 4, widths, align, 9, header);

    section(x, "report.requirements");
    for (ci = 0; ci < c->ncategories; ci++) {
        const struct category *cat = &c->categories[ci];
        const char *title = arena_printf(x->a, "%s %s", cat->id,
                                         report_text(r, &cat->title));
        heading(x, title, 12);
        pdfkit_bookmark(x->k, NULL, title);
        pdfkit_table_header(x->k, &t);
        for (i = cat->first_req; i < cat->first_req + cat->nreq; i++) {
            const struct req_result *rr = &r->reqs[i];
            const struct rgb *cell_fill[4] = { NULL, NULL, NULL, NULL };
            const char *cells[4];
            cells[0] = rr->req->id;
            cells[1] = title_of(x, rr->req);
            cells[2] = req_status(x, rr->status);
            cells[3] = rr->status == REQ_NA ? "" : pct(x, rr->score);
            cell_fill[2] = &status_fill[rr->status];
            pdfkit_table_row(x->k, &t, cells, NULL, cell_fill, 0);
            if (rr->status == REQ_NA && rr->na_reason) {
                para(x, PDF_REGULAR, 8, &trace_ink, 45, M(x, rr->na_reason));
                continue;
            }
            for (j = 0; j < rr->nrules; j++) {
                const struct rule_result *res = &rr->rules[j];
                struct msg *m = msg(x, res->rule->label.n
                                           ? "report.rule.labelled"
                                           : "report.rule");
                msg_key(x->a, m, "status", arena_printf(
                    x->a, "status.rule.%s", rule_status_name(res->status)));
                msg_key(x->a, m, "type", arena_printf(
                    x->a, "rule.type.%s", rule_type_name(res->rule->type)));
                if (res->rule->label.n)
                    msg_i18n(x->a, m, "label", &res->rule->label);
                msg_sub(x->a, m, "trace", res->trace);
                para(x, PDF_REGULAR, 8, &trace_ink, 45, M(x, m));
            }
        }
        pdfkit_table_end(x->k);
    }
}

static const struct rgb tier_fill[4] = {
    { 1, 1, 1 },
    { 0.98f, 0.78f, 0.76f },    /* P1 */
    { 1.00f, 0.92f, 0.70f },    /* P2 */
    { 0.80f, 0.93f, 0.80f },    /* P3 */
};

static const char *owner(const struct ctx *x, const struct gap *g)
{
    const char *name = assignee_name(g->assignee);
    return name ? name : T(x, "plan.unassigned");
}

static void gap_register(const struct ctx *x)
{
    static const float widths[] = { 22, 32, 34, 150, 66, 75, 58, 58 };
    static const enum pdf_align align[] = { ALIGN_RIGHT, ALIGN_LEFT,
                                            ALIGN_LEFT, ALIGN_LEFT,
                                            ALIGN_LEFT, ALIGN_LEFT,
                                            ALIGN_LEFT, ALIGN_RIGHT };
    const struct report *r = x->r;
    const struct plan *pl = r->plan;
    const struct catalog *c = r->catalog;
    const char *header[8];
    struct pdf_table t;
    struct msg *m;
    size_t i;

    section(x, "report.gap_register");
    m = msg(x, "report.gap_counts");
    msg_int(x->a, m, "p1", (long long)pl->count[TIER_P1]);
    msg_int(x->a, m, "p2", (long long)pl->count[TIER_P2]);
    msg_int(x->a, m, "p3", (long long)pl->count[TIER_P3]);
    msg_int(x->a, m, "at_risk", (long long)pl->at_risk);
    msg_date(x->a, m, "feasible", pl->feasible_audit);
    para(x, PDF_REGULAR, 9, &muted, 0, M(x, m));
    pdfkit_move(x->k, 6);
    if (pl->ngaps == 0) {
        para(x, PDF_REGULAR, 10, &ink, 0, T(x, "report.no_gaps"));
        return;
    }
    header[0] = "#";
    header[1] = T(x, "col.tier");
    header[2] = T(x, "col.id");
    header[3] = T(x, "col.requirement");
    header[4] = T(x, "col.status");
    header[5] = T(x, "col.owner");
    header[6] = T(x, "col.due");
    header[7] = T(x, "col.priority");
    table_init(&t, 8, widths, align, 8, header);
    pdfkit_table_header(x->k, &t);
    for (i = 0; i < pl->ngaps; i++) {
        const struct gap *g = &pl->gaps[i];
        const struct rgb *cell_fill[8] = { NULL };
        const char *cells[8];
        cells[0] = arena_printf(x->a, "%zu", g->rank);
        cells[1] = tier_name(g->tier);
        cells[2] = c->reqs[g->req].id;
        cells[3] = title_of(x, &c->reqs[g->req]);
        cells[4] = req_status(x, g->result->status);
        cells[5] = owner(x, g);
        cells[6] = g->at_risk ? arena_printf(x->a, "%s (%s)",
                                             date(x, g->due),
                                             T(x, "word.at_risk"))
                              : date(x, g->due);
        cells[7] = lang_num_str(r->lang, x->a, g->priority, 2);
        cell_fill[1] = &tier_fill[g->tier];
        cell_fill[4] = &status_fill[g->result->status];
        pdfkit_table_row(x->k, &t, cells, NULL, cell_fill, 0);
    }
    pdfkit_table_end(x->k);
}

static void action_plan(const struct ctx *x)
{
    const struct report *r = x->r;
    const struct plan *pl = r->plan;
    const struct catalog *c = r->catalog;
    size_t i;

    if (pl->ngaps == 0)
        return;
    section(x, "report.action_plan");
    for (i = 0; i < pl->ngaps; i++) {
        const struct gap *g = &pl->gaps[i];
        const struct requirement *req = &c->reqs[g->req];
        struct msg *m = msg(x, "report.action.when");
        pdfkit_need(x->k, 70);
        pdfkit_move(x->k, 6);
        para(x, PDF_BOLD, 10, &ink, 0,
             arena_printf(x->a, "%zu. [%s] %s %s", g->rank,
                          tier_name(g->tier), req->id,
                          report_text(r, &req->title)));
        msg_text(x->a, m, "owner", owner(x, g));
        msg_date(x->a, m, "start", g->start);
        msg_date(x->a, m, "due", g->due);
        para(x, PDF_REGULAR, 9, &muted, 12, M(x, m));
        para(x, PDF_REGULAR, 9, &ink, 12,
             arena_printf(x->a, "%s: %s", T(x, "col.action"),
                          M(x, g->action)));
        if (msg_list_len(g->measure, "items"))
            para(x, PDF_REGULAR, 9, &ink, 12,
                 arena_printf(x->a, "%s: %s", T(x, "col.measure"),
                              M(x, g->measure)));
        if (msg_list_len(g->proof, "items"))
            para(x, PDF_REGULAR, 9, &ink, 12,
                 arena_printf(x->a, "%s: %s", T(x, "col.proof"),
                              M(x, g->proof)));
        if (g->at_risk)
            para(x, PDF_BOLD, 9, &risk_ink, 12,
                 arena_printf(x->a, "%s: %s", T(x, "word.at_risk_title"),
                              M(x, g->risk)));
    }
}

static void crosswalks(const struct ctx *x)
{
    static const float widths[] = { 40, 235, 80, 140 };
    static const struct rgb cov_fill[COV_COUNT] = {
        { 0.80f, 0.93f, 0.80f }, { 1.00f, 0.92f, 0.70f },
        { 0.98f, 0.78f, 0.76f }, { 0.92f, 0.92f, 0.92f },
    };
    const struct report *r = x->r;
    size_t i, j, l;

    for (i = 0; i < r->ncrosswalks; i++) {
        const struct crosswalk *xw = &r->crosswalks[i];
        const char *header[4];
        struct pdf_table t;
        pdfkit_new_page(x->k);
        para(x, PDF_BOLD, 16, &accent, 0,
             arena_printf(x->a, "%s: %s", T(x, "report.crosswalk"),
                          report_text(r, &xw->target->title)));
        pdfkit_bookmark(x->k, NULL, T(x, "report.crosswalk"));
        header[0] = T(x, "col.clause");
        header[1] = T(x, "col.title");
        header[2] = T(x, "col.coverage");
        header[3] = T(x, "report.requirements");
        table_init(&t, 4, widths, NULL, 8, header);
        pdfkit_table_header(x->k, &t);
        for (j = 0; j < xw->nclauses; j++) {
            const struct xwalk_clause *cl = &xw->clauses[j];
            const struct rgb *cell_fill[4] = { NULL };
            struct strbuf sb = STRBUF_INIT;
            const char *cells[4];
            for (l = 0; l < cl->nlinks; l++) {
                struct msg *m = msg(x, "report.xwalk.link");
                msg_id(x->a, m, "id", r->catalog->reqs[cl->links[l].req].id);
                msg_key(x->a, m, "relation", arena_printf(
                    x->a, "xrel.%s", xrel_name(cl->links[l].rel)));
                msg_key(x->a, m, "status", arena_printf(
                    x->a, "status.req.%s",
                    req_status_name(r->reqs[cl->links[l].req].status)));
                strbuf_printf(&sb, "%s%s", l ? "; " : "", M(x, m));
            }
            cells[0] = xw->target->reqs[cl->clause].id;
            cells[1] = report_text(r, &xw->target->reqs[cl->clause].title);
            cells[2] = T(x, arena_printf(x->a, "coverage.%s",
                                         coverage_name(cl->coverage)));
            cells[3] = arena_strdup(x->a, strbuf_cstr(&sb));
            cell_fill[2] = &cov_fill[cl->coverage];
            pdfkit_table_row(x->k, &t, cells, NULL, cell_fill, 0);
            strbuf_free(&sb);
        }
        pdfkit_table_end(x->k);
    }
}

/* Evidence rows the engine found a problem with (stale, expired,
 * unapproved, changed or missing file, dated after as-of). */
static void evidence_index(const struct ctx *x)
{
    static const float widths[] = { 50, 170, 65, 55, 155 };
    static const struct rgb bad = { 0.98f, 0.78f, 0.76f };
    const struct report *r = x->r;
    const char *header[5];
    struct pdf_table t;
    struct msg *m;
    size_t i, j;

    if (!r->org)
        return;
    section(x, "report.evidence_index");
    m = msg(x, "report.evidence_counts");
    msg_int(x->a, m, "rows", (long long)r->nevidence);
    msg_int(x->a, m, "problems", (long long)r->evidence_problems);
    para(x, PDF_REGULAR, 9, &muted, 0, M(x, m));
    pdfkit_move(x->k, 6);
    if (r->evidence_problems == 0)
        return;
    header[0] = T(x, "col.id");
    header[1] = T(x, "report.requirements");
    header[2] = T(x, "col.kind");
    header[3] = T(x, "col.dated");
    header[4] = T(x, "col.problems");
    table_init(&t, 5, widths, NULL, 8, header);
    pdfkit_table_header(x->k, &t);
    for (i = 0; i < r->nevidence; i++) {
        const struct evidence_state *st = &r->evidence[i];
        const struct rgb *cell_fill[5] = { NULL };
        struct strbuf sb = STRBUF_INIT, reqs = STRBUF_INIT;
        const char *cells[5];
        struct msg *kind;
        if (!(st->flags & EVF_PROBLEMS))
            continue;
        for (j = 0; j < ARRAY_LEN(evidence_flag_order); j++)
            if (st->flags & evidence_flag_order[j])
                strbuf_printf(&sb, "%s%s", sb.len ? ", " : "",
                              T(x, arena_printf(x->a, "evidence.flag.%s",
                                                evidence_flag_name(
                                                    evidence_flag_order[j]))));
        for (j = 0; j < st->ev->nreqs; j++)
            strbuf_printf(&reqs, "%s%s", j ? ", " : "",
                          r->catalog->reqs[st->ev->reqs[j]].id);
        kind = msg_term(x->a, msg(x, "evidence.kind"), "kind", "kind.",
                        st->ev->kind);
        cells[0] = st->ev->id;
        cells[1] = arena_printf(x->a, "%s (%s)", st->ev->title,
                                strbuf_cstr(&reqs));
        cells[2] = M(x, kind);
        cells[3] = date(x, st->ev->dated);
        cells[4] = arena_strdup(x->a, strbuf_cstr(&sb));
        if (st->flags & (EVF_CHANGED | EVF_MISSING | EVF_EXPIRED))
            cell_fill[4] = &bad;
        pdfkit_table_row(x->k, &t, cells, NULL, cell_fill, 0);
        strbuf_free(&sb);
        strbuf_free(&reqs);
    }
    pdfkit_table_end(x->k);
}

int render_pdf(const struct report *r, const struct pdf_options *opt,
               struct outfile *o, struct cg_errors *errs)
{
    struct ctx x;
    unsigned char *buf = NULL;
    size_t len = 0;
    int ok = 0;

    x.r = r;
    x.a = arena_new();
    x.k = pdfkit_new(opt->font_dir, opt->when, errs);
    if (!x.k)
        goto cleanup;
    pdfkit_set_info(x.k, arena_printf(x.a, "%s: %s", T(&x, "report.title"),
                                      r->profile->org_name),
                    r->profile->lead, report_text(r, &r->catalog->title));
    pdfkit_set_lang(x.k, report_lang(r));
    summary(&x);
    category_table(&x);
    if (r->plan) {
        gap_register(&x);
        action_plan(&x);
    }
    evidence_index(&x);
    requirement_tables(&x);
    crosswalks(&x);
    buf = pdfkit_save(x.k, arena_printf(x.a, "%s: %s, %s",
                                        T(&x, "report.generated_by"),
                                        r->profile->org_name,
                                        report_text(r, &r->catalog->title)),
                      T(&x, "report.page"), T(&x, "report.of"), &len, errs);
    if (!buf)
        goto cleanup;
    ok = outfile_write(o, buf, len, errs);
cleanup:
    free(buf);
    pdfkit_free(x.k);
    arena_free(x.a);
    return ok;
}
