/*
 * csv.c — streaming RFC 4180 reader (see csv.h).
 *
 * Speed comes from treating the common record specially: one pass, eight
 * bytes at a time (SWAR: bit tricks on a 64-bit word), finds the commas,
 * the LF, any `"`, and any non-ASCII byte at once.  A record without a
 * quote is split during that pass.  Only a record with a quote goes
 * through the state machine, which also follows quoted newlines across
 * buffer refills.  Nothing is allocated per record or per field: fields
 * point into the read buffer, and the field array is reused.
 *
 * UTF-8 is validated only for records holding a non-ASCII byte, once over
 * the raw record (quotes and commas are ASCII, so the record is valid
 * exactly when every field is); only a record that fails is checked field
 * by field to name the column.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "copcgap/csv.h"
#include "copcgap/infile.h"
#include "copcgap/strbuf.h"
#include "copcgap/utf8.h"

struct csv_reader {
    int fd;                 /* -1 when reading from memory */
    int eof;                /* nothing more to read into the buffer */
    char *buf;
    size_t cap;
    size_t pos, end;        /* unread bytes: buf[pos..end) */
    uint64_t base;          /* file offset of buf[0] */
    uint64_t total;
    uint64_t max;           /* size cap: more bytes than this is an error */
    long line;              /* line number of buf[pos] */
    uint64_t rows;
    struct digest digest;   /* SHA-256 of the bytes read so far */
    int hashing;            /* 0: csv_no_digest was called */
    char *display;
    struct csv_field *f;    /* fields of the current record */
    size_t fcap;
    char **names;           /* header, NULL until read */
    size_t nnames;
};

/* Move the unread bytes to the front and read more; 1 read, 0 end of
 * file, -1 read error (reported). */
static int fill(struct csv_reader *r, struct cg_errors *errs)
{
    ssize_t n;

    if (r->eof)
        return 0;
    if (r->pos > 0) {
        memmove(r->buf, r->buf + r->pos, r->end - r->pos);
        r->base += r->pos;
        r->end -= r->pos;
        r->pos = 0;
    }
    /* Only a record larger than the buffer makes it grow, and only up to
     * the record cap: without one, a file of zeros or one without a
     * newline would double the buffer until memory ran out. */
    if (r->end == r->cap) {
        if (r->cap > CSV_MAX_RECORD_BYTES) {
            struct strbuf sb = STRBUF_INIT;
            infile_size_text(CSV_MAX_RECORD_BYTES, &sb);
            errors_add(errs, CG_ERR_INPUT, r->display, r->line, 0,
                       "record longer than %s, the limit for one CSV "
                       "record (docs/limits.md; is this a CSV file?)",
                       sb.buf);
            strbuf_free(&sb);
            r->eof = 1;
            return -1;
        }
        r->cap = r->cap * 2 > CSV_MAX_RECORD_BYTES ?
                 CSV_MAX_RECORD_BYTES + 1 : r->cap * 2;
        r->buf = xrealloc(r->buf, r->cap);
    }
    do {
        n = read(r->fd, r->buf + r->end, r->cap - r->end);
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
        errors_add(errs, CG_ERR_IO, r->display, 0, 0, "read error: %s",
                   strerror(errno));
        r->eof = 1;
        return -1;
    }
    if (n == 0) {
        r->eof = 1;
        return 0;
    }
    if (r->hashing)
        digest_update(&r->digest, r->buf + r->end, (size_t)n);
    r->end += (size_t)n;
    /* The size was checked at open; a file that grows while it is read
     * (a log being appended to) must not get past the cap either. */
    if (r->max && r->base + r->end > r->max) {
        struct strbuf sb = STRBUF_INIT;
        infile_size_text(r->max, &sb);
        errors_add(errs, CG_ERR_INPUT, r->display, 0, 0, "grew past %s, "
                   "its size limit (docs/limits.md), while being read",
                   sb.buf);
        strbuf_free(&sb);
        r->eof = 1;
        return -1;
    }
    return 1;
}

static void push_field(struct csv_reader *r, size_t *n, const char *p,
                       size_t len)
{
    if (*n == r->fcap)
        VEC_RESERVE(r->f, r->fcap, *n + 1);
    r->f[*n].p = p;
    r->f[*n].len = len;
    (*n)++;
}

/*
 * Split a record that holds quotes, unescaping quoted fields in place
 * (the result is never longer than the source).  Returns the field
 * count, or 0 when text follows a closing quote: *badcol (1-based) and
 * *badoff (where that field starts) say where, and the field is left as
 * written so the message can show it.
 */
static size_t split_quoted(struct csv_reader *r, char *b, size_t len,
                           size_t *badcol, size_t *badoff)
{
    size_t i = 0, n = 0;

    for (;;) {
        if (i < len && b[i] == '"') {
            size_t start = i + 1, j = start, close, dst;
            const char *q;
            /* Find the closing quote first, skipping `""` pairs. */
            for (;;) {
                q = memchr(b + j, '"', len - j);
                close = q ? (size_t)(q - b) : len;
                if (close + 1 < len && b[close + 1] == '"') {
                    j = close + 2;
                    continue;
                }
                break;
            }
            if (close + 1 < len && b[close + 1] != ',') {
                *badcol = n + 1;
                *badoff = i;
                return 0;
            }
            /* Keep the first quote of each pair. */
            dst = j = start;
            while ((q = memchr(b + j, '"', close - j)) != NULL) {
                size_t k = (size_t)(q - b) + 1;
                memmove(b + dst, b + j, k - j);
                dst += k - j;
                j = k + 1;
            }
            memmove(b + dst, b + j, close - j);
            dst += close - j;
            push_field(r, &n, b + start, dst - start);
            if (close + 1 >= len)
                return n;
            i = close + 2;
        } else {
            const char *c = memchr(b + i, ',', len - i);
            size_t k = c ? (size_t)(c - b) : len;
            push_field(r, &n, b + i, k - i);
            if (!c)
                return n;
            i = k + 1;
        }
        if (i == len) {             /* a trailing comma: one more field */
            push_field(r, &n, b + len, 0);
            return n;
        }
    }
}

void csv_quote(struct strbuf *sb, const struct csv_field *f)
{
    strbuf_add_quoted(sb, f->p, f->len, CSV_QUOTE_MAX);
}

/* Checks shared by both record shapes; *row is filled either way. */
static int finish_record(struct csv_reader *r, size_t n, long line,
                         int bad_utf8, struct csv_row *row,
                         struct cg_errors *errs)
{
    int status = CSV_ROW;
    size_t i;

    row->f = r->f;
    row->n = n;
    row->line = line;
    if (!r->names)
        return status;
    r->rows++;
    if (bad_utf8) {
        for (i = 0; i < n; i++) {
            if (utf8_check(r->f[i].p, r->f[i].len) != r->f[i].len) {
                struct strbuf q = STRBUF_INIT;
                csv_quote(&q, &r->f[i]);
                errors_add(errs, CG_ERR_INPUT, r->display, line,
                           (long)i + 1, "invalid UTF-8: %s", q.buf);
                strbuf_free(&q);
            }
        }
        status = CSV_BAD_ROW;
    }
    if (n < r->nnames) {
        errors_add(errs, CG_ERR_INPUT, r->display, line, (long)n + 1,
                   "row has %zu field%s, the header has %zu (no value for "
                   "\"%s\")", n, n == 1 ? "" : "s", r->nnames,
                   r->names[n]);
        status = CSV_BAD_ROW;
    } else if (n > r->nnames) {
        errors_add(errs, CG_ERR_INPUT, r->display, line,
                   (long)r->nnames + 1, "row has %zu fields, the header "
                   "has %zu", n, r->nnames);
        status = CSV_BAD_ROW;
    }
    return status;
}

/* Count LFs in s[0..len). */
static long count_lines(const char *s, size_t len)
{
    long n = 0;
    const char *e = s + len;

    while ((s = memchr(s, '\n', (size_t)(e - s))) != NULL) {
        n++;
        s++;
    }
    return n;
}

/*
 * A record holding a quote: find its end with a state machine that
 * knows where quoted sections start (only at a field's start), reading
 * more when a quoted newline or the buffer's end is reached.
 */
static int next_quoted(struct csv_reader *r, struct csv_row *row,
                       struct cg_errors *errs)
{
    enum { F_START, F_PLAIN, F_QUOTED, F_CLOSED } st = F_START;
    size_t i = 0, field = 0, fstart = 0, len, n, badcol = 0, badoff = 0;
    int has_nl = 0, bad_utf8;
    long line = r->line;
    char *b;

    for (;;) {
        size_t avail = r->end - r->pos;
        b = r->buf + r->pos;
        while (i < avail) {
            char c = b[i];
            if (st == F_QUOTED) {
                char *q = memchr(b + i, '"', avail - i);
                if (!q) {
                    i = avail;
                    break;
                }
                i = (size_t)(q - b) + 1;
                st = F_CLOSED;
                continue;
            }
            if (c == '"' && st != F_PLAIN) {
                st = F_QUOTED;      /* opening, or `""` inside quotes */
            } else if (c == ',') {
                st = F_START;
                field++;
                fstart = i + 1;
            } else if (c == '\n') {
                has_nl = 1;
                goto found;
            } else {
                st = F_PLAIN;
            }
            i++;
        }
        if (r->eof)
            break;
        if (fill(r, errs) < 0)
            return CSV_FATAL;
    }
    if (st == F_QUOTED) {
        struct strbuf q = STRBUF_INIT;
        struct csv_field f;
        /* Show where the quoted field starts: that is what to fix. */
        f.p = b + fstart;
        f.len = r->end - r->pos - fstart;
        csv_quote(&q, &f);
        errors_add(errs, CG_ERR_INPUT, r->display, line, (long)field + 1,
                   "unterminated quoted field: %s", q.buf);
        strbuf_free(&q);
        r->pos = r->end;
        return CSV_FATAL;
    }
found:
    len = i;
    r->pos += len + (size_t)has_nl;
    r->line += count_lines(b, len) + has_nl;
    if (len > 0 && b[len - 1] == '\r')
        len--;
    bad_utf8 = utf8_check(b, len) != len;
    n = split_quoted(r, b, len, &badcol, &badoff);
    if (n == 0) {
        struct strbuf q = STRBUF_INIT;
        struct csv_field f;
        /* The field as written, and the rest of the record after it. */
        f.p = b + badoff;
        f.len = len - badoff;
        csv_quote(&q, &f);
        errors_add(errs, CG_ERR_INPUT, r->display, line, (long)badcol,
                   "text after the closing quote of a quoted field: %s",
                   q.buf);
        strbuf_free(&q);
        if (r->names)
            r->rows++;
        row->f = r->f;
        row->n = 0;
        row->line = line;
        return CSV_BAD_ROW;
    }
    return finish_record(r, n, line, bad_utf8, row, errs);
}

#define ONES UINT64_C(0x0101010101010101)
#define HIGHS UINT64_C(0x8080808080808080)

/* High bit set in each byte of w equal to the byte in `pattern`; a byte
 * above a match may be flagged too (borrow), never one below it, so the
 * lowest flag is always a true match. */
static inline uint64_t bytes_equal(uint64_t w, uint64_t pattern)
{
    uint64_t x = w ^ pattern;
    return (x - ONES) & ~x & HIGHS;
}

static inline int special(unsigned char c)
{
    return c == ',' || c == '\n' || c == '"' || c >= 0x80;
}

/* Index of the first special byte of the eight at s, given their mask. */
static inline size_t first_special(const unsigned char *s, uint64_t mask)
{
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    (void)s;
    return (size_t)__builtin_ctzll(mask) >> 3;
#else
    size_t i = 0;
    (void)mask;
    while (!special(s[i]))
        i++;
    return i;
#endif
}

enum scan_result { SCAN_RECORD, SCAN_QUOTE, SCAN_MORE };

/*
 * Scan a record from p (up to e) that has no quote: split it at commas
 * into r->f while looking for its LF.  *endp receives the LF (or e at the
 * end of the file), *nonascii whether any byte was >= 0x80.
 */
static enum scan_result scan_plain(struct csv_reader *r,
                                   const unsigned char *p,
                                   const unsigned char *e, size_t *nfields,
                                   const unsigned char **endp, int *nonascii)
{
    const unsigned char *s = p, *fstart = p;
    size_t n = 0;

    *nonascii = 0;
    for (;;) {
        unsigned char c;
        while (e - s >= 8) {
            uint64_t w, m;
            memcpy(&w, s, 8);
            m = bytes_equal(w, ONES * ',') | bytes_equal(w, ONES * '\n') |
                bytes_equal(w, ONES * '"') | (w & HIGHS);
            if (m) {
                s += first_special(s, m);
                goto found;
            }
            s += 8;
        }
        while (s < e && !special(*s))
            s++;
        if (s == e) {
            if (!r->eof)
                return SCAN_MORE;
            push_field(r, &n, (const char *)fstart, (size_t)(s - fstart));
            *nfields = n;
            *endp = s;
            return SCAN_RECORD;
        }
found:
        c = *s;
        if (c == ',') {
            push_field(r, &n, (const char *)fstart, (size_t)(s - fstart));
            fstart = ++s;
        } else if (c == '\n') {
            push_field(r, &n, (const char *)fstart, (size_t)(s - fstart));
            *nfields = n;
            *endp = s;
            return SCAN_RECORD;
        } else if (c == '"') {
            return SCAN_QUOTE;
        } else {
            *nonascii = 1;
            s++;
        }
    }
}

int csv_next(struct csv_reader *r, struct csv_row *row,
             struct cg_errors *errs)
{
    for (;;) {
        const unsigned char *p = (unsigned char *)r->buf + r->pos;
        const unsigned char *e = (unsigned char *)r->buf + r->end, *end;
        struct csv_field *last;
        size_t n, len;
        int nonascii;
        long line;

        if (p == e && r->eof)
            return CSV_EOF;
        switch (scan_plain(r, p, e, &n, &end, &nonascii)) {
        case SCAN_MORE:
            /* Read more and scan the record again from its start: this
             * happens once per buffer, so rescanning is cheap. */
            if (fill(r, errs) < 0)
                return CSV_FATAL;
            continue;
        case SCAN_QUOTE:
            return next_quoted(r, row, errs);
        case SCAN_RECORD:
            break;
        }
        len = (size_t)(end - p);
        line = r->line++;
        r->pos += len + (end < e);
        last = &r->f[n - 1];
        if (last->len > 0 && last->p[last->len - 1] == '\r') {
            last->len--;
            len--;
        }
        if (n == 1 && last->len == 0)
            continue;               /* an empty line */
        return finish_record(r, n, line,
                             nonascii && utf8_check((const char *)p, len)
                             != len, row, errs);
    }
}

/* Read the header and keep copies of its names. */
static int read_header(struct csv_reader *r, struct cg_errors *errs)
{
    struct csv_row row;
    size_t i;
    int rc;

    /* A BOM may straddle the first reads when the buffer is tiny. */
    while (r->end - r->pos < 3 && !r->eof)
        if (fill(r, errs) < 0)
            return 0;
    if (r->end - r->pos >= 3 && memcmp(r->buf + r->pos, "\xEF\xBB\xBF", 3)
        == 0)
        r->pos += 3;
    rc = csv_next(r, &row, errs);
    if (rc == CSV_FATAL)
        return 0;
    if (rc == CSV_EOF) {
        errors_add(errs, CG_ERR_INPUT, r->display, 1, 0,
                   "no header row (the file is empty)");
        return 0;
    }
    if (rc == CSV_BAD_ROW)
        return 0;
    for (i = 0; i < row.n; i++) {
        if (utf8_check(row.f[i].p, row.f[i].len) != row.f[i].len) {
            struct strbuf q = STRBUF_INIT;
            csv_quote(&q, &row.f[i]);
            errors_add(errs, CG_ERR_INPUT, r->display, row.line, (long)i + 1,
                       "invalid UTF-8 in the header: %s", q.buf);
            strbuf_free(&q);
            return 0;
        }
    }
    r->names = xcalloc(row.n, sizeof *r->names);
    r->nnames = row.n;
    for (i = 0; i < row.n; i++)
        r->names[i] = xstrndup(row.f[i].p, row.f[i].len);
    /* Every record needs as many fields: size the array once. */
    VEC_RESERVE(r->f, r->fcap, row.n + 1);
    return 1;
}

static struct csv_reader *reader_new(const char *display, size_t bufsize)
{
    struct csv_reader *r = xcalloc(1, sizeof *r);

    r->fd = -1;
    r->cap = bufsize ? bufsize : 1;
    r->buf = xmalloc(r->cap);
    r->line = 1;
    digest_init(&r->digest);
    r->hashing = 1;
    r->display = xstrdup(display);
    return r;
}

static struct csv_reader *open_file(const char *path, const char *display,
                                    size_t bufsize, uint64_t max_bytes,
                                    const char *what, struct cg_errors *errs)
{
    struct csv_reader *r = reader_new(display, bufsize);
    struct stat st;

    r->fd = infile_open(path, display, what, max_bytes, 0, &st, errs);
    if (r->fd < 0)
        goto fail;
    r->total = (uint64_t)st.st_size;
    r->max = max_bytes;
#ifdef POSIX_FADV_SEQUENTIAL
    posix_fadvise(r->fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
    if (!read_header(r, errs))
        goto fail;
    return r;
fail:
    csv_close(r);
    return NULL;
}

struct csv_reader *csv_open_size(const char *path, const char *display,
                                 size_t bufsize, struct cg_errors *errs)
{
    return open_file(path, display, bufsize, CSV_MAX_FILE_BYTES,
                     "a CSV file", errs);
}

struct csv_reader *csv_open(const char *path, const char *display,
                            struct cg_errors *errs)
{
    return open_file(path, display, CSV_BUFFER_SIZE, CSV_MAX_FILE_BYTES,
                     "a CSV file", errs);
}

struct csv_reader *csv_open_max(const char *path, const char *display,
                                uint64_t max_bytes, const char *what,
                                struct cg_errors *errs)
{
    return open_file(path, display, CSV_BUFFER_SIZE, max_bytes, what, errs);
}

struct csv_reader *csv_open_mem(const char *data, size_t len,
                                const char *display, struct cg_errors *errs)
{
    struct csv_reader *r = reader_new(display, len);

    if (len)
        memcpy(r->buf, data, len);
    digest_update(&r->digest, data, len);
    r->end = len;
    r->total = len;
    r->eof = 1;
    if (!read_header(r, errs)) {
        csv_close(r);
        return NULL;
    }
    return r;
}

void csv_close(struct csv_reader *r)
{
    size_t i;

    if (!r)
        return;
    if (r->fd >= 0)
        close(r->fd);
    for (i = 0; i < r->nnames; i++)
        free(r->names[i]);
    free(r->names);
    free(r->f);
    free(r->buf);
    free(r->display);
    free(r);
}

size_t csv_header_count(const struct csv_reader *r)
{
    return r->nnames;
}

const char *csv_header_name(const struct csv_reader *r, size_t i)
{
    return i < r->nnames ? r->names[i] : "";
}

/* A header name that differs only in letter case, to hint at typos. */
static int same_ignoring_case(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        char x = *a, y = *b;
        if (x >= 'A' && x <= 'Z')
            x = (char)(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = (char)(y - 'A' + 'a');
        if (x != y)
            return 0;
    }
    return *a == *b;
}

static void report_missing(const struct csv_reader *r, const char *name,
                           struct cg_errors *errs)
{
    size_t j;

    for (j = 0; j < r->nnames; j++) {
        if (same_ignoring_case(r->names[j], name)) {
            errors_add(errs, CG_ERR_INPUT, r->display, 1, 0,
                       "missing column \"%s\" (column %zu is \"%s\": names "
                       "are case-sensitive)", name, j + 1, r->names[j]);
            return;
        }
    }
    if (r->nnames == 1 && strchr(r->names[0], ';'))
        errors_add(errs, CG_ERR_INPUT, r->display, 1, 0,
                   "missing column \"%s\" (the header has one column; "
                   "fields must be separated by commas, not ';')", name);
    else
        errors_add(errs, CG_ERR_INPUT, r->display, 1, 0,
                   "missing column \"%s\"", name);
}

int csv_find_columns(const struct csv_reader *r, const char *const *names,
                     size_t n, int *idx, struct cg_errors *errs)
{
    size_t i, j;
    int ok = 1;

    for (i = 0; i < n; i++) {
        idx[i] = -1;
        for (j = 0; j < r->nnames; j++) {
            if (strcmp(r->names[j], names[i]) != 0)
                continue;
            if (idx[i] >= 0) {
                errors_add(errs, CG_ERR_INPUT, r->display, 1, (long)j + 1,
                           "column \"%s\" appears twice (also column %d)",
                           names[i], idx[i] + 1);
                ok = 0;
                break;
            }
            idx[i] = (int)j;
        }
        if (idx[i] < 0) {
            report_missing(r, names[i], errs);
            ok = 0;
        }
    }
    return ok;
}

const char *csv_display(const struct csv_reader *r)
{
    return r->display;
}

uint64_t csv_rows(const struct csv_reader *r)
{
    return r->rows;
}

uint64_t csv_bytes_done(const struct csv_reader *r)
{
    return r->base + r->pos;
}

void csv_no_digest(struct csv_reader *r)
{
    r->hashing = 0;
}

int csv_digest(struct csv_reader *r, char hex[DIGEST_HEX])
{
    if (!r->hashing || !r->eof || r->pos != r->end)
        return 0;
    digest_hex(&r->digest, hex);
    digest_init(&r->digest);
    return 1;
}

uint64_t csv_bytes_total(const struct csv_reader *r)
{
    return r->total;
}

void csv_error_value(const struct csv_reader *r, const struct csv_row *row,
                     int col, const char *must, struct cg_errors *errs)
{
    struct strbuf q = STRBUF_INIT;

    if (errors_full(errs)) {        /* counted, not kept: skip the work */
        errors_add(errs, CG_ERR_INPUT, NULL, 0, 0, "%s", "");
        return;
    }
    csv_quote(&q, &row->f[col]);
    errors_add(errs, CG_ERR_INPUT, r->display, row->line, (long)col + 1,
               "%s %s, not %s", csv_header_name(r, (size_t)col), must, q.buf);
    strbuf_free(&q);
}

void csv_error_at(const struct csv_reader *r, const struct csv_row *row,
                  int col, struct cg_errors *errs, const char *fmt, ...)
{
    struct strbuf sb = STRBUF_INIT;
    va_list ap;

    va_start(ap, fmt);
    strbuf_vprintf(&sb, fmt, ap);
    va_end(ap);
    errors_add(errs, CG_ERR_INPUT, r->display, row->line, (long)col + 1,
               "%s", sb.buf);
    strbuf_free(&sb);
}
