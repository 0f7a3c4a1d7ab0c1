/*
 * assess_internal.h — shared by the rule evaluators (assess_*.c).
 *
 * Each evaluator fills one struct rule_result: status, score (0-1), a
 * one-line trace and detail lines naming the data behind it, all as
 * language-neutral messages (msg.h; the keys are in the templates/ language tables).
 * The driver (assess_run.c) has already decided which programs the rule
 * covers (x->progs; never empty: a rule covering none is n/a before any
 * evaluator runs).  Evaluators never fail on data; only check
 * expressions can raise a (catalogue) error.
 */
#ifndef COPCGAP_ASSESS_INTERNAL_H
#define COPCGAP_ASSESS_INTERNAL_H

#include "copcgap/arena.h"
#include "copcgap/assess.h"
#include "copcgap/msg.h"

struct assess_ctx {
    struct report *r;
    const struct catalog *c;
    const struct profile *p;
    const struct orgdata *o;
    struct arena *a;            /* the report's arena */
    struct cg_errors *errs;
    const int *progs;           /* programs the current rule covers */
    size_t nprogs;
    /* The register rows naming requirement i, in register order:
     * evidence rows ev_rows[ev_first[i] .. ev_first[i + 1]), findings
     * fd_rows[fd_first[i] .. fd_first[i + 1]).  Built once by
     * assess_run, so that a rule reads its own rows rather than the
     * whole register (which made large catalogues quadratic). */
    const size_t *ev_first, *ev_rows;
    const size_t *fd_first, *fd_rows;
};

/* Build the rows-by-requirement index (ev_*, fd_*) of x->o. */
void assess_index_rows(struct assess_ctx *x);
/* Evidence rows naming requirement req, in register order: *n of them
 * at the returned indexes into x->o->evidence. */
const size_t *assess_req_evidence(const struct assess_ctx *x, size_t req,
                                  size_t *n);
/* The same for findings (indexes into x->o->findings). */
const size_t *assess_req_findings(const struct assess_ctx *x, size_t req,
                                  size_t *n);

/*
 * Programs a rule covers: those whose channel is allowed by both the
 * requirement's applies-to and the rule's channels.  Writes indexes to
 * out (room for p->nprograms) and returns how many.  The one place this
 * is decided.
 */
size_t assess_programs(const struct profile *p,
                       const struct requirement *req,
                       const struct rule *rule, int *out);

/* Window length of a rule in months (its own or the catalogue's). */
int assess_rule_months(const struct assess_ctx *x, const struct rule *rule);

/* A new message in the report's arena. */
struct msg *assess_msg(struct assess_ctx *x, const char *key);

/* Append a detail line to a rule result. */
void assess_detail(struct assess_ctx *x, struct rule_result *res,
                   const struct msg *m);

/* Status from a score in [0, 1]: pass at 1, fail at 0, else partial. */
void assess_set_score(struct rule_result *res, double score);

/*
 * End of a rule judged program by program: no-data when no program had
 * data (`any` is 0), else the mean of the programs' credits.
 */
void assess_set_mean(struct rule_result *res, int any, double credit_sum,
                     size_t nprograms);

/*
 * How much each program of the rule (x->progs) counts: by volume, the
 * metric's n summed over the window's months (docs/scoring.md,
 * "Combining programs"), or equally (program-weight="equal", or when any
 * program has no n at all: missing data must not weigh nothing).  Writes
 * w[0..x->nprogs) and returns 1 when the weights are volumes.
 */
int assess_weights(struct assess_ctx *x, const struct rule *rule,
                   const char *metric, int months, double *w);

/* The weighted mean of credits (or no-data when !any). */
void assess_set_weighted(struct rule_result *res, int any,
                         const double *credit, const double *w, size_t n);

/*
 * Months of conforming data still to show: ok[0..months) says which
 * months of the window passed (0 = oldest); the result is the fewest new
 * passing months after which `required` months of the moving window
 * pass (every month for `each`: the months until the newest bad one
 * leaves the window).
 */
int assess_months_to_pass(const unsigned char *ok, int months, int required);

/* Add a program's share of the weights (a percentage) to its message. */
void assess_msg_share(struct assess_ctx *x, struct msg *m, const double *w,
                      size_t i, int volume);

const char *assess_program_id(const struct assess_ctx *x, int program);

/* The target a program's values are judged by under a rule: its own
 * target (target="program"), else the rule's fixed value. */
struct target_used assess_target(const struct rule *rule,
                                 const struct program *pg);

/* Add the arguments that describe a target (op, target, source) to m. */
void assess_msg_target(struct assess_ctx *x, struct msg *m,
                       const struct target_used *t, int holds);

/* A message naming the months a rule reads (window.each, ...). */
const struct msg *assess_window_msg(struct assess_ctx *x,
                                    const struct rule *rule, int months);

/*
 * The one evidence-validity predicate (docs/scoring.md): is this
 * register row valid for a rule asking for `approved` and `max_age_days`
 * (0: any age) on the as-of date?  With VALID_EXPIRES a row that has an
 * expiry date is current until it, whatever its age (a three-year
 * certificate); without one it is judged by age.  Sets *problems to the EVF_* flags found (the
 * reasons it is not valid, plus EVF_FUTURE, which is noted but does not
 * invalidate) and returns 1 when valid.  Evidence rules and the
 * expression language's evidence() both go through it.
 */
int assess_evidence_valid(const struct evidence *ev, int approved,
                          int max_age_days, enum validity validity,
                          cg_day as_of, unsigned *problems);

/* Evidence rows a rule reads: naming the requirement
 * (assess_req_evidence), of its kinds. */
int assess_kind_matches(const struct rule *rule, const char *kind);

/* A register row as a person checks it (evidence.row), for details. */
const struct msg *assess_evidence_row(struct assess_ctx *x,
                                      const struct rule *rule,
                                      const struct evidence *ev,
                                      unsigned problems);

/* The rule's kinds as the list argument "kinds" (terms kind.<word>). */
void assess_msg_kinds(struct assess_ctx *x, struct msg *m,
                      const struct rule *rule);

/* Mark a row as read by a rule or a fact (and what was found). */
void assess_evidence_seen(struct assess_ctx *x, const struct evidence *ev,
                          unsigned problems, int valid);

/* The trend test of trend rules (docs/scoring.md, "Trend rules"): the
 * least-squares slope of y over x (k points), and whether it is worse
 * than `tolerance` per month in the direction `better` and
 * significantly so at `confidence` (one-sided t-test, k - 2 df). */
enum trend_verdict {
    TREND_OK,           /* not worse than the tolerance */
    TREND_NOISE,        /* worse, but not significantly */
    TREND_WORSE,        /* worse, and significantly */
    TREND_WORSE_EXACT   /* worse, every point on the line */
};

struct trend_test {
    double slope, se, t, critical;
    int df;
    enum trend_verdict verdict;
};

void assess_trend_test(const double *x, const double *y, int k, int better,
                       double tolerance, double confidence,
                       struct trend_test *out);

/* The performance summary table (report.h), after the series. */
void assess_build_pst(struct assess_ctx *x);

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
void assess_eval_cadence(struct assess_ctx *x, size_t req,
                         struct rule_result *res);
/* Returns 0 on a run-time error of the expression (errs appended). */
int assess_eval_check(struct assess_ctx *x, size_t req,
                      struct rule_result *res);

#endif
