/*
 * utf8.h — UTF-8 validation.
 *
 * Strict RFC 3629: no overlong forms, no surrogates, nothing above
 * U+10FFFF.  Pure functions, no allocation.
 */
#ifndef COPCGAP_UTF8_H
#define COPCGAP_UTF8_H

#include <stddef.h>

/* Length (1-4) of the valid character at s, or 0 when it is invalid. */
size_t utf8_char_len(const char *s, size_t len);

/*
 * Offset of the first invalid byte in s[0..len), or len when all is valid.
 * Runs through ASCII eight bytes at a time.
 */
size_t utf8_check(const char *s, size_t len);

/* Characters (code points) in a valid UTF-8 string: what a terminal
 * column count needs for the scripts our fonts cover. */
size_t utf8_count(const char *s);

#endif
