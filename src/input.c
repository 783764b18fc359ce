/* input.c - read articles from files, directories, JSON Lines and stdin. */
#include "input.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "strmap.h"
#include "utf8.h"

/* Directory nesting deeper than this is certainly not a corpus layout; the
 * cap keeps a pathological tree from exhausting the stack or fds. */
#define INPUT_MAX_DEPTH 64
/* A first line longer than this is a paragraph, not a headline. */
#define INPUT_MAX_TITLE_CHARS 300
#define INPUT_CHUNK 65536

typedef struct loader {
    ng_graph *g;
    size_t max;        /* max article bytes */
    int keep_going;
    int stop;          /* set after a problem when !keep_going */
    size_t n_bad;
    size_t n_loaded;
    ng_strmap ids;     /* every doc id in g, for uniqueness */
} loader;

void ng_input_opts_default(ng_input_opts *o)
{
    o->max_article_bytes = NG_INPUT_DEFAULT_MAX_ARTICLE_BYTES;
    o->keep_going = 1;
}

/* Report one problem; counts it and, without keep_going, stops loading. */
static void bad(loader *ld, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void bad(loader *ld, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *msg = ng_xmalloc(n > 0 ? (size_t)n + 1 : 1);
    va_start(ap, fmt);
    vsnprintf(msg, n > 0 ? (size_t)n + 1 : 1, fmt, ap);
    va_end(ap);
    ng_error("%s", msg);
    free(msg);
    ld->n_bad++;
    if (!ld->keep_going) ld->stop = 1;
}

/* File names need not be UTF-8, but every model string must be: map stray
 * bytes to U+FFFD (and controls to spaces) via the normaliser. */
static char *clean_name(const char *s)
{
    return ng_text_normalise(s, strlen(s), NULL);
}

char *ng_input_parse_date(const char *s)
{
    if (!s) return NULL;
    size_t n = strlen(s);
    if (n < 10) return NULL;
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7) {
            if (s[i] != '-') return NULL;
        } else if (s[i] < '0' || s[i] > '9') {
            return NULL;
        }
    }
    /* Longer values must continue like an ISO timestamp, so "2021-12-091"
     * is not silently cut to a different date. */
    if (n > 10 && s[10] != 'T' && s[10] != 't' && s[10] != ' ') return NULL;
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || m < 1 || m > 12 || d < 1) return NULL;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    int dim = mdays[m - 1] + (m == 2 && leap);
    if (d > dim) return NULL;
    return ng_xstrndup(s, 10);
}

/* Make id unique among loaded docs; takes ownership of id. */
static char *unique_id(loader *ld, char *id, const char *where)
{
    /* Every article id passes here (JSONL "id", file names).  Normalising
     * keeps line breaks, which text needs; an id must not have any control
     * character, or graph.json (which refuses them) would not read back. */
    for (char *p = id; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f) *p = ' ';
    size_t n = strlen(id);
    if (!ng_strmap_get(&ld->ids, id, n)) {
        ng_strmap_put(&ld->ids, id, n, 1);
        return id;
    }
    ng_buf b;
    ng_buf_init(&b);
    for (unsigned k = 2;; k++) {
        ng_buf_reset(&b);
        ng_buf_printf(&b, "%s#%u", id, k);
        if (!ng_strmap_get(&ld->ids, b.data, b.len)) break;
    }
    ng_strmap_put(&ld->ids, b.data, b.len, 1);
    ng_warn("%s: duplicate article id '%s', using '%s'", where, id, b.data);
    free(id);
    return ng_buf_steal(&b);
}

static int all_space(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r' && s[i] != '\f' &&
            s[i] != '\v')
            return 0;
    return 1;
}

/* BBC layout: "Headline\n\nBody...".  Returns the trimmed first line when
 * the second line is blank, else NULL.  Works on normalised text, where
 * every kind of space is ' ' and every line break '\n'. */
static char *text_title(const char *t, size_t n)
{
    const char *nl = memchr(t, '\n', n);
    if (!nl) return NULL;
    const char *l2 = nl + 1;
    const char *nl2 = memchr(l2, '\n', n - (size_t)(l2 - t));
    if (!nl2 || !all_space(l2, (size_t)(nl2 - l2))) return NULL;
    const char *a = t, *e = nl;
    while (a < e && *a == ' ') a++;
    while (e > a && e[-1] == ' ') e--;
    if (a == e || ng_utf8_count(a, (size_t)(e - a)) > INPUT_MAX_TITLE_CHARS) return NULL;
    return ng_xstrndup(a, (size_t)(e - a));
}

/* Metadata for one article; strings owned, handed to the doc. */
typedef struct art_meta {
    char *id, *title, *date, *source, *url;
} art_meta;

static void meta_free(art_meta *m)
{
    free(m->id);
    free(m->title);
    free(m->date);
    free(m->source);
    free(m->url);
    memset(m, 0, sizeof *m);
}

/* Validate and add one article.  where names it in messages ("F" or
 * "F:L"); base is the file offset of text[0] (for UTF-8 error offsets);
 * is_text_file enables headline detection.  Takes ownership of *m. */
static void add_article(loader *ld, const char *where, const char *path, const char *text,
                        size_t n, size_t base, int is_text_file, art_meta *m)
{
    if (n > ld->max) {
        bad(ld, "%s: article is %zu bytes, larger than the limit of %zu (--max-article-bytes)",
            where, n, ld->max);
        goto out;
    }
    const char *nul = memchr(text, '\0', n);
    if (nul) {
        bad(ld, "%s: binary file (NUL byte at offset %zu)", where, base + (size_t)(nul - text));
        goto out;
    }
    if (ng_looks_binary(text, n)) {
        bad(ld, "%s: binary file (mostly control characters)", where);
        goto out;
    }
    size_t off;
    if (ng_utf8_validate(text, n, &off) != 0) {
        bad(ld, "%s: invalid UTF-8 at byte %zu", where, base + off);
        goto out;
    }
    size_t len;
    char *norm = ng_text_normalise(text, n, &len);
    if (all_space(norm, len)) {
        free(norm);
        bad(ld, "%s: empty article", where);
        goto out;
    }
    ng_doc d;
    memset(&d, 0, sizeof d);
    if (is_text_file && !m->title) m->title = text_title(norm, len);
    d.id = unique_id(ld, m->id, where);
    d.title = m->title;
    d.date = m->date;
    d.source = m->source;
    d.url = m->url;
    memset(m, 0, sizeof *m); /* ownership moved to d */
    d.path = clean_name(path);
    d.text = norm;
    d.len = len;
    d.n_chars = ng_utf8_count(norm, len);
    ng_graph_add_doc(ld->g, &d);
    ld->n_loaded++;
out:
    meta_free(m);
}

/* Append fp's content to b until EOF or until more than cap bytes are held
 * (so /dev/zero or a giant file cannot exhaust memory).  Returns 0 or an
 * errno value; *over is set when the cap was exceeded. */
static int read_capped(FILE *fp, ng_buf *b, size_t cap, int *over)
{
    *over = 0;
    for (;;) {
        if (b->len > cap) {
            *over = 1;
            return 0;
        }
        ng_buf_reserve(b, INPUT_CHUNK);
        size_t got = fread(b->data + b->len, 1, INPUT_CHUNK, fp);
        b->len += got;
        b->data[b->len] = '\0';
        if (got < INPUT_CHUNK) {
            if (ferror(fp)) return errno ? errno : EIO;
            if (feof(fp)) return 0;
        }
    }
}

/* "dir/politics/001.txt" -> "001" (base name, extension dropped) */
static char *stem_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    return ng_xstrndup(base, n);
}

/* Drop the extension of the last component of a relative path. */
static char *drop_ext(const char *rel)
{
    const char *slash = strrchr(rel, '/');
    const char *base = slash ? slash + 1 : rel;
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot != base ? (size_t)(dot - rel) : strlen(rel);
    return ng_xstrndup(rel, n);
}

/* A text article from an already opened stream; takes ownership of id. */
static void text_stream(loader *ld, FILE *fp, const char *path, ng_buf *b, long long known_size,
                        char *id)
{
    int over;
    int err = read_capped(fp, b, ld->max, &over);
    art_meta m = {0};
    m.id = id;
    if (err) {
        bad(ld, "%s: read error: %s", path, strerror(err));
        meta_free(&m);
        return;
    }
    if (over) {
        if (known_size >= 0)
            bad(ld, "%s: article is %lld bytes, larger than the limit of %zu (--max-article-bytes)",
                path, known_size, ld->max);
        else
            bad(ld, "%s: article is more than %zu bytes, larger than the limit of %zu "
                "(--max-article-bytes)", path, ld->max, ld->max);
        meta_free(&m);
        return;
    }
    add_article(ld, path, path, b->data ? b->data : "", b->len, 0, 1, &m);
}

static void load_text_file(loader *ld, const char *path, char *id)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        bad(ld, "%s: cannot open: %s", path, strerror(errno));
        free(id);
        return;
    }
    struct stat st;
    long long size = -1;
    if (fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode)) size = (long long)st.st_size;
    ng_buf b;
    ng_buf_init(&b);
    if (size >= 0 && (unsigned long long)size > ld->max) {
        /* Known too big: say so without reading it. */
        bad(ld, "%s: article is %lld bytes, larger than the limit of %zu (--max-article-bytes)",
            path, size, ld->max);
        free(id);
    } else {
        if (size > 0) ng_buf_reserve(&b, (size_t)size + 1);
        text_stream(ld, fp, path, &b, size, id);
    }
    ng_buf_free(&b);
    fclose(fp);
}

/* ---- JSON Lines ------------------------------------------------------ */

static char *json_str(const cJSON *obj, const char *key, const char *where)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!v || cJSON_IsNull(v)) return NULL;
    if (cJSON_IsString(v)) return ng_xstrdup(v->valuestring);
    if (strcmp(key, "id") == 0 && cJSON_IsNumber(v)) {
        /* numeric ids are common in exports; keep integers readable */
        ng_buf b;
        ng_buf_init(&b);
        double x = v->valuedouble;
        /* range check first: casting an out-of-range double is undefined */
        if (x > -9e15 && x < 9e15 && x == (double)(long long)x)
            ng_buf_printf(&b, "%lld", (long long)v->valuedouble);
        else
            ng_buf_printf(&b, "%.17g", v->valuedouble);
        return ng_buf_steal(&b);
    }
    ng_warn("%s: \"%s\" is not a string, ignored", where, key);
    return NULL;
}

/* One line of a JSON Lines file (without its '\n'); off = its file offset. */
static void jsonl_line(loader *ld, const char *file, size_t line_no, const char *s, size_t n,
                       size_t off, size_t *n_articles)
{
    if (n && s[n - 1] == '\r') n--; /* CRLF files */
    if (line_no == 1 && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
        s += 3; /* a UTF-8 BOM is not JSON */
        n -= 3;
        off += 3;
    }
    if (all_space(s, n)) return;
    (*n_articles)++;
    ng_buf w;
    ng_buf_init(&w);
    ng_buf_printf(&w, "%s:%zu", file, line_no);
    const char *where = w.data;
    size_t bad_off;
    const char *nul = memchr(s, '\0', n);
    if (nul) {
        bad(ld, "%s: binary data (NUL byte at offset %zu)", where, off + (size_t)(nul - s));
        goto out;
    }
    if (ng_utf8_validate(s, n, &bad_off) != 0) {
        bad(ld, "%s: invalid UTF-8 at byte %zu", where, off + bad_off);
        goto out;
    }
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(s, n, &end, 0);
    if (!root) {
        size_t col = end && end >= s && end <= s + n ? ng_utf8_count(s, (size_t)(end - s)) + 1 : 1;
        bad(ld, "%s: not valid JSON (column %zu)", where, col);
        goto out;
    }
    if (end && !all_space(end, n - (size_t)(end - s))) {
        bad(ld, "%s: text after the JSON value (column %zu)", where,
            ng_utf8_count(s, (size_t)(end - s)) + 1);
        cJSON_Delete(root);
        goto out;
    }
    if (!cJSON_IsObject(root)) {
        bad(ld, "%s: not a JSON object", where);
        cJSON_Delete(root);
        goto out;
    }
    const cJSON *text = cJSON_GetObjectItemCaseSensitive(root, "text");
    if (!cJSON_IsString(text)) {
        bad(ld, "%s: no \"text\" string", where);
        cJSON_Delete(root);
        goto out;
    }
    art_meta m = {0};
    m.id = json_str(root, "id", where);
    if (m.id && !*m.id) {
        free(m.id);
        m.id = NULL;
    }
    if (!m.id) {
        m.id = ng_xstrdup(where);
    } else {
        char *c = clean_name(m.id); /* controls in ids would break every output */
        free(m.id);
        m.id = c;
    }
    char *title = json_str(root, "title", where);
    if (title) {
        m.title = ng_text_normalise(title, strlen(title), NULL);
        free(title);
        size_t a = 0, e = strlen(m.title);
        while (a < e && m.title[a] == ' ') a++;
        while (e > a && (m.title[e - 1] == ' ' || m.title[e - 1] == '\n')) e--;
        if (a == e) {
            free(m.title);
            m.title = NULL;
        } else {
            memmove(m.title, m.title + a, e - a);
            m.title[e - a] = '\0';
        }
    }
    char *date = json_str(root, "date", where);
    if (date) {
        m.date = ng_input_parse_date(date);
        if (!m.date) ng_warn("%s: date '%s' is not a valid ISO 8601 date (YYYY-MM-DD), ignored", where, date);
        free(date);
    }
    m.source = json_str(root, "source", where);
    m.url = json_str(root, "url", where);
    /* The raw line was validated above and cJSON emits valid UTF-8, so the
     * checks in add_article that report offsets cannot fire on offsets
     * inside the decoded text; off is passed only for consistency. */
    add_article(ld, where, file, text->valuestring, strlen(text->valuestring), off, 0, &m);
    cJSON_Delete(root);
out:
    ng_buf_free(&w);
}

/* Stream a JSON Lines file line by line.  b may already hold the first
 * bytes (stdin sniffing).  Lines are found with memchr from where the last
 * search stopped, and consumed bytes are dropped once they make up half the
 * buffer, so a huge line costs linear time, never quadratic. */
static void jsonl_stream(loader *ld, FILE *fp, const char *file, ng_buf *b)
{
    /* An escaped article can be up to 6x its decoded size ("\u00e9");
     * a longer line cannot hold an article within the limit. */
    size_t max_line = ld->max <= (SIZE_MAX - 65536) / 6 ? ld->max * 6 + 65536 : SIZE_MAX;
    size_t start = 0, scan = 0, base = 0, line_no = 1, n_articles = 0;
    int eof = 0, skipping = 0;
    while (!ld->stop) {
        char *nl = b->len > scan ? memchr(b->data + scan, '\n', b->len - scan) : NULL;
        if (nl) {
            size_t end = (size_t)(nl - b->data);
            if (!skipping)
                jsonl_line(ld, file, line_no, b->data + start, end - start, base + start,
                           &n_articles);
            skipping = 0;
            line_no++;
            start = scan = end + 1;
            continue;
        }
        scan = b->len;
        if (eof) {
            if (!skipping && start < b->len)
                jsonl_line(ld, file, line_no, b->data + start, b->len - start, base + start,
                           &n_articles);
            break;
        }
        if (!skipping && b->len - start > max_line) {
            n_articles++;
            bad(ld, "%s:%zu: line is more than %zu bytes, too long for an article within the "
                "limit of %zu (--max-article-bytes)", file, line_no, max_line, ld->max);
            skipping = 1;
        }
        if (skipping) {
            /* drop the rest of the over-long line as it streams past */
            base += b->len;
            start = scan = 0;
            ng_buf_reset(b);
        } else if (start > INPUT_CHUNK && start >= b->len / 2) {
            memmove(b->data, b->data + start, b->len - start);
            b->len -= start;
            b->data[b->len] = '\0';
            base += start;
            scan -= start;
            start = 0;
        }
        ng_buf_reserve(b, INPUT_CHUNK);
        size_t got = fread(b->data + b->len, 1, INPUT_CHUNK, fp);
        b->len += got;
        b->data[b->len] = '\0';
        if (got < INPUT_CHUNK) {
            if (ferror(fp)) {
                bad(ld, "%s: read error: %s", file, strerror(errno ? errno : EIO));
                return;
            }
            if (feof(fp)) eof = 1;
        }
    }
    if (!ld->stop && n_articles == 0) bad(ld, "%s: no articles (empty JSON Lines file)", file);
}

static void load_jsonl_file(loader *ld, const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        bad(ld, "%s: cannot open: %s", path, strerror(errno));
        return;
    }
    ng_buf b;
    ng_buf_init(&b);
    jsonl_stream(ld, fp, path, &b);
    ng_buf_free(&b);
    fclose(fp);
}

static void load_stdin(loader *ld)
{
    const char *name = "<stdin>";
    ng_buf b;
    ng_buf_init(&b);
    /* Read until the first non-space byte decides the format. */
    size_t i = 0;
    int decided = 0, is_jsonl = 0;
    while (!decided) {
        ng_buf_reserve(&b, INPUT_CHUNK);
        size_t got = fread(b.data + b.len, 1, INPUT_CHUNK, stdin);
        b.len += got;
        b.data[b.len] = '\0';
        for (; i < b.len; i++) {
            unsigned char c = (unsigned char)b.data[i];
            if (i < 3 && b.len >= 3 && memcmp(b.data, "\xEF\xBB\xBF", 3) == 0) continue; /* BOM */
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') continue;
            is_jsonl = c == '{';
            decided = 1;
            break;
        }
        if (got < INPUT_CHUNK && (feof(stdin) || ferror(stdin))) break;
        if (b.len > ld->max) break; /* text too long; text_stream reports it */
    }
    if (ferror(stdin)) {
        bad(ld, "%s: read error: %s", name, strerror(errno ? errno : EIO));
    } else if (is_jsonl) {
        jsonl_stream(ld, stdin, name, &b);
    } else {
        text_stream(ld, stdin, name, &b, -1, ng_xstrdup("stdin"));
    }
    ng_buf_free(&b);
}

/* ---- directories ----------------------------------------------------- */

static int has_ext(const char *name, const char *const *exts)
{
    const char *dot = strrchr(name, '.');
    if (!dot || dot == name) return 0;
    for (; *exts; exts++)
        if (strcasecmp(dot, *exts) == 0) return 1;
    return 0;
}

/* Only .txt/.text in folders: a README.md beside the articles is
 * documentation, not news.  A .md file named on the command line is read. */
static const char *const text_exts[] = {".txt", ".text", NULL};
static const char *const jsonl_exts[] = {".jsonl", ".ndjson", NULL};

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *join(const char *dir, const char *name)
{
    ng_buf b;
    ng_buf_init(&b);
    size_t n = strlen(dir);
    ng_buf_puts(&b, dir);
    if (n && dir[n - 1] != '/') ng_buf_putc(&b, '/');
    ng_buf_puts(&b, name);
    return ng_buf_steal(&b);
}

/* Walk dir; rel is its path relative to the argument ("" at the top).
 * *n_found counts article files taken (whether or not they were good). */
static void walk(loader *ld, const char *dir, const char *rel, int depth, size_t *n_found)
{
    DIR *dp = opendir(dir);
    if (!dp) {
        bad(ld, "%s: cannot open directory: %s", dir, strerror(errno));
        return;
    }
    ng_strvec names = {0};
    struct dirent *de;
    errno = 0;
    while ((de = readdir(dp)) != NULL) {
        if (de->d_name[0] == '.') continue; /* hidden, ".", ".." */
        ng_strvec_push(&names, de->d_name);
    }
    int rd_err = errno;
    closedir(dp);
    if (rd_err) {
        bad(ld, "%s: cannot read directory: %s", dir, strerror(rd_err));
        ng_strvec_free(&names);
        return;
    }
    /* Byte order, not readdir order: the same tree must give the same doc
     * order (and so the same output) on every file system. */
    if (names.n) qsort(names.v, names.n, sizeof *names.v, name_cmp);
    for (size_t i = 0; i < names.n && !ld->stop; i++) {
        char *full = join(dir, names.v[i]);
        char *r = *rel ? join(rel, names.v[i]) : ng_xstrdup(names.v[i]);
        struct stat st;
        if (lstat(full, &st) != 0) {
            bad(ld, "%s: cannot open: %s", full, strerror(errno));
        } else {
            if (S_ISLNK(st.st_mode)) {
                /* Follow links to files only: a link to a directory could
                 * form a loop or pull in a whole other tree. */
                if (stat(full, &st) != 0) {
                    ng_warn("%s: broken symbolic link, ignored", full);
                    st.st_mode = 0;
                } else if (S_ISDIR(st.st_mode)) {
                    ng_warn("%s: symbolic link to a directory, not followed", full);
                    st.st_mode = 0;
                }
            }
            if (S_ISDIR(st.st_mode)) {
                if (depth >= INPUT_MAX_DEPTH)
                    ng_warn("%s: nested more than %d directories deep, ignored", full,
                            INPUT_MAX_DEPTH);
                else
                    walk(ld, full, r, depth + 1, n_found);
            } else if (S_ISREG(st.st_mode)) {
                if (has_ext(names.v[i], text_exts)) {
                    (*n_found)++;
                    char *raw = drop_ext(r);
                    char *id = clean_name(raw);
                    free(raw);
                    load_text_file(ld, full, id);
                } else if (has_ext(names.v[i], jsonl_exts)) {
                    (*n_found)++;
                    load_jsonl_file(ld, full);
                }
            }
        }
        free(full);
        free(r);
    }
    ng_strvec_free(&names);
}

/* ---- entry point ----------------------------------------------------- */

int ng_input_load(ng_graph *g, const char *const *paths, size_t n_paths,
                  const ng_input_opts *o, size_t *n_bad)
{
    loader ld;
    memset(&ld, 0, sizeof ld);
    ld.g = g;
    ld.max = o && o->max_article_bytes ? o->max_article_bytes : NG_INPUT_DEFAULT_MAX_ARTICLE_BYTES;
    ld.keep_going = o ? o->keep_going : 1;
    ng_strmap_init(&ld.ids);
    for (size_t i = 0; i < g->n_docs; i++)
        if (g->docs[i].id) ng_strmap_put(&ld.ids, g->docs[i].id, strlen(g->docs[i].id), 1);

    for (size_t i = 0; i < n_paths && !ld.stop; i++) {
        const char *p = paths[i];
        if (strcmp(p, "-") == 0) {
            load_stdin(&ld);
            continue;
        }
        struct stat st;
        if (stat(p, &st) != 0) {
            bad(&ld, "%s: cannot open: %s", p, strerror(errno));
            continue;
        }
        if (S_ISDIR(st.st_mode)) {
            size_t found = 0;
            walk(&ld, p, "", 0, &found);
            if (!found && !ld.stop) bad(&ld, "%s: no articles (.txt, .jsonl) found", p);
        } else if (has_ext(strrchr(p, '/') ? strrchr(p, '/') + 1 : p, jsonl_exts)) {
            load_jsonl_file(&ld, p);
        } else {
            /* Named explicitly: read whatever it is, the checks decide. */
            char *raw = stem_of(p);
            char *id = clean_name(raw);
            free(raw);
            load_text_file(&ld, p, id);
        }
    }
    ng_strmap_free(&ld.ids);
    if (n_bad) *n_bad = ld.n_bad;
    if (ld.stop || ld.n_loaded == 0) return -1;
    return 0;
}
