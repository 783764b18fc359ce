/*
 * utf8.h - UTF-8 validation, offset-preserving normalisation, code point
 * counting.
 *
 * Every offset newsgraph reports is a Unicode code point offset into the
 * article as the user gave it (see model.h).  That is why normalisation here
 * never deletes or inserts a code point: each input code point becomes
 * exactly one output code point, so code point offsets computed on the
 * normalised text hold for the original text too.  Byte lengths may change
 * (a 3-byte curly quote becomes a 1-byte ASCII quote).
 */
#ifndef NG_UTF8_H
#define NG_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Check that s[0..n) is well-formed UTF-8 (Unicode 15, table 3-7): no
 * overlong forms, no surrogates (U+D800..U+DFFF), nothing above U+10FFFF,
 * no truncated sequence at the end.  NUL bytes are valid UTF-8 (callers
 * that care reject them separately).  Returns 0 when valid; otherwise -1
 * and, if bad_offset is not NULL, the byte offset of the first byte of the
 * first ill-formed sequence. */
int ng_utf8_validate(const char *s, size_t n, size_t *bad_offset);

/* Decode one code point at s[0..n).  Returns its length in bytes (1..4) and
 * stores it in *cp, or returns 0 for an ill-formed sequence (or n == 0). */
size_t ng_utf8_decode(const char *s, size_t n, uint32_t *cp);
/* The same, and on failure *skip = the length of the maximal valid prefix
 * (at least 1): what a repairing reader replaces by one U+FFFD. */
size_t ng_utf8_decode_ex(const char *s, size_t n, uint32_t *cp, size_t *skip);

/* Encode cp (must be a Unicode scalar value) into out (>= 4 bytes);
 * returns the number of bytes written. */
size_t ng_utf8_encode(uint32_t cp, char *out);

/* Offset-preserving normalisation of s[0..n) (meant for valid UTF-8).
 * Returns a new NUL-terminated string (never NULL) and its byte length in
 * *out_len (if not NULL).  One code point in, one code point out:
 *   ' ' ' ' prime, single guillemets            -> '
 *   " " " " double prime, guillemets            -> "
 *   hyphen, non-breaking hyphen, figure dash, en/em dash, horizontal bar,
 *   minus sign, soft hyphen, small/fullwidth hyphen-minus   -> -
 *   NBSP, U+1680, U+2000..U+200A, U+202F, U+205F, U+3000    -> space
 *   U+2026 horizontal ellipsis                               -> .
 *   CR followed by LF -> space (so "\r\n" becomes " \n": same count);
 *   a lone CR, NEL (U+0085), U+2028, U+2029                 -> \n
 *   tab, every other C0 control (NUL included), DEL, C1 controls -> space
 *   zero-width chars (U+200B..U+200D, U+2060..U+2064, U+FEFF BOM, U+180E)
 *   and bidi controls (U+200E/F, U+202A..U+202E, U+2066..U+2069, U+061C)
 *                                                          -> space
 * Mapping to a space instead of deleting is deliberate: deletion would
 * shift every later offset.  Everything else (letters with accents, CJK,
 * emoji, symbols) is copied unchanged.  If the input is nevertheless
 * ill-formed, each offending byte becomes U+FFFD, so the result is always
 * valid UTF-8 without NUL bytes. */
char *ng_text_normalise(const char *s, size_t n, size_t *out_len);

/* Number of code points in s[0..n): the count of bytes that are not
 * continuation bytes (exact for valid UTF-8, which is all we store). */
size_t ng_utf8_count(const char *s, size_t n);

/* Byte offset -> code point offset for many lookups over one text.  Lookups
 * with increasing byte offsets cost O(distance); an earlier offset makes
 * the cursor restart from the beginning, so any order is correct, and
 * ascending order is fast.  The result is the number of code points whose
 * first byte lies before byte_off (so an offset inside a multi-byte
 * sequence counts that code point); offsets past the end clamp. */
typedef struct ng_cpcursor {
    const char *text;
    size_t len;   /* bytes in text */
    size_t byte;  /* current position (bytes) */
    size_t cp;    /* code points in text[0..byte) */
} ng_cpcursor;

void ng_cpcursor_init(ng_cpcursor *c, const char *text); /* NUL-terminated */
size_t ng_cpcursor_at(ng_cpcursor *c, size_t byte_off);

/* Heuristic for "this is not a text file": a NUL byte, or more than 10% of
 * control bytes other than \t \n \v \f \r and ESC, within the first 8 KiB.
 * Returns 1 for binary, 0 otherwise. */
int ng_looks_binary(const char *s, size_t n);

#endif
