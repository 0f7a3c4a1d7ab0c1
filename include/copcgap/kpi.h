/*
 * kpi.h — monthly KPI values per program: the store (core).  They are
 * derived from raw operational data by kpi_derive() (load.h; docs/inputs.md,
 * "Raw operational data and the KPIs derived from it").
 *
 * The store holds one entry per (program, metric, month), whether it
 * came from metrics.csv or was derived from a raw file; adding a key
 * twice is refused so the caller can report both places.  Entries own
 * nothing: metric names are interned in the store (or are the static
 * names of metric_defs), file names are copied into the store.
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
 * Append the entries as CSV exactly as docs/inputs.md "Output of copcgap kpi"
 * says: header `program,metric,period,value,n`, value with up to 6
 * decimals and no trailing zeros, n an integer (empty when not given).
 */
void kpi_store_write_csv(const struct kpi_store *s, const struct profile *p,
                         struct strbuf *out);

/* The same CSV for chosen entries, in the order given (e.g. only the
 * derived ones, line == 0, from kpi_store_sorted). */
void kpi_write_entries(const struct kpi_entry *const *v, size_t n,
                       const struct profile *p, struct strbuf *out);

/* Format a KPI value as docs/inputs.md asks ("80", "83.333333", "-12.5"). */
void kpi_format_value(double v, char *buf, size_t size);

#endif
