/* test_input.c - loading text files, directories, JSON Lines, stdin, and
 * reporting bad articles (messages are captured from stderr). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "input.h"
#include "ng.h"

static char tmpdir[256];

static int setup(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/ng_test_input.XXXXXX");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%.300s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

static char *path_in(const char *name)
{
    ng_buf b;
    ng_buf_init(&b);
    ng_buf_printf(&b, "%s/%s", tmpdir, name);
    return ng_buf_steal(&b);
}

/* Write n bytes to tmpdir/name (creating parent dirs); returns the path. */
static char *put(const char *name, const char *data, size_t n)
{
    char *p = path_in(name);
    for (char *s = p + strlen(tmpdir) + 1; *s; s++)
        if (*s == '/') {
            *s = '\0';
            mkdir(p, 0755);
            *s = '/';
        }
    FILE *fp = fopen(p, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(data, 1, n, fp), n);
    assert_int_equal(fclose(fp), 0);
    return p;
}
#define PUT(name, lit) put(name, lit, sizeof(lit) - 1)

/* Run ng_input_load with stderr captured; returns its result, stores the
 * captured text (caller frees) in *err. */
typedef struct run {
    int rc;
    size_t n_bad;
    char *err;
} run;

static run load(ng_graph *g, const char *const *paths, size_t n, size_t max, int keep_going)
{
    ng_input_opts o;
    ng_input_opts_default(&o);
    if (max) o.max_article_bytes = max;
    o.keep_going = keep_going;
    char *cap = path_in("stderr.txt");
    fflush(stderr);
    int saved = dup(2);
    int fd = open(cap, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    assert_true(fd >= 0 && saved >= 0);
    dup2(fd, 2);
    close(fd);
    run r;
    r.rc = ng_input_load(g, paths, n, &o, &r.n_bad);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    size_t len;
    assert_int_equal(ng_read_file(cap, &r.err, &len), 0);
    unlink(cap);
    free(cap);
    fputs(r.err, stderr); /* keep messages visible in the test log */
    return r;
}

static int find_doc(const ng_graph *g, const char *id)
{
    for (size_t i = 0; i < g->n_docs; i++)
        if (strcmp(g->docs[i].id, id) == 0) return (int)i;
    return -1;
}

static void test_text_file(void **state)
{
    (void)state;
    /* BBC layout, with a curly apostrophe (3 bytes, 1 code point) */
    char *p = PUT("politics/001.txt",
                  "Blair\xE2\x80\x99s pledge\n\nTony Blair said \xE2\x80\x9Cyes\xE2\x80\x9D.\n");
    ng_graph g;
    ng_graph_init(&g);
    const char *paths[] = {p};
    run r = load(&g, paths, 1, 0, 1);
    assert_int_equal(r.rc, 0);
    assert_int_equal(r.n_bad, 0);
    assert_int_equal(g.n_docs, 1);
    ng_doc *d = &g.docs[0];
    assert_string_equal(d->id, "001");
    assert_string_equal(d->title, "Blair's pledge");
    assert_string_equal(d->text, "Blair's pledge\n\nTony Blair said \"yes\".\n");
    assert_int_equal(d->len, strlen(d->text));
    assert_int_equal(d->n_chars, strlen(d->text)); /* all ASCII now, same count */
    assert_string_equal(d->path, p);
    assert_null(d->date);
    free(r.err);
    ng_graph_free(&g);
    free(p);

    /* no blank second line: no title */
    p = PUT("notitle.txt", "First line\nsecond line\n");
    ng_graph_init(&g);
    paths[0] = p;
    r = load(&g, paths, 1, 0, 1);
    assert_int_equal(r.rc, 0);
    assert_null(g.docs[0].title);
    assert_string_equal(g.docs[0].id, "notitle");
    free(r.err);
    ng_graph_free(&g);
    free(p);
}

static void test_directory(void **state)
{
    (void)state;
    free(PUT("corpus/politics/002.txt", "Two\n\nBody two.\n"));
    free(PUT("corpus/politics/001.txt", "One\n\nBody one.\n"));
    free(PUT("corpus/business/010.txt", "Ten\n\nBody ten.\n"));
    free(PUT("corpus/.hidden.txt", "Hidden\n\nNo.\n"));
    free(PUT("corpus/.git/x.txt", "Hidden dir\n\nNo.\n"));
    free(PUT("corpus/notes.csv", "a,b\n"));
    free(PUT("corpus/README.md", "Readme\n\nA markdown article.\n"));
    free(PUT("corpus/feed.jsonl", "{\"id\": \"j1\", \"text\": \"From JSON.\"}\n"));
    char *dir = path_in("corpus");
    char *loop = path_in("corpus/politics/loop");
    assert_int_equal(symlink(dir, loop), 0); /* directory symlink: not followed */
    char *flink = path_in("corpus/zlink.txt");
    char *target = path_in("corpus/business/010.txt");
    assert_int_equal(symlink(target, flink), 0); /* file symlink: read */

    ng_graph g;
    ng_graph_init(&g);
    const char *paths[] = {dir};
    run r = load(&g, paths, 1, 0, 1);
    assert_int_equal(r.rc, 0);
    assert_int_equal(r.n_bad, 0);
    /* byte order: business/ < feed.jsonl < politics/ < zlink.txt; README.md
     * in a folder is documentation, not an article */
    assert_int_equal(g.n_docs, 5);
    assert_string_equal(g.docs[0].id, "business/010");
    assert_string_equal(g.docs[1].id, "j1");
    assert_string_equal(g.docs[2].id, "politics/001");
    assert_string_equal(g.docs[3].id, "politics/002");
    assert_string_equal(g.docs[4].id, "zlink");
    assert_string_equal(g.docs[2].title, "One");
    assert_non_null(strstr(g.docs[2].path, "corpus/politics/001.txt"));
    assert_null(strstr(g.docs[2].path, "//"));
    assert_non_null(strstr(r.err, "not followed"));
    free(r.err);
    ng_graph_free(&g);

    /* trailing slash on the argument gives the same ids and no "//" */
    char *dir2 = path_in("corpus/");
    ng_graph_init(&g);
    paths[0] = dir2;
    r = load(&g, paths, 1, 0, 1);
    assert_int_equal(g.n_docs, 5);
    assert_string_equal(g.docs[2].id, "politics/001");
    assert_null(strstr(g.docs[2].path, "//"));
    free(r.err);
    ng_graph_free(&g);

    /* a directory without articles */
    char *empty = path_in("emptydir");
    assert_int_equal(mkdir(empty, 0755), 0);
    free(PUT("emptydir/data.bin", "xx"));
    ng_graph_init(&g);
    paths[0] = empty;
    r = load(&g, paths, 1, 0, 1);
    assert_int_equal(r.rc, -1);
    assert_int_equal(r.n_bad, 1);
    assert_non_null(strstr(r.err, "emptydir: no articles (.txt, .jsonl) found"));
    free(r.err);
    ng_graph_free(&g);
    free(empty);
    free(dir);
    free(dir2);
    free(loop);
    free(flink);
    free(target);
}

static void test_jsonl(void **state)
{
    (void)state;
    char *p = PUT("feed.jsonl",
                  "{\"id\": \"a1\", \"title\": \"T\xE2\x80\x94one\", \"date\": \"2021-12-09\", "
                  "\"source\": \"BBC\", \"url\": \"http://x/1\", \"category\": \"politics\", "
                  "\"text\": \"Alpha text.\"}\n"
                  "\n"
                  "{\"id\": \"a2\", \"text\": \"Beta\" \n"
                  "{\"id\": \"a3\", \"title\": \"no text\"}\n"
                  "[1, 2, 3]\n"
                  "{\"text\": \"No id here.\", \"date\": \"2021-12-09T10:11:12Z\"}\r\n"
                  "{\"id\": \"a1\", \"text\": \"Same id again.\", \"date\": \"09/12/2021\"}\n"
                  "{\"id\": 42, \"text\": \"numeric id\", \"date\": \"2021-02-29\"}\n"
                  "{\"id\": \"e\", \"text\": \"   \"}\n"
                  "{\"id\": \"last\", \"text\": \"no newline at the end\"}");
    ng_graph g;
    ng_graph_init(&g);
    const char *paths[] = {p};
    run r = load(&g, paths, 1, 0, 1);
    assert_int_equal(r.rc, 0);
    assert_int_equal(r.n_bad, 4); /* bad JSON, no text, array, empty */
    assert_non_null(strstr(r.err, "feed.jsonl:3: not valid JSON"));
    assert_non_null(strstr(r.err, "feed.jsonl:4: no \"text\" string"));
    assert_non_null(strstr(r.err, "feed.jsonl:5: not a JSON object"));
    assert_non_null(strstr(r.err, "feed.jsonl:9: empty article"));
    assert_non_null(strstr(r.err, "'09/12/2021'"));   /* bad date warned */
    assert_non_null(strstr(r.err, "'2021-02-29'"));   /* not a leap year */
    assert_int_equal(g.n_docs, 5);
    ng_doc *d = &g.docs[0];
    assert_string_equal(d->id, "a1");
    assert_string_equal(d->title, "T-one");
    assert_string_equal(d->date, "2021-12-09");
    assert_string_equal(d->source, "BBC");
    assert_string_equal(d->url, "http://x/1");
    assert_string_equal(d->text, "Alpha text.");
    assert_int_equal(d->n_chars, 11);
    assert_string_equal(d->path, p);
    /* id-less line is called FILE:LINE; longer timestamp cut to the date */
    char *want = NULL;
    ng_buf b;
    ng_buf_init(&b);
    ng_buf_printf(&b, "%s:6", p);
    want = ng_buf_steal(&b);
    int i = find_doc(&g, want);
    assert_true(i >= 0);
    assert_string_equal(g.docs[i].date, "2021-12-09");
    free(want);
    i = find_doc(&g, "a1#2");
    assert_true(i >= 0);
    assert_string_equal(g.docs[i].text, "Same id again.");
    assert_null(g.docs[i].date);
    assert_true(find_doc(&g, "42") >= 0);
    assert_true(find_doc(&g, "last") >= 0);
    free(r.err);
    ng_graph_free(&g);
    free(p);
}

static void test_bad_articles(void **state)
{
    (void)state;
    char *utf = PUT("bad/utf.txt", "Title\n\nhello \xC3\x28 world\n"); /* offset 13 */
    char *bin = PUT("bad/bin.txt", "abc\0def");
    char *empty = PUT("bad/empty.txt", "  \n\t\n\xC2\xA0\n");
    char *big = put("bad/big.txt", "x", 1);
    char *missing = path_in("bad/missing.txt");
    char *good = PUT("good.txt", "Fine\n\nAll good.\n");
    {
        FILE *fp = fopen(big, "w");
        for (int k = 0; k < 200; k++) fputc('x', fp);
        fclose(fp);
    }
    ng_graph g;
    ng_graph_init(&g);
    const char *paths[] = {utf, bin, empty, big, missing, good};
    run r = load(&g, paths, 6, 100, 1);
    assert_int_equal(r.rc, 0);
    assert_int_equal(r.n_bad, 5);
    assert_int_equal(g.n_docs, 1);
    assert_string_equal(g.docs[0].id, "good");
    assert_non_null(strstr(r.err, "utf.txt: invalid UTF-8 at byte 13"));
    assert_non_null(strstr(r.err, "bin.txt: binary file (NUL byte at offset 3)"));
    assert_non_null(strstr(r.err, "empty.txt: empty article"));
    assert_non_null(strstr(r.err,
                           "big.txt: article is 200 bytes, larger than the limit of 100 "
                           "(--max-article-bytes)"));
    assert_non_null(strstr(r.err, "missing.txt: cannot open: No such file or directory"));
    free(r.err);
    ng_graph_free(&g);

    /* without keep_going the first problem stops everything */
    ng_graph_init(&g);
    const char *paths2[] = {good, utf, bin};
    r = load(&g, paths2, 3, 0, 0);
    assert_int_equal(r.rc, -1);
    assert_int_equal(r.n_bad, 1);
    assert_int_equal(g.n_docs, 1);
    assert_null(strstr(r.err, "bin.txt"));
    free(r.err);
    ng_graph_free(&g);

    /* nothing loadable */
    ng_graph_init(&g);
    const char *paths3[] = {bin};
    r = load(&g, paths3, 1, 0, 1);
    assert_int_equal(r.rc, -1);
    free(r.err);
    ng_graph_free(&g);

    free(utf);
    free(bin);
    free(empty);
    free(big);
    free(missing);
    free(good);
}

static void test_jsonl_errors(void **state)
{
    (void)state;
    /* invalid UTF-8 on line 2: byte offset in the file */
    const char data[] = "{\"text\": \"ok\"}\n{\"text\": \"caf\xC3\"}\n";
    char *p = put("u.jsonl", data, sizeof data - 1);
    ng_graph g;
    ng_graph_init(&g);
    const char *paths[] = {p};
    run r = load(&g, paths, 1, 0, 1);
    assert_int_equal(r.rc, 0);
    assert_int_equal(r.n_bad, 1);
    assert_non_null(strstr(r.err, "u.jsonl:2: invalid UTF-8 at byte 28"));
    free(r.err);
    ng_graph_free(&g);
    free(p);

    /* an over-long line is skipped while streaming; later lines still load */
    size_t max = 10, longlen = max * 6 + 65536 + 70000;
    ng_buf b;
    ng_buf_init(&b);
    ng_buf_puts(&b, "{\"id\": \"long\", \"text\": \"");
    for (size_t k = 0; k < longlen; k++) ng_buf_putc(&b, 'y');
    ng_buf_puts(&b, "\"}\n{\"id\": \"short\", \"text\": \"tiny\"}\n{\"id\": \"mid\", \"text\": \"");
    for (size_t k = 0; k < 50; k++) ng_buf_putc(&b, 'z');
    ng_buf_puts(&b, "\"}\n");
    p = put("long.jsonl", b.data, b.len);
    ng_buf_free(&b);
    ng_graph_init(&g);
    paths[0] = p;
    r = load(&g, paths, 1, max, 1);
    assert_int_equal(r.rc, 0);
    assert_int_equal(r.n_bad, 2);
    assert_non_null(strstr(r.err, "long.jsonl:1: line is more than"));
    assert_non_null(strstr(r.err, "long.jsonl:3: article is 50 bytes, larger than the limit of 10"));
    assert_int_equal(g.n_docs, 1);
    assert_string_equal(g.docs[0].id, "short");
    free(r.err);
    ng_graph_free(&g);
    free(p);

    /* a blank-only JSON Lines file */
    p = PUT("blank.jsonl", "\n  \n");
    ng_graph_init(&g);
    paths[0] = p;
    r = load(&g, paths, 1, 0, 1);
    assert_int_equal(r.rc, -1);
    assert_non_null(strstr(r.err, "blank.jsonl: no articles"));
    free(r.err);
    ng_graph_free(&g);
    free(p);
}

static void test_duplicate_ids(void **state)
{
    (void)state;
    char *a = PUT("x/story.txt", "A\n\nFirst.\n");
    char *b = PUT("y/story.txt", "B\n\nSecond.\n");
    char *c = PUT("z/story.md", "C\n\nThird.\n");
    ng_graph g;
    ng_graph_init(&g);
    const char *paths[] = {a, b, c};
    run r = load(&g, paths, 3, 0, 1);
    assert_int_equal(r.rc, 0);
    assert_int_equal(g.n_docs, 3);
    assert_string_equal(g.docs[0].id, "story");
    assert_string_equal(g.docs[1].id, "story#2");
    assert_string_equal(g.docs[2].id, "story#3");
    free(r.err);
    /* a second call sees the ids already in g */
    const char *again[] = {a};
    r = load(&g, again, 1, 0, 1);
    assert_string_equal(g.docs[3].id, "story#4");
    free(r.err);
    ng_graph_free(&g);
    free(a);
    free(b);
    free(c);
}

/* Point fd 0 (and so stdin) at a file. */
static void stdin_from(const char *path)
{
    int fd = open(path, O_RDONLY);
    assert_true(fd >= 0);
    dup2(fd, 0);
    close(fd);
    clearerr(stdin);
}

static void test_stdin(void **state)
{
    (void)state;
    char *j = PUT("in.jsonl", "  \n{\"id\": \"s1\", \"text\": \"one\"}\n{\"id\": \"s2\", \"text\": \"two\"}\n");
    char *t = PUT("in.txt", "\xEF\xBB\xBFHeadline\n\nBody {not json}.\n");
    int saved = dup(0);
    ng_graph g;
    ng_graph_init(&g);
    const char *paths[] = {"-"};
    stdin_from(j);
    run r = load(&g, paths, 1, 0, 1);
    assert_int_equal(r.rc, 0);
    assert_int_equal(g.n_docs, 2);
    assert_string_equal(g.docs[0].id, "s1");
    assert_string_equal(g.docs[1].text, "two");
    assert_string_equal(g.docs[1].path, "<stdin>");
    free(r.err);
    stdin_from(t);
    r = load(&g, paths, 1, 0, 1);
    assert_int_equal(r.rc, 0);
    assert_int_equal(g.n_docs, 3);
    assert_string_equal(g.docs[2].id, "stdin");
    /* the BOM became a space: offsets still line up with the file */
    assert_string_equal(g.docs[2].text, " Headline\n\nBody {not json}.\n");
    assert_string_equal(g.docs[2].title, "Headline");
    free(r.err);
    ng_graph_free(&g);
    dup2(saved, 0);
    close(saved);
    clearerr(stdin);
    free(j);
    free(t);
}

static void test_parse_date(void **state)
{
    (void)state;
    char *d;
    assert_non_null(d = ng_input_parse_date("2024-02-29"));
    assert_string_equal(d, "2024-02-29");
    free(d);
    assert_non_null(d = ng_input_parse_date("2000-02-29T00:00:00+01:00"));
    assert_string_equal(d, "2000-02-29");
    free(d);
    assert_non_null(d = ng_input_parse_date("2021-12-31 23:59"));
    free(d);
    assert_null(ng_input_parse_date("1900-02-29"));
    assert_null(ng_input_parse_date("2021-13-01"));
    assert_null(ng_input_parse_date("2021-04-31"));
    assert_null(ng_input_parse_date("2021-00-10"));
    assert_null(ng_input_parse_date("2021-1-10"));
    assert_null(ng_input_parse_date("2021-12-091"));
    assert_null(ng_input_parse_date("yesterday"));
    assert_null(ng_input_parse_date(""));
    assert_null(ng_input_parse_date(NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_text_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_directory, setup, teardown),
        cmocka_unit_test_setup_teardown(test_jsonl, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_articles, setup, teardown),
        cmocka_unit_test_setup_teardown(test_jsonl_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_duplicate_ids, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stdin, setup, teardown),
        cmocka_unit_test(test_parse_date),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
