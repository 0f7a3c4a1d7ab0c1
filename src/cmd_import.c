/*
 * cmd_import.c — `copcgap import ORGDIR --db W.db`: load and check the
 * organisation folder as assess does, and record its files (path, size,
 * rows, SHA-256) with the evidence register, the findings and every KPI
 * value, in one transaction: a bad file imports nothing.  The same files
 * again import nothing, and say so.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "copcgap/arena.h"
#include "copcgap/lang.h"
#include "copcgap/store.h"

static int cmd_import(int argc, char **argv);

const struct command command_import = {
    "import", "ORGDIR --db W.db [options]",
    "record the folder's files, registers and KPIs in a workspace",
    "Load and check the organisation folder ORGDIR as `assess` does, and\n"
    "record in the workspace W.db (created when absent) every input file\n"
    "with its path, size, rows and SHA-256, the evidence register, the\n"
    "findings and every KPI value (metrics.csv and those derived from the\n"
    "raw files; never the raw rows).  One transaction: a bad file imports\n"
    "nothing.  Files unchanged since the last import import nothing.\n"
    "\n"
    "      --db FILE          the workspace (docs/workspace.md)\n"
    "  -c, --catalog FILE     requirements catalogue (default: the shipped\n"
    "                         COPC-aligned catalogue)\n"
    "  -l, --lang CODE        language of the messages: en (default), es\n",
    cmd_import
};

int cmd_import(int argc, char **argv)
{
    enum { OPT_DB = 256 };
    static const struct option opts[] = {
        { "db", required_argument, NULL, OPT_DB },
        { "catalog", required_argument, NULL, 'c' },
        { "lang", required_argument, NULL, 'l' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 }
    };
    struct cg_errors errs = CG_ERRORS_INIT;
    struct session_opts so;
    struct session s;
    struct lang *L = NULL;
    struct store *db = NULL;
    struct run *run = NULL;
    const char *lang_code = "en", *path = NULL;
    int c, rc;

    memset(&so, 0, sizeof so);
    memset(&s, 0, sizeof s);
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":c:l:h", opts, NULL)) != -1) {
        switch (c) {
        case OPT_DB: path = optarg; break;
        case 'c': so.catalog = optarg; break;
        case 'l': lang_code = optarg; break;
        case 'h':
            cli_print_command_help(&command_import);
            return EXIT_DONE;
        case ':':
            return cli_usage_error(&command_import, "option '%s' needs a "
                                   "value", argv[optind - 1]);
        default:
            return cli_usage_error(&command_import, "unknown option '%s'",
                                   argv[optind - 1]);
        }
    }
    if (optind >= argc)
        return cli_usage_error(&command_import,
                               "no organisation folder given");
    if (optind + 1 < argc)
        return cli_usage_error(&command_import, "unexpected argument '%s'",
                               argv[optind + 1]);
    if (!path)
        return cli_usage_error(&command_import, "--db FILE is required: "
                               "the workspace to import into");
    if ((rc = cli_lang(&command_import, lang_code, &L)) != 0)
        return rc;
    so.orgdir = argv[optind];
    so.lang = L;
    so.inputs_only = 1;
    if (!session_load(&s, &so, &errs) ||
        !(db = store_open(path, STORE_CREATE, &errs)))
        goto done;
    run = run_inputs_from_report(s.rep, (long long)cli_report_time());
    rc = store_import(db, run, &errs);
    if (rc >= 0) {
        struct arena *a = arena_new();
        struct msg *m;
        if (rc == 1) {
            m = msg_new(a, "cli.import.done");
            msg_int(a, m, "files", (long long)run->in.nfiles);
            msg_id(a, m, "db", path);
            msg_int(a, m, "id", run->in.import_id);
            msg_int(a, m, "kpis", (long long)run->in.nkpis);
            msg_int(a, m, "evidence", (long long)run->in.nevidence);
            msg_int(a, m, "findings", (long long)run->in.nfindings);
        } else {
            m = msg_new(a, "cli.import.same");
            msg_int(a, m, "id", run->in.import_id);
            msg_text(a, m, "at", cli_when(L, a, store_import_time(
                db, run->in.import_id)));
        }
        cli_say(L, m);
        arena_free(a);
    }
done:
    rc = cli_report_errors(&errs);
    run_free(run);
    store_close(db);
    session_free(&s);
    lang_free(L);
    errors_free(&errs);
    return rc;
}
