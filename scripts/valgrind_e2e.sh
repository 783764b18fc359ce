#!/usr/bin/env bash
# End-to-end run under valgrind memcheck: any invalid access or definite
# leak fails.  Uses the release build from scripts/run-tests.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x build/newsgraph ] || { cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null && cmake --build build -j"$(nproc)" >/dev/null; }
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
inputs=(examples/)
[ -f ../shared/examples/ukraine-nato-2021.txt ] && inputs+=(../shared/examples/ukraine-nato-2021.txt)
valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
  ./build/newsgraph build "${inputs[@]}" -o "$out" --format all --top 0 -q
echo "valgrind: clean (${inputs[*]})"
