/*
 * test_expr.c — the check-rule expression language: precedence,
 * associativity, Kleene logic, no-data, type errors, error positions,
 * the depth limit, arity, UTF-8 columns, built-ins and traces.
 *
 * Every case goes through outcome(), which compiles and evaluates an
 * expression against the fake fact host (expr_facts.h) and writes what
 * happened as one string, so that each table row is one line.
 */
#include <math.h>
#include <string.h>

#include "check_main.h"
#include "copcgap/expr.h"
#include "expr_facts.h"

/* The facts every case sees. */
static const char *const base_facts[] = {
    "kpi(\"csat\") = 87.5",
    "target(\"csat\") = 85",
    "kpi(\"aht\") = no data",
    "kpi(\"zero\") = 0",
    "kpi(\"five\") = 5",
    "kpi(\"csat\", 1) = 80",
    "channel() = \"voice\"",
    "kind() = \"outsourcer\"",
    "programs() = 3",
    "evidence(\"policy\") = 2",
    "kpi(\"boom\") = error: exploded",
    "kpi(\"yes\") = true",
};

static void load_facts(struct facts *f)
{
    struct strbuf err = STRBUF_INIT;
    size_t i;

    facts_init(f);
    for (i = 0; i < ARRAY_LEN(base_facts); i++)
        ck_assert_msg(facts_add(f, base_facts[i], &err) == 0, "%s",
                      strbuf_cstr(&err));
    strbuf_free(&err);
}

/*
 * Compile and evaluate `text`; write to `out` the value as
 * expr_value_format writes it, or "error: MSG", or
 * "compile error: L:C: MSG".  The trace, if wanted, goes to `trace`.
 */
static void outcome(struct facts *f, const char *text, struct strbuf *out,
                    struct strbuf *trace)
{
    struct expr_host host = facts_host(f);
    struct arena *a = arena_new();
    struct expr_diag d;
    struct expr *e = expr_compile(a, text, fact_functions, &d);
    struct strbuf err = STRBUF_INIT;
    struct expr_value v;

    if (!e) {
        strbuf_printf(out, "compile error: %ld:%ld: %s", d.line, d.col,
                      strbuf_cstr(&d.msg));
        strbuf_free(&d.msg);
    } else if (expr_eval(e, &host, &v, &err, trace) < 0) {
        ck_assert_int_eq(v.type, EV_NODATA);
        strbuf_printf(out, "error: %s", strbuf_cstr(&err));
    } else {
        expr_value_format(&v, out);
    }
    strbuf_free(&err);
    arena_free(a);
}

struct row {
    const char *expr;
    const char *want;
};

/* Run a table of rows; report every mismatch, not just the first. */
static void run_rows(const struct row *rows, size_t n)
{
    struct strbuf fails = STRBUF_INIT;
    struct facts f;
    size_t i;

    load_facts(&f);
    for (i = 0; i < n; i++) {
        struct strbuf got = STRBUF_INIT;
        outcome(&f, rows[i].expr, &got, NULL);
        if (strcmp(strbuf_cstr(&got), rows[i].want) != 0)
            strbuf_printf(&fails, "\n  %s\n    want %s\n    got  %s",
                          rows[i].expr, rows[i].want, strbuf_cstr(&got));
        strbuf_free(&got);
    }
    facts_free(&f);
    ck_assert_msg(fails.len == 0, "mismatches:%s", strbuf_cstr(&fails));
    strbuf_free(&fails);
}

#define RUN_ROWS(rows) run_rows(rows, ARRAY_LEN(rows))

START_TEST(precedence)
{
    static const struct row rows[] = {
        { "1 + 2 * 3", "7" },
        { "(1 + 2) * 3", "9" },
        { "2 * 3 + 4 * 5", "26" },
        { "1 + 6 / 3", "3" },
        { "-2 * 3", "-6" },
        { "- 2 + 3", "1" },                 /* unary minus before + */
        { "-(2 + 3)", "-5" },
        { "2 * -3", "-6" },
        { "1 - -1", "2" },
        { "1 + 2 = 3", "true" },            /* arithmetic before = */
        { "2 * 3 > 5", "true" },
        { "not 1 = 2", "true" },            /* not (1 = 2) */
        { "not 1 < 2 and 2 < 3", "false" }, /* (not 1 < 2) and ... */
        { "true or false and false", "true" },  /* and before or */
        { "(true or false) and false", "false" },
        { "false and false or true", "true" },
        { "not true or true", "true" },     /* (not true) or true */
        { "not (true or true)", "false" },
        { "not true and false", "false" },
        { "not not true", "true" },
        { "1 < 2 and 2 < 3", "true" },
        { "kpi(\"csat\") >= target(\"csat\") and kpi(\"csat\") < 90",
          "true" },
        { "(((1)))", "1" },
        { "1 +\n2\n*\n3", "7" },
    };
    RUN_ROWS(rows);
}
END_TEST

START_TEST(associativity)
{
    static const struct row rows[] = {
        { "10 - 4 - 3", "3" },              /* (10 - 4) - 3 */
        { "10 - (4 - 3)", "9" },
        { "100 / 10 / 5", "2" },
        { "8 / 2 * 4", "16" },              /* (8 / 2) * 4 */
        { "8 / (2 * 4)", "1" },
        { "1 - 2 + 3", "2" },
        { "2 * 3 / 4", "1.5" },
        { "- - 3", "3" },
        { "not not not true", "false" },
        { "1 < 2 < 3",
          "compile error: 1:7: unexpected \"<\": comparisons cannot be "
          "chained; use \"and\"" },
        { "1 = 1 = true",
          "compile error: 1:7: unexpected \"=\": comparisons cannot be "
          "chained; use \"and\"" },
        { "(1 < 2) = true", "true" },       /* parentheses make it legal */
    };
    RUN_ROWS(rows);
}
END_TEST

/* Operand spellings for true, false and no-data. */
static const char *const tv[3] = { "true", "false", "kpi(\"aht\") = 1" };
static const char *const tv_name[3] = { "true", "false", "no data" };

START_TEST(kleene_truth_tables)
{
    /* Rows: left operand; columns: right operand (true, false, no data). */
    static const char *const and_table[3][3] = {
        { "true", "false", "no data" },
        { "false", "false", "false" },
        { "no data", "false", "no data" },
    };
    static const char *const or_table[3][3] = {
        { "true", "true", "true" },
        { "true", "false", "no data" },
        { "true", "no data", "no data" },
    };
    static const char *const not_table[3] = { "false", "true", "no data" };
    struct strbuf fails = STRBUF_INIT;
    struct facts f;
    int i, j, op;

    load_facts(&f);
    for (i = 0; i < 3; i++) {
        for (op = 0; op < 3; op++) {
            for (j = 0; j < (op == 2 ? 1 : 3); j++) {
                struct strbuf text = STRBUF_INIT, got = STRBUF_INIT;
                const char *want;
                if (op == 2) {
                    strbuf_printf(&text, "not (%s)", tv[i]);
                    want = not_table[i];
                } else {
                    strbuf_printf(&text, "(%s) %s (%s)", tv[i],
                                  op ? "or" : "and", tv[j]);
                    want = op ? or_table[i][j] : and_table[i][j];
                }
                outcome(&f, strbuf_cstr(&text), &got, NULL);
                if (strcmp(strbuf_cstr(&got), want) != 0)
                    strbuf_printf(&fails, "\n  %s %s %s: want %s, got %s",
                                  tv_name[i], op == 2 ? "(not)"
                                  : op ? "or" : "and",
                                  op == 2 ? "" : tv_name[j], want,
                                  strbuf_cstr(&got));
                strbuf_free(&text);
                strbuf_free(&got);
            }
        }
    }
    facts_free(&f);
    ck_assert_msg(fails.len == 0, "mismatches:%s", strbuf_cstr(&fails));
    strbuf_free(&fails);
}
END_TEST

START_TEST(short_circuit)
{
    /* kpi("boom") fails when called, so these show what is evaluated. */
    static const struct {
        const char *expr;
        const char *want;
        size_t calls;
    } rows[] = {
        { "false and kpi(\"boom\") > 1", "false", 0 },
        { "true or kpi(\"boom\") > 1", "true", 0 },
        { "1 > 2 and kpi(\"boom\") > 1 and kpi(\"boom\") > 1", "false", 0 },
        { "kpi(\"aht\") > 1 and false", "false", 1 },
        { "kpi(\"aht\") > 1 or true", "true", 1 },
        { "true and kpi(\"boom\") > 1",
          "error: kpi(\"boom\"): exploded", 1 },
        { "false or kpi(\"boom\") > 1",
          "error: kpi(\"boom\"): exploded", 1 },
        /* Arithmetic and comparisons never short-circuit. */
        { "kpi(\"aht\") + kpi(\"boom\") > 1",
          "error: kpi(\"boom\"): exploded", 2 },
    };
    struct facts f;
    size_t i;

    load_facts(&f);
    for (i = 0; i < ARRAY_LEN(rows); i++) {
        struct strbuf got = STRBUF_INIT;
        f.calls = 0;
        outcome(&f, rows[i].expr, &got, NULL);
        ck_assert_msg(strcmp(strbuf_cstr(&got), rows[i].want) == 0,
                      "%s: got %s", rows[i].expr, strbuf_cstr(&got));
        ck_assert_msg(f.calls == rows[i].calls, "%s: %zu calls",
                      rows[i].expr, f.calls);
        strbuf_free(&got);
    }
    facts_free(&f);
}
END_TEST

START_TEST(no_data_propagates)
{
    static const struct row rows[] = {
        { "kpi(\"aht\")", "no data" },
        { "kpi(\"aht\") + 1", "no data" },
        { "1 - kpi(\"aht\") * 2", "no data" },
        { "-kpi(\"aht\")", "no data" },
        { "kpi(\"aht\") < 300", "no data" },
        { "kpi(\"aht\") = kpi(\"aht\")", "no data" },
        { "kpi(\"aht\") != 1", "no data" },
        { "not (kpi(\"aht\") < 300)", "no data" },
        { "kpi(\"unlisted\")", "no data" },
        { "min(1, kpi(\"aht\"), 3)", "no data" },
        { "max(kpi(\"aht\"))", "no data" },
        { "abs(kpi(\"aht\"))", "no data" },
        { "round(kpi(\"aht\"), 1)", "no data" },
        { "round(1.25, kpi(\"aht\"))", "no data" },
        /* Passed to the host as it is: the host decides. */
        { "kpi(\"csat\", kpi(\"aht\"))", "no data" },
    };
    RUN_ROWS(rows);
}
END_TEST

START_TEST(division_by_zero)
{
    static const struct {
        const char *expr, *want, *trace;
    } rows[] = {
        { "1 / 0", "no data", "1 / 0 -> no data (division by zero in 1 / 0)" },
        { "0 / 0", "no data", "0 / 0 -> no data (division by zero in 0 / 0)" },
        { "kpi(\"five\") / kpi(\"zero\") * 100 >= 80", "no data",
          "kpi(\"five\") = 5; kpi(\"zero\") = 0; 5 / 0 * 100 >= 80 -> "
          "no data (division by zero in 5 / 0 * 100)" },
        { "1 / 0 > 1 or true", "true",
          "1 / 0 > 1 or true -> true (division by zero in 1 / 0)" },
        { "kpi(\"aht\") / 0", "no data", "kpi(\"aht\") = no data; "
          "no data / 0 -> no data" },
        { "(1 / 0) + \"a\"", "error: \"+\" needs numbers, got string \"a\"",
          "error: \"+\" needs numbers, got string \"a\"" },
    };
    struct facts f;
    size_t i;

    load_facts(&f);
    for (i = 0; i < ARRAY_LEN(rows); i++) {
        struct strbuf got = STRBUF_INIT, trace = STRBUF_INIT;
        outcome(&f, rows[i].expr, &got, &trace);
        ck_assert_msg(strcmp(strbuf_cstr(&got), rows[i].want) == 0,
                      "%s: got %s", rows[i].expr, strbuf_cstr(&got));
        ck_assert_msg(strcmp(strbuf_cstr(&trace), rows[i].trace) == 0,
                      "%s: trace %s", rows[i].expr, strbuf_cstr(&trace));
        strbuf_free(&got);
        strbuf_free(&trace);
    }
    facts_free(&f);
}
END_TEST

START_TEST(type_errors)
{
    static const struct row rows[] = {
        { "\"abc\" + 1", "error: \"+\" needs numbers, got string \"abc\"" },
        { "1 + \"abc\"", "error: \"+\" needs numbers, got string \"abc\"" },
        { "1 * true", "error: \"*\" needs numbers, got boolean true" },
        { "channel() - 1", "error: \"-\" needs numbers, got string \"voice\"" },
        /* A type error is not hidden by missing data. */
        { "kpi(\"aht\") + \"x\"",
          "error: \"+\" needs numbers, got string \"x\"" },
        { "-\"a\"", "error: \"-\" needs a number, got string \"a\"" },
        { "not 1", "error: \"not\" needs true or false, got number 1" },
        { "1 and true", "error: \"and\" needs true or false, got number 1" },
        { "false or \"x\"",
          "error: \"or\" needs true or false, got string \"x\"" },
        { "1 = \"1\"", "error: \"=\" needs two values of the same type, "
          "got number 1 and string \"1\"" },
        { "true != 1", "error: \"!=\" needs two values of the same type, "
          "got boolean true and number 1" },
        { "true < false", "error: \"<\" needs two numbers or two strings, "
          "got boolean true and boolean false" },
        { "kpi(\"aht\") >= true", "error: \">=\" needs two numbers or two "
          "strings, got no data and boolean true" },
        { "min(1, \"2\")", "error: min needs numbers, got string \"2\"" },
        { "abs(true)", "error: abs needs numbers, got boolean true" },
        { "round(1.5, 0.5)", "error: round digits must be a whole number "
          "from -15 to 15, got 0.5" },
        { "round(1.5, 16)", "error: round digits must be a whole number "
          "from -15 to 15, got 16" },
        { "1e300 * 1e300", "error: result of \"*\" is out of range" },
        /* What is allowed. */
        { "\"a\" < \"b\"", "true" },
        { "\"b\" <= \"a\"", "false" },
        { "true = true", "true" },
        { "true != false", "true" },
        { "kind() = \"outsourcer\"", "true" },
        { "kpi(\"yes\") and true", "true" },
    };
    RUN_ROWS(rows);
}
END_TEST

START_TEST(number_equality_tolerance)
{
    static const struct row rows[] = {
        { "0.1 + 0.2 = 0.3", "true" },
        { "0.1 + 0.2 != 0.3", "false" },
        { "1 = 1.0000000001", "true" },
        { "1 = 1.000001", "false" },
        { "1 != 1.000001", "true" },
        /* Order comparisons are exact, as documented. */
        { "0.1 + 0.2 <= 0.3", "false" },
        { "1.0000000001 > 1", "true" },
        { "80 >= 80", "true" },
        { "1e3 = 1000", "true" },
        { "2.5E-1 = 0.25", "true" },
    };
    RUN_ROWS(rows);
}
END_TEST

START_TEST(error_positions)
{
    static const struct row rows[] = {
        { "", "compile error: 1:1: expression is empty" },
        { "  \n  ", "compile error: 1:1: expression is empty" },
        { ")", "compile error: 1:1: unexpected \")\"" },
        { "(1 + 2))", "compile error: 1:8: unexpected \")\" "
          "(no \"(\" to close)" },
        { "1 +", "compile error: 1:4: unexpected end of expression" },
        { "1 +\n\n", "compile error: 1:4: unexpected end of expression" },
        { "kpi(\"csat\") >=\n  ", "compile error: 1:15: unexpected end of "
          "expression" },
        { "\"abc", "compile error: 1:1: unterminated string" },
        { "1 = 'ab\ncd'", "compile error: 1:5: unterminated string" },
        { "kpi(\"csat\"", "compile error: 1:11: expected \")\" after "
          "arguments of kpi" },
        { "kpi(\"csat\" 1)", "compile error: 1:12: expected \")\" after "
          "arguments of kpi" },
        { "kpi(\"csat\",)", "compile error: 1:12: unexpected \")\"" },
        { "(1 + 2", "compile error: 1:7: expected \")\" to close \"(\" at "
          "1:1" },
        { "kpj(\"csat\")", "compile error: 1:1: unknown function \"kpj\"; "
          "did you mean \"kpi\"?" },
        { "frobnicate()", "compile error: 1:1: unknown function "
          "\"frobnicate\"" },
        { "1 +\n  kpi(\"csat\", 1, 2)", "compile error: 2:3: kpi takes 1 "
          "to 2 arguments, got 3" },
        { "1..2 > 0", "compile error: 1:1: number \"1..2\" is not valid" },
        { "x > 1..2", "compile error: 1:1: unknown name \"x\"; strings "
          "need quotes: \"x\"" },
        { "1 > 1..2", "compile error: 1:5: number \"1..2\" is not valid" },
        { "3x", "compile error: 1:1: number \"3x\" is not valid" },
        { "1.", "compile error: 1:1: number \"1.\" is not valid" },
        { ".5", "compile error: 1:1: number \".5\" is not valid" },
        { "1e", "compile error: 1:1: number \"1e\" is not valid" },
        { "1e999", "compile error: 1:1: number \"1e999\" is out of range" },
        { "1 2", "compile error: 1:3: trailing input \"2\"" },
        { "true false  \n", "compile error: 1:6: trailing input \"false\"" },
        { "1 = 1\n  and 2 = 2 x", "compile error: 2:13: trailing input "
          "\"x\"" },
        { "csat >= 80", "compile error: 1:1: unknown name \"csat\"; "
          "strings need quotes: \"csat\"" },
        { "kpi(csat)", "compile error: 1:5: unknown name \"csat\"; strings "
          "need quotes: \"csat\"" },
        { "channel = \"voice\"", "compile error: 1:1: unknown name "
          "\"channel\"; did you mean a function call channel()?" },
        { "program > 1", "compile error: 1:1: unknown name \"program\"; "
          "did you mean a function call programs()?" },
        { "true AND false", "compile error: 1:6: trailing input "
          "\"AND false\"" },
        { "AND", "compile error: 1:1: unknown name \"AND\"; keywords are "
          "lowercase: \"and\"" },
        { "1 && 2", "compile error: 1:3: unexpected \"&&\"; use \"and\"" },
        { "1 || 2", "compile error: 1:3: unexpected \"||\"; use \"or\"" },
        { "!true", "compile error: 1:1: unexpected \"!\"; use \"not\"" },
        { "1 # 2", "compile error: 1:3: unexpected character \"#\"" },
        { "1 = \"a\\nb\"", "compile error: 1:7: unknown escape \"\\n\" in "
          "string" },
        { "\"a\x01\"", "compile error: 1:3: control character \"\\x01\" in "
          "string" },
        { "\"\xff\"", "compile error: 1:2: invalid UTF-8 \"\\xFF\" in "
          "string" },
        { "1 \xff", "compile error: 1:3: unexpected byte \"\\xFF\" "
          "(not UTF-8)" },
        { "* 2", "compile error: 1:1: unexpected \"*\"" },
        { "1 + * 2", "compile error: 1:5: unexpected \"*\"" },
        { "and", "compile error: 1:1: unexpected \"and\"" },
        { "1 = not true", "compile error: 1:5: unexpected \"not\"" },
        { "+1", "compile error: 1:1: unexpected \"+\"" },
        { "()", "compile error: 1:2: unexpected \")\"" },
        { "true()", "compile error: 1:5: trailing input \"()\"" },
        { "\tkpi(\"csat\")\t>\t", "compile error: 1:15: unexpected end of "
          "expression" },
    };
    RUN_ROWS(rows);
}
END_TEST

START_TEST(utf8_columns)
{
    static const struct row rows[] = {
        /* n-tilde and u-acute are one column each, two bytes each. */
        { "\"\xc3\xb1" "and\xc3\xba\" = 1 )",
          "compile error: 1:13: unexpected \")\" (no \"(\" to close)" },
        { "\"\xc3\xb1\" = \"\xc3\xb1\" x",
          "compile error: 1:11: trailing input \"x\"" },
        /* A three-byte and a four-byte character. */
        { "\"\xe2\x89\xa5\xf0\x9f\x98\x80\" +", "compile error: 1:7: "
          "unexpected end of expression" },
        { "\"\xc3\xa9t\xc3\xa9\"\n  = \xc3\xa9",
          "compile error: 2:5: unexpected character \"\xc3\xa9\"" },
        { "'caf\xc3\xa9' = \"caf\xc3\xa9\"", "true" },
        { "\"\xc3\xa9\" > \"z\"", "true" },      /* code-point order */
    };
    RUN_ROWS(rows);
}
END_TEST

START_TEST(strings_and_escapes)
{
    static const struct row rows[] = {
        { "\"it's\"", "\"it's\"" },
        { "'it\\'s' = \"it's\"", "true" },
        { "\"say \\\"hi\\\"\"", "\"say \\\"hi\\\"\"" },
        { "'back\\\\slash'", "\"back\\\\slash\"" },
        { "\"\" = ''", "true" },
        { "'a\"b'", "\"a\\\"b\"" },
        { "channel() = 'voice'", "true" },
    };
    RUN_ROWS(rows);
}
END_TEST

START_TEST(arity)
{
    static const struct row rows[] = {
        { "kpi()", "compile error: 1:1: kpi takes 1 to 2 arguments, got 0" },
        { "kpi(\"a\", 1, 2)",
          "compile error: 1:1: kpi takes 1 to 2 arguments, got 3" },
        { "target()", "compile error: 1:1: target takes 1 argument, got 0" },
        { "target(\"a\", 1)",
          "compile error: 1:1: target takes 1 argument, got 2" },
        { "programs(1)",
          "compile error: 1:1: programs takes no arguments, got 1" },
        { "min()",
          "compile error: 1:1: min takes at least 1 argument, got 0" },
        { "max()",
          "compile error: 1:1: max takes at least 1 argument, got 0" },
        { "abs(1, 2)", "compile error: 1:1: abs takes 1 argument, got 2" },
        { "round(1, 2, 3)",
          "compile error: 1:1: round takes 1 to 2 arguments, got 3" },
        { "1 + abs()", "compile error: 1:5: abs takes 1 argument, got 0" },
        { "kpi(\"csat\")", "87.5" },
        { "kpi(\"csat\", 1)", "80" },
        { "programs()", "3" },
        { "min(4)", "4" },
        { "max(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)", "12" },
    };
    RUN_ROWS(rows);
}
END_TEST

START_TEST(builtins)
{
    static const struct row rows[] = {
        { "min(3, 1, 2)", "1" },
        { "max(3, 1, 2)", "3" },
        { "min(-1, -2)", "-2" },
        { "abs(-2.5)", "2.5" },
        { "abs(2)", "2" },
        { "round(2.5)", "3" },
        { "round(-2.5)", "-3" },            /* half away from zero */
        { "round(2.4)", "2" },
        { "round(2.675, 2)", "2.68" },      /* not 2.67 (binary) */
        { "round(-2.675, 2)", "-2.68" },
        { "round(1234.5, -2)", "1200" },
        { "round(1250, -2)", "1300" },
        { "round(83.33333333, 1)", "83.3" },
        { "round(-0.4)", "0" },
        { "max(kpi(\"csat\"), target(\"csat\")) - min(80, 90)", "7.5" },
    };
    RUN_ROWS(rows);
}
END_TEST

START_TEST(host_errors)
{
    static const struct row rows[] = {
        { "kpi(1) > 0", "error: kpi(1): metric must be a string" },
        { "evidence(true)", "error: evidence(true): kind must be a string" },
        { "kpi(\"boom\")", "error: kpi(\"boom\"): exploded" },
        { "1 + kpi(\"csat\", \"x\" + 1)",
          "error: \"+\" needs numbers, got string \"x\"" },
    };
    RUN_ROWS(rows);
}
END_TEST

/* "(((...1...)))" with n pairs, or a prefix repeated n times. */
static char *nested(const char *open, const char *mid, const char *close,
                    size_t n)
{
    struct strbuf sb = STRBUF_INIT;
    size_t i;

    for (i = 0; i < n; i++)
        strbuf_adds(&sb, open);
    strbuf_adds(&sb, mid);
    for (i = 0; i < n; i++)
        strbuf_adds(&sb, close);
    return strbuf_detach(&sb);
}

START_TEST(depth_limit)
{
    static const struct {
        const char *open, *mid, *close;
        size_t n;
        const char *want;
    } rows[] = {
        { "(", "1", ")", EXPR_MAX_DEPTH, "1" },
        { "(", "1", ")", EXPR_MAX_DEPTH + 1, "compile error: 1:65: "
          "expression is nested too deeply (more than 64 levels)" },
        { "(", "1", ")", 10000, "compile error: 1:65: expression is "
          "nested too deeply (more than 64 levels)" },
        { "(", "1", "", 10000, "compile error: 1:65: expression is "
          "nested too deeply (more than 64 levels)" },
        { "not ", "true", "", EXPR_MAX_DEPTH, "true" },
        { "not ", "true", "", 100000, "compile error: 1:257: expression "
          "is nested too deeply (more than 64 levels)" },
        { "-", "1", "", 100000, "compile error: 1:65: expression is "
          "nested too deeply (more than 64 levels)" },
        { "abs(", "1", ")", EXPR_MAX_DEPTH, "1" },
        { "abs(", "-1", ")", EXPR_MAX_DEPTH, "compile error: 1:257: "
          "expression is nested too deeply (more than 64 levels)" },
        { "abs(", "-1", ")", 100000, "compile error: 1:260: expression "
          "is nested too deeply (more than 64 levels)" },
        { "(not -", "1", ")", 100000, "compile error: 1:128: expression "
          "is nested too deeply (more than 64 levels)" },
    };
    struct facts f;
    size_t i;

    load_facts(&f);
    for (i = 0; i < ARRAY_LEN(rows); i++) {
        char *text = nested(rows[i].open, rows[i].mid, rows[i].close,
                            rows[i].n);
        struct strbuf got = STRBUF_INIT;
        outcome(&f, text, &got, NULL);
        ck_assert_msg(strcmp(strbuf_cstr(&got), rows[i].want) == 0,
                      "row %zu: got %s", i, strbuf_cstr(&got));
        strbuf_free(&got);
        free(text);
    }
    facts_free(&f);
}
END_TEST

/* Long flat chains are lists, not deep trees: no limit, no recursion. */
START_TEST(flat_chains_are_not_deep)
{
    static const struct {
        const char *first, *rest;
        size_t n;
        const char *want;
    } rows[] = {
        { "1", " + 1", 99999, "100000" },
        { "1", " * 1", 100000, "1" },
        { "true", " and true", 100000, "true" },
        { "false", " or kpi(\"aht\") = 1", 10000, "no data" },
        { "1", ", 1", 10000, NULL },        /* min(1, 1, ...) below */
    };
    struct facts f;
    size_t i, j;

    load_facts(&f);
    for (i = 0; i < ARRAY_LEN(rows); i++) {
        struct strbuf text = STRBUF_INIT, got = STRBUF_INIT;
        if (!rows[i].want)
            strbuf_adds(&text, "min(");
        strbuf_adds(&text, rows[i].first);
        for (j = 0; j < rows[i].n; j++)
            strbuf_adds(&text, rows[i].rest);
        if (!rows[i].want)
            strbuf_adds(&text, ")");
        outcome(&f, strbuf_cstr(&text), &got, NULL);
        ck_assert_str_eq(strbuf_cstr(&got),
                         rows[i].want ? rows[i].want : "1");
        strbuf_free(&text);
        strbuf_free(&got);
    }
    facts_free(&f);
}
END_TEST

START_TEST(trace_text)
{
    static const struct row rows[] = {
        { "kpi(\"csat\") >= 85 and target(\"csat\") >= 80",
          "kpi(\"csat\") = 87.5; target(\"csat\") = 85; 87.5 >= 85 and "
          "85 >= 80 -> true" },
        { "kpi(\"aht\") <= 300",
          "kpi(\"aht\") = no data; no data <= 300 -> no data" },
        { "kpi(\"csat\") >= 90 and kpi(\"boom\") > 1",
          "kpi(\"csat\") = 87.5; 87.5 >= 90 and ... -> false" },
        { "true or kpi(\"boom\") > 1 or false", "true or ... -> true" },
        { "kpi(\"csat\") > 80 and kpi(\"csat\") < 90",
          "kpi(\"csat\") = 87.5; 87.5 > 80 and 87.5 < 90 -> true" },
        { "kpi(\"csat\") > kpi(\"csat\", 1)",
          "kpi(\"csat\") = 87.5; kpi(\"csat\", 1) = 80; 87.5 > 80 -> true" },
        { "(kpi(\"csat\") - target(\"csat\")) / 2 > 1",
          "kpi(\"csat\") = 87.5; target(\"csat\") = 85; (87.5 - 85) / 2 > 1 "
          "-> true" },
        { "round(kpi(\"csat\") / 3, 1)",
          "kpi(\"csat\") = 87.5; round(87.5 / 3, 1) -> 29.2" },
        { "kpi(\"csat\") / 3", "kpi(\"csat\") = 87.5; 87.5 / 3 -> 29.166667" },
        { "not (channel() = \"chat\")",
          "channel() = \"voice\"; not (\"voice\" = \"chat\") -> true" },
        { "-kpi(\"csat\") < 0 and - -1 = 1",
          "kpi(\"csat\") = 87.5; -87.5 < 0 and - -1 = 1 -> true" },
        { "kpi(\"csat\", programs() - 2) = 80",
          "programs() = 3; kpi(\"csat\", 1) = 80; 80 = 80 -> true" },
        { "1 + 1 = 2", "1 + 1 = 2 -> true" },
        { "kpi(\"boom\") > 1",
          "error: kpi(\"boom\"): exploded" },
        { "kpi(\"csat\") > 1 and kpi(\"boom\") > 1",
          "kpi(\"csat\") = 87.5; error: kpi(\"boom\"): exploded" },
        { "kpi(\"aht\") + 1 > 2 or 0.5 > 1",
          "kpi(\"aht\") = no data; no data + 1 > 2 or 0.5 > 1 -> no data" },
    };
    struct strbuf fails = STRBUF_INIT;
    struct facts f;
    size_t i;

    load_facts(&f);
    for (i = 0; i < ARRAY_LEN(rows); i++) {
        struct strbuf got = STRBUF_INIT, trace = STRBUF_INIT;
        outcome(&f, rows[i].expr, &got, &trace);
        if (strcmp(strbuf_cstr(&trace), rows[i].want) != 0)
            strbuf_printf(&fails, "\n  %s\n    want %s\n    got  %s",
                          rows[i].expr, rows[i].want, strbuf_cstr(&trace));
        ck_assert_msg(strchr(strbuf_cstr(&trace), '\n') == NULL,
                      "trace has a newline: %s", strbuf_cstr(&trace));
        strbuf_free(&got);
        strbuf_free(&trace);
    }
    facts_free(&f);
    ck_assert_msg(fails.len == 0, "mismatches:%s", strbuf_cstr(&fails));
    strbuf_free(&fails);
}
END_TEST

START_TEST(value_format)
{
    static const struct {
        struct expr_value v;
        const char *want;
    } rows[] = {
        { { EV_NUM, 0, 80, NULL }, "80" },
        { { EV_NUM, 0, 250.0 / 3, NULL }, "83.333333" },
        { { EV_NUM, 0, 0.5, NULL }, "0.5" },
        { { EV_NUM, 0, -12.25, NULL }, "-12.25" },
        { { EV_NUM, 0, 1e-7, NULL }, "0" },
        { { EV_NUM, 0, -1e-7, NULL }, "0" },
        { { EV_NUM, 0, 0.000001, NULL }, "0.000001" },
        { { EV_NUM, 0, 1e15, NULL }, "1000000000000000" },
        { { EV_NUM, 0, 2.0000004, NULL }, "2" },
        { { EV_STR, 0, 0, "voice" }, "\"voice\"" },
        { { EV_STR, 0, 0, "a\"b\\c" }, "\"a\\\"b\\\\c\"" },
        { { EV_STR, 0, 0, "two\nlines" }, "\"two\\nlines\"" },
        { { EV_STR, 0, 0, NULL }, "\"\"" },
        { { EV_BOOL, 1, 0, NULL }, "true" },
        { { EV_BOOL, 0, 0, NULL }, "false" },
        { { EV_NODATA, 0, 0, NULL }, "no data" },
    };
    size_t i;

    for (i = 0; i < ARRAY_LEN(rows); i++) {
        struct strbuf sb = STRBUF_INIT;
        strbuf_adds(&sb, "x=");             /* appends, never replaces */
        expr_value_format(&rows[i].v, &sb);
        ck_assert_msg(strcmp(strbuf_cstr(&sb) + 2, rows[i].want) == 0,
                      "row %zu: got %s", i, strbuf_cstr(&sb));
        strbuf_free(&sb);
    }
}
END_TEST

START_TEST(api_edges)
{
    struct arena *a = arena_new();
    struct strbuf err = STRBUF_INIT, trace = STRBUF_INIT;
    struct expr_value v;
    struct expr_diag d;
    struct expr *e;

    /* Built-ins only: no function table, no host. */
    e = expr_compile(a, "max(1, 2) * 2", NULL, NULL);
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(expr_text(e), "max(1, 2) * 2");
    ck_assert_int_eq(expr_eval(e, NULL, &v, NULL, NULL), 0);
    ck_assert_int_eq(v.type, EV_NUM);
    ck_assert_double_eq(v.num, 4);

    /* Without a table, fact functions are unknown. */
    ck_assert_ptr_null(expr_compile(a, "kpi(\"csat\")", NULL, &d));
    ck_assert_str_eq(strbuf_cstr(&d.msg), "unknown function \"kpi\"");
    strbuf_free(&d.msg);
    ck_assert_ptr_null(expr_compile(a, NULL, NULL, &d));
    ck_assert_str_eq(strbuf_cstr(&d.msg), "expression is empty");
    strbuf_free(&d.msg);

    /* A host function with no host is an error, not a crash. */
    e = expr_compile(a, "kpi(\"csat\") > 1", fact_functions, &d);
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(expr_eval(e, NULL, &v, &err, NULL), -1);
    ck_assert_str_eq(strbuf_cstr(&err),
                     "kpi(\"csat\"): no host provides this function");

    /* err and trace are appended to, never replaced. */
    strbuf_truncate(&err, 0);
    strbuf_adds(&err, "earlier; ");
    strbuf_adds(&trace, "rule 1.2/3: ");
    e = expr_compile(a, "1 + true", NULL, NULL);
    ck_assert_int_eq(expr_eval(e, NULL, &v, &err, &trace), -1);
    ck_assert_str_eq(strbuf_cstr(&err),
                     "earlier; \"+\" needs numbers, got boolean true");
    ck_assert_str_eq(strbuf_cstr(&trace),
                     "rule 1.2/3: error: \"+\" needs numbers, got boolean "
                     "true");

    strbuf_free(&err);
    strbuf_free(&trace);
    arena_free(a);
}
END_TEST

/*
 * A host answering f(...) with 100 * id + nargs + first argument, t()
 * with a C-style true of 5, s() with a string of NULL and bad() with
 * a type that does not exist.
 */
static int echo_call(void *ctx, int id, const struct expr_value *args,
                     size_t nargs, struct expr_value *out,
                     struct strbuf *err)
{
    (void)ctx;
    (void)err;
    if (id == 1) {
        out->type = EV_BOOL;
        out->b = 5;
    } else if (id == 2) {
        out->type = EV_STR;
        out->str = NULL;
    } else if (id == 3) {
        out->type = (enum expr_type)42;
    } else {
        out->type = EV_NUM;
        out->num = id * 100 + (double)nargs + (nargs ? args[0].num : 0);
    }
    return 0;
}

START_TEST(host_ids_values_and_reserved_names)
{
    static const struct expr_func funcs[] = {
        { "f", 0, -1, 7 }, { "min", 0, 0, 9 }, { "t", 0, 0, 1 },
        { "s", 0, 0, 2 }, { "bad", 0, 0, 3 }, { NULL, 0, 0, 0 },
    };
    static const char *const truthy[] = {
        "t() or false", "false or t()", "t() and true", "not t() = false",
        "t() = true", "s() = \"\"",
    };
    size_t i;
    struct expr_host host = { funcs, echo_call, NULL };
    struct strbuf err = STRBUF_INIT;
    struct arena *a = arena_new();
    struct expr_value v;
    struct expr *e;

    e = expr_compile(a, "f(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)", funcs, NULL);
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(expr_eval(e, &host, &v, NULL, NULL), 0);
    ck_assert_double_eq(v.num, 711);
    /* Built-in names are reserved: min is still the built-in. */
    e = expr_compile(a, "min(3, 2)", funcs, NULL);
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(expr_eval(e, &host, &v, NULL, NULL), 0);
    ck_assert_double_eq(v.num, 2);
    /* Host values are normalised: true is any non-zero int. */
    for (i = 0; i < ARRAY_LEN(truthy); i++) {
        e = expr_compile(a, truthy[i], funcs, NULL);
        ck_assert_ptr_nonnull(e);
        ck_assert_int_eq(expr_eval(e, &host, &v, NULL, NULL), 0);
        ck_assert_msg(v.type == EV_BOOL && v.b == 1, "%s", truthy[i]);
    }
    e = expr_compile(a, "bad() = 1", funcs, NULL);
    ck_assert_int_eq(expr_eval(e, &host, &v, &err, NULL), -1);
    ck_assert_str_eq(strbuf_cstr(&err),
                     "bad(): returned a value of unknown type 42");
    strbuf_free(&err);
    arena_free(a);
}
END_TEST

static Suite *expr_suite(void)
{
    Suite *s = suite_create("expr");
    TCase *tc = tcase_create("core");

    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, precedence);
    tcase_add_test(tc, associativity);
    tcase_add_test(tc, kleene_truth_tables);
    tcase_add_test(tc, short_circuit);
    tcase_add_test(tc, no_data_propagates);
    tcase_add_test(tc, division_by_zero);
    tcase_add_test(tc, type_errors);
    tcase_add_test(tc, number_equality_tolerance);
    tcase_add_test(tc, error_positions);
    tcase_add_test(tc, utf8_columns);
    tcase_add_test(tc, strings_and_escapes);
    tcase_add_test(tc, arity);
    tcase_add_test(tc, builtins);
    tcase_add_test(tc, host_errors);
    tcase_add_test(tc, depth_limit);
    tcase_add_test(tc, flat_chains_are_not_deep);
    tcase_add_test(tc, trace_text);
    tcase_add_test(tc, value_format);
    tcase_add_test(tc, api_edges);
    tcase_add_test(tc, host_ids_values_and_reserved_names);
    suite_add_tcase(s, tc);
    return s;
}

CG_TEST_MAIN(expr_suite)
