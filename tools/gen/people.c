/*
 * people.c — staff.csv (the roster), qa.csv (transaction monitoring)
 * and surveys.csv (customer surveys).
 *
 * Roster: each program starts with its planned headcount, hired over
 * the three years before the data (tenure skewed short, as on most
 * floors).  Each month the designed attrition decides how many leave;
 * each leaver is backfilled by a hire who trains two to three weeks,
 * passes skills verification, then takes live contacts.  When the plan
 * wants unverified agents, extra hires take live contacts days before
 * their verification.  In the assessment window the monthly leaver
 * counts are ordered so that a fine program's attrition does not rise
 * (and a declining one's does): with a handful of leavers a month the
 * order of the counts, not the rate, decides the sign of the trend.
 *
 * QA: evaluations per month = designed evaluations per agent x agents
 * on staff, and, where monitoring is fine and the operation is not far
 * from certification, at least what the catalogue's sample rules need
 * for their margin of error (a mature operation sizes its sample for
 * precision); exactly the designed share
 * of them carry an error of each class (shuffled), so accuracies and
 * their margin of error come out as designed.  Surveys: responses in proportion to the day's contacts;
 * the designed top-2-box and NPS shares are met exactly, CES is drawn;
 * answers are correlated through one latent satisfaction per response.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "copcgap/util.h"
#include "gen.h"

struct agent {
    int prog;
    cg_day hired, left, verified, first;    /* 0 = empty */
    int leaving;
};

struct roster {
    struct agent *v;
    size_t n, cap;
};

static double clampd(double v, double lo, double hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

static int on_staff(const struct agent *a, cg_day d)
{
    return a->hired <= d && (!a->left || a->left > d);
}

static void add_agent(struct roster *ro, int p, cg_day hired, cg_day d1,
                      struct rng *r)
{
    struct agent a;
    memset(&a, 0, sizeof a);
    a.prog = p;
    a.hired = hired;
    a.verified = hired + (cg_day)rng_range(r, 14, 24);
    a.first = a.verified + (cg_day)rng_range(r, 1, 3);
    if (a.verified > d1)
        a.verified = a.first = 0;       /* still in training */
    else if (a.first > d1)
        a.first = 0;
    VEC_PUSH(ro->v, ro->n, ro->cap) = a;
}

/* Leavers per month: the designed rate, spread so counts add up. */
static void leaver_counts(const struct gen *g, int p, int *count)
{
    const struct gen_program *pg = &g->prog[p];
    const struct kplan *kp = &pg->k[K_ATTR];
    int n = g->nmonths, w0 = n - 6 > 0 ? n - 6 : 0, t, i, j;
    int cap = (int)(kp->target * pg->headcount / 100);
    double cum = 0;
    long prev = 0;

    for (t = 0; t < n; t++) {
        long now;
        cum += pg->headcount * kp->v[t] / 100;
        now = (long)(cum + 0.5);
        count[t] = (int)(now - prev);
        prev = now;
    }
    if (kp->state == KS_OK) {
        /* Within target each month; a team too small for one leaver to
         * stay within target loses at most two people in the window. */
        int left2 = 2;
        for (t = 0; t < n; t++) {
            if (cap >= 1 && count[t] > cap)
                count[t] = cap;
            if (cap == 0 && t >= w0)
                count[t] = count[t] > 0 && left2-- > 0 ? 1 : 0;
        }
    }
    /* Order the window: non-increasing when fine, rising otherwise. */
    for (i = w0; i < n; i++)
        for (j = i + 1; j < n; j++) {
            int swap = kp->state == KS_DECLINE ? count[j] < count[i]
                                               : count[j] > count[i];
            if (kp->state == KS_BELOW)
                swap = 0;
            if (swap) {
                int x = count[i];
                count[i] = count[j];
                count[j] = x;
            }
        }
    if (kp->state == KS_OK && n - w0 >= 2 && count[w0] > 0 &&
        count[w0] == count[n - 1])
        count[n - 1]--;         /* a flat run would be a zero slope */
}

static void build_roster(const struct gen *g, struct roster *ro)
{
    size_t p;
    int t;

    for (p = 0; p < g->nprog; p++) {
        const struct gen_program *pg = &g->prog[p];
        int leavers[GEN_MAX_MONTHS], i;
        struct rng r;
        size_t first = ro->n;

        rng_keyed(&r, g->o.seed, "roster|%s", pg->id);
        for (i = 0; i < pg->headcount; i++) {
            long back = 30 + (long)rng_exp(&r, 400);
            if (back > 1100)
                back = 1100 - (back % 200);
            add_agent(ro, (int)p, g->d0 - (cg_day)back, g->d1, &r);
        }
        leaver_counts(g, (int)p, leavers);
        for (t = 0; t < g->nmonths; t++) {
            cg_day m1 = month_first_day(g->m0 + t);
            cg_day m2 = month_last_day(g->m0 + t);
            int unver = (int)pg->k[K_UNVER].v[t];
            if (m2 > g->d1)
                m2 = g->d1;
            for (i = 0; i < leavers[t]; i++) {
                size_t j, pool = 0, pick;
                cg_day left;
                for (j = first; j < ro->n; j++)
                    pool += ro->v[j].prog == (int)p && !ro->v[j].leaving &&
                            on_staff(&ro->v[j], m1) &&
                            ro->v[j].hired + 14 < m1;
                if (pool == 0)
                    break;
                pick = (size_t)rng_range(&r, 0, (long)pool - 1);
                for (j = first; j < ro->n; j++) {
                    struct agent *a = &ro->v[j];
                    if (a->prog != (int)p || a->leaving ||
                        !on_staff(a, m1) || a->hired + 14 >= m1)
                        continue;
                    if (pick-- == 0)
                        break;
                }
                /* Leave after the month's first day, so the agent
                 * counts in the month's opening headcount. */
                left = m1 + (cg_day)rng_range(&r, 1, m2 - m1 > 1 ? m2 - m1
                                                                 : 1);
                ro->v[j].leaving = 1;
                ro->v[j].left = left;
                if (left + 15 <= g->d1)
                    add_agent(ro, (int)p, left + (cg_day)rng_range(&r, -20,
                                                                   15),
                              g->d1, &r);
            }
            for (i = 0; i < unver; i++) {
                /* Put on the phones before passing verification. */
                struct agent a;
                memset(&a, 0, sizeof a);
                a.prog = (int)p;
                a.hired = m1 - (cg_day)rng_range(&r, 15, 25);
                a.first = m1 + (cg_day)rng_range(&r, 0, m2 - m1);
                a.verified = a.first + (cg_day)rng_range(&r, 3, 12);
                if (a.verified > g->d1)
                    a.verified = 0;
                VEC_PUSH(ro->v, ro->n, ro->cap) = a;
            }
        }
    }
}

static void put_date(FILE *f, cg_day d)
{
    char b[DATE_BUF];
    if (d) {
        date_format(d, b);
        fputs(b, f);
    }
}

static int write_staff(const struct gen *g, const struct roster *ro)
{
    char *tmp;
    FILE *f = gen_open(g, "data/staff.csv", &tmp);
    size_t i;

    if (!f)
        return 0;
    fputs("agent_id,program,hired,left,verified,first_contact\n", f);
    for (i = 0; i < ro->n; i++) {
        const struct agent *a = &ro->v[i];
        fprintf(f, "AG%04zu,%s,", i + 1, g->prog[a->prog].id);
        put_date(f, a->hired);
        fputc(',', f);
        put_date(f, a->left);
        fputc(',', f);
        put_date(f, a->verified);
        fputc(',', f);
        put_date(f, a->first);
        fputc('\n', f);
    }
    return gen_close(f, tmp, "data/staff.csv");
}

/* The days of a month (up to as-of), weighted by a program's contacts,
 * for drawing the day of an evaluation or a survey response. */
struct days {
    cg_day first;
    int n;
    double cum[31];
};

static void month_days(const struct gen *g, int p, int t, int no_sunday,
                       struct days *dy)
{
    cg_day d2 = month_last_day(g->m0 + t);
    double total = 0;
    int i;

    dy->first = month_first_day(g->m0 + t);
    if (d2 > g->d1)
        d2 = g->d1;
    dy->n = (int)(d2 - dy->first + 1);
    for (i = 0; i < dy->n; i++) {
        cg_day d = dy->first + i;
        /* QA evaluators do not work on Sundays. */
        if (!no_sunday || date_weekday(d) != 6)
            total += gen_day_volume(g, p, d);
        dy->cum[i] = total;
    }
}

static cg_day pick_day(const struct days *dy, struct rng *r)
{
    double u = rng_unif(r) * dy->cum[dy->n - 1];
    int lo = 0, hi = dy->n - 1;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (dy->cum[mid] > u)
            hi = mid;
        else
            lo = mid + 1;
    }
    return dy->first + lo;
}

/* ------------------------------------------------------------------ QA */

struct eval {
    cg_day day;
    int prog;
    size_t agent;
    int err[4];
};

static int cmp_eval(const void *a, const void *b)
{
    const struct eval *x = a, *y = b;
    if (x->day != y->day)
        return x->day < y->day ? -1 : 1;
    return x->prog != y->prog ? x->prog - y->prog
                              : (x->agent < y->agent ? -1 :
                                 x->agent > y->agent);
}

static size_t pick_agent(const struct roster *ro, int p, cg_day d,
                         struct rng *r)
{
    size_t i, pool = 0, pick;
    for (i = 0; i < ro->n; i++)
        pool += ro->v[i].prog == p && on_staff(&ro->v[i], d) &&
                ro->v[i].first && ro->v[i].first <= d;
    if (pool == 0)
        return 0;
    pick = (size_t)rng_range(r, 0, (long)pool - 1);
    for (i = 0; i < ro->n; i++)
        if (ro->v[i].prog == p && on_staff(&ro->v[i], d) &&
            ro->v[i].first && ro->v[i].first <= d && pick-- == 0)
            return i;
    return 0;
}

/* The designed accuracy a margin-of-error metric measures. */
static int moe_class(const char *metric)
{
    if (strcmp(metric, "bc_moe") == 0)
        return K_BC;
    if (strcmp(metric, "cc_moe") == 0)
        return K_CC;
    return K_EUC;
}

/*
 * The smallest number of evaluations, from `base` up, for which every
 * sample rule's margin of error holds on program p in month t, computed
 * as copcgap will (docs/kpis.md): the accuracy is the share without an
 * error after the error count is rounded as month_evals rounds it, 100
 * 1.96 sqrt(p (1 - p) / n) with the finite population correction for
 * the month's answered contacts, and 3 % to spare.  The limit is the
 * rule's: a share of the room the program's target leaves, else its
 * fixed maximum.
 */
static int precise_count(const struct gen *g, int p, int t, int base)
{
    const struct gen_program *pg = &g->prog[p];
    cg_day d, d1 = month_first_day(g->m0 + t), d2 = month_last_day(g->m0 + t);
    double N = 0;
    size_t i, j, k, n;
    int progs[GEN_MAX_PROGRAMS], c = base;

    if (d2 > g->d1)
        d2 = g->d1;
    for (d = d1; d <= d2; d++)
        N += gen_day_volume(g, p, d);
    N *= 0.95;                  /* about the answered share */
    for (i = 0; i < g->cat->nreqs; i++) {
        const struct requirement *r = &g->cat->reqs[i];
        if (!gen_req_applies(g, r))
            continue;
        for (j = 0; j < r->nrules; j++) {
            const struct rule *ru = &r->rules[j];
            const struct kplan *acc;
            double e;
            int in = 0;
            if (ru->type != RULE_SAMPLE)
                continue;
            n = gen_rule_programs(g, r, ru, progs);
            for (k = 0; k < n; k++)
                in |= progs[k] == p;
            if (!in)
                continue;
            acc = &pg->k[moe_class(ru->metric ? ru->metric : "euc_moe")];
            e = ru->relative_to && acc->in_profile && acc->target < 100
                    ? ru->fraction * (100 - acc->target) : ru->max_moe;
            if (e <= 0)
                continue;
            for (; c < 20000; c++) {
                int errors = (int)(c * (100 - acc->v[t]) / 100 + 0.5);
                double a = 1 - (double)errors / c, fpc = 1, moe;
                if (a <= 0 || a >= 1)
                    a = a <= 0 ? 0.5 / c : 1 - 0.5 / c;
                if (N > c)
                    fpc = sqrt((N - c) / (N - 1));
                moe = 100 * ru->z * sqrt(a * (1 - a) / c) * fpc;
                if (moe <= 0.97 * e)
                    break;
            }
        }
    }
    return c;
}

static int month_evals(const struct gen *g, const struct roster *ro, int p,
                       int t, struct eval **ev, size_t *n, size_t *cap)
{
    static const enum kmetric cls[4] = { K_EUC, K_BC, K_CC, K_NC };
    const struct gen_program *pg = &g->prog[p];
    cg_day mid = month_first_day(g->m0 + t) + 14;
    size_t i, staff = 0, start = *n;
    int k, count, c;
    int *flag;
    struct rng r;
    struct days dy;

    rng_keyed(&r, g->o.seed, "qa|%s|%d", pg->id, t);
    month_days(g, p, t, 1, &dy);
    for (i = 0; i < ro->n; i++)
        staff += ro->v[i].prog == p && on_staff(&ro->v[i], mid);
    count = (int)((double)staff * pg->k[K_QASAMPLE].v[t] + 0.999) +
            (int)rng_range(&r, 0, 3);
    /* Sized for precision where monitoring is mature; an operation far
     * from certification evaluates a fixed number per agent. */
    if (pg->k[K_QASAMPLE].state == KS_OK && g->o.maturity != MAT_FAR)
        count = precise_count(g, p, t, count);
    if (month_first_day(g->m0 + t) > g->d1 || count <= 0)
        return 1;
    flag = xcalloc((size_t)count, sizeof *flag);
    for (k = 0; k < count; k++) {
        struct eval e;
        memset(&e, 0, sizeof e);
        e.prog = p;
        e.day = pick_day(&dy, &r);
        e.agent = pick_agent(ro, p, e.day, &r);
        VEC_PUSH(*ev, *n, *cap) = e;
    }
    for (c = 0; c < 4; c++) {
        double acc = pg->k[cls[c]].v[t];
        int errors = (int)(count * (100 - acc) / 100 + 0.5);
        for (k = 0; k < count; k++)
            flag[k] = k < errors;
        rng_shuffle(&r, flag, (size_t)count);
        for (k = 0; k < count; k++)
            if (flag[k])
                (*ev)[start + (size_t)k].err[c] =
                    1 + (rng_unif(&r) < (c == 3 ? 0.35 : 0.12));
    }
    free(flag);
    return 1;
}

static int write_qa(const struct gen *g, const struct roster *ro)
{
    char *tmp;
    FILE *f = gen_open(g, "data/qa.csv", &tmp);
    struct eval *ev = NULL;
    size_t n = 0, cap = 0, i;
    long id = 0;
    int t;

    if (!f)
        return 0;
    fputs("eval_id,program,evaluated,agent_id,euc_errors,bc_errors,"
          "cc_errors,nc_errors\n", f);
    for (t = 0; t < g->nmonths; t++) {
        size_t p;
        n = 0;
        for (p = 0; p < g->nprog; p++)
            month_evals(g, ro, (int)p, t, &ev, &n, &cap);
        qsort(ev, n, sizeof *ev, cmp_eval);
        for (i = 0; i < n; i++) {
            fprintf(f, "QA%06ld,%s,", ++id, g->prog[ev[i].prog].id);
            put_date(f, ev[i].day);
            fprintf(f, ",AG%04zu,%d,%d,%d,%d\n", ev[i].agent + 1,
                    ev[i].err[0], ev[i].err[1], ev[i].err[2], ev[i].err[3]);
        }
    }
    free(ev);
    return gen_close(f, tmp, "data/qa.csv");
}

/* ------------------------------------------------------------- surveys */

struct resp {
    cg_day day;
    int prog;
    double key;                 /* latent satisfaction, for ordering */
    int csat, nps, ces;         /* -1 = no answer */
};

struct order {
    double key;
    size_t i;
};

static int cmp_order(const void *a, const void *b)
{
    const struct order *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return x->i < y->i ? -1 : x->i > y->i;
}

static int cmp_resp(const void *a, const void *b)
{
    const struct resp *x = a, *y = b;
    if (x->day != y->day)
        return x->day < y->day ? -1 : 1;
    if (x->prog != y->prog)
        return x->prog - y->prog;
    return x->key < y->key ? -1 : x->key > y->key;
}

/*
 * Give `values` (ascending) to the responses that answer, in the order
 * of their latent satisfaction plus noise: better-rated customers tend
 * to give higher scores on every question.
 */
static void assign(struct resp *v, size_t n, const int *values, size_t nv,
                   int which, struct rng *r)
{
    struct order *o = xcalloc(n, sizeof *o);
    size_t i, k = 0;
    int *answers = xcalloc(n, sizeof *answers);

    for (i = 0; i < n; i++)
        answers[i] = i < nv;
    rng_shuffle(r, answers, n);
    for (i = 0; i < n; i++) {
        o[i].key = v[i].key + 0.6 * rng_normal(r);
        o[i].i = i;
    }
    qsort(o, n, sizeof *o, cmp_order);
    for (i = 0; i < n; i++) {
        struct resp *x = &v[o[i].i];
        int val = answers[o[i].i] ? values[k++] : -1;
        if (which == 0)
            x->csat = val;
        else if (which == 1)
            x->nps = val;
        else
            x->ces = val;
    }
    free(o);
    free(answers);
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static void month_responses(const struct gen *g, int p, int t,
                            struct resp **rv, size_t *n, size_t *cap)
{
    static const double rate[CH_COUNT] = { 0.07, 0.12, 0.06, 0.10, 0.05,
                                           0.04, 0.03 };
    const struct gen_program *pg = &g->prog[p];
    cg_day d1 = month_first_day(g->m0 + t), d2 = month_last_day(g->m0 + t);
    double volume = 0, csat, nps, ces, pp, pd;
    size_t count, nc, nn, ne, i, start = *n;
    size_t top, prom, det;
    int *vals;
    struct rng r;
    struct days dy;
    cg_day d;

    if (d2 > g->d1)
        d2 = g->d1;
    for (d = d1; d <= d2; d++)
        volume += gen_day_volume(g, p, d);
    count = (size_t)(volume * 0.95 * rate[pg->channel]);
    if (count < 20)
        count = 20;
    rng_keyed(&r, g->o.seed, "survey|%s|%d", pg->id, t);
    month_days(g, p, t, 0, &dy);
    for (i = 0; i < count; i++) {
        struct resp x;
        x.day = pick_day(&dy, &r);
        x.prog = p;
        x.key = rng_normal(&r);
        x.csat = x.nps = x.ces = -1;
        VEC_PUSH(*rv, *n, *cap) = x;
    }
    vals = xcalloc(count, sizeof *vals);
    /* CSAT: the designed share in the top two boxes, exactly. */
    csat = clampd(pg->k[K_CSAT].v[t], 0, 100);
    nc = count - count * 3 / 100;
    top = (size_t)((double)nc * csat / 100 + 0.5);
    for (i = 0; i < nc; i++) {
        double u = rng_unif(&r);
        if (i < top)
            vals[i] = u < 0.58 ? 5 : 4;
        else
            vals[i] = u < 0.55 ? 3 : u < 0.80 ? 2 : 1;
    }
    qsort(vals, nc, sizeof *vals, cmp_int);
    assign(*rv + start, count, vals, nc, 0, &r);
    /* NPS: 30 % passives; promoters minus detractors as designed. */
    nps = clampd(pg->k[K_NPS].v[t], -70, 70);
    nn = count - count / 10;
    pp = (0.70 + nps / 100) / 2;
    pd = (0.70 - nps / 100) / 2;
    prom = (size_t)((double)nn * pp + 0.5);
    det = (size_t)((double)nn * pd + 0.5);
    for (i = 0; i < nn; i++) {
        double u = rng_unif(&r);
        if (i < prom)
            vals[i] = u < 0.45 ? 10 : 9;
        else if (i < prom + det)
            vals[i] = u < 0.35 ? 6 : u < 0.60 ? 5 : u < 0.72 ? 4
                      : u < 0.82 ? 3 : u < 0.88 ? 2 : u < 0.93 ? 1 : 0;
        else
            vals[i] = u < 0.55 ? 8 : 7;
    }
    qsort(vals, nn, sizeof *vals, cmp_int);
    assign(*rv + start, count, vals, nn, 1, &r);
    /* CES (7 = very easy): drawn around the designed mean. */
    ces = pg->k[K_CES].v[t];
    ne = count - count / 5;
    for (i = 0; i < ne; i++) {
        double x = ces + 1.1 * rng_normal(&r);
        vals[i] = (int)clampd(x + 0.5, 1, 7);
    }
    qsort(vals, ne, sizeof *vals, cmp_int);
    assign(*rv + start, count, vals, ne, 2, &r);
    free(vals);
}

static void put_answer(FILE *f, int v)
{
    if (v >= 0)
        fprintf(f, "%d", v);
}

static int write_surveys(const struct gen *g)
{
    char *tmp;
    FILE *f = gen_open(g, "data/surveys.csv", &tmp);
    struct resp *rv = NULL;
    size_t n, cap = 0, i, p;
    long id = 0;
    int t;

    if (!f)
        return 0;
    fputs("response_id,program,responded,csat,nps,ces\n", f);
    for (t = 0; t < g->nmonths; t++) {
        n = 0;
        for (p = 0; p < g->nprog; p++)
            month_responses(g, (int)p, t, &rv, &n, &cap);
        qsort(rv, n, sizeof *rv, cmp_resp);
        for (i = 0; i < n; i++) {
            fprintf(f, "R%07ld,%s,", ++id, g->prog[rv[i].prog].id);
            put_date(f, rv[i].day);
            fputc(',', f);
            put_answer(f, rv[i].csat);
            fputc(',', f);
            put_answer(f, rv[i].nps);
            fputc(',', f);
            put_answer(f, rv[i].ces);
            fputc('\n', f);
        }
    }
    free(rv);
    return gen_close(f, tmp, "data/surveys.csv");
}

int gen_people(struct gen *g)
{
    struct roster ro;
    int ok;

    memset(&ro, 0, sizeof ro);
    build_roster(g, &ro);
    ok = write_staff(g, &ro) && write_qa(g, &ro) && write_surveys(g);
    free(ro.v);
    return ok;
}
