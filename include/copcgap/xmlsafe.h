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

#include "copcgap/arena.h"
#include "copcgap/error.h"
#include "copcgap/model.h"

/* Largest XML input accepted, in bytes. */
#define XML_MAX_BYTES (64L * 1024 * 1024)

/*
 * Parse the file at path.  Returns the document (free with xmlFreeDoc) or
 * NULL with errors appended.
 */
xmlDocPtr xml_read(const char *path, struct cg_errors *errs);
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
/* Attribute value copied into the arena, or NULL when absent. */
const char *xml_attr(struct arena *a, xmlNodePtr node, const char *name);
/* Parse "true"/"1"/"false"/"0"; def when the attribute is absent. */
int xml_attr_bool(xmlNodePtr node, const char *name, int def);
double xml_attr_double(xmlNodePtr node, const char *name, double def);
long xml_attr_long(xmlNodePtr node, const char *name, long def);

/*
 * Add one language variant of a text element to t (duplicated languages
 * are reported as errors).  `n` counts variants already stored; the array
 * grows in the arena.
 */
void xml_add_text(struct arena *a, struct i18n *t, xmlNodePtr node,
                  const char *path, struct cg_errors *errs);

#endif
