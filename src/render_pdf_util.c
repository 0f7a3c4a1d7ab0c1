/*
 * render_pdf_util.c — words, colours and small layout helpers the PDF
 * report's section writers share (render_pdf_int.h).
 */
#include <string.h>

#include "render_pdf_int.h"

/* ------------------------------------------------------------- words */

const char *word(const struct rctx *x, const char *key)
{
    return lang_str(x->r->lang, x->a, key);
}

const char *say(const struct rctx *x, const struct msg *m)
{
    return m ? lang_msg(x->r->lang, x->a, m) : "";
}

const char *wordf(const struct rctx *x, const char *prefix, const char *name)
{
    return word(x, arena_printf(x->a, "%s%s", prefix, name));
}

struct msg *msg(const struct rctx *x, const char *key)
{
    return msg_new(x->a, key);
}

const char *pct(const struct rctx *x, double fraction)
{
    return lang_pct_str(x->r->lang, x->a, fraction);
}

const char *num(const struct rctx *x, double v, int decimals)
{
    return lang_num_str(x->r->lang, x->a, v, decimals);
}

const char *day_str(const struct rctx *x, cg_day d)
{
    return lang_date_str(x->r->lang, x->a, d);
}

const char *month_str(const struct rctx *x, cg_month m)
{
    return lang_month_str(x->r->lang, x->a, m);
}

const char *text_of(const struct rctx *x, const struct i18n *t)
{
    return report_text(x->r, t);
}

const char *req_title(const struct rctx *x, size_t req)
{
    return text_of(x, &x->r->catalog->reqs[req].title);
}

const char *req_status_word(const struct rctx *x, enum req_status s)
{
    return wordf(x, "status.req.", req_status_name(s));
}

const char *program_name(const struct rctx *x, int program)
{
    const struct program *pg = &x->r->profile->programs[program];
    return pg->name ? pg->name : pg->id;
}

const char *assignee_word(const struct rctx *x, const struct assignee *a)
{
    const char *name = assignee_name(a);
    return name ? name : word(x, "plan.unassigned");
}

const char *section_title_key(enum section_kind k)
{
    static const char *const keys[SEC_COUNT] = {
        "sec.cover", "sec.control", "sec.contents", "sec.summary",
        "sec.scope", "sec.method", "sec.limitations", "sec.legend",
        "sec.heatmap", "sec.kpis", "sec.pst", "sec.scorecard", "sec.gaps",
        "sec.plan", "sec.evidence", "sec.findings", "sec.crosswalk",
        "sec.traces", "sec.signoff", "sec.progress"
    };
    return keys[k];
}

/* ----------------------------------------------------------- colours */

const struct rgb pdf_white = { 1, 1, 1 };
const struct rgb pdf_paper = { 0.95f, 0.95f, 0.96f };
const struct rgb pdf_rule = { 0.78f, 0.79f, 0.82f };

/* Light to dark so that statuses read in greyscale print too. */
const struct rgb *status_fill(enum req_status s)
{
    static const struct rgb fill[REQ_COUNT] = {
        { 0.80f, 0.93f, 0.80f },    /* met */
        { 1.00f, 0.90f, 0.65f },    /* partial */
        { 0.95f, 0.68f, 0.66f },    /* not met */
        { 0.84f, 0.82f, 0.92f },    /* not evidenced */
        { 0.93f, 0.93f, 0.93f },    /* n/a */
    };
    return &fill[s];
}

const struct rgb *verdict_fill(enum verdict v)
{
    static const struct rgb fill[VERDICT_COUNT] = {
        { 0.16f, 0.50f, 0.25f },    /* ready */
        { 0.78f, 0.49f, 0.07f },    /* conditional */
        { 0.68f, 0.15f, 0.13f },    /* not ready */
    };
    return &fill[v];
}

const struct rgb *tier_fill(enum tier t)
{
    static const struct rgb fill[4] = {
        { 1, 1, 1 },
        { 0.95f, 0.68f, 0.66f },    /* P1 */
        { 1.00f, 0.90f, 0.65f },    /* P2 */
        { 0.85f, 0.91f, 0.97f },    /* P3 */
    };
    return &fill[t >= TIER_P1 && t <= TIER_P3 ? t : 0];
}

const struct rgb *risk_ink(void)
{
    static const struct rgb ink = { 0.68f, 0.15f, 0.13f };
    return &ink;
}

/* ------------------------------------------------------------ layout */

struct pdf_style style_with(const struct pdf_style *base, enum pdf_font f,
                            float size, const struct rgb *color)
{
    struct pdf_style st = *base;
    st.font = f;
    if (size > 0)
        st.size = size;
    if (color)
        st.color = *color;
    return st;
}

void para(struct rctx *x, const struct pdf_style *st, const char *text)
{
    pdf_flow_para(x->f, st ? st : &x->body, text);
}

const char *place(const struct rctx *x, const char *kind, const char *id)
{
    return arena_printf(x->a, "%s-%s", kind, id);
}

int has_section(const struct rctx *x, enum section_kind k)
{
    return template_section(x->t, k) != NULL;
}

void section_begin(struct rctx *x, const char *title_key, int landscape)
{
    pdf_flow_page_break(x->f, landscape ? PDF_LANDSCAPE : PDF_PORTRAIT, 0);
    pdf_flow_heading(x->f, 1, word(x, title_key),
                     place(x, "sec", section_name(x->sec->kind)));
}

const char *rule_line(const struct rctx *x, const struct rule_result *res)
{
    struct msg *m = msg(x, res->rule->label.n ? "report.rule.labelled"
                                              : "report.rule");
    msg_key(x->a, m, "status", arena_printf(x->a, "status.rule.%s",
                                            rule_status_name(res->status)));
    msg_key(x->a, m, "type", arena_printf(x->a, "rule.type.%s",
                                          rule_type_name(res->rule->type)));
    if (res->rule->label.n)
        msg_i18n(x->a, m, "label", &res->rule->label);
    msg_sub(x->a, m, "trace", res->trace);
    return say(x, m);
}

size_t section_limit(const struct rctx *x)
{
    size_t limit = x->sec->limit;
    if (limit && x->squeeze < 1) {
        limit = (size_t)((double)limit * x->squeeze);
        if (limit < 3)
            limit = 3;
    }
    return limit;
}

void table_begin(struct rctx *x, const struct pdf_col *cols,
                 size_t ncols, const char *const *header, float size)
{
    struct pdf_table_spec spec;

    memset(&spec, 0, sizeof spec);
    spec.ncols = ncols;
    spec.cols = cols;
    spec.header = header;
    spec.continued = word(x, "report.continued");
    spec.size = size;
    pdf_flow_table_begin(x->f, &spec);
}
