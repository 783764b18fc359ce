/*
 * json.c - the graph as one JSON document (graph.json).
 *
 * Other tools read this file, so its shape is a contract: the keys of
 * every object come first in the documented order, and anything extra is
 * appended after them, never in between.  The writer is hand-rolled
 * rather than built on cJSON's tree so that (a) numbers are printed with
 * "%.17g" and round-trip exactly, (b) a 100 MB corpus does not need a
 * second copy of itself as a cJSON tree, and (c) the bytes depend only on
 * the model: same graph, same file.  One record per line keeps diffs of
 * two runs readable.
 */
#include "escape.h"

#include <math.h>
#include <string.h>

#define WHAT "JSON output"

/* An actor index as its id, or null when it points nowhere. */
static void actor_ref(ng_buf *b, const ng_graph *g, int i)
{
    if (i >= 0 && (size_t)i < g->n_actors)
        ng_esc_json(b, g->actors[i].id);
    else
        ng_buf_puts(b, "null");
}

static void doc_ref(ng_buf *b, const ng_graph *g, int i)
{
    if (i >= 0 && (size_t)i < g->n_docs)
        ng_esc_json(b, g->docs[i].id);
    else
        ng_buf_puts(b, "null");
}

static void strvec(ng_buf *b, const ng_strvec *v)
{
    ng_buf_putc(b, '[');
    for (size_t i = 0; i < v->n; i++) {
        if (i) ng_buf_putc(b, ',');
        ng_esc_json(b, v->v[i]);
    }
    ng_buf_putc(b, ']');
}

static void write_actor(ng_buf *b, const ng_graph *g, const ng_actor *a)
{
    ng_buf_puts(b, "{\"id\":");
    ng_esc_json(b, a->id);
    ng_buf_puts(b, ",\"label\":");
    ng_esc_json(b, a->label);
    ng_buf_puts(b, ",\"type\":");
    ng_esc_json(b, ng_actor_type_name(a->type));
    ng_buf_puts(b, ",\"aliases\":");
    strvec(b, &a->aliases);
    ng_buf_puts(b, ",\"roles\":");
    strvec(b, &a->roles);
    ng_buf_puts(b, ",\"affiliation\":");
    actor_ref(b, g, a->affiliation);
    ng_buf_puts(b, ",\"scores\":");
    ng_esc_json_scores(b, &a->scores);
    /* -1 means "not analysed / no community": null says that better than
     * a number a script might use as a group key. */
    if (a->community >= 0)
        ng_buf_printf(b, ",\"community\":%d", a->community);
    else
        ng_buf_puts(b, ",\"community\":null");
    ng_buf_puts(b, ",\"wikidata\":");
    ng_esc_json(b, a->wikidata);
    ng_buf_printf(b, ",\"from_lexicon\":%s,\"n_mentions\":%zu}", a->from_lexicon ? "true" : "false",
                  a->n_mentions);
}

static void write_relation(ng_buf *b, const ng_graph *g, const ng_relation *r)
{
    ng_buf_puts(b, "{\"subject\":");
    actor_ref(b, g, r->subject);
    ng_buf_puts(b, ",\"predicate\":");
    ng_esc_json(b, r->predicate);
    ng_buf_puts(b, ",\"type\":");
    ng_esc_json(b, ng_event_name(r->type));
    ng_buf_puts(b, ",\"object\":");
    actor_ref(b, g, r->object);
    ng_buf_puts(b, ",\"doc\":");
    doc_ref(b, g, r->doc);
    ng_buf_puts(b, ",\"sentence\":");
    ng_esc_json(b, r->sentence);
    ng_buf_printf(b, ",\"start\":%zu,\"end\":%zu", r->start, r->end);
    ng_esc_json_num(b, "confidence", r->confidence);
    ng_buf_puts(b, ",\"rule\":");
    ng_esc_json(b, r->rule);
    ng_buf_putc(b, '}');
}

static void write_mention(ng_buf *b, const ng_graph *g, const ng_mention *m)
{
    ng_buf_puts(b, "{\"actor\":");
    actor_ref(b, g, m->actor);
    ng_buf_puts(b, ",\"doc\":");
    doc_ref(b, g, m->doc);
    ng_buf_printf(b, ",\"start\":%zu,\"end\":%zu,\"text\":", m->start, m->end);
    ng_esc_json(b, m->text);
    ng_buf_putc(b, '}');
}

static void write_doc(ng_buf *b, const ng_doc *d)
{
    ng_buf_puts(b, "{\"id\":");
    ng_esc_json(b, d->id);
    ng_buf_puts(b, ",\"title\":");
    ng_esc_json(b, d->title);
    ng_buf_puts(b, ",\"date\":");
    ng_esc_json(b, d->date);
    ng_buf_puts(b, ",\"source\":");
    ng_esc_json(b, d->source);
    ng_buf_puts(b, ",\"url\":");
    ng_esc_json(b, d->url);
    ng_buf_printf(b, ",\"chars\":%zu}", d->n_chars);
}

static void write_tie(ng_buf *b, const ng_graph *g, const ng_tie *t)
{
    ng_buf_puts(b, "{\"subject\":");
    actor_ref(b, g, t->subject);
    ng_buf_puts(b, ",\"object\":");
    actor_ref(b, g, t->object);
    ng_buf_puts(b, ",\"type\":");
    ng_esc_json(b, ng_event_name(t->type));
    ng_buf_puts(b, ",\"predicate\":");
    ng_esc_json(b, t->predicate);
    ng_esc_json_num(b, "weight", t->weight);
    ng_esc_json_num(b, "sign", t->sign);
    ng_buf_printf(b, ",\"symmetric\":%s,\"relations\":[",
                  ng_event_symmetric(t->type) ? "true" : "false");
    for (size_t i = 0; i < t->n_rels; i++) ng_buf_printf(b, "%s%d", i ? "," : "", t->rels[i]);
    ng_buf_puts(b, "],\"first_date\":");
    ng_esc_json(b, t->first_date);
    ng_buf_puts(b, ",\"last_date\":");
    ng_esc_json(b, t->last_date);
    ng_buf_putc(b, '}');
}

static void write_merge(ng_buf *b, const ng_graph *g, const ng_merge *m)
{
    ng_buf_puts(b, "{\"actor\":");
    actor_ref(b, g, m->actor);
    ng_buf_puts(b, ",\"variant\":");
    ng_esc_json(b, m->variant);
    ng_buf_puts(b, ",\"reason\":");
    ng_esc_json(b, m->reason);
    ng_buf_putc(b, '}');
}

/* Emit one array section; each element on its own line.  A macro rather
 * than a function pointer table because the element writers take
 * different argument lists. */
#define SECTION(first, key, n, WRITE)                                   \
    do {                                                                \
        ng_buf_printf(&b, "%s\"%s\":[", (first) ? "" : ",\n", (key));   \
        for (size_t i_ = 0; i_ < (n); i_++) {                           \
            ng_buf_puts(&b, i_ ? ",\n  " : "\n  ");                     \
            WRITE;                                                      \
            if (b.len > NG_ESC_FLUSH_AT && ng_esc_flush(&b, fp, WHAT))  \
                goto fail;                                              \
        }                                                               \
        ng_buf_puts(&b, (n) ? "\n]" : "]");                             \
    } while (0)

int ng_export_json(const ng_graph *g, FILE *fp, const ng_export_opts *o)
{
    (void)o;
    ng_buf b;
    ng_buf_init(&b);
    ng_buf_putc(&b, '{');
    SECTION(1, "actors", g->n_actors, write_actor(&b, g, &g->actors[i_]));
    SECTION(0, "relations", g->n_rels, write_relation(&b, g, &g->rels[i_]));
    SECTION(0, "mentions", g->n_mentions, write_mention(&b, g, &g->mentions[i_]));
    SECTION(0, "docs", g->n_docs, write_doc(&b, &g->docs[i_]));
    SECTION(0, "ties", g->n_ties, write_tie(&b, g, &g->ties[i_]));
    SECTION(0, "merges", g->n_merges, write_merge(&b, g, &g->merges[i_]));
    ng_buf_puts(&b, ",\n\"modularity\":");
    ng_esc_double(&b, g->modularity, "null");
    ng_buf_printf(&b, ",\n\"analysed\":%s}\n", g->analysed ? "true" : "false");
    if (ng_esc_flush(&b, fp, WHAT)) goto fail;
    ng_buf_free(&b);
    return 0;
fail:
    ng_buf_free(&b);
    return -1;
}
