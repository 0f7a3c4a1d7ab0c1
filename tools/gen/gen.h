/*
 * gen.h — the organisation generator behind tools/gen-org.c.
 *
 * gen-org writes a whole organisation folder (profile, evidence register
 * and files, findings, raw operational data) from a handful of options
 * and a catalogue.  Every random choice comes from the seed through the
 * generator's own PRNG and arithmetic (rng.c), so the same options give
 * byte-identical files on any machine.  docs/samples.md describes the
 * model; this header is the map of the modules:
 *
 *   rng.c        PRNG, keyed hashes, exp/log without libm, distributions
 *   text.c       people's names, labels and notes in English and Spanish
 *   scenario.c   options -> programs, targets, roles, and the KPI plan
 *   files.c      writing files: temporary names, CSV fields, folders
 *   profile.c    profile.xml
 *   register.c   evidence.csv, the evidence files, findings.csv
 *   docfile.c    the evidence files themselves (minimal PDF or text)
 *   traffic.c    contacts.csv and forecast.csv (arrivals, queue model)
 *   people.c     staff.csv, qa.csv and surveys.csv
 *   metrics.c    metrics.csv: the catalogue's declared metrics per month
 *
 * Everything the generator allocates lives as long as the run; the
 * struct gen owns it and gen_free() releases it.
 */
#ifndef GEN_GEN_H
#define GEN_GEN_H

#include <stdint.h>
#include <stdio.h>

#include "copcgap/catalog.h"
#include "copcgap/date.h"
#include "copcgap/error.h"
#include "copcgap/model.h"
#include "copcgap/strbuf.h"

#define GEN_MAX_PROGRAMS 60    /* a count above 6 repeats the channels
                                   (bench: 50 programs) */
#define GEN_MAX_MONTHS 36
#define GEN_MAX_LIST 32

/* ------------------------------------------------------------- rng.c */

struct rng {
    uint64_t s[4];
};

void rng_seed(struct rng *r, uint64_t seed);
uint64_t rng_next(struct rng *r);
/* Uniform in [0, 1). */
double rng_unif(struct rng *r);
/* Uniform integer in [lo, hi]. */
long rng_range(struct rng *r, long lo, long hi);
double rng_normal(struct rng *r);
double rng_exp(struct rng *r, double mean);
long rng_poisson(struct rng *r, double lambda);
/* exp(mu + sigma * N(0,1)). */
double rng_lognormal(struct rng *r, double mu, double sigma);
/* Fisher-Yates shuffle of n ints. */
void rng_shuffle(struct rng *r, int *v, size_t n);

/* A 64-bit key for (seed, formatted text): decisions that must not move
 * when something unrelated is added to the catalogue or the options. */
uint64_t key_hash(uint64_t seed, const char *fmt, ...) CG_PRINTF(2, 3);
/* The same key as a fraction in [0, 1). */
double key_unif(uint64_t seed, const char *fmt, ...) CG_PRINTF(2, 3);
/* Seed *r from a key. */
void rng_keyed(struct rng *r, uint64_t seed, const char *fmt, ...)
    CG_PRINTF(3, 4);

/* exp and natural log from + - * / only: identical on every machine. */
double dm_exp(double x);
double dm_log(double x);
/* Inverse of the standard normal CDF (Acklam), 0 < p < 1. */
double dm_probit(double p);

/* ------------------------------------------------------------ options */

enum maturity { MAT_READY, MAT_CONDITIONAL, MAT_FAR, MAT_COUNT };

enum parts { PARTS_ALL, PARTS_REGISTER, PARTS_DATA };

/* A KPI the scenario designs per program and month. */
enum kmetric {
    K_SL, K_ABANDON, K_ASA, K_AHT, K_FCR,
    K_EUC, K_BC, K_CC, K_NC,
    K_CSAT, K_NPS, K_CES,
    K_FACC, K_WAPE,
    K_ATTR, K_UNVER, K_QASAMPLE, K_DSAT,
    K_COUNT
};

/* How a designed KPI behaves against its target. */
enum kstate {
    KS_OK,          /* better than target, slowly improving */
    KS_BELOW,       /* worse than target, slowly improving */
    KS_DECLINE      /* fine, then getting worse over the last months */
};

/* "--break REQ[@PROGRAM]" and "--decline PROGRAM:METRIC". */
struct gen_pick {
    const char *what;           /* requirement id or metric name */
    const char *program;        /* program id or channel name; may be NULL */
};

struct gen_opts {
    const char *out;
    const char *catalog;
    uint64_t seed;
    const char *org_id;
    const char *org_name;
    enum org_kind kind;
    const char *client;
    const char *prefix;         /* program id prefix; NULL = from client */
    const char *programs;       /* "voice,chat,email" or a count */
    const char *lead;           /* NULL = a generated name */
    int months;
    long contacts;              /* per month, all programs */
    cg_day as_of;
    cg_day audit;               /* 0 = as-of + 135 days */
    const char *lang;           /* "en" or "es" */
    enum maturity maturity;
    enum parts parts;
    int tamper;                 /* -1 = the maturity's default */
    struct gen_pick breaks[GEN_MAX_LIST];
    size_t nbreaks;
    struct gen_pick declines[GEN_MAX_LIST];
    size_t ndeclines;
    double capacity;            /* person-days a month per owner */
    double day_rate;            /* 0 = none */
    const char *currency;       /* NULL = none */
    int print_plan;
    int quiet;
};

/* ---------------------------------------------------------- scenario */

struct kplan {
    enum kstate state;
    int has_target;
    enum cmp_op op;
    double target;
    int in_profile;             /* written as a <target> in profile.xml */
    double v[GEN_MAX_MONTHS];   /* designed value per data month */
};

struct gen_program {
    char *id;
    char *name;
    enum channel channel;
    double sl_seconds;
    double short_abandon_seconds;
    double tolerance_pct;
    double share;               /* of the monthly contacts */
    double concurrency;         /* contacts an agent handles at once */
    double patience;            /* mean caller patience, seconds */
    int headcount;              /* planned roster */
    struct kplan k[K_COUNT];
};

struct gen_role {
    const char *id;
    char *person;
};

/*
 * A metric the catalogue declares (its values come only from
 * metrics.csv), designed per program like the built-in KPIs: OK above
 * target (slowly improving), BELOW under it.
 */
struct dplan {
    const char *metric;         /* owned by the catalogue */
    int prog;
    enum cmp_op op;
    double target;
    enum kstate state;
    double v[GEN_MAX_MONTHS];
};

struct gen {
    struct gen_opts o;
    struct catalog *cat;
    struct gen_program prog[GEN_MAX_PROGRAMS];
    size_t nprog;
    struct gen_role *roles;
    size_t nroles;
    struct dplan *dp;           /* declared metrics read by metric rules */
    size_t ndp;
    char *lead;
    cg_month m0;                /* first data month */
    int nmonths;
    cg_day d0, d1;              /* first and last data day (d1 = as-of) */
    int es;                     /* Spanish texts */
    /* names handed out so far, so that nobody appears twice */
    uint64_t *used_names;
    size_t nused, capused;
};

/* Parse-time helpers (scenario.c). */
const char *maturity_name(enum maturity m);
int maturity_parse(const char *s);
const char *kmetric_name(enum kmetric k);
/* The designed metric a catalogue metric name is realised through, or
 * -1 (offered, headcount: nothing to design). */
int kmetric_of(const char *metric);

/* Build programs, targets, roles and the KPI plan; 0 with a message on
 * stderr when the options do not make sense. */
int gen_setup(struct gen *g);
void gen_free(struct gen *g);
/* The scenario in words and numbers (--print-plan). */
void gen_print_plan(const struct gen *g, FILE *f);

/* Call cb with the first string argument of each call to fn (e.g.
 * "kpi", "evidence") in a check expression. */
void gen_expr_args(const char *text, const char *fn,
                   void (*cb)(void *ctx, const char *arg), void *ctx);
/* Index of a program by id or channel name, or -1. */
int gen_find_program(const struct gen *g, const char *s);
/* 1 when requirement r applies to this organisation (kind, channels). */
int gen_req_applies(const struct gen *g, const struct requirement *r);
/* Programs in scope of a rule of requirement r (channels of both);
 * returns the count and fills idx. */
size_t gen_rule_programs(const struct gen *g, const struct requirement *r,
                         const struct rule *rule, int *idx);
/* The --break entry naming requirement r and program p (-1: any), or
 * NULL. */
const struct gen_pick *gen_broken(const struct gen *g,
                                  const struct requirement *r, int p);
/* Person for an owner role ("" when the catalogue gives none). */
const char *gen_person(const struct gen *g, const char *role);
/* Month index of a day (0 = first data month). */
int gen_month_index(const struct gen *g, cg_day d);

/* ------------------------------------------------------------- text.c */

/* A person's full name, distinct from every name handed out before. */
char *text_person(struct gen *g, const char *salt);
const char *text_kind_label(const char *kind, int es);
const char *text_channel_word(enum channel c, int es);
/* Assessor note for a finding result (enum finding_result). */
const char *text_finding_note(int result, uint64_t pick, int es);
/* Lowercase ASCII slug of a text ("Northwind Retail" -> "northwind-retail"). */
char *text_slug(const char *s);

/* -------------------------------------------------- writing the files */

/* A CSV field, quoted when it needs to be. */
void csv_put(FILE *f, const char *s);
/* Open DIR/NAME for writing through a temporary name; 1 or 0 + message. */
FILE *gen_open(const struct gen *g, const char *name, char **tmp);
/* Close and rename into place; 1 or 0 + message. */
int gen_close(FILE *f, char *tmp, const char *name);
/* mkdir -p of DIR/SUB. */
int gen_mkdir(const struct gen *g, const char *sub);

int gen_profile(struct gen *g);
int gen_register(struct gen *g);
int gen_metrics(const struct gen *g);
/* Expected contacts of program p on day d (traffic.c). */
double gen_day_volume(const struct gen *g, int p, cg_day d);
/* The WAPE, in percent, that a forecast missing the expected volume by a
 * normal error of sd `sigma` (a share) reaches on program p over the
 * last six data months, Poisson arrivals included (traffic.c). */
double gen_wape_expected(const struct gen *g, int p, double sigma);
int gen_traffic(struct gen *g);
int gen_people(struct gen *g);

/* docfile.c: write an evidence file (PDF for documents, text for
 * records); lines are UTF-8.  Returns 1, or 0 + message.  When `amend`
 * is given it is appended after the digest was taken: the file no longer
 * matches the register (a tampered file). */
int docfile_write(const char *path, int pdf, const char *const *lines,
                  size_t nlines, const char *amend, char hex[65]);

#endif
