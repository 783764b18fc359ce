/*
 * exporters.h - one renderer per output format, each walking the graph model.
 *
 * Like cmark's renderers, an exporter takes the finished model and a stream
 * and writes one format; it never changes the model and never re-derives a
 * fact.  Atomicity (temp file + rename) is the caller's job (src/outfile.c),
 * so every exporter simply writes to the FILE* it is given and returns 0, or
 * -1 after printing an error with ng_error().
 *
 * Text from articles can hold anything: each exporter escapes for its own
 * format (see exporters/escape.h) and mints IRIs / XML ids only from
 * ng_actor.id, which is already in a safe alphabet.
 */
#ifndef NG_EXPORTERS_H
#define NG_EXPORTERS_H

#include <stdio.h>
#include "../src/model.h"

typedef struct ng_export_opts {
    const char *base_iri;   /* "https://newsgraph.example/id/" style base for minted IRIs */
    int top_labels;         /* SVG: how many top actors get a label */
    int gexf_static;        /* GEXF: 1 = no spells/dynamics (Gephi Lite) */
} ng_export_opts;

void ng_export_opts_default(ng_export_opts *o);

int ng_export_json(const ng_graph *g, FILE *fp, const ng_export_opts *o);
int ng_export_turtle(const ng_graph *g, FILE *fp, const ng_export_opts *o);
int ng_export_ntriples(const ng_graph *g, FILE *fp, const ng_export_opts *o);
int ng_export_nquads(const ng_graph *g, FILE *fp, const ng_export_opts *o);
int ng_export_graphml(const ng_graph *g, FILE *fp, const ng_export_opts *o);
int ng_export_gexf(const ng_graph *g, FILE *fp, const ng_export_opts *o);
int ng_export_csv_nodes(const ng_graph *g, FILE *fp, const ng_export_opts *o);
int ng_export_csv_edges(const ng_graph *g, FILE *fp, const ng_export_opts *o);
int ng_export_svg(const ng_graph *g, FILE *fp, const ng_export_opts *o);
int ng_export_png(const ng_graph *g, FILE *fp, const ng_export_opts *o);

/* Format registry used by the CLI: name -> file suffix(es) -> function. */
typedef int (*ng_export_fn)(const ng_graph *, FILE *, const ng_export_opts *);
typedef struct ng_format {
    const char *name;     /* "ttl" */
    const char *file;     /* "graph.ttl" */
    ng_export_fn fn;
} ng_format;
/* Table terminated by {NULL}; csv appears twice (nodes, edges). */
extern const ng_format ng_formats[];

#endif
