/* test_graphio.c - reading graph.json and GraphML back into the model. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "exporters.h"
#include "graphio.h"
#include "model.h"

/* Write text to a fresh temp file with the given suffix; caller frees the
 * returned path and unlinks it. */
static char *write_temp(const char *text, const char *suffix)
{
    char *path = malloc(64);
    snprintf(path, 64, "/tmp/ng_test_graphio_XXXXXX%s", suffix);
    int fd = mkstemps(path, (int)strlen(suffix));
    assert_true(fd >= 0);
    size_t n = strlen(text);
    assert_int_equal(write(fd, text, n), (ssize_t)n);
    close(fd);
    return path;
}

/* Run a reader with stderr captured into buf, so the tests can check the
 * error message (and keep the test log clean). */
static int read_capturing(int (*reader)(ng_graph *, const char *), ng_graph *g,
                          const char *path, char *buf, size_t bufsz)
{
    fflush(stderr);
    char errpath[] = "/tmp/ng_test_graphio_err_XXXXXX";
    int fd = mkstemp(errpath);
    assert_true(fd >= 0);
    int saved = dup(2);
    dup2(fd, 2);
    int rc = reader(g, path);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    lseek(fd, 0, SEEK_SET);
    ssize_t k = read(fd, buf, bufsz - 1);
    buf[k > 0 ? k : 0] = '\0';
    close(fd);
    unlink(errpath);
    return rc;
}

static const char good_json[] =
    "{\"actors\":[\n"
    "  {\"id\":\"Angela_Merkel\",\"label\":\"Angela Merkel\",\"type\":\"Person\","
    "\"aliases\":[\"Merkel\"],\"roles\":[\"Chancellor\"],\"affiliation\":\"CDU\","
    "\"scores\":{\"pagerank\":0.5,\"betweenness\":1.25,\"degree\":2,\"kcore\":1},"
    "\"community\":0,\"wikidata\":\"Q567\",\"from_lexicon\":true,\"n_mentions\":3},\n"
    "  {\"id\":\"CDU\",\"label\":\"CDU\",\"type\":\"Organization\",\"aliases\":[],\"roles\":[],"
    "\"affiliation\":null,\"scores\":{},\"community\":null},\n"
    "  {\"id\":\"France\",\"label\":\"France\",\"type\":\"Country\"}\n"
    "],\n"
    "\"relations\":[\n"
    "  {\"subject\":\"Angela_Merkel\",\"predicate\":\"metWith\",\"type\":\"CONSULT\","
    "\"object\":\"France\",\"doc\":\"d1\",\"sentence\":\"Merkel met France.\",\"start\":0,"
    "\"end\":18,\"confidence\":0.75,\"rule\":\"meet\"},\n"
    "  {\"subject\":\"France\",\"predicate\":\"metWith\",\"type\":\"CONSULT\","
    "\"object\":\"Angela_Merkel\",\"doc\":\"d2\",\"sentence\":\"Again.\",\"start\":5,"
    "\"end\":11,\"confidence\":1},\n"
    "  {\"subject\":\"CDU\",\"predicate\":\"criticised\",\"type\":\"ACCUSE\","
    "\"object\":\"France\",\"doc\":\"d3\",\"sentence\":\"\\u00c9tat.\",\"start\":0,\"end\":5,"
    "\"confidence\":0.5}\n"
    "],\n"
    "\"mentions\":[{\"actor\":\"Angela_Merkel\",\"doc\":\"d1\",\"start\":0,\"end\":6,"
    "\"text\":\"Merkel\"}],\n"
    "\"docs\":[{\"id\":\"d1\",\"title\":\"T1\",\"date\":\"2021-12-09\",\"source\":\"bbc\","
    "\"url\":null},{\"id\":\"d2\",\"title\":null,\"date\":\"2021-12-10\"}],\n"
    "\"ties\":[],\"merges\":[{\"actor\":\"Angela_Merkel\",\"variant\":\"A. Merkel\","
    "\"reason\":\"initial\"}],\n"
    "\"modularity\":0.25,\"analysed\":true}\n";

static void test_json_read(void **state)
{
    (void)state;
    char *path = write_temp(good_json, ".json");
    ng_graph g;
    ng_graph_init(&g);
    assert_int_equal(ng_graph_read_json(&g, path), 0);
    assert_int_equal(g.n_actors, 3);
    assert_int_equal(g.n_rels, 3);
    assert_int_equal(g.n_mentions, 1);
    assert_int_equal(g.n_merges, 1);
    /* d3 is referenced but not listed: it gets a bare doc */
    assert_int_equal(g.n_docs, 3);
    const ng_actor *m = &g.actors[0];
    assert_string_equal(m->label, "Angela Merkel");
    assert_int_equal(m->type, NG_PERSON);
    assert_int_equal(m->aliases.n, 1);
    assert_string_equal(m->aliases.v[0], "Merkel");
    assert_string_equal(m->roles.v[0], "Chancellor");
    assert_int_equal(m->affiliation, 1);
    assert_int_equal(m->community, 0);
    assert_string_equal(m->wikidata, "Q567");
    assert_true(m->from_lexicon);
    assert_int_equal(m->n_mentions, 1); /* counted from the mentions read */
    assert_true(m->scores.pagerank == 0.5);
    assert_true(m->scores.betweenness == 1.25);
    assert_int_equal(m->scores.degree, 2);
    assert_int_equal(g.actors[1].community, -1);
    assert_int_equal(g.actors[2].type, NG_COUNTRY);
    const ng_relation *r = &g.rels[2];
    assert_int_equal(r->subject, 1);
    assert_int_equal(r->object, 2);
    assert_int_equal(r->type, NG_EV_ACCUSE);
    assert_string_equal(r->predicate, "criticised");
    assert_string_equal(r->sentence, "\xC3\x89tat.");
    assert_true(r->confidence == 0.5);
    assert_string_equal(g.docs[r->doc].id, "d3");
    assert_null(g.docs[r->doc].date);
    assert_int_equal(g.rels[1].start, 5);
    assert_int_equal(g.rels[1].end, 11);
    assert_string_equal(g.docs[g.rels[0].doc].date, "2021-12-09");
    assert_string_equal(g.docs[0].title, "T1");
    assert_null(g.docs[0].url);
    assert_true(g.modularity == 0.25);
    assert_true(g.analysed);
    /* ties rebuilt: the two CONSULT relations fold into one symmetric tie */
    assert_int_equal(g.n_ties, 2);
    int found = 0;
    for (size_t i = 0; i < g.n_ties; i++)
        if (g.ties[i].type == NG_EV_CONSULT) {
            found = 1;
            assert_true(g.ties[i].weight == 2);
            assert_string_equal(g.ties[i].first_date, "2021-12-09");
            assert_string_equal(g.ties[i].last_date, "2021-12-10");
        }
    assert_true(found);
    ng_graph_free(&g);

    /* ng_graph_read sniffs a file whose name says nothing */
    char *odd = write_temp(good_json, ".dat");
    ng_graph_init(&g);
    assert_int_equal(ng_graph_read(&g, odd), 0);
    assert_int_equal(g.n_actors, 3);
    ng_graph_free(&g);
    unlink(odd);
    free(odd);
    unlink(path);
    free(path);
}

static void expect_json_error(const char *text, const char *needle)
{
    char *path = write_temp(text, ".json");
    ng_graph g;
    ng_graph_init(&g);
    char err[1024];
    assert_int_equal(read_capturing(ng_graph_read_json, &g, path, err, sizeof err), -1);
    if (!strstr(err, needle)) {
        print_error("message \"%s\" lacks \"%s\"\n", err, needle);
        fail();
    }
    assert_non_null(strstr(err, path)); /* the message names the file */
    ng_graph_free(&g);
    unlink(path);
    free(path);
}

static void test_json_errors(void **state)
{
    (void)state;
    /* trailing comma on line 3 (cJSON points near, not exactly at, the comma) */
    expect_json_error("{\"actors\": [\n  {\"id\": \"a\"},\n  {\"id\": \"b\",}\n]}", ":3:");
    expect_json_error("{\"actors\": [", "invalid JSON");
    expect_json_error("", "invalid JSON");
    expect_json_error("[1,2]", "expected a JSON object");
    expect_json_error("{\"relations\":[]}", "missing \"actors\"");
    expect_json_error("{\"actors\":[{\"id\":\"a\"}]}", "missing \"relations\"");
    expect_json_error("{\"actors\":[{\"id\":\"a\"},{\"id\":\"a\"}],\"relations\":[]}",
                      "duplicate actor id");
    expect_json_error("{\"actors\":[{\"id\":\"a\",\"type\":\"Robot\"}],\"relations\":[]}",
                      "unknown actor type");
    expect_json_error("{\"actors\":[{\"id\":\"a\"}],\"relations\":[{\"subject\":\"a\","
                      "\"object\":\"zz\",\"type\":\"AID\"}]}",
                      "unknown actor \"zz\"");
    expect_json_error("{\"actors\":[{\"id\":\"a\"},{\"id\":\"b\"}],\"relations\":[{\"subject\":"
                      "\"a\",\"object\":\"b\",\"type\":\"HUG\"}]}",
                      "unknown event type");
    expect_json_error("{\"actors\":[{\"id\":\"a\",\"label\":\"x\xff\"}],\"relations\":[]}",
                      "invalid UTF-8");
    expect_json_error("{\"actors\":[{\"id\":7}],\"relations\":[]}", "must be a string");
    expect_json_error("{\"actors\":[],\"relations\":[]} {}", "unexpected data");
    expect_json_error("{\"actors\":[{\"id\":\"a\"},{\"id\":\"b\"}],\"relations\":[{\"subject\":"
                      "\"a\",\"object\":\"b\",\"type\":\"AID\",\"start\":-1}]}",
                      "non-negative integer");

    ng_graph g;
    ng_graph_init(&g);
    char err[512];
    assert_int_equal(read_capturing(ng_graph_read_json, &g, "/nonexistent/graph.json", err,
                                    sizeof err),
                     -1);
    assert_non_null(strstr(err, "/nonexistent/graph.json"));
    ng_graph_free(&g);
}

static const char graphml_directed[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
    "<key id=\"v_label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
    "<key id=\"v_type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
    "<key id=\"e_type\" for=\"edge\" attr.name=\"type\" attr.type=\"string\"/>\n"
    "<key id=\"e_pred\" for=\"edge\" attr.name=\"predicate\" attr.type=\"string\"/>\n"
    "<key id=\"e_w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
    "<graph edgedefault=\"directed\">\n"
    "<node id=\"Joe_Biden\"><data key=\"v_label\">Joe Biden</data>"
    "<data key=\"v_type\">Person</data></node>\n"
    "<node id=\"n 2\"><data key=\"v_type\">Country</data></node>\n"
    "<node id=\"n_2\"><data key=\"v_type\">Spaceship</data></node>\n"
    "<edge source=\"Joe_Biden\" target=\"n 2\"><data key=\"e_type\">SANCTION</data>"
    "<data key=\"e_pred\">sanctioned</data><data key=\"e_w\">3</data></edge>\n"
    "<edge source=\"n 2\" target=\"n_2\"><data key=\"e_w\">2.5</data></edge>\n"
    "<edge source=\"n_2\" target=\"Joe_Biden\"><data key=\"e_w\">0</data></edge>\n"
    "<edge source=\"Joe_Biden\" target=\"n 2\"><data key=\"e_type\">SANCTION</data>"
    "<data key=\"e_w\">1</data></edge>\n"
    "</graph></graphml>\n";

static void test_graphml_read(void **state)
{
    (void)state;
    char *path = write_temp(graphml_directed, ".graphml");
    ng_graph g;
    ng_graph_init(&g);
    char err[2048];
    assert_int_equal(read_capturing(ng_graph_read_graphml, &g, path, err, sizeof err), 0);
    assert_int_equal(g.n_actors, 3);
    assert_string_equal(g.actors[0].id, "Joe_Biden");
    assert_string_equal(g.actors[0].label, "Joe Biden");
    assert_int_equal(g.actors[0].type, NG_PERSON);
    /* "n 2" is not a safe id: made safe; then "n_2" collides and gets _2 */
    assert_string_equal(g.actors[1].id, "n_2");
    assert_string_equal(g.actors[1].label, "n 2");
    assert_int_equal(g.actors[1].type, NG_COUNTRY);
    assert_string_equal(g.actors[2].id, "n_2_2");
    assert_int_equal(g.actors[2].type, NG_ORGANIZATION); /* unknown type */
    assert_non_null(strstr(err, "Spaceship"));
    assert_non_null(strstr(err, "weight <= 0"));
    /* the zero-weight edge is skipped: 3 relations, and the two SANCTION
     * edges form one tie whose weight is the sum 3 + 1 */
    assert_int_equal(g.n_rels, 3);
    assert_int_equal(g.n_ties, 2);
    for (size_t i = 0; i < g.n_ties; i++) {
        const ng_tie *t = &g.ties[i];
        if (t->type == NG_EV_SANCTION) {
            assert_true(t->weight == 4);
            assert_int_equal(t->n_rels, 2);
            assert_string_equal(t->predicate, "sanctioned");
        } else {
            assert_int_equal(t->type, NG_EV_AFFILIATED_WITH);
            assert_true(t->weight == 2.5);
            assert_string_equal(t->predicate, "relatedTo");
        }
    }
    /* relation weights as the ties express them: 4/2 per SANCTION edge */
    double *w = ng_graph_relation_weights(&g);
    assert_true(w[0] == 2 && w[1] == 2.5 && w[2] == 2);
    free(w);
    ng_graph_free(&g);
    unlink(path);
    free(path);
}

static void test_graphml_undirected(void **state)
{
    (void)state;
    const char *text =
        "<?xml version=\"1.0\"?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
        "<key id=\"t\" for=\"edge\" attr.name=\"type\" attr.type=\"string\"/>\n"
        "<graph edgedefault=\"undirected\">\n"
        "<node id=\"a\"/><node id=\"b\"/><node id=\"c\"/>\n"
        "<edge source=\"a\" target=\"b\"/>\n"
        "<edge source=\"b\" target=\"c\"><data key=\"t\">COOPERATE</data></edge>\n"
        "</graph></graphml>\n";
    char *path = write_temp(text, ".xml");
    ng_graph g;
    ng_graph_init(&g);
    assert_int_equal(ng_graph_read(&g, path), 0);
    /* untyped undirected edge: two directed relations; COOPERATE: one */
    assert_int_equal(g.n_rels, 3);
    assert_int_equal(g.n_ties, 3);
    assert_string_equal(g.actors[0].label, "a");
    ng_graph_free(&g);
    unlink(path);
    free(path);
}

static void test_graphml_errors(void **state)
{
    (void)state;
    const char *bad[] = {
        "<graphml><graph><node id=\"a\"></graph>",   /* not well-formed */
        "<?xml version=\"1.0\"?><notgraphml/>",      /* wrong root */
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"
        "<key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"string\"/>"
        "<graph edgedefault=\"directed\"><node id=\"a\"/><node id=\"b\"/>"
        "<edge source=\"a\" target=\"b\"><data key=\"w\">heavy</data></edge>"
        "</graph></graphml>",                          /* non-numeric weight */
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char *path = write_temp(bad[i], ".graphml");
        ng_graph g;
        ng_graph_init(&g);
        char err[2048];
        assert_int_equal(read_capturing(ng_graph_read_graphml, &g, path, err, sizeof err), -1);
        assert_non_null(strstr(err, path));
        ng_graph_free(&g);
        unlink(path);
        free(path);
    }
    /* neither JSON nor XML */
    char *path = write_temp("hello", ".txt");
    ng_graph g;
    ng_graph_init(&g);
    char err[512];
    assert_int_equal(read_capturing(ng_graph_read, &g, path, err, sizeof err), -1);
    assert_non_null(strstr(err, "not a newsgraph JSON graph"));
    ng_graph_free(&g);
    unlink(path);
    free(path);
}

/* Export with exporters/json.c, read back, export again: the two files
 * must be identical byte for byte (everything the JSON carries survives). */
static char *export_to_string(const ng_graph *g)
{
    char *data = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&data, &len);
    assert_non_null(fp);
    ng_export_opts o;
    memset(&o, 0, sizeof o); /* the JSON writer takes no options */
    assert_int_equal(ng_export_json(g, fp, &o), 0);
    fclose(fp);
    return data;
}

static void test_json_round_trip(void **state)
{
    (void)state;
    char *path = write_temp(good_json, ".json");
    ng_graph g;
    ng_graph_init(&g);
    assert_int_equal(ng_graph_read_json(&g, path), 0);
    char *first = export_to_string(&g);
    char *path2 = write_temp(first, ".json");
    ng_graph h;
    ng_graph_init(&h);
    assert_int_equal(ng_graph_read_json(&h, path2), 0);
    char *second = export_to_string(&h);
    assert_string_equal(first, second);
    free(first);
    free(second);
    ng_graph_free(&g);
    ng_graph_free(&h);
    unlink(path);
    unlink(path2);
    free(path);
    free(path2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json_read),
        cmocka_unit_test(test_json_errors),
        cmocka_unit_test(test_json_round_trip),
        cmocka_unit_test(test_graphml_read),
        cmocka_unit_test(test_graphml_undirected),
        cmocka_unit_test(test_graphml_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
