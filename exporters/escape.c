/*
 * escape.c - the escaping rules of every output format (see escape.h).
 *
 * All functions walk the input with ng_esc_utf8_decode(), so each format
 * sees whole code points and invalid input is repaired the same way
 * everywhere: a label that reads "Caf\xE9" in one file reads "Caf\uFFFD"
 * in all of them, never "Caf" in one and "Café" in another.
 */
#include "escape.h"
#include "../src/utf8.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define REPLACEMENT 0xFFFDu

size_t ng_esc_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp, size_t *skip)
{
    /* one decoder for the whole program: src/utf8.c */
    return ng_utf8_decode_ex((const char *)s, n, cp, skip);
}

void ng_esc_utf8_put(ng_buf *b, uint32_t cp)
{
    char tmp[4];
    size_t n;
    if (cp < 0x80) {
        tmp[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        tmp[0] = (char)(0xC0 | (cp >> 6));
        tmp[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        tmp[0] = (char)(0xE0 | (cp >> 12));
        tmp[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        tmp[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        tmp[0] = (char)(0xF0 | (cp >> 18));
        tmp[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        tmp[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        tmp[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    ng_buf_append(b, tmp, n);
}

/* Iterate over the code points of s[0..n), invalid parts as U+FFFD.  A
 * small cursor keeps the loops in the escapers short and identical. */
typedef struct cursor {
    const unsigned char *p, *end;
} cursor;

static int next_cp(cursor *c, uint32_t *cp)
{
    if (c->p >= c->end) return 0;
    size_t skip;
    size_t len = ng_esc_utf8_decode(c->p, (size_t)(c->end - c->p), cp, &skip);
    if (len) {
        c->p += len;
    } else {
        *cp = REPLACEMENT;
        c->p += skip;
    }
    return 1;
}

static cursor cursor_of(const char *s, size_t n)
{
    cursor c;
    c.p = (const unsigned char *)s;
    c.end = c.p + n;
    return c;
}

void ng_esc_utf8_clean_n(ng_buf *b, const char *s, size_t n)
{
    if (!s) return;
    ng_buf_reserve(b, n);
    cursor c = cursor_of(s, n);
    uint32_t cp;
    while (next_cp(&c, &cp)) ng_esc_utf8_put(b, cp);
}

char *ng_esc_utf8_clean(const char *s)
{
    ng_buf b;
    ng_buf_init(&b);
    ng_buf_puts(&b, "");
    if (s) ng_esc_utf8_clean_n(&b, s, strlen(s));
    return ng_buf_steal(&b);
}

size_t ng_esc_utf8_prefix(const char *s, size_t max)
{
    size_t n = strlen(s);
    if (n <= max) return n;
    /* Step back over continuation bytes so the cut falls before a lead
     * byte; at most three steps for valid text. */
    size_t cut = max;
    while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80 && max - cut < 3) cut--;
    return cut;
}

/* XML 1.0 Char production: #x9 | #xA | #xD | [#x20-#xD7FF] |
 * [#xE000-#xFFFD] | [#x10000-#x10FFFF].  Surrogates cannot arrive here:
 * the decoder already turned them into U+FFFD. */
static int xml_char_ok(uint32_t cp)
{
    if (cp < 0x20) return cp == 0x9 || cp == 0xA || cp == 0xD;
    if (cp == 0xFFFE || cp == 0xFFFF) return 0;
    return 1;
}

void ng_esc_xml_n(ng_buf *b, const char *s, size_t n)
{
    if (!s) return;
    cursor c = cursor_of(s, n);
    uint32_t cp;
    while (next_cp(&c, &cp)) {
        if (!xml_char_ok(cp)) continue; /* no escape can carry it in XML 1.0 */
        switch (cp) {
        case '&': ng_buf_puts(b, "&amp;"); break;
        case '<': ng_buf_puts(b, "&lt;"); break;
        /* '>' must be escaped at least in "]]>"; always doing it is simpler */
        case '>': ng_buf_puts(b, "&gt;"); break;
        case '"': ng_buf_puts(b, "&quot;"); break;
        case '\'': ng_buf_puts(b, "&apos;"); break;
        /* As references they survive attribute normalisation and the
         * parser's CRLF folding. */
        case '\t': ng_buf_puts(b, "&#9;"); break;
        case '\n': ng_buf_puts(b, "&#10;"); break;
        case '\r': ng_buf_puts(b, "&#13;"); break;
        default: ng_esc_utf8_put(b, cp);
        }
    }
}

void ng_esc_xml(ng_buf *b, const char *s)
{
    if (s) ng_esc_xml_n(b, s, strlen(s));
}

void ng_esc_json(ng_buf *b, const char *s)
{
    if (!s) {
        ng_buf_puts(b, "null");
        return;
    }
    ng_buf_putc(b, '"');
    cursor c = cursor_of(s, strlen(s));
    uint32_t cp;
    while (next_cp(&c, &cp)) {
        switch (cp) {
        case '"': ng_buf_puts(b, "\\\""); break;
        case '\\': ng_buf_puts(b, "\\\\"); break;
        case '\n': ng_buf_puts(b, "\\n"); break;
        case '\r': ng_buf_puts(b, "\\r"); break;
        case '\t': ng_buf_puts(b, "\\t"); break;
        case '\b': ng_buf_puts(b, "\\b"); break;
        case '\f': ng_buf_puts(b, "\\f"); break;
        default:
            /* Controls must be escaped; DEL and the JavaScript line
             * separators are escaped so the file also embeds in a script. */
            if (cp < 0x20 || cp == 0x7F || cp == 0x2028 || cp == 0x2029)
                ng_buf_printf(b, "\\u%04x", (unsigned)cp);
            else
                ng_esc_utf8_put(b, cp);
        }
    }
    ng_buf_putc(b, '"');
}

void ng_esc_double(ng_buf *b, double v, const char *null_word)
{
    if (!isfinite(v)) {
        ng_buf_puts(b, null_word);
        return;
    }
    /* -0 would print "-0"; it means 0 here and must compare equal. */
    if (v == 0) v = 0;
    ng_buf_printf(b, "%.17g", v);
}

void ng_esc_csv(ng_buf *b, const char *s, int guard)
{
    ng_buf_putc(b, '"');
    if (s) {
        if (guard && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' ||
                      s[0] == '\t' || s[0] == '\r'))
            ng_buf_putc(b, '\'');
        cursor c = cursor_of(s, strlen(s));
        uint32_t cp;
        while (next_cp(&c, &cp)) {
            if (cp == '"')
                ng_buf_puts(b, "\"\"");
            else if (cp == 0)
                continue;
            else
                ng_esc_utf8_put(b, cp);
        }
    }
    ng_buf_putc(b, '"');
}

char *ng_esc_rdf_literal(const char *s)
{
    ng_buf b;
    ng_buf_init(&b);
    ng_buf_puts(&b, "");
    if (!s) return ng_buf_steal(&b);
    cursor c = cursor_of(s, strlen(s));
    uint32_t cp;
    while (next_cp(&c, &cp)) {
        if (cp == '\r') {
            /* CRLF and lone CR are line ends: keep them as one LF rather
             * than a replacement character in the middle of the text. */
            if (c.p < c.end && *c.p == '\n') c.p++;
            ng_buf_putc(&b, '\n');
        } else if (cp < 0x20 && cp != '\t' && cp != '\n') {
            ng_esc_utf8_put(&b, REPLACEMENT);
        } else {
            ng_esc_utf8_put(&b, cp);
        }
    }
    return ng_buf_steal(&b);
}

static int is_safe_byte(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '.' || c == '-';
}

static int is_hex(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
}

static void pct(ng_buf *b, unsigned char c)
{
    static const char hex[] = "0123456789ABCDEF";
    ng_buf_putc(b, '%');
    ng_buf_putc(b, hex[c >> 4]);
    ng_buf_putc(b, hex[c & 15]);
}

void ng_esc_iri_segment(ng_buf *b, const char *s, int keep_pct)
{
    if (!s || !*s) {
        ng_buf_putc(b, '_'); /* an empty segment would mint the parent's IRI */
        return;
    }
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (is_safe_byte(*p))
            ng_buf_putc(b, (char)*p);
        else if (keep_pct && *p == '%' && is_hex(p[1]) && is_hex(p[2]))
            ng_buf_putc(b, '%');
        else
            pct(b, *p);
    }
}

int ng_esc_http_iri(ng_buf *b, const char *url)
{
    if (!url) return 0;
    size_t skip;
    if (strncasecmp(url, "http://", 7) == 0)
        skip = 7;
    else if (strncasecmp(url, "https://", 8) == 0)
        skip = 8;
    else
        return 0;
    /* The authority must be a plausible host[:port]: letters, digits,
     * dots, dashes, a colon; anything else (spaces, "@" tricks, empty)
     * and the URL is kept as a literal instead. */
    const char *h = url + skip;
    size_t hn = 0;
    while (h[hn] && h[hn] != '/' && h[hn] != '?' && h[hn] != '#') {
        unsigned char c = (unsigned char)h[hn];
        if (!(is_safe_byte(c) || c == ':') || c == '_') return 0;
        hn++;
    }
    if (hn == 0 || h[0] == '.' || h[0] == '-' || h[0] == ':') return 0;
    ng_buf_puts(b, strncasecmp(url, "https", 5) == 0 ? "https://" : "http://");
    ng_buf_append(b, h, hn);
    /* Path, query and fragment: keep what RFC 3987 allows unescaped in
     * an IRI reference except non-ASCII (encoded, so the result is also a
     * plain URI), encode the rest.  A stray '%' becomes %25. */
    for (const unsigned char *p = (const unsigned char *)h + hn; *p; p++) {
        unsigned char c = *p;
        if (c <= 0x20 || c >= 0x7F || strchr("<>\"{}|\\^`", c))
            pct(b, c);
        else if (c == '%' && !(is_hex(p[1]) && is_hex(p[2])))
            pct(b, c);
        else
            ng_buf_putc(b, (char)c);
    }
    return 1;
}

int ng_esc_is_date(const char *s)
{
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-') return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return 0;
    int m = (s[5] - '0') * 10 + (s[6] - '0');
    int d = (s[8] - '0') * 10 + (s[9] - '0');
    static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m >= 1 && m <= 12 && d >= 1 && d <= mdays[m - 1];
}

int ng_esc_flush(ng_buf *b, FILE *fp, const char *what)
{
    if (b->len && fwrite(b->data, 1, b->len, fp) != b->len) {
        ng_error("cannot write %s: %s", what, strerror(errno));
        ng_buf_reset(b);
        return -1;
    }
    ng_buf_reset(b);
    if (ferror(fp)) {
        ng_error("cannot write %s", what);
        return -1;
    }
    return 0;
}

void ng_export_node_attrs(ng_buf *b, const ng_actor *a, const ng_attr_writer *w)
{
    const ng_scores *s = &a->scores;
    w->str(b, "type", ng_actor_type_name(a->type));
    w->dbl(b, "pagerank", s->pagerank);
    w->dbl(b, "betweenness", s->betweenness);
    w->dbl(b, "closeness", s->closeness);
    w->dbl(b, "harmonic", s->harmonic);
    w->dbl(b, "eigenvector", s->eigenvector);
    w->dbl(b, "hub", s->hub);
    w->dbl(b, "authority", s->authority);
    w->num(b, "degree", s->degree);
    w->num(b, "in_degree", s->in_degree);
    w->num(b, "out_degree", s->out_degree);
    w->dbl(b, "strength", s->strength);
    w->dbl(b, "coop_given", s->coop_given);
    w->dbl(b, "coop_received", s->coop_received);
    w->num(b, "kcore", s->kcore);
    if (a->community >= 0) w->num(b, "community", a->community);
    w->str(b, "wikidata", a->wikidata);
    if (a->roles.n) {
        ng_buf r;
        ng_buf_init(&r);
        for (size_t i = 0; i < a->roles.n; i++) {
            if (i) ng_buf_puts(&r, "; ");
            ng_buf_puts(&r, a->roles.v[i]);
        }
        w->str(b, "roles", r.data);
        ng_buf_free(&r);
    }
    w->num(b, "mentions", (long long)a->n_mentions);
}

void ng_esc_json_num(ng_buf *b, const char *key, double v)
{
    ng_buf_printf(b, ",\"%s\":", key);
    ng_esc_double(b, v, "null");
}

/* An actor's scores as a JSON object: the keys of the graph.json contract
 * first, the extras after.  graph.json and `rank --format json` both
 * write it. */
void ng_esc_json_scores(ng_buf *b, const ng_scores *s)
{
    ng_buf_puts(b, "{\"pagerank\":");
    ng_esc_double(b, s->pagerank, "null");
    ng_esc_json_num(b, "betweenness", s->betweenness);
    ng_esc_json_num(b, "closeness", s->closeness);
    ng_esc_json_num(b, "harmonic", s->harmonic);
    ng_esc_json_num(b, "eigenvector", s->eigenvector);
    ng_esc_json_num(b, "hub", s->hub);
    ng_esc_json_num(b, "authority", s->authority);
    ng_buf_printf(b, ",\"in_degree\":%d,\"out_degree\":%d,\"degree\":%d", s->in_degree, s->out_degree,
                  s->degree);
    ng_esc_json_num(b, "strength", s->strength);
    ng_esc_json_num(b, "coop_given", s->coop_given);
    ng_esc_json_num(b, "coop_received", s->coop_received);
    ng_buf_printf(b, ",\"kcore\":%d", s->kcore);
    ng_esc_json_num(b, "strength_in", s->strength_in);
    ng_esc_json_num(b, "strength_out", s->strength_out);
    ng_buf_putc(b, '}');
}
