/*
 * kpi.h — monthly KPI values per program: the store, and their
 * derivation from raw operational data (inputs.md, "Raw operational data
 * and the KPIs derived from it").
 *
 * The store holds one entry per (program, metric, month), whether it
 * came from metrics.csv or was derived from a raw file; adding a key
 * twice is refused so the caller can report both places.  Entries own
 * nothing: metric names are interned in the store (or are the static
 * names of metric_defs), file names are copied into the store.
 *
 * kpi_derive() streams each raw file once with memory independent of the
 * number of rows (accumulators per program and month only).
 */
#ifndef COPCGAP_KPI_H
#define COPCGAP_KPI_H

#include <stddef.h>
#include <stdint.h>

#include "copcgap/date.h"
#include "copcgap/error.h"
#include "copcgap/profile.h"
#include "copcgap/strbuf.h"

struct kpi_entry {
    int program;            /* index into the profile's programs */
    const char *metric;     /* interned name */
    cg_month month;
    double value;
    long long n;            /* denominator; -1 when not given */
    const char *file;       /* where it came from, as displayed */
    long line;              /* line in that file; 0 when derived */
};

struct kpi_store;

struct kpi_store *kpi_store_new(void);
void kpi_store_free(struct kpi_store *s);

/*
 * Add a copy of e (metric and file are copied/interned).  Returns NULL
 * when added, or the entry already stored under the same key (nothing is
 * added then; the caller reports the duplicate naming both places).
 */
const struct kpi_entry *kpi_store_add(struct kpi_store *s,
                                      const struct kpi_entry *e);

/* The entry for a key, or NULL. */
const struct kpi_entry *kpi_store_get(const struct kpi_store *s,
                                      int program, const char *metric,
                                      cg_month month);

size_t kpi_store_count(const struct kpi_store *s);

/*
 * Entries in the order of `copcgap kpi` output: program id, then metric
 * name, then period, each in byte order (needs the profile for the ids).
 * Returns a malloc'd array of pointers (free it) and its length.
 */
const struct kpi_entry **kpi_store_sorted(const struct kpi_store *s,
                                          const struct profile *p,
                                          size_t *n);

/*
 * Append the entries as CSV exactly as inputs.md "Output of copcgap kpi"
 * says: header `program,metric,period,value,n`, value with up to 6
 * decimals and no trailing zeros, n an integer (empty when not given).
 */
void kpi_store_write_csv(const struct kpi_store *s, const struct profile *p,
                         struct strbuf *out);

/* The same CSV for chosen entries, in the order given (e.g. only the
 * derived ones, line == 0, from kpi_store_sorted). */
void kpi_write_entries(const struct kpi_entry *const *v, size_t n,
                       const struct profile *p, struct strbuf *out);

/* Format a KPI value as inputs.md asks ("80", "83.333333", "-12.5"). */
void kpi_format_value(double v, char *buf, size_t size);

/* Progress of a long read, for a progress line (the CLI prints it). */
struct kpi_progress {
    void (*fn)(void *ctx, const char *file, uint64_t bytes_done,
               uint64_t bytes_total, uint64_t rows);
    void *ctx;
};

/* What kpi_derive found, for summaries and the workspace. */
struct raw_file_info {
    int present;
    char *path;             /* as displayed (malloc'd; kpi_raw_free) */
    uint64_t rows;
    uint64_t bytes;
};

/*
 * Derive every KPI of inputs.md from the raw files found in dir or
 * dir/data (contacts.csv, qa.csv, surveys.csv, forecast.csv, staff.csv)
 * and add them to the store.  Returns 1, or 0 with located errors
 * (FILE:LINE:COL, up to the error list's limit) appended.  `info` (may
 * be NULL) receives one entry per enum metric_source.  `progress` may be
 * NULL.
 */
int kpi_derive(const char *dir, const struct profile *p,
               struct kpi_store *store, const struct kpi_progress *progress,
               struct raw_file_info info[5], struct cg_errors *errs);
void kpi_raw_free(struct raw_file_info info[5]);

#endif
