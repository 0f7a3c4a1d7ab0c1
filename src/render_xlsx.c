/*
 * render_xlsx.c — the plan as an Excel workbook (libxlsxwriter): a gap
 * register sheet, an action plan sheet and an owner load sheet, each
 * with a frozen header row, filters, column widths, real dates, and tier
 * colours as conditional formats (what a consultant pastes into a
 * client deck).  Written under a temporary name, then renamed.
 */
#include <string.h>

#include <xlsxwriter.h>

#include "copcgap/arena.h"
#include "copcgap/kpi.h"
#include "copcgap/outfile.h"
#include "copcgap/plan.h"
#include "copcgap/render.h"

struct formats {
    lxw_format *header, *date, *month, *wrap, *num, *pct, *red, *amber,
               *green, *bold;
};

static void make_formats(lxw_workbook *wb, struct formats *f)
{
    f->header = workbook_add_format(wb);
    format_set_bold(f->header);
    format_set_bg_color(f->header, 0x1F4E79);
    format_set_font_color(f->header, LXW_COLOR_WHITE);
    format_set_text_wrap(f->header);
    format_set_align(f->header, LXW_ALIGN_VERTICAL_TOP);
    f->date = workbook_add_format(wb);
    format_set_num_format(f->date, "yyyy-mm-dd");
    format_set_align(f->date, LXW_ALIGN_VERTICAL_TOP);
    f->month = workbook_add_format(wb);
    format_set_num_format(f->month, "yyyy-mm");
    format_set_align(f->month, LXW_ALIGN_VERTICAL_TOP);
    f->pct = workbook_add_format(wb);
    format_set_num_format(f->pct, "0%");
    format_set_align(f->pct, LXW_ALIGN_VERTICAL_TOP);
    f->wrap = workbook_add_format(wb);
    format_set_text_wrap(f->wrap);
    format_set_align(f->wrap, LXW_ALIGN_VERTICAL_TOP);
    f->num = workbook_add_format(wb);
    format_set_num_format(f->num, "0.00");
    format_set_align(f->num, LXW_ALIGN_VERTICAL_TOP);
    f->bold = workbook_add_format(wb);
    format_set_bold(f->bold);
    f->red = workbook_add_format(wb);
    format_set_bg_color(f->red, 0xF4CCCC);
    format_set_bold(f->red);
    f->amber = workbook_add_format(wb);
    format_set_bg_color(f->amber, 0xFFE599);
    f->green = workbook_add_format(wb);
    format_set_bg_color(f->green, 0xD9EAD3);
}

static void date_cell(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                      cg_day d, lxw_format *fmt)
{
    lxw_datetime dt;
    int y, m, dd;

    date_to_ymd(d, &y, &m, &dd);
    memset(&dt, 0, sizeof dt);
    dt.year = y;
    dt.month = m;
    dt.day = dd;
    worksheet_write_datetime(ws, row, col, &dt, fmt);
}

static void header_row(lxw_worksheet *ws, const char *const *names,
                       const double *widths, size_t n, lxw_format *fmt)
{
    size_t i;
    for (i = 0; i < n; i++) {
        worksheet_write_string(ws, 0, (lxw_col_t)i, names[i], fmt);
        worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i, widths[i], NULL);
    }
    worksheet_freeze_panes(ws, 1, 0);
}

/* Tier column coloured by value: P1 red, P2 amber, P3 green. */
static void tier_colours(lxw_worksheet *ws, const struct formats *f,
                         lxw_row_t last, lxw_col_t col)
{
    static const char *const values[] = { "\"P1\"", "\"P2\"", "\"P3\"" };
    lxw_format *fmts[3];
    size_t i;

    fmts[0] = f->red;
    fmts[1] = f->amber;
    fmts[2] = f->green;
    for (i = 0; i < 3; i++) {
        lxw_conditional_format cf;
        memset(&cf, 0, sizeof cf);
        cf.type = LXW_CONDITIONAL_TYPE_CELL;
        cf.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
        cf.value_string = (char *)(uintptr_t)values[i];
        cf.format = fmts[i];
        worksheet_conditional_format_range(ws, 1, col, last, col, &cf);
    }
}

/* What every sheet writer needs: the report, its words, the formats. */
struct sheet_ctx {
    const struct report *r;
    const struct formats *f;
    struct arena *a;
};

static const char *L(const struct sheet_ctx *x, const char *key)
{
    return lang_str(x->r->lang, x->a, key);
}

static const char *M(const struct sheet_ctx *x, const struct msg *m)
{
    return m ? lang_msg(x->r->lang, x->a, m) : "";
}

static void headers(const struct sheet_ctx *x, lxw_worksheet *ws,
                    const char *const *keys, const double *widths, size_t n)
{
    const char *names[16];
    size_t i;
    for (i = 0; i < n && i < ARRAY_LEN(names); i++)
        names[i] = L(x, keys[i]);
    header_row(ws, names, widths, n, x->f->header);
}

static const char *owner(const struct sheet_ctx *x, const struct gap *g)
{
    const char *name = assignee_name(g->assignee);
    return name ? name : L(x, "plan.unassigned");
}

static const char *yes_no(const struct sheet_ctx *x, int v)
{
    return L(x, v ? "word.yes" : "word.no");
}

static void register_sheet(lxw_workbook *wb, const struct sheet_ctx *x)
{
    static const char *const keys[] = {
        "col.rank", "col.tier", "col.priority", "col.requirement",
        "col.title", "col.category", "col.critical", "col.status",
        "col.score", "col.owner", "col.at_risk", "col.failing_rules"
    };
    static const double widths[] = { 6, 6, 9, 12, 48, 10, 9, 14, 8, 18, 8,
                                     90 };
    const struct report *r = x->r;
    const struct formats *f = x->f;
    const struct plan *pl = r->plan;
    const struct catalog *c = r->catalog;
    lxw_worksheet *ws = workbook_add_worksheet(wb, L(x, "xlsx.sheet.gaps"));
    size_t i, j;

    headers(x, ws, keys, widths, ARRAY_LEN(keys));
    for (i = 0; i < pl->ngaps; i++) {
        const struct gap *g = &pl->gaps[i];
        const struct requirement *req = &c->reqs[g->req];
        lxw_row_t row = (lxw_row_t)(i + 1);
        struct strbuf sb = STRBUF_INIT;
        worksheet_write_number(ws, row, 0, (double)g->rank, NULL);
        worksheet_write_string(ws, row, 1, tier_name(g->tier), NULL);
        worksheet_write_number(ws, row, 2, g->priority, f->num);
        worksheet_write_string(ws, row, 3, req->id, NULL);
        worksheet_write_string(ws, row, 4, report_text(r, &req->title),
                               f->wrap);
        worksheet_write_string(ws, row, 5,
                               report_text(r, &c->categories[req->category]
                                                   .title), NULL);
        worksheet_write_string(ws, row, 6, yes_no(x, g->critical), NULL);
        worksheet_write_string(ws, row, 7, L(x, arena_printf(
            x->a, "status.req.%s", req_status_name(g->result->status))),
            NULL);
        worksheet_write_number(ws, row, 8, g->result->score, f->pct);
        worksheet_write_string(ws, row, 9, owner(x, g), NULL);
        worksheet_write_string(ws, row, 10, yes_no(x, g->at_risk), NULL);
        for (j = 0; j < g->nfailing; j++) {
            if (j)
                strbuf_addc(&sb, '\n');
            lang_format(r->lang, g->failing[j]->trace, &sb);
        }
        worksheet_write_string(ws, row, 11, strbuf_cstr(&sb), f->wrap);
        strbuf_free(&sb);
    }
    worksheet_autofilter(ws, 0, 0, (lxw_row_t)pl->ngaps, 11);
    if (pl->ngaps)
        tier_colours(ws, f, (lxw_row_t)pl->ngaps, 1);
}

static void plan_sheet(lxw_workbook *wb, const struct sheet_ctx *x)
{
    static const char *const keys[] = {
        "col.rank", "col.tier", "col.requirement", "col.action",
        "col.measure", "col.owner", "col.start", "col.due", "col.effort",
        "col.data_months", "col.at_risk", "col.risk_reason",
        "col.depends_on", "col.proof"
    };
    static const double widths[] = { 6, 6, 12, 60, 50, 18, 12, 12, 8, 8, 8,
                                     45, 12, 45 };
    const struct report *r = x->r;
    const struct formats *f = x->f;
    const struct plan *pl = r->plan;
    const struct catalog *c = r->catalog;
    lxw_worksheet *ws = workbook_add_worksheet(wb, L(x, "xlsx.sheet.plan"));
    size_t i, j;

    headers(x, ws, keys, widths, ARRAY_LEN(keys));
    for (i = 0; i < pl->ngaps; i++) {
        const struct gap *g = &pl->gaps[i];
        lxw_row_t row = (lxw_row_t)(i + 1);
        struct strbuf sb = STRBUF_INIT;
        worksheet_write_number(ws, row, 0, (double)g->rank, NULL);
        worksheet_write_string(ws, row, 1, tier_name(g->tier), NULL);
        worksheet_write_string(ws, row, 2, c->reqs[g->req].id, NULL);
        worksheet_write_string(ws, row, 3, M(x, g->action), f->wrap);
        worksheet_write_string(ws, row, 4, M(x, g->measure), f->wrap);
        worksheet_write_string(ws, row, 5, owner(x, g), NULL);
        date_cell(ws, row, 6, g->start, f->date);
        date_cell(ws, row, 7, g->due, f->date);
        worksheet_write_number(ws, row, 8, g->effort, f->num);
        worksheet_write_number(ws, row, 9, g->data_months, NULL);
        worksheet_write_string(ws, row, 10, yes_no(x, g->at_risk), NULL);
        worksheet_write_string(ws, row, 11, M(x, g->risk), f->wrap);
        for (j = 0; j < g->ndepends; j++)
            strbuf_printf(&sb, "%s%s", j ? ", " : "",
                          c->reqs[pl->gaps[g->depends[j]].req].id);
        worksheet_write_string(ws, row, 12, strbuf_cstr(&sb), NULL);
        worksheet_write_string(ws, row, 13, M(x, g->proof), f->wrap);
        strbuf_free(&sb);
    }
    worksheet_autofilter(ws, 0, 0, (lxw_row_t)pl->ngaps, 13);
    if (pl->ngaps)
        tier_colours(ws, f, (lxw_row_t)pl->ngaps, 1);
}

static void load_sheet(lxw_workbook *wb, const struct sheet_ctx *x)
{
    static const char *const keys[] = {
        "col.owner", "col.month", "col.planned_days", "col.capacity",
        "col.overloaded"
    };
    static const double widths[] = { 28, 10, 12, 10, 11 };
    const struct report *r = x->r;
    const struct formats *f = x->f;
    const struct plan *pl = r->plan;
    lxw_worksheet *ws = workbook_add_worksheet(wb, L(x, "xlsx.sheet.load"));
    size_t i;

    headers(x, ws, keys, widths, ARRAY_LEN(keys));
    for (i = 0; i < pl->nload; i++) {
        lxw_row_t row = (lxw_row_t)(i + 1);
        const struct owner_month *l = &pl->load[i];
        date_cell(ws, row, 1, month_first_day(l->month), f->month);
        worksheet_write_string(ws, row, 0, *l->owner ? l->owner
                               : L(x, "plan.unassigned"), NULL);
        worksheet_write_number(ws, row, 2, l->days, f->num);
        worksheet_write_number(ws, row, 3, pl->capacity_days, f->num);
        worksheet_write_string(ws, row, 4, yes_no(x, l->overloaded),
                               l->overloaded ? f->red : NULL);
    }
    worksheet_autofilter(ws, 0, 0, (lxw_row_t)pl->nload, 4);
}

int render_plan_xlsx(const struct report *r, struct outfile *o,
                     struct cg_errors *errs)
{
    struct formats f;
    struct sheet_ctx x;
    lxw_workbook *wb;
    lxw_error rc;

    if (!o->tmp) {
        errors_add(errs, CG_ERR_INPUT, o->path, 0, 0,
                   "an Excel workbook cannot be written to standard output");
        return 0;
    }
    /* libxlsxwriter writes the file by name: close our stream to the
     * temporary file and let it write there. */
    outfile_release_fp(o);
    wb = workbook_new(o->tmp);
    if (!wb) {
        errors_add(errs, CG_ERR_IO, o->path, 0, 0, "cannot create workbook");
        return 0;
    }
    x.r = r;
    x.f = &f;
    x.a = arena_new();
    {
        /* libxlsxwriter's struct wants non-const strings it never
         * modifies. */
        lxw_doc_properties props;
        memset(&props, 0, sizeof props);
        props.title = (char *)(uintptr_t)L(&x, "xlsx.title");
        props.company = (char *)(uintptr_t)r->profile->org_name;
        props.author = (char *)(uintptr_t)(r->profile->lead
                                               ? r->profile->lead : "");
        props.comments = (char *)(uintptr_t)L(&x, "report.generated_by");
        workbook_set_properties(wb, &props);
    }
    make_formats(wb, &f);
    register_sheet(wb, &x);
    plan_sheet(wb, &x);
    load_sheet(wb, &x);
    rc = workbook_close(wb);
    arena_free(x.a);
    if (rc != LXW_NO_ERROR) {
        errors_add(errs, CG_ERR_IO, o->path, 0, 0,
                   "cannot write workbook: %s", lxw_strerror(rc));
        return 0;
    }
    return 1;
}
