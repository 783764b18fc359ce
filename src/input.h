/*
 * input.h - loading articles: text files, directories, JSON Lines, stdin.
 *
 * Each article becomes one ng_doc whose text is the NORMALISED text (see
 * utf8.h: one code point in, one out, so offsets hold for the original).
 *
 * What is accepted:
 *   FILE.txt (any name that is not .jsonl/.ndjson, when named explicitly)
 *       one article; id = base name without extension ("politics/001.txt"
 *       -> "001").  If line 1 is followed by a blank line it is also the
 *       title (BBC layout); the title stays inside the text.
 *   FILE.jsonl / FILE.ndjson
 *       one JSON object per line with "text" (required string) and optional
 *       "id", "title", "date", "source", "url"; other keys are ignored, blank
 *       lines are skipped.  Without an id the article is called "FILE:LINE".
 *   DIR  walked recursively in byte order of names; *.txt, *.text, *.md are
 *       text articles with id = path relative to DIR without extension
 *       ("politics/001"), *.jsonl, *.ndjson are JSON Lines; other files and
 *       hidden entries (".name") are ignored; symlinks to files are read,
 *       symlinks to directories are not followed (no loops, no escaping).
 *   -    stdin: JSON Lines if the first non-space byte is '{', else one text
 *       article with id "stdin" (path "<stdin>").
 *
 * Ids are unique: a repeated id gets "#2", "#3", ... appended (warning).
 * Dates: "YYYY-MM-DD", or a longer ISO 8601 timestamp whose first 10 chars
 * are a valid date ("2021-12-09T10:00:00Z" -> "2021-12-09"); anything else
 * is ignored with a warning.
 *
 * Every problem is printed with ng_error() as "WHERE: what", WHERE being the
 * file, or "FILE:LINE" for JSON Lines:
 *   "F: cannot open: No such file or directory"
 *   "F: invalid UTF-8 at byte N"     (N = byte offset in the file)
 *   "F: binary file (NUL byte at offset N)"
 *   "F: empty article"               (nothing but whitespace)
 *   "F: article is N bytes, larger than the limit of M (--max-article-bytes)"
 *   "F:L: not valid JSON (column C)", "F:L: not a JSON object",
 *   "F:L: no \"text\" string"
 *   "DIR: no articles (.txt, .jsonl) found"
 */
#ifndef NG_INPUT_H
#define NG_INPUT_H

#include <stddef.h>

#include "model.h"

#define NG_INPUT_DEFAULT_MAX_ARTICLE_BYTES ((size_t)16 << 20)

typedef struct ng_input_opts {
    size_t max_article_bytes; /* default 16 MiB (0 also means the default) */
    int keep_going;           /* 1: a bad article is reported and skipped */
} ng_input_opts;

void ng_input_opts_default(ng_input_opts *o);

/* Load every article named by paths[0..n_paths) into g->docs (appending;
 * ids already in g count for uniqueness).  o may be NULL for defaults.
 *
 * *n_bad (if not NULL) receives the number of problems reported: bad
 * articles, bad JSON Lines lines, unreadable files, directories without
 * articles.
 *
 * keep_going = 1: every problem is reported and skipped; returns 0 when at
 * least one article was loaded, -1 when none.
 * keep_going = 0: stops at the first problem and returns -1 (articles
 * loaded before it stay in g; the caller frees g as usual). */
int ng_input_load(ng_graph *g, const char *const *paths, size_t n_paths,
                  const ng_input_opts *o, size_t *n_bad);

/* "2021-12-09" from "2021-12-09" or "2021-12-09T10:00:00Z" (validated:
 * month 1-12, day within the month, leap years); NULL otherwise.  The
 * result is malloc'ed. */
char *ng_input_parse_date(const char *s);

#endif
