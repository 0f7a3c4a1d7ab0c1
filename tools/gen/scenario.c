/*
 * scenario.c — from options to a scenario: the programs and their
 * parameters, each program's targets, the people behind the catalogue's
 * owner roles, and the KPI plan: for every program, designed KPI and
 * month, the value the raw data will be generated to show.
 *
 * The plan is where maturity becomes numbers (docs/samples.md): each
 * (program, KPI) is OK (better than target, slowly improving), BELOW
 * (worse, slowly improving) or DECLINE (fine, then getting worse over
 * the last seven months).  --break and --decline set states explicitly;
 * the maturity draws the rest from keyed hashes, and at `conditional`
 * it never touches a KPI that a critical requirement reads, because
 * that is what separates a conditional verdict from a failed one.
 */
#include <stdlib.h>
#include <string.h>

#include "copcgap/metric.h"
#include "copcgap/profile.h"
#include "copcgap/util.h"
#include "copcgap/load.h"
#include "gen.h"

static const char *const maturity_names[MAT_COUNT] = {
    "ready", "conditional", "far"
};

const char *maturity_name(enum maturity m)
{
    return maturity_names[m];
}

int maturity_parse(const char *s)
{
    int i;
    for (i = 0; i < MAT_COUNT; i++)
        if (strcmp(s, maturity_names[i]) == 0)
            return i;
    return -1;
}

static const char *const kmetric_names[K_COUNT] = {
    "service_level", "abandon_rate", "asa", "aht", "fcr",
    "euc_accuracy", "bc_accuracy", "cc_accuracy", "nc_accuracy",
    "csat", "nps", "ces",
    "forecast_accuracy", "forecast_wape",
    "attrition", "unverified_agents", "qa_sample", "dsat"
};

const char *kmetric_name(enum kmetric k)
{
    return kmetric_names[k];
}

int kmetric_of(const char *metric)
{
    int i;
    if (strcmp(metric, "euc_moe") == 0 || strcmp(metric, "bc_moe") == 0 ||
        strcmp(metric, "cc_moe") == 0)
        return K_QASAMPLE;      /* the margin of error follows the sample */
    for (i = 0; i < K_COUNT; i++)
        if (strcmp(metric, kmetric_names[i]) == 0)
            return i;
    return -1;
}

/* ------------------------------------------------ channel parameters */

/*
 * Per channel: share of the contacts, contacts an agent handles at once,
 * mean patience before abandoning (0: the channel does not abandon),
 * forecast tolerance, and the targets written into the profile
 * (copc.md section 3 for the usual levels; < 0 = none).
 */
struct chan_params {
    double share, concurrency, patience, tolerance;
    double sl, abandon, asa, aht, fcr, csat, nps;
};

static const struct chan_params chan_params[CH_COUNT] = {
    /* voice */ { 0.56, 1.0, 420, 15, 80, 5, 30, 390, 72, 85, 30 },
    /* chat */ { 0.29, 2.0, 600, 15, 80, 5, 40, 600, 70, 85, 30 },
    /* email */ { 0.15, 1.0, 0, 20, 90, -1, -1, 480, 65, 80, 20 },
    /* messaging */ { 0.20, 3.0, 900, 15, 80, 5, 120, 900, 68, 82, 25 },
    /* social */ { 0.08, 2.0, 0, 20, 80, -1, -1, 480, 60, 78, 15 },
    /* back-office */ { 0.15, 1.0, 0, 20, 90, -1, -1, 900, 90, 80, 10 },
    /* self-service */ { 0.10, 1.0, 0, 20, 90, -1, -1, 120, 60, 75, 10 },
};

/* Targets for KPIs the profile leaves to the catalogue, used only when
 * the catalogue has no fixed value either. */
struct kdefault {
    enum kmetric k;
    enum cmp_op op;
    double value;
};

static const struct kdefault kdefaults[] = {
    { K_SL, OP_GE, 80 }, { K_ABANDON, OP_LE, 5 }, { K_ASA, OP_LE, 30 },
    { K_AHT, OP_LE, 400 }, { K_FCR, OP_GE, 70 }, { K_EUC, OP_GE, 95 },
    { K_BC, OP_GE, 95 }, { K_CC, OP_GE, 98 }, { K_NC, OP_GE, 85 },
    { K_CSAT, OP_GE, 80 }, { K_NPS, OP_GE, 20 }, { K_CES, OP_GE, 5 },
    { K_FACC, OP_GE, 85 }, { K_WAPE, OP_LE, 10 }, { K_ATTR, OP_LE, 5 },
    { K_UNVER, OP_EQ, 0 },
};

/* How far from target a designed KPI sits (metric units). */
static double kmargin(enum kmetric k, enum channel c)
{
    switch (k) {
    case K_SL: return c == CH_EMAIL || c == CH_BACK_OFFICE ? 4 : 6;
    case K_ABANDON: return 2;
    case K_FCR: return 4;
    case K_EUC: return 2.5;
    case K_BC: return 2.5;
    case K_CC: return 1.0;
    case K_NC: return 5;
    case K_CSAT: return 3.5;
    case K_NPS: return 8;
    case K_CES: return 0.4;
    case K_FACC: return 6;
    case K_WAPE: return 3.5;
    default: return 1;
    }
}

/* -------------------------------------------------- expression scan */

/*
 * Call cb for the first (string) argument of every call to fn in a
 * check expression, e.g. kpi("csat") or evidence('calibration').  A
 * plain scan is enough: the generator only needs the names.
 */
void gen_expr_args(const char *text, const char *fn,
                   void (*cb)(void *ctx, const char *arg), void *ctx)
{
    size_t n = strlen(fn);
    const char *s = text;

    while ((s = strstr(s, fn)) != NULL) {
        const char *p = s + n, *q;
        char arg[65];
        int word_start = s == text ||
            !((s[-1] >= 'a' && s[-1] <= 'z') || s[-1] == '_');
        s = p;
        if (!word_start)
            continue;
        while (*p == ' ')
            p++;
        if (*p != '(')
            continue;
        p++;
        while (*p == ' ')
            p++;
        if (*p != '"' && *p != '\'')
            continue;
        q = strchr(p + 1, *p);
        if (!q || (size_t)(q - p - 1) >= sizeof arg)
            continue;
        memcpy(arg, p + 1, (size_t)(q - p - 1));
        arg[q - p - 1] = '\0';
        cb(ctx, arg);
    }
}

/* ---------------------------------------------------------- helpers */

int gen_find_program(const struct gen *g, const char *s)
{
    size_t i;
    for (i = 0; i < g->nprog; i++)
        if (strcmp(g->prog[i].id, s) == 0 ||
            strcmp(channel_name(g->prog[i].channel), s) == 0)
            return (int)i;
    return -1;
}

static channel_mask program_channels(const struct gen *g)
{
    channel_mask m = 0;
    size_t i;
    for (i = 0; i < g->nprog; i++)
        m |= 1u << g->prog[i].channel;
    return m;
}

int gen_req_applies(const struct gen *g, const struct requirement *r)
{
    if (r->applies_kind && !(r->applies_kind & (1u << g->o.kind)))
        return 0;
    if (r->applies_channels && !(r->applies_channels & program_channels(g)))
        return 0;
    return 1;
}

size_t gen_rule_programs(const struct gen *g, const struct requirement *r,
                         const struct rule *rule, int *idx)
{
    size_t i, n = 0;
    for (i = 0; i < g->nprog; i++) {
        channel_mask bit = 1u << g->prog[i].channel;
        if (r->applies_channels && !(r->applies_channels & bit))
            continue;
        if (rule && rule->channels && !(rule->channels & bit))
            continue;
        idx[n++] = (int)i;
    }
    return n;
}

const struct gen_pick *gen_broken(const struct gen *g,
                                  const struct requirement *r, int p)
{
    size_t i;
    for (i = 0; i < g->o.nbreaks; i++) {
        const struct gen_pick *b = &g->o.breaks[i];
        if (strcmp(b->what, r->id) != 0)
            continue;
        if (!b->program || p < 0 || gen_find_program(g, b->program) == p)
            return b;
    }
    return NULL;
}

const char *gen_person(const struct gen *g, const char *role)
{
    size_t i;
    if (!role)
        return "";
    for (i = 0; i < g->nroles; i++)
        if (strcmp(g->roles[i].id, role) == 0)
            return g->roles[i].person;
    return "";
}

int gen_month_index(const struct gen *g, cg_day d)
{
    return (int)(date_month(d) - g->m0);
}

/* --------------------------------------------------------- programs */

/* Program names are the client's name and these words. */
static const char *const program_names_en[CH_COUNT] = {
    " phone care", " chat care", " email care", " messaging care",
    " social care", " back office", " self-service"
};
static const char *const program_names_es[CH_COUNT] = {
    ", atención telefónica", ", chat", ", correo electrónico",
    ", mensajería", ", redes sociales", ", back office", ", autoservicio"
};

static int add_programs(struct gen *g)
{
    static const enum channel order[] = {
        CH_VOICE, CH_CHAT, CH_EMAIL, CH_MESSAGING, CH_BACK_OFFICE, CH_SOCIAL
    };
    const char *spec = g->o.programs;
    const char *client = g->o.client ? g->o.client : g->o.org_name;
    char *prefix;
    enum channel chans[GEN_MAX_PROGRAMS];
    size_t n = 0, i, j;
    char *end;
    long count = strtol(spec, &end, 10);

    if (end != spec && *end == '\0') {
        if (count < 1 || count > GEN_MAX_PROGRAMS) {
            fprintf(stderr, "gen-org: --programs: give 1 to %d programs\n",
                    GEN_MAX_PROGRAMS);
            return 0;
        }
        for (i = 0; i < (size_t)count; i++)
            chans[n++] = order[i % ARRAY_LEN(order)];
    } else {
        const char *s = spec;
        while (*s) {
            const char *comma = strchr(s, ',');
            size_t len = comma ? (size_t)(comma - s) : strlen(s);
            int c = channel_parse(s, len);
            if (c < 0 || n == GEN_MAX_PROGRAMS) {
                fprintf(stderr, "gen-org: --programs: \"%.*s\" is not a "
                        "channel (voice, chat, email, messaging, social, "
                        "back-office)\n", (int)len, s);
                return 0;
            }
            for (j = 0; j < n; j++)
                if (chans[j] == (enum channel)c) {
                    fprintf(stderr, "gen-org: --programs: %.*s given "
                            "twice\n", (int)len, s);
                    return 0;
                }
            chans[n++] = (enum channel)c;
            s = comma ? comma + 1 : s + len;
        }
    }
    if (g->o.prefix) {
        prefix = xstrdup(g->o.prefix);
    } else {
        /* The client's last word: "Northwind Retail" -> "retail". */
        const char *sp = strrchr(client, ' ');
        prefix = text_slug(sp ? sp + 1 : client);
    }
    for (i = 0; i < n; i++) {
        struct gen_program *pg = &g->prog[i];
        const struct chan_params *cp = &chan_params[chans[i]];
        char *word = text_slug(text_channel_word(chans[i], g->es));
        struct strbuf sb = STRBUF_INIT;

        /* The second voice program of a count above 6 is "-voice-2". */
        size_t round = i / ARRAY_LEN(order) + 1;

        pg->channel = chans[i];
        strbuf_printf(&sb, "%s-%s", prefix, word);
        if (round > 1)
            strbuf_printf(&sb, "-%zu", round);
        pg->id = strbuf_detach(&sb);
        /* Reports add the channel after the name: not repeated here. */
        strbuf_printf(&sb, "%s%s", client, g->es ? program_names_es[chans[i]]
                                                 : program_names_en[chans[i]]);
        if (round > 1)
            strbuf_printf(&sb, " %zu", round);
        pg->name = strbuf_detach(&sb);
        free(word);
        pg->sl_seconds = channel_default_sl_seconds(chans[i]);
        pg->short_abandon_seconds = 5;
        pg->tolerance_pct = cp->tolerance;
        pg->share = cp->share;
        pg->concurrency = cp->concurrency;
        pg->patience = cp->patience;
    }
    g->nprog = n;
    free(prefix);
    {
        double total = 0;
        for (i = 0; i < n; i++)
            total += g->prog[i].share;
        for (i = 0; i < n; i++)
            g->prog[i].share /= total;
    }
    return 1;
}

/* ---------------------------------------------------------- targets */

/* The catalogue's fixed value for a metric on this program, if any. */
static int catalog_target(const struct gen *g, const struct gen_program *pg,
                          const char *metric, enum cmp_op *op, double *value)
{
    const struct catalog *c = g->cat;
    channel_mask bit = 1u << pg->channel;
    size_t i, j;

    for (i = 0; i < c->nreqs; i++) {
        const struct requirement *r = &c->reqs[i];
        if (r->applies_channels && !(r->applies_channels & bit))
            continue;
        for (j = 0; j < r->nrules; j++) {
            const struct rule *ru = &r->rules[j];
            if (ru->type != RULE_METRIC || !ru->has_fixed ||
                strcmp(ru->metric, metric) != 0 ||
                (ru->channels && !(ru->channels & bit)))
                continue;
            *op = ru->op;
            *value = ru->value;
            return 1;
        }
    }
    return 0;
}

static void set_targets(struct gen *g, struct gen_program *pg)
{
    const struct chan_params *cp = &chan_params[pg->channel];
    const struct { enum kmetric k; enum cmp_op op; double v; } own[] = {
        { K_SL, OP_GE, cp->sl }, { K_ABANDON, OP_LE, cp->abandon },
        { K_ASA, OP_LE, cp->asa }, { K_AHT, OP_LE, cp->aht },
        { K_FCR, OP_GE, cp->fcr }, { K_CSAT, OP_GE, cp->csat },
        { K_NPS, OP_GE, cp->nps }, { K_EUC, OP_GE, 95 },
        { K_BC, OP_GE, 95 }, { K_CC, OP_GE, 98 },
    };
    size_t i;

    for (i = 0; i < ARRAY_LEN(own); i++) {
        struct kplan *kp = &pg->k[own[i].k];
        if (own[i].v < 0)
            continue;
        kp->has_target = 1;
        kp->in_profile = 1;
        kp->op = own[i].op;
        kp->target = own[i].v;
    }
    if (pg->k[K_CSAT].has_target) {
        /* Dissatisfaction at the level the CSAT target implies: 45 % of
         * the answers below the top two boxes are a 1 or a 2 (people.c),
         * plus half a point, rounded. */
        struct kplan *kp = &pg->k[K_DSAT];
        kp->has_target = kp->in_profile = 1;
        kp->op = OP_LE;
        kp->target = (double)(long)(0.45 * (100 - pg->k[K_CSAT].target) +
                                    0.5 + 0.5);
    }
    {
        /* The forecast error a forecaster missing by 12 % would reach at
         * this program's interval volumes, rounded up to a whole
         * percent: the floor set by Poisson arrivals depends on volume,
         * so each program sets its own (docs/kpis.md). */
        struct kplan *kp = &pg->k[K_WAPE];
        double w = gen_wape_expected(g, (int)(pg - g->prog), 0.12);
        kp->has_target = kp->in_profile = 1;
        kp->op = OP_LE;
        kp->target = (double)(long)w + ((double)(long)w < w ? 1 : 0);
    }
    for (i = 0; i < ARRAY_LEN(kdefaults); i++) {
        struct kplan *kp = &pg->k[kdefaults[i].k];
        if (kp->has_target)
            continue;
        kp->has_target = 1;
        if (!catalog_target(g, pg, kmetric_names[kdefaults[i].k], &kp->op,
                            &kp->target)) {
            kp->op = kdefaults[i].op;
            kp->target = kdefaults[i].value;
        }
    }
}

/* ------------------------------------------------------- the KPI plan */

static double clampd(double v, double lo, double hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

static void design(struct gen *g, struct gen_program *pg, enum kmetric k)
{
    struct kplan *kp = &pg->k[k];
    int n = g->nmonths, t, t0 = n - 7 > 0 ? n - 7 : 0;
    double m = kmargin(k, pg->channel);
    double dir = kp->op == OP_LE || kp->op == OP_LT ? -1 : 1;
    struct rng r;

    rng_keyed(&r, g->o.seed, "design|%s|%s", pg->id, kmetric_names[k]);
    for (t = 0; t < n; t++) {
        double f = n > 1 ? (double)t / (n - 1) : 1, v;
        double noise = 0.05 * m * rng_normal(&r);
        enum kstate st = kp->state;

        if (st == KS_DECLINE && t <= t0)
            st = KS_OK;
        switch (k) {
        case K_AHT:
            /* Inside 10 % of the target when fine, well above when not. */
            v = kp->target * (st == KS_OK ? 0.94 + 0.01 * rng_normal(&r)
                                          : 1.12 + 0.01 * rng_normal(&r));
            break;
        case K_ATTR:
            /* Monthly leavers as % of headcount. */
            v = st == KS_OK ? 3.0 - 0.8 * f : 7.5 - 1.0 * f;
            if (kp->state == KS_DECLINE && t > t0)
                v = 3.0 + 5.0 * (t - t0) / (double)(n - 1 - t0);
            break;
        case K_UNVER:
            /* Agents on live work before verification: none when fine;
             * 1-2 in three of the last six months when not (below). */
            v = 0;
            break;
        case K_QASAMPLE:
            /* Evaluations per agent and month. */
            v = st == KS_OK ? 4.6 : 2.3;
            break;
        case K_DSAT:
            /* Follows CSAT (designed first): 45 % of the answers below
             * the top two boxes are a 1 or a 2 (people.c). */
            v = 0.45 * (100 - pg->k[K_CSAT].v[t]);
            break;
        default:
            if (st == KS_OK)
                v = kp->target + dir * m * (0.7 + 0.6 * f) + noise;
            else if (st == KS_BELOW)
                v = kp->target - dir * m * (1.3 - 0.3 * f) + noise;
            else
                v = kp->target + dir * m *
                    (1.0 - 2.5 * (t - t0) / (double)(n - 1 - t0));
            break;
        }
        if (k == K_CES)
            v = clampd(v, 1, 7);
        else if (k == K_NPS)
            v = clampd(v, -100, 100);
        else if (k != K_AHT && k != K_ASA && k != K_QASAMPLE &&
                 k != K_UNVER && k != K_ATTR && k != K_DSAT)
            v = clampd(v, 0.5, 99.7);
        kp->v[t] = v;
    }
    if (k == K_UNVER && kp->state != KS_OK) {
        /* Three distinct months of the window, chosen by the seed. */
        int w0 = n - 6 > 0 ? n - 6 : 0, hits = 0;
        while (hits < 3 && hits < n - w0) {
            t = w0 + (int)rng_range(&r, 0, n - 1 - w0);
            if (kp->v[t] == 0) {
                kp->v[t] = (double)rng_range(&r, 1, 2);
                hits++;
            }
        }
    }
}

struct crit_ctx {
    int *crit;
};

static void mark_metric(void *ctx, const char *metric)
{
    struct crit_ctx *cc = ctx;
    int k = kmetric_of(metric);
    if (k >= 0)
        cc->crit[k] = 1;
}

/* KPIs that some critical requirement reads. */
static void critical_metrics(const struct gen *g, int crit[K_COUNT])
{
    struct crit_ctx cc = { crit };
    size_t i, j;

    memset(crit, 0, K_COUNT * sizeof *crit);
    for (i = 0; i < g->cat->nreqs; i++) {
        const struct requirement *r = &g->cat->reqs[i];
        if (!r->critical)
            continue;
        for (j = 0; j < r->nrules; j++) {
            const struct rule *ru = &r->rules[j];
            if (ru->metric)
                mark_metric(&cc, ru->metric);
            if (ru->type == RULE_CHECK) {
                gen_expr_args(ru->expr_text, "kpi", mark_metric, &cc);
                gen_expr_args(ru->expr_text, "mean", mark_metric, &cc);
            }
        }
    }
}

struct break_ctx {
    struct gen *g;
    int prog;
    enum kstate state;
};

static void break_metric(void *ctx, const char *metric)
{
    struct break_ctx *bc = ctx;
    int k = kmetric_of(metric);
    struct kplan *kp;

    if (k < 0)
        return;
    if (k == K_ASA)
        k = K_SL;               /* waiting time follows the staffing */
    if (k == K_WAPE)
        k = K_FACC;             /* one forecast, two measures */
    kp = &bc->g->prog[bc->prog].k[k];
    if (kp->state == KS_OK)
        kp->state = bc->state;
}

/* --break: the data rules of the requirement fail for its program(s). */
static int apply_break(struct gen *g, const struct gen_pick *b)
{
    long ri = catalog_find_req(g->cat, b->what, strlen(b->what));
    const struct requirement *r;
    int progs[GEN_MAX_PROGRAMS];
    size_t j, n, i;

    if (ri < 0) {
        fprintf(stderr, "gen-org: --break %s: no such requirement in %s\n",
                b->what, g->cat->path);
        return 0;
    }
    if (b->program && gen_find_program(g, b->program) < 0) {
        fprintf(stderr, "gen-org: --break %s@%s: no such program\n",
                b->what, b->program);
        return 0;
    }
    r = &g->cat->reqs[ri];
    for (j = 0; j < r->nrules; j++) {
        const struct rule *ru = &r->rules[j];
        struct break_ctx bc;
        if (ru->type == RULE_EVIDENCE || ru->type == RULE_FINDING)
            continue;
        n = gen_rule_programs(g, r, ru, progs);
        if (n == 0)
            continue;
        bc.g = g;
        bc.state = ru->type == RULE_TREND ? KS_DECLINE : KS_BELOW;
        for (i = 0; i < n; i++) {
            bc.prog = progs[i];
            if (b->program) {
                if (gen_find_program(g, b->program) != progs[i])
                    continue;
            } else if (n > 1 && i != (size_t)(key_hash(g->o.seed, "break|%s",
                                                        r->id) % n)) {
                /* One program shows the gap, chosen by the seed. */
                continue;
            }
            if (ru->metric)
                break_metric(&bc, ru->metric);
            if (ru->type == RULE_CHECK) {
                gen_expr_args(ru->expr_text, "kpi", break_metric, &bc);
                gen_expr_args(ru->expr_text, "mean", break_metric, &bc);
            }
        }
    }
    return 1;
}

static int plan_kpis(struct gen *g)
{
    static const double p_below[MAT_COUNT] = { 0, 0.06, 0.40 };
    static const double p_decline[MAT_COUNT] = { 0, 0, 0.10 };
    int crit[K_COUNT];
    size_t i;
    int k;

    for (i = 0; i < g->o.ndeclines; i++) {
        const struct gen_pick *d = &g->o.declines[i];
        int p = gen_find_program(g, d->program);
        k = kmetric_of(d->what);
        if (p < 0 || k < 0 || k == K_QASAMPLE) {
            fprintf(stderr, "gen-org: --decline %s:%s: unknown program or "
                    "KPI\n", d->program, d->what);
            return 0;
        }
        g->prog[p].k[k].state = KS_DECLINE;
    }
    for (i = 0; i < g->o.nbreaks; i++)
        if (!apply_break(g, &g->o.breaks[i]))
            return 0;
    critical_metrics(g, crit);
    for (i = 0; i < g->nprog; i++) {
        struct gen_program *pg = &g->prog[i];
        for (k = 0; k < K_COUNT; k++) {
            struct kplan *kp = &pg->k[k];
            double u;
            /* ASA, WAPE and DSAT follow SL, forecast accuracy and CSAT. */
            if (kp->state != KS_OK || k == K_ASA || k == K_WAPE ||
                k == K_DSAT)
                continue;
            if (g->o.maturity == MAT_CONDITIONAL && crit[k])
                continue;
            u = key_unif(g->o.seed, "kpi|%s|%s", pg->id, kmetric_names[k]);
            if (u < p_below[g->o.maturity])
                kp->state = KS_BELOW;
            else if (u < p_below[g->o.maturity] + p_decline[g->o.maturity] &&
                     (k == K_CSAT || k == K_NPS || k == K_FCR))
                kp->state = KS_DECLINE;
        }
        if (pg->k[K_ASA].state != KS_OK && pg->k[K_SL].state == KS_OK)
            pg->k[K_SL].state = pg->k[K_ASA].state;
        if (pg->k[K_WAPE].state != KS_OK && pg->k[K_FACC].state == KS_OK)
            pg->k[K_FACC].state = pg->k[K_WAPE].state;
        if (pg->k[K_DSAT].state != KS_OK && pg->k[K_CSAT].state == KS_OK)
            pg->k[K_CSAT].state = pg->k[K_DSAT].state;
        for (k = 0; k < K_COUNT; k++)
            design(g, pg, (enum kmetric)k);
    }
    return 1;
}

/* ------------------------------------------------- declared metrics */

static struct dplan *find_dplan(struct gen *g, const char *metric, int p)
{
    size_t i;
    for (i = 0; i < g->ndp; i++)
        if (g->dp[i].prog == p && strcmp(g->dp[i].metric, metric) == 0)
            return &g->dp[i];
    return NULL;
}

/* The program of a metric rule that a --break shows on (as apply_break
 * picks it), or -2 when the requirement is not broken. */
static int broken_program(const struct gen *g, const struct requirement *r,
                          const int *progs, size_t n)
{
    const struct gen_pick *b = gen_broken(g, r, -1);
    if (!b)
        return -2;
    if (b->program)
        return gen_find_program(g, b->program);
    return n > 1 ? progs[key_hash(g->o.seed, "break|%s", r->id) % n]
                 : n ? progs[0] : -2;
}

/*
 * Metrics the catalogue declares have no raw data: their values come
 * from metrics.csv, which the register part writes.  Each (metric,
 * program) that an applicable metric rule reads gets a plan against the
 * rule's fallback target: OK (above it by a margin that grows over the
 * year) or BELOW (under it, improving), by --break or by the maturity's
 * share of KPIs below target.  The margin is 40 % of the room between
 * the target and 100 (a percentage), between 0.2 and 5 points.
 */
static void plan_declared(struct gen *g)
{
    static const double p_below[MAT_COUNT] = { 0, 0.06, 0.40 };
    size_t cap = 0, i, j, k, n;
    int progs[GEN_MAX_PROGRAMS], t;

    for (i = 0; i < g->cat->nreqs; i++) {
        const struct requirement *r = &g->cat->reqs[i];
        if (!gen_req_applies(g, r))
            continue;
        for (j = 0; j < r->nrules; j++) {
            const struct rule *ru = &r->rules[j];
            int bp;
            if (ru->type != RULE_METRIC || !ru->has_fixed ||
                metric_find(ru->metric, strlen(ru->metric)) >= 0)
                continue;
            n = gen_rule_programs(g, r, ru, progs);
            bp = broken_program(g, r, progs, n);
            for (k = 0; k < n; k++) {
                struct dplan *d = find_dplan(g, ru->metric, progs[k]);
                if (!d) {
                    VEC_RESERVE(g->dp, cap, g->ndp + 1);
                    d = &g->dp[g->ndp++];
                    memset(d, 0, sizeof *d);
                    d->metric = ru->metric;
                    d->prog = progs[k];
                    d->op = ru->op;
                    d->target = ru->value;
                    d->state = KS_OK;
                    if (!(g->o.maturity == MAT_CONDITIONAL && r->critical) &&
                        key_unif(g->o.seed, "kpi|%s|%s", g->prog[progs[k]].id,
                                 ru->metric) < p_below[g->o.maturity])
                        d->state = KS_BELOW;
                }
                if (bp == progs[k])
                    d->state = KS_BELOW;
            }
        }
    }
    for (i = 0; i < g->ndp; i++) {
        struct dplan *d = &g->dp[i];
        double dir = d->op == OP_LE || d->op == OP_LT ? -1 : 1;
        double m = dir > 0 ? 0.4 * (100 - d->target) : 0.25 * d->target;
        struct rng r;
        m = clampd(m, 0.2, 5);
        rng_keyed(&r, g->o.seed, "design|%s|%s", g->prog[d->prog].id,
                  d->metric);
        for (t = 0; t < g->nmonths; t++) {
            double f = g->nmonths > 1 ? (double)t / (g->nmonths - 1) : 1;
            double noise = 0.05 * m * rng_normal(&r);
            d->v[t] = clampd(d->state == KS_OK
                                 ? d->target + dir * m * (0.7 + 0.6 * f) + noise
                                 : d->target - dir * m * (1.3 - 0.3 * f) + noise,
                             0, 100);
        }
    }
}

/* ------------------------------------------------------- people, size */

static void add_roles(struct gen *g)
{
    size_t i, j, cap = 0;

    for (i = 0; i < g->cat->nreqs; i++) {
        const char *role = g->cat->reqs[i].owner_role;
        int seen = 0;
        if (!role)
            continue;
        for (j = 0; j < g->nroles; j++)
            seen |= strcmp(g->roles[j].id, role) == 0;
        if (seen)
            continue;
        VEC_RESERVE(g->roles, cap, g->nroles + 1);
        g->roles[g->nroles].id = role;
        g->roles[g->nroles].person = text_person(g, role);
        g->nroles++;
    }
}

/*
 * Roster size from the workload: contacts x handle time / concurrency,
 * at 82 % occupancy (90 % for deferred work), 150 paid hours a month
 * and 32 % shrinkage (copc.md section 2).
 */
static void plan_headcount(struct gen *g)
{
    size_t i;
    for (i = 0; i < g->nprog; i++) {
        struct gen_program *pg = &g->prog[i];
        double volume = (double)g->o.contacts * pg->share;
        double aht = pg->k[K_AHT].target * 0.94 / pg->concurrency;
        double occ = pg->patience > 0 ? 0.82 : 0.90;
        double hours = volume * aht / 3600 / occ / (150 * 0.68);
        pg->headcount = (int)hours + 1;
        if (pg->headcount < 4)
            pg->headcount = 4;
    }
}

int gen_setup(struct gen *g)
{
    struct cg_errors errs = CG_ERRORS_INIT;
    size_t i;

    g->es = strcmp(g->o.lang, "es") == 0;
    g->cat = catalog_load(g->o.catalog, &errs);
    if (!g->cat) {
        struct strbuf sb = STRBUF_INIT;
        for (i = 0; i < errs.n; i++) {
            strbuf_truncate(&sb, 0);
            error_format(&errs.v[i], &sb);
            fprintf(stderr, "%s\n", strbuf_cstr(&sb));
        }
        strbuf_free(&sb);
        errors_free(&errs);
        return 0;
    }
    errors_free(&errs);
    if (!g->o.audit)
        g->o.audit = g->o.as_of + 135;
    /* Data months end with the as-of month (complete when as-of is its
     * last day, which is what an assessment normally uses). */
    g->nmonths = g->o.months;
    g->m0 = date_month(g->o.as_of) - (cg_month)(g->nmonths - 1);
    g->d0 = month_first_day(g->m0);
    g->d1 = g->o.as_of;
    if (!add_programs(g))
        return 0;
    for (i = 0; i < g->nprog; i++)
        set_targets(g, &g->prog[i]);
    if (!plan_kpis(g))
        return 0;
    plan_declared(g);
    plan_headcount(g);
    g->lead = g->o.lead ? xstrdup(g->o.lead) : text_person(g, "lead");
    add_roles(g);
    return 1;
}

void gen_print_plan(const struct gen *g, FILE *f)
{
    static const char *const states[] = { "ok", "below", "decline" };
    size_t i;
    int k, t;

    for (i = 0; i < g->nprog; i++) {
        const struct gen_program *pg = &g->prog[i];
        fprintf(f, "%s (%s): share %.3f, headcount %d\n", pg->id,
                channel_name(pg->channel), pg->share, pg->headcount);
        for (k = 0; k < K_COUNT; k++) {
            const struct kplan *kp = &pg->k[k];
            fprintf(f, "  %-18s %-7s", kmetric_names[k], states[kp->state]);
            if (kp->has_target)
                fprintf(f, " %s %-6g", cmp_op_symbol(kp->op), kp->target);
            else
                fprintf(f, " %-9s", "");
            for (t = 0; t < g->nmonths; t++)
                fprintf(f, " %.1f", kp->v[t]);
            fputc('\n', f);
        }
        for (k = 0; k < (int)g->ndp; k++) {
            const struct dplan *d = &g->dp[k];
            if (d->prog != (int)i)
                continue;
            fprintf(f, "  %-18s %-7s %s %-6g", d->metric, states[d->state],
                    cmp_op_symbol(d->op), d->target);
            for (t = 0; t < g->nmonths; t++)
                fprintf(f, " %.1f", d->v[t]);
            fputc('\n', f);
        }
    }
}

void gen_free(struct gen *g)
{
    size_t i;
    for (i = 0; i < g->nprog; i++) {
        free(g->prog[i].id);
        free(g->prog[i].name);
    }
    for (i = 0; i < g->nroles; i++)
        free(g->roles[i].person);
    free(g->roles);
    free(g->dp);
    free(g->lead);
    free(g->used_names);
    catalog_free(g->cat);
}
