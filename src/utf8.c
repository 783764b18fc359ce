/* utf8.c - UTF-8 validation, offset-preserving normalisation, counting. */
#include "utf8.h"

#include <string.h>

#include "ng.h"

size_t ng_utf8_decode_ex(const char *s, size_t n, uint32_t *cp, size_t *skip)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t dummy;
    if (!skip) skip = &dummy;
    *skip = 1;
    if (n == 0) return 0;
    unsigned char c = p[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    /* The allowed range of the SECOND byte depends on the lead byte; this is
     * what rejects overlongs (E0 80..9F, F0 80..8F), surrogates (ED A0..BF)
     * and code points above U+10FFFF (F4 90..BF) without decoding first. */
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF;
    uint32_t v;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        v = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        v = c & 0x0F;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        v = c & 0x07;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        return 0; /* continuation byte, C0/C1 overlong lead, or F5..FF */
    }
    for (size_t i = 1; i < len; i++) {
        /* Truncated at the end of the buffer, or a byte out of range: the
         * maximal valid prefix (i bytes) is what a repairing caller
         * replaces by one U+FFFD, resuming at the offending byte. */
        if (i >= n || p[i] < (i == 1 ? lo : 0x80) || p[i] > (i == 1 ? hi : 0xBF)) {
            *skip = i;
            return 0;
        }
        v = (v << 6) | (p[i] & 0x3F);
    }
    *cp = v;
    return len;
}

size_t ng_utf8_decode(const char *s, size_t n, uint32_t *cp)
{
    return ng_utf8_decode_ex(s, n, cp, NULL);
}

size_t ng_utf8_encode(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

int ng_utf8_validate(const char *s, size_t n, size_t *bad_offset)
{
    size_t i = 0;
    while (i < n) {
        /* ASCII fast path: news text is overwhelmingly ASCII. */
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        size_t len = ng_utf8_decode(s + i, n - i, &cp);
        if (!len) {
            if (bad_offset) *bad_offset = i;
            return -1;
        }
        i += len;
    }
    return 0;
}

/* The replacement for one code point, or 0 to keep it.  Only single code
 * points are ever returned, which is what keeps offsets stable. */
static uint32_t plain_equivalent(uint32_t c, uint32_t next)
{
    if (c < 0x20) {
        if (c == '\n') return 0;
        /* CRLF: the CR becomes a space and the LF stays, so line structure
         * survives and the count is unchanged; a lone CR (old Mac files) is
         * a line break of its own. */
        if (c == '\r') return next == '\n' ? ' ' : '\n';
        return ' '; /* tab, NUL and every other C0 control */
    }
    if (c < 0x7F) return 0;
    if (c == 0x7F) return ' ';
    if (c <= 0x9F) return c == 0x85 ? '\n' : ' '; /* C1 controls; NEL breaks a line */
    switch (c) {
    case 0x00A0:                   /* no-break space */
    case 0x1680:                   /* ogham space mark */
    case 0x202F:                   /* narrow no-break space */
    case 0x205F:                   /* medium mathematical space */
    case 0x3000:                   /* ideographic space */
    case 0x180E:                   /* Mongolian vowel separator (zero width) */
    case 0x200B: case 0x200C: case 0x200D: /* zero width space/non-joiner/joiner */
    case 0x2060: case 0x2061: case 0x2062: case 0x2063: case 0x2064:
    case 0xFEFF:                   /* BOM / zero width no-break space */
    case 0x200E: case 0x200F:      /* LRM, RLM */
    case 0x061C:                   /* Arabic letter mark */
    case 0x202A: case 0x202B: case 0x202C: case 0x202D: case 0x202E:
    case 0x2066: case 0x2067: case 0x2068: case 0x2069:
        return ' ';
    case 0x2028: case 0x2029:      /* line / paragraph separator */
        return '\n';
    case 0x2018: case 0x2019: case 0x201A: case 0x201B:
    case 0x2032: case 0x2035:      /* prime, reversed prime */
    case 0x2039: case 0x203A:      /* single guillemets */
        return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F:
    case 0x2033: case 0x2036:      /* double prime, reversed double prime */
    case 0x00AB: case 0x00BB:      /* guillemets */
        return '"';
    case 0x00AD:                   /* soft hyphen: its visible form is '-' */
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212:                   /* minus sign */
    case 0xFE58: case 0xFE63: case 0xFF0D:
        return '-';
    case 0x2026:
        return '.';
    default:
        break;
    }
    if (c >= 0x2000 && c <= 0x200A) return ' '; /* en quad .. hair space */
    return 0;
}

char *ng_text_normalise(const char *s, size_t n, size_t *out_len)
{
    ng_buf b;
    ng_buf_init(&b);
    /* Output is never longer than the input, except for stray bytes that
     * become 3-byte U+FFFD: reserve the common case once. */
    ng_buf_reserve(&b, n);
    size_t i = 0;
    while (i < n) {
        uint32_t c;
        size_t len = ng_utf8_decode(s + i, n - i, &c);
        if (!len) {
            ng_buf_append(&b, "\xEF\xBF\xBD", 3);
            i++;
            continue;
        }
        uint32_t next = i + len < n ? (unsigned char)s[i + len] : 0;
        uint32_t r = plain_equivalent(c, next);
        if (r) {
            ng_buf_putc(&b, (char)r);
        } else {
            ng_buf_append(&b, s + i, len);
        }
        i += len;
    }
    /* reserve() alone does not terminate: make "" come out as "" */
    ng_buf_append(&b, "", 0);
    if (out_len) *out_len = b.len;
    return ng_buf_steal(&b);
}

size_t ng_utf8_count(const char *s, size_t n)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) count++;
    return count;
}

void ng_cpcursor_init(ng_cpcursor *c, const char *text)
{
    c->text = text;
    c->len = text ? strlen(text) : 0;
    c->byte = 0;
    c->cp = 0;
}

size_t ng_cpcursor_at(ng_cpcursor *c, size_t byte_off)
{
    if (byte_off > c->len) byte_off = c->len;
    if (byte_off < c->byte) {
        /* Going backwards: count the code points of the span stepped back
         * over.  Restarting from the start instead made an article whose
         * mentions come slightly out of order quadratic (20,000 sentences:
         * 3 s instead of 1).  Offsets are token boundaries, so the span
         * starts on a code point as the forward one does. */
        c->cp -= ng_utf8_count(c->text + byte_off, c->byte - byte_off);
        c->byte = byte_off;
        return c->cp;
    }
    c->cp += ng_utf8_count(c->text + c->byte, byte_off - c->byte);
    c->byte = byte_off;
    return c->cp;
}

int ng_looks_binary(const char *s, size_t n)
{
    size_t lim = n < 8192 ? n : 8192;
    size_t controls = 0;
    for (size_t i = 0; i < lim; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0) return 1;
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r' &&
             c != 0x1B) ||
            c == 0x7F)
            controls++;
    }
    return lim && controls * 10 > lim;
}
