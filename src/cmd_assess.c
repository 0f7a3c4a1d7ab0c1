/*
 * cmd_assess.c — `copcgap assess ORGDIR`: load, score, summarise, and
 * write the PDF / JSON reports asked for.
 *
 * Every input is loaded and checked before any output is opened, so bad
 * input (exit 3) never leaves a report file behind.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "copcgap/assess.h"
#include "copcgap/catalog.h"
#include "copcgap/datadir.h"
#include "copcgap/labels.h"
#include "copcgap/profile.h"
#include "copcgap/render.h"

struct assess_args {
    const char *orgdir;
    const char *catalog;
    const char *pdf;
    const char *json;
    const char *lang;
    const char *font_dir;
    int fail_under;             /* -1 when not asked */
};

/* SOURCE_DATE_EPOCH when set (reproducible builds), else now. */
static time_t report_time(void)
{
    const char *s = getenv("SOURCE_DATE_EPOCH");
    char *end;
    long long v;

    if (s && *s) {
        errno = 0;
        v = strtoll(s, &end, 10);
        if (errno == 0 && *end == '\0' && v >= 0)
            return (time_t)v;
    }
    return time(NULL);
}

static int parse_args(int argc, char **argv, struct assess_args *a)
{
    enum { OPT_FAIL_UNDER = 256, OPT_FONT_DIR };
    static const struct option opts[] = {
        { "catalog", required_argument, NULL, 'c' },
        { "output", required_argument, NULL, 'o' },
        { "json", required_argument, NULL, 'j' },
        { "lang", required_argument, NULL, 'l' },
        { "fail-under", required_argument, NULL, OPT_FAIL_UNDER },
        { "font-dir", required_argument, NULL, OPT_FONT_DIR },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 }
    };
    int c;

    memset(a, 0, sizeof *a);
    a->lang = "en";
    a->fail_under = -1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "c:o:j:l:h", opts, NULL)) != -1) {
        switch (c) {
        case 'c': a->catalog = optarg; break;
        case 'o': a->pdf = optarg; break;
        case 'j': a->json = optarg; break;
        case 'l': a->lang = optarg; break;
        case OPT_FONT_DIR: a->font_dir = optarg; break;
        case OPT_FAIL_UNDER:
            a->fail_under = verdict_parse(optarg, strlen(optarg));
            if (a->fail_under != VERDICT_READY &&
                a->fail_under != VERDICT_CONDITIONAL)
                return cli_usage_error("assess", "--fail-under takes ready "
                                       "or conditional, not '%s'", optarg);
            break;
        case 'h':
            cli_print_command_help(cli_find_command("assess"));
            return -1;
        case ':':
            return cli_usage_error("assess", "option '%s' needs a value",
                                   argv[optind - 1]);
        default:
            return cli_usage_error("assess", "unknown option '%s'",
                                   argv[optind - 1]);
        }
    }
    if (!labels_has_lang(a->lang))
        return cli_usage_error("assess", "--lang takes en or es, not '%s'",
                               a->lang);
    if (optind >= argc)
        return cli_usage_error("assess", "no organisation folder given");
    if (optind + 1 < argc)
        return cli_usage_error("assess", "unexpected argument '%s'",
                               argv[optind + 1]);
    a->orgdir = argv[optind];
    return 0;
}

static void print_summary(const struct report *r)
{
    const struct profile *p = r->profile;
    const struct catalog *c = r->catalog;
    char d[DATE_BUF];

    date_format(p->as_of, d);
    printf("%s: catalogue %s %s, data as of %s\n", p->org_name, c->id,
           c->version, d);
    printf("verdict: %s, overall score %.1f %%\n", verdict_name(r->verdict),
           r->overall * 100.0);
    printf("requirements: %zu met, %zu partial, %zu not met, "
           "%zu not evidenced, %zu n/a\n", r->count[REQ_MET],
           r->count[REQ_PARTIAL], r->count[REQ_NOT_MET],
           r->count[REQ_NOT_EVIDENCED], r->count[REQ_NA]);
}

int cmd_assess(int argc, char **argv)
{
    struct assess_args a;
    struct cg_errors errs = CG_ERRORS_INIT;
    struct catalog *cat = NULL;
    struct profile *prof = NULL;
    struct report *rep = NULL;
    struct strbuf path = STRBUF_INIT;
    char *catalog_path = NULL;
    int rc = parse_args(argc, argv, &a);

    if (rc != 0)
        return rc < 0 ? EXIT_DONE : rc;
    if (a.catalog) {
        catalog_path = xstrdup(a.catalog);
    } else if (!(catalog_path = datadir_find(DEFAULT_CATALOG, "standards"))) {
        errors_add(&errs, CG_ERR_INPUT, DEFAULT_CATALOG, 0, 0,
                   "shipped catalogue not found; give one with --catalog");
        goto done;
    }
    cat = catalog_load(catalog_path, &errs);
    strbuf_printf(&path, "%s/profile.xml", a.orgdir);
    prof = profile_load(path.buf, &errs);
    if (!cat || !prof)
        goto done;
    rep = report_new(cat, prof, a.lang);
    if (!assess_scope(rep, &errs))
        goto done;
    assess_score(rep);

    /* All input is good: now, and only now, write outputs. */
    if (a.json && !render_json(rep, a.json, &errs))
        goto done;
    if (a.pdf) {
        struct pdf_options po;
        po.font_dir = datadir_fonts(a.font_dir);
        po.when = report_time();
        if (!render_pdf(rep, &po, a.pdf, &errs))
            goto done;
    }
    print_summary(rep);
    if (a.pdf)
        printf("wrote %s\n", a.pdf);
    if (a.json)
        printf("wrote %s\n", a.json);
done:
    rc = cli_report_errors(&errs);
    if (rc == EXIT_DONE && rep && a.fail_under >= 0 &&
        !verdict_at_least(rep->verdict, (enum verdict)a.fail_under))
        rc = EXIT_BELOW;
    report_free(rep);
    profile_free(prof);
    catalog_free(cat);
    free(catalog_path);
    strbuf_free(&path);
    errors_free(&errs);
    return rc;
}
