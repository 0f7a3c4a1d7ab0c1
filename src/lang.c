/*
 * lang.c — a language table and the template formatter (see lang.h and
 * docs/languages.md).
 *
 * Entries are kept in an open-addressing hash table (a few hundred keys,
 * looked up for every label of a report).  The formatter is a small
 * recursive interpreter of the template syntax; it never fails: an
 * unknown argument shows as "{name?}" and an unknown key as "[key]", so
 * that a mistake is visible in the output and caught by the tests rather
 * than crashing a report.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copcgap/lang.h"

struct entry {
    const char *key;
    const char *value;
};

struct lang {
    struct arena *arena;
    const char *code;
    struct entry *slots;
    size_t nslots, n;
    struct lang *fallback;
    int owns_fallback;
};

/* ------------------------------------------------------------ the table */

static size_t hash(const char *s)
{
    size_t h = 2166136261u;             /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static size_t find(const struct lang *L, const char *key)
{
    size_t mask = L->nslots - 1, i = hash(key) & mask;
    while (L->slots[i].key && strcmp(L->slots[i].key, key) != 0)
        i = (i + 1) & mask;
    return i;
}

struct lang *lang_new(const char *code)
{
    struct arena *a = arena_new();
    struct lang *L = arena_calloc(a, 1, sizeof *L);

    L->arena = a;
    L->code = arena_strdup(a, code);
    L->nslots = 512;
    L->slots = xcalloc(L->nslots, sizeof *L->slots);
    return L;
}

void lang_free(struct lang *L)
{
    if (!L)
        return;
    if (L->owns_fallback)
        lang_free(L->fallback);
    free(L->slots);
    arena_free(L->arena);
}

int lang_set(struct lang *L, const char *key, const char *value)
{
    size_t i;

    if (2 * (L->n + 1) > L->nslots) {
        struct entry *old = L->slots;
        size_t oldn = L->nslots, j;
        L->nslots *= 2;
        L->slots = xcalloc(L->nslots, sizeof *L->slots);
        for (j = 0; j < oldn; j++)
            if (old[j].key)
                L->slots[find(L, old[j].key)] = old[j];
        free(old);
    }
    i = find(L, key);
    if (L->slots[i].key) {
        L->slots[i].value = arena_strdup(L->arena, value);
        return 0;
    }
    L->slots[i].key = arena_strdup(L->arena, key);
    L->slots[i].value = arena_strdup(L->arena, value);
    L->n++;
    return 1;
}

void lang_set_fallback(struct lang *L, struct lang *fallback, int own)
{
    L->fallback = fallback;
    L->owns_fallback = own;
}

const char *lang_code(const struct lang *L)
{
    return L->code;
}

const char *lang_get(const struct lang *L, const char *key)
{
    size_t i = find(L, key);
    return L->slots[i].key ? L->slots[i].value : NULL;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

const char **lang_keys(const struct lang *L, size_t *n)
{
    const char **v = xcalloc(L->n + 1, sizeof *v);
    size_t i, k = 0;

    for (i = 0; i < L->nslots; i++)
        if (L->slots[i].key)
            v[k++] = L->slots[i].key;
    qsort(v, k, sizeof *v, cmp_str);
    *n = k;
    return v;
}

/* The template of a key here or in the fallback, or NULL. */
static const char *lookup(const struct lang *L, const char *key)
{
    const char *s = lang_get(L, key);
    if (!s && L->fallback)
        s = lang_get(L->fallback, key);
    return s;
}

/* A setting, or its default. */
static const char *setting(const struct lang *L, const char *key,
                           const char *def)
{
    const char *s = lookup(L, key);
    return s ? s : def;
}

/* ------------------------------------------------------ numbers, dates */

void lang_number(const struct lang *L, double v, int decimals, int exact,
                 struct strbuf *out)
{
    const char *dec = setting(L, "@decimal", ".");
    const char *group = setting(L, "@group", ",");
    char buf[64], *p, *dot;
    size_t intlen, i;
    int neg;

    if (!isfinite(v)) {
        strbuf_adds(out, "?");
        return;
    }
    if (decimals < 0)
        decimals = 0;
    if (decimals > 9)
        decimals = 9;
    snprintf(buf, sizeof buf, "%.*f", decimals, v);
    if (!exact && strchr(buf, '.')) {       /* drop trailing zeros */
        p = buf + strlen(buf);
        while (p[-1] == '0')
            *--p = '\0';
        if (p[-1] == '.')
            p[-1] = '\0';
    }
    neg = buf[0] == '-';
    p = buf + neg;
    /* "-0" after rounding is zero. */
    if (neg && strspn(p, "0.") == strlen(p))
        neg = 0;
    if (neg)
        strbuf_addc(out, '-');
    dot = strchr(p, '.');
    intlen = dot ? (size_t)(dot - p) : strlen(p);
    for (i = 0; i < intlen; i++) {
        strbuf_addc(out, p[i]);
        /* Group thousands in numbers of five digits or more only (1234
         * reads as is; 12,345 and 12.345 need the mark). */
        if (intlen >= 5 && i + 1 < intlen && (intlen - i - 1) % 3 == 0)
            strbuf_adds(out, group);
    }
    if (dot) {
        strbuf_adds(out, dec);
        strbuf_adds(out, dot + 1);
    }
}

void lang_percent(const struct lang *L, double fraction, int decimals,
                  struct strbuf *out)
{
    const char *pat = setting(L, "@percent", "{n} %");
    struct strbuf num = STRBUF_INIT;
    const char *p;

    lang_number(L, fraction * 100.0, decimals, 1, &num);
    for (p = pat; *p; p++) {
        if (strncmp(p, "{n}", 3) == 0) {
            strbuf_add(out, num.buf, num.len);
            p += 2;
        } else {
            strbuf_addc(out, *p);
        }
    }
    strbuf_free(&num);
}

/* Word n (0-based) of a space-separated list, into out. */
static void nth_word(const char *list, int n, struct strbuf *out)
{
    const char *p = list;
    int i = 0;

    while (*p) {
        size_t len;
        while (*p == ' ')
            p++;
        len = strcspn(p, " ");
        if (i == n) {
            strbuf_add(out, p, len);
            return;
        }
        i++;
        p += len;
    }
    strbuf_printf(out, "%d", n + 1);
}

/* Expand a date pattern: {d} {dd} {m} {mm} {mon} {month} {yyyy}. */
static void date_pattern(const struct lang *L, const char *pat, int y,
                         int m, int d, struct strbuf *out)
{
    const char *p = pat;

    while (*p) {
        if (*p != '{') {
            strbuf_addc(out, *p++);
            continue;
        }
        if (strncmp(p, "{dd}", 4) == 0) {
            strbuf_printf(out, "%02d", d);
            p += 4;
        } else if (strncmp(p, "{d}", 3) == 0) {
            strbuf_printf(out, "%d", d);
            p += 3;
        } else if (strncmp(p, "{mm}", 4) == 0) {
            strbuf_printf(out, "%02d", m);
            p += 4;
        } else if (strncmp(p, "{m}", 3) == 0) {
            strbuf_printf(out, "%d", m);
            p += 3;
        } else if (strncmp(p, "{month}", 7) == 0) {
            nth_word(setting(L, "@months.long", ""), m - 1, out);
            p += 7;
        } else if (strncmp(p, "{mon}", 5) == 0) {
            nth_word(setting(L, "@months", ""), m - 1, out);
            p += 5;
        } else if (strncmp(p, "{yyyy}", 6) == 0) {
            strbuf_printf(out, "%04d", y);
            p += 6;
        } else {
            strbuf_addc(out, *p++);
        }
    }
}

static void lang_date(const struct lang *L, cg_day day, struct strbuf *out)
{
    int y, m, d;
    date_to_ymd(day, &y, &m, &d);
    date_pattern(L, setting(L, "@date", "{yyyy}-{mm}-{dd}"), y, m, d, out);
}

static void lang_month(const struct lang *L, cg_month mo, struct strbuf *out)
{
    int y = (int)(mo / 12), m = (int)(mo % 12) + 1;
    if (mo < 0 && mo % 12) {
        y--;
        m += 12;
    }
    date_pattern(L, setting(L, "@month", "{yyyy}-{mm}"), y, m, 1, out);
}

/* ------------------------------------------------------- the formatter */

struct fmt {
    const struct lang *L;
    const struct msg *m;
    struct strbuf *out;
    const char *hash;           /* what '#' stands for inside a choice */
    int depth;                  /* keys expanding keys: bounded */
};

static void render(struct fmt *f, const char *s, size_t len);

/* Index just past the placeholder that starts at s[0] == '{', honouring
 * nesting and backslash escapes; len when it is not closed. */
static size_t closing(const char *s, size_t len)
{
    size_t i, depth = 0;
    for (i = 0; i < len; i++) {
        if (s[i] == '\\' && i + 1 < len) {
            i++;
        } else if (s[i] == '{') {
            depth++;
        } else if (s[i] == '}') {
            if (--depth == 0)
                return i + 1;
        }
    }
    return len;
}

/* Split s[0..len) at top-level '|' into at most `max` parts. */
static size_t split_bars(const char *s, size_t len, const char **part,
                         size_t *plen, size_t max)
{
    size_t i, n = 0, start = 0, depth = 0;

    for (i = 0; i <= len && n < max; i++) {
        if (i < len && s[i] == '\\' && i + 1 < len) {
            i++;
            continue;
        }
        if (i < len && s[i] == '{')
            depth++;
        else if (i < len && s[i] == '}')
            depth--;
        else if (i == len || (s[i] == '|' && depth == 0)) {
            part[n] = s + start;
            plen[n] = i - start;
            n++;
            start = i + 1;
        }
    }
    return n;
}

static int is_plural_one(const struct lang *L, double n)
{
    const char *rule = setting(L, "@plural", "one-is-1");
    if (strcmp(rule, "one-upto-1") == 0)
        return fabs(n) < 2;
    return n == 1;
}

static const char *i18n_text(const struct lang *L, const struct i18n *t)
{
    const char *s = t ? i18n_get(t, L->code) : NULL;
    return s ? s : "";
}

static void render_key(struct fmt *f, const char *key, const char *fallback)
{
    const char *t = lookup(f->L, key);
    struct fmt sub;

    if (!t) {
        if (fallback)
            strbuf_adds(f->out, fallback);
        else
            strbuf_printf(f->out, "[%s]", key);
        return;
    }
    if (f->depth > 8) {                 /* a key naming itself */
        strbuf_adds(f->out, t);
        return;
    }
    sub = *f;
    sub.depth++;
    sub.m = NULL;
    render(&sub, t, strlen(t));
}

static void format_msg(const struct lang *L, const struct msg *m,
                       struct strbuf *out, int depth);

/* One argument with an optional format ("2", "=1", "; "). */
static void render_arg(struct fmt *f, const struct msg_arg *a,
                       const char *spec, size_t slen)
{
    int decimals = -1, exact = 0, sign = 0;
    size_t i;

    if (slen > 0 && (a->type == MSG_NUM || a->type == MSG_PCT ||
                     a->type == MSG_INT)) {
        const char *p = spec, *e = spec + slen;
        if (p < e && *p == '+') {        /* an explicit sign: +1, -2 */
            sign = 1;
            p++;
        }
        if (p < e && *p == '=') {
            exact = 1;
            p++;
        }
        if (p < e)
            decimals = (int)strtol(p, NULL, 10);
    }
    if (sign && (a->type == MSG_NUM ? a->u.d : (double)a->u.i) > 0 &&
        a->type != MSG_PCT)
        strbuf_addc(f->out, '+');
    switch (a->type) {
    case MSG_TEXT:
    case MSG_ID:
        strbuf_adds(f->out, a->u.s);
        break;
    case MSG_I18N:
        strbuf_adds(f->out, i18n_text(f->L, a->u.t));
        break;
    case MSG_INT:
        lang_number(f->L, (double)a->u.i, 0, 0, f->out);
        break;
    case MSG_NUM:
        lang_number(f->L, a->u.d, decimals < 0 ? 2 : decimals, exact,
                    f->out);
        break;
    case MSG_PCT:
        lang_percent(f->L, a->u.d, decimals < 0 ? 1 : decimals, f->out);
        break;
    case MSG_DATE:
        lang_date(f->L, a->u.day, f->out);
        break;
    case MSG_MONTH:
        lang_month(f->L, a->u.month, f->out);
        break;
    case MSG_KEY:
        render_key(f, a->u.k.key, a->u.k.fallback);
        break;
    case MSG_MSG:
        format_msg(f->L, a->u.m, f->out, f->depth + 1);
        break;
    case MSG_LIST: {
        struct strbuf sep = STRBUF_INIT;
        if (slen > 0)
            render(&(struct fmt){ f->L, NULL, &sep, NULL, f->depth }, spec,
                   slen);
        else
            strbuf_adds(&sep, setting(f->L, "@list.sep", "; "));
        for (i = 0; i < a->u.list.n; i++) {
            if (i)
                strbuf_add(f->out, sep.buf, sep.len);
            format_msg(f->L, a->u.list.v[i], f->out, f->depth + 1);
        }
        strbuf_free(&sep);
        break;
    }
    }
}

static int present(const struct msg_arg *a)
{
    if (!a)
        return 0;
    switch (a->type) {
    case MSG_TEXT:
    case MSG_ID:
        return a->u.s && *a->u.s;
    case MSG_KEY:
        return a->u.k.key && *a->u.k.key;
    case MSG_I18N:
        return a->u.t && a->u.t->n > 0;
    case MSG_MSG:
        return a->u.m != NULL;
    case MSG_LIST:
        return a->u.list.n > 0;
    default:
        return 1;
    }
}

static void placeholder(struct fmt *f, const char *s, size_t len)
{
    const char *part[4];
    size_t plen[4], n, namelen;
    const struct msg_arg *a;
    char name[64];
    const char *colon;

    n = split_bars(s, len, part, plen, 4);
    if (len > 0 && s[0] == '?') {               /* {?name|yes|no} */
        namelen = plen[0] - 1;
        if (namelen >= sizeof name)
            namelen = sizeof name - 1;
        memcpy(name, part[0] + 1, namelen);
        name[namelen] = '\0';
        a = msg_get(f->m, name);
        if (present(a))
            render(f, n > 1 ? part[1] : "", n > 1 ? plen[1] : 0);
        else if (n > 2)
            render(f, part[2], plen[2]);
        return;
    }
    colon = memchr(part[0], ':', plen[0]);
    namelen = colon ? (size_t)(colon - part[0]) : plen[0];
    if (namelen >= sizeof name)
        namelen = sizeof name - 1;
    memcpy(name, part[0], namelen);
    name[namelen] = '\0';
    a = msg_get(f->m, name);
    if (!a) {
        strbuf_printf(f->out, "{%s?}", name);
        return;
    }
    if (n >= 2) {           /* {name|one|other} or {name|zero|one|other} */
        struct strbuf num = STRBUF_INIT;
        struct fmt sub = *f;
        double v = a->type == MSG_INT ? (double)a->u.i
                 : a->type == MSG_LIST ? (double)a->u.list.n
                 : a->type == MSG_NUM || a->type == MSG_PCT ? a->u.d
                 : present(a);      /* words: 1 when there are any */
        if (a->type == MSG_LIST)
            lang_number(f->L, v, 0, 0, &num);
        else
            render_arg(&(struct fmt){ f->L, f->m, &num, NULL, f->depth }, a,
                       colon ? colon + 1 : "",
                       colon ? plen[0] - namelen - 1 : 0);
        sub.hash = num.buf ? num.buf : "";
        if (n >= 4 && v == 0)
            render(&sub, part[1], plen[1]);
        else if (n >= 4)
            render(&sub, is_plural_one(f->L, v) ? part[2] : part[3],
                   is_plural_one(f->L, v) ? plen[2] : plen[3]);
        else if (is_plural_one(f->L, v))
            render(&sub, part[1], plen[1]);
        else
            render(&sub, n > 2 ? part[2] : part[1],
                   n > 2 ? plen[2] : plen[1]);
        strbuf_free(&num);
        return;
    }
    render_arg(f, a, colon ? colon + 1 : "",
               colon ? plen[0] - namelen - 1 : 0);
}

static void render(struct fmt *f, const char *s, size_t len)
{
    size_t i = 0;

    while (i < len) {
        if (s[i] == '\\' && i + 1 < len) {
            strbuf_addc(f->out, s[i + 1]);
            i += 2;
        } else if (s[i] == '#' && f->hash) {
            strbuf_adds(f->out, f->hash);
            i++;
        } else if (s[i] == '{') {
            size_t end = closing(s + i, len - i);
            if (end >= 2)
                placeholder(f, s + i + 1, end - 2);
            i += end;
        } else {
            strbuf_addc(f->out, s[i++]);
        }
    }
}

static void format_msg(const struct lang *L, const struct msg *m,
                       struct strbuf *out, int depth)
{
    const char *t;
    struct fmt f;

    if (!m)
        return;
    t = lookup(L, m->key);
    if (!t) {
        strbuf_printf(out, "[%s]", m->key);
        return;
    }
    f.L = L;
    f.m = m;
    f.out = out;
    f.hash = NULL;
    f.depth = depth;
    if (depth > 16) {                   /* runaway nesting: show the key */
        strbuf_printf(out, "[%s]", m->key);
        return;
    }
    render(&f, t, strlen(t));
}

void lang_format(const struct lang *L, const struct msg *m,
                 struct strbuf *out)
{
    format_msg(L, m, out, 0);
}

const char *lang_msg(const struct lang *L, struct arena *a,
                     const struct msg *m)
{
    struct strbuf sb = STRBUF_INIT;
    const char *s;

    lang_format(L, m, &sb);
    s = arena_strdup(a, strbuf_cstr(&sb));
    strbuf_free(&sb);
    return s;
}

const char *lang_str(const struct lang *L, struct arena *a, const char *key)
{
    struct msg m;
    memset(&m, 0, sizeof m);
    m.key = key;
    return lang_msg(L, a, &m);
}

const char *lang_pct_str(const struct lang *L, struct arena *a,
                         double fraction)
{
    struct strbuf sb = STRBUF_INIT;
    const char *s;
    lang_percent(L, fraction, 1, &sb);
    s = arena_strdup(a, strbuf_cstr(&sb));
    strbuf_free(&sb);
    return s;
}

const char *lang_date_str(const struct lang *L, struct arena *a, cg_day d)
{
    struct strbuf sb = STRBUF_INIT;
    const char *s;
    lang_date(L, d, &sb);
    s = arena_strdup(a, strbuf_cstr(&sb));
    strbuf_free(&sb);
    return s;
}

const char *lang_month_str(const struct lang *L, struct arena *a,
                           cg_month m)
{
    struct strbuf sb = STRBUF_INIT;
    const char *s;
    lang_month(L, m, &sb);
    s = arena_strdup(a, strbuf_cstr(&sb));
    strbuf_free(&sb);
    return s;
}

const char *lang_month_abbr(const struct lang *L, struct arena *a,
                            cg_month m)
{
    struct strbuf sb = STRBUF_INIT;
    const char *s;
    int mm = (int)(m % 12);

    if (mm < 0)
        mm += 12;
    nth_word(setting(L, "@months", ""), mm, &sb);
    s = arena_strdup(a, strbuf_cstr(&sb));
    strbuf_free(&sb);
    return s;
}

const char *lang_num_str(const struct lang *L, struct arena *a, double v,
                         int decimals)
{
    struct strbuf sb = STRBUF_INIT;
    const char *s;
    lang_number(L, v, decimals, 0, &sb);
    s = arena_strdup(a, strbuf_cstr(&sb));
    strbuf_free(&sb);
    return s;
}

/* -------------------------------------------------------------- syntax */

const char *lang_check_template(const char *t)
{
    size_t i, len = strlen(t);
    long depth = 0;

    for (i = 0; i < len; i++) {
        if (t[i] == '\\') {
            if (i + 1 == len)
                return "ends with a lone backslash";
            i++;
        } else if (t[i] == '{') {
            depth++;
            if (i + 1 < len && t[i + 1] == '}')
                return "holds an empty placeholder {}";
        } else if (t[i] == '}') {
            if (--depth < 0)
                return "closes a brace it never opened";
        }
    }
    return depth ? "leaves a brace open" : NULL;
}
