/*
 * eval.h - score a graph against gold annotations (shared/gold/README.md).
 *
 * Rules as implemented (README plus the points it leaves open):
 *
 * Names are compared after ng_eval_norm_name(): curly quotes and dashes made
 * plain, Unicode NFKD, combining marks removed, case folded, a trailing "'s"
 * removed, runs of non-word characters (anything but letters and digits)
 * made one space, trimmed, a leading "the " removed.
 *
 * Documents: a gold file {"doc": D, "id": I?} scores the first system doc
 * (in load order) whose id equals I; failing that, whose path equals D or
 * ends with "/" D; failing that, whose id equals D without its extension.
 *
 * Actors, per gold doc: the system actors are those with at least one
 * mention in that doc.  An actor's names are its label, its aliases AND
 * the surface texts of its mentions in that doc (what the system actually
 * linked to it counts as a name it uses).  A system actor matches a gold
 * actor when any of its names equals the gold name or a gold mention.
 * Many-to-many: a system actor is correct if it matches ANY gold actor, and
 * a gold actor is found if ANY system actor matches it.  Hence two
 * numerators: precision = correct system actors / system actors (tp_sys),
 * recall = gold actors found / gold actors (tp).
 *
 * Relations, per gold doc: system relations of the doc de-duplicated on
 * (subject, type, object), unordered for symmetric types.  A system
 * relation hits a gold relation when the types are equal and subject and
 * object match the gold subject and object (either way round for CONSULT
 * and COOPERATE).  Each required gold relation hit counts once as a tp;
 * a system relation that hits nothing is an fp; one that hits only optional
 * gold relations, or only required ones already counted, is neither.
 * Required gold relations never hit are fn.
 *
 * Pairs: the same with type and direction ignored.  A gold pair is
 * required when at least one required gold relation links the two actors,
 * optional when all of them are optional.
 *
 * Everything is micro-averaged: counts are summed over all gold docs, then
 * P = tp_sys/(tp_sys+fp), R = tp/(tp+fn), F1 = harmonic mean.  A ratio
 * with a zero denominator is 0, except that with nothing to find and
 * nothing claimed (tp = fp = fn = 0) P = R = F1 = 1.
 */
#ifndef NG_EVAL_H
#define NG_EVAL_H

#include <stdio.h>

#include "model.h"

typedef struct ng_prf {
    size_t tp, fp, fn;   /* tp: gold items found (the recall numerator) */
    double p, r, f1;
    size_t tp_sys;       /* system items counted correct (precision
                          * numerator); equals tp for pairs and relations,
                          * may differ for actors (many-to-many matching) */
} ng_prf;

typedef struct ng_eval_result {
    ng_prf actors, pairs, relations;
    size_t n_docs;       /* gold docs scored */
} ng_eval_result;

/* Score g against the gold files.  Problems (unreadable or malformed gold,
 * with file, line and column for JSON syntax errors; a gold doc not among
 * the inputs) are printed with ng_error(); the remaining files are still
 * scored, and the return value is -1.  0 when every file was scored.
 * report may be NULL; with verbose, each false positive and miss is written
 * there, one per line, prefixed by the doc id. */
int ng_eval(const ng_graph *g, const char *const *gold_paths, size_t n_gold,
            ng_eval_result *res, FILE *report, int verbose);

/* Three lines:
 *   actors    P=0.950 R=0.930 F1=0.940 (tp=40 fp=2 fn=3 tp_sys=38)
 *   pairs     P=... (tp=.. fp=.. fn=..)
 *   relations P=... (tp=.. fp=.. fn=..)
 * (tp_sys is shown only on the actors line, where it can differ from tp.)
 * Returns 0, or -1 if writing failed. */
int ng_eval_print(const ng_eval_result *r, FILE *out);

/* The name normalisation above; returns a malloc'ed string (may be ""). */
char *ng_eval_norm_name(const char *name);

#endif
