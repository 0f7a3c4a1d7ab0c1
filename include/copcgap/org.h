/*
 * org.h — an organisation folder loaded, as a model: evidence register,
 * assessor findings, and KPI values (metrics.csv plus everything derived
 * from the raw files), all checked against the profile and catalogue.
 *
 * org_load() (load.h) reads ORGDIR/evidence.csv, findings.csv and
 * metrics.csv (each optional) and derives KPIs from the raw files.  It
 * verifies evidence files' SHA-256 digests when given.  Any problem is a
 * located error (FILE:LINE:COL) and the whole load fails: no row is ever
 * silently dropped.  Everything lives in the orgdata's arena (and its
 * KPI store); org_free() releases all of it.
 */
#ifndef COPCGAP_ORG_H
#define COPCGAP_ORG_H

#include <stddef.h>
#include <stdint.h>

#include "copcgap/catalog.h"
#include "copcgap/date.h"
#include "copcgap/error.h"
#include "copcgap/kpi.h"
#include "copcgap/metric.h"
#include "copcgap/profile.h"

/* The largest evidence file hashed (docs/limits.md): 4 GiB covers any
 * document or recording offered as proof and hashes in seconds. */
#define EVIDENCE_MAX_BYTES (UINT64_C(4) << 30)

/* Integrity of an evidence file (evidence.csv `sha256`, `location`). */
enum integrity {
    INTEG_UNCHECKED,    /* no sha256 given (file may or may not exist) */
    INTEG_OK,           /* file present and digest matches */
    INTEG_MISMATCH,     /* file present, digest differs: it changed */
    INTEG_MISSING,      /* location names a file that is not there */
    INTEG_REMOTE        /* location is a URL: not checked */
};

struct evidence {
    long line;                  /* line in evidence.csv */
    const char *id;
    size_t *reqs;               /* catalogue requirement indexes */
    size_t nreqs;
    int program;                /* profile program index; -1 site-wide */
    const char *kind;
    const char *title;
    const char *owner;          /* may be "" */
    cg_day dated;
    int approved;
    int has_expires;
    cg_day expires;
    const char *location;       /* may be "" */
    int file_present;           /* location is a file under the folder */
    const char *sha256;         /* as given (lowercased), or NULL */
    const char *actual_sha256;  /* computed when the file is present */
    enum integrity integrity;
};

struct finding {
    long line;                  /* line in findings.csv */
    size_t req;                 /* catalogue requirement index */
    int program;                /* -1 site-wide */
    enum finding_result result;
    const char *assessor;       /* may be "" */
    int has_dated;
    cg_day dated;
    const char *note;           /* may be "" (never for n/a) */
    enum finding_class cls;
};

/* A file of the folder the load read whole (registers and raw data, in
 * the order read), for the report's data sources and the workspace. */
struct org_source {
    const char *path;           /* as displayed */
    const char *kind;           /* "evidence", "findings", "metrics", or a
                                   raw source ("contacts", "qa", ...) */
    uint64_t rows;              /* records, header excluded */
    struct file_digest digest;  /* hex[0] NUL: not read to the end */
};

struct orgdata {
    struct arena *arena;
    const char *dir;
    const char *evidence_path;  /* as displayed; NULL when absent */
    const char *findings_path;
    const char *metrics_path;
    struct evidence *evidence;
    size_t nevidence;
    struct finding *findings;
    size_t nfindings;
    struct kpi_store *kpis;     /* metrics.csv + derived */
    size_t nhashed;             /* evidence files hashed (each once) */
    /* Every file of the folder that was read, as opened (CSV files by
     * their displayed path, evidence files resolved): what an output
     * must never replace.  `capfiles` is used while loading only. */
    const char **files;
    size_t nfiles, capfiles;
    struct org_source *sources;
    size_t nsources, capsources;
};

void org_free(struct orgdata *o);

/* Display name of an integrity state ("ok", "mismatch", ...). */
const char *integrity_name(enum integrity i);

#endif
