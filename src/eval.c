/* eval.c - precision/recall of actors, pairs and relations against gold. */
#include "eval.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "utf8.h"

/* ---- names ------------------------------------------------------------ */

static int is_word_cp(utf8proc_int32_t c)
{
    utf8proc_category_t k = utf8proc_category(c);
    return (k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO) ||
           (k >= UTF8PROC_CATEGORY_MN && k <= UTF8PROC_CATEGORY_ME) ||
           (k >= UTF8PROC_CATEGORY_ND && k <= UTF8PROC_CATEGORY_NO);
}

char *ng_eval_norm_name(const char *name)
{
    /* Curly quotes and dashes first: NFKD leaves U+2019 alone, and the
     * "'s" rule below must see a plain apostrophe. */
    char *plain = ng_text_normalise(name, strlen(name), NULL);
    utf8proc_uint8_t *folded = NULL;
    utf8proc_ssize_t fl = utf8proc_map((const utf8proc_uint8_t *)plain, 0, &folded,
                                       UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPAT |
                                           UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
                                           UTF8PROC_CASEFOLD);
    char *s;
    size_t n;
    if (fl < 0) {
        /* Cannot happen for the valid UTF-8 the normaliser returns; keep
         * the plain text rather than fail a whole evaluation. */
        s = plain;
        n = strlen(s);
    } else {
        free(plain);
        s = (char *)folded;
        n = (size_t)fl;
    }
    /* trailing "'s" (possessive), after trailing spaces */
    while (n && s[n - 1] == ' ') n--;
    if (n > 2 && s[n - 2] == '\'' && s[n - 1] == 's') n -= 2;

    /* runs of non-word characters -> one space; none at either end */
    ng_buf b;
    ng_buf_init(&b);
    int pending = 0;
    size_t i = 0;
    while (i < n) {
        uint32_t c;
        size_t len = ng_utf8_decode(s + i, n - i, &c);
        if (!len) {
            i++;
            pending = 1;
            continue;
        }
        if (is_word_cp((utf8proc_int32_t)c)) {
            if (pending && b.len) ng_buf_putc(&b, ' ');
            pending = 0;
            ng_buf_append(&b, s + i, len);
        } else {
            pending = 1;
        }
        i += len;
    }
    free(s);
    char *out = ng_buf_steal(&b);
    if (strncmp(out, "the ", 4) == 0) memmove(out, out + 4, strlen(out + 4) + 1);
    return out;
}

/* ---- gold files -------------------------------------------------------- */

typedef struct gold_actor {
    char *id;
    char *name;        /* as written, for reports */
    ng_strvec norms;   /* normalised name + mentions, unique, non-empty */
} gold_actor;

typedef struct gold_rel {
    int s, o;          /* gold actor indices */
    ng_event_type type;
    int optional;
} gold_rel;

typedef struct gold_doc {
    const char *file;
    char *doc, *id;
    gold_actor *actors;
    size_t n_actors;
    gold_rel *rels;
    size_t n_rels;
} gold_doc;

static void gold_free(gold_doc *gd)
{
    for (size_t i = 0; i < gd->n_actors; i++) {
        free(gd->actors[i].id);
        free(gd->actors[i].name);
        ng_strvec_free(&gd->actors[i].norms);
    }
    free(gd->actors);
    free(gd->rels);
    free(gd->doc);
    free(gd->id);
    memset(gd, 0, sizeof *gd);
}

static void push_norm(ng_strvec *sv, const char *name)
{
    char *nn = ng_eval_norm_name(name);
    if (*nn) ng_strvec_push_unique(sv, nn);
    free(nn);
}

/* 1-based line and column (in code points) of byte offset off. */
static void line_col(const char *data, size_t off, size_t *line, size_t *col)
{
    size_t ln = 1, bol = 0;
    for (size_t i = 0; i < off; i++)
        if (data[i] == '\n') {
            ln++;
            bol = i + 1;
        }
    *line = ln;
    *col = ng_utf8_count(data + bol, off - bol) + 1;
}

static const char *get_str(const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static int gold_actor_index(const gold_doc *gd, const char *id)
{
    for (size_t i = 0; i < gd->n_actors; i++)
        if (strcmp(gd->actors[i].id, id) == 0) return (int)i;
    return -1;
}

/* Parse one gold file; returns 0, or -1 after printing an error. */
static int gold_load(const char *path, gold_doc *gd)
{
    memset(gd, 0, sizeof *gd);
    gd->file = path;
    char *data;
    size_t len;
    if (ng_read_file(path, &data, &len) != 0) return -1;
    size_t bad, line, col;
    if (ng_utf8_validate(data, len, &bad) != 0) {
        line_col(data, bad, &line, &col);
        ng_error("%s:%zu:%zu: invalid UTF-8 in gold file", path, line, col);
        free(data);
        return -1;
    }
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(data, len, &end, 0);
    if (!root || (end && strspn(end, " \t\r\n") != len - (size_t)(end - data))) {
        size_t off = end && end >= data && end <= data + len ? (size_t)(end - data) : 0;
        line_col(data, off, &line, &col);
        ng_error("%s:%zu:%zu: %s", path, line, col,
                 root ? "text after the JSON value" : "invalid JSON in gold file");
        cJSON_Delete(root);
        free(data);
        return -1;
    }
    free(data);
    int rc = -1;
    const char *doc = get_str(root, "doc");
    const cJSON *actors = cJSON_GetObjectItemCaseSensitive(root, "actors");
    const cJSON *rels = cJSON_GetObjectItemCaseSensitive(root, "relations");
    if (!cJSON_IsObject(root) || !doc || !cJSON_IsArray(actors)) {
        ng_error("%s: gold file needs an object with \"doc\" (string) and \"actors\" (array)",
                 path);
        goto out;
    }
    if (rels && !cJSON_IsArray(rels)) {
        ng_error("%s: \"relations\" must be an array", path);
        goto out;
    }
    gd->doc = ng_xstrdup(doc);
    const char *gid = get_str(root, "id");
    gd->id = gid ? ng_xstrdup(gid) : NULL;
    size_t na = (size_t)cJSON_GetArraySize(actors);
    gd->actors = ng_xcalloc(na, sizeof *gd->actors);
    const cJSON *a;
    size_t k = 0;
    cJSON_ArrayForEach(a, actors) {
        const char *id = get_str(a, "id"), *name = get_str(a, "name");
        if (!id || !name) {
            ng_error("%s: actors[%zu]: needs \"id\" and \"name\" strings", path, k);
            goto out;
        }
        gold_actor *ga = &gd->actors[gd->n_actors++];
        ga->id = ng_xstrdup(id);
        ga->name = ng_xstrdup(name);
        push_norm(&ga->norms, name);
        const cJSON *ms = cJSON_GetObjectItemCaseSensitive(a, "mentions");
        const cJSON *m;
        cJSON_ArrayForEach(m, ms) {
            if (cJSON_IsString(m)) push_norm(&ga->norms, m->valuestring);
        }
        k++;
    }
    size_t nr = rels ? (size_t)cJSON_GetArraySize(rels) : 0;
    gd->rels = ng_xcalloc(nr, sizeof *gd->rels);
    const cJSON *r;
    k = 0;
    cJSON_ArrayForEach(r, rels) {
        const char *s = get_str(r, "subject"), *o = get_str(r, "object"), *t = get_str(r, "type");
        if (!s || !o || !t) {
            ng_error("%s: relations[%zu]: needs \"subject\", \"type\" and \"object\" strings",
                     path, k);
            goto out;
        }
        gold_rel *gr = &gd->rels[gd->n_rels];
        if (ng_event_parse(t, &gr->type) != 0) {
            ng_error("%s: relations[%zu]: unknown type '%s'", path, k, t);
            goto out;
        }
        gr->s = gold_actor_index(gd, s);
        gr->o = gold_actor_index(gd, o);
        if (gr->s < 0 || gr->o < 0) {
            ng_error("%s: relations[%zu]: %s '%s' is not an actor id", path, k,
                     gr->s < 0 ? "subject" : "object", gr->s < 0 ? s : o);
            goto out;
        }
        gr->optional = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r, "optional"));
        gd->n_rels++;
        k++;
    }
    rc = 0;
out:
    cJSON_Delete(root);
    if (rc) gold_free(gd);
    return rc;
}

/* ---- the system side ---------------------------------------------------- */

static int ends_with_path(const char *path, const char *doc)
{
    size_t lp = strlen(path), ld = strlen(doc);
    if (lp == ld) return strcmp(path, doc) == 0;
    return lp > ld && path[lp - ld - 1] == '/' && strcmp(path + lp - ld, doc) == 0;
}

static int find_doc(const ng_graph *g, const gold_doc *gd)
{
    if (gd->id)
        for (size_t i = 0; i < g->n_docs; i++)
            if (g->docs[i].id && strcmp(g->docs[i].id, gd->id) == 0) return (int)i;
    for (size_t i = 0; i < g->n_docs; i++)
        if (g->docs[i].path && ends_with_path(g->docs[i].path, gd->doc)) return (int)i;
    const char *slash = strrchr(gd->doc, '/');
    const char *dot = strrchr(slash ? slash + 1 : gd->doc, '.');
    size_t stem = dot ? (size_t)(dot - gd->doc) : strlen(gd->doc);
    for (size_t i = 0; i < g->n_docs; i++) {
        const char *id = g->docs[i].id;
        if (id && strlen(id) == stem && strncmp(id, gd->doc, stem) == 0) return (int)i;
    }
    return -1;
}

/* Items grouped by doc: idx[start[d] .. start[d+1]) are the mention (or
 * relation) indices of doc d.  Built once so scoring N gold docs does not
 * rescan every mention N times. */
typedef struct by_doc {
    size_t *start;
    size_t *idx;
} by_doc;

static void by_doc_build(by_doc *bd, size_t n_docs, size_t n_items, const void *items,
                         size_t stride, size_t doc_off)
{
    bd->start = ng_xcalloc(n_docs + 2, sizeof *bd->start);
    bd->idx = ng_xmalloc((n_items ? n_items : 1) * sizeof *bd->idx);
    const char *base = items;
    for (size_t i = 0; i < n_items; i++) {
        int d;
        memcpy(&d, base + i * stride + doc_off, sizeof d);
        if (d >= 0 && (size_t)d < n_docs) bd->start[d + 2]++;
    }
    for (size_t d = 0; d < n_docs; d++) bd->start[d + 2] += bd->start[d + 1];
    for (size_t i = 0; i < n_items; i++) {
        int d;
        memcpy(&d, base + i * stride + doc_off, sizeof d);
        if (d >= 0 && (size_t)d < n_docs) bd->idx[bd->start[d + 1]++] = i;
    }
}

static void by_doc_free(by_doc *bd)
{
    free(bd->start);
    free(bd->idx);
}

typedef struct eval_ctx {
    const ng_graph *g;
    by_doc mentions, rels;
    ng_strvec *actor_norms;  /* per actor: normalised label + aliases (lazy) */
    int *have_norms;
    int *local;              /* actor -> index in the current doc, or -1 */
    FILE *report;
    int verbose;
    ng_eval_result *res;
} eval_ctx;

static const ng_strvec *actor_norms(eval_ctx *cx, int a)
{
    if (!cx->have_norms[a]) {
        const ng_actor *ac = &cx->g->actors[a];
        if (ac->label) push_norm(&cx->actor_norms[a], ac->label);
        for (size_t i = 0; i < ac->aliases.n; i++) push_norm(&cx->actor_norms[a], ac->aliases.v[i]);
        cx->have_norms[a] = 1;
    }
    return &cx->actor_norms[a];
}

/* One system actor as seen in the current doc. */
typedef struct sys_actor {
    int actor;
    int in_doc;          /* has a mention in the doc */
    ng_strvec names;     /* mention surface forms, normalised */
    unsigned char *match; /* [n gold actors] */
    int any;
} sys_actor;

static int names_meet(const ng_strvec *a, const ng_strvec *b)
{
    for (size_t i = 0; i < a->n; i++)
        if (ng_strvec_contains(b, a->v[i])) return 1;
    return 0;
}

typedef struct key3 {
    int s, o, t;
} key3;

static int key3_cmp(const void *a, const void *b)
{
    const key3 *x = a, *y = b;
    if (x->s != y->s) return x->s < y->s ? -1 : 1;
    if (x->o != y->o) return x->o < y->o ? -1 : 1;
    return (x->t > y->t) - (x->t < y->t);
}

static size_t key3_unique(key3 *k, size_t n)
{
    if (!n) return 0;
    qsort(k, n, sizeof *k, key3_cmp);
    size_t m = 1;
    for (size_t i = 1; i < n; i++)
        if (key3_cmp(&k[i], &k[m - 1]) != 0) k[m++] = k[i];
    return m;
}

static const char *actor_label(const ng_graph *g, int a)
{
    return g->actors[a].label ? g->actors[a].label : g->actors[a].id;
}

/* Score relations (pairs = 0) or pairs (pairs = 1) of one doc.  sys keys
 * hold LOCAL actor indices; t = -1 for pairs. */
static void score_links(eval_ctx *cx, const gold_doc *gd, const char *doc_id,
                        const sys_actor *sa, const key3 *keys, size_t n_keys, int pairs,
                        ng_prf *acc)
{
    /* gold items: for pairs, unordered and merged (required wins) */
    size_t ng = gd->n_rels;
    gold_rel *gold = ng_xcalloc(ng ? ng : 1, sizeof *gold);
    size_t m = 0;
    for (size_t i = 0; i < ng; i++) {
        gold_rel r = gd->rels[i];
        if (pairs) {
            if (r.s > r.o) {
                int t = r.s;
                r.s = r.o;
                r.o = t;
            }
            size_t j;
            for (j = 0; j < m; j++)
                if (gold[j].s == r.s && gold[j].o == r.o) break;
            if (j < m) {
                if (!r.optional) gold[j].optional = 0;
                continue;
            }
        }
        gold[m++] = r;
    }
    unsigned char *found = ng_xcalloc(m ? m : 1, 1);
    const char *what = pairs ? "pair" : "relation";
    for (size_t i = 0; i < n_keys; i++) {
        const sys_actor *s = &sa[keys[i].s], *o = &sa[keys[i].o];
        int sym = pairs || ng_event_symmetric((ng_event_type)keys[i].t);
        int hit_req = 0, hit_opt = 0;
        for (size_t j = 0; j < m; j++) {
            if (!pairs && (int)gold[j].type != keys[i].t) continue;
            int h = (s->match[gold[j].s] && o->match[gold[j].o]) ||
                    (sym && s->match[gold[j].o] && o->match[gold[j].s]);
            if (!h) continue;
            if (gold[j].optional) {
                hit_opt = 1;
            } else {
                hit_req = 1;
                if (!found[j]) {
                    found[j] = 1;
                    acc->tp++;
                    acc->tp_sys++;
                }
            }
        }
        if (!hit_req && !hit_opt) {
            acc->fp++;
            if (cx->report && cx->verbose) {
                if (pairs)
                    fprintf(cx->report, "%s: pair false positive: %s -- %s\n", doc_id,
                            actor_label(cx->g, s->actor), actor_label(cx->g, o->actor));
                else
                    fprintf(cx->report, "%s: relation false positive: %s %s %s\n", doc_id,
                            actor_label(cx->g, s->actor), ng_event_name((ng_event_type)keys[i].t),
                            actor_label(cx->g, o->actor));
            }
        }
    }
    for (size_t j = 0; j < m; j++) {
        if (gold[j].optional || found[j]) continue;
        acc->fn++;
        if (cx->report && cx->verbose) {
            if (pairs)
                fprintf(cx->report, "%s: %s missed: %s -- %s\n", doc_id, what,
                        gd->actors[gold[j].s].id, gd->actors[gold[j].o].id);
            else
                fprintf(cx->report, "%s: %s missed: %s %s %s\n", doc_id, what,
                        gd->actors[gold[j].s].id, ng_event_name(gold[j].type),
                        gd->actors[gold[j].o].id);
        }
    }
    free(found);
    free(gold);
}

static void score_doc(eval_ctx *cx, const gold_doc *gd, int d)
{
    const ng_graph *g = cx->g;
    const char *doc_id = g->docs[d].id;
    ng_eval_result *res = cx->res;

    /* the actors of this doc: mentioned ones, plus relation ends */
    sys_actor *sa = NULL;
    size_t n_sa = 0, cap = 0;
    int *touched = NULL;
#define ADD_LOCAL(A, IN_DOC)                                                  \
    do {                                                                      \
        int a_ = (A);                                                         \
        if (cx->local[a_] < 0) {                                              \
            if (n_sa == cap) {                                                \
                cap = cap ? cap * 2 : 16;                                     \
                sa = ng_xrealloc(sa, cap * sizeof *sa);                       \
                touched = ng_xrealloc(touched, cap * sizeof *touched);        \
            }                                                                 \
            memset(&sa[n_sa], 0, sizeof sa[n_sa]);                            \
            sa[n_sa].actor = a_;                                              \
            touched[n_sa] = a_;                                               \
            cx->local[a_] = (int)n_sa++;                                      \
        }                                                                     \
        if (IN_DOC) sa[cx->local[a_]].in_doc = 1;                             \
    } while (0)

    const by_doc *bm = &cx->mentions, *br = &cx->rels;
    for (size_t i = bm->start[d]; i < bm->start[d + 1]; i++) {
        const ng_mention *mn = &g->mentions[bm->idx[i]];
        if (mn->actor < 0 || (size_t)mn->actor >= g->n_actors) continue;
        ADD_LOCAL(mn->actor, 1);
        if (mn->text) push_norm(&sa[cx->local[mn->actor]].names, mn->text);
    }
    for (size_t i = br->start[d]; i < br->start[d + 1]; i++) {
        const ng_relation *r = &g->rels[br->idx[i]];
        if (r->subject < 0 || (size_t)r->subject >= g->n_actors || r->object < 0 ||
            (size_t)r->object >= g->n_actors)
            continue;
        ADD_LOCAL(r->subject, 0);
        ADD_LOCAL(r->object, 0);
    }
#undef ADD_LOCAL

    /* match matrix */
    for (size_t l = 0; l < n_sa; l++) {
        sa[l].match = ng_xcalloc(gd->n_actors ? gd->n_actors : 1, 1);
        const ng_strvec *known = actor_norms(cx, sa[l].actor);
        for (size_t k = 0; k < gd->n_actors; k++) {
            const ng_strvec *gn = &gd->actors[k].norms;
            if (names_meet(known, gn) || names_meet(&sa[l].names, gn)) {
                sa[l].match[k] = 1;
                sa[l].any = 1;
            }
        }
    }

    /* actors */
    ng_prf *ac = &res->actors;
    for (size_t l = 0; l < n_sa; l++) {
        if (!sa[l].in_doc) continue;
        if (sa[l].any) {
            ac->tp_sys++;
        } else {
            ac->fp++;
            if (cx->report && cx->verbose)
                fprintf(cx->report, "%s: actor false positive: %s [%s]\n", doc_id,
                        actor_label(g, sa[l].actor), g->actors[sa[l].actor].id);
        }
    }
    for (size_t k = 0; k < gd->n_actors; k++) {
        int hit = 0;
        for (size_t l = 0; l < n_sa && !hit; l++) hit = sa[l].in_doc && sa[l].match[k];
        if (hit) {
            ac->tp++;
        } else {
            ac->fn++;
            if (cx->report && cx->verbose)
                fprintf(cx->report, "%s: actor missed: %s [%s]\n", doc_id, gd->actors[k].name,
                        gd->actors[k].id);
        }
    }

    /* relations and pairs: de-duplicate on local indices */
    size_t nr = br->start[d + 1] - br->start[d];
    key3 *rk = ng_xmalloc((nr ? nr : 1) * sizeof *rk);
    key3 *pk = ng_xmalloc((nr ? nr : 1) * sizeof *pk);
    size_t n_rk = 0, n_pk = 0;
    for (size_t i = br->start[d]; i < br->start[d + 1]; i++) {
        const ng_relation *r = &g->rels[br->idx[i]];
        if (r->subject < 0 || (size_t)r->subject >= g->n_actors || r->object < 0 ||
            (size_t)r->object >= g->n_actors)
            continue;
        int s = cx->local[r->subject], o = cx->local[r->object];
        int lo = s < o ? s : o, hi = s < o ? o : s;
        if (ng_event_symmetric(r->type))
            rk[n_rk++] = (key3){lo, hi, (int)r->type};
        else
            rk[n_rk++] = (key3){s, o, (int)r->type};
        pk[n_pk++] = (key3){lo, hi, -1};
    }
    n_rk = key3_unique(rk, n_rk);
    n_pk = key3_unique(pk, n_pk);
    score_links(cx, gd, doc_id, sa, rk, n_rk, 0, &res->relations);
    score_links(cx, gd, doc_id, sa, pk, n_pk, 1, &res->pairs);
    free(rk);
    free(pk);

    for (size_t l = 0; l < n_sa; l++) {
        ng_strvec_free(&sa[l].names);
        free(sa[l].match);
        cx->local[touched[l]] = -1;
    }
    free(sa);
    free(touched);
    res->n_docs++;
}

static void finish(ng_prf *p)
{
    if (p->tp == 0 && p->fp == 0 && p->fn == 0) {
        p->p = p->r = p->f1 = 1.0; /* nothing to find, nothing claimed */
        return;
    }
    p->p = p->tp_sys + p->fp ? (double)p->tp_sys / (double)(p->tp_sys + p->fp) : 0.0;
    p->r = p->tp + p->fn ? (double)p->tp / (double)(p->tp + p->fn) : 0.0;
    p->f1 = p->p + p->r > 0 ? 2 * p->p * p->r / (p->p + p->r) : 0.0;
}

int ng_eval(const ng_graph *g, const char *const *gold_paths, size_t n_gold,
            ng_eval_result *res, FILE *report, int verbose)
{
    memset(res, 0, sizeof *res);
    eval_ctx cx;
    memset(&cx, 0, sizeof cx);
    cx.g = g;
    cx.res = res;
    cx.report = report;
    cx.verbose = verbose;
    by_doc_build(&cx.mentions, g->n_docs, g->n_mentions, g->mentions, sizeof *g->mentions,
                 offsetof(ng_mention, doc));
    by_doc_build(&cx.rels, g->n_docs, g->n_rels, g->rels, sizeof *g->rels,
                 offsetof(ng_relation, doc));
    cx.actor_norms = ng_xcalloc(g->n_actors, sizeof *cx.actor_norms);
    cx.have_norms = ng_xcalloc(g->n_actors, sizeof *cx.have_norms);
    cx.local = ng_xmalloc((g->n_actors ? g->n_actors : 1) * sizeof *cx.local);
    for (size_t i = 0; i < g->n_actors; i++) cx.local[i] = -1;

    int rc = 0;
    for (size_t i = 0; i < n_gold; i++) {
        gold_doc gd;
        if (gold_load(gold_paths[i], &gd) != 0) {
            rc = -1;
            continue;
        }
        int d = find_doc(g, &gd);
        if (d < 0) {
            if (gd.id)
                ng_error("%s: article '%s' (id '%s') is not among the inputs", gold_paths[i],
                         gd.doc, gd.id);
            else
                ng_error("%s: article '%s' is not among the inputs", gold_paths[i], gd.doc);
            rc = -1;
        } else {
            score_doc(&cx, &gd, d);
        }
        gold_free(&gd);
    }
    finish(&res->actors);
    finish(&res->pairs);
    finish(&res->relations);

    by_doc_free(&cx.mentions);
    by_doc_free(&cx.rels);
    for (size_t i = 0; i < g->n_actors; i++) ng_strvec_free(&cx.actor_norms[i]);
    free(cx.actor_norms);
    free(cx.have_norms);
    free(cx.local);
    return rc;
}

int ng_eval_print(const ng_eval_result *r, FILE *out)
{
    const struct {
        const char *name;
        const ng_prf *p;
    } rows[3] = {{"actors", &r->actors}, {"pairs", &r->pairs}, {"relations", &r->relations}};
    for (int i = 0; i < 3; i++) {
        const ng_prf *p = rows[i].p;
        if (fprintf(out, "%-9s P=%.3f R=%.3f F1=%.3f (tp=%zu fp=%zu fn=%zu", rows[i].name, p->p,
                    p->r, p->f1, p->tp, p->fp, p->fn) < 0)
            return -1;
        if (i == 0 && fprintf(out, " tp_sys=%zu", p->tp_sys) < 0) return -1;
        if (fputs(")\n", out) == EOF) return -1;
    }
    return ferror(out) ? -1 : 0;
}
