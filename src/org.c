/* org.c — the loaded organisation folder's model (see org.h). */
#include <stdlib.h>

#include "copcgap/arena.h"
#include "copcgap/kpi.h"
#include "copcgap/org.h"

void org_free(struct orgdata *o)
{
    if (!o)
        return;
    kpi_store_free(o->kpis);
    arena_free(o->arena);
    free(o);
}

const char *integrity_name(enum integrity i)
{
    static const char *const names[] = {
        "unchecked", "ok", "mismatch", "missing", "remote"
    };
    return (size_t)i < ARRAY_LEN(names) ? names[i] : "?";
}
