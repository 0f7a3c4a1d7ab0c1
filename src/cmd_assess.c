/*
 * cmd_assess.c — `copcgap assess ORGDIR`: load, score, summarise, and
 * write the PDF / JSON reports asked for.
 *
 * Every input is loaded and checked before any output is opened, so bad
 * input (exit 3) never leaves a report file behind.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "copcgap/assess.h"
#include "copcgap/datadir.h"
#include "copcgap/arena.h"
#include "copcgap/lang.h"
#include "copcgap/plan.h"
#include "copcgap/render.h"
#include "copcgap/template.h"

static int cmd_assess(int argc, char **argv);

const struct command command_assess = {
    "assess", "ORGDIR [-o REPORT.pdf] [--json FILE] [options]",
    "score every requirement and write the assessment report",
    "Load the catalogue and the organisation folder ORGDIR, score every\n"
    "requirement, print a summary, and write the reports asked for.\n"
    "\n"
    "  -c, --catalog FILE     requirements catalogue (default: the shipped\n"
    "                         COPC-aligned catalogue)\n"
    "  -o, --output FILE      write the PDF report to FILE\n"
    "  -j, --json FILE        write the report model as JSON to FILE\n"
    "      --xlsx FILE        write the consultant's workbook to FILE\n"
    "                         (the same as plan -o FILE.xlsx)\n"
    "  -l, --lang CODE        language of the report and of this summary:\n"
    "                         en (default), es, or any templates/CODE.lang\n"
    "  -t, --template T       what the PDF holds and how it looks: auditor\n"
    "                         (the full record), consultant (default),\n"
    "                         executive (4 pages), or a template FILE\n"
    "      --db FILE          store this run in the workspace FILE (created\n"
    "                         when absent); the PDF then shows the progress\n"
    "                         since the last run (docs/workspace.md)\n"
    "      --fail-under V     exit 1 when the verdict is below V\n"
    "                         (ready or conditional)\n"
    "      --font-dir DIR     directory holding DejaVuSans.ttf\n"
    "                         (default $COPCGAP_FONT_DIR or the system's)\n"
    "\n"
    "Outputs are written to a temporary file and renamed: on any error\n"
    "no report file is written.\n",
    cmd_assess
};

struct assess_args {
    struct session_opts so;
    struct lang *lang;          /* owned */
    const char *lang_code;
    const char *pdf;
    const char *json;
    const char *xlsx;
    const char *font_dir;
    const char *template_name;
    const char *db;
    int fail_under;             /* -1 when not asked */
};

static int parse_args(int argc, char **argv, struct assess_args *a)
{
    enum { OPT_FAIL_UNDER = 256, OPT_FONT_DIR, OPT_XLSX, OPT_DB };
    static const struct option opts[] = {
        { "catalog", required_argument, NULL, 'c' },
        { "output", required_argument, NULL, 'o' },
        { "json", required_argument, NULL, 'j' },
        { "xlsx", required_argument, NULL, OPT_XLSX },
        { "lang", required_argument, NULL, 'l' },
        { "template", required_argument, NULL, 't' },
        { "fail-under", required_argument, NULL, OPT_FAIL_UNDER },
        { "font-dir", required_argument, NULL, OPT_FONT_DIR },
        { "db", required_argument, NULL, OPT_DB },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 }
    };
    int c;

    memset(a, 0, sizeof *a);
    a->lang_code = "en";
    a->template_name = "consultant";
    a->fail_under = -1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":c:o:j:l:t:h", opts, NULL)) != -1) {
        switch (c) {
        case 'c': a->so.catalog = optarg; break;
        case 'o': a->pdf = optarg; break;
        case 'j': a->json = optarg; break;
        case OPT_XLSX: a->xlsx = optarg; break;
        case 'l': a->lang_code = optarg; break;
        case 't': a->template_name = optarg; break;
        case OPT_FONT_DIR: a->font_dir = optarg; break;
        case OPT_DB: a->db = optarg; break;
        case OPT_FAIL_UNDER:
            a->fail_under = verdict_parse(optarg, strlen(optarg));
            if (a->fail_under != VERDICT_READY &&
                a->fail_under != VERDICT_CONDITIONAL)
                return cli_usage_error(&command_assess,
                                       "--fail-under takes ready "
                                       "or conditional, not '%s'", optarg);
            break;
        case 'h':
            cli_print_command_help(&command_assess);
            return -1;
        case ':':
            return cli_usage_error(&command_assess,
                                   "option '%s' needs a value",
                                   argv[optind - 1]);
        default:
            return cli_usage_error(&command_assess, "unknown option '%s'",
                                   argv[optind - 1]);
        }
    }
    if (optind >= argc)
        return cli_usage_error(&command_assess,
                               "no organisation folder given");
    if (optind + 1 < argc)
        return cli_usage_error(&command_assess, "unexpected argument '%s'",
                               argv[optind + 1]);
    a->so.orgdir = argv[optind];
    if ((c = cli_lang(&command_assess, a->lang_code, &a->lang)) != 0)
        return c;
    a->so.lang = a->lang;
    return 0;
}

static void print_summary(const struct report *r)
{
    const struct lang *L = r->lang;
    const struct profile *p = r->profile;
    const struct catalog *c = r->catalog;
    const struct plan *pl = r->plan;
    struct arena *a = arena_new();
    struct msg *m;
    size_t i;

    m = msg_new(a, "cli.summary.head");
    msg_text(a, m, "org", p->org_name);
    msg_id(a, m, "catalogue", c->id);
    msg_id(a, m, "version", c->version);
    msg_date(a, m, "as_of", p->as_of);
    cli_say(L, m);
    m = msg_new(a, "cli.summary.verdict");
    msg_key(a, m, "verdict", arena_printf(a, "verdict.%s",
                                          verdict_name(r->verdict)));
    msg_pct(a, m, "overall", r->overall);
    msg_num(a, m, "points", r->points);
    msg_num(a, m, "available", r->points_max);
    cli_say(L, m);
    if (r->verdict != VERDICT_READY && r->why.ncritical) {
        m = msg_new(a, "cli.summary.why");
        msg_int(a, m, "critical", (long long)r->why.ncritical);
        msg_key(a, m, "by_score", arena_printf(
            a, "verdict.%s", verdict_name(r->why.by_score)));
        cli_say(L, m);
    }
    m = msg_new(a, "cli.summary.counts");
    msg_int(a, m, "met", (long long)r->count[REQ_MET]);
    msg_int(a, m, "partial", (long long)r->count[REQ_PARTIAL]);
    msg_int(a, m, "not_met", (long long)r->count[REQ_NOT_MET]);
    msg_int(a, m, "not_evidenced", (long long)r->count[REQ_NOT_EVIDENCED]);
    msg_int(a, m, "na", (long long)r->count[REQ_NA]);
    cli_say(L, m);
    for (i = 0; i < c->ncategories; i++)
        if (r->cats[i].applicable_weight > 0) {
            struct strbuf sb = STRBUF_INIT;
            printf("  ");
            cli_cell(c->categories[i].id, 4);
            cli_cell(report_text(r, &c->categories[i].title), 34);
            lang_percent(L, r->cats[i].score, 1, &sb);
            printf("%7s  ", strbuf_cstr(&sb));
            strbuf_free(&sb);
            m = msg_new(a, "cli.summary.points");
            msg_num(a, m, "points", r->cats[i].points);
            msg_num(a, m, "available", r->cats[i].points_max);
            cli_say(L, m);
        }
    for (i = 0; i < r->why.nexclusions; i++) {
        cli_say(L, report_exclusion_msg(a, &r->why.exclusions[i]));
    }
    if (pl) {
        m = msg_new(a, "cli.summary.gaps");
        msg_int(a, m, "gaps", (long long)pl->ngaps);
        msg_int(a, m, "p1", (long long)pl->count[TIER_P1]);
        msg_int(a, m, "p2", (long long)pl->count[TIER_P2]);
        msg_int(a, m, "p3", (long long)pl->count[TIER_P3]);
        msg_int(a, m, "at_risk", (long long)pl->at_risk);
        cli_say(L, m);
    }
    arena_free(a);
}

static int cmd_assess(int argc, char **argv)
{
    struct assess_args a;
    struct cg_errors errs = CG_ERRORS_INIT;
    struct cli_outputs out;
    struct outfile *o;
    struct session s;
    struct report_template *tpl = NULL;
    struct cli_ws ws;
    int rc = parse_args(argc, argv, &a);

    if (rc != 0)
        return rc < 0 ? EXIT_DONE : rc;
    memset(&ws, 0, sizeof ws);
    cli_outputs_init(&out);
    /* The template is input too: checked, with everything else, before
     * anything is written. */
    if (a.pdf || a.xlsx)
        tpl = template_load(a.template_name, &errs);
    if (!session_load(&s, &a.so, &errs) || ((a.pdf || a.xlsx) && !tpl))
        goto done;
    cli_outputs_session(&out, &s);
    if (tpl) {
        cli_outputs_input(&out, tpl->file);
        cli_outputs_input(&out, tpl->logo);
    }
    /* The workspace is read (the last run, for the progress section)
     * before any output, and written with them. */
    if (a.db) {
        if (!cli_ws_open(&ws, a.db, 1, &s, &errs))
            goto done;
        /* Now that it exists: no output may replace it. */
        cli_outputs_input(&out, a.db);
    }
    /* All input is good: now, and only now, write outputs, all or none. */
    if (a.json && (!(o = cli_output_open(&out, a.json, &errs)) ||
                   !render_json(s.rep, o, &errs)))
        goto done;
    if (a.pdf) {
        struct pdf_options po;
        po.font_dir = datadir_fonts(a.font_dir);
        po.when = cli_report_time();
        po.tpl = tpl;
        if (!(o = cli_output_open(&out, a.pdf, &errs)) ||
            !render_pdf(s.rep, &po, o, &errs))
            goto done;
    }
    if (a.xlsx) {
        struct xlsx_options xo;
        xo.when = cli_report_time();
        /* The template's preparer signs the workbook as the PDF. */
        xo.author = tpl->preparer;
        if (!(o = cli_output_open(&out, a.xlsx, &errs)) ||
            !render_xlsx(s.rep, &xo, o, &errs))
            goto done;
    }
    /* The run is stored before the reports are renamed into place: both
     * are written by then, and a failing store leaves no report. */
    if (a.db && !cli_ws_store(&ws, &errs))
        goto done;
    if (!cli_outputs_commit(&out, &errs))
        goto done;
    print_summary(s.rep);
    if (a.pdf)
        cli_wrote(a.lang, a.pdf);
    if (a.json)
        cli_wrote(a.lang, a.json);
    if (a.xlsx)
        cli_wrote(a.lang, a.xlsx);
    if (a.db)
        cli_ws_say(a.lang, &ws);
done:
    cli_outputs_abort(&out);
    cli_ws_free(&ws);
    rc = cli_report_errors(&errs);
    if (rc == EXIT_DONE && s.rep && a.fail_under >= 0 &&
        !verdict_at_least(s.rep->verdict, (enum verdict)a.fail_under))
        rc = EXIT_BELOW;
    session_free(&s);
    template_free(tpl);
    lang_free(a.lang);
    errors_free(&errs);
    return rc;
}
