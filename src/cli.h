/*
 * cli.h — shared by main.c and the cmd_*.c files (the CLI layer: the only
 * code that prints to stdout/stderr or chooses an exit code).
 */
#ifndef COPCGAP_CLI_H
#define COPCGAP_CLI_H

#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>

#include "copcgap/catalog.h"
#include "copcgap/error.h"
#include "copcgap/kpi.h"
#include "copcgap/lang.h"
#include "copcgap/profile.h"
#include "copcgap/load.h"
#include "copcgap/org.h"
#include "copcgap/outfile.h"
#include "copcgap/report.h"
#include "copcgap/run.h"

/* Exit codes, defined once (docs/exit-codes.md). */
enum exit_code {
    EXIT_DONE = 0,          /* the command did its work */
    EXIT_BELOW = 1,         /* verdict below --fail-under (only when asked) */
    EXIT_USAGE = 2,         /* bad command line */
    EXIT_INPUT = 3,         /* bad input: located messages on stderr */
    EXIT_IO = 4             /* I/O or internal error */
};

struct command {
    const char *name;
    const char *args;       /* synopsis after the name */
    const char *summary;    /* one line for `copcgap --help` */
    const char *help;       /* full help for `copcgap CMD --help` */
    int (*run)(int argc, char **argv);
};

/* One per command, each defined in cmd_<name>.c. */
extern const struct command command_validate;
extern const struct command command_kpi;
extern const struct command command_assess;
extern const struct command command_plan;
extern const struct command command_import;
extern const struct command command_history;
extern const struct command command_diff;

/* Loaded inputs and the scored report with its plan (cli_session.c). */
struct session {
    char *catalog_path;
    struct catalog *cat;
    struct catalog **targets;   /* crosswalk targets found and loaded */
    size_t ntargets;
    struct profile *prof;
    struct orgdata *org;
    struct report *rep;
};

struct session_opts {
    const char *orgdir;
    const char *catalog;        /* NULL: the shipped catalogue */
    const struct lang *lang;    /* the reader's language (cli_lang) */
    double capacity;            /* owner days per month; 0 = profile's */
    int has_audit;              /* --audit-date given */
    cg_day audit;
    int inputs_only;            /* load, but do not assess (import) */
};

/* Returns 1, or 0 with errors appended (s is partly filled: free it). */
int session_load(struct session *s, const struct session_opts *opt,
                 struct cg_errors *errs);
void session_free(struct session *s);

/* Progress line on stderr while reading large files, only when stderr
 * is a terminal (cli_progress.c). */
void cli_progress_init(struct kpi_progress *p);
void cli_progress_done(void);

/* Print s on stdout in exactly `width` columns (one per character,
 * cut with an ellipsis) and a space. */
void cli_cell(const char *s, size_t width);

/*
 * The files one command writes, committed together: a command opens
 * each output, renders into it, and commits them all only when every
 * render succeeded; otherwise it aborts them all (all outputs or none).
 *
 * The command first tells it every file the run read (cli_outputs_input,
 * cli_outputs_session): an output that is one of them (the same file,
 * whatever the spelling) is refused, and so is an output that is the
 * same destination as another output.
 */
#define CLI_MAX_OUTPUTS 4
struct cli_input {
    char *path;
    dev_t dev;
    ino_t ino;
};
struct cli_outputs {
    struct outfile f[CLI_MAX_OUTPUTS];
    size_t n;
    struct cli_input *inputs;
    size_t ninputs, capinputs;
};

void cli_outputs_init(struct cli_outputs *o);
/* Note a file the run read (ignored when it cannot be stat'ed: then no
 * output can be it). */
void cli_outputs_input(struct cli_outputs *o, const char *path);
/* Note every file a loaded session read (cli_session.c). */
void cli_outputs_session(struct cli_outputs *o, const struct session *s);
/* Open one more output ("-": stdout); NULL with an error appended. */
struct outfile *cli_output_open(struct cli_outputs *o, const char *path,
                                struct cg_errors *errs);
/* Commit every output; 1, or 0 with errors appended. */
int cli_outputs_commit(struct cli_outputs *o, struct cg_errors *errs);
/* Remove every uncommitted output's temporary file (nothing is written)
 * and free the list of inputs: the last call on `o`. */
void cli_outputs_abort(struct cli_outputs *o);

/* Date written into reports: $SOURCE_DATE_EPOCH when set, else now. */
time_t cli_report_time(void);

/* Print every error as FILE:LINE:COL: message (plus "and N more"), and
 * return the exit code for the worst one. */
int cli_report_errors(const struct cg_errors *errs);

/* Usage error: "copcgap: msg" + the command's usage line, exit code 2. */
int cli_usage_error(const struct command *c, const char *fmt, ...)
    CG_PRINTF(2, 3);

/* Print a command's full help on stdout. */
void cli_print_command_help(const struct command *c);

/*
 * The language table for --lang CODE (templates/CODE.lang): 0 with *out
 * set, or a usage error (exit code 2) naming what is missing.  Free the
 * table with lang_free().
 */
int cli_lang(const struct command *c, const char *code, struct lang **out);

/* --audit-date DATE: 0 with the date set, or a usage error (exit 2). */
int cli_audit_date(const struct command *c, const char *arg,
                   struct session_opts *so);

/* Print a message in the reader's language, and a newline, on stdout. */
void cli_say(const struct lang *L, const struct msg *m);
/* "wrote FILE" in the reader's language. */
void cli_wrote(const struct lang *L, const char *path);

/*
 * --db FILE (cli_workspace.c).  cli_ws_open opens the workspace (created
 * when `create` and absent), takes this run's snapshot from the loaded
 * session and, when the workspace holds an earlier run, the diff from
 * the last one and the score history, attached to the report as its
 * progress (report.h).  1, or 0 with errors; free with cli_ws_free
 * either way (before session_free).
 */
struct store;
struct cli_ws {
    const char *path;
    struct store *db;
    struct report *report;      /* whose progress this is */
    struct run *cur;            /* this run (stored by cli_ws_store) */
    struct run *prev;           /* the last stored run, or NULL */
    struct run_diff *diff;      /* prev -> cur, or NULL */
    struct run_point *points;   /* every stored run, then this one */
    size_t npoints;
    struct report_progress progress;
};
int cli_ws_open(struct cli_ws *w, const char *path, int create,
                struct session *s, struct cg_errors *errs);
/* Store this run (one transaction); 1, or 0 with errors. */
int cli_ws_store(struct cli_ws *w, struct cg_errors *errs);
/* "stored run N in W.db" and the progress since the last run. */
void cli_ws_say(const struct lang *L, const struct cli_ws *w);
/* plan --db: the last stored run's actions (its gaps) closed since. */
void cli_ws_say_closed(const struct lang *L, const struct cli_ws *w);
void cli_ws_free(struct cli_ws *w);
/* A run's time as the reader writes dates, with hours and minutes
 * (UTC). */
const char *cli_when(const struct lang *L, struct arena *a, long long at);
/* The options history and diff share (cmd_history.c): 0, -1 after
 * --help, or a usage error's exit code.  Free a->lang. */
struct cli_ws_args {
    const char *db;
    const char *out;
    int format;                 /* 0 table, 1 json, 2 csv */
    struct lang *lang;
    int argc;                   /* the arguments after the options */
    char **argv;
};
int cli_ws_args(const struct command *cmd, int argc, char **argv,
                struct cli_ws_args *a);
/* Usage error for history and diff without --db. */
int cli_db_missing(const struct command *c);

/* Flush standard output: rc when all of it was written, else a message
 * on stderr and EXIT_IO (a full disk, a closed pipe). */
int cli_finish_stdout(int rc);

#endif
