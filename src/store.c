/*
 * store.c — opening a workspace (store.h): the checks that it is one,
 * the connection's settings, the forward migrations from the schema
 * compiled into the binary, the statement helpers the other store_*
 * files share, and the crash-safety test's kill points.
 */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "copcgap/embedded.h"
#include "copcgap/infile.h"
#include "copcgap/strbuf.h"
#include "store_internal.h"

/* PRAGMA application_id of a copcgap workspace ("CGap"): tells our
 * files from other programs' SQLite databases. */
#define STORE_APP_ID 0x43476170

/* How long a command waits for another one's write to finish. */
#define STORE_BUSY_MS 30000

#define SCHEMA_FILE "store_schema.sql"
#define SECTION_MARK "-- version "

const char *const store_steps[] = {
    "import-begin", "import-files", "import-kpis", "import-evidence",
    "import-findings", "import-commit",
    "run-begin", "run-import", "run-summary", "run-requirements",
    "run-rules", "run-commit",
    NULL
};

void store_step(const char *name)
{
    const char *at = getenv("COPCGAP_TEST_KILL_AT");
    if (at && strcmp(at, name) == 0)
        raise(SIGKILL);
}

/* ---------------------------------------------------------- helpers */

int st_fail(struct store *s, int rc, const char *what,
            struct cg_errors *errs)
{
    int base = rc & 0xff;
    const char *detail = s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc);

    if (base == SQLITE_NOTADB || base == SQLITE_CORRUPT)
        errors_add(errs, CG_ERR_INPUT, s->path, 0, 0,
                   "not a copcgap workspace, or a damaged one (%s)", detail);
    else if (base == SQLITE_BUSY || base == SQLITE_LOCKED)
        errors_add(errs, CG_ERR_IO, s->path, 0, 0,
                   "%s: the workspace stayed locked by another command "
                   "for %d s (%s)", what, STORE_BUSY_MS / 1000, detail);
    else
        errors_add(errs, CG_ERR_IO, s->path, 0, 0, "%s: %s", what, detail);
    return 0;
}

sqlite3_stmt *st_prep(struct store *s, const char *sql,
                      struct cg_errors *errs)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(st);
        st_fail(s, rc, "cannot read the workspace", errs);
        return NULL;
    }
    return st;
}

int st_bind(sqlite3_stmt *st, const char *fmt, ...)
{
    va_list ap;
    int i, rc = SQLITE_OK;

    va_start(ap, fmt);
    for (i = 1; *fmt && rc == SQLITE_OK; fmt++, i++) {
        const char *t;
        switch (*fmt) {
        case 't':
            t = va_arg(ap, const char *);
            rc = t ? sqlite3_bind_text(st, i, t, -1, SQLITE_TRANSIENT)
                   : sqlite3_bind_null(st, i);
            break;
        case 'i':
            rc = sqlite3_bind_int64(st, i, va_arg(ap, long long));
            break;
        case 'd':
            rc = sqlite3_bind_double(st, i, va_arg(ap, double));
            break;
        default:
            rc = sqlite3_bind_null(st, i);
            break;
        }
    }
    va_end(ap);
    return rc;
}

int st_exec(struct store *s, sqlite3_stmt *st, const char *what,
            struct cg_errors *errs)
{
    int rc = sqlite3_step(st);
    int rc2 = sqlite3_reset(st);

    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return st_fail(s, rc, what, errs);
    if (rc2 != SQLITE_OK)
        return st_fail(s, rc2, what, errs);
    rc = sqlite3_clear_bindings(st);
    if (rc != SQLITE_OK)
        return st_fail(s, rc, what, errs);
    return 1;
}

int st_sql(struct store *s, const char *sql, struct cg_errors *errs)
{
    int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
    return rc == SQLITE_OK ? 1 : st_fail(s, rc, "cannot update the "
                                          "workspace", errs);
}

void st_done(sqlite3_stmt *st)
{
    /* The statement's last error was reported by whoever stepped it. */
    (void)sqlite3_finalize(st);
}

const char *st_text(struct arena *a, sqlite3_stmt *st, int col)
{
    const unsigned char *t = sqlite3_column_text(st, col);
    return arena_strdup(a, t ? (const char *)t : "");
}

const char *st_text_or_null(struct arena *a, sqlite3_stmt *st, int col)
{
    return sqlite3_column_type(st, col) == SQLITE_NULL
        ? NULL : st_text(a, st, col);
}

/* One integer a PRAGMA returns; 1, or 0 with an error. */
static int pragma_int(struct store *s, const char *sql, long long *out,
                      struct cg_errors *errs)
{
    sqlite3_stmt *st = st_prep(s, sql, errs);
    int rc;

    if (!st)
        return 0;
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *out = sqlite3_column_int64(st, 0);
    st_done(st);
    return rc == SQLITE_ROW ? 1 : st_fail(s, rc, "cannot read the "
                                           "workspace", errs);
}

/* ------------------------------------------------------- the schema */

static const char *schema_text(void)
{
    const struct embedded_file *f = embedded_find(SCHEMA_FILE);
    return f ? (const char *)f->data : "";
}

/* The start of section `version` of the schema, or NULL; *end is where
 * it stops. */
static const char *schema_section(int version, const char **end)
{
    const char *t = schema_text(), *p = t, *found = NULL;
    size_t mark = strlen(SECTION_MARK);

    while ((p = strstr(p, SECTION_MARK)) != NULL) {
        if (p == t || p[-1] == '\n') {
            int v = (int)strtol(p + mark, NULL, 10);
            if (found) {
                *end = p;
                return found;
            }
            if (v == version)
                found = p;
        }
        p += mark;
    }
    if (found)
        *end = found + strlen(found);
    return found;
}

int store_schema_version(void)
{
    int v = 0;
    const char *end;
    while (schema_section(v + 1, &end))
        v++;
    return v;
}

/* Apply every section after `from`, and record the version, inside the
 * caller's transaction. */
static int migrate(struct store *s, long long from, int to,
                   struct cg_errors *errs)
{
    char pragma[64];
    int v;

    for (v = (int)from + 1; v <= to; v++) {
        const char *end = NULL, *sec = schema_section(v, &end);
        char *sql;
        int ok;
        if (!sec || !end) {
            errors_add(errs, CG_ERR_INTERNAL, s->path, 0, 0,
                       "schema section %d missing from the binary", v);
            return 0;
        }
        sql = xstrndup(sec, (size_t)(end - sec));
        ok = st_sql(s, sql, errs);
        free(sql);
        if (!ok)
            return 0;
    }
    /* PRAGMAs take no parameters; these are numbers of our own. */
    snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", to);
    if (!st_sql(s, pragma, errs))
        return 0;
    snprintf(pragma, sizeof pragma, "PRAGMA application_id = %d",
             STORE_APP_ID);
    return st_sql(s, pragma, errs);
}

/* The schema version, the application id and the number of schema
 * objects, in one statement and so one snapshot: another command may be
 * creating the schema at this very moment. */
static int read_header(struct store *s, long long *version, long long *app,
                       long long *objects, struct cg_errors *errs)
{
    sqlite3_stmt *st = st_prep(s, "SELECT (SELECT user_version FROM "
                               "pragma_user_version), (SELECT application_id "
                               "FROM pragma_application_id), (SELECT "
                               "count(*) FROM sqlite_schema)", errs);
    int rc;

    if (!st)
        return 0;
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *version = sqlite3_column_int64(st, 0);
        *app = sqlite3_column_int64(st, 1);
        *objects = sqlite3_column_int64(st, 2);
    }
    st_done(st);
    return rc == SQLITE_ROW ? 1 : st_fail(s, rc, "cannot read the "
                                           "workspace", errs);
}

/* Check the file is ours (or empty), then bring it up to date. */
static int check_and_migrate(struct store *s, struct cg_errors *errs)
{
    int current = store_schema_version();
    long long version = 0, app = 0, tables = 0;

    if (!read_header(s, &version, &app, &tables, errs))
        return 0;
    if (app != STORE_APP_ID && (tables > 0 || version != 0)) {
        errors_add(errs, CG_ERR_INPUT, s->path, 0, 0,
                   "an SQLite database, but not a copcgap workspace");
        return 0;
    }
    if (version > current) {
        errors_add(errs, CG_ERR_INPUT, s->path, 0, 0,
                   "workspace version %lld was written by a newer copcgap; "
                   "this one (%s) reads up to version %d", version,
                   COPCGAP_VERSION, current);
        return 0;
    }
    if (version == current)
        return 1;
    /* Another command may be migrating too: decide again under the
     * write lock. */
    if (!st_sql(s, "BEGIN IMMEDIATE", errs))
        return 0;
    if (!pragma_int(s, "PRAGMA user_version", &version, errs) ||
        (version < current && !migrate(s, version, current, errs)) ||
        !st_sql(s, "COMMIT", errs)) {
        (void)sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return 0;
    }
    return 1;
}

/* ---------------------------------------------------------- opening */

/*
 * WAL mode, once per file (it persists).  Switching needs the file to
 * itself, and SQLite does not wait for that with the busy handler: when
 * another command has the new file open, try again every 10 ms, for as
 * long as the busy timeout.
 */
static int set_wal(struct store *s, struct cg_errors *errs)
{
    const struct timespec pause = { 0, 10L * 1000 * 1000 };
    int tries, rc = SQLITE_OK;

    for (tries = 0; tries < STORE_BUSY_MS / 10; tries++) {
        sqlite3_stmt *q = st_prep(s, "PRAGMA journal_mode = WAL", errs);
        const unsigned char *m;
        if (!q)
            return 0;
        rc = sqlite3_step(q);
        m = rc == SQLITE_ROW ? sqlite3_column_text(q, 0) : NULL;
        if (m && strcmp((const char *)m, "wal") == 0) {
            st_done(q);
            return 1;
        }
        if (m) {
            errors_add(errs, CG_ERR_IO, s->path, 0, 0,
                       "cannot use WAL mode here (journal mode %s)",
                       (const char *)m);
            st_done(q);
            return 0;
        }
        st_done(q);
        if ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
            break;
        nanosleep(&pause, NULL);
    }
    return st_fail(s, rc, "cannot set WAL mode", errs);
}

struct store *store_open(const char *path, enum store_open_mode mode,
                         struct cg_errors *errs)
{
    struct store *s = xcalloc(1, sizeof *s);
    struct stat st;
    long long fk;
    int rc, flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;

    s->path = xstrdup(path);
    if (stat(path, &st) == 0) {
        if (!S_ISREG(st.st_mode)) {
            errors_add(errs, CG_ERR_INPUT, path, 0, 0,
                       "is %s, not a workspace file",
                       infile_type_name(st.st_mode));
            goto fail;
        }
    } else if (errno != ENOENT || mode != STORE_CREATE) {
        errors_add(errs, errno == ENOENT ? CG_ERR_INPUT : CG_ERR_IO, path,
                   0, 0, "cannot open the workspace: %s%s", strerror(errno),
                   errno == ENOENT ? " (import or assess with --db "
                                     "creates one)" : "");
        goto fail;
    } else {
        flags |= SQLITE_OPEN_CREATE;
    }
    rc = sqlite3_open_v2(path, &s->db, flags, NULL);
    if (rc != SQLITE_OK) {
        st_fail(s, rc, "cannot open the workspace", errs);
        goto fail;
    }
    if ((rc = sqlite3_extended_result_codes(s->db, 1)) != SQLITE_OK ||
        (rc = sqlite3_busy_timeout(s->db, STORE_BUSY_MS)) != SQLITE_OK) {
        st_fail(s, rc, "cannot open the workspace", errs);
        goto fail;
    }
    /* Read the file through a memory map: a diff reads two runs whole,
     * and page-sized read() calls cost more than the work on them. */
    if (!st_sql(s, "PRAGMA mmap_size = 268435456", errs))
        goto fail;
    if (!check_and_migrate(s, errs) ||
        !st_sql(s, "PRAGMA foreign_keys = ON", errs) ||
        !pragma_int(s, "PRAGMA foreign_keys", &fk, errs))
        goto fail;
    if (!set_wal(s, errs))
        goto fail;
    if (fk != 1) {
        errors_add(errs, CG_ERR_INTERNAL, path, 0, 0,
                   "this SQLite cannot enforce foreign keys");
        goto fail;
    }
    return s;
fail:
    store_close(s);
    return NULL;
}

void store_close(struct store *s)
{
    if (!s)
        return;
    /* Statements are finalised where they are made: close cannot be
     * busy. */
    (void)sqlite3_close(s->db);
    free(s->path);
    free(s);
}

const char *store_path(const struct store *s)
{
    return s->path;
}
