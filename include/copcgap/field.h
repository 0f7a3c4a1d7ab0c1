/*
 * field.h — typed values from CSV fields, with located errors (edges
 * layer, shared by the records loaders and kpi_derive).
 *
 * Each function reads field `col` (0-based) of the current row and
 * returns 1 with the value stored, or 0 after appending an error located
 * at that field (FILE:LINE:COL), naming the column and quoting the value:
 *   contacts.csv:9:6: wait_s must be a number >= 0, not "-3"
 * "Optional" fields accept an empty value and say so through *has (or a
 * -1 value); required ones refuse it like any other bad value.
 */
#ifndef COPCGAP_FIELD_H
#define COPCGAP_FIELD_H

#include <string.h>

#include "copcgap/csv.h"
#include "copcgap/date.h"
#include "copcgap/profile.h"

static inline int field_empty(const struct csv_row *row, int col)
{
    return row->f[col].len == 0;
}

/* The same against a string literal, without strlen. */
#define FIELD_IS(row, col, lit) \
    ((row)->f[col].len == sizeof(lit) - 1 && \
     memcmp((row)->f[col].p, (lit), sizeof(lit) - 1) == 0)

/*
 * A program id of the profile.  With `site_wide`, `*` and empty mean
 * site-wide and give -1.  `cache` (may be NULL; zero it before use)
 * remembers the ids matched with their lengths, because raw files repeat
 * a few programs row after row and strlen + compare on every row shows.
 */
#define FIELD_PROGRAM_CACHE 8
struct field_program_cache {
    struct {
        const char *id;         /* the profile's string */
        size_t len;
        int idx;
    } e[FIELD_PROGRAM_CACHE];
    size_t n, next;
};

int field_program(const struct csv_reader *r, const struct csv_row *row,
                  int col, const struct profile *p, int site_wide,
                  struct field_program_cache *cache, int *out,
                  struct cg_errors *errs);

/* YYYY-MM-DD; optional when has != NULL (empty: *has = 0). */
int field_date(const struct csv_reader *r, const struct csv_row *row,
               int col, cg_day *out, int *has, struct cg_errors *errs);

/*
 * The calendar month of a timestamp (YYYY-MM-DDTHH:MM:SS, docs/inputs.md; the
 * zone suffix is ignored) or, with `date_ok`, also of a plain date.
 * `cache` (may be NULL; zero it before use) remembers the last valid
 * date: rows in time order share it, and only the time is checked then.
 */
struct field_date_cache {
    char ymd[10];
    cg_month month;
    int valid;
};

int field_month_of(const struct csv_reader *r, const struct csv_row *row,
                   int col, int date_ok, struct field_date_cache *cache,
                   cg_month *out, struct cg_errors *errs);

/* YYYY-MM. */
int field_month(const struct csv_reader *r, const struct csv_row *row,
                int col, cg_month *out, struct cg_errors *errs);

/* A number (num.h), required; with `nonneg` it must be >= 0. */
int field_number(const struct csv_reader *r, const struct csv_row *row,
                 int col, int nonneg, double *out, struct cg_errors *errs);

/* An integer >= 0, required. */
int field_count(const struct csv_reader *r, const struct csv_row *row,
                int col, long long *out, struct cg_errors *errs);

/* An integer in [lo, hi], or empty (*out = -1). */
int field_scale(const struct csv_reader *r, const struct csv_row *row,
                int col, int lo, int hi, int *out, struct cg_errors *errs);

/*
 * One of `names` (a NULL-terminated list); *out receives its index.  An
 * empty field is allowed when `optional` (then *out = -1).  The message
 * lists the accepted values.
 */
int field_enum(const struct csv_reader *r, const struct csv_row *row,
               int col, const char *const *names, int optional, int *out,
               struct cg_errors *errs);

/* A non-empty value (kinds, ids, titles). */
int field_required(const struct csv_reader *r, const struct csv_row *row,
                   int col, struct cg_errors *errs);

#endif
