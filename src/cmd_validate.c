/*
 * cmd_validate.c — `copcgap validate FILE...`: schema + lint for
 * catalogues and profiles, one summary line per valid file.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "copcgap/load.h"

static int cmd_validate(int argc, char **argv);

const struct command command_validate = {
    "validate", "FILE...",
    "check catalogue and profile files (schema and cross-references)",
    "Validate each FILE: a requirements catalogue (root <catalog>) or an\n"
    "organisation profile (root <profile>). Prints one summary line per\n"
    "valid file on stdout; located errors (FILE:LINE: message) on stderr.\n"
    "Exit status 3 when any file is invalid.\n",
    cmd_validate
};

static int validate_one(const char *path, struct cg_errors *errs)
{
    switch (load_sniff(path, errs)) {
    case DOC_CATALOG: {
        struct catalog *c = catalog_load(path, errs);
        if (!c)
            return 0;
        printf("%s: ok: catalogue %s %s, %zu categories, %zu items, "
               "%zu requirements, %zu rules\n", path, c->id, c->version,
               c->ncategories, c->nitems, c->nreqs, c->nrules);
        catalog_free(c);
        return 1;
    }
    case DOC_PROFILE: {
        struct profile *p = profile_load(path, errs);
        if (!p)
            return 0;
        printf("%s: ok: profile %s (%s), %zu program%s, %zu role%s, "
               "%zu scope exclusion%s\n", path, p->org_id,
               org_kind_name(p->kind), p->nprograms,
               p->nprograms == 1 ? "" : "s", p->nroles,
               p->nroles == 1 ? "" : "s", p->nscope,
               p->nscope == 1 ? "" : "s");
        profile_free(p);
        return 1;
    }
    default:
        return 0;
    }
}

static int cmd_validate(int argc, char **argv)
{
    static const struct option opts[] = {
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 }
    };
    struct cg_errors errs = CG_ERRORS_INIT;
    int c, i, worst = EXIT_DONE;

    opterr = 0;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        if (c == 'h') {
            cli_print_command_help(&command_validate);
            return EXIT_DONE;
        }
        return cli_usage_error(&command_validate, "unknown option '%s'",
                               argv[optind - 1]);
    }
    if (optind >= argc)
        return cli_usage_error(&command_validate, "no file to validate");
    for (i = optind; i < argc; i++) {
        int rc;
        validate_one(argv[i], &errs);
        rc = cli_report_errors(&errs);
        fflush(stdout);
        if (rc > worst)
            worst = rc;
        errors_clear(&errs);
    }
    errors_free(&errs);
    return worst;
}
