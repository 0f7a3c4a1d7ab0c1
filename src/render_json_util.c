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
    json_t *arr = json_array();
    size_t i;
    for (i = 0; i < ARRAY_LEN(evidence_flag_order); i++)
        if (flags & evidence_flag_order[i])
            json_array_append_new(arr, json_string(
                evidence_flag_name(evidence_flag_order[i])));
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

/* ------------------------------------------------------------ messages */

static json_t *msg_code(const char *lang, const struct msg *m);

static json_t *arg_json(const char *lang, const struct msg_arg *a)
{
    char buf[DATE_BUF];
    json_t *arr;
    size_t i;

    switch (a->type) {
    case MSG_TEXT:
    case MSG_ID:
        return json_string(a->u.s);
    case MSG_I18N:
        return json_string(i18n_get(a->u.t, lang));
    case MSG_INT:
        return json_integer((json_int_t)a->u.i);
    case MSG_NUM:
    case MSG_PCT:
        return rj_num(a->u.d);
    case MSG_DATE:
        return rj_date(a->u.day);
    case MSG_MONTH:
        month_format(a->u.month, buf);
        return json_string(buf);
    case MSG_KEY:
        return json_string(a->u.k.fallback ? a->u.k.fallback : a->u.k.key);
    case MSG_MSG:
        return msg_code(lang, a->u.m);
    case MSG_LIST:
        arr = json_array();
        for (i = 0; i < a->u.list.n; i++)
            json_array_append_new(arr, msg_code(lang, a->u.list.v[i]));
        return arr;
    }
    return json_null();
}

static json_t *msg_code(const char *lang, const struct msg *m)
{
    json_t *o, *args;
    size_t i;

    if (!m)
        return json_null();
    o = json_object();
    args = json_object();
    json_object_set_new(o, "code", json_string(m->key));
    for (i = 0; i < m->nargs; i++)
        json_object_set_new(args, m->args[i].name,
                            arg_json(lang, &m->args[i]));
    json_object_set_new(o, "args", args);
    return o;
}

json_t *rj_msg_code(const struct report *r, const struct msg *m)
{
    return msg_code(report_lang(r), m);
}

json_t *rj_msg_lang(const struct lang *L, const struct msg *m)
{
    json_t *o;
    struct strbuf sb = STRBUF_INIT;

    if (!m)
        return json_null();
    o = msg_code(lang_code(L), m);
    lang_format(L, m, &sb);
    json_object_set_new(o, "text", json_string(strbuf_cstr(&sb)));
    strbuf_free(&sb);
    return o;
}

json_t *rj_msg(const struct report *r, const struct msg *m)
{
    json_t *o;
    struct strbuf sb = STRBUF_INIT;

    if (!m)
        return json_null();
    o = rj_msg_code(r, m);
    lang_format(r->lang, m, &sb);
    /* The same words every other output shows, first for readers. */
    json_object_set_new(o, "text", json_string(strbuf_cstr(&sb)));
    strbuf_free(&sb);
    return o;
}

json_t *rj_assignee(const struct assignee *a)
{
    json_t *o = json_object();
    json_object_set_new(o, "person", rj_str_or_null(a->person));
    json_object_set_new(o, "role", rj_str_or_null(a->role));
    json_object_set_new(o, "source",
                        json_string(assign_source_name(a->source)));
    return o;
}
