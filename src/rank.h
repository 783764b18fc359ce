/*
 * rank.h - `newsgraph rank`: who matters in a built graph.
 *
 *   newsgraph rank GRAPH [--by MEASURE] [--top N] [--type TYPE]
 *                        [--format table|csv|json] [-o FILE]
 *                        [--allies ACTOR] [--adversaries ACTOR]
 *                        [--since YYYY-MM-DD] [--until YYYY-MM-DD]
 *                        [--window week|month]
 *                        [--resolution R] [--seed N] [--approx-betweenness CUTOFF]
 *
 * GRAPH is a graph.json written by `newsgraph build` or a GraphML file
 * (see graphio.h for how GraphML maps onto the model).  The analysis is
 * always recomputed after filtering, so the ranking reflects the filters.
 *
 * Dates: a relation's date is its document's date.  Without --since/--until
 * every relation counts, dated or not; with either, undated relations are
 * dropped (nothing says they fall inside the range).  Both bounds are
 * inclusive.  --window groups dated relations by ISO week ("2004-W07") or
 * month ("2004-02") and ranks each window separately, showing each actor's
 * move against the previous window; undated relations are not in any
 * window, and only actors with at least one tie in a window are ranked in
 * it.
 *
 * Ordering: by the chosen measure, descending; equal values (and NaN, which
 * sorts last) are ordered by actor id, so output is deterministic.
 *
 * Exit codes (ng.h): NG_EXIT_OK; NG_EXIT_USAGE for a bad command line;
 * NG_EXIT_INPUT for an unreadable graph or an --allies/--adversaries actor
 * that is not in it; NG_EXIT_OUTPUT when -o cannot be written;
 * NG_EXIT_INTERNAL when the analysis itself fails.
 */
#ifndef NG_RANK_H
#define NG_RANK_H

#include <stdio.h>
#include "model.h"

/* argv[0] is "rank".  Returns a process exit code. */
int ng_cmd_rank(int argc, char **argv);

/* The summary `newsgraph build` prints after analysis: a header with actor,
 * tie and community counts and modularity, then the top `top` actors by
 * PageRank (rank, label, type, PageRank, betweenness, degree); top <= 0
 * means all.  g must have been analysed. */
void ng_rank_print_table(const ng_graph *g, FILE *out, int top);

#endif
