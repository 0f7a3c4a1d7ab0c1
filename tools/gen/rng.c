/*
 * rng.c — deterministic randomness for gen-org.
 *
 * xoshiro256** seeded through splitmix64 (Blackman and Vigna): small,
 * fast, and the same sequence everywhere, unlike rand().  Distributions
 * use only IEEE-754 + - * / and sqrt (which IEEE rounds exactly): exp and
 * log are computed here rather than taken from the C library, whose last
 * bits may differ between libm versions, so that a sample generated on
 * one machine is byte-identical on another.
 *
 * key_hash() gives choices that depend on a name (a requirement id, a
 * program) rather than on how many draws came before: adding a
 * requirement to the catalogue does not reshuffle every other decision.
 */
#include <math.h>
#include <stdarg.h>

#include "gen.h"

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

void rng_seed(struct rng *r, uint64_t seed)
{
    uint64_t x = seed;
    int i;
    for (i = 0; i < 4; i++)
        r->s[i] = splitmix64(&x);
}

static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

uint64_t rng_next(struct rng *r)
{
    uint64_t *s = r->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;

    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

double rng_unif(struct rng *r)
{
    /* The top 53 bits: every double in [0, 1) on a 2^-53 grid. */
    return (double)(rng_next(r) >> 11) * (1.0 / 9007199254740992.0);
}

long rng_range(struct rng *r, long lo, long hi)
{
    uint64_t span = (uint64_t)(hi - lo) + 1;
    if (hi <= lo)
        return lo;
    return lo + (long)(rng_next(r) % span);
}

double rng_normal(struct rng *r)
{
    /* Marsaglia's polar method: needs log and sqrt, not sin and cos. */
    double u, v, s;
    do {
        u = 2 * rng_unif(r) - 1;
        v = 2 * rng_unif(r) - 1;
        s = u * u + v * v;
    } while (s >= 1 || s == 0);
    return u * sqrt(-2 * dm_log(s) / s);
}

double rng_exp(struct rng *r, double mean)
{
    return -mean * dm_log(1 - rng_unif(r));
}

long rng_poisson(struct rng *r, double lambda)
{
    if (lambda <= 0)
        return 0;
    if (lambda < 30) {
        /* Knuth: multiply uniforms until below e^-lambda. */
        double limit = dm_exp(-lambda), p = 1;
        long k = -1;
        do {
            k++;
            p *= rng_unif(r);
        } while (p > limit);
        return k;
    } else {
        /* Normal approximation: ample at these volumes. */
        double x = lambda + sqrt(lambda) * rng_normal(r);
        return x < 0 ? 0 : (long)(x + 0.5);
    }
}

double rng_lognormal(struct rng *r, double mu, double sigma)
{
    return dm_exp(mu + sigma * rng_normal(r));
}

void rng_shuffle(struct rng *r, int *v, size_t n)
{
    size_t i;
    for (i = n; i > 1; i--) {
        size_t j = (size_t)(rng_next(r) % i);
        int t = v[i - 1];
        v[i - 1] = v[j];
        v[j] = t;
    }
}

/* ------------------------------------------------------------ keys */

static uint64_t vkey(uint64_t seed, const char *fmt, va_list ap)
{
    struct strbuf sb = STRBUF_INIT;
    uint64_t h = 0xcbf29ce484222325u, x;
    size_t i;

    strbuf_vprintf(&sb, fmt, ap);
    for (i = 0; i < sb.len; i++) {
        h ^= (unsigned char)sb.buf[i];
        h *= 0x100000001b3u;            /* FNV-1a */
    }
    strbuf_free(&sb);
    x = h ^ (seed * 0x9e3779b97f4a7c15u);
    return splitmix64(&x);
}

uint64_t key_hash(uint64_t seed, const char *fmt, ...)
{
    va_list ap;
    uint64_t h;
    va_start(ap, fmt);
    h = vkey(seed, fmt, ap);
    va_end(ap);
    return h;
}

double key_unif(uint64_t seed, const char *fmt, ...)
{
    va_list ap;
    uint64_t h;
    va_start(ap, fmt);
    h = vkey(seed, fmt, ap);
    va_end(ap);
    return (double)(h >> 11) * (1.0 / 9007199254740992.0);
}

void rng_keyed(struct rng *r, uint64_t seed, const char *fmt, ...)
{
    va_list ap;
    uint64_t h;
    va_start(ap, fmt);
    h = vkey(seed, fmt, ap);
    va_end(ap);
    rng_seed(r, h);
}

/* ------------------------------------------------------ exp and log */

#define LN2_HI 6.93147180369123816490e-01   /* ln 2, top 32 bits */
#define LN2_LO 1.90821492927058770002e-10   /* ln 2 - LN2_HI */
#define INV_LN2 1.44269504088896338700e+00

double dm_exp(double x)
{
    double k, r, p;
    int i;

    if (x > 709)
        return HUGE_VAL;
    if (x < -745)
        return 0;
    /* x = k ln2 + r, |r| <= ln2 / 2; e^r by its Taylor series (14
     * terms: the remainder is below 1e-17), then scale by 2^k exactly. */
    k = floor(x * INV_LN2 + 0.5);
    r = (x - k * LN2_HI) - k * LN2_LO;
    p = 1;
    for (i = 14; i >= 1; i--)
        p = 1 + p * r / i;
    return ldexp(p, (int)k);
}

double dm_log(double x)
{
    double m, s, s2, sum = 0, ek;
    int e, i;

    if (!(x > 0))
        return -HUGE_VAL;
    /* x = m 2^e exactly; bring m into [sqrt(1/2), sqrt(2)) and use
     * log m = 2 atanh(s), s = (m - 1) / (m + 1), |s| <= 0.172. */
    m = frexp(x, &e);
    if (m < 0.70710678118654752440) {
        m *= 2;
        e--;
    }
    s = (m - 1) / (m + 1);
    s2 = s * s;
    for (i = 27; i >= 1; i -= 2)
        sum = 1.0 / i + s2 * sum;
    ek = (double)e;
    return ek * LN2_HI + (ek * LN2_LO + 2 * s * sum);
}

double dm_probit(double p)
{
    /* Acklam's rational approximation (relative error < 1.2e-9). */
    static const double a[] = { -3.969683028665376e+01, 2.209460984245205e+02,
        -2.759285104469687e+02, 1.383577518672690e+02,
        -3.066479806614716e+01, 2.506628277459239e+00 };
    static const double b[] = { -5.447609879822406e+01, 1.615858368580409e+02,
        -1.556989798598866e+02, 6.680131188771972e+01,
        -1.328068155288572e+01 };
    static const double c[] = { -7.784894002430293e-03, -3.223964580411365e-01,
        -2.400758277161838e+00, -2.549732539343734e+00,
        4.374664141464968e+00, 2.938163982698783e+00 };
    static const double d[] = { 7.784695709041462e-03, 3.224671290700398e-01,
        2.445134137142996e+00, 3.754408661907416e+00 };
    double q, t;

    if (p <= 0)
        p = 1e-12;
    if (p >= 1)
        p = 1 - 1e-12;
    if (p < 0.02425) {
        q = sqrt(-2 * dm_log(p));
        return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q +
                c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    if (p > 1 - 0.02425) {
        q = sqrt(-2 * dm_log(1 - p));
        return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q +
                 c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    q = p - 0.5;
    t = q * q;
    return (((((a[0] * t + a[1]) * t + a[2]) * t + a[3]) * t + a[4]) * t +
            a[5]) * q / (((((b[0] * t + b[1]) * t + b[2]) * t + b[3]) * t +
                          b[4]) * t + 1);
}
