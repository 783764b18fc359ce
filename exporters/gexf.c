/*
 * gexf.c - graph.gexf (GEXF 1.3), Gephi's native format.
 *
 * Validates against the GEXF 1.3 RelaxNG schema (the client test runs
 * xmllint on it).  Choices, each for a reader we care about:
 *
 *   - Node id = actor id and label = actor label, so Gephi's "Id" column
 *     is stable across runs and its "Label" column readable.
 *   - viz:size from PageRank (5..50), viz:color from the community with
 *     the palette the SVG uses, viz:position from ng_layout_compute(), so
 *     Gephi opens on the same picture as graph.svg (y flipped: Gephi's y
 *     axis points up, SVG's down).
 *   - One edge per tie, all directed: networkx refuses an undirected edge
 *     in a directed graph, so symmetric event types say symmetric=true in
 *     an attribute.  kind = event type keeps Gephi from merging two ties
 *     of different types between the same pair.
 *   - Edge attribute titles avoid "weight", which GEXF reserves for a
 *     dynamic weight; the tie weight is the edge's weight attribute.
 *   - Dates: with o->gexf_static == 0 and at least one dated tie the graph
 *     is mode="dynamic" timeformat="date" and each dated edge gets
 *     start/end from its first/last article date, which drives Gephi's
 *     timeline.  Gephi Lite and some readers do not do dynamics, hence
 *     the option.
 *   - No lastmodifieddate: it would make two runs differ byte for byte.
 */
#include "escape.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define WHAT "GEXF output"
#define NODE_SIZE_MIN 5.0
#define NODE_SIZE_MAX 50.0
#define SPAN 1000.0 /* layout spread in Gephi units */

typedef struct attr {
    const char *id, *type;
} attr;

static const attr node_attrs[] = {
    {"type", "string"},         {"pagerank", "double"},    {"betweenness", "double"},
    {"closeness", "double"},    {"harmonic", "double"},    {"eigenvector", "double"},
    {"hub", "double"},          {"authority", "double"},   {"degree", "integer"},
    {"in_degree", "integer"},   {"out_degree", "integer"}, {"strength", "double"},
    {"coop_given", "double"},   {"coop_received", "double"}, {"kcore", "integer"},
    {"community", "integer"},   {"wikidata", "string"},    {"roles", "string"},
    {"mentions", "integer"},
};

static const attr edge_attrs[] = {
    {"predicate", "string"}, {"type", "string"},        {"count", "integer"},
    {"sign", "double"},      {"symmetric", "boolean"},  {"first_date", "string"},
    {"last_date", "string"}, {"evidence", "string"},
};

static void decl(ng_buf *b, const char *cls, const attr *a, size_t n)
{
    ng_buf_printf(b, "    <attributes class=\"%s\" mode=\"static\">\n", cls);
    for (size_t i = 0; i < n; i++)
        ng_buf_printf(b, "      <attribute id=\"%s\" title=\"%s\" type=\"%s\"/>\n", a[i].id,
                      a[i].id, a[i].type);
    ng_buf_puts(b, "    </attributes>\n");
}

static void av_str(ng_buf *b, const char *k, const char *v)
{
    if (!v) return;
    ng_buf_printf(b, "          <attvalue for=\"%s\" value=\"", k);
    ng_esc_xml(b, v);
    ng_buf_puts(b, "\"/>\n");
}

static void av_dbl(ng_buf *b, const char *k, double v)
{
    if (!isfinite(v)) return;
    ng_buf_printf(b, "          <attvalue for=\"%s\" value=\"", k);
    ng_esc_double(b, v, "");
    ng_buf_puts(b, "\"/>\n");
}

static void av_int(ng_buf *b, const char *k, long long v)
{
    ng_buf_printf(b, "          <attvalue for=\"%s\" value=\"%lld\"/>\n", k, v);
}

static void write_node(ng_buf *b, const ng_actor *a, double size, const double *xy)
{
    ng_buf_puts(b, "      <node id=\"");
    ng_esc_xml(b, a->id);
    ng_buf_puts(b, "\" label=\"");
    ng_esc_xml(b, a->label);
    ng_buf_puts(b, "\">\n        <attvalues>\n");
    static const ng_attr_writer w = {av_str, av_dbl, av_int};
    ng_export_node_attrs(b, a, &w);
    ng_buf_puts(b, "        </attvalues>\n");
    int r, gg, bl;
    ng_palette_rgb(a->community, &r, &gg, &bl);
    ng_buf_printf(b, "        <viz:size value=\"%.3f\"/>\n", size);
    ng_buf_printf(b, "        <viz:position x=\"%.3f\" y=\"%.3f\" z=\"0.0\"/>\n",
                  (xy[0] - 0.5) * SPAN, (0.5 - xy[1]) * SPAN);
    ng_buf_printf(b, "        <viz:color r=\"%d\" g=\"%d\" b=\"%d\"/>\n", r, gg, bl);
    ng_buf_puts(b, "      </node>\n");
}

static void write_edge(ng_buf *b, const ng_graph *g, size_t i, int dynamic)
{
    const ng_tie *t = &g->ties[i];
    ng_buf_printf(b, "      <edge id=\"t%zu\" source=\"", i);
    ng_esc_xml(b, g->actors[t->subject].id);
    ng_buf_puts(b, "\" target=\"");
    ng_esc_xml(b, g->actors[t->object].id);
    ng_buf_puts(b, "\" label=\"");
    ng_esc_xml(b, t->predicate);
    ng_buf_printf(b, "\" kind=\"%s\" weight=\"", ng_event_name(t->type));
    ng_esc_double(b, isfinite(t->weight) ? t->weight : 1.0, "1");
    ng_buf_putc(b, '"');
    if (dynamic && ng_esc_is_date(t->first_date) && ng_esc_is_date(t->last_date))
        ng_buf_printf(b, " start=\"%s\" end=\"%s\"", t->first_date, t->last_date);
    ng_buf_puts(b, ">\n        <attvalues>\n");
    av_str(b, "predicate", t->predicate);
    av_str(b, "type", ng_event_name(t->type));
    av_int(b, "count", (long long)t->n_rels);
    av_dbl(b, "sign", t->sign);
    av_str(b, "symmetric", ng_event_symmetric(t->type) ? "true" : "false");
    av_str(b, "first_date", t->first_date);
    av_str(b, "last_date", t->last_date);
    if (t->n_rels && t->rels[0] >= 0 && (size_t)t->rels[0] < g->n_rels &&
        g->rels[t->rels[0]].sentence) {
        const char *sent = g->rels[t->rels[0]].sentence;
        size_t n = ng_esc_utf8_prefix(sent, 300);
        ng_buf_puts(b, "          <attvalue for=\"evidence\" value=\"");
        ng_esc_xml_n(b, sent, n);
        if (sent[n]) ng_buf_puts(b, "\xE2\x80\xA6");
        ng_buf_puts(b, "\"/>\n");
    }
    ng_buf_puts(b, "        </attvalues>\n      </edge>\n");
}

static int valid_tie(const ng_graph *g, const ng_tie *t)
{
    return t->subject >= 0 && t->object >= 0 && (size_t)t->subject < g->n_actors &&
           (size_t)t->object < g->n_actors;
}

int ng_export_gexf(const ng_graph *g, FILE *fp, const ng_export_opts *o)
{
    int dynamic = 0;
    if (!o || !o->gexf_static)
        for (size_t i = 0; i < g->n_ties && !dynamic; i++)
            dynamic = ng_esc_is_date(g->ties[i].first_date) && ng_esc_is_date(g->ties[i].last_date);

    double *xy = ng_xcalloc(2 * (g->n_actors ? g->n_actors : 1), sizeof *xy);
    double *size = ng_xcalloc(g->n_actors ? g->n_actors : 1, sizeof *size);
    ng_layout_compute(g, xy); /* on failure: centred nodes, still a valid file */
    ng_node_sizes(g, NODE_SIZE_MIN, NODE_SIZE_MAX, size);

    size_t n_edges = 0;
    for (size_t i = 0; i < g->n_ties; i++) n_edges += valid_tie(g, &g->ties[i]);

    ng_buf b;
    ng_buf_init(&b);
    ng_buf_puts(&b,
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                /* no xsi:schemaLocation: the 1.3 RelaxNG schema rejects it */
                "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\"\n"
                "      version=\"1.3\">\n"
                "  <meta>\n    <creator>newsgraph</creator>\n"
                "    <description>Actors and relations extracted from news articles</description>\n"
                "  </meta>\n");
    if (dynamic)
        ng_buf_puts(&b, "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\">\n");
    else
        ng_buf_puts(&b, "  <graph defaultedgetype=\"directed\" mode=\"static\">\n");
    decl(&b, "node", node_attrs, sizeof node_attrs / sizeof node_attrs[0]);
    decl(&b, "edge", edge_attrs, sizeof edge_attrs / sizeof edge_attrs[0]);
    ng_buf_printf(&b, "    <nodes count=\"%zu\">\n", g->n_actors);
    int rc = -1;
    for (size_t i = 0; i < g->n_actors; i++) {
        write_node(&b, &g->actors[i], size[i], &xy[2 * i]);
        if (b.len > NG_ESC_FLUSH_AT && ng_esc_flush(&b, fp, WHAT)) goto done;
    }
    ng_buf_printf(&b, "    </nodes>\n    <edges count=\"%zu\">\n", n_edges);
    for (size_t i = 0; i < g->n_ties; i++) {
        if (!valid_tie(g, &g->ties[i])) continue;
        write_edge(&b, g, i, dynamic);
        if (b.len > NG_ESC_FLUSH_AT && ng_esc_flush(&b, fp, WHAT)) goto done;
    }
    ng_buf_puts(&b, "    </edges>\n  </graph>\n</gexf>\n");
    if (ng_esc_flush(&b, fp, WHAT)) goto done;
    rc = 0;
done:
    ng_buf_free(&b);
    free(xy);
    free(size);
    return rc;
}
