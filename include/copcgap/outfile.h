/*
 * outfile.h — write a file all-or-nothing, and only where it is safe.
 *
 * outfile_open() checks the destination and creates a temporary file
 * next to it; outfile_commit() flushes, syncs and renames it over the
 * destination; outfile_abort() removes it.  A failure at any point
 * therefore never leaves a half-written report behind.  A command
 * writing several files opens them all, renders into each, and commits
 * them only when every one was rendered (otherwise it aborts them all):
 * all outputs or none.  "-" means standard output (written directly,
 * nothing to rename).
 *
 * The destination must be a regular file or not exist yet: a symbolic
 * link, a directory, a FIFO or a device is refused (renaming over it
 * would replace the link or the device node itself, e.g. /dev/null when
 * run as root).  A replaced file keeps its permission bits (a 0600
 * report stays private); a new one gets 0666 minus the umask.  The
 * temporary file is `.copcgap-XXXXXX` in the destination's directory: a
 * short hidden name, so any destination name that fits NAME_MAX works.
 *
 * Refusals and failures are CG_ERR_IO errors (exit 4: the file could not
 * be written) naming the destination.
 */
#ifndef COPCGAP_OUTFILE_H
#define COPCGAP_OUTFILE_H

#include <stdio.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "copcgap/error.h"

struct outfile {
    char *path;         /* destination, as given */
    char *tmp;          /* temporary name, NULL for stdout */
    FILE *fp;
    char *resolved;     /* the directory resolved + "/" + name; NULL
                         * for stdout */
    int exists;         /* the destination existed when opened */
    dev_t dev;          /* and was this file */
    ino_t ino;
    mode_t mode;        /* permission bits the committed file gets */
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

/*
 * 1 when two open outputs are the same destination: the same resolved
 * path, or existing names of the same file (hard links).  Standard
 * output is never the same as a file.
 */
int outfile_same(const struct outfile *a, const struct outfile *b);

/* 1 when the output's destination is the existing file *st describes
 * (from stat() of an input). */
int outfile_is_file(const struct outfile *o, const struct stat *st);

/*
 * Remove the temporary files of open outputs when the process is killed
 * by SIGINT, SIGTERM, SIGHUP or SIGPIPE, then die of that signal as
 * before.  Installs process-wide handlers: the CLI calls it once, at
 * start (library code never does).  The handler only calls unlink(),
 * signal() and raise(), which are async-signal-safe.
 */
void outfile_cleanup_on_signals(void);

#endif
