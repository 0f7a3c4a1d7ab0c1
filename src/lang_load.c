/*
 * lang_load.c — reading a language table, templates/<code>.lang (edges;
 * the format is in docs/languages.md, the model in lang.h).
 *
 *   # a comment
 *   key = template
 *   @list.sep = "; "         (quotes keep leading or trailing spaces)
 *
 * The file is looked up like every shipped data file (datadir.h): a
 * user may add or edit a language without rebuilding.  English and
 * Spanish are also compiled into the binary, so that a misplaced data
 * directory never leaves a report without words.  Every table but
 * English falls back to English for a key it lacks (tests make sure none
 * lacks any).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copcgap/datadir.h"
#include "copcgap/embedded.h"
#include "copcgap/lang.h"
#include "copcgap/load.h"
#include "copcgap/utf8.h"

/* A language table is a few hundred short lines. */
#define LANG_MAX_BYTES ((size_t)1 << 20)

static int key_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-' ||
           c == '@' || c == '/';
}

static const char *trim(const char *s, const char *e, const char **end)
{
    while (s < e && (*s == ' ' || *s == '\t'))
        s++;
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
        e--;
    *end = e;
    return s;
}

struct lang *lang_parse(const char *text, size_t len, const char *display,
                        const char *code, struct cg_errors *errs)
{
    struct lang *L = lang_new(code);
    const char *p = text, *end = text + len;
    size_t before = errors_count(errs), bad;
    long line = 0;

    if ((bad = utf8_check(text, len)) < len) {
        long l = 1;
        const char *q;
        for (q = text; q < text + bad; q++)
            l += *q == '\n';
        errors_add(errs, CG_ERR_INPUT, display, l, 0,
                   "invalid UTF-8 (byte %zu of the file)", bad + 1);
        lang_free(L);
        return NULL;
    }
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end, *ls = p, *k, *ke, *v, *ve, *eq, *q;
        char *key, *value;
        const char *why;

        line++;
        k = trim(p, le, &ke);
        p = nl ? nl + 1 : end;
        if (k == ke || *k == '#')
            continue;
        eq = memchr(k, '=', (size_t)(ke - k));
        if (!eq) {
            errors_add(errs, CG_ERR_INPUT, display, line, 1,
                       "expected key = text");
            continue;
        }
        k = trim(k, eq, &q);
        ke = q;
        v = trim(eq + 1, le, &ve);
        if (ve - v >= 2 && *v == '"' && ve[-1] == '"') {
            v++;
            ve--;
        }
        for (q = k; q < ke; q++)
            if (!key_char(*q))
                break;
        if (k == ke || q < ke) {
            errors_add(errs, CG_ERR_INPUT, display, line, 1,
                       "a key is letters, digits and . _ - @ / only");
            continue;
        }
        key = xstrndup(k, (size_t)(ke - k));
        value = xstrndup(v, (size_t)(ve - v));
        if ((why = lang_check_template(value)) != NULL)
            errors_add(errs, CG_ERR_INPUT, display, line, (long)(v - ls) + 1,
                       "%s: the text %s", key, why);
        else if (!lang_set(L, key, value))
            errors_add(errs, CG_ERR_INPUT, display, line, 1,
                       "key \"%s\" is given twice", key);
        free(key);
        free(value);
    }
    if (errors_count(errs) != before) {
        lang_free(L);
        return NULL;
    }
    return L;
}

/* ll or ll-XX: letters, digits and one hyphen; never a path. */
static int valid_code(const char *code)
{
    size_t i, n = strlen(code);
    if (n < 2 || n > 12)
        return 0;
    for (i = 0; i < n; i++) {
        char c = code[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || (c == '-' && i >= 2)))
            return 0;
    }
    return 1;
}

/* The text of <code>.lang: the data directory's file, else the copy in
 * the binary.  malloc'd; NULL when neither exists (or a read error). */
static char *read_table(const char *code, char **display, size_t *len,
                        struct cg_errors *errs)
{
    struct strbuf name = STRBUF_INIT;
    const struct embedded_file *e;
    char *path, *buf = NULL;
    FILE *fp;

    strbuf_printf(&name, "%s.lang", code);
    path = datadir_find(name.buf, "templates");
    if (path) {
        size_t n = 0, cap = 0;
        fp = fopen(path, "rb");
        if (!fp) {
            errors_add(errs, CG_ERR_IO, path, 0, 0, "cannot open: %s",
                       strerror(errno));
            free(path);
            strbuf_free(&name);
            return NULL;
        }
        for (;;) {
            size_t got;
            VEC_RESERVE(buf, cap, n + 65536 + 1);
            got = fread(buf + n, 1, 65536, fp);
            n += got;
            if (got == 0 || n > LANG_MAX_BYTES)
                break;
        }
        if (ferror(fp) || n > LANG_MAX_BYTES) {
            errors_add(errs, ferror(fp) ? CG_ERR_IO : CG_ERR_INPUT, path,
                       0, 0, ferror(fp) ? "read error" :
                       "larger than a language table can be (1 MiB)");
            fclose(fp);
            free(buf);
            free(path);
            strbuf_free(&name);
            return NULL;
        }
        fclose(fp);
        buf[n] = '\0';
        *len = n;
        *display = path;
    } else if ((e = embedded_find(name.buf)) != NULL) {
        buf = xmalloc(e->len + 1);
        memcpy(buf, e->data, e->len);
        buf[e->len] = '\0';
        *len = e->len;
        *display = strbuf_detach(&name);
    }
    strbuf_free(&name);
    return buf;
}

static struct lang *load_one(const char *code, struct cg_errors *errs)
{
    char *display = NULL, *text;
    size_t len = 0;
    struct lang *L;

    text = read_table(code, &display, &len, errs);
    if (!text) {
        if (errors_count(errs) == 0)
            errors_add(errs, CG_ERR_INPUT, NULL, 0, 0,
                       "no language table for \"%s\" (templates/%s.lang)",
                       code, code);
        free(display);
        return NULL;
    }
    L = lang_parse(text, len, display, code, errs);
    free(text);
    free(display);
    return L;
}

struct lang *lang_load(const char *code, struct cg_errors *errs)
{
    struct lang *L, *en;

    if (!valid_code(code)) {
        errors_add(errs, CG_ERR_INPUT, NULL, 0, 0,
                   "\"%s\" is not a language code (such as en or es)",
                   code);
        return NULL;
    }
    L = load_one(code, errs);
    if (!L || strcmp(code, "en") == 0)
        return L;
    en = load_one("en", errs);
    if (!en) {
        lang_free(L);
        return NULL;
    }
    lang_set_fallback(L, en, 1);
    return L;
}
