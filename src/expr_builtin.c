/*
 * expr_builtin.c — the functions every expression has: min, max, abs and
 * round (docs/expressions.md, "Built-in functions").
 *
 * They are pure and total: a no-data argument gives a no-data result
 * (the minimum of a known and an unknown number is unknown), while an
 * argument of the wrong type is an error, because it is a mistake in
 * the catalogue rather than a gap in the data.
 */
#include <math.h>

#include "expr_internal.h"

/*
 * Check that every argument is a number or no-data; *nodata tells
 * whether any was no-data.  The type check comes first so that a wrong
 * catalogue is reported even on a day when data is missing.
 */
static int numeric_args(const char *name, const struct expr_value *args,
                        size_t n, int *nodata, struct strbuf *err)
{
    size_t i;

    *nodata = 0;
    for (i = 0; i < n; i++) {
        if (args[i].type == EV_NODATA) {
            *nodata = 1;
        } else if (args[i].type != EV_NUM) {
            strbuf_printf(err, "%s needs numbers, got ", name);
            expr_value_describe(&args[i], err);
            return -1;
        }
    }
    return 0;
}

static int extreme(const char *name, int want_max,
                   const struct expr_value *args, size_t n,
                   struct expr_value *out, struct strbuf *err)
{
    int nodata;
    size_t i;

    if (numeric_args(name, args, n, &nodata, err) < 0)
        return -1;
    if (nodata) {
        out->type = EV_NODATA;
        return 0;
    }
    out->type = EV_NUM;
    out->num = args[0].num;
    for (i = 1; i < n; i++)
        if (want_max ? args[i].num > out->num : args[i].num < out->num)
            out->num = args[i].num;
    return 0;
}

static int fn_min(const struct expr_value *args, size_t n,
                  struct expr_value *out, struct strbuf *err)
{
    return extreme("min", 0, args, n, out, err);
}

static int fn_max(const struct expr_value *args, size_t n,
                  struct expr_value *out, struct strbuf *err)
{
    return extreme("max", 1, args, n, out, err);
}

static int fn_abs(const struct expr_value *args, size_t n,
                  struct expr_value *out, struct strbuf *err)
{
    int nodata;

    if (numeric_args("abs", args, n, &nodata, err) < 0)
        return -1;
    out->type = nodata ? EV_NODATA : EV_NUM;
    out->num = nodata ? 0 : fabs(args[0].num);
    return 0;
}

/*
 * Half away from zero, as people round by hand.  x * 10^d is seldom
 * exact in binary (2.675 * 100 is 267.49999...), so a fraction within
 * 1e-9 of one half — the tolerance `=` uses — counts as a half.
 */
static double round_half_away(double x, int digits)
{
    double p = pow(10.0, digits < 0 ? -digits : digits);
    double scaled = digits >= 0 ? x * p : x / p;
    double a = fabs(scaled), r = floor(a);

    if (a - r >= 0.5 - 1e-9)
        r += 1.0;
    r = copysign(r, scaled);
    return digits >= 0 ? r / p : r * p;
}

#define ROUND_MAX_DIGITS 15

static int fn_round(const struct expr_value *args, size_t n,
                    struct expr_value *out, struct strbuf *err)
{
    int nodata, digits = 0;

    if (numeric_args("round", args, n, &nodata, err) < 0)
        return -1;
    if (n > 1 && args[1].type == EV_NUM) {
        double d = args[1].num;
        if (d != floor(d) || d < -ROUND_MAX_DIGITS || d > ROUND_MAX_DIGITS) {
            strbuf_printf(err, "round digits must be a whole number from "
                          "%d to %d, got ", -ROUND_MAX_DIGITS,
                          ROUND_MAX_DIGITS);
            expr_value_format(&args[1], err);
            return -1;
        }
        digits = (int)d;
    }
    if (nodata) {
        out->type = EV_NODATA;
        return 0;
    }
    out->type = EV_NUM;
    out->num = round_half_away(args[0].num, digits);
    return 0;
}

static const struct builtin builtins[] = {
    { "min", 1, -1, fn_min },
    { "max", 1, -1, fn_max },
    { "abs", 1, 1, fn_abs },
    { "round", 1, 2, fn_round },
};

const struct builtin *expr_builtin_find(const char *name, size_t len)
{
    size_t i;

    for (i = 0; i < ARRAY_LEN(builtins); i++)
        if (str_eq_n(name, len, builtins[i].name))
            return &builtins[i];
    return NULL;
}

const struct builtin *expr_builtin_table(size_t *n)
{
    *n = ARRAY_LEN(builtins);
    return builtins;
}
