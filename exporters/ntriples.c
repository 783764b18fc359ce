/*
 * ntriples.c - graph.nt and graph.nq from the shared RDF walker (rdf.c).
 *
 * N-Triples: the same statements as Turtle, one per line.
 * N-Quads: the same statements again, where those that come from one
 * article (its description, each relation's direct triple and event node)
 * carry the article's IRI as graph name, and statements about actors stay
 * in the default graph (see rdf.c for why).  raptor's "nquads" serializer
 * streams and keeps the graph term, unlike its Turtle writer which would
 * drop it.
 */
#include "escape.h"

int ng_export_ntriples(const ng_graph *g, FILE *fp, const ng_export_opts *o)
{
    return ng_export_rdf(g, fp, o, "ntriples", 0);
}

int ng_export_nquads(const ng_graph *g, FILE *fp, const ng_export_opts *o)
{
    return ng_export_rdf(g, fp, o, "nquads", 1);
}
