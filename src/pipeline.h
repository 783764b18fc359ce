/*
 * pipeline.h - articles in, finished graph model out.
 *
 * load inputs -> extract every article (optionally on several threads) ->
 * merge in input order -> resolve actors across articles -> build ties.
 * Analysis and export are separate steps so `eval` can stop early.
 */
#ifndef NG_PIPELINE_H
#define NG_PIPELINE_H

#include "extract.h"
#include "input.h"
#include "lexicon.h"

typedef struct ng_pipeline_opts {
    ng_input_opts input;
    ng_extract_opts extract;
    int threads;              /* 1 = no threads; results identical either way */
    /* filled by ng_pipeline_run: seconds spent per stage, and words seen */
    double t_load, t_extract, t_resolve;
    size_t n_words;
} ng_pipeline_opts;

void ng_pipeline_opts_default(ng_pipeline_opts *o);

/* Load the bundled lexicon (unless no_default) and the extra files.
 * Returns 0, or -1 after an error naming the file. */
int ng_pipeline_lexicon(ng_lexicon *lx, int no_default, const char *const *extra, size_t n_extra);

/* Returns 0 when at least one article was processed (n_bad counts the ones
 * skipped), -1 when none could be. */
int ng_pipeline_run(ng_graph *g, const ng_lexicon *lx, const char *const *inputs, size_t n_inputs,
                    ng_pipeline_opts *o, size_t *n_bad);

/* Extract already loaded docs g->docs[first..] and merge them. */
void ng_pipeline_extract(ng_graph *g, const ng_lexicon *lx, size_t first, ng_pipeline_opts *o);

#endif
