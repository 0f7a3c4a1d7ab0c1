/*
 * catalog_lint.c — checks a schema cannot express: unique ids across
 * categories, items and requirements; unique rule ids; known metric
 * names; depends-on that resolve; no dependency cycles; coherent rule
 * parameters (window sizes, fixed targets, trend direction).
 */
#include <stdlib.h>
#include <string.h>

#include "copcgap/catalog.h"
#include "copcgap/metric.h"

struct id_entry {
    const char *id;
    long line;
    const char *what;
};

static int cmp_entry(const void *a, const void *b)
{
    const struct id_entry *x = a, *y = b;
    int c = strcmp(x->id, y->id);
    if (c)
        return c;
    return (x->line > y->line) - (x->line < y->line);
}

static void check_unique(struct catalog *c, struct id_entry *v, size_t n,
                         struct cg_errors *errs)
{
    size_t i;

    qsort(v, n, sizeof *v, cmp_entry);
    for (i = 1; i < n; i++)
        if (strcmp(v[i].id, v[i - 1].id) == 0)
            errors_add(errs, CG_ERR_INPUT, c->path, v[i].line, 0,
                       "duplicate id \"%s\" (%s; already used by a %s on "
                       "line %ld)", v[i].id, v[i].what, v[i - 1].what,
                       v[i - 1].line);
}

static void check_ids(struct catalog *c, struct cg_errors *errs)
{
    size_t n = c->ncategories + c->nitems + c->nreqs, k = 0, i, j;
    struct id_entry *v = xcalloc(n ? n : 1, sizeof *v);
    struct id_entry *rv = xcalloc(c->nrules ? c->nrules : 1, sizeof *rv);

    for (i = 0; i < c->ncategories; i++)
        v[k++] = (struct id_entry){ c->categories[i].id,
                                    c->categories[i].line, "category" };
    for (i = 0; i < c->nitems; i++)
        v[k++] = (struct id_entry){ c->items[i].id, c->items[i].line,
                                    "item" };
    for (i = 0; i < c->nreqs; i++)
        v[k++] = (struct id_entry){ c->reqs[i].id, c->reqs[i].line,
                                    "requirement" };
    check_unique(c, v, k, errs);
    k = 0;
    /* Generated rule ids ("1.1/2") clash only when requirement ids do,
     * which is reported above; check the ones the catalogue wrote. */
    for (i = 0; i < c->nreqs; i++)
        for (j = 0; j < c->reqs[i].nrules; j++)
            if (c->reqs[i].rules[j].id_given)
                rv[k++] = (struct id_entry){ c->reqs[i].rules[j].id,
                                             c->reqs[i].rules[j].line,
                                             "rule" };
    check_unique(c, rv, k, errs);
    free(v);
    free(rv);
}

static void check_rule(struct catalog *c, const struct requirement *req,
                       const struct rule *r, struct cg_errors *errs)
{
    int months = r->months ? r->months : c->scoring.window_months;

    if (r->metric && !catalog_knows_metric(c, r->metric, strlen(r->metric)))
        errors_add(errs, CG_ERR_INPUT, c->path, r->line, 0,
                   "requirement %s: unknown metric \"%s\" (not built in "
                   "and not declared in <metrics>)", req->id, r->metric);
    if (r->type == RULE_SAMPLE && !r->relative_to && r->max_moe <= 0)
        errors_add(errs, CG_ERR_INPUT, c->path, r->line, 0,
                   "requirement %s: sample rule needs max-moe or "
                   "relative-to", req->id);
    if (r->relative_to &&
        !catalog_knows_metric(c, r->relative_to, strlen(r->relative_to)))
        errors_add(errs, CG_ERR_INPUT, c->path, r->line, 0,
                   "requirement %s: relative-to names unknown metric "
                   "\"%s\"", req->id, r->relative_to);
    if (r->type == RULE_METRIC && !r->program_target && !r->has_fixed)
        errors_add(errs, CG_ERR_INPUT, c->path, r->line, 0,
                   "requirement %s: metric rule with target=\"fixed\" needs "
                   "op and value", req->id);
    if ((r->type == RULE_METRIC || r->type == RULE_SAMPLE) &&
        r->mode == WIN_AT_LEAST) {
        if (r->at_least == 0)
            errors_add(errs, CG_ERR_INPUT, c->path, r->line, 0,
                       "requirement %s: mode=\"at-least\" needs at-least",
                       req->id);
        else if (r->at_least > months)
            errors_add(errs, CG_ERR_INPUT, c->path, r->line, 0,
                       "requirement %s: at-least=\"%d\" is more than the "
                       "%d-month window", req->id, r->at_least, months);
    } else if (r->at_least) {
        errors_add(errs, CG_ERR_INPUT, c->path, r->line, 0,
                   "requirement %s: at-least is only meaningful with "
                   "mode=\"at-least\"", req->id);
    }
    if (r->type == RULE_TREND) {
        int better = r->better >= 0 ? r->better
                                    : catalog_metric_better(c, r->metric);
        if (better == BETTER_NONE)
            errors_add(errs, CG_ERR_INPUT, c->path, r->line, 0,
                       "requirement %s: trend of \"%s\" needs better="
                       "\"higher\" or \"lower\" (the metric has no better "
                       "direction)", req->id, r->metric);
        if (r->min_points < 2 || r->min_points > months)
            errors_add(errs, CG_ERR_INPUT, c->path, r->line, 0,
                       "requirement %s: min-points must be between 2 and "
                       "the %d-month window", req->id, months);
    }
}

static void check_refs(struct catalog *c, struct cg_errors *errs)
{
    size_t i, j;

    for (i = 0; i < c->nreqs; i++) {
        struct requirement *req = &c->reqs[i];
        if (req->nrules == 0 && !c->reference)
            errors_add(errs, CG_ERR_INPUT, c->path, req->line, 0,
                       "requirement %s has no rules (only a catalogue of "
                       "type=\"reference\" may have requirements without "
                       "rules)", req->id);
        for (j = 0; j < req->nrules; j++)
            check_rule(c, req, &req->rules[j], errs);
        for (j = 0; j < req->ndepends; j++) {
            long k = catalog_find_req(c, req->depends[j],
                                      strlen(req->depends[j]));
            if (k < 0)
                errors_add(errs, CG_ERR_INPUT, c->path, req->line, 0,
                           "requirement %s depends on unknown requirement "
                           "\"%s\"", req->id, req->depends[j]);
            else if ((size_t)k == i)
                errors_add(errs, CG_ERR_INPUT, c->path, req->line, 0,
                           "requirement %s depends on itself", req->id);
            req->depends_idx[j] = k < 0 ? SIZE_MAX : (size_t)k;
        }
    }
}

/*
 * Depth-first search with colours; on a back edge, report the cycle as
 * the path from the revisited requirement round to itself.  Iterative,
 * so a long chain cannot overflow the stack.
 */
static void check_cycles(struct catalog *c, struct cg_errors *errs)
{
    enum { WHITE, GREY, BLACK };
    unsigned char *colour = xcalloc(c->nreqs ? c->nreqs : 1, 1);
    size_t *stack = xcalloc(c->nreqs + 1, sizeof *stack);
    size_t *next = xcalloc(c->nreqs + 1, sizeof *next);
    size_t s, top;

    for (s = 0; s < c->nreqs; s++) {
        if (colour[s] != WHITE)
            continue;
        top = 0;
        stack[top] = s;
        next[top] = 0;
        colour[s] = GREY;
        while (1) {
            size_t u = stack[top];
            const struct requirement *r = &c->reqs[u];
            if (next[top] < r->ndepends) {
                size_t v = r->depends_idx[next[top]++];
                if (v == SIZE_MAX || v == u)
                    continue;
                if (colour[v] == GREY) {
                    struct strbuf sb = STRBUF_INIT;
                    size_t k = 0;
                    while (stack[k] != v)
                        k++;
                    for (; k <= top; k++)
                        strbuf_printf(&sb, "%s -> ", c->reqs[stack[k]].id);
                    strbuf_adds(&sb, c->reqs[v].id);
                    errors_add(errs, CG_ERR_INPUT, c->path, c->reqs[v].line,
                               0, "dependency cycle: %s", strbuf_cstr(&sb));
                    strbuf_free(&sb);
                } else if (colour[v] == WHITE) {
                    colour[v] = GREY;
                    top++;
                    stack[top] = v;
                    next[top] = 0;
                }
            } else {
                colour[u] = BLACK;
                if (top == 0)
                    break;
                top--;
            }
        }
    }
    free(colour);
    free(stack);
    free(next);
}

void catalog_lint(struct catalog *c, struct cg_errors *errs)
{
    check_ids(c, errs);
    check_refs(c, errs);
    check_cycles(c, errs);
}
