/*
 * model.h - the one graph model between extraction and everything else.
 *
 * Extraction fills an ng_graph; analysis adds scores to it; every exporter
 * only reads it.  No exporter re-derives a fact: if an output needs something
 * (a tie weight, a community, a document date) it is computed once here or in
 * analysis.c and stored on the model.
 *
 * Indices, not pointers, link the parts (actor index, doc index), so arrays
 * can grow with realloc.  All strings are valid UTF-8 without NUL bytes, but
 * may contain any other character including controls: exporters escape.
 *
 * Offsets (start/end) are Unicode code point offsets into the article text
 * as the user gave it (normalisation maps one code point to one code point,
 * so they hold for both the original and the normalised text).  end is
 * exclusive.
 */
#ifndef NG_MODEL_H
#define NG_MODEL_H

#include <stddef.h>
#include "ng.h"

typedef enum ng_actor_type {
    NG_PERSON = 0,
    NG_ORGANIZATION = 1,
    NG_COUNTRY = 2,
    NG_ACTOR_TYPE_COUNT
} ng_actor_type;

const char *ng_actor_type_name(ng_actor_type t);       /* "Person" ... */
int ng_actor_type_parse(const char *s, ng_actor_type *out); /* 0 ok, -1 unknown */

/* Event types after PLOVER, plus two static relations. */
typedef enum ng_event_type {
    NG_EV_CONSULT = 0,
    NG_EV_AGREE,
    NG_EV_SUPPORT,
    NG_EV_COOPERATE,
    NG_EV_AID,
    NG_EV_REQUEST,
    NG_EV_ACCUSE,
    NG_EV_REJECT,
    NG_EV_THREATEN,
    NG_EV_PROTEST,
    NG_EV_SANCTION,
    NG_EV_MOBILIZE,
    NG_EV_COERCE,
    NG_EV_ASSAULT,
    NG_EV_MEMBER_OF,
    NG_EV_AFFILIATED_WITH,
    NG_EV_COUNT
} ng_event_type;

const char *ng_event_name(ng_event_type t);            /* "CONSULT" ... */
int ng_event_parse(const char *s, ng_event_type *out); /* 0 ok, -1 unknown */
int ng_event_symmetric(ng_event_type t);               /* CONSULT, COOPERATE */
/* Cooperation/conflict score (PLOVER-like, -10..+10); loaded from
 * schema/lexicon/events.json, with built-in defaults. */
extern double ng_event_score[NG_EV_COUNT];

typedef struct ng_scores {
    double pagerank;
    double betweenness;
    double closeness;
    double harmonic;
    double eigenvector;
    double hub;
    double authority;
    double strength_in, strength_out, strength; /* weighted degree */
    double coop_given, coop_received;           /* sum of signed tie scores */
    int in_degree, out_degree, degree;          /* distinct neighbours per direction */
    int kcore;
} ng_scores;

typedef struct ng_actor {
    char *id;          /* stable id, safe alphabet [A-Za-z0-9_.-]: "Antony_Blinken" */
    char *label;       /* canonical name: "Antony Blinken" */
    ng_actor_type type;
    ng_strvec aliases; /* every other surface form seen or known, sorted, unique */
    ng_strvec roles;   /* "Secretary of State" */
    int affiliation;   /* actor index, or -1 */
    char *wikidata;    /* "Q123" or NULL */
    int from_lexicon;  /* 1 when the lexicon knows this actor */
    size_t n_mentions; /* how many mentions point here */
    ng_scores scores;
    int community;     /* -1 until analysed */
} ng_actor;

typedef struct ng_doc {
    char *id;          /* article id ("bbc-politics-001", or file name) */
    char *title;       /* may be NULL */
    char *date;        /* ISO 8601 date "2021-12-09" or NULL */
    char *source;      /* may be NULL */
    char *url;         /* may be NULL */
    char *path;        /* input file it came from (for messages) */
    char *text;        /* normalised text (NUL-terminated UTF-8) */
    size_t len;        /* bytes in text */
    size_t n_chars;    /* code points in text */
} ng_doc;

typedef struct ng_relation {
    int subject;       /* actor index */
    int object;        /* actor index */
    char *predicate;   /* "spokeWith" (camelCase, safe alphabet) */
    ng_event_type type;
    int doc;           /* doc index */
    char *sentence;    /* the evidence sentence, verbatim (normalised) */
    size_t start, end; /* code point offsets of the sentence in the doc */
    double confidence; /* 0..1 */
    char *rule;        /* which rule/pattern produced it, for explanations */
} ng_relation;

typedef struct ng_mention {
    int actor;
    int doc;
    size_t start, end; /* code point offsets */
    char *text;        /* surface text as written */
} ng_mention;

/* A tie aggregates every relation with the same (subject, object, type).
 * For symmetric types subject < object (by actor index) after aggregation. */
typedef struct ng_tie {
    int subject, object;
    ng_event_type type;
    char *predicate;   /* most frequent predicate among its relations */
    double weight;     /* number of relations */
    double sign;       /* ng_event_score[type] */
    int *rels;         /* relation indices (evidence list), ascending */
    size_t n_rels;
    char *first_date, *last_date; /* min/max doc date among its relations, or NULL */
} ng_tie;

/* A merge made by actor resolution, kept so `newsgraph actors` can explain it. */
typedef struct ng_merge {
    int actor;         /* the surviving actor */
    char *variant;     /* the surface form that was merged in */
    char *reason;      /* "edit distance 1 to surname 'Scholz' (same title 'Chancellor')" */
} ng_merge;

typedef struct ng_graph {
    ng_actor *actors;       size_t n_actors, cap_actors;
    ng_doc *docs;           size_t n_docs, cap_docs;
    ng_relation *rels;      size_t n_rels, cap_rels;
    ng_mention *mentions;   size_t n_mentions, cap_mentions;
    ng_tie *ties;           size_t n_ties;
    ng_merge *merges;       size_t n_merges, cap_merges;
    double modularity;      /* of the community partition, NAN if none */
    int analysed;           /* 1 once analysis filled scores */
    int *id_slots;          /* open-addressing index id -> actor (private to model.c) */
    size_t n_id_slots;
} ng_graph;

void ng_graph_init(ng_graph *g);
void ng_graph_free(ng_graph *g);

/* Add an actor; id must be unique.  Returns its index. */
int ng_graph_add_actor(ng_graph *g, const char *id, const char *label, ng_actor_type type);
/* Find an actor by id, -1 if none (hashed). */
int ng_graph_find_actor(const ng_graph *g, const char *id);
/* Rebuild the id index after actors were removed or reordered in place. */
void ng_graph_reindex(ng_graph *g);
int ng_graph_add_doc(ng_graph *g, const ng_doc *d);   /* takes ownership of d's strings */
int ng_graph_add_relation(ng_graph *g, const ng_relation *r); /* copies strings */
int ng_graph_add_mention(ng_graph *g, const ng_mention *m);   /* copies strings */
void ng_graph_add_merge(ng_graph *g, int actor, const char *variant, const char *reason);

/* Rebuild g->ties from g->rels (deterministic order: by subject id, object
 * id, type).  Called by the pipeline after extraction; exporters use ties. */
void ng_graph_build_ties(ng_graph *g);

/* Make an IRI-/XML-safe id from a name: letters and digits kept, spaces and
 * punctuation become '_', anything non-ASCII is percent-encoded as UTF-8
 * bytes (%C3%A9).  Never empty ("_" for an empty name). */
char *ng_make_id(const char *name);

#endif
