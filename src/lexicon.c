/* lexicon.c - load and compile the JSON lexicons (see schema/LEXICON.md). */
#include "lexicon.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "text.h"

void ng_lower_ascii(char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] >= 'A' && s[i] <= 'Z') s[i] = (char)(s[i] + 32);
}

void ng_lexicon_init(ng_lexicon *lx)
{
    memset(lx, 0, sizeof *lx);
}

static void free_strs(char **v, int n)
{
    for (int i = 0; i < n; i++) free(v[i]);
    free(v);
}

void ng_lexicon_free(ng_lexicon *lx)
{
    for (size_t i = 0; i < lx->n_actors; i++) {
        ng_lex_actor *a = &lx->actors[i];
        free(a->id);
        free(a->name);
        free(a->wikidata);
        free(a->affiliation);
        free(a->party);
        free(a->surname);
        ng_strvec_free(&a->aliases);
        for (size_t r = 0; r < a->n_roles; r++) {
            free(a->roles[r].title);
            free(a->roles[r].of);
            free(a->roles[r].from);
            free(a->roles[r].to);
        }
        free(a->roles);
    }
    free(lx->actors);
    ng_strmap_free(&lx->actor_ids);
    for (size_t i = 0; i < lx->n_roles; i++) free(lx->roles[i]);
    free(lx->roles);
    ng_strmap_free(&lx->role_ids);
    ng_strmap_free(&lx->role_body);
    ng_strvec_free(&lx->role_body_ids);
    for (size_t i = 0; i < lx->n_names; i++) {
        free_strs(lx->names[i].toks, lx->names[i].n_tok);
        free_strs(lx->names[i].orig, lx->names[i].n_tok);
    }
    free(lx->names);
    ng_strmap_free(&lx->name_first);
    for (size_t i = 0; i < lx->n_verbs; i++) {
        ng_verb *v = &lx->verbs[i];
        free(v->pattern);
        free(v->file);
        free(v->predicate);
        for (int t = 0; t < v->n_tok; t++) free_strs(v->toks[t].alts, v->toks[t].n_alt);
        free(v->toks);
        free_strs(v->participles, v->n_part);
    }
    free(lx->verbs);
    free(lx->vrefs);
    ng_strmap_free(&lx->verb_first);
    ng_strmap_free(&lx->verb_part);
    ng_strmap_free(&lx->irregular);
    for (size_t i = 0; i < lx->n_irr; i++) free_strs(lx->irr_forms[i], 4);
    free(lx->irr_forms);
    ng_strmap_free(&lx->words);
    ng_strmap_free(&lx->cues);
    ng_strmap_free(&lx->surnames);
    free(lx->people_by_initial);
    ng_lexicon_init(lx);
}

/* ---- error positions ------------------------------------------------- */

static void pos_of(const char *data, size_t len, size_t off, int *line, int *col)
{
    *line = 1;
    *col = 1;
    for (size_t i = 0; i < off && i < len; i++) {
        if (data[i] == '\n') {
            (*line)++;
            *col = 1;
        } else if (((unsigned char)data[i] & 0xC0) != 0x80) {
            (*col)++;
        }
    }
}

/* cJSON does not keep positions of values, so to name the line of a bad
 * entry we look for the first occurrence of its key or string value after
 * the previous hit.  Good enough to point a human at the right place. */
typedef struct lexctx {
    const char *path;
    const char *data;
    size_t len;
    ng_lexicon *lx;
} lexctx;

static void ctx_error(const lexctx *c, const char *needle, const char *fmt, const char *detail)
{
    int line = 0, col = 0;
    if (needle) {
        char *q = ng_xmalloc(strlen(needle) + 3);
        sprintf(q, "\"%s\"", needle);
        /* the buffer need not end in NUL (ng_lexicon_load_buffer): memmem */
        const char *hit = memmem(c->data, c->len, q, strlen(q));
        free(q);
        if (hit) pos_of(c->data, c->len, (size_t)(hit - c->data), &line, &col);
    }
    char msg[512];
    snprintf(msg, sizeof msg, fmt, detail ? detail : "");
    if (line)
        ng_error("%s:%d:%d: %s", c->path, line, col, msg);
    else
        ng_error("%s: %s", c->path, msg);
}

static const char *get_str(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static int check_keys(const lexctx *c, const cJSON *o, const char *const *allowed, const char *what)
{
    for (const cJSON *it = o->child; it; it = it->next) {
        int ok = 0;
        for (const char *const *a = allowed; *a; a++)
            if (it->string && strcmp(it->string, *a) == 0) ok = 1;
        if (!ok) {
            char d[300];
            snprintf(d, sizeof d, "unknown key \"%.100s\" in %.100s", it->string ? it->string : "?", what);
            ctx_error(c, it->string, "%s", d);
            return -1;
        }
    }
    return 0;
}

static int valid_id(const char *s)
{
    if (!*s) return 0;
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
              ch == '_' || ch == '.' || ch == '-' || ch == '%'))
            return 0;
    }
    return 1;
}

static int str_array(const lexctx *c, const cJSON *o, const char *key, ng_strvec *out)
{
    const cJSON *arr = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!arr) return 0;
    if (!cJSON_IsArray(arr)) {
        ctx_error(c, key, "\"%s\" must be an array of strings", key);
        return -1;
    }
    for (const cJSON *it = arr->child; it; it = it->next) {
        if (!cJSON_IsString(it) || !it->valuestring[0]) {
            ctx_error(c, key, "\"%s\" must hold non-empty strings", key);
            return -1;
        }
        ng_strvec_push_unique(out, it->valuestring);
    }
    return 0;
}

/* ---- sections -------------------------------------------------------- */

static int find_lex_actor(const ng_lexicon *lx, const char *id)
{
    int *v = ng_strmap_get(&lx->actor_ids, id, strlen(id));
    return v ? *v : -1;
}

static int load_actor(lexctx *c, const cJSON *o)
{
    static const char *const keys[] = {"id", "type", "name", "aliases", "codes", "adjectives",
                                       "capitals", "metonyms", "affiliation", "party", "roles", "gender",
                                       "wikidata", NULL};
    ng_lexicon *lx = c->lx;
    if (!cJSON_IsObject(o)) {
        ctx_error(c, "actors", "%s", "each entry of \"actors\" must be an object");
        return -1;
    }
    const char *id = get_str(o, "id");
    if (!id || !valid_id(id)) {
        ctx_error(c, id ? id : "actors", "actor without a valid \"id\" ([A-Za-z0-9_.-]+): %s", id ? id : "(missing)");
        return -1;
    }
    if (check_keys(c, o, keys, id) < 0) return -1;
    const char *type = get_str(o, "type");
    const char *name = get_str(o, "name");
    int idx = find_lex_actor(lx, id);
    if (idx < 0) {
        ng_actor_type t;
        if (!type || ng_actor_type_parse(type, &t) < 0) {
            ctx_error(c, id, "actor \"%s\": \"type\" must be Person, Organization or Country", id);
            return -1;
        }
        if (!name || !name[0]) {
            ctx_error(c, id, "actor \"%s\" has no \"name\"", id);
            return -1;
        }
        NG_GROW(lx->actors, lx->n_actors, lx->cap_actors);
        idx = (int)lx->n_actors++;
        ng_lex_actor *a = &lx->actors[idx];
        memset(a, 0, sizeof *a);
        a->id = ng_xstrdup(id);
        a->type = t;
        a->name = ng_xstrdup(name);
        *ng_strmap_put(&lx->actor_ids, id, strlen(id), idx) = idx;
    } else {
        ng_lex_actor *a = &lx->actors[idx];
        if (type) {
            ng_actor_type t;
            if (ng_actor_type_parse(type, &t) < 0) {
                ctx_error(c, id, "actor \"%s\": bad \"type\"", id);
                return -1;
            }
            a->type = t;
        }
        if (name && name[0]) {
            free(a->name);
            a->name = ng_xstrdup(name);
        }
    }
    ng_lex_actor *a = &lx->actors[idx];
    const char *w = get_str(o, "wikidata");
    if (w) {
        free(a->wikidata);
        a->wikidata = ng_xstrdup(w);
    }
    const char *af = get_str(o, "affiliation");
    if (af) {
        free(a->affiliation);
        a->affiliation = ng_xstrdup(af);
    }
    const char *pt = get_str(o, "party");
    if (pt) {
        free(a->party);
        a->party = ng_xstrdup(pt);
    }
    const char *g = get_str(o, "gender");
    if (g) a->gender = g[0];
    /* All surface forms go to aliases with a one-char kind prefix, decoded
     * at compile time: A alias, C code, J adjective, P place. */
    static const struct {
        const char *key;
        char kind;
    } lists[] = {{"aliases", 'A'}, {"codes", 'C'}, {"adjectives", 'J'}, {"capitals", 'P'}, {"metonyms", 'P'}};
    for (size_t k = 0; k < sizeof lists / sizeof lists[0]; k++) {
        ng_strvec tmp = {0};
        if (str_array(c, o, lists[k].key, &tmp) < 0) {
            ng_strvec_free(&tmp);
            return -1;
        }
        for (size_t i = 0; i < tmp.n; i++) {
            char *s = ng_xmalloc(strlen(tmp.v[i]) + 2);
            s[0] = lists[k].kind;
            strcpy(s + 1, tmp.v[i]);
            ng_strvec_push_unique(&a->aliases, s);
            free(s);
        }
        ng_strvec_free(&tmp);
    }
    const cJSON *roles = cJSON_GetObjectItemCaseSensitive(o, "roles");
    if (roles) {
        if (!cJSON_IsArray(roles)) {
            ctx_error(c, id, "actor \"%s\": \"roles\" must be an array", id);
            return -1;
        }
        for (const cJSON *r = roles->child; r; r = r->next) {
            static const char *const rkeys[] = {"title", "of", "from", "to", NULL};
            const char *title = cJSON_IsObject(r) ? get_str(r, "title") : NULL;
            if (!title) {
                ctx_error(c, id, "actor \"%s\": each role needs a \"title\"", id);
                return -1;
            }
            if (check_keys(c, r, rkeys, "role") < 0) return -1;
            a->roles = ng_xrealloc(a->roles, (a->n_roles + 1) * sizeof *a->roles);
            ng_lex_role *lr = &a->roles[a->n_roles++];
            lr->title = ng_xstrdup(title);
            const char *s;
            lr->of = (s = get_str(r, "of")) ? ng_xstrdup(s) : NULL;
            lr->from = (s = get_str(r, "from")) ? ng_xstrdup(s) : NULL;
            lr->to = (s = get_str(r, "to")) ? ng_xstrdup(s) : NULL;
        }
    }
    return 0;
}

static int add_role(ng_lexicon *lx, const char *title, char kind)
{
    /* kind: R person title, H honorific, O org head */
    char *key = ng_xmalloc(strlen(title) + 2);
    key[0] = kind;
    strcpy(key + 1, title);
    ng_lower_ascii(key + 1, strlen(key + 1));
    int *v = ng_strmap_put(&lx->role_ids, key, strlen(key), -1);
    if (*v < 0) {
        NG_GROW(lx->roles, lx->n_roles, lx->cap_roles);
        lx->roles[lx->n_roles] = ng_xmalloc(strlen(title) + 2);
        lx->roles[lx->n_roles][0] = kind;
        strcpy(lx->roles[lx->n_roles] + 1, title);
        *v = (int)lx->n_roles++;
    }
    free(key);
    return *v;
}

static int load_roles(lexctx *c, const cJSON *o)
{
    static const char *const keys[] = {"person", "honorifics", "org_heads", "org_modifiers", "bodies", NULL};
    if (!cJSON_IsObject(o)) {
        ctx_error(c, "roles", "%s", "\"roles\" must be an object");
        return -1;
    }
    if (check_keys(c, o, keys, "roles") < 0) return -1;
    /* "bodies": a title that names the body it is held in ("law lord":
     * the House of Lords); the title is a person title too */
    const cJSON *bodies = cJSON_GetObjectItemCaseSensitive(o, "bodies");
    if (bodies) {
        if (!cJSON_IsObject(bodies)) {
            ctx_error(c, "bodies", "%s", "\"roles\".\"bodies\" must be an object of title -> actor id");
            return -1;
        }
        for (const cJSON *it = bodies->child; it; it = it->next) {
            if (!cJSON_IsString(it) || !valid_id(it->valuestring)) {
                ctx_error(c, it->string, "roles.bodies: \"%s\" needs an actor id", it->string);
                return -1;
            }
            add_role(c->lx, it->string, 'R');
            size_t n = strlen(it->string);
            char *l = ng_xstrndup(it->string, n);
            ng_lower_ascii(l, n);
            *ng_strmap_put(&c->lx->role_body, l, n, 0) = (int)c->lx->role_body_ids.n;
            ng_strvec_push(&c->lx->role_body_ids, it->valuestring);
            free(l);
        }
    }
    static const struct {
        const char *key;
        char kind;
    } lists[] = {{"person", 'R'}, {"honorifics", 'H'}, {"org_heads", 'O'}, {"org_modifiers", 'M'}};
    for (size_t k = 0; k < 4; k++) {
        ng_strvec tmp = {0};
        if (str_array(c, o, lists[k].key, &tmp) < 0) {
            ng_strvec_free(&tmp);
            return -1;
        }
        for (size_t i = 0; i < tmp.n; i++) add_role(c->lx, tmp.v[i], lists[k].kind);
        ng_strvec_free(&tmp);
    }
    return 0;
}

static void add_word(ng_lexicon *lx, const char *w, int bit)
{
    size_t n = strlen(w);
    char *l = ng_xstrndup(w, n);
    ng_lower_ascii(l, n);
    *ng_strmap_put(&lx->words, l, n, 0) |= bit;
    free(l);
}

static int load_words(lexctx *c, const cJSON *o)
{
    static const char *const keys[] = {"negators", "hypothetical", "abbreviations", "not_names",
                                       "connectors", "function", "given_names_male", "given_names_female",
                                       "not_orgs", NULL};
    if (!cJSON_IsObject(o)) {
        ctx_error(c, "words", "%s", "\"words\" must be an object");
        return -1;
    }
    if (check_keys(c, o, keys, "words") < 0) return -1;
    static const struct {
        const char *key;
        int bit;
    } lists[] = {{"negators", NG_W_NEGATOR}, {"hypothetical", NG_W_HYPOTHETICAL},
                 {"abbreviations", NG_W_ABBREV}, {"not_names", NG_W_NOT_NAME},
                 {"connectors", NG_W_CONNECTOR}, {"function", NG_W_FUNCTION},
                 {"given_names_male", NG_W_GIVEN_M}, {"given_names_female", NG_W_GIVEN_F},
                 {"not_orgs", NG_W_NOT_ORG}};
    for (size_t k = 0; k < sizeof lists / sizeof lists[0]; k++) {
        ng_strvec tmp = {0};
        if (str_array(c, o, lists[k].key, &tmp) < 0) {
            ng_strvec_free(&tmp);
            return -1;
        }
        for (size_t i = 0; i < tmp.n; i++) add_word(c->lx, tmp.v[i], lists[k].bit);
        ng_strvec_free(&tmp);
    }
    return 0;
}

static int load_cues(lexctx *c, const cJSON *o)
{
    if (!cJSON_IsObject(o)) {
        ctx_error(c, "cues", "%s", "\"cues\" must be an object of event type -> words");
        return -1;
    }
    for (const cJSON *it = o->child; it; it = it->next) {
        ng_event_type t;
        if (ng_event_parse(it->string, &t) < 0) {
            ctx_error(c, it->string, "unknown event type \"%s\" in \"cues\"", it->string);
            return -1;
        }
        ng_strvec tmp = {0};
        if (str_array(c, o, it->string, &tmp) < 0) {
            ng_strvec_free(&tmp);
            return -1;
        }
        for (size_t i = 0; i < tmp.n; i++) {
            size_t n = strlen(tmp.v[i]);
            ng_lower_ascii(tmp.v[i], n);
            *ng_strmap_put(&c->lx->cues, tmp.v[i], n, 0) = (int)t + 1;
        }
        ng_strvec_free(&tmp);
    }
    return 0;
}

static int load_events(lexctx *c, const cJSON *o)
{
    if (!cJSON_IsObject(o)) {
        ctx_error(c, "events", "%s", "\"events\" must be an object");
        return -1;
    }
    for (const cJSON *it = o->child; it; it = it->next) {
        ng_event_type t;
        if (ng_event_parse(it->string, &t) < 0) {
            ctx_error(c, it->string, "unknown event type \"%s\"", it->string);
            return -1;
        }
        const cJSON *s = cJSON_GetObjectItemCaseSensitive(it, "score");
        if (!cJSON_IsNumber(s) || s->valuedouble < -10 || s->valuedouble > 10) {
            ctx_error(c, it->string, "event \"%s\" needs a numeric \"score\" in -10..10", it->string);
            return -1;
        }
        ng_event_score[t] = s->valuedouble;
    }
    return 0;
}

static int valid_predicate(const char *s)
{
    if (!*s) return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z'))) return 0;
    return 1;
}

static int load_verbs(lexctx *c, const cJSON *o)
{
    static const char *const keys[] = {"pattern", "predicate", "type", "passive", "speech",
                                       "inverse", "reciprocal", "confidence", NULL};
    ng_lexicon *lx = c->lx;
    if (!cJSON_IsArray(o)) {
        ctx_error(c, "verbs", "%s", "\"verbs\" must be an array");
        return -1;
    }
    for (const cJSON *it = o->child; it; it = it->next) {
        const char *pat = cJSON_IsObject(it) ? get_str(it, "pattern") : NULL;
        if (!pat || !pat[0]) {
            ctx_error(c, "verbs", "%s", "each verb needs a \"pattern\"");
            return -1;
        }
        if (check_keys(c, it, keys, pat) < 0) return -1;
        const char *pred = get_str(it, "predicate");
        if (!pred || !valid_predicate(pred)) {
            ctx_error(c, pat, "verb \"%s\": \"predicate\" must be camelCase letters", pat);
            return -1;
        }
        const cJSON *ty = cJSON_GetObjectItemCaseSensitive(it, "type");
        int type = -1;
        if (cJSON_IsString(ty)) {
            ng_event_type t;
            if (ng_event_parse(ty->valuestring, &t) < 0) {
                ctx_error(c, pat, "verb \"%s\": unknown event type", pat);
                return -1;
            }
            type = (int)t;
        } else if (ty && !cJSON_IsNull(ty)) {
            ctx_error(c, pat, "verb \"%s\": \"type\" must be an event type or null", pat);
            return -1;
        }
        NG_GROW(lx->verbs, lx->n_verbs, lx->cap_verbs);
        ng_verb *v = &lx->verbs[lx->n_verbs++];
        memset(v, 0, sizeof *v);
        v->pattern = ng_xstrdup(pat);
        v->file = ng_xstrdup(c->path);
        v->predicate = ng_xstrdup(pred);
        v->type = type;
        v->passive = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(it, "passive"));
        v->speech = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(it, "speech"));
        v->inverse = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(it, "inverse"));
        v->reciprocal = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(it, "reciprocal"));
        const cJSON *cf = cJSON_GetObjectItemCaseSensitive(it, "confidence");
        v->confidence = cJSON_IsNumber(cf) ? cf->valuedouble : 0.8;
        if (v->confidence < 0 || v->confidence > 1) {
            ctx_error(c, pat, "verb \"%s\": confidence must be within 0..1", pat);
            return -1;
        }
        if (type < 0 && !v->speech) {
            ctx_error(c, pat, "verb \"%s\": a null type is only allowed for speech verbs", pat);
            return -1;
        }
    }
    return 0;
}

static int load_irregular(lexctx *c, const cJSON *o)
{
    ng_lexicon *lx = c->lx;
    if (!cJSON_IsObject(o)) {
        ctx_error(c, "irregular", "%s", "\"irregular\" must be an object");
        return -1;
    }
    for (const cJSON *it = o->child; it; it = it->next) {
        if (!cJSON_IsArray(it) || cJSON_GetArraySize(it) != 4) {
            ctx_error(c, it->string, "irregular \"%s\" needs [3rd person, past, participle, -ing]", it->string);
            return -1;
        }
        char **forms = ng_xcalloc(4, sizeof *forms);
        int i = 0;
        for (const cJSON *f = it->child; f; f = f->next, i++) {
            if (!cJSON_IsString(f)) {
                free_strs(forms, 4);
                ctx_error(c, it->string, "irregular \"%s\": forms must be strings", it->string);
                return -1;
            }
            forms[i] = ng_xstrdup(f->valuestring);
            ng_lower_ascii(forms[i], strlen(forms[i]));
        }
        int *slot = ng_strmap_put(&lx->irregular, it->string, strlen(it->string), -1);
        if (*slot >= 0) {
            free_strs(lx->irr_forms[*slot], 4);
            lx->irr_forms[*slot] = forms;
        } else {
            lx->irr_forms = ng_xrealloc(lx->irr_forms, (lx->n_irr + 1) * sizeof *lx->irr_forms);
            lx->irr_forms[lx->n_irr] = forms;
            *slot = (int)lx->n_irr++;
        }
    }
    return 0;
}

int ng_lexicon_load_buffer(ng_lexicon *lx, const char *path, const char *data, size_t len)
{
    lexctx c = {path, data, len, lx};
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(data, len, &end, 0);
    if (!root) {
        const char *ep = cJSON_GetErrorPtr();
        size_t off = (ep && ep >= data && ep <= data + len) ? (size_t)(ep - data) : 0;
        int line, col;
        pos_of(data, len, off, &line, &col);
        ng_error("%s:%d:%d: invalid JSON (or nested deeper than %d levels)", path, line, col,
                 CJSON_NESTING_LIMIT);
        return -1;
    }
    int rc = 0;
    if (!cJSON_IsObject(root)) {
        ng_error("%s:1:1: a lexicon must be a JSON object", path);
        rc = -1;
    }
    for (const cJSON *it = rc ? NULL : root->child; it && rc == 0; it = it->next) {
        const char *k = it->string;
        if (strcmp(k, "actors") == 0) {
            if (!cJSON_IsArray(it)) {
                ctx_error(&c, k, "%s", "\"actors\" must be an array");
                rc = -1;
                break;
            }
            for (const cJSON *a = it->child; a && rc == 0; a = a->next) rc = load_actor(&c, a);
        } else if (strcmp(k, "roles") == 0) {
            rc = load_roles(&c, it);
        } else if (strcmp(k, "verbs") == 0) {
            rc = load_verbs(&c, it);
        } else if (strcmp(k, "irregular") == 0) {
            rc = load_irregular(&c, it);
        } else if (strcmp(k, "events") == 0) {
            rc = load_events(&c, it);
        } else if (strcmp(k, "words") == 0) {
            rc = load_words(&c, it);
        } else if (strcmp(k, "cues") == 0) {
            rc = load_cues(&c, it);
        } else {
            ctx_error(&c, k, "unknown section \"%s\" (expected actors, roles, verbs, irregular, events, words, cues)", k);
            rc = -1;
        }
    }
    cJSON_Delete(root);
    lx->compiled = 0;
    return rc;
}

int ng_lexicon_load_file(ng_lexicon *lx, const char *path)
{
    char *data;
    size_t len;
    if (ng_read_file(path, &data, &len) < 0) return -1;
    int rc = ng_lexicon_load_buffer(lx, path, data, len);
    free(data);
    return rc;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int ng_lexicon_load_dir(ng_lexicon *lx, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        ng_error("%s: cannot open lexicon directory: %s", dir, strerror(errno));
        return -1;
    }
    ng_strvec files = {0};
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t n = strlen(e->d_name);
        if (e->d_name[0] != '.' && n > 5 && strcmp(e->d_name + n - 5, ".json") == 0)
            ng_strvec_push(&files, e->d_name);
    }
    closedir(d);
    qsort(files.v, files.n, sizeof *files.v, cmp_str);
    int rc = 0;
    for (size_t i = 0; i < files.n && rc == 0; i++) {
        char *p = ng_xmalloc(strlen(dir) + strlen(files.v[i]) + 2);
        sprintf(p, "%s/%s", dir, files.v[i]);
        rc = ng_lexicon_load_file(lx, p);
        free(p);
    }
    ng_strvec_free(&files);
    return rc;
}

const char *ng_schema_dir(void)
{
    static char buf[4096];
    /* Next to the installed program (PREFIX/bin/newsgraph ->
     * PREFIX/share/newsgraph/schema), so `cmake --install --prefix` anywhere
     * works without rebuilding. */
    static char rel[4096];
    rel[0] = '\0';
    ssize_t n = readlink("/proc/self/exe", rel, sizeof rel - 40);
    if (n > 0) {
        rel[n] = '\0';
        char *slash = strrchr(rel, '/');
        if (slash) {
            *slash = '\0';
            slash = strrchr(rel, '/');
            if (slash) strcpy(slash, "/share/newsgraph/schema");
            else rel[0] = '\0';
        }
    } else {
        rel[0] = '\0';
    }
    const char *cands[4] = {getenv("NEWSGRAPH_SCHEMA"), NG_SCHEMA_SOURCE_DIR, rel, NG_SCHEMA_INSTALL_DIR};
    for (int i = 0; i < 4; i++) {
        struct stat st;
        if (!cands[i] || !cands[i][0]) continue;
        snprintf(buf, sizeof buf, "%s/lexicon", cands[i]);
        if (stat(buf, &st) == 0 && S_ISDIR(st.st_mode)) {
            snprintf(buf, sizeof buf, "%s", cands[i]);
            return buf;
        }
    }
    return NULL;
}

int ng_lexicon_word(const ng_lexicon *lx, const char *lower, size_t len)
{
    int *v = ng_strmap_get(&lx->words, lower, len);
    return v ? *v : 0;
}

/* ---- compile ---------------------------------------------------------- */

/* Split a lexicon string with the article tokenizer so that names match
 * exactly the tokens the extractor sees ("Russia's" -> Russia 's). */
static int tokenize_name(const char *s, char ***lower, char ***orig)
{
    ng_tokens tk;
    ng_tokenize(s, strlen(s), &tk);
    int n = (int)tk.n;
    *lower = ng_xcalloc((size_t)(n ? n : 1), sizeof **lower);
    *orig = ng_xcalloc((size_t)(n ? n : 1), sizeof **orig);
    for (int i = 0; i < n; i++) {
        size_t len = tk.v[i].end - tk.v[i].start;
        (*orig)[i] = ng_xstrndup(s + tk.v[i].start, len);
        (*lower)[i] = ng_xstrndup(s + tk.v[i].start, len);
        ng_lower_ascii((*lower)[i], len);
    }
    ng_tokens_free(&tk);
    return n;
}

static int all_caps(const char *s)
{
    int letters = 0;
    for (; *s; s++) {
        if (*s >= 'a' && *s <= 'z') return 0;
        if (*s >= 'A' && *s <= 'Z') letters++;
    }
    return letters >= 2;
}

static void add_name(ng_lexicon *lx, const char *s, ng_name_kind kind, int target, int exact)
{
    char **low, **orig;
    int n = tokenize_name(s, &low, &orig);
    if (n == 0) {
        free(low);
        free(orig);
        return;
    }
    /* The same surface may be listed twice (alias of one actor, adjective of
     * another): keep the first, deterministic by load order. */
    int *head = ng_strmap_put(&lx->name_first, low[0], strlen(low[0]), -1);
    for (int i = *head; i >= 0; i = lx->names[i].next) {
        ng_lex_name *o = &lx->names[i];
        if (o->n_tok != n || o->kind != kind) continue;
        int same = 1;
        for (int t = 0; t < n && same; t++)
            same = exact || o->exact ? strcmp(o->orig[t], orig[t]) == 0 : strcmp(o->toks[t], low[t]) == 0;
        if (same) {
            free_strs(low, n);
            free_strs(orig, n);
            return;
        }
    }
    NG_GROW(lx->names, lx->n_names, lx->cap_names);
    ng_lex_name *nm = &lx->names[lx->n_names];
    nm->toks = low;
    nm->orig = orig;
    nm->n_tok = n;
    nm->kind = kind;
    nm->target = target;
    nm->exact = exact;
    nm->next = *head;
    *head = (int)lx->n_names++;
}

static char *inflect(const ng_lexicon *lx, const char *base, int form)
{
    /* form: 0 base, 1 third person, 2 past, 3 participle, 4 -ing */
    if (form == 0) return ng_xstrdup(base);
    int *irr = ng_strmap_get(&lx->irregular, base, strlen(base));
    if (irr) return ng_xstrdup(lx->irr_forms[*irr][form - 1]);
    size_t n = strlen(base);
    char last = n ? base[n - 1] : 0, prev = n > 1 ? base[n - 2] : 0;
    int cons_y = last == 'y' && !strchr("aeiou", prev);
    ng_buf b;
    ng_buf_init(&b);
    switch (form) {
    case 1:
        if (cons_y) {
            ng_buf_append(&b, base, n - 1);
            ng_buf_puts(&b, "ies");
        } else {
            ng_buf_puts(&b, base);
            if (last == 's' || last == 'x' || last == 'z' || last == 'o' ||
                (last == 'h' && (prev == 's' || prev == 'c')))
                ng_buf_puts(&b, "es");
            else
                ng_buf_putc(&b, 's');
        }
        break;
    case 2:
    case 3:
        if (cons_y) {
            ng_buf_append(&b, base, n - 1);
            ng_buf_puts(&b, "ied");
        } else {
            ng_buf_puts(&b, base);
            ng_buf_puts(&b, last == 'e' ? "d" : "ed");
        }
        break;
    default:
        if (n > 2 && last == 'e' && prev == 'i') {
            ng_buf_append(&b, base, n - 2);
            ng_buf_puts(&b, "ying");
        } else if (n > 2 && last == 'e' && prev != 'e' && prev != 'y' && prev != 'o') {
            ng_buf_append(&b, base, n - 1);
            ng_buf_puts(&b, "ing");
        } else {
            ng_buf_puts(&b, base);
            ng_buf_puts(&b, "ing");
        }
    }
    return ng_buf_steal(&b);
}

static void add_vref(ng_lexicon *lx, ng_strmap *m, const char *word, int verb)
{
    int *head = ng_strmap_put(m, word, strlen(word), -1);
    for (int r = *head; r >= 0; r = lx->vrefs[r].next)
        if (lx->vrefs[r].verb == verb) return;
    NG_GROW(lx->vrefs, lx->n_vrefs, lx->cap_vrefs);
    lx->vrefs[lx->n_vrefs].verb = verb;
    lx->vrefs[lx->n_vrefs].next = *head;
    *head = (int)lx->n_vrefs++;
}

static int compile_verb(ng_lexicon *lx, int vi)
{
    ng_verb *v = &lx->verbs[vi];
    /* Split on spaces: each word may be "a|an|the", "word?", "=word", "X". */
    char *copy = ng_xstrdup(v->pattern);
    char *save = NULL;
    int head_done = 0;
    for (char *w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
        v->toks = ng_xrealloc(v->toks, (size_t)(v->n_tok + 1) * sizeof *v->toks);
        ng_vtok *t = &v->toks[v->n_tok++];
        memset(t, 0, sizeof *t);
        size_t wl = strlen(w);
        if (wl > 1 && w[wl - 1] == '?') {
            t->optional = 1;
            w[--wl] = '\0';
        }
        if (strcmp(w, "X") == 0) {
            t->slot = 1;
            continue;
        }
        int literal = 0;
        if (w[0] == '=') {
            literal = 1;
            w++;
        }
        ng_lower_ascii(w, strlen(w));
        char *save2 = NULL;
        for (char *alt = strtok_r(w, "|", &save2); alt; alt = strtok_r(NULL, "|", &save2)) {
            if (!head_done && !literal) {
                for (int f = 0; f < 5; f++) {
                    char *form = inflect(lx, alt, f);
                    t->alts = ng_xrealloc(t->alts, (size_t)(t->n_alt + 1) * sizeof *t->alts);
                    t->alts[t->n_alt++] = form;
                    if (f == 3) {
                        v->participles = ng_xrealloc(v->participles, (size_t)(v->n_part + 1) * sizeof *v->participles);
                        v->participles[v->n_part++] = ng_xstrdup(form);
                    }
                }
            } else {
                t->alts = ng_xrealloc(t->alts, (size_t)(t->n_alt + 1) * sizeof *t->alts);
                t->alts[t->n_alt++] = ng_xstrdup(alt);
            }
        }
        head_done = 1;
    }
    free(copy);
    if (v->n_tok == 0 || v->toks[0].slot || v->toks[0].optional || v->toks[0].n_alt == 0) return -1;
    for (int a = 0; a < v->toks[0].n_alt; a++) add_vref(lx, &lx->verb_first, v->toks[0].alts[a], vi);
    /* A pattern that is just a transitive verb ("criticise", "back")
     * has a passive whether or not the lexicon says so: "X was backed by
     * Y".  Longer patterns ("call on X to") only when marked. */
    int bare = v->n_tok == 1 && v->type >= 0 && !v->inverse;
    if (v->passive || bare)
        for (int p = 0; p < v->n_part; p++) add_vref(lx, &lx->verb_part, v->participles[p], vi);
    if (v->speech && v->type < 0)
        for (int a = 0; a < v->toks[0].n_alt; a++) add_word(lx, v->toks[0].alts[a], NG_W_SPEECH);
    return 0;
}

int ng_lexicon_compile(ng_lexicon *lx)
{
    if (lx->compiled) return 0;
    for (size_t i = 0; i < lx->n_actors; i++) {
        ng_lex_actor *a = &lx->actors[i];
        if (a->affiliation && find_lex_actor(lx, a->affiliation) < 0)
            ng_warn("lexicon: actor \"%s\": affiliation \"%s\" is not a known actor id", a->id, a->affiliation);
        if (i == 0)
            for (size_t b = 0; b < lx->role_body_ids.n; b++)
                if (find_lex_actor(lx, lx->role_body_ids.v[b]) < 0)
                    ng_warn("lexicon: roles.bodies: \"%s\" is not a known actor id", lx->role_body_ids.v[b]);
        if (a->party && find_lex_actor(lx, a->party) < 0)
            ng_warn("lexicon: actor \"%s\": party \"%s\" is not a known actor id", a->id, a->party);
        add_name(lx, a->name, NG_NK_ACTOR, (int)i, all_caps(a->name));
        for (size_t k = 0; k < a->aliases.n; k++) {
            const char *s = a->aliases.v[k] + 1;
            switch (a->aliases.v[k][0]) {
            case 'C': add_name(lx, s, NG_NK_ACTOR, (int)i, 1); break;
            case 'J': {
                add_name(lx, s, NG_NK_ADJ, (int)i, 0);
                /* "the Russians", "Gibraltarians", "Israelis": the plural of
                 * a demonym in -n or -i names the country as an actor */
                size_t sl = strlen(s);
                if (sl > 3 && (s[sl - 1] == 'n' || s[sl - 1] == 'i') && !strchr(s, ' ')) {
                    char *pl = ng_xmalloc(sl + 2);
                    memcpy(pl, s, sl);
                    pl[sl] = 's';
                    pl[sl + 1] = '\0';
                    add_name(lx, pl, NG_NK_ACTOR, (int)i, 0);
                    free(pl);
                }
                break;
            }
            case 'P': add_name(lx, s, NG_NK_PLACE, (int)i, all_caps(s)); break;
            default: add_name(lx, s, NG_NK_ACTOR, (int)i, all_caps(s)); break;
            }
        }
        if (a->type == NG_PERSON) {
            const char *sp = strrchr(a->name, ' ');
            free(a->surname);
            a->surname = ng_xstrdup(sp ? sp + 1 : a->name);
            a->surname_len = strlen(a->surname);
            ng_lower_ascii(a->surname, a->surname_len);
            (*ng_strmap_put(&lx->surnames, a->surname, a->surname_len, 0))++;
        }
    }
    /* bucket the people by surname initial (a counting sort: stable, so
     * each bucket keeps actor order and matching stays deterministic) */
    {
        size_t count[28] = {0};
        for (size_t i = 0; i < lx->n_actors; i++)
            if (lx->actors[i].type == NG_PERSON && lx->actors[i].surname)
                count[ng_lex_initial_bucket(lx->actors[i].surname[0]) + 1]++;
        for (int b = 1; b < 28; b++) count[b] += count[b - 1];
        memcpy(lx->initial_start, count, sizeof count);
        free(lx->people_by_initial);
        lx->people_by_initial = ng_xmalloc((count[27] ? count[27] : 1) * sizeof *lx->people_by_initial);
        for (size_t i = 0; i < lx->n_actors; i++)
            if (lx->actors[i].type == NG_PERSON && lx->actors[i].surname)
                lx->people_by_initial[count[ng_lex_initial_bucket(lx->actors[i].surname[0])]++] = i;
    }
    for (size_t i = 0; i < lx->n_roles; i++) {
        const char *r = lx->roles[i];
        switch (r[0]) {
        case 'R': add_name(lx, r + 1, NG_NK_ROLE, (int)i, 0); break;
        case 'H': add_name(lx, r + 1, NG_NK_HONORIFIC, (int)i, 0); break;
        case 'O': add_name(lx, r + 1, NG_NK_ORGHEAD, (int)i, 0); break;
        default: break; /* org modifiers are only consulted as words */
        }
    }
    for (size_t i = 0; i < lx->n_verbs; i++)
        if (compile_verb(lx, (int)i) < 0) {
            ng_error("%s: verb pattern \"%s\" must start with a word (not X and not "
                     "an optional word?)",
                     lx->verbs[i].file, lx->verbs[i].pattern);
            return -1;
        }
    lx->compiled = 1;
    return 0;
}
