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

static channel_mask profile_channels(const struct profile *p)
{
    channel_mask m = 0;
    size_t i;
    for (i = 0; i < p->nprograms; i++)
        m |= 1u << p->programs[i].channel;
    return m;
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

int assess_scope(struct report *r, struct cg_errors *errs)
{
    const struct catalog *c = r->catalog;
    const struct profile *p = r->profile;
    channel_mask have = profile_channels(p);
    size_t i;
    int ok = 1;

    for (i = 0; i < p->nscope; i++) {
        const char *ref = p->scope[i].ref;
        if (catalog_find_req(c, ref, strlen(ref)) < 0 &&
            catalog_find_item(c, ref) < 0 &&
            catalog_find_category(c, ref) < 0) {
            errors_add(errs, CG_ERR_INPUT, p->path, p->scope[i].line, 0,
                       "scope excludes \"%s\", which is not a requirement, "
                       "item or category of catalogue %s", ref, c->id);
            ok = 0;
        }
    }
    for (i = 0; i < c->nreqs; i++) {
        struct req_result *rr = &r->reqs[i];
        const struct requirement *req = rr->req;
        const struct scope_exclusion *x = excluded(r, req);

        if (x) {
            rr->status = REQ_NA;
            rr->na_reason = arena_printf(r->arena, "excluded from scope "
                                         "(%s): %s", x->ref, x->reason);
        } else if (req->applies_kind &&
                   !(req->applies_kind & (1u << p->kind))) {
            rr->status = REQ_NA;
            rr->na_reason = arena_printf(r->arena, "applies only to %s "
                                         "organisations",
                                         p->kind == ORG_OUTSOURCER
                                             ? "internal" : "outsourcer");
        } else if (req->applies_channels &&
                   !(req->applies_channels & have)) {
            rr->status = REQ_NA;
            rr->na_reason = "no program on the channels this requirement "
                            "applies to";
        }
        if (rr->status == REQ_NA) {
            size_t j;
            for (j = 0; j < rr->nrules; j++) {
                rr->rules[j].status = RS_NA;
                rr->rules[j].trace = "not applicable";
            }
        }
    }
    return ok;
}
