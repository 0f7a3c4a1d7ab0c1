/*
 * test_expr_files.c — runs every case in the .test files of tests/expr,
 * the expression language's file-driven suite (in the manner of jq's
 * tests/jq.test).  Paths are relative to the repository root, which is
 * the working directory when `make check` runs the tests.
 *
 * A case is a block of lines; a blank line ends it, "#" starts a comment:
 *
 *     expr: kpi("csat") >= 85 and target("csat") >= 80
 *     facts:
 *       kpi("csat") = 87.5
 *       target("csat") = 85
 *     expected: true
 *     trace: kpi("csat") = 87.5; target("csat") = 85; 87.5 >= 85 and ...
 *
 * expr:      the expression; further lines that start with no key are
 *            more of it, joined by newlines exactly as written
 * facts:     optional; one `CALL = VALUE` per line (see expr_facts.h),
 *            the first may follow the key; unlisted calls are no data
 * expected:  a value (`87.5`, `"voice"`, `true`, `no data`; any constant
 *            expression, compared as expr_value_format writes it),
 *            `error: SUBSTRING` for a runtime error, or
 *            `compile error: LINE:COL: MESSAGE` (message exact)
 * trace:     optional; the exact trace expr_eval writes
 *
 * Each case is its own Check test, so the summary line counts cases.
 */
#include <glob.h>
#include <stdio.h>
#include <string.h>

#include "check_main.h"
#include "copcgap/arena.h"
#include "copcgap/expr.h"
#include "expr_facts.h"

#define PATTERN "tests/expr/*.test"

/* A suite smaller than this means the files were not found. */
#define MIN_CASES 60

struct fcase {
    const char *file;
    long line;              /* of the `expr:` line */
    struct strbuf expr;
    const char **facts;
    size_t nfacts, capfacts;
    const char *expected;
    const char *trace;
    const char *bad;        /* the case itself is malformed */
};

static struct arena *g_arena;
static struct fcase *g_cases;
static size_t g_ncases, g_capcases;
static size_t g_nfiles;

static void free_cases(void)
{
    size_t i;

    for (i = 0; i < g_ncases; i++) {
        strbuf_free(&g_cases[i].expr);
        free(g_cases[i].facts);
    }
    free(g_cases);
    arena_free(g_arena);
}

/* The value after `key:` if line starts with it, else NULL. */
static const char *keyed(const char *line, const char *key)
{
    size_t n = strlen(key);

    if (strncmp(line, key, n) != 0 || line[n] != ':')
        return NULL;
    line += n + 1;
    while (*line == ' ' || *line == '\t')
        line++;
    return line;
}

static int is_blank(const char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\r')
        s++;
    return *s == '\0';
}

static const char *trimmed(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    return arena_strdup(g_arena, s);
}

/* Close the case being read, checking that it is complete. */
static void finish_case(struct fcase *c)
{
    if (!c->bad && !c->expected)
        c->bad = "case has no expected: line";
}

static void add_fact(struct fcase *c, const char *s)
{
    if (*s)
        VEC_PUSH(c->facts, c->nfacts, c->capfacts) = trimmed(s);
}

/* Split one file into cases, appended to g_cases. */
static void parse_file(const char *path, char *text)
{
    enum { NONE, EXPR, FACTS, OTHER } in = NONE;
    struct fcase *c = NULL;
    char *line = text, *nl;
    long lineno = 0;
    const char *v;

    for (; line; line = nl ? nl + 1 : NULL) {
        nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        lineno++;
        if (line[0] == '#')
            continue;
        if (is_blank(line)) {
            if (c)
                finish_case(c);
            c = NULL;
            in = NONE;
            continue;
        }
        if ((v = keyed(line, "expr")) != NULL) {
            if (c)
                finish_case(c);
            c = &VEC_PUSH(g_cases, g_ncases, g_capcases);
            memset(c, 0, sizeof *c);
            c->file = path;
            c->line = lineno;
            strbuf_adds(&c->expr, v);
            in = EXPR;
        } else if (!c) {
            c = &VEC_PUSH(g_cases, g_ncases, g_capcases);
            memset(c, 0, sizeof *c);
            c->file = path;
            c->line = lineno;
            c->bad = "text outside a case (a case starts with expr:)";
            in = OTHER;
        } else if ((v = keyed(line, "facts")) != NULL) {
            add_fact(c, v);
            in = FACTS;
        } else if ((v = keyed(line, "expected")) != NULL) {
            c->expected = arena_strdup(g_arena, v);
            in = OTHER;
        } else if ((v = keyed(line, "trace")) != NULL) {
            c->trace = arena_strdup(g_arena, v);
            in = OTHER;
        } else if (in == EXPR) {
            strbuf_addc(&c->expr, '\n');
            strbuf_adds(&c->expr, line);
        } else if (in == FACTS) {
            add_fact(c, line);
        } else if (!c->bad) {
            c->bad = arena_printf(g_arena, "line %ld: unknown line \"%s\"",
                                  lineno, line);
        }
    }
    if (c)
        finish_case(c);
}

static char *read_file(const char *path)
{
    struct strbuf sb = STRBUF_INIT;
    char buf[4096];
    size_t n;
    FILE *fp = fopen(path, "rb");

    if (!fp)
        return NULL;
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
        strbuf_add(&sb, buf, n);
    fclose(fp);
    return strbuf_detach(&sb);
}

static void load_cases(void)
{
    glob_t g;
    size_t i;

    g_arena = arena_new();
    atexit(free_cases);
    memset(&g, 0, sizeof g);
    if (glob(PATTERN, 0, NULL, &g) != 0)
        return;
    for (i = 0; i < g.gl_pathc; i++) {
        const char *path = arena_strdup(g_arena, g.gl_pathv[i]);
        char *text = read_file(path);
        if (!text)
            continue;
        g_nfiles++;
        parse_file(path, text);
        free(text);
    }
    globfree(&g);
}

/* ------------------------------------------------------------ running */

/* What actually happened, in the form `expected:` lines use. */
static void actual_outcome(const struct fcase *c, struct facts *f,
                           struct strbuf *got, struct strbuf *err,
                           struct strbuf *trace)
{
    struct expr_host host = facts_host(f);
    struct expr_diag d;
    struct expr_value v;
    struct expr *e;

    e = expr_compile(f->arena, strbuf_cstr(&c->expr), fact_functions, &d);
    if (!e) {
        strbuf_printf(got, "compile error: %ld:%ld: %s", d.line, d.col,
                      strbuf_cstr(&d.msg));
        strbuf_free(&d.msg);
        return;
    }
    if (expr_eval(e, &host, &v, err, trace) < 0)
        strbuf_adds(got, "error");
    else
        expr_value_format(&v, got);
}

/* Normalise the expected value to the form actual_outcome() writes. */
static int expected_outcome(const struct fcase *c, struct facts *f,
                            struct strbuf *want, struct strbuf *why)
{
    struct expr_value v;

    if (strncmp(c->expected, "compile error:", 14) == 0 ||
        strcmp(c->expected, "no data") == 0) {
        strbuf_adds(want, c->expected);
        return 0;
    }
    if (strncmp(c->expected, "error:", 6) == 0) {
        strbuf_adds(want, "error");
        return 0;
    }
    if (facts_const(f, c->expected, &v, why) < 0)
        return -1;
    expr_value_format(&v, want);
    return 0;
}

START_TEST(expr_file_case)
{
    const struct fcase *c = &g_cases[_i];
    struct strbuf got = STRBUF_INIT, want = STRBUF_INIT;
    struct strbuf err = STRBUF_INIT, trace = STRBUF_INIT;
    struct strbuf why = STRBUF_INIT;
    struct facts f;
    size_t i;

    ck_assert_msg(!c->bad, "%s:%ld: %s", c->file, c->line, c->bad);
    facts_init(&f);
    for (i = 0; i < c->nfacts; i++)
        ck_assert_msg(facts_add(&f, c->facts[i], &why) == 0,
                      "%s:%ld: bad fact: %s", c->file, c->line,
                      strbuf_cstr(&why));
    ck_assert_msg(expected_outcome(c, &f, &want, &why) == 0,
                  "%s:%ld: bad expected value: %s", c->file, c->line,
                  strbuf_cstr(&why));
    actual_outcome(c, &f, &got, &err, &trace);
    ck_assert_msg(strcmp(strbuf_cstr(&got), strbuf_cstr(&want)) == 0,
                  "%s:%ld: %s\n  want %s\n  got  %s%s%s", c->file, c->line,
                  strbuf_cstr(&c->expr), c->expected, strbuf_cstr(&got),
                  err.len ? ": " : "", strbuf_cstr(&err));
    if (strncmp(c->expected, "error:", 6) == 0)
        ck_assert_msg(strstr(strbuf_cstr(&err), trimmed(c->expected + 6)),
                      "%s:%ld: %s\n  want %s\n  got  error: %s", c->file,
                      c->line, strbuf_cstr(&c->expr), c->expected,
                      strbuf_cstr(&err));
    if (c->trace)
        ck_assert_msg(strcmp(strbuf_cstr(&trace), c->trace) == 0,
                      "%s:%ld: %s\n  want trace %s\n  got  trace %s",
                      c->file, c->line, strbuf_cstr(&c->expr), c->trace,
                      strbuf_cstr(&trace));
    facts_free(&f);
    strbuf_free(&got);
    strbuf_free(&want);
    strbuf_free(&err);
    strbuf_free(&trace);
    strbuf_free(&why);
}
END_TEST

START_TEST(expr_files_found)
{
    ck_assert_msg(g_nfiles > 0, "no %s (run from the repository root)",
                  PATTERN);
    ck_assert_msg(g_ncases >= MIN_CASES, "only %zu cases in %s",
                  g_ncases, PATTERN);
}
END_TEST

static Suite *expr_files_suite(void)
{
    Suite *s = suite_create("expr_files");
    TCase *tc = tcase_create("files");

    load_cases();
    tcase_add_test(tc, expr_files_found);
    tcase_add_loop_test(tc, expr_file_case, 0, (int)g_ncases);
    suite_add_tcase(s, tc);
    return s;
}

CG_TEST_MAIN(expr_files_suite)
