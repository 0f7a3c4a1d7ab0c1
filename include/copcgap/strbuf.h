/*
 * strbuf.h — a growable, always NUL-terminated byte string.
 *
 * A zeroed struct (STRBUF_INIT) is an empty buffer; strbuf_cstr() of it is
 * "".  The buffer owns its memory: strbuf_free() releases it,
 * strbuf_detach() hands it to the caller (free with free()).
 */
#ifndef COPCGAP_STRBUF_H
#define COPCGAP_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

#include "copcgap/util.h"

struct strbuf {
    char *buf;
    size_t len;
    size_t cap;
};

#define STRBUF_INIT { NULL, 0, 0 }

void strbuf_add(struct strbuf *sb, const char *data, size_t len);
void strbuf_adds(struct strbuf *sb, const char *s);
void strbuf_addc(struct strbuf *sb, char c);
void strbuf_printf(struct strbuf *sb, const char *fmt, ...) CG_PRINTF(2, 3);
void strbuf_vprintf(struct strbuf *sb, const char *fmt, va_list ap)
    CG_PRINTF(2, 0);
/* Truncate to len bytes (len <= current length). */
void strbuf_truncate(struct strbuf *sb, size_t len);
/* The contents as a C string; "" when nothing was ever added. */
const char *strbuf_cstr(const struct strbuf *sb);
/* Give the contents to the caller (never NULL) and reset the buffer. */
char *strbuf_detach(struct strbuf *sb);
void strbuf_free(struct strbuf *sb);

/*
 * Append `data` for use inside an error message: in double quotes, with
 * control bytes and invalid UTF-8 shown as \xNN, and cut at `max` bytes
 * with "..." so that a huge field never makes a huge message.
 */
void strbuf_add_quoted(struct strbuf *sb, const char *data, size_t len,
                       size_t max);

#endif
