/*
 * expr_value.c — writing expression values as text, for traces and for
 * error messages (docs/expressions.md, "Values").
 *
 * Numbers get at most six decimals and no trailing zeros: a trace is read
 * by people checking the arithmetic by hand, for whom 83.333333 is enough
 * and 80.000000 is noise.
 */
#include <math.h>
#include <string.h>

#include "expr_internal.h"

static void format_number(double x, struct strbuf *out)
{
    size_t start = out->len, end;

    if (!isfinite(x)) {
        strbuf_adds(out, isnan(x) ? "nan" : x > 0 ? "inf" : "-inf");
        return;
    }
    strbuf_printf(out, "%.6f", x);
    end = out->len;
    while (out->buf[end - 1] == '0')
        end--;
    if (out->buf[end - 1] == '.')
        end--;
    strbuf_truncate(out, end);
    /* -0.0000001 rounds to "-0", which would only puzzle the reader. */
    if (end - start == 2 && memcmp(out->buf + start, "-0", 2) == 0) {
        strbuf_truncate(out, start);
        strbuf_addc(out, '0');
    }
}

void expr_value_format(const struct expr_value *v, struct strbuf *out)
{
    switch (v->type) {
    case EV_NODATA:
        strbuf_adds(out, "no data");
        break;
    case EV_BOOL:
        strbuf_adds(out, v->b ? "true" : "false");
        break;
    case EV_NUM:
        format_number(v->num, out);
        break;
    case EV_STR:
        if (v->str)
            strbuf_add_quoted(out, v->str, strlen(v->str), strlen(v->str));
        else
            strbuf_adds(out, "\"\"");
        break;
    }
}

void expr_value_describe(const struct expr_value *v, struct strbuf *out)
{
    static const char *const names[] = {
        [EV_NODATA] = "", [EV_BOOL] = "boolean ", [EV_NUM] = "number ",
        [EV_STR] = "string ",
    };

    strbuf_adds(out, names[v->type]);
    expr_value_format(v, out);
}
