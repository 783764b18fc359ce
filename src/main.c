/*
 * main.c - the newsgraph command line.
 *
 *   newsgraph build  INPUT... [-o DIR] [--format LIST]   articles -> graph files + ranking
 *   newsgraph eval   --gold G.json... INPUT...           score extraction against gold
 *   newsgraph rank   GRAPH [--by MEASURE] ...            rankings from a built graph
 *   newsgraph actors INPUT...                            actors, aliases and merges, explained
 *   newsgraph relations INPUT...                         every relation with its rule and evidence
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "analysis.h"
#include "eval.h"
#include "exporters.h"
#include "outfile.h"
#include "pipeline.h"
#include "rank.h"

static void usage(FILE *out)
{
    fputs("usage: newsgraph COMMAND [OPTIONS]\n"
          "\n"
          "Commands:\n"
          "  build INPUT...       extract actors and relations, analyse, write graph files\n"
          "  eval --gold FILE... INPUT...\n"
          "                       score extraction against gold annotations\n"
          "  rank GRAPH           rank actors of a built graph (graph.json or any GraphML)\n"
          "  actors INPUT...      list actors with aliases, roles and the merges made (and why)\n"
          "  relations INPUT...   list relations with the rule and sentence behind each\n"
          "\n"
          "INPUT is a text file, a directory (searched recursively), a JSON Lines file\n"
          "(.jsonl: id, title, date, source, url, text per line) or - for standard input.\n"
          "Run 'newsgraph COMMAND --help' for the options of a command.\n",
          out);
}

static void usage_common(FILE *out)
{
    fputs("  --lexicon FILE          extra lexicon (JSON, schema/LEXICON.md); repeatable\n"
          "  --no-default-lexicon    do not load the bundled schema/lexicon/*.json\n"
          "  --threads N             extraction threads (output is identical for any N)\n"
          "  --max-article-bytes N   larger articles are reported and skipped (default 16 MiB)\n"
          "  --max-sentence-tokens N longer sentences are reported and skipped (default 1000)\n"
          "  -q, --quiet             no warnings and no summary line\n",
          out);
}

static void usage_build(FILE *out)
{
    fputs("usage: newsgraph build INPUT... [-o DIR] [--format LIST] [OPTIONS]\n"
          "  -o, --output DIR        output folder (default: out)\n"
          "  -f, --format LIST       comma-separated: ttl,nt,nq,graphml,gexf,json,csv,svg,png or all\n"
          "                          (all = every format but png, which needs rsvg-convert)\n"
          "                          (default: ttl,graphml,json)\n"
          "  --top N                 rows of the ranking table (default 15; 0: none)\n"
          "  --resolution R          Leiden resolution (default 1)\n"
          "  --seed N                random seed for communities and layout (default 42)\n"
          "  --gexf-static           GEXF without time spells (for Gephi Lite)\n"
          "  --timings               print seconds per stage and extraction words/second\n",
          out);
    usage_common(out);
}

enum {
    OPT_LEXICON = 256,
    OPT_NO_DEFAULT,
    OPT_THREADS,
    OPT_MAX_ARTICLE,
    OPT_MAX_SENTENCE,
    OPT_TOP,
    OPT_RESOLUTION,
    OPT_SEED,
    OPT_GOLD,
    OPT_GEXF_STATIC,
    OPT_TIMINGS,
    OPT_HELP
};

typedef struct cli {
    ng_strvec lexicons;
    int no_default;
    ng_pipeline_opts po;
    ng_analysis_opts ao;
    ng_export_opts eo;
    const char *outdir;
    char *formats;
    int top;
    ng_strvec gold;
    int verbose;
    int timings;
    /* filled while a command runs */
    unsigned mask;    /* build: formats selected */
    size_t n_bad;     /* inputs skipped */
    double t_front;   /* seconds for lexicon, loading, extraction, resolution */
} cli;

static int parse_size(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s || *s == '-') return -1;
    if (*end == 'k' || *end == 'K') v <<= 10, end++;
    else if (*end == 'm' || *end == 'M') v <<= 20, end++;
    else if (*end == 'g' || *end == 'G') v <<= 30, end++;
    if (*end) return -1;
    *out = (size_t)v;
    return 0;
}

static int parse_int(const char *s, int lo, int hi, int *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi) return -1;
    *out = (int)v;
    return 0;
}

/* Parse the options shared by build/eval/actors/relations.  Returns the
 * index of the first positional argument, or -1 on a usage error. */
static int parse_opts(int argc, char **argv, cli *c, void (*help)(FILE *))
{
    static const struct option opts[] = {
        {"lexicon", required_argument, 0, OPT_LEXICON},
        {"no-default-lexicon", no_argument, 0, OPT_NO_DEFAULT},
        {"threads", required_argument, 0, OPT_THREADS},
        {"max-article-bytes", required_argument, 0, OPT_MAX_ARTICLE},
        {"max-sentence-tokens", required_argument, 0, OPT_MAX_SENTENCE},
        {"output", required_argument, 0, 'o'},
        {"format", required_argument, 0, 'f'},
        {"top", required_argument, 0, OPT_TOP},
        {"resolution", required_argument, 0, OPT_RESOLUTION},
        {"seed", required_argument, 0, OPT_SEED},
        {"gold", required_argument, 0, OPT_GOLD},
        {"gexf-static", no_argument, 0, OPT_GEXF_STATIC},
        {"timings", no_argument, 0, OPT_TIMINGS},
        {"quiet", no_argument, 0, 'q'},
        {"verbose", no_argument, 0, 'v'},
        {"help", no_argument, 0, OPT_HELP},
        {0, 0, 0, 0}};
    optind = 1;
    opterr = 0;
    int ch;
    while ((ch = getopt_long(argc, argv, "o:f:qvh", opts, NULL)) != -1) {
        size_t sz;
        int iv;
        switch (ch) {
        case OPT_LEXICON: ng_strvec_push(&c->lexicons, optarg); break;
        case OPT_NO_DEFAULT: c->no_default = 1; break;
        case OPT_THREADS:
            if (parse_int(optarg, 1, 256, &c->po.threads) < 0) {
                ng_error("--threads needs a number from 1 to 256, not \"%s\"", optarg);
                return -1;
            }
            break;
        case OPT_MAX_ARTICLE:
            if (parse_size(optarg, &sz) < 0 || sz == 0) {
                ng_error("--max-article-bytes needs a positive size (e.g. 16M), not \"%s\"", optarg);
                return -1;
            }
            c->po.input.max_article_bytes = sz;
            break;
        case OPT_MAX_SENTENCE:
            if (parse_size(optarg, &sz) < 0 || sz == 0) {
                ng_error("--max-sentence-tokens needs a positive number, not \"%s\"", optarg);
                return -1;
            }
            c->po.extract.max_sentence_tokens = sz;
            break;
        case 'o': c->outdir = optarg; break;
        case 'f':
            free(c->formats);
            c->formats = ng_xstrdup(optarg);
            break;
        case OPT_TOP:
            if (parse_int(optarg, 0, 1000000, &iv) < 0) {
                ng_error("--top needs a number >= 0, not \"%s\"", optarg);
                return -1;
            }
            c->top = iv;
            break;
        case OPT_RESOLUTION: {
            char *end;
            double r = strtod(optarg, &end);
            if (end == optarg || *end || !(r > 0)) {
                ng_error("--resolution needs a positive number, not \"%s\"", optarg);
                return -1;
            }
            c->ao.leiden_resolution = r;
            break;
        }
        case OPT_SEED:
            if (parse_int(optarg, 0, 2147483647, &iv) < 0) {
                ng_error("--seed needs a number >= 0, not \"%s\"", optarg);
                return -1;
            }
            c->ao.seed = (unsigned long)iv;
            break;
        case OPT_GOLD: ng_strvec_push(&c->gold, optarg); break;
        case OPT_GEXF_STATIC: c->eo.gexf_static = 1; break;
        case OPT_TIMINGS: c->timings = 1; break;
        case 'q': ng_quiet = 1; break;
        case 'v': c->verbose = 1; break;
        case 'h':
        case OPT_HELP: help(stdout); exit(NG_EXIT_OK);
        default:
            if (optopt && optopt < 256)
                ng_error("unknown or incomplete option '-%c' (see --help)", optopt);
            else
                ng_error("unknown or incomplete option \"%s\" (see --help)", argv[optind - 1]);
            return -1;
        }
    }
    return optind;
}

static void cli_init(cli *c)
{
    memset(c, 0, sizeof *c);
    ng_pipeline_opts_default(&c->po);
    ng_analysis_opts_default(&c->ao);
    ng_export_opts_default(&c->eo);
    c->outdir = "out";
    c->top = 15;
}

static void cli_free(cli *c)
{
    ng_strvec_free(&c->lexicons);
    ng_strvec_free(&c->gold);
    free(c->formats);
}

/* Shared front half of build/eval/actors/relations. */
static int run_front(cli *c, int argc, char **argv, int first, ng_lexicon *lx, ng_graph *g, size_t *n_bad)
{
    if (first >= argc) {
        ng_error("no input given (a file, a directory, a .jsonl file or -)");
        return NG_EXIT_USAGE;
    }
    if (ng_pipeline_lexicon(lx, c->no_default, (const char *const *)c->lexicons.v, c->lexicons.n) < 0)
        return NG_EXIT_INPUT;
    if (ng_pipeline_run(g, lx, (const char *const *)argv + first, (size_t)(argc - first), &c->po, n_bad) < 0) {
        ng_error("no article could be read; nothing written");
        return NG_EXIT_INPUT;
    }
    return NG_EXIT_OK;
}

/* Which formats: returns a bit per entry of ng_formats. */
static int select_formats(const char *list, unsigned *mask)
{
    *mask = 0;
    char *copy = ng_xstrdup(list);
    char *save = NULL;
    int rc = 0;
    for (char *w = strtok_r(copy, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
        while (*w == ' ') w++;
        int found = 0;
        for (unsigned i = 0; ng_formats[i].name; i++)
            if ((strcmp(w, "all") == 0 && strcmp(ng_formats[i].name, "png") != 0) ||
                strcmp(ng_formats[i].name, w) == 0) {
                *mask |= 1u << i;
                found = 1;
            }
        if (!found) {
            ng_error("unknown format \"%s\" (known: ttl, nt, nq, graphml, gexf, json, csv, svg, png, all)", w);
            rc = -1;
        }
    }
    free(copy);
    if (!*mask && rc == 0) {
        ng_error("--format names no format");
        rc = -1;
    }
    return rc;
}

static int write_outputs(const ng_graph *g, const char *dir, unsigned mask, const ng_export_opts *eo)
{
    if (ng_ensure_dir(dir) < 0) return -1;
    for (unsigned i = 0; ng_formats[i].name; i++) {
        if (!(mask & (1u << i))) continue;
        char *path = ng_xmalloc(strlen(dir) + strlen(ng_formats[i].file) + 2);
        sprintf(path, "%s/%s", dir, ng_formats[i].file);
        ng_outfile f;
        if (ng_outfile_open(&f, path) < 0) {
            free(path);
            return -1;
        }
        if (ng_formats[i].fn(g, f.fp, eo) < 0) {
            ng_error("%s: not written (see above)", path);
            ng_outfile_abort(&f);
            free(path);
            return -1;
        }
        if (ng_outfile_commit(&f) < 0) {
            free(path);
            return -1;
        }
        free(path);
    }
    return 0;
}

static void usage_eval(FILE *out)
{
    fputs("usage: newsgraph eval --gold GOLD.json [--gold ...] INPUT... [-v] [OPTIONS]\n"
          "  --gold FILE             gold annotations (shared/gold/README.md format); repeatable\n"
          "  -v, --verbose           list every miss and false positive\n",
          out);
    usage_common(out);
}

/* eval, actors and relations share everything but what they print: parse
 * the options, load the lexicon, build the graph, then call `report`. */
typedef int (*report_fn)(const cli *c, ng_graph *g);

static int run_report(int argc, char **argv, void (*help)(FILE *), int (*check)(cli *), report_fn report)
{
    cli c;
    cli_init(&c);
    int first = parse_opts(argc, argv, &c, help);
    if (first < 0 || (check && check(&c) < 0)) {
        cli_free(&c);
        return NG_EXIT_USAGE;
    }
    ng_lexicon lx;
    ng_graph g;
    ng_lexicon_init(&lx);
    ng_graph_init(&g);
    double t0 = ng_now();
    int rc = run_front(&c, argc, argv, first, &lx, &g, &c.n_bad);
    c.t_front = ng_now() - t0;
    if (rc == NG_EXIT_OK) rc = report(&c, &g);
    ng_graph_free(&g);
    ng_lexicon_free(&lx);
    cli_free(&c);
    return rc;
}

static int eval_check(cli *c)
{
    if (c->gold.n) return 0;
    ng_error("eval needs at least one --gold FILE");
    return -1;
}

static int eval_report(const cli *c, ng_graph *g)
{
    ng_eval_result r;
    int erc = ng_eval(g, (const char *const *)c->gold.v, c->gold.n, &r, c->verbose ? stdout : NULL, c->verbose);
    ng_eval_print(&r, stdout);
    return erc < 0 ? NG_EXIT_INPUT : NG_EXIT_OK;
}

static int build_check(cli *c)
{
    return select_formats(c->formats ? c->formats : "ttl,graphml,json", &c->mask);
}

static int build_report(const cli *c, ng_graph *g)
{
    double t1 = ng_now();
    if (ng_analyse(g, &c->ao) < 0) return NG_EXIT_INTERNAL;
    double t2 = ng_now();
    if (write_outputs(g, c->outdir, c->mask, &c->eo) < 0) return NG_EXIT_OUTPUT;
    double t3 = ng_now();
    const ng_pipeline_opts *po = &c->po;
    if (c->timings)
        fprintf(stderr,
                "timings: lexicon %.3f s, load %.3f s, extract %.3f s (%zu words, %.0f words/s, %d thread%s), "
                "resolve %.3f s, analyse %.3f s, export %.3f s, total %.3f s\n",
                c->t_front - po->t_load - po->t_extract - po->t_resolve, po->t_load, po->t_extract, po->n_words,
                po->t_extract > 0 ? (double)po->n_words / po->t_extract : 0.0, po->threads,
                po->threads == 1 ? "" : "s", po->t_resolve, t2 - t1, t3 - t2, c->t_front + (t3 - t1));
    if (c->top > 0) ng_rank_print_table(g, stdout, c->top);
    if (!ng_quiet)
        fprintf(stderr, "newsgraph: %zu article%s, %zu actors, %zu relations, %zu ties -> %s/\n", g->n_docs,
                g->n_docs == 1 ? "" : "s", g->n_actors, g->n_rels, g->n_ties, c->outdir);
    if (c->n_bad) {
        ng_error("%zu input%s skipped (see above); the rest was written", c->n_bad, c->n_bad == 1 ? "" : "s");
        return 1;
    }
    return NG_EXIT_OK;
}

static int cmd_build(int argc, char **argv)
{
    return run_report(argc, argv, usage_build, build_check, build_report);
}

static int cmd_eval(int argc, char **argv)
{
    return run_report(argc, argv, usage_eval, eval_check, eval_report);
}

static void usage_list(FILE *out)
{
    fputs("usage: newsgraph actors|relations INPUT... [OPTIONS]\n", out);
    usage_common(out);
}

static void print_list(const char *key, const ng_strvec *v)
{
    if (!v->n) return;
    printf("\t%s=", key);
    for (size_t k = 0; k < v->n; k++) printf("%s%s", k ? "; " : "", v->v[k]);
}

static int actors_report(const cli *c, ng_graph *g)
{
    (void)c;
    for (size_t i = 0; i < g->n_actors; i++) {
        const ng_actor *a = &g->actors[i];
        printf("%s\t%s\t%s\tmentions=%zu%s", a->id, a->label, ng_actor_type_name(a->type), a->n_mentions,
               a->from_lexicon ? "\tlexicon" : "\tfound in text");
        if (a->affiliation >= 0) printf("\taffiliation=%s", g->actors[a->affiliation].id);
        print_list("roles", &a->roles);
        print_list("aliases", &a->aliases);
        putchar('\n');
    }
    if (g->n_merges) printf("\n# merges: variant -> actor: reason\n");
    for (size_t i = 0; i < g->n_merges; i++)
        printf("merge\t%s\t-> %s\t%s\n", g->merges[i].variant, g->actors[g->merges[i].actor].id, g->merges[i].reason);
    return NG_EXIT_OK;
}

static int cmd_actors(int argc, char **argv)
{
    return run_report(argc, argv, usage_list, NULL, actors_report);
}

static void print_oneline(const char *s)
{
    for (; *s; s++) putchar(*s == '\n' || *s == '\t' ? ' ' : *s);
}

static int relations_report(const cli *c, ng_graph *g)
{
    (void)c;
    for (size_t i = 0; i < g->n_rels; i++) {
        const ng_relation *r = &g->rels[i];
        printf("%s\t%s\t%s\t%s\t%s\t%.2f\t%s\t", g->docs[r->doc].id, g->actors[r->subject].id,
               ng_event_name(r->type), r->predicate, g->actors[r->object].id, r->confidence, r->rule ? r->rule : "");
        print_oneline(r->sentence ? r->sentence : "");
        putchar('\n');
    }
    return NG_EXIT_OK;
}

static int cmd_relations(int argc, char **argv)
{
    return run_report(argc, argv, usage_list, NULL, relations_report);
}

int main(int argc, char **argv)
{
    /* Past `ulimit -f` the kernel would kill us mid-write (SIGXFSZ) and
     * leave a temp file; ignored, the write fails with EFBIG instead and
     * outfile.c cleans up and reports it. */
    signal(SIGXFSZ, SIG_IGN);
    if (argc < 2) {
        usage(stderr);
        return NG_EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        usage(stdout);
        return NG_EXIT_OK;
    }
    if (!strcmp(cmd, "--version")) {
        printf("newsgraph %s\n", NG_VERSION);
        return NG_EXIT_OK;
    }
    if (!strcmp(cmd, "build")) return cmd_build(argc - 1, argv + 1);
    if (!strcmp(cmd, "eval")) return cmd_eval(argc - 1, argv + 1);
    if (!strcmp(cmd, "rank")) return ng_cmd_rank(argc - 1, argv + 1);
    if (!strcmp(cmd, "actors")) return cmd_actors(argc - 1, argv + 1);
    if (!strcmp(cmd, "relations")) return cmd_relations(argc - 1, argv + 1);
    ng_error("unknown command \"%s\"", cmd);
    usage(stderr);
    return NG_EXIT_USAGE;
}
