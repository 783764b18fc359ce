/* ng.c - allocation, buffers, diagnostics, small utilities. */
#include "ng.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int ng_quiet = 0;

static void oom(size_t n)
{
    /* Nothing sensible can be done without memory; say so and stop. */
    fprintf(stderr, "newsgraph: error: out of memory (allocating %zu bytes)\n", n);
    exit(NG_EXIT_INTERNAL);
}

void *ng_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) oom(n);
    return p;
}

void *ng_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p) oom(n * size);
    return p;
}

void *ng_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) oom(n);
    return q;
}

char *ng_xstrdup(const char *s)
{
    return ng_xstrndup(s, strlen(s));
}

char *ng_xstrndup(const char *s, size_t n)
{
    char *p = ng_xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void ng_buf_init(ng_buf *b)
{
    b->data = NULL;
    b->len = b->cap = 0;
}

void ng_buf_free(ng_buf *b)
{
    free(b->data);
    ng_buf_init(b);
}

void ng_buf_reset(ng_buf *b)
{
    b->len = 0;
    if (b->data) b->data[0] = '\0';
}

void ng_buf_reserve(ng_buf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap) return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1) {
        if (cap > SIZE_MAX / 2) oom(SIZE_MAX);
        cap *= 2;
    }
    b->data = ng_xrealloc(b->data, cap);
    b->cap = cap;
}

void ng_buf_append(ng_buf *b, const char *s, size_t n)
{
    ng_buf_reserve(b, n);
    if (n) memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void ng_buf_puts(ng_buf *b, const char *s)
{
    ng_buf_append(b, s, strlen(s));
}

void ng_buf_putc(ng_buf *b, char c)
{
    ng_buf_append(b, &c, 1);
}

void ng_buf_printf(ng_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    ng_buf_reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

char *ng_buf_steal(ng_buf *b)
{
    char *p = b->data ? b->data : ng_xstrdup("");
    ng_buf_init(b);
    return p;
}

static void vreport(const char *kind, const char *fmt, va_list ap)
{
    fprintf(stderr, "newsgraph: %s: ", kind);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

void ng_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport("error", fmt, ap);
    va_end(ap);
}

void ng_warn(const char *fmt, ...)
{
    if (ng_quiet) return;
    va_list ap;
    va_start(ap, fmt);
    vreport("warning", fmt, ap);
    va_end(ap);
}

void ng_strvec_push(ng_strvec *sv, const char *s)
{
    if (sv->n == sv->cap) {
        sv->cap = sv->cap ? sv->cap * 2 : 4;
        sv->v = ng_xrealloc(sv->v, sv->cap * sizeof *sv->v);
    }
    sv->v[sv->n++] = ng_xstrdup(s);
}

int ng_strvec_contains(const ng_strvec *sv, const char *s)
{
    for (size_t i = 0; i < sv->n; i++)
        if (strcmp(sv->v[i], s) == 0) return 1;
    return 0;
}

void ng_strvec_push_unique(ng_strvec *sv, const char *s)
{
    if (!ng_strvec_contains(sv, s)) ng_strvec_push(sv, s);
}

void ng_strvec_free(ng_strvec *sv)
{
    for (size_t i = 0; i < sv->n; i++) free(sv->v[i]);
    free(sv->v);
    sv->v = NULL;
    sv->n = sv->cap = 0;
}

int ng_read_file(const char *path, char **data, size_t *len)
{
    FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!fp) {
        ng_error("%s: cannot open: %s", path, strerror(errno));
        return -1;
    }
    ng_buf b;
    ng_buf_init(&b);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
        ng_buf_append(&b, chunk, n);
    int err = ferror(fp);
    int saved = errno;
    if (fp != stdin) fclose(fp);
    if (err) {
        ng_error("%s: read error: %s", path, strerror(saved));
        ng_buf_free(&b);
        return -1;
    }
    *len = b.len;
    *data = ng_buf_steal(&b);
    return 0;
}

uint64_t ng_hash(const void *data, size_t n)
{
    const unsigned char *p = data;
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 1099511628211ULL;
    }
    return h;
}

double ng_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}
