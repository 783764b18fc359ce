#!/usr/bin/env bash
# The ontology and shapes parse strictly, the ontology declares every
# predicate the lexicons can produce (generated block up to date), and every
# ng: term used in the output of the bundled examples is defined there.
set -u
src="${NG_SOURCE_DIR:?}"; bin="${NG_BINARY:?}"
command -v serdi >/dev/null || { echo "skipped: serdi not installed"; exit 77; }
pass=0; fail=0
ok() { echo "ok   $1"; pass=$((pass+1)); }
bad() { echo "FAIL $1"; fail=$((fail+1)); }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
serdi -i turtle -o ntriples "$src/schema/newsgraph.ttl" > "$tmp/onto.nt" 2>"$tmp/err" && ok "ontology parses ($(wc -l < "$tmp/onto.nt") triples)" || { cat "$tmp/err"; bad "ontology parses"; }
serdi -i turtle -o ntriples "$src/schema/shapes.ttl" > /dev/null 2>"$tmp/err" && ok "shapes parse" || { cat "$tmp/err"; bad "shapes parse"; }
/usr/bin/python3 "$src/scripts/gen_ontology_predicates.py" --check && ok "generated predicate block is up to date" || bad "ontology out of date: run scripts/gen_ontology_predicates.py"
"$bin" build "$src/examples" -o "$tmp/out" --format nt --top 0 -q || bad "build examples"
ns='https://w3id.org/newsgraph/ontology#'
grep -o "<${ns}[A-Za-z_]*>" "$tmp/out/graph.nt" | sort -u > "$tmp/used"
missing=0
while read -r term; do
  grep -q "^$term <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>" "$tmp/onto.nt" || { echo "  undefined: $term"; missing=$((missing+1)); }
done < "$tmp/used"
[ "$missing" -eq 0 ] && ok "all $(wc -l < "$tmp/used") ng: terms used by the output are defined" || bad "$missing ng: terms undefined"
/usr/bin/python3 "$src/scripts/check_lexicon.py" >"$tmp/lex" 2>&1 && ok "lexicons pass scripts/check_lexicon.py" || { tail -5 "$tmp/lex"; bad "lexicon check"; }
if [ -d "${NG_SHARED:-$src/../shared}/corpus" ]; then
  (cd "$src" && /usr/bin/python3 scripts/check_gold.py gold/*.json gold/heldout/*.json) >"$tmp/gold" 2>&1 \
    && ok "gold files pass scripts/check_gold.py" || { tail -5 "$tmp/gold"; bad "gold check"; }
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
