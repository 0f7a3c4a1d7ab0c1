/*
 * cli_progress.c — the progress line for long reads: rows, MB/s and
 * percent on stderr, redrawn at most five times a second and erased when
 * each file is done; only when stderr is a terminal, so logs and tests
 * never see it.  Used by every command that reads the raw data.
 */
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

/* Files smaller than this finish before a progress line would help. */
#define PROGRESS_MIN_BYTES (UINT64_C(64) << 20)

static struct {
    int shown;
    double started, last;
    const char *file;
} state;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void on_progress(void *ctx, const char *file, uint64_t done,
                        uint64_t total, uint64_t rows)
{
    double t = now(), secs;
    (void)ctx;
    if (total < PROGRESS_MIN_BYTES)
        return;
    if (state.file != file) {       /* a new file: rate starts again */
        state.file = file;
        state.started = t;
        state.last = t;
    }
    if (done >= total) {            /* erase: this file is done */
        cli_progress_done();
        return;
    }
    if (done == 0 || t - state.last < 0.2)
        return;
    state.last = t;
    secs = t - state.started;
    fprintf(stderr, "\r%s: %llu rows, %.0f MB/s, %3.0f %%\033[K", file,
            (unsigned long long)rows,
            secs > 0 ? (double)done / 1e6 / secs : 0.0,
            total ? 100.0 * (double)done / (double)total : 100.0);
    fflush(stderr);
    state.shown = 1;
}

void cli_progress_init(struct kpi_progress *p)
{
    p->fn = NULL;
    p->ctx = NULL;
    state.shown = 0;
    state.started = state.last = 0;
    state.file = NULL;
    if (isatty(STDERR_FILENO))
        p->fn = on_progress;
}

void cli_progress_done(void)
{
    if (state.shown)
        fputs("\r\033[K", stderr);
    state.shown = 0;
}
