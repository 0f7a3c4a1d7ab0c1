/*
 * error.h — located error messages.
 *
 * Library code never prints: it records what went wrong in a struct
 * cg_errors and returns a failure value; the CLI prints each error as
 * `FILE:LINE:COL: message` and maps the worst kind to an exit code.
 * LINE and COL are 1-based; 0 means "not known" and is left out of the
 * printed form.  Messages start lowercase and quote offending values.
 *
 * A list keeps at most `max` errors (20 by default, as docs/inputs.md asks for
 * a file with several bad rows) and counts the rest in `more`.
 */
#ifndef COPCGAP_ERROR_H
#define COPCGAP_ERROR_H

#include <stddef.h>

#include "copcgap/strbuf.h"
#include "copcgap/util.h"

enum cg_errkind {
    CG_ERR_INPUT = 1,       /* the input is wrong: exit 3 */
    CG_ERR_IO,              /* reading or writing failed: exit 4 */
    CG_ERR_INTERNAL         /* a bug or a library failure: exit 4 */
};

struct cg_error {
    enum cg_errkind kind;
    char *file;             /* owned; may be NULL */
    long line;
    long col;
    char *msg;              /* owned */
};

struct cg_errors {
    struct cg_error *v;
    size_t n, cap;
    size_t max;             /* 0 means the default, 20 */
    size_t more;            /* errors beyond max, counted not kept */
};

#define CG_ERRORS_INIT { NULL, 0, 0, 0, 0 }
#define CG_ERRORS_MAX_DEFAULT 20

void errors_add(struct cg_errors *e, enum cg_errkind kind, const char *file,
                long line, long col, const char *fmt, ...) CG_PRINTF(6, 7);
/* Total errors seen, including those not kept. */
size_t errors_count(const struct cg_errors *e);
/* 1 when the list is full: further errors are only counted. */
int errors_full(const struct cg_errors *e);
/* The most serious kind present (IO and internal beat input); 0 if none. */
enum cg_errkind errors_worst(const struct cg_errors *e);
/* Move every error of src to the end of dst; src is left empty. */
void errors_move(struct cg_errors *dst, struct cg_errors *src);
void errors_clear(struct cg_errors *e);
void errors_free(struct cg_errors *e);

/* Append "FILE:LINE:COL: message" (parts that are unknown are left out). */
void error_format(const struct cg_error *err, struct strbuf *out);

#endif
