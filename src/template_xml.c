/*
 * template_xml.c — loading a report template (template.h; the format is
 * templates/template.xsd, documented in docs/templates.md).
 *
 * The embedded schema checks elements, attributes and their types; this
 * file checks what it cannot: a section listed twice, and a logo that
 * is not a readable PNG or JPEG file.  A shipped template is looked up
 * by name like every data file (datadir.h), with the copy compiled into
 * the binary as the fallback.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "copcgap/datadir.h"
#include "copcgap/embedded.h"
#include "copcgap/infile.h"
#include "copcgap/strbuf.h"
#include "copcgap/template.h"
#include "copcgap/xmlsafe.h"

/* Largest logo accepted, in bytes. */
#define LOGO_MAX_BYTES (8L * 1024 * 1024)

static struct rgb colour(struct arena *a, xmlNodePtr n, const char *name,
                         unsigned def)
{
    const char *v = n ? xml_attr(a, n, name) : NULL;
    unsigned c = def;
    struct rgb out;

    if (v && v[0] == '#')
        c = (unsigned)strtoul(v + 1, NULL, 16);
    out.r = (float)((c >> 16) & 0xff) / 255.0f;
    out.g = (float)((c >> 8) & 0xff) / 255.0f;
    out.b = (float)(c & 0xff) / 255.0f;
    return out;
}

/* The directory part of path ("." when none), in the arena. */
static const char *dir_of(struct arena *a, const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return ".";
    if (slash == path)
        return "/";
    return arena_strndup(a, path, (size_t)(slash - path));
}

/* A logo must be a regular, readable PNG or JPEG file of sane size
 * (opened as every input is: infile.h).  Errors name the template line
 * that asks for it. */
static const char *check_logo(struct report_template *t, xmlNodePtr n,
                              const char *file, struct cg_errors *errs)
{
    static const unsigned char png[8] = { 0x89, 'P', 'N', 'G', '\r', '\n',
                                          0x1a, '\n' };
    static const unsigned char jpeg[3] = { 0xff, 0xd8, 0xff };
    const char *path = file[0] == '/' ? file
                     : arena_printf(t->arena, "%s/%s", dir_of(t->arena,
                                                               t->path),
                                    file);
    struct cg_errors why = CG_ERRORS_INIT;
    unsigned char head[8];
    long long got = 0;
    int fd = infile_open(path, path, "a logo", LOGO_MAX_BYTES, 0, NULL, &why);
    int ok = 0;

    if (fd >= 0) {
        got = infile_read(fd, head, sizeof head);
        close(fd);
        ok = (got == (long long)sizeof png &&
              memcmp(head, png, sizeof png) == 0) ||
             (got >= (long long)sizeof jpeg &&
              memcmp(head, jpeg, sizeof jpeg) == 0);
        if (!ok)
            errors_add(errs, CG_ERR_INPUT, t->path, xml_line(n), 0,
                       "logo \"%s\" is neither a PNG nor a JPEG image",
                       path);
    } else {
        errors_add(errs, errors_worst(&why), t->path, xml_line(n), 0,
                   "logo: %s", why.n ? why.v[0].msg : path);
    }
    errors_free(&why);
    return ok ? path : NULL;
}

static void load_branding(struct report_template *t, xmlNodePtr b,
                          struct cg_errors *errs)
{
    xmlNodePtr n;

    t->accent = colour(t->arena, b, "accent", 0x0D4785);
    t->ink = colour(t->arena, b, "ink", 0x1A1F29);
    t->muted = colour(t->arena, b, "muted", 0x66666F);
    for (n = b ? xml_first(b) : NULL; n; n = xml_next(n))
        if (xml_is(n, "logo")) {
            t->logo = check_logo(t, n, xml_attr(t->arena, n, "file"), errs);
            t->logo_width = (float)xml_attr_num(n, "width", 120, 10, 400,
                                                t->path, errs);
        }
}

static void load_document(struct report_template *t, xmlNodePtr d,
                          struct cg_errors *errs)
{
    xmlNodePtr n;

    t->preparer = xml_attr(t->arena, d, "preparer");
    t->organisation = xml_attr(t->arena, d, "organisation");
    t->client = xml_attr(t->arena, d, "client");
    t->doc_version = xml_attr(t->arena, d, "version");
    for (n = xml_first(d); n; n = xml_next(n)) {
        if (xml_is(n, "marking"))
            xml_add_text(t->arena, &t->marking, n, t->path, errs);
        else if (xml_is(n, "footer"))
            xml_add_text(t->arena, &t->footer, n, t->path, errs);
        else if (xml_is(n, "distribution"))
            xml_add_text(t->arena, &t->distribution, n, t->path, errs);
    }
}

static void load_sections(struct report_template *t, xmlNodePtr s,
                          struct cg_errors *errs)
{
    size_t cap = 0, i;
    xmlNodePtr n;

    for (n = xml_first(s); n; n = xml_next(n)) {
        struct tpl_section *sec;
        const char *form;
        int k;

        for (k = 0; k < SEC_COUNT; k++)
            if (xml_is(n, section_name((enum section_kind)k)))
                break;
        if (k == SEC_COUNT)
            continue;           /* the schema allows no other */
        for (i = 0; i < t->nsections; i++)
            if (t->sections[i].kind == (enum section_kind)k)
                errors_add(errs, CG_ERR_INPUT, t->path, xml_line(n), 0,
                           "section <%s> appears twice (first on line %ld)",
                           section_name((enum section_kind)k),
                           t->sections[i].line);
        VEC_RESERVE(t->sections, cap, t->nsections + 1);
        sec = &t->sections[t->nsections++];
        memset(sec, 0, sizeof *sec);
        sec->kind = (enum section_kind)k;
        sec->line = xml_line(n);
        sec->limit = (size_t)xml_attr_int(n, "limit", 0, 0, 100000,
                                          t->path, errs);
        if (sec->kind == SEC_SUMMARY && sec->limit == 0)
            sec->limit = 5;
        sec->gantt = xml_attr_bool(n, "gantt", 1);
        sec->load = xml_attr_bool(n, "load", 1);
        sec->actions = xml_attr_bool(n, "actions", 1);
        sec->details = xml_attr_bool(n, "details", 1);
        form = xml_attr(t->arena, n, "form");
        sec->form = form && strcmp(form, "table") == 0 ? GAPS_TABLE
                                                       : GAPS_FINDINGS;
    }
    t->sections = arena_adopt(t->arena, t->sections, t->nsections,
                              sizeof *t->sections);
}

static struct report_template *from_doc(xmlDocPtr doc, const char *path,
                                        int is_file, struct cg_errors *errs)
{
    size_t before = errors_count(errs);
    struct arena *a;
    struct report_template *t;
    xmlNodePtr root, n, branding = NULL;

    if (!xml_validate(doc, "template.xsd", path, errs))
        return NULL;
    a = arena_new();
    t = arena_calloc(a, 1, sizeof *t);
    t->arena = a;
    t->path = arena_strdup(a, path);
    t->file = is_file ? t->path : NULL;
    root = xmlDocGetRootElement(doc);
    t->id = xml_attr(a, root, "id");
    t->max_pages = xml_attr_int(root, "max-pages", 0, 0, 100000, path,
                                errs);
    for (n = xml_first(root); n; n = xml_next(n)) {
        if (xml_is(n, "title"))
            xml_add_text(a, &t->title, n, path, errs);
        else if (xml_is(n, "subtitle"))
            xml_add_text(a, &t->subtitle, n, path, errs);
        else if (xml_is(n, "branding"))
            branding = n;
        else if (xml_is(n, "document"))
            load_document(t, n, errs);
        else if (xml_is(n, "sections"))
            load_sections(t, n, errs);
    }
    load_branding(t, branding, errs);
    if (errors_count(errs) != before) {
        template_free(t);
        return NULL;
    }
    return t;
}

/* A name rather than a path: letters, digits, '-' and '_' only. */
static int is_name(const char *s)
{
    size_t i;
    for (i = 0; s[i]; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
              (s[i] >= '0' && s[i] <= '9') || s[i] == '-' || s[i] == '_'))
            return 0;
    return i > 0 && i <= 64;
}

struct report_template *template_load(const char *name_or_path,
                                      struct cg_errors *errs)
{
    struct report_template *t = NULL;
    xmlDocPtr doc = NULL;

    if (is_name(name_or_path)) {
        struct strbuf file = STRBUF_INIT;
        const struct embedded_file *e;
        char *path;

        strbuf_printf(&file, "%s.xml", name_or_path);
        path = datadir_find(file.buf, "templates");
        if (path) {
            doc = xml_read(path, errs);
            if (doc)
                t = from_doc(doc, path, 1, errs);
        } else if ((e = embedded_find(file.buf)) != NULL) {
            doc = xml_read_mem((const char *)e->data, e->len, file.buf, errs);
            if (doc)
                t = from_doc(doc, file.buf, 0, errs);
        } else {
            errors_add(errs, CG_ERR_INPUT, NULL, 0, 0,
                       "no report template \"%s\" (shipped: auditor, "
                       "consultant, executive; or give a file)",
                       name_or_path);
        }
        free(path);
        strbuf_free(&file);
    } else {
        doc = xml_read(name_or_path, errs);
        if (doc)
            t = from_doc(doc, name_or_path, 1, errs);
    }
    if (doc)
        xmlFreeDoc(doc);
    return t;
}
