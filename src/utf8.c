/* utf8.c — strict UTF-8 validation (see utf8.h). */
#include <stdint.h>
#include <string.h>

#include "copcgap/utf8.h"

size_t utf8_char_len(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    unsigned char c;

    if (len == 0)
        return 0;
    c = s[0];
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF) {
        if (len >= 2 && (s[1] & 0xC0) == 0x80)
            return 2;
        return 0;
    }
    if (c >= 0xE0 && c <= 0xEF) {
        unsigned char lo = 0x80, hi = 0xBF;
        if (c == 0xE0)
            lo = 0xA0;          /* overlong */
        if (c == 0xED)
            hi = 0x9F;          /* surrogates */
        if (len >= 3 && s[1] >= lo && s[1] <= hi && (s[2] & 0xC0) == 0x80)
            return 3;
        return 0;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        unsigned char lo = 0x80, hi = 0xBF;
        if (c == 0xF0)
            lo = 0x90;          /* overlong */
        if (c == 0xF4)
            hi = 0x8F;          /* above U+10FFFF */
        if (len >= 4 && s[1] >= lo && s[1] <= hi &&
            (s[2] & 0xC0) == 0x80 && (s[3] & 0xC0) == 0x80)
            return 4;
        return 0;
    }
    return 0;
}

size_t utf8_check(const char *s, size_t len)
{
    size_t i = 0;

    while (i < len) {
        size_t n;
        /* Fast path: eight ASCII bytes at once. */
        if (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if ((w & UINT64_C(0x8080808080808080)) == 0) {
                i += 8;
                continue;
            }
        }
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        n = utf8_char_len(s + i, len - i);
        if (n == 0)
            return i;
        i += n;
    }
    return len;
}

size_t utf8_count(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;   /* not a continuation */
    return n;
}
