/*
 * expr_eval.c — evaluating a compiled check expression, and the trace
 * that explains the result (docs/expressions.md, "Values and types"
 * and "Trace").
 *
 * Values are typed (number, string, boolean) or no-data.  No-data flows
 * through arithmetic and comparisons; and / or / not use Kleene's
 * three-valued logic, so a decided result never waits on a missing fact.
 * A value of the wrong type is an error, reported even when other
 * operands are no-data, since it is a mistake in the catalogue.
 *
 * While evaluating, the trace is built in two parts: the host calls
 * made (the facts), and the expression re-written with each call
 * replaced by its value, so that a reader can redo the sums by hand.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "expr_internal.h"

/* Arguments of most calls fit here; more go on the heap. */
#define SMALL_ARGS 8

/* `=` and `!=` forgive this much, so 0.1 + 0.2 = 0.3 holds. */
#define EQ_TOLERANCE 1e-9

struct fact {
    size_t off, len;        /* within eval.facts */
};

struct eval {
    const struct expr_host *host;
    struct strbuf *err;
    struct strbuf *body;    /* the substituted expression; NULL: no trace */
    struct strbuf facts;    /* "f(args) = value; ..." */
    struct fact *fact;
    size_t nfacts, capfacts;
    struct strbuf notes;    /* why parts were no-data, e.g. 5 / 0 */
};

static int eval_node(struct eval *ev, const struct node *n,
                     struct expr_value *out);

static const char *op_text(enum tok_kind k)
{
    switch (k) {
    case T_EQ: return "=";
    case T_NE: return "!=";
    case T_LT: return "<";
    case T_LE: return "<=";
    case T_GT: return ">";
    case T_GE: return ">=";
    case T_PLUS: return "+";
    case T_MINUS: return "-";
    case T_STAR: return "*";
    case T_SLASH: return "/";
    default: return "?";
    }
}

static void render(struct eval *ev, const char *s)
{
    if (ev->body)
        strbuf_adds(ev->body, s);
}

static void render_value(struct eval *ev, const struct expr_value *v)
{
    if (ev->body)
        expr_value_format(v, ev->body);
}

static void set_nodata(struct expr_value *v)
{
    memset(v, 0, sizeof *v);
    v->type = EV_NODATA;
}

static void set_num(struct expr_value *v, double x)
{
    memset(v, 0, sizeof *v);
    v->type = EV_NUM;
    v->num = x;
}

static void set_bool(struct expr_value *v, int b)
{
    memset(v, 0, sizeof *v);
    v->type = EV_BOOL;
    v->b = b != 0;
}

/* "<what> needs <need>, got <value>": the usual type error. */
static int type_error(struct eval *ev, const char *what, const char *need,
                      const struct expr_value *got)
{
    strbuf_printf(ev->err, "\"%s\" needs %s, got ", what, need);
    expr_value_describe(got, ev->err);
    return -1;
}

/* ------------------------------------------------------------ facts */

/* Record `entry` unless the same call with the same value is listed. */
static void add_fact(struct eval *ev, const struct strbuf *entry)
{
    struct fact *f;
    size_t i;

    for (i = 0; i < ev->nfacts; i++)
        if (ev->fact[i].len == entry->len &&
            memcmp(ev->facts.buf + ev->fact[i].off, entry->buf,
                   entry->len) == 0)
            return;
    if (ev->nfacts)
        strbuf_adds(&ev->facts, "; ");
    f = &VEC_PUSH(ev->fact, ev->nfacts, ev->capfacts);
    f->off = ev->facts.len;
    f->len = entry->len;
    strbuf_add(&ev->facts, entry->buf, entry->len);
}

/* ------------------------------------------------------------ calls */

/*
 * Arguments are evaluated left to right.  For a host call they are not
 * rendered into the trace's expression, since the call is shown as its
 * value there and with its arguments in the list of facts.
 */
static int eval_args(struct eval *ev, const struct node *n,
                     struct expr_value *args, int show)
{
    struct strbuf *saved = ev->body;
    struct strbuf scratch = STRBUF_INIT;
    const struct node *k;
    size_t i = 0;
    int rc = 0;

    if (!show && saved)
        ev->body = &scratch;
    for (k = n->kids; k; k = k->next, i++) {
        if (i > 0 && show)
            render(ev, ", ");
        if (eval_node(ev, k, &args[i]) < 0) {
            rc = -1;
            goto cleanup;
        }
    }
cleanup:
    ev->body = saved;
    strbuf_free(&scratch);
    return rc;
}

static int call_host(struct eval *ev, const struct node *n,
                     const struct expr_value *args, struct expr_value *out)
{
    struct strbuf msg = STRBUF_INIT;
    struct strbuf entry = STRBUF_INIT;
    size_t i;
    int rc = -1;

    strbuf_adds(&entry, n->name);
    strbuf_addc(&entry, '(');
    for (i = 0; i < n->nkids; i++) {
        if (i > 0)
            strbuf_adds(&entry, ", ");
        expr_value_format(&args[i], &entry);
    }
    strbuf_addc(&entry, ')');
    if (!ev->host || !ev->host->call) {
        strbuf_printf(ev->err, "%s: no host provides this function",
                      strbuf_cstr(&entry));
        goto cleanup;
    }
    set_nodata(out);
    if (ev->host->call(ev->host->ctx, n->host_id, args, n->nkids, out,
                       &msg) < 0) {
        strbuf_printf(ev->err, "%s: %s", strbuf_cstr(&entry),
                      msg.len ? strbuf_cstr(&msg) : "failed");
        goto cleanup;
    }
    if ((unsigned)out->type > (unsigned)EV_STR) {
        strbuf_printf(ev->err, "%s: returned a value of unknown type %d",
                      strbuf_cstr(&entry), (int)out->type);
        goto cleanup;
    }
    /* Hosts are C: any non-zero int is true, and NULL text is empty. */
    if (out->type == EV_BOOL)
        out->b = out->b != 0;
    if (out->type == EV_STR && !out->str)
        out->str = "";
    if (out->type == EV_NUM && !isfinite(out->num)) {
        strbuf_printf(ev->err, "%s: returned a number out of range",
                      strbuf_cstr(&entry));
        goto cleanup;
    }
    if (ev->body) {
        strbuf_adds(&entry, " = ");
        expr_value_format(out, &entry);
        add_fact(ev, &entry);
    }
    rc = 0;
cleanup:
    strbuf_free(&msg);
    strbuf_free(&entry);
    return rc;
}

static int eval_call(struct eval *ev, const struct node *n,
                     struct expr_value *out)
{
    struct expr_value small[SMALL_ARGS];
    struct expr_value *args = small;
    struct strbuf msg = STRBUF_INIT;
    int rc = -1;

    if (n->nkids > SMALL_ARGS)
        args = xcalloc(n->nkids, sizeof *args);
    if (!n->builtin) {
        if (eval_args(ev, n, args, 0) < 0 ||
            call_host(ev, n, args, out) < 0)
            goto cleanup;
        render_value(ev, out);
        rc = 0;
        goto cleanup;
    }
    render(ev, n->name);
    render(ev, "(");
    if (eval_args(ev, n, args, 1) < 0)
        goto cleanup;
    render(ev, ")");
    set_nodata(out);
    if (n->builtin->fn(args, n->nkids, out, &msg) < 0) {
        strbuf_add(ev->err, msg.buf, msg.len);
        goto cleanup;
    }
    if (out->type == EV_NUM && !isfinite(out->num)) {
        strbuf_printf(ev->err, "result of %s is out of range", n->name);
        goto cleanup;
    }
    rc = 0;
cleanup:
    if (args != small)
        free(args);
    strbuf_free(&msg);
    return rc;
}

/* ------------------------------------------------------------ logic */

/* not: true <-> false; no-data stays no-data. */
static int eval_not(struct eval *ev, const struct node *n,
                    struct expr_value *out)
{
    render(ev, "not ");
    if (eval_node(ev, n->kids, out) < 0)
        return -1;
    if (out->type == EV_NODATA)
        return 0;
    if (out->type != EV_BOOL)
        return type_error(ev, "not", "true or false", out);
    out->b = !out->b;
    return 0;
}

/*
 * Kleene and / or over a list.  For `and`, the first false decides and
 * the rest is not evaluated (shown as "..." in the trace); otherwise the
 * result is no-data if any operand was, else true.  `or` is the mirror.
 */
static int eval_logic(struct eval *ev, const struct node *n,
                      struct expr_value *out)
{
    int is_and = n->kind == N_AND;
    const char *sep = is_and ? " and " : " or ";
    int decisive = is_and ? 0 : 1;
    int nodata = 0;
    const struct node *k;

    for (k = n->kids; k; k = k->next) {
        struct expr_value v;
        if (k != n->kids)
            render(ev, sep);
        if (eval_node(ev, k, &v) < 0)
            return -1;
        if (v.type == EV_NODATA) {
            nodata = 1;
        } else if (v.type != EV_BOOL) {
            return type_error(ev, is_and ? "and" : "or", "true or false",
                              &v);
        } else if (v.b == decisive) {
            if (k->next) {
                render(ev, sep);
                render(ev, "...");
            }
            set_bool(out, decisive);
            return 0;
        }
    }
    if (nodata)
        set_nodata(out);
    else
        set_bool(out, !decisive);
    return 0;
}

/* ------------------------------------------------------------ compare */

static int compare(struct eval *ev, enum tok_kind op,
                   const struct expr_value *a, const struct expr_value *b,
                   struct expr_value *out)
{
    int equality = op == T_EQ || op == T_NE;
    int c;

    if (a->type != EV_NODATA && b->type != EV_NODATA &&
        a->type != b->type)
        goto mismatch;
    if (!equality && (a->type == EV_BOOL || b->type == EV_BOOL))
        goto mismatch;
    if (a->type == EV_NODATA || b->type == EV_NODATA) {
        set_nodata(out);
        return 0;
    }
    if (a->type == EV_NUM) {
        if (equality) {
            int eq = fabs(a->num - b->num) <= EQ_TOLERANCE;
            set_bool(out, op == T_EQ ? eq : !eq);
            return 0;
        }
        c = a->num < b->num ? -1 : a->num > b->num ? 1 : 0;
    } else if (a->type == EV_STR) {
        /* Byte order, which for UTF-8 is code-point order. */
        c = strcmp(a->str, b->str);
    } else {
        c = (a->b != 0) - (b->b != 0);
    }
    switch (op) {
    case T_EQ: set_bool(out, c == 0); break;
    case T_NE: set_bool(out, c != 0); break;
    case T_LT: set_bool(out, c < 0); break;
    case T_LE: set_bool(out, c <= 0); break;
    case T_GT: set_bool(out, c > 0); break;
    default: set_bool(out, c >= 0); break;
    }
    return 0;
mismatch:
    strbuf_printf(ev->err, "\"%s\" needs %s, got ", op_text(op),
                  equality ? "two values of the same type"
                           : "two numbers or two strings");
    expr_value_describe(a, ev->err);
    strbuf_adds(ev->err, " and ");
    expr_value_describe(b, ev->err);
    return -1;
}

static int eval_cmp(struct eval *ev, const struct node *n,
                    struct expr_value *out)
{
    struct expr_value a, b;

    if (eval_node(ev, n->kids, &a) < 0)
        return -1;
    render(ev, " ");
    render(ev, op_text(n->op));
    render(ev, " ");
    if (eval_node(ev, n->kids->next, &b) < 0)
        return -1;
    return compare(ev, n->op, &a, &b, out);
}

/* ------------------------------------------------------------ arithmetic */

/*
 * A chain like a + b - c, left to right.  Every operand is evaluated
 * (and type-checked) even once the result is known to be no-data, so
 * the trace lists every fact and a type error is never hidden.
 * Division by zero gives no-data, not an error: in practice it means a
 * count that is missing for the month, and the note in the trace says
 * so.
 */
static int eval_arith(struct eval *ev, const struct node *n,
                      struct expr_value *out)
{
    size_t start = ev->body ? ev->body->len : 0;
    const struct node *k;
    int nodata = 0, divzero = 0;
    double acc = 0;

    for (k = n->kids; k; k = k->next) {
        struct expr_value v;
        if (k != n->kids) {
            render(ev, " ");
            render(ev, op_text(k->join));
            render(ev, " ");
        }
        if (eval_node(ev, k, &v) < 0)
            return -1;
        if (v.type == EV_NODATA) {
            nodata = 1;
            continue;
        }
        if (v.type != EV_NUM)
            return type_error(ev, op_text(k == n->kids ? k->next->join
                                                       : k->join),
                              "numbers", &v);
        if (nodata)
            continue;
        if (k == n->kids)
            acc = v.num;
        else if (k->join == T_PLUS)
            acc += v.num;
        else if (k->join == T_MINUS)
            acc -= v.num;
        else if (k->join == T_STAR)
            acc *= v.num;
        else if (v.num == 0)
            nodata = divzero = 1;
        else
            acc /= v.num;
        if (!nodata && !isfinite(acc)) {
            strbuf_printf(ev->err, "result of \"%s\" is out of range",
                          op_text(k->join));
            return -1;
        }
    }
    if (divzero && ev->body) {
        if (ev->notes.len)
            strbuf_adds(&ev->notes, "; ");
        strbuf_adds(&ev->notes, "division by zero in ");
        strbuf_add(&ev->notes, ev->body->buf + start, ev->body->len - start);
    }
    if (nodata)
        set_nodata(out);
    else
        set_num(out, acc);
    return 0;
}

static int eval_neg(struct eval *ev, const struct node *n,
                    struct expr_value *out)
{
    struct strbuf *saved = ev->body;
    struct strbuf kid = STRBUF_INIT;
    int rc = -1;

    if (saved)
        ev->body = &kid;
    if (eval_node(ev, n->kids, out) < 0)
        goto cleanup;
    ev->body = saved;
    /* "- -3", not "--3", when a negative value is substituted. */
    render(ev, kid.len && kid.buf[0] == '-' ? "- " : "-");
    render(ev, strbuf_cstr(&kid));
    if (out->type != EV_NUM && out->type != EV_NODATA) {
        type_error(ev, "-", "a number", out);
        goto cleanup;
    }
    if (out->type == EV_NUM)
        out->num = -out->num;
    rc = 0;
cleanup:
    ev->body = saved;
    strbuf_free(&kid);
    return rc;
}

static int eval_node(struct eval *ev, const struct node *n,
                     struct expr_value *out)
{
    int rc;

    if (n->paren)
        render(ev, "(");
    switch (n->kind) {
    case N_LIT:
        *out = n->lit;
        render_value(ev, out);
        rc = 0;
        break;
    case N_CALL: rc = eval_call(ev, n, out); break;
    case N_NEG: rc = eval_neg(ev, n, out); break;
    case N_NOT: rc = eval_not(ev, n, out); break;
    case N_AND:
    case N_OR: rc = eval_logic(ev, n, out); break;
    case N_CMP: rc = eval_cmp(ev, n, out); break;
    default: rc = eval_arith(ev, n, out); break;
    }
    if (n->paren)
        render(ev, ")");
    return rc;
}

/* ------------------------------------------------------------ API */

int expr_eval(const struct expr *e, const struct expr_host *host,
              struct expr_value *out, struct strbuf *err,
              struct strbuf *trace)
{
    struct strbuf body = STRBUF_INIT, scratch_err = STRBUF_INIT;
    struct eval ev;
    size_t err_start;
    int rc;

    memset(&ev, 0, sizeof ev);
    ev.host = host;
    ev.err = err ? err : &scratch_err;
    ev.body = trace ? &body : NULL;
    err_start = ev.err->len;
    set_nodata(out);
    rc = eval_node(&ev, e->root, out);
    if (rc < 0)
        set_nodata(out);
    if (trace) {
        strbuf_add(trace, ev.facts.buf, ev.facts.len);
        if (ev.facts.len)
            strbuf_adds(trace, "; ");
        if (rc < 0) {
            strbuf_adds(trace, "error: ");
            strbuf_adds(trace, strbuf_cstr(ev.err) + err_start);
        } else {
            strbuf_add(trace, body.buf, body.len);
            strbuf_adds(trace, " -> ");
            expr_value_format(out, trace);
            if (ev.notes.len) {
                strbuf_adds(trace, " (");
                strbuf_add(trace, ev.notes.buf, ev.notes.len);
                strbuf_adds(trace, ")");
            }
        }
    }
    strbuf_free(&body);
    strbuf_free(&scratch_err);
    strbuf_free(&ev.facts);
    strbuf_free(&ev.notes);
    free(ev.fact);
    return rc;
}
