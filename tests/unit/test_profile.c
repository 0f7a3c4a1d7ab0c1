/* test_profile.c — profile.xml defaults, lookups and checks. */
#include <string.h>
#include <unistd.h>

#include "check_main.h"
#include "copcgap/profile.h"
#include "copcgap/load.h"

static struct profile *load_text(const char *xml, struct cg_errors *errs)
{
    char *path = write_temp(".xml", xml);
    struct profile *p = profile_load(path, errs);
    unlink(path);
    free(path);
    return p;
}

START_TEST(program_defaults_follow_the_channel)
{
    /* inputs.md: sl-seconds voice 20, chat 60, messaging 300, social 3600,
     * email and back-office 86400; short abandon 5; tolerance 15. */
    static const struct { const char *channel; double sl; } cases[] = {
        { "voice", 20 }, { "chat", 60 }, { "messaging", 300 },
        { "social", 3600 }, { "email", 86400 }, { "back-office", 86400 },
    };
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct cg_errors errs = CG_ERRORS_INIT;
        struct strbuf xml = STRBUF_INIT;
        struct profile *p;
        strbuf_printf(&xml,
                      "<profile><organization id='o' kind='internal'/>"
                      "<assessment as-of='2026-10-31'/>"
                      "<program id='p' channel='%s'/></profile>",
                      cases[i].channel);
        p = load_text(xml.buf, &errs);
        ck_assert_msg(p != NULL, "%s", errs.n ? errs.v[0].msg : "");
        ck_assert_double_eq(p->programs[0].sl_seconds, cases[i].sl);
        ck_assert_double_eq(p->programs[0].short_abandon_seconds, 5);
        ck_assert_double_eq(p->programs[0].forecast_tolerance_pct, 15);
        ck_assert_str_eq(p->programs[0].name, "p");   /* name defaults */
        ck_assert_str_eq(p->org_name, "o");
        ck_assert_int_eq(p->has_target_audit, 0);
        profile_free(p);
        strbuf_free(&xml);
        errors_free(&errs);
    }
}
END_TEST

START_TEST(the_inputs_md_example_loads)
{
    struct cg_errors errs = CG_ERRORS_INIT;
    struct profile *p = profile_load("samples/tiny/profile.xml", &errs);
    const struct target *t;
    char buf[DATE_BUF];

    ck_assert(p != NULL);
    ck_assert_int_eq(p->kind, ORG_OUTSOURCER);
    date_format(p->as_of, buf);
    ck_assert_str_eq(buf, "2026-10-31");
    ck_assert(p->has_target_audit);
    ck_assert_int_eq(profile_find_program(p, "retail-voice", 12), 0);
    ck_assert_int_eq(profile_find_program(p, "retail", 6), -1);
    t = program_target(&p->programs[0], "service_level");
    ck_assert(t && t->op == OP_GE);
    ck_assert_double_eq(t->value, 80);
    ck_assert(program_target(&p->programs[0], "aht") == NULL);
    ck_assert_str_eq(profile_person(p, "quality-manager"), "Luis Ortega");
    ck_assert(profile_person(p, "ceo") == NULL);
    ck_assert_str_eq(profile_excluded(p, "2.2")->reason,
                     "no outsourced work is subcontracted");
    profile_free(p);
    errors_free(&errs);
}
END_TEST

START_TEST(problems_are_located)
{
    static const struct { const char *xml; long line; const char *msg; }
    cases[] = {
        { "<profile>\n<organization id='o' kind='internal'/>\n"
          "<assessment as-of='2026-10-31'/>\n"
          "<program id='p' channel='voice'>\n"
          "<target metric='csat' op='ge' value='80'/>\n"
          "<target metric='csat' op='ge' value='85'/>\n"
          "</program></profile>", 6, "second target for \"csat\"" },
        { "<profile>\n<organization id='o' kind='internal'/>\n"
          "<assessment as-of='2026-10-31'/>\n<assessment as-of='2026-10-31'/>"
          "\n<program id='p' channel='voice'/></profile>", 4,
          "second <assessment>" },
        { "<profile>\n<organization id='o' kind='internal'/>\n"
          "<assessment as-of='2026-10-31'/>\n</profile>", 1, "no <program>" },
        { "<profile>\n<organization id='o' kind='internal'/>\n"
          "<assessment as-of='2026-10-31'/>\n"
          "<program id='p' channel='voice' sl-seconds='-4'/></profile>", 4,
          "sl-seconds" },
        { "<profile>\n<organization id='o' kind='internal'/>\n"
          "<assessment as-of='2026-10-31' lead='x' extra='1'/>\n"
          "<program id='p' channel='voice'/></profile>", 3, "extra" },
    };
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct cg_errors errs = CG_ERRORS_INIT;
        struct profile *p = load_text(cases[i].xml, &errs);
        ck_assert_msg(p == NULL, "case %zu loaded", i);
        ck_assert_uint_ge(errs.n, 1);
        ck_assert_msg(strstr(errs.v[0].msg, cases[i].msg) != NULL,
                      "case %zu: %s", i, errs.v[0].msg);
        ck_assert_int_eq(errs.v[0].line, cases[i].line);
        errors_free(&errs);
    }
}
END_TEST

static Suite *profile_suite(void)
{
    Suite *s = suite_create("profile");
    TCase *tc = tcase_create("profile");
    tcase_add_test(tc, program_defaults_follow_the_channel);
    tcase_add_test(tc, the_inputs_md_example_loads);
    tcase_add_test(tc, problems_are_located);
    suite_add_tcase(s, tc);
    return s;
}

CG_TEST_MAIN(profile_suite)
