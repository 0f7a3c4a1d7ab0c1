/*
 * render_json_util.c — JSON pieces every JSON renderer shares (jansson):
 * numbers rounded for stable goldens, dates, evidence flag names, and
 * the one path by which a JSON document becomes text or a file (a
 * stream, written as it is made).
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

/* ------------------------------------------------------------ streams */

#define RJ_FLAGS (JSON_INDENT(2) | JSON_PRESERVE_ORDER | \
                  JSON_REAL_PRECISION(12) | JSON_ENCODE_ANY)
#define RJ_FLUSH_AT ((size_t)1 << 20)

void rj_stream_init(struct rj_stream *w, struct outfile *out,
                    struct cg_errors *errs)
{
    memset(w, 0, sizeof *w);     /* an empty buf (STRBUF_INIT) */
    w->out = out;
    w->errs = errs;
    w->ok = 1;
    w->depth = -1;              /* nothing open yet */
}

static void flush(struct rj_stream *w, int all)
{
    if (!w->out || !w->ok || (!all && w->buf.len < RJ_FLUSH_AT))
        return;
    if (w->buf.len && !outfile_write(w->out, w->buf.buf, w->buf.len,
                                     w->errs))
        w->ok = 0;
    strbuf_truncate(&w->buf, 0);
}

static void indent(struct rj_stream *w, int depth)
{
    int i;
    strbuf_addc(&w->buf, '\n');
    for (i = 0; i < depth; i++)
        strbuf_add(&w->buf, "  ", 2);
}

/* Before an element of the open array (or after a key: nothing). */
static void element(struct rj_stream *w)
{
    if (w->depth >= 0 && w->level[w->depth].array) {
        if (w->level[w->depth].n++)
            strbuf_addc(&w->buf, ',');
        indent(w, w->depth + 1);
    }
}

static void open_level(struct rj_stream *w, int array)
{
    element(w);
    strbuf_addc(&w->buf, array ? '[' : '{');
    if (w->depth + 1 >= RJ_MAX_DEPTH) {
        w->ok = 0;              /* a bug: our documents are shallow */
        return;
    }
    w->depth++;
    w->level[w->depth].array = array;
    w->level[w->depth].n = 0;
}

void rj_open_object(struct rj_stream *w) { open_level(w, 0); }
void rj_open_array(struct rj_stream *w) { open_level(w, 1); }

void rj_key(struct rj_stream *w, const char *key)
{
    if (w->level[w->depth].n++)
        strbuf_addc(&w->buf, ',');
    indent(w, w->depth + 1);
    /* Keys are the format's own words: nothing to escape. */
    strbuf_printf(&w->buf, "\"%s\": ", key);
}

void rj_value(struct rj_stream *w, json_t *v)
{
    char *text, *p, *nl;

    element(w);
    text = v ? json_dumps(v, RJ_FLAGS) : NULL;
    json_decref(v);
    if (!text) {
        w->ok = 0;
        return;
    }
    /* A string never holds a raw newline (JSON escapes it): every
     * newline is a line of the layout, indented one level per depth. */
    for (p = text; (nl = strchr(p, '\n')) != NULL; p = nl + 1) {
        strbuf_add(&w->buf, p, (size_t)(nl - p));
        indent(w, w->depth + 1);
    }
    strbuf_adds(&w->buf, p);
    free(text);
    flush(w, 0);
}

void rj_member(struct rj_stream *w, const char *key, json_t *v)
{
    rj_key(w, key);
    rj_value(w, v);
}

void rj_close(struct rj_stream *w)
{
    int array = w->level[w->depth].array;
    if (w->level[w->depth].n)
        indent(w, w->depth);
    strbuf_addc(&w->buf, array ? ']' : '}');
    w->depth--;
    flush(w, 0);
}

int rj_stream_finish(struct rj_stream *w)
{
    strbuf_addc(&w->buf, '\n');
    if (w->ok)
        flush(w, 1);
    else if (w->out && errors_count(w->errs) == 0)
        errors_add(w->errs, CG_ERR_INTERNAL, w->out->path, 0, 0,
                   "cannot serialise as JSON");
    strbuf_free(&w->buf);
    return w->ok;
}

int rj_write(json_t *root, struct outfile *o, struct cg_errors *errs)
{
    struct rj_stream w;

    rj_stream_init(&w, o, errs);
    rj_value(&w, root);
    return rj_stream_finish(&w);
}

char *rj_stream_text(struct rj_stream *w)
{
    strbuf_addc(&w->buf, '\n');
    if (!w->ok) {
        strbuf_free(&w->buf);
        return NULL;
    }
    return strbuf_detach(&w->buf);
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
