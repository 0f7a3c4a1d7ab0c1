/*
 * outfile.h — write a file all-or-nothing.
 *
 * outfile_open() creates a temporary file next to the destination;
 * outfile_commit() flushes, syncs and renames it over the destination;
 * outfile_abort() removes it.  A failure at any point therefore never
 * leaves a half-written report behind.  A command writing several files
 * opens them all, renders into each, and commits them only when every
 * one was rendered (otherwise it aborts them all): all outputs or none.  "-" means standard output
 * (written directly, nothing to rename).
 */
#ifndef COPCGAP_OUTFILE_H
#define COPCGAP_OUTFILE_H

#include <stdio.h>

#include "copcgap/error.h"

struct outfile {
    char *path;         /* destination */
    char *tmp;          /* temporary name, NULL for stdout */
    FILE *fp;
};

/* Returns 1 on success; 0 with an I/O error appended. */
int outfile_open(struct outfile *o, const char *path, struct cg_errors *errs);

/* Append bytes; 1, or 0 with an I/O error appended. */
int outfile_write(struct outfile *o, const void *data, size_t len,
                  struct cg_errors *errs);
int outfile_commit(struct outfile *o, struct cg_errors *errs);
void outfile_abort(struct outfile *o);

/*
 * Close the stream but keep the temporary file, for a library that
 * writes a file by name (o->tmp); outfile_commit() then renames it.
 */
void outfile_release_fp(struct outfile *o);

/* Write a whole buffer to path atomically. */
int outfile_write_all(const char *path, const void *data, size_t len,
                      struct cg_errors *errs);

#endif
