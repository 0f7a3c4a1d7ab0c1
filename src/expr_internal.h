/*
 * expr_internal.h — what the expression module's files share: tokens
 * (expr_lex.c), the syntax tree (expr_parse.c builds it, expr_eval.c walks
 * it) and the built-in functions (expr_builtin.c).  Not part of the
 * public API; see include/copcgap/expr.h for that.
 */
#ifndef COPCGAP_EXPR_INTERNAL_H
#define COPCGAP_EXPR_INTERNAL_H

#include <stddef.h>

#include "copcgap/arena.h"
#include "copcgap/expr.h"
#include "copcgap/strbuf.h"

/* ------------------------------------------------------------ tokens */

enum tok_kind {
    T_EOF,
    T_ERROR,        /* the lexer filled in the diagnostic */
    T_NUM,
    T_STR,
    T_IDENT,
    T_TRUE, T_FALSE, T_AND, T_OR, T_NOT,
    T_LPAREN, T_RPAREN, T_COMMA,
    T_PLUS, T_MINUS, T_STAR, T_SLASH,
    T_EQ, T_NE, T_LT, T_LE, T_GT, T_GE
};

struct token {
    enum tok_kind kind;
    const char *start;      /* into the source text */
    size_t len;
    long line, col;         /* 1-based; col counts UTF-8 characters */
    double num;             /* T_NUM */
    const char *str;        /* T_STR: unescaped, in the arena */
};

struct lexer {
    struct arena *arena;
    const char *text;       /* the whole source */
    const char *p;          /* next unread byte */
    const char *end;        /* the terminating NUL */
    long line, col;         /* position of p */
    long end_line, end_col; /* just past the last token read */
    struct expr_diag *diag;
};

void expr_lex_init(struct lexer *lx, struct arena *a, const char *text,
                   struct expr_diag *diag);
/* Read the next token; T_ERROR means diag is filled in. */
void expr_lex_next(struct lexer *lx, struct token *t);
/* Fill diag (message from fmt) at line:col; used by lexer and parser. */
void expr_diag_set(struct expr_diag *d, long line, long col,
                   const char *fmt, ...) CG_PRINTF(4, 5);
/* Append a token's text, quoted, for an error message. */
void expr_quote_token(struct strbuf *sb, const struct token *t);

/* ------------------------------------------------------------ tree */

enum node_kind {
    N_LIT,          /* number, string or boolean literal */
    N_CALL,         /* built-in or host function */
    N_NEG,          /* unary minus */
    N_NOT,
    N_AND,          /* n-ary: kids joined by `and` */
    N_OR,           /* n-ary: kids joined by `or` */
    N_CMP,          /* exactly two kids: comparisons do not chain */
    N_ARITH         /* n-ary: kid->op says how it joins the one before */
};

struct builtin;

/*
 * Operand lists (and, or, arithmetic chains, call arguments) are linked
 * through `next` rather than nested, so that `a + b + ... + z` with a
 * hundred thousand terms is one node with a long list, not a tree a
 * hundred thousand levels deep that evaluation would have to recurse
 * through.  Nesting therefore only comes from parentheses, calls and
 * unary operators, which the parser limits to EXPR_MAX_DEPTH.
 */
struct node {
    enum node_kind kind;
    enum tok_kind op;       /* N_CMP: the comparison */
    enum tok_kind join;     /* in an N_ARITH list: the operator between
                             * this operand and the one before */
    int paren;              /* written in parentheses (kept for traces) */
    struct node *kids;      /* operands / arguments, linked by next */
    struct node *next;
    size_t nkids;
    struct expr_value lit;  /* N_LIT */
    const char *name;       /* N_CALL */
    const struct builtin *builtin;  /* N_CALL: NULL for a host function */
    int host_id;            /* N_CALL to a host function */
};

struct expr {
    const char *text;
    struct node *root;
};

/* ------------------------------------------------------------ built-ins */

/*
 * A built-in receives evaluated arguments (any of which may be no-data)
 * and sets *out, or returns -1 with a message in err.
 */
typedef int (*builtin_fn)(const struct expr_value *args, size_t nargs,
                          struct expr_value *out, struct strbuf *err);

struct builtin {
    const char *name;
    int min_args;
    int max_args;           /* -1: any number */
    builtin_fn fn;
};

/* The built-in called name[0..len), or NULL. */
const struct builtin *expr_builtin_find(const char *name, size_t len);
/* The table of built-ins and its length (for "did you mean" hints). */
const struct builtin *expr_builtin_table(size_t *n);

/* Append "number", "string", "boolean" or "no data" with the value. */
void expr_value_describe(const struct expr_value *v, struct strbuf *out);

#endif
