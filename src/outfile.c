/* outfile.c — atomic output files (see outfile.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "copcgap/outfile.h"
#include "copcgap/strbuf.h"

int outfile_open(struct outfile *o, const char *path, struct cg_errors *errs)
{
    struct strbuf sb = STRBUF_INIT;
    int fd;

    memset(o, 0, sizeof *o);
    if (strcmp(path, "-") == 0) {
        o->path = xstrdup(path);
        o->fp = stdout;
        return 1;
    }
    strbuf_printf(&sb, "%s.tmp.XXXXXX", path);
    fd = mkstemp(sb.buf);
    if (fd < 0) {
        errors_add(errs, CG_ERR_IO, path, 0, 0, "cannot create: %s",
                   strerror(errno));
        strbuf_free(&sb);
        return 0;
    }
    o->fp = fdopen(fd, "wb");
    if (!o->fp) {
        errors_add(errs, CG_ERR_IO, path, 0, 0, "cannot open: %s",
                   strerror(errno));
        close(fd);
        unlink(sb.buf);
        strbuf_free(&sb);
        return 0;
    }
    o->path = xstrdup(path);
    o->tmp = strbuf_detach(&sb);
    return 1;
}

static void release(struct outfile *o)
{
    free(o->path);
    free(o->tmp);
    o->path = o->tmp = NULL;
    o->fp = NULL;
}

int outfile_commit(struct outfile *o, struct cg_errors *errs)
{
    int ok = 1;

    if (!o->tmp) {
        if (fflush(o->fp) != 0) {
            errors_add(errs, CG_ERR_IO, o->path, 0, 0, "write error: %s",
                       strerror(errno));
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
    /* mkstemp makes 0600 files; reports are ordinary documents. */
    if (ok) {
        mode_t mask = umask(0);
        umask(mask);
        chmod(o->tmp, 0666 & ~mask);
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
        errors_add(errs, CG_ERR_IO, o->path, 0, 0, "write error: %s",
                   strerror(errno));
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
