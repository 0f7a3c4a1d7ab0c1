/*
 * assess_crosswalk.c — coverage of a reference standard's clauses from
 * the assessed catalogue's statuses and its crosswalk links (see the
 * rule in assess.h and standards/README.md).
 */
#include <string.h>

#include "copcgap/arena.h"
#include "copcgap/assess.h"

const char *coverage_name(enum coverage c)
{
    static const char *const names[COV_COUNT] = {
        "covered", "partial", "not-covered", "no-counterpart"
    };
    return names[c];
}

static int full_relation(enum xrel rel)
{
    /* The source requirement asks for all the clause asks (or more). */
    return rel == XREL_EQUAL || rel == XREL_SUPERSET;
}

int assess_crosswalk(struct report *r, const struct catalog *target,
                     struct cg_errors *errs)
{
    const struct catalog *c = r->catalog;
    struct crosswalk *xw, *grown;
    size_t i, j;
    int ok = 1;

    grown = arena_calloc(r->arena, r->ncrosswalks + 1, sizeof *grown);
    if (r->ncrosswalks)
        memcpy(grown, r->crosswalks, r->ncrosswalks * sizeof *grown);
    r->crosswalks = grown;
    xw = &r->crosswalks[r->ncrosswalks];
    xw->target = target;
    xw->nclauses = target->nreqs;
    xw->clauses = arena_calloc(r->arena, target->nreqs + 1,
                               sizeof *xw->clauses);
    /* Links per clause first, so that each clause gets room for its
     * own links only (room for every requirement in every clause was
     * clauses x requirements of memory). */
    for (i = 0; i < c->nreqs; i++) {
        const struct requirement *req = &c->reqs[i];
        for (j = 0; j < req->nrefs; j++) {
            const struct xref *x = &req->refs[j];
            long k;
            if (strcmp(x->standard, target->id) != 0)
                continue;
            k = catalog_find_req(target, x->clause, strlen(x->clause));
            if (k < 0) {
                errors_add(errs, CG_ERR_INPUT, c->path, x->line, 0,
                           "requirement %s links to clause \"%s\", which %s "
                           "does not have", req->id, x->clause, target->id);
                ok = 0;
                continue;
            }
            xw->clauses[k].nlinks++;
        }
    }
    for (i = 0; i < target->nreqs; i++) {
        xw->clauses[i].clause = i;
        xw->clauses[i].links = arena_calloc(r->arena,
                                            xw->clauses[i].nlinks + 1,
                                            sizeof *xw->clauses[i].links);
        xw->clauses[i].nlinks = 0;
    }
    for (i = 0; i < c->nreqs; i++) {
        const struct requirement *req = &c->reqs[i];
        for (j = 0; j < req->nrefs; j++) {
            const struct xref *x = &req->refs[j];
            long k;
            struct xwalk_clause *cl;
            struct xwalk_link *l;
            if (strcmp(x->standard, target->id) != 0)
                continue;
            k = catalog_find_req(target, x->clause, strlen(x->clause));
            if (k < 0)
                continue;           /* reported above */
            cl = &xw->clauses[k];
            l = &cl->links[cl->nlinks++];
            l->req = i;
            l->rel = x->rel;
            l->joint = x->joint;
            l->rationale = &x->rationale;
        }
    }
    for (i = 0; i < xw->nclauses; i++) {
        struct xwalk_clause *cl = &xw->clauses[i];
        int full = 0, some = 0, joint = 0, joint_met = 0;
        for (j = 0; j < cl->nlinks; j++) {
            enum req_status st = r->reqs[cl->links[j].req].status;
            if (st == REQ_MET && full_relation(cl->links[j].rel))
                full = 1;
            if (st == REQ_MET || st == REQ_PARTIAL)
                some = 1;
            if (cl->links[j].joint) {
                joint++;
                joint_met += st == REQ_MET;
            }
        }
        /* A set of joint links covers the clause together, all or none.
         * (n/a requirements are not met: scope cuts coverage.) */
        if (joint > 0 && joint_met == joint)
            full = 1;
        cl->coverage = cl->nlinks == 0 ? COV_NO_LINK
                     : full ? COV_FULL : some ? COV_PARTIAL : COV_NONE;
        xw->count[cl->coverage]++;
    }
    r->ncrosswalks++;
    return ok;
}
