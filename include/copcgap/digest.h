/*
 * digest.h — SHA-256 of input files (base layer; nettle).
 *
 * Reports name each file they rest on with its digest (the method
 * section's data sources), the evidence register's `sha256` column is
 * checked against one, and the workspace records one per imported file.
 * The readers hash what they read as they read it (csv.c, xmlsafe.c), so
 * a file is read once; digest_fd hashes a file of its own.
 */
#ifndef COPCGAP_DIGEST_H
#define COPCGAP_DIGEST_H

#include <stddef.h>
#include <stdint.h>

#define DIGEST_HEX 65           /* 64 lowercase hex digits and a NUL */

/* What a loader records of a file it read whole: its size and digest
 * (hex[0] is NUL when the file was not read to the end). */
struct file_digest {
    uint64_t bytes;
    char hex[DIGEST_HEX];
};

/* A running SHA-256; the state is opaque storage sized for nettle's. */
struct digest {
    uint64_t state[16];
};

void digest_init(struct digest *d);
void digest_update(struct digest *d, const void *data, size_t len);
/* The digest as lowercase hex; `d` must be initialised again to reuse. */
void digest_hex(struct digest *d, char hex[DIGEST_HEX]);

/* SHA-256 of an open file from its current offset to the end; 0 with
 * errno set on a read error. */
int digest_fd(int fd, char hex[DIGEST_HEX]);

#endif
