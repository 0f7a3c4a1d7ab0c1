/*
 * cmd_plan.c — `copcgap plan ORGDIR`: the ranked gap register and the
 * action plan, as a table on the terminal or exported as CSV, JSON or an
 * Excel workbook.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "copcgap/labels.h"
#include "copcgap/plan.h"
#include "copcgap/render.h"

static int cmd_plan(int argc, char **argv);

const struct command command_plan = {
    "plan", "ORGDIR [--format table|csv|json|xlsx] [-o FILE] [options]",
    "rank the gaps and schedule the action plan to the audit date",
    "Score the organisation as `assess` does, then print the ranked gap\n"
    "register and the action plan (SMART actions with owners and dates\n"
    "scheduled back from the target audit date), or export them.\n"
    "\n"
    "  -c, --catalog FILE     requirements catalogue (default: the shipped\n"
    "                         COPC-aligned catalogue)\n"
    "  -f, --format FORMAT    table (default), csv, json or xlsx\n"
    "  -o, --output FILE      write the export to FILE (the format follows\n"
    "                         the extension unless --format is given)\n"
    "  -l, --lang en|es       language of titles and actions\n"
    "      --capacity DAYS    planned working days per owner per month\n"
    "                         before a month is flagged overloaded\n"
    "                         (default 10)\n"
    "\n"
    "Tiers: P1 = critical or at-risk gaps and priority >= tier1-min;\n"
    "P2 = priority >= tier2-min; P3 = the rest (docs/plan.md).\n",
    cmd_plan
};

enum plan_format { FMT_TABLE, FMT_CSV, FMT_JSON, FMT_XLSX, FMT_COUNT };

static const char *const format_names[FMT_COUNT] = {
    "table", "csv", "json", "xlsx"
};

struct plan_args {
    struct session_opts so;
    int format;                 /* -1: from the output's extension */
    const char *out;
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
    enum { OPT_CAPACITY = 256 };
    static const struct option opts[] = {
        { "catalog", required_argument, NULL, 'c' },
        { "output", required_argument, NULL, 'o' },
        { "format", required_argument, NULL, 'f' },
        { "lang", required_argument, NULL, 'l' },
        { "capacity", required_argument, NULL, OPT_CAPACITY },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 }
    };
    int c, i;
    char *end;

    memset(a, 0, sizeof *a);
    a->so.lang = "en";
    a->format = -1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":c:o:f:l:h", opts, NULL)) != -1) {
        switch (c) {
        case 'c': a->so.catalog = optarg; break;
        case 'o': a->out = optarg; break;
        case 'l': a->so.lang = optarg; break;
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
    if (!labels_has_lang(a->so.lang))
        return cli_usage_error(&command_plan,
                               "--lang takes en or es, not '%s'",
                               a->so.lang);
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
    return 0;
}

static void print_table(const struct report *r)
{
    const struct plan *pl = r->plan;
    const struct catalog *c = r->catalog;
    char d1[DATE_BUF], d2[DATE_BUF];
    size_t i;

    date_format(pl->as_of, d1);
    printf("%s: gap register and action plan (data as of %s",
           r->profile->org_name, d1);
    if (pl->has_audit) {
        date_format(pl->audit, d2);
        printf(", target audit %s", d2);
    }
    printf(")\n");
    date_format(pl->feasible_audit, d2);
    printf("%zu gaps: %zu P1, %zu P2, %zu P3; %zu at risk; every gap could "
           "close by %s\n\n", pl->ngaps, pl->count[TIER_P1],
           pl->count[TIER_P2], pl->count[TIER_P3], pl->at_risk, d2);
    if (pl->ngaps == 0) {
        printf("No gaps: every applicable requirement is met.\n");
        return;
    }
    cli_cell("#", 3);
    cli_cell("Tier", 4);
    cli_cell("Prio", 6);
    cli_cell("Req", 8);
    cli_cell("Title", 34);
    cli_cell("Status", 13);
    cli_cell("Owner", 16);
    cli_cell("Start", 10);
    cli_cell("Due", 10);
    printf("Risk\n");
    for (i = 0; i < pl->ngaps; i++) {
        const struct gap *g = &pl->gaps[i];
        const struct requirement *req = &c->reqs[g->req];
        char rank[16], prio[32];
        snprintf(rank, sizeof rank, "%zu", g->rank);
        snprintf(prio, sizeof prio, "%.2f", g->priority);
        date_format(g->start, d1);
        date_format(g->due, d2);
        cli_cell(rank, 3);
        cli_cell(tier_name(g->tier), 4);
        cli_cell(prio, 6);
        cli_cell(req->id, 8);
        cli_cell(report_text(r, &req->title), 34);
        cli_cell(req_status_name(g->result->status), 13);
        cli_cell(g->owner ? g->owner : g->owner_role, 16);
        cli_cell(d1, 10);
        cli_cell(d2, 10);
        printf("%s\n", g->at_risk ? "AT RISK" : (g->critical ? "critical"
                                                             : ""));
    }
    if (pl->at_risk) {
        printf("\nAt risk:\n");
        for (i = 0; i < pl->ngaps; i++)
            if (pl->gaps[i].at_risk)
                printf("  %s: %s\n", c->reqs[pl->gaps[i].req].id,
                       pl->gaps[i].risk_reason);
    }
    if (pl->overloads) {
        printf("\nOwners over %.0f days of planned work in a month:\n",
               pl->capacity_days);
        for (i = 0; i < pl->nload; i++)
            if (pl->load[i].overloaded) {
                char m[MONTH_BUF];
                month_format(pl->load[i].month, m);
                printf("  %s, %s: %.1f days\n", pl->load[i].owner, m,
                       pl->load[i].days);
            }
    }
}

static int cmd_plan(int argc, char **argv)
{
    struct plan_args a;
    struct cg_errors errs = CG_ERRORS_INIT;
    struct cli_outputs out;
    struct outfile *o = NULL;
    struct session s;
    int rc = parse_args(argc, argv, &a), ok = 1;

    if (rc != 0)
        return rc < 0 ? EXIT_DONE : rc;
    cli_outputs_init(&out);
    if (!session_load(&s, &a.so, &errs))
        goto done;
    cli_outputs_session(&out, &s);
    if (a.format != FMT_TABLE &&
        !(o = cli_output_open(&out, a.out ? a.out : "-", &errs)))
        goto done;
    switch (a.format) {
    case FMT_CSV:
        ok = render_plan_csv(s.rep, o, &errs);
        break;
    case FMT_JSON:
        ok = render_plan_json(s.rep, o, &errs);
        break;
    case FMT_XLSX:
        ok = render_plan_xlsx(s.rep, o, &errs);
        break;
    default:
        print_table(s.rep);
        break;
    }
    if (!ok || !cli_outputs_commit(&out, &errs))
        goto done;
    if (a.out && strcmp(a.out, "-") != 0)
        printf("wrote %s (%zu gaps, %zu at risk)\n", a.out,
               s.rep->plan->ngaps, s.rep->plan->at_risk);
done:
    cli_outputs_abort(&out);
    rc = cli_report_errors(&errs);
    session_free(&s);
    errors_free(&errs);
    return rc;
}
