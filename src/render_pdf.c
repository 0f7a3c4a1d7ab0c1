/*
 * render_pdf.c — the assessment report as PDF, as a template lays it out
 * (template.h; docs/templates.md).
 *
 * Each section the template lists is written by its writer
 * (render_pdf_int.h) into a pdf_flow, which breaks lines and pages:
 * keep-together blocks, repeated table headers with "continued", no
 * stray lines, breaks at spaces and hyphens only.  The running header
 * carries the template's marking and client, the footer its text and
 * "page N of M".  The layout is a list of placed boxes that tests
 * inspect (render_pdf_layout); rendering draws them with libharu.
 */
#include <stdlib.h>
#include <string.h>

#include "copcgap/outfile.h"
#include "render_pdf_int.h"

typedef void (*section_fn)(struct rctx *x);

static const section_fn writers[SEC_COUNT] = {
    pdf_cover, pdf_control, pdf_contents, pdf_summary, pdf_scope,
    pdf_method, pdf_limitations, pdf_legend, pdf_heatmap, pdf_kpis,
    pdf_pst, pdf_scorecard, pdf_gaps, pdf_plan, pdf_evidence,
    pdf_findings, pdf_crosswalk, pdf_traces, pdf_signoff, pdf_progress
};

static void styles(struct rctx *x)
{
    const struct report_template *t = x->t;

    x->body = pdf_style_body();
    x->body.size = 9.5f;
    x->body.color = t->ink;
    x->small = x->body;
    x->small.size = 8;
    x->small.space_after = 2;
    x->note = x->small;
    x->note.color = t->muted;
    x->strong = style_with(&x->body, PDF_BOLD, 0, NULL);
}

static void headings(struct rctx *x)
{
    static const float sizes[3] = { 16, 12.5f, 10.5f };
    int level;

    for (level = 1; level <= 3; level++) {
        struct pdf_style st = pdf_style_body();
        st.font = PDF_BOLD;
        st.size = sizes[level - 1];
        st.color = level == 3 ? x->t->ink : x->t->accent;
        st.space_before = level == 1 ? 0 : 10;
        st.space_after = level == 1 ? 8 : 4;
        pdf_flow_set_heading_style(x->f, level, &st);
    }
    pdf_flow_set_outline_depth(x->f, 2);
}

/* Header: marking and client; footer: the template's text, or the
 * organisation and catalogue, and "page N of M". */
static void running(struct rctx *x)
{
    const struct report *r = x->r;
    const struct report_template *t = x->t;
    const char *marking = text_of(x, &t->marking);
    const char *client = t->client ? t->client : r->profile->org_name;
    const char *footer = text_of(x, &t->footer);
    struct pdf_running run;

    memset(&run, 0, sizeof run);
    run.header_left = *marking ? arena_printf(x->a, "%s · %s", marking,
                                              client)
                               : client;
    run.header_right = t->title.n ? text_of(x, &t->title)
                                  : word(x, "report.title");
    run.footer_left = *footer ? footer
                    : arena_printf(x->a, "%s — %s, %s",
                                   word(x, "report.generated_by"),
                                   r->profile->org_name,
                                   text_of(x, &r->catalog->title));
    run.page_fmt = word(x, "report.page_of");
    pdf_flow_set_running(x->f, &run);
}

static void doc_info(struct rctx *x)
{
    const struct report *r = x->r;
    const struct report_template *t = x->t;
    struct pdf_doc_info info;

    memset(&info, 0, sizeof info);
    info.title = arena_printf(x->a, "%s: %s",
                              t->title.n ? text_of(x, &t->title)
                                         : word(x, "report.title"),
                              r->profile->org_name);
    info.author = t->preparer ? t->preparer : r->profile->lead;
    info.subject = text_of(x, &r->catalog->title);
    info.keywords = arena_printf(x->a, "COPC, %s, %s, %s",
                                 r->catalog->id,
                                 wordf(x, "verdict.",
                                       verdict_name(r->verdict)),
                                 t->id);
    pdfkit_set_doc_info(x->k, &info);
    pdfkit_set_lang(x->k, report_lang(r));
}

/* Every section of the template into a fresh flow, laid out. */
static int write_sections(struct rctx *x, struct cg_errors *errs)
{
    size_t i;

    pdf_flow_free(x->f);
    x->f = pdf_flow_new(x->k, NULL);
    headings(x);
    running(x);
    for (i = 0; i < x->t->nsections; i++) {
        x->sec = &x->t->sections[i];
        writers[x->sec->kind](x);
    }
    return pdf_flow_layout(x->f, errs);
}

/*
 * Lay the whole report out; returns 1, or 0 with errors.  A template
 * with max-pages gets it: while the report is longer, the sections'
 * row limits shrink (top gaps, gap table, Gantt rows), down to three
 * rows; a report that still does not fit is an error, never a cut.
 */
static int lay_out(struct rctx *x, struct cg_errors *errs)
{
    int tries;

    styles(x);
    doc_info(x);
    x->squeeze = 1;
    for (tries = 0; tries < 8; tries++) {
        if (!write_sections(x, errs))
            return 0;
        if (x->t->max_pages <= 0 ||
            pdf_flow_page_count(x->f) <= (size_t)x->t->max_pages)
            return 1;
        x->squeeze *= 0.7;
    }
    errors_add(errs, CG_ERR_INPUT, x->t->path, 0, 0,
               "the \"%s\" report takes %zu pages, more than the "
               "template's max-pages %d even with its lists cut to three "
               "rows", x->t->id,
               pdf_flow_page_count(x->f), x->t->max_pages);
    return 0;
}

static int begin(struct rctx *x, const struct report *r,
                 const struct pdf_options *opt, struct cg_errors *errs)
{
    memset(x, 0, sizeof *x);
    x->r = r;
    x->t = opt->tpl;
    x->a = arena_new();
    x->today = date_from_ymd(1970, 1, 1) + (cg_day)(opt->when / 86400);
    x->k = pdfkit_new(opt->font_dir, opt->when, errs);
    return x->k != NULL;
}

int render_pdf_layout(const struct report *r, const struct pdf_options *opt,
                      struct pdfkit **kit, struct pdf_flow **flow,
                      struct cg_errors *errs)
{
    struct rctx x;
    int ok = begin(&x, r, opt, errs) && lay_out(&x, errs);

    arena_free(x.a);
    *kit = x.k;
    *flow = x.f;
    return ok;
}

int render_pdf(const struct report *r, const struct pdf_options *opt,
               struct outfile *o, struct cg_errors *errs)
{
    struct rctx x;
    unsigned char *buf = NULL;
    size_t len = 0;
    int ok = 0;

    if (begin(&x, r, opt, errs) && lay_out(&x, errs) &&
        pdf_flow_render(x.f, errs) &&
        (buf = pdfkit_save_doc(x.k, &len, errs)) != NULL)
        ok = outfile_write(o, buf, len, errs);
    free(buf);
    pdf_flow_free(x.f);
    pdfkit_free(x.k);
    arena_free(x.a);
    return ok;
}
