/*
 * fuzz.h — what the fuzz targets share (tests/fuzz/fuzz_*.c).
 *
 * Each target defines LLVMFuzzerInitialize and LLVMFuzzerTestOneInput.
 * Built with clang and libFuzzer (`make fuzz`, build/fuzz/), they are
 * fuzzed; built with the project's own compiler and replay.c (`make
 * check`), they replay the regression corpus tests/fuzz-regress/TARGET.
 * A target reports a wrong result by abort(): both drivers stop there.
 *
 * Targets that need files write them into one scratch directory made
 * at start ($TMPDIR or /tmp) and removed at exit.
 */
#ifndef COPCGAP_FUZZ_H
#define COPCGAP_FUZZ_H

#include <dirent.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Stop with a message: the input showed a bug. */
#define FUZZ_ASSERT(cond)                                                  \
    do {                                                                   \
        if (!(cond)) {                                                     \
            fprintf(stderr, "%s:%d: fuzz check failed: %s\n", __FILE__,    \
                    __LINE__, #cond);                                      \
            abort();                                                       \
        }                                                                  \
    } while (0)

static char fuzz_dir[256];

/* Remove path and, when it is a directory, everything under it. */
static inline void fuzz_remove_tree(const char *path)
{
    struct stat st;
    DIR *d;
    struct dirent *e;

    if (lstat(path, &st) != 0)
        return;
    if (!S_ISDIR(st.st_mode)) {
        unlink(path);
        return;
    }
    if ((d = opendir(path)) != NULL) {
        while ((e = readdir(d)) != NULL) {
            char sub[1024];
            int n;
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            n = snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
            if (n > 0 && (size_t)n < sizeof sub)
                fuzz_remove_tree(sub);
        }
        closedir(d);
    }
    rmdir(path);
}

static inline void fuzz_cleanup(void)
{
    if (fuzz_dir[0])
        fuzz_remove_tree(fuzz_dir);
    fuzz_dir[0] = '\0';
}

/* The scratch directory, made on first use. */
static inline const char *fuzz_scratch(void)
{
    const char *tmp = getenv("TMPDIR");

    if (fuzz_dir[0])
        return fuzz_dir;
    snprintf(fuzz_dir, sizeof fuzz_dir, "%s/copcgap-fuzz-XXXXXX",
             tmp && *tmp && strlen(tmp) < 200 ? tmp : "/tmp");
    if (!mkdtemp(fuzz_dir)) {
        perror("fuzz: mkdtemp");
        abort();
    }
    atexit(fuzz_cleanup);
    return fuzz_dir;
}

/* Write data to path (replacing it); aborts on failure. */
static inline void fuzz_write(const char *path, const void *data, size_t len)
{
    FILE *fp = fopen(path, "wb");

    if (!fp || (len && fwrite(data, 1, len, fp) != len) || fclose(fp) != 0) {
        perror(path);
        abort();
    }
}

/* Copy the file `from` to `to`; aborts on failure. */
static inline void fuzz_copy(const char *from, const char *to)
{
    FILE *fp = fopen(from, "rb");
    char buf[65536];
    size_t n;
    FILE *out;

    if (!fp) {
        perror(from);
        abort();
    }
    out = fopen(to, "wb");
    if (!out) {
        perror(to);
        abort();
    }
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
        if (fwrite(buf, 1, n, out) != n)
            abort();
    fclose(fp);
    if (fclose(out) != 0)
        abort();
}

/* scratch/name as a path in buf. */
static inline const char *fuzz_path(char *buf, size_t size, const char *name)
{
    snprintf(buf, size, "%s/%s", fuzz_scratch(), name);
    return buf;
}

#endif
