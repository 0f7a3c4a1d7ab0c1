/*
 * assess_score.c — requirement status, group scores, verdict
 * (docs/scoring.md; policy from <scoring>).
 *
 * Requirement score s = sum(w_i * s_i) / sum(w_i) over applicable rules,
 * where pass = 1, fail = 0, partial = its fraction, no-data =
 * no-data-score (0 by default).  Item score = weighted mean of its
 * applicable requirements' scores (requirement weights); category score
 * = weighted mean of its items' scores (item weights) or, without items,
 * of its requirements; overall = weighted mean of category scores
 * (category weights).  A level with nothing applicable drops out of its
 * parent's mean.  not-evidenced requirements count as 0.
 *
 * Weights read as points: an applicable item or category earns score x
 * weight of its weight in points, the whole catalogue overall x the sum
 * of the applicable categories' weights (1000 points for Performance
 * earns 870 at 87 %).
 */
#include <string.h>

#include "copcgap/arena.h"
#include "copcgap/assess.h"

/* Scores are sums of a handful of products: allow for rounding. */
#define EPS 1e-9

static void score_requirement(struct arena *a, const struct scoring *pol,
                              struct req_result *rr)
{
    double wsum = 0, ssum = 0;
    size_t i, applicable = 0, nodata = 0;

    if (rr->status == REQ_NA)
        return;
    for (i = 0; i < rr->nrules; i++) {
        const struct rule_result *res = &rr->rules[i];
        double w = res->rule->weight, s;
        if (res->status == RS_NA)
            continue;
        applicable++;
        switch (res->status) {
        case RS_PASS: s = 1; break;
        case RS_FAIL: s = 0; break;
        case RS_PARTIAL: s = res->score; break;
        case RS_NO_DATA: s = pol->no_data_score; nodata++; break;
        default: s = 0; break;
        }
        wsum += w;
        ssum += w * s;
    }
    if (applicable == 0) {
        rr->status = REQ_NA;
        rr->score = 0;
        if (!rr->na_reason)
            rr->na_reason = msg_new(a, "na.no_rule");
        return;
    }
    if (nodata == applicable) {
        rr->status = REQ_NOT_EVIDENCED;
        rr->score = 0;
        return;
    }
    rr->score = ssum / wsum;
    if (rr->score >= pol->met_min - EPS)
        rr->status = REQ_MET;
    else if (rr->score > pol->partial_min + EPS)
        rr->status = REQ_PARTIAL;
    else
        rr->status = REQ_NOT_MET;
}

static void add_to(struct group_result *g, double weight, double score)
{
    g->score += weight * score;
    g->applicable_weight += weight;
}

/* weight: the group's own weight in its parent, read as points. */
static void finish(struct group_result *g, double weight)
{
    if (g->applicable_weight > 0)
        g->score /= g->applicable_weight;
    else
        g->score = 0;
    g->points_max = g->applicable_weight > 0 ? weight : 0;
    g->points = g->score * g->points_max;
}

int verdict_at_least(enum verdict v, enum verdict min)
{
    /* The enum runs from best (ready) to worst (not-ready). */
    return v <= min;
}

void assess_score(struct report *r)
{
    const struct catalog *c = r->catalog;
    struct group_result total;
    size_t i, k;
    int all_met = 1, criticals_met = 1, any = 0;

    memset(&total, 0, sizeof total);
    memset(r->count, 0, sizeof r->count);
    for (i = 0; i < c->ncategories; i++)
        memset(&r->cats[i], 0, sizeof r->cats[i]);
    for (i = 0; i < c->nitems; i++)
        memset(&r->items[i], 0, sizeof r->items[i]);

    for (i = 0; i < c->nreqs; i++) {
        struct req_result *rr = &r->reqs[i];
        const struct requirement *req = rr->req;
        score_requirement(r->arena, &c->scoring, rr);
        r->count[rr->status]++;
        r->cats[req->category].count[rr->status]++;
        if (req->item != SIZE_MAX)
            r->items[req->item].count[rr->status]++;
        if (rr->status == REQ_NA)
            continue;
        any = 1;
        if (rr->status != REQ_MET) {
            all_met = 0;
            if (req->critical)
                criticals_met = 0;
        }
        if (req->item != SIZE_MAX)
            add_to(&r->items[req->item], req->weight, rr->score);
        else
            add_to(&r->cats[req->category], req->weight, rr->score);
    }
    for (i = 0; i < c->nitems; i++) {
        finish(&r->items[i], c->items[i].weight);
        if (r->items[i].applicable_weight > 0)
            add_to(&r->cats[c->items[i].category], c->items[i].weight,
                   r->items[i].score);
    }
    for (i = 0; i < c->ncategories; i++) {
        finish(&r->cats[i], c->categories[i].weight);
        if (r->cats[i].applicable_weight > 0)
            add_to(&total, c->categories[i].weight, r->cats[i].score);
    }
    finish(&total, total.applicable_weight);
    r->overall = total.score;
    r->points = total.points;
    r->points_max = total.points_max;

    if (any && all_met)
        r->verdict = VERDICT_READY;
    else if (any && criticals_met &&
             r->overall >= c->scoring.conditional_min - EPS)
        r->verdict = VERDICT_CONDITIONAL;
    else
        r->verdict = VERDICT_NOT_READY;

    /* Why: which critical requirements block, what the score alone
     * would give (docs/scoring.md, "Verdict"). */
    r->why.conditional_min = c->scoring.conditional_min;
    r->why.score_below = !(r->overall >= c->scoring.conditional_min - EPS);
    r->why.by_score = any && all_met ? VERDICT_READY
                    : r->why.score_below ? VERDICT_NOT_READY
                                         : VERDICT_CONDITIONAL;
    r->why.critical = arena_calloc(r->arena, c->nreqs + 1,
                                   sizeof *r->why.critical);
    r->why.ncritical = 0;
    for (i = 0; i < c->nreqs; i++)
        if (r->reqs[i].req->critical && r->reqs[i].status != REQ_NA &&
            r->reqs[i].status != REQ_MET)
            r->why.critical[r->why.ncritical++] = i;

    /* Blocking list: critical gaps first, each group in catalogue order. */
    r->nblocking = 0;
    for (k = 0; k < 2; k++)
        for (i = 0; i < c->nreqs; i++) {
            const struct req_result *rr = &r->reqs[i];
            if (rr->status == REQ_NA || rr->status == REQ_MET)
                continue;
            if ((k == 0) == (rr->req->critical != 0))
                r->blocking[r->nblocking++] = i;
        }
}
