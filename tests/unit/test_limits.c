/*
 * test_limits.c — the bounds of docs/limits.md that the CLI cases in
 * tests/bad cannot reach because a schema or the CSV grammar stops the
 * value first: numeric attributes checked again before narrowing, the
 * bounded number grammar, and the date floor of CSV fields; and the
 * requirement cap, which must admit a 100 000-requirement catalogue
 * whose dependencies form one long chain.
 */
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "check_main.h"
#include "copcgap/csv.h"
#include "copcgap/field.h"
#include "copcgap/load.h"
#include "copcgap/num.h"
#include "copcgap/xmlsafe.h"

START_TEST(attributes_are_range_checked_before_narrowing)
{
    static const struct {
        const char *value;
        int ok;
        int want;
    } rows[] = {
        { "365", 1, 365 }, { " 12 ", 1, 12 }, { "36500", 1, 36500 },
        { "36501", 0, -7 }, { "0", 0, -7 }, { "4294967297", 0, -7 },
        { "2147483648", 0, -7 }, { "-1", 0, -7 }, { "2.5", 0, -7 },
        { "1e400", 0, -7 }, { "nan", 0, -7 }, { "inf", 0, -7 },
        { "abc", 0, -7 }, { "", 0, -7 }, { "12x", 0, -7 },
    };
    size_t i;

    for (i = 0; i < ARRAY_LEN(rows); i++) {
        struct cg_errors errs = CG_ERRORS_INIT;
        struct strbuf xml = STRBUF_INIT;
        char *path;
        xmlDocPtr doc;
        int v;

        strbuf_printf(&xml, "<r max-age-days=\"%s\"/>", rows[i].value);
        path = write_temp(".xml", xml.buf);
        doc = xml_read(path, &errs);
        ck_assert_ptr_nonnull(doc);
        v = xml_attr_int(xmlDocGetRootElement(doc), "max-age-days", -7, 1,
                         36500, "t.xml", &errs);
        ck_assert_msg(v == rows[i].want, "'%s' -> %d", rows[i].value, v);
        ck_assert_uint_eq(errors_count(&errs), rows[i].ok ? 0 : 1);
        if (!rows[i].ok)
            ck_assert_msg(strstr(errs.v[0].msg, "is out of range (an "
                                 "integer from 1 to 36500") != NULL, "%s",
                          errs.v[0].msg);
        xmlFreeDoc(doc);
        unlink(path);
        free(path);
        strbuf_free(&xml);
        errors_free(&errs);
    }
}
END_TEST

START_TEST(decimal_attributes_stay_finite)
{
    struct cg_errors errs = CG_ERRORS_INIT;
    struct strbuf xml = STRBUF_INIT;
    xmlNodePtr root;
    xmlDocPtr doc;
    char *path;
    int i;

    /* 401 digits: a valid xs:decimal, and inf through strtod. */
    strbuf_adds(&xml, "<r w=\"1");
    for (i = 0; i < 400; i++)
        strbuf_addc(&xml, '0');
    strbuf_adds(&xml, "\" v=\"-2.5\"/>");
    path = write_temp(".xml", xml.buf);
    doc = xml_read(path, &errs);
    ck_assert_ptr_nonnull(doc);
    root = xmlDocGetRootElement(doc);
    ck_assert(xml_attr_num(root, "w", 1, 0, 1e6, "t.xml", &errs) == 1);
    ck_assert_uint_eq(errors_count(&errs), 1);
    ck_assert(xml_attr_num(root, "v", 0, -1e15, 1e15, "t.xml", &errs) ==
              -2.5);
    ck_assert(xml_attr_num(root, "absent", 4, 0, 1, "t.xml", &errs) == 4);
    ck_assert_uint_eq(errors_count(&errs), 1);
    xmlFreeDoc(doc);
    unlink(path);
    free(path);
    strbuf_free(&xml);
    errors_free(&errs);
}
END_TEST

START_TEST(numbers_are_bounded)
{
    static const struct { const char *s; int ok; } rows[] = {
        { "1234567890123456789012345678901234567890", 1 },      /* 40 */
        { "-123456789012345678901234567890123456789", 1 },      /* 40 */
        { "0.00000000000000000000000000000000000001", 1 },      /* 40 */
        { "12345678901234567890123456789012345678901", 0 },     /* 41 */
        { "-1234567890123456789012345678901234567890", 0 },     /* 41 */
    };
    size_t i;

    for (i = 0; i < ARRAY_LEN(rows); i++) {
        double v = 0;
        int ok = num_parse(rows[i].s, strlen(rows[i].s), &v);
        ck_assert_msg(ok == rows[i].ok, "'%s'", rows[i].s);
        ck_assert(isfinite(v));
    }
    ck_assert_int_eq(NUM_MAX_CHARS, 40);
}
END_TEST

START_TEST(csv_dates_have_a_floor)
{
    static const char data[] =
        "d,m,t\n"
        "1970-01-01,1970-01,1970-01-01T00:00:00\n"
        "1969-12-31,1969-12,1969-12-31T23:59:59\n"
        "0001-01-01,0001-01,0001-01-01 00:00:00\n";
    struct cg_errors errs = CG_ERRORS_INIT;
    struct csv_reader *r = csv_open_mem(data, sizeof data - 1, "f.csv",
                                        &errs);
    struct csv_row row;
    int line = 0;

    ck_assert_ptr_nonnull(r);
    while (csv_next(r, &row, &errs) == CSV_ROW) {
        cg_day d;
        cg_month m;
        int ok = line == 0;
        ck_assert_int_eq(field_date(r, &row, 0, &d, NULL, &errs), ok);
        ck_assert_int_eq(field_month(r, &row, 1, &m, &errs), ok);
        ck_assert_int_eq(field_month_of(r, &row, 2, 0, NULL, &m, &errs),
                         ok);
        line++;
    }
    ck_assert_int_eq(line, 3);
    ck_assert_uint_eq(errors_count(&errs), 6);
    ck_assert_str_eq(errs.v[0].msg, "d must be a date on or after "
                     "1970-01-01, not \"1969-12-31\"");
    ck_assert_str_eq(errs.v[1].msg, "m must be a month from 1970-01 on, "
                     "not \"1969-12\"");
    ck_assert_str_eq(errs.v[2].msg, "t must be on or after 1970-01-01, "
                     "not \"1969-12-31T23:59:59\"");
    csv_close(r);
    errors_free(&errs);
}
END_TEST

START_TEST(requirement_cap_admits_large_catalogues)
{
    /* docs/limits.md: 200 000, so that 100 000 fit with margin. */
    ck_assert_int_eq(CATALOG_MAX_REQUIREMENTS, 200000);
}
END_TEST

/* A catalogue of n requirements, each depending on the one before; with
 * `loop`, the first depends on the last. */
static char *chain_catalog(size_t n, int loop)
{
    struct strbuf sb = STRBUF_INIT;
    char *path;
    size_t i;

    strbuf_adds(&sb, "<catalog id=\"chain\" version=\"1\" publisher=\"t\">"
                "<title>t</title><category id=\"c\"><title>c</title>\n");
    for (i = 0; i < n; i++) {
        strbuf_printf(&sb, "<requirement id=\"r%zu\"><title>r</title>", i);
        if (i > 0 || loop)
            strbuf_printf(&sb, "<depends-on ref=\"r%zu\"/>",
                          i > 0 ? i - 1 : n - 1);
        strbuf_adds(&sb, "<rules><finding/></rules></requirement>\n");
    }
    strbuf_adds(&sb, "</category></catalog>\n");
    path = write_temp(".xml", sb.buf);
    strbuf_free(&sb);
    return path;
}

START_TEST(long_dependency_chain)
{
    struct cg_errors errs = CG_ERRORS_INIT;
    char *path = chain_catalog(20000, 0);
    struct catalog *c = catalog_load(path, &errs);

    ck_assert_msg(c != NULL, "%s", errs.n ? errs.v[0].msg : "");
    ck_assert_uint_eq(c->nreqs, 20000);
    ck_assert_uint_eq(c->reqs[19999].depends_idx[0], 19998);
    ck_assert_int_eq(catalog_find_req(c, "r12345", 6), 12345);
    ck_assert_int_eq(catalog_find_req(c, "r1234", 5), 1234);
    ck_assert_int_eq(catalog_find_req(c, "r123456", 7), -1);
    catalog_free(c);
    unlink(path);
    free(path);

    /* Closed into a loop: one cycle, reported whole. */
    path = chain_catalog(20000, 1);
    ck_assert_ptr_null(catalog_load(path, &errs));
    ck_assert_uint_eq(errors_count(&errs), 1);
    ck_assert_msg(strncmp(errs.v[0].msg, "dependency cycle: r0 -> r19999 -> "
                          "r19998 -> ", 34) == 0, "%.80s", errs.v[0].msg);
    unlink(path);
    free(path);
    errors_free(&errs);
}
END_TEST

static Suite *limits_suite(void)
{
    Suite *s = suite_create("limits");
    TCase *tc = tcase_create("core");

    tcase_add_test(tc, attributes_are_range_checked_before_narrowing);
    tcase_add_test(tc, decimal_attributes_stay_finite);
    tcase_add_test(tc, numbers_are_bounded);
    tcase_add_test(tc, csv_dates_have_a_floor);
    tcase_add_test(tc, requirement_cap_admits_large_catalogues);
    tcase_add_test(tc, long_dependency_chain);
    /* 40 000 requirements load in a second here, but far slower under
     * a sanitizer or valgrind than Check's 4 s default allows. */
    tcase_set_timeout(tc, 300);
    suite_add_tcase(s, tc);
    return s;
}

CG_TEST_MAIN(limits_suite)
