/*
 * main.c — copcgap's entry point: one command table drives dispatch and
 * help (git-style), each command lives in its own cmd_*.c.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "copcgap/xmlsafe.h"

const struct command commands[] = {
    { "validate", "FILE...",
      "check catalogue and profile files (schema and cross-references)",
      "Validate each FILE: a requirements catalogue (root <catalog>) or an\n"
      "organisation profile (root <profile>). Prints one summary line per\n"
      "valid file on stdout; located errors (FILE:LINE: message) on stderr.\n"
      "Exit status 3 when any file is invalid.\n",
      cmd_validate },
    { "kpi", "ORGDIR [-o FILE] [-c CATALOG]",
      "derive monthly KPIs from the raw data files, as metrics.csv rows",
      "Load the organisation folder ORGDIR and check all of it (profile,\n"
      "evidence.csv, findings.csv, metrics.csv and the raw files), then\n"
      "derive each program's monthly KPIs from the raw files found in\n"
      "ORGDIR or ORGDIR/data: contacts.csv, qa.csv, surveys.csv,\n"
      "forecast.csv and staff.csv.  Prints them as CSV with the header\n"
      "program,metric,period,value,n, sorted by program, metric and\n"
      "period: the format metrics.csv accepts.\n"
      "\n"
      "  -o, --output FILE      write the CSV to FILE instead of stdout\n"
      "                         (atomically: nothing is written on error)\n"
      "  -c, --catalog FILE     catalogue that checks the requirement ids of\n"
      "                         evidence.csv and findings.csv and declares\n"
      "                         extra metric names (default: the shipped\n"
      "                         catalogue when installed)\n"
      "\n"
      "Bad rows are reported as FILE:LINE:COL: message (the first 20) with\n"
      "exit status 3.  When stderr is a terminal, reading a file larger\n"
      "than 64 MB shows a progress line.  Formulas: docs/kpis.md.\n",
      cmd_kpi },
    { "assess", "ORGDIR [-o REPORT.pdf] [--json FILE] [options]",
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
      cmd_assess },
    { "plan", "ORGDIR [--format table|csv|json|xlsx] [-o FILE] [options]",
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
      cmd_plan },
    { NULL, NULL, NULL, NULL, NULL }
};

static void print_usage(FILE *fp)
{
    const struct command *c;

    fprintf(fp, "usage: copcgap <command> [options] [args]\n"
                "       copcgap --help | --version\n\ncommands:\n");
    for (c = commands; c->name; c++)
        fprintf(fp, "  %-10s %s\n", c->name, c->summary);
    fprintf(fp, "\nRun 'copcgap <command> --help' for a command's options.\n"
                "Exit status: 0 done, 1 verdict below --fail-under, "
                "2 usage, 3 bad input, 4 I/O or internal error.\n");
}

const struct command *cli_find_command(const char *name)
{
    const struct command *c;
    for (c = commands; c->name; c++)
        if (strcmp(c->name, name) == 0)
            return c;
    return NULL;
}

void cli_print_command_help(const struct command *c)
{
    printf("usage: copcgap %s %s\n\n%s", c->name, c->args, c->help);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    const struct command *c = cmd ? cli_find_command(cmd) : NULL;
    va_list ap;

    fprintf(stderr, "copcgap: ");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    if (c)
        fprintf(stderr, "usage: copcgap %s %s\n", c->name, c->args);
    else
        print_usage(stderr);
    return EXIT_USAGE;
}

int cli_report_errors(const struct cg_errors *errs)
{
    struct strbuf sb = STRBUF_INIT;
    size_t i;

    for (i = 0; i < errs->n; i++) {
        strbuf_truncate(&sb, 0);
        error_format(&errs->v[i], &sb);
        fprintf(stderr, "%s\n", strbuf_cstr(&sb));
    }
    if (errs->more)
        fprintf(stderr, "copcgap: %zu more error%s not shown\n", errs->more,
                errs->more == 1 ? "" : "s");
    strbuf_free(&sb);
    switch (errors_worst(errs)) {
    case CG_ERR_INPUT: return EXIT_INPUT;
    case CG_ERR_IO:
    case CG_ERR_INTERNAL: return EXIT_IO;
    default: return EXIT_DONE;
    }
}

int main(int argc, char **argv)
{
    const struct command *c;
    int rc;

    if (argc < 2) {
        print_usage(stderr);
        return EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        if (argc > 2 && (c = cli_find_command(argv[2]))) {
            cli_print_command_help(c);
            return EXIT_DONE;
        }
        print_usage(stdout);
        return EXIT_DONE;
    }
    if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
        printf("copcgap %s\n", COPCGAP_VERSION);
        return EXIT_DONE;
    }
    if (argv[1][0] == '-')
        return cli_usage_error(NULL, "unknown option '%s'", argv[1]);
    c = cli_find_command(argv[1]);
    if (!c)
        return cli_usage_error(NULL, "unknown command '%s'", argv[1]);
    rc = c->run(argc - 1, argv + 1);
    xml_cleanup();
    return rc;
}
