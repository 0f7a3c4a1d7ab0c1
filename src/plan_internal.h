/* plan_internal.h — shared by plan.c, plan_schedule.c and plan_text.c. */
#ifndef COPCGAP_PLAN_INTERNAL_H
#define COPCGAP_PLAN_INTERNAL_H

#include "copcgap/plan.h"

/* Fill a gap's action, measure, proof and failing rules. */
void plan_describe(struct report *r, struct gap *g);

/*
 * The owners' calendars: each owner can give the plan `capacity` person-
 * days a month, spread evenly over the month's working days (Monday to
 * Friday).  An action takes its effort from its owner's remaining time,
 * day by day, from the day it may start.
 */
struct calendar;

struct calendar *calendar_new(cg_day first, const struct profile *p);
void calendar_free(struct calendar *c);

/* Days a schedule may look ahead before it gives up (ten years). */
#define CALENDAR_DAYS 3653

/*
 * Schedule `effort` person-days on the lane `lane` (a person's name or a
 * role: one lane per owner) shown as `owner` in the load ("" for nobody)
 * from day `from`; `person` is the profile person, NULL for a role or
 * nobody.  *start is the first day work is done, *due the day it is
 * finished.  Returns 0 when the calendar runs out first (then *due is
 * its last day).
 */
int calendar_take(struct calendar *c, const char *lane, const char *owner,
                  const char *person, double effort, cg_day from,
                  cg_day *start, cg_day *due);

/* The load per owner and month, and the totals per month, into pl. */
void calendar_report(const struct calendar *c, struct report *r,
                     struct plan *pl);

#endif
