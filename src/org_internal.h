/*
 * org_internal.h — shared by the organisation-folder loaders (org_csv.c,
 * org_load.c, org_evidence.c; internal to src/).
 */
#ifndef COPCGAP_ORG_INTERNAL_H
#define COPCGAP_ORG_INTERNAL_H

#include "copcgap/catalog.h"
#include "copcgap/csv.h"
#include "copcgap/org.h"
#include "copcgap/profile.h"

/*
 * A set of keys with the line each was first seen on, to report
 * duplicates naming both places.  Keys are copied into `arena`.
 */
struct keyset {
    struct keyset_slot {
        const char *key;
        long line;
    } *slots;
    size_t nslots, n;
};

/* 0 when the key is new (and is added), else the line it was seen on. */
long keyset_add(struct keyset *s, struct arena *a, const char *key,
                long line);
void keyset_free(struct keyset *s);

/*
 * Open ORGDIR/name when it exists: returns the reader with its columns
 * mapped into idx[], or NULL (absent: *display stays NULL; present but
 * bad: errors appended).  *display is an arena copy of the shown path.
 */
struct csv_reader *org_open_csv(struct orgdata *o, const char *name,
                                const char *const *cols, int *idx,
                                const char **display, struct cg_errors *errs);

/* Record the register `r` read (as source `kind`: "evidence", ...) with
 * its rows, size and digest, then close it (NULL: nothing). */
void org_close_csv(struct orgdata *o, struct csv_reader *r,
                   const char *kind);

/* Record a source file of the folder (path copied). */
void org_add_source(struct orgdata *o, const char *path, const char *kind,
                    uint64_t rows, uint64_t bytes, const char *hex);

/* Remember that the folder's file `path` was read (copied). */
void org_note_file(struct orgdata *o, const char *path);

/* A field as an arena string. */
const char *org_strdup_field(struct orgdata *o, const struct csv_row *row,
                             int col);

/* The requirement ids of a field (`;`-separated), as catalogue indexes;
 * returns 1, or 0 with errors. */
int org_parse_requirements(struct orgdata *o, const struct catalog *c,
                           const struct csv_reader *r,
                           const struct csv_row *row, int col,
                           size_t **reqs, size_t *nreqs,
                           struct cg_errors *errs);

/* 1 when there is a catalogue; else an error on `display` (requirement
 * ids cannot be checked without one). */
int org_need_catalog(const char *display, const struct catalog *c,
                     struct cg_errors *errs);

void org_load_evidence(struct orgdata *o, const struct profile *p,
                       const struct catalog *c, struct cg_errors *errs);

#endif
