/*
 * render_json_util.c — JSON pieces every JSON renderer shares (jansson):
 * numbers rounded for stable goldens, dates, evidence flag names, and
 * the one path by which a JSON document becomes text or a file.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "copcgap/outfile.h"
#include "render_internal.h"

json_t *rj_num(double x)
{
    double r = round(x * 1e6) / 1e6;
    if (r == 0)
        r = 0;              /* no "-0" */
    if (r == floor(r) && fabs(r) < 1e15)
        return json_integer((json_int_t)r);
    return json_real(r);
}

json_t *rj_str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

json_t *rj_date(cg_day d)
{
    char buf[DATE_BUF];
    date_format(d, buf);
    return json_string(buf);
}

json_t *rj_evidence_flags(unsigned flags)
{
    static const struct { unsigned bit; const char *name; } names[] = {
        { EVF_UNAPPROVED, "unapproved" }, { EVF_EXPIRED, "expired" },
        { EVF_STALE, "stale" }, { EVF_CHANGED, "changed" },
        { EVF_MISSING, "missing-file" }, { EVF_FUTURE, "dated-after-as-of" },
    };
    json_t *arr = json_array();
    size_t i;
    for (i = 0; i < sizeof names / sizeof names[0]; i++)
        if (flags & names[i].bit)
            json_array_append_new(arr, json_string(names[i].name));
    return arr;
}

char *rj_dumps(json_t *root)
{
    char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
                                      JSON_REAL_PRECISION(12));
    char *copy;
    size_t len;

    json_decref(root);
    if (!text)
        return NULL;
    /* jansson allocates with its own allocator; hand back a plain one,
     * ending in a newline as text files do. */
    len = strlen(text);
    copy = xmalloc(len + 2);
    memcpy(copy, text, len);
    copy[len] = '\n';
    copy[len + 1] = '\0';
    free(text);
    return copy;
}

int rj_write(json_t *root, struct outfile *o, struct cg_errors *errs)
{
    char *text = rj_dumps(root);
    int ok;

    if (!text) {
        errors_add(errs, CG_ERR_INTERNAL, o->path, 0, 0,
                   "cannot serialise as JSON");
        return 0;
    }
    ok = outfile_write(o, text, strlen(text), errs);
    free(text);
    return ok;
}
