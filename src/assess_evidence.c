/*
 * assess_evidence.c — evidence rules (catalogue.xsd <evidence>).
 *
 * A row of evidence.csv counts for a rule when it names the requirement
 * and is of one of the rule's kinds (and, for per-program rules, belongs
 * to the program).  Whether it is valid is decided by the one predicate
 * assess_evidence_valid(): approved (unless the rule waives it), not
 * older than max-age-days on the as-of date, not expired (valid through
 * its expiry date), its file present when it names one, and intact when
 * a digest was given.  Score = min(1, valid rows / min-count), averaged
 * over programs for per-program rules.  No matching row at all is
 * no-data ("not evidenced"), never a fail: the register simply does not
 * offer it.
 */
#include <string.h>

#include "assess_internal.h"

int assess_kind_matches(const struct rule *rule, const char *kind)
{
    size_t i;
    for (i = 0; i < rule->nkinds; i++)
        if (strcmp(rule->kinds[i], kind) == 0)
            return 1;
    return 0;
}

void assess_msg_kinds(struct assess_ctx *x, struct msg *m,
                      const struct rule *rule)
{
    size_t i;
    msg_list(x->a, m, "kinds");
    for (i = 0; i < rule->nkinds; i++)
        msg_append(x->a, m, "kinds",
                   msg_term(x->a, assess_msg(x, "evidence.kind"), "kind",
                            "kind.", rule->kinds[i]));
}

/*
 * One row as a person checks it: which document, and each test it
 * passed or failed.  Machine values (file, line, digests) stay in the
 * arguments for JSON; the words come from the table.
 */
const struct msg *assess_evidence_row(struct assess_ctx *x,
                                      const struct rule *rule,
                                      const struct evidence *ev,
                                      unsigned problems)
{
    cg_day as_of = x->p->as_of;
    long age = (long)as_of - (long)ev->dated;
    struct msg *m = assess_msg(x, "evidence.row"), *c;

    msg_id(x->a, m, "id", ev->id);
    msg_text(x->a, m, "title", ev->title);
    msg_term(x->a, m, "kind", "kind.", ev->kind);
    msg_id(x->a, m, "file", x->o->evidence_path);
    msg_int(x->a, m, "line", ev->line);
    msg_date(x->a, m, "dated", ev->dated);
    msg_list(x->a, m, "checks");
    c = assess_msg(x, ev->approved ? "evidence.check.approved"
                   : rule->approved ? "evidence.check.unapproved"
                                    : "evidence.check.approval_waived");
    msg_append(x->a, m, "checks", c);
    if (problems & EVF_FUTURE) {
        c = assess_msg(x, "evidence.check.future");
        msg_int(x->a, c, "days", -age);
    } else if (rule->max_age_days > 0 &&
               !(rule->validity == VALID_EXPIRES && ev->has_expires)) {
        /* With validity="expires" a row that has an expiry date is
         * judged by it alone: its age is shown, not compared. */
        c = assess_msg(x, problems & EVF_STALE ? "evidence.check.stale"
                                                : "evidence.check.age_ok");
        msg_int(x->a, c, "age", age);
        msg_int(x->a, c, "max", rule->max_age_days);
    } else {
        c = assess_msg(x, "evidence.check.age");
        msg_int(x->a, c, "age", age);
    }
    msg_append(x->a, m, "checks", c);
    if (ev->has_expires) {
        c = assess_msg(x, problems & EVF_EXPIRED ? "evidence.check.expired"
                                                  : "evidence.check.expires");
        msg_date(x->a, c, "date", ev->expires);
        msg_append(x->a, m, "checks", c);
    }
    if (problems & EVF_MISSING) {
        c = assess_msg(x, "evidence.check.missing");
        msg_id(x->a, c, "location", ev->location);
        msg_append(x->a, m, "checks", c);
    } else if (ev->integrity == INTEG_OK) {
        msg_append(x->a, m, "checks", assess_msg(x, "evidence.check.sha_ok"));
    } else if (ev->integrity == INTEG_MISMATCH) {
        c = assess_msg(x, "evidence.check.changed");
        msg_id(x->a, c, "expected", ev->sha256);
        msg_id(x->a, c, "found", ev->actual_sha256 ? ev->actual_sha256 : "");
        msg_append(x->a, m, "checks", c);
    }
    return m;
}

struct tally {
    size_t offered, valid;
    const struct msg *first_valid;
    const struct msg *first_invalid;
};

/* Judge every matching row for one program (or site-wide when -1). */
static void tally_rows(struct assess_ctx *x, size_t req,
                       struct rule_result *res, int program, int per_program,
                       struct tally *t)
{
    const struct rule *rule = res->rule;
    size_t i, n;
    const size_t *rows = assess_req_evidence(x, req, &n);

    memset(t, 0, sizeof *t);
    for (i = 0; i < n; i++) {
        const struct evidence *ev = &x->o->evidence[rows[i]];
        const struct msg *row;
        struct msg *d;
        unsigned problems;
        int valid;
        if (!assess_kind_matches(rule, ev->kind))
            continue;
        if (per_program && ev->program != program)
            continue;
        t->offered++;
        valid = assess_evidence_valid(ev, rule->approved, rule->max_age_days,
                                      rule->validity, x->p->as_of,
                                      &problems);
        assess_evidence_seen(x, ev, problems, valid);
        row = assess_evidence_row(x, rule, ev, problems);
        if (valid) {
            t->valid++;
            if (!t->first_valid)
                t->first_valid = row;
        } else if (!t->first_invalid) {
            t->first_invalid = row;
        }
        d = assess_msg(x, per_program ? "detail.evidence.program"
                                      : "detail.evidence");
        if (per_program)
            msg_id(x->a, d, "program", assess_program_id(x, program));
        msg_key(x->a, d, "valid", valid ? "evidence.valid"
                                        : "evidence.invalid");
        msg_sub(x->a, d, "row", row);
        assess_detail(x, res, d);
    }
}

static double credit(const struct tally *t, int min_count)
{
    double c = (double)t->valid / (double)min_count;
    return c > 1 ? 1 : c;
}

static void site_wide(struct assess_ctx *x, size_t req,
                      struct rule_result *res)
{
    const struct rule *rule = res->rule;
    struct tally t;
    struct msg *m;

    tally_rows(x, req, res, -1, 0, &t);
    if (t.offered == 0) {
        res->status = RS_NO_DATA;
        m = assess_msg(x, "trace.evidence.none");
        assess_msg_kinds(x, m, rule);
        msg_id(x->a, m, "requirement", x->c->reqs[req].id);
        res->trace = m;
        return;
    }
    assess_set_score(res, credit(&t, rule->min_count));
    m = assess_msg(x, "trace.evidence.site");
    msg_int(x->a, m, "valid", (long long)t.valid);
    msg_int(x->a, m, "required", rule->min_count);
    assess_msg_kinds(x, m, rule);
    msg_sub(x->a, m, "row", t.first_valid ? t.first_valid : t.first_invalid);
    msg_int(x->a, m, "offered", (long long)t.offered);
    res->trace = m;
}

static void per_program(struct assess_ctx *x, size_t req,
                        struct rule_result *res)
{
    const struct rule *rule = res->rule;
    size_t i, any = 0;
    double sum = 0;
    struct msg *m = assess_msg(x, "trace.evidence.programs");

    assess_msg_kinds(x, m, rule);
    for (i = 0; i < x->nprogs; i++) {
        struct tally t;
        struct msg *pm = assess_msg(x, "trace.evidence.program");
        tally_rows(x, req, res, x->progs[i], 1, &t);
        any += t.offered;
        sum += credit(&t, rule->min_count);
        msg_id(x->a, pm, "program", assess_program_id(x, x->progs[i]));
        msg_int(x->a, pm, "valid", (long long)t.valid);
        msg_int(x->a, pm, "required", rule->min_count);
        msg_int(x->a, pm, "offered", (long long)t.offered);
        msg_append(x->a, m, "programs", pm);
    }
    if (any == 0) {
        res->status = RS_NO_DATA;
        m = assess_msg(x, "trace.evidence.none_programs");
        assess_msg_kinds(x, m, rule);
        msg_id(x->a, m, "requirement", x->c->reqs[req].id);
    } else {
        assess_set_score(res, sum / (double)x->nprogs);
    }
    res->trace = m;
}

void assess_eval_evidence(struct assess_ctx *x, size_t req,
                          struct rule_result *res)
{
    if (res->rule->per_program)
        per_program(x, req, res);
    else
        site_wide(x, req, res);
}
