/*
 * cmd_validate.c — `copcgap validate FILE...`: schema + lint for
 * catalogues and profiles, one summary line per valid file.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "copcgap/assess.h"
#include "copcgap/datadir.h"
#include "copcgap/load.h"

static int cmd_validate(int argc, char **argv);

const struct command command_validate = {
    "validate", "FILE...",
    "check catalogue and profile files (schema and cross-references)",
    "Validate each FILE: a requirements catalogue (root <catalog>) or an\n"
    "organisation profile (root <profile>). Prints one summary line per\n"
    "valid file on stdout; located errors (FILE:LINE: message) on stderr.\n"
    "Exit status 3 when any file is invalid.\n"
    "\n"
    "A profile is also read against a catalogue: the last one named before\n"
    "it on the command line, else the shipped catalogue.  What `assess`\n"
    "would refuse (excluded ids the catalogue lacks, a critical requirement\n"
    "excluded without approved-by) is printed as FILE:LINE: warning: ...\n",
    cmd_validate
};

/* What assess would refuse in a valid profile, as warnings. */
static void cross_check(const struct profile *p, const struct catalog *c)
{
    struct cg_errors errs = CG_ERRORS_INIT;
    struct strbuf msg = STRBUF_INIT, line = STRBUF_INIT;
    size_t i;

    assess_check_profile(c, p, &errs);
    for (i = 0; i < errs.n; i++) {
        char *own = errs.v[i].msg;
        strbuf_truncate(&msg, 0);
        strbuf_truncate(&line, 0);
        strbuf_printf(&msg, "warning: %s (checked against catalogue %s)",
                      own, c->id);
        errs.v[i].msg = msg.buf;
        error_format(&errs.v[i], &line);
        errs.v[i].msg = own;
        fprintf(stderr, "%s\n", strbuf_cstr(&line));
    }
    strbuf_free(&msg);
    strbuf_free(&line);
    errors_free(&errs);
}

/* The catalogue profiles are read against: *last (the latest valid one
 * on the command line), else the shipped one, loaded once. */
static const struct catalog *reference(struct catalog **last,
                                       struct catalog **shipped)
{
    char *path;
    if (!*last && !*shipped &&
        (path = datadir_find(DEFAULT_CATALOG, "standards"))) {
        struct cg_errors errs = CG_ERRORS_INIT;
        *shipped = catalog_load(path, &errs);
        errors_free(&errs);
        free(path);
    }
    return *last ? *last : *shipped;
}

static int validate_one(const char *path, struct catalog **last,
                        struct catalog **shipped, struct cg_errors *errs)
{
    switch (load_sniff(path, errs)) {
    case DOC_CATALOG: {
        struct catalog *c = catalog_load(path, errs);
        if (!c)
            return 0;
        printf("%s: ok: catalogue %s %s, %zu categories, %zu items, "
               "%zu requirements, %zu rules\n", path, c->id, c->version,
               c->ncategories, c->nitems, c->nreqs, c->nrules);
        catalog_free(*last);
        *last = c;
        return 1;
    }
    case DOC_PROFILE: {
        struct profile *p = profile_load(path, errs);
        const struct catalog *c;
        if (!p)
            return 0;
        printf("%s: ok: profile %s (%s), %zu program%s, %zu role%s, "
               "%zu scope exclusion%s\n", path, p->org_id,
               org_kind_name(p->kind), p->nprograms,
               p->nprograms == 1 ? "" : "s", p->nroles,
               p->nroles == 1 ? "" : "s", p->nscope,
               p->nscope == 1 ? "" : "s");
        fflush(stdout);
        if ((c = reference(last, shipped)) != NULL)
            cross_check(p, c);
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
    struct catalog *last = NULL, *shipped = NULL;
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
        validate_one(argv[i], &last, &shipped, &errs);
        rc = cli_report_errors(&errs);
        fflush(stdout);
        if (rc > worst)
            worst = rc;
        errors_clear(&errs);
    }
    catalog_free(last);
    catalog_free(shipped);
    errors_free(&errs);
    return worst;
}
