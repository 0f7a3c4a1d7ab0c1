/*
 * org_evidence.c — evidence.csv (model in org.h, docs/inputs.md): the
 * evidence register, its locations, and the SHA-256 integrity check.
 *
 * A location is a path relative to the organisation folder or an
 * http(s) URL.  A report must only vouch for files the organisation
 * handed over, so a location must stay inside the folder twice over: as
 * written (no absolute path, no `..` above the folder) and once resolved
 * (realpath: a symbolic link, or a `..` after a linked directory, that
 * lands outside is refused, located at the row's location field).  The
 * resolved file must be a regular file (a FIFO or a device would hang or
 * never end) no larger than EVIDENCE_MAX_BYTES, and it is opened by its
 * resolved name without following links.  (A link swapped between the
 * resolution and the open is a race only someone writing to the folder
 * while copcgap runs could win; the folder is the organisation's own.)
 *
 * Each file is hashed once per run, whatever the number of rows naming
 * it: a cache keyed by device and inode (so two spellings of one file,
 * or hard links, share an entry).
 */
/* realpath() is an X/Open function in glibc's headers. */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "copcgap/arena.h"
#include "copcgap/field.h"
#include "copcgap/digest.h"
#include "copcgap/infile.h"
#include "org_internal.h"

/* What the rows of one evidence.csv share: the folder resolved, and the
 * digests computed so far. */
struct ev_files {
    char *root;                 /* realpath of the folder; NULL if none */
    size_t rootlen;
    struct keyset hashed;       /* "dev:ino" -> 1 + index into hex[] */
    const char **hex;
    size_t nhex, caphex;
};

enum { EV_ID, EV_REQS, EV_PROGRAM, EV_KIND, EV_TITLE, EV_OWNER, EV_DATED,
       EV_APPROVED, EV_EXPIRES, EV_LOCATION, EV_SHA256, EV_NCOLS };
static const char *const evidence_cols[] = {
    "id", "requirements", "program", "kind", "title", "owner", "dated",
    "approved", "expires", "location", "sha256", NULL
};
static const char *const yes_no[] = { "yes", "no", NULL };

static int starts_with(const struct csv_field *f, const char *prefix)
{
    size_t n = strlen(prefix);
    return f->len >= n && memcmp(f->p, prefix, n) == 0;
}

/* The path stays inside the folder: no absolute path, no control bytes,
 * and `..` never climbs above where it started. */
static const char *location_problem(const struct csv_field *f)
{
    const char *s = f->p, *e = f->p + f->len;
    long depth = 0;
    size_t i;

    if (f->p[0] == '/')
        return "is an absolute path (give it relative to the folder)";
    for (i = 0; i < f->len; i++)
        if ((unsigned char)f->p[i] < 0x20 || f->p[i] == 0x7f)
            return "holds a control character";
    for (i = 0; i + 3 <= f->len; i++)
        if (memcmp(f->p + i, "://", 3) == 0)
            return "is a URL that is neither http:// nor https://";
    while (s < e) {
        const char *slash = memchr(s, '/', (size_t)(e - s));
        const char *end = slash ? slash : e;
        size_t len = (size_t)(end - s);
        if (len == 2 && s[0] == '.' && s[1] == '.') {
            if (--depth < 0)
                return "leads outside the organisation folder";
        } else if (len > 0 && !(len == 1 && s[0] == '.')) {
            depth++;
        }
        s = slash ? slash + 1 : e;
    }
    return NULL;
}

static int is_hex(const struct csv_field *f)
{
    size_t i;

    if (f->len != 64)
        return 0;
    for (i = 0; i < 64; i++) {
        char c = f->p[i];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
              (c >= 'A' && c <= 'F')))
            return 0;
    }
    return 1;
}


/* An error located at the row's location field, the location quoted. */
static void location_error(const struct csv_reader *r,
                           const struct csv_row *row, int col,
                           enum cg_errkind kind, const char *what,
                           struct cg_errors *errs)
{
    struct strbuf q = STRBUF_INIT;

    csv_quote(&q, &row->f[col]);
    errors_add(errs, kind, csv_display(r), row->line, col + 1,
               "location %s %s", q.buf, what);
    strbuf_free(&q);
}

/*
 * Resolve ORGDIR/location.  Returns the resolved path (malloc'd), or
 * NULL: *missing = 1 when nothing is there (the engine reports a missing
 * file), else an error was appended.
 */
static char *resolve_location(struct orgdata *o, struct ev_files *fs,
                              const struct csv_reader *r,
                              const struct csv_row *row, int col,
                              int *missing, struct cg_errors *errs)
{
    const char *path;
    char *real;
    int inside;

    *missing = 0;
    /* location_problem() refused control bytes, NUL included. */
    path = arena_printf(o->arena, "%s/%.*s", o->dir, (int)row->f[col].len,
                        row->f[col].p);
    real = realpath(path, NULL);
    if (!real) {
        struct strbuf sb = STRBUF_INIT;
        /* A dangling link is as missing as an absent file: nothing is
         * read through it. */
        if (errno == ENOENT || errno == ENOTDIR) {
            *missing = 1;
            return NULL;
        }
        strbuf_printf(&sb, "cannot be resolved: %s", strerror(errno));
        location_error(r, row, col, errno == ELOOP || errno ==
                       ENAMETOOLONG ? CG_ERR_INPUT : CG_ERR_IO, sb.buf,
                       errs);
        strbuf_free(&sb);
        return NULL;
    }
    inside = fs->root && strncmp(real, fs->root, fs->rootlen) == 0 &&
             (real[fs->rootlen] == '/' || real[fs->rootlen] == '\0' ||
              strcmp(fs->root, "/") == 0);
    if (!inside) {
        struct strbuf sb = STRBUF_INIT;
        strbuf_printf(&sb, "leads outside the organisation folder (it "
                      "resolves to %s)", real);
        location_error(r, row, col, CG_ERR_INPUT, sb.buf, errs);
        strbuf_free(&sb);
        free(real);
        return NULL;
    }
    return real;
}

/*
 * The digest of the resolved file `real`, computed once per file: the
 * hex string, or NULL with an error located at the location field.
 */
static const char *digest_of(struct orgdata *o, struct ev_files *fs,
                             const char *real, const struct csv_reader *r,
                             const struct csv_row *row, int col,
                             struct cg_errors *errs)
{
    struct cg_errors why = CG_ERRORS_INIT;
    struct stat st;
    char key[64], hex[65];
    long seen;
    int fd;

    /* O_NOFOLLOW: the name is resolved, so a link here is one that
     * appeared since; never follow it. */
    fd = infile_open(real, real, "an evidence file", EVIDENCE_MAX_BYTES,
                     O_NOFOLLOW, &st, &why);
    if (fd < 0) {
        struct strbuf sb = STRBUF_INIT;
        strbuf_printf(&sb, "is refused: %s", why.n ? why.v[0].msg :
                      "cannot be read");
        location_error(r, row, col, why.n ? why.v[0].kind : CG_ERR_IO,
                       sb.buf, errs);
        strbuf_free(&sb);
        errors_free(&why);
        return NULL;
    }
    snprintf(key, sizeof key, "%llu:%llu", (unsigned long long)st.st_dev,
             (unsigned long long)st.st_ino);
    seen = keyset_add(&fs->hashed, o->arena, key, (long)fs->nhex + 1);
    if (seen) {
        close(fd);
        return fs->hex[seen - 1];
    }
    if (!digest_fd(fd, hex)) {
        struct strbuf sb = STRBUF_INIT;
        strbuf_printf(&sb, "cannot be read: %s", strerror(errno));
        location_error(r, row, col, CG_ERR_IO, sb.buf, errs);
        strbuf_free(&sb);
        close(fd);
        /* Keep the slot consistent: the run fails anyway. */
        VEC_PUSH(fs->hex, fs->nhex, fs->caphex) = "";
        return NULL;
    }
    close(fd);
    o->nhashed++;
    VEC_PUSH(fs->hex, fs->nhex, fs->caphex) = arena_strdup(o->arena, hex);
    return fs->hex[fs->nhex - 1];
}

/* Location and integrity of one row; 1, or 0 with errors. */
static int check_location(struct orgdata *o, struct ev_files *fs,
                          const struct csv_reader *r,
                          const struct csv_row *row, const int *col,
                          struct evidence *ev, struct cg_errors *errs)
{
    const struct csv_field *loc = &row->f[col[EV_LOCATION]];
    const struct csv_field *sha = &row->f[col[EV_SHA256]];
    const char *problem, *hex;
    struct stat st;
    char *real;
    size_t i;
    int missing;

    ev->location = org_strdup_field(o, row, col[EV_LOCATION]);
    ev->integrity = INTEG_UNCHECKED;
    if (sha->len > 0) {
        char *lower;
        if (!is_hex(sha)) {
            csv_error_value(r, row, col[EV_SHA256], "must be 64 hexadecimal "
                            "digits or empty", errs);
            return 0;
        }
        lower = arena_strndup(o->arena, sha->p, sha->len);
        for (i = 0; i < 64; i++)
            if (lower[i] >= 'A' && lower[i] <= 'F')
                lower[i] = (char)(lower[i] - 'A' + 'a');
        ev->sha256 = lower;
        if (loc->len == 0) {
            csv_error_at(r, row, col[EV_SHA256], errs, "sha256 is given but "
                         "location is empty (which file does it check?)");
            return 0;
        }
    }
    if (loc->len == 0)
        return 1;
    if (starts_with(loc, "http://") || starts_with(loc, "https://")) {
        ev->integrity = INTEG_REMOTE;
        return 1;
    }
    if ((problem = location_problem(loc)) != NULL) {
        location_error(r, row, col[EV_LOCATION], CG_ERR_INPUT, problem,
                       errs);
        return 0;
    }
    real = resolve_location(o, fs, r, row, col[EV_LOCATION], &missing,
                            errs);
    if (!real && !missing)
        return 0;
    if (real && stat(real, &st) == 0 && !S_ISREG(st.st_mode)) {
        struct strbuf sb = STRBUF_INIT;
        strbuf_printf(&sb, "is not a regular file (%s)",
                      infile_type_name(st.st_mode));
        location_error(r, row, col[EV_LOCATION], CG_ERR_INPUT, sb.buf,
                       errs);
        strbuf_free(&sb);
        free(real);
        return 0;
    }
    ev->file_present = real != NULL;
    if (real)
        org_note_file(o, real);
    if (!ev->sha256 || !real) {
        if (ev->sha256)
            ev->integrity = INTEG_MISSING;     /* the engine reports it */
        free(real);
        return 1;
    }
    hex = digest_of(o, fs, real, r, row, col[EV_LOCATION], errs);
    free(real);
    if (!hex)
        return 0;
    ev->actual_sha256 = hex;
    ev->integrity = strcmp(hex, ev->sha256) == 0 ? INTEG_OK : INTEG_MISMATCH;
    return 1;
}

static int evidence_row(struct orgdata *o, struct ev_files *fs,
                        const struct profile *p,
                        const struct catalog *c, const struct csv_reader *r,
                        const struct csv_row *row, const int *col,
                        struct keyset *seen, struct evidence *ev,
                        struct cg_errors *errs)
{
    int ok = 1, approved = 0;

    memset(ev, 0, sizeof *ev);
    ev->line = row->line;
    ev->id = org_strdup_field(o, row, col[EV_ID]);
    if (!field_required(r, row, col[EV_ID], errs)) {
        ok = 0;
    } else {
        /* Whatever else is wrong with the row, its id is taken. */
        long first = keyset_add(seen, o->arena, ev->id, ev->line);
        if (first) {
            struct strbuf q = STRBUF_INIT;
            csv_quote(&q, &row->f[col[EV_ID]]);
            csv_error_at(r, row, col[EV_ID], errs, "evidence id %s is "
                         "already used on line %ld", q.buf, first);
            strbuf_free(&q);
            ok = 0;
        }
    }
    ok &= org_parse_requirements(o, c, r, row, col[EV_REQS], &ev->reqs,
                                 &ev->nreqs, errs);
    ok &= field_program(r, row, col[EV_PROGRAM], p, 1, NULL, &ev->program,
                        errs);
    ok &= field_required(r, row, col[EV_KIND], errs);
    ok &= field_required(r, row, col[EV_TITLE], errs);
    ok &= field_date(r, row, col[EV_DATED], &ev->dated, NULL, errs);
    ok &= field_enum(r, row, col[EV_APPROVED], yes_no, 0, &approved, errs);
    ok &= field_date(r, row, col[EV_EXPIRES], &ev->expires,
                     &ev->has_expires, errs);
    if (ok && ev->has_expires && ev->expires < ev->dated) {
        char x[DATE_BUF], d[DATE_BUF];
        date_format(ev->expires, x);
        date_format(ev->dated, d);
        csv_error_at(r, row, col[EV_EXPIRES], errs,
                     "expires (%s) is before dated (%s)", x, d);
        ok = 0;
    }
    ok &= check_location(o, fs, r, row, col, ev, errs);
    if (!ok)
        return 0;
    ev->approved = approved == 0;       /* yes_no[0] is "yes" */
    ev->kind = org_strdup_field(o, row, col[EV_KIND]);
    ev->title = org_strdup_field(o, row, col[EV_TITLE]);
    ev->owner = org_strdup_field(o, row, col[EV_OWNER]);
    return 1;
}

void org_load_evidence(struct orgdata *o, const struct profile *p,
                       const struct catalog *c, struct cg_errors *errs)
{
    struct evidence *v = NULL;
    size_t n = 0, cap = 0;
    struct keyset seen = { NULL, 0, 0 };
    struct ev_files fs;
    struct csv_reader *r;
    struct csv_row row;
    int col[EV_NCOLS], rc;

    memset(&fs, 0, sizeof fs);
    r = org_open_csv(o, "evidence.csv", evidence_cols, col,
                     &o->evidence_path, errs);
    if (!r || !org_need_catalog(o->evidence_path, c, errs))
        goto done;
    /* NULL only when the folder vanished since evidence.csv opened: then
     * every location is refused as outside it. */
    fs.root = realpath(o->dir, NULL);
    fs.rootlen = fs.root ? strlen(fs.root) : 0;
    while ((rc = csv_next(r, &row, errs)) != CSV_EOF && rc != CSV_FATAL) {
        struct evidence ev;
        if (rc == CSV_ROW &&
            evidence_row(o, &fs, p, c, r, &row, col, &seen, &ev, errs))
            VEC_PUSH(v, n, cap) = ev;
    }
done:
    o->evidence = arena_adopt(o->arena, v, n, sizeof *v);
    o->nevidence = n;
    keyset_free(&seen);
    keyset_free(&fs.hashed);
    free(fs.hex);
    free(fs.root);
    org_close_csv(o, r, "evidence");
}
