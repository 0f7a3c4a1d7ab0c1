/*
 * store.h — the workspace: an SQLite file that keeps the imports of an
 * organisation folder and the assessment runs made from them (edges
 * layer; the only code that talks to SQLite; docs/workspace.md).
 *
 * The schema is src/store_schema.sql, compiled into the binary, in
 * numbered sections; PRAGMA user_version is the last section applied and
 * opening a workspace applies the sections it lacks (forward migrations)
 * in one transaction.  A workspace written by a newer copcgap is refused.
 * Each connection runs in WAL mode with foreign keys on and a busy
 * timeout, so that two commands can share a workspace: writers take the
 * write lock when they begin (BEGIN IMMEDIATE) and wait for each other.
 * Every statement is prepared with bound parameters, and every return
 * code is checked.
 *
 * Errors: a file that is not a workspace (not SQLite, another program's
 * database, damaged, not a regular file) is CG_ERR_INPUT (exit 3), named
 * by its path; a failing read or write is CG_ERR_IO.  Nothing is written
 * unless a whole import or run is: each is one transaction.
 *
 * Test hook: when the environment variable COPCGAP_TEST_KILL_AT names a
 * step (store_step), the process kills itself with SIGKILL there; the
 * crash-safety test (tests/workspace-kill.sh) goes through every step.
 */
#ifndef COPCGAP_STORE_H
#define COPCGAP_STORE_H

#include <stddef.h>

#include "copcgap/arena.h"
#include "copcgap/error.h"
#include "copcgap/msg.h"
#include "copcgap/run.h"

/* The schema version this build writes (the last section of the
 * schema). */
int store_schema_version(void);

struct store;

enum store_open_mode {
    STORE_READ,         /* the workspace must exist */
    STORE_CREATE        /* created when absent */
};

/* Open (and migrate) the workspace at `path`; NULL with an error. */
struct store *store_open(const char *path, enum store_open_mode mode,
                         struct cg_errors *errs);
void store_close(struct store *s);

/* The crash-safety test's kill points (see above). */
void store_step(const char *name);
/* Every step's name, NULL-terminated (for the test and the docs). */
extern const char *const store_steps[];

/*
 * Import a run's inputs (run->in: files, KPIs, registers), one
 * transaction.  When the last import holds exactly the same files, nothing
 * is written and 0 is returned with *import_id that import's id;
 * otherwise 1 with the new id.  -1 with an error appended.  A workspace
 * belongs to one organisation: another's folder is refused (input
 * error).
 */
int store_import(struct store *s, struct run *run,
                 struct cg_errors *errs);

/* Store a run (importing its inputs first when they changed), all in one
 * transaction; sets run->id.  1, or 0 with an error appended. */
int store_add_run(struct store *s, struct run *run, struct cg_errors *errs);

/* Every stored run, oldest first, without requirements or inputs
 * (history).  1 with *out (free each with run_free, then the array),
 * or 0 with an error. */
int store_list_runs(struct store *s, struct run ***out, size_t *n,
                    struct cg_errors *errs);

/* The ids of the last `want` runs, latest last; *n may be less. */
int store_last_run_ids(struct store *s, long long *ids, size_t want,
                       size_t *n, struct cg_errors *errs);

/* One run with its requirements, rules (without their details, which
 * are stored for queries only), gaps and inputs; NULL with an error (an
 * unknown id is an input error). */
struct run *store_load_run(struct store *s, long long id,
                           struct cg_errors *errs);

/* When import `id` was made (seconds since the epoch; 0 when unknown). */
long long store_import_time(struct store *s, long long id);

/* Messages as JSON text with typed arguments (store_msg.c; public for the tests): a key and
 * its arguments, each [name, type, value] in order, so that a message
 * read back formats exactly as it did.  NULL in, NULL out. */
char *store_msg_encode(const struct msg *m);            /* malloc'd */
char *store_msgs_encode(const struct msg *const *v, size_t n);
/* A message read back into the arena; NULL for NULL text, and NULL with
 * *bad set when the text is not one. */
const struct msg *store_msg_decode(struct arena *a, const char *text,
                                   int *bad);
const struct msg **store_msgs_decode(struct arena *a, const char *text,
                                     size_t *n, int *bad);

/* The file name the workspace was opened with. */
const char *store_path(const struct store *s);

#endif
