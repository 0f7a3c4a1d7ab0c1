/*
 * fuzz_expr.c — the check-rule expression language (expr.h): compile
 * with the engine's fact functions, and when that succeeds evaluate
 * twice with a deterministic host, with and without a trace.  The two
 * results must be the same value (evaluation is pure), and a value is
 * always one of the four types.
 */
#include "fuzz.h"

#include "copcgap/arena.h"
#include "copcgap/expr.h"
#include "copcgap/facts.h"
#include "copcgap/strbuf.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

/* A small hash of the call, to vary answers without any state. */
static unsigned call_hash(int id, const struct expr_value *args, size_t n)
{
    unsigned h = (unsigned)id * 2654435761u;
    size_t i;

    for (i = 0; i < n; i++) {
        h = h * 31u + (unsigned)args[i].type;
        if (args[i].type == EV_STR && args[i].str)
            h = h * 31u + (unsigned)strlen(args[i].str);
        if (args[i].type == EV_NUM && args[i].num == args[i].num &&
            args[i].num > -1e6 && args[i].num < 1e6)
            h = h * 31u + (unsigned)(long)args[i].num;
    }
    return h;
}

/* Like the engine: metrics and kinds must be strings; a few calls have
 * no data; channel() and kind() are strings. */
static int host_call(void *ctx, int id, const struct expr_value *args,
                     size_t nargs, struct expr_value *out,
                     struct strbuf *err)
{
    unsigned h = call_hash(id, args, nargs);

    (void)ctx;
    memset(out, 0, sizeof *out);
    out->type = EV_NODATA;
    if (id <= FACT_EVIDENCE && nargs > 0 && args[0].type != EV_STR &&
        args[0].type != EV_NODATA) {
        strbuf_adds(err, "metric must be a string");
        return -1;
    }
    switch (id) {
    case FACT_CHANNEL:
        out->type = EV_STR;
        out->str = h & 1 ? "voice" : "chat";
        return 0;
    case FACT_KIND:
        out->type = EV_STR;
        out->str = "outsourcer";
        return 0;
    default:
        if (h % 5 == 0)
            return 0;                   /* no data */
        out->type = EV_NUM;
        out->num = (double)(h % 1000) / 10.0;
        return 0;
    }
}

static void eval(const struct expr *e, struct strbuf *result,
                 struct strbuf *trace)
{
    struct expr_host host = { fact_functions, host_call, NULL };
    struct strbuf err = STRBUF_INIT;
    struct expr_value v;
    int rc = expr_eval(e, &host, &v, &err, trace);

    FUZZ_ASSERT(v.type == EV_NODATA || v.type == EV_BOOL ||
                v.type == EV_NUM || v.type == EV_STR);
    strbuf_printf(result, "%d ", rc);
    expr_value_format(&v, result);
    strbuf_printf(result, " %s", strbuf_cstr(&err));
    strbuf_free(&err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct arena *a = arena_new();
    struct strbuf r1 = STRBUF_INIT, r2 = STRBUF_INIT, trace = STRBUF_INIT;
    struct expr_diag diag;
    struct expr *e;
    char *text = malloc(size + 1);

    if (!text)
        abort();
    memcpy(text, data, size);
    text[size] = '\0';
    e = expr_compile(a, text, fact_functions, &diag);
    if (!e) {
        FUZZ_ASSERT(diag.line >= 1 && diag.col >= 1);
        FUZZ_ASSERT(diag.msg.len > 0);
        strbuf_free(&diag.msg);
    } else {
        eval(e, &r1, NULL);
        eval(e, &r2, &trace);
        FUZZ_ASSERT(strcmp(strbuf_cstr(&r1), strbuf_cstr(&r2)) == 0);
        FUZZ_ASSERT(strcmp(expr_text(e), text) == 0);
    }
    strbuf_free(&r1);
    strbuf_free(&r2);
    strbuf_free(&trace);
    free(text);
    arena_free(a);
    return 0;
}
