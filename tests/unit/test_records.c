/*
 * test_records.c — org_load: evidence.csv (ids, requirement lists,
 * locations, SHA-256 integrity), findings.csv, metrics.csv (duplicates,
 * values also derived from raw data, catalogue-declared names), the
 * round trip of `copcgap kpi` output through metrics.csv, and every
 * check's located message.
 */
#include <math.h>
#include <string.h>

#include "check_main.h"
#include "copcgap/catalog.h"
#include "copcgap/org.h"
#include "copcgap/load.h"
#include "org_fixture.h"

/* Two requirements and one declared metric ("occupancy"). */
static const char catalog_xml[] =
    "<?xml version='1.0' encoding='UTF-8'?>"
    "<catalog id='t' version='1' publisher='p'><title>T</title>"
    "<metrics><metric name='occupancy' unit='%' better='none'/></metrics>"
    "<category id='1'><title>c</title>"
    "<requirement id='1.1'><title>a</title><rules><finding/></rules>"
    "</requirement>"
    "<requirement id='1.2'><title>b</title><rules><finding/></rules>"
    "</requirement></category></catalog>";

#define EVIDENCE_HEAD "id,requirements,program,kind,title,owner,dated," \
                      "approved,expires,location,sha256\n"
#define FINDINGS_HEAD "requirement,program,result,assessor,dated,note," \
                      "class\n"
#define METRICS_HEAD "program,metric,period,value,n\n"
/* sha256sum of "plan v1\n" */
#define PLAN_SHA \
    "310c3b1f10b8964468e6710b4f9eebc5024dc0ceb6c6f0713ba13bfdec23f629"
#define PLAN_SHA_UPPER \
    "310C3B1F10B8964468E6710B4F9EEBC5024DC0CEB6C6F0713BA13BFDEC23F629"

struct loaded {
    struct fixture fx;
    struct profile *p;
    struct catalog *c;
    struct orgdata *o;
    struct cg_errors errs;
    char *errors;           /* formatted, folder shown as ORG */
};

static void setup(struct loaded *l)
{
    struct cg_errors init = CG_ERRORS_INIT;
    char *path = write_temp(".xml", catalog_xml);

    memset(l, 0, sizeof *l);
    l->errs = init;
    l->c = catalog_load(path, &l->errs);
    ck_assert_msg(l->c != NULL, "%s", l->errs.n ? l->errs.v[0].msg : "");
    unlink(path);
    free(path);
    fixture_new(&l->fx);
    l->p = fixture_profile(&l->fx, FIXTURE_PROFILE("2026-03-31"));
}

static void load(struct loaded *l, int with_catalog)
{
    l->o = org_load(l->fx.dir, l->p, with_catalog ? l->c : NULL, NULL,
                    ORG_DIGESTS, &l->errs);
    l->errors = fixture_errors(&l->fx, &l->errs);
}

static void teardown(struct loaded *l)
{
    org_free(l->o);
    catalog_free(l->c);
    profile_free(l->p);
    errors_free(&l->errs);
    free(l->errors);
    fixture_free(&l->fx);
}

/* Load one file and compare the errors with `want` exactly. */
static void expect_errors(const char *file, const char *text,
                          const char *want)
{
    struct loaded l;

    setup(&l);
    fixture_write(&l.fx, file, text);
    load(&l, 1);
    ck_assert_msg(strcmp(l.errors, want) == 0, "%s:\n%s", file, l.errors);
    ck_assert_ptr_null(l.o);
    teardown(&l);
}

/* -------------------------------------------------------------- evidence */

START_TEST(evidence_loads_with_integrity_states)
{
    struct loaded l;
    const struct evidence *e;

    setup(&l);
    fixture_write(&l.fx, "evidence/plan.pdf", "plan v1\n");
    fixture_write(&l.fx, "evidence.csv", EVIDENCE_HEAD
        "E1,1.1; 1.2;,*,plan,\"Plan, annual\",,2026-01-10,yes,,"
        "evidence/plan.pdf," PLAN_SHA_UPPER "\n"
        "E2,1.1,p1,plan,Plan,Ana,2026-01-10,no,2027-01-10,"
        "evidence/plan.pdf,"
        "0000000000000000000000000000000000000000000000000000000000000000\n"
        "E3,1.2,p2,report,R,,2026-02-01,yes,,evidence/missing.pdf,"
        PLAN_SHA "\n"
        "E4,1.2,,minutes,M,,2026-02-01,yes,,https://intranet/m.pdf,"
        PLAN_SHA "\n"
        "E5,1.1;1.1,,policy,P,,2026-02-01,yes,,"
        "evidence/./../evidence/plan.pdf,\n"
        "E6,1.2,,policy,P,,2026-02-01,yes,2026-02-01,,\n");
    load(&l, 1);
    ck_assert_msg(l.o != NULL, "%s", l.errors);
    ck_assert_uint_eq(l.o->nevidence, 6);
    ck_assert(strstr(l.o->evidence_path, "/evidence.csv") != NULL);

    e = &l.o->evidence[0];
    ck_assert_str_eq(e->id, "E1");
    ck_assert_int_eq(e->line, 2);
    ck_assert_uint_eq(e->nreqs, 2);         /* spaces and a trailing ; */
    ck_assert_uint_eq(e->reqs[0], 0);
    ck_assert_uint_eq(e->reqs[1], 1);
    ck_assert_int_eq(e->program, -1);       /* "*" is site-wide */
    ck_assert_str_eq(e->title, "Plan, annual");
    ck_assert_str_eq(e->owner, "");
    ck_assert_int_eq(e->approved, 1);
    ck_assert_int_eq(e->has_expires, 0);
    ck_assert_int_eq(e->dated, date_from_ymd(2026, 1, 10));
    ck_assert_int_eq(e->file_present, 1);
    ck_assert_str_eq(e->sha256, PLAN_SHA);  /* lowercased */
    ck_assert_str_eq(e->actual_sha256, PLAN_SHA);
    ck_assert_int_eq(e->integrity, INTEG_OK);

    e = &l.o->evidence[1];
    ck_assert_int_eq(e->program, 0);
    ck_assert_int_eq(e->approved, 0);
    ck_assert_int_eq(e->has_expires, 1);
    ck_assert_int_eq(e->integrity, INTEG_MISMATCH);
    ck_assert_str_eq(e->actual_sha256, PLAN_SHA);

    e = &l.o->evidence[2];
    ck_assert_int_eq(e->integrity, INTEG_MISSING);
    ck_assert_int_eq(e->file_present, 0);
    ck_assert_int_eq(e->program, 1);

    e = &l.o->evidence[3];
    ck_assert_int_eq(e->integrity, INTEG_REMOTE);
    ck_assert_int_eq(e->program, -1);       /* empty is site-wide */

    e = &l.o->evidence[4];
    ck_assert_uint_eq(e->nreqs, 1);         /* duplicates folded */
    ck_assert_int_eq(e->integrity, INTEG_UNCHECKED);
    ck_assert_int_eq(e->file_present, 1);   /* .. that stays inside */

    e = &l.o->evidence[5];
    ck_assert_int_eq(e->integrity, INTEG_UNCHECKED);
    ck_assert_int_eq(e->file_present, 0);
    ck_assert_str_eq(e->location, "");
    ck_assert_str_eq(integrity_name(INTEG_MISMATCH), "mismatch");
    teardown(&l);
}
END_TEST

START_TEST(evidence_errors_are_located)
{
    expect_errors("evidence.csv", EVIDENCE_HEAD
        "E1,9.9;1.1,*,plan,P,,2026-01-10,yes,,,\n"
        "E2,;,*,plan,P,,2026-01-10,yes,,,\n"
        "E3,1.1,p9,plan,P,,2026-01-10,Yes,,,\n"
        "E4,1.1,*,,,,2026-02-30,yes,,,\n"
        "E5,1.1,*,plan,P,,2026-02-01,yes,2026-01-31,,\n"
        "E6,1.1,*,plan,P,,2026-02-01,yes,,/etc/passwd,\n"
        "E7,1.1,*,plan,P,,2026-02-01,yes,,../secret.pdf,\n"
        "E8,1.1,*,plan,P,,2026-02-01,yes,,evidence/../../x.pdf,\n"
        "E9,1.1,*,plan,P,,2026-02-01,yes,,ftp://host/x.pdf,\n"
        "E10,1.1,*,plan,P,,2026-02-01,yes,,a.pdf,abc\n"
        "E11,1.1,*,plan,P,,2026-02-01,yes,,," PLAN_SHA "\n"
        "E1,1.1,*,plan,P,,2026-02-01,yes,,,\n"
        ",1.1,*,plan,P,,2026-02-01,yes,,,\n",
        "ORG/evidence.csv:2:2: unknown requirement \"9.9\" (not in "
        "catalogue t)\n"
        "ORG/evidence.csv:3:2: requirements must list one or more "
        "requirement ids (separated by ';'), not \";\"\n"
        "ORG/evidence.csv:4:3: unknown program \"p9\" (not in profile.xml)\n"
        "ORG/evidence.csv:4:8: approved must be yes or no, not \"Yes\"\n"
        "ORG/evidence.csv:5:4: kind is empty (a value is required)\n"
        "ORG/evidence.csv:5:5: title is empty (a value is required)\n"
        "ORG/evidence.csv:5:7: dated must be a date (YYYY-MM-DD), not "
        "\"2026-02-30\"\n"
        "ORG/evidence.csv:6:9: expires (2026-01-31) is before dated "
        "(2026-02-01)\n"
        "ORG/evidence.csv:7:10: location \"/etc/passwd\" is an absolute "
        "path (give it relative to the folder)\n"
        "ORG/evidence.csv:8:10: location \"../secret.pdf\" leads outside "
        "the organisation folder\n"
        "ORG/evidence.csv:9:10: location \"evidence/../../x.pdf\" leads "
        "outside the organisation folder\n"
        "ORG/evidence.csv:10:10: location \"ftp://host/x.pdf\" is a URL "
        "that is neither http:// nor https://\n"
        "ORG/evidence.csv:11:11: sha256 must be 64 hexadecimal digits or "
        "empty, not \"abc\"\n"
        "ORG/evidence.csv:12:11: sha256 is given but location is empty "
        "(which file does it check?)\n"
        "ORG/evidence.csv:13:1: evidence id \"E1\" is already used on "
        "line 2\n"
        "ORG/evidence.csv:14:1: id is empty (a value is required)\n");
}
END_TEST

START_TEST(evidence_header_needs_every_column)
{
    expect_errors("evidence.csv", "id,requirements,program,kind,title,"
                  "dated,approved,expires,location,sha256,extra\n",
                  "ORG/evidence.csv:1: missing column \"owner\"\n");
}
END_TEST

START_TEST(evidence_and_findings_need_a_catalogue)
{
    struct loaded l;

    setup(&l);
    fixture_write(&l.fx, "evidence.csv", EVIDENCE_HEAD);
    fixture_write(&l.fx, "findings.csv", FINDINGS_HEAD);
    load(&l, 0);
    ck_assert_ptr_null(l.o);
    ck_assert_str_eq(l.errors, "ORG/evidence.csv: requirement ids cannot "
                     "be checked without a catalogue (give one with "
                     "--catalog)\nORG/findings.csv: requirement ids cannot "
                     "be checked without a catalogue (give one with "
                     "--catalog)\n");
    teardown(&l);
}
END_TEST

/* -------------------------------------------------------------- findings */

START_TEST(findings_load)
{
    struct loaded l;
    const struct finding *f;

    setup(&l);
    fixture_write(&l.fx, "findings.csv", FINDINGS_HEAD
        "1.1,*,met,Dana,2026-03-01,,\n"
        "1.1,p1,partial,Dana,,seen twice,minor-nc\n"
        "1.2,,n/a,,,no outsourcing,\n"
        "1.2,p2,not-met,Luis,2026-03-02,gap,major-nc\n");
    load(&l, 1);
    ck_assert_msg(l.o != NULL, "%s", l.errors);
    ck_assert_uint_eq(l.o->nfindings, 4);
    f = &l.o->findings[0];
    ck_assert_int_eq(f->program, -1);
    ck_assert_int_eq(f->result, FR_MET);
    ck_assert_int_eq(f->has_dated, 1);
    ck_assert_int_eq(f->cls, FC_NONE);
    ck_assert_str_eq(f->assessor, "Dana");
    f = &l.o->findings[1];
    ck_assert_int_eq(f->program, 0);
    ck_assert_int_eq(f->result, FR_PARTIAL);
    ck_assert_int_eq(f->has_dated, 0);
    ck_assert_int_eq(f->cls, FC_MINOR_NC);
    ck_assert_str_eq(f->note, "seen twice");
    f = &l.o->findings[2];
    ck_assert_uint_eq(f->req, 1);
    ck_assert_int_eq(f->result, FR_NA);
    ck_assert_int_eq(l.o->findings[3].cls, FC_MAJOR_NC);
    ck_assert_int_eq(l.o->findings[3].line, 5);
    teardown(&l);
}
END_TEST

START_TEST(findings_errors_are_located)
{
    expect_errors("findings.csv", FINDINGS_HEAD
        "1.1,p1,met,,,,\n"
        "1.2,*,n/a,Dana,,,\n"
        "1.1,p1,partial,,,,\n"
        "1.2,,met,,,,\n"
        "1.2,*,met,,,,\n"
        "3.1,p1,done,,2026-1-1,,minor\n",
        "ORG/findings.csv:3:6: note is empty (required when result is "
        "n/a: say why the requirement does not apply)\n"
        "ORG/findings.csv:4:1: requirement 1.1 (p1) already has a finding "
        "on line 2\n"
        "ORG/findings.csv:5:1: requirement 1.2 (site-wide) already has a "
        "finding on line 3\n"
        "ORG/findings.csv:6:1: requirement 1.2 (site-wide) already has a "
        "finding on line 3\n"
        "ORG/findings.csv:7:1: requirement must be a requirement id of "
        "the catalogue, not \"3.1\"\n"
        "ORG/findings.csv:7:3: result must be met, partial, not-met or "
        "n/a, not \"done\"\n"
        "ORG/findings.csv:7:5: dated must be a date (YYYY-MM-DD) or empty, "
        "not \"2026-1-1\"\n"
        "ORG/findings.csv:7:7: class must be major-nc, minor-nc, "
        "observation, improvement or empty, not \"minor\"\n");
}
END_TEST

/* --------------------------------------------------------------- metrics */

START_TEST(metrics_load_builtin_and_declared_names)
{
    struct loaded l;
    const struct kpi_entry *e;

    setup(&l);
    fixture_write(&l.fx, "metrics.csv", METRICS_HEAD
        "p1,service_level,2026-01,81.5,1200\n"
        "p1,occupancy,2026-01,85,\n"
        "p2,nps,2026-02,-12.5,40\n");
    load(&l, 1);
    ck_assert_msg(l.o != NULL, "%s", l.errors);
    ck_assert_uint_eq(kpi_store_count(l.o->kpis), 3);
    e = kpi_store_get(l.o->kpis, 0, "occupancy", month_from_ym(2026, 1));
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(e->n, -1);
    ck_assert_int_eq(e->line, 3);
    ck_assert(strstr(e->file, "metrics.csv") != NULL);
    e = kpi_store_get(l.o->kpis, 1, "nps", month_from_ym(2026, 2));
    ck_assert_double_eq(e->value, -12.5);
    ck_assert_int_eq(e->n, 40);
    teardown(&l);
}
END_TEST

START_TEST(metrics_errors_name_both_places)
{
    expect_errors("metrics.csv", METRICS_HEAD
        "p1,service_level,2026-08,81.5,1200\n"
        "p1,abandon_rate,2026-08,3,1200\n"
        "p1,service_level,2026-08,79,1100\n"
        "*,csat,2026-13,x,-1\n"
        "p2,occupancyy,2026-01,1,\n",
        "ORG/metrics.csv:4:3: service_level for p1 2026-08 also on line 2\n"
        "ORG/metrics.csv:5:1: unknown program \"*\" (not in profile.xml)\n"
        "ORG/metrics.csv:5:3: period must be a month (YYYY-MM), not "
        "\"2026-13\"\n"
        "ORG/metrics.csv:5:4: value must be a number, not \"x\"\n"
        "ORG/metrics.csv:5:5: n must be an integer >= 0, not \"-1\"\n"
        "ORG/metrics.csv:6:2: unknown metric \"occupancyy\" (neither built "
        "in nor declared by the catalogue)\n");
}
END_TEST

START_TEST(metrics_also_derived_from_raw_data)
{
    struct loaded l;

    setup(&l);
    fixture_write(&l.fx, "data/contacts.csv",
        "contact_id,program,channel,arrived,outcome,wait_s,handle_s,"
        "resolved_first\n"
        "c1,p1,voice,2026-01-05T10:00:00,answered,3,100,1\n");
    fixture_write(&l.fx, "metrics.csv", METRICS_HEAD
        "p1,fcr,2026-02,70,10\n"         /* no raw data that month: ok */
        "p1,offered,2026-01,1,1\n"
        "p1,occupancy,2026-01,80,\n");   /* not derivable: ok */
    load(&l, 1);
    ck_assert_ptr_null(l.o);
    ck_assert_str_eq(l.errors, "ORG/metrics.csv:3:3: offered for p1 "
                     "2026-01 also derived from ORG/data/contacts.csv\n");
    teardown(&l);
}
END_TEST

START_TEST(metrics_without_catalogue_accept_builtin_names_only)
{
    struct loaded l;

    setup(&l);
    fixture_write(&l.fx, "metrics.csv", METRICS_HEAD
        "p1,csat,2026-01,85,100\n"
        "p1,occupancy,2026-01,80,\n");
    load(&l, 0);
    ck_assert_ptr_null(l.o);
    ck_assert_str_eq(l.errors, "ORG/metrics.csv:3:2: unknown metric "
                     "\"occupancy\" (not built in, and no catalogue "
                     "loaded)\n");
    teardown(&l);
}
END_TEST

/* `copcgap kpi` output is accepted as metrics.csv, value for value. */
START_TEST(kpi_output_round_trips_through_metrics_csv)
{
    struct loaded raw, back;
    const struct kpi_entry **v;
    struct strbuf csv = STRBUF_INIT;
    size_t n, i;

    setup(&raw);
    fixture_write(&raw.fx, "contacts.csv",
        "contact_id,program,channel,arrived,outcome,wait_s,handle_s,"
        "resolved_first\n"
        "c1,p1,voice,2026-01-05T10:00:00,answered,3,100,1\n"
        "c2,p1,voice,2026-01-05T10:00:00,answered,33,200,0\n"
        "c3,p1,voice,2026-01-05T10:00:00,answered,7,100,1\n"
        "c4,p2,chat,2026-02-05T10:00:00,abandoned,70,,\n");
    fixture_write(&raw.fx, "staff.csv",
        "agent_id,program,hired,left,verified,first_contact\n"
        "a,p2,2026-01-10,,,\n");
    load(&raw, 0);
    ck_assert_msg(raw.o != NULL, "%s", raw.errors);
    kpi_store_write_csv(raw.o->kpis, raw.p, &csv);

    setup(&back);
    fixture_write(&back.fx, "metrics.csv", csv.buf);
    load(&back, 0);
    ck_assert_msg(back.o != NULL, "%s", back.errors);
    v = kpi_store_sorted(raw.o->kpis, raw.p, &n);
    ck_assert_uint_gt(n, 10);
    ck_assert_uint_eq(kpi_store_count(back.o->kpis), n);
    for (i = 0; i < n; i++) {
        const struct kpi_entry *e = kpi_store_get(back.o->kpis,
                                                  v[i]->program,
                                                  v[i]->metric,
                                                  v[i]->month);
        ck_assert_msg(e != NULL, "%s lost", v[i]->metric);
        /* Six decimals survive the trip. */
        ck_assert(fabs(e->value - v[i]->value) <= 5e-7);
        ck_assert_int_eq(e->n, v[i]->n);
        ck_assert_int_gt(e->line, 1);
    }
    free(v);
    strbuf_free(&csv);
    teardown(&raw);
    teardown(&back);
}
END_TEST

static Suite *records_suite(void)
{
    Suite *s = suite_create("records");
    TCase *tc = tcase_create("core");

    tcase_add_test(tc, evidence_loads_with_integrity_states);
    tcase_add_test(tc, evidence_errors_are_located);
    tcase_add_test(tc, evidence_header_needs_every_column);
    tcase_add_test(tc, evidence_and_findings_need_a_catalogue);
    tcase_add_test(tc, findings_load);
    tcase_add_test(tc, findings_errors_are_located);
    tcase_add_test(tc, metrics_load_builtin_and_declared_names);
    tcase_add_test(tc, metrics_errors_name_both_places);
    tcase_add_test(tc, metrics_also_derived_from_raw_data);
    tcase_add_test(tc, metrics_without_catalogue_accept_builtin_names_only);
    tcase_add_test(tc, kpi_output_round_trips_through_metrics_csv);
    suite_add_tcase(s, tc);
    return s;
}

CG_TEST_MAIN(records_suite)
