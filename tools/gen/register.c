/*
 * register.c — the evidence register (evidence.csv and the files it
 * points at under evidence/) and the assessor findings (findings.csv),
 * driven by the catalogue's rules.
 *
 * For every applicable requirement, each cadence rule gets a row dated
 * in each month of its window (min-per-month of them, per program when
 * the rule is per-program); each evidence rule gets rows of its kinds —
 * min-count of them, per program when the rule is per-program — dated
 * within its max-age, or valid until an expiry date when the rule judges
 * by expiry; each check expression's evidence("kind") gets one; each
 * finding rule gets an assessor judgement.  The maturity then spoils a
 * share of them (missing, unapproved, stale, expired; partial or not-met
 * findings), chosen by keyed hashes so that the same requirement keeps
 * its fate when the catalogue grows.  A --break on a requirement without
 * data rules spoils its documents on purpose (and leaves the last three
 * months of a cadence without records), and --tamper edits files after
 * their digest was registered.
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "copcgap/arena.h"
#include "copcgap/assess.h"
#include "copcgap/util.h"
#include "gen.h"

enum fate { F_VALID, F_MISSING, F_UNAPPROVED, F_STALE, F_EXPIRED, F_COUNT };

/* Share of evidence instances per fate, by maturity (rest valid). */
static const double fate_share[MAT_COUNT][F_COUNT] = {
    /* ready */ { 0, 0, 0, 0, 0 },
    /* conditional */ { 0, 0.02, 0.02, 0.04, 0.02 },
    /* far */ { 0, 0.30, 0.12, 0.15, 0.05 },
};

/* Findings: met, partial, not met, none. */
static const double finding_share[MAT_COUNT][4] = {
    { 1, 0, 0, 0 },
    { 0.88, 0.09, 0, 0.03 },
    { 0.35, 0.30, 0.20, 0.15 },
};

struct evrow {
    char *id;
    size_t req;
    int prog;                   /* -1 site-wide */
    const char *kind;
    char *title;
    cg_day dated;
    int approved;
    int has_expires;
    cg_day expires;
    char *location;
    int url;
    int hashed;
    int tampered;
    int valid;                  /* valid as designed (before tampering) */
};

struct reg {
    struct gen *g;
    struct evrow *rows;
    size_t n, cap;
    /* Rows are made requirement by requirement: those of `cur_req`
     * start at `first`, so a rule looks only at its requirement's rows
     * (a scan of all rows made a large catalogue quadratic). */
    size_t cur_req, first;
    /* Every location handed out, an open-addressing set (a power of
     * two of slots, at most half full). */
    const char **locs;
    size_t nlocs, caplocs;
};

static size_t loc_hash(const char *s)
{
    uint64_t h = 14695981039346656037ULL;       /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return (size_t)h;
}

/* The slot of s: where it is, or the empty one where it would go. */
static size_t loc_slot(const struct reg *rg, const char *s)
{
    size_t i = loc_hash(s) & (rg->caplocs - 1);
    while (rg->locs[i] && strcmp(rg->locs[i], s) != 0)
        i = (i + 1) & (rg->caplocs - 1);
    return i;
}

static int loc_taken(const struct reg *rg, const char *s)
{
    return rg->caplocs && rg->locs[loc_slot(rg, s)] != NULL;
}

/* Record a location (owned by its row). */
static void loc_add(struct reg *rg, const char *s)
{
    size_t i;
    if (2 * (rg->nlocs + 1) > rg->caplocs) {
        const char **old = rg->locs;
        size_t oldcap = rg->caplocs;
        rg->caplocs = oldcap ? 2 * oldcap : 1024;
        rg->locs = xcalloc(rg->caplocs, sizeof *rg->locs);
        for (i = 0; i < oldcap; i++)
            if (old[i])
                rg->locs[loc_slot(rg, old[i])] = old[i];
        free(old);
    }
    i = loc_slot(rg, s);
    if (!rg->locs[i]) {
        rg->locs[i] = s;
        rg->nlocs++;
    }
}

/* Kinds that carry an expiry date, and for how long they are valid
 * (a certificate such as ISO/IEC 27001 runs three years). */
static int validity_days(const char *kind)
{
    if (strcmp(kind, "contract") == 0 || strcmp(kind, "certificate") == 0)
        return 1095;
    if (strcmp(kind, "test-report") == 0)
        return 365;
    return 0;
}

static int is_document(const char *kind)
{
    return strcmp(kind, "record") != 0 && strcmp(kind, "minutes") != 0 &&
           strcmp(kind, "training-record") != 0;
}

static const char *prog_key(const struct gen *g, int p)
{
    return p < 0 ? "*" : g->prog[p].id;
}

/* A --break spoils documents only when no KPI can show the gap (a
 * cadence is documents too). */
static int has_data_rules(const struct requirement *r)
{
    size_t j;
    for (j = 0; j < r->nrules; j++)
        if (r->rules[j].type != RULE_EVIDENCE &&
            r->rules[j].type != RULE_FINDING &&
            r->rules[j].type != RULE_CADENCE)
            return 1;
    return 0;
}

static enum fate pick_fate(const struct gen *g, const struct requirement *r,
                           const struct rule *ru, size_t rule_i, int p,
                           const char *kind)
{
    double u, acc = 0;
    int f;

    if (gen_broken(g, r, p) && !has_data_rules(r)) {
        if (validity_days(kind))
            return F_EXPIRED;
        return ru->max_age_days > 0 ? F_STALE : F_UNAPPROVED;
    }
    if (r->critical && g->o.maturity != MAT_FAR)
        return F_VALID;
    u = key_unif(g->o.seed, "evidence|%s|%zu|%s", r->id, rule_i,
                 prog_key(g, p));
    for (f = F_MISSING; f < F_COUNT; f++) {
        acc += fate_share[g->o.maturity][f];
        if (u < acc)
            break;
    }
    if (f == F_COUNT)
        return F_VALID;
    if (f == F_EXPIRED && !validity_days(kind))
        f = ru->max_age_days > 0 ? F_STALE : F_UNAPPROVED;
    /* Judged by its expiry date, an old certificate is an expired one. */
    if (f == F_STALE && ru->validity == VALID_EXPIRES && validity_days(kind))
        f = F_EXPIRED;
    if (f == F_STALE && ru->max_age_days == 0)
        f = F_UNAPPROVED;
    if (f == F_UNAPPROVED && !ru->approved)
        f = F_MISSING;
    return (enum fate)f;
}

/* Rows already generated that this rule would count as valid. */
static int valid_rows(const struct reg *rg, size_t req, int p,
                      const struct rule *ru, const char *only_kind)
{
    size_t i, k;
    int n = 0;

    for (i = req == rg->cur_req ? rg->first : 0; i < rg->n; i++) {
        const struct evrow *e = &rg->rows[i];
        int kind_ok = 0;
        if (e->req != req || !e->valid)
            continue;
        if (p >= 0 && e->prog != p)
            continue;
        if (only_kind) {
            kind_ok = strcmp(e->kind, only_kind) == 0;
        } else {
            for (k = 0; k < ru->nkinds; k++)
                kind_ok |= strcmp(e->kind, ru->kinds[k]) == 0;
        }
        if (!kind_ok)
            continue;
        if (ru && ru->max_age_days > 0 &&
            rg->g->o.as_of - e->dated > ru->max_age_days)
            continue;
        n++;
    }
    return n;
}

static char *row_title(const struct gen *g, const struct requirement *r,
                       const char *kind, int p, int monthly, cg_day dated)
{
    struct strbuf sb = STRBUF_INIT;
    const char *lang = g->es ? "es" : "en";

    strbuf_printf(&sb, "%s: %s", text_kind_label(kind, g->es),
                  i18n_get(&r->title, lang));
    if (p >= 0)
        strbuf_printf(&sb, " (%s)", g->prog[p].id);
    if (monthly) {
        char m[MONTH_BUF];
        month_format(date_month(dated), m);
        strbuf_printf(&sb, ", %s", m);
    }
    return strbuf_detach(&sb);
}

/* Where the row's file lives (or the dashboard's address); a record of
 * a monthly series (month != 0) names its month. */
static char *row_location(struct reg *rg, const struct requirement *r,
                          const char *kind, int p, cg_month month)
{
    const struct gen *g = rg->g;
    const struct category *cat = &g->cat->categories[r->category];
    struct strbuf sb = STRBUF_INIT;
    size_t base;
    int n = 1, clash;
    char m[MONTH_BUF];

    if (month)
        month_format(month, m);
    if (strcmp(kind, "dashboard") == 0) {
        strbuf_printf(&sb, "https://bi.%s.example/dashboards/%s/%s",
                      g->o.org_id, r->id, prog_key(g, p)[0] == '*'
                                              ? "site" : prog_key(g, p));
        if (month)
            strbuf_printf(&sb, "/%s", m);
        return strbuf_detach(&sb);
    }
    strbuf_printf(&sb, "evidence/%s/%s-%s", cat->id, r->id, kind);
    if (p >= 0)
        strbuf_printf(&sb, "-%s", g->prog[p].id);
    if (month)
        strbuf_printf(&sb, "-%s", m);
    base = sb.len;
    do {
        strbuf_truncate(&sb, base);
        if (n > 1)
            strbuf_printf(&sb, "-%d", n);
        strbuf_adds(&sb, is_document(kind) ? ".pdf" : ".txt");
        clash = loc_taken(rg, sb.buf);
        n++;
    } while (clash);
    return strbuf_detach(&sb);
}

/* The kind of a rule's rows: chosen by the seed, except that a rule
 * judging by expiry dates gets the kind that has one (a certificate). */
static const char *pick_kind(const struct gen *g, const struct requirement *r,
                             const struct rule *ru, size_t rule_i)
{
    size_t k;
    if (ru->validity == VALID_EXPIRES)
        for (k = 0; k < ru->nkinds; k++)
            if (validity_days(ru->kinds[k]))
                return ru->kinds[k];
    return ru->kinds[key_hash(g->o.seed, "kind|%s|%zu", r->id, rule_i) %
                     ru->nkinds];
}

/*
 * Rows for one evidence rule (or one evidence("kind") of a check) on one
 * program or site-wide.
 */
static void rule_rows(struct reg *rg, size_t req, const struct rule *ru,
                      size_t rule_i, const char *only_kind, int p)
{
    struct gen *g = rg->g;
    const struct requirement *r = &g->cat->reqs[req];
    int count = ru->min_count > 0 ? ru->min_count : 1;
    int max_age = ru->max_age_days;
    int need = count - valid_rows(rg, req, p, ru, only_kind);
    int bad, j, step, a0;
    const char *kind = only_kind ? only_kind : pick_kind(g, r, ru, rule_i);
    enum fate fate = pick_fate(g, r, ru, rule_i, p, kind);
    struct rng rnd;

    if (need <= 0)
        return;
    rng_keyed(&rnd, g->o.seed, "rows|%s|%zu|%s", r->id, rule_i,
              prog_key(g, p));
    /* Several rows (monthly minutes...): the defect hits a third. */
    bad = fate == F_VALID ? 0 : (need + 2) / 3;
    step = max_age > 0 ? (max_age - 5) / count : 30;
    if (step > 31)
        step = 31;
    if (step < 1)
        step = 1;
    a0 = need > 1 ? (int)rng_range(&rnd, 1, step < 20 ? step : 20)
                  : max_age > 0 ? 1 + (int)(rng_unif(&rnd) * 0.8 * max_age)
                                : (int)rng_range(&rnd, 30, 730);
    /* Judged by its expiry date: any age inside the validity. */
    if (ru->validity == VALID_EXPIRES && validity_days(kind) && need == 1)
        a0 = (int)rng_range(&rnd, 30, validity_days(kind) - 60);
    for (j = 0; j < need; j++) {
        /* Defects hit the oldest rows of a series. */
        enum fate f = j >= need - bad ? fate : F_VALID;
        struct evrow e;
        int age = a0 + j * step, v = validity_days(kind);

        if (f == F_MISSING)
            continue;
        memset(&e, 0, sizeof e);
        e.req = req;
        e.prog = p;
        e.kind = kind;
        e.approved = f != F_UNAPPROVED;
        e.valid = f == F_VALID;
        if (f == F_STALE)
            age = max_age + (int)rng_range(&rnd, 10, 160);
        e.dated = g->o.as_of - age;
        if (v) {
            e.has_expires = 1;
            e.expires = e.dated + v;
            if (e.expires <= g->o.as_of)
                e.expires = g->o.as_of + (cg_day)rng_range(&rnd, 30, 330);
        }
        if (f == F_EXPIRED) {
            e.expires = g->o.as_of - (cg_day)rng_range(&rnd, 5, 60);
            e.dated = e.expires - v;
            if (max_age > 0 && ru->validity != VALID_EXPIRES &&
                g->o.as_of - e.dated > max_age)
                e.dated = g->o.as_of - max_age * 9 / 10;
            if (e.dated > e.expires)
                e.dated = e.expires;
        }
        e.title = row_title(g, r, kind, p, need > 1, e.dated);
        e.location = row_location(rg, r, kind, p, 0);
        e.url = strncmp(e.location, "https://", 8) == 0;
        e.hashed = !e.url && (g->o.maturity != MAT_FAR ||
                              key_unif(g->o.seed, "hash|%s", e.location) <
                                  0.5);
        VEC_PUSH(rg->rows, rg->n, rg->cap) = e;
        loc_add(rg, e.location);
    }
}

/* The program a --break of r without a program shows on (as the
 * scenario picks it for KPI rules). */
static int break_target(const struct gen *g, const struct requirement *r,
                        const struct rule *ru)
{
    int progs[GEN_MAX_PROGRAMS];
    size_t n = gen_rule_programs(g, r, ru, progs);
    return n == 0 ? -1 : progs[key_hash(g->o.seed, "break|%s", r->id) % n];
}

/*
 * Rows for one cadence rule on one program (or site-wide, p < 0): a
 * record in each month of the window, dated between the 2nd and the
 * 25th.  A defect hits a third of the months, the oldest (the practice
 * started late, or its first records were never approved); at `far`
 * maturity a missing practice has no record at all.  A --break leaves
 * the three most recent months without records (the practice stopped).
 */
static void cadence_rows(struct reg *rg, size_t req, const struct rule *ru,
                         size_t rule_i, int p)
{
    struct gen *g = rg->g;
    const struct requirement *r = &g->cat->reqs[req];
    const struct gen_pick *b = gen_broken(g, r, p);
    int months = ru->months > 0 ? ru->months : g->cat->scoring.window_months;
    int per = ru->min_count > 0 ? ru->min_count : 1;
    cg_month end = assess_window_end(g->o.as_of), m;
    const char *kind = pick_kind(g, r, ru, rule_i);
    enum fate fate = pick_fate(g, r, ru, rule_i, p, kind);
    int bad, k, t = 0;
    struct rng rnd;

    if (b && !b->program && p >= 0 && p != break_target(g, r, ru))
        b = NULL;               /* one program shows the gap */
    if (b)
        fate = F_VALID;
    bad = fate == F_VALID ? 0
        : fate == F_MISSING && g->o.maturity == MAT_FAR ? months
        : (months + 2) / 3;
    rng_keyed(&rnd, g->o.seed, "cadence|%s|%zu|%s", r->id, rule_i,
              prog_key(g, p));
    for (m = end - months + 1; m <= end; m++, t++) {
        enum fate f = t < bad ? fate : F_VALID;
        if (b && m > end - 3)
            continue;
        if (f == F_MISSING)
            continue;
        for (k = 0; k < per; k++) {
            struct evrow e;
            cg_day d = month_first_day(m) + (cg_day)rng_range(&rnd, 1, 24);
            if (d > g->o.as_of)
                d = g->o.as_of;
            memset(&e, 0, sizeof e);
            e.req = req;
            e.prog = p;
            e.kind = kind;
            e.dated = d;
            e.approved = f != F_UNAPPROVED;
            e.valid = f == F_VALID;
            e.title = row_title(g, r, kind, p, 1, d);
            e.location = row_location(rg, r, kind, p, per > 1 ? 0 : m);
            e.url = strncmp(e.location, "https://", 8) == 0;
            e.hashed = !e.url && (g->o.maturity != MAT_FAR ||
                                  key_unif(g->o.seed, "hash|%s",
                                           e.location) < 0.5);
            VEC_PUSH(rg->rows, rg->n, rg->cap) = e;
            loc_add(rg, e.location);
        }
    }
}

struct check_kinds {
    struct reg *rg;
    size_t req;
    const struct rule *ru;
    size_t rule_i;
};

static void check_kind(void *ctx, const char *kind)
{
    struct check_kinds *ck = ctx;
    struct gen *g = ck->rg->g;
    const struct requirement *r = &g->cat->reqs[ck->req];
    int progs[GEN_MAX_PROGRAMS];
    size_t n, i;

    /* The rows keep the kind: a copy that lives as long as the
     * catalogue (gen_expr_args passes a buffer of its own). */
    kind = arena_strdup(g->cat->arena, kind);

    if (!ck->ru->per_program) {
        rule_rows(ck->rg, ck->req, ck->ru, ck->rule_i, kind, -1);
        return;
    }
    n = gen_rule_programs(g, r, ck->ru, progs);
    for (i = 0; i < n; i++)
        rule_rows(ck->rg, ck->req, ck->ru, ck->rule_i, kind, progs[i]);
}

static void build_rows(struct reg *rg)
{
    struct gen *g = rg->g;
    size_t i, j, k, n;
    int progs[GEN_MAX_PROGRAMS];

    for (i = 0; i < g->cat->nreqs; i++) {
        const struct requirement *r = &g->cat->reqs[i];
        if (!gen_req_applies(g, r))
            continue;
        rg->cur_req = i;
        rg->first = rg->n;
        /* Monthly series first: an evidence rule of the same kind (the
         * latest record within 45 days) is then met by the newest. */
        for (j = 0; j < r->nrules; j++) {
            const struct rule *ru = &r->rules[j];
            if (ru->type != RULE_CADENCE)
                continue;
            if (!ru->per_program) {
                cadence_rows(rg, i, ru, j, -1);
                continue;
            }
            n = gen_rule_programs(g, r, ru, progs);
            for (k = 0; k < n; k++)
                cadence_rows(rg, i, ru, j, progs[k]);
        }
        for (j = 0; j < r->nrules; j++) {
            const struct rule *ru = &r->rules[j];
            if (ru->type == RULE_CHECK) {
                struct check_kinds ck = { rg, i, ru, j };
                gen_expr_args(ru->expr_text, "evidence", check_kind, &ck);
                continue;
            }
            if (ru->type != RULE_EVIDENCE)
                continue;
            if (!ru->per_program) {
                rule_rows(rg, i, ru, j, NULL, -1);
                continue;
            }
            n = gen_rule_programs(g, r, ru, progs);
            for (k = 0; k < n; k++)
                rule_rows(rg, i, ru, j, NULL, progs[k]);
        }
    }
    for (i = 0; i < rg->n; i++) {
        struct strbuf sb = STRBUF_INIT;
        strbuf_printf(&sb, "EV-%04zu", i + 1);
        rg->rows[i].id = strbuf_detach(&sb);
    }
}

/* --tamper: edit the files of the N valid rows with the lowest keys
 * (never on a critical requirement: one tampered file is a finding of
 * its own, not a way to fail the verdict). */
static void pick_tampered(struct reg *rg, int n)
{
    const struct gen *g = rg->g;
    while (n-- > 0) {
        size_t i, best = SIZE_MAX;
        uint64_t best_key = 0;
        for (i = 0; i < rg->n; i++) {
            const struct evrow *e = &rg->rows[i];
            uint64_t key;
            if (!e->valid || !e->hashed || e->tampered ||
                g->cat->reqs[e->req].critical)
                continue;
            key = key_hash(g->o.seed, "tamper|%s", e->location);
            if (best == SIZE_MAX || key < best_key) {
                best = i;
                best_key = key;
            }
        }
        if (best == SIZE_MAX)
            return;
        rg->rows[best].tampered = 1;
    }
}

static int write_file(const struct reg *rg, const struct evrow *e,
                      char hex[65])
{
    const struct gen *g = rg->g;
    const struct requirement *r = &g->cat->reqs[e->req];
    const char *lang = g->es ? "es" : "en";
    const char *lines[16];
    struct strbuf l[10];
    struct strbuf path = STRBUF_INIT, amend = STRBUF_INIT;
    char d[DATE_BUF];
    size_t n = 0, i, slash;
    int ok;

    for (i = 0; i < ARRAY_LEN(l); i++)
        memset(&l[i], 0, sizeof l[i]);
    date_format(e->dated, d);
    lines[n++] = e->title;
    strbuf_printf(&l[0], "%s - %s", g->o.org_name,
                  text_kind_label(e->kind, g->es));
    strbuf_printf(&l[1], "%s: %s %s", g->es ? "Requisito" : "Requirement",
                  r->id, i18n_get(&r->title, lang));
    if (e->prog >= 0)
        strbuf_printf(&l[2], "%s: %s", g->es ? "Programa" : "Program",
                      g->prog[e->prog].name);
    else
        strbuf_adds(&l[2], g->es ? "Alcance: todo el sitio"
                                 : "Scope: the whole site");
    strbuf_printf(&l[3], "%s: %s", g->es ? "Responsable" : "Owner",
                  gen_person(g, r->owner_role));
    strbuf_printf(&l[4], "%s: %s", g->es ? "Fecha" : "Dated", d);
    if (e->approved)
        strbuf_printf(&l[5], "%s %s", g->es ? "Aprobado por"
                                            : "Approved by",
                      gen_person(g, "site-director")[0]
                          ? gen_person(g, "site-director") : g->lead);
    else
        strbuf_adds(&l[5], g->es ? "BORRADOR: pendiente de aprobación"
                                 : "DRAFT: awaiting approval");
    for (i = 0; i < 6; i++)
        lines[n++] = strbuf_cstr(&l[i]);
    if (e->has_expires) {
        date_format(e->expires, d);
        strbuf_printf(&l[6], "%s: %s", g->es ? "Vigente hasta"
                                             : "Valid until", d);
        lines[n++] = strbuf_cstr(&l[6]);
    }
    lines[n++] = "";
    lines[n++] = g->es ? "Propósito" : "Purpose";
    lines[n++] = i18n_get(&r->intent, lang) ? i18n_get(&r->intent, lang)
                                            : "";
    lines[n++] = "";
    lines[n++] = g->es ? "Práctica" : "Practice";
    lines[n++] = i18n_get(&r->remediation, lang)
                     ? i18n_get(&r->remediation, lang) : "";
    if (e->tampered) {
        date_format(g->o.as_of - 9, d);
        strbuf_printf(&amend, g->es
                      ? "Modificado el %s, después de la aprobación: "
                        "cifras y fechas editadas."
                      : "Amended on %s, after approval: figures and dates "
                        "edited.", d);
    }
    strbuf_printf(&path, "%s/%s", g->o.out, e->location);
    slash = (size_t)(strrchr(e->location, '/') - e->location);
    {
        char *dir = xstrndup(e->location, slash);
        ok = gen_mkdir(g, dir);
        free(dir);
    }
    ok = ok && docfile_write(path.buf, is_document(e->kind), lines, n,
                             e->tampered ? amend.buf : NULL, hex);
    for (i = 0; i < ARRAY_LEN(l); i++)
        strbuf_free(&l[i]);
    strbuf_free(&path);
    strbuf_free(&amend);
    return ok;
}

static int write_evidence(struct reg *rg)
{
    const struct gen *g = rg->g;
    char *tmp;
    FILE *f = gen_open(g, "evidence.csv", &tmp);
    size_t i;
    int ok = 1;

    if (!f)
        return 0;
    fputs("id,requirements,program,kind,title,owner,dated,approved,"
          "expires,location,sha256\n", f);
    for (i = 0; i < rg->n && ok; i++) {
        const struct evrow *e = &rg->rows[i];
        const struct requirement *r = &g->cat->reqs[e->req];
        char d[DATE_BUF], hex[65] = "";

        if (!e->url)
            ok = write_file(rg, e, hex);
        fprintf(f, "%s,%s,%s,%s,", e->id, r->id, prog_key(g, e->prog),
                e->kind);
        csv_put(f, e->title);
        fputc(',', f);
        csv_put(f, gen_person(g, r->owner_role));
        date_format(e->dated, d);
        fprintf(f, ",%s,%s,", d, e->approved ? "yes" : "no");
        if (e->has_expires) {
            date_format(e->expires, d);
            fputs(d, f);
        }
        fputc(',', f);
        csv_put(f, e->location);
        fprintf(f, ",%s\n", e->hashed ? hex : "");
    }
    if (!ok) {
        fclose(f);
        remove(tmp);
        free(tmp);
        return 0;
    }
    return gen_close(f, tmp, "evidence.csv");
}

/* ----------------------------------------------------------- findings */

static void finding_row(const struct gen *g, FILE *f,
                        const struct requirement *r, size_t rule_i, int p,
                        int has_data_rules)
{
    const double *share = finding_share[g->o.maturity];
    double u = key_unif(g->o.seed, "finding|%s|%zu|%s", r->id, rule_i,
                        prog_key(g, p));
    double c = key_unif(g->o.seed, "class|%s|%zu|%s", r->id, rule_i,
                        prog_key(g, p));
    int result;
    const char *cls = "";
    char d[DATE_BUF];

    if (gen_broken(g, r, p) && !has_data_rules)
        result = FR_NOT_MET;
    else if (r->critical && g->o.maturity != MAT_FAR)
        result = FR_MET;
    else if (u < share[0])
        result = FR_MET;
    else if (u < share[0] + share[1])
        result = FR_PARTIAL;
    else if (u < share[0] + share[1] + share[2])
        result = FR_NOT_MET;
    else
        return;                 /* not assessed yet */
    if (result == FR_PARTIAL)
        cls = "minor-nc";
    else if (result == FR_NOT_MET)
        cls = "major-nc";
    else if (c < 0.10)
        cls = "observation";
    else if (c < 0.15)
        cls = "improvement";
    date_format(g->o.as_of - 3 - (cg_day)(c * 40), d);
    fprintf(f, "%s,%s,%s,", r->id, prog_key(g, p),
            finding_result_name((enum finding_result)result));
    csv_put(f, g->lead);
    fprintf(f, ",%s,", d);
    csv_put(f, text_finding_note(result, key_hash(g->o.seed, "note|%s",
                                                  r->id), g->es));
    fprintf(f, ",%s\n", cls);
}

static int write_findings(const struct gen *g)
{
    char *tmp;
    FILE *f = gen_open(g, "findings.csv", &tmp);
    int progs[GEN_MAX_PROGRAMS];
    size_t i, j, k, n;

    if (!f)
        return 0;
    fputs("requirement,program,result,assessor,dated,note,class\n", f);
    for (i = 0; i < g->cat->nreqs; i++) {
        const struct requirement *r = &g->cat->reqs[i];
        if (!gen_req_applies(g, r))
            continue;
        for (j = 0; j < r->nrules; j++) {
            const struct rule *ru = &r->rules[j];
            if (ru->type != RULE_FINDING)
                continue;
            if (!ru->per_program) {
                finding_row(g, f, r, j, -1, has_data_rules(r));
                continue;
            }
            n = gen_rule_programs(g, r, ru, progs);
            for (k = 0; k < n; k++)
                finding_row(g, f, r, j, progs[k], has_data_rules(r));
        }
    }
    return gen_close(f, tmp, "findings.csv");
}

/* gen-org never deletes: a register is written into a fresh evidence/. */
static int evidence_dir_empty(const struct gen *g)
{
    struct strbuf sb = STRBUF_INIT;
    struct dirent *de;
    DIR *d;
    int empty = 1;

    strbuf_printf(&sb, "%s/evidence", g->o.out);
    d = opendir(sb.buf);
    if (d) {
        while ((de = readdir(d)) != NULL)
            if (strcmp(de->d_name, ".") != 0 &&
                strcmp(de->d_name, "..") != 0)
                empty = 0;
        closedir(d);
    }
    if (!empty)
        fprintf(stderr, "gen-org: %s already holds files; remove it "
                "first (old evidence files would linger)\n", sb.buf);
    strbuf_free(&sb);
    return empty;
}

int gen_register(struct gen *g)
{
    struct reg rg;
    size_t i;
    int ok;

    if (!evidence_dir_empty(g))
        return 0;
    memset(&rg, 0, sizeof rg);
    rg.g = g;
    rg.cur_req = SIZE_MAX;
    build_rows(&rg);
    pick_tampered(&rg, g->o.tamper);
    ok = write_evidence(&rg) && write_findings(g);
    for (i = 0; i < rg.n; i++) {
        free(rg.rows[i].id);
        free(rg.rows[i].title);
        free(rg.rows[i].location);
    }
    free(rg.rows);
    free(rg.locs);
    return ok;
}
