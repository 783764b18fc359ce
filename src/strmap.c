/* strmap.c - see strmap.h. */
#include "strmap.h"

#include <stdlib.h>
#include <string.h>

#include "ng.h"

void ng_strmap_init(ng_strmap *m)
{
    m->slots = NULL;
    m->n_slots = 0;
    m->n = 0;
}

void ng_strmap_free(ng_strmap *m)
{
    for (size_t i = 0; i < m->n_slots; i++) free(m->slots[i].key);
    free(m->slots);
    ng_strmap_init(m);
}

static void grow(ng_strmap *m)
{
    size_t n = m->n_slots ? m->n_slots * 2 : 64;
    ng_strmap_slot *s = ng_xcalloc(n, sizeof *s);
    for (size_t i = 0; i < m->n_slots; i++) {
        ng_strmap_slot *o = &m->slots[i];
        if (!o->key) continue;
        size_t h = (size_t)o->hash & (n - 1);
        while (s[h].key) h = (h + 1) & (n - 1);
        s[h] = *o;
    }
    free(m->slots);
    m->slots = s;
    m->n_slots = n;
}

int *ng_strmap_get_h(const ng_strmap *m, const char *key, size_t len, uint64_t hash)
{
    if (!m->n_slots) return NULL;
    size_t mask = m->n_slots - 1;
    size_t h = (size_t)hash & mask;
    while (m->slots[h].key) {
        const ng_strmap_slot *s = &m->slots[h];
        if (s->hash == hash && s->len == len && memcmp(s->key, key, len) == 0)
            return (int *)&s->value;
        h = (h + 1) & mask;
    }
    return NULL;
}

int *ng_strmap_get(const ng_strmap *m, const char *key, size_t len)
{
    return ng_strmap_get_h(m, key, len, ng_hash(key, len));
}

int *ng_strmap_put(ng_strmap *m, const char *key, size_t len, int dflt)
{
    uint64_t hash = ng_hash(key, len);
    int *v = ng_strmap_get_h(m, key, len, hash);
    if (v) return v;
    if ((m->n + 1) * 2 > m->n_slots) grow(m);
    size_t mask = m->n_slots - 1;
    size_t h = (size_t)hash & mask;
    while (m->slots[h].key) h = (h + 1) & mask;
    m->slots[h].key = ng_xstrndup(key, len);
    m->slots[h].len = len;
    m->slots[h].hash = hash;
    m->slots[h].value = dflt;
    m->n++;
    return &m->slots[h].value;
}
