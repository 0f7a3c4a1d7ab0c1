/*
 * catalog.h — a requirements catalogue (standards/ files): the model.
 *
 * catalog_load() (load.h) parses a file with libxml2 and builds this
 * model; catalog_lint() then checks what a schema cannot (unique ids,
 * known metrics, dangling depends-on, dependency cycles, coherent rule
 * parameters).  Every string and array lives in the catalogue's arena;
 * catalog_free() releases it all.
 *
 * Requirements are kept in one array in document order; categories and
 * items index into it.
 */
#ifndef COPCGAP_CATALOG_H
#define COPCGAP_CATALOG_H

#include <stddef.h>
#include <stdint.h>

#include "copcgap/digest.h"
#include "copcgap/error.h"
#include "copcgap/model.h"

enum rule_type {
    RULE_EVIDENCE,
    RULE_FINDING,
    RULE_METRIC,
    RULE_TREND,
    RULE_SAMPLE,
    RULE_CHECK,
    RULE_CADENCE,
    RULE_TYPE_COUNT
};

/* How a metric rule reads its window of months. */
enum window_mode {
    WIN_AT_LEAST,       /* at least `at_least` of the last `months` months */
    WIN_EACH,           /* every one of the last `months` months */
    WIN_MEAN,           /* the mean of the last `months` months */
    WIN_LATEST,         /* the latest month of the window only */
    WIN_COUNT
};

/* How a rule combines programs (docs/scoring.md, "Combining programs"). */
enum program_weight {
    PW_DEFAULT = -1,            /* the scoring policy's */
    PW_VOLUME,                  /* by the metric's n over the window */
    PW_EQUAL
};

/* How an evidence rule judges a row's currency. */
enum validity {
    VALID_AGE,                  /* dated within max-age-days */
    VALID_EXPIRES               /* until its expires date */
};

struct expr;            /* compiled check expression (expr.h) */
struct req_index;       /* sorted requirement ids (catalog.c) */

struct rule {
    enum rule_type type;
    const char *id;             /* "<requirement>/<n>" unless given */
    int id_given;               /* the catalogue wrote the id */
    double weight;
    long line;
    struct i18n label;          /* optional human description */
    channel_mask channels;      /* programs in scope; 0 = all */
    int per_program;            /* evidence, finding, check */

    /* evidence, cadence */
    const char **kinds;
    size_t nkinds;
    int approved;               /* approval required (default 1) */
    int max_age_days;           /* 0 = no age limit */
    int min_count;              /* default 1; cadence: per month */
    enum validity validity;

    /* metric, trend, sample */
    enum program_weight program_weight;

    /* metric, trend, sample */
    const char *metric;
    int program_target;         /* compare with the program's own target */
    int has_fixed;              /* op/value given (fixed target, or the
                                   fallback when a program has none) */
    enum cmp_op op;
    double value;
    enum window_mode mode;
    int months;                 /* window length; default from scoring */
    int at_least;               /* for WIN_AT_LEAST */

    /* trend */
    int min_points;             /* months with data needed (default 3) */
    int better;                 /* enum metric_better, or -1: the metric's */
    double tolerance;           /* slope allowed in the worse direction,
                                   in metric units per month (default 0) */

    /* sample */
    double max_moe;             /* percentage points; 0 with relative_to */
    const char *relative_to;    /* accuracy metric whose target sets the
                                   limit, or NULL */
    double fraction;            /* of (100 - that target) */
    double z;                   /* default 1.96 */
    double expected_p;          /* proportion for the sample size (0-1);
                                   0 = use the observed accuracy */

    /* check */
    const char *expr_text;
    long expr_line;
    struct expr *expr;          /* compiled at load time */
};

struct xref {
    const char *standard;       /* the target catalogue's id */
    const char *clause;         /* the target requirement id */
    enum xrel rel;
    int joint;                  /* one of a set that together covers it */
    struct i18n rationale;
    long line;
};

struct requirement {
    const char *id;
    long line;
    size_t category;            /* index into catalog.categories */
    size_t item;                /* index into catalog.items, or SIZE_MAX */
    struct i18n title, intent, guidance, remediation;
    double weight;
    int critical;
    int impact;                 /* 1-5 */
    double effort_days;         /* person-days of the action: remediation
                                   effort, else effort-days, else < 0 (the
                                   plan takes the rule types' defaults) */
    const char *owner_role;     /* may be NULL */
    unsigned applies_kind;      /* mask of org_kind bits; 0 = any */
    channel_mask applies_channels;
    const char **depends;       /* requirement ids */
    size_t *depends_idx;        /* resolved indexes into requirements */
    size_t ndepends;
    struct xref *refs;
    size_t nrefs;
    struct rule *rules;
    size_t nrules;
};

struct item {
    const char *id;
    long line;
    size_t category;
    struct i18n title;
    double weight;
    size_t first_req, nreq;     /* range of requirements */
};

struct category {
    const char *id;
    long line;
    struct i18n title;
    double weight;
    size_t first_item, nitems;  /* range of items */
    size_t first_req, nreq;     /* range of requirements */
};

struct declared_metric {
    const char *name;
    const char *unit;
    int better;                 /* enum metric_better */
    int mclass;                 /* enum metric_class */
    struct i18n title;
};

/*
 * Scoring policy (<scoring>); defaults are those of docs/scoring.md and are
 * written in catalogue.xsd as attribute defaults.
 */
struct scoring {
    double met_min;             /* s >= met_min: met (default 1) */
    double partial_min;         /* s > partial_min: partial (default 0) */
    double no_data_score;       /* what a no-data rule scores (default 0) */
    double partial_finding;     /* score of a "partial" finding (0.5) */
    double conditional_min;     /* overall for conditional (0.85) */
    int window_months;          /* default metric window (6) */
    double critical_factor;     /* priority multiplier (2) */
    double urgency_factor;      /* priority multiplier when at risk (2) */
    enum program_weight program_weight;     /* volume */
    double trend_confidence;    /* one-sided t-test (0.95) */
    int tier2_slack_days;       /* slack before the mock audit for P2 */
    double effort[RULE_TYPE_COUNT];   /* person-days by rule type */
};

struct catalog {
    struct arena *arena;
    const char *path;
    struct file_digest digest;  /* of the file as read */
    const char *id;
    const char *version;
    const char *publisher;
    int reference;              /* a crosswalk target: requirements may
                                   have no rules */
    struct i18n title;
    struct i18n licence;
    struct scoring scoring;
    struct category *categories;
    size_t ncategories;
    struct item *items;
    size_t nitems;
    struct requirement *reqs;
    size_t nreqs;
    struct declared_metric *metrics;
    size_t nmetrics;
    size_t nrules;              /* total over all requirements */
    const struct req_index *req_index;  /* ids sorted, for lookups */
};

void catalog_free(struct catalog *c);

/* Sort the requirement ids for catalog_find_req (loaders call it once
 * the requirements are built; without it lookups scan). */
void catalog_build_index(struct catalog *c);

/* Cross-reference checks on a built catalogue (index built); located
 * errors appended. */
void catalog_lint(struct catalog *c, struct cg_errors *errs);

/* Index of a requirement by id, or -1. */
long catalog_find_req(const struct catalog *c, const char *id, size_t len);
/* Index of a category or item with that id, or -1. */
long catalog_find_category(const struct catalog *c, const char *id);
long catalog_find_item(const struct catalog *c, const char *id);
/* 1 when the metric is built in or declared by the catalogue. */
int catalog_knows_metric(const struct catalog *c, const char *name,
                         size_t len);
/* Better direction of a metric (enum metric_better). */
int catalog_metric_better(const struct catalog *c, const char *name);
/* Unit of a metric ("%", "s", "" ...). */
const char *catalog_metric_unit(const struct catalog *c, const char *name);
/* What a metric measures (enum metric_class). */
int catalog_metric_class(const struct catalog *c, const char *name);
/* The metric's name as message argument `arg`: the language table's
 * term for a built-in metric (metric.<name>), the catalogue's title for
 * a declared one.  Returns m. */
struct msg;
struct msg *catalog_msg_metric(struct arena *a, const struct catalog *c,
                               struct msg *m, const char *arg,
                               const char *name);

const char *rule_type_name(enum rule_type t);
/* The window mode of that name, or -1. */
int window_mode_parse(const char *s);
const char *window_mode_name(enum window_mode m);

/* Defaults of the scoring policy (docs/scoring.md). */
void scoring_defaults(struct scoring *s);

#endif
