/*
 * outfile.c — atomic output files (see outfile.h).
 *
 * Open temporary files are kept in a small table so that a signal
 * handler can remove them: an interrupted run must not leave
 * `.copcgap-XXXXXX` files behind.  The table is changed only with those
 * signals blocked, so the handler never sees it half updated.
 */
/* realpath() is an X/Open function in glibc's headers. */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "copcgap/infile.h"
#include "copcgap/outfile.h"
#include "copcgap/strbuf.h"

/* ------------------------------------------------ temporaries on signals */

/* More than any command opens at once (assess: two). */
#define MAX_PENDING 16

static char *volatile pending[MAX_PENDING];
static const int cleanup_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGPIPE };

static void block_signals(sigset_t *old)
{
    sigset_t set;
    size_t i;

    sigemptyset(&set);
    for (i = 0; i < ARRAY_LEN(cleanup_signals); i++)
        sigaddset(&set, cleanup_signals[i]);
    sigprocmask(SIG_BLOCK, &set, old);
}

/* Remember (add) or forget (remove) a temporary name, with the signals
 * blocked by the caller.  A full table only means that file is not
 * cleaned up on a signal. */
static void pending_set_blocked(char *name, int add)
{
    size_t i;

    for (i = 0; i < MAX_PENDING; i++) {
        if (add && !pending[i]) {
            pending[i] = name;
            return;
        }
        if (!add && pending[i] == name) {
            pending[i] = NULL;
            return;
        }
    }
}

static void pending_set(char *name, int add)
{
    sigset_t old;

    block_signals(&old);
    pending_set_blocked(name, add);
    sigprocmask(SIG_SETMASK, &old, NULL);
}

static void on_signal(int sig)
{
    size_t i;
    int saved = errno;

    for (i = 0; i < MAX_PENDING; i++)
        if (pending[i])
            unlink(pending[i]);
    /* Die of the same signal, as the caller (a shell) expects. */
    signal(sig, SIG_DFL);
    raise(sig);
    errno = saved;
}

void outfile_cleanup_on_signals(void)
{
    struct sigaction sa;
    size_t i;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    for (i = 0; i < ARRAY_LEN(cleanup_signals); i++)
        sigaddset(&sa.sa_mask, cleanup_signals[i]);
    for (i = 0; i < ARRAY_LEN(cleanup_signals); i++) {
        struct sigaction old;
        /* A signal the caller ignores (nohup, a shell's background job)
         * stays ignored. */
        if (sigaction(cleanup_signals[i], NULL, &old) == 0 &&
            old.sa_handler == SIG_IGN)
            continue;
        sigaction(cleanup_signals[i], &sa, NULL);
    }
}

/* ------------------------------------------------------------- opening */

/* The permission bits a new file gets: 0666 minus the umask. */
static mode_t new_file_mode(void)
{
    mode_t mask = umask(0);
    umask(mask);
    return 0666 & ~mask;
}

/*
 * Check the destination: absent, or a regular file (never a link, a
 * directory, a FIFO or a device).  Fills o->exists, dev, ino, mode.
 */
static int check_destination(struct outfile *o, const char *path,
                             struct cg_errors *errs)
{
    struct stat st;

    if (lstat(path, &st) != 0) {
        if (errno != ENOENT) {
            errors_add(errs, CG_ERR_IO, path, 0, 0, "cannot write: %s",
                       strerror(errno));
            return 0;
        }
        o->mode = new_file_mode();
        return 1;
    }
    if (S_ISLNK(st.st_mode)) {
        errors_add(errs, CG_ERR_IO, path, 0, 0, "is a symbolic link: "
                   "copcgap replaces only regular files (give the path it "
                   "points to)");
        return 0;
    }
    if (!S_ISREG(st.st_mode)) {
        errors_add(errs, CG_ERR_IO, path, 0, 0, "not a regular file (%s): "
                   "copcgap replaces only regular files",
                   infile_type_name(st.st_mode));
        return 0;
    }
    o->exists = 1;
    o->dev = st.st_dev;
    o->ino = st.st_ino;
    o->mode = st.st_mode & 0777;
    return 1;
}

int outfile_open(struct outfile *o, const char *path, struct cg_errors *errs)
{
    struct strbuf dir = STRBUF_INIT, tmp = STRBUF_INIT;
    const char *slash = strrchr(path, '/'), *name;
    char *rdir = NULL;
    int fd = -1;

    memset(o, 0, sizeof *o);
    if (strcmp(path, "-") == 0) {
        o->path = xstrdup(path);
        o->fp = stdout;
        return 1;
    }
    name = slash ? slash + 1 : path;
    if (*name == '\0' || strcmp(name, ".") == 0 || strcmp(name, "..") == 0) {
        errors_add(errs, CG_ERR_IO, path, 0, 0, "names a directory, not a "
                   "file");
        return 0;
    }
    if (!slash)
        strbuf_adds(&dir, ".");
    else if (slash == path)
        strbuf_adds(&dir, "/");
    else
        strbuf_add(&dir, path, (size_t)(slash - path));
    if (!check_destination(o, path, errs))
        goto fail;
    rdir = realpath(dir.buf, NULL);
    if (!rdir) {
        errors_add(errs, CG_ERR_IO, path, 0, 0, "cannot create: %s",
                   strerror(errno));
        goto fail;
    }
    /* A short hidden name in the same directory (rename stays within one
     * file system), whatever the length of the destination's name. */
    strbuf_printf(&tmp, "%s/.copcgap-XXXXXX", dir.buf);
    {
        /* Created and registered with the signals held off, so that no
         * signal finds the file made but not yet known. */
        sigset_t old;
        int saved;
        block_signals(&old);
        fd = mkstemp(tmp.buf);
        saved = errno;
        if (fd >= 0) {
            o->tmp = strbuf_detach(&tmp);
            pending_set_blocked(o->tmp, 1);
        }
        sigprocmask(SIG_SETMASK, &old, NULL);
        errno = saved;
    }
    if (fd < 0) {
        errors_add(errs, CG_ERR_IO, path, 0, 0, "cannot create: %s",
                   strerror(errno));
        goto fail;
    }
    o->fp = fdopen(fd, "wb");
    if (!o->fp) {
        errors_add(errs, CG_ERR_IO, path, 0, 0, "cannot open: %s",
                   strerror(errno));
        close(fd);
        goto fail;
    }
    o->path = xstrdup(path);
    o->resolved = xmalloc(strlen(rdir) + strlen(name) + 2);
    snprintf(o->resolved, strlen(rdir) + strlen(name) + 2, "%s%s%s", rdir,
             strcmp(rdir, "/") == 0 ? "" : "/", name);
    free(rdir);
    strbuf_free(&dir);
    return 1;
fail:
    if (o->tmp) {
        pending_set(o->tmp, 0);
        unlink(o->tmp);
        free(o->tmp);
    }
    free(rdir);
    strbuf_free(&dir);
    strbuf_free(&tmp);
    memset(o, 0, sizeof *o);
    return 0;
}

/* ---------------------------------------------------------- committing */

static void release(struct outfile *o)
{
    if (o->tmp)
        pending_set(o->tmp, 0);
    free(o->path);
    free(o->tmp);
    free(o->resolved);
    o->path = o->tmp = o->resolved = NULL;
    o->fp = NULL;
}

int outfile_commit(struct outfile *o, struct cg_errors *errs)
{
    int ok = 1;

    if (!o->tmp) {
        if (fflush(o->fp) != 0 || ferror(o->fp)) {
            errors_add(errs, CG_ERR_IO, NULL, 0, 0,
                       "standard output: write error: %s", strerror(errno));
            /* Reported here: a later check of the stream (the CLI's, at
             * exit) must not report it again. */
            clearerr(o->fp);
            ok = 0;
        }
        release(o);
        return ok;
    }
    /* fp is NULL when another library wrote the temporary file by name
     * (outfile_release_fp). */
    if (o->fp && (fflush(o->fp) != 0 || ferror(o->fp) ||
                  fsync(fileno(o->fp)) != 0)) {
        errors_add(errs, CG_ERR_IO, o->path, 0, 0, "write error: %s",
                   strerror(errno));
        ok = 0;
    }
    if (o->fp && fclose(o->fp) != 0 && ok) {
        errors_add(errs, CG_ERR_IO, o->path, 0, 0, "write error: %s",
                   strerror(errno));
        ok = 0;
    }
    o->fp = NULL;
    /* mkstemp makes 0600 files: give the replaced file's bits back, or a
     * new file the usual 0666 minus umask. */
    if (ok && chmod(o->tmp, o->mode) != 0) {
        errors_add(errs, CG_ERR_IO, o->path, 0, 0, "cannot set mode: %s",
                   strerror(errno));
        ok = 0;
    }
    if (ok && rename(o->tmp, o->path) != 0) {
        errors_add(errs, CG_ERR_IO, o->path, 0, 0, "cannot rename: %s",
                   strerror(errno));
        ok = 0;
    }
    if (!ok)
        unlink(o->tmp);
    release(o);
    return ok;
}

void outfile_release_fp(struct outfile *o)
{
    if (o->fp && o->tmp) {
        fclose(o->fp);
        o->fp = NULL;
    }
}

void outfile_abort(struct outfile *o)
{
    if (o->tmp) {
        if (o->fp)
            fclose(o->fp);
        unlink(o->tmp);
    }
    release(o);
}

int outfile_write(struct outfile *o, const void *data, size_t len,
                  struct cg_errors *errs)
{
    if (len && fwrite(data, 1, len, o->fp) != len) {
        if (o->tmp) {
            errors_add(errs, CG_ERR_IO, o->path, 0, 0, "write error: %s",
                       strerror(errno));
        } else {
            errors_add(errs, CG_ERR_IO, NULL, 0, 0, "standard output: "
                       "write error: %s", strerror(errno));
            clearerr(o->fp);
        }
        return 0;
    }
    return 1;
}

int outfile_write_all(const char *path, const void *data, size_t len,
                      struct cg_errors *errs)
{
    struct outfile o;

    if (!outfile_open(&o, path, errs))
        return 0;
    if (!outfile_write(&o, data, len, errs)) {
        outfile_abort(&o);
        return 0;
    }
    return outfile_commit(&o, errs);
}

/* ---------------------------------------------------------- identities */

int outfile_same(const struct outfile *a, const struct outfile *b)
{
    if (!a->resolved || !b->resolved)
        return 0;
    if (strcmp(a->resolved, b->resolved) == 0)
        return 1;
    return a->exists && b->exists && a->dev == b->dev && a->ino == b->ino;
}

int outfile_is_file(const struct outfile *o, const struct stat *st)
{
    return o->resolved && o->exists && o->dev == st->st_dev &&
           o->ino == st->st_ino;
}
