/* test_utf8.c - validation, offset-preserving normalisation, counting. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* Validate s (length n) and return the bad offset, or (size_t)-1 if valid. */
static size_t bad_at(const char *s, size_t n)
{
    size_t off = 12345;
    if (ng_utf8_validate(s, n, &off) == 0) return (size_t)-1;
    return off;
}
#define BAD(lit) bad_at(lit, sizeof(lit) - 1)

static void test_validate_good(void **state)
{
    (void)state;
    assert_int_equal(BAD(""), (size_t)-1);
    assert_int_equal(BAD("plain ASCII"), (size_t)-1);
    assert_int_equal(BAD("caf\xC3\xA9"), (size_t)-1);             /* é */
    assert_int_equal(BAD("\xE2\x80\x9CQ\xE2\x80\x9D"), (size_t)-1); /* “Q” */
    assert_int_equal(BAD("\xF0\x9F\x98\x80"), (size_t)-1);        /* U+1F600 */
    assert_int_equal(BAD("\xF4\x8F\xBF\xBF"), (size_t)-1);        /* U+10FFFF */
    assert_int_equal(BAD("\xEF\xBF\xBF"), (size_t)-1);            /* U+FFFF */
    assert_int_equal(BAD("\xED\x9F\xBF"), (size_t)-1);            /* U+D7FF */
    assert_int_equal(BAD("\xEE\x80\x80"), (size_t)-1);            /* U+E000 */
    assert_int_equal(ng_utf8_validate("a\0b", 3, NULL), 0);      /* NUL is valid UTF-8 */
}

static void test_validate_bad(void **state)
{
    (void)state;
    assert_int_equal(BAD("ab\xC0\x80"), 2);          /* overlong NUL */
    assert_int_equal(BAD("\xC1\xBF"), 0);            /* overlong 2-byte */
    assert_int_equal(BAD("x\xE0\x80\x80"), 1);       /* overlong 3-byte */
    assert_int_equal(BAD("x\xE0\x9F\xBF"), 1);       /* overlong 3-byte (U+07FF) */
    assert_int_equal(BAD("xy\xF0\x8F\xBF\xBF"), 2);  /* overlong 4-byte */
    assert_int_equal(BAD("abc\xED\xA0\x80"), 3);     /* surrogate U+D800 */
    assert_int_equal(BAD("\xED\xBF\xBF"), 0);        /* surrogate U+DFFF */
    assert_int_equal(BAD("\xF4\x90\x80\x80"), 0);    /* U+110000 */
    assert_int_equal(BAD("ok\xF5\x80\x80\x80"), 2);  /* F5 never valid */
    assert_int_equal(BAD("ok\xFF"), 2);
    assert_int_equal(BAD("abc\x80"), 3);             /* lone continuation */
    assert_int_equal(BAD("\xC3(x"), 0);              /* bad continuation */
    assert_int_equal(BAD("\xE2\x82(x"), 0);
    /* truncated at the end: offset of the lead byte */
    assert_int_equal(BAD("ab\xC3"), 2);
    assert_int_equal(BAD("ab\xE2\x82"), 2);
    assert_int_equal(BAD("abcd\xF0\x9F\x98"), 4);
    /* the first bad sequence wins */
    assert_int_equal(BAD("\xC3\xA9\xC3\xA9!\xC3\xC3\xA9\x80"), 5);
    /* a buffer cut in the middle of a valid character */
    assert_int_equal(bad_at("caf\xC3\xA9", 4), 3);
    assert_int_equal(ng_utf8_validate("\x80", 1, NULL), -1); /* NULL offset allowed */
}

static void test_decode_encode(void **state)
{
    (void)state;
    uint32_t cp;
    char buf[4];
    const uint32_t samples[] = {0x41, 0xE9, 0x7FF, 0x800, 0x20AC, 0xFFFF, 0x10000, 0x10FFFF};
    for (size_t i = 0; i < sizeof samples / sizeof *samples; i++) {
        size_t n = ng_utf8_encode(samples[i], buf);
        assert_int_equal(ng_utf8_decode(buf, n, &cp), n);
        assert_int_equal(cp, samples[i]);
        assert_int_equal(ng_utf8_decode(buf, n - 1, &cp), 0); /* truncated */
    }
}

/* Every character that must be mapped, plus some that must not. */
static const char messy[] =
    "\xE2\x80\x98" "a\xE2\x80\x99" " \xE2\x80\x9A\xE2\x80\x9B\xE2\x80\xB2"          /* ‘a’ ‚‛′ */
    "\xE2\x80\x9C" "b\xE2\x80\x9D\xE2\x80\x9E\xE2\x80\x9F\xE2\x80\xB3\xC2\xAB\xC2\xBB" /* “b”„‟″«» */
    "\xE2\x80\x93\xE2\x80\x94\xE2\x80\x92\xE2\x80\x95\xE2\x88\x92\xE2\x80\x90\xE2\x80\x91" /* dashes */
    "\xC2\xA0\xE2\x80\x87\xE2\x80\xAF\xE3\x80\x80"                                   /* spaces */
    "\xE2\x80\xA6"                                                                   /* … */
    "x\r\ny\rz\t\x01\x7F"                                                            /* controls */
    "\xE2\x80\x8B\xE2\x80\x8C\xE2\x80\x8D\xEF\xBB\xBF\xE2\x81\xA0"                   /* zero width */
    "\xE2\x80\xAA\xE2\x80\xAB\xE2\x80\xAC\xE2\x80\xAD\xE2\x80\xAE"                   /* bidi */
    "\xE2\x81\xA6\xE2\x81\xA7\xE2\x81\xA8\xE2\x81\xA9\xE2\x80\x8E\xE2\x80\x8F"
    "\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80";                                          /* é 中 😀 kept */

static const char messy_plain[] =
    "'a' '''"
    "\"b\"\"\"\"\"\""
    "-------"
    "    "
    "."
    "x \ny\nz   "
    "     "
    "     "
    "      "
    "\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80";

static void test_normalise(void **state)
{
    (void)state;
    size_t n_in = sizeof messy - 1, n_out;
    char *out = ng_text_normalise(messy, n_in, &n_out);
    assert_string_equal(out, messy_plain);
    assert_int_equal(n_out, strlen(out));
    /* the whole point: one code point in, one out */
    assert_int_equal(ng_utf8_count(out, n_out), ng_utf8_count(messy, n_in));
    assert_int_equal(ng_utf8_validate(out, n_out, NULL), 0);
    free(out);
}

static void test_normalise_edge(void **state)
{
    (void)state;
    size_t n;
    char *out = ng_text_normalise("", 0, &n);
    assert_string_equal(out, "");
    assert_int_equal(n, 0);
    free(out);
    /* NUL becomes a space, so the result is a proper C string */
    out = ng_text_normalise("a\0b", 3, &n);
    assert_int_equal(n, 3);
    assert_string_equal(out, "a b");
    free(out);
    /* stray bytes: one U+FFFD each (count preserved per byte) */
    out = ng_text_normalise("a\xFF\xC3", 3, &n);
    assert_string_equal(out, "a\xEF\xBF\xBD\xEF\xBF\xBD");
    assert_int_equal(ng_utf8_count(out, n), 3);
    free(out);
    /* CR at the very end is a lone CR */
    out = ng_text_normalise("a\r", 2, NULL);
    assert_string_equal(out, "a\n");
    free(out);
    out = ng_text_normalise("Caf\xC3\xA9 \xC3\x9F", 8, NULL);
    assert_string_equal(out, "Caf\xC3\xA9 \xC3\x9F");
    free(out);
}

static void test_count_and_cursor(void **state)
{
    (void)state;
    const char *t = "a\xC3\xA9" "b\xE4\xB8\xAD" "c\xF0\x9F\x98\x80" "d"; /* a é b 中 c 😀 d */
    size_t n = strlen(t);
    assert_int_equal(ng_utf8_count(t, n), 7);
    ng_cpcursor c;
    ng_cpcursor_init(&c, t);
    assert_int_equal(ng_cpcursor_at(&c, 0), 0);
    assert_int_equal(ng_cpcursor_at(&c, 1), 1);  /* before é */
    assert_int_equal(ng_cpcursor_at(&c, 2), 2);  /* inside é: é counted as started */
    assert_int_equal(ng_cpcursor_at(&c, 3), 2);  /* after é */
    assert_int_equal(ng_cpcursor_at(&c, 4), 3);  /* after b */
    assert_int_equal(ng_cpcursor_at(&c, 7), 4);  /* after 中 */
    assert_int_equal(ng_cpcursor_at(&c, 8), 5);  /* after c */
    assert_int_equal(ng_cpcursor_at(&c, 12), 6); /* after 😀 */
    assert_int_equal(ng_cpcursor_at(&c, n), 7);
    assert_int_equal(ng_cpcursor_at(&c, n + 100), 7); /* clamps */
    /* backwards counts back over the span and is still right */
    assert_int_equal(ng_cpcursor_at(&c, 4), 3);
    assert_int_equal(ng_cpcursor_at(&c, 1), 1);
    assert_int_equal(ng_cpcursor_at(&c, 8), 5);
    /* matches counting from scratch at every offset */
    ng_cpcursor_init(&c, t);
    for (size_t i = 0; i <= n; i++) assert_int_equal(ng_cpcursor_at(&c, i), ng_utf8_count(t, i));
    /* and walking backwards from the end, one byte at a time */
    for (size_t i = n + 1; i-- > 0;) assert_int_equal(ng_cpcursor_at(&c, i), ng_utf8_count(t, i));
    /* and zig-zagging */
    for (size_t i = 0; i + 3 <= n; i++) {
        assert_int_equal(ng_cpcursor_at(&c, i + 3), ng_utf8_count(t, i + 3));
        assert_int_equal(ng_cpcursor_at(&c, i), ng_utf8_count(t, i));
    }
}

static void test_looks_binary(void **state)
{
    (void)state;
    const char *txt = "Hello world.\nSecond line\r\n\tTabbed";
    assert_int_equal(ng_looks_binary(txt, strlen(txt)), 0);
    assert_int_equal(ng_looks_binary("", 0), 0);
    assert_int_equal(ng_looks_binary("text\0more", 9), 1);
    char ctl[200];
    memset(ctl, 'a', sizeof ctl);
    for (int i = 0; i < 40; i++) ctl[i * 5] = 0x01;
    assert_int_equal(ng_looks_binary(ctl, sizeof ctl), 1);
    /* a NUL after the first 8 KiB is beyond the sniffing window */
    char *big = malloc(10000);
    memset(big, 'x', 10000);
    big[9000] = '\0';
    assert_int_equal(ng_looks_binary(big, 10000), 0);
    big[100] = '\0';
    assert_int_equal(ng_looks_binary(big, 10000), 1);
    free(big);
    /* UTF-8 text is not binary */
    assert_int_equal(ng_looks_binary(messy_plain, sizeof messy_plain - 1), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_validate_good),
        cmocka_unit_test(test_validate_bad),
        cmocka_unit_test(test_decode_encode),
        cmocka_unit_test(test_normalise),
        cmocka_unit_test(test_normalise_edge),
        cmocka_unit_test(test_count_and_cursor),
        cmocka_unit_test(test_looks_binary),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
