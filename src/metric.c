/* metric.c — the built-in KPI table (see metric.h and docs/inputs.md). */
#include <string.h>

#include "copcgap/metric.h"
#include "copcgap/util.h"

const struct metric_def metric_defs[M_BUILTIN_COUNT] = {
    { "offered", "count", BETTER_NONE, SRC_CONTACTS, 1, MC_OTHER },
    { "service_level", "%", BETTER_HIGHER, SRC_CONTACTS, 0, MC_SERVICE },
    { "abandon_rate", "%", BETTER_LOWER, SRC_CONTACTS, 0, MC_SERVICE },
    { "asa", "s", BETTER_LOWER, SRC_CONTACTS, 0, MC_SERVICE },
    { "aht", "s", BETTER_NONE, SRC_CONTACTS, 0, MC_COST },
    { "fcr", "%", BETTER_HIGHER, SRC_CONTACTS, 0, MC_QUALITY },
    { "qa_sample", "count", BETTER_NONE, SRC_QA, 1, MC_OTHER },
    { "euc_accuracy", "%", BETTER_HIGHER, SRC_QA, 0, MC_QUALITY },
    { "bc_accuracy", "%", BETTER_HIGHER, SRC_QA, 0, MC_QUALITY },
    { "cc_accuracy", "%", BETTER_HIGHER, SRC_QA, 0, MC_QUALITY },
    { "nc_accuracy", "%", BETTER_HIGHER, SRC_QA, 0, MC_QUALITY },
    { "euc_moe", "pts", BETTER_LOWER, SRC_QA, 0, MC_OTHER },
    { "bc_moe", "pts", BETTER_LOWER, SRC_QA, 0, MC_OTHER },
    { "cc_moe", "pts", BETTER_LOWER, SRC_QA, 0, MC_OTHER },
    { "csat", "%", BETTER_HIGHER, SRC_SURVEYS, 0, MC_SATISFACTION },
    { "dsat", "%", BETTER_LOWER, SRC_SURVEYS, 0, MC_SATISFACTION },
    { "nps", "pts", BETTER_HIGHER, SRC_SURVEYS, 0, MC_SATISFACTION },
    { "ces", "", BETTER_HIGHER, SRC_SURVEYS, 0, MC_SATISFACTION },
    { "forecast_accuracy", "%", BETTER_HIGHER, SRC_FORECAST, 0, MC_COST },
    { "forecast_wape", "%", BETTER_LOWER, SRC_FORECAST, 0, MC_COST },
    { "headcount", "count", BETTER_NONE, SRC_STAFF, 1, MC_OTHER },
    { "attrition", "%", BETTER_LOWER, SRC_STAFF, 0, MC_COST },
    { "unverified_agents", "count", BETTER_LOWER, SRC_STAFF, 1, MC_QUALITY },
};

static const char *const class_names[MC_COUNT] = {
    "service", "quality", "cost", "satisfaction", "revenue", "other"
};

const char *metric_class_name(enum metric_class c)
{
    return class_names[c];
}

int metric_class_parse(const char *s)
{
    int i;
    for (i = 0; s && i < MC_COUNT; i++)
        if (strcmp(s, class_names[i]) == 0)
            return i;
    return -1;
}

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

const char *metric_source_name(enum metric_source src)
{
    static const char *const names[SRC_COUNT] = {
        "contacts", "qa", "surveys", "forecast", "staff"
    };
    return names[src];
}
