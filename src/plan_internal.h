/* plan_internal.h — shared by plan.c, plan_text.c and plan_load.c. */
#ifndef COPCGAP_PLAN_INTERNAL_H
#define COPCGAP_PLAN_INTERNAL_H

#include "copcgap/plan.h"

/* Fill a gap's action, measure, proof and failing traces. */
void plan_describe(struct report *r, struct gap *g);

/* Owners' planned working days per month, and overloads. */
void plan_owner_load(struct report *r, struct plan *pl);

#endif
