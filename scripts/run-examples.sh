#!/usr/bin/env bash
# The main job on the project's own bundled examples: set-up, build, run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh build
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
./build/newsgraph build examples/ -o out --format all
