/*
 * cli_util.c — what every command shares: help and usage messages,
 * printing located errors with the exit code they call for, a fixed-width
 * table cell, the report date, and the final check that everything
 * written to standard output reached it.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "copcgap/utf8.h"

void cli_print_command_help(const struct command *c)
{
    printf("usage: copcgap %s %s\n\n%s", c->name, c->args, c->help);
}

int cli_usage_error(const struct command *c, const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, "copcgap: ");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    fprintf(stderr, "usage: copcgap %s %s\n", c->name, c->args);
    return EXIT_USAGE;
}

int cli_lang(const struct command *c, const char *code, struct lang **out)
{
    struct cg_errors errs = CG_ERRORS_INIT;
    struct strbuf sb = STRBUF_INIT;
    int rc = 0;

    *out = lang_load(code, &errs);
    if (!*out) {
        if (errs.n)
            error_format(&errs.v[0], &sb);
        rc = cli_usage_error(c, "--lang %s: %s", code, strbuf_cstr(&sb));
    }
    strbuf_free(&sb);
    errors_free(&errs);
    return rc;
}

void cli_say(const struct lang *L, const struct msg *m)
{
    struct strbuf sb = STRBUF_INIT;
    lang_format(L, m, &sb);
    printf("%s\n", strbuf_cstr(&sb));
    strbuf_free(&sb);
}

void cli_wrote(const struct lang *L, const char *path)
{
    struct msg m;
    struct msg_arg arg;

    memset(&m, 0, sizeof m);
    memset(&arg, 0, sizeof arg);
    arg.name = "file";
    arg.type = MSG_ID;
    arg.u.s = path;
    m.key = "cli.wrote";
    m.args = &arg;
    m.nargs = 1;
    cli_say(L, &m);
}

int cli_audit_date(const struct command *c, const char *arg,
                   struct session_opts *so)
{
    if (!date_parse(arg, strlen(arg), &so->audit))
        return cli_usage_error(c, "--audit-date takes a date YYYY-MM-DD, "
                               "not '%s'", arg);
    so->has_audit = 1;
    return 0;
}

int cli_report_errors(const struct cg_errors *errs)
{
    struct strbuf sb = STRBUF_INIT;
    size_t i;

    for (i = 0; i < errs->n; i++) {
        strbuf_truncate(&sb, 0);
        /* An error about no file in particular is copcgap's own word. */
        if (!errs->v[i].file)
            strbuf_adds(&sb, "copcgap: ");
        error_format(&errs->v[i], &sb);
        fprintf(stderr, "%s\n", strbuf_cstr(&sb));
    }
    if (errs->more)
        fprintf(stderr, "copcgap: %zu more error%s not shown\n", errs->more,
                errs->more == 1 ? "" : "s");
    strbuf_free(&sb);
    switch (errors_worst(errs)) {
    case CG_ERR_INPUT: return EXIT_INPUT;
    case CG_ERR_IO:
    case CG_ERR_INTERNAL: return EXIT_IO;
    default: return EXIT_DONE;
    }
}

int cli_finish_stdout(int rc)
{
    /* A full disk or a closed pipe shows only here: a command that
     * printed its result must not exit 0 when the result was lost. */
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "copcgap: standard output: write error: %s\n",
                strerror(errno));
        return EXIT_IO;
    }
    return rc;
}

void cli_outputs_init(struct cli_outputs *o)
{
    memset(o, 0, sizeof *o);
}

void cli_outputs_input(struct cli_outputs *o, const char *path)
{
    struct cli_input *in;
    struct stat st;

    if (!path || stat(path, &st) != 0)
        return;
    in = &VEC_PUSH(o->inputs, o->ninputs, o->capinputs);
    in->path = xstrdup(path);
    in->dev = st.st_dev;
    in->ino = st.st_ino;
}

struct outfile *cli_output_open(struct cli_outputs *o, const char *path,
                                struct cg_errors *errs)
{
    struct outfile *f;
    size_t i;

    if (o->n == CLI_MAX_OUTPUTS) {
        errors_add(errs, CG_ERR_INTERNAL, path, 0, 0, "too many outputs");
        return NULL;
    }
    f = &o->f[o->n];
    if (!outfile_open(f, path, errs))
        return NULL;
    for (i = 0; i < o->n; i++) {
        if (outfile_same(f, &o->f[i])) {
            errors_add(errs, CG_ERR_IO, path, 0, 0, "is also given as "
                       "another output (%s): each output needs its own "
                       "file", o->f[i].path);
            outfile_abort(f);
            return NULL;
        }
    }
    for (i = 0; i < o->ninputs; i++) {
        struct stat st;
        st.st_dev = o->inputs[i].dev;
        st.st_ino = o->inputs[i].ino;
        if (outfile_is_file(f, &st)) {
            errors_add(errs, CG_ERR_IO, path, 0, 0, "is one of this run's "
                       "inputs (%s): copcgap never writes over an input",
                       o->inputs[i].path);
            outfile_abort(f);
            return NULL;
        }
    }
    return &o->f[o->n++];
}

int cli_outputs_commit(struct cli_outputs *o, struct cg_errors *errs)
{
    size_t i;
    int ok = 1;

    for (i = 0; i < o->n; i++)
        if (ok)
            ok = outfile_commit(&o->f[i], errs);
        else
            outfile_abort(&o->f[i]);
    o->n = 0;
    return ok;
}

void cli_outputs_abort(struct cli_outputs *o)
{
    while (o->n)
        outfile_abort(&o->f[--o->n]);
    while (o->ninputs)
        free(o->inputs[--o->ninputs].path);
    free(o->inputs);
    o->inputs = NULL;
    o->capinputs = 0;
}

/* SOURCE_DATE_EPOCH when set (reproducible builds), else now. */
time_t cli_report_time(void)
{
    const char *s = getenv("SOURCE_DATE_EPOCH");
    char *end;
    long long v;

    if (s && *s) {
        errno = 0;
        v = strtoll(s, &end, 10);
        if (errno == 0 && *end == '\0' && v >= 0)
            return (time_t)v;
    }
    return time(NULL);
}

/* Print s in exactly `width` columns (one per character), cut with "…". */
void cli_cell(const char *s, size_t width)
{
    size_t i = 0, cols = 0, len;

    if (!s)
        s = "";
    len = strlen(s);
    while (i < len && cols < width) {
        size_t n = utf8_char_len(s + i, len - i);
        if (n == 0)
            n = 1;
        if (cols + 1 == width && i + n < len) {
            fputs("…", stdout);
            cols++;
            break;
        }
        fwrite(s + i, 1, n, stdout);
        i += n;
        cols++;
    }
    for (; cols < width; cols++)
        fputc(' ', stdout);
    fputc(' ', stdout);
}
