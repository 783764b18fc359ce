/* model.c - the graph model: construction, lookup, tie aggregation, ids. */
#include "model.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const actor_type_names[NG_ACTOR_TYPE_COUNT] = {
    "Person", "Organization", "Country"};

static const char *const event_names[NG_EV_COUNT] = {
    "CONSULT", "AGREE", "SUPPORT", "COOPERATE", "AID", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
    "ASSAULT", "MEMBER_OF", "AFFILIATED_WITH"};

/* Defaults after PLOVER's cooperation/conflict scale; events.json overrides. */
double ng_event_score[NG_EV_COUNT] = {
    2.5, 4.0, 3.5, 5.0, 7.0, 1.0, -2.0, -4.0, -3.5, -4.5, -6.0, -6.5, -7.0,
    -9.0, 0.0, 0.0};

const char *ng_actor_type_name(ng_actor_type t)
{
    return (unsigned)t < NG_ACTOR_TYPE_COUNT ? actor_type_names[t] : "Actor";
}

int ng_actor_type_parse(const char *s, ng_actor_type *out)
{
    for (int i = 0; i < NG_ACTOR_TYPE_COUNT; i++)
        if (strcmp(s, actor_type_names[i]) == 0) {
            *out = (ng_actor_type)i;
            return 0;
        }
    if (strcmp(s, "Organisation") == 0) {
        *out = NG_ORGANIZATION;
        return 0;
    }
    return -1;
}

const char *ng_event_name(ng_event_type t)
{
    return (unsigned)t < NG_EV_COUNT ? event_names[t] : "UNKNOWN";
}

int ng_event_parse(const char *s, ng_event_type *out)
{
    for (int i = 0; i < NG_EV_COUNT; i++)
        if (strcmp(s, event_names[i]) == 0) {
            *out = (ng_event_type)i;
            return 0;
        }
    return -1;
}

int ng_event_symmetric(ng_event_type t)
{
    return t == NG_EV_CONSULT || t == NG_EV_COOPERATE;
}

void ng_graph_init(ng_graph *g)
{
    memset(g, 0, sizeof *g);
    g->modularity = NAN;
}

static void free_ties(ng_graph *g)
{
    for (size_t i = 0; i < g->n_ties; i++) {
        free(g->ties[i].predicate);
        free(g->ties[i].rels);
        free(g->ties[i].first_date);
        free(g->ties[i].last_date);
    }
    free(g->ties);
    g->ties = NULL;
    g->n_ties = 0;
}

void ng_graph_free(ng_graph *g)
{
    for (size_t i = 0; i < g->n_actors; i++) {
        ng_actor *a = &g->actors[i];
        free(a->id);
        free(a->label);
        free(a->wikidata);
        ng_strvec_free(&a->aliases);
        ng_strvec_free(&a->roles);
    }
    free(g->actors);
    for (size_t i = 0; i < g->n_docs; i++) {
        ng_doc *d = &g->docs[i];
        free(d->id);
        free(d->title);
        free(d->date);
        free(d->source);
        free(d->url);
        free(d->path);
        free(d->text);
    }
    free(g->docs);
    for (size_t i = 0; i < g->n_rels; i++) {
        free(g->rels[i].predicate);
        free(g->rels[i].sentence);
        free(g->rels[i].rule);
    }
    free(g->rels);
    for (size_t i = 0; i < g->n_mentions; i++) free(g->mentions[i].text);
    free(g->mentions);
    for (size_t i = 0; i < g->n_merges; i++) {
        free(g->merges[i].variant);
        free(g->merges[i].reason);
    }
    free(g->merges);
    free_ties(g);
    free(g->id_slots);
    ng_graph_init(g);
}

/* The id index is an open-addressing table of actor indices (+1, 0 = empty),
 * kept at most half full.  Lookups happen for every mention, so linear
 * search would make large corpora quadratic. */
static void index_insert(ng_graph *g, int idx)
{
    size_t mask = g->n_id_slots - 1;
    const char *id = g->actors[idx].id;
    size_t h = (size_t)ng_hash(id, strlen(id)) & mask;
    while (g->id_slots[h]) h = (h + 1) & mask;
    g->id_slots[h] = idx + 1;
}

static void index_grow(ng_graph *g)
{
    if (g->n_id_slots && (g->n_actors + 1) * 2 <= g->n_id_slots) return;
    size_t n = g->n_id_slots ? g->n_id_slots * 2 : 64;
    while (n < (g->n_actors + 1) * 2) n *= 2;
    free(g->id_slots);
    g->id_slots = ng_xcalloc(n, sizeof *g->id_slots);
    g->n_id_slots = n;
    for (size_t i = 0; i < g->n_actors; i++) index_insert(g, (int)i);
}

void ng_graph_reindex(ng_graph *g)
{
    free(g->id_slots);
    g->id_slots = NULL;
    g->n_id_slots = 0;
    index_grow(g); /* sizes the table for n_actors and inserts them all */
}

int ng_graph_find_actor(const ng_graph *g, const char *id)
{
    if (!g->n_id_slots) return -1;
    size_t mask = g->n_id_slots - 1;
    size_t h = (size_t)ng_hash(id, strlen(id)) & mask;
    while (g->id_slots[h]) {
        int i = g->id_slots[h] - 1;
        if (strcmp(g->actors[i].id, id) == 0) return i;
        h = (h + 1) & mask;
    }
    return -1;
}

int ng_graph_add_actor(ng_graph *g, const char *id, const char *label, ng_actor_type type)
{
    index_grow(g);
    NG_GROW(g->actors, g->n_actors, g->cap_actors);
    ng_actor *a = &g->actors[g->n_actors];
    memset(a, 0, sizeof *a);
    a->id = ng_xstrdup(id);
    a->label = ng_xstrdup(label);
    a->type = type;
    a->affiliation = -1;
    a->community = -1;
    int idx = (int)g->n_actors++;
    index_insert(g, idx);
    return idx;
}

int ng_graph_add_doc(ng_graph *g, const ng_doc *d)
{
    NG_GROW(g->docs, g->n_docs, g->cap_docs);
    g->docs[g->n_docs] = *d;
    return (int)g->n_docs++;
}

static char *dup_or_null(const char *s)
{
    return s ? ng_xstrdup(s) : NULL;
}

int ng_graph_add_relation(ng_graph *g, const ng_relation *r)
{
    NG_GROW(g->rels, g->n_rels, g->cap_rels);
    ng_relation *c = &g->rels[g->n_rels];
    *c = *r;
    c->predicate = ng_xstrdup(r->predicate);
    c->sentence = dup_or_null(r->sentence);
    c->rule = dup_or_null(r->rule);
    return (int)g->n_rels++;
}

int ng_graph_add_mention(ng_graph *g, const ng_mention *m)
{
    NG_GROW(g->mentions, g->n_mentions, g->cap_mentions);
    ng_mention *c = &g->mentions[g->n_mentions];
    *c = *m;
    c->text = ng_xstrdup(m->text);
    if (m->actor >= 0 && (size_t)m->actor < g->n_actors) g->actors[m->actor].n_mentions++;
    return (int)g->n_mentions++;
}

void ng_graph_add_merge(ng_graph *g, int actor, const char *variant, const char *reason)
{
    for (size_t i = 0; i < g->n_merges; i++)
        if (g->merges[i].actor == actor && strcmp(g->merges[i].variant, variant) == 0) return;
    NG_GROW(g->merges, g->n_merges, g->cap_merges);
    g->merges[g->n_merges].actor = actor;
    g->merges[g->n_merges].variant = ng_xstrdup(variant);
    g->merges[g->n_merges].reason = ng_xstrdup(reason);
    g->n_merges++;
}

/* ---- ties ------------------------------------------------------------ */

typedef struct tie_key {
    int s, o;
    int type;
    int rel;
} tie_key;

static const ng_graph *sort_graph;

static int tie_key_cmp(const void *a, const void *b)
{
    const tie_key *x = a, *y = b;
    int c = strcmp(sort_graph->actors[x->s].id, sort_graph->actors[y->s].id);
    if (c) return c;
    c = strcmp(sort_graph->actors[x->o].id, sort_graph->actors[y->o].id);
    if (c) return c;
    if (x->type != y->type) return x->type - y->type;
    return x->rel - y->rel;
}

static const char *doc_date(const ng_graph *g, int doc)
{
    if (doc < 0 || (size_t)doc >= g->n_docs) return NULL;
    return g->docs[doc].date;
}

void ng_graph_build_ties(ng_graph *g)
{
    free_ties(g);
    if (!g->n_rels) return;
    tie_key *k = ng_xmalloc(g->n_rels * sizeof *k);
    size_t n = 0;
    for (size_t i = 0; i < g->n_rels; i++) {
        const ng_relation *r = &g->rels[i];
        if (r->subject < 0 || r->object < 0 || r->subject == r->object) continue;
        int s = r->subject, o = r->object;
        /* Symmetric events are one undirected tie: order the pair by id so
         * the same pair always lands on the same key. */
        if (ng_event_symmetric(r->type) && strcmp(g->actors[s].id, g->actors[o].id) > 0) {
            int t = s;
            s = o;
            o = t;
        }
        k[n].s = s;
        k[n].o = o;
        k[n].type = (int)r->type;
        k[n].rel = (int)i;
        n++;
    }
    sort_graph = g;
    qsort(k, n, sizeof *k, tie_key_cmp);
    g->ties = ng_xcalloc(n ? n : 1, sizeof *g->ties);
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && k[j].s == k[i].s && k[j].o == k[i].o && k[j].type == k[i].type) j++;
        ng_tie *t = &g->ties[g->n_ties++];
        t->subject = k[i].s;
        t->object = k[i].o;
        t->type = (ng_event_type)k[i].type;
        t->weight = (double)(j - i);
        t->sign = ng_event_score[t->type];
        t->n_rels = j - i;
        t->rels = ng_xmalloc(t->n_rels * sizeof *t->rels);
        /* Most frequent predicate; ties broken by the first in text order. */
        const char *best = NULL;
        size_t best_count = 0;
        for (size_t x = i; x < j; x++) {
            const ng_relation *r = &g->rels[k[x].rel];
            t->rels[x - i] = k[x].rel;
            size_t c = 0;
            for (size_t y = i; y < j; y++)
                if (strcmp(g->rels[k[y].rel].predicate, r->predicate) == 0) c++;
            if (c > best_count) {
                best_count = c;
                best = r->predicate;
            }
            const char *d = doc_date(g, r->doc);
            if (d) {
                if (!t->first_date || strcmp(d, t->first_date) < 0) {
                    free(t->first_date);
                    t->first_date = ng_xstrdup(d);
                }
                if (!t->last_date || strcmp(d, t->last_date) > 0) {
                    free(t->last_date);
                    t->last_date = ng_xstrdup(d);
                }
            }
        }
        t->predicate = ng_xstrdup(best ? best : "relatedTo");
        i = j;
    }
    free(k);
}

/* ---- ids ------------------------------------------------------------- */

char *ng_make_id(const char *name)
{
    static const char hex[] = "0123456789ABCDEF";
    ng_buf b;
    ng_buf_init(&b);
    int pending_sep = 0;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        unsigned char c = *p;
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (pending_sep && b.len) ng_buf_putc(&b, '_');
            pending_sep = 0;
            ng_buf_putc(&b, (char)c);
        } else if (c >= 0x80) {
            if (pending_sep && b.len) ng_buf_putc(&b, '_');
            pending_sep = 0;
            ng_buf_putc(&b, '%');
            ng_buf_putc(&b, hex[c >> 4]);
            ng_buf_putc(&b, hex[c & 15]);
        } else if (c == '.' || c == '-') {
            /* keep '-' and '.' inside names ("Kilroy-Silk"), not at the ends */
            if (b.len && p[1] && p[1] != ' ') {
                if (pending_sep) ng_buf_putc(&b, '_');
                pending_sep = 0;
                ng_buf_putc(&b, (char)c);
            }
        } else {
            pending_sep = 1;
        }
    }
    if (!b.len) ng_buf_putc(&b, '_');
    return ng_buf_steal(&b);
}
