/*
 * org_evidence.c — evidence.csv (model in org.h, docs/inputs.md): the
 * evidence register, its locations, and the SHA-256 integrity check.
 *
 * A location is a path relative to the organisation folder or an
 * http(s) URL.  Absolute paths and `..` that climbs out of the folder are
 * refused: a report must only vouch for files the organisation handed
 * over.  (The check is on the path as written; a symbolic link inside
 * the folder is the owner's deliberate choice and is followed.)
 */
#include <errno.h>
#include <fcntl.h>
#include <nettle/sha2.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "copcgap/arena.h"
#include "copcgap/field.h"
#include "org_internal.h"

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

/* SHA-256 of a file as lowercase hex (65 bytes); 0 with errno on error. */
static int sha256_file(const char *path, char hex[65])
{
    static const char digits[] = "0123456789abcdef";
    uint8_t digest[SHA256_DIGEST_SIZE];
    struct sha256_ctx ctx;
    char buf[65536];
    ssize_t n;
    int fd = open(path, O_RDONLY), i;

    if (fd < 0)
        return 0;
    sha256_init(&ctx);
    for (;;) {
        n = read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        sha256_update(&ctx, (size_t)n, (const uint8_t *)buf);
    }
    if (n < 0) {
        int saved = errno;
        close(fd);
        errno = saved;
        return 0;
    }
    close(fd);
    sha256_digest(&ctx, SHA256_DIGEST_SIZE, digest);
    for (i = 0; i < SHA256_DIGEST_SIZE; i++) {
        hex[2 * i] = digits[digest[i] >> 4];
        hex[2 * i + 1] = digits[digest[i] & 15];
    }
    hex[64] = '\0';
    return 1;
}

/* Location and integrity of one row; 1, or 0 with errors. */
static int check_location(struct orgdata *o, const struct csv_reader *r,
                          const struct csv_row *row, const int *col,
                          struct evidence *ev, struct cg_errors *errs)
{
    const struct csv_field *loc = &row->f[col[EV_LOCATION]];
    const struct csv_field *sha = &row->f[col[EV_SHA256]];
    const char *problem;
    struct stat st;
    char *path, hex[65];
    size_t i;

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
        struct strbuf q = STRBUF_INIT;
        csv_quote(&q, loc);
        csv_error_at(r, row, col[EV_LOCATION], errs, "location %s %s", q.buf,
                     problem);
        strbuf_free(&q);
        return 0;
    }
    path = arena_printf(o->arena, "%s/%s", o->dir, ev->location);
    ev->file_present = stat(path, &st) == 0 && S_ISREG(st.st_mode);
    if (!ev->sha256)
        return 1;
    if (!ev->file_present) {
        ev->integrity = INTEG_MISSING;     /* the engine reports it */
        return 1;
    }
    if (!sha256_file(path, hex)) {
        errors_add(errs, CG_ERR_IO, csv_display(r), row->line,
                   col[EV_LOCATION] + 1, "cannot read %s: %s", path,
                   strerror(errno));
        return 0;
    }
    ev->actual_sha256 = arena_strdup(o->arena, hex);
    ev->integrity = strcmp(hex, ev->sha256) == 0 ? INTEG_OK : INTEG_MISMATCH;
    return 1;
}

static int evidence_row(struct orgdata *o, const struct profile *p,
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
    ok &= check_location(o, r, row, col, ev, errs);
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
    struct csv_reader *r;
    struct csv_row row;
    int col[EV_NCOLS], rc;

    r = org_open_csv(o, "evidence.csv", evidence_cols, col,
                     &o->evidence_path, errs);
    if (!r || !org_need_catalog(o->evidence_path, c, errs))
        goto done;
    while ((rc = csv_next(r, &row, errs)) != CSV_EOF && rc != CSV_FATAL) {
        struct evidence ev;
        if (rc == CSV_ROW &&
            evidence_row(o, p, c, r, &row, col, &seen, &ev, errs))
            VEC_PUSH(v, n, cap) = ev;
    }
done:
    o->evidence = arena_adopt(o->arena, v, n, sizeof *v);
    o->nevidence = n;
    keyset_free(&seen);
    csv_close(r);
}
