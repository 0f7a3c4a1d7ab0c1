/*
 * assess.h — the rule engine and scoring (core: pure, no I/O).
 *
 * assess_scope() decides which requirements apply (organisation kind,
 * channels, scope exclusions) and rejects exclusions naming unknown ids.
 * assess_score() turns rule results into requirement statuses, category,
 * item and overall scores, the verdict and the blocking list, exactly as
 * docs/scoring.md with the catalogue's <scoring>.
 */
#ifndef COPCGAP_ASSESS_H
#define COPCGAP_ASSESS_H

#include "copcgap/error.h"
#include "copcgap/report.h"

/* Returns 1, or 0 with errors (assess_check_profile) appended. */
int assess_scope(struct report *r, struct cg_errors *errs);

/*
 * The profile against the catalogue: excluded and owner ids exist, and
 * an exclusion that removes a critical requirement names approved-by.
 * Returns 1, or 0 with each problem appended (located in the profile).
 */
int assess_check_profile(const struct catalog *c, const struct profile *p,
                         struct cg_errors *errs);

/*
 * Evaluate every rule of every applicable requirement against the
 * organisation's data, then score (assess_score).  Call after
 * assess_scope().  Returns 1, or 0 with errors (a check expression that
 * fails at run time is a catalogue error, located at its rule).
 */
int assess_run(struct report *r, const struct orgdata *o,
               struct cg_errors *errs);

/*
 * The last complete month of data for an as-of date: the as-of month
 * when as-of is that month's last day, else the month before.
 */
cg_month assess_window_end(cg_day as_of);

/*
 * Required monitoring sample: n = ceil(n0 / (1 + (n0 - 1) / N)) with
 * n0 = z^2 p (1 - p) / e^2 (e a fraction: 0.05 for 5 points); N <= 0
 * means an unknown or infinite population (n = ceil(n0)).
 */
long assess_required_sample(double z, double p, double e, double N);

/* Compute statuses and scores from the rule results already in r. */
void assess_score(struct report *r);

/*
 * Coverage of the clauses of a reference catalogue (e.g. ISO 18295-1)
 * from this report's requirement statuses and the <ref> links of its
 * catalogue whose standard is target->id.  A clause is fully covered
 * when a met requirement links to it as equal or superset, or when every
 * link marked joint="true" to it is met (together they cover it); partially
 * when any linked requirement is met or partial (a subset or
 * intersecting requirement never covers a clause fully); not covered
 * when links exist but none is met or partial.  Links to clauses the
 * target does not have are input errors (located at the <ref>).
 * Appends to r->crosswalks; returns 1 or 0 with errors.
 */
int assess_crosswalk(struct report *r, const struct catalog *target,
                     struct cg_errors *errs);

/* 1 when the verdict is at least `min` (ready > conditional > not-ready). */
int verdict_at_least(enum verdict v, enum verdict min);

#endif
