/*
 * gen-contacts.c — a deterministic, realistic contacts.csv for benchmarks
 * (make bench) and for trying copcgap on volume.
 *
 *   gen-contacts [-n ROWS] [-p PROGRAMS] [-m MONTHS] [-s SEED]
 *                [-o contacts.csv] [--profile profile.xml]
 *
 * Same options, same bytes: a fixed-seed xoshiro256** generator drives
 * everything.  Rows come in time order, as ACD exports do, for up to six
 * programs on six channels over MONTHS months from 2025-01: weekdays
 * busier than weekends, an intraday curve with a morning and an afternoon
 * peak, about 5 % abandons (some of them short), exponential waits and
 * log-normal handle times whose means depend on the channel, and
 * resolved_first mostly 1 or 0 with some left empty.  --profile writes a
 * matching profile.xml (as-of = the last generated day).
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copcgap/date.h"

struct channel_model {
    const char *program;
    const char *channel;
    double share;           /* of all contacts */
    double abandon;         /* probability */
    double wait_mean;       /* answered, seconds */
    double abandon_wait;    /* mean wait before abandoning */
    double handle_median;   /* seconds */
};

static const struct channel_model models[] = {
    { "retail-voice", "voice", 0.40, 0.07, 25, 35, 280 },
    { "retail-chat", "chat", 0.25, 0.05, 40, 70, 540 },
    { "billing-email", "email", 0.15, 0.01, 14400, 30000, 400 },
    { "care-messaging", "messaging", 0.10, 0.04, 150, 400, 480 },
    { "brand-social", "social", 0.05, 0.03, 1500, 3000, 300 },
    { "claims-backoffice", "back-office", 0.05, 0.005, 50000, 90000, 900 },
};

/* Relative arrivals per hour of the day: two peaks, quiet nights. */
static const double hour_shape[24] = {
    0.10, 0.06, 0.04, 0.04, 0.05, 0.10, 0.30, 0.70, 1.20, 1.60, 1.75, 1.65,
    1.30, 1.40, 1.60, 1.55, 1.35, 1.10, 0.85, 0.65, 0.50, 0.35, 0.25, 0.15
};

/* Relative arrivals per weekday, Monday first. */
static const double week_shape[7] = { 1.20, 1.10, 1.05, 1.00, 0.95, 0.55,
                                      0.40 };

static uint64_t rng[4];

static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

static uint64_t next_u64(void)
{
    uint64_t r = rotl(rng[1] * 5, 7) * 9, t = rng[1] << 17;
    rng[2] ^= rng[0];
    rng[3] ^= rng[1];
    rng[1] ^= rng[2];
    rng[0] ^= rng[3];
    rng[2] ^= t;
    rng[3] = rotl(rng[3], 45);
    return r;
}

static void seed_rng(uint64_t seed)
{
    int i;
    for (i = 0; i < 4; i++) {                   /* splitmix64 */
        uint64_t z = (seed += UINT64_C(0x9E3779B97F4A7C15));
        z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
        z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
        rng[i] = z ^ (z >> 31);
    }
}

/* Uniform in (0, 1). */
static double uniform(void)
{
    return ((double)(next_u64() >> 11) + 0.5) / 9007199254740992.0;
}

static double exponential(double mean)
{
    return -mean * log(uniform());
}

static double lognormal(double median, double sigma)
{
    double z = sqrt(-2.0 * log(uniform())) * cos(6.283185307179586 *
                                                  uniform());
    return median * exp(sigma * z);
}

struct options {
    unsigned long long rows;
    int programs;
    int months;
    unsigned long long seed;
    const char *out;
    const char *profile;
};

static int usage(void)
{
    fprintf(stderr, "usage: gen-contacts [-n ROWS] [-p PROGRAMS 1-6] "
                    "[-m MONTHS] [-s SEED] [-o FILE] [--profile FILE]\n");
    return 2;
}

static int parse_ull(const char *s, unsigned long long *out)
{
    char *end;
    errno = 0;
    *out = strtoull(s, &end, 10);
    return errno == 0 && end != s && *end == '\0';
}

static int parse_options(int argc, char **argv, struct options *o)
{
    unsigned long long v;
    int i;

    o->rows = 5000000;
    o->programs = 6;
    o->months = 12;
    o->seed = 20260101;
    o->out = "contacts.csv";
    o->profile = NULL;
    for (i = 1; i < argc; i++) {
        const char *a = argv[i], *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (!val)
            return 0;
        if (strcmp(a, "-n") == 0 && parse_ull(val, &v))
            o->rows = v;
        else if (strcmp(a, "-p") == 0 && parse_ull(val, &v) && v >= 1 &&
                 v <= 6)
            o->programs = (int)v;
        else if (strcmp(a, "-m") == 0 && parse_ull(val, &v) && v >= 1 &&
                 v <= 1200)
            o->months = (int)v;
        else if (strcmp(a, "-s") == 0 && parse_ull(val, &v))
            o->seed = v;
        else if (strcmp(a, "-o") == 0)
            o->out = val;
        else if (strcmp(a, "--profile") == 0)
            o->profile = val;
        else
            return 0;
        i++;
    }
    return 1;
}

static int write_profile(const struct options *o, cg_day last)
{
    FILE *fp = fopen(o->profile, "w");
    char asof[DATE_BUF];
    int i;

    if (!fp)
        return 0;
    date_format(last, asof);
    fprintf(fp, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<profile>\n"
                "  <organization id=\"bench\" name=\"Benchmark Contact "
                "Centre\" kind=\"outsourcer\"/>\n"
                "  <assessment as-of=\"%s\"/>\n", asof);
    for (i = 0; i < o->programs; i++)
        fprintf(fp, "  <program id=\"%s\" channel=\"%s\"/>\n",
                models[i].program, models[i].channel);
    fprintf(fp, "</profile>\n");
    return fclose(fp) == 0;
}

/* Split `total` over weights w[0..n) into whole counts that add up. */
static void apportion(unsigned long long total, const double *w, size_t n,
                      unsigned long long *out)
{
    double sum = 0, acc = 0;
    unsigned long long given = 0;
    size_t i;

    for (i = 0; i < n; i++)
        sum += w[i];
    for (i = 0; i < n; i++) {
        unsigned long long upto;
        acc += w[i];
        upto = (unsigned long long)llround((double)total * acc / sum);
        out[i] = upto - given;
        given = upto;
    }
}

static void write_row(FILE *fp, unsigned long long id, cg_day day,
                      long secs, const struct channel_model *m)
{
    char date[DATE_BUF];
    const char *resolved = "";
    long wait, handle = 0;
    int answered = uniform() >= m->abandon;
    double u;

    date_format(day, date);
    if (answered) {
        wait = lround(exponential(m->wait_mean));
        handle = lround(lognormal(m->handle_median, 0.55));
        if (handle < 5)
            handle = 5;
        u = uniform();
        resolved = u < 0.72 ? "1" : u < 0.92 ? "0" : "";
    } else {
        wait = lround(exponential(m->abandon_wait));
    }
    fprintf(fp, "C%010llu,%s,%s,%sT%02ld:%02ld:%02ld,%s,%ld,", id,
            m->program, m->channel, date, secs / 3600, secs / 60 % 60,
            secs % 60, answered ? "answered" : "abandoned", wait);
    if (answered)
        fprintf(fp, "%ld", handle);
    fprintf(fp, ",%s\n", resolved);
}

int main(int argc, char **argv)
{
    struct options o;
    cg_day first = date_from_ymd(2025, 1, 1), last, day;
    double *dayw, share[6], share_sum = 0;
    unsigned long long *perday, id = 0, hours[24];
    size_t ndays, d;
    FILE *fp;
    int i;

    if (!parse_options(argc, argv, &o))
        return usage();
    seed_rng(o.seed);
    last = month_last_day(date_month(first) + o.months - 1);
    ndays = (size_t)(last - first + 1);
    dayw = calloc(ndays, sizeof *dayw);
    perday = calloc(ndays, sizeof *perday);
    if (!dayw || !perday)
        return 1;
    for (d = 0; d < ndays; d++)     /* 1970-01-01 was a Thursday */
        dayw[d] = week_shape[((first + (cg_day)d) % 7 + 10) % 7];
    apportion(o.rows, dayw, ndays, perday);
    for (i = 0; i < o.programs; i++)
        share_sum += models[i].share;
    for (i = 0; i < o.programs; i++)
        share[i] = models[i].share / share_sum;

    fp = fopen(o.out, "w");
    if (!fp) {
        fprintf(stderr, "gen-contacts: %s: %s\n", o.out, strerror(errno));
        return 1;
    }
    setvbuf(fp, NULL, _IOFBF, 1 << 20);
    fprintf(fp, "contact_id,program,channel,arrived,outcome,wait_s,"
                "handle_s,resolved_first\n");
    for (d = 0, day = first; d < ndays; d++, day++) {
        int h;
        apportion(perday[d], hour_shape, 24, hours);
        for (h = 0; h < 24; h++) {
            unsigned long long k;
            /* Stratified times keep the hour's rows in order. */
            for (k = 0; k < hours[h]; k++) {
                long secs = h * 3600L +
                            (long)(3600.0 * ((double)k + uniform()) /
                                   (double)hours[h]);
                double u = uniform(), acc = 0;
                int p = 0;
                for (p = 0; p < o.programs - 1; p++) {
                    acc += share[p];
                    if (u < acc)
                        break;
                }
                write_row(fp, ++id, day, secs, &models[p]);
            }
        }
    }
    free(dayw);
    free(perday);
    if (fclose(fp) != 0) {
        fprintf(stderr, "gen-contacts: %s: write error\n", o.out);
        return 1;
    }
    if (o.profile && !write_profile(&o, last)) {
        fprintf(stderr, "gen-contacts: %s: cannot write\n", o.profile);
        return 1;
    }
    return 0;
}
