/*
 * cmd_diff.c — `copcgap diff --db W.db [RUN_A] [RUN_B]`: what changed
 * between two stored runs (default: the last two) and why: the inputs
 * that changed, the verdict and overall score, each category's score,
 * every requirement whose status or score changed, and under each the
 * rules that changed with their causes (the KPI months, evidence rows
 * and findings that changed, and the rule's trace before and after).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "copcgap/arena.h"
#include "copcgap/lang.h"
#include "copcgap/render.h"
#include "copcgap/store.h"

static int cmd_diff(int argc, char **argv);

const struct command command_diff = {
    "diff", "--db W.db [RUN_A] [RUN_B] [--format table|json|csv]",
    "what changed between two assessment runs, and why",
    "Compare two runs stored in the workspace W.db (default: the last\n"
    "two; one RUN: that run and the last).  Names the inputs that\n"
    "changed, the verdict and overall score before and after, each\n"
    "category's score delta, the gaps that closed and opened, every other\n"
    "status or score change, and for each the rules that changed with\n"
    "their cause: which KPI month, evidence row or finding changed, and\n"
    "the rule's trace before and after.  Runs are numbered as `history`\n"
    "lists them.\n"
    "\n"
    "      --db FILE          the workspace (docs/workspace.md)\n"
    "  -f, --format FORMAT    table (default), json or csv\n"
    "  -o, --output FILE      write the JSON or CSV to FILE\n"
    "  -l, --lang CODE        language of the text: en (default), es\n",
    cmd_diff
};

static void say(const struct lang *L, const char *indent,
                const struct msg *m)
{
    fputs(indent, stdout);
    cli_say(L, m);
}

static struct msg *state_msg(struct arena *a, const char *key,
                             const struct req_change *c)
{
    const struct run_req *q = c->b ? c->b : c->a;
    struct msg *m = msg_new(a, key);
    msg_id(a, m, "req", q->id);
    if (q->critical)
        msg_int(a, m, "critical", 1);
    if (c->a) {
        msg_key(a, m, "from", arena_printf(a, "status.req.%s",
                                           req_status_name(c->a->status)));
        msg_pct(a, m, "from_score", c->a->score);
    }
    if (c->b) {
        msg_key(a, m, "to", arena_printf(a, "status.req.%s",
                                         req_status_name(c->b->status)));
        msg_pct(a, m, "to_score", c->b->score);
    }
    return m;
}

static void print_rule(const struct lang *L, struct arena *a,
                       const struct rule_change *rc)
{
    const struct run_rule *r = rc->b ? rc->b : rc->a;
    struct msg *m = msg_new(a, "cli.diff.rule");
    size_t i;

    msg_id(a, m, "rule", r->id);
    msg_key(a, m, "type", arena_printf(a, "rule.type.%s", r->type));
    if (r->metric)
        msg_id(a, m, "metric", r->metric);
    if (rc->a)
        msg_key(a, m, "from", arena_printf(a, "status.rule.%s",
                                           rule_status_name(rc->a->status)));
    if (rc->b)
        msg_key(a, m, "to", arena_printf(a, "status.rule.%s",
                                         rule_status_name(rc->b->status)));
    say(L, "    ", m);
    for (i = 0; i < rc->ncauses; i++)
        say(L, "      ", rc->causes[i]);
}

static void print_diff(const struct lang *L, const struct run_diff *d)
{
    struct arena *a = arena_new();
    struct msg *m;
    size_t i, j;

    m = msg_new(a, "cli.diff.head");
    msg_int(a, m, "a", d->a->id);
    msg_text(a, m, "a_at", cli_when(L, a, d->a->at));
    msg_date(a, m, "a_as_of", d->a->as_of);
    msg_int(a, m, "b", d->b->id);
    msg_text(a, m, "b_at", cli_when(L, a, d->b->at));
    msg_date(a, m, "b_as_of", d->b->as_of);
    cli_say(L, m);
    m = msg_new(a, "cli.diff.verdict");
    msg_key(a, m, "from", arena_printf(a, "verdict.%s",
                                       verdict_name(d->a->verdict)));
    msg_key(a, m, "to", arena_printf(a, "verdict.%s",
                                     verdict_name(d->b->verdict)));
    msg_pct(a, m, "from_score", d->a->overall);
    msg_pct(a, m, "to_score", d->b->overall);
    msg_num(a, m, "delta", (d->b->overall - d->a->overall) * 100);
    cli_say(L, m);
    if (d->ninputs) {
        cli_say(L, msg_new(a, "cli.diff.inputs"));
        for (i = 0; i < d->ninputs; i++)
            say(L, "  ", d->inputs[i]);
    } else {
        cli_say(L, msg_new(a, "cli.diff.inputs.same"));
    }
    cli_say(L, msg_new(a, "cli.diff.categories"));
    for (i = 0; i < d->ncats; i++) {
        const struct cat_change *c = &d->cats[i];
        if (!c->a || !c->b)
            continue;
        printf("  ");
        cli_cell(c->id, 4);
        m = msg_new(a, "cli.diff.category");
        msg_pct(a, m, "from", c->a->score);
        msg_pct(a, m, "to", c->b->score);
        msg_num(a, m, "delta", (c->b->score - c->a->score) * 100);
        cli_say(L, m);
    }
    m = msg_new(a, "cli.diff.counts");
    msg_int(a, m, "closed", (long long)d->count[CHANGE_CLOSED]);
    msg_int(a, m, "opened", (long long)d->count[CHANGE_OPENED]);
    msg_int(a, m, "status", (long long)d->count[CHANGE_STATUS]);
    msg_int(a, m, "score", (long long)d->count[CHANGE_SCORE]);
    cli_say(L, m);
    if (!d->nreqs)
        cli_say(L, msg_new(a, "cli.diff.none"));
    for (i = 0; i < d->nreqs; i++) {
        const struct req_change *c = &d->reqs[i];
        printf("  ");
        cli_cell(lang_str(L, a, arena_printf(a, "change.%s",
                                             change_kind_name(c->kind))), 9);
        cli_say(L, state_msg(a, c->kind == CHANGE_ADDED ? "cli.diff.req.added"
                                : c->kind == CHANGE_REMOVED
                                ? "cli.diff.req.removed" : "cli.diff.req",
                             c));
        for (j = 0; j < c->nrules; j++)
            print_rule(L, a, &c->rules[j]);
    }
    arena_free(a);
}

/* A run number from the command line: 1, or 0 after a usage error. */
static int run_id(const char *s, long long *out)
{
    char *end;
    errno = 0;
    *out = strtoll(s, &end, 10);
    return !errno && end != s && !*end && *out > 0;
}

static int cmd_diff(int argc, char **argv)
{
    struct cg_errors errs = CG_ERRORS_INIT;
    struct cli_ws_args a;
    struct cli_outputs out;
    struct outfile *o;
    struct store *db = NULL;
    struct run *ra = NULL, *rb = NULL;
    struct run_diff *d = NULL;
    long long ids[2];
    size_t n = 0;
    int rc = cli_ws_args(&command_diff, argc, argv, &a), i;

    if (rc != 0)
        return rc < 0 ? EXIT_DONE : rc;
    cli_outputs_init(&out);
    if (a.argc > 2) {
        rc = cli_usage_error(&command_diff, "unexpected argument '%s'",
                             a.argv[2]);
        goto free_lang;
    }
    for (i = 0; i < a.argc; i++)
        if (!run_id(a.argv[i], &ids[i])) {
            rc = cli_usage_error(&command_diff, "a run is a number as "
                                 "history lists it, not '%s'", a.argv[i]);
            goto free_lang;
        }
    cli_outputs_input(&out, a.db);
    if (!(db = store_open(a.db, STORE_READ, &errs)))
        goto done;
    if (a.argc < 2) {
        long long last[2];
        if (!store_last_run_ids(db, last, 2, &n, &errs))
            goto done;
        if (a.argc == 1 && n >= 1) {
            ids[1] = last[n - 1];
        } else if (a.argc == 0 && n == 2) {
            ids[0] = last[0];
            ids[1] = last[1];
        } else {
            struct arena *ar = arena_new();
            struct msg *m = msg_new(ar, n ? "cli.diff.one_run"
                                          : "cli.history.empty");
            msg_id(ar, m, "db", a.db);
            cli_say(a.lang, m);
            arena_free(ar);
            goto done;
        }
    }
    if (!(ra = store_load_run(db, ids[0], &errs)) ||
        !(rb = store_load_run(db, ids[1], &errs)))
        goto done;
    d = run_diff(ra, rb);
    if (a.format) {
        if (!(o = cli_output_open(&out, a.out ? a.out : "-", &errs)) ||
            !render_diff(d, a.lang, a.format == 2, o, &errs) ||
            !cli_outputs_commit(&out, &errs))
            goto done;
        if (a.out)
            cli_wrote(a.lang, a.out);
    } else {
        print_diff(a.lang, d);
    }
done:
    cli_outputs_abort(&out);
    rc = cli_report_errors(&errs);
    run_diff_free(d);
    run_free(ra);
    run_free(rb);
    store_close(db);
    errors_free(&errs);
free_lang:
    lang_free(a.lang);
    return rc;
}
