/* text.c - tokenizer and sentence splitter (see text.h). */
#include "text.h"

#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "ng.h"

static int is_alnum(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Non-ASCII bytes count as word characters: after normalisation the only
 * non-ASCII code points left are letters and symbols such as "£", and
 * splitting a name like "Erdoğan" would be far worse than keeping "£600m"
 * as one token. */
static int is_wordc(unsigned char c)
{
    return is_alnum(c) || c >= 0x80;
}

static int upper_start(const char *s, size_t n)
{
    unsigned char c = (unsigned char)s[0];
    if (c >= 'A' && c <= 'Z') return 1;
    if (c < 0x80 || n < 2) return 0;
    /* Latin-1 Supplement / Latin Extended-A capitals are the ones that start
     * European names (Å, É, Ł, Š, Ž ...).  U+00C0..U+00DE except U+00D7. */
    unsigned char c2 = (unsigned char)s[1];
    if (c == 0xC3) return c2 >= 0x80 && c2 <= 0x9E && c2 != 0x97;
    if (c == 0xC4 || c == 0xC5) return (c2 & 1) == 0; /* even code points are capitals */
    return 0;
}

static void push(ng_tokens *tk, const char *text, size_t s, size_t e, uint32_t flags)
{
    if (tk->n == tk->cap) {
        tk->cap = tk->cap ? tk->cap * 2 : 256;
        tk->v = ng_xrealloc(tk->v, tk->cap * sizeof *tk->v);
    }
    ng_token *t = &tk->v[tk->n++];
    t->start = (uint32_t)s;
    t->end = (uint32_t)e;
    if (flags & NG_T_WORD) {
        if (upper_start(text + s, e - s)) flags |= NG_T_CAP;
        unsigned char c = (unsigned char)text[s];
        if (c >= '0' && c <= '9') flags |= NG_T_DIGIT;
        int letters = 0, lower = 0;
        for (size_t i = s; i < e; i++) {
            unsigned char ch = (unsigned char)text[i];
            if (ch >= 'a' && ch <= 'z') lower++;
            else if (ch >= 'A' && ch <= 'Z') letters++;
        }
        if (letters >= 2 && !lower) flags |= NG_T_ALLCAPS;
    }
    t->flags = flags;
    t->lhash = ng_hash(tk->lower + s, e - s);
}

void ng_tokenize(const char *text, size_t len, ng_tokens *tk)
{
    memset(tk, 0, sizeof *tk);
    tk->lower = ng_xstrndup(text, len);
    ng_lower_ascii(tk->lower, len);
    size_t i = 0;
    int newlines = 0;
    while (i < len) {
        unsigned char c = (unsigned char)text[i];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
            if (c == '\n') newlines++;
            i++;
            continue;
        }
        uint32_t pre = newlines >= 2 ? (NG_T_NL | NG_T_PARA) : newlines == 1 ? NG_T_NL : 0;
        newlines = 0;
        if (is_wordc(c)) {
            size_t s = i;
            int dotted = 0;
            while (i < len) {
                unsigned char d = (unsigned char)text[i];
                if (is_wordc(d)) {
                    i++;
                    continue;
                }
                unsigned char nx = i + 1 < len ? (unsigned char)text[i + 1] : 0;
                if ((d == '-' || d == '&') && is_wordc(nx)) {
                    /* "ex-Downing Street", "anti-EU", "pro-Labour": a short
                     * lower-case prefix before a capital is a word of its
                     * own, so the name after it can be recognised */
                    if (d == '-' && nx >= 'A' && nx <= 'Z' && i - s <= 4 && text[s] >= 'a' && text[s] <= 'z')
                        break;
                    i++;
                    continue;
                }
                /* "U.S." / "U.N." / "1.5": a dot between word characters. */
                if (d == '.' && is_wordc(nx) && i > s &&
                    ((text[i - 1] >= '0' && text[i - 1] <= '9') || i - s == 1 || dotted ||
                     (i >= 2 && text[i - 2] == '.'))) {
                    dotted = 1;
                    i++;
                    continue;
                }
                if (d == '\'' && is_wordc(nx)) {
                    /* possessive 's ends the word; O'Brien, don't handled below */
                    if ((nx == 's' || nx == 'S') && (i + 2 >= len || !is_wordc((unsigned char)text[i + 2])))
                        break;
                    if ((nx == 't') && i > s && (text[i - 1] == 'n'))
                        break;
                    i++;
                    continue;
                }
                break;
            }
            /* the final dot of "U.S." belongs to the abbreviation */
            if (dotted && i < len && text[i] == '.' && !(text[s] >= '0' && text[s] <= '9') &&
                i >= 2 && text[i - 2] == '.') {
                i++;
            }
            size_t e = i;
            /* "don't" -> "do" + "n't" */
            if (i < len && text[i] == '\'' && e > s + 1 && text[e - 1] == 'n' && i + 1 < len && text[i + 1] == 't') {
                push(tk, text, s, e - 1, NG_T_WORD | pre | (dotted ? NG_T_DOTTED : 0));
                push(tk, text, e - 1, i + 2, NG_T_WORD);
                i += 2;
                continue;
            }
            push(tk, text, s, e, NG_T_WORD | pre | (dotted ? NG_T_DOTTED : 0));
            if (i + 1 < len && text[i] == '\'' && (text[i + 1] == 's' || text[i + 1] == 'S') &&
                (i + 2 >= len || !is_wordc((unsigned char)text[i + 2]))) {
                push(tk, text, i, i + 2, NG_T_WORD | NG_T_POSS);
                i += 2;
            } else if (i < len && text[i] == '\'' && e > s && (text[e - 1] == 's') &&
                       (i + 1 >= len || !is_wordc((unsigned char)text[i + 1]))) {
                /* plural possessive: "the allies' views" */
                push(tk, text, i, i + 1, NG_T_WORD | NG_T_POSS);
                i += 1;
            }
            continue;
        }
        push(tk, text, i, i + 1, NG_T_PUNCT | pre);
        i++;
    }
}

void ng_tokens_free(ng_tokens *tk)
{
    free(tk->v);
    free(tk->lower);
    memset(tk, 0, sizeof *tk);
}

static int is_abbrev(const char *text, const ng_token *t, const ng_lexicon *lx, const char *lower)
{
    size_t n = ng_tok_len(t);
    if (t->flags & NG_T_DOTTED) return 1;
    /* single capital initial: "George W. Bush", "J. Smith" */
    if (n == 1 && text[t->start] >= 'A' && text[t->start] <= 'Z') return 1;
    if (lx && (ng_lexicon_word(lx, lower + t->start, n) & NG_W_ABBREV)) return 1;
    return 0;
}

size_t ng_split_sentences(const char *text, ng_tokens *tk, const ng_lexicon *lx, ng_sentence **out)
{
    size_t cap = 64, n = 0;
    ng_sentence *s = ng_xmalloc(cap * sizeof *s);
    size_t begin = 0;
    size_t last_open = 0, last_open_next = 0; /* last token that is no closing quote/bracket, before i */
    for (size_t i = 0; i <= tk->n; i++) {
        last_open = last_open_next;
        int cut = 0;
        if (i == tk->n) {
            cut = 1;
        } else if (i > begin) {
            const ng_token *t = &tk->v[i];
            const ng_token *p = &tk->v[i - 1];
            if (t->flags & NG_T_PARA) {
                cut = 1;
            } else if (t->flags & NG_T_NL) {
                /* A single line break ends a sentence unless the text was
                 * hard-wrapped mid-sentence (next line starts lower-case). */
                unsigned char c = (unsigned char)text[t->start];
                cut = !(c >= 'a' && c <= 'z');
            } else {
                /* The terminator is the last token before the closing
                 * quotes/brackets; it is tracked as we go (walking back
                 * over a run of 100,000 quotes at every token would be
                 * quadratic). */
                size_t k = last_open > begin ? last_open : begin;
                const ng_token *term = &tk->v[k];
                char tc = text[term->start];
                int is_term = (term->flags & NG_T_PUNCT) && (tc == '.' || tc == '!' || tc == '?');
                if (is_term && k > begin) {
                    unsigned char c = (unsigned char)text[t->start];
                    int next_starts = (t->flags & NG_T_CAP) || (t->flags & NG_T_DIGIT) || c == '"' || c == '\'' || c == '(';
                    /* 'sooner." Following': a quotation mark touching the
                     * full stop closes the quotation and belongs to this
                     * sentence; one after a space opens the next */
                    if ((c == '"' || c == '\'') && t->start == p->end) next_starts = 0;
                    if (next_starts) {
                        cut = 1;
                        if (tc == '.' && k == i - 1 && is_abbrev(text, &tk->v[k - 1], lx, tk->lower)) cut = 0;
                    }
                }
            }
        }
        if (i < tk->n) {
            const ng_token *t = &tk->v[i];
            char c0 = text[t->start];
            if (!((t->flags & NG_T_PUNCT) && (c0 == '"' || c0 == ')' || c0 == '\'' || c0 == ']')))
                last_open_next = i;
        }
        if (cut && i > begin) {
            if (n == cap) {
                cap *= 2;
                s = ng_xrealloc(s, cap * sizeof *s);
            }
            s[n].tok_start = begin;
            s[n].tok_end = i;
            s[n].start = tk->v[begin].start;
            s[n].end = tk->v[i - 1].end;
            tk->v[begin].flags |= NG_T_SSTART;
            n++;
            begin = i;
        }
    }
    *out = s;
    return n;
}
