/*
 * gen-org.c — generate a whole organisation folder for copcgap, the
 * same bytes every time for the same options (docs/samples.md).
 *
 *   gen-org --out DIR [options]
 *   gen-org --options samples/northwind-care/gen-org.opts --out DIR
 *
 * This file reads the options (the table below also prints --help) and
 * runs the parts; the model lives in tools/gen/ (gen.h has the map).
 * Exit status: 0 done, 2 usage, 3 bad catalogue or option value, 4 I/O.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "copcgap/util.h"
#include "gen.h"

enum {
    O_OUT, O_OPTIONS, O_CATALOG, O_SEED, O_ORG_ID, O_ORG_NAME, O_KIND,
    O_CLIENT, O_PREFIX, O_PROGRAMS, O_LEAD, O_MONTHS, O_CONTACTS, O_AS_OF,
    O_AUDIT, O_LANG, O_MATURITY, O_PARTS, O_TAMPER, O_BREAK, O_DECLINE,
    O_CAPACITY, O_DAY_RATE, O_CURRENCY, O_PLAN, O_QUIET, O_HELP, O_COUNT
};

struct opt {
    const char *name;
    char letter;
    const char *arg;            /* NULL: a flag */
    const char *help;
};

static const struct opt opts[O_COUNT] = {
    { "out", 'o', "DIR", "organisation folder to write (created)" },
    { "options", 0, "FILE", "read options from FILE, one per line (\"--seed "
      "7\"; # comments); later options override" },
    { "catalog", 'c', "FILE", "catalogue whose rules drive the evidence "
      "register and findings (default standards/copc-cx-aligned.xml)" },
    { "seed", 's', "N", "seed of every random choice (default 1)" },
    { "org-id", 0, "ID", "organisation id (default sample)" },
    { "org-name", 0, "NAME", "organisation name" },
    { "kind", 0, "KIND", "outsourcer (default) or internal" },
    { "client", 0, "NAME", "client (or business unit) the programs serve" },
    { "prefix", 0, "WORD", "program id prefix (default: the client's last "
      "word)" },
    { "programs", 'p', "LIST|N", "channels, e.g. voice,chat,email "
      "(default), or a count taken from voice,chat,email,messaging,"
      "back-office,social" },
    { "lead", 0, "NAME", "assessment lead and assessor (default: a "
      "generated name)" },
    { "months", 'm', "N", "months of raw data ending at as-of, 6-36 "
      "(default 12)" },
    { "contacts", 'n', "N", "contacts per month, all programs (default "
      "20000)" },
    { "as-of", 0, "DATE", "assessment as-of date (default 2026-10-31)" },
    { "audit", 0, "DATE", "target audit date (default as-of + 135 days)" },
    { "lang", 'l', "en|es", "language of names, titles and notes (default "
      "en)" },
    { "maturity", 'M', "LEVEL", "ready, conditional (default) or far: how "
      "much is in place" },
    { "parts", 0, "WHAT", "all (default), register (profile.xml, "
      "evidence.csv, evidence/, findings.csv, metrics.csv) or data "
      "(data/*.csv)" },
    { "tamper", 0, "N", "evidence files edited after their digest was "
      "registered (default: 1 at conditional, 2 at far, 0 at ready)" },
    { "break", 0, "REQ[@PROG]", "make requirement REQ a gap (its KPIs, "
      "else its documents), on one program; repeatable" },
    { "decline", 0, "PROG:KPI", "make a KPI get worse over the last months, "
      "e.g. chat:csat; repeatable" },
    { "capacity", 0, "DAYS", "person-days a month each owner gives the "
      "action plan (default 5; the quality manager 8, the operations "
      "manager 6, the site director 3)" },
    { "day-rate", 0, "N", "cost of a person-day, for the plan's costs "
      "(default: none)" },
    { "currency", 0, "CODE", "currency of the day rate, e.g. GBP" },
    { "print-plan", 0, NULL, "print the scenario (programs, targets, "
      "designed KPI per month) to stdout" },
    { "quiet", 'q', NULL, "no summary on stderr" },
    { "help", 'h', NULL, "show this help" },
};

static void usage(FILE *f)
{
    size_t i;
    fputs("usage: gen-org --out DIR [options]\n\n"
          "Write a deterministic organisation folder for copcgap: "
          "profile.xml,\nthe evidence register and files, findings, and "
          "raw data in data/.\nThe same options give the same bytes "
          "(docs/samples.md).\n\n", f);
    for (i = 0; i < O_COUNT; i++) {
        struct strbuf sb = STRBUF_INIT;
        const char *h = opts[i].help;
        if (opts[i].letter)
            strbuf_printf(&sb, "  -%c, --%s", opts[i].letter, opts[i].name);
        else
            strbuf_printf(&sb, "      --%s", opts[i].name);
        if (opts[i].arg)
            strbuf_printf(&sb, " %s", opts[i].arg);
        fputs(sb.buf, f);
        /* Wrap the help at 78 columns, indented under column 26. */
        {
            size_t col = sb.len;
            while (*h) {
                const char *sp = strchr(h, ' ');
                size_t w = sp ? (size_t)(sp - h) : strlen(h);
                if (col < 26) {
                    fprintf(f, "%*s", (int)(26 - col), "");
                    col = 26;
                } else if (col + 1 + w > 78) {
                    fprintf(f, "\n%26s", "");
                    col = 26;
                } else {
                    fputc(' ', f);
                    col++;
                }
                fwrite(h, 1, w, f);
                col += w;
                h += w;
                while (*h == ' ')
                    h++;
            }
        }
        fputc('\n', f);
        strbuf_free(&sb);
    }
    fputs("\nExit status: 0 done, 2 usage, 3 bad catalogue or value, "
          "4 I/O error.\n", f);
}

/* ----------------------------------------------------------- values */

static int bad(const char *name, const char *value, const char *why)
{
    fprintf(stderr, "gen-org: --%s \"%s\": %s\n", name, value, why);
    return 0;
}

static int parse_long(const char *name, const char *s, long lo, long hi,
                      long *out)
{
    char *end;
    long v;
    errno = 0;
    v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi) {
        struct strbuf sb = STRBUF_INIT;
        int r;
        strbuf_printf(&sb, "must be a whole number from %ld to %ld", lo, hi);
        r = bad(name, s, sb.buf);
        strbuf_free(&sb);
        return r;
    }
    *out = v;
    return 1;
}

static int parse_pick(const char *name, char *s, char sep,
                      struct gen_pick *list, size_t *n, int program_first)
{
    char *cut = strchr(s, sep);
    struct gen_pick *p;

    if (*n == GEN_MAX_LIST)
        return bad(name, s, "given too many times");
    if (program_first && !cut)
        return bad(name, s, "write PROGRAM:KPI, e.g. chat:csat");
    p = &list[(*n)++];
    if (cut)
        *cut = '\0';
    if (program_first) {
        p->program = s;
        p->what = cut + 1;
    } else {
        p->what = s;
        p->program = cut ? cut + 1 : NULL;
    }
    return 1;
}

/* Apply one option; 1 ok, 0 bad value (message printed). */
static int apply(struct gen_opts *o, int id, char *v)
{
    const char *name = opts[id].name;
    long n;
    int k;

    switch (id) {
    case O_OUT: o->out = v; return 1;
    case O_CATALOG: o->catalog = v; return 1;
    case O_SEED: {
        char *end;
        errno = 0;
        o->seed = strtoull(v, &end, 10);
        return errno || end == v || *end || v[0] == '-'
                   ? bad(name, v, "must be a whole number >= 0") : 1;
    }
    case O_ORG_ID: o->org_id = v; return 1;
    case O_ORG_NAME: o->org_name = v; return 1;
    case O_KIND:
        k = org_kind_parse(v, strlen(v));
        if (k < 0)
            return bad(name, v, "must be outsourcer or internal");
        o->kind = (enum org_kind)k;
        return 1;
    case O_CLIENT: o->client = v; return 1;
    case O_PREFIX: o->prefix = v; return 1;
    case O_PROGRAMS: o->programs = v; return 1;
    case O_LEAD: o->lead = v; return 1;
    case O_MONTHS:
        if (!parse_long(name, v, 6, GEN_MAX_MONTHS, &n))
            return 0;
        o->months = (int)n;
        return 1;
    case O_CONTACTS:
        if (!parse_long(name, v, 100, 20000000, &n))
            return 0;
        o->contacts = n;
        return 1;
    case O_AS_OF:
        return date_parse(v, strlen(v), &o->as_of) ? 1
               : bad(name, v, "must be a date YYYY-MM-DD");
    case O_AUDIT:
        return date_parse(v, strlen(v), &o->audit) ? 1
               : bad(name, v, "must be a date YYYY-MM-DD");
    case O_LANG:
        if (strcmp(v, "en") != 0 && strcmp(v, "es") != 0)
            return bad(name, v, "must be en or es");
        o->lang = v;
        return 1;
    case O_MATURITY:
        k = maturity_parse(v);
        if (k < 0)
            return bad(name, v, "must be ready, conditional or far");
        o->maturity = (enum maturity)k;
        return 1;
    case O_PARTS:
        if (strcmp(v, "all") == 0)
            o->parts = PARTS_ALL;
        else if (strcmp(v, "register") == 0)
            o->parts = PARTS_REGISTER;
        else if (strcmp(v, "data") == 0)
            o->parts = PARTS_DATA;
        else
            return bad(name, v, "must be all, register or data");
        return 1;
    case O_TAMPER:
        if (!parse_long(name, v, 0, 100, &n))
            return 0;
        o->tamper = (int)n;
        return 1;
    case O_BREAK:
        return parse_pick(name, v, '@', o->breaks, &o->nbreaks, 0);
    case O_DECLINE:
        return parse_pick(name, v, ':', o->declines, &o->ndeclines, 1);
    case O_CAPACITY:
    case O_DAY_RATE: {
        char *end;
        double x;
        errno = 0;
        x = strtod(v, &end);
        if (errno || end == v || *end || x < 0 ||
            x > (id == O_CAPACITY ? 31 : 1000000) ||
            (id == O_CAPACITY && x <= 0))
            return bad(name, v, id == O_CAPACITY
                                    ? "must be a number of days above 0, at most 31"
                                    : "must be an amount from 0 to 1000000");
        if (id == O_CAPACITY)
            o->capacity = x;
        else
            o->day_rate = x;
        return 1;
    }
    case O_CURRENCY: o->currency = v; return 1;
    case O_PLAN: o->print_plan = 1; return 1;
    case O_QUIET: o->quiet = 1; return 1;
    default: return 1;
    }
}

/* ---------------------------------------------------------- parsing */

/* Buffers of --options files, kept until exit: options point into them. */
struct keep {
    char **v;
    size_t n, cap;
};

static int parse_args(struct gen_opts *o, int argc, char **argv,
                      struct keep *keep, int depth);

static int find_opt(char *arg, char **value)
{
    int i;
    *value = NULL;
    if (arg[0] == '-' && arg[1] == '-') {
        char *eq = strchr(arg + 2, '=');
        size_t len = eq ? (size_t)(eq - arg - 2) : strlen(arg + 2);
        for (i = 0; i < O_COUNT; i++)
            if (strlen(opts[i].name) == len &&
                strncmp(opts[i].name, arg + 2, len) == 0) {
                if (eq)
                    *value = eq + 1;
                return i;
            }
        return -1;
    }
    if (arg[0] == '-' && arg[1] && !arg[2])
        for (i = 0; i < O_COUNT; i++)
            if (opts[i].letter == arg[1])
                return i;
    return -1;
}

/* An options file: "--name value" per line; blank lines and # comments
 * are skipped; the value is the rest of the line, spaces included. */
static int read_options(struct gen_opts *o, const char *path,
                        struct keep *keep, int depth)
{
    FILE *f = fopen(path, "rb");
    struct strbuf sb = STRBUF_INIT;
    char **args = NULL, *text, *line;
    size_t n = 0, cap = 0;
    int c, ok;

    if (!f) {
        fprintf(stderr, "gen-org: cannot read %s: %s\n", path,
                strerror(errno));
        return 0;
    }
    while ((c = fgetc(f)) != EOF)
        strbuf_addc(&sb, (char)c);
    fclose(f);
    text = strbuf_detach(&sb);
    VEC_PUSH(keep->v, keep->n, keep->cap) = text;
    for (line = text; line && *line;) {
        char *nl = strchr(line, '\n'), *end, *sp;
        if (nl)
            *nl = '\0';
        end = line + strlen(line);
        while (end > line && (end[-1] == ' ' || end[-1] == '\r' ||
                              end[-1] == '\t'))
            *--end = '\0';
        while (*line == ' ' || *line == '\t')
            line++;
        if (*line && *line != '#') {
            sp = strchr(line, ' ');
            if (sp) {
                *sp++ = '\0';
                while (*sp == ' ')
                    sp++;
            }
            VEC_PUSH(args, n, cap) = line;
            if (sp && *sp)
                VEC_PUSH(args, n, cap) = sp;
        }
        line = nl ? nl + 1 : NULL;
    }
    ok = parse_args(o, (int)n, args, keep, depth + 1);
    free(args);
    return ok;
}

/* 1 ok, 0 bad value, -1 usage error (message printed). */
static int parse_args(struct gen_opts *o, int argc, char **argv,
                      struct keep *keep, int depth)
{
    int i;

    if (depth > 4) {
        fprintf(stderr, "gen-org: --options nested too deeply\n");
        return -1;
    }
    for (i = 0; i < argc; i++) {
        char *value;
        int id = find_opt(argv[i], &value);
        if (id < 0) {
            fprintf(stderr, "gen-org: unknown option \"%s\" (see "
                    "--help)\n", argv[i]);
            return -1;
        }
        if (!opts[id].arg) {
            if (value) {
                fprintf(stderr, "gen-org: --%s takes no value\n",
                        opts[id].name);
                return -1;
            }
            if (id == O_HELP) {
                usage(stdout);
                exit(0);
            }
            apply(o, id, NULL);
            continue;
        }
        if (!value) {
            if (i + 1 >= argc) {
                fprintf(stderr, "gen-org: --%s needs a value (%s)\n",
                        opts[id].name, opts[id].arg);
                return -1;
            }
            value = argv[++i];
        }
        if (id == O_OPTIONS) {
            int r = read_options(o, value, keep, depth);
            if (r <= 0)
                return r;
            continue;
        }
        if (!apply(o, id, value))
            return 0;
    }
    return 1;
}

int main(int argc, char **argv)
{
    struct gen g;
    struct keep keep = { NULL, 0, 0 };
    int rc = 0, r;
    size_t i;

    memset(&g, 0, sizeof g);
    g.o.catalog = "standards/copc-cx-aligned.xml";
    g.o.seed = 1;
    g.o.org_id = "sample";
    g.o.org_name = "Sample Contact Centre";
    g.o.kind = ORG_OUTSOURCER;
    g.o.programs = "voice,chat,email";
    g.o.months = 12;
    g.o.contacts = 20000;
    g.o.as_of = date_from_ymd(2026, 10, 31);
    g.o.lang = "en";
    g.o.maturity = MAT_CONDITIONAL;
    g.o.tamper = -1;
    g.o.capacity = 5;
    r = parse_args(&g.o, argc - 1, argv + 1, &keep, 0);
    if (r < 0 || (r > 0 && !g.o.out)) {
        if (r > 0)
            fprintf(stderr, "gen-org: --out DIR is required\n");
        fputs("usage: gen-org --out DIR [options]; see gen-org --help\n",
              stderr);
        rc = 2;
        goto done;
    }
    if (r == 0) {
        rc = 3;
        goto done;
    }
    if (g.o.tamper < 0)
        g.o.tamper = g.o.maturity == MAT_READY ? 0
                     : g.o.maturity == MAT_CONDITIONAL ? 1 : 2;
    if (!gen_setup(&g)) {
        rc = 3;
        goto done;
    }
    if (g.o.print_plan)
        gen_print_plan(&g, stdout);
    if (!gen_mkdir(&g, g.o.parts == PARTS_REGISTER ? NULL : "data")) {
        rc = 4;
        goto done;
    }
    if (g.o.parts != PARTS_DATA && (!gen_profile(&g) || !gen_register(&g) ||
                                    !gen_metrics(&g)))
        rc = 4;
    if (!rc && g.o.parts != PARTS_REGISTER &&
        (!gen_traffic(&g) || !gen_people(&g)))
        rc = 4;
    if (!rc && !g.o.quiet)
        fprintf(stderr, "gen-org: wrote %s (%s, %zu programs, %d months, "
                "maturity %s, seed %llu)\n", g.o.out,
                g.o.parts == PARTS_ALL ? "all"
                : g.o.parts == PARTS_DATA ? "data" : "register", g.nprog,
                g.nmonths, maturity_name(g.o.maturity),
                (unsigned long long)g.o.seed);
done:
    gen_free(&g);
    for (i = 0; i < keep.n; i++)
        free(keep.v[i]);
    free(keep.v);
    return rc;
}
