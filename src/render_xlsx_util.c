/*
 * render_xlsx_util.c — the workbook's cells written one way everywhere
 * (render_xlsx_int.h): formats that follow the language's date and
 * percent settings, safe sheet names, print setup, headers, text that
 * is never a formula, ids that are numbers when they are numbers, and
 * conditional colours on words of the language table.
 *
 * libxlsxwriter prints a warning on stderr when a call breaks one of
 * Excel's limits, and library code must not print: every limit is
 * checked here before the call.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "copcgap/lang.h"
#include "copcgap/utf8.h"
#include "render_xlsx_int.h"

const char *xlsx_word(const struct xctx *x, const char *key)
{
    return lang_str(x->r->lang, x->a, key);
}

const char *xlsx_msg(const struct xctx *x, const struct msg *m)
{
    return m ? lang_msg(x->r->lang, x->a, m) : "";
}

const char *xlsx_term(const struct xctx *x, const char *prefix,
                      const char *name)
{
    struct msg *m = msg_new(x->a, "xlsx.term");
    msg_term(x->a, m, "term", prefix, name);
    return lang_msg(x->r->lang, x->a, m);
}

/* ------------------------------------------------------------ formats */

/* Append literal text to an Excel number format, quoted so that no
 * letter is read as a code ("de" in "d \"de\" mmmm"). */
static void fmt_literal(struct strbuf *sb, const char *s, size_t n)
{
    size_t i;
    int open = 0;

    for (i = 0; i < n; i++) {
        if (s[i] == '\\' && i + 1 < n)
            i++;
        if (s[i] == ' ' || s[i] == '"') {
            if (open)
                strbuf_addc(sb, '"');
            open = 0;
            if (s[i] == ' ')
                strbuf_addc(sb, ' ');
            continue;
        }
        if (!open)
            strbuf_addc(sb, '"');
        open = 1;
        strbuf_addc(sb, s[i]);
    }
    if (open)
        strbuf_addc(sb, '"');
}

/*
 * The language's @date or @month template as an Excel date format:
 * {d} d, {dd} dd, {m} m, {mm} mm, {mon} mmm, {month} mmmm, {yyyy} yyyy.
 * The cell stays a real date; Excel writes the month names in its own
 * language.
 */
static const char *excel_date_format(const struct xctx *x,
                                     const char *setting,
                                     const char *fallback)
{
    static const char *const parts[][2] = {
        { "d", "d" }, { "dd", "dd" }, { "m", "m" }, { "mm", "mm" },
        { "mon", "mmm" }, { "month", "mmmm" }, { "yyyy", "yyyy" }
    };
    const char *t = lang_get(x->r->lang, setting), *p, *q;
    struct strbuf sb = STRBUF_INIT;
    const char *out;
    size_t i;

    if (!t)
        t = fallback;
    for (p = t; *p; p = q) {
        if (*p != '{' || !(q = strchr(p, '}'))) {
            q = p + 1;
            while (*q && *q != '{')
                q++;
            fmt_literal(&sb, p, (size_t)(q - p));
            continue;
        }
        for (i = 0; i < ARRAY_LEN(parts); i++)
            if (strlen(parts[i][0]) == (size_t)(q - p - 1) &&
                strncmp(p + 1, parts[i][0], (size_t)(q - p - 1)) == 0)
                strbuf_adds(&sb, parts[i][1]);
        q++;
    }
    out = arena_strdup(x->a, strbuf_cstr(&sb));
    strbuf_free(&sb);
    return out;
}

/* @percent ("{n} %") as "0.0 %": the % stays bare, so that Excel shows
 * the fraction 0.667 as 66.7. */
static const char *pct_format(const struct xctx *x)
{
    const char *t = lang_get(x->r->lang, "@percent"), *n;
    struct strbuf sb = STRBUF_INIT;
    const char *out, *p;

    if (!t || !(n = strstr(t, "{n}")))
        return "0.0%";
    for (p = t; p < n; p++)
        if (*p == '%')
            strbuf_addc(&sb, '%');
        else
            fmt_literal(&sb, p, 1);
    strbuf_adds(&sb, "0.0");
    for (p = n + 3; *p; p++)
        if (*p == '%')
            strbuf_addc(&sb, '%');
        else
            fmt_literal(&sb, p, 1);
    out = arena_strdup(x->a, strbuf_cstr(&sb));
    strbuf_free(&sb);
    return out;
}

static lxw_format *top(lxw_workbook *wb, const char *num_format)
{
    lxw_format *f = workbook_add_format(wb);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    if (num_format)
        format_set_num_format(f, num_format);
    return f;
}

static lxw_format *filled(lxw_workbook *wb, lxw_color_t bg, lxw_color_t fg,
                          int bold)
{
    lxw_format *f = workbook_add_format(wb);
    format_set_bg_color(f, bg);
    format_set_font_color(f, fg);
    if (bold)
        format_set_bold(f);
    return f;
}

void xlsx_make_formats(struct xctx *x)
{
    static const lxw_color_t fills[XF_COUNT] = {
        0xCCEDCC, 0xFFEBB3, 0xFAC7C2, 0xE6E0F2, 0xEBEBEB
    };
    static const lxw_color_t verdicts[VERDICT_COUNT] = {
        0x2E8C45, 0xD98C1A, 0xBF2B26
    };
    struct xlsx_formats *f = &x->f;
    lxw_workbook *wb = x->wb;
    size_t i;

    f->header = filled(wb, 0x1F4E79, LXW_COLOR_WHITE, 1);
    format_set_text_wrap(f->header);
    format_set_align(f->header, LXW_ALIGN_VERTICAL_TOP);
    f->track = filled(wb, 0x38761D, LXW_COLOR_WHITE, 1);
    format_set_text_wrap(f->track);
    format_set_align(f->track, LXW_ALIGN_VERTICAL_TOP);
    f->title = workbook_add_format(wb);
    format_set_bold(f->title);
    format_set_font_size(f->title, 14);
    f->label = top(wb, NULL);
    format_set_bold(f->label);
    f->text = top(wb, NULL);
    f->wrap = top(wb, NULL);
    format_set_text_wrap(f->wrap);
    f->num = top(wb, "#,##0.0#");
    f->count = top(wb, "#,##0");
    f->money = top(wb, "#,##0.00");
    f->pct = top(wb, pct_format(x));
    f->date = top(wb, excel_date_format(x, "@date", "{yyyy}-{mm}-{dd}"));
    f->month = top(wb, excel_date_format(x, "@month", "{yyyy}-{mm}"));
    for (i = 0; i < XF_COUNT; i++)
        f->fill[i] = filled(wb, fills[i], LXW_COLOR_BLACK, i == XF_RED);
    for (i = 0; i < VERDICT_COUNT; i++) {
        f->verdict[i] = filled(wb, verdicts[i], LXW_COLOR_WHITE, 1);
        format_set_align(f->verdict[i], LXW_ALIGN_LEFT);
    }
}

/* --------------------------------------------------------- sheet names */

/* Characters Excel refuses in a sheet name, and what stands for each. */
static char sheet_char(char c)
{
    switch (c) {
    case '[': return '(';
    case ']': return ')';
    case ':': case '*': case '?': case '/': case '\\': return '-';
    default: return c;
    }
}

/*
 * `want` cut to `room` UTF-16 units (Excel counts those: a character
 * outside the Basic Multilingual Plane takes two), never inside a UTF-8
 * sequence, with forbidden characters replaced and apostrophes dropped
 * at both ends.
 */
static void sheet_base(const char *want, size_t room, struct strbuf *sb)
{
    size_t len = strlen(want), i = 0, units = 0;

    while (i < len && want[i] == '\'')
        i++;
    while (i < len) {
        size_t n = utf8_char_len(want + i, len - i), u;
        if (n == 0)
            break;                      /* the loader checked UTF-8 */
        u = n == 4 ? 2 : 1;
        if (units + u > room)
            break;
        if (n == 1)
            strbuf_addc(sb, sheet_char(want[i]));
        else
            strbuf_add(sb, want + i, n);
        units += u;
        i += n;
    }
    while (sb->len && sb->buf[sb->len - 1] == '\'')
        strbuf_truncate(sb, sb->len - 1);
}

/* Excel compares sheet names without case (strcasecmp folds ASCII only:
 * a clash of accented names costs just a suffix). */
static int name_taken(const struct xctx *x, const char *name)
{
    size_t i;
    for (i = 0; i < x->nsheets; i++)
        if (strcasecmp(x->names[i], name) == 0)
            return 1;
    return 0;
}

static const char *sheet_name(struct xctx *x, const char *want)
{
    struct strbuf sb = STRBUF_INIT;
    const char *out;
    int n;

    for (n = 1; n < 100; n++) {
        char suffix[8] = "";
        strbuf_truncate(&sb, 0);
        if (n > 1)
            snprintf(suffix, sizeof suffix, " (%d)", n);
        sheet_base(want, LXW_SHEETNAME_MAX - strlen(suffix), &sb);
        if (sb.len == 0)
            strbuf_printf(&sb, "%zu", x->nsheets + 1);
        strbuf_adds(&sb, suffix);
        if (!name_taken(x, sb.buf) &&
            workbook_validate_sheet_name(x->wb, sb.buf) == LXW_NO_ERROR)
            break;
    }
    out = arena_strdup(x->a, strbuf_cstr(&sb));
    strbuf_free(&sb);
    return out;
}

/* ---------------------------------------------------------- print setup */

/* "&" is Excel's header/footer code character: a literal one is "&&". */
static void footer_text(struct strbuf *sb, const char *s, size_t max_chars)
{
    size_t len = strlen(s), i = 0, chars = 0;

    while (i < len && chars < max_chars) {
        size_t n = utf8_char_len(s + i, len - i);
        if (n == 0)
            n = 1;
        if (s[i] == '&')
            strbuf_addc(sb, '&');
        strbuf_add(sb, s + i, n);
        i += n;
        chars++;
    }
}

/* Organisation on the left, the sheet's name in the middle, "page N of
 * M" on the right. */
static void footer(const struct xctx *x, lxw_worksheet *ws)
{
    struct strbuf sb = STRBUF_INIT;
    struct msg *m = msg_new(x->a, "xlsx.footer");
    const char *page;
    size_t i;

    /* Placeholders stand for Excel's codes, put in after the escaping. */
    msg_id(x->a, m, "page", "\001P");
    msg_id(x->a, m, "pages", "\001N");
    page = xlsx_msg(x, m);
    strbuf_adds(&sb, "&L");
    footer_text(&sb, x->r->profile->org_name, 80);
    strbuf_adds(&sb, "&C&A&R");
    footer_text(&sb, page, 80);
    for (i = 0; i < sb.len; i++)
        if (sb.buf[i] == '\001')
            sb.buf[i] = '&';
    if (utf8_count(sb.buf) <= LXW_HEADER_FOOTER_MAX)
        worksheet_set_footer(ws, sb.buf);
    strbuf_free(&sb);
}

lxw_worksheet *xlsx_sheet(struct xctx *x, const char *key,
                          lxw_row_t header_rows)
{
    const char *name = sheet_name(x, xlsx_word(x, key));
    lxw_worksheet *ws = x->nsheets < XLSX_MAX_SHEETS
                            ? workbook_add_worksheet(x->wb, name) : NULL;

    if (!ws) {
        x->failed = 1;
        return NULL;
    }
    x->names[x->nsheets++] = name;
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);             /* A4 */
    worksheet_fit_to_pages(ws, 1, 0);       /* one page wide, any tall */
    if (header_rows)
        worksheet_repeat_rows(ws, 0, (lxw_row_t)(header_rows - 1));
    footer(x, ws);
    return ws;
}

void xlsx_headers(const struct xctx *x, lxw_worksheet *ws,
                  const char *const *keys, const double *widths,
                  size_t ncols, size_t first_tracking)
{
    size_t i;

    for (i = 0; i < ncols; i++) {
        xlsx_text(x, ws, 0, (lxw_col_t)i, xlsx_word(x, keys[i]),
                  i >= first_tracking ? x->f.track : x->f.header);
        worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i, widths[i],
                             NULL);
    }
    worksheet_freeze_panes(ws, 1, 0);
}

void xlsx_filters(lxw_worksheet *ws, size_t nrows, size_t ncols)
{
    if (ncols)
        worksheet_autofilter(ws, 0, 0, (lxw_row_t)nrows,
                             (lxw_col_t)(ncols - 1));
}

/* --------------------------------------------------------------- cells */

/* Excel's limit of characters in a cell. */
#define CELL_MAX 32767

void xlsx_text(const struct xctx *x, lxw_worksheet *ws, lxw_row_t row,
               lxw_col_t col, const char *s, lxw_format *fmt)
{
    size_t len, i = 0, chars = 0;
    struct strbuf sb = STRBUF_INIT;

    if (!s || !*s) {
        if (fmt)
            worksheet_write_blank(ws, row, col, fmt);
        return;
    }
    if (utf8_count(s) <= CELL_MAX) {
        worksheet_write_string(ws, row, col, s, fmt ? fmt : x->f.text);
        return;
    }
    /* Cut at a character, and say so. */
    len = strlen(s);
    while (i < len && chars < CELL_MAX - 1) {
        size_t n = utf8_char_len(s + i, len - i);
        if (n == 0)
            n = 1;
        i += n;
        chars++;
    }
    strbuf_add(&sb, s, i);
    strbuf_adds(&sb, "…");
    worksheet_write_string(ws, row, col, sb.buf, fmt ? fmt : x->f.text);
    strbuf_free(&sb);
}

void xlsx_date(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, cg_day d,
               lxw_format *fmt)
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

void xlsx_month(const struct xctx *x, lxw_worksheet *ws, lxw_row_t row,
                lxw_col_t col, cg_month m)
{
    xlsx_date(ws, row, col, month_first_day(m), x->f.month);
}

void xlsx_id(const struct xctx *x, lxw_worksheet *ws, lxw_row_t row,
             lxw_col_t col, const char *id)
{
    size_t n = strspn(id, "0123456789");

    /* Up to nine digits, no leading zero: the number reads back as the
     * same id ("07" stays text). */
    if (n > 0 && n <= 9 && id[n] == '\0' && (id[0] != '0' || n == 1))
        worksheet_write_number(ws, row, col, (double)strtol(id, NULL, 10),
                               x->f.text);
    else
        xlsx_text(x, ws, row, col, id, NULL);
}

void xlsx_yes_no(const struct xctx *x, lxw_worksheet *ws, lxw_row_t row,
                 lxw_col_t col, int yes)
{
    xlsx_text(x, ws, row, col, xlsx_word(x, yes ? "word.yes" : "word.no"),
              NULL);
}

/* ------------------------------------------------------------- colours */

void xlsx_colour_word(const struct xctx *x, lxw_worksheet *ws, size_t nrows,
                      lxw_col_t col, const char *word, enum xlsx_fill fill)
{
    lxw_conditional_format cf;
    struct strbuf sb = STRBUF_INIT;
    const char *p;

    if (nrows == 0 || !*word)
        return;
    /* An Excel string literal: quoted, a quote inside doubled. */
    strbuf_addc(&sb, '"');
    for (p = word; *p; p++) {
        if (*p == '"')
            strbuf_addc(&sb, '"');
        strbuf_addc(&sb, *p);
    }
    strbuf_addc(&sb, '"');
    memset(&cf, 0, sizeof cf);
    cf.type = LXW_CONDITIONAL_TYPE_CELL;
    cf.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
    cf.value_string = sb.buf;
    cf.format = x->f.fill[fill];
    worksheet_conditional_format_range(ws, 1, col, (lxw_row_t)nrows, col,
                                       &cf);
    strbuf_free(&sb);
}

void xlsx_colour_statuses(const struct xctx *x, lxw_worksheet *ws,
                          size_t nrows, lxw_col_t col)
{
    static const enum xlsx_fill fills[REQ_COUNT] = {
        XF_GREEN, XF_AMBER, XF_RED, XF_LILAC, XF_GREY
    };
    int s;

    for (s = 0; s < REQ_COUNT; s++)
        xlsx_colour_word(x, ws, nrows, col,
                         xlsx_term(x, "status.req.",
                                   req_status_name((enum req_status)s)),
                         fills[s]);
}

void xlsx_colour_yes(const struct xctx *x, lxw_worksheet *ws, size_t nrows,
                     lxw_col_t col)
{
    xlsx_colour_word(x, ws, nrows, col, xlsx_word(x, "word.yes"), XF_RED);
}
