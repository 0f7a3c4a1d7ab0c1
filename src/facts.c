/* facts.c — the fact-function table (see facts.h). */
#include <stddef.h>

#include "copcgap/facts.h"

const struct expr_func fact_functions[] = {
    { "kpi", 1, 2, FACT_KPI },
    { "mean", 1, 2, FACT_MEAN },
    { "target", 1, 1, FACT_TARGET },
    { "evidence", 1, 1, FACT_EVIDENCE },
    { "programs", 0, 0, FACT_PROGRAMS },
    { "channel", 0, 0, FACT_CHANNEL },
    { "kind", 0, 0, FACT_KIND },
    { "has", 1, 2, FACT_HAS },
    { NULL, 0, 0, 0 }
};
