/*
 * rdf.c - the one walk from the graph model to RDF statements.
 *
 * Turtle, N-Triples and N-Quads are three spellings of the same statements,
 * so all three call ng_export_rdf() and differ only in the raptor
 * serializer and in the "sink": whether a statement carries a graph name.
 * That way the outputs cannot disagree; the client test checks that they
 * hold the same number of triples.
 *
 * Named graphs (N-Quads): statements about an article, and everything a
 * relation found in that article asserts (its direct triple and its event
 * node), go into the graph named by the article's IRI, so "which article
 * said this?" is a GRAPH query.  Statements about actors (labels, types,
 * scores) are the result of the whole corpus, not of one article, and go
 * into the default graph.
 *
 * Identifiers: actor/event/doc IRIs are minted under o->base_iri.  Actor
 * ids are already in a safe alphabet ([A-Za-z0-9_.-] plus %XX escapes from
 * ng_make_id), but they are re-encoded defensively anyway; doc ids are
 * arbitrary (file names) and percent-encoded outside [A-Za-z0-9_.-].
 *
 * Literals: raptor 2.0.15's Turtle writer passes control characters
 * through raw, and a raw CR inside "..." is not Turtle (older builds drop
 * them silently instead).  So every literal goes through
 * ng_esc_rdf_literal(): CR/CRLF -> LF, other C0 controls except tab and LF
 * -> U+FFFD.  The same cleaned text goes to all three formats.
 *
 * Duplicates: the Turtle writer merges identical triples, the N-Triples
 * writer streams them.  To keep the counts equal, the walker never emits a
 * triple twice: a direct triple (subject ng:pred object) asserted by
 * several relations is written once, in the graph of the first relation
 * (in model order) that asserts it; every relation still has its own
 * event node with its own provenance.  Aliases and roles are de-duplicated
 * after cleaning for the same reason.
 */
#include "escape.h"

#include <math.h>
#include <raptor2.h>
#include <stdlib.h>
#include <string.h>

#define NS_NG "https://w3id.org/newsgraph/ontology#"
#define NS_RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define NS_RDFS "http://www.w3.org/2000/01/rdf-schema#"
#define NS_XSD "http://www.w3.org/2001/XMLSchema#"
#define NS_OWL "http://www.w3.org/2002/07/owl#"
#define NS_SKOS "http://www.w3.org/2004/02/skos/core#"
#define NS_ORG "http://www.w3.org/ns/org#"
#define NS_PROV "http://www.w3.org/ns/prov#"
#define NS_SCHEMA "https://schema.org/"
#define WIKIDATA "http://www.wikidata.org/entity/"

static const struct {
    const char *prefix, *uri;
} namespaces[] = {
    {"ng", NS_NG},     {"rdf", NS_RDF},   {"rdfs", NS_RDFS}, {"xsd", NS_XSD},
    {"owl", NS_OWL},   {"skos", NS_SKOS}, {"org", NS_ORG},   {"prov", NS_PROV},
    {"schema", NS_SCHEMA},
};

/* Local names the ontology uses for its own properties: a relation
 * predicate spelled like one of them must not silently assert it. */
static const char *const reserved[] = {
    "affiliation", "role", "pagerank", "betweenness", "closeness", "harmonic",
    "eigenvector", "hub", "authority", "inDegree", "outDegree", "degree",
    "strength", "coopGiven", "coopReceived", "kcore", "community", "eventType",
    "source", "target", "predicate", "evidence", "start", "end", "confidence",
    "date", "rule", "score", "symmetric", NULL};

typedef struct rdf_ctx {
    raptor_world *world;
    raptor_serializer *ser;
    raptor_uri *dt_double, *dt_integer, *dt_date;
    int quads;
    int failed;
    const char *base;
    ng_buf tmp;          /* scratch for IRIs */
    raptor_term *graph;  /* current named graph, or NULL = default graph */
} rdf_ctx;

static void log_handler(void *data, raptor_log_message *msg)
{
    rdf_ctx *c = data;
    if (msg->level >= RAPTOR_LOG_LEVEL_ERROR) {
        ng_error("RDF writer: %s", msg->text ? msg->text : "unknown error");
        c->failed = 1;
    }
}

static raptor_term *iri(rdf_ctx *c, const char *s)
{
    return raptor_new_term_from_uri_string(c->world, (const unsigned char *)s);
}

static raptor_term *ng_term(rdf_ctx *c, const char *local)
{
    ng_buf_reset(&c->tmp);
    ng_buf_puts(&c->tmp, NS_NG);
    ng_buf_puts(&c->tmp, local);
    return iri(c, c->tmp.data);
}

/* <base>kind/segment, the segment percent-encoded. */
static raptor_term *minted(rdf_ctx *c, const char *kind, const char *seg, int keep_pct)
{
    ng_buf_reset(&c->tmp);
    ng_buf_puts(&c->tmp, c->base);
    ng_buf_puts(&c->tmp, kind);
    ng_buf_putc(&c->tmp, '/');
    ng_esc_iri_segment(&c->tmp, seg, keep_pct);
    return iri(c, c->tmp.data);
}

static raptor_term *literal(rdf_ctx *c, const char *text, raptor_uri *dt)
{
    char *clean = ng_esc_rdf_literal(text);
    raptor_term *t = raptor_new_term_from_literal(c->world, (const unsigned char *)clean, dt, NULL);
    free(clean);
    return t;
}

static raptor_term *dbl(rdf_ctx *c, double v)
{
    char tmp[48];
    if (v == 0) v = 0; /* no "-0" */
    snprintf(tmp, sizeof tmp, "%.17g", v);
    /* raptor's Turtle writer prints an xsd:double literal bare ("0.25"),
     * which Turtle reads back as xsd:decimal.  With an exponent the bare
     * form is a Turtle DOUBLE, so always give one: "0.25e0". */
    if (!strpbrk(tmp, "eE")) strcat(tmp, "e0");
    return raptor_new_term_from_literal(c->world, (const unsigned char *)tmp, c->dt_double, NULL);
}

static raptor_term *integer(rdf_ctx *c, long long v)
{
    char tmp[32];
    snprintf(tmp, sizeof tmp, "%lld", v);
    return raptor_new_term_from_literal(c->world, (const unsigned char *)tmp, c->dt_integer, NULL);
}

/* The sink: the only place where the three formats differ (graph or not).
 * Takes ownership of p and o; s is borrowed (callers reuse a subject). */
static void emit(rdf_ctx *c, raptor_term *s, raptor_term *p, raptor_term *o)
{
    if (!s || !p || !o) {
        /* raptor refused a term (it validates IRIs and UTF-8): our bug. */
        ng_error("RDF writer: could not build a term");
        c->failed = 1;
    } else {
        raptor_statement st;
        raptor_statement_init(&st, c->world);
        st.subject = s;
        st.predicate = p;
        st.object = o;
        st.graph = c->quads ? c->graph : NULL;
        if (raptor_serializer_serialize_statement(c->ser, &st)) c->failed = 1;
    }
    if (p) raptor_free_term(p);
    if (o) raptor_free_term(o);
}

/* Emit (s, prefix:local, o) with a namespace prefix given as a URI. */
static void emit_ns(rdf_ctx *c, raptor_term *s, const char *ns, const char *local, raptor_term *o)
{
    ng_buf_reset(&c->tmp);
    ng_buf_puts(&c->tmp, ns);
    ng_buf_puts(&c->tmp, local);
    emit(c, s, iri(c, c->tmp.data), o);
}

/* A relation predicate as an ng: local name: camelCase letters only,
 * not one of the ontology's own properties; otherwise ng:relatedTo. */
static const char *predicate_local(const char *p)
{
    if (!p || !*p) return "relatedTo";
    for (const char *q = p; *q; q++)
        if (!((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z'))) return "relatedTo";
    for (int i = 0; reserved[i]; i++)
        if (strcmp(p, reserved[i]) == 0) return "relatedTo";
    return p;
}

/* CONSULT -> Consult, AFFILIATED_WITH -> AffiliatedWith (the class). */
static void event_class(ng_buf *b, ng_event_type t)
{
    int up = 1;
    for (const char *p = ng_event_name(t); *p; p++) {
        if (*p == '_') {
            up = 1;
            continue;
        }
        ng_buf_putc(b, up ? *p : (char)(*p - 'A' + 'a'));
        up = 0;
    }
}

static int valid_actor(const ng_graph *g, int i)
{
    return i >= 0 && (size_t)i < g->n_actors;
}

static int is_qid(const char *s)
{
    if (!s || s[0] != 'Q' || !s[1]) return 0;
    for (const char *p = s + 1; *p; p++)
        if (*p < '0' || *p > '9') return 0;
    return 1;
}

/* Emit one literal per distinct cleaned string of v (aliases, roles). */
static void emit_strings(rdf_ctx *c, raptor_term *s, const char *ns, const char *local,
                         const ng_strvec *v)
{
    char **seen = ng_xcalloc(v->n ? v->n : 1, sizeof *seen);
    size_t n_seen = 0;
    for (size_t i = 0; i < v->n; i++) {
        char *clean = ng_esc_rdf_literal(v->v[i]);
        int dup = 0;
        for (size_t j = 0; j < n_seen && !dup; j++) dup = strcmp(seen[j], clean) == 0;
        if (dup) {
            free(clean);
            continue;
        }
        seen[n_seen++] = clean;
        emit_ns(c, s, ns, local,
                raptor_new_term_from_literal(c->world, (const unsigned char *)clean, NULL, NULL));
    }
    for (size_t j = 0; j < n_seen; j++) free(seen[j]);
    free(seen);
}

static void emit_actor(rdf_ctx *c, const ng_graph *g, size_t i)
{
    const ng_actor *a = &g->actors[i];
    raptor_term *s = minted(c, "actor", a->id, 1);
    const ng_scores *sc = &a->scores;
    emit_ns(c, s, NS_RDF, "type", ng_term(c, ng_actor_type_name(a->type)));
    emit_ns(c, s, NS_RDFS, "label", literal(c, a->label, NULL));
    emit_strings(c, s, NS_SKOS, "altLabel", &a->aliases);
    emit_strings(c, s, NS_NG, "role", &a->roles);
    if (valid_actor(g, a->affiliation) && (size_t)a->affiliation != i) {
        const char *aff = g->actors[a->affiliation].id;
        emit_ns(c, s, NS_NG, "affiliation", minted(c, "actor", aff, 1));
        emit_ns(c, s, NS_ORG, "memberOf", minted(c, "actor", aff, 1));
    }
    if (is_qid(a->wikidata)) {
        ng_buf_reset(&c->tmp);
        ng_buf_puts(&c->tmp, WIKIDATA);
        ng_buf_puts(&c->tmp, a->wikidata);
        emit_ns(c, s, NS_OWL, "sameAs", iri(c, c->tmp.data));
    }
    /* Scores: a non-finite value is "unknown", so no triple rather than
     * "NaN"^^xsd:double that SPARQL arithmetic would choke on. */
    const struct {
        const char *name;
        double v;
    } d[] = {{"pagerank", sc->pagerank},     {"betweenness", sc->betweenness},
             {"closeness", sc->closeness},   {"harmonic", sc->harmonic},
             {"eigenvector", sc->eigenvector}, {"hub", sc->hub},
             {"authority", sc->authority},   {"strength", sc->strength},
             {"coopGiven", sc->coop_given},  {"coopReceived", sc->coop_received}};
    for (size_t k = 0; k < sizeof d / sizeof d[0]; k++)
        if (isfinite(d[k].v)) emit_ns(c, s, NS_NG, d[k].name, dbl(c, d[k].v));
    emit_ns(c, s, NS_NG, "inDegree", integer(c, sc->in_degree));
    emit_ns(c, s, NS_NG, "outDegree", integer(c, sc->out_degree));
    emit_ns(c, s, NS_NG, "degree", integer(c, sc->degree));
    emit_ns(c, s, NS_NG, "kcore", integer(c, sc->kcore));
    if (a->community >= 0) emit_ns(c, s, NS_NG, "community", integer(c, a->community));
    raptor_free_term(s);
}

static void emit_doc(rdf_ctx *c, const ng_doc *d, raptor_term *s)
{
    emit_ns(c, s, NS_RDF, "type", iri(c, NS_SCHEMA "NewsArticle"));
    emit_ns(c, s, NS_SCHEMA, "identifier", literal(c, d->id, NULL));
    if (d->title) emit_ns(c, s, NS_SCHEMA, "headline", literal(c, d->title, NULL));
    if (d->date)
        emit_ns(c, s, NS_SCHEMA, "datePublished",
                literal(c, d->date, ng_esc_is_date(d->date) ? c->dt_date : NULL));
    if (d->source) emit_ns(c, s, NS_SCHEMA, "publisher", literal(c, d->source, NULL));
    if (d->url) {
        ng_buf u;
        ng_buf_init(&u);
        if (ng_esc_http_iri(&u, d->url))
            emit_ns(c, s, NS_SCHEMA, "url", iri(c, u.data));
        else
            emit_ns(c, s, NS_SCHEMA, "url", literal(c, d->url, NULL));
        ng_buf_free(&u);
    }
}

/* ---- direct-triple de-duplication ---------------------------------- */

static const ng_graph *cmp_graph;

static int rel_triple_cmp(const void *a, const void *b)
{
    const ng_relation *x = &cmp_graph->rels[*(const size_t *)a];
    const ng_relation *y = &cmp_graph->rels[*(const size_t *)b];
    if (x->subject != y->subject) return x->subject < y->subject ? -1 : 1;
    if (x->object != y->object) return x->object < y->object ? -1 : 1;
    int k = strcmp(predicate_local(x->predicate), predicate_local(y->predicate));
    if (k) return k;
    /* then model order, so the first relation of a group is the earliest */
    return *(const size_t *)a < *(const size_t *)b ? -1 : 1;
}

/* first[i] = 1 when relation i is the earliest to assert its direct triple. */
static unsigned char *first_asserters(const ng_graph *g)
{
    unsigned char *first = ng_xcalloc(g->n_rels ? g->n_rels : 1, 1);
    size_t *ord = ng_xmalloc((g->n_rels ? g->n_rels : 1) * sizeof *ord);
    for (size_t i = 0; i < g->n_rels; i++) ord[i] = i;
    cmp_graph = g;
    qsort(ord, g->n_rels, sizeof *ord, rel_triple_cmp);
    for (size_t i = 0; i < g->n_rels; i++) {
        const ng_relation *r = &g->rels[ord[i]];
        if (i > 0) {
            const ng_relation *p = &g->rels[ord[i - 1]];
            if (p->subject == r->subject && p->object == r->object &&
                strcmp(predicate_local(p->predicate), predicate_local(r->predicate)) == 0)
                continue;
        }
        first[ord[i]] = 1;
    }
    free(ord);
    return first;
}

static void emit_relation(rdf_ctx *c, const ng_graph *g, size_t ri, size_t ordinal,
                          raptor_term *doc, int first)
{
    const ng_relation *r = &g->rels[ri];
    const char *pred = predicate_local(r->predicate);
    const char *sid = g->actors[r->subject].id, *oid = g->actors[r->object].id;

    if (first) {
        raptor_term *s = minted(c, "actor", sid, 1);
        emit(c, s, ng_term(c, pred), minted(c, "actor", oid, 1));
        raptor_free_term(s);
    }

    /* event/<doc-safe>-<n>: n counts the relations of that document, so
     * an event keeps its IRI when other articles are added to a corpus. */
    ng_buf seg;
    ng_buf_init(&seg);
    ng_esc_iri_segment(&seg, doc ? g->docs[r->doc].id : "_", 0);
    ng_buf_printf(&seg, "-%zu", ordinal);
    ng_buf_reset(&c->tmp);
    ng_buf_printf(&c->tmp, "%sevent/%s", c->base, seg.data);
    raptor_term *e = iri(c, c->tmp.data);
    ng_buf_free(&seg);

    ng_buf cls;
    ng_buf_init(&cls);
    event_class(&cls, r->type);
    emit_ns(c, e, NS_RDF, "type", ng_term(c, "Event"));
    emit_ns(c, e, NS_RDF, "type", ng_term(c, cls.data));
    ng_buf_free(&cls);
    emit_ns(c, e, NS_NG, "eventType", ng_term(c, ng_event_name(r->type)));
    emit_ns(c, e, NS_NG, "source", minted(c, "actor", sid, 1));
    emit_ns(c, e, NS_NG, "target", minted(c, "actor", oid, 1));
    emit_ns(c, e, NS_NG, "predicate", ng_term(c, pred));
    /* Always present (SHACL requires it): empty when the extractor kept none. */
    emit_ns(c, e, NS_NG, "evidence", literal(c, r->sentence ? r->sentence : "", NULL));
    emit_ns(c, e, NS_NG, "start", integer(c, (long long)r->start));
    emit_ns(c, e, NS_NG, "end", integer(c, (long long)r->end));
    if (isfinite(r->confidence)) emit_ns(c, e, NS_NG, "confidence", dbl(c, r->confidence));
    if (r->rule) emit_ns(c, e, NS_NG, "rule", literal(c, r->rule, NULL));
    if (doc) {
        const char *date = g->docs[r->doc].date;
        if (ng_esc_is_date(date)) emit_ns(c, e, NS_NG, "date", literal(c, date, c->dt_date));
        emit(c, e, iri(c, NS_PROV "wasDerivedFrom"), raptor_term_copy(doc));
    }
    raptor_free_term(e);
}

int ng_export_rdf(const ng_graph *g, FILE *fp, const ng_export_opts *o, const char *syntax,
                  int quads)
{
    rdf_ctx c;
    memset(&c, 0, sizeof c);
    c.quads = quads;
    c.base = o && o->base_iri ? o->base_iri : "https://w3id.org/newsgraph/id/";
    ng_buf_init(&c.tmp);
    c.world = raptor_new_world();
    if (!c.world || raptor_world_open(c.world)) {
        ng_error("cannot initialise raptor");
        if (c.world) raptor_free_world(c.world);
        return -1;
    }
    raptor_world_set_log_handler(c.world, &c, log_handler);
    c.ser = raptor_new_serializer(c.world, syntax);
    if (!c.ser) {
        ng_error("raptor has no '%s' serializer", syntax);
        raptor_free_world(c.world);
        return -1;
    }
    c.dt_double = raptor_new_uri(c.world, (const unsigned char *)NS_XSD "double");
    c.dt_integer = raptor_new_uri(c.world, (const unsigned char *)NS_XSD "integer");
    c.dt_date = raptor_new_uri(c.world, (const unsigned char *)NS_XSD "date");
    for (size_t i = 0; i < sizeof namespaces / sizeof namespaces[0]; i++) {
        raptor_uri *u = raptor_new_uri(c.world, (const unsigned char *)namespaces[i].uri);
        raptor_serializer_set_namespace(c.ser, u, (const unsigned char *)namespaces[i].prefix);
        raptor_free_uri(u);
    }
    /* NULL base URI: with one, raptor writes "@prefix x: <>" and relative
     * IRIs, which a reader resolving against another base gets wrong. */
    if (raptor_serializer_start_to_file_handle(c.ser, NULL, fp)) {
        ng_error("cannot start the %s writer", syntax);
        c.failed = 1;
        goto done;
    }

    for (size_t i = 0; i < g->n_actors && !c.failed; i++) emit_actor(&c, g, i);

    /* Per article: its description, then the relations it holds, all in
     * its named graph.  Relations are visited in model order per doc. */
    unsigned char *first = first_asserters(g);
    /* Bucket relations by document (a counting sort keeps model order
     * inside each bucket); bucket n_docs collects invalid doc indices. */
    size_t nb = g->n_docs + 1;
    size_t *bstart = ng_xcalloc(nb + 1, sizeof *bstart);
    size_t *order = ng_xmalloc((g->n_rels ? g->n_rels : 1) * sizeof *order);
    for (size_t ri = 0; ri < g->n_rels; ri++) {
        int rd = g->rels[ri].doc;
        bstart[(rd >= 0 && (size_t)rd < g->n_docs ? (size_t)rd : g->n_docs) + 1]++;
    }
    for (size_t d = 0; d < nb; d++) bstart[d + 1] += bstart[d];
    size_t *fill = ng_xmalloc(nb * sizeof *fill);
    memcpy(fill, bstart, nb * sizeof *fill);
    for (size_t ri = 0; ri < g->n_rels; ri++) {
        int rd = g->rels[ri].doc;
        order[fill[rd >= 0 && (size_t)rd < g->n_docs ? (size_t)rd : g->n_docs]++] = ri;
    }
    free(fill);
    for (size_t d = 0; d < nb && !c.failed; d++) {
        raptor_term *doc = d < g->n_docs ? minted(&c, "doc", g->docs[d].id, 0) : NULL;
        c.graph = doc;
        if (doc) emit_doc(&c, &g->docs[d], doc);
        size_t ordinal = 0;
        for (size_t k = bstart[d]; k < bstart[d + 1] && !c.failed; k++) {
            size_t ri = order[k];
            const ng_relation *r = &g->rels[ri];
            if (!valid_actor(g, r->subject) || !valid_actor(g, r->object)) continue;
            emit_relation(&c, g, ri, ++ordinal, doc, first[ri]);
        }
        if (doc) raptor_free_term(doc);
    }
    free(bstart);
    free(order);
    free(first);
    c.graph = NULL;

    if (raptor_serializer_serialize_end(c.ser)) c.failed = 1;
done:
    raptor_free_serializer(c.ser);
    raptor_free_uri(c.dt_double);
    raptor_free_uri(c.dt_integer);
    raptor_free_uri(c.dt_date);
    raptor_free_world(c.world);
    ng_buf_free(&c.tmp);
    if (!c.failed && (fflush(fp) || ferror(fp))) {
        ng_error("cannot write the %s output", syntax);
        c.failed = 1;
    }
    return c.failed ? -1 : 0;
}
