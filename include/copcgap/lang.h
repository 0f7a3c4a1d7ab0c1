/*
 * lang.h — one language table: every word a user reads, as templates
 * with named parameters, and how the language writes numbers and dates
 * (core; the table is read from templates/<code>.lang by lang_load(),
 * lang_load.h; the format is in docs/languages.md).
 *
 * A template is text with placeholders:
 *   {name}            the argument, formatted by its type (msg.h): a
 *                     number rounded for reading with the language's
 *                     decimal sign, a date in the language's form, a key
 *                     of the table looked up, a list joined by @list.sep
 *   {name:N}          a number (or percentage) with up to N decimals
 *   {name:=N}         ... with exactly N decimals
 *   {name:+N}         ... with a sign even when positive ("+1.5")
 *   {name:SEP}        a list joined by SEP instead
 *   {name|one|other}  plural choice on a number or a list's length
 *                     (# in a choice is the formatted number);
 *   {name|zero|one|other}  the same with its own text for zero
 *   {?name|yes|no}    choice on whether the argument is present (and not
 *                     empty); "|no" may be left out
 *   \{ \} \| \\       a literal brace, bar or backslash
 * Choices may hold placeholders.  Keys starting with '@' are settings:
 * @decimal, @group, @percent, @date, @month, @months, @list.sep, @plural.
 *
 * A key missing from a table falls back to the table's fallback (English)
 * and then shows as "[key]", so that a gap is visible rather than silent;
 * tests check that every table has every key.
 */
#ifndef COPCGAP_LANG_H
#define COPCGAP_LANG_H

#include <stddef.h>

#include "copcgap/arena.h"
#include "copcgap/date.h"
#include "copcgap/msg.h"
#include "copcgap/strbuf.h"

struct lang;

/* An empty table for `code` ("en"); entries are added with lang_set. */
struct lang *lang_new(const char *code);
void lang_free(struct lang *L);

/*
 * Add or replace an entry (copied).  Returns 0 when the key was already
 * there (the caller reports a duplicate), 1 otherwise.
 */
int lang_set(struct lang *L, const char *key, const char *value);

/* The table used when a key is missing (may be NULL); with `own`,
 * lang_free(L) frees it too. */
void lang_set_fallback(struct lang *L, struct lang *fallback, int own);

const char *lang_code(const struct lang *L);

/* The raw template of a key in this table only, or NULL. */
const char *lang_get(const struct lang *L, const char *key);

/* Every key of the table, sorted (malloc'd array; free it). */
const char **lang_keys(const struct lang *L, size_t *n);

/*
 * Check a template's syntax (balanced braces, known formats).  Returns
 * NULL when it is well formed, else a static message naming the problem
 * (loaders report it with the file and line).
 */
const char *lang_check_template(const char *tmpl);

/* Append the message in this language. */
void lang_format(const struct lang *L, const struct msg *m,
                 struct strbuf *out);
/* The same, as a string in the arena. */
const char *lang_msg(const struct lang *L, struct arena *a,
                     const struct msg *m);
/* A key without arguments (a label), as a string in the arena. */
const char *lang_str(const struct lang *L, struct arena *a, const char *key);

/* Numbers, percentages and dates written the language's way. */
void lang_number(const struct lang *L, double v, int decimals, int exact,
                 struct strbuf *out);
/* A fraction 0-1 as a percentage with one decimal ("44.7 %"). */
void lang_percent(const struct lang *L, double fraction, int decimals,
                  struct strbuf *out);
const char *lang_pct_str(const struct lang *L, struct arena *a,
                         double fraction);
const char *lang_date_str(const struct lang *L, struct arena *a, cg_day d);
const char *lang_month_str(const struct lang *L, struct arena *a,
                           cg_month m);
const char *lang_num_str(const struct lang *L, struct arena *a, double v,
                         int decimals);
/* The month's short name alone ("Oct", "oct"): @months. */
const char *lang_month_abbr(const struct lang *L, struct arena *a,
                            cg_month m);

#endif
