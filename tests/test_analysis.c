/* test_analysis.c - ng_analyse on small graphs whose answers are known.
 *
 * Expected values are derived by hand (symmetry and closed forms, shown in
 * the comments), not copied from igraph, so the tests check our use of
 * igraph as well as the conventions in analysis.h.  The 200-node
 * comparison against networkx lives in t_rank_vs_networkx.sh. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "model.h"

#define EPS 1e-9

/* cmocka 1.1 has no double comparison; this one prints both values. */
#define assert_near(a, b, eps)                                                     \
    do {                                                                           \
        double a_ = (a), b_ = (b);                                                 \
        if (!(fabs(a_ - b_) <= (eps))) {                                           \
            print_error("%s = %.17g, expected %.17g (eps %g)\n", #a, a_, b_,       \
                        (double)(eps));                                            \
            fail();                                                                \
        }                                                                          \
    } while (0)

static void make_actors(ng_graph *g, int n)
{
    ng_graph_init(g);
    for (int i = 0; i < n; i++) {
        char id[16];
        /* zero-padded so id order = index order (ties sort by id) */
        snprintf(id, sizeof id, "a%02d", i);
        ng_graph_add_actor(g, id, id, NG_PERSON);
    }
}

/* Add `count` relations s -> o of type t. */
static void rel(ng_graph *g, int s, int o, ng_event_type t, int count)
{
    for (int k = 0; k < count; k++) {
        ng_relation r;
        memset(&r, 0, sizeof r);
        r.subject = s;
        r.object = o;
        r.type = t;
        r.predicate = "relatedTo";
        r.doc = -1;
        r.confidence = 1;
        ng_graph_add_relation(g, &r);
    }
}

static void test_empty_graph(void **state)
{
    (void)state;
    ng_graph g;
    ng_graph_init(&g);
    assert_int_equal(ng_analyse(&g, NULL), 0);
    assert_true(g.analysed);
    assert_true(isnan(g.modularity));
    assert_int_equal(ng_analysis_count_communities(&g), 0);
    ng_graph_free(&g);
}

static void test_no_ties(void **state)
{
    (void)state;
    ng_graph g;
    make_actors(&g, 3);
    assert_int_equal(ng_analyse(&g, NULL), 0);
    for (int i = 0; i < 3; i++) {
        /* no links: PageRank is uniform; every actor is its own community,
         * numbered by first appearance */
        assert_near(g.actors[i].scores.pagerank, 1.0 / 3, EPS);
        assert_int_equal(g.actors[i].community, i);
        assert_int_equal(g.actors[i].scores.degree, 0);
        assert_near(g.actors[i].scores.closeness, 0, 0);
        assert_near(g.actors[i].scores.eigenvector, 0, 0);
    }
    assert_true(isnan(g.modularity));
    ng_graph_free(&g);
}

/* Star: four leaves accuse the centre (directed, non-symmetric). */
static void test_star_directed(void **state)
{
    (void)state;
    ng_graph g;
    make_actors(&g, 5);
    for (int i = 1; i < 5; i++) rel(&g, i, 0, NG_EV_ACCUSE, 1);
    assert_int_equal(ng_analyse(&g, NULL), 0);
    assert_int_equal(g.n_ties, 4);
    const ng_scores *c = &g.actors[0].scores;
    assert_int_equal(c->in_degree, 4);
    assert_int_equal(c->out_degree, 0);
    assert_int_equal(c->degree, 4);
    assert_near(c->strength_in, 4, 0);
    assert_near(c->coop_received, 4 * ng_event_score[NG_EV_ACCUSE], EPS);
    /* PageRank, d = 0.85, n = 5, the centre is dangling (spreads uniformly):
     *   L = 0.15/5 + 0.85 C/5,  C = 0.15/5 + 0.85 C/5 + 0.85 * 4L,
     *   4L + C = 1  =>  C = 0.88/1.68,  L = (1 - C)/4. */
    double C = 0.88 / 1.68, L = (1 - C) / 4;
    assert_near(c->pagerank, C, 1e-9);
    double sum = c->pagerank;
    for (int i = 1; i < 5; i++) {
        const ng_scores *s = &g.actors[i].scores;
        assert_near(s->pagerank, L, 1e-9);
        assert_int_equal(s->out_degree, 1);
        assert_int_equal(s->in_degree, 0);
        assert_near(s->coop_given, ng_event_score[NG_EV_ACCUSE], EPS);
        assert_near(s->betweenness, 0, 0); /* no directed 2-paths */
        assert_near(s->hub, 1, 1e-9);       /* every leaf points at the authority */
        sum += s->pagerank;
    }
    assert_near(sum, 1, 1e-12);
    assert_near(c->authority, 1, 1e-9);
    assert_near(c->betweenness, 0, 0);
    ng_graph_free(&g);
}

/* Star of CONSULT (symmetric) ties: each tie is an arc both ways. */
static void test_star_symmetric(void **state)
{
    (void)state;
    ng_graph g;
    make_actors(&g, 5);
    for (int i = 1; i < 5; i++) rel(&g, 0, i, NG_EV_CONSULT, 1);
    assert_int_equal(ng_analyse(&g, NULL), 0);
    const ng_scores *c = &g.actors[0].scores;
    /* every ordered pair of leaves (4 * 3) passes through the centre */
    assert_near(c->betweenness, 12, EPS);
    assert_int_equal(c->in_degree, 4);
    assert_int_equal(c->out_degree, 4);
    assert_int_equal(c->degree, 4);
    /* a symmetric tie counts once in the total strength */
    assert_near(c->strength, 4, 0);
    assert_near(c->strength_in, 4, 0);
    /* both endpoints of a symmetric tie give and receive its score */
    assert_near(c->coop_given, 4 * ng_event_score[NG_EV_CONSULT], EPS);
    assert_near(c->coop_received, 4 * ng_event_score[NG_EV_CONSULT], EPS);
    /* eigenvector of K1,4: lambda = 2, centre 1, leaves 1/lambda */
    assert_near(c->eigenvector, 1, 1e-9);
    /* closeness (lengths 1): centre 1/1, leaf 4/(1+2+2+2) */
    assert_near(c->closeness, 1, EPS);
    /* harmonic / (n-1): centre 4/4, leaf (1 + 3 * 1/2) / 4 */
    assert_near(c->harmonic, 1, EPS);
    for (int i = 1; i < 5; i++) {
        assert_near(g.actors[i].scores.eigenvector, 0.5, 1e-9);
        assert_near(g.actors[i].scores.closeness, 4.0 / 7, EPS);
        assert_near(g.actors[i].scores.harmonic, 2.5 / 4, EPS);
        assert_near(g.actors[i].scores.pagerank, g.actors[1].scores.pagerank, 1e-12);
        assert_int_equal(g.actors[i].scores.kcore, 1);
    }
    ng_graph_free(&g);
}

/* Directed path 0 -> 1 -> 2 -> 3 with unit weights. */
static void test_path(void **state)
{
    (void)state;
    ng_graph g;
    make_actors(&g, 4);
    for (int i = 0; i < 3; i++) rel(&g, i, i + 1, NG_EV_SUPPORT, 1);
    assert_int_equal(ng_analyse(&g, NULL), 0);
    /* 1 lies on 0->2 and 0->3; 2 lies on 0->3 and 1->3 */
    assert_near(g.actors[0].scores.betweenness, 0, 0);
    assert_near(g.actors[1].scores.betweenness, 2, EPS);
    assert_near(g.actors[2].scores.betweenness, 2, EPS);
    assert_near(g.actors[3].scores.betweenness, 0, 0);
    assert_int_equal(g.actors[1].scores.degree, 2);
    assert_int_equal(g.actors[0].scores.kcore, 1);
    ng_graph_free(&g);
}

/* Weights are lengths after inversion: 0->1 and 1->2 carry 4 relations
 * each (length 1/4), 0->2 one relation (length 1).  The shortest 0->2 path
 * is 0->1->2 (0.5 < 1), so actor 1 has betweenness 1.  Reading weights
 * directly as lengths would give 8 > 1 and betweenness 0. */
static void test_betweenness_weights_as_lengths(void **state)
{
    (void)state;
    ng_graph g;
    make_actors(&g, 3);
    rel(&g, 0, 1, NG_EV_SUPPORT, 4);
    rel(&g, 1, 2, NG_EV_SUPPORT, 4);
    rel(&g, 0, 2, NG_EV_SUPPORT, 1);
    assert_int_equal(ng_analyse(&g, NULL), 0);
    assert_int_equal(g.n_ties, 3);
    assert_near(g.actors[1].scores.betweenness, 1, EPS);
    assert_near(g.actors[0].scores.strength_out, 5, 0);
    assert_near(g.actors[2].scores.strength_in, 5, 0);
    ng_graph_free(&g);
}

/* Two 5-cliques (CONSULT) joined by one edge 4 - 5. */
static void build_two_cliques(ng_graph *g)
{
    make_actors(g, 10);
    for (int base = 0; base < 10; base += 5)
        for (int i = 0; i < 5; i++)
            for (int j = i + 1; j < 5; j++) rel(g, base + i, base + j, NG_EV_CONSULT, 1);
    rel(g, 4, 5, NG_EV_CONSULT, 1);
}

static void test_two_cliques(void **state)
{
    (void)state;
    ng_graph g;
    build_two_cliques(&g);
    assert_int_equal(ng_analyse(&g, NULL), 0);
    for (int i = 0; i < 10; i++) {
        assert_int_equal(g.actors[i].community, i < 5 ? 0 : 1);
        assert_int_equal(g.actors[i].scores.kcore, 4);
    }
    assert_int_equal(ng_analysis_count_communities(&g), 2);
    /* m = 21 unit edges; each half has 10 internal edges and degree sum
     * 21: Q = 2 * (10/21 - (21/42)^2) = 20/21 - 1/2. */
    assert_near(g.modularity, 20.0 / 21 - 0.5, 1e-9);
    assert_int_equal(g.actors[4].scores.degree, 5);
    assert_int_equal(g.actors[0].scores.degree, 4);
    /* symmetry between the halves */
    assert_near(g.actors[4].scores.pagerank, g.actors[5].scores.pagerank, 1e-12);
    assert_near(g.actors[4].scores.betweenness, g.actors[5].scores.betweenness, 1e-9);
    /* the bridge carries every cross pair in both directions: 4 lies on all
     * paths from its 4 clique mates to the 5 others (and back) = 2*4*5 */
    assert_near(g.actors[4].scores.betweenness, 40, 1e-9);
    ng_graph_free(&g);
}

static void test_resolution_changes_partition(void **state)
{
    (void)state;
    ng_graph g;
    build_two_cliques(&g);
    ng_analysis_opts o;
    ng_analysis_opts_default(&o);
    /* A tiny resolution makes the whole graph one community. */
    o.leiden_resolution = 0.01;
    assert_int_equal(ng_analyse(&g, &o), 0);
    for (int i = 0; i < 10; i++) assert_int_equal(g.actors[i].community, 0);
    ng_graph_free(&g);
}

static void test_deterministic(void **state)
{
    (void)state;
    ng_graph a, b;
    build_two_cliques(&a);
    build_two_cliques(&b);
    /* make it less regular so ties in the random choices matter */
    rel(&a, 0, 7, NG_EV_ACCUSE, 2);
    rel(&b, 0, 7, NG_EV_ACCUSE, 2);
    rel(&a, 9, 2, NG_EV_AID, 3);
    rel(&b, 9, 2, NG_EV_AID, 3);
    assert_int_equal(ng_analyse(&a, NULL), 0);
    assert_int_equal(ng_analyse(&b, NULL), 0);
    for (int i = 0; i < 10; i++) {
        assert_memory_equal(&a.actors[i].scores, &b.actors[i].scores, sizeof(ng_scores));
        assert_int_equal(a.actors[i].community, b.actors[i].community);
    }
    assert_memory_equal(&a.modularity, &b.modularity, sizeof(double));
    /* and again on the same graph (scores are reset, not accumulated) */
    ng_scores first = a.actors[3].scores;
    assert_int_equal(ng_analyse(&a, NULL), 0);
    assert_memory_equal(&first, &a.actors[3].scores, sizeof first);
    ng_graph_free(&a);
    ng_graph_free(&b);
}

static void test_isolated_actor_gets_community(void **state)
{
    (void)state;
    ng_graph g;
    make_actors(&g, 4);
    rel(&g, 1, 2, NG_EV_COOPERATE, 1);
    assert_int_equal(ng_analyse(&g, NULL), 0);
    /* ids by first appearance: actor 0 (isolated) is 0, {1,2} is 1, 3 is 2 */
    assert_int_equal(g.actors[0].community, 0);
    assert_int_equal(g.actors[1].community, 1);
    assert_int_equal(g.actors[2].community, 1);
    assert_int_equal(g.actors[3].community, 2);
    assert_near(g.actors[0].scores.closeness, 0, 0);
    ng_graph_free(&g);
}

static void test_bad_input_returns_error(void **state)
{
    (void)state;
    ng_graph g;
    make_actors(&g, 2);
    rel(&g, 0, 1, NG_EV_AID, 1);
    ng_graph_build_ties(&g);
    g.ties[0].weight = -1; /* would be a negative length */
    assert_int_equal(ng_analyse(&g, NULL), -1);
    g.ties[0].weight = 1;
    ng_analysis_opts o;
    ng_analysis_opts_default(&o);
    o.leiden_resolution = 0;
    assert_int_equal(ng_analyse(&g, &o), -1);
    ng_analysis_opts_default(&o);
    o.betweenness_cutoff = 0;
    assert_int_equal(ng_analyse(&g, &o), -1);
    ng_graph_free(&g);
}

static void test_cutoff(void **state)
{
    (void)state;
    ng_graph g;
    make_actors(&g, 4);
    for (int i = 0; i < 3; i++) rel(&g, i, i + 1, NG_EV_SUPPORT, 1);
    ng_analysis_opts o;
    ng_analysis_opts_default(&o);
    /* the automatic cutoff switches on above approx_threshold actors */
    o.approx_threshold = 2;
    assert_int_equal(ng_analyse(&g, &o), 0);
    assert_near(g.actors[1].scores.betweenness, 2, EPS); /* paths <= 4 */
    o.betweenness_cutoff = 2; /* only paths of length <= 2: 0->2 and 1->3 */
    assert_int_equal(ng_analyse(&g, &o), 0);
    assert_near(g.actors[1].scores.betweenness, 1, EPS);
    assert_near(g.actors[2].scores.betweenness, 1, EPS);
    ng_graph_free(&g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_empty_graph),
        cmocka_unit_test(test_no_ties),
        cmocka_unit_test(test_star_directed),
        cmocka_unit_test(test_star_symmetric),
        cmocka_unit_test(test_path),
        cmocka_unit_test(test_betweenness_weights_as_lengths),
        cmocka_unit_test(test_two_cliques),
        cmocka_unit_test(test_resolution_changes_partition),
        cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_isolated_actor_gets_community),
        cmocka_unit_test(test_bad_input_returns_error),
        cmocka_unit_test(test_cutoff),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
