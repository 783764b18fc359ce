/* rank.c - `newsgraph rank` (see rank.h for the command's contract). */
#include "rank.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "analysis.h"
#include "escape.h"
#include "graphio.h"
#include "outfile.h"

/* ---- measures ---------------------------------------------------------- */

typedef enum ng_rank_by {
    NG_RANK_PAGERANK,
    NG_RANK_BETWEENNESS,
    NG_RANK_CLOSENESS,
    NG_RANK_HARMONIC,
    NG_RANK_EIGENVECTOR,
    NG_RANK_HUB,
    NG_RANK_AUTHORITY,
    NG_RANK_DEGREE,
    NG_RANK_STRENGTH,
    NG_RANK_KCORE,
    NG_RANK_BY_COUNT
} ng_rank_by;

static const char *const ng_rank_by_names[NG_RANK_BY_COUNT] = {
    "pagerank", "betweenness", "closeness", "harmonic", "eigenvector",
    "hub",      "authority",   "degree",    "strength", "kcore"};

static double ng_rank_value(const ng_actor *a, ng_rank_by by)
{
    const ng_scores *s = &a->scores;
    switch (by) {
    case NG_RANK_PAGERANK: return s->pagerank;
    case NG_RANK_BETWEENNESS: return s->betweenness;
    case NG_RANK_CLOSENESS: return s->closeness;
    case NG_RANK_HARMONIC: return s->harmonic;
    case NG_RANK_EIGENVECTOR: return s->eigenvector;
    case NG_RANK_HUB: return s->hub;
    case NG_RANK_AUTHORITY: return s->authority;
    case NG_RANK_DEGREE: return s->degree;
    case NG_RANK_STRENGTH: return s->strength;
    case NG_RANK_KCORE: return s->kcore;
    default: return NAN;
    }
}

/* Sorting needs the graph and the measure; qsort has no context argument
 * and qsort_r is not portable, so a file-level pointer it is (the CLI is
 * single-threaded, like model.c's tie sort). */
static const ng_graph *ng_rank_sort_g;
static ng_rank_by ng_rank_sort_by;

static int ng_rank_cmp(const void *pa, const void *pb)
{
    int a = *(const int *)pa, b = *(const int *)pb;
    double x = ng_rank_value(&ng_rank_sort_g->actors[a], ng_rank_sort_by);
    double y = ng_rank_value(&ng_rank_sort_g->actors[b], ng_rank_sort_by);
    int xn = isnan(x), yn = isnan(y);
    if (xn != yn) return xn - yn; /* NaN last */
    if (!xn && x != y) return x > y ? -1 : 1;
    return strcmp(ng_rank_sort_g->actors[a].id, ng_rank_sort_g->actors[b].id);
}

/* Actor indices in ranking order; type_filter < 0 = all types;
 * active_only keeps actors with at least one tie. */
static int *ng_rank_order(const ng_graph *g, ng_rank_by by, int type_filter, int active_only,
                          size_t *n_out)
{
    int *idx = ng_xmalloc((g->n_actors ? g->n_actors : 1) * sizeof *idx);
    size_t n = 0;
    for (size_t i = 0; i < g->n_actors; i++) {
        const ng_actor *a = &g->actors[i];
        if (type_filter >= 0 && (int)a->type != type_filter) continue;
        if (active_only && a->scores.degree == 0) continue;
        idx[n++] = (int)i;
    }
    ng_rank_sort_g = g;
    ng_rank_sort_by = by;
    qsort(idx, n, sizeof *idx, ng_rank_cmp);
    *n_out = n;
    return idx;
}

/* ---- text helpers -------------------------------------------------------- */

/* Code points in s (the model stores valid UTF-8). */
static size_t ng_rank_width(const char *s)
{
    size_t w = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if ((*p & 0xC0) != 0x80) w++;
    return w;
}

/* A label for a table cell: control characters become spaces (a newline in
 * a label would break the table) and anything longer than max code points is
 * cut at a code point boundary with an ellipsis.  Returns a new string. */
static char *ng_rank_cell(const char *s, size_t max)
{
    ng_buf b;
    ng_buf_init(&b);
    size_t w = 0, total = ng_rank_width(s);
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        size_t len = 1;
        if (*p >= 0xF0) len = 4;
        else if (*p >= 0xE0) len = 3;
        else if (*p >= 0xC0) len = 2;
        if (total > max && w == max - 1) {
            ng_buf_puts(&b, "\xE2\x80\xA6"); /* … */
            break;
        }
        if (*p < 0x20 || *p == 0x7F) {
            ng_buf_putc(&b, ' ');
        } else if (len == 2 && p[0] == 0xC2 && p[1] >= 0x80 && p[1] < 0xA0) {
            ng_buf_putc(&b, ' '); /* C1 control */
        } else {
            /* Never step past the terminating NUL even if the string were
             * malformed. */
            size_t k = 0;
            while (k < len && p[k]) k++;
            ng_buf_append(&b, (const char *)p, k);
            len = k ? k : 1;
        }
        p += len;
        w++;
    }
    if (!b.data) ng_buf_puts(&b, "");
    return ng_buf_steal(&b);
}

static void ng_rank_pad(ng_buf *b, const char *s, size_t width)
{
    ng_buf_puts(b, s);
    for (size_t w = ng_rank_width(s); w < width; w++) ng_buf_putc(b, ' ');
}

#define NG_RANK_LABEL_MAX 40

static void ng_rank_num(ng_buf *b, double v)
{
    ng_esc_double(b, v, "");
}

/* ---- table / csv / json rows ----------------------------------------------- */

typedef enum { NG_RANK_TABLE, NG_RANK_CSV, NG_RANK_JSON } ng_rank_format;

/* Counts line.  In window mode (active_only) actors without ties in the
 * window are left out of both counts: each would otherwise add a singleton
 * community and make every window look fragmented. */
static void ng_rank_counts(const ng_graph *g, int active_only, size_t *na_out, size_t *nc_out,
                           size_t *big_out)
{
    size_t na = 0, nc = 0, big = 0;
    size_t *size = ng_xcalloc(g->n_actors ? g->n_actors : 1, sizeof *size);
    for (size_t i = 0; i < g->n_actors; i++) {
        const ng_actor *a = &g->actors[i];
        if (active_only && a->scores.degree == 0) continue;
        na++;
        int c = a->community;
        if (c >= 0 && (size_t)c < g->n_actors) {
            if (size[c] == 0) nc++;
            if (++size[c] == 2) big++;
        }
    }
    free(size);
    *na_out = na;
    *nc_out = nc;
    if (big_out) *big_out = big;
}

static void ng_rank_header(ng_buf *b, const ng_graph *g, int active_only)
{
    size_t na, nc, big;
    ng_rank_counts(g, active_only, &na, &nc, &big);
    /* Every tie-less actor is a community of one; say how many communities
     * are real groups so the count is not misread. */
    ng_buf_printf(b, "%s: %zu  ties: %zu  communities: %zu (%zu with 2+ actors)  modularity: ",
                  active_only ? "active actors" : "actors", na, g->n_ties, nc, big);
    if (isnan(g->modularity))
        ng_buf_puts(b, "n/a\n");
    else
        ng_buf_printf(b, "%.4f\n", g->modularity);
}

/* Aligned table of the first `n` actors of `order`.  extra (may be
 * NO_EXTRA) adds the chosen measure when it is not already a column; chg
 * (may be NULL) adds a "change" column (window mode). */
#define NG_RANK_NO_EXTRA NG_RANK_BY_COUNT
static void ng_rank_table_rows(ng_buf *b, const ng_graph *g, const int *order, size_t n,
                               ng_rank_by extra, char **chg)
{
    char **cells = ng_xmalloc((n ? n : 1) * sizeof *cells);
    size_t lw = strlen("label"), cw = strlen("change");
    for (size_t i = 0; i < n; i++) {
        cells[i] = ng_rank_cell(g->actors[order[i]].label, NG_RANK_LABEL_MAX);
        size_t w = ng_rank_width(cells[i]);
        if (w > lw) lw = w;
        if (chg && strlen(chg[i]) > cw) cw = strlen(chg[i]);
    }
    char num[32];
    snprintf(num, sizeof num, "%zu", n);
    int rw = (int)strlen(num) > 4 ? (int)strlen(num) : 4;
    ng_buf_printf(b, "%*s  ", rw, "rank");
    if (chg) ng_buf_printf(b, "%-*s  ", (int)cw, "change");
    ng_rank_pad(b, "label", lw);
    ng_buf_printf(b, "  %-12s", "type");
    if (extra != NG_RANK_NO_EXTRA) ng_buf_printf(b, "  %12s", ng_rank_by_names[extra]);
    ng_buf_printf(b, "  %12s  %12s  %6s\n", "pagerank", "betweenness", "degree");
    for (size_t i = 0; i < n; i++) {
        const ng_actor *a = &g->actors[order[i]];
        ng_buf_printf(b, "%*zu  ", rw, i + 1);
        if (chg) ng_buf_printf(b, "%-*s  ", (int)cw, chg[i]);
        ng_rank_pad(b, cells[i], lw);
        ng_buf_printf(b, "  %-12s", ng_actor_type_name(a->type));
        if (extra != NG_RANK_NO_EXTRA) {
            if (extra == NG_RANK_KCORE)
                ng_buf_printf(b, "  %12d", a->scores.kcore);
            else
                ng_buf_printf(b, "  %12.6g", ng_rank_value(a, extra));
        }
        ng_buf_printf(b, "  %12.6f  %12.2f  %6d\n", a->scores.pagerank, a->scores.betweenness,
                      a->scores.degree);
        free(cells[i]);
    }
    free(cells);
}

static ng_rank_by ng_rank_extra_column(ng_rank_by by)
{
    return by == NG_RANK_PAGERANK || by == NG_RANK_BETWEENNESS || by == NG_RANK_DEGREE
               ? NG_RANK_NO_EXTRA
               : by;
}

static const char ng_rank_csv_header[] =
    "id,label,type,pagerank,betweenness,closeness,harmonic,eigenvector,hub,authority,degree,"
    "in_degree,out_degree,strength,kcore,community,strength_in,strength_out,coop_given,"
    "coop_received";

static void ng_rank_csv_row(ng_buf *b, const ng_actor *a)
{
    const ng_scores *s = &a->scores;
    ng_esc_csv(b, a->id, 1);
    ng_buf_putc(b, ',');
    ng_esc_csv(b, a->label, 1);
    ng_buf_putc(b, ',');
    ng_esc_csv(b, ng_actor_type_name(a->type), 0);
    const double d1[] = {s->pagerank, s->betweenness, s->closeness, s->harmonic,
                         s->eigenvector, s->hub, s->authority};
    for (size_t i = 0; i < sizeof d1 / sizeof *d1; i++) {
        ng_buf_putc(b, ',');
        ng_rank_num(b, d1[i]);
    }
    ng_buf_printf(b, ",%d,%d,%d,", s->degree, s->in_degree, s->out_degree);
    ng_rank_num(b, s->strength);
    ng_buf_printf(b, ",%d,%d,", s->kcore, a->community);
    ng_rank_num(b, s->strength_in);
    ng_buf_putc(b, ',');
    ng_rank_num(b, s->strength_out);
    ng_buf_putc(b, ',');
    ng_rank_num(b, s->coop_given);
    ng_buf_putc(b, ',');
    ng_rank_num(b, s->coop_received);
    ng_buf_putc(b, '\n');
}

/* One ranking entry.  prev_rank: -1 outside window mode (no fields), 0 =
 * absent from the previous window, else its rank there. */
static void ng_rank_json_actor(ng_buf *b, const ng_actor *a, size_t rank, int prev_rank)
{
    const ng_scores *s = &a->scores;
    ng_buf_printf(b, "{\"rank\":%zu,\"id\":", rank);
    ng_esc_json(b, a->id);
    ng_buf_puts(b, ",\"label\":");
    ng_esc_json(b, a->label);
    ng_buf_puts(b, ",\"type\":");
    ng_esc_json(b, ng_actor_type_name(a->type));
    ng_buf_printf(b, ",\"community\":%d,\"scores\":", a->community);
    ng_esc_json_scores(b, s);
    if (prev_rank > 0)
        ng_buf_printf(b, ",\"prev_rank\":%d,\"change\":%d", prev_rank, prev_rank - (int)rank);
    else if (prev_rank == 0)
        ng_buf_puts(b, ",\"prev_rank\":null,\"change\":null");
    ng_buf_putc(b, '}');
}

void ng_rank_print_table(const ng_graph *g, FILE *out, int top)
{
    ng_buf b;
    ng_buf_init(&b);
    size_t n;
    int *order = ng_rank_order(g, NG_RANK_PAGERANK, -1, 0, &n);
    if (top > 0 && (size_t)top < n) n = (size_t)top;
    ng_rank_header(&b, g, 0);
    if (n) ng_rank_table_rows(&b, g, order, n, NG_RANK_NO_EXTRA, NULL);
    free(order);
    fputs(b.data, out);
    ng_buf_free(&b);
}

/* ---- options -------------------------------------------------------------- */

typedef struct ng_rank_opts {
    const char *graph;
    ng_rank_by by;
    size_t top;  /* 0 = all */
    int type;    /* -1 = all */
    ng_rank_format format;
    const char *out;
    const char *allies, *adversaries;
    const char *since, *until;
    int window;  /* 0 none, 'w' week, 'm' month */
    ng_analysis_opts ana;
} ng_rank_opts;

static void ng_rank_usage(FILE *fp)
{
    fputs("usage: newsgraph rank GRAPH [options]\n"
          "  GRAPH                    graph.json from `newsgraph build`, or a GraphML file\n"
          "  --by MEASURE             pagerank (default), betweenness, closeness, harmonic,\n"
          "                           eigenvector, hub, authority, degree, strength, kcore\n"
          "  --top N                  show the first N actors (default 20; 0 = all)\n"
          "  --type TYPE              only Person, Organization or Country\n"
          "  --format FMT             table (default), csv or json\n"
          "  -o FILE                  write to FILE instead of standard output\n"
          "  --allies ACTOR           ACTOR's partners with a positive cooperation balance\n"
          "  --adversaries ACTOR      ACTOR's partners with a negative balance\n"
          "                           (ACTOR = id or label, case-insensitive)\n"
          "  --since DATE, --until DATE\n"
          "                           keep relations from documents dated in the range\n"
          "                           (YYYY-MM-DD, inclusive; undated relations dropped)\n"
          "  --window week|month      rank each ISO week / month, with rank changes\n"
          "  --resolution R           Leiden modularity resolution (default 1)\n"
          "  --seed N                 random seed for Leiden (default 42)\n"
          "  --approx-betweenness C   betweenness over paths of length <= C only\n",
          fp);
}

static int ng_rank_bad(const char *fmt, const char *arg)
{
    ng_error(fmt, arg);
    fputs("Try 'newsgraph rank --help'.\n", stderr);
    return NG_EXIT_USAGE;
}

static int ng_rank_is_date(const char *s)
{
    return strlen(s) == 10 && ng_esc_is_date(s);
}

/* Parse argv into o.  Returns -1 to continue, or an exit code. */
static int ng_rank_parse(int argc, char **argv, ng_rank_opts *o)
{
    memset(o, 0, sizeof *o);
    o->by = NG_RANK_PAGERANK;
    o->top = 20;
    o->type = -1;
    o->format = NG_RANK_TABLE;
    ng_analysis_opts_default(&o->ana);
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
            ng_rank_usage(stdout);
            return NG_EXIT_OK;
        }
        if (arg[0] != '-' || strcmp(arg, "-") == 0) {
            if (o->graph) return ng_rank_bad("rank: more than one GRAPH given ('%s')", arg);
            o->graph = arg;
            continue;
        }
        /* Every option takes a value, as "--opt VALUE" or "--opt=VALUE". */
        char name[32];
        const char *val = NULL;
        const char *eq = strchr(arg, '=');
        if (eq && arg[1] == '-') {
            size_t n = (size_t)(eq - arg);
            if (n >= sizeof name) return ng_rank_bad("rank: unknown option '%s'", arg);
            memcpy(name, arg, n);
            name[n] = '\0';
            val = eq + 1;
        } else {
            if (strlen(arg) >= sizeof name) return ng_rank_bad("rank: unknown option '%s'", arg);
            strcpy(name, arg);
        }
        static const char *const known[] = {
            "--by",     "--top",         "--type",   "--format", "-o",
            "--output", "--allies",      "--adversaries", "--since", "--until",
            "--window", "--resolution",  "--seed",   "--approx-betweenness"};
        int found = 0;
        for (size_t k = 0; k < sizeof known / sizeof *known; k++)
            if (strcmp(name, known[k]) == 0) found = 1;
        if (!found) return ng_rank_bad("rank: unknown option '%s'", arg);
        if (!val) {
            if (i + 1 >= argc) return ng_rank_bad("rank: option '%s' needs a value", name);
            val = argv[++i];
        }
        char *end;
        if (strcmp(name, "--by") == 0) {
            int k;
            for (k = 0; k < NG_RANK_BY_COUNT; k++)
                if (strcasecmp(val, ng_rank_by_names[k]) == 0) break;
            if (k == NG_RANK_BY_COUNT) return ng_rank_bad("rank: unknown measure '%s'", val);
            o->by = (ng_rank_by)k;
        } else if (strcmp(name, "--top") == 0) {
            errno = 0;
            long long v = strtoll(val, &end, 10);
            if (end == val || *end || errno || v < 0)
                return ng_rank_bad("rank: --top needs a non-negative integer, not '%s'", val);
            o->top = (size_t)v;
        } else if (strcmp(name, "--type") == 0) {
            ng_actor_type t;
            int k;
            for (k = 0; k < NG_ACTOR_TYPE_COUNT; k++)
                if (strcasecmp(val, ng_actor_type_name((ng_actor_type)k)) == 0) break;
            if (k < NG_ACTOR_TYPE_COUNT)
                o->type = k;
            else if (ng_actor_type_parse(val, &t) == 0)
                o->type = (int)t;
            else
                return ng_rank_bad("rank: unknown actor type '%s'", val);
        } else if (strcmp(name, "--format") == 0) {
            if (strcmp(val, "table") == 0) o->format = NG_RANK_TABLE;
            else if (strcmp(val, "csv") == 0) o->format = NG_RANK_CSV;
            else if (strcmp(val, "json") == 0) o->format = NG_RANK_JSON;
            else return ng_rank_bad("rank: unknown format '%s' (table, csv, json)", val);
        } else if (strcmp(name, "-o") == 0 || strcmp(name, "--output") == 0) {
            o->out = val;
        } else if (strcmp(name, "--allies") == 0) {
            o->allies = val;
        } else if (strcmp(name, "--adversaries") == 0) {
            o->adversaries = val;
        } else if (strcmp(name, "--since") == 0 || strcmp(name, "--until") == 0) {
            if (!ng_rank_is_date(val))
                return ng_rank_bad("rank: dates are YYYY-MM-DD, not '%s'", val);
            if (name[2] == 's') o->since = val;
            else o->until = val;
        } else if (strcmp(name, "--window") == 0) {
            if (strcmp(val, "week") == 0) o->window = 'w';
            else if (strcmp(val, "month") == 0) o->window = 'm';
            else return ng_rank_bad("rank: --window is week or month, not '%s'", val);
        } else if (strcmp(name, "--resolution") == 0) {
            double v = strtod(val, &end);
            if (end == val || *end || !(v > 0) || !isfinite(v))
                return ng_rank_bad("rank: --resolution needs a positive number, not '%s'", val);
            o->ana.leiden_resolution = v;
        } else if (strcmp(name, "--seed") == 0) {
            errno = 0;
            unsigned long long v = strtoull(val, &end, 10);
            if (end == val || *end || errno || val[0] == '-')
                return ng_rank_bad("rank: --seed needs a non-negative integer, not '%s'", val);
            o->ana.seed = (unsigned long)v;
        } else { /* --approx-betweenness */
            errno = 0;
            long v = strtol(val, &end, 10);
            if (end == val || *end || errno || v <= 0 || v > 1000000)
                return ng_rank_bad("rank: --approx-betweenness needs a positive integer, not '%s'",
                                   val);
            o->ana.betweenness_cutoff = (int)v;
        }
    }
    if (!o->graph) return ng_rank_bad("rank: no GRAPH given%s", "");
    if (o->since && o->until && strcmp(o->since, o->until) > 0)
        return ng_rank_bad("rank: --since is after --until (%s)", o->since);
    if (o->window && (o->allies || o->adversaries))
        return ng_rank_bad("rank: --window cannot be combined with %s",
                           o->allies ? "--allies" : "--adversaries");
    return -1;
}

/* ---- dates and windows ------------------------------------------------------ */

/* The YYYY-MM-DD prefix of a relation's document date, or NULL. */
static const char *ng_rank_rel_date(const ng_graph *g, const ng_relation *r, char buf[11])
{
    if (r->doc < 0 || (size_t)r->doc >= g->n_docs || !g->docs[r->doc].date) return NULL;
    const char *d = g->docs[r->doc].date;
    if (strlen(d) < 10) return NULL;
    memcpy(buf, d, 10);
    buf[10] = '\0';
    return ng_esc_is_date(buf) ? buf : NULL;
}

/* Days since 1970-01-01 (proleptic Gregorian; Howard Hinnant's algorithm). */
static long ng_rank_days(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* ISO weekday, Monday = 1 .. Sunday = 7. */
static int ng_rank_weekday(long days)
{
    long w = (days + 3) % 7; /* 1970-01-01 was a Thursday (3 when Monday = 0) */
    if (w < 0) w += 7;
    return (int)w + 1;
}

static int ng_rank_iso_weeks(int y)
{
    /* A year has 53 ISO weeks when it starts on a Thursday, or on a
     * Wednesday in a leap year. */
    int wd = ng_rank_weekday(ng_rank_days(y, 1, 1));
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return wd == 4 || (leap && wd == 3) ? 53 : 52;
}

/* Window key of a date: "2004-W07" or "2004-02". */
static void ng_rank_window_key(const char *date, int window, char out[16])
{
    int y = atoi(date), m = atoi(date + 5), d = atoi(date + 8);
    if (window == 'm') {
        snprintf(out, 16, "%04d-%02d", y, m);
        return;
    }
    long days = ng_rank_days(y, m, d);
    int doy = (int)(days - ng_rank_days(y, 1, 1)) + 1;
    int week = (doy - ng_rank_weekday(days) + 10) / 7;
    if (week < 1) {
        y--;
        week = ng_rank_iso_weeks(y);
    } else if (week > ng_rank_iso_weeks(y)) {
        y++;
        week = 1;
    }
    snprintf(out, 16, "%04d-W%02d", y, week);
}

/* ---- working copies ----------------------------------------------------- */

/* A copy of src holding the same actors and docs (ids, labels, types, dates:
 * what ranking needs) and only the relations with keep[i] set; ties are
 * rebuilt and weighted with relw so GraphML weights survive. */
static void ng_rank_subgraph(const ng_graph *src, const unsigned char *keep, const double *relw,
                             ng_graph *dst)
{
    ng_graph_init(dst);
    for (size_t i = 0; i < src->n_actors; i++) {
        const ng_actor *a = &src->actors[i];
        ng_graph_add_actor(dst, a->id, a->label, a->type);
        dst->actors[i].affiliation = a->affiliation;
    }
    for (size_t i = 0; i < src->n_docs; i++) {
        ng_doc d;
        memset(&d, 0, sizeof d);
        d.id = ng_xstrdup(src->docs[i].id ? src->docs[i].id : "");
        d.date = src->docs[i].date ? ng_xstrdup(src->docs[i].date) : NULL;
        d.text = ng_xstrdup("");
        ng_graph_add_doc(dst, &d);
    }
    double *w = ng_xmalloc((src->n_rels ? src->n_rels : 1) * sizeof *w);
    for (size_t i = 0; i < src->n_rels; i++) {
        if (!keep[i]) continue;
        w[dst->n_rels] = relw[i];
        ng_graph_add_relation(dst, &src->rels[i]);
    }
    ng_graph_build_ties(dst);
    ng_graph_reweight_ties(dst, w);
    free(w);
}

/* ---- allies / adversaries ------------------------------------------------ */

static int ng_rank_find_actor(const ng_graph *g, const char *q)
{
    int i = ng_graph_find_actor(g, q);
    if (i >= 0) return i;
    /* Case-insensitive id, then label, then alias: first match by index,
     * which is deterministic. */
    for (size_t k = 0; k < g->n_actors; k++)
        if (strcasecmp(g->actors[k].id, q) == 0) return (int)k;
    for (size_t k = 0; k < g->n_actors; k++)
        if (strcasecmp(g->actors[k].label, q) == 0) return (int)k;
    return -1;
}

typedef struct ng_rank_partner {
    int actor;
    double balance;  /* sum of weight*sign */
    double weight;   /* sum of weights (relations, for pipeline graphs) */
    size_t n_rels;
    size_t n_ties;
} ng_rank_partner;

static const ng_graph *ng_rank_partner_g;
static int ng_rank_partner_sign;

static int ng_rank_partner_cmp(const void *pa, const void *pb)
{
    const ng_rank_partner *a = pa, *b = pb;
    double x = a->balance * ng_rank_partner_sign, y = b->balance * ng_rank_partner_sign;
    if (x != y) return x > y ? -1 : 1;
    return strcmp(ng_rank_partner_g->actors[a->actor].id, ng_rank_partner_g->actors[b->actor].id);
}

/* Partners of x with balance of the wanted sign (+1 allies, -1
 * adversaries), best first.  Returns the count; *out must be freed. */
static size_t ng_rank_partners(const ng_graph *g, int x, int sign, ng_rank_partner **out)
{
    ng_rank_partner *p = ng_xcalloc(g->n_actors ? g->n_actors : 1, sizeof *p);
    unsigned char *seen = ng_xcalloc(g->n_actors ? g->n_actors : 1, 1);
    for (size_t i = 0; i < g->n_actors; i++) p[i].actor = (int)i;
    for (size_t t = 0; t < g->n_ties; t++) {
        const ng_tie *tie = &g->ties[t];
        int other;
        if (tie->subject == x) other = tie->object;
        else if (tie->object == x) other = tie->subject;
        else continue;
        if (other == x) continue;
        p[other].balance += tie->weight * tie->sign;
        p[other].weight += tie->weight;
        p[other].n_rels += tie->n_rels;
        p[other].n_ties++;
        seen[other] = 1;
    }
    size_t n = 0;
    for (size_t i = 0; i < g->n_actors; i++)
        if (seen[i] && p[i].balance * sign > 0) p[n++] = p[i];
    free(seen);
    ng_rank_partner_g = g;
    ng_rank_partner_sign = sign;
    qsort(p, n, sizeof *p, ng_rank_partner_cmp);
    *out = p;
    return n;
}

static void ng_rank_partners_out(ng_buf *b, const ng_graph *g, int x, int sign,
                                 const ng_rank_opts *o, int *first_json)
{
    ng_rank_partner *p;
    size_t n = ng_rank_partners(g, x, sign, &p);
    size_t shown = 0;
    const char *what = sign > 0 ? "allies" : "adversaries";
    if (o->format == NG_RANK_TABLE) {
        char *cell = ng_rank_cell(g->actors[x].label, NG_RANK_LABEL_MAX * 2);
        ng_buf_printf(b, "%s of %s (%s): %zu partner%s with a %s cooperation balance\n", what,
                      cell, g->actors[x].id, n, n == 1 ? "" : "s",
                      sign > 0 ? "positive" : "negative");
        free(cell);
        /* Build the shown list first so the label column fits it. */
        char **cells = ng_xmalloc((n ? n : 1) * sizeof *cells);
        size_t lw = strlen("label");
        for (size_t i = 0; i < n; i++) {
            if (o->type >= 0 && (int)g->actors[p[i].actor].type != o->type) continue;
            if (o->top && shown == o->top) break;
            cells[shown] = ng_rank_cell(g->actors[p[i].actor].label, NG_RANK_LABEL_MAX);
            size_t w = ng_rank_width(cells[shown]);
            if (w > lw) lw = w;
            p[shown++] = p[i];
        }
        if (shown) {
            ng_buf_puts(b, "rank  ");
            ng_rank_pad(b, "label", lw);
            ng_buf_printf(b, "  %-12s  %10s  %9s  %4s\n", "type", "balance", "relations", "ties");
        }
        for (size_t i = 0; i < shown; i++) {
            const ng_actor *a = &g->actors[p[i].actor];
            ng_buf_printf(b, "%4zu  ", i + 1);
            ng_rank_pad(b, cells[i], lw);
            ng_buf_printf(b, "  %-12s  %10.2f  %9zu  %4zu\n", ng_actor_type_name(a->type),
                          p[i].balance, p[i].n_rels, p[i].n_ties);
            free(cells[i]);
        }
        free(cells);
    } else if (o->format == NG_RANK_CSV) {
        for (size_t i = 0; i < n; i++) {
            const ng_actor *a = &g->actors[p[i].actor];
            if (o->type >= 0 && (int)a->type != o->type) continue;
            if (o->top && shown == o->top) break;
            shown++;
            ng_buf_printf(b, "%s,%zu,", what, shown);
            ng_esc_csv(b, a->id, 1);
            ng_buf_putc(b, ',');
            ng_esc_csv(b, a->label, 1);
            ng_buf_printf(b, ",%s,", ng_actor_type_name(a->type));
            ng_rank_num(b, p[i].balance);
            ng_buf_putc(b, ',');
            ng_rank_num(b, p[i].weight);
            ng_buf_printf(b, ",%zu,%zu\n", p[i].n_rels, p[i].n_ties);
        }
    } else {
        ng_buf_printf(b, "%s\"%s\":[", *first_json ? "" : ",\n", what);
        *first_json = 0;
        for (size_t i = 0; i < n; i++) {
            const ng_actor *a = &g->actors[p[i].actor];
            if (o->type >= 0 && (int)a->type != o->type) continue;
            if (o->top && shown == o->top) break;
            shown++;
            ng_buf_printf(b, "%s\n  {\"rank\":%zu,\"id\":", shown > 1 ? "," : "", shown);
            ng_esc_json(b, a->id);
            ng_buf_puts(b, ",\"label\":");
            ng_esc_json(b, a->label);
            ng_buf_puts(b, ",\"type\":");
            ng_esc_json(b, ng_actor_type_name(a->type));
            ng_esc_json_num(b, "balance", p[i].balance);
            ng_esc_json_num(b, "weight", p[i].weight);
            ng_buf_printf(b, ",\"relations\":%zu,\"ties\":%zu}", p[i].n_rels, p[i].n_ties);
        }
        ng_buf_puts(b, shown ? "\n]" : "]");
    }
    free(p);
}

/* ---- the command ---------------------------------------------------------- */

static void ng_rank_filters_line(ng_buf *b, const ng_rank_opts *o)
{
    if (!o->since && !o->until && o->type < 0) return;
    ng_buf_puts(b, "filters:");
    if (o->since) ng_buf_printf(b, " since %s", o->since);
    if (o->until) ng_buf_printf(b, " until %s", o->until);
    if (o->type >= 0) ng_buf_printf(b, " type %s", ng_actor_type_name((ng_actor_type)o->type));
    ng_buf_putc(b, '\n');
}

static void ng_rank_json_preamble(ng_buf *b, const ng_rank_opts *o)
{
    ng_buf_puts(b, "{\"graph\":");
    ng_esc_json(b, o->graph);
    ng_buf_printf(b, ",\"by\":\"%s\",\"since\":", ng_rank_by_names[o->by]);
    ng_esc_json(b, o->since);
    ng_buf_puts(b, ",\"until\":");
    ng_esc_json(b, o->until);
    ng_buf_puts(b, ",\"type\":");
    ng_esc_json(b, o->type >= 0 ? ng_actor_type_name((ng_actor_type)o->type) : NULL);
}

static void ng_rank_json_graphinfo(ng_buf *b, const ng_graph *g, int active_only)
{
    size_t na, nc;
    ng_rank_counts(g, active_only, &na, &nc, NULL);
    ng_buf_printf(b, "\"%s\":%zu,\"ties\":%zu,\"communities\":%zu",
                  active_only ? "active_actors" : "actors", na, g->n_ties, nc);
    ng_esc_json_num(b, "modularity", g->modularity);
}

/* Plain ranking of one analysed graph. */
static void ng_rank_plain(ng_buf *b, const ng_graph *g, const ng_rank_opts *o)
{
    size_t n;
    int *order = ng_rank_order(g, o->by, o->type, 0, &n);
    size_t shown = o->top && o->top < n ? o->top : n;
    if (o->format == NG_RANK_TABLE) {
        ng_buf_printf(b, "graph: %s\n", o->graph);
        ng_rank_header(b, g, 0);
        ng_rank_filters_line(b, o);
        ng_buf_printf(b, "ranked by %s: top %zu of %zu\n\n", ng_rank_by_names[o->by], shown, n);
        if (shown) ng_rank_table_rows(b, g, order, shown, ng_rank_extra_column(o->by), NULL);
    } else if (o->format == NG_RANK_CSV) {
        ng_buf_puts(b, ng_rank_csv_header);
        ng_buf_putc(b, '\n');
        for (size_t i = 0; i < shown; i++) ng_rank_csv_row(b, &g->actors[order[i]]);
    } else {
        ng_rank_json_preamble(b, o);
        ng_buf_putc(b, ',');
        ng_rank_json_graphinfo(b, g, 0);
        ng_buf_puts(b, ",\"ranking\":[");
        for (size_t i = 0; i < shown; i++) {
            ng_buf_puts(b, i ? ",\n  " : "\n  ");
            ng_rank_json_actor(b, &g->actors[order[i]], i + 1, -1);
        }
        ng_buf_puts(b, shown ? "\n]}\n" : "]}\n");
    }
    free(order);
}

typedef struct ng_rank_window {
    char key[16];
} ng_rank_window;

static int ng_rank_window_cmp(const void *a, const void *b)
{
    return strcmp(((const ng_rank_window *)a)->key, ((const ng_rank_window *)b)->key);
}

/* Per-window rankings.  keep marks the relations that pass --since/--until
 * (and have a date); each window analyses its own subgraph. */
static int ng_rank_windows(ng_buf *b, const ng_graph *src, const unsigned char *keep,
                           const double *relw, const ng_rank_opts *o)
{
    char date[11];
    ng_rank_window *wins = ng_xmalloc((src->n_rels ? src->n_rels : 1) * sizeof *wins);
    size_t nw = 0;
    for (size_t i = 0; i < src->n_rels; i++) {
        const char *d = keep[i] ? ng_rank_rel_date(src, &src->rels[i], date) : NULL;
        if (d) ng_rank_window_key(d, o->window, wins[nw++].key);
    }
    qsort(wins, nw, sizeof *wins, ng_rank_window_cmp);
    size_t k = 0;
    for (size_t i = 0; i < nw; i++)
        if (!k || strcmp(wins[k - 1].key, wins[i].key) != 0) wins[k++] = wins[i];
    nw = k;

    size_t na = src->n_actors;
    int *prev = ng_xcalloc(na ? na : 1, sizeof *prev); /* 1-based rank, 0 = absent */
    int *cur = ng_xcalloc(na ? na : 1, sizeof *cur);
    unsigned char *wkeep = ng_xmalloc(src->n_rels ? src->n_rels : 1);
    int ret = 0;
    if (o->format == NG_RANK_TABLE) {
        ng_buf_printf(b, "graph: %s\n", o->graph);
        ng_rank_filters_line(b, o);
        ng_buf_printf(b, "ranked by %s per %s: %zu window%s\n", ng_rank_by_names[o->by],
                      o->window == 'w' ? "ISO week" : "month", nw, nw == 1 ? "" : "s");
    } else if (o->format == NG_RANK_CSV) {
        ng_buf_printf(b, "window,rank,prev_rank,change,%s\n", ng_rank_csv_header);
    } else {
        ng_rank_json_preamble(b, o);
        ng_buf_printf(b, ",\"window\":\"%s\",\"windows\":[", o->window == 'w' ? "week" : "month");
    }
    for (size_t w = 0; w < nw; w++) {
        char key[16];
        for (size_t i = 0; i < src->n_rels; i++) {
            const char *d = keep[i] ? ng_rank_rel_date(src, &src->rels[i], date) : NULL;
            wkeep[i] = 0;
            if (d) {
                ng_rank_window_key(d, o->window, key);
                wkeep[i] = strcmp(key, wins[w].key) == 0;
            }
        }
        ng_graph sub;
        ng_rank_subgraph(src, wkeep, relw, &sub);
        if (ng_analyse(&sub, &o->ana)) {
            ng_graph_free(&sub);
            ret = -1;
            break;
        }
        size_t n;
        int *order = ng_rank_order(&sub, o->by, o->type, 1, &n);
        memset(cur, 0, na * sizeof *cur);
        for (size_t i = 0; i < n; i++) cur[order[i]] = (int)i + 1;
        size_t shown = o->top && o->top < n ? o->top : n;
        char **chg = ng_xmalloc((shown ? shown : 1) * sizeof *chg);
        for (size_t i = 0; i < shown; i++) {
            int a = order[i], pr = prev[a];
            char buf[32];
            /* Positive = moved up since the previous window. */
            if (w == 0) snprintf(buf, sizeof buf, "%s", "");
            else if (!pr) snprintf(buf, sizeof buf, "new");
            else if (pr == (int)i + 1) snprintf(buf, sizeof buf, "=");
            else snprintf(buf, sizeof buf, "%+d", pr - ((int)i + 1));
            chg[i] = ng_xstrdup(buf);
        }
        if (o->format == NG_RANK_TABLE) {
            ng_buf_printf(b, "\n== %s ==  ", wins[w].key);
            ng_rank_header(b, &sub, 1);
            if (shown)
                ng_rank_table_rows(b, &sub, order, shown, ng_rank_extra_column(o->by), chg);
        } else if (o->format == NG_RANK_CSV) {
            for (size_t i = 0; i < shown; i++) {
                int pr = prev[order[i]];
                ng_buf_printf(b, "%s,%zu,", wins[w].key, i + 1);
                if (pr) ng_buf_printf(b, "%d,%d,", pr, pr - ((int)i + 1));
                else ng_buf_puts(b, ",,");
                ng_rank_csv_row(b, &sub.actors[order[i]]);
            }
        } else {
            ng_buf_printf(b, "%s\n {\"window\":\"%s\",", w ? "," : "", wins[w].key);
            ng_rank_json_graphinfo(b, &sub, 1);
            ng_buf_puts(b, ",\"ranking\":[");
            for (size_t i = 0; i < shown; i++) {
                int pr = prev[order[i]];
                ng_buf_puts(b, i ? ",\n  " : "\n  ");
                ng_rank_json_actor(b, &sub.actors[order[i]], i + 1, pr);
            }
            ng_buf_puts(b, shown ? "\n ]}" : "]}");
        }
        for (size_t i = 0; i < shown; i++) free(chg[i]);
        free(chg);
        free(order);
        ng_graph_free(&sub);
        int *t = prev;
        prev = cur;
        cur = t;
    }
    if (o->format == NG_RANK_JSON) ng_buf_puts(b, nw ? "\n]}\n" : "]}\n");
    free(wins);
    free(prev);
    free(cur);
    free(wkeep);
    return ret;
}

static int ng_rank_write(const ng_buf *b, const char *path)
{
    const char *data = b->data ? b->data : "";
    if (!path || strcmp(path, "-") == 0) {
        if (fputs(data, stdout) == EOF || fflush(stdout) == EOF) {
            ng_error("standard output: cannot write: %s", strerror(errno));
            return NG_EXIT_OUTPUT;
        }
        return NG_EXIT_OK;
    }
    ng_outfile f;
    if (ng_outfile_open(&f, path)) return NG_EXIT_OUTPUT;
    if (fwrite(data, 1, b->len, f.fp) != b->len) {
        ng_error("%s: cannot write: %s", path, strerror(errno));
        ng_outfile_abort(&f);
        return NG_EXIT_OUTPUT;
    }
    return ng_outfile_commit(&f) ? NG_EXIT_OUTPUT : NG_EXIT_OK;
}

int ng_cmd_rank(int argc, char **argv)
{
    ng_rank_opts o;
    int rc = ng_rank_parse(argc, argv, &o);
    if (rc >= 0) return rc;

    ng_graph g;
    ng_graph_init(&g);
    if (ng_graph_read(&g, o.graph)) {
        ng_graph_free(&g);
        return NG_EXIT_INPUT;
    }
    int x_allies = -1, x_adv = -1;
    if (o.allies && (x_allies = ng_rank_find_actor(&g, o.allies)) < 0) {
        ng_error("%s: no actor '%s' (give an id or a label)", o.graph, o.allies);
        ng_graph_free(&g);
        return NG_EXIT_INPUT;
    }
    if (o.adversaries && (x_adv = ng_rank_find_actor(&g, o.adversaries)) < 0) {
        ng_error("%s: no actor '%s' (give an id or a label)", o.graph, o.adversaries);
        ng_graph_free(&g);
        return NG_EXIT_INPUT;
    }

    /* Weights per relation as the file expressed them, so rebuilt ties keep
     * GraphML weights (pipeline graphs: 1 per relation). */
    double *relw = ng_graph_relation_weights(&g);
    unsigned char *keep = ng_xmalloc(g.n_rels ? g.n_rels : 1);
    char date[11];
    size_t undated = 0;
    for (size_t i = 0; i < g.n_rels; i++) {
        const char *d = ng_rank_rel_date(&g, &g.rels[i], date);
        keep[i] = 1;
        if (!d) undated++;
        if (o.since || o.until) {
            /* With a date range, an undated relation cannot be shown to be
             * inside it, so it is dropped. */
            if (!d || (o.since && strcmp(d, o.since) < 0) || (o.until && strcmp(d, o.until) > 0))
                keep[i] = 0;
        }
    }

    /* Say so when dates leave relations out: a GraphML input has no dates
     * at all, and an empty ranking without a reason would be puzzling. */
    if (undated && (o.since || o.until || o.window))
        ng_warn("%s: %zu of %zu relations have no document date and are left out", o.graph,
                undated, g.n_rels);

    ng_buf out;
    ng_buf_init(&out);
    rc = NG_EXIT_OK;
    if (o.window) {
        if (ng_rank_windows(&out, &g, keep, relw, &o)) rc = NG_EXIT_INTERNAL;
    } else {
        ng_graph sub;
        ng_rank_subgraph(&g, keep, relw, &sub);
        if (ng_analyse(&sub, &o.ana)) {
            rc = NG_EXIT_INTERNAL;
        } else if (o.allies || o.adversaries) {
            int first = 1;
            if (o.format == NG_RANK_CSV)
                ng_buf_puts(&out, "relation,rank,id,label,type,balance,weight,relations,ties\n");
            if (o.format == NG_RANK_JSON) {
                ng_rank_json_preamble(&out, &o);
                ng_buf_puts(&out, ",\"allies_of\":");
                ng_esc_json(&out, x_allies >= 0 ? sub.actors[x_allies].id : NULL);
                ng_buf_puts(&out, ",\"adversaries_of\":");
                ng_esc_json(&out, x_adv >= 0 ? sub.actors[x_adv].id : NULL);
                ng_buf_puts(&out, ",\n");
            }
            if (o.format == NG_RANK_TABLE) {
                ng_buf_printf(&out, "graph: %s\n", o.graph);
                ng_rank_filters_line(&out, &o);
                ng_buf_puts(&out, "balance = sum of weight * cooperation score over ties in both "
                                  "directions\n\n");
            }
            if (x_allies >= 0) ng_rank_partners_out(&out, &sub, x_allies, +1, &o, &first);
            if (x_allies >= 0 && x_adv >= 0 && o.format == NG_RANK_TABLE)
                ng_buf_putc(&out, '\n');
            if (x_adv >= 0) ng_rank_partners_out(&out, &sub, x_adv, -1, &o, &first);
            if (o.format == NG_RANK_JSON) ng_buf_puts(&out, "}\n");
        } else {
            ng_rank_plain(&out, &sub, &o);
        }
        ng_graph_free(&sub);
    }
    if (rc == NG_EXIT_OK) rc = ng_rank_write(&out, o.out);
    ng_buf_free(&out);
    free(keep);
    free(relw);
    ng_graph_free(&g);
    return rc;
}
