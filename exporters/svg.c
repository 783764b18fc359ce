/*
 * svg.c - graph.svg, a picture of the actor network for a first look.
 *
 * 1200x900, readable without zooming: positions from ng_layout_compute()
 * (the same as graph.gexf), circles sized by PageRank and coloured by
 * community (the GEXF palette), ties as lines whose opacity grows with the
 * tie weight, red-ish for conflict (sign < 0), green-ish for cooperation
 * (sign > 0), grey for the neutral MEMBER_OF/AFFILIATED_WITH.  Only the
 * top o->top_labels actors by PageRank are labelled: labelling all of
 * them turns a 200-actor picture into ink.  Every node has a <title>, so
 * hovering in a browser names the rest.
 *
 * Drawing order matters for legibility: edges, then nodes from smallest
 * to largest PageRank (important actors on top), then labels with a white
 * halo (paint-order) so they stay readable over lines.
 */
#include "escape.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define WHAT "SVG output"
#define W 1200
#define H 900
/* plot area, leaving room for the title above and the legend on the right */
#define PX0 50.0
#define PX1 960.0
#define PY0 80.0
#define PY1 870.0
#define R_MIN 4.0
#define R_MAX 24.0
#define LABEL_MAX 40 /* bytes of a label drawn on the picture */

#define COL_CONFLICT "#d1495b"
#define COL_COOP "#2a9d55"
#define COL_NEUTRAL "#8c8c8c"

static const ng_graph *sort_g;

/* PageRank descending, then id, so label choice is deterministic. */
static int by_rank_desc(const void *a, const void *b)
{
    const ng_actor *x = &sort_g->actors[*(const size_t *)a];
    const ng_actor *y = &sort_g->actors[*(const size_t *)b];
    double px = isfinite(x->scores.pagerank) ? x->scores.pagerank : -1;
    double py = isfinite(y->scores.pagerank) ? y->scores.pagerank : -1;
    if (px != py) return px > py ? -1 : 1;
    return strcmp(x->id, y->id);
}

static const char *edge_color(double sign)
{
    return sign < 0 ? COL_CONFLICT : sign > 0 ? COL_COOP : COL_NEUTRAL;
}

static const char *marker_id(double sign)
{
    return sign < 0 ? "arr-conflict" : sign > 0 ? "arr-coop" : "arr-neutral";
}

/* A label drawn on the picture: bidi embedding/override/isolate controls
 * (U+202A..U+202E, U+2066..U+2069) are dropped, since a stray U+202E
 * would make the rest of the label render backwards; cut at LABEL_MAX
 * bytes on a character boundary. */
static void label_text(ng_buf *b, const char *s)
{
    ng_buf t;
    ng_buf_init(&t);
    ng_buf_puts(&t, "");
    const unsigned char *p = (const unsigned char *)s, *end = p + strlen(s);
    while (p < end) {
        uint32_t cp;
        size_t skip, len = ng_esc_utf8_decode(p, (size_t)(end - p), &cp, &skip);
        if (!len) {
            ng_esc_utf8_put(&t, 0xFFFD);
            p += skip;
            continue;
        }
        if (!((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)))
            ng_buf_append(&t, (const char *)p, len);
        p += len;
    }
    size_t n = ng_esc_utf8_prefix(t.data, LABEL_MAX);
    ng_esc_xml_n(b, t.data, n);
    if (t.data[n]) ng_buf_puts(b, "\xE2\x80\xA6");
    ng_buf_free(&t);
}

int ng_export_svg(const ng_graph *g, FILE *fp, const ng_export_opts *o)
{
    size_t n = g->n_actors;
    int top = o ? o->top_labels : 15;
    double *xy = ng_xcalloc(2 * (n ? n : 1), sizeof *xy);
    double *rad = ng_xcalloc(n ? n : 1, sizeof *rad);
    size_t *order = ng_xmalloc((n ? n : 1) * sizeof *order);
    ng_layout_compute(g, xy);
    ng_node_sizes(g, R_MIN, R_MAX, rad);
    /* unit square -> plot area, keeping the aspect ratio */
    double side = fmin(PX1 - PX0, PY1 - PY0) - 2 * R_MAX;
    double ox = PX0 + R_MAX + ((PX1 - PX0 - 2 * R_MAX) - side) / 2;
    double oy = PY0 + R_MAX + ((PY1 - PY0 - 2 * R_MAX) - side) / 2;
    for (size_t i = 0; i < n; i++) {
        xy[2 * i] = ox + xy[2 * i] * side;
        xy[2 * i + 1] = oy + xy[2 * i + 1] * side;
        order[i] = i;
    }
    sort_g = g;
    qsort(order, n, sizeof *order, by_rank_desc);

    ng_buf b;
    ng_buf_init(&b);
    ng_buf_printf(&b,
                  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                  "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                  "viewBox=\"0 0 %d %d\" font-family=\"Helvetica, Arial, sans-serif\">\n",
                  W, H, W, H);
    ng_buf_puts(&b, "<title>newsgraph actor network</title>\n<defs>\n");
    const char *mk[3][2] = {{"arr-conflict", COL_CONFLICT}, {"arr-coop", COL_COOP},
                            {"arr-neutral", COL_NEUTRAL}};
    for (int k = 0; k < 3; k++)
        ng_buf_printf(&b,
                      "<marker id=\"%s\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" "
                      "markerWidth=\"6\" markerHeight=\"6\" orient=\"auto-start-reverse\">"
                      "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"%s\"/></marker>\n",
                      mk[k][0], mk[k][1]);
    ng_buf_puts(&b, "</defs>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");

    size_t n_docs = g->n_docs;
    ng_buf_printf(&b,
                  "<text x=\"%g\" y=\"36\" font-size=\"22\" font-weight=\"bold\" "
                  "fill=\"#222\">Actor network</text>\n"
                  "<text x=\"%g\" y=\"60\" font-size=\"13\" fill=\"#555\">%zu actors, %zu "
                  "ties, %zu relations from %zu article%s; size = PageRank, colour = "
                  "community</text>\n",
                  PX0, PX0, n, g->n_ties, g->n_rels, n_docs, n_docs == 1 ? "" : "s");

    /* edges */
    double wmax = 0;
    for (size_t t = 0; t < g->n_ties; t++)
        if (isfinite(g->ties[t].weight) && g->ties[t].weight > wmax) wmax = g->ties[t].weight;
    ng_buf_puts(&b, "<g id=\"edges\" fill=\"none\">\n");
    for (size_t t = 0; t < g->n_ties; t++) {
        const ng_tie *tie = &g->ties[t];
        if (tie->subject < 0 || tie->object < 0 || (size_t)tie->subject >= n ||
            (size_t)tie->object >= n)
            continue;
        double x1 = xy[2 * tie->subject], y1 = xy[2 * tie->subject + 1];
        double x2 = xy[2 * tie->object], y2 = xy[2 * tie->object + 1];
        double dx = x2 - x1, dy = y2 - y1, len = sqrt(dx * dx + dy * dy);
        if (len < 1e-9) continue;
        /* stop at the target's rim so the arrowhead is visible */
        double cut = rad[tie->object] + 1;
        if (len > cut) {
            x2 -= dx / len * cut;
            y2 -= dy / len * cut;
        }
        double f = (wmax > 0 && isfinite(tie->weight)) ? tie->weight / wmax : 0;
        ng_buf_printf(&b,
                      "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                      "stroke-width=\"%.2f\" stroke-opacity=\"%.2f\"",
                      x1, y1, x2, y2, edge_color(tie->sign), 1.0 + 2.5 * f, 0.25 + 0.65 * f);
        if (!ng_event_symmetric(tie->type))
            ng_buf_printf(&b, " marker-end=\"url(#%s)\"", marker_id(tie->sign));
        ng_buf_puts(&b, "><title>");
        ng_esc_xml(&b, g->actors[tie->subject].label);
        ng_buf_printf(&b, " %s ", ng_event_name(tie->type));
        ng_esc_xml(&b, g->actors[tie->object].label);
        ng_buf_printf(&b, " (%zu)</title></line>\n", tie->n_rels);
        if (b.len > NG_ESC_FLUSH_AT && ng_esc_flush(&b, fp, WHAT)) goto fail;
    }
    ng_buf_puts(&b, "</g>\n<g id=\"nodes\" stroke=\"#ffffff\" stroke-width=\"1.5\">\n");
    for (size_t k = n; k-- > 0;) { /* smallest first: big nodes end on top */
        size_t i = order[k];
        const ng_actor *a = &g->actors[i];
        ng_buf_printf(&b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"><title>",
                      xy[2 * i], xy[2 * i + 1], rad[i], ng_palette_color(a->community));
        ng_esc_xml(&b, a->label);
        ng_buf_printf(&b, " (%s)</title></circle>\n", ng_actor_type_name(a->type));
        if (b.len > NG_ESC_FLUSH_AT && ng_esc_flush(&b, fp, WHAT)) goto fail;
    }
    ng_buf_puts(&b, "</g>\n<g id=\"labels\" font-size=\"13\" fill=\"#111\" stroke=\"#ffffff\" "
                    "stroke-width=\"3\" paint-order=\"stroke\" stroke-linejoin=\"round\">\n");
    for (size_t k = 0; k < n && (int)k < top; k++) {
        size_t i = order[k];
        ng_buf_printf(&b, "<text x=\"%.1f\" y=\"%.1f\">", xy[2 * i] + rad[i] + 3,
                      xy[2 * i + 1] + 4);
        label_text(&b, g->actors[i].label);
        ng_buf_puts(&b, "</text>\n");
    }
    ng_buf_puts(&b, "</g>\n");
    if (n == 0)
        ng_buf_printf(&b, "<text x=\"%g\" y=\"%g\" font-size=\"16\" fill=\"#777\">No actors "
                          "found.</text>\n", PX0, PY0 + 40);

    /* legend: edge colours, then the communities present (up to 12) */
    double lx = 985, ly = 100;
    ng_buf_printf(&b, "<g id=\"legend\" font-size=\"12\" fill=\"#333\">\n"
                      "<text x=\"%g\" y=\"%g\" font-weight=\"bold\">Ties</text>\n", lx, ly);
    const char *leg[3][2] = {{COL_COOP, "cooperation"}, {COL_CONFLICT, "conflict"},
                             {COL_NEUTRAL, "membership / affiliation"}};
    for (int k = 0; k < 3; k++) {
        ly += 20;
        ng_buf_printf(&b,
                      "<line x1=\"%g\" y1=\"%g\" x2=\"%g\" y2=\"%g\" stroke=\"%s\" "
                      "stroke-width=\"3\"/><text x=\"%g\" y=\"%g\">%s</text>\n",
                      lx, ly - 4, lx + 24, ly - 4, leg[k][0], lx + 30, ly, leg[k][1]);
    }
    ly += 34;
    ng_buf_printf(&b, "<text x=\"%g\" y=\"%g\" font-weight=\"bold\">Communities</text>\n", lx, ly);
    int shown = 0, more = 0;
    int maxc = -1;
    for (size_t i = 0; i < n; i++)
        if (g->actors[i].community > maxc) maxc = g->actors[i].community;
    for (int c = -1; c <= maxc; c++) {
        int present = 0;
        for (size_t i = 0; i < n && !present; i++) present = g->actors[i].community == c;
        if (!present) continue;
        if (shown == 12) {
            more = 1;
            break;
        }
        ly += 20;
        ng_buf_printf(&b, "<circle cx=\"%g\" cy=\"%g\" r=\"6\" fill=\"%s\"/>", lx + 8, ly - 4,
                      ng_palette_color(c));
        if (c < 0)
            ng_buf_printf(&b, "<text x=\"%g\" y=\"%g\">none</text>\n", lx + 22, ly);
        else
            ng_buf_printf(&b, "<text x=\"%g\" y=\"%g\">community %d</text>\n", lx + 22, ly, c);
        shown++;
    }
    if (more) ng_buf_printf(&b, "<text x=\"%g\" y=\"%g\">(colours repeat)</text>\n", lx, ly + 20);
    ng_buf_puts(&b, "</g>\n</svg>\n");
    if (ng_esc_flush(&b, fp, WHAT)) goto fail;
    ng_buf_free(&b);
    free(xy);
    free(rad);
    free(order);
    return 0;
fail:
    ng_buf_free(&b);
    free(xy);
    free(rad);
    free(order);
    return -1;
}
