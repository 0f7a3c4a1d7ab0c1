/*
 * expr_facts.h — a fake expression host for tests: the engine's fact
 * functions (the real table, facts.h: kpi, mean, target, evidence,
 * programs, channel, kind)
 * answering from a small table of facts such as
 *
 *     kpi("csat") = 87.5
 *     kpi("aht", 1) = no data
 *     channel() = "voice"
 *     kpi("boom") = error: exploded
 *
 * A call matches a fact when its name and evaluated arguments, written
 * as expr_value_format writes them, are the same; an unlisted call is
 * no-data.  `error: MSG` makes the call fail with MSG.  Like the real
 * engine, the host refuses a metric or kind that is not a string.
 *
 * Header-only (static functions) because two test binaries share it.
 */
#ifndef COPCGAP_EXPR_FACTS_H
#define COPCGAP_EXPR_FACTS_H

#include <stdlib.h>
#include <string.h>

#include "copcgap/arena.h"
#include "copcgap/expr.h"
#include "copcgap/facts.h"
#include "copcgap/strbuf.h"

struct fact_row {
    char *key;                  /* `kpi("csat")`, as calls are formatted */
    struct expr_value v;
    char *error;                /* non-NULL: the call fails with this */
};

struct facts {
    struct arena *arena;        /* keys, strings, compiled probes */
    struct fact_row *rows;
    size_t n, cap;
    int recording;              /* facts_add: remember the key only */
    char *recorded;
    size_t calls;               /* host calls made (for short-circuit) */
};

static inline void facts_init(struct facts *f)
{
    memset(f, 0, sizeof *f);
    f->arena = arena_new();
}

static inline void facts_free(struct facts *f)
{
    free(f->rows);
    arena_free(f->arena);
    memset(f, 0, sizeof *f);
}

/* `name(arg, ...)` for a call, the key facts are looked up by. */
static inline char *facts_key(struct facts *f, int id,
                              const struct expr_value *args, size_t n)
{
    struct strbuf sb = STRBUF_INIT;
    char *key;
    size_t i;

    strbuf_adds(&sb, fact_functions[id].name);
    strbuf_addc(&sb, '(');
    for (i = 0; i < n; i++) {
        if (i)
            strbuf_adds(&sb, ", ");
        expr_value_format(&args[i], &sb);
    }
    strbuf_addc(&sb, ')');
    key = arena_strdup(f->arena, strbuf_cstr(&sb));
    strbuf_free(&sb);
    return key;
}

static inline int facts_call(void *ctx, int id, const struct expr_value *args,
                             size_t nargs, struct expr_value *out,
                             struct strbuf *err)
{
    struct facts *f = ctx;
    char *key = facts_key(f, id, args, nargs);
    size_t i;

    f->calls++;
    out->type = EV_NODATA;
    if (f->recording) {
        f->recorded = key;
        return 0;
    }
    if (id <= FACT_EVIDENCE && args[0].type != EV_STR &&
        args[0].type != EV_NODATA) {
        strbuf_printf(err, "%s must be a string",
                      id == FACT_EVIDENCE ? "kind" : "metric");
        return -1;
    }
    for (i = 0; i < f->n; i++) {
        if (strcmp(f->rows[i].key, key) != 0)
            continue;
        if (f->rows[i].error) {
            strbuf_adds(err, f->rows[i].error);
            return -1;
        }
        *out = f->rows[i].v;
        return 0;
    }
    return 0;
}

/* Compile and evaluate `text` (no host); 0 on success. */
static inline int facts_const(struct facts *f, const char *text,
                              struct expr_value *v, struct strbuf *err)
{
    struct expr_diag d;
    struct expr *e = expr_compile(f->arena, text, NULL, &d);

    if (!e) {
        strbuf_printf(err, "%ld:%ld: %s", d.line, d.col,
                      strbuf_cstr(&d.msg));
        strbuf_free(&d.msg);
        return -1;
    }
    return expr_eval(e, NULL, v, err, NULL);
}

/* The byte offset of the `=` that ends the call on the left, or -1. */
static inline long facts_split(const char *line)
{
    const char *p;
    char quote = 0;
    int depth = 0;

    for (p = line; *p; p++) {
        if (quote) {
            if (*p == '\\' && p[1])
                p++;
            else if (*p == quote)
                quote = 0;
        } else if (*p == '"' || *p == '\'') {
            quote = *p;
        } else if (*p == '(') {
            depth++;
        } else if (*p == ')') {
            depth--;
        } else if (*p == '=' && depth == 0) {
            return (long)(p - line);
        }
    }
    return -1;
}

/*
 * Add one fact `CALL = VALUE`; VALUE is a constant expression, `no data`
 * or `error: MSG`.  Returns 0, or -1 with a message in err.
 */
static inline int facts_add(struct facts *f, const char *line,
                            struct strbuf *err)
{
    struct expr_host rec = { fact_functions, facts_call, f };
    struct fact_row row;
    struct expr_diag d;
    struct expr_value ignored;
    struct expr *lhs;
    long eq = facts_split(line);
    const char *rhs;

    memset(&row, 0, sizeof row);
    if (eq < 0) {
        strbuf_printf(err, "fact %s has no \"=\"", line);
        return -1;
    }
    lhs = expr_compile(f->arena, arena_strndup(f->arena, line, (size_t)eq),
                       fact_functions, &d);
    if (!lhs) {
        strbuf_printf(err, "fact %s: %s", line, strbuf_cstr(&d.msg));
        strbuf_free(&d.msg);
        return -1;
    }
    f->recording = 1;
    f->recorded = NULL;
    if (expr_eval(lhs, &rec, &ignored, err, NULL) < 0 || !f->recorded) {
        f->recording = 0;
        strbuf_printf(err, "fact %s: left side is not a fact call", line);
        return -1;
    }
    f->recording = 0;
    row.key = f->recorded;
    for (rhs = line + eq + 1; *rhs == ' ' || *rhs == '\t'; rhs++)
        ;
    if (strcmp(rhs, "no data") == 0) {
        row.v.type = EV_NODATA;
    } else if (strncmp(rhs, "error:", 6) == 0) {
        for (rhs += 6; *rhs == ' '; rhs++)
            ;
        row.error = arena_strdup(f->arena, rhs);
    } else if (facts_const(f, rhs, &row.v, err) < 0) {
        return -1;
    }
    VEC_PUSH(f->rows, f->n, f->cap) = row;
    f->calls = 0;
    return 0;
}

static inline struct expr_host facts_host(struct facts *f)
{
    struct expr_host h = { fact_functions, facts_call, f };
    return h;
}

#endif
