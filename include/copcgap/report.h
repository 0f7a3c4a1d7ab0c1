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
#include "copcgap/model.h"
#include "copcgap/profile.h"
#include "copcgap/org.h"

struct rule_result {
    const struct rule *rule;
    enum rule_status status;
    double score;               /* 0-1; what the rule contributes */
    const char *trace;          /* one line a person can check by hand */
    const char **details;       /* per program / month / evidence row */
    size_t ndetails, details_cap;
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
    EVF_USED = 1 << 6,          /* matched by at least one rule */
    EVF_COUNTED = 1 << 7        /* valid for at least one rule */
};

struct evidence_state {
    const struct evidence *ev;
    unsigned flags;
};

struct plan;

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
    const char *rationale;      /* in the report's language, may be "" */
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

struct req_result {
    const struct requirement *req;
    enum req_status status;
    double score;               /* 0-1, weighted mean of rule scores */
    const char *na_reason;      /* why n/a (scope or applicability) */
    const char *owner;          /* person for the owner role, or NULL */
    enum finding_class finding_class;   /* from findings.csv, if any */
    struct rule_result *rules;  /* one per catalogue rule, same order */
    size_t nrules;
};

struct group_result {           /* a category or an item */
    double score;               /* weighted mean over applicable reqs */
    double applicable_weight;   /* 0 when nothing applies */
    size_t count[REQ_COUNT];    /* requirements by status */
};

struct report {
    struct arena *arena;
    const struct catalog *catalog;
    const struct profile *profile;
    const char *lang;           /* "en" or "es" */
    enum verdict verdict;
    double overall;             /* 0-1 */
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

    struct plan *plan;          /* filled by plan_build(); may be NULL */

    struct crosswalk *crosswalks;   /* assess_crosswalk(); may be 0 */
    size_t ncrosswalks;
};

const char *coverage_name(enum coverage c);

struct report *report_new(const struct catalog *c, const struct profile *p,
                          const char *lang);
void report_free(struct report *r);

/* Text of a catalogue i18n in the report's language. */
const char *report_text(const struct report *r, const struct i18n *t);

#endif
