/*
 * infile.c — opening input files without blocking on FIFOs or devices,
 * accepting regular files only, with a size cap (see infile.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "copcgap/infile.h"

const char *infile_type_name(mode_t mode)
{
    if (S_ISDIR(mode))
        return "a directory";
    if (S_ISFIFO(mode))
        return "a FIFO";
    if (S_ISCHR(mode))
        return "a character device";
    if (S_ISBLK(mode))
        return "a block device";
    if (S_ISSOCK(mode))
        return "a socket";
    if (S_ISLNK(mode))
        return "a symbolic link";
    if (S_ISREG(mode))
        return "a regular file";
    return "a special file";
}

void infile_size_text(uint64_t bytes, struct strbuf *out)
{
    static const char *const units[] = { "bytes", "KiB", "MiB", "GiB" };
    size_t u = 0;

    while (u + 1 < ARRAY_LEN(units) && bytes >= 1024 && bytes % 1024 == 0) {
        bytes /= 1024;
        u++;
    }
    strbuf_printf(out, "%llu %s", (unsigned long long)bytes, units[u]);
}

int infile_open(const char *path, const char *display, const char *what,
                uint64_t max_bytes, int extra_flags, struct stat *st,
                struct cg_errors *errs)
{
    struct stat local;
    int fd, fl;

    if (!st)
        st = &local;
    /* O_NONBLOCK: opening a FIFO with no writer, or a tape or terminal
     * device, would otherwise wait forever before fstat could refuse
     * it.  O_NOCTTY: a terminal never becomes the controlling one. */
    do {
        fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC |
                  extra_flags);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) {
        int saved = errno;
        /* A socket (ENXIO) or a device without a driver cannot even be
         * opened: say what it is rather than how open() failed. */
        if (stat(path, st) == 0 && !S_ISREG(st->st_mode) &&
            !S_ISDIR(st->st_mode)) {
            errors_add(errs, CG_ERR_INPUT, display, 0, 0,
                       "not a regular file (%s)",
                       infile_type_name(st->st_mode));
            return -1;
        }
        errno = saved;
        if (errno == ELOOP && (extra_flags & O_NOFOLLOW))
            errors_add(errs, CG_ERR_INPUT, display, 0, 0,
                       "is a symbolic link (not followed here)");
        else
            errors_add(errs, errno == ENOENT || errno == ENOTDIR ?
                       CG_ERR_INPUT : CG_ERR_IO, display, 0, 0,
                       "cannot open: %s", strerror(errno));
        return -1;
    }
    if (fstat(fd, st) != 0) {
        errors_add(errs, CG_ERR_IO, display, 0, 0, "cannot stat: %s",
                   strerror(errno));
        goto fail;
    }
    if (!S_ISREG(st->st_mode)) {
        errors_add(errs, CG_ERR_INPUT, display, 0, 0,
                   "not a regular file (%s)", infile_type_name(st->st_mode));
        goto fail;
    }
    if (max_bytes && (uint64_t)st->st_size > max_bytes) {
        struct strbuf sb = STRBUF_INIT;
        infile_size_text(max_bytes, &sb);
        errors_add(errs, CG_ERR_INPUT, display, 0, 0,
                   "larger than %s, the limit for %s (docs/limits.md)",
                   sb.buf, what);
        strbuf_free(&sb);
        goto fail;
    }
    /* Back to ordinary blocking reads: on a regular file O_NONBLOCK means
     * nothing on Linux, but not every system or file system agrees. */
    fl = fcntl(fd, F_GETFL);
    if (fl < 0 || fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) != 0) {
        errors_add(errs, CG_ERR_IO, display, 0, 0, "cannot read: %s",
                   strerror(errno));
        goto fail;
    }
    return fd;
fail:
    close(fd);
    return -1;
}

long long infile_read(int fd, void *buf, size_t len)
{
    size_t done = 0;

    while (done < len) {
        ssize_t n = read(fd, (char *)buf + done, len - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        if (n == 0)
            break;
        done += (size_t)n;
    }
    return (long long)done;
}
