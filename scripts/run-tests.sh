#!/usr/bin/env bash
# Set-up, build and run the test suite (what CI runs).
#   scripts/run-tests.sh            normal build + all tests
#   NG_SANITIZE=1 scripts/run-tests.sh   AddressSanitizer + UBSan build + all tests
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh test
if [ "${NG_SANITIZE:-0}" = 1 ]; then
  dir=build-asan; flags=(-DNG_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug)
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
  export NG_PATHO_SCALE="${NG_PATHO_SCALE:-0.1}"
else
  dir=build; flags=(-DCMAKE_BUILD_TYPE=Release)
fi
cmake -S . -B "$dir" -DNG_WERROR=ON "${flags[@]}" >/dev/null
cmake --build "$dir" -j"$(nproc)" 2>&1 | grep -E "warning|error" && { echo "build produced warnings"; exit 1; } || true
cmake --build "$dir" -j"$(nproc)" >/dev/null
cd "$dir" && ctest --output-on-failure -j2
