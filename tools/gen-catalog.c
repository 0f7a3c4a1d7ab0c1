/*
 * gen-catalog.c — a large, valid requirements catalogue for benchmarks
 * (make bench) and for trying copcgap at scale, the same bytes every
 * time for the same options.
 *
 *   gen-catalog -n REQUIREMENTS [-o FILE] [-s SEED] [--chain LENGTH]
 *               [--per-item K] [--refs]
 *
 * Four categories split into items of K requirements (default 50); each
 * requirement has one to three rules of every type the schema knows
 * (evidence, cadence, finding, metric, trend, sample, check), an owner
 * role from the shipped catalogue's vocabulary (so that tools/gen-org
 * can write a matching organisation folder), titles in English and
 * Spanish, and dependencies on earlier requirements only (so there is
 * never a cycle).  --chain LENGTH makes the first LENGTH requirements
 * one dependency chain (each depends on the one before), the shape that
 * made the linter and the plan quadratic; `--chain all` chains them all.
 * --refs adds crosswalk links to iso-18295-1-aligned clauses.
 *
 * The document is kept terse (about seven elements a requirement) so
 * that 200 000 requirements stay within the element cap of
 * docs/limits.md.  Exit status: 0 done, 2 usage, 4 I/O.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t state;

/* splitmix64: small, fast, and the same on every machine. */
static uint64_t next(void)
{
    uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* Uniform in [0, n). */
static size_t pick(size_t n)
{
    return (size_t)(next() % n);
}

/* 1 with probability pct / 100. */
static int chance(unsigned pct)
{
    return next() % 100 < pct;
}

static const char *const roles[] = {
    "site-director", "compliance-officer", "operations-manager",
    "client-services-manager", "reporting-analyst", "quality-manager",
    "wfm-manager", "training-manager", "it-manager", "hr-manager",
};

static const char *const kinds[] = {
    "policy", "procedure", "record", "report", "minutes", "plan",
    "dashboard", "training-record", "test-report", "contract",
};

static const char *const topics_en[] = {
    "Escalation handling", "Knowledge base upkeep", "Complaint review",
    "Schedule governance", "Coaching routine", "Client reporting",
    "Data retention", "Vendor oversight", "Access management",
    "Root-cause analysis", "Forecast review", "Induction training",
};
static const char *const topics_es[] = {
    "Gestión de escalamientos", "Mantenimiento de la base de conocimiento",
    "Revisión de reclamos", "Gobierno de la malla", "Rutina de coaching",
    "Reportes al cliente", "Retención de datos", "Supervisión de "
    "proveedores", "Gestión de accesos", "Análisis de causa raíz",
    "Revisión del pronóstico", "Capacitación de inducción",
};

static const char *const categories_en[] = {
    "Leadership &amp; Planning", "Processes", "People", "Performance"
};
static const char *const categories_es[] = {
    "Liderazgo y planificación", "Procesos", "Personas", "Desempeño"
};
static const unsigned category_weights[] = { 400, 1000, 600, 1000 };

static const char *const clauses[] = {
    "4.1", "4.2", "5.1", "5.2", "6.1", "6.2", "7.1", "7.2", "7.3",
    "8.1", "8.2", "8.3", "9.1", "9.2",
};

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

/* One rule of the given type (0..6), written as the shipped catalogue
 * writes them. */
static void rule(FILE *f, int type)
{
    switch (type) {
    case 0:
        fprintf(f, "<evidence kinds=\"%s\" max-age-days=\"%d\"/>",
                kinds[pick(N_OF(kinds))], chance(50) ? 365 : 730);
        break;
    case 1:
        fputs("<finding/>", f);
        break;
    case 2:
        fprintf(f, "<cadence kinds=\"record\" months=\"%d\"/>",
                chance(50) ? 3 : 6);
        break;
    case 3:
        fputs(chance(50)
                  ? "<metric name=\"service_level\" channels=\"voice chat\" "
                    "target=\"program\" op=\"ge\" value=\"80\" "
                    "mode=\"at-least\" months=\"6\" at-least=\"4\"/>"
                  : "<metric name=\"schedule_adherence\" target=\"program\" "
                    "op=\"ge\" value=\"90\" mode=\"each\" months=\"3\"/>",
              f);
        break;
    case 4:
        fputs("<trend name=\"csat\" months=\"6\" min-points=\"4\"/>", f);
        break;
    case 5:
        fputs("<sample name=\"euc_moe\" relative-to=\"euc_accuracy\" "
              "fraction=\"1\" max-moe=\"5\" mode=\"each\" months=\"3\"/>",
              f);
        break;
    default:
        fputs(chance(50)
                  ? "<check per-program=\"true\" expr='has(target("
                    "\"abandon_rate\")) and kpi(\"abandon_rate\") &lt;= "
                    "target(\"abandon_rate\") + 1'><label>Abandonment "
                    "within a point of target</label></check>"
                  : "<check expr='evidence(\"record\") &gt;= 1'><label>At "
                    "least one record</label></check>",
              f);
        break;
    }
}

/* Rule types by frequency: evidence and findings dominate, as in the
 * shipped catalogue. */
static int rule_type(void)
{
    static const int table[20] = { 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2,
                                   3, 3, 4, 5, 6, 6, 0 };
    return table[pick(20)];
}

static void usage(FILE *f)
{
    fputs("usage: gen-catalog -n REQUIREMENTS [-o FILE] [-s SEED] "
          "[--chain LENGTH|all]\n"
          "                   [--per-item K] [--refs]\n", f);
}

static int number(const char *s, unsigned long max, unsigned long *out)
{
    char *end;
    unsigned long v;

    errno = 0;
    v = strtoul(s, &end, 10);
    if (errno || end == s || *end || v > max)
        return 0;
    *out = v;
    return 1;
}

int main(int argc, char **argv)
{
    unsigned long n = 0, seed = 1, chain = 0, per_item = 50;
    const char *out = NULL;
    int refs = 0, chain_all = 0, i;
    unsigned long r, c, nitems, item, written = 0;
    unsigned long ncat = sizeof category_weights / sizeof *category_weights;
    char **ids;
    FILE *f;

    for (i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        int ok = 1;
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(a, "--refs") == 0) {
            refs = 1;
            continue;
        }
        if (!v) {
            usage(stderr);
            return 2;
        }
        if (strcmp(a, "-n") == 0)
            ok = number(v, 10000000, &n) && n > 0;
        else if (strcmp(a, "-o") == 0)
            out = v;
        else if (strcmp(a, "-s") == 0 || strcmp(a, "--seed") == 0)
            ok = number(v, ~0UL, &seed);
        else if (strcmp(a, "--chain") == 0)
            ok = strcmp(v, "all") == 0 ? (chain_all = 1)
                                       : number(v, 10000000, &chain);
        else if (strcmp(a, "--per-item") == 0)
            ok = number(v, 100000, &per_item) && per_item > 0;
        else
            ok = 0;
        if (!ok) {
            fprintf(stderr, "gen-catalog: bad option %s %s\n", a, v);
            usage(stderr);
            return 2;
        }
        i++;
    }
    if (!n) {
        usage(stderr);
        return 2;
    }
    if (chain_all || chain > n)
        chain = n;
    state = seed;
    f = out ? fopen(out, "w") : stdout;
    if (!f) {
        fprintf(stderr, "gen-catalog: %s: %s\n", out, strerror(errno));
        return 4;
    }
    ids = calloc(n, sizeof *ids);
    if (!ids) {
        fputs("gen-catalog: out of memory\n", stderr);
        return 4;
    }
    fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<!-- Generated by tools/gen-catalog: %lu requirements, seed "
               "%lu, chain %lu, %lu per item%s -->\n"
               "<catalog id=\"generated\" version=\"%lu\" "
               "publisher=\"copcgap gen-catalog\">\n"
               "<title>Generated catalogue of %lu requirements</title>\n"
               "<title xml:lang=\"es\">Catálogo generado de %lu "
               "requisitos</title>\n"
               "<metrics><metric name=\"schedule_adherence\" unit=\"%%\" "
               "better=\"higher\" class=\"service\"><title>Schedule "
               "adherence</title></metric></metrics>\n",
            n, seed, chain, per_item, refs ? ", crosswalk links" : "", n, n, n);
    /* Items of per_item requirements, dealt round the categories in
     * blocks so that every category has items. */
    nitems = (n + per_item - 1) / per_item;
    r = 0;
    for (c = 0; c < ncat; c++) {
        unsigned long first = nitems * c / ncat, last = nitems * (c + 1) /
                                                        ncat;
        if (first == last)
            continue;
        fprintf(f, "<category id=\"%lu\" weight=\"%u\">\n<title>%s</title>"
                   "\n<title xml:lang=\"es\">%s</title>\n",
                c + 1, category_weights[c], categories_en[c],
                categories_es[c]);
        for (item = first; item < last; item++) {
            unsigned long k, kmax = per_item;
            size_t t = pick(N_OF(topics_en));
            fprintf(f, "<item id=\"%lu.%lu\" weight=\"%u\">"
                       "<title>%s %lu</title>"
                       "<title xml:lang=\"es\">%s %lu</title>\n",
                    c + 1, item - first + 1, (unsigned)(1 + pick(100)),
                    topics_en[t], item + 1, topics_es[t], item + 1);
            for (k = 0; k < kmax && r < n; k++, r++) {
                char id[64];
                unsigned nrules = 1 + (unsigned)pick(3), j, seen;
                snprintf(id, sizeof id, "%lu.%lu.%lu", c + 1,
                         item - first + 1, k + 1);
                ids[r] = strdup(id);
                if (!ids[r]) {
                    fputs("gen-catalog: out of memory\n", stderr);
                    return 4;
                }
                fprintf(f, "<requirement id=\"%s\" weight=\"%u\" "
                           "impact=\"%u\" owner=\"%s\"%s%s>"
                           "<title>%s, requirement %s</title>"
                           "<title xml:lang=\"es\">%s, requisito %s"
                           "</title>",
                        id, 1 + (unsigned)pick(3), 1 + (unsigned)pick(5),
                        roles[pick(N_OF(roles))],
                        chance(1) ? " critical=\"true\"" : "",
                        chance(30) ? " effort-days=\"4\"" : "",
                        topics_en[t], id, topics_es[t], id);
                if (chance(3))
                    fputs(chance(50)
                              ? "<applies-to kind=\"outsourcer\"/>"
                              : "<applies-to channels=\"voice chat\"/>",
                          f);
                if (r > 0 && r < chain)
                    fprintf(f, "<depends-on ref=\"%s\"/>", ids[r - 1]);
                else if (r > 0 && chance(30))
                    fprintf(f, "<depends-on ref=\"%s\"/>",
                            ids[pick(r)]);
                if (refs && chance(10))
                    fprintf(f, "<ref standard=\"iso-18295-1-aligned\" "
                               "clause=\"%s\" relation=\"subset\"/>",
                            clauses[pick(N_OF(clauses))]);
                fputs("<rules>", f);
                /* Distinct types: findings.csv holds one finding per
                 * requirement (and program), whatever its rules. */
                seen = 0;
                for (j = 0; j < nrules; j++) {
                    int type = rule_type();
                    if (seen & (1u << type))
                        continue;
                    seen |= 1u << type;
                    rule(f, type);
                }
                fputs("</rules></requirement>\n", f);
                written++;
            }
            fputs("</item>\n", f);
        }
        fputs("</category>\n", f);
    }
    fputs("</catalog>\n", f);
    for (r = 0; r < n; r++)
        free(ids[r]);
    free(ids);
    if (ferror(f) || (out && fclose(f) != 0)) {
        fprintf(stderr, "gen-catalog: %s: write error\n",
                out ? out : "stdout");
        return 4;
    }
    return written == n ? 0 : 4;
}
