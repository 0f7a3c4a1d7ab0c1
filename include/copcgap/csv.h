/*
 * csv.h — a streaming CSV reader for the organisation folder's files
 * (docs/inputs.md, "CSV rules").
 *
 * RFC 4180: comma separator, `"` quoting with `""` escapes, quoted fields
 * may hold commas, CR and LF; records end with LF or CRLF; a UTF-8 BOM at
 * the start is skipped; the first record is the header.  Beyond RFC 4180,
 * and as csv-spectrum expects, a `"` inside an unquoted field is an
 * ordinary character (`5'10"`).  Lines that are entirely empty are
 * skipped (a trailing blank line is common in exports).
 *
 * The file is read in large blocks (1 MiB) into one buffer, so memory
 * does not grow with the number of records.  A record may not be longer
 * than CSV_MAX_RECORD_BYTES and a file not larger than its cap (see
 * below and docs/limits.md): a file of zeros or one without a newline
 * ends with a located error, not with memory exhausted.  Files are opened
 * through infile.h: a FIFO, a device or a directory is refused.  Fields
 * are (pointer, length) views into that buffer, valid until the next
 * csv_next(); quoted fields are unescaped in place.
 *
 * Errors are located (FILE:LINE:COL, LINE of the record's first line, COL
 * the 1-based field number) and appended to a struct cg_errors:
 *   - malformed records (text after a closing quote, a field count that
 *     differs from the header's, invalid UTF-8) spoil that record only:
 *     csv_next() returns CSV_BAD_ROW and the next call goes on, so a file
 *     with several bad rows reports the first ones, not just one;
 *   - an unterminated quote or a read error ends the file (CSV_FATAL).
 */
#ifndef COPCGAP_CSV_H
#define COPCGAP_CSV_H

#include <stddef.h>
#include <stdint.h>

#include "copcgap/digest.h"
#include "copcgap/error.h"
#include "copcgap/util.h"

/* Default read size; the buffer starts at this size. */
#define CSV_BUFFER_SIZE ((size_t)1 << 20)

/* The longest record accepted (docs/limits.md): a megabyte holds any
 * real row, notes included; a longer one means the file is not CSV. */
#define CSV_MAX_RECORD_BYTES ((size_t)1 << 20)

/* The largest CSV file streamed (raw data; docs/limits.md): 64 GiB is
 * about 900 million contact rows, some years of the largest site. */
#define CSV_MAX_FILE_BYTES (UINT64_C(64) << 30)

/* The largest register (evidence.csv, findings.csv, metrics.csv): these
 * are kept in memory, so the cap is lower (256 MiB: millions of rows). */
#define CSV_MAX_REGISTER_BYTES (UINT64_C(256) << 20)

/* Bytes of a value quoted in an error message at most. */
#define CSV_QUOTE_MAX 60

struct csv_field {
    const char *p;          /* into the reader's buffer; not NUL-ended */
    size_t len;
};

struct csv_row {
    const struct csv_field *f;  /* f[0..n): the record's fields */
    size_t n;
    long line;                  /* 1-based line of the record's start */
};

enum csv_status {
    CSV_FATAL = -1,         /* read error or unterminated quote: stop */
    CSV_EOF = 0,            /* no more records */
    CSV_ROW = 1,            /* *row holds the next record */
    CSV_BAD_ROW = 2         /* a malformed record, reported and skipped */
};

struct csv_reader;

/*
 * Open `path` and read its header.  `display` is the name used in error
 * messages (copied).  Returns NULL with an error appended when the file
 * cannot be read, is not a regular file, is larger than
 * CSV_MAX_FILE_BYTES, is empty, or its header is malformed.
 */
struct csv_reader *csv_open(const char *path, const char *display,
                            struct cg_errors *errs);

/* As csv_open with another size cap (CSV_MAX_REGISTER_BYTES); `what`
 * names the kind of file in the message when it is too large. */
struct csv_reader *csv_open_max(const char *path, const char *display,
                                uint64_t max_bytes, const char *what,
                                struct cg_errors *errs);

/* As csv_open with the first buffer of `bufsize` bytes (tests use tiny
 * buffers to exercise records that straddle reads). */
struct csv_reader *csv_open_size(const char *path, const char *display,
                                 size_t bufsize, struct cg_errors *errs);

/* A reader over bytes in memory (copied). */
struct csv_reader *csv_open_mem(const char *data, size_t len,
                                const char *display, struct cg_errors *errs);

/* Close and free; accepts NULL. */
void csv_close(struct csv_reader *r);

/*
 * The next record into *row.  Every record must have as many fields as
 * the header.  Returns an enum csv_status.
 */
int csv_next(struct csv_reader *r, struct csv_row *row,
             struct cg_errors *errs);

/* Columns of the header, and the name of column i (a NUL-terminated
 * copy owned by the reader; "" past the end). */
size_t csv_header_count(const struct csv_reader *r);
const char *csv_header_name(const struct csv_reader *r, size_t i);

/*
 * Find columns by name (case-sensitive, any order; columns not asked for
 * are ignored).  idx[i] receives the 0-based column of names[i], or -1.
 * Every name is required: each missing one is an error located on the
 * header line, and so is a header naming an asked column twice.  Returns
 * 1 when every name was found exactly once.
 */
int csv_find_columns(const struct csv_reader *r, const char *const *names,
                     size_t n, int *idx, struct cg_errors *errs);

const char *csv_display(const struct csv_reader *r);
/* Records returned so far (CSV_ROW and CSV_BAD_ROW), header excluded. */
uint64_t csv_rows(const struct csv_reader *r);
/* Bytes consumed so far, and the file's size (0 when unknown). */
uint64_t csv_bytes_done(const struct csv_reader *r);
uint64_t csv_bytes_total(const struct csv_reader *r);
/* SHA-256 of the whole file once every record has been read; 0 (and
 * `hex` untouched) before the end or after csv_no_digest.  Call it
 * once.  Hashing costs about a third of a large raw file's read time:
 * csv_no_digest, right after opening, skips it. */
void csv_no_digest(struct csv_reader *r);
int csv_digest(struct csv_reader *r, char hex[DIGEST_HEX]);

/*
 * Located errors about field `col` (0-based) of `row`:
 * csv_error_value appends `NAME MUST, not "VALUE"` (NAME the column's
 * header name, VALUE quoted and cut for the message); csv_error_at
 * appends a free-form message at that field.
 */
void csv_error_value(const struct csv_reader *r, const struct csv_row *row,
                     int col, const char *must, struct cg_errors *errs);
void csv_error_at(const struct csv_reader *r, const struct csv_row *row,
                  int col, struct cg_errors *errs, const char *fmt, ...)
    CG_PRINTF(5, 6);

/* Append a field quoted for a message (strbuf_add_quoted, cut). */
void csv_quote(struct strbuf *sb, const struct csv_field *f);

#endif
