/*
 * load.h — the loaders (edges layer): files in, models out.
 *
 * Each loader reads and checks one kind of input and builds its model
 * (catalog.h, profile.h, org.h, kpi.h).  XML is parsed only through
 * xmlsafe.c: no network, no DTD, no entity expansion, any DOCTYPE
 * refused, then validated against the schema embedded in the binary.
 * Every problem is a located error (FILE:LINE[:COL]: message) appended
 * to `errs`, and a loader that saw one returns NULL: a model is never
 * half loaded.  Nothing here prints.
 */
#ifndef COPCGAP_LOAD_H
#define COPCGAP_LOAD_H

#include <stdint.h>

#include "copcgap/catalog.h"
#include "copcgap/error.h"
#include "copcgap/kpi.h"
#include "copcgap/lang.h"
#include "copcgap/org.h"
#include "copcgap/profile.h"

/*
 * Counts and ranges the loaders enforce (docs/limits.md), each far above
 * real use; each is a located error.  Counts bound the checks that are
 * quadratic (duplicate ids, targets) and the engine's work; ranges are
 * checked before any value is narrowed to an int or used (the schemas
 * check them too, where XML Schema can say them).
 */
#define CATALOG_MAX_REQUIREMENTS 200000 /* the COPC catalogue has 112 */
#define CATALOG_MAX_RULES 100           /* per requirement */
#define CATALOG_MAX_LINKS 100           /* depends-on, ref: per requirement */
#define CATALOG_MAX_METRICS 1000        /* declared in <metrics> */
#define PROFILE_MAX_PROGRAMS 1000
#define PROFILE_MAX_ENTRIES 1000        /* roles, scope exclusions, named
                                           owners, people */
#define PROFILE_MAX_TARGETS 100         /* per program */
#define LIMIT_WEIGHT_MAX 1e6            /* weights, factors, tier minimums */
#define LIMIT_VALUE_MAX 1e15            /* targets, tolerances: |value| */
#define LIMIT_SECONDS_MAX 1e7           /* sl-seconds and the like (116 d) */
#define LIMIT_AGE_DAYS_MAX 36500        /* max-age-days: 100 years */
#define LIMIT_MIN_COUNT_MAX 10000       /* evidence rule min-count */
#define LIMIT_MONTHS_MAX 36             /* windows (catalogue.xsd's too) */

/* A requirements catalogue (catalogue.xsd), built and linted. */
struct catalog *catalog_load(const char *path, struct cg_errors *errs);

/* An organisation profile (profile.xsd, docs/inputs.md). */
struct profile *profile_load(const char *path, struct cg_errors *errs);

/* Progress of a long read, for a progress line (the CLI prints it). */
struct kpi_progress {
    void (*fn)(void *ctx, const char *file, uint64_t bytes_done,
               uint64_t bytes_total, uint64_t rows);
    void *ctx;
};

/* What kpi_derive found, for summaries and the workspace. */
struct raw_file_info {
    char *path;             /* as displayed (malloc'd; kpi_raw_free) */
    uint64_t rows;
    uint64_t bytes;
    int present;
    char digest[DIGEST_HEX];    /* SHA-256; "" when not read to the end */
};

/*
 * Derive every KPI of docs/inputs.md from the raw files found in dir or
 * dir/data (contacts.csv, qa.csv, surveys.csv, forecast.csv, staff.csv)
 * and add them to the store.  Returns 1, or 0 with located errors
 * (FILE:LINE:COL, up to the error list's limit) appended.  `info` (may
 * be NULL) receives one entry per enum metric_source, with the file's
 * SHA-256 when `digests` is set ("" otherwise).  `progress` may be
 * NULL.
 */
int kpi_derive(const char *dir, const struct profile *p,
               struct kpi_store *store, const struct kpi_progress *progress,
               struct raw_file_info info[5], int digests,
               struct cg_errors *errs);

/* What org_load does beyond loading (flags). */
enum org_load_flags {
    ORG_DIGESTS = 1             /* SHA-256 of the raw files too (reports,
                                   the workspace); the registers are
                                   always hashed */
};
void kpi_raw_free(struct raw_file_info info[5]);

/*
 * The organisation folder `dir`: evidence.csv, findings.csv, metrics.csv
 * (each optional) and the KPIs derived from the raw files, checked
 * against the profile and (when given) the catalogue.  `progress` may be
 * NULL.  Each file read is recorded in o->sources; the raw files' digests
 * only with ORG_DIGESTS in `flags`.
 */
struct orgdata *org_load(const char *dir, const struct profile *p,
                         const struct catalog *c,
                         const struct kpi_progress *progress, unsigned flags,
                         struct cg_errors *errs);

/*
 * The language table for `code` ("en", "es"): templates/<code>.lang from
 * the data directory, else the copy compiled into the binary; tables
 * other than English fall back to English for a missing key.
 */
struct lang *lang_load(const char *code, struct cg_errors *errs);
/* A table from text (tests; `display` names it in errors). */
struct lang *lang_parse(const char *text, size_t len, const char *display,
                        const char *code, struct cg_errors *errs);

/* What kind of XML document a file holds (for `validate`). */
enum doc_kind { DOC_CATALOG, DOC_PROFILE };

/* Parse `path` safely and tell its kind from the root element; -1 with
 * an error when it cannot be parsed or is neither kind. */
int load_sniff(const char *path, struct cg_errors *errs);

/* Release what the XML library caches (schemas), so that leak checkers
 * stay quiet at exit. */
void load_cleanup(void);

#endif
