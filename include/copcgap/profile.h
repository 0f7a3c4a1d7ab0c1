/*
 * profile.h — the assessed organisation (profile.xml, docs/inputs.md): the
 * model.
 *
 * profile_load() (load.h) parses and checks the file; everything the
 * returned struct points at lives in its arena and is freed by
 * profile_free().
 * Program parameters left out of the file hold their documented defaults
 * (sl-seconds by channel, short-abandon 5 s, forecast tolerance 15 %).
 */
#ifndef COPCGAP_PROFILE_H
#define COPCGAP_PROFILE_H

#include <stddef.h>

#include "copcgap/date.h"
#include "copcgap/digest.h"
#include "copcgap/error.h"
#include "copcgap/model.h"

struct target {
    const char *metric;
    enum cmp_op op;
    double value;
    long line;
};

struct program {
    const char *id;
    const char *name;           /* defaults to id */
    const char *client;         /* may be NULL */
    enum channel channel;
    double sl_seconds;
    double short_abandon_seconds;
    double forecast_tolerance_pct;
    struct target *targets;
    size_t ntargets;
    long line;
};

struct role {
    const char *id;
    const char *person;
    long line;
};

struct scope_exclusion {
    const char *ref;            /* requirement, item or category id */
    const char *reason;
    const char *approved_by;    /* may be NULL */
    const char *program_id;     /* one program only, or NULL: all */
    int program;                /* its index, or -1 */
    long line;
};

/* One person's planning figures (<person>); < 0: the profile's default. */
struct person {
    const char *name;
    double capacity_days;
    double day_rate;
    long line;
};

/* Planning defaults (docs/plan.md): an owner gives the plan about half
 * their time, and the mock audit is six weeks before the audit. */
#define PLAN_DEFAULT_CAPACITY 10.0
#define PLAN_DEFAULT_MOCK_WEEKS 6

/* A person named for one requirement (<owner>). */
struct named_owner {
    const char *req;            /* requirement id */
    const char *person;
    long line;
};

struct profile {
    struct arena *arena;
    const char *path;
    struct file_digest digest;  /* of the file as read */
    const char *org_id;
    const char *org_name;
    enum org_kind kind;
    cg_day as_of;
    int has_target_audit;
    cg_day target_audit;
    const char *lead;           /* may be NULL */
    struct program *programs;
    size_t nprograms;
    struct role *roles;
    size_t nroles;
    struct scope_exclusion *scope;
    size_t nscope;
    struct named_owner *owners;
    size_t nowners;
    int mock_audit_weeks;       /* before the target audit */
    double capacity_days;       /* per owner per month */
    double day_rate;            /* 0: costs are not shown */
    const char *currency;       /* may be NULL */
    struct person *people;
    size_t npeople;
};

void profile_free(struct profile *p);

/* Index of the program with that id, or -1. */
int profile_find_program(const struct profile *p, const char *id,
                         size_t len);
/* The program's own target for a metric, or NULL. */
const struct target *program_target(const struct program *pg,
                                    const char *metric);
/* Person for an owner role, or NULL. */
const char *profile_person(const struct profile *p, const char *role);
/* Person the profile names for a requirement (<owner>), or NULL. */
const char *profile_named_owner(const struct profile *p, const char *req);
/* The site-wide exclusion naming this id, or NULL. */
const struct scope_exclusion *profile_excluded(const struct profile *p,
                                               const char *ref);
/* The exclusion of this id for one program, or NULL. */
const struct scope_exclusion *profile_excluded_for(const struct profile *p,
                                                   const char *ref,
                                                   int program);
/* A person's capacity (person-days per month) and day rate. */
double profile_capacity(const struct profile *p, const char *person);
double profile_day_rate(const struct profile *p, const char *person);
/* Default sl-seconds for a channel (docs/inputs.md). */
double channel_default_sl_seconds(enum channel c);

#endif
