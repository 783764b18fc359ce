/* test_eval.c - scoring against gold: actors, pairs, relations. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "eval.h"
#include "ng.h"

static char tmpdir[256];

static int setup(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/ng_test_eval.XXXXXX");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%.300s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

static char *put(const char *name, const char *data)
{
    ng_buf b;
    ng_buf_init(&b);
    ng_buf_printf(&b, "%s/%s", tmpdir, name);
    char *p = ng_buf_steal(&b);
    FILE *fp = fopen(p, "w");
    assert_non_null(fp);
    fputs(data, fp);
    assert_int_equal(fclose(fp), 0);
    return p;
}

static void norm_is(const char *in, const char *want)
{
    char *n = ng_eval_norm_name(in);
    assert_string_equal(n, want);
    free(n);
}

static void test_norm_name(void **state)
{
    (void)state;
    norm_is("The Pentagon", "pentagon");
    norm_is("Pentagon", "pentagon");
    norm_is("the  pentagon ", "pentagon");
    norm_is("NATO's", "nato");
    norm_is("NATO\xE2\x80\x99s", "nato");              /* curly apostrophe */
    norm_is("\xC3\x89mile  Zola\xE2\x80\x94Jr.", "emile zola jr"); /* É, em dash */
    norm_is("U.S.", "u s");
    norm_is("Kilroy-Silk", "kilroy silk");
    norm_is("Stra\xC3\x9F" "e", "strasse");            /* case folding ß */
    norm_is("\xEF\xBC\xA1\xEF\xBC\xA2", "ab");          /* fullwidth (NFKD) */
    norm_is("the", "the");
    norm_is("Theresa May", "theresa may");
    norm_is("  --  ", "");
    norm_is("", "");
}

/* Graph for the scoring test; doc 0 is the gold doc, doc 1 is another one. */
static void build_graph(ng_graph *g)
{
    ng_graph_init(g);
    ng_doc d = {0};
    d.id = ng_xstrdup("ukraine-nato-2021");
    d.path = ng_xstrdup("/data/examples/ukraine-nato-2021.txt");
    d.text = ng_xstrdup("...");
    ng_graph_add_doc(g, &d);
    ng_doc d2 = {0};
    d2.id = ng_xstrdup("other");
    d2.path = ng_xstrdup("/data/other.txt");
    d2.text = ng_xstrdup("...");
    ng_graph_add_doc(g, &d2);

    int pent = ng_graph_add_actor(g, "The_Pentagon", "The Pentagon", NG_ORGANIZATION);
    int nato = ng_graph_add_actor(g, "NATO_org", "North Atlantic Alliance", NG_ORGANIZATION);
    int biden = ng_graph_add_actor(g, "Joe_Biden", "Joe Biden", NG_PERSON);
    int putin = ng_graph_add_actor(g, "Putin", "Putin", NG_PERSON);
    int boris = ng_graph_add_actor(g, "Boris_Johnson", "Boris Johnson", NG_PERSON);
    int macron = ng_graph_add_actor(g, "Macron", "Emmanuel Macron", NG_PERSON);
    ng_strvec_push(&g->actors[putin].aliases, "Vladimir Putin");

    /* NATO is matched only through its mention text "NATO's" */
    ng_mention m = {0};
    struct { int a, doc; const char *t; } ms[] = {
        {pent, 0, "Pentagon"}, {nato, 0, "NATO's"}, {biden, 0, "Biden"},
        {putin, 0, "Putin"},   {boris, 0, "Johnson"}, {macron, 1, "Macron"},
        {biden, 0, "Joe Biden"}};
    for (size_t i = 0; i < sizeof ms / sizeof *ms; i++) {
        m.actor = ms[i].a;
        m.doc = ms[i].doc;
        m.text = (char *)ms[i].t;
        ng_graph_add_mention(g, &m);
    }

    struct { int s; ng_event_type t; int o; int doc; } rs[] = {
        {putin, NG_EV_CONSULT, biden, 0},   /* hits Biden CONSULT Putin (symmetric) */
        {biden, NG_EV_CONSULT, putin, 0},   /* duplicate after symmetric dedup */
        {putin, NG_EV_CONSULT, biden, 0},   /* plain duplicate */
        {biden, NG_EV_SUPPORT, nato, 0},    /* hit */
        {nato, NG_EV_SUPPORT, biden, 0},    /* wrong direction: fp (pair is a dup) */
        {putin, NG_EV_THREATEN, nato, 0},   /* optional: ignored */
        {boris, NG_EV_ACCUSE, putin, 0},    /* fp, pair fp */
        {biden, NG_EV_ACCUSE, putin, 0},    /* fp (type), pair already hit */
        {macron, NG_EV_CONSULT, biden, 1},  /* other doc: not scored */
    };
    ng_relation r = {0};
    r.predicate = (char *)"rel";
    for (size_t i = 0; i < sizeof rs / sizeof *rs; i++) {
        r.subject = rs[i].s;
        r.type = rs[i].t;
        r.object = rs[i].o;
        r.doc = rs[i].doc;
        ng_graph_add_relation(g, &r);
    }
}

static const char gold_json[] =
    "{\n"
    " \"doc\": \"ukraine-nato-2021.txt\",\n"
    " \"actors\": [\n"
    "  {\"id\": \"DoD\", \"type\": \"Organization\", \"name\": \"United States Department of Defense\",\n"
    "   \"mentions\": [\"Pentagon\"]},\n"
    "  {\"id\": \"NATO\", \"type\": \"Organization\", \"name\": \"NATO\", \"mentions\": [\"NATO\"]},\n"
    "  {\"id\": \"Joe_Biden\", \"type\": \"Person\", \"name\": \"Joe Biden\", \"mentions\": [\"Biden\"]},\n"
    "  {\"id\": \"Vladimir_Putin\", \"type\": \"Person\", \"name\": \"Vladimir Putin\"},\n"
    "  {\"id\": \"Zelensky\", \"type\": \"Person\", \"name\": \"Volodymyr Zelensky\"}\n"
    " ],\n"
    " \"relations\": [\n"
    "  {\"subject\": \"Joe_Biden\", \"type\": \"CONSULT\", \"object\": \"Vladimir_Putin\"},\n"
    "  {\"subject\": \"Joe_Biden\", \"type\": \"SUPPORT\", \"object\": \"NATO\", \"optional\": false},\n"
    "  {\"subject\": \"Vladimir_Putin\", \"type\": \"THREATEN\", \"object\": \"NATO\", \"optional\": true},\n"
    "  {\"subject\": \"Vladimir_Putin\", \"type\": \"ACCUSE\", \"object\": \"Zelensky\"}\n"
    " ]\n"
    "}\n";

static void test_scores(void **state)
{
    (void)state;
    ng_graph g;
    build_graph(&g);
    char *gp = put("gold.json", gold_json);
    const char *golds[] = {gp};
    ng_eval_result res;
    FILE *rep = tmpfile();
    assert_int_equal(ng_eval(&g, golds, 1, &res, rep, 1), 0);
    assert_int_equal(res.n_docs, 1);

    /* actors: 5 system actors in the doc (Macron is elsewhere), 4 match;
     * 4 of 5 gold actors found (Zelensky missed) */
    assert_int_equal(res.actors.tp_sys, 4);
    assert_int_equal(res.actors.fp, 1);
    assert_int_equal(res.actors.tp, 4);
    assert_int_equal(res.actors.fn, 1);
    assert_float_equal(res.actors.p, 0.8, 1e-9);
    assert_float_equal(res.actors.r, 0.8, 1e-9);

    /* relations: CONSULT (either way, 3x) + SUPPORT hit; reversed SUPPORT,
     * Johnson ACCUSE, Biden ACCUSE false; THREATEN optional ignored;
     * Putin ACCUSE Zelensky missed */
    assert_int_equal(res.relations.tp, 2);
    assert_int_equal(res.relations.tp_sys, 2);
    assert_int_equal(res.relations.fp, 3);
    assert_int_equal(res.relations.fn, 1);
    assert_float_equal(res.relations.p, 2.0 / 5.0, 1e-9);
    assert_float_equal(res.relations.r, 2.0 / 3.0, 1e-9);
    assert_float_equal(res.relations.f1, 2 * 0.4 * (2.0 / 3) / (0.4 + 2.0 / 3), 1e-9);

    /* pairs: {Biden,Putin} {Biden,NATO} hit, {Putin,NATO} optional,
     * {Johnson,Putin} false, {Putin,Zelensky} missed */
    assert_int_equal(res.pairs.tp, 2);
    assert_int_equal(res.pairs.fp, 1);
    assert_int_equal(res.pairs.fn, 1);

    /* verbose report names the misses and false positives */
    rewind(rep);
    char buf[4096];
    size_t n = fread(buf, 1, sizeof buf - 1, rep);
    buf[n] = '\0';
    fclose(rep);
    assert_non_null(strstr(buf, "ukraine-nato-2021: actor false positive: Boris Johnson"));
    assert_non_null(strstr(buf, "ukraine-nato-2021: actor missed: Volodymyr Zelensky"));
    assert_non_null(strstr(buf, "relation missed: Vladimir_Putin ACCUSE Zelensky"));
    assert_non_null(strstr(buf, "relation false positive: Boris Johnson ACCUSE Putin"));
    assert_null(strstr(buf, "THREATEN"));
    assert_null(strstr(buf, "Macron"));

    /* scoring the same gold twice micro-averages (counts double) */
    const char *twice[] = {gp, gp};
    assert_int_equal(ng_eval(&g, twice, 2, &res, NULL, 0), 0);
    assert_int_equal(res.n_docs, 2);
    assert_int_equal(res.relations.tp, 4);
    assert_int_equal(res.relations.fp, 6);
    assert_float_equal(res.relations.p, 2.0 / 5.0, 1e-9);

    /* print format */
    FILE *out = tmpfile();
    assert_int_equal(ng_eval_print(&res, out), 0);
    rewind(out);
    n = fread(buf, 1, sizeof buf - 1, out);
    buf[n] = '\0';
    fclose(out);
    assert_string_equal(buf,
                        "actors    P=0.800 R=0.800 F1=0.800 (tp=8 fp=2 fn=2 tp_sys=8)\n"
                        "pairs     P=0.667 R=0.667 F1=0.667 (tp=4 fp=2 fn=2)\n"
                        "relations P=0.400 R=0.667 F1=0.500 (tp=4 fp=6 fn=2)\n");
    free(gp);
    ng_graph_free(&g);
}

/* Capture stderr around ng_eval. */
static int eval_capture(const ng_graph *g, const char *gold, char **err)
{
    char cap[300];
    snprintf(cap, sizeof cap, "%s/stderr.txt", tmpdir);
    fflush(stderr);
    int saved = dup(2);
    int fd = open(cap, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(fd, 2);
    close(fd);
    ng_eval_result res;
    const char *golds[] = {gold};
    int rc = ng_eval(g, golds, 1, &res, NULL, 0);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    size_t len;
    assert_int_equal(ng_read_file(cap, err, &len), 0);
    fputs(*err, stderr);
    return rc;
}

static void test_doc_matching_and_errors(void **state)
{
    (void)state;
    ng_graph g;
    build_graph(&g);
    char *err;

    /* by path suffix, with a directory part */
    char *p = put("g1.json", "{\"doc\": \"examples/ukraine-nato-2021.txt\", \"actors\": [], "
                             "\"relations\": []}");
    assert_int_equal(eval_capture(&g, p, &err), 0);
    free(err);
    free(p);
    /* by gold id */
    p = put("g2.json", "{\"id\": \"other\", \"doc\": \"corpus/x/999.txt\", \"actors\": []}");
    assert_int_equal(eval_capture(&g, p, &err), 0);
    free(err);
    free(p);
    /* a partial path component must not match ("nato-2021.txt") */
    p = put("g3.json", "{\"doc\": \"nato-2021.txt\", \"actors\": [], \"relations\": []}");
    assert_int_equal(eval_capture(&g, p, &err), -1);
    assert_non_null(strstr(err, "g3.json: article 'nato-2021.txt' is not among the inputs"));
    free(err);
    free(p);
    /* syntax error: line and column */
    p = put("g4.json", "{\n  \"doc\": \"x.txt\",\n  \"actors\": [ , ]\n}\n");
    assert_int_equal(eval_capture(&g, p, &err), -1);
    assert_non_null(strstr(err, "g4.json:3:"));
    free(err);
    free(p);
    /* unknown type, unknown actor */
    p = put("g5.json", "{\"doc\": \"other.txt\", \"actors\": [{\"id\": \"A\", \"name\": \"A\"}],"
                       " \"relations\": [{\"subject\": \"A\", \"type\": \"HUG\", \"object\": \"A\"}]}");
    assert_int_equal(eval_capture(&g, p, &err), -1);
    assert_non_null(strstr(err, "unknown type 'HUG'"));
    free(err);
    free(p);
    p = put("g6.json", "{\"doc\": \"other.txt\", \"actors\": [{\"id\": \"A\", \"name\": \"A\"}],"
                       " \"relations\": [{\"subject\": \"A\", \"type\": \"AID\", \"object\": \"B\"}]}");
    assert_int_equal(eval_capture(&g, p, &err), -1);
    assert_non_null(strstr(err, "object 'B' is not an actor id"));
    free(err);
    free(p);
    /* missing gold file */
    assert_int_equal(eval_capture(&g, "/nonexistent/gold.json", &err), -1);
    assert_non_null(strstr(err, "/nonexistent/gold.json"));
    free(err);
    ng_graph_free(&g);
}

static void test_empty(void **state)
{
    (void)state;
    /* nothing to find and nothing claimed: perfect, not 0/0 */
    ng_graph g;
    ng_graph_init(&g);
    ng_doc d = {0};
    d.id = ng_xstrdup("empty");
    d.path = ng_xstrdup("empty.txt");
    d.text = ng_xstrdup("x");
    ng_graph_add_doc(&g, &d);
    char *p = put("e.json", "{\"doc\": \"empty.txt\", \"actors\": [], \"relations\": []}");
    const char *golds[] = {p};
    ng_eval_result res;
    assert_int_equal(ng_eval(&g, golds, 1, &res, NULL, 0), 0);
    assert_float_equal(res.relations.f1, 1.0, 1e-9);
    assert_float_equal(res.actors.p, 1.0, 1e-9);
    free(p);
    ng_graph_free(&g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_norm_name),
        cmocka_unit_test_setup_teardown(test_scores, setup, teardown),
        cmocka_unit_test_setup_teardown(test_doc_matching_and_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_empty, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
