/*
 * fuzz_jsonl.c - libFuzzer entry for a JSON Lines file -> ng_input_load -> extraction -> analysis -> every exporter.
 *
 * The body lives in harness.c so that tests/test_regressions.c replays
 * saved inputs through exactly the same code without libFuzzer.
 */
#include <stddef.h>
#include <stdint.h>

#include "harness.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    /* Load the bundled lexicon once, not per input: it is the slow part. */
    ng_harness_setup();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return ng_harness_jsonl(data, size);
}
