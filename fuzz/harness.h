/*
 * harness.h - the bodies of the libFuzzer harnesses, as plain functions.
 *
 * Each fuzz/fuzz_*.c is a three-line LLVMFuzzerTestOneInput that calls one
 * of these; tests/test_regressions.c calls the very same functions on every
 * file in fuzz/regressions/ and fuzz/corpus/, so a crash found by the fuzzer
 * stays fixed under the ordinary (non-fuzzer) ASan test run.
 *
 * Every function returns 0 whatever the input (libFuzzer wants 0) and
 * abort()s when an oracle fails: besides "does not crash", the harnesses
 * check properties that must hold for ANY input -- the normaliser keeps
 * code point counts and yields valid UTF-8, our own JSON/GraphML export
 * reads back with our own readers, our RDF exports parse with raptor.
 */
#ifndef NG_FUZZ_HARNESS_H
#define NG_FUZZ_HARNESS_H

#include <stddef.h>
#include <stdint.h>

/* Load the bundled lexicon once, silence warnings.  Idempotent; returns 0,
 * or -1 when the bundled lexicon cannot be loaded (then the extract
 * harness cannot run). */
int ng_harness_setup(void);
void ng_harness_teardown(void);

/* bytes -> UTF-8 validation + normalisation -> extraction (bundled
 * lexicon) -> merge -> resolve -> ties -> analysis -> every exporter. */
int ng_harness_extract(const uint8_t *data, size_t size);
/* bytes as one lexicon JSON file -> load -> compile -> extract a fixed
 * article with it. */
int ng_harness_lexicon(const uint8_t *data, size_t size);
/* bytes as a .jsonl file -> ng_input_load -> extract -> every exporter. */
int ng_harness_jsonl(const uint8_t *data, size_t size);
/* bytes as graph.json and as GraphML -> read -> analyse -> every exporter. */
int ng_harness_graph_read(const uint8_t *data, size_t size);

#endif
