/* metric.c — the built-in KPI table (see metric.h and docs/inputs.md). */
#include "copcgap/metric.h"
#include "copcgap/util.h"

const struct metric_def metric_defs[M_BUILTIN_COUNT] = {
    { "offered", "count", BETTER_NONE, SRC_CONTACTS, 1 },
    { "service_level", "%", BETTER_HIGHER, SRC_CONTACTS, 0 },
    { "abandon_rate", "%", BETTER_LOWER, SRC_CONTACTS, 0 },
    { "asa", "s", BETTER_LOWER, SRC_CONTACTS, 0 },
    { "aht", "s", BETTER_NONE, SRC_CONTACTS, 0 },
    { "fcr", "%", BETTER_HIGHER, SRC_CONTACTS, 0 },
    { "qa_sample", "count", BETTER_NONE, SRC_QA, 1 },
    { "euc_accuracy", "%", BETTER_HIGHER, SRC_QA, 0 },
    { "bc_accuracy", "%", BETTER_HIGHER, SRC_QA, 0 },
    { "cc_accuracy", "%", BETTER_HIGHER, SRC_QA, 0 },
    { "nc_accuracy", "%", BETTER_HIGHER, SRC_QA, 0 },
    { "euc_moe", "pts", BETTER_LOWER, SRC_QA, 0 },
    { "bc_moe", "pts", BETTER_LOWER, SRC_QA, 0 },
    { "cc_moe", "pts", BETTER_LOWER, SRC_QA, 0 },
    { "csat", "%", BETTER_HIGHER, SRC_SURVEYS, 0 },
    { "dsat", "%", BETTER_LOWER, SRC_SURVEYS, 0 },
    { "nps", "pts", BETTER_HIGHER, SRC_SURVEYS, 0 },
    { "ces", "", BETTER_HIGHER, SRC_SURVEYS, 0 },
    { "forecast_accuracy", "%", BETTER_HIGHER, SRC_FORECAST, 0 },
    { "forecast_wape", "%", BETTER_LOWER, SRC_FORECAST, 0 },
    { "headcount", "count", BETTER_NONE, SRC_STAFF, 1 },
    { "attrition", "%", BETTER_LOWER, SRC_STAFF, 0 },
    { "unverified_agents", "count", BETTER_LOWER, SRC_STAFF, 1 },
};

int metric_find(const char *name, size_t len)
{
    int i;
    for (i = 0; i < M_BUILTIN_COUNT; i++)
        if (str_eq_n(name, len, metric_defs[i].name))
            return i;
    return -1;
}

const char *metric_source_file(enum metric_source src)
{
    static const char *const files[SRC_COUNT] = {
        "contacts.csv", "qa.csv", "surveys.csv", "forecast.csv", "staff.csv"
    };
    return files[src];
}
