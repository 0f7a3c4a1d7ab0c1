/*
 * test_assess_rules.c — the rule engine, one rule type at a time, on
 * tests/data/engine/{catalog,profile}.xml (as-of 2026-10-31, so the
 * six-month window is 2026-05..2026-10).  The organisation data is built
 * in memory so each case states exactly the rows behind its result.
 */
#include <string.h>

#include "check_main.h"
#include "copcgap/arena.h"
#include "copcgap/assess.h"
#include "copcgap/load.h"
#include "copcgap/stats.h"
#include "lang_fixture.h"

static struct catalog *cat;
static struct profile *prof;
static struct orgdata *org;
static struct report *rep;

static void setup(void)
{
    struct cg_errors errs = CG_ERRORS_INIT;
    struct arena *a;

    cat = catalog_load("tests/data/engine/catalog.xml", &errs);
    prof = profile_load("tests/data/engine/profile.xml", &errs);
    ck_assert_msg(cat && prof, "%s", errs.n ? errs.v[0].msg : "");
    a = arena_new();
    org = arena_calloc(a, 1, sizeof *org);
    org->arena = a;
    org->dir = "org";
    org->evidence_path = "evidence.csv";
    org->findings_path = "findings.csv";
    org->kpis = kpi_store_new();
    org->evidence = arena_calloc(a, 64, sizeof *org->evidence);
    org->findings = arena_calloc(a, 64, sizeof *org->findings);
    rep = NULL;
    errors_free(&errs);
}

static void teardown(void)
{
    report_free(rep);
    kpi_store_free(org->kpis);
    arena_free(org->arena);
    catalog_free(cat);
    profile_free(prof);
}

static cg_day day(const char *s)
{
    cg_day d = 0;
    ck_assert(date_parse(s, strlen(s), &d));
    return d;
}

static size_t req_index(const char *id)
{
    long i = catalog_find_req(cat, id, strlen(id));
    ck_assert_msg(i >= 0, "no requirement %s", id);
    return (size_t)i;
}

static struct evidence *add_ev(const char *req, int program, const char *kind,
                               const char *dated, int approved)
{
    struct evidence *ev = &org->evidence[org->nevidence++];
    memset(ev, 0, sizeof *ev);
    ev->line = (long)org->nevidence + 1;
    ev->id = arena_printf(org->arena, "EV%zu", org->nevidence);
    ev->reqs = arena_calloc(org->arena, 1, sizeof *ev->reqs);
    ev->reqs[0] = req_index(req);
    ev->nreqs = 1;
    ev->program = program;
    ev->kind = kind;
    ev->title = "Doc";
    ev->owner = "";
    ev->dated = day(dated);
    ev->approved = approved;
    ev->location = "";
    return ev;
}

static void add_finding(const char *req, int program, enum finding_result res,
                        enum finding_class cls, const char *note)
{
    struct finding *f = &org->findings[org->nfindings++];
    memset(f, 0, sizeof *f);
    f->line = (long)org->nfindings + 1;
    f->req = req_index(req);
    f->program = program;
    f->result = res;
    f->cls = cls;
    f->assessor = "Ana";
    f->note = note;
}

static void add_kpi_n(int program, const char *metric, const char *month,
                      double value, long long n)
{
    struct kpi_entry e;
    memset(&e, 0, sizeof e);
    e.program = program;
    e.metric = metric;
    ck_assert(month_parse(month, 7, &e.month));
    e.value = value;
    e.n = n;
    e.file = "metrics.csv";
    ck_assert(kpi_store_add(org->kpis, &e) == NULL);
}

static void add_kpi(int program, const char *metric, const char *month,
                    double value)
{
    add_kpi_n(program, metric, month, value, 100);
}

static void add_kpis(int program, const char *metric, const double *v,
                     int n, const char *first)
{
    cg_month m;
    int i;
    ck_assert(month_parse(first, 7, &m));
    for (i = 0; i < n; i++) {
        char buf[MONTH_BUF];
        if (v[i] < 0)
            continue;           /* -1 marks a month without data */
        month_format(m + i, buf);
        add_kpi(program, metric, buf, v[i]);
    }
}

static const struct rule_result *run(const char *req)
{
    struct cg_errors errs = CG_ERRORS_INIT;
    rep = report_new(cat, prof, en());
    ck_assert(assess_scope(rep, &errs));
    ck_assert_msg(assess_run(rep, org, &errs), "%s",
                  errs.n ? errs.v[0].msg : "");
    errors_free(&errs);
    return &rep->reqs[req_index(req)].rules[0];
}

/* Evaluates `res` once: it is often a call to run(). */
#define ASSERT_RESULT(res, st, sc)                                        \
    do {                                                                  \
        const struct rule_result *res_ = (res);                           \
        ck_assert_msg(res_->status == (st), "status %s, trace: %s",       \
                      rule_status_name(res_->status), txt(res_->trace));  \
        ck_assert_double_eq_tol(res_->score, (sc), 1e-9);                 \
    } while (0)

#define ASSERT_TRACE(res, text)                                           \
    ck_assert_msg(strstr(txt((res)->trace), (text)) != NULL,              \
                  "trace \"%s\" lacks \"%s\"", txt((res)->trace), (text))

/* ---------------------------------------------------------- evidence */

START_TEST(evidence_exactly_max_age_is_valid)
{
    /* 2025-10-31 to 2026-10-31 is 365 days: still within max-age 365. */
    const struct rule_result *res;
    add_ev("E1", -1, "policy", "2025-10-31", 1);
    res = run("E1");
    ASSERT_RESULT(res, RS_PASS, 1);
    ASSERT_TRACE(res, "“Doc” (EV1, policy, dated 31 Oct 2025): approved, "
                      "365 days old ≤ 365");
}
END_TEST

START_TEST(evidence_one_day_older_is_stale)
{
    const struct rule_result *res;
    add_ev("E1", -1, "policy", "2025-10-30", 1);
    res = run("E1");
    ASSERT_RESULT(res, RS_FAIL, 0);
    ASSERT_TRACE(res, "366 days old > 365: too old");
    ck_assert(rep->evidence[0].flags & EVF_STALE);
}
END_TEST

START_TEST(evidence_counted_by_one_rule_is_not_stale)
{
    /* E5: minutes must be at most 45 days old for one rule and 190 for
     * the other.  Minutes 100 days old fail the first and count for the
     * second, so the register does not call them stale; minutes 200 days
     * old count for neither and are stale. */
    add_ev("E5", -1, "minutes", "2026-07-23", 1);   /* 100 days */
    add_ev("E5", -1, "minutes", "2026-04-14", 1);   /* 200 days */
    run("E5");
    ck_assert_int_eq(rep->reqs[req_index("E5")].rules[0].status, RS_FAIL);
    ck_assert_int_eq(rep->reqs[req_index("E5")].rules[1].status, RS_PASS);
    ck_assert(!(rep->evidence[0].flags & EVF_STALE));
    ck_assert(rep->evidence[0].flags & EVF_COUNTED);
    ck_assert(rep->evidence[1].flags & EVF_STALE);
}
END_TEST

START_TEST(evidence_expiring_on_as_of_is_still_valid)
{
    struct evidence *ev = add_ev("E1", -1, "policy", "2026-06-01", 1);
    ev->has_expires = 1;
    ev->expires = day("2026-10-31");
    ASSERT_RESULT(run("E1"), RS_PASS, 1);
}
END_TEST

START_TEST(evidence_expired_the_day_before_fails)
{
    struct evidence *ev = add_ev("E1", -1, "policy", "2026-06-01", 1);
    const struct rule_result *res;
    ev->has_expires = 1;
    ev->expires = day("2026-10-30");
    res = run("E1");
    ASSERT_RESULT(res, RS_FAIL, 0);
    ASSERT_TRACE(res, "expired on 30 Oct 2026");
}
END_TEST

START_TEST(evidence_unapproved_or_tampered_does_not_count)
{
    struct evidence *ev;
    const struct rule_result *res;
    add_ev("E1", -1, "policy", "2026-06-01", 0);
    ev = add_ev("E1", -1, "policy", "2026-06-01", 1);
    ev->integrity = INTEG_MISMATCH;
    ev->sha256 = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    ev->actual_sha256 = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    res = run("E1");
    ASSERT_RESULT(res, RS_FAIL, 0);
    ck_assert(rep->evidence[0].flags & EVF_UNAPPROVED);
    ck_assert(rep->evidence[1].flags & EVF_CHANGED);
    ck_assert_msg(strstr(txt(res->details[1]), "the file changed after it "
                                               "was registered") != NULL,
                  "%s", txt(res->details[1]));
}
END_TEST

START_TEST(evidence_file_named_but_absent_does_not_count)
{
    /* No digest given, but the location names a file that is not in the
     * folder: the row proves nothing. */
    struct evidence *ev = add_ev("E1", -1, "policy", "2026-06-01", 1);
    const struct rule_result *res;
    ev->location = "evidence/gone.pdf";
    ev->file_present = 0;
    res = run("E1");
    ASSERT_RESULT(res, RS_FAIL, 0);
    ASSERT_TRACE(res, "the file evidence/gone.pdf is missing");
    ck_assert(rep->evidence[0].flags & EVF_MISSING);
}
END_TEST

START_TEST(evidence_other_kinds_or_requirements_are_no_data)
{
    const struct rule_result *res;
    add_ev("E1", -1, "procedure", "2026-06-01", 1);   /* wrong kind */
    add_ev("E2", -1, "policy", "2026-06-01", 1);      /* wrong requirement */
    res = run("E1");
    ASSERT_RESULT(res, RS_NO_DATA, 0);
    ASSERT_TRACE(res, "no policy offered for E1");
    ck_assert_int_eq(rep->reqs[req_index("E1")].status, REQ_NOT_EVIDENCED);
}
END_TEST

START_TEST(evidence_min_count_gives_partial_credit)
{
    /* min-count 2, one valid row of either kind: 1/2 = 0.5. */
    add_ev("E2", -1, "record", "2026-06-01", 1);
    ASSERT_RESULT(run("E2"), RS_PARTIAL, 0.5);
}
END_TEST

START_TEST(evidence_per_program_needs_each_program)
{
    /* voice has its own procedure; chat has only a site-wide one, which
     * does not count for a per-program rule: 1 of 2 programs. */
    const struct rule_result *res;
    add_ev("E3", 0, "procedure", "2026-06-01", 1);
    add_ev("E3", -1, "procedure", "2026-06-01", 1);
    res = run("E3");
    ASSERT_RESULT(res, RS_PARTIAL, 0.5);
    ASSERT_TRACE(res, "voice 1/1 valid; chat 0/1 valid (none offered)");
}
END_TEST

START_TEST(evidence_approval_waived)
{
    add_ev("E4", -1, "plan", "2026-06-01", 0);
    ASSERT_RESULT(run("E4"), RS_PASS, 1);
}
END_TEST

/* ---------------------------------------------------------- findings */

START_TEST(findings_map_to_scores)
{
    static const struct { enum finding_result r; enum rule_status st;
                          double score; } cases[] = {
        { FR_MET, RS_PASS, 1 },
        { FR_PARTIAL, RS_PARTIAL, 0.5 },
        { FR_NOT_MET, RS_FAIL, 0 },
        { FR_NA, RS_NA, 0 },
    };
    size_t i;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        org->nfindings = 0;
        add_finding("F1", -1, cases[i].r, FC_MINOR_NC, "seen on the floor");
        ASSERT_RESULT(run("F1"), cases[i].st, cases[i].score);
        report_free(rep);
        rep = NULL;
    }
}
END_TEST

START_TEST(finding_absent_is_no_data_and_class_is_kept)
{
    const struct rule_result *res = run("F1");
    ASSERT_RESULT(res, RS_NO_DATA, 0);
    report_free(rep);
    add_finding("F1", -1, FR_NOT_MET, FC_MAJOR_NC, "no root-cause analysis");
    add_finding("F1", 0, FR_MET, FC_OBSERVATION, "");
    res = run("F1");
    /* Site-wide rule: mean of both findings = 0.5. */
    ASSERT_RESULT(res, RS_PARTIAL, 0.5);
    ck_assert_int_eq(rep->reqs[req_index("F1")].finding_class, FC_MAJOR_NC);
    ASSERT_TRACE(res, "assessor finding “not met” by Ana (major "
                      "nonconformity): “no root-cause analysis”");
}
END_TEST

START_TEST(finding_per_program_falls_back_to_site_wide)
{
    add_finding("F2", 1, FR_NOT_MET, FC_NONE, "");
    add_finding("F2", -1, FR_MET, FC_NONE, "");
    /* voice uses the site-wide met, chat its own not-met: 0.5. */
    ASSERT_RESULT(run("F2"), RS_PARTIAL, 0.5);
}
END_TEST

/* ----------------------------------------------------------- metrics */

START_TEST(metric_each_month_against_program_target)
{
    /* voice: target >= 80 from the profile; chat has no target and M1
     * gives no default: chat cannot pass (no target). */
    static const double voice[] = { 70, 81, 82, 83, 84, 85, 86 };
    const struct rule_result *res;
    add_kpis(0, "service_level", voice, 7, "2026-04");  /* 04 outside */
    res = run("M1");
    ASSERT_RESULT(res, RS_PARTIAL, 0.5);
    ASSERT_TRACE(res, "voice: 6/6 months ≥ 80 (program target)");
    ASSERT_TRACE(res, "chat: no data");
    ck_assert_msg(strstr(txt(res->details[0]), "service level voice May 2026 "
                                               "= 81 ≥ 80 (program target)"),
                  "%s", txt(res->details[0]));
}
END_TEST

START_TEST(metric_missing_month_is_no_data_not_pass)
{
    static const double voice[] = { 81, 82, -1, 83, 84, 85 };
    const struct rule_result *res;
    add_kpis(0, "service_level", voice, 6, "2026-05");
    res = run("M1");
    /* voice 5 of 6 months = 5/6; chat 0: (5/6 + 0) / 2 */
    ASSERT_RESULT(res, RS_PARTIAL, 5.0 / 12.0);
    ASSERT_TRACE(res, "voice: 5/6 months ≥ 80 (program target), "
                      "1 month without data");
    ck_assert_int_eq(res->months_short, 6);     /* chat: no target */
}
END_TEST

START_TEST(metric_at_least_with_fallback_target)
{
    /* M2: at least 4 of 6 months >= program target, else >= 75. */
    static const double voice[] = { 79, 79, 81, 81, 81, 81 };
    static const double chat[] = { 76, 76, 76, 74, 74, 74 };
    const struct rule_result *res;
    add_kpis(0, "service_level", voice, 6, "2026-05");
    add_kpis(1, "service_level", chat, 6, "2026-05");
    res = run("M2");
    /* voice 4/4 -> 1; chat 3 of the 4 needed -> 0.75; both 600 of
     * volume: mean 0.875 */
    ASSERT_RESULT(res, RS_PARTIAL, 0.875);
    ASSERT_TRACE(res, "chat: 3 of 6 months ≥ 75 (catalogue default, the "
                      "program sets none), 4 needed, off target in Aug 2026 "
                      "= 74, Sep 2026 = 74, Oct 2026 = 74");
    /* chat passed May-Jul and failed Aug-Oct: as the window moves the
     * good months leave it too, so four new good months are needed
     * (after 3 the window holds Jul and 3 new: still 4 needed... 4). */
    ck_assert_int_eq(res->months_short, 4);
}
END_TEST

START_TEST(metric_mean_of_the_window)
{
    /* M3: mean of the last 3 months <= 300. voice (290+300+320)/3 =
     * 303.333333 fails; chat (250+260+270)/3 = 260 passes. */
    static const double voice[] = { 290, 300, 320 };
    static const double chat[] = { 250, 260, 270 };
    const struct rule_result *res;
    add_kpis(0, "aht", voice, 3, "2026-08");
    add_kpis(1, "aht", chat, 3, "2026-08");
    res = run("M3");
    ASSERT_RESULT(res, RS_PARTIAL, 0.5);
    ASSERT_TRACE(res, "voice: mean 303.33 over 3 months > 300 "
                      "(catalogue target)");
}
END_TEST

START_TEST(metric_latest_month_only)
{
    add_kpi(0, "unverified_agents", "2026-09", 2);
    add_kpi(0, "unverified_agents", "2026-10", 0);
    add_kpi(1, "unverified_agents", "2026-10", 0);
    ASSERT_RESULT(run("M4"), RS_PASS, 1);
    add_kpi(1, "unverified_agents", "2026-11", 3);  /* after the window */
    report_free(rep);
    ASSERT_RESULT(run("M4"), RS_PASS, 1);
}
END_TEST

START_TEST(metric_channels_limit_programs)
{
    const struct rule_result *res;
    static const double voice[] = { 4, 4, 4, 4, 4, 4 };
    add_kpis(0, "abandon_rate", voice, 6, "2026-05");
    ASSERT_RESULT(run("M5"), RS_PASS, 1);       /* chat is not in scope */
    res = &rep->reqs[req_index("M6")].rules[0];
    ck_assert_int_eq(res->status, RS_NA);       /* no email program */
    ck_assert_int_eq(rep->reqs[req_index("M6")].status, REQ_NA);
}
END_TEST

START_TEST(window_ends_at_last_complete_month)
{
    ck_assert_int_eq(assess_window_end(day("2026-10-31")),
                     month_from_ym(2026, 10));
    ck_assert_int_eq(assess_window_end(day("2026-10-30")),
                     month_from_ym(2026, 9));
    ck_assert_int_eq(assess_window_end(day("2026-01-01")),
                     month_from_ym(2025, 12));
    ck_assert_int_eq(assess_window_end(day("2024-02-29")),
                     month_from_ym(2024, 2));
}
END_TEST

/* -------------------------------------------------- trend and sample */

START_TEST(trend_slope_sign)
{
    /* csat: higher is better.  voice 80,81,...,85: slope +1; chat
     * 90,88,86,84: slope -2 on a straight line (no error to test), so
     * getting worse.  By volume (n 100 a month): voice 600, chat 400:
     * 0.6. */
    static const double voice[] = { 80, 81, 82, 83, 84, 85 };
    static const double chat[] = { 90, 88, 86, 84 };
    const struct rule_result *res;
    add_kpis(0, "csat", voice, 6, "2026-05");
    add_kpis(1, "csat", chat, 4, "2026-07");
    res = run("T1");
    ASSERT_RESULT(res, RS_PARTIAL, 0.6);
    ASSERT_TRACE(res, "voice: slope +1 per month over 6 months, not worse");
    ASSERT_TRACE(res, "chat: slope -2 per month over 4 months, every point "
                      "on the line: getting worse");
}
END_TEST

START_TEST(trend_tolerance_and_too_few_points)
{
    /* attrition: lower is better, tolerance 0.5/month.  voice rises
     * 0.4/month: tolerated.  chat has 2 months < min-points 3.  By
     * volume: voice 400, chat 200: 2/3. */
    static const double voice[] = { 2.0, 2.4, 2.8, 3.2 };
    static const double chat[] = { 1, 9 };
    const struct rule_result *res;
    add_kpis(0, "attrition", voice, 4, "2026-07");
    add_kpis(1, "attrition", chat, 2, "2026-09");
    res = run("T2");
    ASSERT_RESULT(res, RS_PARTIAL, 2.0 / 3.0);
    ASSERT_TRACE(res, "chat: 2 months with data, 3 needed");
}
END_TEST

START_TEST(sample_margin_of_error)
{
    /* max-moe 5 over 2 months: voice 3.9 and 4.2 pass; chat 6.1 fails
     * and has no data in 2026-10: voice 2/2, chat 0/2; by volume (200
     * and 100 evaluations) 2/3. */
    const struct rule_result *res;
    add_kpi(0, "euc_moe", "2026-09", 3.9);
    add_kpi(0, "euc_moe", "2026-10", 4.2);
    add_kpi(1, "euc_moe", "2026-09", 6.1);
    add_kpi(0, "euc_accuracy", "2026-10", 95);
    add_kpi(0, "offered", "2026-10", 4000);
    add_kpi(0, "abandon_rate", "2026-10", 0);
    res = run("S1");
    ASSERT_RESULT(res, RS_PARTIAL, 2.0 / 3.0);
    ASSERT_TRACE(res, "voice: 2/2 months within 5 points [66.7 % of the "
                      "volume]; chat: 0/2 months within 5 points, 1 month "
                      "without data [33.3 % of the volume]");
    /* p 0.95, e 0.05, N 4000: n0 = 72.99, n = 72.99 / (1 + 71.99 / 4000)
     * = 71.7 -> 72 */
    ck_assert_msg(strstr(txt(res->details[1]), "N = 4000: 72)"), "%s",
                  txt(res->details[1]));
}
END_TEST

START_TEST(required_sample_size_vectors)
{
    /* docs/kpis.md, "Sample size" (z = 1.96). */
    ck_assert_int_eq(assess_required_sample(1.96, 0.95, 0.01, 4000), 1254);
    ck_assert_int_eq(assess_required_sample(1.96, 0.95, 0.02, 4000), 410);
    ck_assert_int_eq(assess_required_sample(1.96, 0.5, 0.01, 4000), 2825);
    ck_assert_int_eq(assess_required_sample(1.96, 0.95, 0.01, 80000), 1785);
    ck_assert_int_eq(assess_required_sample(1.96, 0.5, 0.05, 0), 385);
}
END_TEST

/* ------------------------------------------------------------ checks */

START_TEST(check_per_program_three_valued)
{
    /* voice: kpi(csat) in 2026-10 = 90 >= 85, mean of 09-10 = 87.5:
     * true.  chat: 2026-10 missing -> kpi() no data -> and gives no data
     * unless the other side is false: mean of 09 alone = 70 < 80, so
     * false.  1 of 2 programs true. */
    const struct rule_result *res;
    add_kpi(0, "csat", "2026-09", 85);
    add_kpi(0, "csat", "2026-10", 90);
    add_kpi(1, "csat", "2026-09", 70);
    res = run("C1");
    ASSERT_RESULT(res, RS_PARTIAL, 0.5);
    ASSERT_TRACE(res, "voice true; chat false");
}
END_TEST

START_TEST(check_site_wide_facts)
{
    const struct rule_result *res = run("C2");
    ASSERT_RESULT(res, RS_FAIL, 0);     /* no policy offered for C2 */
    report_free(rep);
    add_ev("C2", -1, "policy", "2026-06-01", 1);
    res = run("C2");
    ASSERT_RESULT(res, RS_PASS, 1);
}
END_TEST

/* One input value changes exactly the statuses it should. */
START_TEST(one_month_below_target_changes_only_its_requirements)
{
    static const double voice[] = { 81, 82, 83, 84, 85, 86 };
    static const double chat[] = { 90, 90, 90, 90, 90, 90 };
    enum req_status before[64], after[64];
    size_t i, changed = 0;

    add_kpis(0, "service_level", voice, 6, "2026-05");
    add_kpis(1, "service_level", chat, 6, "2026-05");
    run("M1");
    for (i = 0; i < cat->nreqs; i++)
        before[i] = rep->reqs[i].status;
    report_free(rep);
    /* voice 2026-08 drops to 78.4 (< 80): M7 (voice, each month) and
     * W1, W2 (both programs, each month >= 80) go from met to partial;
     * M1 (already partial: chat has no target) only loses score; M2 (4
     * of 6) still passes with 5 of 6. */
    kpi_store_free(org->kpis);
    org->kpis = kpi_store_new();
    {
        static const double voice2[] = { 81, 82, 83, 78.4, 85, 86 };
        add_kpis(0, "service_level", voice2, 6, "2026-05");
        add_kpis(1, "service_level", chat, 6, "2026-05");
    }
    run("M1");
    for (i = 0; i < cat->nreqs; i++) {
        after[i] = rep->reqs[i].status;
        if (after[i] != before[i]) {
            changed++;
            ck_assert_msg(strcmp(cat->reqs[i].id, "M7") == 0 ||
                          strcmp(cat->reqs[i].id, "W1") == 0 ||
                          strcmp(cat->reqs[i].id, "W2") == 0,
                          "%s changed", cat->reqs[i].id);
        }
    }
    ck_assert_uint_eq(changed, 3);
    ck_assert_int_eq(before[req_index("M7")], REQ_MET);
    ck_assert_int_eq(after[req_index("M7")], REQ_PARTIAL);
    ck_assert_int_eq(after[req_index("M2")], REQ_MET);
    ck_assert_double_eq_tol(rep->reqs[req_index("M1")].score, 5.0 / 12.0,
                            1e-9);
    ck_assert_msg(strstr(txt(rep->reqs[req_index("M1")].rules[0].details[3]),
                         "service level voice Aug 2026 = 78.4 < 80 (program "
                         "target)") != NULL, "%s",
                  txt(rep->reqs[req_index("M1")].rules[0].details[3]));
}
END_TEST

/* ------------------------------------------- one policy, decided once */

START_TEST(check_evidence_ignores_a_missing_file)
{
    /* evidence() and evidence rules share one validity predicate: a row
     * naming a file that is not there counts for neither (evidence()
     * used to count it when no digest was given). */
    const struct rule_result *res;
    struct evidence *ev = add_ev("C2", -1, "policy", "2026-06-01", 1);
    ev->location = "evidence/gone.pdf";
    ev->file_present = 0;
    res = run("C2");
    ASSERT_RESULT(res, RS_FAIL, 0);
    ck_assert(rep->evidence[0].flags & EVF_MISSING);
    ck_assert(rep->evidence[0].flags & EVF_USED);
    ck_assert(!(rep->evidence[0].flags & EVF_COUNTED));
}
END_TEST

START_TEST(index_flags_integrity_of_rows_no_rule_reads)
{
    /* No rule asks for a memo: the changed and the missing file are
     * still the register's problems, and no rule used either row. */
    struct evidence *a = add_ev("E1", -1, "memo", "2026-06-01", 1);
    struct evidence *b = add_ev("E1", -1, "memo", "2026-06-01", 1);
    a->location = "evidence/memo.pdf";
    a->file_present = 1;
    a->sha256 = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    a->actual_sha256 = a->sha256 + 1;
    a->integrity = INTEG_MISMATCH;
    b->location = "evidence/gone.pdf";
    b->file_present = 0;
    run("E1");
    ck_assert(rep->evidence[0].flags & EVF_CHANGED);
    ck_assert(rep->evidence[1].flags & EVF_MISSING);
    ck_assert(!(rep->evidence[0].flags & EVF_USED));
    ck_assert(!(rep->evidence[1].flags & EVF_USED));
    ck_assert_uint_eq(rep->evidence_problems, 2);
}
END_TEST

START_TEST(finding_rule_on_no_program_is_not_applicable)
{
    /* F3 reads findings for email programs; the site has none.  Like
     * every other rule type it is n/a, not a gap that blocks the
     * verdict (it used to be not evidenced). */
    const struct rule_result *res = run("F3");
    ASSERT_RESULT(res, RS_NA, 0);
    ck_assert_int_eq(rep->reqs[req_index("F3")].status, REQ_NA);
    ck_assert_uint_eq(res->nprograms, 0);
    ck_assert_str_eq(res->trace->key, "trace.na.no_program");
}
END_TEST

START_TEST(metric_values_without_a_target_fail)
{
    /* M1 judges each program against its own target; chat has values
     * but no target, and M1 gives no default: that is a fail ("no
     * target set"), not missing data. */
    static const double chat[] = { 90, 91, 92, 93, 94, 95 };
    const struct rule_result *res;
    add_kpis(1, "service_level", chat, 6, "2026-05");
    res = run("M1");
    ASSERT_RESULT(res, RS_FAIL, 0);
    ASSERT_TRACE(res, "chat: no target set for service level");
    ASSERT_TRACE(res, "voice: 0/6 months ≥ 80 (program target), 6 months "
                      "without data");
}
END_TEST

/* ------------------------------------------ judged like an auditor */

START_TEST(trend_decline_must_be_significant)
{
    /* Worked independently (least squares by hand, Student's t from a
     * table): voice 80, 79.2, 80.4, 78.9, 79.6, 78.8: slope -0.18,
     * SE 0.14349, t = 1.254 < t(0.95, 4 df) = 2.1318: noise, passes.
     * chat 85, 84.1, 83.2, 82.6, 81.4, 80.9: slope -0.834286,
     * SE 0.036403, t = 22.92: a real decline, fails.  Equal weights. */
    static const double voice[] = { 80, 79.2, 80.4, 78.9, 79.6, 78.8 };
    static const double chat[] = { 85, 84.1, 83.2, 82.6, 81.4, 80.9 };
    const struct rule_result *res;
    add_kpis(0, "csat", voice, 6, "2026-05");
    add_kpis(1, "csat", chat, 6, "2026-05");
    res = run("T3");
    ASSERT_RESULT(res, RS_PARTIAL, 0.5);
    ASSERT_TRACE(res, "voice: slope -0.18 per month over 6 months (standard "
                      "error 0.143), not a significant decline: t = 1.25 "
                      "≤ 2.13 (95 % one-sided, 4 df)");
    ASSERT_TRACE(res, "chat: slope -0.834 per month over 6 months (standard "
                      "error 0.036), getting worse: t = 22.92 > 2.13");
}
END_TEST

START_TEST(t_quantiles_match_the_tables)
{
    /* One-sided critical values of Student's t (any statistics table). */
    ck_assert_double_eq_tol(stats_t_quantile(0.95, 1), 6.313752, 1e-5);
    ck_assert_double_eq_tol(stats_t_quantile(0.95, 4), 2.131847, 1e-5);
    ck_assert_double_eq_tol(stats_t_quantile(0.95, 10), 1.812461, 1e-5);
    ck_assert_double_eq_tol(stats_t_quantile(0.975, 30), 2.042272, 1e-5);
    ck_assert_double_eq_tol(stats_t_cdf(0, 7), 0.5, 1e-12);
}
END_TEST

START_TEST(programs_weigh_by_volume)
{
    /* voice fails all six months with 300 contacts a month, chat passes
     * with 100: by volume 1 x 600 / 2400 = 0.25; equally 0.5. */
    static const char *const months[] = {
        "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"
    };
    int i;
    for (i = 0; i < 6; i++) {
        add_kpi_n(0, "service_level", months[i], 70, 300);
        add_kpi_n(1, "service_level", months[i], 90, 100);
    }
    ASSERT_RESULT(run("W1"), RS_PARTIAL, 0.25);
    ASSERT_TRACE(&rep->reqs[req_index("W1")].rules[0],
                 "[75.0 % of the volume]");
    report_free(rep);
    ASSERT_RESULT(run("W2"), RS_PARTIAL, 0.5);
}
END_TEST

START_TEST(cadence_needs_every_month)
{
    /* Minutes in Aug and Oct, none in Sep: 2 of the 3 months; Sep must
     * leave the window: two more good months.  One minute alone (the old
     * "one document passes a monthly practice") covers one month. */
    const struct rule_result *res;
    add_ev("K1", -1, "minutes", "2026-08-20", 1);
    add_ev("K1", -1, "minutes", "2026-10-05", 1);
    add_ev("K1", -1, "minutes", "2026-10-06", 0);   /* unapproved */
    res = run("K1");
    ASSERT_RESULT(res, RS_PARTIAL, 2.0 / 3.0);
    ASSERT_TRACE(res, "2 of 3 months (none in Sep 2026)");
    ck_assert_int_eq(res->months_short, 2);
    report_free(rep);
    rep = NULL;
    org->nevidence = 1;
    res = run("K1");
    ASSERT_RESULT(res, RS_PARTIAL, 1.0 / 3.0);
    report_free(rep);
    rep = NULL;
    org->nevidence = 0;
    ASSERT_RESULT(run("K1"), RS_NO_DATA, 0);
}
END_TEST

START_TEST(cadence_per_program)
{
    const struct rule_result *res;
    add_ev("K2", 0, "minutes", "2026-08-20", 1);
    add_ev("K2", 0, "minutes", "2026-09-20", 1);
    add_ev("K2", 0, "minutes", "2026-10-20", 1);
    res = run("K2");
    /* voice 3/3, chat 0/3 */
    ASSERT_RESULT(res, RS_PARTIAL, 0.5);
    ASSERT_TRACE(res, "voice: 3 of 3 months; chat: 0 of 3 months");
}
END_TEST

START_TEST(certificates_are_valid_until_they_expire)
{
    /* validity="expires": a 2025 ISO certificate valid until 2027 counts
     * although it is 669 days old; without an expiry date the 365-day
     * age applies. */
    const struct rule_result *res;
    struct evidence *ev = add_ev("E6", -1, "certificate", "2025-01-01", 1);
    ev->has_expires = 1;
    ev->expires = day("2027-12-31");
    res = run("E6");
    ASSERT_RESULT(res, RS_PASS, 1);
    report_free(rep);
    rep = NULL;
    ev->has_expires = 0;
    ASSERT_RESULT(run("E6"), RS_FAIL, 0);
}
END_TEST

START_TEST(sample_precision_relative_to_target)
{
    /* voice targets bc_accuracy >= 98: its margin may be 100 - 98 = 2
     * points; 1.8 passes.  chat sets no target: no target set. */
    const struct rule_result *res;
    add_kpi(0, "bc_moe", "2026-10", 1.8);
    add_kpi(1, "bc_moe", "2026-10", 1.0);
    res = run("S2");
    ASSERT_RESULT(res, RS_PARTIAL, 0.5);
    ASSERT_TRACE(res, "voice: 1/1 month within 2 points");
    ASSERT_TRACE(res, "chat: no target set for business critical accuracy");
}
END_TEST

START_TEST(has_says_whether_a_fact_exists)
{
    /* voice measures csat (90: passes); chat does not measure it, which
     * the rule allows. */
    add_kpi(0, "csat", "2026-10", 90);
    ASSERT_RESULT(run("C3"), RS_PASS, 1);
}
END_TEST

START_TEST(scope_exclusion_for_one_program)
{
    struct cg_errors errs = CG_ERRORS_INIT;
    static const double voice[] = { 81, 82, 83, 84, 85, 86 };
    const struct rule_result *res;

    profile_free(prof);
    prof = profile_load("tests/data/engine/profile-scoped.xml", &errs);
    ck_assert_ptr_nonnull(prof);
    add_kpis(0, "service_level", voice, 6, "2026-05");
    res = run("M1");
    /* chat is out of M1's scope: voice alone decides. */
    ASSERT_RESULT(res, RS_PASS, 1);
    ck_assert_uint_eq(res->nprograms, 1);
    ck_assert_uint_eq(rep->why.exclusions[0].nreqs, 1);
    errors_free(&errs);
}
END_TEST

static Suite *rules_suite(void)
{
    Suite *s = suite_create("assess_rules");
    TCase *tc = tcase_create("rules");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, check_evidence_ignores_a_missing_file);
    tcase_add_test(tc, trend_decline_must_be_significant);
    tcase_add_test(tc, t_quantiles_match_the_tables);
    tcase_add_test(tc, programs_weigh_by_volume);
    tcase_add_test(tc, cadence_needs_every_month);
    tcase_add_test(tc, cadence_per_program);
    tcase_add_test(tc, certificates_are_valid_until_they_expire);
    tcase_add_test(tc, sample_precision_relative_to_target);
    tcase_add_test(tc, has_says_whether_a_fact_exists);
    tcase_add_test(tc, scope_exclusion_for_one_program);
    tcase_add_test(tc, index_flags_integrity_of_rows_no_rule_reads);
    tcase_add_test(tc, finding_rule_on_no_program_is_not_applicable);
    tcase_add_test(tc, metric_values_without_a_target_fail);
    tcase_add_test(tc, evidence_exactly_max_age_is_valid);
    tcase_add_test(tc, evidence_one_day_older_is_stale);
    tcase_add_test(tc, evidence_counted_by_one_rule_is_not_stale);
    tcase_add_test(tc, evidence_expiring_on_as_of_is_still_valid);
    tcase_add_test(tc, evidence_expired_the_day_before_fails);
    tcase_add_test(tc, evidence_unapproved_or_tampered_does_not_count);
    tcase_add_test(tc, evidence_file_named_but_absent_does_not_count);
    tcase_add_test(tc, evidence_other_kinds_or_requirements_are_no_data);
    tcase_add_test(tc, evidence_min_count_gives_partial_credit);
    tcase_add_test(tc, evidence_per_program_needs_each_program);
    tcase_add_test(tc, evidence_approval_waived);
    tcase_add_test(tc, findings_map_to_scores);
    tcase_add_test(tc, finding_absent_is_no_data_and_class_is_kept);
    tcase_add_test(tc, finding_per_program_falls_back_to_site_wide);
    tcase_add_test(tc, metric_each_month_against_program_target);
    tcase_add_test(tc, metric_missing_month_is_no_data_not_pass);
    tcase_add_test(tc, metric_at_least_with_fallback_target);
    tcase_add_test(tc, metric_mean_of_the_window);
    tcase_add_test(tc, metric_latest_month_only);
    tcase_add_test(tc, metric_channels_limit_programs);
    tcase_add_test(tc, window_ends_at_last_complete_month);
    tcase_add_test(tc, trend_slope_sign);
    tcase_add_test(tc, trend_tolerance_and_too_few_points);
    tcase_add_test(tc, sample_margin_of_error);
    tcase_add_test(tc, required_sample_size_vectors);
    tcase_add_test(tc, check_per_program_three_valued);
    tcase_add_test(tc, check_site_wide_facts);
    tcase_add_test(tc, one_month_below_target_changes_only_its_requirements);
    suite_add_tcase(s, tc);
    return s;
}

CG_TEST_MAIN(rules_suite)
