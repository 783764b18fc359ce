/*
 * escape.h - escaping shared by every exporter.
 *
 * Article text can hold anything: control characters, bytes that are not
 * UTF-8 (the model promises valid UTF-8, but an exporter is the last line
 * of defence and must never write a file its readers reject), quotes,
 * markup, bidi overrides.  Every string an exporter writes passes through
 * one of the ng_esc_* functions below, so the rules live in one place:
 *
 *   - invalid UTF-8 (stray bytes, overlongs, encoded surrogates, code
 *     points above U+10FFFF, truncated sequences) becomes U+FFFD, one
 *     replacement per maximal invalid subpart as Unicode recommends;
 *   - XML drops the characters XML 1.0 cannot carry at all (C0 controls
 *     except tab/LF/CR, U+FFFE, U+FFFF) and writes tab/LF/CR as character
 *     references so attribute-value normalisation does not eat them;
 *   - JSON escapes losslessly (\u0001 ...), plus U+2028/U+2029 so the file
 *     is also a valid JavaScript literal;
 *   - RDF literals get C0 controls other than tab/LF replaced by U+FFFD
 *     and CR/CRLF turned into LF, because raptor 2.0.15's Turtle writer
 *     emits them raw (a raw CR inside "..." is not Turtle) -- see
 *     ng_esc_rdf_literal();
 *   - CSV follows RFC 4180 and neutralises spreadsheet formulas.
 *
 * The second half of this header is private plumbing shared by several
 * exporters (the RDF walker, the layout); it is not part of exporters.h
 * because the CLI has no business calling it.
 */
#ifndef NG_ESCAPE_H
#define NG_ESCAPE_H

#include <stddef.h>
#include <stdint.h>
#include "../src/model.h"
#include "exporters.h"

/* Decode one UTF-8 sequence at s (at most n bytes).  Returns its length
 * (1..4) and stores the code point, or returns 0 when the bytes at s are
 * not valid UTF-8; *skip then says how many bytes form the invalid
 * subpart to replace by one U+FFFD (>= 1). */
size_t ng_esc_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp, size_t *skip);

/* Append the UTF-8 encoding of cp. */
void ng_esc_utf8_put(ng_buf *b, uint32_t cp);

/* A copy of s that is valid UTF-8 (NULL gives ""). Caller frees. */
char *ng_esc_utf8_clean(const char *s);
/* Append the valid-UTF-8 form of the first n bytes of s. */
void ng_esc_utf8_clean_n(ng_buf *b, const char *s, size_t n);

/* Largest length <= max that does not cut a UTF-8 sequence of s. */
size_t ng_esc_utf8_prefix(const char *s, size_t max);

/* XML character data / attribute value (both safe in either place). */
void ng_esc_xml(ng_buf *b, const char *s);
void ng_esc_xml_n(ng_buf *b, const char *s, size_t n);

/* A JSON string literal including the quotes; NULL gives null. */
void ng_esc_json(ng_buf *b, const char *s);

/* A double: "%.17g" (round-trips), or null_word when not finite. */
void ng_esc_double(ng_buf *b, double v, const char *null_word);

/* ,"key":number (null when not finite): one member after the first. */
void ng_esc_json_num(ng_buf *b, const char *key, double v);

/* An actor's scores as a JSON object (graph.json and `rank --format json`). */
void ng_esc_json_scores(ng_buf *b, const ng_scores *s);

/* One CSV field, always quoted (RFC 4180).  When guard is set and the text
 * starts with = + - @ TAB or CR, a leading apostrophe is added so that
 * spreadsheets show it as text instead of evaluating it. */
void ng_esc_csv(ng_buf *b, const char *s, int guard);

/* Literal text for raptor: valid UTF-8, CRLF/CR -> LF, other C0 controls
 * except tab/LF -> U+FFFD.  Caller frees. */
char *ng_esc_rdf_literal(const char *s);

/* Percent-encode every byte outside [A-Za-z0-9_.-] (IRI path segment).
 * keep_pct keeps an existing "%XX" escape (actor ids are made that way). */
void ng_esc_iri_segment(ng_buf *b, const char *s, int keep_pct);

/* If url is an absolute http(s) URL, append its safe IRI form (unsafe
 * bytes percent-encoded) and return 1; otherwise append nothing, return 0. */
int ng_esc_http_iri(ng_buf *b, const char *url);

/* 1 when s is an ISO date YYYY-MM-DD with a plausible month and day. */
int ng_esc_is_date(const char *s);

/* Write b to fp and empty it; exporters call it when b grows past a few
 * KB and at the end.  Returns 0, or -1 after ng_error() (what, e.g.
 * "graph.json", names the output). */
int ng_esc_flush(ng_buf *b, FILE *fp, const char *what);
#define NG_ESC_FLUSH_AT 65536

/* ---- shared exporter internals ----------------------------------------- */

/* RDF: the one walker behind Turtle, N-Triples and N-Quads (rdf.c).
 * syntax is a raptor serializer name; with quads set every statement
 * about a relation or an article goes into the article's named graph. */
int ng_export_rdf(const ng_graph *g, FILE *fp, const ng_export_opts *o,
                  const char *syntax, int quads);

/* Layout of the tie graph (layout.c): xy[2*i], xy[2*i+1] for actor i,
 * deterministic (fixed seed), scaled into [0,1] x [0,1]. */
int ng_layout_compute(const ng_graph *g, double *xy);

/* Community palette shared by GEXF and SVG: "#rrggbb" for a community
 * (-1 = none gets grey). */
const char *ng_palette_color(int community);
void ng_palette_rgb(int community, int *r, int *gg, int *b);

/* PageRank -> node size in [lo, hi] for every actor (out[n_actors]), by
 * square root between the graph's min and max so area tracks rank. */
void ng_node_sizes(const ng_graph *g, double lo, double hi, double *out);

/* The node attributes GraphML and GEXF both carry, in one order: type,
 * every score, community, wikidata, roles ("; "-joined: neither format has a
 * list type that Gephi and networkx both read), mentions.  Each format
 * supplies how to write one value; a NULL string or non-finite double is
 * written by nobody (the callbacks decide).  The label is not included: the
 * two formats put it in different places. */
typedef struct ng_attr_writer {
    void (*str)(ng_buf *b, const char *name, const char *v);
    void (*dbl)(ng_buf *b, const char *name, double v);
    void (*num)(ng_buf *b, const char *name, long long v);
} ng_attr_writer;
void ng_export_node_attrs(ng_buf *b, const ng_actor *a, const ng_attr_writer *w);

#endif
