#!/usr/bin/env bash
# Score newsgraph against every gold file: the shared example and the
# project's BBC gold (texts read from ../shared, never copied in).
#   scripts/eval-gold.sh [NEWSGRAPH] [-v]
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-./build/newsgraph}"; shift || true
shared="${NG_SHARED:-../shared}"
[ -d "$shared/corpus" ] || { echo "skipped: $shared not present"; exit 77; }
echo "# example (shared/gold/ukraine-nato-2021.json)"
"$bin" eval --gold "$shared/gold/ukraine-nato-2021.json" "$shared/examples/ukraine-nato-2021.txt" "$@"
gold=(); inputs=()
for f in gold/*.json; do
  gold+=(--gold "$f")
  doc=$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["doc"])' "$f")
  inputs+=("$shared/$doc")
done
echo "# BBC politics gold (${#inputs[@]} articles, gold/)"
"$bin" eval "${gold[@]}" "${inputs[@]}" "$@"
