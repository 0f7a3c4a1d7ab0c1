/*
 * fuzz_csv.c — the CSV reader (csv.h) and the typed field parsers
 * (field.h).
 *
 * The first byte picks a tiny read buffer (1-64 bytes) so that records
 * straddle refills; the rest is the file.  The same bytes are read twice,
 * from a file through that buffer and from memory in one piece, and the
 * two transcripts (statuses, lines, fields) must be equal.  Every field
 * also goes through the date, number and month parsers, and the month of
 * a timestamp is computed with and without the reader's date cache: the
 * answers must agree.
 */
#include "fuzz.h"

#include "copcgap/csv.h"
#include "copcgap/field.h"
#include "copcgap/strbuf.h"

static char path[512];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_path(path, sizeof path, "f.csv");
    return 0;
}

/* Each field through the typed parsers.  Errors are expected; once the
 * list holds 20, the rest are only counted (cheap), as in a real load. */
static void parse_fields(const struct csv_reader *r, const struct csv_row *row,
                         struct field_date_cache *cache,
                         struct cg_errors *errs)
{
    size_t i;

    for (i = 0; i < row->n; i++) {
        int col = (int)i, has, scale, a, b;
        cg_day day;
        cg_month m1 = 0, m2 = 0;
        double v;
        long long n;

        field_date(r, row, col, &day, &has, errs);
        field_month(r, row, col, &m1, errs);
        if (field_number(r, row, col, 0, &v, errs))
            FUZZ_ASSERT(v == v && v - v == 0);      /* finite */
        field_count(r, row, col, &n, errs);
        field_scale(r, row, col, 1, 5, &scale, errs);
        /* The cache must never change an answer. */
        a = field_month_of(r, row, col, (int)(i & 1), cache, &m1, errs);
        b = field_month_of(r, row, col, (int)(i & 1), NULL, &m2, errs);
        FUZZ_ASSERT(a == b);
        FUZZ_ASSERT(!a || m1 == m2);
    }
}

static void transcript(struct csv_reader *r, struct strbuf *out)
{
    struct cg_errors errs = CG_ERRORS_INIT;
    struct field_date_cache cache;
    struct csv_row row;
    size_t i;
    int rc;

    memset(&cache, 0, sizeof cache);
    if (!r) {
        strbuf_adds(out, "no reader\n");
        return;
    }
    for (i = 0; i < csv_header_count(r); i++)
        strbuf_printf(out, "<%s>", csv_header_name(r, i));
    strbuf_addc(out, '\n');
    while ((rc = csv_next(r, &row, &errs)) != CSV_EOF) {
        strbuf_printf(out, "%d %ld %zu:", rc, row.line, row.n);
        if (rc == CSV_FATAL)
            break;
        for (i = 0; rc == CSV_ROW && i < row.n; i++) {
            strbuf_printf(out, "[%zu]", row.f[i].len);
            strbuf_add(out, row.f[i].p, row.f[i].len);
        }
        strbuf_addc(out, '\n');
        if (rc == CSV_ROW)
            parse_fields(r, &row, &cache, &errs);
    }
    errors_free(&errs);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct cg_errors errs = CG_ERRORS_INIT;
    struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
    struct csv_reader *r;
    size_t bufsize;

    /* The file reader refuses a record over CSV_MAX_RECORD_BYTES, the
     * memory reader has no such cap: stay well below it (libFuzzer's
     * inputs are kilobytes anyway). */
    if (size < 1 || size > CSV_MAX_RECORD_BYTES / 2)
        return 0;
    bufsize = 1 + data[0] % 64u;
    data++;
    size--;
    fuzz_write(path, data, size);
    r = csv_open_size(path, "f.csv", bufsize, &errs);
    transcript(r, &a);
    csv_close(r);
    errors_clear(&errs);
    r = csv_open_mem((const char *)data, size, "f.csv", &errs);
    transcript(r, &b);
    csv_close(r);
    errors_free(&errs);
    if (a.len != b.len || memcmp(a.buf, b.buf, a.len) != 0) {
        fprintf(stderr, "file reader:\n%s\nmemory reader:\n%s\n",
                strbuf_cstr(&a), strbuf_cstr(&b));
        FUZZ_ASSERT(!"the file and memory readers disagree");
    }
    strbuf_free(&a);
    strbuf_free(&b);
    return 0;
}
