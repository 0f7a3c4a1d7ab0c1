/*
 * xmlsafe.c — safe XML parsing and schema validation (see xmlsafe.h).
 *
 * Three layers of defence, each enough on its own for our inputs:
 *  1. parser options: XML_PARSE_NONET, and never NOENT / DTDLOAD /
 *     DTDATTR / HUGE, so entities are not substituted and no DTD is read;
 *  2. a SAX hook that stops the parser at the start of any DOCTYPE,
 *     before a single entity declaration is read;
 *  3. a process-wide external entity loader that serves only the schemas
 *     compiled into the binary and refuses every other URL or path.
 * Before any of that, the file is read through infile_open (a regular
 * file, at most XML_MAX_BYTES) and its shape is bounded by a linear scan
 * (prescan below), because some of libxml2's costs grow faster than the
 * file.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

#include "copcgap/embedded.h"
#include "copcgap/infile.h"
#include "copcgap/load.h"
#include "copcgap/xmlsafe.h"

struct xml_state {
    const char *path;
    struct cg_errors *errs;
    int doctype;
    int refused;
    size_t nerrors;
};

static struct xml_state *current;   /* the parse in progress, for hooks */

static void ignore_generic(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

/* Values libxml2 quotes in a message ('...') are cut to this many bytes:
 * a schema error about a 6000-character attribute quoted all of it. */
#define QUOTED_MAX 60

/* Append msg with every '...' longer than QUOTED_MAX cut (at a UTF-8
 * character boundary) and marked with "...". */
static void add_cut_quotes(struct strbuf *sb, const char *msg)
{
    const char *p = msg;

    while (*p) {
        const char *open = strchr(p, '\''), *close;
        size_t n;
        if (!open || !(close = strchr(open + 1, '\''))) {
            strbuf_adds(sb, p);
            return;
        }
        strbuf_add(sb, p, (size_t)(open - p) + 1);
        n = (size_t)(close - open - 1);
        if (n > QUOTED_MAX) {
            n = QUOTED_MAX;
            while (n > 0 && ((unsigned char)open[1 + n] & 0xC0) == 0x80)
                n--;
            strbuf_add(sb, open + 1, n);
            strbuf_adds(sb, "...");
        } else {
            strbuf_add(sb, open + 1, n);
        }
        strbuf_addc(sb, '\'');
        p = close + 1;
    }
}

/* Trim libxml2's trailing newline and lowercase its first letter. */
static void add_libxml_error(struct xml_state *st, const xmlError *e)
{
    struct strbuf sb = STRBUF_INIT;
    long line = e->line, col = e->int2;

    if (e->message)
        add_cut_quotes(&sb, e->message);
    while (sb.len && (sb.buf[sb.len - 1] == '\n' || sb.buf[sb.len - 1] == ' '))
        strbuf_truncate(&sb, sb.len - 1);
    /* One error, one line: libxml2 sometimes adds a second one. */
    for (size_t i = 0; i < sb.len; i++)
        if (sb.buf[i] == '\n')
            sb.buf[i] = ' ';
    if (sb.len > 1 && sb.buf[0] >= 'A' && sb.buf[0] <= 'Z' &&
        sb.buf[1] >= 'a' && sb.buf[1] <= 'z')
        sb.buf[0] = (char)(sb.buf[0] - 'A' + 'a');
    if (e->node && e->domain == XML_FROM_SCHEMASV)
        line = xmlGetLineNo((xmlNodePtr)e->node);
    if (e->domain == XML_FROM_SCHEMASV)
        col = 0;            /* schema errors locate elements, not columns */
    errors_add(st->errs, CG_ERR_INPUT, st->path, line > 0 ? line : 0,
               col > 0 ? col : 0, "%s", strbuf_cstr(&sb));
    strbuf_free(&sb);
    st->nerrors++;
}

static void on_structured_error(void *ctx, xmlErrorPtr e)
{
    struct xml_state *st = ctx;

    if (!st || !e || e->level < XML_ERR_ERROR)
        return;
    /* After a refused DOCTYPE the parser reports its own stop: noise. */
    if (st->doctype || st->refused)
        return;
    add_libxml_error(st, e);
}

static void on_internal_subset(void *ctx, const xmlChar *name,
                               const xmlChar *external_id,
                               const xmlChar *system_id)
{
    xmlParserCtxtPtr ctxt = ctx;
    struct xml_state *st = current;

    (void)name;
    (void)external_id;
    (void)system_id;
    if (st && !st->doctype) {
        st->doctype = 1;
        errors_add(st->errs, CG_ERR_INPUT, st->path,
                   ctxt->input ? ctxt->input->line : 0, 0,
                   "DOCTYPE declarations are not allowed (no DTDs or "
                   "entities are read, for safety)");
    }
    xmlStopParser(ctxt);
}

static xmlParserInputPtr safe_entity_loader(const char *url, const char *id,
                                            xmlParserCtxtPtr ctxt)
{
    const struct embedded_file *f = NULL;
    const char *base;

    (void)id;
    if (url) {
        base = strrchr(url, '/');
        base = base ? base + 1 : url;
        /* Only bare names: "xml.xsd", never a path or a URL. */
        if (base == url)
            f = embedded_find(base);
    }
    if (f)
        return xmlNewStringInputStream(ctxt, f->data);
    if (current && !current->refused) {
        current->refused = 1;
        errors_add(current->errs, CG_ERR_INPUT, current->path, 0, 0,
                   "external resource %s refused (copcgap never loads "
                   "external files or URLs from XML)", url ? url : "(none)");
    }
    return NULL;
}

static void xml_init_once(void)
{
    static int done;
    if (done)
        return;
    done = 1;
    xmlInitParser();
    xmlSetExternalEntityLoader(safe_entity_loader);
    xmlSetGenericErrorFunc(NULL, ignore_generic);
}

/* The whole file, through infile_open (regular files only, never
 * blocking, at most XML_MAX_BYTES). */
static char *read_all(const char *path, size_t *len,
                      struct file_digest *fd_out, struct cg_errors *errs)
{
    struct strbuf sb = STRBUF_INIT;
    char chunk[65536];
    long long n;
    int fd = infile_open(path, path, "an XML file", XML_MAX_BYTES, 0, NULL,
                         errs);

    if (fd < 0)
        return NULL;
    while ((n = infile_read(fd, chunk, sizeof chunk)) > 0) {
        if (sb.len + (size_t)n > (size_t)XML_MAX_BYTES) {
            struct strbuf lim = STRBUF_INIT;
            infile_size_text(XML_MAX_BYTES, &lim);
            errors_add(errs, CG_ERR_INPUT, path, 0, 0, "grew past %s, the "
                       "limit for an XML file (docs/limits.md), while being "
                       "read", lim.buf);
            strbuf_free(&lim);
            close(fd);
            strbuf_free(&sb);
            return NULL;
        }
        strbuf_add(&sb, chunk, (size_t)n);
    }
    if (n < 0) {
        errors_add(errs, CG_ERR_IO, path, 0, 0, "read error: %s",
                   strerror(errno));
        close(fd);
        strbuf_free(&sb);
        return NULL;
    }
    close(fd);
    *len = sb.len;
    if (fd_out) {
        struct digest d;
        digest_init(&d);
        digest_update(&d, sb.buf, sb.len);
        digest_hex(&d, fd_out->hex);
        fd_out->bytes = sb.len;
    }
    return strbuf_detach(&sb);
}

/* The end of the first `pat` at or after p (p itself when absent: the
 * parser reports the unterminated construct), counting newlines. */
static const char *skip_past(const char *p, const char *end,
                             const char *pat, long *line)
{
    size_t n = strlen(pat);
    const char *q = p;

    while (q + n <= end && memcmp(q, pat, n) != 0) {
        if (*q == '\n')
            (*line)++;
        q++;
    }
    return q + n <= end ? q + n : end;
}

/*
 * Bound the document's shape before parsing: elements in all, and
 * attributes per element (`=` outside quoted values in a start tag).
 * One pass, linear in the file.  Only well-formed markup matters: for
 * anything odd the scan gives up quietly and the parser reports it (a
 * DOCTYPE, for one, is refused by the parser with its own message).
 *
 * Why not a SAX start-element hook: it runs after libxml2 has parsed
 * the start tag, whose duplicate-attribute check is itself quadratic
 * (measured: 50 000 attributes still took 1 s to reach the hook).
 */
static int prescan(const char *buf, size_t len, const char *path,
                   struct cg_errors *errs)
{
    const char *p = buf, *end = buf + len;
    long line = 1, elements = 0;

    while (p < end) {
        const char *lt = memchr(p, '<', (size_t)(end - p));
        long attrs = 0, tag_line;
        const char *name;
        char quote = 0;

        if (!lt)
            break;
        for (; p < lt; p++)
            if (*p == '\n')
                line++;
        if (end - p >= 4 && memcmp(p, "<!--", 4) == 0) {
            p = skip_past(p + 4, end, "-->", &line);
            continue;
        }
        if (end - p >= 9 && memcmp(p, "<![CDATA[", 9) == 0) {
            p = skip_past(p + 9, end, "]]>", &line);
            continue;
        }
        if (end - p >= 2 && p[1] == '?') {
            p = skip_past(p + 2, end, "?>", &line);
            continue;
        }
        if (end - p >= 2 && p[1] == '!')
            return 1;               /* a DOCTYPE: the parser refuses it */
        if (end - p >= 2 && p[1] == '/') {
            p = skip_past(p + 2, end, ">", &line);
            continue;
        }
        tag_line = line;
        name = ++p;
        if (++elements > XML_MAX_ELEMENTS) {
            errors_add(errs, CG_ERR_INPUT, path, tag_line, 0, "more than %d "
                       "elements (docs/limits.md)", XML_MAX_ELEMENTS);
            return 0;
        }
        for (; p < end && (quote || *p != '>'); p++) {
            if (*p == '\n')
                line++;
            if (quote) {
                if (*p == quote)
                    quote = 0;
            } else if (*p == '"' || *p == '\'') {
                quote = *p;
            } else if (*p == '=' && ++attrs > XML_MAX_ATTRIBUTES) {
                size_t n = strcspn(name, " \t\r\n/>");
                /* Name the element only when it is a plain name. */
                if (n == 0 || n > 64 || strspn(name, "abcdefghijklmnopqrst"
                    "uvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.:-") < n)
                    n = 0;
                errors_add(errs, CG_ERR_INPUT, path, tag_line, 0,
                           "%s%.*s%s has more than %d attributes "
                           "(docs/limits.md)", n ? "<" : "an element",
                           (int)n, name, n ? ">" : "", XML_MAX_ATTRIBUTES);
                return 0;
            }
        }
    }
    return 1;
}

xmlDocPtr xml_read_mem(const char *buf, size_t len, const char *path,
                       struct cg_errors *errs)
{
    struct xml_state st = { path, errs, 0, 0, 0 };
    xmlParserCtxtPtr ctxt = NULL;
    xmlDocPtr doc = NULL;
    int opts = XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA;

    xml_init_once();
    /* libxml2 takes an int length: the cap keeps it in range. */
    _Static_assert(XML_MAX_BYTES <= 0x7fffffff, "XML_MAX_BYTES fits an int");
    if (len > (size_t)XML_MAX_BYTES) {
        errors_add(errs, CG_ERR_INPUT, path, 0, 0,
                   "file is larger than %ld bytes", XML_MAX_BYTES);
        return NULL;
    }
    if (!prescan(buf, len, path, errs))
        return NULL;
    ctxt = xmlNewParserCtxt();
    if (!ctxt) {
        errors_add(errs, CG_ERR_INTERNAL, path, 0, 0,
                   "cannot create XML parser");
        return NULL;
    }
    ctxt->sax->internalSubset = on_internal_subset;
    current = &st;
    xmlSetStructuredErrorFunc(&st, on_structured_error);
    doc = xmlCtxtReadMemory(ctxt, buf, (int)len, path, NULL, opts);
    xmlSetStructuredErrorFunc(NULL, NULL);
    current = NULL;
    if (doc && (st.doctype || st.refused || st.nerrors || !ctxt->wellFormed)) {
        xmlFreeDoc(doc);
        doc = NULL;
    }
    if (!doc && !st.doctype && !st.refused && st.nerrors == 0)
        errors_add(errs, CG_ERR_INPUT, path, 0, 0, "not well-formed XML");
    if (doc && !xmlDocGetRootElement(doc)) {
        errors_add(errs, CG_ERR_INPUT, path, 0, 0, "no root element");
        xmlFreeDoc(doc);
        doc = NULL;
    }
    xmlFreeParserCtxt(ctxt);
    return doc;
}

xmlDocPtr xml_read(const char *path, struct cg_errors *errs)
{
    return xml_read_digest(path, NULL, errs);
}

xmlDocPtr xml_read_digest(const char *path, struct file_digest *digest,
                          struct cg_errors *errs)
{
    xmlDocPtr doc;
    size_t len = 0;
    char *buf;

    xml_init_once();
    buf = read_all(path, &len, digest, errs);
    if (!buf)
        return NULL;
    doc = xml_read_mem(buf, len, path, errs);
    free(buf);
    return doc;
}

/* ------------------------------------------------------------- schemas */

struct cached_schema {
    const char *name;
    xmlSchemaPtr schema;
};

static struct cached_schema schemas[4];

static xmlSchemaPtr load_schema(const char *name, struct cg_errors *errs)
{
    const struct embedded_file *f;
    xmlSchemaParserCtxtPtr pctxt;
    xmlSchemaPtr schema;
    struct xml_state st = { name, errs, 0, 0, 0 };
    size_t i;

    for (i = 0; i < ARRAY_LEN(schemas); i++)
        if (schemas[i].name && strcmp(schemas[i].name, name) == 0)
            return schemas[i].schema;
    f = embedded_find(name);
    if (!f) {
        errors_add(errs, CG_ERR_INTERNAL, name, 0, 0,
                   "schema not compiled into this binary");
        return NULL;
    }
    current = &st;
    xmlSetStructuredErrorFunc(&st, on_structured_error);
    pctxt = xmlSchemaNewMemParserCtxt((const char *)f->data, (int)f->len);
    schema = pctxt ? xmlSchemaParse(pctxt) : NULL;
    xmlSetStructuredErrorFunc(NULL, NULL);
    current = NULL;
    if (pctxt)
        xmlSchemaFreeParserCtxt(pctxt);
    if (!schema) {
        errors_add(errs, CG_ERR_INTERNAL, name, 0, 0,
                   "embedded schema does not load");
        return NULL;
    }
    for (i = 0; i < ARRAY_LEN(schemas); i++) {
        if (!schemas[i].name) {
            schemas[i].name = f->name;
            schemas[i].schema = schema;
            return schema;
        }
    }
    return schema;      /* cache full: not reached with our few schemas */
}

int xml_validate(xmlDocPtr doc, const char *xsd_name, const char *path,
                 struct cg_errors *errs)
{
    struct xml_state st = { path, errs, 0, 0, 0 };
    xmlSchemaValidCtxtPtr vctxt;
    xmlSchemaPtr schema;
    int rc;

    xml_init_once();
    schema = load_schema(xsd_name, errs);
    if (!schema)
        return 0;
    vctxt = xmlSchemaNewValidCtxt(schema);
    if (!vctxt) {
        errors_add(errs, CG_ERR_INTERNAL, path, 0, 0,
                   "cannot create schema validator");
        return 0;
    }
    xmlSchemaSetValidStructuredErrors(vctxt, on_structured_error, &st);
    rc = xmlSchemaValidateDoc(vctxt, doc);
    xmlSchemaFreeValidCtxt(vctxt);
    if (rc != 0 && st.nerrors == 0)
        errors_add(errs, CG_ERR_INPUT, path, 0, 0,
                   "does not match %s", xsd_name);
    return rc == 0;
}

void load_cleanup(void)
{
    size_t i;
    for (i = 0; i < ARRAY_LEN(schemas); i++) {
        if (schemas[i].schema)
            xmlSchemaFree(schemas[i].schema);
        schemas[i].name = NULL;
        schemas[i].schema = NULL;
    }
    xmlCleanupParser();
}

/*
 * The root element's name read from the bytes: after an optional BOM,
 * white space, the XML declaration, processing instructions and
 * comments.  Returns DOC_CATALOG or DOC_PROFILE when the root is plainly
 * <catalog> or <profile>, else -1 (anything else, a DOCTYPE, another
 * encoding: the full parse decides and words the error).
 */
static int sniff_bytes(const char *p, const char *end)
{
    static const struct { const char *name; int kind; } roots[] = {
        { "catalog", DOC_CATALOG }, { "profile", DOC_PROFILE },
    };
    long line = 1;
    size_t i;

    if (end - p >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
        p += 3;
    while (p < end) {
        if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n') {
            p++;
        } else if (end - p >= 4 && memcmp(p, "<!--", 4) == 0) {
            p = skip_past(p + 4, end, "-->", &line);
        } else if (end - p >= 2 && memcmp(p, "<?", 2) == 0) {
            p = skip_past(p + 2, end, "?>", &line);
        } else if (*p == '<') {
            p++;
            for (i = 0; i < sizeof roots / sizeof *roots; i++) {
                size_t n = strlen(roots[i].name);
                if (end - p > (long)n && memcmp(p, roots[i].name, n) == 0 &&
                    strchr(" \t\r\n/>", p[n]))
                    return roots[i].kind;
            }
            return -1;
        } else {
            return -1;
        }
    }
    return -1;
}

int load_sniff(const char *path, struct cg_errors *errs)
{
    xmlDocPtr doc;
    xmlNodePtr root;
    int kind = -1;
    size_t len = 0;
    char *buf;

    /* The loader parses the whole file anyway, and reports whatever is
     * wrong with it in the same words: when the root plainly names the
     * kind, parsing it here first only doubled the time of `validate`
     * (a 100 000-requirement catalogue). */
    xml_init_once();
    buf = read_all(path, &len, NULL, errs);
    if (!buf)
        return -1;
    kind = sniff_bytes(buf, buf + len);
    if (kind >= 0) {
        free(buf);
        return kind;
    }
    doc = xml_read_mem(buf, len, path, errs);
    free(buf);
    if (!doc)
        return -1;
    root = xmlDocGetRootElement(doc);
    if (xml_is(root, "catalog"))
        kind = DOC_CATALOG;
    else if (xml_is(root, "profile"))
        kind = DOC_PROFILE;
    else
        errors_add(errs, CG_ERR_INPUT, path, xml_line(root), 0,
                   "root element <%s> is neither <catalog> nor <profile>",
                   (const char *)root->name);
    xmlFreeDoc(doc);
    return kind;
}

/* ---------------------------------------------------------------- DOM */

long xml_line(xmlNodePtr node)
{
    return xmlGetLineNo(node);
}

int xml_is(xmlNodePtr node, const char *name)
{
    return node && node->type == XML_ELEMENT_NODE &&
           strcmp((const char *)node->name, name) == 0;
}

xmlNodePtr xml_next(xmlNodePtr node)
{
    for (node = node ? node->next : NULL; node; node = node->next)
        if (node->type == XML_ELEMENT_NODE)
            return node;
    return NULL;
}

xmlNodePtr xml_first(xmlNodePtr parent)
{
    xmlNodePtr n = parent ? parent->children : NULL;
    if (n && n->type != XML_ELEMENT_NODE)
        n = xml_next(n);
    return n;
}

const char *xml_attr_raw(struct arena *a, xmlNodePtr node,
                         const char *name)
{
    xmlChar *v = xmlGetNoNsProp(node, (const xmlChar *)name);
    const char *s;

    if (!v)
        return NULL;
    s = arena_strdup(a, (const char *)v);
    xmlFree(v);
    return s;
}

/* Copy with runs of white space collapsed to one space, ends trimmed. */
static const char *collapse(struct arena *a, const char *in)
{
    struct strbuf sb = STRBUF_INIT;
    const char *p;
    int space = 0;
    const char *s;

    for (p = in; *p; p++) {
        if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
            space = sb.len > 0;
            continue;
        }
        if (space)
            strbuf_addc(&sb, ' ');
        space = 0;
        strbuf_addc(&sb, *p);
    }
    s = arena_strndup(a, strbuf_cstr(&sb), sb.len);
    strbuf_free(&sb);
    return s;
}

const char *xml_attr(struct arena *a, xmlNodePtr node, const char *name)
{
    xmlChar *v = xmlGetNoNsProp(node, (const xmlChar *)name);
    const char *s;

    if (!v)
        return NULL;
    s = collapse(a, (const char *)v);
    xmlFree(v);
    return s;
}

const char *xml_text(struct arena *a, xmlNodePtr node)
{
    xmlChar *v = xmlNodeGetContent(node);
    const char *s = collapse(a, v ? (const char *)v : "");
    xmlFree(v);
    return s;
}

const char *xml_lang(struct arena *a, xmlNodePtr node)
{
    xmlChar *v = xmlNodeGetLang(node);
    const char *s = arena_strdup(a, v ? (const char *)v : "en");
    xmlFree(v);
    return s;
}

int xml_attr_bool(xmlNodePtr node, const char *name, int def)
{
    xmlChar *v = xmlGetNoNsProp(node, (const xmlChar *)name);
    int r = def;

    if (v) {
        const char *s = (const char *)v;
        while (*s == ' ')
            s++;
        r = (strncmp(s, "true", 4) == 0 || s[0] == '1');
        xmlFree(v);
    }
    return r;
}

/* The attribute's value in range, or an error (see xmlsafe.h). */
static int attr_number(xmlNodePtr node, const char *name, double lo,
                       double hi, int integer, const char *path,
                       struct cg_errors *errs, double *out)
{
    xmlChar *v = xmlGetNoNsProp(node, (const xmlChar *)name);
    const char *s;
    char *end;
    double r;
    int ok;

    if (!v)
        return 0;
    s = (const char *)v;
    errno = 0;
    r = strtod(s, &end);
    while (end != s && (*end == ' ' || *end == '\t' || *end == '\n' ||
                        *end == '\r'))
        end++;
    ok = end != s && *end == '\0' && isfinite(r) && r >= lo && r <= hi &&
         (!integer || r == floor(r));
    if (ok) {
        *out = r;
    } else {
        struct strbuf q = STRBUF_INIT;
        strbuf_add_quoted(&q, s, strlen(s), 40);
        if (integer)
            errors_add(errs, CG_ERR_INPUT, path, xml_line(node), 0,
                       "%s=%s is out of range (an integer from %.0f to "
                       "%.0f; docs/limits.md)", name, q.buf, lo, hi);
        else
            errors_add(errs, CG_ERR_INPUT, path, xml_line(node), 0,
                       "%s=%s is out of range (a number from %g to %g; "
                       "docs/limits.md)", name, q.buf, lo, hi);
        strbuf_free(&q);
    }
    xmlFree(v);
    return ok;
}

double xml_attr_num(xmlNodePtr node, const char *name, double def,
                    double lo, double hi, const char *path,
                    struct cg_errors *errs)
{
    double r;
    return attr_number(node, name, lo, hi, 0, path, errs, &r) ? r : def;
}

int xml_attr_int(xmlNodePtr node, const char *name, int def, int lo, int hi,
                 const char *path, struct cg_errors *errs)
{
    double r;
    /* In [lo, hi] and whole: the cast is exact. */
    return attr_number(node, name, lo, hi, 1, path, errs, &r) ? (int)r
                                                               : def;
}

int xml_attr_enum(xmlNodePtr node, const char *name,
                  int (*parse)(const char *s, size_t len), int def,
                  const char *path, struct cg_errors *errs)
{
    struct arena *a = arena_new();
    const char *v = xml_attr(a, node, name);
    int r = def;

    if (v) {
        r = parse(v, strlen(v));
        if (r < 0) {
            struct strbuf q = STRBUF_INIT;
            strbuf_add_quoted(&q, v, strlen(v), 40);
            errors_add(errs, CG_ERR_INPUT, path, xml_line(node), 0,
                       "%s=%s is not one of its values", name, q.buf);
            strbuf_free(&q);
            r = def;
        }
    }
    arena_free(a);
    return r;
}

int xml_count_at_most(xmlNodePtr parent, const char *name, size_t max,
                      const char *what, const char *path,
                      struct cg_errors *errs)
{
    xmlNodePtr n;
    size_t count = 0;

    for (n = xml_first(parent); n; n = xml_next(n)) {
        if (name && !xml_is(n, name))
            continue;
        if (++count > max) {
            errors_add(errs, CG_ERR_INPUT, path, xml_line(n), 0,
                       "more than %zu %s (docs/limits.md)", max, what);
            return 0;
        }
    }
    return 1;
}

void xml_add_text(struct arena *a, struct i18n *t, xmlNodePtr node,
                  const char *path, struct cg_errors *errs)
{
    const char *lang = xml_lang(a, node);
    struct i18n_var *nv;

    if (t->n >= XML_MAX_LANGS) {
        errors_add(errs, CG_ERR_INPUT, path, xml_line(node), 0,
                   "<%s> given in more than %d languages (docs/limits.md)",
                   (const char *)node->name, XML_MAX_LANGS);
        return;
    }
    if (i18n_exact(t, lang)) {
        errors_add(errs, CG_ERR_INPUT, path, xml_line(node), 0,
                   "<%s> given twice in language \"%s\"",
                   (const char *)node->name, lang);
        return;
    }
    nv = arena_alloc(a, (t->n + 1) * sizeof *nv);
    if (t->n)
        memcpy(nv, t->v, t->n * sizeof *nv);
    nv[t->n].lang = lang;
    nv[t->n].text = xml_text(a, node);
    t->v = nv;
    t->n++;
}
