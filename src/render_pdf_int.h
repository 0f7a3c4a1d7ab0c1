/*
 * render_pdf_int.h — shared by the PDF report's files (render_pdf*.c).
 *
 * render_pdf.c drives a report template (template.h): one writer per
 * section kind appends blocks to a pdf_flow (pdf_flow.h), which breaks
 * lines and pages and hands back placed boxes.  The writers only format
 * the report model; every word comes from the language table.
 *
 *   render_pdf_util.c    words, colours and layout helpers
 *   render_pdf_front.c   cover, document control, contents, summary,
 *                        scope, method, limitations, legend, sign-off
 *   render_pdf_results.c heat map, KPI pages, performance summary,
 *                        scorecard, findings, crosswalk, trace appendix
 *   render_pdf_plan.c    gap register, action plan, evidence
 */
#ifndef COPCGAP_RENDER_PDF_INT_H
#define COPCGAP_RENDER_PDF_INT_H

#include "copcgap/arena.h"
#include "copcgap/lang.h"
#include "copcgap/pdf_chart.h"
#include "copcgap/pdf_flow.h"
#include "copcgap/plan.h"
#include "copcgap/render.h"
#include "copcgap/report.h"
#include "copcgap/template.h"

struct rctx {
    const struct report *r;
    const struct report_template *t;
    const struct tpl_section *sec;  /* the section being written */
    struct pdfkit *k;
    struct pdf_flow *f;
    struct arena *a;
    cg_day today;               /* the report's date */
    double squeeze;             /* 1, or less when the template's pages
                                   are too few: row limits shrink */
    struct pdf_style body;      /* 9.5 pt text */
    struct pdf_style small;     /* 8 pt text */
    struct pdf_style note;      /* 8 pt muted */
    struct pdf_style strong;    /* 9.5 pt bold */
};

/* ---- words (render_pdf_util.c) ---- */

/* A key of the language table, a message, numbers and dates. */
const char *word(const struct rctx *x, const char *key);
const char *say(const struct rctx *x, const struct msg *m);
/* The text of the key prefix + name ("status.req." + "met"). */
const char *wordf(const struct rctx *x, const char *prefix, const char *name);
struct msg *msg(const struct rctx *x, const char *key);
const char *pct(const struct rctx *x, double fraction);
const char *num(const struct rctx *x, double v, int decimals);
const char *day_str(const struct rctx *x, cg_day d);
const char *month_str(const struct rctx *x, cg_month m);
/* The catalogue text in the report's language. */
const char *text_of(const struct rctx *x, const struct i18n *t);
const char *req_title(const struct rctx *x, size_t req);
const char *req_status_word(const struct rctx *x, enum req_status s);
const char *program_name(const struct rctx *x, int program);
/* "[fail] metric: <trace>": one rule's result and trace. */
const char *rule_line(const struct rctx *x, const struct rule_result *res);
/* The assignee's name, or "unassigned". */
const char *assignee_word(const struct rctx *x, const struct assignee *a);

/* ---- colours ---- */

extern const struct rgb pdf_white;
extern const struct rgb pdf_paper;     /* light grey boxes */
extern const struct rgb pdf_rule;      /* thin lines */
const struct rgb *status_fill(enum req_status s);
const struct rgb *verdict_fill(enum verdict v);
const struct rgb *tier_fill(enum tier t);
const struct rgb *risk_ink(void);

/* ---- layout helpers (render_pdf_util.c) ---- */

/* A section's first heading (level 1), on a new page unless `same_page`,
 * named sec-<kind> for the contents and links. */
void section_begin(struct rctx *x, const char *title_key, int landscape);
/* A paragraph in a style (NULL: body). */
void para(struct rctx *x, const struct pdf_style *st, const char *text);
/* The style with another colour / font / size. */
struct pdf_style style_with(const struct pdf_style *base, enum pdf_font f,
                            float size, const struct rgb *color);
/* Place names for links: "req-1.2.1", "trace-1.2.1", "gap-1.2.1". */
const char *place(const struct rctx *x, const char *kind, const char *id);
/* The section's row limit (0: none), shrunk by x->squeeze. */
size_t section_limit(const struct rctx *x);
/* Begin a table of `ncols` columns with a header repeated on each page
 * under "(continued)", cells at `size` points. */
void table_begin(struct rctx *x, const struct pdf_col *cols, size_t ncols,
                 const char *const *header, float size);
/* 1 when the template has the section (so a link to it can be made). */
int has_section(const struct rctx *x, enum section_kind k);

/* ---- the section writers ---- */

void pdf_cover(struct rctx *x);
void pdf_control(struct rctx *x);
void pdf_contents(struct rctx *x);
void pdf_summary(struct rctx *x);
void pdf_scope(struct rctx *x);
void pdf_method(struct rctx *x);
void pdf_limitations(struct rctx *x);
void pdf_legend(struct rctx *x);
void pdf_signoff(struct rctx *x);

void pdf_heatmap(struct rctx *x);
void pdf_kpis(struct rctx *x);
void pdf_pst(struct rctx *x);
void pdf_scorecard(struct rctx *x);
void pdf_findings(struct rctx *x);
void pdf_crosswalk(struct rctx *x);
void pdf_traces(struct rctx *x);

void pdf_gaps(struct rctx *x);
void pdf_plan(struct rctx *x);
void pdf_evidence(struct rctx *x);
/* Since the last run (render_pdf_progress.c); nothing without one. */
void pdf_progress(struct rctx *x);

/* The title of each section (language key), for headings and contents. */
const char *section_title_key(enum section_kind k);

#endif
