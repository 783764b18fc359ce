/*
 * merge.c - from per-article results to the one graph, and resolution of
 * actors across articles.
 *
 * Articles are merged strictly in input order, so actor order (first
 * appearance), ids and every output are the same whatever order the
 * articles were extracted in.
 */
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "utf8.h"

static int graph_actor_for(ng_graph *g, const ng_lexicon *lx, const ng_ent *e)
{
    if (e->lex >= 0) {
        const ng_lex_actor *la = &lx->actors[e->lex];
        int a = ng_graph_find_actor(g, la->id);
        if (a >= 0) return a;
        a = ng_graph_add_actor(g, la->id, la->name, la->type);
        ng_actor *ac = &g->actors[a];
        ac->from_lexicon = 1;
        if (la->wikidata) ac->wikidata = ng_xstrdup(la->wikidata);
        for (size_t k = 0; k < la->aliases.n; k++)
            if (la->aliases.v[k][0] == 'A') ng_strvec_push_unique(&ac->aliases, la->aliases.v[k] + 1);
        return a;
    }
    char *id = ng_make_id(e->name);
    int a = ng_graph_find_actor(g, id);
    if (a < 0) a = ng_graph_add_actor(g, id, e->name, e->type);
    free(id);
    return a;
}

void ng_docres_merge(ng_graph *g, const ng_lexicon *lx, int doc, const ng_docres *res)
{
    int *map = ng_xmalloc((res->n_ents ? res->n_ents : 1) * sizeof *map);
    char *used = ng_xcalloc(res->n_ents ? res->n_ents : 1, 1);
    for (size_t i = 0; i < res->n_rels; i++) {
        used[res->rels[i].subj] = 1;
        used[res->rels[i].obj] = 1;
    }
    for (size_t i = 0; i < res->n_ents; i++) {
        const ng_ent *e = &res->ents[i];
        /* An entity nothing points at (no mention, no relation: a
         * resolution that was not used) is not an actor of this article.
         * One known only from the lexicon ("Home Secretary X" -> the UK)
         * is kept when a relation needs it. */
        if (e->n_mentions == 0 && !used[i]) {
            map[i] = -1;
            continue;
        }
        int a = graph_actor_for(g, lx, e);
        map[i] = a;
        ng_actor *ac = &g->actors[a];
        for (size_t k = 0; k < e->surfaces.n; k++)
            if (strcmp(e->surfaces.v[k], ac->label) != 0) ng_strvec_push_unique(&ac->aliases, e->surfaces.v[k]);
        for (size_t k = 0; k < e->roles.n; k++) ng_strvec_push_unique(&ac->roles, e->roles.v[k]);
        for (size_t k = 0; k < e->merge_notes.n; k++)
            ng_graph_add_merge(g, a, e->merge_variants.v[k], e->merge_notes.v[k]);
    }
    for (size_t i = 0; i < res->n_ents; i++) {
        const ng_ent *e = &res->ents[i];
        if (map[i] < 0 || e->affil < 0 || map[e->affil] < 0) continue;
        if (g->actors[map[i]].affiliation < 0) g->actors[map[i]].affiliation = map[e->affil];
    }
    const ng_doc *d = &g->docs[doc];
    ng_cpcursor cur;
    ng_cpcursor_init(&cur, d->text);
    for (size_t i = 0; i < res->n_ments; i++) {
        const ng_xmention *m = &res->ments[i];
        if (map[m->ent] < 0) continue;
        ng_mention nm;
        nm.actor = map[m->ent];
        nm.doc = doc;
        nm.start = ng_cpcursor_at(&cur, m->start);
        nm.end = ng_cpcursor_at(&cur, m->end);
        char *t = ng_xstrndup(d->text + m->start, m->end - m->start);
        nm.text = t;
        ng_graph_add_mention(g, &nm);
        free(t);
    }
    for (size_t i = 0; i < res->n_rels; i++) {
        const ng_xrel *r = &res->rels[i];
        if (map[r->subj] < 0 || map[r->obj] < 0 || map[r->subj] == map[r->obj]) continue;
        ng_relation nr;
        memset(&nr, 0, sizeof nr);
        nr.subject = map[r->subj];
        nr.object = map[r->obj];
        nr.predicate = (char *)r->predicate;
        nr.type = (ng_event_type)r->type;
        nr.doc = doc;
        char *sent = ng_xstrndup(d->text + r->sent_start, r->sent_end - r->sent_start);
        nr.sentence = sent;
        nr.start = ng_cpcursor_at(&cur, r->sent_start);
        nr.end = ng_cpcursor_at(&cur, r->sent_end);
        nr.confidence = r->confidence;
        nr.rule = (char *)r->rule;
        ng_graph_add_relation(g, &nr);
        free(sent);
    }
    free(used);
    free(map);
}

/* ---- resolution across articles -------------------------------------- */

static int split_words(const char *s, char **w, int cap, char *buf, size_t bufcap)
{
    snprintf(buf, bufcap, "%s", s);
    int n = 0;
    char *save = NULL;
    for (char *t = strtok_r(buf, " ", &save); t && n < cap; t = strtok_r(NULL, " ", &save)) w[n++] = t;
    return n;
}

/* Two actors no lexicon knows are one person when they have the same
 * number of words, the same first name, and surnames within the guarded
 * edit distance, and do not disagree on affiliation. */
static int same_person(const ng_graph *g, int a, int b, int *dist)
{
    const ng_actor *x = &g->actors[a], *y = &g->actors[b];
    if (x->type != NG_PERSON || y->type != NG_PERSON || x->from_lexicon || y->from_lexicon) return 0;
    if (x->affiliation >= 0 && y->affiliation >= 0 && x->affiliation != y->affiliation) return 0;
    char b1[512], b2[512];
    char *w1[8], *w2[8];
    int n1 = split_words(x->label, w1, 8, b1, sizeof b1);
    int n2 = split_words(y->label, w2, 8, b2, sizeof b2);
    if (n1 < 2 || n1 != n2) return 0;
    for (int i = 0; i < n1 - 1; i++)
        if (strcmp(w1[i], w2[i]) != 0) return 0;
    size_t l1 = strlen(w1[n1 - 1]), l2 = strlen(w2[n2 - 1]);
    size_t mn = l1 < l2 ? l1 : l2;
    int cap = mn < 5 ? 0 : mn < 7 ? 1 : 2;
    if (!cap || w1[n1 - 1][0] != w2[n2 - 1][0]) return 0;
    int d = ng_edit_distance(w1[n1 - 1], l1, w2[n2 - 1], l2, cap);
    if (d == 0 || d > cap) return 0;
    *dist = d;
    return 1;
}

/* A person the cross-article pass may merge: bucket key, actor index and
 * label. */
typedef struct resolve_cand {
    char *key;
    int idx;
    const char *label;
} resolve_cand;

static int cand_cmp(const void *a, const void *b)
{
    const resolve_cand *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : x->idx - y->idx;
}

static int label_cmp(const void *a, const void *b)
{
    const resolve_cand *x = a, *y = b;
    int c = strcmp(x->label, y->label);
    return c ? c : x->idx - y->idx;
}

enum { RESOLVE_WINDOW = 64 };

void ng_resolve_actors(ng_graph *g)
{
    size_t n = g->n_actors;
    if (!n) return;
    int *target = ng_xmalloc(n * sizeof *target);
    for (size_t i = 0; i < n; i++) target[i] = (int)i;
    /* Only people no lexicon knows, with the same given names and the same
     * first letter of the surname, can be one person: bucket them by that
     * key so the pairwise comparison stays inside small groups (an input
     * naming 50,000 different people is then linear, not quadratic). */
    resolve_cand *cs = ng_xmalloc(n * sizeof *cs);
    size_t nc = 0;
    for (size_t i = 0; i < n; i++) {
        const ng_actor *a = &g->actors[i];
        if (a->type != NG_PERSON || a->from_lexicon) continue;
        const char *sp = strrchr(a->label, ' ');
        if (!sp || !sp[1]) continue;
        size_t given = (size_t)(sp - a->label);
        char *k = ng_xmalloc(given + 3);
        memcpy(k, a->label, given);
        k[given] = '|';
        k[given + 1] = sp[1];
        k[given + 2] = '\0';
        cs[nc].key = k;
        cs[nc].idx = (int)i;
        cs[nc].label = a->label;
        nc++;
    }
    qsort(cs, nc, sizeof *cs, cand_cmp);
    for (size_t lo = 0; lo < nc;) {
        size_t hi = lo + 1;
        while (hi < nc && strcmp(cs[hi].key, cs[lo].key) == 0) hi++;
        /* A bucket larger than RESOLVE_WINDOW (thousands of "David X..."
         * nobody knows: only a generated or hostile input) is sorted by
         * name and each name compared with its RESOLVE_WINDOW neighbours,
         * where close spellings sort, so the work stays linear.  Real
         * buckets are far smaller and compare every pair. */
        size_t win = hi - lo;
        if (win > RESOLVE_WINDOW) {
            win = RESOLVE_WINDOW;
            qsort(cs + lo, hi - lo, sizeof *cs, label_cmp);
        }
        for (size_t x = lo; x < hi; x++) {
            size_t i = (size_t)cs[x].idx;
            for (size_t y = x + 1; y < hi && y <= x + win; y++) {
                size_t j = (size_t)cs[y].idx;
                if (target[j] != (int)j || target[i] != (int)i) continue;
                int d;
                if (!same_person(g, (int)i, (int)j, &d)) continue;
                int keep = g->actors[j].n_mentions > g->actors[i].n_mentions ? (int)j : (int)i;
                int drop = keep == (int)i ? (int)j : (int)i;
                char why[600];
                snprintf(why, sizeof why,
                         "surname of \"%s\" is %d edit%s from \"%s\" (same first name, across articles)",
                         g->actors[drop].label, d, d == 1 ? "" : "s", g->actors[keep].label);
                ng_graph_add_merge(g, keep, g->actors[drop].label, why);
                target[drop] = keep;
            }
        }
        lo = hi;
    }
    for (size_t i = 0; i < nc; i++) free(cs[i].key);
    free(cs);
    /* follow chains (a -> b, b -> c) to the final survivor */
    for (size_t i = 0; i < n; i++) {
        int t = target[i];
        while (target[t] != t) t = target[t];
        target[i] = t;
    }
    int any = 0;
    for (size_t i = 0; i < n; i++)
        if (target[i] != (int)i) any = 1;
    if (any) {
        /* fold each dropped actor into its survivor, then compact: the
         * surviving actors keep their order */
        for (size_t i = 0; i < n; i++) {
            if (target[i] == (int)i) continue;
            ng_actor *from = &g->actors[i], *to = &g->actors[target[i]];
            ng_strvec_push_unique(&to->aliases, from->label);
            for (size_t k = 0; k < from->aliases.n; k++) ng_strvec_push_unique(&to->aliases, from->aliases.v[k]);
            for (size_t k = 0; k < from->roles.n; k++) ng_strvec_push_unique(&to->roles, from->roles.v[k]);
            to->n_mentions += from->n_mentions;
            if (to->affiliation < 0) to->affiliation = from->affiliation;
            free(from->id);
            free(from->label);
            free(from->wikidata);
            ng_strvec_free(&from->aliases);
            ng_strvec_free(&from->roles);
        }
        int *newidx = ng_xmalloc(n * sizeof *newidx);
        size_t w = 0;
        for (size_t i = 0; i < n; i++) {
            if (target[i] == (int)i) {
                newidx[i] = (int)w;
                if (w != i) g->actors[w] = g->actors[i];
                w++;
            } else {
                newidx[i] = -1;
            }
        }
        for (size_t i = 0; i < n; i++)
            if (target[i] != (int)i) newidx[i] = newidx[target[i]];
        for (size_t i = 0; i < g->n_mentions; i++) g->mentions[i].actor = newidx[g->mentions[i].actor];
        for (size_t i = 0; i < g->n_rels; i++) {
            g->rels[i].subject = newidx[g->rels[i].subject];
            g->rels[i].object = newidx[g->rels[i].object];
        }
        for (size_t i = 0; i < g->n_merges; i++) g->merges[i].actor = newidx[g->merges[i].actor];
        g->n_actors = w;
        for (size_t i = 0; i < w; i++)
            if (g->actors[i].affiliation >= 0) g->actors[i].affiliation = newidx[g->actors[i].affiliation];
        free(newidx);
        ng_graph_reindex(g); /* ids moved to new indices */
    }
    free(target);
    /* relations that became self-loops are dropped by tie building */
}
