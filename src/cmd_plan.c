/*
 * cmd_plan.c — `copcgap plan ORGDIR`: the ranked gap register and the
 * action plan, as a table on the terminal or exported as CSV, JSON or an
 * Excel workbook.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli.h"
#include "copcgap/arena.h"
#include "copcgap/lang.h"
#include "copcgap/plan.h"
#include "copcgap/render.h"
#include "copcgap/utf8.h"

static int cmd_plan(int argc, char **argv);

const struct command command_plan = {
    "plan", "ORGDIR [--format table|csv|json|xlsx] [-o FILE] [options]",
    "rank the gaps and schedule the action plan to the audit date",
    "Score the organisation as `assess` does, then print the ranked gap\n"
    "register and the action plan (SMART actions with owners and dates,\n"
    "scheduled as soon as possible before the mock audit), or export\n"
    "them.\n"
    "\n"
    "  -c, --catalog FILE     requirements catalogue (default: the shipped\n"
    "                         COPC-aligned catalogue)\n"
    "  -f, --format FORMAT    table (default), csv, json or xlsx\n"
    "  -o, --output FILE      write the export to FILE (the format follows\n"
    "                         the extension unless --format is given)\n"
    "  -l, --lang CODE        language of titles, actions and this table:\n"
    "                         en (default), es, or any templates/CODE.lang\n"
    "      --audit-date DATE  plan for this audit date instead of the\n"
    "                         profile's (can we pass on DATE?)\n"
    "      --capacity DAYS    person-days per month each owner can give\n"
    "                         the plan (default: the profile's, else 10)\n"
    "      --db FILE          a workspace (docs/workspace.md): the table\n"
    "                         then says which of the last stored run's\n"
    "                         actions have closed since\n"
    "      --bom              start the CSV with a UTF-8 byte-order mark,\n"
    "                         so that Excel on Windows reads accents right\n"
    "\n"
    "The table fits the terminal (COLUMNS, else its width), cutting long\n"
    "titles with an ellipsis; sent to a file or a pipe it is not cut.\n"
    "An .xlsx file is the consultant's workbook: summary, requirements,\n"
    "KPIs, gap register, action plan with tracking columns, owner load.\n"
    "\n"
    "Actions are scheduled as soon as possible within each owner's\n"
    "capacity, all due before the mock audit.  Tiers: P1 = blocks\n"
    "certification or at risk; P2 = little slack before the mock audit\n"
    "or needed by a P1 gap; P3 = the rest (docs/plan.md).\n",
    cmd_plan
};

enum plan_format { FMT_TABLE, FMT_CSV, FMT_JSON, FMT_XLSX, FMT_COUNT };

static const char *const format_names[FMT_COUNT] = {
    "table", "csv", "json", "xlsx"
};

struct plan_args {
    struct session_opts so;
    struct lang *lang;          /* owned */
    const char *lang_code;
    int format;                 /* -1: from the output's extension */
    const char *out;
    const char *db;             /* --db: read only */
    int bom;                    /* --bom: CSV with a byte-order mark */
};

static int format_from_path(const char *path)
{
    const char *dot = strrchr(path, '.');
    int i;
    if (!dot)
        return -1;
    for (i = FMT_CSV; i < FMT_COUNT; i++)
        if (strcmp(dot + 1, format_names[i]) == 0)
            return i;
    return -1;
}

static int parse_args(int argc, char **argv, struct plan_args *a)
{
    enum { OPT_CAPACITY = 256, OPT_AUDIT, OPT_BOM, OPT_DB };
    static const struct option opts[] = {
        { "catalog", required_argument, NULL, 'c' },
        { "output", required_argument, NULL, 'o' },
        { "format", required_argument, NULL, 'f' },
        { "lang", required_argument, NULL, 'l' },
        { "capacity", required_argument, NULL, OPT_CAPACITY },
        { "audit-date", required_argument, NULL, OPT_AUDIT },
        { "bom", no_argument, NULL, OPT_BOM },
        { "db", required_argument, NULL, OPT_DB },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 }
    };
    int c, i;
    char *end;

    memset(a, 0, sizeof *a);
    a->lang_code = "en";
    a->format = -1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":c:o:f:l:h", opts, NULL)) != -1) {
        switch (c) {
        case 'c': a->so.catalog = optarg; break;
        case 'o': a->out = optarg; break;
        case 'l': a->lang_code = optarg; break;
        case OPT_BOM: a->bom = 1; break;
        case OPT_DB: a->db = optarg; break;
        case 'f':
            a->format = -2;
            for (i = 0; i < FMT_COUNT; i++)
                if (strcmp(optarg, format_names[i]) == 0)
                    a->format = i;
            if (a->format == -2)
                return cli_usage_error(&command_plan,
                                       "--format takes table, csv, "
                                       "json or xlsx, not '%s'", optarg);
            break;
        case OPT_AUDIT:
            if ((c = cli_audit_date(&command_plan, optarg, &a->so)) != 0)
                return c;
            break;
        case OPT_CAPACITY:
            a->so.capacity = strtod(optarg, &end);
            if (*end || a->so.capacity <= 0 || a->so.capacity > 31)
                return cli_usage_error(&command_plan,
                                       "--capacity takes a number of "
                                       "days per month (0-31], not '%s'",
                                       optarg);
            break;
        case 'h':
            cli_print_command_help(&command_plan);
            return -1;
        case ':':
            return cli_usage_error(&command_plan, "option '%s' needs a value",
                                   argv[optind - 1]);
        default:
            return cli_usage_error(&command_plan, "unknown option '%s'",
                                   argv[optind - 1]);
        }
    }
    if (optind >= argc)
        return cli_usage_error(&command_plan, "no organisation folder given");
    if (optind + 1 < argc)
        return cli_usage_error(&command_plan, "unexpected argument '%s'",
                               argv[optind + 1]);
    a->so.orgdir = argv[optind];
    if (a->format < 0)
        a->format = a->out ? format_from_path(a->out) : FMT_TABLE;
    if (a->format < 0)
        return cli_usage_error(&command_plan,
                               "cannot tell the format of '%s': use "
                               "--format csv|json|xlsx", a->out);
    if (a->format == FMT_XLSX && !a->out)
        return cli_usage_error(&command_plan, "--format xlsx needs -o FILE");
    if (a->bom && a->format != FMT_CSV)
        return cli_usage_error(&command_plan, "--bom is for CSV output "
                               "(--format csv or -o FILE.csv)");
    if ((c = cli_lang(&command_plan, a->lang_code, &a->lang)) != 0)
        return c;
    a->so.lang = a->lang;
    return 0;
}

/*
 * How wide the output may be: COLUMNS when it is set to a number, else
 * the terminal's width when standard output is a terminal (80 if it
 * will not say); else 0, no limit.  A file or a pipe has no width, and
 * cutting cells there would lose data silently: `plan > plan.txt` and
 * `plan | grep` get every cell whole, unless COLUMNS asks for a width.
 */
static size_t output_width(void)
{
    const char *env = getenv("COLUMNS");
    struct winsize ws;
    char *end;
    long v;

    if (env && *env) {
        v = strtol(env, &end, 10);
        if (*end == '\0' && v > 0 && v <= 10000)
            return (size_t)v;
    }
    if (!isatty(STDOUT_FILENO))
        return 0;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    return 80;
}

/* Columns a string of n bytes takes: one per character (UTF-8). */
static size_t text_cols(const char *s, size_t n)
{
    size_t i, c = 0;
    for (i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            c++;
    return c;
}

/*
 * Print s and a newline, broken at spaces so that no line is wider than
 * `width` (0: no limit); lines after the first start with `hang`
 * spaces.  A word wider than the line is printed whole.
 */
static void print_wrapped(const char *s, size_t width, size_t hang)
{
    size_t col = 0, start;

    while (*s == ' ') {
        putchar(' ');
        s++;
        col++;
    }
    start = col;
    while (*s) {
        size_t n = strcspn(s, " "), w = text_cols(s, n);
        if (width && col > start && col + 1 + w > width) {
            printf("\n%*s", (int)hang, "");
            col = start = hang;
        } else if (col > start) {
            putchar(' ');
            col++;
        }
        fwrite(s, 1, n, stdout);
        col += w;
        s += n;
        while (*s == ' ')
            s++;
    }
    putchar('\n');
}

static void say(const struct lang *L, const struct msg *m, size_t width,
                size_t hang)
{
    struct strbuf sb = STRBUF_INIT;
    lang_format(L, m, &sb);
    print_wrapped(strbuf_cstr(&sb), width, hang);
    strbuf_free(&sb);
}

enum { COL_RANK, COL_TIER, COL_PRIO, COL_REQ, COL_TITLE, COL_STATUS,
       COL_OWNER, COL_START, COL_DUE, COL_RISK, NCOLS };

/* The table's cells, as text, with each column as wide as its widest
 * cell (0 wide: not shown). */
struct table {
    const char *(*cell)[NCOLS]; /* ngaps + 1 rows: the head, a row a gap */
    size_t rows;
    size_t w[NCOLS];
};

/*
 * Fitting the table to a width gives way in steps, least useful first:
 * the title shrinks to a floor, long owner names are cut, the start and
 * then the priority columns go (the due date and the rank say the
 * same), then the floors come down.  The first step that fits wins and
 * the title takes the room left; below the last step the table is as
 * narrow as it gets, and the terminal wraps it.
 */
struct fit_step {
    size_t title_min, owner_max, status_max;
    int hide_start, hide_prio;
};

static const struct fit_step fit_steps[] = {
    { 30, 0, 0, 0, 0 },
    { 30, 16, 0, 0, 0 },
    { 24, 16, 0, 1, 0 },
    { 24, 16, 0, 1, 1 },
    { 20, 12, 11, 1, 1 },
    { 12, 10, 10, 1, 1 },
};

static size_t cap(size_t w, size_t max)
{
    return max && w > max ? max : w;
}

static void fit(struct table *t, size_t width)
{
    size_t natural[NCOLS], i, j, k, total = 0;

    for (j = 0; j < NCOLS; j++) {
        natural[j] = 0;
        for (i = 0; i < t->rows; i++) {
            size_t n = utf8_count(t->cell[i][j]);
            if (n > natural[j])
                natural[j] = n;
        }
        t->w[j] = natural[j];
        total += natural[j] + (j ? 1 : 0);
    }
    if (width == 0 || total <= width)
        return;
    for (k = 0; k < ARRAY_LEN(fit_steps); k++) {
        const struct fit_step *s = &fit_steps[k];
        size_t others = 0, room;
        for (j = 0; j < NCOLS; j++)
            t->w[j] = natural[j];
        t->w[COL_OWNER] = cap(natural[COL_OWNER], s->owner_max);
        t->w[COL_STATUS] = cap(natural[COL_STATUS], s->status_max);
        if (s->hide_start)
            t->w[COL_START] = 0;
        if (s->hide_prio)
            t->w[COL_PRIO] = 0;
        for (j = 0; j < NCOLS; j++)
            if (j != COL_TITLE && t->w[j])
                others += t->w[j] + 1;      /* the cell and a space */
        room = width > others ? width - others : 0;
        t->w[COL_TITLE] = room < natural[COL_TITLE] ? room
                                                    : natural[COL_TITLE];
        if (t->w[COL_TITLE] >= cap(natural[COL_TITLE], s->title_min))
            return;
    }
    t->w[COL_TITLE] = cap(natural[COL_TITLE], fit_steps[k - 1].title_min);
}

static void print_rows(const struct table *t)
{
    size_t i, j;

    for (i = 0; i < t->rows; i++) {
        for (j = 0; j < NCOLS; j++) {
            if (!t->w[j])
                continue;
            if (j == COL_RISK)
                printf("%s", t->cell[i][j]);
            else
                cli_cell(t->cell[i][j], t->w[j]);
        }
        printf("\n");
    }
}

/* "Can we pass on DATE?" and the earliest date, as one message. */
static const struct msg *plan_readiness(struct arena *a, const struct plan *pl)
{
    struct msg *m = msg_new(a, !pl->has_audit ? "cli.plan.ready.no_audit"
                               : pl->ready ? "cli.plan.ready.yes"
                                           : "cli.plan.ready.no");
    if (pl->has_audit)
        msg_date(a, m, "audit", pl->audit);
    msg_int(a, m, "at_risk", (long long)pl->at_risk);
    if (pl->feasible_audit)
        msg_date(a, m, "feasible", pl->feasible_audit);
    msg_int(a, m, "unplaced", (long long)pl->unplaced);
    return m;
}

static void print_table(const struct report *r)
{
    const struct lang *L = r->lang;
    const struct plan *pl = r->plan;
    const struct catalog *c = r->catalog;
    struct arena *a = arena_new();
    size_t width = output_width();
    struct table t;
    struct msg *m;
    size_t i;

    m = msg_new(a, pl->has_audit ? "cli.plan.head.audit" : "cli.plan.head");
    msg_text(a, m, "org", r->profile->org_name);
    msg_date(a, m, "as_of", pl->as_of);
    if (pl->has_audit) {
        msg_date(a, m, "audit", pl->audit);
        msg_date(a, m, "mock", pl->mock_audit);
    }
    say(L, m, width, 2);
    m = msg_new(a, "cli.plan.counts");
    msg_int(a, m, "gaps", (long long)pl->ngaps);
    msg_int(a, m, "p1", (long long)pl->count[TIER_P1]);
    msg_int(a, m, "p2", (long long)pl->count[TIER_P2]);
    msg_int(a, m, "p3", (long long)pl->count[TIER_P3]);
    msg_int(a, m, "at_risk", (long long)pl->at_risk);
    msg_num(a, m, "days", pl->total_days);
    if (pl->day_rate > 0) {
        msg_num(a, m, "cost", pl->total_cost);
        msg_text(a, m, "currency", pl->currency ? pl->currency : "");
    }
    say(L, m, width, 2);
    say(L, plan_readiness(a, pl), width, 2);
    printf("\n");
    if (pl->ngaps == 0) {
        printf("%s\n", lang_str(L, a, "report.no_gaps"));
        arena_free(a);
        return;
    }
    t.rows = pl->ngaps + 1;
    t.cell = arena_calloc(a, t.rows, sizeof *t.cell);
    t.cell[0][COL_RANK] = "#";
    t.cell[0][COL_TIER] = lang_str(L, a, "col.tier");
    t.cell[0][COL_PRIO] = lang_str(L, a, "col.priority");
    t.cell[0][COL_REQ] = lang_str(L, a, "col.id");
    t.cell[0][COL_TITLE] = lang_str(L, a, "col.requirement");
    t.cell[0][COL_STATUS] = lang_str(L, a, "col.status");
    t.cell[0][COL_OWNER] = lang_str(L, a, "col.owner");
    t.cell[0][COL_START] = lang_str(L, a, "col.start");
    t.cell[0][COL_DUE] = lang_str(L, a, "col.due");
    t.cell[0][COL_RISK] = lang_str(L, a, "col.risk");
    for (i = 0; i < pl->ngaps; i++) {
        const struct gap *g = &pl->gaps[i];
        const char *who = assignee_name(g->assignee);
        const char **row = t.cell[i + 1];
        row[COL_RANK] = arena_printf(a, "%zu", g->rank);
        row[COL_TIER] = tier_name(g->tier);
        row[COL_PRIO] = lang_num_str(L, a, g->priority, 2);
        row[COL_REQ] = c->reqs[g->req].id;
        row[COL_TITLE] = report_text(r, &c->reqs[g->req].title);
        row[COL_STATUS] = lang_str(L, a, arena_printf(
            a, "status.req.%s", req_status_name(g->result->status)));
        row[COL_OWNER] = who ? who : lang_str(L, a, "plan.unassigned");
        row[COL_START] = lang_date_str(L, a, g->start);
        row[COL_DUE] = lang_date_str(L, a, g->due);
        row[COL_RISK] = g->at_risk ? lang_str(L, a, "cli.plan.at_risk")
                      : g->critical ? lang_str(L, a, "word.critical") : "";
    }
    fit(&t, width);
    print_rows(&t);
    if (pl->at_risk) {
        printf("\n%s\n", lang_str(L, a, "cli.plan.at_risk_head"));
        for (i = 0; i < pl->ngaps; i++)
            if (pl->gaps[i].at_risk)
                print_wrapped(arena_printf(a, "  %s: %s",
                                           c->reqs[pl->gaps[i].req].id,
                                           lang_msg(L, a, pl->gaps[i].risk)),
                              width, 4);
    }
    if (pl->overloads) {
        m = msg_new(a, "cli.plan.overload_head");
        msg_num(a, m, "capacity", pl->capacity_days);
        printf("\n");
        say(L, m, width, 2);
        for (i = 0; i < pl->nload; i++)
            if (pl->load[i].overloaded) {
                m = msg_new(a, "cli.plan.overload");
                msg_text(a, m, "owner", *pl->load[i].owner
                         ? pl->load[i].owner
                         : lang_str(L, a, "plan.unassigned"));
                msg_month(a, m, "month", pl->load[i].month);
                msg_num(a, m, "days", pl->load[i].days);
                print_wrapped(arena_printf(a, "  %s", lang_msg(L, a, m)),
                              width, 4);
            }
    }
    arena_free(a);
}

static int cmd_plan(int argc, char **argv)
{
    struct plan_args a;
    struct cg_errors errs = CG_ERRORS_INIT;
    struct cli_outputs out;
    struct outfile *o = NULL;
    struct session s;
    struct cli_ws ws;
    int rc = parse_args(argc, argv, &a), ok = 1;

    if (rc != 0)
        return rc < 0 ? EXIT_DONE : rc;
    memset(&ws, 0, sizeof ws);
    cli_outputs_init(&out);
    if (!session_load(&s, &a.so, &errs))
        goto done;
    cli_outputs_session(&out, &s);
    if (a.db) {
        if (!cli_ws_open(&ws, a.db, 0, &s, &errs))
            goto done;
        cli_outputs_input(&out, a.db);
    }
    if (a.format != FMT_TABLE &&
        !(o = cli_output_open(&out, a.out ? a.out : "-", &errs)))
        goto done;
    switch (a.format) {
    case FMT_CSV:
        ok = render_plan_csv(s.rep, a.bom, o, &errs);
        break;
    case FMT_JSON:
        ok = render_plan_json(s.rep, o, &errs);
        break;
    case FMT_XLSX: {
        struct xlsx_options xo;
        xo.when = cli_report_time();
        xo.author = NULL;
        ok = render_xlsx(s.rep, &xo, o, &errs);
        break;
    }
    default:
        print_table(s.rep);
        if (a.db)
            cli_ws_say_closed(a.lang, &ws);
        break;
    }
    if (!ok || !cli_outputs_commit(&out, &errs))
        goto done;
    if (a.out && strcmp(a.out, "-") != 0) {
        struct arena *ar = arena_new();
        struct msg *m = msg_new(ar, "cli.plan.wrote");
        msg_id(ar, m, "file", a.out);
        msg_int(ar, m, "gaps", (long long)s.rep->plan->ngaps);
        msg_int(ar, m, "at_risk", (long long)s.rep->plan->at_risk);
        cli_say(a.lang, m);
        arena_free(ar);
    }
done:
    cli_outputs_abort(&out);
    cli_ws_free(&ws);
    rc = cli_report_errors(&errs);
    session_free(&s);
    lang_free(a.lang);
    errors_free(&errs);
    return rc;
}
