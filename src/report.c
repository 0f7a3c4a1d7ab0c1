/* report.c — report model allocation (see report.h). */
#include "copcgap/arena.h"
#include "copcgap/report.h"

struct report *report_new(const struct catalog *c, const struct profile *p,
                          const char *lang)
{
    struct arena *a = arena_new();
    struct report *r = arena_calloc(a, 1, sizeof *r);
    size_t i, j;

    r->arena = a;
    r->catalog = c;
    r->profile = p;
    r->lang = arena_strdup(a, lang ? lang : "en");
    r->cats = arena_calloc(a, c->ncategories + 1, sizeof *r->cats);
    r->items = arena_calloc(a, c->nitems + 1, sizeof *r->items);
    r->reqs = arena_calloc(a, c->nreqs + 1, sizeof *r->reqs);
    r->blocking = arena_calloc(a, c->nreqs + 1, sizeof *r->blocking);
    for (i = 0; i < c->nreqs; i++) {
        struct req_result *rr = &r->reqs[i];
        rr->req = &c->reqs[i];
        rr->status = REQ_NOT_EVIDENCED;
        rr->nrules = c->reqs[i].nrules;
        rr->rules = arena_calloc(a, rr->nrules + 1, sizeof *rr->rules);
        rr->owner = profile_person(p, c->reqs[i].owner_role);
        for (j = 0; j < rr->nrules; j++) {
            rr->rules[j].rule = &c->reqs[i].rules[j];
            rr->rules[j].status = RS_NO_DATA;
            rr->rules[j].trace = "";
        }
    }
    return r;
}

void report_free(struct report *r)
{
    if (r)
        arena_free(r->arena);
}

const char *report_text(const struct report *r, const struct i18n *t)
{
    const char *s = i18n_get(t, r->lang);
    return s ? s : "";
}
