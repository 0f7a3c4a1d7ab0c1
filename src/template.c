/* template.c — the report template model (template.h). */
#include <stdlib.h>

#include "copcgap/template.h"

static const char *const section_names[SEC_COUNT] = {
    "cover", "control", "contents", "summary", "scope", "method",
    "limitations", "legend", "heatmap", "kpis", "performance-summary",
    "scorecard", "gaps", "plan", "evidence", "findings", "crosswalk",
    "traces", "signoff", "progress"
};

const char *section_name(enum section_kind k)
{
    return (unsigned)k < SEC_COUNT ? section_names[k] : "?";
}

const struct tpl_section *template_section(const struct report_template *t,
                                           enum section_kind k)
{
    size_t i;
    for (i = 0; t && i < t->nsections; i++)
        if (t->sections[i].kind == k)
            return &t->sections[i];
    return NULL;
}

void template_free(struct report_template *t)
{
    if (t)
        arena_free(t->arena);
}
