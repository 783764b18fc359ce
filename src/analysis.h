/*
 * analysis.h - network measures and communities for the actor graph (igraph).
 *
 * ng_analyse() reads g->ties and writes every actor's ng_scores, its
 * community and g->modularity.  It never changes actors, relations or ties
 * (except building ties when there are relations but none were built yet).
 *
 * Two igraph graphs are derived from the ties; both are simple (parallel
 * ties are collapsed by summing their weights, in a fixed order, so results
 * are identical bit for bit between runs):
 *
 *   D, directed:   one arc s->o per ordered pair that has any tie s->o.  A
 *                  tie of a symmetric type (CONSULT, COOPERATE) is an
 *                  undirected fact, so it contributes its weight to BOTH
 *                  arcs s->o and o->s.
 *   U, undirected: one edge {s,o} per unordered pair, weight = sum of the
 *                  weights of all ties between s and o in either direction
 *                  (a symmetric tie counts once).
 *
 * Which measure is computed on which graph, and how weights are read:
 *
 *   in_degree, out_degree   distinct in-/out-neighbours in D
 *   degree                  distinct neighbours in U
 *   strength_in/out         sum of arc weights into / out of the actor in D
 *   strength                weighted degree in U (= in + out when there are
 *                           no symmetric ties; a symmetric tie counts once)
 *   pagerank                D, weights as transition weights, damping 0.85,
 *                           PRPACK, dangling actors jump uniformly; sums to 1
 *   betweenness             D, directed paths, weights turned into lengths
 *                           (length = 1/weight: a tie seen often is "short"),
 *                           unnormalised pair counts
 *   closeness, harmonic     U, lengths 1/weight.  Undirected on purpose: news
 *                           relations are sparse and one-sided ("A accused
 *                           B"), so directed distances leave most pairs
 *                           unreachable and the numbers mostly reflect who
 *                           happens to be a source.  closeness = inverse of
 *                           the mean distance to the actors it can reach
 *                           (igraph 0.10 semantics; 0 for isolated actors);
 *                           harmonic = sum of 1/distance over all other
 *                           actors divided by (n - 1)
 *   eigenvector             U, weighted, scaled so the maximum is 1
 *   hub, authority          D, weighted HITS, each scaled so the max is 1
 *   kcore                   coreness of U (distinct neighbours, ALL mode)
 *   coop_given/received     sum of weight*sign over the ties the actor is the
 *                           subject / object of; both endpoints of a
 *                           symmetric tie give and receive
 *   community               Leiden on U optimising modularity (see below)
 *
 * Leiden in igraph optimises CPM unless given node weights, so we pass
 * node weights = weighted degree in U and resolution = gamma / (2m), which
 * makes its quality function modularity with resolution gamma.  igraph's
 * RNG is seeded with opts->seed first.  Community ids are renumbered by
 * first appearance in actor index order (actor 0 is always in community 0),
 * so the ids do not depend on igraph's internal numbering.  Every actor gets
 * a community; an actor without ties is a community of its own.
 * g->modularity is igraph_modularity() of that partition on U with the same
 * resolution, or NAN when the graph has no ties.
 *
 * Errors: igraph errors are caught (a private error handler is installed for
 * the duration of the call and the previous one restored), reported with
 * ng_error(), and ng_analyse() returns -1.  It never aborts the process.
 */
#ifndef NG_ANALYSIS_H
#define NG_ANALYSIS_H

#include <stddef.h>
#include "model.h"

/* Above this many actors, exact betweenness (O(n*m) Dijkstra runs) becomes
 * too slow for an interactive tool, so it switches to a path-length cutoff
 * of NG_ANALYSIS_APPROX_CUTOFF (in length units: 4 = four single-relation
 * ties) unless the caller asked for a cutoff explicitly.  In that
 * large-graph mode closeness and harmonic centrality use the same cutoff
 * (distances beyond it are treated as unreachable), for the same reason. */
#define NG_ANALYSIS_APPROX_THRESHOLD 20000
#define NG_ANALYSIS_APPROX_CUTOFF 4

typedef struct ng_analysis_opts {
    double leiden_resolution;  /* modularity resolution gamma; default 1.0 */
    unsigned long seed;        /* igraph RNG seed; default 42 */
    int betweenness_cutoff;    /* -1 = exact; > 0 = path-length cutoff */
    size_t approx_threshold;   /* actors above which betweenness uses cutoff 4
                                * automatically (when betweenness_cutoff is
                                * -1); default 20000 */
} ng_analysis_opts;

void ng_analysis_opts_default(ng_analysis_opts *o);

/* Fill scores, communities and modularity; see above.  o may be NULL for
 * defaults.  Returns 0, or -1 after printing an error. */
int ng_analyse(ng_graph *g, const ng_analysis_opts *o);

/* Number of distinct communities among the actors (0 if not analysed). */
size_t ng_analysis_count_communities(const ng_graph *g);

#endif
