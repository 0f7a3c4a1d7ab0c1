/*
 * cli_workspace.c — what the commands share about --db (docs/workspace.md):
 * opening the workspace, the snapshot of this run and the diff from the
 * last stored one (the reports' progress section), storing the run, and
 * the lines that say so.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "copcgap/arena.h"
#include "copcgap/lang.h"
#include "copcgap/store.h"

const char *cli_when(const struct lang *L, struct arena *a, long long at)
{
    time_t t = (time_t)at;
    struct tm tm;

    if (!gmtime_r(&t, &tm))
        return "?";
    return arena_printf(a, "%s %02d:%02d",
                        lang_date_str(L, a, date_from_ymd(
                            tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday)),
                        tm.tm_hour, tm.tm_min);
}

int cli_ws_open(struct cli_ws *w, const char *path, int create,
                struct session *s, struct cg_errors *errs)
{
    struct run **runs = NULL;
    size_t n = 0, i;
    long long last;
    size_t got;

    memset(w, 0, sizeof *w);
    w->path = path;
    w->db = store_open(path, create ? STORE_CREATE : STORE_READ, errs);
    if (!w->db)
        return 0;
    w->cur = run_from_report(s->rep, (long long)cli_report_time());
    if (!store_last_run_ids(w->db, &last, 1, &got, errs))
        return 0;
    if (!got)
        return 1;
    if (!(w->prev = store_load_run(w->db, last, errs)))
        return 0;
    w->diff = run_diff(w->prev, w->cur);
    if (!store_list_runs(w->db, &runs, &n, errs))
        return 0;
    w->points = xcalloc(n + 1, sizeof *w->points);
    for (i = 0; i < n; i++) {
        w->points[i].id = runs[i]->id;
        w->points[i].at = runs[i]->at;
        w->points[i].as_of = runs[i]->as_of;
        w->points[i].overall = runs[i]->overall;
        w->points[i].verdict = runs[i]->verdict;
        run_free(runs[i]);
    }
    free(runs);
    /* This run, last: not stored yet, so without an id. */
    w->points[n].at = w->cur->at;
    w->points[n].as_of = w->cur->as_of;
    w->points[n].overall = w->cur->overall;
    w->points[n].verdict = w->cur->verdict;
    w->npoints = n + 1;
    w->progress.diff = w->diff;
    w->progress.points = w->points;
    w->progress.npoints = w->npoints;
    s->rep->progress = &w->progress;
    w->report = s->rep;
    return 1;
}

int cli_ws_store(struct cli_ws *w, struct cg_errors *errs)
{
    return store_add_run(w->db, w->cur, errs);
}

void cli_ws_say(const struct lang *L, const struct cli_ws *w)
{
    struct arena *a = arena_new();
    struct msg *m;

    if (w->cur->id) {
        m = msg_new(a, "cli.run.stored");
        msg_int(a, m, "id", w->cur->id);
        msg_id(a, m, "db", w->path);
        cli_say(L, m);
    }
    if (w->diff) {
        m = msg_new(a, "cli.run.since");
        msg_int(a, m, "id", w->prev->id);
        msg_text(a, m, "at", cli_when(L, a, w->prev->at));
        msg_pct(a, m, "from", w->prev->overall);
        msg_pct(a, m, "to", w->cur->overall);
        msg_num(a, m, "delta", (w->cur->overall - w->prev->overall) * 100);
        msg_int(a, m, "closed", (long long)w->diff->count[CHANGE_CLOSED]);
        msg_int(a, m, "opened", (long long)w->diff->count[CHANGE_OPENED]);
        cli_say(L, m);
    }
    arena_free(a);
}

/* The last stored run's actions (its gaps) that have closed since. */
void cli_ws_say_closed(const struct lang *L, const struct cli_ws *w)
{
    struct arena *a = arena_new();
    struct msg *m, *list = NULL;
    size_t i, n = 0;

    if (!w->diff) {
        arena_free(a);
        return;
    }
    for (i = 0; i < w->diff->nreqs; i++)
        if (w->diff->reqs[i].kind == CHANGE_CLOSED) {
            struct msg *one = msg_new(a, "cli.plan.closed.one");
            msg_id(a, one, "req", w->diff->reqs[i].b->id);
            if (!list)
                list = msg_new(a, "cli.plan.closed");
            msg_append(a, list, "reqs", one);
            n++;
        }
    m = list ? list : msg_new(a, "cli.plan.closed.none");
    msg_int(a, m, "id", w->prev->id);
    msg_text(a, m, "at", cli_when(L, a, w->prev->at));
    msg_int(a, m, "n", (long long)n);
    cli_say(L, m);
    arena_free(a);
}

void cli_ws_free(struct cli_ws *w)
{
    if (w->report)
        w->report->progress = NULL;
    run_diff_free(w->diff);
    run_free(w->prev);
    run_free(w->cur);
    free(w->points);
    store_close(w->db);
    memset(w, 0, sizeof *w);
}

/* history and diff: --db, --format, -o, --lang. */
int cli_ws_args(const struct command *cmd, int argc, char **argv,
                struct cli_ws_args *a)
{
    enum { OPT_DB = 256 };
    static const struct option opts[] = {
        { "db", required_argument, NULL, OPT_DB },
        { "format", required_argument, NULL, 'f' },
        { "output", required_argument, NULL, 'o' },
        { "lang", required_argument, NULL, 'l' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 }
    };
    const char *lang_code = "en";
    int c;

    memset(a, 0, sizeof *a);
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":f:o:l:h", opts, NULL)) != -1) {
        switch (c) {
        case OPT_DB: a->db = optarg; break;
        case 'o': a->out = optarg; break;
        case 'l': lang_code = optarg; break;
        case 'f':
            if (strcmp(optarg, "table") == 0)
                a->format = 0;
            else if (strcmp(optarg, "json") == 0)
                a->format = 1;
            else if (strcmp(optarg, "csv") == 0)
                a->format = 2;
            else
                return cli_usage_error(cmd, "--format takes table, json or "
                                       "csv, not '%s'", optarg);
            break;
        case 'h':
            cli_print_command_help(cmd);
            return -1;
        case ':':
            return cli_usage_error(cmd, "option '%s' needs a value",
                                   argv[optind - 1]);
        default:
            return cli_usage_error(cmd, "unknown option '%s'",
                                   argv[optind - 1]);
        }
    }
    if (!a->db)
        return cli_db_missing(cmd);
    if (a->out && a->format == 0)
        return cli_usage_error(cmd, "-o writes JSON or CSV: give --format");
    a->argc = argc - optind;
    a->argv = argv + optind;
    return cli_lang(cmd, lang_code, &a->lang);
}

int cli_db_missing(const struct command *c)
{
    return cli_usage_error(c, "--db FILE is required: the workspace to "
                              "read");
}
