/*
 * expr.h — the check-rule expression language (docs/expressions.md).
 *
 * A small, total language for what structured rules cannot say:
 * numbers, strings, booleans, comparisons, and / or / not, arithmetic,
 * and function calls.  Compiled once when the catalogue loads (syntax
 * errors and unknown functions are catalogue errors, located by line and
 * column inside the attribute); evaluated per rule (and per program) by
 * the engine, which supplies the fact functions through a callback.
 *
 * Values are three-valued where data is missing: a fact function may
 * return no-data, which propagates through arithmetic and comparisons;
 * `and` / `or` follow Kleene logic (false and no-data = false, true or
 * no-data = true).  A check whose result is no-data scores as no-data.
 *
 * Memory: a compiled expression lives in the arena passed to
 * expr_compile(); nothing to free separately.  Evaluation allocates
 * nothing that outlives the call except strings the callback returns.
 */
#ifndef COPCGAP_EXPR_H
#define COPCGAP_EXPR_H

#include <stddef.h>

#include "copcgap/arena.h"
#include "copcgap/strbuf.h"

/* Nesting deeper than this is a compile error (no stack overflow). */
#define EXPR_MAX_DEPTH 64

/* The longest check expression a catalogue may hold, in bytes
 * (docs/limits.md; catalogue.xsd says 4000 characters): one line of
 * logic, not a program.  The language itself has no length limit (long
 * flat chains are lists, not deep trees); the catalogue loader checks. */
#define EXPR_MAX_LEN 4000

enum expr_type {
    EV_NODATA,      /* a fact is missing: neither true nor false */
    EV_BOOL,
    EV_NUM,
    EV_STR
};

struct expr_value {
    enum expr_type type;
    int b;
    double num;
    const char *str;
};

/*
 * A function the host provides.  `id` is the host's own tag, passed back
 * to the callback; arity is checked at compile time.  The pure built-ins
 * min, max, abs and round are provided by the expression module itself
 * and need no entry.
 */
struct expr_func {
    const char *name;
    int min_args;
    int max_args;       /* -1: any number */
    int id;
};

/*
 * Host callback for fact functions.  Receives evaluated arguments; sets
 * *out.  Returns 0 on success; on a type or domain error (e.g. a metric
 * name that is not a string) returns -1 and writes a message to err.
 */
typedef int (*expr_call_fn)(void *ctx, int id, const struct expr_value *args,
                            size_t nargs, struct expr_value *out,
                            struct strbuf *err);

struct expr_host {
    const struct expr_func *funcs;   /* terminated by name == NULL */
    expr_call_fn call;
    void *ctx;
};

struct expr;

struct expr_diag {
    long line;      /* 1-based, within the expression text */
    long col;       /* 1-based, in characters (UTF-8 aware) */
    struct strbuf msg;
};

/*
 * Compile `text`.  `funcs` lists the host functions allowed (may be
 * NULL: built-ins only).  Returns NULL on error with *diag filled in
 * (the caller frees diag->msg with strbuf_free).  *diag is overwritten
 * on entry, so it need not be initialised, but free a message from an
 * earlier failure before reusing it.  `diag` may be NULL.
 */
struct expr *expr_compile(struct arena *a, const char *text,
                          const struct expr_func *funcs,
                          struct expr_diag *diag);

/*
 * Evaluate.  Returns 0 and sets *out, or -1 with a message appended to
 * err (a runtime type error, e.g. "abc" + 1, or a callback failure) and
 * *out set to no-data.  When `trace` is not NULL, appends a one-line
 * account of the facts used (e.g. `kpi("csat") = 87.5; 87.5 >= 85 ->
 * true`; exact form in docs/expressions.md, "Trace").  `host` may be
 * NULL for an expression that calls no host function.
 */
int expr_eval(const struct expr *e, const struct expr_host *host,
              struct expr_value *out, struct strbuf *err,
              struct strbuf *trace);

/* The expression's source text (as compiled). */
const char *expr_text(const struct expr *e);

/* Append a value in expression syntax (numbers with up to 6 decimals). */
void expr_value_format(const struct expr_value *v, struct strbuf *out);

#endif
