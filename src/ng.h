/*
 * ng.h - common helpers shared by every stage of newsgraph.
 *
 * Everything in the project uses the "ng_" prefix (igraph's habit of one
 * prefix per library makes grep and linking predictable).  Allocation
 * failure is treated as fatal: a news pipeline that silently drops an
 * article because malloc failed is worse than one that stops loudly, and it
 * keeps every caller free of NULL checks for memory.
 */
#ifndef NG_H
#define NG_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Process exit codes, documented in README.md ("Exit codes"). */
enum {
    NG_EXIT_OK = 0,
    NG_EXIT_USAGE = 2,    /* bad command line */
    NG_EXIT_INPUT = 3,    /* unreadable / invalid input, no usable article, bad lexicon */
    NG_EXIT_OUTPUT = 4,   /* cannot write an output file */
    NG_EXIT_INTERNAL = 5  /* a library failed in a way that is our bug */
};

void *ng_xmalloc(size_t n);
void *ng_xcalloc(size_t n, size_t size);
void *ng_xrealloc(void *p, size_t n);
char *ng_xstrdup(const char *s);
char *ng_xstrndup(const char *s, size_t n);

/* Growable byte buffer; data is always NUL-terminated once anything was added. */
typedef struct ng_buf {
    char *data;
    size_t len;
    size_t cap;
} ng_buf;

void ng_buf_init(ng_buf *b);
void ng_buf_free(ng_buf *b);
void ng_buf_reset(ng_buf *b);
void ng_buf_reserve(ng_buf *b, size_t extra);
void ng_buf_append(ng_buf *b, const char *s, size_t n);
void ng_buf_puts(ng_buf *b, const char *s);
void ng_buf_putc(ng_buf *b, char c);
void ng_buf_printf(ng_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Hand the data to the caller (never NULL) and reset the buffer. */
char *ng_buf_steal(ng_buf *b);

/* Diagnostics: "newsgraph: error: ..." on stderr.  ng_quiet silences warnings. */
extern int ng_quiet;
void ng_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void ng_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Growable array of pointers-to-strings, owned. */
typedef struct ng_strvec {
    char **v;
    size_t n;
    size_t cap;
} ng_strvec;
void ng_strvec_push(ng_strvec *sv, const char *s);      /* copies s */
void ng_strvec_push_unique(ng_strvec *sv, const char *s);
int ng_strvec_contains(const ng_strvec *sv, const char *s);
void ng_strvec_free(ng_strvec *sv);

/* Read a whole file (or "-" for stdin).  Returns 0, or -1 with errno-based
 * message already printed naming the file. */
int ng_read_file(const char *path, char **data, size_t *len);

/* Grow a (pointer, count, capacity) array so one more element fits;
 * doubling keeps appends amortised O(1). */
#define NG_GROW(arr, n, cap)                                            \
    do {                                                               \
        if ((n) == (cap)) {                                            \
            (cap) = (cap) ? (cap) * 2 : 16;                            \
            (arr) = ng_xrealloc((arr), (cap) * sizeof *(arr));         \
        }                                                              \
    } while (0)

/* Monotonic clock in seconds, for --timings. */
double ng_now(void);

/* 64-bit FNV-1a: used for hash tables; stable across runs and platforms. */
uint64_t ng_hash(const void *data, size_t n);

#endif
