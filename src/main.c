/*
 * main.c — copcgap's entry point: one command table drives dispatch and
 * help (git-style); each command lives in its own cmd_*.c, which defines
 * its struct command (name, synopsis, help and run function).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "copcgap/load.h"

/* The commands, in the order `copcgap --help` lists them. */
static const struct command *const commands[] = {
    &command_validate, &command_kpi, &command_assess, &command_plan,
    &command_import, &command_history, &command_diff, NULL
};

static void print_usage(FILE *fp)
{
    size_t i;

    fprintf(fp, "usage: copcgap <command> [options] [args]\n"
                "       copcgap --help | --version\n\ncommands:\n");
    for (i = 0; commands[i]; i++)
        fprintf(fp, "  %-10s %s\n", commands[i]->name, commands[i]->summary);
    fprintf(fp, "\nRun 'copcgap <command> --help' for a command's options.\n"
                "Exit status: 0 done, 1 verdict below --fail-under, "
                "2 usage, 3 bad input,\n"
                "4 I/O or internal error.\n");
}

static const struct command *find_command(const char *name)
{
    size_t i;
    for (i = 0; commands[i]; i++)
        if (strcmp(commands[i]->name, name) == 0)
            return commands[i];
    return NULL;
}

/* "copcgap: <what> '<arg>'" and the usage, exit code 2. */
static int usage_error(const char *what, const char *arg)
{
    fprintf(stderr, "copcgap: %s '%s'\n", what, arg);
    print_usage(stderr);
    return EXIT_USAGE;
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
        if (argc > 2 && (c = find_command(argv[2]))) {
            cli_print_command_help(c);
            return cli_finish_stdout(EXIT_DONE);
        }
        print_usage(stdout);
        return cli_finish_stdout(EXIT_DONE);
    }
    if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
        printf("copcgap %s\n", COPCGAP_VERSION);
        return cli_finish_stdout(EXIT_DONE);
    }
    if (argv[1][0] == '-')
        return usage_error("unknown option", argv[1]);
    c = find_command(argv[1]);
    if (!c)
        return usage_error("unknown command", argv[1]);
    /* An interrupted run must leave no temporary output file behind. */
    outfile_cleanup_on_signals();
    rc = c->run(argc - 1, argv + 1);
    load_cleanup();
    return cli_finish_stdout(rc);
}
