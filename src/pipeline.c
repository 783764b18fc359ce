/* pipeline.c - see pipeline.h. */
#include "pipeline.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

void ng_pipeline_opts_default(ng_pipeline_opts *o)
{
    memset(o, 0, sizeof *o);
    ng_input_opts_default(&o->input);
    ng_extract_opts_default(&o->extract);
    o->threads = 1;
}

int ng_pipeline_lexicon(ng_lexicon *lx, int no_default, const char *const *extra, size_t n_extra)
{
    if (!no_default) {
        const char *dir = ng_schema_dir();
        if (!dir) {
            ng_error("cannot find the bundled lexicon (set NEWSGRAPH_SCHEMA to the schema/ folder, "
                     "or pass --no-default-lexicon with --lexicon FILE)");
            return -1;
        }
        char path[4200];
        snprintf(path, sizeof path, "%s/lexicon", dir);
        if (ng_lexicon_load_dir(lx, path) < 0) return -1;
    }
    for (size_t i = 0; i < n_extra; i++)
        if (ng_lexicon_load_file(lx, extra[i]) < 0) return -1;
    return ng_lexicon_compile(lx);
}

typedef struct work {
    ng_graph *g;
    const ng_lexicon *lx;
    const ng_extract_opts *xo;
    ng_docres *res;
    size_t first, n;
    size_t next;              /* next doc to take */
    pthread_mutex_t lock;
} work;

static void *worker(void *arg)
{
    work *w = arg;
    for (;;) {
        pthread_mutex_lock(&w->lock);
        size_t i = w->next++;
        pthread_mutex_unlock(&w->lock);
        if (i >= w->n) break;
        ng_extract_doc(w->lx, &w->g->docs[w->first + i], w->xo, &w->res[i]);
    }
    return NULL;
}

void ng_pipeline_extract(ng_graph *g, const ng_lexicon *lx, size_t first, ng_pipeline_opts *o)
{
    size_t n = g->n_docs - first;
    if (!n) return;
    /* Extract in batches so memory stays bounded on huge inputs; merge each
     * batch in input order so the graph never depends on scheduling. */
    const size_t batch = 512;
    ng_docres *res = ng_xcalloc(batch, sizeof *res);
    for (size_t b = 0; b < n; b += batch) {
        size_t m = n - b < batch ? n - b : batch;
        work w = {g, lx, &o->extract, res, first + b, m, 0, PTHREAD_MUTEX_INITIALIZER};
        int nt = o->threads > 1 ? o->threads : 1;
        if ((size_t)nt > m) nt = (int)m;
        if (nt <= 1) {
            worker(&w);
        } else {
            pthread_t *th = ng_xmalloc((size_t)nt * sizeof *th);
            int started = 0;
            for (int t = 0; t < nt; t++)
                if (pthread_create(&th[t], NULL, worker, &w) == 0) started++;
                else break;
            if (started == 0) worker(&w);
            for (int t = 0; t < started; t++) pthread_join(th[t], NULL);
            free(th);
        }
        for (size_t i = 0; i < m; i++) {
            if (res[i].n_skipped_sentences)
                ng_warn("%s: %zu sentence%s longer than %zu tokens skipped (--max-sentence-tokens)",
                        g->docs[first + b + i].path ? g->docs[first + b + i].path : g->docs[first + b + i].id,
                        res[i].n_skipped_sentences, res[i].n_skipped_sentences == 1 ? "" : "s",
                        o->extract.max_sentence_tokens);
            o->n_words += res[i].n_words;
            ng_docres_merge(g, lx, (int)(first + b + i), &res[i]);
            ng_docres_free(&res[i]);
        }
        pthread_mutex_destroy(&w.lock);
    }
    free(res);
}

int ng_pipeline_run(ng_graph *g, const ng_lexicon *lx, const char *const *inputs, size_t n_inputs,
                    ng_pipeline_opts *o, size_t *n_bad)
{
    size_t first = g->n_docs;
    *n_bad = 0;
    double t0 = ng_now();
    int rc = ng_input_load(g, inputs, n_inputs, &o->input, n_bad);
    double t1 = ng_now();
    o->t_load = t1 - t0;
    if (rc < 0 && g->n_docs == first) return -1;
    ng_pipeline_extract(g, lx, first, o);
    double t2 = ng_now();
    o->t_extract = t2 - t1;
    ng_resolve_actors(g);
    ng_graph_build_ties(g);
    o->t_resolve = ng_now() - t2;
    return 0;
}
