/*
 * assess_evidence.c — evidence rules (catalogue.xsd <evidence>).
 *
 * A row of evidence.csv counts for a rule when it names the requirement
 * and is of one of the rule's kinds (and, for per-program rules, belongs
 * to the program).  It is valid when approved (unless the rule waives
 * it), not older than max-age-days on the as-of date, not expired
 * (valid through its expiry date), its file present when it names one,
 * and intact when a digest was given.  Score = min(1, valid rows /
 * min-count), averaged over programs
 * for per-program rules.  No matching row at all is no-data ("not
 * evidenced"), never a fail: the register simply does not offer it.
 */
#include <string.h>

#include "assess_internal.h"

static int kind_matches(const struct rule *rule, const char *kind)
{
    size_t i;
    for (i = 0; i < rule->nkinds; i++)
        if (strcmp(rule->kinds[i], kind) == 0)
            return 1;
    return 0;
}

static int names_req(const struct evidence *ev, size_t req)
{
    size_t i;
    for (i = 0; i < ev->nreqs; i++)
        if (ev->reqs[i] == req)
            return 1;
    return 0;
}

/*
 * Judge one row; appends "dated ..., N days old <= max, ..." to sb and
 * returns 1 when valid.  Records problems on the evidence index.
 */
static int judge(struct assess_ctx *x, const struct rule *rule,
                 const struct evidence *ev, struct strbuf *sb)
{
    struct evidence_state *st = &x->r->evidence[ev - x->o->evidence];
    cg_day as_of = x->p->as_of;
    long age = (long)as_of - (long)ev->dated;
    int valid = 1;
    char d[DATE_BUF];

    st->flags |= EVF_USED;
    date_format(ev->dated, d);
    strbuf_printf(sb, "%s:%ld \"%s\" (%s) %s %s", x->o->evidence_path,
                  ev->line, ev->title, ev->kind,
                  ev->approved ? "approved" : "not approved", d);
    if (rule->approved && !ev->approved) {
        valid = 0;
        st->flags |= EVF_UNAPPROVED;
    }
    if (age < 0) {
        strbuf_printf(sb, ", dated %ld days after as-of", -age);
        st->flags |= EVF_FUTURE;
    } else if (rule->max_age_days > 0) {
        if (age <= rule->max_age_days) {
            strbuf_printf(sb, ", %ld days old <= %d", age,
                          rule->max_age_days);
        } else {
            strbuf_printf(sb, ", %ld days old > %d: stale", age,
                          rule->max_age_days);
            st->flags |= EVF_STALE;
            valid = 0;
        }
    } else {
        strbuf_printf(sb, ", %ld days old", age);
    }
    if (ev->has_expires) {
        date_format(ev->expires, d);
        if (as_of > ev->expires) {
            strbuf_printf(sb, ", expired %s", d);
            st->flags |= EVF_EXPIRED;
            valid = 0;
        } else {
            strbuf_printf(sb, ", expires %s", d);
        }
    }
    switch (ev->integrity) {
    case INTEG_OK:
        strbuf_adds(sb, ", sha256 ok");
        break;
    case INTEG_MISMATCH:
        strbuf_printf(sb, ", sha256 mismatch: file changed (expected %.12s..., "
                      "found %.12s...)", ev->sha256,
                      ev->actual_sha256 ? ev->actual_sha256 : "?");
        st->flags |= EVF_CHANGED;
        valid = 0;
        break;
    case INTEG_MISSING:
        break;              /* below, with files given without a digest */
    default:
        break;
    }
    /* A register row pointing at a file that is not there proves
     * nothing, digest or not. */
    if (ev->integrity == INTEG_MISSING ||
        (ev->location && *ev->location && ev->integrity != INTEG_REMOTE &&
         !ev->file_present)) {
        strbuf_printf(sb, ", file %s missing", ev->location);
        st->flags |= EVF_MISSING;
        valid = 0;
    }
    if (rule->approved && !ev->approved)
        strbuf_adds(sb, ": approval required");
    if (valid)
        st->flags |= EVF_COUNTED;
    return valid;
}

struct tally {
    size_t offered, valid;
    const char *first_valid;    /* trace of the first valid row */
    const char *first_invalid;
};

/* Judge every matching row for one program (or site-wide when -1). */
static void tally_rows(struct assess_ctx *x, size_t req,
                       struct rule_result *res, int program, int per_program,
                       struct tally *t)
{
    const struct rule *rule = res->rule;
    size_t i;

    memset(t, 0, sizeof *t);
    for (i = 0; i < x->o->nevidence; i++) {
        const struct evidence *ev = &x->o->evidence[i];
        struct strbuf sb = STRBUF_INIT;
        int valid;
        if (!names_req(ev, req) || !kind_matches(rule, ev->kind))
            continue;
        if (per_program && ev->program != program)
            continue;
        t->offered++;
        valid = judge(x, rule, ev, &sb);
        if (valid) {
            t->valid++;
            if (!t->first_valid)
                t->first_valid = arena_strdup(x->a, strbuf_cstr(&sb));
        } else if (!t->first_invalid) {
            t->first_invalid = arena_strdup(x->a, strbuf_cstr(&sb));
        }
        assess_detail(x, res, "%s%s%s: %s",
                      per_program ? assess_program_id(x, program) : "",
                      per_program ? ": " : "", valid ? "valid" : "not valid",
                      strbuf_cstr(&sb));
        strbuf_free(&sb);
    }
}

static double credit(const struct tally *t, int min_count)
{
    double c = (double)t->valid / (double)min_count;
    return c > 1 ? 1 : c;
}

static const char *kinds_text(struct assess_ctx *x, const struct rule *rule)
{
    struct strbuf sb = STRBUF_INIT;
    const char *s;
    size_t i;
    for (i = 0; i < rule->nkinds; i++)
        strbuf_printf(&sb, "%s%s", i ? "|" : "", rule->kinds[i]);
    s = arena_strdup(x->a, strbuf_cstr(&sb));
    strbuf_free(&sb);
    return s;
}

static void site_wide(struct assess_ctx *x, size_t req,
                      struct rule_result *res)
{
    const struct rule *rule = res->rule;
    const char *kinds = kinds_text(x, rule);
    struct tally t;

    tally_rows(x, req, res, -1, 0, &t);
    if (t.offered == 0) {
        res->status = RS_NO_DATA;
        assess_trace(x, res, "no evidence of kind %s offered for %s", kinds,
                     x->c->reqs[req].id);
        return;
    }
    assess_set_score(res, credit(&t, rule->min_count));
    assess_trace(x, res, "%zu valid of %d required (%s): %s%s", t.valid,
                 rule->min_count, kinds,
                 t.first_valid ? t.first_valid : t.first_invalid,
                 t.offered > 1 ? arena_printf(x->a, "; %zu rows offered, "
                                              "see details", t.offered)
                               : "");
}

static void per_program(struct assess_ctx *x, size_t req,
                        struct rule_result *res)
{
    const struct rule *rule = res->rule;
    const char *kinds = kinds_text(x, rule);
    size_t n, i;
    const int *progs = assess_rule_programs(x, req, res, &n);
    size_t any = 0;
    double sum = 0;
    struct strbuf sb = STRBUF_INIT;

    if (!progs)
        return;
    for (i = 0; i < n; i++) {
        struct tally t;
        tally_rows(x, req, res, progs[i], 1, &t);
        any += t.offered;
        sum += credit(&t, rule->min_count);
        strbuf_printf(&sb, "%s%s %zu/%d valid", i ? "; " : "",
                      assess_program_id(x, progs[i]), t.valid,
                      rule->min_count);
        if (t.offered == 0)
            strbuf_adds(&sb, " (none offered)");
    }
    if (any == 0) {
        res->status = RS_NO_DATA;
        assess_trace(x, res, "no program-level evidence of kind %s offered "
                     "for %s", kinds, x->c->reqs[req].id);
    } else {
        assess_set_score(res, sum / (double)n);
        assess_trace(x, res, "per program (%s): %s", kinds,
                     strbuf_cstr(&sb));
    }
    strbuf_free(&sb);
}

void assess_eval_evidence(struct assess_ctx *x, size_t req,
                          struct rule_result *res)
{
    if (res->rule->per_program)
        per_program(x, req, res);
    else
        site_wide(x, req, res);
}
