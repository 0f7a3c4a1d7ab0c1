/*
 * assess_internal.h — shared by the rule evaluators (assess_*.c).
 *
 * Each evaluator fills one struct rule_result: status, score (0-1), a
 * one-line trace and detail lines naming the data behind it.  They never
 * fail on data; only check expressions can raise a (catalogue) error.
 */
#ifndef COPCGAP_ASSESS_INTERNAL_H
#define COPCGAP_ASSESS_INTERNAL_H

#include "copcgap/arena.h"
#include "copcgap/assess.h"

struct assess_ctx {
    struct report *r;
    const struct catalog *c;
    const struct profile *p;
    const struct orgdata *o;
    struct arena *a;            /* the report's arena */
    struct cg_errors *errs;
};

/*
 * Programs a rule looks at: those whose channel is allowed by both the
 * requirement's applies-to and the rule's channels.  Writes indexes to
 * out (room for p->nprograms) and returns how many.
 */
size_t assess_programs(const struct assess_ctx *x,
                       const struct requirement *req,
                       const struct rule *rule, int *out);

/*
 * The programs of a rule as above, in the arena, their number in *n.
 * When there are none the rule is not applicable: res becomes n/a with
 * its trace, and NULL is returned.
 */
const int *assess_rule_programs(struct assess_ctx *x, size_t req,
                                struct rule_result *res, size_t *n);

/* Window length of a rule in months (its own or the catalogue's). */
int assess_rule_months(const struct assess_ctx *x, const struct rule *rule);

/* Append a detail line (printf-style) to a rule result. */
void assess_detail(struct assess_ctx *x, struct rule_result *res,
                   const char *fmt, ...) CG_PRINTF(3, 4);

/* Set the one-line trace (printf-style). */
void assess_trace(struct assess_ctx *x, struct rule_result *res,
                  const char *fmt, ...) CG_PRINTF(3, 4);

/* Status from a score in [0, 1]: pass at 1, fail at 0, else partial. */
void assess_set_score(struct rule_result *res, double score);

/*
 * End of a rule judged program by program: no-data when no program had
 * data (`any` is 0), else the mean of the programs' credits.
 */
void assess_set_mean(struct rule_result *res, int any, double credit_sum,
                     size_t nprograms);

/* Format a number as in KPI output: up to 6 decimals, no trailing 0s. */
const char *assess_num(struct assess_ctx *x, double v);
const char *assess_month(struct assess_ctx *x, cg_month m);
const char *assess_date(struct assess_ctx *x, cg_day d);
const char *assess_program_id(const struct assess_ctx *x, int program);

void assess_eval_evidence(struct assess_ctx *x, size_t req,
                          struct rule_result *res);
void assess_eval_finding(struct assess_ctx *x, size_t req,
                         struct rule_result *res);
void assess_eval_metric(struct assess_ctx *x, size_t req,
                        struct rule_result *res);
void assess_eval_trend(struct assess_ctx *x, size_t req,
                       struct rule_result *res);
void assess_eval_sample(struct assess_ctx *x, size_t req,
                        struct rule_result *res);
/* Returns 0 on a run-time error of the expression (errs appended). */
int assess_eval_check(struct assess_ctx *x, size_t req,
                      struct rule_result *res);

#endif
