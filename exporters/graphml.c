/*
 * graphml.c - graph.graphml for Gephi, yEd, networkx, igraph.
 *
 * Our own writer rather than igraph_write_graph_graphml(): igraph names
 * nodes n0, n1... by vertex index, so ids change whenever the graph does,
 * and it gives up on strings with control characters.  Here the node id is
 * the actor id (stable across runs and corpora) and all text goes through
 * ng_esc_xml().
 *
 * Key ids carry a v_/e_ prefix.  Gephi's importer looks a key up by its id
 * *before* its attr.name, and treats ids such as "d3" (node label), "d7"
 * (edge label), "x", "size", "r", "weight" as built-in properties; the
 * usual d0, d1... numbering would therefore turn our fourth node key into
 * Gephi's label.  With prefixed ids only attr.name decides, and we use the
 * names Gephi maps on purpose: "label" on nodes (node label), "label" and
 * "weight" on edges (edge label, edge weight).
 *
 * One edge per tie, all directed (edgedefault="directed"); ties of
 * symmetric event types carry symmetric=true instead of directed="false",
 * because networkx rejects undirected edges inside a directed graph.
 */
#include "escape.h"

#include <math.h>
#include <string.h>

#define WHAT "GraphML output"
#define EVIDENCE_MAX 300 /* bytes of the first evidence sentence on an edge */

typedef struct key {
    const char *id, *for_, *name, *type;
} key;

static const key keys[] = {
    {"v_label", "node", "label", "string"},
    {"v_type", "node", "type", "string"},
    {"v_pagerank", "node", "pagerank", "double"},
    {"v_betweenness", "node", "betweenness", "double"},
    {"v_closeness", "node", "closeness", "double"},
    {"v_harmonic", "node", "harmonic", "double"},
    {"v_eigenvector", "node", "eigenvector", "double"},
    {"v_hub", "node", "hub", "double"},
    {"v_authority", "node", "authority", "double"},
    {"v_degree", "node", "degree", "int"},
    {"v_in_degree", "node", "in_degree", "int"},
    {"v_out_degree", "node", "out_degree", "int"},
    {"v_strength", "node", "strength", "double"},
    {"v_coop_given", "node", "coop_given", "double"},
    {"v_coop_received", "node", "coop_received", "double"},
    {"v_kcore", "node", "kcore", "int"},
    {"v_community", "node", "community", "int"},
    {"v_wikidata", "node", "wikidata", "string"},
    {"v_roles", "node", "roles", "string"},
    {"v_mentions", "node", "mentions", "int"},
    {"e_label", "edge", "label", "string"},
    {"e_predicate", "edge", "predicate", "string"},
    {"e_type", "edge", "type", "string"},
    {"e_weight", "edge", "weight", "double"},
    {"e_count", "edge", "count", "int"},
    {"e_sign", "edge", "sign", "double"},
    {"e_symmetric", "edge", "symmetric", "boolean"},
    {"e_first_date", "edge", "first_date", "string"},
    {"e_last_date", "edge", "last_date", "string"},
    {"e_evidence", "edge", "evidence", "string"},
};

static void data_str(ng_buf *b, const char *k, const char *v)
{
    if (!v) return; /* missing data = the key has no value for this element */
    ng_buf_printf(b, "      <data key=\"%s\">", k);
    ng_esc_xml(b, v);
    ng_buf_puts(b, "</data>\n");
}

static void data_dbl(ng_buf *b, const char *k, double v)
{
    if (!isfinite(v)) return;
    ng_buf_printf(b, "      <data key=\"%s\">", k);
    ng_esc_double(b, v, "");
    ng_buf_puts(b, "</data>\n");
}

static void data_int(ng_buf *b, const char *k, long long v)
{
    ng_buf_printf(b, "      <data key=\"%s\">%lld</data>\n", k, v);
}

/* Node keys are the attribute names with a "v_" prefix (keys table). */
static void node_key(char *k, size_t cap, const char *name)
{
    snprintf(k, cap, "v_%s", name);
}

static void node_str(ng_buf *b, const char *name, const char *v)
{
    char k[64];
    node_key(k, sizeof k, name);
    data_str(b, k, v);
}

static void node_dbl(ng_buf *b, const char *name, double v)
{
    char k[64];
    node_key(k, sizeof k, name);
    data_dbl(b, k, v);
}

static void node_int(ng_buf *b, const char *name, long long v)
{
    char k[64];
    node_key(k, sizeof k, name);
    data_int(b, k, v);
}

static void write_node(ng_buf *b, const ng_actor *a)
{
    ng_buf_puts(b, "    <node id=\"");
    ng_esc_xml(b, a->id);
    ng_buf_puts(b, "\">\n");
    data_str(b, "v_label", a->label);
    static const ng_attr_writer w = {node_str, node_dbl, node_int};
    ng_export_node_attrs(b, a, &w);
    ng_buf_puts(b, "    </node>\n");
}

static void write_edge(ng_buf *b, const ng_graph *g, size_t i)
{
    const ng_tie *t = &g->ties[i];
    ng_buf_printf(b, "    <edge id=\"t%zu\" source=\"", i);
    ng_esc_xml(b, g->actors[t->subject].id);
    ng_buf_puts(b, "\" target=\"");
    ng_esc_xml(b, g->actors[t->object].id);
    ng_buf_puts(b, "\">\n");
    data_str(b, "e_label", t->predicate);
    data_str(b, "e_predicate", t->predicate);
    data_str(b, "e_type", ng_event_name(t->type));
    data_dbl(b, "e_weight", t->weight);
    data_int(b, "e_count", (long long)t->n_rels);
    data_dbl(b, "e_sign", t->sign);
    data_str(b, "e_symmetric", ng_event_symmetric(t->type) ? "true" : "false");
    data_str(b, "e_first_date", t->first_date);
    data_str(b, "e_last_date", t->last_date);
    if (t->n_rels && t->rels[0] >= 0 && (size_t)t->rels[0] < g->n_rels &&
        g->rels[t->rels[0]].sentence) {
        const char *sent = g->rels[t->rels[0]].sentence;
        size_t n = ng_esc_utf8_prefix(sent, EVIDENCE_MAX);
        ng_buf_puts(b, "      <data key=\"e_evidence\">");
        ng_esc_xml_n(b, sent, n);
        if (sent[n]) ng_buf_puts(b, "\xE2\x80\xA6"); /* "…": the sentence goes on */
        ng_buf_puts(b, "</data>\n");
    }
    ng_buf_puts(b, "    </edge>\n");
}

int ng_export_graphml(const ng_graph *g, FILE *fp, const ng_export_opts *o)
{
    (void)o;
    ng_buf b;
    ng_buf_init(&b);
    ng_buf_puts(&b,
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
                "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
                "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
        ng_buf_printf(&b, "  <key id=\"%s\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"/>\n",
                      keys[k].id, keys[k].for_, keys[k].name, keys[k].type);
    ng_buf_puts(&b, "  <graph id=\"newsgraph\" edgedefault=\"directed\">\n");
    for (size_t i = 0; i < g->n_actors; i++) {
        write_node(&b, &g->actors[i]);
        if (b.len > NG_ESC_FLUSH_AT && ng_esc_flush(&b, fp, WHAT)) goto fail;
    }
    for (size_t i = 0; i < g->n_ties; i++) {
        const ng_tie *t = &g->ties[i];
        if (t->subject < 0 || t->object < 0 || (size_t)t->subject >= g->n_actors ||
            (size_t)t->object >= g->n_actors)
            continue;
        write_edge(&b, g, i);
        if (b.len > NG_ESC_FLUSH_AT && ng_esc_flush(&b, fp, WHAT)) goto fail;
    }
    ng_buf_puts(&b, "  </graph>\n</graphml>\n");
    if (ng_esc_flush(&b, fp, WHAT)) goto fail;
    ng_buf_free(&b);
    return 0;
fail:
    ng_buf_free(&b);
    return -1;
}
