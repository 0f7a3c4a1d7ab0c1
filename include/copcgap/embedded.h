/*
 * embedded.h — files compiled into the binary (schemas), generated from
 * standards/ by tools/embed.sh.
 */
#ifndef COPCGAP_EMBEDDED_H
#define COPCGAP_EMBEDDED_H

#include <stddef.h>

struct embedded_file {
    const char *name;               /* base name, e.g. "catalogue.xsd" */
    const unsigned char *data;      /* NUL-terminated */
    size_t len;                     /* without the NUL */
};

/* Terminated by an entry whose name is NULL. */
extern const struct embedded_file embedded_files[];

/* The embedded file with that base name, or NULL. */
const struct embedded_file *embedded_find(const char *name);

#endif
