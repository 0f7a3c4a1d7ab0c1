/* strbuf.c — growable strings (see strbuf.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copcgap/strbuf.h"
#include "copcgap/utf8.h"

static void grow(struct strbuf *sb, size_t extra)
{
    size_t need = sb->len + extra + 1;
    VEC_RESERVE(sb->buf, sb->cap, need);
}

void strbuf_add(struct strbuf *sb, const char *data, size_t len)
{
    grow(sb, len);
    if (len)
        memcpy(sb->buf + sb->len, data, len);
    sb->len += len;
    sb->buf[sb->len] = '\0';
}

void strbuf_adds(struct strbuf *sb, const char *s)
{
    strbuf_add(sb, s, strlen(s));
}

void strbuf_addc(struct strbuf *sb, char c)
{
    strbuf_add(sb, &c, 1);
}

void strbuf_vprintf(struct strbuf *sb, const char *fmt, va_list ap)
{
    va_list ap2;
    int n;

    va_copy(ap2, ap);
    grow(sb, 64);
    n = vsnprintf(sb->buf + sb->len, sb->cap - sb->len, fmt, ap);
    if (n < 0) {
        va_end(ap2);
        sb->buf[sb->len] = '\0';
        return;
    }
    if ((size_t)n >= sb->cap - sb->len) {
        grow(sb, (size_t)n);
        vsnprintf(sb->buf + sb->len, sb->cap - sb->len, fmt, ap2);
    }
    va_end(ap2);
    sb->len += (size_t)n;
}

void strbuf_printf(struct strbuf *sb, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    strbuf_vprintf(sb, fmt, ap);
    va_end(ap);
}

void strbuf_truncate(struct strbuf *sb, size_t len)
{
    if (sb->buf && len < sb->len) {
        sb->len = len;
        sb->buf[len] = '\0';
    }
}

const char *strbuf_cstr(const struct strbuf *sb)
{
    return sb->buf ? sb->buf : "";
}

char *strbuf_detach(struct strbuf *sb)
{
    char *p = sb->buf ? sb->buf : xstrdup("");
    sb->buf = NULL;
    sb->len = sb->cap = 0;
    return p;
}

void strbuf_free(struct strbuf *sb)
{
    free(sb->buf);
    sb->buf = NULL;
    sb->len = sb->cap = 0;
}

void strbuf_add_quoted(struct strbuf *sb, const char *data, size_t len,
                       size_t max)
{
    size_t i = 0;

    strbuf_addc(sb, '"');
    while (i < len) {
        unsigned char c = (unsigned char)data[i];
        size_t n;

        if (i >= max) {
            strbuf_adds(sb, "...");
            break;
        }
        if (c < 0x20 || c == 0x7f) {
            if (c == '\n')
                strbuf_adds(sb, "\\n");
            else if (c == '\r')
                strbuf_adds(sb, "\\r");
            else if (c == '\t')
                strbuf_adds(sb, "\\t");
            else
                strbuf_printf(sb, "\\x%02X", c);
            i++;
        } else if (c == '"' || c == '\\') {
            strbuf_addc(sb, '\\');
            strbuf_addc(sb, (char)c);
            i++;
        } else if (c < 0x80) {
            strbuf_addc(sb, (char)c);
            i++;
        } else if ((n = utf8_char_len(data + i, len - i)) > 0) {
            strbuf_add(sb, data + i, n);
            i += n;
        } else {
            strbuf_printf(sb, "\\x%02X", c);
            i++;
        }
    }
    strbuf_addc(sb, '"');
}
