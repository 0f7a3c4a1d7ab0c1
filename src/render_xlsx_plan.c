/*
 * render_xlsx_plan.c — the workbook's plan sheets: the gap register, the
 * action plan with the columns a consultant fills in as the work goes
 * (progress from a drop-down list, the actual date, a comment), and each
 * owner's load by month.
 */
#include <string.h>

#include "copcgap/lang.h"
#include "copcgap/utf8.h"
#include "render_xlsx_int.h"

/* A column that may be left out (cost, when the profile sets no day
 * rate): its key, its width, and whether it is shown. */
struct column {
    const char *key;
    double width;
    int shown;
};

/* A sheet of the shown columns, side by side: at[i] is column i's
 * position, *ncols how many are shown; the columns from `tracking` on
 * (n: none) are the reader's to fill in.  NULL when the sheet could not
 * be added. */
static lxw_worksheet *column_sheet(struct xctx *x, const char *key,
                                   const struct column *cols, size_t n,
                                   size_t tracking, lxw_col_t *at,
                                   size_t *ncols)
{
    const char *keys[32];
    double widths[32];
    lxw_worksheet *ws = xlsx_sheet(x, key, 1);
    size_t i, k = 0;

    for (i = 0; i < n && i < ARRAY_LEN(keys); i++) {
        at[i] = (lxw_col_t)k;
        if (cols[i].shown) {
            keys[k] = cols[i].key;
            widths[k++] = cols[i].width;
        }
    }
    *ncols = k;
    if (ws)
        xlsx_headers(x, ws, keys, widths, k,
                     tracking < n ? at[tracking] : k);
    return ws;
}

static const char *owner(const struct xctx *x, const struct gap *g)
{
    const char *name = assignee_name(g->assignee);
    return name ? name : xlsx_word(x, "plan.unassigned");
}

static void colour_tiers(const struct xctx *x, lxw_worksheet *ws,
                         size_t nrows, lxw_col_t col)
{
    xlsx_colour_word(x, ws, nrows, col, "P1", XF_RED);
    xlsx_colour_word(x, ws, nrows, col, "P2", XF_AMBER);
    xlsx_colour_word(x, ws, nrows, col, "P3", XF_GREEN);
}

/* The ids of the gaps g waits for. */
static const char *depends_on(const struct xctx *x, const struct gap *g)
{
    const struct plan *pl = x->r->plan;
    struct strbuf sb = STRBUF_INIT;
    const char *out;
    size_t j;

    for (j = 0; j < g->ndepends; j++)
        strbuf_printf(&sb, "%s%s", j ? ", " : "",
                      x->r->catalog->reqs[pl->gaps[g->depends[j]].req].id);
    out = arena_strdup(x->a, strbuf_cstr(&sb));
    strbuf_free(&sb);
    return out;
}

void xlsx_register_sheet(struct xctx *x)
{
    static const char *const keys[] = {
        "col.rank", "col.tier", "col.priority", "col.requirement",
        "col.title", "col.category", "col.critical", "col.status",
        "col.score", "col.owner", "col.at_risk", "col.failing_rules"
    };
    static const double widths[] = { 6, 6, 9, 12, 48, 10, 9, 14, 9, 20, 9,
                                     90 };
    const struct report *r = x->r;
    const struct plan *pl = r->plan;
    const struct catalog *c = r->catalog;
    lxw_worksheet *ws = xlsx_sheet(x, "xlsx.sheet.gaps", 1);
    size_t i, j;

    if (!ws)
        return;
    xlsx_headers(x, ws, keys, widths, ARRAY_LEN(keys), ARRAY_LEN(keys));
    for (i = 0; i < pl->ngaps; i++) {
        const struct gap *g = &pl->gaps[i];
        const struct requirement *req = &c->reqs[g->req];
        lxw_row_t row = (lxw_row_t)(i + 1);
        struct strbuf sb = STRBUF_INIT;

        worksheet_write_number(ws, row, 0, (double)g->rank, x->f.text);
        xlsx_text(x, ws, row, 1, tier_name(g->tier), NULL);
        worksheet_write_number(ws, row, 2, g->priority, x->f.num);
        xlsx_text(x, ws, row, 3, req->id, NULL);
        xlsx_text(x, ws, row, 4, report_text(r, &req->title), x->f.wrap);
        xlsx_id(x, ws, row, 5, c->categories[req->category].id);
        xlsx_yes_no(x, ws, row, 6, g->critical);
        xlsx_text(x, ws, row, 7, xlsx_term(x, "status.req.",
                  req_status_name(g->result->status)), NULL);
        worksheet_write_number(ws, row, 8, g->result->score, x->f.pct);
        xlsx_text(x, ws, row, 9, owner(x, g), NULL);
        xlsx_yes_no(x, ws, row, 10, g->at_risk);
        for (j = 0; j < g->nfailing; j++) {
            if (j)
                strbuf_addc(&sb, '\n');
            lang_format(r->lang, g->failing[j]->trace, &sb);
        }
        xlsx_text(x, ws, row, 11, strbuf_cstr(&sb), x->f.wrap);
        strbuf_free(&sb);
    }
    xlsx_filters(ws, pl->ngaps, ARRAY_LEN(keys));
    colour_tiers(x, ws, pl->ngaps, 1);
    xlsx_colour_statuses(x, ws, pl->ngaps, 7);
    xlsx_colour_yes(x, ws, pl->ngaps, 10);
}

/* ------------------------------------------------------ tracking columns */

/* The progress words, in the drop-down's order. */
static const char *const progress_keys[] = {
    "xlsx.progress.not_started", "xlsx.progress.in_progress",
    "xlsx.progress.done", "xlsx.progress.blocked"
};
static const enum xlsx_fill progress_fills[] = {
    XF_GREY, XF_AMBER, XF_GREEN, XF_RED
};

#define NPROGRESS ARRAY_LEN(progress_keys)

/* Excel's limit on a validation's list and messages, in characters. */
#define VALIDATION_MAX 255

/* Progress: a drop-down list of the language's words, every row starting
 * at "not started".  Excel stores a short list inline, comma-separated
 * and quoted; a word holding a comma or a quote, or a list too long,
 * goes to a hidden column the list then points at. */
static void progress_column(const struct xctx *x, lxw_worksheet *ws,
                            size_t nrows, lxw_col_t col, lxw_col_t spare)
{
    char *words[NPROGRESS + 1];
    char range[64];
    lxw_data_validation dv;
    lxw_row_col_options hidden = { 0, 0, 0 };
    struct strbuf help = STRBUF_INIT;
    struct msg *m = msg_new(x->a, "xlsx.progress.help");
    size_t i, chars = 0;
    int inline_ok = 1;

    msg_list(x->a, m, "values");
    for (i = 0; i < NPROGRESS; i++) {
        /* libxlsxwriter's struct wants char *; it does not write. */
        words[i] = (char *)(uintptr_t)xlsx_word(x, progress_keys[i]);
        chars += utf8_count(words[i]) + 1;
        if (strpbrk(words[i], ",\""))
            inline_ok = 0;
        msg_append(x->a, m, "values", msg_text(x->a, msg_new(x->a,
                   "xlsx.term"), "term", words[i]));
    }
    words[NPROGRESS] = NULL;
    if (nrows == 0)
        return;
    for (i = 1; i <= nrows; i++)
        xlsx_text(x, ws, (lxw_row_t)i, col, words[0], NULL);
    memset(&dv, 0, sizeof dv);
    if (inline_ok && chars - 1 <= VALIDATION_MAX) {
        dv.validate = LXW_VALIDATION_TYPE_LIST;
        dv.value_list = words;
    } else {
        for (i = 0; i < NPROGRESS; i++)
            xlsx_text(x, ws, (lxw_row_t)(i + 1), spare, words[i], NULL);
        hidden.hidden = 1;
        worksheet_set_column_opt(ws, spare, spare, 12, NULL, &hidden);
        lxw_rowcol_to_range_abs(range, 1, spare, NPROGRESS, spare);
        dv.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
        dv.value_formula = range;
    }
    strbuf_adds(&help, xlsx_msg(x, m));
    if (utf8_count(help.buf) <= VALIDATION_MAX)
        dv.input_message = help.buf;
    worksheet_data_validation_range(ws, 1, col, (lxw_row_t)nrows, col, &dv);
    strbuf_free(&help);
    for (i = 0; i < NPROGRESS; i++)
        xlsx_colour_word(x, ws, nrows, col, words[i], progress_fills[i]);
}

/* Actual date: empty, formatted as a date, and accepting only a date on
 * or after the as-of date (the work is planned from then). */
static void actual_date_column(const struct xctx *x, lxw_worksheet *ws,
                               size_t nrows, lxw_col_t col)
{
    lxw_data_validation dv;
    struct msg *m = msg_new(x->a, "xlsx.actual_date.help");
    const char *help;
    int y, mo, d;
    size_t i;

    if (nrows == 0)
        return;
    for (i = 1; i <= nrows; i++)
        worksheet_write_blank(ws, (lxw_row_t)i, col, x->f.date);
    msg_date(x->a, m, "as_of", x->r->plan->as_of);
    help = xlsx_msg(x, m);
    date_to_ymd(x->r->plan->as_of, &y, &mo, &d);
    memset(&dv, 0, sizeof dv);
    dv.validate = LXW_VALIDATION_TYPE_DATE;
    dv.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
    dv.value_datetime.year = y;
    dv.value_datetime.month = mo;
    dv.value_datetime.day = d;
    if (utf8_count(help) <= VALIDATION_MAX) {
        dv.input_message = (char *)(uintptr_t)help;
        dv.error_message = (char *)(uintptr_t)help;
    }
    worksheet_data_validation_range(ws, 1, col, (lxw_row_t)nrows, col, &dv);
}

enum plan_col {
    PC_RANK, PC_TIER, PC_REQ, PC_TITLE, PC_ACTION, PC_MEASURE, PC_OWNER,
    PC_START, PC_DUE, PC_EFFORT, PC_COST, PC_MONTHS, PC_AT_RISK, PC_WHY,
    PC_DEPENDS, PC_PROOF, PC_PROGRESS, PC_ACTUAL, PC_COMMENT, PC_COUNT
};

void xlsx_plan_sheet(struct xctx *x)
{
    const struct report *r = x->r;
    const struct plan *pl = r->plan;
    const struct catalog *c = r->catalog;
    const struct column cols[PC_COUNT] = {
        { "col.rank", 6, 1 }, { "col.tier", 6, 1 },
        { "col.requirement", 11, 1 }, { "col.title", 34, 1 },
        { "col.action", 60, 1 }, { "col.measure", 45, 1 },
        { "col.owner", 20, 1 }, { "col.start", 12, 1 }, { "col.due", 12, 1 },
        { "col.effort", 10, 1 }, { "col.cost", 11, pl->day_rate > 0 },
        { "col.data_months", 8, 1 }, { "col.at_risk", 8, 1 },
        { "col.risk_reason", 45, 1 }, { "col.depends_on", 12, 1 },
        { "col.proof", 45, 1 }, { "col.progress", 13, 1 },
        { "col.actual_date", 12, 1 }, { "col.comment", 40, 1 }
    };
    lxw_col_t at[PC_COUNT];
    size_t ncols, i;
    lxw_worksheet *ws = column_sheet(x, "xlsx.sheet.plan", cols, PC_COUNT,
                                     PC_PROGRESS, at, &ncols);

    if (!ws)
        return;
    for (i = 0; i < pl->ngaps; i++) {
        const struct gap *g = &pl->gaps[i];
        const struct requirement *req = &c->reqs[g->req];
        lxw_row_t row = (lxw_row_t)(i + 1);

        worksheet_write_number(ws, row, at[PC_RANK], (double)g->rank,
                               x->f.text);
        xlsx_text(x, ws, row, at[PC_TIER], tier_name(g->tier), NULL);
        xlsx_text(x, ws, row, at[PC_REQ], req->id, NULL);
        xlsx_text(x, ws, row, at[PC_TITLE], report_text(r, &req->title),
                  x->f.wrap);
        xlsx_text(x, ws, row, at[PC_ACTION], xlsx_msg(x, g->action),
                  x->f.wrap);
        xlsx_text(x, ws, row, at[PC_MEASURE], xlsx_msg(x, g->measure),
                  x->f.wrap);
        xlsx_text(x, ws, row, at[PC_OWNER], owner(x, g), NULL);
        xlsx_date(ws, row, at[PC_START], g->start, x->f.date);
        xlsx_date(ws, row, at[PC_DUE], g->due, x->f.date);
        worksheet_write_number(ws, row, at[PC_EFFORT], g->effort, x->f.text);
        if (cols[PC_COST].shown)
            worksheet_write_number(ws, row, at[PC_COST], g->cost,
                                   x->f.money);
        worksheet_write_number(ws, row, at[PC_MONTHS], g->data_months,
                               x->f.text);
        xlsx_yes_no(x, ws, row, at[PC_AT_RISK], g->at_risk);
        xlsx_text(x, ws, row, at[PC_WHY], xlsx_msg(x, g->risk), x->f.wrap);
        xlsx_text(x, ws, row, at[PC_DEPENDS], depends_on(x, g), NULL);
        xlsx_text(x, ws, row, at[PC_PROOF], xlsx_msg(x, g->proof),
                  x->f.wrap);
        worksheet_write_blank(ws, row, at[PC_COMMENT], x->f.wrap);
    }
    xlsx_filters(ws, pl->ngaps, ncols);
    colour_tiers(x, ws, pl->ngaps, at[PC_TIER]);
    xlsx_colour_yes(x, ws, pl->ngaps, at[PC_AT_RISK]);
    progress_column(x, ws, pl->ngaps, at[PC_PROGRESS], (lxw_col_t)ncols);
    actual_date_column(x, ws, pl->ngaps, at[PC_ACTUAL]);
}

/* ---------------------------------------------------------- owner load */

void xlsx_load_sheet(struct xctx *x)
{
    enum { LC_OWNER, LC_MONTH, LC_DAYS, LC_CAPACITY, LC_COST, LC_OVER,
           LC_COUNT };
    const struct plan *pl = x->r->plan;
    const struct column cols[LC_COUNT] = {
        { "col.owner", 28, 1 }, { "col.month", 10, 1 },
        { "col.planned_days", 12, 1 }, { "col.capacity", 11, 1 },
        { "col.cost", 11, pl->day_rate > 0 }, { "col.overloaded", 12, 1 }
    };
    lxw_col_t at[LC_COUNT];
    size_t ncols, i;
    lxw_worksheet *ws = column_sheet(x, "xlsx.sheet.load", cols, LC_COUNT,
                                     LC_COUNT, at, &ncols);

    if (!ws)
        return;
    for (i = 0; i < pl->nload; i++) {
        const struct owner_month *l = &pl->load[i];
        lxw_row_t row = (lxw_row_t)(i + 1);

        xlsx_text(x, ws, row, at[LC_OWNER], *l->owner ? l->owner
                  : xlsx_word(x, "plan.unassigned"), NULL);
        xlsx_month(x, ws, row, at[LC_MONTH], l->month);
        worksheet_write_number(ws, row, at[LC_DAYS], l->days, x->f.num);
        worksheet_write_number(ws, row, at[LC_CAPACITY], l->capacity,
                               x->f.num);
        if (cols[LC_COST].shown)
            worksheet_write_number(ws, row, at[LC_COST], l->cost,
                                   x->f.money);
        xlsx_yes_no(x, ws, row, at[LC_OVER], l->overloaded);
    }
    xlsx_filters(ws, pl->nload, ncols);
    xlsx_colour_yes(x, ws, pl->nload, at[LC_OVER]);
}
