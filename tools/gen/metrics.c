/*
 * metrics.c — metrics.csv (inputs.md, "metrics.csv"): the monthly values
 * of the metrics the catalogue declares, which no raw file can give
 * (calibration agreement, training first-attempt pass rate, schedule
 * adherence, ...).  One row per program, metric and data month, as the
 * scenario designed them (scenario.c, plan_declared); sorted by program,
 * then metric, then month, the order copcgap kpi prints.  The file
 * belongs to the register part: an operation exports these figures
 * from its own systems, it does not derive them from contacts.
 */
#include <stdlib.h>
#include <string.h>

#include "gen.h"

static int before(const struct gen *g, const struct dplan *x,
                  const struct dplan *y)
{
    int c = strcmp(g->prog[x->prog].id, g->prog[y->prog].id);
    return c ? c < 0 : strcmp(x->metric, y->metric) < 0;
}

int gen_metrics(const struct gen *g)
{
    const struct dplan **v;
    char *tmp;
    FILE *f;
    size_t i;
    int t;

    f = gen_open(g, "metrics.csv", &tmp);
    if (!f)
        return 0;
    fputs("program,metric,period,value,n\n", f);
    v = calloc(g->ndp + 1, sizeof *v);
    if (!v)
        abort();
    for (i = 0; i < g->ndp; i++) {
        /* Insertion sort: a few dozen plans at most. */
        size_t j = i;
        for (; j > 0 && before(g, &g->dp[i], v[j - 1]); j--)
            v[j] = v[j - 1];
        v[j] = &g->dp[i];
    }
    for (i = 0; i < g->ndp; i++)
        for (t = 0; t < g->nmonths; t++) {
            char m[MONTH_BUF];
            month_format(g->m0 + t, m);
            fprintf(f, "%s,%s,%s,%.1f,\n", g->prog[v[i]->prog].id,
                    v[i]->metric, m, v[i]->v[t]);
        }
    free(v);
    return gen_close(f, tmp, "metrics.csv");
}
