/* msg.c — building language-neutral messages (see msg.h). */
#include <string.h>

#include "copcgap/msg.h"

struct msg *msg_new(struct arena *a, const char *key)
{
    struct msg *m = arena_calloc(a, 1, sizeof *m);
    m->key = key;
    return m;
}

/* The argument slot for `name`: the existing one, or a new one. */
static struct msg_arg *slot(struct arena *a, struct msg *m, const char *name,
                            enum msg_type type)
{
    struct msg_arg *arg;
    size_t i;

    for (i = 0; i < m->nargs; i++)
        if (strcmp(m->args[i].name, name) == 0) {
            arg = &m->args[i];
            memset(&arg->u, 0, sizeof arg->u);
            arg->type = type;
            return arg;
        }
    if (m->nargs == m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 4;
        struct msg_arg *v = arena_calloc(a, cap, sizeof *v);
        if (m->nargs)
            memcpy(v, m->args, m->nargs * sizeof *v);
        m->args = v;
        m->cap = cap;
    }
    arg = &m->args[m->nargs++];
    arg->name = name;
    arg->type = type;
    return arg;
}

struct msg *msg_text(struct arena *a, struct msg *m, const char *name,
                     const char *s)
{
    slot(a, m, name, MSG_TEXT)->u.s = s ? s : "";
    return m;
}

struct msg *msg_id(struct arena *a, struct msg *m, const char *name,
                   const char *s)
{
    slot(a, m, name, MSG_ID)->u.s = s ? s : "";
    return m;
}

struct msg *msg_i18n(struct arena *a, struct msg *m, const char *name,
                     const struct i18n *t)
{
    slot(a, m, name, MSG_I18N)->u.t = t;
    return m;
}

struct msg *msg_int(struct arena *a, struct msg *m, const char *name,
                    long long v)
{
    slot(a, m, name, MSG_INT)->u.i = v;
    return m;
}

struct msg *msg_num(struct arena *a, struct msg *m, const char *name,
                    double v)
{
    slot(a, m, name, MSG_NUM)->u.d = v;
    return m;
}

struct msg *msg_pct(struct arena *a, struct msg *m, const char *name,
                    double fraction)
{
    slot(a, m, name, MSG_PCT)->u.d = fraction;
    return m;
}

struct msg *msg_date(struct arena *a, struct msg *m, const char *name,
                     cg_day d)
{
    slot(a, m, name, MSG_DATE)->u.day = d;
    return m;
}

struct msg *msg_month(struct arena *a, struct msg *m, const char *name,
                      cg_month mo)
{
    slot(a, m, name, MSG_MONTH)->u.month = mo;
    return m;
}

struct msg *msg_key(struct arena *a, struct msg *m, const char *name,
                    const char *key)
{
    slot(a, m, name, MSG_KEY)->u.k.key = key;
    return m;
}

struct msg *msg_term(struct arena *a, struct msg *m, const char *name,
                     const char *prefix, const char *word)
{
    struct msg_arg *arg = slot(a, m, name, MSG_KEY);
    arg->u.k.key = arena_printf(a, "%s%s", prefix, word);
    arg->u.k.fallback = word;
    return m;
}

struct msg *msg_sub(struct arena *a, struct msg *m, const char *name,
                    const struct msg *sub)
{
    slot(a, m, name, MSG_MSG)->u.m = sub;
    return m;
}

static struct msg_arg *list_arg(struct arena *a, struct msg *m,
                                const char *name)
{
    size_t i;
    for (i = 0; i < m->nargs; i++)
        if (strcmp(m->args[i].name, name) == 0 &&
            m->args[i].type == MSG_LIST)
            return &m->args[i];
    return slot(a, m, name, MSG_LIST);
}

struct msg *msg_append(struct arena *a, struct msg *m, const char *name,
                       const struct msg *item)
{
    struct msg_arg *arg = list_arg(a, m, name);

    if (arg->u.list.n == arg->u.list.cap) {
        size_t cap = arg->u.list.cap ? arg->u.list.cap * 2 : 4;
        const struct msg **v = arena_calloc(a, cap, sizeof *v);
        if (arg->u.list.n)
            memcpy(v, arg->u.list.v, arg->u.list.n * sizeof *v);
        arg->u.list.v = v;
        arg->u.list.cap = cap;
    }
    arg->u.list.v[arg->u.list.n++] = item;
    return m;
}

struct msg *msg_list(struct arena *a, struct msg *m, const char *name)
{
    list_arg(a, m, name);
    return m;
}

const struct msg_arg *msg_get(const struct msg *m, const char *name)
{
    size_t i;
    if (!m)
        return NULL;
    for (i = 0; i < m->nargs; i++)
        if (strcmp(m->args[i].name, name) == 0)
            return &m->args[i];
    return NULL;
}

size_t msg_list_len(const struct msg *m, const char *name)
{
    const struct msg_arg *arg = msg_get(m, name);
    return arg && arg->type == MSG_LIST ? arg->u.list.n : 0;
}

static int str_same(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

static int i18n_same(const struct i18n *a, const struct i18n *b)
{
    size_t i;
    if (a == b)
        return 1;
    if (!a || !b || a->n != b->n)
        return 0;
    for (i = 0; i < a->n; i++)
        if (!str_same(a->v[i].lang, b->v[i].lang) ||
            !str_same(a->v[i].text, b->v[i].text))
            return 0;
    return 1;
}

static int arg_same(const struct msg_arg *a, const struct msg_arg *b)
{
    size_t i;

    if (a->type != b->type || strcmp(a->name, b->name) != 0)
        return 0;
    switch (a->type) {
    case MSG_TEXT:
    case MSG_ID:
        return str_same(a->u.s, b->u.s);
    case MSG_I18N:
        return i18n_same(a->u.t, b->u.t);
    case MSG_INT:
        return a->u.i == b->u.i;
    case MSG_NUM:
    case MSG_PCT:
        return a->u.d == b->u.d;
    case MSG_DATE:
        return a->u.day == b->u.day;
    case MSG_MONTH:
        return a->u.month == b->u.month;
    case MSG_KEY:
        return str_same(a->u.k.key, b->u.k.key) &&
               str_same(a->u.k.fallback, b->u.k.fallback);
    case MSG_MSG:
        return msg_equal(a->u.m, b->u.m);
    case MSG_LIST:
        if (a->u.list.n != b->u.list.n)
            return 0;
        for (i = 0; i < a->u.list.n; i++)
            if (!msg_equal(a->u.list.v[i], b->u.list.v[i]))
                return 0;
        return 1;
    }
    return 0;
}

int msg_equal(const struct msg *a, const struct msg *b)
{
    size_t i;

    if (a == b)
        return 1;
    if (!a || !b || strcmp(a->key, b->key) != 0 || a->nargs != b->nargs)
        return 0;
    for (i = 0; i < a->nargs; i++)
        if (!arg_same(&a->args[i], &b->args[i]))
            return 0;
    return 1;
}
