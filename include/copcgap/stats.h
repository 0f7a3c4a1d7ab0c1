/*
 * stats.h — the little statistics the engine needs (core, pure):
 * Student's t distribution for the trend test, and least squares.
 */
#ifndef COPCGAP_STATS_H
#define COPCGAP_STATS_H

#include <stddef.h>

/* P(T <= t) for Student's t with df > 0 degrees of freedom. */
double stats_t_cdf(double t, double df);

/*
 * The t with P(T <= t) = p (0 < p < 1), e.g. stats_t_quantile(0.95, 4)
 * = 2.131847: the one-sided 95 % critical value with 4 degrees of
 * freedom.  Accurate to about 1e-9.
 */
double stats_t_quantile(double p, double df);

/*
 * Least-squares line through (x[i], y[i]), n >= 2: slope, and its
 * standard error sqrt(SSR / (n - 2) / Sxx) (0 when n < 3 or the points
 * lie on the line).  Returns 0 when all x are equal (no slope).
 */
int stats_slope(const double *x, const double *y, size_t n, double *slope,
                double *se);

#endif
