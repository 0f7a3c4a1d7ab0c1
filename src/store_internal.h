/* store_internal.h — what the workspace's files share (SQLite inside). */
#ifndef COPCGAP_STORE_INTERNAL_H
#define COPCGAP_STORE_INTERNAL_H

#include <sqlite3.h>

#include "copcgap/arena.h"
#include "copcgap/error.h"
#include "copcgap/msg.h"
#include "copcgap/store.h"

struct store {
    sqlite3 *db;
    char *path;
};

/* Append an error for a failed SQLite call (rc): a damaged file or one
 * that is not a database is an input error, anything else I/O.  Returns
 * 0, for `return st_fail(...)`. */
int st_fail(struct store *s, int rc, const char *what,
            struct cg_errors *errs);

/* Prepare one statement of constant SQL; NULL with an error. */
sqlite3_stmt *st_prep(struct store *s, const char *sql,
                      struct cg_errors *errs);

/*
 * Bind parameters 1.. from a format: 't' text (NULL binds NULL),
 * 'i' long long, 'd' double, 'n' NULL.  Returns an SQLite code.
 */
int st_bind(sqlite3_stmt *st, const char *fmt, ...);

/* Step a statement that returns no row and reset it: 1, or 0 with an
 * error. */
int st_exec(struct store *s, sqlite3_stmt *st, const char *what,
            struct cg_errors *errs);

/* Run constant SQL without results (BEGIN, COMMIT, the schema). */
int st_sql(struct store *s, const char *sql, struct cg_errors *errs);

/* Finalise (NULL is fine). */
void st_done(sqlite3_stmt *st);

/* Column text copied into the arena ("" for NULL) / NULL for NULL. */
const char *st_text(struct arena *a, sqlite3_stmt *st, int col);
const char *st_text_or_null(struct arena *a, sqlite3_stmt *st, int col);

#endif
