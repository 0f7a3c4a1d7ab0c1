/*
 * field.c — typed CSV field values with located errors (see field.h).
 *
 * These run once per field of every raw row, so they parse in place and
 * build an error message only when the value is bad.
 */
#include <string.h>

#include "copcgap/field.h"
#include "copcgap/num.h"
#include "copcgap/strbuf.h"

/* The length of the prefix of s[0..len) made of bytes in `accept`. */
static size_t strspn_n(const char *s, size_t len, const char *accept)
{
    size_t i = 0;

    while (i < len && s[i] && strchr(accept, s[i]))
        i++;
    return i;
}

/* 1 when the field is exactly the C string s. */
static int field_is(const struct csv_row *row, int col, const char *s)
{
    return str_eq_n(row->f[col].p, row->f[col].len, s);
}

int field_program(const struct csv_reader *r, const struct csv_row *row,
                  int col, const struct profile *p, int site_wide,
                  struct field_program_cache *cache, int *out,
                  struct cg_errors *errs)
{
    const struct csv_field *f = &row->f[col];
    size_t i;
    int idx;

    for (i = 0; cache && i < cache->n; i++) {
        if (f->len == cache->e[i].len &&
            memcmp(f->p, cache->e[i].id, f->len) == 0) {
            *out = cache->e[i].idx;
            return 1;
        }
    }
    if (site_wide && (f->len == 0 || (f->len == 1 && f->p[0] == '*'))) {
        *out = -1;
        return 1;
    }
    if (f->len == 0) {
        csv_error_value(r, row, col, "must be a program id of profile.xml",
                        errs);
        return 0;
    }
    idx = profile_find_program(p, f->p, f->len);
    if (idx < 0) {
        struct strbuf q = STRBUF_INIT;
        csv_quote(&q, f);
        csv_error_at(r, row, col, errs,
                     "unknown program %s (not in profile.xml)", q.buf);
        strbuf_free(&q);
        return 0;
    }
    if (cache) {
        /* Fill the slots, then replace round-robin. */
        if (cache->n < FIELD_PROGRAM_CACHE)
            i = cache->n++;
        else
            i = cache->next++ % FIELD_PROGRAM_CACHE;
        cache->e[i].id = p->programs[idx].id;
        cache->e[i].len = f->len;
        cache->e[i].idx = idx;
    }
    *out = idx;
    return 1;
}

int field_date(const struct csv_reader *r, const struct csv_row *row,
               int col, cg_day *out, int *has, struct cg_errors *errs)
{
    const struct csv_field *f = &row->f[col];

    if (has) {
        *has = f->len > 0;
        if (!*has)
            return 1;
    }
    if (date_parse(f->p, f->len, out)) {
        if (*out >= DATE_FLOOR)
            return 1;
        csv_error_value(r, row, col, "must be a date on or after "
                        DATE_FLOOR_TEXT, errs);
        return 0;
    }
    csv_error_value(r, row, col, has ? "must be a date (YYYY-MM-DD) or empty"
                    : "must be a date (YYYY-MM-DD)", errs);
    return 0;
}

/* The month written in the first seven characters, already validated. */
static cg_month written_month(const char *s)
{
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
            (s[3] - '0');
    int m = (s[5] - '0') * 10 + (s[6] - '0');
    return month_from_ym(y, m);
}

int field_month_of(const struct csv_reader *r, const struct csv_row *row,
                   int col, int date_ok, struct field_date_cache *cache,
                   cg_month *out, struct cg_errors *errs)
{
    const struct csv_field *f = &row->f[col];
    cg_day day;

    /* Times are site-local and the month is the one written (docs/inputs.md):
     * no zone arithmetic, so 2026-08-31T23:30:00-05:00 is August. */
    if (cache && cache->valid && f->len >= 10 &&
        memcmp(f->p, cache->ymd, 10) == 0 &&
        ((f->len == 10 && date_ok) ||
         timestamp_parse_time(f->p, f->len, NULL))) {
        *out = cache->month;
        return 1;
    }
    if (timestamp_parse(f->p, f->len, &day, NULL) ||
        (date_ok && date_parse(f->p, f->len, &day))) {
        if (day < DATE_FLOOR) {
            csv_error_value(r, row, col, "must be on or after "
                            DATE_FLOOR_TEXT, errs);
            return 0;
        }
        *out = written_month(f->p);
        if (cache) {
            memcpy(cache->ymd, f->p, 10);
            cache->month = *out;
            cache->valid = 1;
        }
        return 1;
    }
    csv_error_value(r, row, col, date_ok ? "must be a date or a timestamp "
                    "(YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS)"
                    : "must be a timestamp (YYYY-MM-DDTHH:MM:SS)", errs);
    return 0;
}

int field_month(const struct csv_reader *r, const struct csv_row *row,
                int col, cg_month *out, struct cg_errors *errs)
{
    const struct csv_field *f = &row->f[col];

    if (month_parse(f->p, f->len, out)) {
        if (month_first_day(*out) >= DATE_FLOOR)
            return 1;
        csv_error_value(r, row, col, "must be a month from 1970-01 on",
                        errs);
        return 0;
    }
    csv_error_value(r, row, col, "must be a month (YYYY-MM)", errs);
    return 0;
}

int field_number(const struct csv_reader *r, const struct csv_row *row,
                 int col, int nonneg, double *out, struct cg_errors *errs)
{
    const struct csv_field *f = &row->f[col];

    if (num_parse(f->p, f->len, out) && (!nonneg || *out >= 0)) {
        if (*out == 0)
            *out = 0;           /* "-0" is 0 */
        return 1;
    }
    if (f->len > NUM_MAX_CHARS && f->len == strspn_n(f->p, f->len,
                                                      "-.0123456789")) {
        struct strbuf must = STRBUF_INIT;
        strbuf_printf(&must, "must be a number of at most %d characters "
                      "(docs/limits.md)", NUM_MAX_CHARS);
        csv_error_value(r, row, col, must.buf, errs);
        strbuf_free(&must);
        return 0;
    }
    csv_error_value(r, row, col, nonneg ? "must be a number >= 0"
                    : "must be a number", errs);
    return 0;
}

int field_count(const struct csv_reader *r, const struct csv_row *row,
                int col, long long *out, struct cg_errors *errs)
{
    const struct csv_field *f = &row->f[col];

    if (num_parse_uint(f->p, f->len, out))
        return 1;
    csv_error_value(r, row, col, "must be an integer >= 0", errs);
    return 0;
}

int field_scale(const struct csv_reader *r, const struct csv_row *row,
                int col, int lo, int hi, int *out, struct cg_errors *errs)
{
    const struct csv_field *f = &row->f[col];
    long long v;

    if (f->len == 0) {
        *out = -1;
        return 1;
    }
    if (num_parse_uint(f->p, f->len, &v) && v >= lo && v <= hi) {
        *out = (int)v;
        return 1;
    }
    {
        struct strbuf must = STRBUF_INIT;
        strbuf_printf(&must, "must be an integer from %d to %d, or empty",
                      lo, hi);
        csv_error_value(r, row, col, must.buf, errs);
        strbuf_free(&must);
    }
    return 0;
}

int field_enum(const struct csv_reader *r, const struct csv_row *row,
               int col, const char *const *names, int optional, int *out,
               struct cg_errors *errs)
{
    struct strbuf must = STRBUF_INIT;
    int i, n;

    if (optional && field_empty(row, col)) {
        *out = -1;
        return 1;
    }
    for (i = 0; names[i]; i++) {
        if (field_is(row, col, names[i])) {
            *out = i;
            return 1;
        }
    }
    n = i;
    strbuf_adds(&must, "must be ");
    for (i = 0; i < n; i++) {
        if (i > 0)
            strbuf_adds(&must, i == n - 1 && !optional ? " or " : ", ");
        strbuf_adds(&must, names[i]);
    }
    if (optional)
        strbuf_adds(&must, " or empty");
    csv_error_value(r, row, col, must.buf, errs);
    strbuf_free(&must);
    return 0;
}

int field_required(const struct csv_reader *r, const struct csv_row *row,
                   int col, struct cg_errors *errs)
{
    if (!field_empty(row, col))
        return 1;
    csv_error_at(r, row, col, errs, "%s is empty (a value is required)",
                 csv_header_name(r, (size_t)col));
    return 0;
}
