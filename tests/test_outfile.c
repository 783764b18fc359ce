/* test_outfile.c - atomic output: commit, abort, unwritable dirs, full disk. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ng.h"
#include "outfile.h"

static char tmpdir[256];

static int setup(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/ng_test_outfile.XXXXXX");
    if (!mkdtemp(tmpdir)) return -1;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[600];
    /* restore permissions a test may have removed, then clean up */
    snprintf(cmd, sizeof cmd, "chmod -R u+rwx '%s' 2>/dev/null; rm -rf '%s'", tmpdir, tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

static char *path_in(const char *name)
{
    ng_buf b;
    ng_buf_init(&b);
    ng_buf_printf(&b, "%s/%s", tmpdir, name);
    return ng_buf_steal(&b);
}

static void write_file(const char *path, const char *content)
{
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs(content, fp);
    assert_int_equal(fclose(fp), 0);
}

static char *slurp(const char *path)
{
    char *data;
    size_t len;
    if (ng_read_file(path, &data, &len) != 0) return NULL;
    return data;
}

/* Number of leftover temp files (".*.tmp.*") in dir. */
static int count_temps(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) return -1;
    int n = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL)
        if (strstr(de->d_name, ".tmp.")) n++;
    closedir(d);
    return n;
}

static void test_commit_creates(void **state)
{
    (void)state;
    char *p = path_in("graph.ttl");
    mode_t old = umask(022);
    ng_outfile f;
    assert_int_equal(ng_outfile_open(&f, p), 0);
    assert_non_null(f.fp);
    assert_non_null(f.tmp);
    assert_int_equal(count_temps(tmpdir), 1);
    fputs("hello\n", f.fp);
    assert_int_equal(ng_outfile_commit(&f), 0);
    umask(old);
    assert_null(f.fp);
    char *c = slurp(p);
    assert_non_null(c);
    assert_string_equal(c, "hello\n");
    free(c);
    struct stat st;
    assert_int_equal(stat(p, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0644);
    assert_int_equal(count_temps(tmpdir), 0);

    /* replacing an existing file */
    assert_int_equal(ng_outfile_open(&f, p), 0);
    fputs("second\n", f.fp);
    assert_int_equal(ng_outfile_commit(&f), 0);
    c = slurp(p);
    assert_string_equal(c, "second\n");
    free(c);
    free(p);
}

static void test_relative_path(void **state)
{
    (void)state;
    char cwd[4096];
    assert_non_null(getcwd(cwd, sizeof cwd));
    assert_int_equal(chdir(tmpdir), 0);
    ng_outfile f;
    assert_int_equal(ng_outfile_open(&f, "plain.csv"), 0);
    fputs("a,b\n", f.fp);
    assert_int_equal(ng_outfile_commit(&f), 0);
    char *c = slurp("plain.csv");
    assert_string_equal(c, "a,b\n");
    free(c);
    assert_int_equal(chdir(cwd), 0);
}

static void test_abort_keeps_old(void **state)
{
    (void)state;
    char *p = path_in("keep.json");
    write_file(p, "previous");
    ng_outfile f;
    assert_int_equal(ng_outfile_open(&f, p), 0);
    fputs("half-written garbage", f.fp);
    ng_outfile_abort(&f);
    ng_outfile_abort(&f); /* idempotent */
    char *c = slurp(p);
    assert_string_equal(c, "previous");
    free(c);
    assert_int_equal(count_temps(tmpdir), 0);
    free(p);

    /* abort without any previous file leaves nothing */
    p = path_in("never.json");
    assert_int_equal(ng_outfile_open(&f, p), 0);
    ng_outfile_abort(&f);
    assert_int_equal(access(p, F_OK), -1);
    assert_int_equal(count_temps(tmpdir), 0);
    free(p);
}

static void test_unwritable(void **state)
{
    (void)state;
    ng_outfile f;
    /* parent is a regular file: fails for root too */
    char *file = path_in("afile");
    write_file(file, "x");
    char *p = path_in("afile/out.ttl");
    assert_int_equal(ng_outfile_open(&f, p), -1);
    assert_null(f.fp);
    ng_outfile_abort(&f); /* harmless after a failed open */
    free(p);
    /* missing directory */
    p = path_in("no/such/dir/out.ttl");
    assert_int_equal(ng_outfile_open(&f, p), -1);
    free(p);
    /* a directory as the target: open works, commit's rename must fail */
    char *d = path_in("adir");
    assert_int_equal(mkdir(d, 0755), 0);
    assert_int_equal(ng_outfile_open(&f, d), 0);
    fputs("x", f.fp);
    assert_int_equal(ng_outfile_commit(&f), -1);
    assert_int_equal(count_temps(tmpdir), 0);
    free(d);
    free(file);

    if (geteuid() == 0) return; /* root ignores permission bits */
    char *ro = path_in("readonly");
    assert_int_equal(mkdir(ro, 0555), 0);
    p = path_in("readonly/out.ttl");
    assert_int_equal(ng_outfile_open(&f, p), -1);
    assert_int_equal(ng_ensure_dir(ro), -1);
    free(p);
    free(ro);
}

/* Disk full, simulated by RLIMIT_FSIZE: writes beyond the limit fail with
 * EFBIG (SIGXFSZ ignored).  Done in a child so the limit does not leak. */
static void test_disk_full(void **state)
{
    (void)state;
    char *p = path_in("full.nt");
    write_file(p, "previous");
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        signal(SIGXFSZ, SIG_IGN);
        struct rlimit rl = {4096, 4096};
        if (setrlimit(RLIMIT_FSIZE, &rl) != 0) _exit(3);
        ng_outfile f;
        if (ng_outfile_open(&f, p) != 0) _exit(4);
        for (int i = 0; i < 10000; i++) fputs("0123456789abcdef\n", f.fp);
        _exit(ng_outfile_commit(&f) == -1 ? 0 : 1);
    }
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    char *c = slurp(p);
    assert_string_equal(c, "previous");
    free(c);
    assert_int_equal(count_temps(tmpdir), 0);
    free(p);
}

/* /dev/full: writes fail with ENOSPC.  We cannot create temp files there,
 * but a stream opened on it shows that ferror/fflush failures are caught
 * the same way (commit must not claim success for lost data). */
static void test_dev_full_stream(void **state)
{
    (void)state;
    FILE *fp = fopen("/dev/full", "w");
    if (!fp) skip();
    ng_outfile f = {ng_xstrdup("/dev/full"), NULL, fp};
    fputs("data", f.fp);
    /* tmp == NULL: the stdout-like path, which only flushes */
    assert_int_equal(ng_outfile_commit(&f), -1);
    fclose(fp);
}

static void test_ensure_dir(void **state)
{
    (void)state;
    char *d = path_in("a/b/c");
    assert_int_equal(ng_ensure_dir(d), 0);
    struct stat st;
    assert_int_equal(stat(d, &st), 0);
    assert_true(S_ISDIR(st.st_mode));
    assert_int_equal(ng_ensure_dir(d), 0); /* exists: fine */
    assert_int_equal(count_temps(d), 0);   /* probe removed */
    free(d);
    d = path_in("a/b/c/");
    assert_int_equal(ng_ensure_dir(d), 0); /* trailing slash */
    free(d);
    char *f = path_in("plainfile");
    write_file(f, "x");
    assert_int_equal(ng_ensure_dir(f), -1);
    d = path_in("plainfile/sub");
    assert_int_equal(ng_ensure_dir(d), -1);
    free(d);
    free(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_commit_creates, setup, teardown),
        cmocka_unit_test_setup_teardown(test_relative_path, setup, teardown),
        cmocka_unit_test_setup_teardown(test_abort_keeps_old, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unwritable, setup, teardown),
        cmocka_unit_test_setup_teardown(test_disk_full, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dev_full_stream, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ensure_dir, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
