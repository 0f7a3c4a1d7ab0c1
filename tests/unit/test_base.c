/* test_base.c — strbuf, arena, utf8, dates, error lists. */
#include <string.h>

#include "check_main.h"
#include "copcgap/arena.h"
#include "copcgap/date.h"
#include "copcgap/error.h"
#include "copcgap/strbuf.h"
#include "copcgap/utf8.h"

START_TEST(strbuf_grows_and_formats)
{
    struct strbuf sb = STRBUF_INIT;
    int i;

    ck_assert_str_eq(strbuf_cstr(&sb), "");
    for (i = 0; i < 1000; i++)
        strbuf_addc(&sb, 'x');
    ck_assert_uint_eq(sb.len, 1000);
    strbuf_truncate(&sb, 3);
    strbuf_printf(&sb, "-%d-%s", 42, "ok");
    ck_assert_str_eq(strbuf_cstr(&sb), "xxx-42-ok");
    strbuf_free(&sb);
}
END_TEST

START_TEST(strbuf_quotes_values_for_messages)
{
    static const struct { const char *in; size_t len, max; const char *out; }
    cases[] = {
        { "abc", 3, 60, "\"abc\"" },
        { "a\"b", 3, 60, "\"a\\\"b\"" },
        { "a\nb", 3, 60, "\"a\\nb\"" },
        { "caf\xc3\xa9", 5, 60, "\"caf\xc3\xa9\"" },     /* valid UTF-8 kept */
        { "caf\xe9", 4, 60, "\"caf\\xE9\"" },            /* invalid shown */
        { "abcdefgh", 8, 4, "\"abcd...\"" },             /* huge fields cut */
    };
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct strbuf sb = STRBUF_INIT;
        strbuf_add_quoted(&sb, cases[i].in, cases[i].len, cases[i].max);
        ck_assert_msg(strcmp(strbuf_cstr(&sb), cases[i].out) == 0,
                      "case %zu: got %s", i, strbuf_cstr(&sb));
        strbuf_free(&sb);
    }
}
END_TEST

START_TEST(arena_allocates_aligned_and_big)
{
    struct arena *a = arena_new();
    char *big;
    void *p;
    int i;

    for (i = 0; i < 10000; i++) {
        p = arena_alloc(a, (size_t)(i % 37) + 1);
        ck_assert_uint_eq((uintptr_t)p % 16, 0);
    }
    big = arena_alloc(a, 1 << 20);
    memset(big, 1, 1 << 20);
    ck_assert_str_eq(arena_printf(a, "%s=%d", "n", 7), "n=7");
    ck_assert_str_eq(arena_strndup(a, "hello", 4), "hell");
    arena_free(a);
    arena_free(NULL);
}
END_TEST

START_TEST(utf8_validation)
{
    static const struct { const char *s; size_t bad; } cases[] = {
        { "plain ascii text, long enough for the fast path", 47 },
        { "\xc3\xb1" "and" "\xc3\xba", 7 },    /* valid: n-tilde, u-acute */
        { "ok\xc3", 2 },                          /* truncated */
        { "\xc0\xaf", 0 },                        /* overlong */
        { "\xed\xa0\x80", 0 },                    /* surrogate */
        { "\xf4\x90\x80\x80", 0 },                /* above U+10FFFF */
        { "abcdefgh\xff", 8 },                    /* after a fast block */
        { "\xe2\x89\xa5 \xe2\x9c\x93", 7 },       /* >= and check mark */
    };
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
        ck_assert_msg(utf8_check(cases[i].s, strlen(cases[i].s)) ==
                          cases[i].bad, "case %zu", i);
}
END_TEST

START_TEST(dates_parse_and_round_trip)
{
    static const struct { const char *s; int ok; } cases[] = {
        { "2026-10-31", 1 }, { "2024-02-29", 1 }, { "2023-02-29", 0 },
        { "2000-02-29", 1 }, { "1900-02-29", 0 }, { "2026-13-01", 0 },
        { "2026-00-10", 0 }, { "2026-04-31", 0 }, { "2026-4-01", 0 },
        { "26-10-31", 0 }, { "2026-10-31x", 0 }, { "2026/10/31", 0 },
        { "", 0 }, { "0000-01-01", 0 },
    };
    size_t i;
    cg_day d;
    char buf[DATE_BUF];

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int ok = date_parse(cases[i].s, strlen(cases[i].s), &d);
        ck_assert_msg(ok == cases[i].ok, "%s", cases[i].s);
        if (ok) {
            date_format(d, buf);
            ck_assert_str_eq(buf, cases[i].s);
        }
    }
    ck_assert_int_eq(date_from_ymd(1970, 1, 1), 0);
    ck_assert_int_eq(date_from_ymd(2026, 10, 31) - date_from_ymd(2026, 3, 2),
                     243);
}
END_TEST

START_TEST(timestamps_accept_the_documented_forms)
{
    static const struct { const char *s; int ok; const char *day; int secs; }
    cases[] = {
        { "2026-10-31T23:59:59", 1, "2026-10-31", 86399 },
        { "2026-10-31 08:00:00", 1, "2026-10-31", 28800 },
        /* Offsets are ignored: the month is the one written. */
        { "2026-10-31T23:30:00Z", 1, "2026-10-31", 84600 },
        { "2026-10-31T23:30:00+05:00", 1, "2026-10-31", 84600 },
        { "2026-11-01T00:10:00-03:00", 1, "2026-11-01", 600 },
        { "2026-10-31T10:00:00.250", 1, "2026-10-31", 36000 },
        { "2026-10-31T24:00:00", 0, NULL, 0 },
        { "2026-10-31T10:60:00", 0, NULL, 0 },
        { "2026-10-31", 0, NULL, 0 },
        { "2026-10-31T10:00:00+5", 0, NULL, 0 },
        { "2026-10-31T10:00:00 ", 0, NULL, 0 },
        { "2026-02-30T10:00:00", 0, NULL, 0 },
    };
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cg_day d;
        int32_t secs = -1;
        char buf[DATE_BUF];
        int ok = timestamp_parse(cases[i].s, strlen(cases[i].s), &d, &secs);
        ck_assert_msg(ok == cases[i].ok, "%s", cases[i].s);
        if (ok) {
            date_format(d, buf);
            ck_assert_str_eq(buf, cases[i].day);
            ck_assert_int_eq(secs, cases[i].secs);
        }
    }
}
END_TEST

START_TEST(months_are_consecutive_integers)
{
    cg_month m, m2;
    char buf[MONTH_BUF], dbuf[DATE_BUF];

    ck_assert(month_parse("2026-12", 7, &m));
    ck_assert(month_parse("2027-01", 7, &m2));
    ck_assert_int_eq(m2 - m, 1);
    ck_assert(!month_parse("2026-13", 7, &m));
    ck_assert(!month_parse("2026-1", 6, &m));
    month_format(m2, buf);
    ck_assert_str_eq(buf, "2027-01");
    ck_assert(month_parse("2024-02", 7, &m));
    date_format(month_last_day(m), dbuf);
    ck_assert_str_eq(dbuf, "2024-02-29");
    date_format(month_first_day(m), dbuf);
    ck_assert_str_eq(dbuf, "2024-02-01");
    ck_assert_int_eq(date_month(date_from_ymd(2024, 2, 29)), m);
}
END_TEST

START_TEST(errors_keep_twenty_and_count_the_rest)
{
    struct cg_errors e = CG_ERRORS_INIT;
    struct strbuf sb = STRBUF_INIT;
    int i;

    for (i = 0; i < 25; i++)
        errors_add(&e, CG_ERR_INPUT, "f.csv", i + 2, 3, "bad %d", i);
    ck_assert_uint_eq(e.n, 20);
    ck_assert_uint_eq(e.more, 5);
    ck_assert_uint_eq(errors_count(&e), 25);
    ck_assert_int_eq(errors_worst(&e), CG_ERR_INPUT);
    error_format(&e.v[0], &sb);
    ck_assert_str_eq(strbuf_cstr(&sb), "f.csv:2:3: bad 0");
    errors_clear(&e);
    errors_add(&e, CG_ERR_IO, "out.pdf", 0, 0, "disk full");
    strbuf_truncate(&sb, 0);
    error_format(&e.v[0], &sb);
    ck_assert_str_eq(strbuf_cstr(&sb), "out.pdf: disk full");
    ck_assert_int_eq(errors_worst(&e), CG_ERR_IO);
    strbuf_free(&sb);
    errors_free(&e);
}
END_TEST

static Suite *base_suite(void)
{
    Suite *s = suite_create("base");
    TCase *tc = tcase_create("base");
    tcase_add_test(tc, strbuf_grows_and_formats);
    tcase_add_test(tc, strbuf_quotes_values_for_messages);
    tcase_add_test(tc, arena_allocates_aligned_and_big);
    tcase_add_test(tc, utf8_validation);
    tcase_add_test(tc, dates_parse_and_round_trip);
    tcase_add_test(tc, timestamps_accept_the_documented_forms);
    tcase_add_test(tc, months_are_consecutive_integers);
    tcase_add_test(tc, errors_keep_twenty_and_count_the_rest);
    suite_add_tcase(s, tc);
    return s;
}

CG_TEST_MAIN(base_suite)
