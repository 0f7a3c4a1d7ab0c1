/*
 * cli.h — shared by main.c and the cmd_*.c files (the CLI layer: the only
 * code that prints to stdout/stderr or chooses an exit code).
 */
#ifndef COPCGAP_CLI_H
#define COPCGAP_CLI_H

#include "copcgap/error.h"

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

extern const struct command commands[];

/* One function per command, in cmd_<name>.c. */
int cmd_validate(int argc, char **argv);
int cmd_assess(int argc, char **argv);
int cmd_kpi(int argc, char **argv);

/* Print every error as FILE:LINE:COL: message (plus "and N more"), and
 * return the exit code for the worst one. */
int cli_report_errors(const struct cg_errors *errs);

/* Usage error: "copcgap: msg" + the command's usage line, exit code 2. */
int cli_usage_error(const char *cmd, const char *fmt, ...) CG_PRINTF(2, 3);

/* Print a command's full help on stdout. */
void cli_print_command_help(const struct command *c);
const struct command *cli_find_command(const char *name);

#endif
