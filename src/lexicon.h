/*
 * lexicon.h - the JSON lexicons (schema/LEXICON.md) compiled for matching.
 *
 * Loading turns every name, alias, code, adjective, role title and verb
 * pattern into token sequences keyed by their first lower-cased token, so
 * the extractor can try all entries that could start at a token with one
 * hash lookup.  The lexicon is read-only after loading and shared by every
 * article (and every thread).
 */
#ifndef NG_LEXICON_H
#define NG_LEXICON_H

#include "model.h"
#include "strmap.h"

typedef struct ng_lex_role {
    char *title, *of, *from, *to;  /* of/from/to may be NULL */
} ng_lex_role;

typedef struct ng_lex_actor {
    char *id, *name, *wikidata, *affiliation; /* affiliation: actor id or NULL */
    char *party;                 /* people: id of their political party, or NULL */
    ng_actor_type type;
    char gender;                 /* 'm', 'f' or 0 */
    ng_strvec aliases;
    ng_lex_role *roles;
    size_t n_roles;
    char *surname;               /* lower-case last token of name (people), for fuzzy match */
    size_t surname_len;
} ng_lex_actor;

/* What a matched name means. */
typedef enum ng_name_kind {
    NG_NK_ACTOR = 0,  /* name / alias / code: target = lexicon actor */
    NG_NK_ADJ,        /* "French": target = country actor */
    NG_NK_PLACE,      /* capital or metonym: target = country actor */
    NG_NK_ROLE,       /* person title: target = role index */
    NG_NK_HONORIFIC,  /* "Mr" */
    NG_NK_ORGHEAD,    /* "Ministry" (single word or phrase) */
    NG_NK_COUNT
} ng_name_kind;

typedef struct ng_lex_name {
    char **toks;       /* lower-cased tokens */
    char **orig;       /* tokens as written in the lexicon (for exact-case names) */
    int n_tok;
    ng_name_kind kind;
    int target;
    int exact;         /* 1: all-capitals name that must match case exactly */
    int next;          /* next name with the same first token, -1 ends */
} ng_lex_name;

typedef struct ng_vtok {
    char **alts;       /* lower-case alternatives */
    int n_alt;
    int optional;
    int slot;          /* the object slot X */
} ng_vtok;

typedef struct ng_verb {
    char *pattern;
    char *file;        /* lexicon file it came from, for messages */
    char *predicate;
    int type;          /* ng_event_type, or -1 for a speech-only verb */
    int passive, speech, inverse;
    int reciprocal;    /* "Labour and the Tories clashed": the subjects act on each other */
    double confidence;
    ng_vtok *toks;
    int n_tok;
    char **participles; /* forms used for the passive ("accused") */
    int n_part;
} ng_verb;

typedef struct ng_verb_ref {
    int verb;
    int next;          /* -1 ends */
} ng_verb_ref;

/* Bits stored in ng_lexicon.words. */
enum {
    NG_W_NEGATOR = 1 << 0,
    NG_W_HYPOTHETICAL = 1 << 1,
    NG_W_ABBREV = 1 << 2,
    NG_W_NOT_NAME = 1 << 3,
    NG_W_SPEECH = 1 << 4,      /* head form of a speech verb */
    NG_W_CONNECTOR = 1 << 5,   /* lower-case word allowed inside names: of, de, van */
    NG_W_PRONOUN_M = 1 << 6,
    NG_W_PRONOUN_F = 1 << 7,
    NG_W_PRONOUN_N = 1 << 8,   /* it, they */
    NG_W_FUNCTION = 1 << 9,    /* closed-class words that never fill a pattern gap */
    NG_W_GIVEN_M = 1 << 10,    /* a common male given name: "Richard Belmar" is a person */
    NG_W_GIVEN_F = 1 << 11,    /* a common female given name */
    NG_W_NOT_ORG = 1 << 12     /* an acronym that names no body: MP, VAT, GDP */
};

typedef struct ng_lexicon {
    ng_lex_actor *actors;   size_t n_actors, cap_actors;
    ng_strmap actor_ids;    /* id -> actor index */
    char **roles;           size_t n_roles, cap_roles;
    ng_strmap role_ids;     /* lower-case title -> role index */
    ng_strmap role_body;    /* lower-case title -> index in role_body_ids ("law lord" -> House_of_Lords) */
    ng_strvec role_body_ids;
    ng_lex_name *names;     size_t n_names, cap_names;
    ng_strmap name_first;   /* first lower-case token -> first name index */
    ng_verb *verbs;         size_t n_verbs, cap_verbs;
    ng_verb_ref *vrefs;     size_t n_vrefs, cap_vrefs;
    ng_strmap verb_first;   /* any form of the first token -> first vref */
    ng_strmap verb_part;    /* participle -> first vref (passives) */
    ng_strmap irregular;    /* base -> index into irr_forms */
    char ***irr_forms;      size_t n_irr;
    ng_strmap words;        /* lower-case word -> NG_W_* bits */
    ng_strmap cues;         /* lower-case cue word -> event type + 1 (reported speech) */
    ng_strmap surnames;     /* lower-case surnames of lexicon people -> count */
    /* people by their surname's first letter (a..z, then the rest), in
     * actor order: bucket b is people_by_initial[initial_start[b] ..
     * initial_start[b + 1]); fuzzy matching reads one bucket, not every
     * actor */
    size_t *people_by_initial;
    size_t initial_start[28];
    int compiled;
} ng_lexicon;

void ng_lexicon_init(ng_lexicon *lx);
void ng_lexicon_free(ng_lexicon *lx);
/* Load one JSON lexicon file; errors name file:line:column.  0 / -1. */
int ng_lexicon_load_file(ng_lexicon *lx, const char *path);
/* Load the same from memory (path is used in messages). */
int ng_lexicon_load_buffer(ng_lexicon *lx, const char *path, const char *data, size_t len);
/* Load every *.json in dir, sorted by name. */
int ng_lexicon_load_dir(ng_lexicon *lx, const char *dir);
/* Build the matching indexes; call once after all files are loaded. */
int ng_lexicon_compile(ng_lexicon *lx);
/* Where the bundled schema lives: $NEWSGRAPH_SCHEMA, the source tree, or
 * the install prefix; NULL if none exists. */
const char *ng_schema_dir(void);

int ng_lexicon_word(const ng_lexicon *lx, const char *lower, size_t len);
/* The people_by_initial bucket of a surname's first byte (either case). */
static inline int ng_lex_initial_bucket(char c)
{
    if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
    return c >= 'a' && c <= 'z' ? c - 'a' : 26;
}
/* Lower-case ASCII copy helper. */
void ng_lower_ascii(char *s, size_t n);

#endif
