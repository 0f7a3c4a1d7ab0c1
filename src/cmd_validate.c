/*
 * cmd_validate.c — `copcgap validate FILE...`: schema + lint for
 * catalogues and profiles, one summary line per valid file.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "copcgap/catalog.h"
#include "copcgap/profile.h"
#include "copcgap/xmlsafe.h"

static int validate_one(const char *path, struct cg_errors *errs)
{
    xmlDocPtr doc = xml_read(path, errs);
    xmlNodePtr root;
    int is_catalog, is_profile;

    if (!doc)
        return 0;
    root = xmlDocGetRootElement(doc);
    is_catalog = xml_is(root, "catalog");
    is_profile = xml_is(root, "profile");
    if (!is_catalog && !is_profile)
        errors_add(errs, CG_ERR_INPUT, path, xml_line(root), 0,
                   "root element <%s> is neither <catalog> nor <profile>",
                   (const char *)root->name);
    xmlFreeDoc(doc);
    if (is_catalog) {
        struct catalog *c = catalog_load(path, errs);
        if (!c)
            return 0;
        printf("%s: ok: catalogue %s %s, %zu categories, %zu items, "
               "%zu requirements, %zu rules\n", path, c->id, c->version,
               c->ncategories, c->nitems, c->nreqs, c->nrules);
        catalog_free(c);
        return 1;
    }
    if (is_profile) {
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
    return 0;
}

int cmd_validate(int argc, char **argv)
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
            cli_print_command_help(cli_find_command("validate"));
            return EXIT_DONE;
        }
        return cli_usage_error("validate", "unknown option '%s'",
                               argv[optind - 1]);
    }
    if (optind >= argc)
        return cli_usage_error("validate", "no file to validate");
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
