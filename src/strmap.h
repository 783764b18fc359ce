/*
 * strmap.h - string -> int map with open addressing.
 *
 * The extractor looks up every token of every article in a few of these
 * (names, verb heads, closed word lists), so they must be cheap: one hash,
 * a short probe, one memcmp.  Keys are copied; values are caller-defined
 * ints (often an index into another array, or a small bit set).
 */
#ifndef NG_STRMAP_H
#define NG_STRMAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct ng_strmap_slot {
    char *key;       /* NULL = empty */
    size_t len;
    uint64_t hash;
    int value;
} ng_strmap_slot;

typedef struct ng_strmap {
    ng_strmap_slot *slots;
    size_t n_slots;  /* power of two */
    size_t n;
} ng_strmap;

void ng_strmap_init(ng_strmap *m);
void ng_strmap_free(ng_strmap *m);
/* Returns a pointer to the value for key, inserting `dflt` when absent. */
int *ng_strmap_put(ng_strmap *m, const char *key, size_t len, int dflt);
/* Returns a pointer to the value, or NULL when absent. */
int *ng_strmap_get(const ng_strmap *m, const char *key, size_t len);
int *ng_strmap_get_h(const ng_strmap *m, const char *key, size_t len, uint64_t hash);

#endif
