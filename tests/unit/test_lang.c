/*
 * test_lang.c — the language tables (the templates/ language tables) and the template
 * formatter: every table has every key, every key the code builds from
 * a name table exists, numbers and dates are written each language's
 * way, and the template syntax (plural and presence choices, formats,
 * lists, escapes) does what docs/languages.md says.
 */
#include <dirent.h>
#include <string.h>

#include "check_main.h"
#include "copcgap/catalog.h"
#include "copcgap/lang.h"
#include "copcgap/load.h"
#include "copcgap/metric.h"
#include "copcgap/model.h"
#include "copcgap/report.h"
#include "copcgap/run.h"

static struct arena *A;

static void setup(void) { A = arena_new(); }
static void teardown(void) { arena_free(A); }

static struct lang *load(const char *code)
{
    struct cg_errors errs = CG_ERRORS_INIT;
    struct lang *L = lang_load(code, &errs);
    ck_assert_msg(L != NULL, "%s: %s", code, errs.n ? errs.v[0].msg : "");
    errors_free(&errs);
    return L;
}

/* A table built from text, for the formatter cases. */
static struct lang *table(const char *text)
{
    struct cg_errors errs = CG_ERRORS_INIT;
    struct lang *L = lang_parse(text, strlen(text), "t.lang", "en", &errs);
    ck_assert_msg(L != NULL, "%s", errs.n ? errs.v[0].msg : "");
    errors_free(&errs);
    return L;
}

static const char *fmt(const struct lang *L, const struct msg *m)
{
    return lang_msg(L, A, m);
}

/* ----------------------------------------------------- the tables */

START_TEST(every_table_has_every_key)
{
    struct lang *en = load("en");
    DIR *d = opendir("templates");
    struct dirent *e;
    size_t n_en, i, tables = 0;
    const char **keys_en = lang_keys(en, &n_en);

    ck_assert_ptr_nonnull(d);
    ck_assert_uint_gt(n_en, 200);
    while ((e = readdir(d)) != NULL) {
        char code[16];
        size_t len = strlen(e->d_name), n;
        const char **keys;
        struct lang *L;
        if (len < 6 || strcmp(e->d_name + len - 5, ".lang") != 0 ||
            len - 5 >= sizeof code)
            continue;
        memcpy(code, e->d_name, len - 5);
        code[len - 5] = '\0';
        L = load(code);
        tables++;
        /* Its own keys only, not what falls back to English. */
        keys = lang_keys(L, &n);
        for (i = 0; i < n_en; i++)
            ck_assert_msg(lang_get(L, keys_en[i]) != NULL,
                          "%s.lang lacks key %s", code, keys_en[i]);
        for (i = 0; i < n; i++)
            ck_assert_msg(lang_get(en, keys[i]) != NULL,
                          "%s.lang has key %s, which en.lang lacks", code,
                          keys[i]);
        free(keys);
        lang_free(L);
    }
    closedir(d);
    ck_assert_uint_ge(tables, 2);       /* en and es at least */
    free(keys_en);
    lang_free(en);
}
END_TEST

/* Keys the code builds from the model's name tables. */
START_TEST(every_named_key_exists)
{
    static const char *const langs[] = { "en", "es" };
    size_t li;
    int i;

    for (li = 0; li < ARRAY_LEN(langs); li++) {
        struct lang *L = load(langs[li]);
#define HAS(...) do {                                                     \
        const char *k_ = arena_printf(A, __VA_ARGS__);                    \
        ck_assert_msg(lang_get(L, k_) != NULL, "%s.lang lacks %s",        \
                      langs[li], k_);                                     \
    } while (0)
        for (i = 0; i < REQ_COUNT; i++)
            HAS("status.req.%s", req_status_name((enum req_status)i));
        for (i = 0; i < RS_COUNT; i++)
            HAS("status.rule.%s", rule_status_name((enum rule_status)i));
        for (i = 0; i < VERDICT_COUNT; i++)
            HAS("verdict.%s", verdict_name((enum verdict)i));
        for (i = 0; i < CH_COUNT; i++)
            HAS("channel.%s", channel_name((enum channel)i));
        for (i = 0; i < COV_COUNT; i++)
            HAS("coverage.%s", coverage_name((enum coverage)i));
        for (i = 0; i < XREL_COUNT; i++)
            HAS("xrel.%s", xrel_name((enum xrel)i));
        for (i = 0; i < RULE_TYPE_COUNT; i++)
            HAS("rule.type.%s", rule_type_name((enum rule_type)i));
        for (i = 0; i < FR_COUNT; i++)
            HAS("finding.result.%s",
                finding_result_name((enum finding_result)i));
        for (i = 1; i < FC_COUNT; i++)
            HAS("finding.class.%s",
                finding_class_name((enum finding_class)i));
        for (i = 0; i < M_BUILTIN_COUNT; i++)
            HAS("metric.%s", metric_defs[i].name);
        for (i = 0; i < (int)ARRAY_LEN(evidence_flag_order); i++)
            HAS("evidence.flag.%s",
                evidence_flag_name(evidence_flag_order[i]));
        /* Data sources (report_build_sources; the catalogue is named by
         * its id and version instead). */
        HAS("source.%s", "profile");
        HAS("source.%s", "evidence");
        HAS("source.%s", "findings");
        HAS("source.%s", "metrics");
        for (i = 0; i < SRC_COUNT; i++)
            HAS("source.%s", metric_source_name((enum metric_source)i));
        for (i = 0; i < CHANGE_COUNT; i++)
            HAS("change.%s", change_kind_name((enum change_kind)i));
        for (i = 0; run_diff_fields[i]; i++)
            HAS("diff.field.%s", run_diff_fields[i]);
#undef HAS
        lang_free(L);
    }
}
END_TEST

/* The shipped catalogue's evidence kinds all have words. */
START_TEST(shipped_kinds_have_words)
{
    struct cg_errors errs = CG_ERRORS_INIT;
    struct catalog *c = catalog_load("standards/copc-cx-aligned.xml", &errs);
    struct lang *es = load("es");
    size_t i, j, k;

    ck_assert_ptr_nonnull(c);
    for (i = 0; i < c->nreqs; i++)
        for (j = 0; j < c->reqs[i].nrules; j++)
            for (k = 0; k < c->reqs[i].rules[j].nkinds; k++) {
                const char *key = arena_printf(A, "kind.%s",
                                               c->reqs[i].rules[j].kinds[k]);
                ck_assert_msg(lang_get(es, key) != NULL, "es lacks %s",
                              key);
            }
    lang_free(es);
    catalog_free(c);
    errors_free(&errs);
}
END_TEST

/* --------------------------------------------------- numbers, dates */

START_TEST(numbers_and_dates_by_language)
{
    struct lang *en = load("en"), *es = load("es");
    struct strbuf sb = STRBUF_INIT;

    ck_assert_str_eq(lang_pct_str(en, A, 0.44666), "44.7 %");
    ck_assert_str_eq(lang_pct_str(es, A, 0.44666), "44,7 %");
    ck_assert_str_eq(lang_date_str(en, A, date_from_ymd(2026, 10, 31)),
                     "31 Oct 2026");
    ck_assert_str_eq(lang_date_str(es, A, date_from_ymd(2026, 10, 31)),
                     "31/10/2026");
    ck_assert_str_eq(lang_date_str(es, A, date_from_ymd(2027, 3, 5)),
                     "05/03/2027");
    ck_assert_str_eq(lang_month_str(en, A, month_from_ym(2026, 1)),
                     "Jan 2026");
    ck_assert_str_eq(lang_month_str(es, A, month_from_ym(2026, 9)),
                     "sept 2026");
    /* Up to 2 decimals, trailing zeros dropped; grouping from 5 digits. */
    ck_assert_str_eq(lang_num_str(en, A, 85.8085, 2), "85.81");
    ck_assert_str_eq(lang_num_str(es, A, 85.8085, 2), "85,81");
    ck_assert_str_eq(lang_num_str(en, A, 80.0, 2), "80");
    ck_assert_str_eq(lang_num_str(en, A, 1234.5, 1), "1234.5");
    ck_assert_str_eq(lang_num_str(en, A, 1234567, 0), "1,234,567");
    ck_assert_str_eq(lang_num_str(es, A, 1234567.25, 2), "1.234.567,25");
    ck_assert_str_eq(lang_num_str(en, A, -0.001, 2), "0");
    ck_assert_str_eq(lang_num_str(en, A, -1.4543, 3), "-1.454");
    lang_number(en, 2.5, 2, 1, &sb);
    ck_assert_str_eq(strbuf_cstr(&sb), "2.50");
    strbuf_free(&sb);
    lang_free(en);
    lang_free(es);
}
END_TEST

/* ------------------------------------------------------- templates */

START_TEST(placeholders_and_formats)
{
    struct lang *L = table(
        "@decimal = ,\n"
        "t.num = {v} | {v:0} | {v:=1} | {v:+1}\n"
        "t.pct = {p} {p:0}\n"
        "t.text = «{name}» {id}\n"
        "t.key = [{k}]\n"
        "word = palabra\n"
        "t.missing = {nope}\n");
    struct msg *m = msg_new(A, "t.num");

    msg_num(A, m, "v", 2.345);
    ck_assert_str_eq(fmt(L, m), "2,35 | 2 | 2,3 | +2,3");
    m = msg_pct(A, msg_new(A, "t.pct"), "p", 0.5);
    ck_assert_str_eq(fmt(L, m), "50,0 % 50 %");
    m = msg_text(A, msg_new(A, "t.text"), "name", "Ana {x}");
    msg_id(A, m, "id", "EV-1");
    /* Arguments are never read as templates. */
    ck_assert_str_eq(fmt(L, m), "«Ana {x}» EV-1");
    m = msg_key(A, msg_new(A, "t.key"), "k", "word");
    ck_assert_str_eq(fmt(L, m), "[palabra]");
    m = msg_term(A, msg_new(A, "t.key"), "k", "kind.", "letter");
    ck_assert_str_eq(fmt(L, m), "[letter]");     /* the word itself */
    ck_assert_str_eq(fmt(L, msg_new(A, "t.missing")), "{nope?}");
    ck_assert_str_eq(fmt(L, msg_new(A, "no.such.key")), "[no.such.key]");
    lang_free(L);
}
END_TEST

START_TEST(plural_and_presence_choices)
{
    struct lang *L = table(
        "t.n = {n} {n|month|months}\n"
        "t.z = {n|none|one: #|#: many}\n"
        "t.p = a{?x| with {x}| without}b\n"
        "t.l = {items|# item|# items}: {items:, }\n"
        "t.i = {v}\n"
        "t.esc = \\{literal\\} and a \\| bar\n");
    struct msg *m;
    long long i;
    static const char *const want_z[] = { "none", "one: 1", "2: many" };

    m = msg_new(A, "t.n");
    ck_assert_str_eq(fmt(L, msg_int(A, m, "n", 1)), "1 month");
    ck_assert_str_eq(fmt(L, msg_int(A, m, "n", 0)), "0 months");
    ck_assert_str_eq(fmt(L, msg_int(A, m, "n", 12)), "12 months");
    m = msg_new(A, "t.z");
    for (i = 0; i < 3; i++)
        ck_assert_str_eq(fmt(L, msg_int(A, m, "n", i)), want_z[i]);
    m = msg_new(A, "t.p");
    ck_assert_str_eq(fmt(L, m), "a withoutb");
    ck_assert_str_eq(fmt(L, msg_text(A, m, "x", "")), "a withoutb");
    ck_assert_str_eq(fmt(L, msg_text(A, m, "x", "y")), "a with yb");
    m = msg_list(A, msg_new(A, "t.l"), "items");
    ck_assert_str_eq(fmt(L, m), "0 items: ");
    msg_append(A, m, "items", msg_int(A, msg_new(A, "t.i"), "v", 7));
    ck_assert_str_eq(fmt(L, m), "1 item: 7");
    msg_append(A, m, "items", msg_int(A, msg_new(A, "t.i"), "v", 8));
    ck_assert_str_eq(fmt(L, m), "2 items: 7, 8");
    ck_assert_str_eq(fmt(L, msg_new(A, "t.esc")),
                     "{literal} and a | bar");
    lang_free(L);
}
END_TEST

START_TEST(fallback_to_english)
{
    struct lang *en = table("a = in English\nb = only English\n");
    struct lang *xx = table("a = auf Deutsch\n");

    lang_set_fallback(xx, en, 0);
    ck_assert_str_eq(lang_str(xx, A, "a"), "auf Deutsch");
    ck_assert_str_eq(lang_str(xx, A, "b"), "only English");
    lang_free(xx);
    lang_free(en);
}
END_TEST

/* ------------------------------------------------------ bad tables */

static void expect_error(const char *text, long line, const char *what)
{
    struct cg_errors errs = CG_ERRORS_INIT;
    struct lang *L = lang_parse(text, strlen(text), "t.lang", "xx", &errs);

    ck_assert_ptr_null(L);
    ck_assert_uint_ge(errs.n, 1);
    ck_assert_int_eq(errs.v[0].line, line);
    ck_assert_msg(strstr(errs.v[0].msg, what) != NULL, "\"%s\" lacks \"%s\"",
                  errs.v[0].msg, what);
    errors_free(&errs);
}

START_TEST(bad_tables_are_located)
{
    expect_error("# ok\na = 1\na = 2\n", 3, "given twice");
    expect_error("a = 1\nno equals sign\n", 2, "expected key = text");
    expect_error("a b = 1\n", 1, "a key is");
    expect_error("\n\na = {open\n", 3, "leaves a brace open");
    expect_error("a = close}\n", 1, "closes a brace");
    expect_error("a = {}\n", 1, "empty placeholder");
    expect_error("a = ok\nb = caf\xc3\n", 2, "invalid UTF-8");
}
END_TEST

START_TEST(unknown_language_is_refused)
{
    struct cg_errors errs = CG_ERRORS_INIT;

    ck_assert_ptr_null(lang_load("zz", &errs));
    ck_assert_msg(strstr(errs.v[0].msg, "no language table for \"zz\""),
                  "%s", errs.v[0].msg);
    errors_clear(&errs);
    /* A code is never a path. */
    ck_assert_ptr_null(lang_load("../en", &errs));
    ck_assert_msg(strstr(errs.v[0].msg, "not a language code"), "%s",
                  errs.v[0].msg);
    errors_free(&errs);
}
END_TEST

static Suite *lang_suite(void)
{
    Suite *s = suite_create("lang");
    TCase *tc = tcase_create("lang");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, every_table_has_every_key);
    tcase_add_test(tc, every_named_key_exists);
    tcase_add_test(tc, shipped_kinds_have_words);
    tcase_add_test(tc, numbers_and_dates_by_language);
    tcase_add_test(tc, placeholders_and_formats);
    tcase_add_test(tc, plural_and_presence_choices);
    tcase_add_test(tc, fallback_to_english);
    tcase_add_test(tc, bad_tables_are_located);
    tcase_add_test(tc, unknown_language_is_refused);
    suite_add_tcase(s, tc);
    return s;
}

CG_TEST_MAIN(lang_suite)
