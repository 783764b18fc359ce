/*
 * turtle.c - graph.ttl.  The statements come from the shared RDF walker
 * (rdf.c), so Turtle, N-Triples and N-Quads always say the same thing;
 * raptor's "turtle" serializer groups them by subject and uses the
 * prefixes declared there (ng:, schema:, ...).
 */
#include "escape.h"

int ng_export_turtle(const ng_graph *g, FILE *fp, const ng_export_opts *o)
{
    return ng_export_rdf(g, fp, o, "turtle", 0);
}
