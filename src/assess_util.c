/*
 * assess_util.c — what the rule evaluators (assess_*.c) and the driver
 * share: the programs a rule covers, window lengths, detail lines, how a
 * score becomes a status, targets, and the one evidence-validity
 * predicate.
 */
#include <stdlib.h>
#include <string.h>

#include "assess_internal.h"
#include "copcgap/kpi.h"

cg_month assess_window_end(cg_day as_of)
{
    cg_month m = date_month(as_of);
    /* A month is complete only once its last day is in the data. */
    return as_of == month_last_day(m) ? m : m - 1;
}

size_t assess_programs(const struct profile *p,
                       const struct requirement *req,
                       const struct rule *rule, int *out)
{
    size_t i, n = 0;

    for (i = 0; i < p->nprograms; i++) {
        channel_mask bit = 1u << p->programs[i].channel;
        if (req->applies_channels && !(req->applies_channels & bit))
            continue;
        if (rule->channels && !(rule->channels & bit))
            continue;
        out[n++] = (int)i;
    }
    return n;
}

int assess_rule_months(const struct assess_ctx *x, const struct rule *rule)
{
    if (rule->type == RULE_METRIC || rule->type == RULE_SAMPLE) {
        if (rule->mode == WIN_LATEST)
            return 1;
    }
    return rule->months ? rule->months : x->c->scoring.window_months;
}

struct msg *assess_msg(struct assess_ctx *x, const char *key)
{
    return msg_new(x->a, key);
}

void assess_detail(struct assess_ctx *x, struct rule_result *res,
                   const struct msg *m)
{
    if (res->ndetails == res->details_cap) {
        size_t cap = res->details_cap ? res->details_cap * 2 : 8;
        const struct msg **v = arena_alloc(x->a, cap * sizeof *v);
        if (res->ndetails)
            memcpy(v, res->details, res->ndetails * sizeof *v);
        res->details = v;
        res->details_cap = cap;
    }
    res->details[res->ndetails++] = m;
}

void assess_set_score(struct rule_result *res, double score)
{
    res->score = score;
    if (score >= 1.0 - 1e-12) {
        res->status = RS_PASS;
        res->score = 1.0;
    } else if (score <= 1e-12) {
        res->status = RS_FAIL;
        res->score = 0.0;
    } else {
        res->status = RS_PARTIAL;
    }
}

void assess_set_mean(struct rule_result *res, int any, double credit_sum,
                     size_t nprograms)
{
    if (!any)
        res->status = RS_NO_DATA;
    else
        assess_set_score(res, credit_sum / (double)nprograms);
}

int assess_weights(struct assess_ctx *x, const struct rule *rule,
                   const char *metric, int months, double *w)
{
    enum program_weight pw = rule->program_weight == PW_DEFAULT
                                 ? x->c->scoring.program_weight
                                 : rule->program_weight;
    cg_month end = x->r->window_end, m;
    size_t i;

    for (i = 0; i < x->nprogs; i++)
        w[i] = 1;
    if (pw == PW_EQUAL || x->nprogs < 2)
        return 0;
    for (i = 0; i < x->nprogs; i++) {
        double n = 0;
        for (m = end - months + 1; m <= end; m++) {
            const struct kpi_entry *e = kpi_store_get(x->o->kpis,
                                                      x->progs[i], metric, m);
            if (e && e->n > 0)
                n += (double)e->n;
        }
        if (n <= 0) {               /* one program without volume */
            for (i = 0; i < x->nprogs; i++)
                w[i] = 1;
            return 0;
        }
        w[i] = n;
    }
    return 1;
}

void assess_set_weighted(struct rule_result *res, int any,
                         const double *credit, const double *w, size_t n)
{
    double sum = 0, wsum = 0;
    size_t i;

    if (!any) {
        res->status = RS_NO_DATA;
        return;
    }
    for (i = 0; i < n; i++) {
        sum += w[i] * credit[i];
        wsum += w[i];
    }
    assess_set_score(res, wsum > 0 ? sum / wsum : 0);
}

void assess_msg_share(struct assess_ctx *x, struct msg *m, const double *w,
                      size_t i, int volume)
{
    double total = 0;
    size_t k;

    if (!volume)
        return;
    for (k = 0; k < x->nprogs; k++)
        total += w[k];
    if (total > 0)
        msg_pct(x->a, m, "share", w[i] / total);
}

const char *assess_program_id(const struct assess_ctx *x, int program)
{
    return program < 0 ? "" : x->p->programs[program].id;
}

struct target_used assess_target(const struct rule *rule,
                                 const struct program *pg)
{
    struct target_used t;
    const struct target *own = rule->program_target
                                   ? program_target(pg, rule->metric)
                                   : NULL;
    memset(&t, 0, sizeof t);
    if (own) {
        t.found = 1;
        t.op = own->op;
        t.value = own->value;
        t.source = TS_PROGRAM;
    } else if (rule->has_fixed) {
        t.found = 1;
        t.op = rule->op;
        t.value = rule->value;
        t.source = rule->program_target ? TS_DEFAULT : TS_CATALOGUE;
    }
    return t;
}

/* Keys of the comparison signs, and of their negations ("not at
 * target"): the words are the language table's. */
static const char *const op_keys[OP_COUNT] = {
    "op.ge", "op.gt", "op.le", "op.lt", "op.eq"
};
static const char *const op_not_keys[OP_COUNT] = {
    "op.lt", "op.le", "op.gt", "op.ge", "op.ne"
};
static const char *const source_keys[TS_COUNT] = {
    "target.program", "target.default", "target.catalogue"
};

void assess_msg_target(struct assess_ctx *x, struct msg *m,
                       const struct target_used *t, int holds)
{
    msg_key(x->a, m, "op", holds ? op_keys[t->op] : op_not_keys[t->op]);
    msg_num(x->a, m, "target", t->value);
    msg_key(x->a, m, "source", source_keys[t->source]);
}

const struct msg *assess_window_msg(struct assess_ctx *x,
                                    const struct rule *rule, int months)
{
    cg_month end = x->r->window_end;
    struct msg *m;

    switch (rule->mode) {
    case WIN_AT_LEAST:
        m = assess_msg(x, "window.at_least");
        msg_int(x->a, m, "at_least", rule->at_least);
        break;
    case WIN_MEAN:
        m = assess_msg(x, "window.mean");
        break;
    case WIN_LATEST:
        m = assess_msg(x, "window.latest");
        break;
    default:
        m = assess_msg(x, "window.each");
        break;
    }
    msg_int(x->a, m, "months", months);
    msg_month(x->a, m, "start", end - months + 1);
    msg_month(x->a, m, "end", end);
    return m;
}

int assess_evidence_valid(const struct evidence *ev, int approved,
                          int max_age_days, enum validity validity,
                          cg_day as_of, unsigned *problems)
{
    long age = (long)as_of - (long)ev->dated;
    int by_expiry = validity == VALID_EXPIRES && ev->has_expires;
    unsigned p = 0;

    if (approved && !ev->approved)
        p |= EVF_UNAPPROVED;
    if (age < 0)
        p |= EVF_FUTURE;            /* noted; the row still counts */
    else if (!by_expiry && max_age_days > 0 && age > max_age_days)
        p |= EVF_STALE;
    if (ev->has_expires && as_of > ev->expires)
        p |= EVF_EXPIRED;
    if (ev->integrity == INTEG_MISMATCH)
        p |= EVF_CHANGED;
    /* A register row pointing at a file that is not there proves
     * nothing, digest or not. */
    if (ev->integrity == INTEG_MISSING ||
        (ev->location && *ev->location && ev->integrity != INTEG_REMOTE &&
         !ev->file_present))
        p |= EVF_MISSING;
    *problems = p;
    return (p & ~(unsigned)EVF_FUTURE) == 0;
}

void assess_evidence_seen(struct assess_ctx *x, const struct evidence *ev,
                          unsigned problems, int valid)
{
    struct evidence_state *st = &x->r->evidence[ev - x->o->evidence];
    st->flags |= EVF_USED | problems;
    if (valid)
        st->flags |= EVF_COUNTED;
}

/*
 * Rows by requirement as two arrays (counts, then a prefix sum, then the
 * rows in register order).  A row naming a requirement twice is listed
 * once.  Requirement indexes out of range (a model built by hand) are
 * skipped.
 */
static void index_evidence(struct assess_ctx *x)
{
    const struct orgdata *o = x->o;
    size_t nreqs = x->c->nreqs, i, j, k, total = 0;
    size_t *first = arena_calloc(x->a, nreqs + 2, sizeof *first);
    size_t *fill, *rows;

    for (i = 0; i < o->nevidence; i++)
        for (j = 0; j < o->evidence[i].nreqs; j++) {
            size_t q = o->evidence[i].reqs[j];
            for (k = 0; k < j && o->evidence[i].reqs[k] != q; k++)
                ;
            if (q < nreqs && k == j) {
                first[q + 1]++;
                total++;
            }
        }
    for (i = 0; i < nreqs; i++)
        first[i + 1] += first[i];
    rows = arena_calloc(x->a, total + 1, sizeof *rows);
    fill = xcalloc(nreqs + 1, sizeof *fill);
    for (i = 0; i < o->nevidence; i++)
        for (j = 0; j < o->evidence[i].nreqs; j++) {
            size_t q = o->evidence[i].reqs[j];
            for (k = 0; k < j && o->evidence[i].reqs[k] != q; k++)
                ;
            if (q < nreqs && k == j)
                rows[first[q] + fill[q]++] = i;
        }
    free(fill);
    x->ev_first = first;
    x->ev_rows = rows;
}

static void index_findings(struct assess_ctx *x)
{
    const struct orgdata *o = x->o;
    size_t nreqs = x->c->nreqs, i;
    size_t *first = arena_calloc(x->a, nreqs + 2, sizeof *first);
    size_t *fill, *rows = arena_calloc(x->a, o->nfindings + 1,
                                       sizeof *rows);

    for (i = 0; i < o->nfindings; i++)
        if (o->findings[i].req < nreqs)
            first[o->findings[i].req + 1]++;
    for (i = 0; i < nreqs; i++)
        first[i + 1] += first[i];
    fill = xcalloc(nreqs + 1, sizeof *fill);
    for (i = 0; i < o->nfindings; i++) {
        size_t q = o->findings[i].req;
        if (q < nreqs)
            rows[first[q] + fill[q]++] = i;
    }
    free(fill);
    x->fd_first = first;
    x->fd_rows = rows;
}

void assess_index_rows(struct assess_ctx *x)
{
    index_evidence(x);
    index_findings(x);
}

const size_t *assess_req_evidence(const struct assess_ctx *x, size_t req,
                                  size_t *n)
{
    *n = x->ev_first[req + 1] - x->ev_first[req];
    return x->ev_rows + x->ev_first[req];
}

const size_t *assess_req_findings(const struct assess_ctx *x, size_t req,
                                  size_t *n)
{
    *n = x->fd_first[req + 1] - x->fd_first[req];
    return x->fd_rows + x->fd_first[req];
}
