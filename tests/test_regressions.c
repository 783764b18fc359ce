/*
 * test_regressions.c - replay saved fuzzer inputs without libFuzzer.
 *
 * For every harness NAME (extract, lexicon, jsonl, graph_read) this feeds
 * each file of fuzz/corpus/NAME/ and fuzz/regressions/NAME/ to the same
 * function the fuzzer calls (fuzz/harness.c), so under the ordinary ASan
 * test build a crash the fuzzer once found stays fixed.  Files placed
 * directly in fuzz/regressions/ (not in a NAME/ folder) go through every
 * harness.  A failing input shows up as a crash or an "harness: check
 * failed" abort; the file name is printed before each replay so the log
 * says which one.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The test build compiles exactly one source per test (tests/CMakeLists.txt
 * globs test_*.c), so the harness comes in as part of this translation
 * unit rather than as a second source file. */
#include "../fuzz/harness.c"

typedef int (*harness_fn)(const uint8_t *, size_t);

static const char *source_dir(void)
{
    static char dir[4096];
    const char *env = getenv("NG_SOURCE_DIR");
    if (env && *env) return env;
    /* ngcore's public NG_SCHEMA_SOURCE_DIR is SOURCE/schema */
    snprintf(dir, sizeof dir, "%s", NG_SCHEMA_SOURCE_DIR);
    char *slash = strrchr(dir, '/');
    if (slash) *slash = '\0';
    return dir;
}

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Replay every regular file of dir (sorted, so logs are comparable);
 * returns how many were replayed.  A missing dir replays nothing. */
static size_t replay_dir(const char *dir, harness_fn fn)
{
    DIR *dp = opendir(dir);
    if (!dp) return 0;
    ng_strvec names = {0};
    struct dirent *de;
    while ((de = readdir(dp)) != NULL)
        if (de->d_name[0] != '.') ng_strvec_push(&names, de->d_name);
    closedir(dp);
    if (names.n) qsort(names.v, names.n, sizeof *names.v, name_cmp);
    size_t done = 0;
    for (size_t i = 0; i < names.n; i++) {
        char path[8192];
        snprintf(path, sizeof path, "%s/%s", dir, names.v[i]);
        struct stat st;
        if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) continue;
        char *data = NULL;
        size_t len = 0;
        assert_int_equal(ng_read_file(path, &data, &len), 0);
        fprintf(stderr, "replay %s\n", path);
        /* An exact-size copy, like libFuzzer's buffer: reading one byte past
         * the input is then an ASan error here too. */
        uint8_t *copy = malloc(len ? len : 1);
        assert_non_null(copy);
        memcpy(copy, data, len);
        free(data);
        fn(copy, len);
        free(copy);
        done++;
    }
    ng_strvec_free(&names);
    return done;
}

static void replay(const char *name, harness_fn fn)
{
    const char *src = source_dir();
    ng_buf dir;
    ng_buf_init(&dir);
    ng_buf_printf(&dir, "%s/fuzz/corpus/%s", src, name);
    size_t n_corpus = replay_dir(dir.data, fn);
    ng_buf_reset(&dir);
    ng_buf_printf(&dir, "%s/fuzz/regressions/%s", src, name);
    size_t n_reg = replay_dir(dir.data, fn);
    ng_buf_reset(&dir);
    ng_buf_printf(&dir, "%s/fuzz/regressions", src);
    n_reg += replay_dir(dir.data, fn);
    ng_buf_free(&dir);
    fprintf(stderr, "%s: %zu corpus file(s), %zu regression file(s) replayed\n", name, n_corpus, n_reg);
    /* The seed corpus ships with the source: none found means a wrong
     * NG_SOURCE_DIR, and a test that replays nothing must not pass. */
    assert_true(n_corpus > 0);
}

static void test_extract(void **state)
{
    (void)state;
    replay("extract", ng_harness_extract);
}

static void test_lexicon(void **state)
{
    (void)state;
    replay("lexicon", ng_harness_lexicon);
}

static void test_jsonl(void **state)
{
    (void)state;
    replay("jsonl", ng_harness_jsonl);
}

static void test_graph_read(void **state)
{
    (void)state;
    replay("graph_read", ng_harness_graph_read);
}

static int setup(void **state)
{
    (void)state;
    /* the extract harness silently does nothing without the lexicon */
    return ng_harness_setup() == 0 ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    ng_harness_teardown();
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_extract),
        cmocka_unit_test(test_lexicon),
        cmocka_unit_test(test_jsonl),
        cmocka_unit_test(test_graph_read),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
