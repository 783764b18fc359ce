/*
 * graphio.h - read a built graph back (for `newsgraph rank` and friends).
 *
 * JSON: the document written by exporters/json.c.  Actors, relations,
 * mentions, docs, merges, modularity and stored scores/communities are read;
 * relations and mentions refer to actors and docs by id.  "docs" is
 * optional: a doc id used by a relation but not listed gets a doc record
 * with that id and no date.  "ties" is derived data and is not read: ties
 * are rebuilt from the relations (weight = number of relations), exactly as
 * the pipeline built them.  Docs read back have an empty text (the JSON
 * carries none).
 *
 * GraphML (igraph's reader with the C attribute table):
 *   node  -> actor.  label = node attribute "label" if present, else the
 *            GraphML node id.  type = node attribute "type" parsed as
 *            Person/Organization/Country; missing or unknown -> Organization
 *            (an unknown value gets one warning per file), because for an
 *            arbitrary graph "some organisation" is the least specific of
 *            our three types.  id = the GraphML node id when it is in the
 *            safe id alphabet, else ng_make_id() of it; made unique with
 *            "_2", "_3"... suffixes.
 *   edge  -> one relation (doc -1, confidence 1, rule "graphml").
 *            predicate = edge attribute "predicate" (made id-safe) or
 *            "relatedTo"; type = edge attribute "type" parsed by
 *            ng_event_parse(), missing or unknown -> AFFILIATED_WITH, the
 *            neutral (score 0), directed static relation, so an arbitrary
 *            graph keeps its direction and its arcs are not folded the way
 *            CONSULT/COOPERATE would be.  In an undirected GraphML an edge of
 *            a non-symmetric type becomes two relations, one each way.
 *   weight -> the edge attribute "weight" (default 1) becomes the weight of
 *            the tie: after reading, ties are built from the relations and
 *            each tie's weight is set to the sum of its edges' weights
 *            (instead of the relation count).  Edges with weight <= 0 carry
 *            no relation and are skipped with a warning; a non-numeric or
 *            non-finite weight is an error.
 *
 * All readers append to an initialised, empty graph, print errors that name
 * the file (JSON parse errors with line:column) and return -1 on failure,
 * leaving g valid (free it with ng_graph_free).  They never abort.
 */
#ifndef NG_GRAPHIO_H
#define NG_GRAPHIO_H

#include <stdio.h>
#include "model.h"

int ng_graph_read_json(ng_graph *g, const char *path);
int ng_graph_read_graphml(ng_graph *g, const char *path);

/* The same from memory / an open stream; name is used in messages. */
int ng_graph_read_json_mem(ng_graph *g, const char *data, size_t len, const char *name);
int ng_graph_read_graphml_stream(ng_graph *g, FILE *fp, const char *name);

/* Read either format ("-" = stdin): ".json" or ".graphml"/".xml" by
 * extension, otherwise by the first non-space byte ('{' JSON, '<' GraphML). */
int ng_graph_read(ng_graph *g, const char *path);

/* Weight of each relation as the ties currently express it: a tie of weight
 * w with k relations gives each w/k (1 for pipeline graphs; the edge weight
 * for GraphML).  Relations in no tie get 1.  Caller frees (n_rels doubles;
 * never NULL). */
double *ng_graph_relation_weights(const ng_graph *g);

/* Set every tie's weight to the sum of rel_weight over its relations (in
 * ascending relation order, so the sum is reproducible). */
void ng_graph_reweight_ties(ng_graph *g, const double *rel_weight);

#endif
