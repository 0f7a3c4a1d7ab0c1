/*
 * run.h — one assessment run as the workspace keeps it, and what changed
 * between two runs (core: no I/O; docs/workspace.md).
 *
 * A run is a snapshot of a scored report in machine values: the verdict,
 * the scores, every requirement and rule result with its trace (a
 * message, msg.h), the gaps of the plan, and the inputs it rested on
 * (the files with their digests, the KPI values, the evidence and
 * findings registers).  run_from_report() takes one from a report;
 * the workspace (store.h) stores and loads them.
 *
 * run_diff() compares two runs: requirements whose gap closed or opened,
 * every status and score change, each category's score delta, and for
 * each rule that changed its cause: the KPI months, evidence rows and
 * findings it reads that changed, and its trace before and after.
 *
 * Memory: a run and a diff live in their own arena (run_free,
 * run_diff_free); a diff points into both runs, which must outlive it.
 */
#ifndef COPCGAP_RUN_H
#define COPCGAP_RUN_H

#include <stddef.h>
#include <stdint.h>

#include "copcgap/arena.h"
#include "copcgap/date.h"
#include "copcgap/model.h"
#include "copcgap/msg.h"

struct report;

struct run_file {
    const char *path;           /* as in the report's sources */
    const char *kind;
    uint64_t bytes, rows;
    const char *sha256;
};

struct run_kpi {
    const char *program;        /* program id */
    const char *metric;
    cg_month month;
    double value;
    long long n;                /* -1 when not given */
    const char *file;
    long line;                  /* 0 when derived */
};

struct run_evidence {
    const char *id;
    long line;
    const char *reqs;           /* requirement ids, space-separated */
    const char *program;        /* "" when site-wide */
    const char *kind;
    const char *title;
    cg_day dated;
    int approved;
    int has_expires;
    cg_day expires;
    const char *location;
    const char *sha256;         /* of the file as found, "" when none */
    const char *integrity;
};

struct run_finding {
    long line;
    const char *req;
    const char *program;        /* "" when site-wide */
    const char *result;
    const char *cls;            /* "" when none */
    const char *assessor;
    int has_dated;
    cg_day dated;
    const char *note;
};

/* The inputs of a run: one import of the workspace. */
struct run_inputs {
    long long import_id;        /* 0 until stored */
    struct run_file *files;     /* catalogue, profile, the folder's files */
    size_t nfiles;
    struct run_kpi *kpis;       /* by program, metric, month */
    size_t nkpis;
    struct run_evidence *evidence;  /* register order */
    size_t nevidence;
    struct run_finding *findings;   /* register order */
    size_t nfindings;
};

struct run_rule {
    const char *id;
    const char *type;           /* rule_type name */
    const char *metric;         /* metric, trend, sample; else NULL */
    enum rule_status status;
    double score;
    const struct msg *trace;    /* may be NULL */
    const struct msg **details;
    size_t ndetails;
};

struct run_gap {
    size_t rank;
    int tier;                   /* enum tier */
    double priority;
    int at_risk;
    const struct msg *risk;     /* may be NULL */
    const char *owner;
    double effort;
    cg_day start, due;
    const struct msg *action;   /* may be NULL */
};

struct run_req {
    const char *id;
    const char *category;
    int critical;
    enum req_status status;
    double score;
    const struct msg *na_reason;    /* may be NULL */
    struct run_rule *rules;
    size_t nrules;
    const struct run_gap *gap;  /* NULL when not a gap */
};

struct run_cat {
    const char *id;
    double score;
    double points, points_max;  /* points_max 0: nothing applies */
};

struct run {
    struct arena *arena;
    long long id;               /* 0 until stored */
    long long at;               /* seconds since the epoch */
    const char *org_id;
    const char *org_name;
    const char *catalogue_id, *catalogue_version, *catalogue_sha256;
    cg_day as_of;
    int has_audit;
    cg_day audit;
    enum verdict verdict;
    double overall, points, points_max;
    size_t count[REQ_COUNT];
    size_t ngaps;
    size_t tiers[4];            /* by tier, index 1-3 */
    size_t at_risk;
    int ready;
    int has_feasible;
    cg_day feasible;
    struct run_cat *cats;       /* catalogue order */
    size_t ncats;
    struct run_req *reqs;       /* catalogue order */
    size_t nreqs;
    struct run_gap *gaps;       /* by rank */
    size_t ngaps_stored;
    struct run_inputs in;       /* empty in a history listing */
};

/* An empty run with its arena (for loaders). */
struct run *run_new(void);
void run_free(struct run *r);

/* A snapshot of a scored report with its plan and inputs (after
 * assess_run and plan_build), taken at time `at`.  Its messages (traces,
 * actions) are the report's: the report must outlive the run. */
struct run *run_from_report(const struct report *rep, long long at);
/* Only the inputs (rep->sources and rep->org), for an import. */
struct run *run_inputs_from_report(const struct report *rep, long long at);

/* The requirement of that id in a run, or NULL. */
const struct run_req *run_find_req(const struct run *r, const char *id);

/* 1 when a requirement of that status is a gap (applicable, not met). */
int run_status_is_gap(enum req_status s);

/* 1 when the two runs rest on exactly the same files (paths and
 * digests). */
int run_inputs_same(const struct run_inputs *a, const struct run_inputs *b);

/* ------------------------------------------------------------ diff */

enum change_kind {
    CHANGE_CLOSED,      /* a gap before, met or n/a now */
    CHANGE_OPENED,      /* met or n/a before, a gap now */
    CHANGE_STATUS,      /* another status change (e.g. not-met -> partial) */
    CHANGE_SCORE,       /* same status, another score */
    CHANGE_ADDED,       /* only in the later run (another catalogue) */
    CHANGE_REMOVED,     /* only in the earlier run */
    CHANGE_COUNT
};

/* Machine name of a change ("closed"); the language table's words are
 * change.<name>. */
const char *change_kind_name(enum change_kind k);

/* The evidence fields a diff names (diff.field.<name> in the language
 * table), NULL-terminated. */
extern const char *const run_diff_fields[];

struct rule_change {
    const struct run_rule *a, *b;   /* either may be NULL */
    const struct msg **causes;      /* input rows, KPI months, traces */
    size_t ncauses, cap;
};

struct req_change {
    const struct run_req *a, *b;    /* either may be NULL */
    enum change_kind kind;
    struct rule_change *rules;
    size_t nrules, cap;
};

struct cat_change {
    const char *id;
    const struct run_cat *a, *b;    /* either may be NULL */
};

struct run_diff {
    struct arena *arena;
    const struct run *a, *b;        /* earlier, later */
    const struct msg **inputs;      /* what changed in the inputs as a
                                       whole: files, catalogue, as-of */
    size_t ninputs, inputs_cap;
    struct cat_change *cats;
    size_t ncats;
    struct req_change *reqs;        /* catalogue order of b, then a's */
    size_t nreqs;
    size_t count[CHANGE_COUNT];
};

/* What changed from run a to run b (both loaded with their inputs). */
struct run_diff *run_diff(const struct run *a, const struct run *b);
void run_diff_free(struct run_diff *d);

/* One point of the overall-score history (reports' chart). */
struct run_point {
    long long id;
    long long at;
    cg_day as_of;
    double overall;
    enum verdict verdict;
};

/*
 * What a report from a workspace shows of earlier runs: the diff from
 * the last stored run to this one, and the overall score of every run,
 * this one last.  Attached to the report (report.h) by the CLI.
 */
struct report_progress {
    const struct run_diff *diff;
    const struct run_point *points;
    size_t npoints;
};

#endif
