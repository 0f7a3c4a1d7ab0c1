/*
 * expr_parse.c — recursive-descent parser for check expressions: text to
 * a syntax tree in the caller's arena (docs/expressions.md, "Grammar").
 *
 * One function per precedence level, lowest first:
 *
 *     or  ->  and  ->  not  ->  comparison  ->  + -  ->  * /  ->  unary -
 *         ->  primary (literal, call, parentheses)
 *
 * The first error stops the parse; it is reported at the offending token
 * with a message that quotes it.  Function names and argument counts are
 * checked here, so a catalogue with a misspelt fact function fails when
 * it loads rather than when some rule happens to run.
 */
#include <stdlib.h>
#include <string.h>

#include "expr_internal.h"

struct parser {
    struct lexer lx;
    struct token tok;           /* the lookahead */
    struct arena *arena;
    const struct expr_func *funcs;
    struct expr_diag *diag;
    int depth;
    int failed;
};

static struct node *parse_or(struct parser *p);

/* Record the first error only: later ones are consequences of it. */
static void fail_at(struct parser *p, const struct token *t,
                    const char *fmt, ...) CG_PRINTF(3, 4);
static void fail_at(struct parser *p, const struct token *t,
                    const char *fmt, ...)
{
    va_list ap;

    if (p->failed)
        return;
    p->failed = 1;
    p->diag->line = t->line;
    p->diag->col = t->col;
    strbuf_truncate(&p->diag->msg, 0);
    va_start(ap, fmt);
    strbuf_vprintf(&p->diag->msg, fmt, ap);
    va_end(ap);
}

/* "unexpected X" for the lookahead, whatever it is. */
static void fail_unexpected(struct parser *p, const char *after)
{
    struct strbuf sb = STRBUF_INIT;

    if (p->tok.kind == T_EOF) {
        strbuf_adds(&sb, "unexpected end of expression");
    } else {
        strbuf_adds(&sb, "unexpected ");
        expr_quote_token(&sb, &p->tok);
    }
    strbuf_adds(&sb, after);
    fail_at(p, &p->tok, "%s", strbuf_cstr(&sb));
    strbuf_free(&sb);
}

static void next(struct parser *p)
{
    expr_lex_next(&p->lx, &p->tok);
    if (p->tok.kind == T_ERROR)
        p->failed = 1;          /* the lexer has filled in the diag */
}

/*
 * Parentheses, calls and unary operators nest; each level costs a few
 * C stack frames here and in evaluation, so the depth is capped well
 * below anything that could overflow the stack.
 */
static int enter(struct parser *p)
{
    if (++p->depth > EXPR_MAX_DEPTH) {
        fail_at(p, &p->tok, "expression is nested too deeply "
                "(more than %d levels)", EXPR_MAX_DEPTH);
        return 0;
    }
    return 1;
}

static struct node *new_node(struct parser *p, enum node_kind kind)
{
    struct node *n = arena_calloc(p->arena, 1, sizeof *n);
    n->kind = kind;
    return n;
}

static int is_cmp(enum tok_kind k)
{
    return k == T_EQ || k == T_NE || k == T_LT || k == T_LE ||
           k == T_GT || k == T_GE;
}

static int is_or(enum tok_kind k) { return k == T_OR; }
static int is_and(enum tok_kind k) { return k == T_AND; }
static int is_add(enum tok_kind k) { return k == T_PLUS || k == T_MINUS; }
static int is_mul(enum tok_kind k) { return k == T_STAR || k == T_SLASH; }

/*
 * sub { op sub }: one node of `kind` holding the operands as a list
 * (see expr_internal.h for why a list), or the single operand itself.
 */
static struct node *parse_list(struct parser *p, enum node_kind kind,
                               struct node *(*sub)(struct parser *),
                               int (*is_op)(enum tok_kind))
{
    struct node *first, *last, *n;

    first = sub(p);
    if (!first || !is_op(p->tok.kind))
        return first;
    n = new_node(p, kind);
    n->kids = last = first;
    n->nkids = 1;
    while (is_op(p->tok.kind)) {
        enum tok_kind op = p->tok.kind;
        next(p);
        if (p->failed || !(last->next = sub(p)))
            return NULL;
        last = last->next;
        last->join = op;
        n->nkids++;
    }
    return n;
}

static struct node *parse_unary(struct parser *p);

static struct node *parse_mul(struct parser *p)
{
    return parse_list(p, N_ARITH, parse_unary, is_mul);
}

static struct node *parse_add(struct parser *p)
{
    return parse_list(p, N_ARITH, parse_mul, is_add);
}

static struct node *parse_cmp(struct parser *p)
{
    struct node *left, *right, *n;
    enum tok_kind op;

    if (!(left = parse_add(p)) || !is_cmp(p->tok.kind))
        return left;
    op = p->tok.kind;
    next(p);
    if (p->failed || !(right = parse_add(p)))
        return NULL;
    if (is_cmp(p->tok.kind)) {
        /* `80 <= x <= 100` means something else in C and in Python;
         * refusing it is clearer than picking either. */
        fail_unexpected(p, ": comparisons cannot be chained; use \"and\"");
        return NULL;
    }
    n = new_node(p, N_CMP);
    n->op = op;
    n->kids = left;
    left->next = right;
    n->nkids = 2;
    return n;
}

/* A prefix operator (`not`, unary `-`) applied to sub. */
static struct node *parse_prefix(struct parser *p, enum node_kind kind,
                                 struct node *(*sub)(struct parser *))
{
    struct node *kid, *n;

    if (!enter(p))
        return NULL;
    next(p);
    if (p->failed || !(kid = sub(p)))
        return NULL;
    p->depth--;
    n = new_node(p, kind);
    n->kids = kid;
    n->nkids = 1;
    return n;
}

static struct node *parse_not(struct parser *p)
{
    if (p->tok.kind == T_NOT)
        return parse_prefix(p, N_NOT, parse_not);
    return parse_cmp(p);
}

static struct node *parse_and(struct parser *p)
{
    return parse_list(p, N_AND, parse_not, is_and);
}

static struct node *parse_or(struct parser *p)
{
    return parse_list(p, N_OR, parse_and, is_or);
}

/* ------------------------------------------------------------ calls */

/* Levenshtein distance, case-insensitive, for "did you mean" hints. */
static size_t edit_distance(const char *a, size_t la, const char *b)
{
    size_t lb = strlen(b), i, j, result;
    size_t *row = xcalloc(lb + 1, sizeof *row);

    for (j = 0; j <= lb; j++)
        row[j] = j;
    for (i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (j = 1; j <= lb; j++) {
            size_t up = row[j];
            char ca = a[i - 1], cb = b[j - 1];
            size_t cost;
            if (ca >= 'A' && ca <= 'Z')
                ca = (char)(ca - 'A' + 'a');
            cost = ca == cb ? 0 : 1;
            row[j] = diag + cost;
            if (up + 1 < row[j])
                row[j] = up + 1;
            if (row[j - 1] + 1 < row[j])
                row[j] = row[j - 1] + 1;
            diag = up;
        }
    }
    result = row[lb];
    free(row);
    return result;
}

/* The known function name closest to name[0..len), if close enough. */
static const char *closest_name(const struct parser *p, const char *name,
                                size_t len)
{
    const struct builtin *bt;
    const char *best = NULL;
    size_t best_d, i, nb;

    /* Short names tolerate one typo, longer ones two. */
    best_d = len <= 4 ? 2 : 3;
    if (len > 64)
        return NULL;
    bt = expr_builtin_table(&nb);
    for (i = 0; i < nb; i++) {
        size_t d = edit_distance(name, len, bt[i].name);
        if (d < best_d) {
            best_d = d;
            best = bt[i].name;
        }
    }
    for (i = 0; p->funcs && p->funcs[i].name; i++) {
        size_t d = edit_distance(name, len, p->funcs[i].name);
        if (d < best_d) {
            best_d = d;
            best = p->funcs[i].name;
        }
    }
    return best;
}

/* Resolve the function called name[0..len) into n; 0 when unknown. */
static int resolve(const struct parser *p, struct node *n, const char *name,
                   size_t len, int *min_args, int *max_args)
{
    const struct builtin *b = expr_builtin_find(name, len);
    size_t i;

    /* Built-in names are reserved: the engine's facts cannot shadow the
     * arithmetic everyone relies on. */
    if (b) {
        n->builtin = b;
        *min_args = b->min_args;
        *max_args = b->max_args;
        return 1;
    }
    for (i = 0; p->funcs && p->funcs[i].name; i++) {
        if (str_eq_n(name, len, p->funcs[i].name)) {
            n->host_id = p->funcs[i].id;
            *min_args = p->funcs[i].min_args;
            *max_args = p->funcs[i].max_args;
            return 1;
        }
    }
    return 0;
}

static void fail_unknown_function(struct parser *p, const struct token *t)
{
    const char *hint = closest_name(p, t->start, t->len);

    if (hint)
        fail_at(p, t, "unknown function \"%.*s\"; did you mean \"%s\"?",
                (int)t->len, t->start, hint);
    else
        fail_at(p, t, "unknown function \"%.*s\"", (int)t->len, t->start);
}

static void fail_arity(struct parser *p, const struct token *t,
                       int min_args, int max_args, size_t got)
{
    int len = (int)t->len;
    const char *s = t->start;

    if (max_args < 0)
        fail_at(p, t, "%.*s takes at least %d argument%s, got %zu", len, s,
                min_args, min_args == 1 ? "" : "s", got);
    else if (min_args == max_args && min_args == 0)
        fail_at(p, t, "%.*s takes no arguments, got %zu", len, s, got);
    else if (min_args == max_args)
        fail_at(p, t, "%.*s takes %d argument%s, got %zu", len, s,
                min_args, min_args == 1 ? "" : "s", got);
    else
        fail_at(p, t, "%.*s takes %d to %d arguments, got %zu", len, s,
                min_args, max_args, got);
}

/* name "(" [ or { "," or } ] ")" — the lookahead is the "(". */
static struct node *parse_call(struct parser *p, const struct token *name)
{
    struct node *n = new_node(p, N_CALL), *last = NULL;
    int min_args = 0, max_args = 0;

    if (!resolve(p, n, name->start, name->len, &min_args, &max_args)) {
        fail_unknown_function(p, name);
        return NULL;
    }
    n->name = arena_strndup(p->arena, name->start, name->len);
    if (!enter(p))
        return NULL;
    next(p);
    /* After a comma another argument must follow: `f(1,)` is an error. */
    while (!p->failed && (p->tok.kind != T_RPAREN || last)) {
        struct node *arg = parse_or(p);
        if (!arg)
            return NULL;
        if (last)
            last->next = arg;
        else
            n->kids = arg;
        last = arg;
        n->nkids++;
        if (p->tok.kind == T_RPAREN)
            break;
        if (p->tok.kind != T_COMMA) {
            fail_at(p, &p->tok, "expected \")\" after arguments of %s",
                    n->name);
            return NULL;
        }
        next(p);
    }
    if (p->failed)
        return NULL;
    p->depth--;
    if ((int)n->nkids < min_args ||
        (max_args >= 0 && n->nkids > (size_t)max_args)) {
        fail_arity(p, name, min_args, max_args, n->nkids);
        return NULL;
    }
    next(p);
    return n;
}

static int is_keyword(const char *s, size_t n, char *lower, size_t cap)
{
    static const char *const words[] = { "and", "or", "not", "true",
                                         "false" };
    size_t i;

    if (n >= cap)
        return 0;
    for (i = 0; i < n; i++)
        lower[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a'
                                                     : s[i]);
    lower[n] = '\0';
    for (i = 0; i < ARRAY_LEN(words); i++)
        if (strcmp(lower, words[i]) == 0)
            return 1;
    return 0;
}

/*
 * A name not followed by "(": there are no variables, so say what the
 * author most likely meant — a call, a lowercase keyword, or a string.
 */
static void fail_bare_name(struct parser *p, const struct token *t)
{
    struct node probe;
    int lo, hi;
    char lower[8];
    const char *hint;
    int len = (int)t->len;

    memset(&probe, 0, sizeof probe);
    if (resolve(p, &probe, t->start, t->len, &lo, &hi)) {
        fail_at(p, t, "unknown name \"%.*s\"; did you mean a function "
                "call %.*s()?", len, t->start, len, t->start);
    } else if (is_keyword(t->start, t->len, lower, sizeof lower)) {
        fail_at(p, t, "unknown name \"%.*s\"; keywords are lowercase: "
                "\"%s\"", len, t->start, lower);
    } else if ((hint = closest_name(p, t->start, t->len)) != NULL) {
        fail_at(p, t, "unknown name \"%.*s\"; did you mean a function "
                "call %s()?", len, t->start, hint);
    } else {
        fail_at(p, t, "unknown name \"%.*s\"; strings need quotes: "
                "\"%.*s\"", len, t->start, len, t->start);
    }
}

static struct node *parse_primary(struct parser *p)
{
    struct node *n;
    struct token t = p->tok;

    switch (t.kind) {
    case T_NUM:
    case T_STR:
    case T_TRUE:
    case T_FALSE:
        n = new_node(p, N_LIT);
        if (t.kind == T_NUM) {
            n->lit.type = EV_NUM;
            n->lit.num = t.num;
        } else if (t.kind == T_STR) {
            n->lit.type = EV_STR;
            n->lit.str = t.str;
        } else {
            n->lit.type = EV_BOOL;
            n->lit.b = t.kind == T_TRUE;
        }
        next(p);
        return n;
    case T_IDENT:
        next(p);
        if (p->failed)
            return NULL;
        if (p->tok.kind == T_LPAREN)
            return parse_call(p, &t);
        fail_bare_name(p, &t);
        return NULL;
    case T_LPAREN:
        if (!enter(p))
            return NULL;
        next(p);
        if (p->failed || !(n = parse_or(p)))
            return NULL;
        if (p->tok.kind != T_RPAREN) {
            fail_at(p, &p->tok, "expected \")\" to close \"(\" at %ld:%ld",
                    t.line, t.col);
            return NULL;
        }
        p->depth--;
        n->paren = 1;
        next(p);
        return n;
    case T_ERROR:
        return NULL;
    default:
        fail_unexpected(p, "");
        return NULL;
    }
}

static struct node *parse_unary(struct parser *p)
{
    if (p->tok.kind == T_MINUS)
        return parse_prefix(p, N_NEG, parse_unary);
    return parse_primary(p);
}

/* ------------------------------------------------------------ API */

static void fail_trailing(struct parser *p)
{
    struct strbuf sb = STRBUF_INIT;
    const char *s = p->tok.start;
    size_t n = strlen(s);

    if (p->tok.kind == T_RPAREN) {
        fail_unexpected(p, " (no \"(\" to close)");
        return;
    }
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
                     s[n - 1] == '\n' || s[n - 1] == '\r'))
        n--;
    strbuf_adds(&sb, "trailing input ");
    strbuf_add_quoted(&sb, s, n, 40);
    fail_at(p, &p->tok, "%s", strbuf_cstr(&sb));
    strbuf_free(&sb);
}

struct expr *expr_compile(struct arena *a, const char *text,
                          const struct expr_func *funcs,
                          struct expr_diag *diag)
{
    struct expr_diag scratch = { 0, 0, STRBUF_INIT };
    struct parser p;
    struct expr *e = NULL;
    struct node *root;

    if (!diag)
        diag = &scratch;
    diag->line = diag->col = 0;
    diag->msg = (struct strbuf)STRBUF_INIT;
    if (!text)
        text = "";
    memset(&p, 0, sizeof p);
    p.arena = a;
    p.funcs = funcs;
    p.diag = diag;
    expr_lex_init(&p.lx, a, text, diag);
    next(&p);
    if (p.failed)
        goto cleanup;
    if (p.tok.kind == T_EOF) {
        fail_at(&p, &p.tok, "expression is empty");
        goto cleanup;
    }
    root = parse_or(&p);
    if (!root || p.failed)
        goto cleanup;
    if (p.tok.kind != T_EOF) {
        fail_trailing(&p);
        goto cleanup;
    }
    e = arena_alloc(a, sizeof *e);
    e->text = arena_strdup(a, text);
    e->root = root;
cleanup:
    strbuf_free(&scratch.msg);
    return e;
}

const char *expr_text(const struct expr *e)
{
    return e->text;
}
