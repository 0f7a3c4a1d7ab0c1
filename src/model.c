/* model.c — the one place each status, channel and operator is spelled. */
#include <string.h>

#include "copcgap/model.h"
#include "copcgap/util.h"

static const char *const channel_names[CH_COUNT] = {
    "voice", "chat", "email", "messaging", "social", "back-office",
    "self-service"
};
static const char *const org_kind_names[] = { "", "outsourcer", "internal" };
static const char *const op_names[OP_COUNT] = { "ge", "gt", "le", "lt", "eq" };
static const char *const op_symbols[OP_COUNT] = { ">=", ">", "<=", "<", "=" };
static const char *const rule_status_names[RS_COUNT] = {
    "pass", "partial", "fail", "no-data", "n/a"
};
static const char *const req_status_names[REQ_COUNT] = {
    "met", "partial", "not-met", "not-evidenced", "n/a"
};
static const char *const verdict_names[VERDICT_COUNT] = {
    "ready", "conditional", "not-ready"
};
static const char *const finding_result_names[FR_COUNT] = {
    "met", "partial", "not-met", "n/a"
};
static const char *const finding_class_names[FC_COUNT] = {
    "", "major-nc", "minor-nc", "observation", "improvement"
};
static const char *const xrel_names[XREL_COUNT] = {
    "equal", "subset", "superset", "intersect"
};

static int lookup(const char *const *names, int count, const char *s,
                  size_t len)
{
    int i;
    for (i = 0; i < count; i++)
        if (names[i][0] && str_eq_n(s, len, names[i]))
            return i;
    return -1;
}

const char *channel_name(enum channel c) { return channel_names[c]; }
int channel_parse(const char *s, size_t len)
{
    return lookup(channel_names, CH_COUNT, s, len);
}

const char *org_kind_name(enum org_kind k) { return org_kind_names[k]; }
int org_kind_parse(const char *s, size_t len)
{
    return lookup(org_kind_names, 3, s, len);
}

const char *cmp_op_name(enum cmp_op op) { return op_names[op]; }
const char *cmp_op_symbol(enum cmp_op op) { return op_symbols[op]; }
int cmp_op_parse(const char *s, size_t len)
{
    return lookup(op_names, OP_COUNT, s, len);
}

int cmp_op_eval(enum cmp_op op, double value, double target)
{
    switch (op) {
    case OP_GE: return value >= target;
    case OP_GT: return value > target;
    case OP_LE: return value <= target;
    case OP_LT: return value < target;
    case OP_EQ: return value == target;
    default: return 0;
    }
}

const char *rule_status_name(enum rule_status s)
{
    return rule_status_names[s];
}

const char *req_status_name(enum req_status s) { return req_status_names[s]; }

const char *verdict_name(enum verdict v) { return verdict_names[v]; }
int verdict_parse(const char *s, size_t len)
{
    return lookup(verdict_names, VERDICT_COUNT, s, len);
}

const char *finding_result_name(enum finding_result r)
{
    return finding_result_names[r];
}

const char *finding_class_name(enum finding_class c)
{
    return finding_class_names[c];
}

const char *xrel_name(enum xrel r) { return xrel_names[r]; }
int xrel_parse(const char *s, size_t len)
{
    return lookup(xrel_names, XREL_COUNT, s, len);
}

const char *i18n_exact(const struct i18n *t, const char *lang)
{
    size_t i;
    for (i = 0; i < t->n; i++)
        if (strcmp(t->v[i].lang, lang) == 0)
            return t->v[i].text;
    return NULL;
}

const char *i18n_get(const struct i18n *t, const char *lang)
{
    const char *s;

    if (t->n == 0)
        return NULL;
    if (lang && (s = i18n_exact(t, lang)))
        return s;
    if ((s = i18n_exact(t, "en")))
        return s;
    return t->v[0].text;
}
