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
#include "copcgap/labels.h"
#include "copcgap/plan.h"
#include "copcgap/render.h"

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
    "  -l, --lang en|es       report language (default en)\n"
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
    const char *pdf;
    const char *json;
    const char *font_dir;
    int fail_under;             /* -1 when not asked */
};

static int parse_args(int argc, char **argv, struct assess_args *a)
{
    enum { OPT_FAIL_UNDER = 256, OPT_FONT_DIR };
    static const struct option opts[] = {
        { "catalog", required_argument, NULL, 'c' },
        { "output", required_argument, NULL, 'o' },
        { "json", required_argument, NULL, 'j' },
        { "lang", required_argument, NULL, 'l' },
        { "fail-under", required_argument, NULL, OPT_FAIL_UNDER },
        { "font-dir", required_argument, NULL, OPT_FONT_DIR },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 }
    };
    int c;

    memset(a, 0, sizeof *a);
    a->so.lang = "en";
    a->fail_under = -1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":c:o:j:l:h", opts, NULL)) != -1) {
        switch (c) {
        case 'c': a->so.catalog = optarg; break;
        case 'o': a->pdf = optarg; break;
        case 'j': a->json = optarg; break;
        case 'l': a->so.lang = optarg; break;
        case OPT_FONT_DIR: a->font_dir = optarg; break;
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
    if (!labels_has_lang(a->so.lang))
        return cli_usage_error(&command_assess,
                               "--lang takes en or es, not '%s'",
                               a->so.lang);
    if (optind >= argc)
        return cli_usage_error(&command_assess,
                               "no organisation folder given");
    if (optind + 1 < argc)
        return cli_usage_error(&command_assess, "unexpected argument '%s'",
                               argv[optind + 1]);
    a->so.orgdir = argv[optind];
    return 0;
}

static void print_summary(const struct report *r)
{
    const struct profile *p = r->profile;
    const struct catalog *c = r->catalog;
    const struct plan *pl = r->plan;
    char d[DATE_BUF];
    size_t i;

    date_format(p->as_of, d);
    printf("%s: catalogue %s %s, data as of %s\n", p->org_name, c->id,
           c->version, d);
    printf("verdict: %s, overall score %.1f %%\n", verdict_name(r->verdict),
           r->overall * 100.0);
    printf("requirements: %zu met, %zu partial, %zu not met, "
           "%zu not evidenced, %zu n/a\n", r->count[REQ_MET],
           r->count[REQ_PARTIAL], r->count[REQ_NOT_MET],
           r->count[REQ_NOT_EVIDENCED], r->count[REQ_NA]);
    for (i = 0; i < c->ncategories; i++)
        if (r->cats[i].applicable_weight > 0) {
            printf("  ");
            cli_cell(c->categories[i].id, 4);
            cli_cell(report_text(r, &c->categories[i].title), 34);
            printf("%5.1f %%\n", r->cats[i].score * 100.0);
        }
    if (pl)
        printf("gaps: %zu (P1 %zu, P2 %zu, P3 %zu), %zu at risk\n", pl->ngaps,
               pl->count[TIER_P1], pl->count[TIER_P2], pl->count[TIER_P3],
               pl->at_risk);
}

static int cmd_assess(int argc, char **argv)
{
    struct assess_args a;
    struct cg_errors errs = CG_ERRORS_INIT;
    struct cli_outputs out;
    struct outfile *o;
    struct session s;
    int rc = parse_args(argc, argv, &a);

    if (rc != 0)
        return rc < 0 ? EXIT_DONE : rc;
    cli_outputs_init(&out);
    if (!session_load(&s, &a.so, &errs))
        goto done;
    cli_outputs_session(&out, &s);
    /* All input is good: now, and only now, write outputs, all or none. */
    if (a.json && (!(o = cli_output_open(&out, a.json, &errs)) ||
                   !render_json(s.rep, o, &errs)))
        goto done;
    if (a.pdf) {
        struct pdf_options po;
        po.font_dir = datadir_fonts(a.font_dir);
        po.when = cli_report_time();
        if (!(o = cli_output_open(&out, a.pdf, &errs)) ||
            !render_pdf(s.rep, &po, o, &errs))
            goto done;
    }
    if (!cli_outputs_commit(&out, &errs))
        goto done;
    print_summary(s.rep);
    if (a.pdf)
        printf("wrote %s\n", a.pdf);
    if (a.json)
        printf("wrote %s\n", a.json);
done:
    cli_outputs_abort(&out);
    rc = cli_report_errors(&errs);
    if (rc == EXIT_DONE && s.rep && a.fail_under >= 0 &&
        !verdict_at_least(s.rep->verdict, (enum verdict)a.fail_under))
        rc = EXIT_BELOW;
    session_free(&s);
    errors_free(&errs);
    return rc;
}
