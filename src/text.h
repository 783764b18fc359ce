/*
 * text.h - tokens and sentences over normalised article text.
 *
 * Tokens are byte ranges into the text, never copies: the tokenizer runs
 * over every byte of every article, so it allocates one array per article
 * and nothing per token.  Possessive "'s" and "n't" become tokens of their
 * own so "Russia's" matches the name "Russia".
 */
#ifndef NG_TEXT_H
#define NG_TEXT_H

#include <stddef.h>
#include <stdint.h>

enum {
    NG_T_WORD = 1 << 0,
    NG_T_PUNCT = 1 << 1,
    NG_T_CAP = 1 << 2,      /* starts with an upper-case letter */
    NG_T_ALLCAPS = 1 << 3,  /* two or more letters, none lower-case */
    NG_T_DIGIT = 1 << 4,    /* starts with a digit */
    NG_T_NL = 1 << 5,       /* a line break precedes it */
    NG_T_PARA = 1 << 6,     /* a blank line precedes it */
    NG_T_POSS = 1 << 7,     /* the possessive 's / ' */
    NG_T_DOTTED = 1 << 8,   /* abbreviation with inner dots: U.S. */
    NG_T_SSTART = 1 << 9    /* first token of a sentence */
};

typedef struct ng_token {
    uint32_t start, end;    /* byte offsets, end exclusive */
    uint32_t flags;
    uint64_t lhash;         /* hash of the lower-case form (see ng_tokens.lower) */
} ng_token;

typedef struct ng_tokens {
    ng_token *v;
    size_t n, cap;
    char *lower;            /* ASCII-lower-cased copy of the text, same offsets */
} ng_tokens;

typedef struct ng_sentence {
    size_t tok_start, tok_end;   /* token range */
    size_t start, end;           /* byte range in the text */
} ng_sentence;

/* Tokenize text[0..len).  Fills tk (including tk->lower). */
void ng_tokenize(const char *text, size_t len, ng_tokens *tk);
void ng_tokens_free(ng_tokens *tk);

struct ng_lexicon;
/* Split into sentences; abbreviations come from the lexicon's word list
 * (may be NULL: then only the built-in initials rule applies). */
size_t ng_split_sentences(const char *text, ng_tokens *tk, const struct ng_lexicon *lx,
                          ng_sentence **out);

static inline size_t ng_tok_len(const ng_token *t) { return t->end - t->start; }

#endif
