/*
 * expr_lex.c — the expression language's lexer (docs/expressions.md).
 *
 * Turns the source text into tokens on demand, one at a time, keeping
 * each token's line and column.  Columns count UTF-8 characters, not
 * bytes, because the catalogue author counts what the editor shows.
 * Numbers and strings are decoded here, so the parser only ever sees
 * values; every lexical error is reported at the token it concerns.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "copcgap/utf8.h"
#include "expr_internal.h"

/* Longest piece of source quoted in a message. */
#define QUOTE_MAX 40

static const struct {
    const char *word;
    enum tok_kind kind;
} keywords[] = {
    { "true", T_TRUE }, { "false", T_FALSE }, { "and", T_AND },
    { "or", T_OR }, { "not", T_NOT },
};

void expr_diag_set(struct expr_diag *d, long line, long col,
                   const char *fmt, ...)
{
    va_list ap;

    d->line = line;
    d->col = col;
    strbuf_truncate(&d->msg, 0);
    va_start(ap, fmt);
    strbuf_vprintf(&d->msg, fmt, ap);
    va_end(ap);
}

void expr_quote_token(struct strbuf *sb, const struct token *t)
{
    strbuf_add_quoted(sb, t->start, t->len, QUOTE_MAX);
}

void expr_lex_init(struct lexer *lx, struct arena *a, const char *text,
                   struct expr_diag *diag)
{
    lx->arena = a;
    lx->text = text;
    lx->p = text;
    lx->end = text + strlen(text);
    lx->line = 1;
    lx->col = 1;
    lx->end_line = 1;
    lx->end_col = 1;
    lx->diag = diag;
}

/* Move past n bytes, keeping line and column. */
static void advance(struct lexer *lx, size_t n)
{
    while (n-- > 0) {
        unsigned char c = (unsigned char)*lx->p++;
        if (c == '\n') {
            lx->line++;
            lx->col = 1;
        } else if ((c & 0xC0) != 0x80) {
            /* Continuation bytes belong to the character before. */
            lx->col++;
        }
    }
}

static int is_ident_start(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int is_ident_char(char c)
{
    return is_ident_start(c) || is_digit(c);
}

/* Report an error at token t (whose start/len are already set). */
static void lex_fail(struct lexer *lx, struct token *t, const char *what,
                     const char *after)
{
    struct strbuf sb = STRBUF_INIT;

    strbuf_adds(&sb, what);
    strbuf_addc(&sb, ' ');
    expr_quote_token(&sb, t);
    strbuf_adds(&sb, after);
    expr_diag_set(lx->diag, t->line, t->col, "%s", strbuf_cstr(&sb));
    strbuf_free(&sb);
    t->kind = T_ERROR;
}

/*
 * digits ["." digits] [("e" | "E") ["+" | "-"] digits], nothing else:
 * "1.", ".5" and "1..2" are refused rather than guessed at.
 */
static int number_is_valid(const char *s, size_t n)
{
    size_t i = 0, d;

    for (d = i; i < n && is_digit(s[i]); i++)
        ;
    if (i == d)
        return 0;
    if (i < n && s[i] == '.') {
        for (d = ++i; i < n && is_digit(s[i]); i++)
            ;
        if (i == d)
            return 0;
    }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            i++;
        for (d = i; i < n && is_digit(s[i]); i++)
            ;
        if (i == d)
            return 0;
    }
    return i == n;
}

/*
 * A number is taken as the longest run of characters that could belong
 * to one (digits, letters, "_", "." and a sign after an exponent "e"),
 * then checked as a whole, so `1..2` or `3x` is one bad number with a
 * clear message instead of a puzzling "unexpected" two tokens later.
 */
static void lex_number(struct lexer *lx, struct token *t)
{
    const char *s = lx->p;
    size_t n = 0;
    char *copy;
    double v;

    while (is_ident_char(s[n]) || s[n] == '.' ||
           ((s[n] == '+' || s[n] == '-') && n > 0 &&
            (s[n - 1] == 'e' || s[n - 1] == 'E') && is_digit(s[0])))
        n++;
    t->len = n;
    if (!number_is_valid(s, n)) {
        lex_fail(lx, t, "number", " is not valid");
        return;
    }
    /* strtod follows LC_NUMERIC; copcgap never changes it from "C". */
    copy = arena_strndup(lx->arena, s, n);
    v = strtod(copy, NULL);
    if (!isfinite(v)) {
        lex_fail(lx, t, "number", " is out of range");
        return;
    }
    t->kind = T_NUM;
    t->num = v;
    advance(lx, n);
}

/*
 * Report a problem inside a string at the current position (not at the
 * opening quote): `what` and then the n bytes found there, quoted.
 */
static void string_fail_here(struct lexer *lx, struct token *t,
                             const char *what, size_t n)
{
    struct strbuf sb = STRBUF_INIT;

    strbuf_adds(&sb, what);
    strbuf_addc(&sb, ' ');
    strbuf_add_quoted(&sb, lx->p, n, QUOTE_MAX);
    strbuf_adds(&sb, " in string");
    expr_diag_set(lx->diag, lx->line, lx->col, "%s", strbuf_cstr(&sb));
    strbuf_free(&sb);
    t->kind = T_ERROR;
}

/* An escape other than \\, \" or \': quote it as written, "\n". */
static void escape_fail(struct lexer *lx, struct token *t)
{
    size_t n = utf8_char_len(lx->p + 1, (size_t)(lx->end - lx->p - 1));

    if (n == 0 || (unsigned char)lx->p[1] < 0x20) {
        string_fail_here(lx, t, "unknown escape", 1);
        return;
    }
    expr_diag_set(lx->diag, lx->line, lx->col,
                  "unknown escape \"\\%.*s\" in string", (int)n, lx->p + 1);
    t->kind = T_ERROR;
}

static void lex_string(struct lexer *lx, struct token *t)
{
    struct strbuf val = STRBUF_INIT;
    char quote = *lx->p;

    advance(lx, 1);
    for (;;) {
        unsigned char c = (unsigned char)*lx->p;
        size_t n;

        if (c == '\0' || c == '\n') {
            /* Most likely a missing closing quote: point at the opening
             * one, since the end of the line says nothing. */
            expr_diag_set(lx->diag, t->line, t->col, "unterminated string");
            t->kind = T_ERROR;
            goto cleanup;
        }
        if ((char)c == quote) {
            advance(lx, 1);
            break;
        }
        if (c == '\\') {
            char e = lx->p[1];
            if (e == '\0' || e == '\n') {
                expr_diag_set(lx->diag, t->line, t->col,
                              "unterminated string");
                t->kind = T_ERROR;
                goto cleanup;
            }
            if (e != '\\' && e != '"' && e != '\'') {
                escape_fail(lx, t);
                goto cleanup;
            }
            strbuf_addc(&val, e);
            advance(lx, 2);
            continue;
        }
        if (c < 0x20 && c != '\t') {
            string_fail_here(lx, t, "control character", 1);
            goto cleanup;
        }
        n = utf8_char_len(lx->p, (size_t)(lx->end - lx->p));
        if (n == 0) {
            string_fail_here(lx, t, "invalid UTF-8", 1);
            goto cleanup;
        }
        strbuf_add(&val, lx->p, n);
        advance(lx, n);
    }
    t->kind = T_STR;
    t->len = (size_t)(lx->p - t->start);
    t->str = arena_strndup(lx->arena, strbuf_cstr(&val), val.len);
cleanup:
    strbuf_free(&val);
}

static void lex_ident(struct lexer *lx, struct token *t)
{
    size_t n = 0, i;

    while (is_ident_char(lx->p[n]))
        n++;
    t->len = n;
    t->kind = T_IDENT;
    for (i = 0; i < ARRAY_LEN(keywords); i++)
        if (str_eq_n(lx->p, n, keywords[i].word))
            t->kind = keywords[i].kind;
    advance(lx, n);
}

/*
 * Operators, longest match first.  `&&`, `||` and `!` are not operators
 * but are listed so that the error can say what to write instead.
 */
static const struct {
    const char *text;
    enum tok_kind kind;     /* T_ERROR: not an operator */
    const char *hint;
} operators[] = {
    { "==", T_EQ, NULL }, { "!=", T_NE, NULL }, { "<=", T_LE, NULL },
    { ">=", T_GE, NULL }, { "&&", T_ERROR, "; use \"and\"" },
    { "||", T_ERROR, "; use \"or\"" }, { "=", T_EQ, NULL },
    { "<", T_LT, NULL }, { ">", T_GT, NULL }, { "+", T_PLUS, NULL },
    { "-", T_MINUS, NULL }, { "*", T_STAR, NULL }, { "/", T_SLASH, NULL },
    { "(", T_LPAREN, NULL }, { ")", T_RPAREN, NULL },
    { ",", T_COMMA, NULL }, { "!", T_ERROR, "; use \"not\"" },
};

static void lex_operator(struct lexer *lx, struct token *t)
{
    size_t i, n;

    for (i = 0; i < ARRAY_LEN(operators); i++) {
        n = strlen(operators[i].text);
        if (strncmp(lx->p, operators[i].text, n) != 0)
            continue;
        t->len = n;
        if (operators[i].kind == T_ERROR) {
            lex_fail(lx, t, "unexpected", operators[i].hint);
            return;
        }
        t->kind = operators[i].kind;
        advance(lx, n);
        return;
    }
    n = utf8_char_len(lx->p, (size_t)(lx->end - lx->p));
    t->len = n ? n : 1;
    lex_fail(lx, t, n ? "unexpected character" : "unexpected byte",
             n ? "" : " (not UTF-8)");
}

void expr_lex_next(struct lexer *lx, struct token *t)
{
    char c;

    while (*lx->p == ' ' || *lx->p == '\t' || *lx->p == '\n' ||
           *lx->p == '\r')
        advance(lx, 1);
    memset(t, 0, sizeof *t);
    t->start = lx->p;
    t->line = lx->line;
    t->col = lx->col;
    c = *lx->p;
    if (c == '\0') {
        /* "Unexpected end" is reported just past the last token, not on
         * a trailing blank line the author cannot see. */
        t->kind = T_EOF;
        t->line = lx->end_line;
        t->col = lx->end_col;
        return;
    }
    if (is_digit(c) || (c == '.' && is_digit(lx->p[1])))
        lex_number(lx, t);
    else if (c == '"' || c == '\'')
        lex_string(lx, t);
    else if (is_ident_start(c))
        lex_ident(lx, t);
    else
        lex_operator(lx, t);
    lx->end_line = lx->line;
    lx->end_col = lx->col;
}
