/*
 * msg.h — language-neutral text (core).
 *
 * A message is a key of the language table (templates/<lang>.lang) with
 * named, typed arguments: `rule.metric.program` with program = "voice",
 * pass = 4, required = 6, ...  The core builds messages for everything a
 * person reads (rule traces and detail lines, not-applicable reasons,
 * at-risk reasons, SMART actions); renderers turn them into words in the
 * reader's language with lang_format() (lang.h), and JSON keeps the key
 * and the arguments as machine values.  The model therefore holds no
 * prose of its own.
 *
 * Arguments keep their type so that each language formats them its own
 * way (44.7 % or 44,7 %; 31 Oct 2026 or 31/10/2026).  Text that comes
 * from people (titles in the register, notes, names) is MSG_TEXT and is
 * never translated; ids, file names and codes are MSG_ID; a catalogue
 * text with language variants is MSG_I18N, picked at rendering time.
 *
 * Memory: messages live in the arena given to msg_new(); nothing to free.
 */
#ifndef COPCGAP_MSG_H
#define COPCGAP_MSG_H

#include <stddef.h>

#include "copcgap/arena.h"
#include "copcgap/date.h"
#include "copcgap/model.h"

enum msg_type {
    MSG_TEXT,           /* words a person wrote: verbatim */
    MSG_ID,             /* an id, code, metric or file name: verbatim */
    MSG_I18N,           /* a catalogue text with language variants */
    MSG_INT,            /* a count */
    MSG_NUM,            /* a measured value (rounded for reading) */
    MSG_PCT,            /* a fraction 0-1 shown as a percentage */
    MSG_DATE,
    MSG_MONTH,
    MSG_KEY,            /* another key of the table (a status, a unit);
                           with a fallback shown when the table lacks it
                           (a catalogue's own evidence kinds) */
    MSG_MSG,            /* a nested message */
    MSG_LIST            /* messages joined by the language's separator */
};

struct msg;

struct msg_arg {
    const char *name;
    enum msg_type type;
    union {
        const char *s;              /* TEXT, ID */
        struct {
            const char *key;
            const char *fallback;   /* NULL: show the key missing */
        } k;                        /* KEY */
        const struct i18n *t;       /* I18N */
        long long i;                /* INT */
        double d;                   /* NUM, PCT */
        cg_day day;                 /* DATE */
        cg_month month;             /* MONTH */
        const struct msg *m;        /* MSG */
        struct {
            const struct msg **v;
            size_t n, cap;
        } list;                     /* LIST */
    } u;
};

struct msg {
    const char *key;
    struct msg_arg *args;
    size_t nargs, cap;
};

/* A message for `key` with no arguments yet. */
struct msg *msg_new(struct arena *a, const char *key);

/*
 * Add an argument; each returns m so that calls chain.  Adding a name
 * twice replaces the value (the last one wins).  Strings are not copied:
 * they must live at least as long as the arena (model strings do).
 */
struct msg *msg_text(struct arena *a, struct msg *m, const char *name,
                     const char *s);
struct msg *msg_id(struct arena *a, struct msg *m, const char *name,
                   const char *s);
struct msg *msg_i18n(struct arena *a, struct msg *m, const char *name,
                     const struct i18n *t);
struct msg *msg_int(struct arena *a, struct msg *m, const char *name,
                    long long v);
struct msg *msg_num(struct arena *a, struct msg *m, const char *name,
                    double v);
struct msg *msg_pct(struct arena *a, struct msg *m, const char *name,
                    double fraction);
struct msg *msg_date(struct arena *a, struct msg *m, const char *name,
                     cg_day d);
struct msg *msg_month(struct arena *a, struct msg *m, const char *name,
                      cg_month mo);
struct msg *msg_key(struct arena *a, struct msg *m, const char *name,
                    const char *key);
/* A term: key prefix + word ("kind." + "policy"), shown as the word
 * itself when the table has no such key. */
struct msg *msg_term(struct arena *a, struct msg *m, const char *name,
                     const char *prefix, const char *word);
struct msg *msg_sub(struct arena *a, struct msg *m, const char *name,
                    const struct msg *sub);
/* Append `item` to the list argument `name` (created empty if absent). */
struct msg *msg_append(struct arena *a, struct msg *m, const char *name,
                       const struct msg *item);
/* Make sure the list argument `name` exists, even when empty. */
struct msg *msg_list(struct arena *a, struct msg *m, const char *name);

/* The argument of that name, or NULL. */
const struct msg_arg *msg_get(const struct msg *m, const char *name);

/* Number of items of a list argument (0 when absent). */
size_t msg_list_len(const struct msg *m, const char *name);

/* 1 when two messages say the same: the same key and the same arguments,
 * in the same order, with the same types and values (NULL equals NULL). */
int msg_equal(const struct msg *a, const struct msg *b);

#endif
