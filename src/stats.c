/*
 * stats.c — Student's t distribution and a least-squares slope (see
 * stats.h).
 *
 * The t CDF goes through the regularized incomplete beta function,
 *   P(|T| > t) = I_x(df/2, 1/2) with x = df / (df + t^2),
 * evaluated by its continued fraction (modified Lentz's method; the
 * expansion and its convergence are the classic ones of Abramowitz &
 * Stegun 26.5.8).  The quantile inverts the CDF by bisection: there is
 * no hurry, a report needs a few dozen of them.
 */
#include <math.h>

#include "copcgap/stats.h"

/* The continued fraction of I_x(a, b); converges for x < (a+1)/(a+b+2). */
static double beta_cf(double a, double b, double x)
{
    const double tiny = 1e-300, eps = 1e-15;
    double c = 1, d = 1 - (a + b) * x / (a + 1), h;
    int m;

    if (fabs(d) < tiny)
        d = tiny;
    d = 1 / d;
    h = d;
    for (m = 1; m <= 500; m++) {
        double m2 = 2.0 * m, num, del;
        num = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
        d = 1 + num * d;
        if (fabs(d) < tiny)
            d = tiny;
        c = 1 + num / c;
        if (fabs(c) < tiny)
            c = tiny;
        d = 1 / d;
        h *= d * c;
        num = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
        d = 1 + num * d;
        if (fabs(d) < tiny)
            d = tiny;
        c = 1 + num / c;
        if (fabs(c) < tiny)
            c = tiny;
        d = 1 / d;
        del = d * c;
        h *= del;
        if (fabs(del - 1) < eps)
            break;
    }
    return h;
}

/* Regularized incomplete beta I_x(a, b), 0 <= x <= 1. */
static double beta_inc(double a, double b, double x)
{
    double front;

    if (x <= 0)
        return 0;
    if (x >= 1)
        return 1;
    front = exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) +
                b * log(1 - x));
    /* Use the fraction where it converges, the symmetry elsewhere. */
    if (x < (a + 1) / (a + b + 2))
        return front * beta_cf(a, b, x) / a;
    return 1 - front * beta_cf(b, a, 1 - x) / b;
}

double stats_t_cdf(double t, double df)
{
    double tail = 0.5 * beta_inc(df / 2, 0.5, df / (df + t * t));
    return t >= 0 ? 1 - tail : tail;
}

double stats_t_quantile(double p, double df)
{
    /* The same few (p, df) pairs come back for every trend rule and
     * program: remember the last answer for each whole df up to 63 (a
     * pure function, so the cache never changes a result). */
    static struct { double p, q; int set; } memo[64];
    int small = df >= 1 && df < 64 && df == floor(df);
    double lo = -1e6, hi = 1e6;
    int i;

    if (small && memo[(int)df].set && memo[(int)df].p == p)
        return memo[(int)df].q;

    for (i = 0; i < 200 && hi - lo > 1e-12; i++) {
        double mid = (lo + hi) / 2;
        if (stats_t_cdf(mid, df) < p)
            lo = mid;
        else
            hi = mid;
    }
    if (small) {
        memo[(int)df].p = p;
        memo[(int)df].q = (lo + hi) / 2;
        memo[(int)df].set = 1;
    }
    return (lo + hi) / 2;
}

int stats_slope(const double *x, const double *y, size_t n, double *slope,
                double *se)
{
    double mx = 0, my = 0, sxx = 0, sxy = 0, ssr = 0, a;
    size_t i;

    *slope = *se = 0;
    if (n < 2)
        return 0;
    for (i = 0; i < n; i++) {
        mx += x[i];
        my += y[i];
    }
    mx /= (double)n;
    my /= (double)n;
    for (i = 0; i < n; i++) {
        sxx += (x[i] - mx) * (x[i] - mx);
        sxy += (x[i] - mx) * (y[i] - my);
    }
    if (sxx <= 0)
        return 0;
    *slope = sxy / sxx;
    a = my - *slope * mx;
    for (i = 0; i < n; i++) {
        double r = y[i] - a - *slope * x[i];
        ssr += r * r;
    }
    if (n > 2)
        *se = sqrt(ssr / (double)(n - 2) / sxx);
    return 1;
}
