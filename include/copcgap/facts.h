/*
 * facts.h — the fact functions check expressions may call
 * (docs/expressions.md, "Fact functions").  The catalogue loader
 * compiles expressions against this table (unknown functions and wrong
 * arities are catalogue errors); the engine evaluates the calls.
 */
#ifndef COPCGAP_FACTS_H
#define COPCGAP_FACTS_H

#include "copcgap/expr.h"

enum fact_id {
    FACT_KPI,           /* kpi(metric[, months_ago]) */
    FACT_MEAN,          /* mean(metric[, months]) */
    FACT_TARGET,        /* target(metric) */
    FACT_EVIDENCE,      /* evidence(kind) */
    FACT_PROGRAMS,      /* programs() */
    FACT_CHANNEL,       /* channel() */
    FACT_KIND,          /* kind() */
    FACT_HAS            /* has(metric[, months_ago]) or has(value) */
};

/* In enum fact_id order (fact_functions[id] is id's entry), terminated
 * by an entry whose name is NULL. */
extern const struct expr_func fact_functions[];

#endif
