/*
 * render_pdf.c — the assessment report as PDF (libharu via pdfkit).
 *
 * Sections: summary (organisation, catalogue, dates, verdict, overall
 * score, blocking requirements), scores by category, then every
 * requirement with its status, score and rule traces.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copcgap/arena.h"
#include "copcgap/labels.h"
#include "copcgap/outfile.h"
#include "copcgap/pdfkit.h"
#include "copcgap/plan.h"
#include "copcgap/render.h"

#define CONTENT_W (PDF_PAGE_W - 2 * PDF_MARGIN)

static const struct rgb ink = { 0.1f, 0.12f, 0.16f };
static const struct rgb accent = { 0.05f, 0.28f, 0.52f };
static const struct rgb muted = { 0.4f, 0.4f, 0.45f };

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

static const char *pct(struct arena *a, double x)
{
    return arena_printf(a, "%.1f %%", x * 100.0);
}

static void heading(struct pdfkit *k, const char *text, float size)
{
    pdfkit_need(k, size * 3);
    pdfkit_move(k, size * 0.6f);
    pdfkit_para(k, PDF_BOLD, size, &accent, PDF_MARGIN, CONTENT_W, text);
    pdfkit_move(k, size * 0.3f);
}

static void key_value(struct pdfkit *k, const char *key, const char *value)
{
    float y;
    pdfkit_need(k, 14);
    y = pdfkit_y(k);
    pdfkit_text_at(k, PDF_BOLD, 10, &muted, PDF_MARGIN, y - 10, ALIGN_LEFT,
                   key);
    pdfkit_para(k, PDF_REGULAR, 10, &ink, PDF_MARGIN + 150, CONTENT_W - 150,
                value);
}

static void summary(struct pdfkit *k, const struct report *r, struct arena *a)
{
    const struct profile *p = r->profile;
    const struct catalog *c = r->catalog;
    const char *lang = r->lang;
    char d1[DATE_BUF], d2[DATE_BUF];
    float y;
    size_t i;

    pdfkit_new_page(k);
    pdfkit_bookmark(k, NULL, label(lang, L_SUMMARY));
    pdfkit_para(k, PDF_BOLD, 20, &accent, PDF_MARGIN, CONTENT_W,
                label(lang, L_REPORT_TITLE));
    pdfkit_para(k, PDF_BOLD, 14, &ink, PDF_MARGIN, CONTENT_W, p->org_name);
    pdfkit_move(k, 12);
    date_format(p->as_of, d1);
    if (p->has_target_audit)
        date_format(p->target_audit, d2);
    key_value(k, label(lang, L_ORGANIZATION),
              arena_printf(a, "%s (%s)", p->org_name, p->org_id));
    key_value(k, label(lang, L_CATALOGUE),
              arena_printf(a, "%s, %s", report_text(r, &c->title),
                           c->version));
    key_value(k, label(lang, L_AS_OF), d1);
    key_value(k, label(lang, L_TARGET_AUDIT),
              p->has_target_audit ? d2 : label(lang, L_NOT_SET));
    if (p->lead)
        key_value(k, label(lang, L_LEAD), p->lead);
    {
        struct strbuf sb = STRBUF_INIT;
        for (i = 0; i < p->nprograms; i++)
            strbuf_printf(&sb, "%s%s (%s)", i ? ", " : "",
                          p->programs[i].name,
                          channel_name(p->programs[i].channel));
        key_value(k, label(lang, L_PROGRAMS), strbuf_cstr(&sb));
        strbuf_free(&sb);
    }

    /* Verdict banner. */
    pdfkit_move(k, 14);
    pdfkit_need(k, 60);
    y = pdfkit_y(k);
    pdfkit_rect(k, PDF_MARGIN, y - 52, CONTENT_W, 52,
                &verdict_fill[r->verdict]);
    {
        static const struct rgb white = { 1, 1, 1 };
        pdfkit_text_at(k, PDF_REGULAR, 10, &white, PDF_MARGIN + 12, y - 18,
                       ALIGN_LEFT, label(lang, L_VERDICT));
        pdfkit_text_at(k, PDF_BOLD, 18, &white, PDF_MARGIN + 12, y - 42,
                       ALIGN_LEFT, label_verdict(lang, r->verdict));
        pdfkit_text_at(k, PDF_REGULAR, 10, &white,
                       PDF_MARGIN + CONTENT_W - 12, y - 18, ALIGN_RIGHT,
                       label(lang, L_OVERALL_SCORE));
        pdfkit_text_at(k, PDF_BOLD, 18, &white, PDF_MARGIN + CONTENT_W - 12,
                       y - 42, ALIGN_RIGHT, pct(a, r->overall));
    }
    pdfkit_move(k, 64);

    heading(k, label(lang, L_BLOCKING), 12);
    if (r->nblocking == 0)
        pdfkit_para(k, PDF_REGULAR, 10, &ink, PDF_MARGIN, CONTENT_W,
                    label(lang, L_NONE));
    for (i = 0; i < r->nblocking && i < 25; i++) {
        const struct req_result *rr = &r->reqs[r->blocking[i]];
        pdfkit_para(k, rr->req->critical ? PDF_BOLD : PDF_REGULAR, 9, &ink,
                    PDF_MARGIN, CONTENT_W,
                    arena_printf(a, "%s %s: %s%s", rr->req->id,
                                 report_text(r, &rr->req->title),
                                 label_req_status(lang, rr->status),
                                 rr->req->critical
                                     ? arena_printf(a, " (%s)",
                                                    label(lang, L_CRITICAL))
                                     : ""));
    }
    if (r->nblocking > 25)
        pdfkit_para(k, PDF_REGULAR, 9, &muted, PDF_MARGIN, CONTENT_W,
                    arena_printf(a, "+ %zu", r->nblocking - 25));
}

static void category_table(struct pdfkit *k, const struct report *r,
                           struct arena *a)
{
    static const float widths[] = { 215, 55, 45, 45, 50, 85 };
    static const enum pdf_align align[] = { ALIGN_LEFT, ALIGN_RIGHT,
                                            ALIGN_RIGHT, ALIGN_RIGHT,
                                            ALIGN_RIGHT, ALIGN_RIGHT };
    const struct catalog *c = r->catalog;
    const char *lang = r->lang;
    const char *header[6];
    struct pdf_table t;
    size_t i;

    header[0] = label(lang, L_CATEGORY);
    header[1] = label(lang, L_SCORE);
    header[2] = label_req_status(lang, REQ_MET);
    header[3] = label_req_status(lang, REQ_PARTIAL);
    header[4] = label_req_status(lang, REQ_NOT_MET);
    header[5] = label_req_status(lang, REQ_NOT_EVIDENCED);
    table_init(&t, 6, widths, align, 9, header);
    pdfkit_move(k, 10);
    heading(k, label(lang, L_CATEGORY_SCORES), 14);
    pdfkit_bookmark(k, NULL, label(lang, L_CATEGORY_SCORES));
    pdfkit_table_header(k, &t);
    for (i = 0; i < c->ncategories; i++) {
        const struct group_result *g = &r->cats[i];
        const char *cells[6];
        cells[0] = arena_printf(a, "%s %s", c->categories[i].id,
                                report_text(r, &c->categories[i].title));
        cells[1] = g->applicable_weight > 0 ? pct(a, g->score)
                                            : label_req_status(lang, REQ_NA);
        cells[2] = arena_printf(a, "%zu", g->count[REQ_MET]);
        cells[3] = arena_printf(a, "%zu", g->count[REQ_PARTIAL]);
        cells[4] = arena_printf(a, "%zu", g->count[REQ_NOT_MET]);
        cells[5] = arena_printf(a, "%zu", g->count[REQ_NOT_EVIDENCED]);
        pdfkit_table_row(k, &t, cells, NULL, NULL, 0);
    }
    pdfkit_table_end(k);
}

static void requirement_tables(struct pdfkit *k, const struct report *r,
                               struct arena *a)
{
    static const float widths[] = { 45, 290, 90, 70 };
    static const enum pdf_align align[] = { ALIGN_LEFT, ALIGN_LEFT,
                                            ALIGN_LEFT, ALIGN_RIGHT };
    static const struct rgb trace_ink = { 0.25f, 0.25f, 0.3f };
    const struct catalog *c = r->catalog;
    const char *lang = r->lang;
    const char *header[4];
    struct pdf_table t;
    size_t ci, i, j;

    header[0] = "Id";
    header[1] = label(lang, L_REQUIREMENT);
    header[2] = label(lang, L_STATUS);
    header[3] = label(lang, L_SCORE);
    table_init(&t, 4, widths, align, 9, header);

    pdfkit_new_page(k);
    pdfkit_para(k, PDF_BOLD, 16, &accent, PDF_MARGIN, CONTENT_W,
                label(lang, L_REQUIREMENTS));
    pdfkit_bookmark(k, NULL, label(lang, L_REQUIREMENTS));
    for (ci = 0; ci < c->ncategories; ci++) {
        const struct category *cat = &c->categories[ci];
        heading(k, arena_printf(a, "%s %s", cat->id,
                                report_text(r, &cat->title)), 12);
        pdfkit_bookmark(k, NULL, arena_printf(a, "%s %s", cat->id,
                                              report_text(r, &cat->title)));
        pdfkit_table_header(k, &t);
        for (i = cat->first_req; i < cat->first_req + cat->nreq; i++) {
            const struct req_result *rr = &r->reqs[i];
            const struct rgb *cell_fill[4] = { NULL, NULL, NULL, NULL };
            const char *cells[4];
            cells[0] = rr->req->id;
            cells[1] = rr->req->critical
                ? arena_printf(a, "%s (%s)", report_text(r, &rr->req->title),
                               label(lang, L_CRITICAL))
                : report_text(r, &rr->req->title);
            cells[2] = label_req_status(lang, rr->status);
            cells[3] = rr->status == REQ_NA ? "" : pct(a, rr->score);
            cell_fill[2] = &status_fill[rr->status];
            pdfkit_table_row(k, &t, cells, NULL, cell_fill, 0);
            if (rr->status == REQ_NA && rr->na_reason) {
                pdfkit_para(k, PDF_REGULAR, 8, &trace_ink, PDF_MARGIN + 45,
                            CONTENT_W - 45, rr->na_reason);
                continue;
            }
            for (j = 0; j < rr->nrules; j++) {
                const struct rule_result *res = &rr->rules[j];
                const char *what = i18n_get(&res->rule->label, lang);
                pdfkit_para(k, PDF_REGULAR, 8, &trace_ink, PDF_MARGIN + 45,
                            CONTENT_W - 45,
                            arena_printf(a, "[%s] %s%s%s: %s",
                                         label_rule_status(lang, res->status),
                                         rule_type_name(res->rule->type),
                                         what ? ", " : "", what ? what : "",
                                         res->trace && *res->trace
                                             ? res->trace : "-"));
            }
        }
        pdfkit_table_end(k);
    }
}

static const struct rgb tier_fill[4] = {
    { 1, 1, 1 },
    { 0.98f, 0.78f, 0.76f },    /* P1 */
    { 1.00f, 0.92f, 0.70f },    /* P2 */
    { 0.80f, 0.93f, 0.80f },    /* P3 */
};

static void gap_register(struct pdfkit *k, const struct report *r,
                         struct arena *a)
{
    static const float widths[] = { 22, 32, 34, 150, 66, 75, 58, 58 };
    static const enum pdf_align align[] = { ALIGN_RIGHT, ALIGN_LEFT,
                                            ALIGN_LEFT, ALIGN_LEFT,
                                            ALIGN_LEFT, ALIGN_LEFT,
                                            ALIGN_LEFT, ALIGN_RIGHT };
    const struct plan *pl = r->plan;
    const struct catalog *c = r->catalog;
    const char *lang = r->lang;
    const char *header[8];
    struct pdf_table t;
    char d[DATE_BUF];
    size_t i;

    pdfkit_new_page(k);
    pdfkit_para(k, PDF_BOLD, 16, &accent, PDF_MARGIN, CONTENT_W,
                label(lang, L_GAP_REGISTER));
    pdfkit_bookmark(k, NULL, label(lang, L_GAP_REGISTER));
    date_format(pl->feasible_audit, d);
    pdfkit_para(k, PDF_REGULAR, 9, &muted, PDF_MARGIN, CONTENT_W,
                arena_printf(a, "P1 %zu, P2 %zu, P3 %zu; %s %zu. %s %s.",
                             pl->count[TIER_P1], pl->count[TIER_P2],
                             pl->count[TIER_P3], label(lang, L_AT_RISK),
                             pl->at_risk, label(lang, L_FEASIBLE_AUDIT), d));
    pdfkit_move(k, 6);
    if (pl->ngaps == 0) {
        pdfkit_para(k, PDF_REGULAR, 10, &ink, PDF_MARGIN, CONTENT_W,
                    label(lang, L_NO_GAPS));
        return;
    }
    header[0] = "#";
    header[1] = label(lang, L_TIER);
    header[2] = "Id";
    header[3] = label(lang, L_REQUIREMENT);
    header[4] = label(lang, L_STATUS);
    header[5] = label(lang, L_OWNER);
    header[6] = label(lang, L_DUE);
    header[7] = label(lang, L_PRIORITY);
    table_init(&t, 8, widths, align, 8, header);
    pdfkit_table_header(k, &t);
    for (i = 0; i < pl->ngaps; i++) {
        const struct gap *g = &pl->gaps[i];
        const struct requirement *req = &c->reqs[g->req];
        const struct rgb *cell_fill[8] = { NULL };
        const char *cells[8];
        date_format(g->due, d);
        cells[0] = arena_printf(a, "%zu", g->rank);
        cells[1] = tier_name(g->tier);
        cells[2] = req->id;
        cells[3] = g->critical
            ? arena_printf(a, "%s (%s)", report_text(r, &req->title),
                           label(lang, L_CRITICAL))
            : report_text(r, &req->title);
        cells[4] = label_req_status(lang, g->result->status);
        cells[5] = g->owner ? g->owner : g->owner_role ? g->owner_role : "";
        cells[6] = g->at_risk ? arena_printf(a, "%s (%s)", d,
                                             label(lang, L_AT_RISK))
                              : arena_strdup(a, d);
        cells[7] = arena_printf(a, "%.1f", g->priority);
        cell_fill[1] = &tier_fill[g->tier];
        cell_fill[4] = &status_fill[g->result->status];
        pdfkit_table_row(k, &t, cells, NULL, cell_fill, 0);
    }
    pdfkit_table_end(k);
}

static void action_plan(struct pdfkit *k, const struct report *r,
                        struct arena *a)
{
    static const struct rgb risk = { 0.75f, 0.17f, 0.15f };
    const struct plan *pl = r->plan;
    const struct catalog *c = r->catalog;
    const char *lang = r->lang;
    char d1[DATE_BUF], d2[DATE_BUF];
    size_t i;

    if (pl->ngaps == 0)
        return;
    pdfkit_new_page(k);
    pdfkit_para(k, PDF_BOLD, 16, &accent, PDF_MARGIN, CONTENT_W,
                label(lang, L_ACTION_PLAN));
    pdfkit_bookmark(k, NULL, label(lang, L_ACTION_PLAN));
    for (i = 0; i < pl->ngaps; i++) {
        const struct gap *g = &pl->gaps[i];
        const struct requirement *req = &c->reqs[g->req];
        date_format(g->start, d1);
        date_format(g->due, d2);
        pdfkit_need(k, 70);
        pdfkit_move(k, 6);
        pdfkit_para(k, PDF_BOLD, 10, &ink, PDF_MARGIN, CONTENT_W,
                    arena_printf(a, "%zu. [%s] %s %s", g->rank,
                                 tier_name(g->tier), req->id,
                                 report_text(r, &req->title)));
        pdfkit_para(k, PDF_REGULAR, 9, &muted, PDF_MARGIN + 12,
                    CONTENT_W - 12,
                    arena_printf(a, "%s: %s. %s %s, %s %s.",
                                 label(lang, L_OWNER),
                                 g->owner ? g->owner
                                 : g->owner_role ? g->owner_role : "-",
                                 label(lang, L_START), d1,
                                 label(lang, L_DUE), d2));
        pdfkit_para(k, PDF_REGULAR, 9, &ink, PDF_MARGIN + 12, CONTENT_W - 12,
                    arena_printf(a, "%s: %s", label(lang, L_ACTION),
                                 g->action));
        if (g->measure && *g->measure)
            pdfkit_para(k, PDF_REGULAR, 9, &ink, PDF_MARGIN + 12,
                        CONTENT_W - 12,
                        arena_printf(a, "%s: %s", label(lang, L_MEASURE),
                                     g->measure));
        if (g->proof && *g->proof)
            pdfkit_para(k, PDF_REGULAR, 9, &ink, PDF_MARGIN + 12,
                        CONTENT_W - 12,
                        arena_printf(a, "%s: %s", label(lang, L_PROOF),
                                     g->proof));
        if (g->at_risk)
            pdfkit_para(k, PDF_BOLD, 9, &risk, PDF_MARGIN + 12,
                        CONTENT_W - 12,
                        arena_printf(a, "%s: %s", label(lang, L_AT_RISK),
                                     g->risk_reason));
    }
}

static void crosswalks(struct pdfkit *k, const struct report *r,
                       struct arena *a)
{
    static const float widths[] = { 40, 235, 80, 140 };
    static const struct rgb cov_fill[COV_COUNT] = {
        { 0.80f, 0.93f, 0.80f }, { 1.00f, 0.92f, 0.70f },
        { 0.98f, 0.78f, 0.76f }, { 0.92f, 0.92f, 0.92f },
    };
    const char *lang = r->lang;
    size_t i, j, l;

    for (i = 0; i < r->ncrosswalks; i++) {
        const struct crosswalk *xw = &r->crosswalks[i];
        const char *header[4];
        struct pdf_table t;
        pdfkit_new_page(k);
        pdfkit_para(k, PDF_BOLD, 16, &accent, PDF_MARGIN, CONTENT_W,
                    arena_printf(a, "%s: %s", label(lang, L_CROSSWALK),
                                 report_text(r, &xw->target->title)));
        pdfkit_bookmark(k, NULL, label(lang, L_CROSSWALK));
        header[0] = label(lang, L_CLAUSE);
        header[1] = "";
        header[2] = label(lang, L_COVERAGE);
        header[3] = label(lang, L_REQUIREMENTS);
        table_init(&t, 4, widths, NULL, 8, header);
        pdfkit_table_header(k, &t);
        for (j = 0; j < xw->nclauses; j++) {
            const struct xwalk_clause *cl = &xw->clauses[j];
            const struct rgb *cell_fill[4] = { NULL };
            struct strbuf sb = STRBUF_INIT;
            const char *cells[4];
            for (l = 0; l < cl->nlinks; l++)
                strbuf_printf(&sb, "%s%s (%s, %s)", l ? "; " : "",
                              r->catalog->reqs[cl->links[l].req].id,
                              xrel_name(cl->links[l].rel),
                              label_req_status(lang,
                                               r->reqs[cl->links[l].req]
                                                   .status));
            cells[0] = xw->target->reqs[cl->clause].id;
            cells[1] = report_text(r, &xw->target->reqs[cl->clause].title);
            cells[2] = coverage_name(cl->coverage);
            cells[3] = arena_strdup(a, strbuf_cstr(&sb));
            cell_fill[2] = &cov_fill[cl->coverage];
            pdfkit_table_row(k, &t, cells, NULL, cell_fill, 0);
            strbuf_free(&sb);
        }
        pdfkit_table_end(k);
    }
}

/* Evidence rows the engine found a problem with (stale, expired,
 * unapproved, changed or missing file, dated after as-of). */
static void evidence_index(struct pdfkit *k, const struct report *r,
                           struct arena *a)
{
    static const float widths[] = { 50, 170, 65, 55, 155 };
    static const struct { unsigned bit; enum label_id label; } flags[] = {
        { EVF_CHANGED, L_EV_CHANGED }, { EVF_MISSING, L_EV_MISSING },
        { EVF_EXPIRED, L_EV_EXPIRED }, { EVF_UNAPPROVED, L_EV_UNAPPROVED },
        { EVF_STALE, L_EV_STALE }, { EVF_FUTURE, L_EV_FUTURE },
    };
    static const struct rgb bad = { 0.98f, 0.78f, 0.76f };
    const char *lang = r->lang;
    const char *header[5];
    struct pdf_table t;
    size_t i, j, nbad = 0;
    unsigned mask = EVF_CHANGED | EVF_MISSING | EVF_EXPIRED |
                    EVF_UNAPPROVED | EVF_STALE | EVF_FUTURE;

    if (!r->org)
        return;
    for (i = 0; i < r->nevidence; i++)
        nbad += (r->evidence[i].flags & mask) != 0;
    pdfkit_new_page(k);
    pdfkit_para(k, PDF_BOLD, 16, &accent, PDF_MARGIN, CONTENT_W,
                label(lang, L_EVIDENCE_INDEX));
    pdfkit_bookmark(k, NULL, label(lang, L_EVIDENCE_INDEX));
    pdfkit_para(k, PDF_REGULAR, 9, &muted, PDF_MARGIN, CONTENT_W,
                arena_printf(a, "%zu %s %zu", r->nevidence,
                             label(lang, L_EVIDENCE_SUMMARY), nbad));
    pdfkit_move(k, 6);
    if (nbad == 0)
        return;
    header[0] = "Id";
    header[1] = label(lang, L_REQUIREMENTS);
    header[2] = label(lang, L_KIND);
    header[3] = label(lang, L_DATED);
    header[4] = label(lang, L_PROBLEMS);
    table_init(&t, 5, widths, NULL, 8, header);
    pdfkit_table_header(k, &t);
    for (i = 0; i < r->nevidence; i++) {
        const struct evidence_state *st = &r->evidence[i];
        const struct rgb *cell_fill[5] = { NULL };
        struct strbuf sb = STRBUF_INIT, reqs = STRBUF_INIT;
        const char *cells[5];
        char d[DATE_BUF];
        if (!(st->flags & mask))
            continue;
        for (j = 0; j < sizeof flags / sizeof flags[0]; j++)
            if (st->flags & flags[j].bit)
                strbuf_printf(&sb, "%s%s", sb.len ? ", " : "",
                              label(lang, flags[j].label));
        for (j = 0; j < st->ev->nreqs; j++)
            strbuf_printf(&reqs, "%s%s", j ? ", " : "",
                          r->catalog->reqs[st->ev->reqs[j]].id);
        date_format(st->ev->dated, d);
        cells[0] = st->ev->id;
        cells[1] = arena_printf(a, "%s (%s)", st->ev->title,
                                strbuf_cstr(&reqs));
        cells[2] = st->ev->kind;
        cells[3] = arena_strdup(a, d);
        cells[4] = arena_strdup(a, strbuf_cstr(&sb));
        if (st->flags & (EVF_CHANGED | EVF_MISSING | EVF_EXPIRED))
            cell_fill[4] = &bad;
        pdfkit_table_row(k, &t, cells, NULL, cell_fill, 0);
        strbuf_free(&sb);
        strbuf_free(&reqs);
    }
    pdfkit_table_end(k);
}

int render_pdf(const struct report *r, const struct pdf_options *opt,
               struct outfile *o, struct cg_errors *errs)
{
    struct arena *a = arena_new();
    struct pdfkit *k = pdfkit_new(opt->font_dir, opt->when, errs);
    unsigned char *buf = NULL;
    size_t len = 0;
    int ok = 0;

    if (!k)
        goto cleanup;
    pdfkit_set_info(k, arena_printf(a, "%s: %s", label(r->lang,
                                                       L_REPORT_TITLE),
                                    r->profile->org_name),
                    r->profile->lead, report_text(r, &r->catalog->title));
    summary(k, r, a);
    category_table(k, r, a);
    if (r->plan) {
        gap_register(k, r, a);
        action_plan(k, r, a);
    }
    evidence_index(k, r, a);
    requirement_tables(k, r, a);
    crosswalks(k, r, a);
    buf = pdfkit_save(k, arena_printf(a, "%s: %s, %s",
                                      label(r->lang, L_GENERATED_BY),
                                      r->profile->org_name,
                                      report_text(r, &r->catalog->title)),
                      label(r->lang, L_PAGE), label(r->lang, L_OF), &len,
                      errs);
    if (!buf)
        goto cleanup;
    ok = outfile_write(o, buf, len, errs);
cleanup:
    free(buf);
    pdfkit_free(k);
    arena_free(a);
    return ok;
}
