/*
 * metric.h — the KPIs copcgap knows, defined once.
 *
 * Formulas are in docs/inputs.md ("Raw operational data and the KPIs derived
 * from it") and docs/kpis.md; this table gives each metric its name,
 * unit, which direction is better, which raw file derives it, and
 * whether it is a count (reported even when zero).  Its name in words
 * is the language table's (metric.<name>, templates/).  A catalogue may
 * declare further metrics (supplied only through metrics.csv).
 */
#ifndef COPCGAP_METRIC_H
#define COPCGAP_METRIC_H

#include <stddef.h>

enum metric_id {
    M_OFFERED,
    M_SERVICE_LEVEL,
    M_ABANDON_RATE,
    M_ASA,
    M_AHT,
    M_FCR,
    M_QA_SAMPLE,
    M_EUC_ACCURACY,
    M_BC_ACCURACY,
    M_CC_ACCURACY,
    M_NC_ACCURACY,
    M_EUC_MOE,
    M_BC_MOE,
    M_CC_MOE,
    M_CSAT,
    M_DSAT,
    M_NPS,
    M_CES,
    M_FORECAST_ACCURACY,
    M_FORECAST_WAPE,
    M_HEADCOUNT,
    M_ATTRITION,
    M_UNVERIFIED_AGENTS,
    M_BUILTIN_COUNT
};

enum metric_better {
    BETTER_NONE,        /* a volume: neither direction is better */
    BETTER_HIGHER,
    BETTER_LOWER
};

/* COPC's performance-summary labels (service, quality, cost,
 * satisfaction, revenue). */
enum metric_class {
    MC_SERVICE,
    MC_QUALITY,
    MC_COST,
    MC_SATISFACTION,
    MC_REVENUE,
    MC_OTHER,
    MC_COUNT
};

/* Machine name of a class ("service"), or -1 for an unknown name. */
const char *metric_class_name(enum metric_class c);
int metric_class_parse(const char *s);

enum metric_source {
    SRC_CONTACTS,
    SRC_QA,
    SRC_SURVEYS,
    SRC_FORECAST,
    SRC_STAFF,
    SRC_COUNT
};

struct metric_def {
    const char *name;           /* as in metrics.csv, e.g. "service_level" */
    const char *unit;           /* "%", "s", "pts", "count", "" */
    enum metric_better better;
    enum metric_source source;
    int is_count;               /* reported even when 0 */
    enum metric_class mclass;
};

/* The built-in table, indexed by enum metric_id. */
extern const struct metric_def metric_defs[M_BUILTIN_COUNT];

/* Index of a built-in metric by name, or -1. */
int metric_find(const char *name, size_t len);

/* Raw file base names ("contacts.csv", ...), indexed by metric_source. */
const char *metric_source_file(enum metric_source src);
/* Their names as codes ("contacts", "qa", ...). */
const char *metric_source_name(enum metric_source src);

#endif
