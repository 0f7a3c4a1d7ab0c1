/*
 * report.h — the report model: everything a report shows, as plain data.
 *
 * The engine (assess.h) fills it; the PDF, JSON and CSV renderers only
 * read it.  Tests check it through its JSON dump.  Strings and arrays
 * live in the report's arena; the catalogue and profile it points to
 * must outlive it.  report_free() releases the arena.
 */
#ifndef COPCGAP_REPORT_H
#define COPCGAP_REPORT_H

#include <stddef.h>

#include "copcgap/catalog.h"
#include "copcgap/lang.h"
#include "copcgap/model.h"
#include "copcgap/msg.h"
#include "copcgap/org.h"
#include "copcgap/profile.h"

struct program_outcome;

struct rule_result {
    const struct rule *rule;
    enum rule_status status;
    double score;               /* 0-1; what the rule contributes */
    const struct msg *trace;    /* one line a person can check by hand */
    const struct msg **details; /* per program / month / evidence row */
    size_t ndetails, details_cap;
    const int *programs;        /* the programs the rule covers (profile
                                   indexes), decided by the driver */
    size_t nprograms;
    struct program_outcome *outcomes;   /* metric rules; else NULL */
    int months_short;           /* metric, sample, trend: months of
                                   conforming data still to be shown (the
                                   worst program); 0 otherwise */
};

/* What the engine found wrong with an evidence row (bit flags). */
enum evidence_flag {
    EVF_UNAPPROVED = 1 << 0,
    EVF_EXPIRED = 1 << 1,       /* as-of is after `expires` */
    EVF_STALE = 1 << 2,         /* older than the max-age-days of the
                                   rules that read it, valid for none */
    EVF_CHANGED = 1 << 3,       /* sha256 mismatch: the file changed */
    EVF_MISSING = 1 << 4,       /* location names no file */
    EVF_FUTURE = 1 << 5,        /* dated after as-of */
    EVF_USED = 1 << 6,          /* read by at least one rule or fact */
    EVF_COUNTED = 1 << 7,       /* valid for at least one rule */
    EVF_EXPIRING = 1 << 8       /* counted, but expires before the target
                                   audit: a warning, not a problem */
};

/* The flags that are problems (not USED or COUNTED). */
#define EVF_PROBLEMS (EVF_UNAPPROVED | EVF_EXPIRED | EVF_STALE | \
                      EVF_CHANGED | EVF_MISSING | EVF_FUTURE)

/* Machine name of one problem or warning flag ("stale", "missing-file",
 * "expiring"), for JSON, CSV and the language table's keys
 * (evidence.flag.<name>); NULL for USED and COUNTED.  One table, in
 * report.c. */
const char *evidence_flag_name(unsigned bit);
/* The problem bits, then the warning, in the order reports list them
 * (worst first). */
extern const unsigned evidence_flag_order[7];

struct evidence_state {
    const struct evidence *ev;
    unsigned flags;
};

struct plan;
struct report_progress;

/* Coverage of a reference clause through crosswalk links. */
enum coverage {
    COV_FULL,           /* a met requirement links as equal or superset */
    COV_PARTIAL,        /* some linked requirement is met or partial */
    COV_NONE,           /* links exist, none met or partial */
    COV_NO_LINK,        /* no requirement links to the clause */
    COV_COUNT
};

struct xwalk_link {
    size_t req;                 /* source requirement index */
    enum xrel rel;
    int joint;
    const struct i18n *rationale;   /* may be empty */
};

struct xwalk_clause {
    size_t clause;              /* requirement index in the target */
    enum coverage coverage;
    struct xwalk_link *links;
    size_t nlinks;
};

struct crosswalk {
    const struct catalog *target;
    struct xwalk_clause *clauses;   /* one per target requirement */
    size_t nclauses;
    size_t count[COV_COUNT];
};

/*
 * Who carries out the work on a requirement.  One rule, decided once
 * (report_new): the person the profile names for the requirement (an
 * <owner requirement= person=/> entry), else the person holding the
 * catalogue's owner role, else the role itself (unfilled), else nobody.
 */
enum assign_source {
    ASSIGN_NAMED,       /* the profile names a person for it */
    ASSIGN_ROLE,        /* the person holding the owner role */
    ASSIGN_UNFILLED,    /* a role no person holds in the profile */
    ASSIGN_NONE         /* the catalogue names no owner role */
};

struct assignee {
    enum assign_source source;
    const char *person;         /* NAMED and ROLE; else NULL */
    const char *role;           /* the catalogue's owner role, or NULL */
};

struct req_result {
    const struct requirement *req;
    enum req_status status;
    double score;               /* 0-1, weighted mean of rule scores */
    const struct msg *na_reason;    /* why n/a (scope or applicability) */
    struct assignee assignee;
    enum finding_class finding_class;   /* from findings.csv, if any */
    struct rule_result *rules;  /* one per catalogue rule, same order */
    size_t nrules;
};

struct group_result {           /* a category or an item */
    double score;               /* weighted mean over applicable reqs */
    double applicable_weight;   /* 0 when nothing applies */
    double points_max;          /* the group's weight when anything in it
                                   applies, else 0: the points available */
    double points;              /* score x points_max: the points earned */
    size_t count[REQ_COUNT];    /* requirements by status */
};

/* Where the target a value is compared with comes from. */
enum target_source {
    TS_PROGRAM,         /* the program's own target in the profile */
    TS_DEFAULT,         /* the catalogue's default: the program has none */
    TS_CATALOGUE,       /* a fixed target of the catalogue's rule */
    TS_COUNT
};

struct target_used {
    int found;
    enum cmp_op op;
    double value;
    enum target_source source;
};

/* How one program fared under a metric rule (outcomes[i] is for
 * programs[i]). */
struct program_outcome {
    double credit;              /* 0-1, what the program contributes */
    struct target_used target;
    int months;                 /* the window */
    int required;               /* months passing needed */
    int pass;                   /* months passing */
    int nvalues;                /* months with a value */
    double mean;                /* mean of the values (mean mode) */
};

/* One month of a KPI series. */
enum point_status {
    PT_NONE,            /* no value that month */
    PT_PASS,            /* at target */
    PT_FAIL,            /* off target */
    PT_UNJUDGED         /* a value, but no target to judge it by */
};

struct kpi_point {
    cg_month month;
    enum point_status status;
    double value;
    long long n;                /* -1 when not given */
    const char *file;           /* where the value came from */
    long line;                  /* its line there; 0 when derived */
};

/* Months a series shows: the year up to the last complete month. */
#define REPORT_SERIES_MONTHS 12

/*
 * A program's monthly values of one metric, as every report shows them:
 * the last REPORT_SERIES_MONTHS months with the target and pass/fail per
 * month, and the window the catalogue's rules judge (the widest window
 * of the metric and sample rules that read this metric for this
 * program; win_months 0 when no rule does).
 */
struct kpi_series {
    int program;
    const char *metric;
    const char *unit;           /* "%", "s", "pts", "count", "" */
    int better;                 /* enum metric_better */
    struct target_used target;
    struct kpi_point points[REPORT_SERIES_MONTHS];
    int npoints_with_value;
    cg_month win_end;
    int win_months;
};

/*
 * One line of the performance summary table, in the form COPC auditors
 * work from: a metric a rule requires, for one program, with its class
 * (service, quality, ...), target, window, months at target, trend and
 * result.  Built by the engine from the metric rules' outcomes.
 */
enum pst_trend {
    PST_TREND_FEW,      /* under three months with values */
    PST_TREND_BETTER,   /* improving, significantly */
    PST_TREND_STEADY,   /* no significant change */
    PST_TREND_WORSE,    /* declining, significantly */
    PST_TREND_UP,       /* rising (a metric with no better direction) */
    PST_TREND_DOWN,     /* falling */
    PST_TREND_COUNT
};

enum pst_result { PST_PASS, PST_FAIL, PST_NO_DATA, PST_NO_TARGET,
                  PST_RESULT_COUNT };

struct pst_row {
    size_t req;                 /* requirement index */
    size_t rule;                /* rule index within it */
    int program;
    const char *metric;
    int metric_class;           /* enum metric_class */
    struct target_used target;
    enum window_mode mode;
    cg_month win_end;
    int months;                 /* the window */
    int required;               /* months at target needed (mean: 0) */
    int at_target;              /* months at target in the window */
    int with_data;              /* months with a value */
    double slope;               /* per month, over the window */
    enum pst_trend trend;
    enum pst_result result;
};

const char *pst_trend_name(enum pst_trend t);
const char *pst_result_name(enum pst_result r);

/* How a scope exclusion was used (docs/scoring.md, "Scope"). */
struct exclusion_use {
    const struct scope_exclusion *x;
    size_t nreqs;               /* requirements it makes n/a */
    size_t ncritical;           /* ... of which critical */
};

/*
 * Why the verdict is what it is: which critical requirements keep it from
 * conditional, what the overall score alone would give, and whether scope
 * exclusions remove critical requirements (the reader must know).
 */
struct verdict_reason {
    enum verdict by_score;      /* ignoring critical requirements */
    size_t *critical;           /* critical requirements not met */
    size_t ncritical;
    int score_below;            /* overall < conditional-min */
    double conditional_min;
    struct exclusion_use *exclusions;   /* one per profile exclusion */
    size_t nexclusions;
    size_t excluded_critical;   /* critical requirements excluded */
};

/* A file the report rests on (the method section's data sources; the
 * workspace records the same list). */
struct report_source {
    const char *path;           /* the catalogue by its file name, the
                                   folder's files relative to the folder */
    const char *kind;           /* "catalogue", "profile", then as
                                   struct org_source */
    uint64_t rows;              /* requirements, programs, or records */
    const struct file_digest *digest;
};

struct report {
    struct arena *arena;
    const struct catalog *catalog;
    const struct profile *profile;
    const struct lang *lang;    /* the reader's language (renderers) */
    enum verdict verdict;
    struct verdict_reason why;
    double overall;             /* 0-1 */
    double points, points_max;  /* earned and available: overall x the
                                   applicable categories' weights */
    size_t count[REQ_COUNT];
    struct group_result *cats;  /* catalog->ncategories */
    struct group_result *items; /* catalog->nitems */
    struct req_result *reqs;    /* catalog->nreqs, catalogue order */
    size_t *blocking;           /* requirements that keep the verdict from
                                   ready: critical first, then by id order */
    size_t nblocking;

    /* Filled by assess_run(); NULL / 0 before. */
    const struct orgdata *org;
    cg_month window_end;        /* last complete month of data */
    int window_months;          /* the catalogue's default window */
    struct evidence_state *evidence;    /* one per evidence.csv row */
    size_t nevidence;
    size_t evidence_problems;   /* rows with at least one problem */
    struct kpi_series *series;  /* report_build_series(); by program,
                                   then metric name */
    size_t nseries;

    struct report_source *sources;  /* catalogue, profile, then the
                                       folder's files as read */
    size_t nsources;

    struct pst_row *pst;        /* performance summary, by category order
                                   of the requirements, then program */
    size_t npst;

    struct plan *plan;          /* filled by plan_build(); may be NULL */

    struct crosswalk *crosswalks;   /* assess_crosswalk(); may be 0 */
    size_t ncrosswalks;

    /* Earlier runs of a workspace (run.h), set by the CLI when there is
     * one; NULL otherwise: reports then show no progress section. */
    const struct report_progress *progress;
};

const char *coverage_name(enum coverage c);
const char *target_source_name(enum target_source s);
const char *assign_source_name(enum assign_source s);
const char *point_status_name(enum point_status s);

/* A report for catalogue c and profile p, read in language L (the
 * renderers format with it; the model itself holds no prose). */
struct report *report_new(const struct catalog *c, const struct profile *p,
                          const struct lang *L);
void report_free(struct report *r);

/* How an exclusion is told to readers: what, for which program, why,
 * who approved it, and how many requirements (and critical ones) it
 * takes out of scope, or, for one program, narrows. */
struct msg *report_exclusion_msg(struct arena *a,
                                 const struct exclusion_use *u);

/* Fill r->sources from the catalogue, the profile and r->org (called by
 * assess_run). */
void report_build_sources(struct report *r);

/* The language code of the report ("en"). */
const char *report_lang(const struct report *r);

/* Text of a catalogue i18n in the report's language. */
const char *report_text(const struct report *r, const struct i18n *t);

/* The name to show for an assignee: the person, else the role, else
 * NULL (renderers then say "unassigned" in the reader's language). */
const char *assignee_name(const struct assignee *a);

/*
 * The KPI series of every program for every metric that has values or
 * that a rule reads (after assess_run); fills r->series.
 */
void report_build_series(struct report *r);

#endif
