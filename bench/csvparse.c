/*
 * csvparse.c — parse-only speed of copcgap's CSV reader against libcsv
 * on the same file (bench/run.sh builds it when libcsv-dev is present;
 * not part of the tool).
 *
 *   csvparse own|libcsv FILE     prints "records fields seconds"
 *
 * Both count records and fields and touch every field's bytes, so
 * neither can skip work the other does.
 */
#include <csv.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "copcgap/csv.h"

struct counts {
    unsigned long long records, fields, bytes;
};

static void on_field(void *data, size_t len, void *ctx)
{
    struct counts *c = ctx;
    c->fields++;
    c->bytes += len ? ((unsigned char *)data)[0] + len : 0;
}

static void on_record(int term, void *ctx)
{
    struct counts *c = ctx;
    (void)term;
    c->records++;
}

static int run_libcsv(const char *path, struct counts *c)
{
    static char buf[1 << 20];
    struct csv_parser p;
    ssize_t n;
    int fd = open(path, O_RDONLY);

    if (fd < 0 || csv_init(&p, 0) != 0)
        return 0;
    while ((n = read(fd, buf, sizeof buf)) > 0)
        if (csv_parse(&p, buf, (size_t)n, on_field, on_record, c) !=
            (size_t)n)
            return 0;
    csv_fini(&p, on_field, on_record, c);
    csv_free(&p);
    close(fd);
    return n == 0;
}

static int run_own(const char *path, struct counts *c)
{
    struct cg_errors errs = CG_ERRORS_INIT;
    struct csv_reader *r = csv_open(path, path, &errs);
    struct csv_row row;
    int rc;
    size_t i;

    if (!r)
        return 0;
    c->records++;                   /* the header, as libcsv counts it */
    c->fields += csv_header_count(r);
    while ((rc = csv_next(r, &row, &errs)) == CSV_ROW) {
        c->records++;
        for (i = 0; i < row.n; i++) {
            c->fields++;
            c->bytes += row.f[i].len ? (unsigned char)row.f[i].p[0] +
                                       row.f[i].len : 0;
        }
    }
    csv_close(r);
    errors_free(&errs);
    return rc == CSV_EOF;
}

int main(int argc, char **argv)
{
    struct counts c;
    struct timespec a, b;
    int ok;

    if (argc != 3)
        return 2;
    memset(&c, 0, sizeof c);
    clock_gettime(CLOCK_MONOTONIC, &a);
    ok = strcmp(argv[1], "libcsv") == 0 ? run_libcsv(argv[2], &c)
                                        : run_own(argv[2], &c);
    clock_gettime(CLOCK_MONOTONIC, &b);
    if (!ok)
        return 1;
    printf("%llu %llu %.3f\n", c.records, c.fields,
           (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) /
           1e9);
    return 0;
}
