/* analysis.c - centralities, k-cores and Leiden communities via igraph.
 * See analysis.h for which graph each measure is computed on and why. */
#include "analysis.h"

#include <igraph.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

void ng_analysis_opts_default(ng_analysis_opts *o)
{
    o->leiden_resolution = 1.0;
    o->seed = 42;
    o->betweenness_cutoff = -1;
    o->approx_threshold = NG_ANALYSIS_APPROX_THRESHOLD;
}

size_t ng_analysis_count_communities(const ng_graph *g)
{
    /* Ids are canonical 0..k-1 after analysis, so the count is max + 1. */
    int max = -1;
    for (size_t i = 0; i < g->n_actors; i++)
        if (g->actors[i].community > max) max = g->actors[i].community;
    return (size_t)(max + 1);
}

/* ---- igraph error handling ------------------------------------------- */

/* igraph's default handler aborts the process; a library call inside a
 * CLI must return instead.  The handler must free igraph's temporaries
 * (IGRAPH_FINALLY_FREE) as the igraph docs require. */
static void ng_analysis_error_handler(const char *reason, const char *file, int line,
                                      igraph_error_t err)
{
    /* Print first: reason may point into memory that IGRAPH_FINALLY_FREE
     * releases. */
    ng_error("igraph: %s (%s, at %s:%d)", reason, igraph_strerror(err), file, line);
    IGRAPH_FINALLY_FREE();
}

/* igraph warnings (ARPACK convergence and the like) go through ng_warn so
 * --quiet silences them like every other warning. */
static void ng_analysis_warning_handler(const char *reason, const char *file, int line)
{
    (void)file;
    (void)line;
    ng_warn("igraph: %s", reason);
}

/* ---- edge lists ------------------------------------------------------- */

typedef struct ng_analysis_arc {
    int s, o;
    double w;
    size_t pos;  /* insertion order: makes the sort a total order, so
                    the summation order of parallel weights is fixed */
} ng_analysis_arc;

static int ng_analysis_arc_cmp(const void *a, const void *b)
{
    const ng_analysis_arc *x = a, *y = b;
    if (x->s != y->s) return x->s < y->s ? -1 : 1;
    if (x->o != y->o) return x->o < y->o ? -1 : 1;
    return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/* Sort and merge parallel arcs by summing weights; returns the new count. */
static size_t ng_analysis_collapse(ng_analysis_arc *a, size_t n)
{
    if (!n) return 0;
    qsort(a, n, sizeof *a, ng_analysis_arc_cmp);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (k && a[k - 1].s == a[i].s && a[k - 1].o == a[i].o)
            a[k - 1].w += a[i].w;
        else
            a[k++] = a[i];
    }
    return k;
}

/* ---- the analysis ----------------------------------------------------- */

typedef struct ng_analysis_work {
    igraph_t D, U;
    int have_D, have_U;
    igraph_vector_int_t edges, core, memb;
    igraph_vector_t wD, lenD, wU, lenU, nodew;
    igraph_vector_t pr, bt, cl, hc, ev, hub, auth;
} ng_analysis_work;

/* Initialise every vector up front so a single cleanup path can destroy all
 * of them whatever step failed. */
static igraph_error_t ng_analysis_work_init(ng_analysis_work *w)
{
    igraph_vector_t *v[] = {&w->wD, &w->lenD, &w->wU, &w->lenU, &w->nodew, &w->pr,
                            &w->bt, &w->cl, &w->hc, &w->ev, &w->hub, &w->auth};
    igraph_vector_int_t *vi[] = {&w->edges, &w->core, &w->memb};
    size_t nv = sizeof v / sizeof *v, nvi = sizeof vi / sizeof *vi;
    size_t i, j;
    igraph_error_t rc = IGRAPH_SUCCESS;
    for (i = 0; i < nv; i++)
        if ((rc = igraph_vector_init(v[i], 0)) != IGRAPH_SUCCESS) goto fail_v;
    for (j = 0; j < nvi; j++)
        if ((rc = igraph_vector_int_init(vi[j], 0)) != IGRAPH_SUCCESS) goto fail_vi;
    w->have_D = w->have_U = 0;
    return IGRAPH_SUCCESS;
fail_vi:
    while (j--) igraph_vector_int_destroy(vi[j]);
fail_v:
    while (i--) igraph_vector_destroy(v[i]);
    return rc;
}

static void ng_analysis_work_free(ng_analysis_work *w)
{
    igraph_vector_t *v[] = {&w->wD, &w->lenD, &w->wU, &w->lenU, &w->nodew, &w->pr,
                            &w->bt, &w->cl, &w->hc, &w->ev, &w->hub, &w->auth};
    igraph_vector_int_t *vi[] = {&w->edges, &w->core, &w->memb};
    for (size_t i = 0; i < sizeof v / sizeof *v; i++) igraph_vector_destroy(v[i]);
    for (size_t i = 0; i < sizeof vi / sizeof *vi; i++) igraph_vector_int_destroy(vi[i]);
    if (w->have_D) igraph_destroy(&w->D);
    if (w->have_U) igraph_destroy(&w->U);
}

/* Build an igraph graph plus weight and length (1/weight) vectors. */
static igraph_error_t ng_analysis_make_graph(igraph_t *G, int *have, igraph_vector_int_t *edges,
                                             igraph_vector_t *wv, igraph_vector_t *lv,
                                             const ng_analysis_arc *a, size_t n,
                                             size_t n_vertices, igraph_bool_t directed)
{
    IGRAPH_CHECK(igraph_vector_int_resize(edges, (igraph_integer_t)(2 * n)));
    IGRAPH_CHECK(igraph_vector_resize(wv, (igraph_integer_t)n));
    IGRAPH_CHECK(igraph_vector_resize(lv, (igraph_integer_t)n));
    for (size_t i = 0; i < n; i++) {
        VECTOR(*edges)[2 * i] = a[i].s;
        VECTOR(*edges)[2 * i + 1] = a[i].o;
        VECTOR(*wv)[i] = a[i].w;
        /* igraph reads weights in path algorithms as lengths: a strong tie
         * (many relations) must be a short distance, hence the inverse. */
        VECTOR(*lv)[i] = 1.0 / a[i].w;
    }
    IGRAPH_CHECK(igraph_create(G, edges, (igraph_integer_t)n_vertices, directed));
    *have = 1;
    return IGRAPH_SUCCESS;
}

/* Scores that are undefined for a vertex (closeness of an isolated actor,
 * harmonic centrality of a one-actor graph) are stored as 0 so that every
 * exporter can print plain numbers. */
static double ng_analysis_finite(double x)
{
    return isfinite(x) ? x : 0.0;
}

#define NG_ANALYSIS_CHECK(what, expr)                                              \
    do {                                                                           \
        igraph_error_t rc_ = (expr);                                               \
        if (rc_ != IGRAPH_SUCCESS) {                                               \
            ng_error("analysis: %s failed: %s", (what), igraph_strerror(rc_));     \
            goto done;                                                             \
        }                                                                          \
    } while (0)

static int ng_analysis_cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Median of a vector of tie lengths (1 for an empty one); used to turn a
 * hop cutoff into igraph's length cutoff. */
static double ng_analysis_median(const igraph_vector_t *v)
{
    igraph_integer_t n = igraph_vector_size(v);
    if (n == 0) return 1.0;
    double *tmp = ng_xmalloc((size_t)n * sizeof *tmp);
    for (igraph_integer_t i = 0; i < n; i++) tmp[i] = VECTOR(*v)[i];
    qsort(tmp, (size_t)n, sizeof *tmp, ng_analysis_cmp_double);
    double m = tmp[n / 2];
    free(tmp);
    return m;
}

int ng_analyse(ng_graph *g, const ng_analysis_opts *opts)
{
    ng_analysis_opts defaults;
    if (!opts) {
        ng_analysis_opts_default(&defaults);
        opts = &defaults;
    }
    if (!(opts->leiden_resolution > 0) || !isfinite(opts->leiden_resolution)) {
        ng_error("analysis: Leiden resolution must be a positive number (got %g)",
                 opts->leiden_resolution);
        return -1;
    }
    if (opts->betweenness_cutoff == 0 || opts->betweenness_cutoff < -1) {
        ng_error("analysis: betweenness cutoff must be -1 (exact) or positive (got %d)",
                 opts->betweenness_cutoff);
        return -1;
    }
    if (g->n_ties == 0 && g->n_rels > 0) ng_graph_build_ties(g);

    size_t n = g->n_actors;
    /* Validate before touching anything, so a bad graph leaves no half-set
     * scores behind. */
    if (n > (size_t)INT32_MAX) {
        ng_error("analysis: too many actors (%zu)", n);
        return -1;
    }
    for (size_t i = 0; i < g->n_ties; i++) {
        const ng_tie *t = &g->ties[i];
        if (t->subject < 0 || t->object < 0 || (size_t)t->subject >= n ||
            (size_t)t->object >= n) {
            ng_error("analysis: tie %zu refers to a missing actor", i);
            return -1;
        }
        if (!(t->weight > 0) || !isfinite(t->weight)) {
            ng_error("analysis: tie %zu (%s -> %s) has weight %g; weights must be positive",
                     i, g->actors[t->subject].id, g->actors[t->object].id, t->weight);
            return -1;
        }
    }

    for (size_t i = 0; i < n; i++) {
        memset(&g->actors[i].scores, 0, sizeof g->actors[i].scores);
        g->actors[i].community = -1;
    }
    g->modularity = NAN;
    g->analysed = 0;
    if (n == 0) {
        g->analysed = 1;
        return 0;
    }

    /* Arcs of D (symmetric ties both ways) and edges of U (smaller index
     * first).  Self-ties cannot form (ng_graph_build_ties drops them), but a
     * graph read from a file might carry one: skip it, loops mean nothing
     * for "who relates to whom". */
    ng_analysis_arc *arcs = ng_xmalloc(2 * g->n_ties * sizeof *arcs + 1);
    ng_analysis_arc *pairs = ng_xmalloc(g->n_ties * sizeof *pairs + 1);
    size_t na = 0, np = 0;
    for (size_t i = 0; i < g->n_ties; i++) {
        const ng_tie *t = &g->ties[i];
        if (t->subject == t->object) continue;
        arcs[na] = (ng_analysis_arc){t->subject, t->object, t->weight, na};
        na++;
        if (ng_event_symmetric(t->type)) {
            arcs[na] = (ng_analysis_arc){t->object, t->subject, t->weight, na};
            na++;
        }
        int lo = t->subject < t->object ? t->subject : t->object;
        int hi = t->subject < t->object ? t->object : t->subject;
        pairs[np] = (ng_analysis_arc){lo, hi, t->weight, np};
        np++;
    }
    na = ng_analysis_collapse(arcs, na);
    np = ng_analysis_collapse(pairs, np);

    /* Degrees and strengths straight from the collapsed lists: exact and
     * cheap, no igraph round trip needed. */
    double m_total = 0;  /* total edge weight of U ("m" in modularity) */
    for (size_t i = 0; i < na; i++) {
        ng_scores *s = &g->actors[arcs[i].s].scores, *o = &g->actors[arcs[i].o].scores;
        s->out_degree++;
        s->strength_out += arcs[i].w;
        o->in_degree++;
        o->strength_in += arcs[i].w;
    }
    for (size_t i = 0; i < np; i++) {
        ng_scores *a = &g->actors[pairs[i].s].scores, *b = &g->actors[pairs[i].o].scores;
        a->degree++;
        b->degree++;
        a->strength += pairs[i].w;
        b->strength += pairs[i].w;
        m_total += pairs[i].w;
    }
    for (size_t i = 0; i < g->n_ties; i++) {
        const ng_tie *t = &g->ties[i];
        if (t->subject == t->object) continue;
        double v = t->weight * t->sign;
        g->actors[t->subject].scores.coop_given += v;
        g->actors[t->object].scores.coop_received += v;
        if (ng_event_symmetric(t->type)) {
            g->actors[t->object].scores.coop_given += v;
            g->actors[t->subject].scores.coop_received += v;
        }
    }

    int ret = -1;
    ng_analysis_work w;
    igraph_error_handler_t *old_err = igraph_set_error_handler(ng_analysis_error_handler);
    igraph_warning_handler_t *old_warn = igraph_set_warning_handler(ng_analysis_warning_handler);
    igraph_error_t irc = ng_analysis_work_init(&w);
    if (irc != IGRAPH_SUCCESS) {
        ng_error("analysis: %s", igraph_strerror(irc));
        igraph_set_error_handler(old_err);
        igraph_set_warning_handler(old_warn);
        free(arcs);
        free(pairs);
        return -1;
    }

    /* Seed before anything that might draw random numbers (Leiden; ARPACK
     * start vectors in some code paths), so reruns are identical. */
    NG_ANALYSIS_CHECK("seeding the RNG",
                      igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)opts->seed));
    NG_ANALYSIS_CHECK("building the directed graph",
                      ng_analysis_make_graph(&w.D, &w.have_D, &w.edges, &w.wD, &w.lenD, arcs,
                                             na, n, IGRAPH_DIRECTED));
    NG_ANALYSIS_CHECK("building the undirected graph",
                      ng_analysis_make_graph(&w.U, &w.have_U, &w.edges, &w.wU, &w.lenU, pairs,
                                             np, n, IGRAPH_UNDIRECTED));

    NG_ANALYSIS_CHECK("PageRank",
                      igraph_pagerank(&w.D, IGRAPH_PAGERANK_ALGO_PRPACK, &w.pr, NULL,
                                      igraph_vss_all(), IGRAPH_DIRECTED, 0.85, &w.wD, NULL));

    int cutoff = opts->betweenness_cutoff;
    if (cutoff == -1 && n > opts->approx_threshold) cutoff = NG_ANALYSIS_APPROX_CUTOFF;
    /* The cutoff is given in hops, but igraph compares it with path length
     * (sum of 1/weight).  Heavy ties have short lengths, so a length cutoff
     * of 4 could follow 20 hops and take as long as the exact computation.
     * Scaling by the median tie length makes it "about `cutoff` typical
     * hops" (documented in the README).  igraph treats a negative cutoff
     * as "exact". */
    double len_cutoff = cutoff > 0 ? (double)cutoff * ng_analysis_median(&w.lenD) : -1.0;
    NG_ANALYSIS_CHECK("betweenness",
                      igraph_betweenness_cutoff(&w.D, &w.bt, igraph_vss_all(), IGRAPH_DIRECTED,
                                                &w.lenD, len_cutoff));

    /* Closeness and harmonic centrality also run one Dijkstra per actor;
     * measured on a 30000-actor random graph they took minutes exactly, so
     * only the automatic large-graph mode (not an explicit betweenness
     * cutoff) bounds them with the same path length. */
    double dist_cutoff =
        n > opts->approx_threshold && cutoff > 0 ? (double)cutoff * ng_analysis_median(&w.lenU) : -1.0;
    NG_ANALYSIS_CHECK("closeness",
                      igraph_closeness_cutoff(&w.U, &w.cl, NULL, NULL, igraph_vss_all(),
                                              IGRAPH_ALL, &w.lenU, 1, dist_cutoff));
    NG_ANALYSIS_CHECK("harmonic centrality",
                      igraph_harmonic_centrality_cutoff(&w.U, &w.hc, igraph_vss_all(), IGRAPH_ALL,
                                                        &w.lenU, 1, dist_cutoff));

    /* Spectral measures are undefined without edges (igraph would return
     * all ones with a warning); leave them 0 then. */
    if (np > 0) {
        igraph_arpack_options_t ao;
        igraph_arpack_options_init(&ao);
        NG_ANALYSIS_CHECK("eigenvector centrality",
                          igraph_eigenvector_centrality(&w.U, &w.ev, NULL, IGRAPH_UNDIRECTED, 1,
                                                        &w.wU, &ao));
    }
    if (na > 0) {
        igraph_arpack_options_t ao;
        igraph_arpack_options_init(&ao);
        NG_ANALYSIS_CHECK("hub and authority scores",
                          igraph_hub_and_authority_scores(&w.D, &w.hub, &w.auth, NULL, 1, &w.wD,
                                                          &ao));
    }
    NG_ANALYSIS_CHECK("k-cores", igraph_coreness(&w.U, &w.core, IGRAPH_ALL));

    /* Communities. */
    NG_ANALYSIS_CHECK("allocating", igraph_vector_int_resize(&w.memb, (igraph_integer_t)n));
    if (np > 0) {
        NG_ANALYSIS_CHECK("allocating", igraph_vector_resize(&w.nodew, (igraph_integer_t)n));
        for (size_t i = 0; i < n; i++) VECTOR(w.nodew)[i] = g->actors[i].scores.strength;
        igraph_integer_t nb = 0;
        igraph_real_t quality = 0;
        /* With node weights k_i and resolution gamma/(2m), igraph's CPM
         * quality becomes modularity at resolution gamma.  beta = 0.01 is
         * igraph's customary randomness of the refinement step; a negative
         * iteration count means "until the partition stops changing". */
        NG_ANALYSIS_CHECK("Leiden communities",
                          igraph_community_leiden(&w.U, &w.wU, &w.nodew,
                                                  opts->leiden_resolution / (2.0 * m_total),
                                                  0.01, 0, -1, &w.memb, &nb, &quality));
        igraph_real_t q = NAN;
        NG_ANALYSIS_CHECK("modularity",
                          igraph_modularity(&w.U, &w.memb, &w.wU, opts->leiden_resolution,
                                            IGRAPH_UNDIRECTED, &q));
        g->modularity = q;
    } else {
        for (size_t i = 0; i < n; i++) VECTOR(w.memb)[i] = (igraph_integer_t)i;
    }

    /* Canonical ids: number communities by first appearance in actor index
     * order.  igraph's ids are already < n, so a dense map suffices. */
    int *map = ng_xmalloc(n * sizeof *map);
    for (size_t i = 0; i < n; i++) map[i] = -1;
    int next = 0;
    int bad_membership = 0;
    for (size_t i = 0; i < n; i++) {
        igraph_integer_t c = VECTOR(w.memb)[i];
        if (c < 0 || (size_t)c >= n) {
            bad_membership = 1;
            break;
        }
        if (map[c] < 0) map[c] = next++;
        g->actors[i].community = map[c];
    }
    free(map);
    if (bad_membership) {
        ng_error("analysis: Leiden returned an invalid membership vector");
        goto done;
    }

    for (size_t i = 0; i < n; i++) {
        ng_scores *s = &g->actors[i].scores;
        s->pagerank = VECTOR(w.pr)[i];
        s->betweenness = VECTOR(w.bt)[i];
        s->closeness = ng_analysis_finite(VECTOR(w.cl)[i]);
        s->harmonic = ng_analysis_finite(VECTOR(w.hc)[i]);
        if (np > 0) s->eigenvector = ng_analysis_finite(VECTOR(w.ev)[i]);
        if (na > 0) {
            s->hub = ng_analysis_finite(VECTOR(w.hub)[i]);
            s->authority = ng_analysis_finite(VECTOR(w.auth)[i]);
        }
        s->kcore = (int)VECTOR(w.core)[i];
    }
    g->analysed = 1;
    ret = 0;

done:
    if (ret != 0) {
        /* Leave no partial result that could be mistaken for an analysis. */
        for (size_t i = 0; i < n; i++) g->actors[i].community = -1;
        g->modularity = NAN;
    }
    ng_analysis_work_free(&w);
    igraph_set_error_handler(old_err);
    igraph_set_warning_handler(old_warn);
    free(arcs);
    free(pairs);
    return ret;
}
