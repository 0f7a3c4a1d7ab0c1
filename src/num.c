/*
 * num.c — decimal numbers from CSV fields (see num.h).
 *
 * The fast path is exact: up to 15 significant digits the digits form an
 * integer m < 2^53 and m / 10^k (k <= 22) is one correctly rounded IEEE
 * division of two exact values, which is what strtod would return.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "copcgap/num.h"

static const double pow10[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
};

/* strtod on a NUL-terminated copy, for long inputs only (at most
 * NUM_MAX_CHARS, so the copy is on the stack). */
static double slow_parse(const char *s, size_t len)
{
    char copy[NUM_MAX_CHARS + 1];

    memcpy(copy, s, len);
    copy[len] = '\0';
    return strtod(copy, NULL);
}

/* The common case, a short plain integer ("42"): one tight loop.  Returns
 * 0 for anything else, which the general parser then handles. */
static int parse_small_int(const char *s, size_t len, double *out)
{
    uint64_t m = 0;
    size_t i;

    if (len == 0 || len > 15)
        return 0;
    for (i = 0; i < len; i++) {
        unsigned d = (unsigned char)s[i] - '0';
        if (d > 9)
            return 0;
        m = m * 10 + d;
    }
    *out = (double)m;
    return 1;
}

int num_parse(const char *s, size_t len, double *out)
{
    size_t i = 0, digits = 0, sig = 0, frac = 0;
    uint64_t m = 0;
    int neg = 0, dot = 0;

    if (parse_small_int(s, len, out))
        return 1;
    if (len > NUM_MAX_CHARS)
        return 0;
    if (len > 0 && s[0] == '-') {
        neg = 1;
        i = 1;
    }
    for (; i < len; i++) {
        unsigned d = (unsigned char)s[i] - '0';
        if (d <= 9) {
            digits++;
            if (dot)
                frac++;
            /* Leading zeros are not significant. */
            if (m || d) {
                sig++;
                if (sig <= 19)
                    m = m * 10 + d;
            }
            continue;
        }
        if (s[i] == '.' && !dot) {
            dot = 1;
            continue;
        }
        return 0;
    }
    if (digits == 0)
        return 0;
    if (sig <= 15 && frac < sizeof pow10 / sizeof pow10[0]) {
        double v = (double)m / pow10[frac];
        *out = neg ? -v : v;
        return 1;
    }
    *out = slow_parse(s, len);
    /* Cannot overflow below NUM_MAX_CHARS characters; checked anyway,
     * because a non-finite value must never reach a comparison. */
    return isfinite(*out);
}

int num_parse_uint(const char *s, size_t len, long long *out)
{
    long long v = 0;
    size_t i;

    if (len == 0 || len > 18)
        return 0;
    for (i = 0; i < len; i++) {
        unsigned d = (unsigned char)s[i] - '0';
        if (d > 9)
            return 0;
        v = v * 10 + (long long)d;
    }
    *out = v;
    return 1;
}
