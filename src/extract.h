/*
 * extract.h - actors, mentions and relations from one article.
 *
 * Extraction of one article depends only on the article and the (read-only)
 * lexicon, and produces a self-contained ng_docres; ng_docres_merge then
 * adds it to the graph.  This split is what makes threaded extraction give
 * the same bytes as a single thread: articles may be extracted in any
 * order, but they are always merged in input order.
 */
#ifndef NG_EXTRACT_H
#define NG_EXTRACT_H

#include "lexicon.h"
#include "model.h"

typedef struct ng_extract_opts {
    size_t max_sentence_tokens; /* longer sentences are reported and skipped */
    int explain;                /* keep rule names on relations */
} ng_extract_opts;

void ng_extract_opts_default(ng_extract_opts *o);

/* One entity of one article, before it becomes (or joins) a graph actor. */
typedef struct ng_ent {
    int lex;                 /* lexicon actor index, or -1 */
    char *name;              /* canonical label */
    ng_actor_type type;
    ng_strvec surfaces;      /* how the article wrote it */
    ng_strvec roles;
    int affil;               /* entity index of its affiliation, or -1 */
    char gender;
    int n_mentions;
    int n_named;             /* mentions by name or adjective, not by a seat of power or "the government" */
    ng_strvec merge_notes;   /* why each variant spelling was resolved here */
    ng_strvec merge_variants;
} ng_ent;

typedef struct ng_xmention {
    int ent;
    size_t start, end;       /* byte offsets in the doc text */
} ng_xmention;

typedef struct ng_xrel {
    int subj, obj;           /* entity indices */
    int type;
    const char *predicate;   /* points into the lexicon (or a static string) */
    size_t sent_start, sent_end; /* byte range of the evidence sentence */
    double confidence;
    const char *rule;        /* static or lexicon-owned */
} ng_xrel;

typedef struct ng_docres {
    ng_ent *ents;          size_t n_ents, cap_ents;
    ng_xmention *ments;    size_t n_ments, cap_ments;
    ng_xrel *rels;         size_t n_rels, cap_rels;
    size_t n_sentences, n_skipped_sentences, n_words;
} ng_docres;

int ng_extract_doc(const ng_lexicon *lx, const ng_doc *doc, const ng_extract_opts *o, ng_docres *res);
void ng_docres_free(ng_docres *res);
/* Add a doc's results to the graph (doc = index of the doc in g). */
void ng_docres_merge(ng_graph *g, const ng_lexicon *lx, int doc, const ng_docres *res);
/* Cross-article resolution of spelling variants among actors no lexicon
 * knows; records every merge in g->merges.  Run after all merges. */
void ng_resolve_actors(ng_graph *g);

/* Levenshtein distance, capped: returns cap+1 as soon as it exceeds cap. */
int ng_edit_distance(const char *a, size_t na, const char *b, size_t nb, int cap);

#endif
