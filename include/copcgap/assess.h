/*
 * assess.h — the rule engine and scoring (core: pure, no I/O).
 *
 * assess_scope() decides which requirements apply (organisation kind,
 * channels, scope exclusions) and rejects exclusions naming unknown ids.
 * assess_score() turns rule results into requirement statuses, category,
 * item and overall scores, the verdict and the blocking list, exactly as
 * design.md "Assessment semantics" with the catalogue's <scoring>.
 */
#ifndef COPCGAP_ASSESS_H
#define COPCGAP_ASSESS_H

#include "copcgap/error.h"
#include "copcgap/report.h"

/* Returns 1, or 0 with errors (unknown scope ids) appended. */
int assess_scope(struct report *r, struct cg_errors *errs);

/* Compute statuses and scores from the rule results already in r. */
void assess_score(struct report *r);

/* 1 when the verdict is at least `min` (ready > conditional > not-ready). */
int verdict_at_least(enum verdict v, enum verdict min);

#endif
