/*
 * test_csv.c — the CSV reader: the csv-spectrum conformance suite
 * (tests/csv-spectrum, compared record by record with its JSON through
 * jansson), and located errors, line numbers, BOM, CRLF, columns by name
 * and records larger than the buffer.
 *
 * Every case runs with tiny buffers too, so records, quotes, CRLFs and
 * the BOM straddle reads the way they do at 1 MiB boundaries in big files.
 */
#include <jansson.h>
#include <string.h>
#include <unistd.h>

#include "check_main.h"
#include "copcgap/csv.h"

#define SPECTRUM "tests/csv-spectrum"

static const size_t bufsizes[] = { 1, 2, 3, 5, 8, 64, CSV_BUFFER_SIZE };

/* Parse a whole file into JSON (array of objects keyed by the header),
 * the shape csv-spectrum's json/ files have. */
static json_t *parse_to_json(const char *path, size_t bufsize,
                             struct cg_errors *errs)
{
    struct csv_reader *r = csv_open_size(path, "t.csv", bufsize, errs);
    json_t *arr;
    struct csv_row row;
    int rc;

    if (!r)
        return NULL;
    arr = json_array();
    while ((rc = csv_next(r, &row, errs)) == CSV_ROW) {
        json_t *obj = json_object();
        size_t i;
        for (i = 0; i < row.n; i++)
            json_object_set_new(obj, csv_header_name(r, i),
                                json_stringn(row.f[i].p, row.f[i].len));
        json_array_append_new(arr, obj);
    }
    csv_close(r);
    if (rc != CSV_EOF) {
        json_decref(arr);
        return NULL;
    }
    return arr;
}

START_TEST(csv_spectrum_conformance)
{
    static const char *const names[] = {
        "comma_in_quotes", "empty", "empty_crlf", "escaped_quotes", "json",
        "location_coordinates", "newlines", "newlines_crlf",
        "quotes_and_newlines", "simple", "simple_crlf", "utf8",
    };
    size_t i, b;

    for (i = 0; i < ARRAY_LEN(names); i++) {
        char csv[256], js[256];
        json_error_t jerr;
        json_t *want;

        snprintf(csv, sizeof csv, SPECTRUM "/csvs/%s.csv", names[i]);
        snprintf(js, sizeof js, SPECTRUM "/json/%s.json", names[i]);
        want = json_load_file(js, 0, &jerr);
        ck_assert_msg(want != NULL, "%s: %s", js, jerr.text);
        /* One file holds a single object rather than an array of one. */
        if (json_is_object(want)) {
            json_t *arr = json_array();
            json_array_append_new(arr, want);
            want = arr;
        }
        for (b = 0; b < ARRAY_LEN(bufsizes); b++) {
            struct cg_errors errs = CG_ERRORS_INIT;
            json_t *got = parse_to_json(csv, bufsizes[b], &errs);
            char *gs, *ws;

            ck_assert_msg(got != NULL, "%s (buffer %zu): %s", names[i],
                          bufsizes[b], errs.n ? errs.v[0].msg : "?");
            gs = json_dumps(got, JSON_SORT_KEYS | JSON_COMPACT);
            ws = json_dumps(want, JSON_SORT_KEYS | JSON_COMPACT);
            ck_assert_msg(json_equal(got, want), "%s (buffer %zu):\n got %s"
                          "\nwant %s", names[i], bufsizes[b], gs, ws);
            free(gs);
            free(ws);
            json_decref(got);
            errors_free(&errs);
        }
        json_decref(want);
    }
}
END_TEST

/* Parse `text` with every buffer size; the records must come out as
 * `want` ("|"-separated fields, one string per record) with their lines. */
static void expect_records(const char *text, const char *const *want,
                           const long *lines, size_t nwant)
{
    char *path = write_temp(".csv", text);
    size_t b;

    for (b = 0; b < ARRAY_LEN(bufsizes); b++) {
        struct cg_errors errs = CG_ERRORS_INIT;
        struct csv_reader *r = csv_open_size(path, "t.csv", bufsizes[b],
                                             &errs);
        struct csv_row row;
        size_t k = 0;
        int rc;

        ck_assert_msg(r != NULL, "open: %s", errs.n ? errs.v[0].msg : "");
        while ((rc = csv_next(r, &row, &errs)) == CSV_ROW) {
            struct strbuf sb = STRBUF_INIT;
            size_t i;
            for (i = 0; i < row.n; i++) {
                if (i)
                    strbuf_addc(&sb, '|');
                strbuf_add(&sb, row.f[i].p, row.f[i].len);
            }
            ck_assert_msg(k < nwant, "extra record %s", sb.buf);
            ck_assert_msg(strcmp(strbuf_cstr(&sb), want[k]) == 0,
                          "buffer %zu record %zu: got '%s' want '%s'",
                          bufsizes[b], k, strbuf_cstr(&sb), want[k]);
            ck_assert_int_eq(row.line, lines[k]);
            strbuf_free(&sb);
            k++;
        }
        ck_assert_int_eq(rc, CSV_EOF);
        ck_assert_uint_eq(k, nwant);
        ck_assert_uint_eq(csv_rows(r), nwant);
        ck_assert_uint_eq(csv_bytes_done(r), strlen(text));
        csv_close(r);
        errors_free(&errs);
    }
    unlink(path);
    free(path);
}

START_TEST(csv_bom_crlf_blank_lines_and_line_numbers)
{
    static const char *const w1[] = { "1|2", "x\r\ny|4", "5|" };
    static const long l1[] = { 3, 5, 8 };
    static const char *const w2[] = { "1|\"q\"", "|" };
    static const long l2[] = { 2, 3 };
    static const char *const w3[] = { "5'10\"|b\"c\"" };
    static const long l3[] = { 2 };

    /* BOM skipped; blank lines (LF and CRLF) skipped but counted; a
     * quoted CRLF kept; a record spanning lines reports its first line;
     * a trailing comma is an empty last field; no final newline. */
    expect_records("\xEF\xBB\xBF" "a,b\r\n\r\n1,2\r\n\n\"x\r\ny\",4\r\n\n"
                   "5,", w1, l1, 3);
    expect_records("a,b\n1,\"\"\"q\"\"\"\n,\n", w2, l2, 2);
    /* A quote inside an unquoted field is an ordinary character. */
    expect_records("a,b\n5'10\",b\"c\"\n", w3, l3, 1);
}
END_TEST

START_TEST(csv_record_larger_than_the_buffer)
{
    struct strbuf text = STRBUF_INIT;
    struct cg_errors errs = CG_ERRORS_INIT;
    struct csv_reader *r;
    struct csv_row row;
    char *path;
    size_t i;

    strbuf_adds(&text, "a,b\n\"");
    for (i = 0; i < 100000; i++)
        strbuf_adds(&text, i % 100 ? "x" : "\"\"\n");
    strbuf_adds(&text, "\",");
    for (i = 0; i < 50000; i++)
        strbuf_addc(&text, 'y');
    strbuf_adds(&text, "\n1,2\n");
    path = write_temp(".csv", text.buf);
    r = csv_open_size(path, "t.csv", 16, &errs);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(csv_next(r, &row, &errs), CSV_ROW);
    ck_assert_uint_eq(row.f[0].len, 100000 - 1000 + 2000);
    ck_assert_uint_eq(row.f[1].len, 50000);
    ck_assert_int_eq(row.line, 2);
    ck_assert_int_eq(csv_next(r, &row, &errs), CSV_ROW);
    ck_assert_int_eq(row.line, 2 + 1000 + 1);
    ck_assert_int_eq(csv_next(r, &row, &errs), CSV_EOF);
    csv_close(r);
    unlink(path);
    free(path);
    strbuf_free(&text);
    errors_free(&errs);
}
END_TEST

/* The digest of what was read: the file's SHA-256 once every record has
 * been read (here through a 4-byte buffer, refilled many times), none
 * before (the value is sha256sum's of the same bytes; "abc" is FIPS
 * 180-2's example). */
START_TEST(csv_digest_of_the_whole_file)
{
    static const char text[] = "id,name\n1,\"a\nb\"\n2,c\n";
    struct cg_errors errs = CG_ERRORS_INIT;
    struct csv_reader *r;
    struct csv_row row;
    struct digest d;
    char hex[DIGEST_HEX] = "untouched", *path = write_temp(".csv", text);

    r = csv_open_size(path, "t.csv", 4, &errs);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(csv_next(r, &row, &errs), CSV_ROW);
    ck_assert_int_eq(csv_digest(r, hex), 0);
    ck_assert_str_eq(hex, "untouched");
    ck_assert_int_eq(csv_next(r, &row, &errs), CSV_ROW);
    ck_assert_int_eq(csv_next(r, &row, &errs), CSV_EOF);
    ck_assert_int_eq(csv_digest(r, hex), 1);
    ck_assert_str_eq(hex, "2b77a4ce59dae1f9a8e05e16867fc17f"
                          "b92013692a45be51ca0539e0d26b82c7");
    ck_assert_uint_eq(csv_bytes_done(r), sizeof text - 1);
    csv_close(r);
    digest_init(&d);
    digest_update(&d, "abc", 3);
    digest_hex(&d, hex);
    ck_assert_str_eq(hex, "ba7816bf8f01cfea414140de5dae2223"
                          "b00361a396177a9cb410ff61f20015ad");
    unlink(path);
    free(path);
    errors_free(&errs);
}
END_TEST

/* Read all of `text` and return the formatted errors, one per line, and
 * the statuses seen ("R" row, "B" bad row, "F" fatal). */
static void run_errors(const char *text, size_t bufsize, struct strbuf *out,
                       struct strbuf *statuses)
{
    struct cg_errors errs = CG_ERRORS_INIT;
    struct csv_reader *r;
    struct csv_row row;
    char *path = write_temp(".csv", text);
    size_t i;
    int rc;

    r = csv_open_size(path, "t.csv", bufsize, &errs);
    if (r) {
        while ((rc = csv_next(r, &row, &errs)) != CSV_EOF) {
            strbuf_addc(statuses, rc == CSV_ROW ? 'R' :
                        rc == CSV_BAD_ROW ? 'B' : 'F');
            if (rc == CSV_FATAL)
                break;
        }
    }
    for (i = 0; i < errs.n; i++) {
        error_format(&errs.v[i], out);
        strbuf_addc(out, '\n');
    }
    csv_close(r);
    errors_free(&errs);
    unlink(path);
    free(path);
}

START_TEST(csv_located_errors)
{
    static const struct {
        const char *text, *errors, *statuses;
    } cases[] = {
        /* Unterminated quote: the file ends; the quoted field is shown. */
        { "a,b,c\n1,2,3\n\"x,y\",\"open\n4,5,6\n", "t.csv:3:2: "
          "unterminated quoted field: \"\\\"open\\n4,5,6\\n\"\n", "RF" },
        /* Invalid UTF-8: the column is named; reading goes on. */
        { "a,b\n1,caf\xe9\nok,\"\xc3\"\n2,3\n",
          "t.csv:2:2: invalid UTF-8: \"caf\\xE9\"\n"
          "t.csv:3:2: invalid UTF-8: \"\\xC3\"\n", "BBR" },
        /* Field counts; the missing column is named. */
        { "a,b,c\n1,2\n1,2,3,4\n\"1\",\"2\",3\n",
          "t.csv:2:3: row has 2 fields, the header has 3 (no value for "
          "\"c\")\nt.csv:3:4: row has 4 fields, the header has 3\n", "BBR" },
        /* Text after a closing quote. */
        { "a,b\n\"x\"y,2\n3,\"4\" \n5,6\n",
          "t.csv:2:1: text after the closing quote of a quoted field: "
          "\"\\\"x\\\"y,2\"\n"
          "t.csv:3:2: text after the closing quote of a quoted field: "
          "\"\\\"4\\\" \"\n", "BBR" },
        /* Empty file, invalid header. */
        { "", "t.csv:1: no header row (the file is empty)\n", "" },
        { "\xEF\xBB\xBF\n\n", "t.csv:1: no header row (the file is empty)\n",
          "" },
        { "a,\xff\n1,2\n", "t.csv:1:2: invalid UTF-8 in the header: "
          "\"\\xFF\"\n", "" },
    };
    size_t i, b;

    for (i = 0; i < ARRAY_LEN(cases); i++) {
        for (b = 0; b < ARRAY_LEN(bufsizes); b++) {
            struct strbuf out = STRBUF_INIT, st = STRBUF_INIT;
            run_errors(cases[i].text, bufsizes[b], &out, &st);
            ck_assert_msg(strcmp(strbuf_cstr(&out), cases[i].errors) == 0,
                          "case %zu buffer %zu:\n%s", i, bufsizes[b],
                          strbuf_cstr(&out));
            ck_assert_msg(strcmp(strbuf_cstr(&st), cases[i].statuses) == 0,
                          "case %zu: statuses %s", i, strbuf_cstr(&st));
            strbuf_free(&out);
            strbuf_free(&st);
        }
    }
}
END_TEST

START_TEST(csv_columns_by_name)
{
    static const char *const want[] = { "wait_s", "program", "arrived" };
    static const struct {
        const char *header, *errors;
        int idx[3];
    } cases[] = {
        { "x,arrived,program,wait_s\n", "", { 3, 2, 1 } },
        { "program,Wait_S,arrived\n", "t.csv:1: missing column \"wait_s\" "
          "(column 2 is \"Wait_S\": names are case-sensitive)\n",
          { -1, 0, 2 } },
        { "program;wait_s;arrived\n", "t.csv:1: missing column \"wait_s\" "
          "(the header has one column; fields must be separated by "
          "commas, not ';')\nt.csv:1: missing column \"program\" (the "
          "header has one column; fields must be separated by commas, "
          "not ';')\nt.csv:1: missing column \"arrived\" (the header has "
          "one column; fields must be separated by commas, not ';')\n",
          { -1, -1, -1 } },
        { "wait_s,program,arrived,program\n", "t.csv:1:4: column "
          "\"program\" appears twice (also column 2)\n", { 0, 1, 2 } },
    };
    size_t i;

    for (i = 0; i < ARRAY_LEN(cases); i++) {
        struct cg_errors errs = CG_ERRORS_INIT;
        struct strbuf out = STRBUF_INIT;
        struct csv_reader *r = csv_open_mem(cases[i].header,
                                            strlen(cases[i].header), "t.csv",
                                            &errs);
        int idx[3], ok;
        size_t k;

        ck_assert_ptr_nonnull(r);
        ok = csv_find_columns(r, want, 3, idx, &errs);
        for (k = 0; k < errs.n; k++) {
            error_format(&errs.v[k], &out);
            strbuf_addc(&out, '\n');
        }
        ck_assert_msg(strcmp(strbuf_cstr(&out), cases[i].errors) == 0,
                      "case %zu: %s", i, strbuf_cstr(&out));
        ck_assert_int_eq(ok, cases[i].errors[0] == '\0');
        for (k = 0; k < 3; k++)
            ck_assert_int_eq(idx[k], cases[i].idx[k]);
        csv_close(r);
        strbuf_free(&out);
        errors_free(&errs);
    }
}
END_TEST

START_TEST(csv_value_errors_are_located_and_quoted)
{
    struct cg_errors errs = CG_ERRORS_INIT;
    struct strbuf out = STRBUF_INIT;
    const char *text = "id,wait_s\n1,\"-3\"\n";
    struct csv_reader *r = csv_open_mem(text, strlen(text), "c.csv", &errs);
    struct csv_row row;

    ck_assert_int_eq(csv_next(r, &row, &errs), CSV_ROW);
    csv_error_value(r, &row, 1, "must be a number >= 0", &errs);
    csv_error_at(r, &row, 0, &errs, "id %d is odd", 1);
    error_format(&errs.v[0], &out);
    ck_assert_str_eq(out.buf, "c.csv:2:2: wait_s must be a number >= 0, "
                     "not \"-3\"");
    strbuf_truncate(&out, 0);
    error_format(&errs.v[1], &out);
    ck_assert_str_eq(out.buf, "c.csv:2:1: id 1 is odd");
    csv_close(r);
    strbuf_free(&out);
    errors_free(&errs);
}
END_TEST

/* As for XML files: an absent file is the input's fault (exit 3), a
 * refusal by the system (permissions, I/O) is an I/O error. */
START_TEST(csv_missing_file_is_an_input_error)
{
    struct cg_errors errs = CG_ERRORS_INIT;
    ck_assert_ptr_null(csv_open("/nonexistent/x.csv", "x.csv", &errs));
    ck_assert_int_eq(errors_worst(&errs), CG_ERR_INPUT);
    ck_assert_str_eq(errs.v[0].msg, "cannot open: No such file or directory");
    errors_free(&errs);
}
END_TEST

static Suite *csv_suite(void)
{
    Suite *s = suite_create("csv");
    TCase *tc = tcase_create("core");

    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, csv_spectrum_conformance);
    tcase_add_test(tc, csv_bom_crlf_blank_lines_and_line_numbers);
    tcase_add_test(tc, csv_record_larger_than_the_buffer);
    tcase_add_test(tc, csv_digest_of_the_whole_file);
    tcase_add_test(tc, csv_located_errors);
    tcase_add_test(tc, csv_columns_by_name);
    tcase_add_test(tc, csv_value_errors_are_located_and_quoted);
    tcase_add_test(tc, csv_missing_file_is_an_input_error);
    suite_add_tcase(s, tc);
    return s;
}

CG_TEST_MAIN(csv_suite)
