/*
 * fuzz_num.c — the number and date parsers (num.h, date.h), checked
 * against independent answers: a number accepted is finite and equals
 * strtod's reading of the same text (the fast path is exact); an integer
 * equals strtoll's; a date or a month accepted formats back to the same
 * text and round-trips through year/month/day; a timestamp is accepted
 * exactly when its date and its time part are.
 */
#include <math.h>

#include "fuzz.h"

#include "copcgap/date.h"
#include "copcgap/num.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

static void check_number(const char *s, size_t size)
{
    char copy[NUM_MAX_CHARS + 1], *end;
    long long u;
    double v;

    if (num_parse(s, size, &v)) {
        FUZZ_ASSERT(isfinite(v));
        FUZZ_ASSERT(size <= NUM_MAX_CHARS);
        memcpy(copy, s, size);
        copy[size] = '\0';
        FUZZ_ASSERT(strtod(copy, &end) == v && *end == '\0');
    }
    if (num_parse_uint(s, size, &u)) {
        FUZZ_ASSERT(size <= 18 && u >= 0);
        memcpy(copy, s, size);
        copy[size] = '\0';
        FUZZ_ASSERT(strtoll(copy, &end, 10) == u && *end == '\0');
    }
}

static void check_dates(const char *s, size_t size)
{
    char buf[DATE_BUF], mbuf[MONTH_BUF];
    int32_t secs, secs2;
    cg_day day, day2;
    cg_month m;
    int y, mo, d, ts;

    if (date_parse(s, size, &day)) {
        FUZZ_ASSERT(size == 10);
        date_format(day, buf);
        FUZZ_ASSERT(memcmp(buf, s, 10) == 0);
        date_to_ymd(day, &y, &mo, &d);
        FUZZ_ASSERT(date_from_ymd(y, mo, d) == day);
        FUZZ_ASSERT(d >= 1 && d <= date_days_in_month(y, mo));
        FUZZ_ASSERT(month_first_day(date_month(day)) <= day &&
                    month_last_day(date_month(day)) >= day);
    }
    if (month_parse(s, size, &m)) {
        FUZZ_ASSERT(size == 7);
        month_format(m, mbuf);
        FUZZ_ASSERT(memcmp(mbuf, s, 7) == 0);
        FUZZ_ASSERT(date_month(month_first_day(m)) == m);
        FUZZ_ASSERT(date_month(month_last_day(m)) == m);
        FUZZ_ASSERT(date_month(month_last_day(m) + 1) == m + 1);
    }
    ts = timestamp_parse(s, size, &day, &secs);
    if (ts) {
        FUZZ_ASSERT(secs >= 0 && secs < 86400);
        FUZZ_ASSERT(timestamp_parse_time(s, size, &secs2) && secs2 == secs);
        FUZZ_ASSERT(date_parse(s, 10, &day2) && day2 == day);
    } else if (size >= 10 && date_parse(s, 10, &day2)) {
        FUZZ_ASSERT(!timestamp_parse_time(s, size, NULL));
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;

    /* Parsers take (pointer, length): no NUL is needed, and none may be
     * read past the end (ASan watches). */
    check_number(s, size);
    check_dates(s, size);
    return 0;
}
