/*
 * store_msg.c — messages kept in the workspace as JSON (jansson): the
 * key and each argument as [name, type, value], typed so that a message
 * read back formats in any language exactly as it did when stored.  The
 * workspace holds no words of its own: only keys and values.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "copcgap/date.h"
#include "store_internal.h"

static const char *const type_names[] = {
    "text", "id", "i18n", "int", "num", "pct", "date", "month", "key",
    "msg", "list"
};

static json_t *msg_json(const struct msg *m);

static json_t *arg_json(const struct msg_arg *g)
{
    json_t *v = NULL, *arr = json_array();
    char buf[DATE_BUF > MONTH_BUF ? DATE_BUF : MONTH_BUF];
    size_t i;

    json_array_append_new(arr, json_string(g->name));
    json_array_append_new(arr, json_string(type_names[g->type]));
    switch (g->type) {
    case MSG_TEXT:
    case MSG_ID:
        v = json_string(g->u.s ? g->u.s : "");
        break;
    case MSG_I18N:
        v = json_array();
        for (i = 0; g->u.t && i < g->u.t->n; i++) {
            json_t *pair = json_array();
            json_array_append_new(pair, json_string(g->u.t->v[i].lang));
            json_array_append_new(pair, json_string(g->u.t->v[i].text));
            json_array_append_new(v, pair);
        }
        break;
    case MSG_INT:
        v = json_integer((json_int_t)g->u.i);
        break;
    case MSG_NUM:
    case MSG_PCT:
        v = json_real(g->u.d);
        break;
    case MSG_DATE:
        date_format(g->u.day, buf);
        v = json_string(buf);
        break;
    case MSG_MONTH:
        month_format(g->u.month, buf);
        v = json_string(buf);
        break;
    case MSG_KEY:
        v = json_string(g->u.k.key);
        if (g->u.k.fallback) {
            json_array_append_new(arr, v);
            v = json_string(g->u.k.fallback);
        }
        break;
    case MSG_MSG:
        v = msg_json(g->u.m);
        break;
    case MSG_LIST:
        v = json_array();
        for (i = 0; i < g->u.list.n; i++)
            json_array_append_new(v, msg_json(g->u.list.v[i]));
        break;
    }
    json_array_append_new(arr, v ? v : json_null());
    return arr;
}

static json_t *msg_json(const struct msg *m)
{
    json_t *o, *args;
    size_t i;

    if (!m)
        return json_null();
    o = json_object();
    args = json_array();
    json_object_set_new(o, "k", json_string(m->key));
    for (i = 0; i < m->nargs; i++)
        json_array_append_new(args, arg_json(&m->args[i]));
    json_object_set_new(o, "a", args);
    return o;
}

/* JSON text (malloc'd, compact, full precision), taking the reference. */
static char *dump(json_t *j)
{
    char *t = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER |
                            JSON_REAL_PRECISION(17));
    char *copy = t ? xstrdup(t) : NULL;
    free(t);
    json_decref(j);
    return copy;
}

char *store_msg_encode(const struct msg *m)
{
    return m ? dump(msg_json(m)) : NULL;
}

char *store_msgs_encode(const struct msg *const *v, size_t n)
{
    json_t *arr = json_array();
    size_t i;
    for (i = 0; i < n; i++)
        json_array_append_new(arr, msg_json(v[i]));
    return dump(arr);
}

/* ---------------------------------------------------------- reading */

static const struct msg *json_msg(struct arena *a, json_t *o, int *bad);

static void json_arg(struct arena *a, struct msg *m, json_t *g, int *bad)
{
    size_t n = json_array_size(g), i;
    const char *name, *type;
    json_t *v;
    int t = -1;

    name = json_string_value(json_array_get(g, 0));
    type = json_string_value(json_array_get(g, 1));
    v = json_array_get(g, 2);
    for (i = 0; type && i < ARRAY_LEN(type_names); i++)
        if (strcmp(type, type_names[i]) == 0)
            t = (int)i;
    if (!name || t < 0 || !v) {
        *bad = 1;
        return;
    }
    name = arena_strdup(a, name);
    switch ((enum msg_type)t) {
    case MSG_TEXT:
    case MSG_ID:
        if (!json_is_string(v))
            break;
        (t == MSG_TEXT ? msg_text : msg_id)(
            a, m, name, arena_strdup(a, json_string_value(v)));
        return;
    case MSG_I18N: {
        struct i18n *x = arena_calloc(a, 1, sizeof *x);
        x->n = json_array_size(v);
        x->v = arena_calloc(a, x->n ? x->n : 1, sizeof *x->v);
        for (i = 0; i < x->n; i++) {
            const char *l = json_string_value(
                json_array_get(json_array_get(v, i), 0));
            const char *s = json_string_value(
                json_array_get(json_array_get(v, i), 1));
            if (!l || !s) {
                *bad = 1;
                return;
            }
            x->v[i].lang = arena_strdup(a, l);
            x->v[i].text = arena_strdup(a, s);
        }
        msg_i18n(a, m, name, x);
        return;
    }
    case MSG_INT:
        if (!json_is_integer(v))
            break;
        msg_int(a, m, name, (long long)json_integer_value(v));
        return;
    case MSG_NUM:
    case MSG_PCT:
        if (!json_is_number(v))
            break;
        (t == MSG_NUM ? msg_num : msg_pct)(a, m, name, json_number_value(v));
        return;
    case MSG_DATE:
    case MSG_MONTH: {
        const char *s = json_string_value(v);
        cg_day d;
        cg_month mo;
        if (!s)
            break;
        if (t == MSG_DATE && date_parse(s, strlen(s), &d)) {
            msg_date(a, m, name, d);
            return;
        }
        if (t == MSG_MONTH && month_parse(s, strlen(s), &mo)) {
            msg_month(a, m, name, mo);
            return;
        }
        break;
    }
    case MSG_KEY: {
        const char *key = json_string_value(v);
        const char *fb = n > 3 ? json_string_value(json_array_get(g, 3))
                               : NULL;
        size_t kl, fl;
        if (!key)
            break;
        kl = strlen(key);
        fl = fb ? strlen(fb) : 0;
        if (fb && fl <= kl && strcmp(key + kl - fl, fb) == 0)
            msg_term(a, m, name, arena_strndup(a, key, kl - fl),
                     arena_strdup(a, fb));
        else
            msg_key(a, m, name, arena_strdup(a, key));
        return;
    }
    case MSG_MSG: {
        const struct msg *sub = json_msg(a, v, bad);
        if (!sub)
            break;
        msg_sub(a, m, name, sub);
        return;
    }
    case MSG_LIST:
        if (!json_is_array(v))
            break;
        msg_list(a, m, name);
        for (i = 0; i < json_array_size(v); i++) {
            const struct msg *item = json_msg(a, json_array_get(v, i), bad);
            if (!item)
                return;
            msg_append(a, m, name, item);
        }
        return;
    }
    *bad = 1;
}

static const struct msg *json_msg(struct arena *a, json_t *o, int *bad)
{
    const char *key = json_string_value(json_object_get(o, "k"));
    json_t *args = json_object_get(o, "a");
    struct msg *m;
    size_t i;

    if (!key || !json_is_array(args)) {
        *bad = 1;
        return NULL;
    }
    m = msg_new(a, arena_strdup(a, key));
    for (i = 0; i < json_array_size(args) && !*bad; i++)
        json_arg(a, m, json_array_get(args, i), bad);
    return *bad ? NULL : m;
}

const struct msg *store_msg_decode(struct arena *a, const char *text,
                                   int *bad)
{
    json_t *j;
    const struct msg *m;

    if (!text)
        return NULL;
    j = json_loads(text, JSON_REJECT_DUPLICATES, NULL);
    if (!j) {
        *bad = 1;
        return NULL;
    }
    m = json_msg(a, j, bad);
    json_decref(j);
    return m;
}

const struct msg **store_msgs_decode(struct arena *a, const char *text,
                                     size_t *n, int *bad)
{
    json_t *j;
    const struct msg **v;
    size_t i;

    *n = 0;
    if (!text)
        return NULL;
    j = json_loads(text, JSON_REJECT_DUPLICATES, NULL);
    if (!json_is_array(j)) {
        json_decref(j);
        *bad = 1;
        return NULL;
    }
    v = arena_calloc(a, json_array_size(j) + 1, sizeof *v);
    for (i = 0; i < json_array_size(j) && !*bad; i++)
        v[i] = json_msg(a, json_array_get(j, i), bad);
    *n = *bad ? 0 : json_array_size(j);
    json_decref(j);
    return v;
}
