/*
 * csv.c - graph.nodes.csv and graph.edges.csv in the layout Gephi's
 * spreadsheet import (Data Laboratory > Import spreadsheet) recognises:
 * nodes keyed by "Id" with a "Label", edges by "Source"/"Target" with
 * "Type" (Directed/Undirected) and "Weight".  The same files open in any
 * spreadsheet or pandas.
 *
 * Quoting (RFC 4180): every text cell is quoted, '"' doubled, records end
 * with CRLF; numbers are bare so spreadsheets type them as numbers, and a
 * non-finite number is an empty cell.
 *
 * Formula injection: an article can contain "=HYPERLINK(...)" or
 * "@SUM(...)" and a spreadsheet would evaluate it.  Text cells that start
 * with = + - @ TAB or CR get a leading apostrophe (the OWASP advice;
 * spreadsheets hide the apostrophe and show the text).  Id, Source and
 * Target are never altered: they must match across the two files and the
 * other outputs, and actor ids come from a safe alphabet that cannot start
 * a formula ([A-Za-z0-9], see ng_make_id).  Scripts that need the exact
 * text should read graph.json.
 */
#include "escape.h"

#include <math.h>
#include <string.h>

#define EOL "\r\n"

static void cell_num(ng_buf *b, double v)
{
    ng_buf_putc(b, ',');
    ng_esc_double(b, v, "");
}

static void cell_text(ng_buf *b, const char *s)
{
    ng_buf_putc(b, ',');
    ng_esc_csv(b, s, 1);
}

int ng_export_csv_nodes(const ng_graph *g, FILE *fp, const ng_export_opts *o)
{
    (void)o;
    ng_buf b;
    ng_buf_init(&b);
    ng_buf_puts(&b, "Id,Label,Type,PageRank,Betweenness,Closeness,Harmonic,Eigenvector,Hub,"
                    "Authority,Degree,InDegree,OutDegree,Strength,CoopGiven,CoopReceived,"
                    "KCore,Wikidata,Roles,Mentions,Community" EOL);
    for (size_t i = 0; i < g->n_actors; i++) {
        const ng_actor *a = &g->actors[i];
        const ng_scores *s = &a->scores;
        ng_esc_csv(&b, a->id, 0);
        cell_text(&b, a->label);
        cell_text(&b, ng_actor_type_name(a->type));
        cell_num(&b, s->pagerank);
        cell_num(&b, s->betweenness);
        cell_num(&b, s->closeness);
        cell_num(&b, s->harmonic);
        cell_num(&b, s->eigenvector);
        cell_num(&b, s->hub);
        cell_num(&b, s->authority);
        ng_buf_printf(&b, ",%d,%d,%d", s->degree, s->in_degree, s->out_degree);
        cell_num(&b, s->strength);
        cell_num(&b, s->coop_given);
        cell_num(&b, s->coop_received);
        ng_buf_printf(&b, ",%d", s->kcore);
        cell_text(&b, a->wikidata ? a->wikidata : "");
        ng_buf r;
        ng_buf_init(&r);
        ng_buf_puts(&r, "");
        for (size_t k = 0; k < a->roles.n; k++) {
            if (k) ng_buf_puts(&r, "; ");
            ng_buf_puts(&r, a->roles.v[k]);
        }
        cell_text(&b, r.data);
        ng_buf_free(&r);
        ng_buf_printf(&b, ",%zu,", a->n_mentions);
        if (a->community >= 0) ng_buf_printf(&b, "%d", a->community);
        ng_buf_puts(&b, EOL);
        if (b.len > NG_ESC_FLUSH_AT && ng_esc_flush(&b, fp, "CSV nodes")) goto fail;
    }
    if (ng_esc_flush(&b, fp, "CSV nodes")) goto fail;
    ng_buf_free(&b);
    return 0;
fail:
    ng_buf_free(&b);
    return -1;
}

int ng_export_csv_edges(const ng_graph *g, FILE *fp, const ng_export_opts *o)
{
    (void)o;
    ng_buf b;
    ng_buf_init(&b);
    ng_buf_puts(&b, "Source,Target,Type,Weight,Predicate,Event,Count,Sign,FirstDate,LastDate,"
                    "Evidence" EOL);
    for (size_t i = 0; i < g->n_ties; i++) {
        const ng_tie *t = &g->ties[i];
        if (t->subject < 0 || t->object < 0 || (size_t)t->subject >= g->n_actors ||
            (size_t)t->object >= g->n_actors)
            continue;
        ng_esc_csv(&b, g->actors[t->subject].id, 0);
        ng_buf_putc(&b, ',');
        ng_esc_csv(&b, g->actors[t->object].id, 0);
        ng_buf_puts(&b, ng_event_symmetric(t->type) ? ",\"Undirected\"" : ",\"Directed\"");
        cell_num(&b, t->weight);
        cell_text(&b, t->predicate);
        cell_text(&b, ng_event_name(t->type));
        ng_buf_printf(&b, ",%zu", t->n_rels);
        cell_num(&b, t->sign);
        cell_text(&b, t->first_date ? t->first_date : "");
        cell_text(&b, t->last_date ? t->last_date : "");
        const char *ev = "";
        if (t->n_rels && t->rels[0] >= 0 && (size_t)t->rels[0] < g->n_rels &&
            g->rels[t->rels[0]].sentence)
            ev = g->rels[t->rels[0]].sentence;
        cell_text(&b, ev);
        ng_buf_puts(&b, EOL);
        if (b.len > NG_ESC_FLUSH_AT && ng_esc_flush(&b, fp, "CSV edges")) goto fail;
    }
    if (ng_esc_flush(&b, fp, "CSV edges")) goto fail;
    ng_buf_free(&b);
    return 0;
fail:
    ng_buf_free(&b);
    return -1;
}
