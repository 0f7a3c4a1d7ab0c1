/*
 * cmd_kpi.c — `copcgap kpi ORGDIR [-o FILE]`: load and check the whole
 * organisation folder, and print the KPIs derived from its raw files in
 * the metrics.csv format (docs/inputs.md, "Output of copcgap kpi").
 *
 * Everything is read and checked before any output is opened, so bad
 * input (exit 3) never leaves a file behind; -o writes atomically.  On a
 * terminal, reading a large file shows a progress line on stderr.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "copcgap/catalog.h"
#include "copcgap/csv_write.h"
#include "copcgap/datadir.h"
#include "copcgap/outfile.h"
#include "copcgap/profile.h"
#include "copcgap/load.h"

static int cmd_kpi(int argc, char **argv);

const struct command command_kpi = {
    "kpi", "ORGDIR [-o FILE] [-c CATALOG] [--bom]",
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
    "      --bom              start the CSV with a UTF-8 byte-order mark,\n"
    "                         so that Excel on Windows reads accents right\n"
    "                         (metrics.csv accepts it)\n"
    "\n"
    "Bad rows are reported as FILE:LINE:COL: message (the first 20) with\n"
    "exit status 3.  When stderr is a terminal, reading a file larger\n"
    "than 64 MB shows a progress line.  Formulas: docs/kpis.md.\n",
    cmd_kpi
};

struct kpi_args {
    const char *orgdir;
    const char *output;
    const char *catalog;
    int bom;
};

static int parse_args(int argc, char **argv, struct kpi_args *a)
{
    enum { OPT_BOM = 256 };
    static const struct option opts[] = {
        { "output", required_argument, NULL, 'o' },
        { "catalog", required_argument, NULL, 'c' },
        { "bom", no_argument, NULL, OPT_BOM },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 }
    };
    int c;

    memset(a, 0, sizeof *a);
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:c:h", opts, NULL)) != -1) {
        switch (c) {
        case 'o': a->output = optarg; break;
        case 'c': a->catalog = optarg; break;
        case OPT_BOM: a->bom = 1; break;
        case 'h':
            cli_print_command_help(&command_kpi);
            return -1;
        case ':':
            return cli_usage_error(&command_kpi, "option '%s' needs a value",
                                   argv[optind - 1]);
        default:
            return cli_usage_error(&command_kpi, "unknown option '%s'",
                                   argv[optind - 1]);
        }
    }
    if (optind >= argc)
        return cli_usage_error(&command_kpi, "no organisation folder given");
    if (optind + 1 < argc)
        return cli_usage_error(&command_kpi, "unexpected argument '%s'",
                               argv[optind + 1]);
    a->orgdir = argv[optind];
    return 0;
}

/* 1 when ORGDIR holds a file whose checks need a catalogue. */
static int needs_catalog(const char *orgdir)
{
    static const char *const files[] = {
        "evidence.csv", "findings.csv", "metrics.csv"
    };
    struct strbuf sb = STRBUF_INIT;
    size_t i;
    int found = 0;

    for (i = 0; i < ARRAY_LEN(files) && !found; i++) {
        strbuf_truncate(&sb, 0);
        strbuf_printf(&sb, "%s/%s", orgdir, files[i]);
        found = access(sb.buf, F_OK) == 0;
    }
    strbuf_free(&sb);
    return found;
}

/*
 * The catalogue checks evidence and findings ids and declares extra
 * metric names.  Asked for: it must load.  Not asked for: the shipped
 * one when installed and the folder has files that need it; else none
 * (a folder of raw data needs none, and is not slowed by parsing one).
 */
static struct catalog *load_catalog(const struct kpi_args *a, int *ok,
                                    struct cg_errors *errs)
{
    struct catalog *c = NULL;
    char *path = NULL;

    *ok = 1;
    if (a->catalog)
        path = xstrdup(a->catalog);
    else if (needs_catalog(a->orgdir))
        path = datadir_find(DEFAULT_CATALOG, "standards");
    if (path) {
        c = catalog_load(path, errs);
        *ok = c != NULL;
    }
    free(path);
    return c;
}

/* The derived entries (line 0), sorted, as CSV. */
static void write_derived(const struct orgdata *o, const struct profile *p,
                          struct strbuf *out)
{
    size_t n, i, k = 0;
    const struct kpi_entry **v = kpi_store_sorted(o->kpis, p, &n);

    for (i = 0; i < n; i++)
        if (v[i]->line == 0)
            v[k++] = v[i];
    kpi_write_entries(v, k, p, out);
    free(v);
}

static int cmd_kpi(int argc, char **argv)
{
    struct kpi_args a;
    struct cg_errors errs = CG_ERRORS_INIT;
    struct kpi_progress progress;
    struct cli_outputs outs;
    struct outfile *o;
    struct strbuf path = STRBUF_INIT, out = STRBUF_INIT;
    struct profile *prof = NULL;
    struct catalog *cat = NULL;
    struct orgdata *org = NULL;
    int rc = parse_args(argc, argv, &a), cat_ok;
    size_t i;

    if (rc != 0)
        return rc < 0 ? EXIT_DONE : rc;
    cli_outputs_init(&outs);
    cli_progress_init(&progress);

    strbuf_printf(&path, "%s/profile.xml", a.orgdir);
    prof = profile_load(path.buf, &errs);
    cat = load_catalog(&a, &cat_ok, &errs);
    if (!prof || !cat_ok)
        goto done;
    /* No digests: kpi prints KPIs only, and hashing would cost it a
     * third of its time on large raw files. */
    org = org_load(a.orgdir, prof, cat, &progress, 0, &errs);
    cli_progress_done();
    if (!org)
        goto done;

    /* All input is good: now, and only now, write the output (never over
     * one of the files just read). */
    if (a.bom)
        csv_write_bom(&out);
    write_derived(org, prof, &out);
    cli_outputs_input(&outs, prof->path);
    if (cat)
        cli_outputs_input(&outs, cat->path);
    for (i = 0; i < org->nfiles; i++)
        cli_outputs_input(&outs, org->files[i]);
    if (!(o = cli_output_open(&outs, a.output ? a.output : "-", &errs)) ||
        !outfile_write(o, out.buf, out.len, &errs) ||
        !cli_outputs_commit(&outs, &errs))
        goto done;
    if (a.output && strcmp(a.output, "-") != 0)
        printf("wrote %s\n", a.output);
done:
    cli_outputs_abort(&outs);
    rc = cli_report_errors(&errs);
    org_free(org);
    catalog_free(cat);
    profile_free(prof);
    strbuf_free(&path);
    strbuf_free(&out);
    errors_free(&errs);
    return rc;
}
