/*
 * infile.h — opening an input file safely (base layer).
 *
 * Every file copcgap reads (catalogues, profiles, the organisation
 * folder's CSV files, evidence files, fonts) is opened here, so that a
 * file that is not what it seems cannot hang or exhaust the process:
 *   - the open never blocks: O_NONBLOCK makes opening a FIFO or a device
 *     return at once; the flag is cleared again before reading;
 *   - only a regular file is accepted (after following symbolic links,
 *     unless the caller asks for O_NOFOLLOW): a FIFO, a directory, a
 *     device or a socket is refused with a message naming what it is,
 *       org/data/contacts.csv: not a regular file (a FIFO)
 *   - a file larger than the caller's cap is refused before any byte is
 *     read (the caps and their reasons are in docs/limits.md); readers
 *     count bytes as they read, so a file that grows is caught too.
 * Errors are appended to a struct cg_errors: an input that is absent,
 * not regular or too large is CG_ERR_INPUT (exit 3), a refusal by the
 * system (permissions, I/O) CG_ERR_IO (exit 4).
 */
#ifndef COPCGAP_INFILE_H
#define COPCGAP_INFILE_H

#include <stdint.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "copcgap/error.h"

/*
 * Open `path` read-only.  `display` names it in messages; `what` says
 * what kind of input it is for the size message ("an XML file");
 * `max_bytes` is the size cap (0: none); `extra_flags` are added to
 * O_RDONLY (O_NOFOLLOW for evidence files).  On success returns the
 * descriptor (blocking, close-on-exec) and fills *st (may be NULL); on
 * failure returns -1 with an error appended.
 */
int infile_open(const char *path, const char *display, const char *what,
                uint64_t max_bytes, int extra_flags, struct stat *st,
                struct cg_errors *errs);

/* "a FIFO", "a directory", "a character device", ... for a st_mode. */
const char *infile_type_name(mode_t mode);

/* Append "N bytes" / "N KiB" / "N MiB" / "N GiB", whichever is exact. */
void infile_size_text(uint64_t bytes, struct strbuf *out);

/*
 * read() that retries on EINTR and reads until `len` bytes or the end of
 * the file; returns the bytes read, or -1 with errno set.
 */
long long infile_read(int fd, void *buf, size_t len);

#endif
