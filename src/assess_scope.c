/*
 * assess_scope.c — which requirements apply to this organisation.
 *
 * A requirement is n/a when the profile's scope excludes it (or its item
 * or category), when its applies-to kind differs from the organisation's,
 * or when applies-to names channels that no program uses.  The reason is
 * kept for the report.  An exclusion naming an id the catalogue does not
 * have is an input error: a typo must not silently keep scope.
 */
#include <string.h>

#include "copcgap/arena.h"
#include "copcgap/assess.h"
#include "copcgap/msg.h"

static channel_mask profile_channels(const struct profile *p)
{
    channel_mask m = 0;
    size_t i;
    for (i = 0; i < p->nprograms; i++)
        m |= 1u << p->programs[i].channel;
    return m;
}

/* 1 when `ref` names the requirement, its item or its category. */
static int excluded_by(const struct catalog *c, const struct requirement *req,
                       const char *ref)
{
    return strcmp(req->id, ref) == 0 ||
           (req->item != SIZE_MAX && strcmp(c->items[req->item].id, ref) == 0)
           || strcmp(c->categories[req->category].id, ref) == 0;
}

static const struct scope_exclusion *excluded(const struct report *r,
                                              const struct requirement *req)
{
    const struct catalog *c = r->catalog;
    const struct scope_exclusion *x;

    if ((x = profile_excluded(r->profile, req->id)))
        return x;
    if (req->item != SIZE_MAX &&
        (x = profile_excluded(r->profile, c->items[req->item].id)))
        return x;
    return profile_excluded(r->profile, c->categories[req->category].id);
}

/* Index of an exclusion in the profile's list. */
static size_t exclusion_index(const struct profile *p,
                              const struct scope_exclusion *x)
{
    return (size_t)(x - p->scope);
}

/*
 * What the profile says about the catalogue, checked against it: the
 * ids it excludes or names owners for must be the catalogue's (a typo
 * must not silently keep scope or drop an owner), and an exclusion that
 * takes a critical requirement out of scope must say who approved it.
 * assess refuses a profile that fails; validate warns.
 */
int assess_check_profile(const struct catalog *c, const struct profile *p,
                         struct cg_errors *errs)
{
    size_t i, j;
    int ok = 1;

    for (i = 0; i < p->nscope; i++) {
        const struct scope_exclusion *x = &p->scope[i];
        const char *ref = x->ref;
        if (catalog_find_req(c, ref, strlen(ref)) < 0 &&
            catalog_find_item(c, ref) < 0 &&
            catalog_find_category(c, ref) < 0) {
            errors_add(errs, CG_ERR_INPUT, p->path, x->line, 0,
                       "scope excludes \"%s\", which is not a requirement, "
                       "item or category of catalogue %s", ref, c->id);
            ok = 0;
            continue;
        }
        if (x->approved_by && *x->approved_by)
            continue;
        /* Taking a critical control out of scope changes the verdict:
         * someone must own that decision. */
        for (j = 0; j < c->nreqs; j++)
            if (c->reqs[j].critical && excluded_by(c, &c->reqs[j], ref)) {
                errors_add(errs, CG_ERR_INPUT, p->path, x->line, 0,
                           "excluding \"%s\" takes critical requirement %s "
                           "out of scope: add approved-by (who accepted "
                           "it)", ref, c->reqs[j].id);
                ok = 0;
                break;
            }
    }
    for (i = 0; i < p->nowners; i++) {
        const char *req = p->owners[i].req;
        if (catalog_find_req(c, req, strlen(req)) < 0) {
            errors_add(errs, CG_ERR_INPUT, p->path, p->owners[i].line, 0,
                       "owner names requirement \"%s\", which catalogue %s "
                       "does not have", req, c->id);
            ok = 0;
        }
    }
    return ok;
}

int assess_scope(struct report *r, struct cg_errors *errs)
{
    const struct catalog *c = r->catalog;
    const struct profile *p = r->profile;
    channel_mask have = profile_channels(p);
    struct verdict_reason *why = &r->why;
    size_t i;
    int ok = assess_check_profile(c, p, errs);

    why->nexclusions = p->nscope;
    why->exclusions = arena_calloc(r->arena, p->nscope + 1,
                                   sizeof *why->exclusions);
    for (i = 0; i < p->nscope; i++)
        why->exclusions[i].x = &p->scope[i];
    for (i = 0; i < c->nreqs; i++) {
        struct req_result *rr = &r->reqs[i];
        const struct requirement *req = rr->req;
        const struct scope_exclusion *x = excluded(r, req);
        struct msg *m = NULL;

        /* Exclusions for one program narrow the rules' programs
         * (assess_run.c); they count here for the reader. */
        {
            size_t k;
            for (k = 0; k < p->nscope; k++)
                if (p->scope[k].program >= 0 &&
                    excluded_by(c, req, p->scope[k].ref)) {
                    why->exclusions[k].nreqs++;
                    why->exclusions[k].ncritical += (size_t)req->critical;
                }
        }
        if (x) {
            struct exclusion_use *u =
                &why->exclusions[exclusion_index(p, x)];
            u->nreqs++;
            if (req->critical) {
                u->ncritical++;
                why->excluded_critical++;
            }
            m = msg_new(r->arena, "na.excluded");
            msg_id(r->arena, m, "ref", x->ref);
            msg_text(r->arena, m, "reason", x->reason);
            if (x->approved_by)
                msg_text(r->arena, m, "approved_by", x->approved_by);
        } else if (req->applies_kind &&
                   !(req->applies_kind & (1u << p->kind))) {
            m = msg_new(r->arena, p->kind == ORG_OUTSOURCER
                                      ? "na.only_internal"
                                      : "na.only_outsourcer");
        } else if (req->applies_channels &&
                   !(req->applies_channels & have)) {
            m = msg_new(r->arena, "na.channels");
        }
        if (m) {
            size_t j;
            rr->status = REQ_NA;
            rr->na_reason = m;
            for (j = 0; j < rr->nrules; j++) {
                rr->rules[j].status = RS_NA;
                rr->rules[j].trace = msg_new(r->arena, "trace.na");
            }
        }
    }
    return ok;
}
