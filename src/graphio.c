/* graphio.c - read graph.json / GraphML back into the model (see graphio.h). */
#include "graphio.h"

#include <cJSON.h>
#include <errno.h>
#include <igraph.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "strmap.h"
#include "utf8.h"

/* ---- shared helpers ---------------------------------------------------- */

static int ng_graphio_safe_id(const char *s)
{
    if (!*s) return 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
              (*p >= '0' && *p <= '9') || *p == '_' || *p == '.' || *p == '-'))
            return 0;
    return 1;
}

/* Byte offset -> 1-based line and column (column counted in code points, the
 * way editors show it). */
static void ng_graphio_line_col(const char *data, size_t off, size_t *line, size_t *col)
{
    size_t l = 1, c = 1;
    for (size_t i = 0; i < off; i++) {
        if (data[i] == '\n') {
            l++;
            c = 1;
        } else if (((unsigned char)data[i] & 0xC0) != 0x80) {
            c++;
        }
    }
    *line = l;
    *col = c;
}

double *ng_graph_relation_weights(const ng_graph *g)
{
    double *w = ng_xmalloc((g->n_rels ? g->n_rels : 1) * sizeof *w);
    for (size_t i = 0; i < g->n_rels; i++) w[i] = 1.0;
    for (size_t t = 0; t < g->n_ties; t++) {
        const ng_tie *tie = &g->ties[t];
        if (!tie->n_rels) continue;
        double share = tie->weight / (double)tie->n_rels;
        for (size_t k = 0; k < tie->n_rels; k++)
            if (tie->rels[k] >= 0 && (size_t)tie->rels[k] < g->n_rels) w[tie->rels[k]] = share;
    }
    return w;
}

void ng_graph_reweight_ties(ng_graph *g, const double *rel_weight)
{
    for (size_t t = 0; t < g->n_ties; t++) {
        ng_tie *tie = &g->ties[t];
        double sum = 0;
        for (size_t k = 0; k < tie->n_rels; k++) sum += rel_weight[tie->rels[k]];
        tie->weight = sum;
    }
}

/* ---- JSON -------------------------------------------------------------- */

typedef struct ng_graphio_json {
    ng_graph *g;
    const char *name;
    ng_strmap docs; /* doc id -> doc index */
} ng_graphio_json;

/* A string member, NULL when absent or null; -1 (after an error) when it has
 * another type. */
static int ng_graphio_jstr(const ng_graphio_json *c, const cJSON *obj, const char *key,
                           const char *where, size_t idx, const char **out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    *out = NULL;
    if (!v || cJSON_IsNull(v)) return 0;
    if (!cJSON_IsString(v) || !v->valuestring) {
        ng_error("%s: %s[%zu].%s must be a string", c->name, where, idx, key);
        return -1;
    }
    *out = v->valuestring;
    return 0;
}

/* An id with a control character would become another actor's id once
 * the exporters drop the character (XML cannot carry it): "B\x0f" and
 * "B".  Refused, with its position. */
static int ng_graphio_bad_id(const ng_graphio_json *c, const char *id, const char *where, size_t idx,
                             const char *field)
{
    for (size_t k = 0; id[k]; k++) {
        unsigned char ch = (unsigned char)id[k];
        if (ch < 0x20 || ch == 0x7f) {
            ng_error("%s: %s[%zu].%s has a control character (0x%02x) at byte %zu", c->name, where, idx, field, ch,
                     k);
            return 1;
        }
    }
    return 0;
}

/* A non-negative integer member (offsets, counts); absent -> dflt. */
static int ng_graphio_jsize(const ng_graphio_json *c, const cJSON *obj, const char *key,
                            const char *where, size_t idx, size_t dflt, size_t *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    *out = dflt;
    if (!v || cJSON_IsNull(v)) return 0;
    if (!cJSON_IsNumber(v) || !(v->valuedouble >= 0) || v->valuedouble > 9.0e15 ||
        v->valuedouble != floor(v->valuedouble)) {
        ng_error("%s: %s[%zu].%s must be a non-negative integer", c->name, where, idx, key);
        return -1;
    }
    *out = (size_t)v->valuedouble;
    return 0;
}

static int ng_graphio_jdouble(const ng_graphio_json *c, const cJSON *obj, const char *key,
                              const char *where, size_t idx, double dflt, double *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    *out = dflt;
    if (!v || cJSON_IsNull(v)) return 0; /* the writer prints NaN as null */
    if (!cJSON_IsNumber(v)) {
        ng_error("%s: %s[%zu].%s must be a number", c->name, where, idx, key);
        return -1;
    }
    *out = v->valuedouble;
    return 0;
}

/* An actor reference: an id string (as written), or an index; null -> -1. */
static int ng_graphio_jactor(const ng_graphio_json *c, const cJSON *obj, const char *key,
                             const char *where, size_t idx, int *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    *out = -1;
    if (!v || cJSON_IsNull(v)) return 0;
    if (cJSON_IsString(v) && v->valuestring) {
        *out = ng_graph_find_actor(c->g, v->valuestring);
        if (*out < 0) {
            ng_error("%s: %s[%zu].%s: unknown actor \"%s\"", c->name, where, idx, key,
                     v->valuestring);
            return -1;
        }
        return 0;
    }
    if (cJSON_IsNumber(v) && v->valuedouble >= 0 && v->valuedouble < (double)c->g->n_actors &&
        v->valuedouble == floor(v->valuedouble)) {
        *out = (int)v->valuedouble;
        return 0;
    }
    ng_error("%s: %s[%zu].%s must be an actor id", c->name, where, idx, key);
    return -1;
}

static int ng_graphio_add_doc(ng_graphio_json *c, const char *id, const char *title,
                              const char *date, const char *source, const char *url,
                              size_t chars)
{
    ng_doc d;
    memset(&d, 0, sizeof d);
    d.id = ng_xstrdup(id);
    d.title = title ? ng_xstrdup(title) : NULL;
    d.date = date ? ng_xstrdup(date) : NULL;
    d.source = source ? ng_xstrdup(source) : NULL;
    d.url = url ? ng_xstrdup(url) : NULL;
    d.path = ng_xstrdup(c->name);
    /* The JSON carries no article text; an empty string keeps code that
     * expects text non-NULL safe. */
    d.text = ng_xstrdup("");
    d.len = 0;
    d.n_chars = chars;
    int i = ng_graph_add_doc(c->g, &d);
    *ng_strmap_put(&c->docs, id, strlen(id), i) = i;
    return i;
}

/* A doc reference by id; an id not listed in "docs" gets a bare doc. */
static int ng_graphio_jdoc(ng_graphio_json *c, const cJSON *obj, const char *where, size_t idx,
                           int *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, "doc");
    *out = -1;
    if (!v || cJSON_IsNull(v)) return 0;
    if (!cJSON_IsString(v) || !v->valuestring) {
        ng_error("%s: %s[%zu].doc must be a document id", c->name, where, idx);
        return -1;
    }
    if (ng_graphio_bad_id(c, v->valuestring, where, idx, "doc")) return -1;
    int *p = ng_strmap_get(&c->docs, v->valuestring, strlen(v->valuestring));
    *out = p ? *p : ng_graphio_add_doc(c, v->valuestring, NULL, NULL, NULL, NULL, 0);
    return 0;
}

static const cJSON *ng_graphio_jarray(const ng_graphio_json *c, const cJSON *root,
                                      const char *key, int required, int *err)
{
    const cJSON *a = cJSON_GetObjectItemCaseSensitive(root, key);
    *err = 0;
    if (!a || cJSON_IsNull(a)) {
        if (required) {
            ng_error("%s: missing \"%s\" array (is this a newsgraph graph.json?)", c->name, key);
            *err = 1;
        }
        return NULL;
    }
    if (!cJSON_IsArray(a)) {
        ng_error("%s: \"%s\" must be an array", c->name, key);
        *err = 1;
        return NULL;
    }
    return a;
}

static int ng_graphio_jstrvec(const ng_graphio_json *c, const cJSON *obj, const char *key,
                              size_t idx, ng_strvec *out)
{
    const cJSON *a = cJSON_GetObjectItemCaseSensitive(obj, key), *e;
    if (!a || cJSON_IsNull(a)) return 0;
    if (!cJSON_IsArray(a)) {
        ng_error("%s: actors[%zu].%s must be an array of strings", c->name, idx, key);
        return -1;
    }
    cJSON_ArrayForEach(e, a) {
        if (!cJSON_IsString(e) || !e->valuestring) {
            ng_error("%s: actors[%zu].%s must be an array of strings", c->name, idx, key);
            return -1;
        }
        ng_strvec_push(out, e->valuestring);
    }
    return 0;
}

static int ng_graphio_jscores(const ng_graphio_json *c, const cJSON *obj, size_t idx,
                              ng_scores *s)
{
    const cJSON *sc = cJSON_GetObjectItemCaseSensitive(obj, "scores");
    if (!sc || cJSON_IsNull(sc)) return 0;
    if (!cJSON_IsObject(sc)) {
        ng_error("%s: actors[%zu].scores must be an object", c->name, idx);
        return -1;
    }
    static const struct {
        const char *key;
        size_t off;
    } dbl[] = {
        {"pagerank", offsetof(ng_scores, pagerank)},
        {"betweenness", offsetof(ng_scores, betweenness)},
        {"closeness", offsetof(ng_scores, closeness)},
        {"harmonic", offsetof(ng_scores, harmonic)},
        {"eigenvector", offsetof(ng_scores, eigenvector)},
        {"hub", offsetof(ng_scores, hub)},
        {"authority", offsetof(ng_scores, authority)},
        {"strength_in", offsetof(ng_scores, strength_in)},
        {"strength_out", offsetof(ng_scores, strength_out)},
        {"strength", offsetof(ng_scores, strength)},
        {"coop_given", offsetof(ng_scores, coop_given)},
        {"coop_received", offsetof(ng_scores, coop_received)},
    };
    static const struct {
        const char *key;
        size_t off;
    } ints[] = {
        {"in_degree", offsetof(ng_scores, in_degree)},
        {"out_degree", offsetof(ng_scores, out_degree)},
        {"degree", offsetof(ng_scores, degree)},
        {"kcore", offsetof(ng_scores, kcore)},
    };
    for (size_t i = 0; i < sizeof dbl / sizeof *dbl; i++) {
        double v;
        if (ng_graphio_jdouble(c, sc, dbl[i].key, "actors.scores", idx, 0.0, &v)) return -1;
        memcpy((char *)s + dbl[i].off, &v, sizeof v);
    }
    for (size_t i = 0; i < sizeof ints / sizeof *ints; i++) {
        size_t v;
        if (ng_graphio_jsize(c, sc, ints[i].key, "actors.scores", idx, 0, &v)) return -1;
        int iv = v > (size_t)INT32_MAX ? INT32_MAX : (int)v;
        memcpy((char *)s + ints[i].off, &iv, sizeof iv);
    }
    return 0;
}

static int ng_graphio_json_actors(ng_graphio_json *c, const cJSON *arr)
{
    const cJSON *a;
    size_t i = 0;
    /* Pass 1: create every actor so that affiliations (which may point
     * forward) resolve in pass 2. */
    cJSON_ArrayForEach(a, arr) {
        const char *id, *label, *type;
        if (!cJSON_IsObject(a)) {
            ng_error("%s: actors[%zu] must be an object", c->name, i);
            return -1;
        }
        if (ng_graphio_jstr(c, a, "id", "actors", i, &id) ||
            ng_graphio_jstr(c, a, "label", "actors", i, &label) ||
            ng_graphio_jstr(c, a, "type", "actors", i, &type))
            return -1;
        if (!id || !*id) {
            ng_error("%s: actors[%zu] has no id", c->name, i);
            return -1;
        }
        if (ng_graphio_bad_id(c, id, "actors", i, "id")) return -1;
        if (ng_graph_find_actor(c->g, id) >= 0) {
            ng_error("%s: actors[%zu]: duplicate actor id \"%s\"", c->name, i, id);
            return -1;
        }
        ng_actor_type t = NG_ORGANIZATION;
        if (type && ng_actor_type_parse(type, &t)) {
            ng_error("%s: actors[%zu]: unknown actor type \"%s\" (want Person, Organization or "
                     "Country)",
                     c->name, i, type);
            return -1;
        }
        int k = ng_graph_add_actor(c->g, id, label ? label : id, t);
        ng_actor *act = &c->g->actors[k];
        const char *wd;
        if (ng_graphio_jstrvec(c, a, "aliases", i, &act->aliases) ||
            ng_graphio_jstrvec(c, a, "roles", i, &act->roles) ||
            ng_graphio_jscores(c, a, i, &act->scores) ||
            ng_graphio_jstr(c, a, "wikidata", "actors", i, &wd))
            return -1;
        if (wd) act->wikidata = ng_xstrdup(wd);
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(a, "from_lexicon");
        act->from_lexicon = cJSON_IsTrue(v) ? 1 : 0;
        const cJSON *cm = cJSON_GetObjectItemCaseSensitive(a, "community");
        if (cJSON_IsNumber(cm) && cm->valuedouble >= 0 && cm->valuedouble <= INT32_MAX)
            act->community = (int)cm->valuedouble;
        i++;
    }
    i = 0;
    cJSON_ArrayForEach(a, arr) {
        if (ng_graphio_jactor(c, a, "affiliation", "actors", i, &c->g->actors[i].affiliation))
            return -1;
        i++;
    }
    return 0;
}

static int ng_graphio_json_docs(ng_graphio_json *c, const cJSON *arr)
{
    const cJSON *d;
    size_t i = 0;
    cJSON_ArrayForEach(d, arr) {
        const char *id, *title, *date, *source, *url;
        size_t chars;
        if (!cJSON_IsObject(d)) {
            ng_error("%s: docs[%zu] must be an object", c->name, i);
            return -1;
        }
        if (ng_graphio_jstr(c, d, "id", "docs", i, &id) ||
            ng_graphio_jstr(c, d, "title", "docs", i, &title) ||
            ng_graphio_jstr(c, d, "date", "docs", i, &date) ||
            ng_graphio_jstr(c, d, "source", "docs", i, &source) ||
            ng_graphio_jstr(c, d, "url", "docs", i, &url) ||
            ng_graphio_jsize(c, d, "chars", "docs", i, 0, &chars))
            return -1;
        if (id && ng_graphio_bad_id(c, id, "docs", i, "id")) return -1;
        if (!id) {
            ng_error("%s: docs[%zu] has no id", c->name, i);
            return -1;
        }
        if (ng_strmap_get(&c->docs, id, strlen(id))) {
            ng_error("%s: docs[%zu]: duplicate document id \"%s\"", c->name, i, id);
            return -1;
        }
        ng_graphio_add_doc(c, id, title, date, source, url, chars);
        i++;
    }
    return 0;
}

static int ng_graphio_json_relations(ng_graphio_json *c, const cJSON *arr)
{
    const cJSON *r;
    size_t i = 0;
    cJSON_ArrayForEach(r, arr) {
        ng_relation rel;
        const char *pred, *type, *sentence, *rule;
        memset(&rel, 0, sizeof rel);
        if (!cJSON_IsObject(r)) {
            ng_error("%s: relations[%zu] must be an object", c->name, i);
            return -1;
        }
        if (ng_graphio_jactor(c, r, "subject", "relations", i, &rel.subject) ||
            ng_graphio_jactor(c, r, "object", "relations", i, &rel.object) ||
            ng_graphio_jstr(c, r, "predicate", "relations", i, &pred) ||
            ng_graphio_jstr(c, r, "type", "relations", i, &type) ||
            ng_graphio_jstr(c, r, "sentence", "relations", i, &sentence) ||
            ng_graphio_jstr(c, r, "rule", "relations", i, &rule) ||
            ng_graphio_jdoc(c, r, "relations", i, &rel.doc) ||
            ng_graphio_jsize(c, r, "start", "relations", i, 0, &rel.start) ||
            ng_graphio_jsize(c, r, "end", "relations", i, 0, &rel.end) ||
            ng_graphio_jdouble(c, r, "confidence", "relations", i, 1.0, &rel.confidence))
            return -1;
        if (!type) {
            ng_error("%s: relations[%zu] has no type", c->name, i);
            return -1;
        }
        if (ng_event_parse(type, &rel.type)) {
            ng_error("%s: relations[%zu]: unknown event type \"%s\"", c->name, i, type);
            return -1;
        }
        rel.predicate = (char *)(pred ? pred : "relatedTo");
        rel.sentence = (char *)sentence;
        rel.rule = (char *)rule;
        ng_graph_add_relation(c->g, &rel); /* copies the strings */
        i++;
    }
    return 0;
}

static int ng_graphio_json_mentions(ng_graphio_json *c, const cJSON *arr)
{
    const cJSON *m;
    size_t i = 0;
    cJSON_ArrayForEach(m, arr) {
        ng_mention men;
        const char *text;
        memset(&men, 0, sizeof men);
        if (!cJSON_IsObject(m)) {
            ng_error("%s: mentions[%zu] must be an object", c->name, i);
            return -1;
        }
        if (ng_graphio_jactor(c, m, "actor", "mentions", i, &men.actor) ||
            ng_graphio_jdoc(c, m, "mentions", i, &men.doc) ||
            ng_graphio_jsize(c, m, "start", "mentions", i, 0, &men.start) ||
            ng_graphio_jsize(c, m, "end", "mentions", i, 0, &men.end) ||
            ng_graphio_jstr(c, m, "text", "mentions", i, &text))
            return -1;
        men.text = (char *)(text ? text : "");
        ng_graph_add_mention(c->g, &men);
        i++;
    }
    return 0;
}

static int ng_graphio_json_merges(ng_graphio_json *c, const cJSON *arr)
{
    const cJSON *m;
    size_t i = 0;
    cJSON_ArrayForEach(m, arr) {
        int actor;
        const char *variant, *reason;
        if (!cJSON_IsObject(m)) {
            ng_error("%s: merges[%zu] must be an object", c->name, i);
            return -1;
        }
        if (ng_graphio_jactor(c, m, "actor", "merges", i, &actor) ||
            ng_graphio_jstr(c, m, "variant", "merges", i, &variant) ||
            ng_graphio_jstr(c, m, "reason", "merges", i, &reason))
            return -1;
        if (actor >= 0 && variant) ng_graph_add_merge(c->g, actor, variant, reason ? reason : "");
        i++;
    }
    return 0;
}

int ng_graph_read_json_mem(ng_graph *g, const char *data, size_t len, const char *name)
{
    size_t bad;
    /* The model promises valid UTF-8 everywhere; check once, up front, and
     * point at the offending byte. */
    if (ng_utf8_validate(data, len, &bad)) {
        size_t line, col;
        ng_graphio_line_col(data, bad, &line, &col);
        ng_error("%s:%zu:%zu: invalid UTF-8", name, line, col);
        return -1;
    }
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(data, len, &end, 0);
    if (!root) {
        size_t off = end && end >= data && end <= data + len ? (size_t)(end - data) : 0;
        size_t line, col;
        ng_graphio_line_col(data, off, &line, &col);
        ng_error("%s:%zu:%zu: invalid JSON", name, line, col);
        return -1;
    }
    /* Anything but whitespace after the document means a truncated
     * concatenation or a wrong file: refuse rather than guess. */
    for (const char *p = end; p && p < data + len; p++)
        if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r') {
            size_t line, col;
            ng_graphio_line_col(data, (size_t)(p - data), &line, &col);
            ng_error("%s:%zu:%zu: unexpected data after the JSON document", name, line, col);
            cJSON_Delete(root);
            return -1;
        }
    int ret = -1, err = 0;
    ng_graphio_json c = {g, name, {0}};
    ng_strmap_init(&c.docs);
    if (!cJSON_IsObject(root)) {
        ng_error("%s: expected a JSON object with \"actors\" and \"relations\"", name);
        goto out;
    }
    const cJSON *actors = ng_graphio_jarray(&c, root, "actors", 1, &err);
    if (err) goto out;
    const cJSON *rels = ng_graphio_jarray(&c, root, "relations", 1, &err);
    if (err) goto out;
    const cJSON *docs = ng_graphio_jarray(&c, root, "docs", 0, &err);
    if (err) goto out;
    const cJSON *mentions = ng_graphio_jarray(&c, root, "mentions", 0, &err);
    if (err) goto out;
    const cJSON *merges = ng_graphio_jarray(&c, root, "merges", 0, &err);
    if (err) goto out;
    if (ng_graphio_json_actors(&c, actors)) goto out;
    if (docs && ng_graphio_json_docs(&c, docs)) goto out;
    if (ng_graphio_json_relations(&c, rels)) goto out;
    if (mentions && ng_graphio_json_mentions(&c, mentions)) goto out;
    if (merges && ng_graphio_json_merges(&c, merges)) goto out;
    const cJSON *mod = cJSON_GetObjectItemCaseSensitive(root, "modularity");
    g->modularity = cJSON_IsNumber(mod) ? mod->valuedouble : NAN;
    g->analysed = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(root, "analysed")) ? 1 : 0;
    ng_graph_build_ties(g);
    ret = 0;
out:
    ng_strmap_free(&c.docs);
    cJSON_Delete(root);
    return ret;
}

int ng_graph_read_json(ng_graph *g, const char *path)
{
    char *data;
    size_t len;
    if (ng_read_file(path, &data, &len)) return -1;
    int rc = ng_graph_read_json_mem(g, data, len, path);
    free(data);
    return rc;
}

/* ---- GraphML ----------------------------------------------------------- */

/* igraph reports errors through a global handler; remember the message so
 * it can be printed with the file name instead of igraph's source line. */
static char ng_graphio_igraph_msg[512];

static void ng_graphio_error_handler(const char *reason, const char *file, int line,
                                     igraph_error_t err)
{
    (void)file;
    (void)line;
    /* Copy first: the reason may live in memory that IGRAPH_FINALLY_FREE
     * releases (the GraphML reader keeps its message there). */
    snprintf(ng_graphio_igraph_msg, sizeof ng_graphio_igraph_msg, "%s (%s)", reason,
             igraph_strerror(err));
    IGRAPH_FINALLY_FREE();
}

static void ng_graphio_warning_handler(const char *reason, const char *file, int line)
{
    (void)file;
    (void)line;
    ng_warn("GraphML: %s", reason);
}

/* Index of an attribute in a name list, or -1. */
static igraph_integer_t ng_graphio_attr_find(const igraph_strvector_t *names, const char *name)
{
    for (igraph_integer_t i = 0; i < igraph_strvector_size(names); i++)
        if (strcmp(igraph_strvector_get(names, i), name) == 0) return i;
    return -1;
}

/* Value of a vertex/edge attribute as text into buf; NULL when the attribute
 * is absent or the value empty.  Numeric and boolean attributes are
 * formatted, so a GraphML that declares "type" as int still works. */
static const char *ng_graphio_attr_text(const igraph_t *G, int is_edge, const char *name,
                                        igraph_integer_t type, igraph_integer_t idx, char *buf,
                                        size_t bufsz)
{
    if (type == IGRAPH_ATTRIBUTE_STRING) {
        const char *s = is_edge ? EAS(G, name, idx) : VAS(G, name, idx);
        return s && *s ? s : NULL;
    }
    if (type == IGRAPH_ATTRIBUTE_NUMERIC) {
        double v = is_edge ? EAN(G, name, idx) : VAN(G, name, idx);
        if (isnan(v)) return NULL; /* igraph's "missing" */
        snprintf(buf, bufsz, "%.17g", v);
        return buf;
    }
    if (type == IGRAPH_ATTRIBUTE_BOOLEAN) {
        igraph_bool_t b = is_edge ? EAB(G, name, idx) : VAB(G, name, idx);
        snprintf(buf, bufsz, "%s", b ? "true" : "false");
        return buf;
    }
    return NULL;
}

/* Copy a GraphML-supplied string into the model: the model requires valid
 * UTF-8 without NUL; libxml2 already guarantees both, but be defensive. */
static char *ng_graphio_clean(const char *s)
{
    size_t n = strlen(s);
    if (!ng_utf8_validate(s, n, NULL)) return ng_xstrdup(s);
    return ng_text_normalise(s, n, NULL);
}

static int ng_graphio_from_igraph(ng_graph *g, const igraph_t *G, const char *name)
{
    igraph_strvector_t gn, vn, en;
    igraph_vector_int_t gt, vt, et;
    int ret = -1;
    int inited = 0;
    double *relw = NULL;
    size_t n_relw = 0, cap_relw = 0;
    if (igraph_strvector_init(&gn, 0)) goto out;
    inited = 1;
    if (igraph_strvector_init(&vn, 0)) goto out;
    inited = 2;
    if (igraph_strvector_init(&en, 0)) goto out;
    inited = 3;
    if (igraph_vector_int_init(&gt, 0)) goto out;
    inited = 4;
    if (igraph_vector_int_init(&vt, 0)) goto out;
    inited = 5;
    if (igraph_vector_int_init(&et, 0)) goto out;
    inited = 6;
    if (igraph_cattribute_list(G, &gn, &gt, &vn, &vt, &en, &et)) goto out;

    igraph_integer_t a_id = ng_graphio_attr_find(&vn, "id");
    igraph_integer_t a_label = ng_graphio_attr_find(&vn, "label");
    igraph_integer_t a_vtype = ng_graphio_attr_find(&vn, "type");
    igraph_integer_t a_pred = ng_graphio_attr_find(&en, "predicate");
    igraph_integer_t a_etype = ng_graphio_attr_find(&en, "type");
    igraph_integer_t a_weight = ng_graphio_attr_find(&en, "weight");
    char b1[64], b2[64], b3[64];
    int warned_vtype = 0, warned_etype = 0;
    size_t skipped = 0;

    igraph_integer_t nv = igraph_vcount(G);
    for (igraph_integer_t v = 0; v < nv; v++) {
        const char *gid = a_id >= 0 ? ng_graphio_attr_text(G, 0, "id", VECTOR(vt)[a_id], v, b1,
                                                           sizeof b1)
                                    : NULL;
        const char *label = a_label >= 0 ? ng_graphio_attr_text(G, 0, "label",
                                                                VECTOR(vt)[a_label], v, b2,
                                                                sizeof b2)
                                         : NULL;
        const char *type = a_vtype >= 0 ? ng_graphio_attr_text(G, 0, "type", VECTOR(vt)[a_vtype],
                                                                v, b3, sizeof b3)
                                         : NULL;
        char fallback[32];
        snprintf(fallback, sizeof fallback, "n%lld", (long long)v);
        if (!gid) gid = fallback;
        ng_actor_type t = NG_ORGANIZATION;
        if (type && ng_actor_type_parse(type, &t)) {
            t = NG_ORGANIZATION;
            if (!warned_vtype++)
                ng_warn("%s: node \"%s\": unknown actor type \"%s\", using Organization "
                        "(further ones not reported)",
                        name, gid, type);
        }
        char *clean_gid = ng_graphio_clean(gid);
        char *id = ng_graphio_safe_id(clean_gid) ? ng_xstrdup(clean_gid) : ng_make_id(clean_gid);
        /* Uniqueness: two GraphML ids can map to one safe id. */
        if (ng_graph_find_actor(g, id) >= 0) {
            ng_buf b;
            ng_buf_init(&b);
            for (int k = 2;; k++) {
                ng_buf_reset(&b);
                ng_buf_printf(&b, "%s_%d", id, k);
                if (ng_graph_find_actor(g, b.data) < 0) break;
            }
            free(id);
            id = ng_buf_steal(&b);
        }
        char *clean_label = label ? ng_graphio_clean(label) : NULL;
        ng_graph_add_actor(g, id, clean_label ? clean_label : clean_gid, t);
        free(clean_label);
        free(clean_gid);
        free(id);
    }

    igraph_bool_t directed = igraph_is_directed(G);
    igraph_integer_t ne = igraph_ecount(G);
    for (igraph_integer_t e = 0; e < ne; e++) {
        igraph_integer_t from, to;
        if (igraph_edge(G, e, &from, &to)) goto out;
        const char *pred = a_pred >= 0 ? ng_graphio_attr_text(G, 1, "predicate",
                                                              VECTOR(et)[a_pred], e, b1,
                                                              sizeof b1)
                                       : NULL;
        const char *type = a_etype >= 0 ? ng_graphio_attr_text(G, 1, "type", VECTOR(et)[a_etype],
                                                               e, b2, sizeof b2)
                                        : NULL;
        double w = 1.0;
        if (a_weight >= 0) {
            const char *ws = ng_graphio_attr_text(G, 1, "weight", VECTOR(et)[a_weight], e, b3,
                                                  sizeof b3);
            if (ws) {
                char *endp;
                w = strtod(ws, &endp);
                if (endp == ws || *endp || !isfinite(w)) {
                    ng_error("%s: edge %lld (%s -> %s): weight \"%s\" is not a finite number",
                             name, (long long)e, g->actors[from].id, g->actors[to].id, ws);
                    goto out;
                }
            }
        }
        if (!(w > 0)) {
            skipped++;
            continue;
        }
        ng_event_type et_type = NG_EV_AFFILIATED_WITH;
        if (type && ng_event_parse(type, &et_type)) {
            et_type = NG_EV_AFFILIATED_WITH;
            if (!warned_etype++)
                ng_warn("%s: edge %lld: unknown event type \"%s\", using AFFILIATED_WITH "
                        "(further ones not reported)",
                        name, (long long)e, type);
        }
        char *p = pred ? (ng_graphio_safe_id(pred) ? ng_xstrdup(pred) : ng_make_id(pred))
                       : ng_xstrdup("relatedTo");
        ng_relation r;
        memset(&r, 0, sizeof r);
        r.subject = (int)from;
        r.object = (int)to;
        r.predicate = p;
        r.type = et_type;
        r.doc = -1;
        r.confidence = 1.0;
        r.rule = "graphml";
        int both = !directed && !ng_event_symmetric(et_type) && from != to;
        for (int k = 0; k <= both; k++) {
            if (k) {
                r.subject = (int)to;
                r.object = (int)from;
            }
            ng_graph_add_relation(g, &r);
            if (n_relw == cap_relw) {
                cap_relw = cap_relw ? 2 * cap_relw : 64;
                relw = ng_xrealloc(relw, cap_relw * sizeof *relw);
            }
            relw[n_relw++] = w;
        }
        free(p);
    }
    if (skipped)
        ng_warn("%s: skipped %zu edge%s with weight <= 0", name, skipped, skipped == 1 ? "" : "s");
    ng_graph_build_ties(g);
    if (relw) ng_graph_reweight_ties(g, relw);
    ret = 0;
out:
    if (ret && !ng_graphio_igraph_msg[0] && inited < 6)
        ng_error("%s: out of memory reading attributes", name);
    free(relw);
    if (inited >= 6) igraph_vector_int_destroy(&et);
    if (inited >= 5) igraph_vector_int_destroy(&vt);
    if (inited >= 4) igraph_vector_int_destroy(&gt);
    if (inited >= 3) igraph_strvector_destroy(&en);
    if (inited >= 2) igraph_strvector_destroy(&vn);
    if (inited >= 1) igraph_strvector_destroy(&gn);
    return ret;
}

int ng_graph_read_graphml_stream(ng_graph *g, FILE *fp, const char *name)
{
    igraph_t G;
    igraph_error_handler_t *old_err = igraph_set_error_handler(ng_graphio_error_handler);
    igraph_warning_handler_t *old_warn = igraph_set_warning_handler(ng_graphio_warning_handler);
    /* The C attribute table is what makes igraph keep GraphML attributes;
     * it must stay installed while G exists, so restore only at the end. */
    igraph_attribute_table_t *old_attr = igraph_set_attribute_table(&igraph_cattribute_table);
    ng_graphio_igraph_msg[0] = '\0';
    int ret = -1;
    igraph_error_t rc = igraph_read_graph_graphml(&G, fp, 0);
    if (rc != IGRAPH_SUCCESS) {
        /* igraph 0.10 words "no <graph> element" as an index error. */
        int no_graph = strstr(ng_graphio_igraph_msg, "index was too large") != NULL;
        ng_error("%s: cannot read GraphML: %s%s", name,
                 ng_graphio_igraph_msg[0] ? ng_graphio_igraph_msg : igraph_strerror(rc),
                 no_graph ? " -- the file has no GraphML <graph> element" : "");
    } else {
        ret = ng_graphio_from_igraph(g, &G, name);
        if (ret && ng_graphio_igraph_msg[0])
            ng_error("%s: %s", name, ng_graphio_igraph_msg);
        igraph_destroy(&G);
    }
    igraph_set_attribute_table(old_attr);
    igraph_set_warning_handler(old_warn);
    igraph_set_error_handler(old_err);
    return ret;
}

int ng_graph_read_graphml(ng_graph *g, const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        ng_error("%s: cannot open: %s", path, strerror(errno));
        return -1;
    }
    int rc = ng_graph_read_graphml_stream(g, fp, path);
    fclose(fp);
    return rc;
}

/* ---- either ------------------------------------------------------------ */

static int ng_graphio_ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcasecmp(s + n - m, suffix) == 0;
}

int ng_graph_read(ng_graph *g, const char *path)
{
    if (strcmp(path, "-") != 0) {
        if (ng_graphio_ends_with(path, ".json")) return ng_graph_read_json(g, path);
        if (ng_graphio_ends_with(path, ".graphml") || ng_graphio_ends_with(path, ".xml"))
            return ng_graph_read_graphml(g, path);
    }
    /* Unknown extension or stdin: read it all, then sniff. */
    char *data;
    size_t len;
    if (ng_read_file(path, &data, &len)) return -1;
    const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
    size_t i = 0;
    if (len >= 3 && (unsigned char)data[0] == 0xEF && (unsigned char)data[1] == 0xBB &&
        (unsigned char)data[2] == 0xBF)
        i = 3; /* a UTF-8 BOM is not content */
    while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r'))
        i++;
    int rc = -1;
    if (i < len && data[i] == '{') {
        rc = ng_graph_read_json_mem(g, data, len, name); /* cJSON skips BOM and spaces */
    } else if (i < len && data[i] == '<') {
        FILE *fp = fmemopen(data, len, "rb");
        if (!fp) {
            ng_error("%s: cannot read: %s", name, strerror(errno));
        } else {
            rc = ng_graph_read_graphml_stream(g, fp, name);
            fclose(fp);
        }
    } else {
        ng_error("%s: not a newsgraph JSON graph or a GraphML file (expected '{' or '<')", name);
    }
    free(data);
    return rc;
}
