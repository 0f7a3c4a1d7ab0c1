/*
 * test_outfile.c — output files: a signal removes the temporary files of
 * open outputs and still kills the process; destinations that are the
 * same file are recognised; input files are refused when not regular.
 * (The refusals of links, devices and inputs are CLI cases in tests/bad.)
 */
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check_main.h"
#include "copcgap/infile.h"
#include "copcgap/outfile.h"

/* Entries of dir whose name starts with prefix. */
static int count_prefixed(const char *dir, const char *prefix)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int n = 0;

    ck_assert_ptr_nonnull(d);
    while ((e = readdir(d)) != NULL)
        if (strncmp(e->d_name, prefix, strlen(prefix)) == 0)
            n++;
    closedir(d);
    return n;
}

/* A child opens two outputs, then is killed by `sig`: it must die of
 * that signal and leave no temporary file. */
static void killed_by(int sig)
{
    char dir[] = "/tmp/cgtest-out-XXXXXX";
    int status = 0;
    pid_t pid;

    ck_assert_ptr_nonnull(mkdtemp(dir));
    pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        struct cg_errors errs = CG_ERRORS_INIT;
        struct outfile a, b;
        char pa[64], pb[64];
        snprintf(pa, sizeof pa, "%s/a.json", dir);
        snprintf(pb, sizeof pb, "%s/b.pdf", dir);
        outfile_cleanup_on_signals();
        if (!outfile_open(&a, pa, &errs) || !outfile_open(&b, pb, &errs) ||
            !outfile_write(&a, "{}", 2, &errs))
            _exit(10);
        if (count_prefixed(dir, ".copcgap-") != 2)
            _exit(11);
        raise(sig);
        _exit(12);              /* not reached: the signal kills */
    }
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert_msg(WIFSIGNALED(status) && WTERMSIG(status) == sig,
                  "child status %d", status);
    ck_assert_int_eq(count_prefixed(dir, ".copcgap-"), 0);
    ck_assert_int_eq(count_prefixed(dir, "a.json"), 0);
    ck_assert_int_eq(rmdir(dir), 0);
}

START_TEST(signal_removes_temporary_files)
{
    killed_by(SIGTERM);
    killed_by(SIGINT);
    killed_by(SIGHUP);
}
END_TEST

START_TEST(same_destination_whatever_the_spelling)
{
    struct cg_errors errs = CG_ERRORS_INIT;
    char dir[] = "/tmp/cgtest-out-XXXXXX", p1[80], p2[80], p3[80];
    struct outfile a, b, c;
    struct stat st;

    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(p1, sizeof p1, "%s/r.json", dir);
    snprintf(p2, sizeof p2, "%s/./r.json", dir);
    snprintf(p3, sizeof p3, "%s/other.json", dir);
    ck_assert(outfile_open(&a, p1, &errs));
    ck_assert(outfile_open(&b, p2, &errs));
    ck_assert(outfile_open(&c, p3, &errs));
    ck_assert(outfile_same(&a, &b));
    ck_assert(!outfile_same(&a, &c));
    ck_assert(outfile_commit(&c, &errs));
    /* other.json exists now: an output opened on it is that file. */
    ck_assert(outfile_open(&c, p3, &errs));
    ck_assert_int_eq(stat(p3, &st), 0);
    ck_assert(outfile_is_file(&c, &st));
    ck_assert(!outfile_is_file(&a, &st));
    outfile_abort(&a);
    outfile_abort(&b);
    outfile_abort(&c);
    ck_assert_uint_eq(errors_count(&errs), 0);
    ck_assert_int_eq(count_prefixed(dir, ".copcgap-"), 0);
    unlink(p3);
    ck_assert_int_eq(rmdir(dir), 0);
}
END_TEST

START_TEST(infile_refuses_what_is_not_a_regular_file)
{
    struct cg_errors errs = CG_ERRORS_INIT;
    char dir[] = "/tmp/cgtest-in-XXXXXX", fifo[80], big[80];
    int fd;

    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(fifo, sizeof fifo, "%s/p", dir);
    snprintf(big, sizeof big, "%s/big", dir);
    ck_assert_int_eq(mkfifo(fifo, 0600), 0);
    /* Returns at once (no writer needed), refused. */
    ck_assert_int_eq(infile_open(fifo, "p", "a test file", 0, 0, NULL,
                                 &errs), -1);
    ck_assert_str_eq(errs.v[0].msg, "not a regular file (a FIFO)");
    ck_assert_int_eq(errs.v[0].kind, CG_ERR_INPUT);
    ck_assert_int_eq(infile_open(dir, "d", "a test file", 0, 0, NULL,
                                 &errs), -1);
    ck_assert_str_eq(errs.v[1].msg, "not a regular file (a directory)");
    fd = open(big, O_WRONLY | O_CREAT, 0600);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(ftruncate(fd, 2048), 0);
    close(fd);
    ck_assert_int_eq(infile_open(big, "big", "a test file", 1024, 0, NULL,
                                 &errs), -1);
    ck_assert_str_eq(errs.v[2].msg, "larger than 1 KiB, the limit for a "
                     "test file (docs/limits.md)");
    fd = infile_open(big, "big", "a test file", 2048, 0, NULL, &errs);
    ck_assert_int_ge(fd, 0);
    /* Blocking again: O_NONBLOCK was only for the open. */
    ck_assert_int_eq(fcntl(fd, F_GETFL) & O_NONBLOCK, 0);
    close(fd);
    unlink(big);
    unlink(fifo);
    rmdir(dir);
    errors_free(&errs);
}
END_TEST

static Suite *outfile_suite(void)
{
    Suite *s = suite_create("outfile");
    TCase *tc = tcase_create("core");

    tcase_add_test(tc, signal_removes_temporary_files);
    tcase_add_test(tc, same_destination_whatever_the_spelling);
    tcase_add_test(tc, infile_refuses_what_is_not_a_regular_file);
    suite_add_tcase(s, tc);
    return s;
}

CG_TEST_MAIN(outfile_suite)
