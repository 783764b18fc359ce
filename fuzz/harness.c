/*
 * harness.c - see harness.h.
 *
 * Kept free of libFuzzer so that tests/test_regressions.c can compile it
 * into an ordinary cmocka program (it #includes this file: the test build
 * globs one source per test and this way needs no CMake change).
 */
#define _GNU_SOURCE 1
#include "harness.h"

#include <errno.h>
#include <fcntl.h>
#include <raptor2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analysis.h"
#include "exporters.h"
#include "extract.h"
#include "graphio.h"
#include "input.h"
#include "lexicon.h"
#include "model.h"
#include "pipeline.h"
#include "utf8.h"

/* An oracle failure must be loud and must stop the run: libFuzzer and the
 * regression test both treat abort() as a finding. */
#define H_CHECK(cond, ...)                                                    \
    do {                                                                      \
        if (!(cond)) {                                                        \
            fprintf(stderr, "harness: check failed: %s (%s:%d): ", #cond,     \
                    __FILE__, __LINE__);                                      \
            fprintf(stderr, __VA_ARGS__);                                     \
            fputc('\n', stderr);                                              \
            abort();                                                          \
        }                                                                     \
    } while (0)

static int h_ready;
static ng_lexicon h_lex;          /* bundled lexicon, shared read-only */
static int h_lex_ok;
static double h_scores[NG_EV_COUNT]; /* event scores as the bundled lexicon set them */
static raptor_world *h_world;
static int h_rdf_errors;
static char h_jsonl_path[4096];   /* scratch file for the JSON Lines reader */

static void rdf_log(void *user, raptor_log_message *m)
{
    (void)user;
    if (m->level >= RAPTOR_LOG_LEVEL_ERROR) {
        h_rdf_errors++;
        if (getenv("NG_HARNESS_VERBOSE"))
            fprintf(stderr, "harness: raptor: %s (line %d)\n", m->text,
                    m->locator ? m->locator->line : -1);
    }
}

static void rdf_statement(void *user, raptor_statement *st)
{
    (void)user;
    (void)st;
}

int ng_harness_setup(void)
{
    if (h_ready) return h_lex_ok ? 0 : -1;
    h_ready = 1;
    /* Warnings for odd input are expected by the thousand; errors still
     * print (they are the interesting part when replaying a crash). */
    ng_quiet = 1;
    ng_lexicon_init(&h_lex);
    h_lex_ok = ng_pipeline_lexicon(&h_lex, 0, NULL, 0) == 0;
    /* The lexicon loader writes the global ng_event_score table; the
     * lexicon harness loads fuzzed "events" sections, so it restores this
     * snapshot after every run to keep runs independent of each other. */
    memcpy(h_scores, ng_event_score, sizeof h_scores);

    h_world = raptor_new_world();
    if (h_world && raptor_world_open(h_world) == 0)
        raptor_world_set_log_handler(h_world, NULL, rdf_log);

    const char *dir = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : getenv("TMPDIR");
    if (!dir || !*dir) dir = "/tmp";
    snprintf(h_jsonl_path, sizeof h_jsonl_path, "%s/ng_fuzz_%ld.jsonl", dir, (long)getpid());
    return h_lex_ok ? 0 : -1;
}

void ng_harness_teardown(void)
{
    if (!h_ready) return;
    ng_lexicon_free(&h_lex);
    if (h_world) raptor_free_world(h_world);
    h_world = NULL;
    if (h_jsonl_path[0]) unlink(h_jsonl_path);
    h_ready = 0;
    h_lex_ok = 0;
}

/* Parse an RDF export with raptor; returns the number of errors. */
static int rdf_errors(const char *syntax, const char *data, size_t len)
{
    if (!h_world) return 0;
    raptor_parser *p = raptor_new_parser(h_world, syntax);
    if (!p) return 0;
    raptor_uri *base = raptor_new_uri(h_world, (const unsigned char *)"http://fuzz.invalid/");
    raptor_parser_set_statement_handler(p, NULL, rdf_statement);
    h_rdf_errors = 0;
    if (raptor_parser_parse_start(p, base) == 0)
        raptor_parser_parse_chunk(p, (const unsigned char *)data, len, 1);
    else
        h_rdf_errors++;
    raptor_free_parser(p);
    raptor_free_uri(base);
    return h_rdf_errors;
}

/* Run every exporter into memory and check what can be checked cheaply:
 * RDF parses, graph.json and GraphML read back with the same actors. */
static void export_all(const ng_graph *g)
{
    ng_export_opts eo;
    ng_export_opts_default(&eo);
    for (unsigned i = 0; ng_formats[i].name; i++) {
        /* png runs an external renderer on the SVG (tests/t_png.sh);
         * forking from a fuzzer is neither cheap nor ours to test */
        if (!strcmp(ng_formats[i].name, "png")) continue;
        char *buf = NULL;
        size_t len = 0;
        FILE *fp = open_memstream(&buf, &len);
        H_CHECK(fp != NULL, "open_memstream: %s", strerror(errno));
        int rc = ng_formats[i].fn(g, fp, &eo);
        fclose(fp);
        /* Writing to memory cannot fail, so an exporter error here is a
         * refusal to export a valid model: a bug. */
        H_CHECK(rc == 0, "exporter %s failed", ng_formats[i].file);
        const char *name = ng_formats[i].name;
        if (!strcmp(name, "ttl") || !strcmp(name, "nt") || !strcmp(name, "nq")) {
            const char *syn = name[1] == 't' ? (name[0] == 't' ? "turtle" : "ntriples") : "nquads";
            int e = rdf_errors(syn, buf, len);
            H_CHECK(e == 0, "%s: raptor reports %d error(s) in our own output", ng_formats[i].file, e);
        } else if (!strcmp(name, "json")) {
            ng_graph r;
            ng_graph_init(&r);
            int rrc = ng_graph_read_json_mem(&r, buf, len, "export.json");
            H_CHECK(rrc == 0, "graph.json written by the exporter does not read back");
            H_CHECK(r.n_actors == g->n_actors && r.n_rels == g->n_rels,
                    "graph.json read back: %zu actors/%zu relations, wrote %zu/%zu", r.n_actors,
                    r.n_rels, g->n_actors, g->n_rels);
            ng_graph_free(&r);
        } else if (!strcmp(name, "graphml")) {
            FILE *in = fmemopen(buf, len, "r");
            H_CHECK(in != NULL, "fmemopen: %s", strerror(errno));
            ng_graph r;
            ng_graph_init(&r);
            int rrc = ng_graph_read_graphml_stream(&r, in, "export.graphml");
            fclose(in);
            H_CHECK(rrc == 0, "graph.graphml written by the exporter does not read back");
            H_CHECK(r.n_actors == g->n_actors, "graph.graphml read back: %zu actors, wrote %zu",
                    r.n_actors, g->n_actors);
            ng_graph_free(&r);
        }
        free(buf);
    }
}

/* The normaliser's promises (utf8.h) hold for any bytes: valid UTF-8
 * without NUL; for valid input also one code point out per code point in. */
static char *normalise_checked(const uint8_t *data, size_t size, size_t *out_len)
{
    const char *s = (const char *)data;
    size_t len;
    char *norm = ng_text_normalise(s, size, &len);
    H_CHECK(strlen(norm) == len, "normalised text holds a NUL byte");
    H_CHECK(ng_utf8_validate(norm, len, NULL) == 0, "normalised text is not valid UTF-8");
    if (ng_utf8_validate(s, size, NULL) == 0)
        H_CHECK(ng_utf8_count(norm, len) == ng_utf8_count(s, size),
                "normalisation changed the code point count (%zu -> %zu)", ng_utf8_count(s, size),
                ng_utf8_count(norm, len));
    *out_len = len;
    return norm;
}

/* Extract every doc of g with lx, then do what `build` does afterwards. */
static void extract_and_export(ng_graph *g, const ng_lexicon *lx, int analyse)
{
    ng_pipeline_opts po;
    ng_pipeline_opts_default(&po);
    ng_pipeline_extract(g, lx, 0, &po);
    ng_resolve_actors(g);
    ng_graph_build_ties(g);
    if (analyse) {
        ng_analysis_opts ao;
        ng_analysis_opts_default(&ao);
        H_CHECK(ng_analyse(g, &ao) == 0, "ng_analyse failed on an extracted graph");
    }
    export_all(g);
}

int ng_harness_extract(const uint8_t *data, size_t size)
{
    if (ng_harness_setup() < 0) return 0;
    size_t len;
    char *norm = normalise_checked(data, size, &len);
    /* The CLI rejects ill-formed and binary articles before extraction
     * (input.c); extraction is only ever given what passes those checks. */
    if (ng_utf8_validate((const char *)data, size, NULL) != 0 || memchr(data, 0, size) ||
        ng_looks_binary((const char *)data, size)) {
        free(norm);
        return 0;
    }
    ng_graph g;
    ng_graph_init(&g);
    ng_doc d;
    memset(&d, 0, sizeof d);
    d.id = ng_xstrdup("fuzz");
    d.path = ng_xstrdup("fuzz.txt");
    d.date = ng_xstrdup("2021-12-09"); /* so the date-dependent paths run too */
    d.text = norm;
    d.len = len;
    d.n_chars = ng_utf8_count(norm, len);
    ng_graph_add_doc(&g, &d);
    extract_and_export(&g, &h_lex, 1);
    ng_graph_free(&g);
    return 0;
}

/* A fixed article that touches most lexicon sections: names, honorifics,
 * roles, org heads, adjectives, verbs, passives, pronouns, reported speech. */
static const char h_article[] =
    "Leaders Meet\n\n"
    "President Joe Biden met Prime Minister Boris Johnson in Washington on Tuesday. "
    "Mr Johnson said the French Foreign Ministry had accused Russia of aggression. "
    "Russia was accused by NATO of massing troops. He called on Germany to act, "
    "while the Kremlin rejected the claims. Chancellor Olaf Scholz held talks with "
    "the European Union and US officials. \"We will not be threatened,\" she said.";

int ng_harness_lexicon(const uint8_t *data, size_t size)
{
    ng_harness_setup();
    ng_lexicon lx;
    ng_lexicon_init(&lx);
    if (ng_lexicon_load_buffer(&lx, "fuzz.json", (const char *)data, size) == 0 &&
        ng_lexicon_compile(&lx) == 0) {
        ng_graph g;
        ng_graph_init(&g);
        ng_doc d;
        memset(&d, 0, sizeof d);
        d.id = ng_xstrdup("lexicon-probe");
        d.path = ng_xstrdup("probe.txt");
        d.date = ng_xstrdup("2021-12-09");
        d.text = ng_xstrdup(h_article);
        d.len = strlen(h_article);
        d.n_chars = ng_utf8_count(d.text, d.len);
        ng_graph_add_doc(&g, &d);
        /* Analysis is skipped: it does not depend on the lexicon, and the
         * fuzzer's time is better spent on the loader and the matcher.
         * Exporters stay: names and predicates come from the lexicon. */
        extract_and_export(&g, &lx, 0);
        ng_graph_free(&g);
    }
    ng_lexicon_free(&lx);
    memcpy(ng_event_score, h_scores, sizeof h_scores);
    return 0;
}

int ng_harness_jsonl(const uint8_t *data, size_t size)
{
    ng_harness_setup();
    /* input.h reads only from paths, so the bytes go to a scratch file
     * (tmpfs when available); the same name is reused by every run. */
    int fd = open(h_jsonl_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    H_CHECK(fd >= 0, "%s: %s", h_jsonl_path, strerror(errno));
    size_t off = 0;
    while (off < size) {
        ssize_t w = write(fd, data + off, size - off);
        H_CHECK(w > 0, "%s: write: %s", h_jsonl_path, strerror(errno));
        off += (size_t)w;
    }
    close(fd);

    ng_graph g;
    ng_graph_init(&g);
    ng_input_opts io;
    ng_input_opts_default(&io);
    size_t n_bad = 0;
    const char *paths[1] = {h_jsonl_path};
    int rc = ng_input_load(&g, paths, 1, &io, &n_bad);
    if (rc == 0) {
        for (size_t i = 0; i < g.n_docs; i++) {
            const ng_doc *d = &g.docs[i];
            /* input.h: every model string is valid UTF-8 without NUL. */
            H_CHECK(d->text && ng_utf8_validate(d->text, d->len, NULL) == 0 && strlen(d->text) == d->len,
                    "doc %zu: text is not valid UTF-8 of the stated length", i);
            H_CHECK(d->id && *d->id && ng_utf8_validate(d->id, strlen(d->id), NULL) == 0,
                    "doc %zu: bad id", i);
            H_CHECK(d->n_chars == ng_utf8_count(d->text, d->len), "doc %zu: n_chars wrong", i);
        }
        if (h_lex_ok) extract_and_export(&g, &h_lex, 1);
    }
    ng_graph_free(&g);
    return 0;
}

static void after_read(ng_graph *g)
{
    ng_analysis_opts ao;
    ng_analysis_opts_default(&ao);
    /* A graph the reader accepted must be analysable and exportable, as
     * `newsgraph rank` assumes; analysis may refuse (returns -1 after an
     * error) only for igraph limits, which the tiny fuzz inputs never hit. */
    H_CHECK(ng_analyse(g, &ao) == 0, "ng_analyse failed on a graph the reader accepted");
    export_all(g);
}

int ng_harness_graph_read(const uint8_t *data, size_t size)
{
    ng_harness_setup();
    ng_graph g;
    ng_graph_init(&g);
    if (ng_graph_read_json_mem(&g, (const char *)data, size, "fuzz.json") == 0) after_read(&g);
    ng_graph_free(&g);

    /* fmemopen refuses a zero-length buffer on some glibc versions. */
    if (size > 0) {
        char *copy = ng_xmalloc(size);
        memcpy(copy, data, size);
        FILE *fp = fmemopen(copy, size, "r");
        H_CHECK(fp != NULL, "fmemopen: %s", strerror(errno));
        ng_graph_init(&g);
        if (ng_graph_read_graphml_stream(&g, fp, "fuzz.graphml") == 0) after_read(&g);
        ng_graph_free(&g);
        fclose(fp);
        free(copy);
    }
    return 0;
}
