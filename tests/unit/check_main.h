/*
 * check_main.h — main() for a Check test binary: runs one suite and
 * prints Check's summary line ("100%: Checks: N, Failures: 0, Errors: 0").
 */
#ifndef COPCGAP_CHECK_MAIN_H
#define COPCGAP_CHECK_MAIN_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>

#define CG_TEST_MAIN(suite_fn)                                   \
    int main(void)                                               \
    {                                                            \
        SRunner *sr = srunner_create(suite_fn());                \
        int failed;                                              \
        srunner_run_all(sr, CK_NORMAL);                          \
        failed = srunner_ntests_failed(sr);                      \
        srunner_free(sr);                                        \
        return failed ? EXIT_FAILURE : EXIT_SUCCESS;             \
    }

/* Write `text` to a fresh temporary file; returns its malloc'd path. */
static inline char *write_temp(const char *suffix, const char *text)
{
    char tmpl[64];
    char *path;
    FILE *fp;
    snprintf(tmpl, sizeof tmpl, "/tmp/cgtest-XXXXXX");
    {
        int fd = mkstemp(tmpl);
        if (fd < 0)
            return NULL;
        fp = fdopen(fd, "w");
    }
    fputs(text, fp);
    fclose(fp);
    path = malloc(sizeof tmpl + 16);
    snprintf(path, sizeof tmpl + 16, "%s%s", tmpl, suffix);
    rename(tmpl, path);
    return path;
}

#endif
