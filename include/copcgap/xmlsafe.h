/*
 * xmlsafe.h — the only way copcgap parses XML.
 *
 * xml_read() never touches the network, never loads a DTD, never expands
 * entities, and refuses any document with a DOCTYPE before its internal
 * subset is read (catalogues, profiles and templates never need one, and
 * this closes XXE and entity-expansion bombs at once).  External
 * resources are refused by a process-wide entity loader, except the
 * schemas embedded in the binary.  Errors are appended to `errs` as
 * FILE:LINE[:COL]: message.
 *
 * Only edge modules include this header (it exposes libxml2 types).
 */
#ifndef COPCGAP_XMLSAFE_H
#define COPCGAP_XMLSAFE_H

#include <libxml/tree.h>

#include "copcgap/digest.h"
#include "copcgap/arena.h"
#include "copcgap/error.h"
#include "copcgap/model.h"

/* Largest XML input accepted, in bytes. */
#define XML_MAX_BYTES (64L * 1024 * 1024)

/*
 * Shape limits checked by a linear scan of the bytes before libxml2 sees
 * them (docs/limits.md): libxml2 2.9.14 is quadratic in the attributes
 * of one element (100 000 attributes took 52 s), and a document of tiny
 * elements builds a tree far larger than the file.  Our schemas allow at
 * most a dozen attributes per element; the shipped catalogue has about
 * 1 700 elements.
 */
#define XML_MAX_ATTRIBUTES 64
#define XML_MAX_ELEMENTS 1000000

/* Languages one text element may be given in (each checked against the
 * others: the check is quadratic). */
#define XML_MAX_LANGS 32

/*
 * Parse the file at path.  Returns the document (free with xmlFreeDoc) or
 * NULL with errors appended.
 */
xmlDocPtr xml_read(const char *path, struct cg_errors *errs);
/* The same, recording the file's size and SHA-256 in *digest. */
xmlDocPtr xml_read_digest(const char *path, struct file_digest *digest,
                          struct cg_errors *errs);
/* The same for a document in memory; `path` names it in messages. */
xmlDocPtr xml_read_mem(const char *buf, size_t len, const char *path,
                       struct cg_errors *errs);

/*
 * Validate doc against the embedded schema `xsd_name` ("catalogue.xsd").
 * Returns 1 when valid; otherwise 0 with each violation appended, located
 * at the offending element's line.
 */
int xml_validate(xmlDocPtr doc, const char *xsd_name, const char *path,
                 struct cg_errors *errs);

/* ----- DOM helpers for loaders (strings copied into the arena) ----- */

long xml_line(xmlNodePtr node);
/* 1 when node is an element with that local name. */
int xml_is(xmlNodePtr node, const char *name);
/* Next element sibling (or first child with xml_first), skipping text. */
xmlNodePtr xml_first(xmlNodePtr parent);
xmlNodePtr xml_next(xmlNodePtr node);
/*
 * Attribute value copied into the arena, or NULL when absent, with its
 * white space collapsed as XML Schema does for xs:token (ends trimmed,
 * runs made one space).  The schema validated the collapsed value, so
 * the loader must use it too: channel="  chat" is a valid token "chat",
 * and read raw it matched no channel (an index of -1 used as a shift).
 */
const char *xml_attr(struct arena *a, xmlNodePtr node, const char *name);
/* The value exactly as written (for check expressions, whose columns
 * are reported). */
const char *xml_attr_raw(struct arena *a, xmlNodePtr node,
                         const char *name);
/* Element text content copied into the arena, whitespace-trimmed. */
const char *xml_text(struct arena *a, xmlNodePtr node);
/* xml:lang of an element, or "en" when absent. */
const char *xml_lang(struct arena *a, xmlNodePtr node);
/* Parse "true"/"1"/"false"/"0"; def when the attribute is absent. */
int xml_attr_bool(xmlNodePtr node, const char *name, int def);

/*
 * A numeric attribute in [lo, hi]; def when absent.  The schema has
 * checked the syntax and, where it can, the range; these check again
 * before the value is narrowed or used (an xs:decimal of 401 digits is
 * valid XML Schema and was inf; an xs:positiveInteger of 4294967297 was
 * 1 once cast to int).  A value out of range, not finite, or not a
 * number is an error located at the element (`path`); def is returned.
 */
double xml_attr_num(xmlNodePtr node, const char *name, double def,
                    double lo, double hi, const char *path,
                    struct cg_errors *errs);
/* The same for an integer attribute; the range must fit an int. */
int xml_attr_int(xmlNodePtr node, const char *name, int def, int lo, int hi,
                 const char *path, struct cg_errors *errs);

/*
 * An enumerated attribute through its model's parser (channel_parse,
 * cmp_op_parse, ...): the index, or def when absent.  The schema allows
 * only known values, so a value the parser refuses means the two
 * disagree: an error at the element, and def, never a negative index.
 */
int xml_attr_enum(xmlNodePtr node, const char *name,
                  int (*parse)(const char *s, size_t len), int def,
                  const char *path, struct cg_errors *errs);

/*
 * 1 when `parent` has at most `max` element children named `name` (any
 * name when NULL); else an error at the first one too many, "more than
 * MAX WHAT (docs/limits.md)", and 0.  For caps on counts whose checks
 * or uses grow faster than linearly.
 */
int xml_count_at_most(xmlNodePtr parent, const char *name, size_t max,
                      const char *what, const char *path,
                      struct cg_errors *errs);

/*
 * Add one language variant of a text element to t (duplicated languages
 * are reported as errors).  `n` counts variants already stored; the array
 * grows in the arena.
 */
void xml_add_text(struct arena *a, struct i18n *t, xmlNodePtr node,
                  const char *path, struct cg_errors *errs);

#endif
