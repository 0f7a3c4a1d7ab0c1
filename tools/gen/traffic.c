/*
 * traffic.c — contacts.csv and forecast.csv: when contacts arrive, how
 * long they wait, which ones give up, and how well they were forecast.
 *
 * Arrivals: each program's monthly volume (its share of --contacts,
 * times a retail seasonality with a December peak) is spread over days
 * by weekday weights (Monday busiest, Sunday quietest; closed on 25
 * December and 1 January) and over 30-minute intervals by an intraday
 * curve with a late-morning and an early-afternoon peak (chat adds an
 * evening one).  Each interval's count is Poisson.
 *
 * Queue (live channels): agents for an interval are planned from its
 * forecast with Erlang C (copc.md section 2) to reach the month's
 * designed service level, give or take an absent or extra agent.  The
 * interval's real load then gives the probability of waiting Pw and the
 * wait of those who queue, exponential with mean AHT / (N - A).  Each
 * caller's patience is exponential; whoever's patience runs out before
 * the wait abandons at that moment.  So when the service level falls,
 * waits lengthen and abandons rise, as on a real floor.  About 1 % of
 * callers hang up within 5 seconds whatever the queue (short abandons).
 *
 * Deferred channels (email, back office): the response time is
 * lognormal, its median set so that the designed share is answered
 * within the program's service-level time; nobody abandons.
 *
 * Forecast: the interval's expected volume times (1 + e), e normal with
 * a few percent spread and an occasional miss of 20-35 %; per 30 minutes
 * for live channels, per day for deferred ones.  The actual count is
 * Poisson around the expected volume, so even a perfect forecaster
 * misses by that noise, as on a real floor (docs/kpis.md, "Why the
 * catalogue judges forecasts by WAPE").  Staffing follows the intraday
 * re-forecast instead: the realised count with the same error e, which
 * models the forecaster's skill without moving the service levels the
 * scenario designs.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"

#define SLOTS 48                /* 30-minute intervals a day */

/* Retail seasonality by calendar month, January first. */
static const double season[12] = {
    1.02, 0.93, 0.96, 0.95, 0.97, 0.96, 0.99, 0.97, 1.00, 1.03, 1.06, 1.16
};

static int live(enum channel c)
{
    return c != CH_EMAIL && c != CH_BACK_OFFICE;
}

static double day_weight(enum channel c, cg_day d)
{
    static const double voice[7] = { 1.30, 1.12, 1.05, 1.02, 0.95, 0.55,
                                     0.32 };
    static const double chat[7] = { 1.20, 1.08, 1.04, 1.02, 0.98, 0.72,
                                    0.52 };
    static const double deferred[7] = { 1.25, 1.10, 1.05, 1.02, 0.98, 0.45,
                                        0.35 };
    int y, m, dd, w = date_weekday(d);

    date_to_ymd(d, &y, &m, &dd);
    if (live(c) && ((m == 12 && dd == 25) || (m == 1 && dd == 1)))
        return 0;
    if (c == CH_VOICE)
        return voice[w];
    return live(c) ? chat[w] : deferred[w];
}

static int slot_open(enum channel c, cg_day d, int slot)
{
    int w = date_weekday(d);
    int from, to;               /* in slots: 16 = 08:00 */

    if (!live(c))
        return 1;
    if (c == CH_VOICE) {
        from = w < 5 ? 16 : w == 5 ? 18 : 20;
        to = w < 5 ? 42 : w == 5 ? 36 : 32;
    } else {
        from = w < 5 ? 16 : 20;
        to = w < 5 ? 44 : 36;
    }
    return slot >= from && slot < to;
}

static double bump(double h, double mu, double sd)
{
    double z = (h - mu) / sd;
    return dm_exp(-0.5 * z * z);
}

static double slot_weight(enum channel c, int slot)
{
    double h = slot / 2.0 + 0.25;
    if (!live(c))
        return 0.12 + 0.9 * bump(h, 10, 2.5) + 0.6 * bump(h, 15, 2.5) +
               0.25 * bump(h, 21, 2);
    if (c == CH_VOICE)
        return 0.30 + bump(h, 10.5, 1.4) + 0.85 * bump(h, 14.5, 1.5);
    return 0.30 + 0.9 * bump(h, 11, 1.5) + 0.8 * bump(h, 15, 1.6) +
           0.5 * bump(h, 20, 1.2);
}

static double season_of(cg_month m)
{
    return season[m % 12];
}

/* Sum of day weights over a month, and of slot weights over a day. */
static double month_day_weights(enum channel c, cg_month m)
{
    cg_day d;
    double s = 0;
    for (d = month_first_day(m); d <= month_last_day(m); d++)
        s += day_weight(c, d);
    return s;
}

static double day_slot_weights(enum channel c, cg_day d)
{
    double s = 0;
    int i;
    for (i = 0; i < SLOTS; i++)
        if (slot_open(c, d, i))
            s += slot_weight(c, i);
    return s;
}

static double mean_season(const struct gen *g)
{
    double s = 0;
    int t;
    for (t = 0; t < g->nmonths; t++)
        s += season_of(g->m0 + t);
    return s / g->nmonths;
}

double gen_day_volume(const struct gen *g, int p, cg_day d)
{
    const struct gen_program *pg = &g->prog[p];
    cg_month m = date_month(d);
    double monthly = (double)g->o.contacts * pg->share * season_of(m) /
                     mean_season(g);
    return monthly * day_weight(pg->channel, d) /
           month_day_weights(pg->channel, m);
}

/*
 * Per interval, actual - forecast is about normal with variance lambda
 * (Poisson arrivals) + (sigma lambda)^2 (the forecaster's error), and
 * E|X| = sqrt(2 / pi) sd; WAPE = sum E|X| / sum lambda.  With sigma 0
 * this is the floor no forecast can beat: 100 sqrt(2 / (pi lambda)) %
 * at a constant lambda per interval.
 */
double gen_wape_expected(const struct gen *g, int p, double sigma)
{
    enum channel c = g->prog[p].channel;
    cg_month m1 = date_month(g->d1), m0 = m1 - 5 > g->m0 ? m1 - 5 : g->m0;
    double err = 0, vol = 0;
    cg_day d;
    int slot;

    for (d = month_first_day(m0); d <= g->d1; d++) {
        double daily = gen_day_volume(g, p, d), slots;
        if (daily <= 0)
            continue;
        if (!live(c)) {
            err += sqrt(daily + sigma * sigma * daily * daily);
            vol += daily;
            continue;
        }
        slots = day_slot_weights(c, d);
        for (slot = 0; slot < SLOTS; slot++) {
            double lambda;
            if (!slot_open(c, d, slot))
                continue;
            lambda = daily * slot_weight(c, slot) / slots;
            err += sqrt(lambda + sigma * sigma * lambda * lambda);
            vol += lambda;
        }
    }
    return vol > 0 ? 100 * sqrt(2 / 3.141592653589793) * err / vol : 0;
}

/* ------------------------------------------------------------- queue */

/* Probability of waiting (Erlang C) with n agents and a erlangs. */
static double erlang_c(int n, double a)
{
    double b = 1;
    int i;
    if (n <= a)
        return 1;
    for (i = 1; i <= n; i++)
        b = a * b / (i + a * b);        /* Erlang B, iteratively */
    return n * b / (n - a * (1 - b));
}

static double erlang_sl(int n, double a, double aht, double t)
{
    if (n <= a)
        return 0;
    return 1 - erlang_c(n, a) * dm_exp(-(n - a) * t / aht);
}

/* Fewest agents giving at least `goal` within t seconds. */
static int agents_for(double a, double aht, double t, double goal)
{
    int n = (int)a + 1;
    while (erlang_sl(n, a, aht, t) < goal && n < (int)a + 500)
        n++;
    return n;
}

/* ------------------------------------------------------ per program */

struct pstate {
    struct rng r;               /* this program's own stream */
    int t;                      /* month index of the current day */
    double mu_handle, sd_handle;
    double email_mu;            /* log-median response time */
    double fcr_x;               /* Weyl sequence for resolved_first */
    long day_count;             /* deferred: contacts today */
    double fc_sd, fc_miss;
};

static void month_start(const struct gen *g, int p, struct pstate *s, int t)
{
    const struct gen_program *pg = &g->prog[p];
    double aht = pg->k[K_AHT].v[t];

    s->t = t;
    s->sd_handle = pg->channel == CH_VOICE ? 0.50
                   : pg->channel == CH_CHAT ? 0.45 : 0.60;
    s->mu_handle = dm_log(aht) - s->sd_handle * s->sd_handle / 2;
    if (!live(pg->channel)) {
        double sl = pg->k[K_SL].v[t] / 100;
        s->email_mu = dm_log(pg->sl_seconds) - 0.9 * dm_probit(sl);
    }
    s->fcr_x = key_unif(g->o.seed, "fcr|%s|%d", pg->id, t);
    s->fc_sd = pg->k[K_FACC].state == KS_OK ? 0.07 : 0.15;
    s->fc_miss = pg->k[K_FACC].state == KS_OK ? 0.04 : 0.12;
}

static double forecast_error(struct pstate *s)
{
    double e = s->fc_sd * rng_normal(&s->r);
    if (rng_unif(&s->r) < s->fc_miss)
        e += (rng_unif(&s->r) < 0.5 ? -1 : 1) *
             (0.20 + 0.15 * rng_unif(&s->r));
    return e < -0.9 ? -0.9 : e;
}

static int resolved_first(const struct gen *g, int p, struct pstate *s)
{
    /* A golden-ratio sequence instead of independent draws: the month's
     * share comes out as designed, so a designed trend is not hidden by
     * sampling noise, while single contacts still look random. */
    double p1 = g->prog[p].k[K_FCR].v[s->t] / 100;
    s->fcr_x += 0.6180339887498949;
    if (s->fcr_x >= 1)
        s->fcr_x -= 1;
    return s->fcr_x < p1;
}

struct out {
    FILE *contacts, *forecast;
    long next_id;
};

static void write_contact(const struct gen *g, int p, struct pstate *s,
                          struct out *o, cg_day d, long sec, int answered,
                          double wait)
{
    const struct gen_program *pg = &g->prog[p];
    char day[DATE_BUF];

    date_format(d, day);
    fprintf(o->contacts, "C%08ld,%s,%s,%sT%02ld:%02ld:%02ld,%s,%ld,",
            ++o->next_id, pg->id, channel_name(pg->channel), day,
            sec / 3600, sec / 60 % 60, sec % 60,
            answered ? "answered" : "abandoned", (long)(wait + 0.5));
    if (answered) {
        double h = dm_exp(s->mu_handle + s->sd_handle *
                          rng_normal(&s->r));
        int unknown = rng_unif(&s->r) < 0.05;
        int fcr = resolved_first(g, p, s);
        fprintf(o->contacts, "%ld,%s\n", (long)(h < 20 ? 20 : h + 0.5),
                unknown ? "" : fcr ? "1" : "0");
    } else {
        fputs(",\n", o->contacts);
    }
}

static void sort_longs(long *v, long n)
{
    long i, j;
    for (i = 1; i < n; i++) {
        long x = v[i];
        for (j = i; j > 0 && v[j - 1] > x; j--)
            v[j] = v[j - 1];
        v[j] = x;
    }
}

/* One live interval: staffing, arrivals, waits, abandons. */
static void live_slot(const struct gen *g, int p, struct pstate *s,
                      struct out *o, cg_day d, int slot, double lambda,
                      long **offs, long *cap)
{
    const struct gen_program *pg = &g->prog[p];
    double aht = pg->k[K_AHT].v[s->t] / pg->concurrency;
    double goal = pg->k[K_SL].v[s->t] / 100;
    double patience = pg->patience *
                      (pg->k[K_ABANDON].state == KS_OK ? 1 : 0.3);
    long k = rng_poisson(&s->r, lambda), i, f;
    double a, gap, pw, u, plan, e;
    int n;
    char day[DATE_BUF];

    e = forecast_error(s);
    date_format(d, day);
    fprintf(o->forecast, "%s,%sT%02d:%02d:00,%ld,%ld\n", pg->id, day,
            slot / 2, slot % 2 * 30, (long)(lambda * (1 + e) + 0.5), k);
    f = (long)((double)k * (1 + e) + 0.5);      /* intraday re-forecast */
    if (k == 0)
        return;
    /* Planned from the forecast; real-time management (overtime, moved
     * skills) recovers half of any shortfall the forecast missed. */
    plan = (double)(f > k ? f : f + (k - f) / 2);
    n = agents_for(plan * aht / 1800, aht, pg->sl_seconds, goal);
    {
        /* Whole agents overshoot a small queue's goal: staff one fewer
         * in the share of intervals that brings the mean back to it. */
        double pa = plan * aht / 1800;
        double hi = erlang_sl(n, pa, aht, pg->sl_seconds);
        double lo = erlang_sl(n - 1, pa, aht, pg->sl_seconds);
        if (hi > lo && rng_unif(&s->r) < (hi - goal) / (hi - lo))
            n--;
    }
    u = rng_unif(&s->r);
    if (u < 0.06 && n > 1)
        n--;                    /* an unplanned absence */
    else if (u < 0.12)
        n++;
    a = (double)k * aht / 1800;
    /* Erlang C has no answer when agents <= load: the queue still
     * moves, at about one handle time per agent-gap. */
    gap = n - a > 1 ? n - a : 1;
    pw = n > a ? erlang_c(n, a) : 1;
    if (k > *cap) {
        *cap = k * 2;
        *offs = realloc(*offs, (size_t)*cap * sizeof **offs);
        if (!*offs)
            abort();
    }
    for (i = 0; i < k; i++)
        (*offs)[i] = slot * 1800L + rng_range(&s->r, 0, 1799);
    sort_longs(*offs, k);
    for (i = 0; i < k; i++) {
        double wait = 0, jitter;
        if (rng_unif(&s->r) < 0.012) {
            /* Hung up at once: a wrong number, the IVR, a dropped line. */
            write_contact(g, p, s, o, d, (*offs)[i], 0,
                          (double)rng_range(&s->r, 0, 5));
            continue;
        }
        if (rng_unif(&s->r) < pw)
            wait = rng_exp(&s->r, aht / gap);
        jitter = pg->channel == CH_VOICE ? (double)rng_range(&s->r, 0, 4)
                                         : (double)rng_range(&s->r, 1, 10);
        if (wait > 0) {
            double endure = rng_exp(&s->r, patience);
            if (endure < wait) {
                write_contact(g, p, s, o, d, (*offs)[i], 0, endure);
                continue;
            }
        }
        write_contact(g, p, s, o, d, (*offs)[i], 1, wait + jitter);
    }
}

/* One deferred interval: responses within a lognormal time. */
static void deferred_slot(const struct gen *g, int p, struct pstate *s,
                          struct out *o, cg_day d, int slot, double lambda)
{
    long k = rng_poisson(&s->r, lambda), i;
    for (i = 0; i < k; i++) {
        long sec = slot * 1800L + rng_range(&s->r, 0, 1799);
        double wait = dm_exp(s->email_mu + 0.9 * rng_normal(&s->r));
        write_contact(g, p, s, o, d, sec, 1, wait);
    }
    s->day_count += k;
    (void)g;
}

int gen_traffic(struct gen *g)
{
    struct pstate st[GEN_MAX_PROGRAMS];
    struct out o;
    char *tmp_c, *tmp_f;
    long *offs = NULL, cap = 0;
    cg_day d;
    size_t p;
    int ok;

    memset(&o, 0, sizeof o);
    o.contacts = gen_open(g, "data/contacts.csv", &tmp_c);
    if (!o.contacts)
        return 0;
    o.forecast = gen_open(g, "data/forecast.csv", &tmp_f);
    if (!o.forecast) {
        fclose(o.contacts);
        remove(tmp_c);
        free(tmp_c);
        return 0;
    }
    setvbuf(o.contacts, NULL, _IOFBF, 1 << 20);
    fputs("contact_id,program,channel,arrived,outcome,wait_s,handle_s,"
          "resolved_first\n", o.contacts);
    fputs("program,interval_start,forecast,actual\n", o.forecast);
    for (p = 0; p < g->nprog; p++) {
        memset(&st[p], 0, sizeof st[p]);
        rng_keyed(&st[p].r, g->o.seed, "traffic|%s", g->prog[p].id);
        st[p].t = -1;
    }
    for (d = g->d0; d <= g->d1; d++) {
        int t = gen_month_index(g, d), slot;
        double daily[GEN_MAX_PROGRAMS], slots[GEN_MAX_PROGRAMS];
        for (p = 0; p < g->nprog; p++) {
            if (st[p].t != t)
                month_start(g, (int)p, &st[p], t);
            daily[p] = gen_day_volume(g, (int)p, d);
            slots[p] = day_slot_weights(g->prog[p].channel, d);
            st[p].day_count = 0;
        }
        for (slot = 0; slot < SLOTS; slot++) {
            for (p = 0; p < g->nprog; p++) {
                enum channel c = g->prog[p].channel;
                double lambda;
                if (daily[p] <= 0 || !slot_open(c, d, slot))
                    continue;
                lambda = daily[p] * slot_weight(c, slot) / slots[p];
                if (live(c))
                    live_slot(g, (int)p, &st[p], &o, d, slot, lambda, &offs,
                              &cap);
                else
                    deferred_slot(g, (int)p, &st[p], &o, d, slot, lambda);
            }
        }
        for (p = 0; p < g->nprog; p++) {
            char day[DATE_BUF];
            long k = st[p].day_count;
            if (live(g->prog[p].channel))
                continue;
            date_format(d, day);
            fprintf(o.forecast, "%s,%sT00:00:00,%ld,%ld\n", g->prog[p].id,
                    day, (long)(daily[p] * (1 + forecast_error(&st[p])) + 0.5),
                    k);
        }
    }
    free(offs);
    ok = gen_close(o.contacts, tmp_c, "data/contacts.csv");
    ok &= gen_close(o.forecast, tmp_f, "data/forecast.csv");
    if (!g->o.quiet)
        fprintf(stderr, "gen-org: %ld contacts\n", o.next_id);
    return ok;
}
