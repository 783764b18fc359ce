/*
 * layout.c - node positions and colours shared by GEXF and SVG.
 *
 * Positions are presentation, not a fact about the news, so the model
 * does not hold them; but the GEXF file and the SVG picture must show the
 * same picture, so both call ng_layout_compute() and the same palette.
 * Fruchterman-Reingold with igraph's default RNG seeded to a constant
 * gives the same coordinates for the same graph on every run.
 */
#include "escape.h"

#include <igraph.h>
#include <math.h>
#include <string.h>

int ng_layout_compute(const ng_graph *g, double *xy)
{
    size_t n = g->n_actors;
    if (n == 0) return 0;
    for (size_t i = 0; i < n; i++) xy[2 * i] = xy[2 * i + 1] = 0.5;
    if (n == 1) return 0;

    /* igraph's default handler aborts the process; an exporter must fail
     * softly instead, so ignore errors here and check return codes. */
    igraph_error_handler_t *old = igraph_set_error_handler(igraph_error_handler_ignore);
    igraph_t graph;
    igraph_vector_int_t edges;
    igraph_vector_t weights;
    igraph_matrix_t res;
    int rc = -1;
    if (igraph_vector_int_init(&edges, 0)) goto out0;
    if (igraph_vector_init(&weights, 0)) goto out1;
    for (size_t t = 0; t < g->n_ties; t++) {
        const ng_tie *tie = &g->ties[t];
        if (tie->subject < 0 || tie->object < 0 || (size_t)tie->subject >= n ||
            (size_t)tie->object >= n)
            continue;
        if (igraph_vector_int_push_back(&edges, tie->subject) ||
            igraph_vector_int_push_back(&edges, tie->object) ||
            /* FR pulls harder along heavy edges; log damps a tie reported
             * by fifty articles so it does not collapse the picture. */
            igraph_vector_push_back(&weights, 1.0 + log1p(tie->weight > 0 ? tie->weight : 0)))
            goto out2;
    }
    if (igraph_create(&graph, &edges, (igraph_integer_t)n, IGRAPH_UNDIRECTED)) goto out2;
    if (igraph_matrix_init(&res, 0, 0)) goto out3;
    igraph_rng_seed(igraph_rng_default(), 42);
    if (igraph_layout_fruchterman_reingold(&graph, &res, 0, 500, sqrt((double)n),
                                           IGRAPH_LAYOUT_AUTOGRID, &weights, NULL, NULL,
                                           NULL, NULL))
        goto out4;
    /* Scale into the unit square, keeping the aspect ratio. */
    double minx = INFINITY, maxx = -INFINITY, miny = INFINITY, maxy = -INFINITY;
    for (size_t i = 0; i < n; i++) {
        double x = MATRIX(res, i, 0), y = MATRIX(res, i, 1);
        if (x < minx) minx = x;
        if (x > maxx) maxx = x;
        if (y < miny) miny = y;
        if (y > maxy) maxy = y;
    }
    double span = fmax(maxx - minx, maxy - miny);
    if (!(span > 0) || !isfinite(span)) span = 1;
    double ox = (span - (maxx - minx)) / 2, oy = (span - (maxy - miny)) / 2;
    for (size_t i = 0; i < n; i++) {
        xy[2 * i] = (MATRIX(res, i, 0) - minx + ox) / span;
        xy[2 * i + 1] = (MATRIX(res, i, 1) - miny + oy) / span;
    }
    rc = 0;
out4:
    igraph_matrix_destroy(&res);
out3:
    igraph_destroy(&graph);
out2:
    igraph_vector_destroy(&weights);
out1:
    igraph_vector_int_destroy(&edges);
out0:
    igraph_set_error_handler(old);
    if (rc) ng_warn("layout failed; nodes are drawn at the centre");
    return rc;
}

/* Twelve colours that stay apart for common colour blindness (after
 * Paul Tol's "muted" and "bright" schemes); communities beyond twelve
 * reuse them, which a legend makes clear enough for a news graph. */
static const char *const palette[] = {
    "#4477aa", "#ee6677", "#228833", "#ccbb44", "#66ccee", "#aa3377",
    "#332288", "#117733", "#cc6677", "#882255", "#44aa99", "#999933"};
#define N_PALETTE (sizeof palette / sizeof palette[0])
#define NO_COMMUNITY "#9e9e9e"

const char *ng_palette_color(int community)
{
    return community < 0 ? NO_COMMUNITY : palette[(size_t)community % N_PALETTE];
}

void ng_palette_rgb(int community, int *r, int *gg, int *b)
{
    const char *h = ng_palette_color(community);
    unsigned v = 0;
    for (int i = 1; i <= 6; i++) {
        char c = h[i];
        v = v * 16 + (unsigned)(c <= '9' ? c - '0' : c - 'a' + 10);
    }
    *r = (int)(v >> 16);
    *gg = (int)((v >> 8) & 255);
    *b = (int)(v & 255);
}

void ng_node_sizes(const ng_graph *g, double lo, double hi, double *out)
{
    double mn = INFINITY, mx = -INFINITY;
    for (size_t i = 0; i < g->n_actors; i++) {
        double p = g->actors[i].scores.pagerank;
        if (!isfinite(p)) continue;
        if (p < mn) mn = p;
        if (p > mx) mx = p;
    }
    for (size_t i = 0; i < g->n_actors; i++) {
        double p = g->actors[i].scores.pagerank;
        /* all equal (or not analysed): every node mid-size, not all tiny */
        double f = !isfinite(p) ? 0.0 : mx > mn ? sqrt((p - mn) / (mx - mn)) : 0.5;
        out[i] = lo + f * (hi - lo);
    }
}
