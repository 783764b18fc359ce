/*
 * formats.c - the table the CLI uses to map a format name to its file(s)
 * and exporter, and the default options.  "csv" is listed twice because
 * Gephi's spreadsheet import wants nodes and edges in separate files; a
 * caller that asks for csv writes every entry with that name.
 */
#include "escape.h"

const ng_format ng_formats[] = {
    {"ttl", "graph.ttl", ng_export_turtle},
    {"nt", "graph.nt", ng_export_ntriples},
    {"nq", "graph.nq", ng_export_nquads},
    {"graphml", "graph.graphml", ng_export_graphml},
    {"gexf", "graph.gexf", ng_export_gexf},
    {"json", "graph.json", ng_export_json},
    {"csv", "graph.nodes.csv", ng_export_csv_nodes},
    {"csv", "graph.edges.csv", ng_export_csv_edges},
    {"svg", "graph.svg", ng_export_svg},
    {"png", "graph.png", ng_export_png}, /* needs rsvg-convert; not part of "all" */
    {NULL, NULL, NULL},
};

void ng_export_opts_default(ng_export_opts *o)
{
    /* w3id.org gives a permanent redirect we control, so the IRIs in a
     * published graph keep resolving if the documentation moves. */
    o->base_iri = "https://w3id.org/newsgraph/id/";
    o->top_labels = 15;
    o->gexf_static = 0;
}
