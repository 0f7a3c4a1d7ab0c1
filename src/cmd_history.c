/*
 * cmd_history.c — `copcgap history --db W.db`: the runs a workspace
 * holds, oldest first: when, data as of, verdict, overall score, gaps by
 * tier and at risk; or the same as JSON or CSV.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "copcgap/arena.h"
#include "copcgap/lang.h"
#include "copcgap/render.h"
#include "copcgap/store.h"

static int cmd_history(int argc, char **argv);

const struct command command_history = {
    "history", "--db W.db [--format table|json|csv] [-o FILE]",
    "list the assessment runs a workspace holds",
    "List the runs stored in the workspace W.db by `assess --db`, oldest\n"
    "first: when each ran, its data's as-of date, verdict, overall score,\n"
    "gaps by tier and gaps at risk.\n"
    "\n"
    "      --db FILE          the workspace (docs/workspace.md)\n"
    "  -f, --format FORMAT    table (default), json or csv\n"
    "  -o, --output FILE      write the JSON or CSV to FILE\n"
    "  -l, --lang CODE        language of the table: en (default), es\n",
    cmd_history
};

static void print_table(const struct lang *L, struct run *const *runs,
                        size_t n)
{
    struct arena *a = arena_new();
    size_t i;

    printf("%5s  ", lang_str(L, a, "cli.history.col.run"));
    cli_cell(lang_str(L, a, "cli.history.col.at"), 18);
    cli_cell(lang_str(L, a, "cli.history.col.as_of"), 12);
    cli_cell(lang_str(L, a, "cli.history.col.verdict"), 14);
    printf("%8s %6s %4s %4s %4s %8s\n",
           lang_str(L, a, "cli.history.col.overall"),
           lang_str(L, a, "cli.history.col.gaps"), "P1", "P2", "P3",
           lang_str(L, a, "cli.history.col.at_risk"));
    for (i = 0; i < n; i++) {
        const struct run *r = runs[i];
        printf("%5lld  ", r->id);
        cli_cell(cli_when(L, a, r->at), 18);
        cli_cell(lang_date_str(L, a, r->as_of), 12);
        cli_cell(lang_str(L, a, arena_printf(a, "verdict.%s",
                                             verdict_name(r->verdict))), 14);
        printf("%8s %6zu %4zu %4zu %4zu %8zu\n",
               lang_pct_str(L, a, r->overall), r->ngaps, r->tiers[1],
               r->tiers[2], r->tiers[3], r->at_risk);
    }
    arena_free(a);
}

static int cmd_history(int argc, char **argv)
{
    struct cg_errors errs = CG_ERRORS_INIT;
    struct cli_ws_args a;
    struct cli_outputs out;
    struct outfile *o;
    struct store *db = NULL;
    struct run **runs = NULL;
    size_t n = 0, i;
    int rc = cli_ws_args(&command_history, argc, argv, &a);

    if (rc != 0)
        return rc < 0 ? EXIT_DONE : rc;
    cli_outputs_init(&out);
    if (a.argc > 0) {
        rc = cli_usage_error(&command_history, "unexpected argument '%s'",
                             a.argv[0]);
        goto free_lang;
    }
    cli_outputs_input(&out, a.db);
    if (!(db = store_open(a.db, STORE_READ, &errs)) ||
        !store_list_runs(db, &runs, &n, &errs))
        goto done;
    if (a.format) {
        if (!(o = cli_output_open(&out, a.out ? a.out : "-", &errs)) ||
            !render_history(runs, n, a.format == 2, o, &errs) ||
            !cli_outputs_commit(&out, &errs))
            goto done;
        if (a.out)
            cli_wrote(a.lang, a.out);
    } else if (n == 0) {
        struct arena *ar = arena_new();
        struct msg *m = msg_new(ar, "cli.history.empty");
        msg_id(ar, m, "db", a.db);
        cli_say(a.lang, m);
        arena_free(ar);
    } else {
        print_table(a.lang, runs, n);
    }
done:
    cli_outputs_abort(&out);
    rc = cli_report_errors(&errs);
    for (i = 0; i < n; i++)
        run_free(runs[i]);
    free(runs);
    store_close(db);
    errors_free(&errs);
free_lang:
    lang_free(a.lang);
    return rc;
}
