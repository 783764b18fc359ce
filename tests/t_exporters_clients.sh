#!/usr/bin/env bash
# t_exporters_clients.sh - real clients read every export format.
#
# tests/test_exporters writes its hostile-text graph in every format into
# $NG_EXPORT_DIR; this script then has independent parsers read the files:
#   serdi (strict) and rapper for Turtle / N-Triples / N-Quads, with equal
#   triple counts; xmllint for GraphML and SVG well-formedness and the GEXF
#   1.3 RelaxNG schema; networkx + rdflib (/usr/bin/python3) for GraphML,
#   GEXF, RDF, CSV, JSON with node/edge counts and attributes; and, when
#   tests/node/node_modules exists (npm install in tests/node), graphology,
#   oxigraph (SPARQL) and rdf-validate-shacl against schema/shapes.ttl.
# Exit 77 (skipped) only when a required tool is missing.
set -u
SRC=${NG_SOURCE_DIR:-$(cd "$(dirname "$0")/.." && pwd)}
SHARED=${NG_SHARED:-$SRC/../shared}
PY=/usr/bin/python3
RNG=$SHARED/schemas/gexf-1.3/gexf.rng

skip() { echo "SKIP: $*"; exit 77; }
for tool in serdi rapper xmllint; do
    command -v "$tool" >/dev/null || skip "$tool not installed"
done
[ -x "$PY" ] || skip "$PY not found"
"$PY" -c 'import networkx, rdflib' 2>/dev/null || skip "$PY lacks networkx/rdflib"
[ -f "$RNG" ] || skip "GEXF schema $RNG not found"
[ -n "${NG_BUILD_DIR:-}" ] || skip "NG_BUILD_DIR not set (run through ctest)"
BIN=$NG_BUILD_DIR/tests/test_exporters
[ -x "$BIN" ] || { echo "FAIL: $BIN not built"; exit 1; }

OUT=$(mktemp -d "${TMPDIR:-/tmp}/ng-clients.XXXXXX")
trap 'rm -rf "$OUT"' EXIT
pass=0
fail=0
ok() { echo "ok: $*"; pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }

NG_EXPORT_DIR=$OUT "$BIN" >"$OUT/unit.log" 2>&1 || { cat "$OUT/unit.log"; echo "FAIL: $BIN"; exit 1; }
cd "$OUT" || exit 1

# ---- RDF: strict parsers, same triple count everywhere ---------------
n_serdi_ttl=$(serdi -i turtle -o ntriples graph.ttl 2>serdi.err | wc -l)
[ -s serdi.err ] && bad "serdi turtle: $(head -3 serdi.err)"
n_serdi_nt=$(serdi -i ntriples -o ntriples graph.nt 2>serdi.err | wc -l)
[ -s serdi.err ] && bad "serdi ntriples: $(head -3 serdi.err)"
n_serdi_nq=$(serdi -i nquads -o nquads graph.nq 2>serdi.err | wc -l)
[ -s serdi.err ] && bad "serdi nquads: $(head -3 serdi.err)"
rapper_count() { rapper -i "$1" -c "$2" 2>&1 | sed -n 's/.*returned \([0-9]*\) triples.*/\1/p'; }
n_rapper_ttl=$(rapper_count turtle graph.ttl)
n_rapper_nt=$(rapper_count ntriples graph.nt)
n_rapper_nq=$(rapper_count nquads graph.nq)
echo "triples: serdi ttl=$n_serdi_ttl nt=$n_serdi_nt nq=$n_serdi_nq; rapper ttl=$n_rapper_ttl nt=$n_rapper_nt nq=$n_rapper_nq"
if [ "$n_serdi_ttl" -gt 0 ] && [ "$n_serdi_ttl" = "$n_serdi_nt" ] && [ "$n_serdi_nt" = "$n_serdi_nq" ] &&
   [ "$n_serdi_ttl" = "$n_rapper_ttl" ] && [ "$n_rapper_ttl" = "$n_rapper_nt" ] && [ "$n_rapper_nt" = "$n_rapper_nq" ]; then
    ok "RDF triple counts agree ($n_serdi_ttl)"
else
    bad "RDF triple counts differ"
fi
for f in "$SRC/schema/newsgraph.ttl" "$SRC/schema/shapes.ttl"; do
    if serdi -i turtle -o ntriples "$f" >/dev/null 2>serdi.err && [ ! -s serdi.err ]; then
        ok "serdi parses $(basename "$f")"
    else
        bad "serdi on $(basename "$f"): $(head -3 serdi.err)"
    fi
done

# ---- XML -------------------------------------------------------------
for f in graph.graphml graph.svg empty-graph.graphml empty-graph.svg; do
    if xmllint --noout "$f" 2>xml.err; then ok "xmllint $f"; else bad "xmllint $f: $(head -3 xml.err)"; fi
done
for f in graph.gexf graph-static.gexf empty-graph.gexf; do
    if xmllint --noout --relaxng "$RNG" "$f" 2>xml.err; then ok "GEXF 1.3 RelaxNG $f"; else bad "RelaxNG $f: $(head -3 xml.err)"; fi
done

# ---- Python clients --------------------------------------------------
if "$PY" - <<'PYEOF'; then ok "networkx/rdflib/csv/json clients"; else bad "networkx/rdflib/csv/json clients"; fi
import csv, io, json, sys
csv.field_size_limit(1 << 24)  # the test graph has a 100 KB label
import networkx as nx
import rdflib

j = json.load(open("graph.json", encoding="utf-8"))
n_actors, n_ties = len(j["actors"]), len(j["ties"])
errors = []
def check(cond, msg):
    if not cond:
        errors.append(msg)

g = nx.read_graphml("graph.graphml")
print(f"networkx graphml: {g.number_of_nodes()} nodes {g.number_of_edges()} edges")
check(g.number_of_nodes() == n_actors and g.number_of_edges() == n_ties, "graphml counts")
b = g.nodes["Antony_Blinken"]
check(b.get("label") == "Antony Blinken" and b.get("type") == "Person", "graphml node attrs")
check(isinstance(b.get("pagerank"), float) and isinstance(b.get("degree"), int), "graphml types")
check(all("weight" in d and "type" in d and "predicate" in d for _, _, d in g.edges(data=True)),
      "graphml edge attrs")

# networkx 2.8 only knows the GEXF 1.1/1.2 namespaces; 1.3 is the same
# structure for what it reads, so swap the namespace in memory.
text = open("graph.gexf", encoding="utf-8").read()
text = (text.replace("http://gexf.net/1.3/viz", "http://www.gexf.net/1.2draft/viz")
            .replace("http://gexf.net/1.3", "http://www.gexf.net/1.2draft")
            .replace('version="1.3"', 'version="1.2"'))
x = nx.read_gexf(io.BytesIO(text.encode("utf-8")), version="1.2draft")
print(f"networkx gexf: {x.number_of_nodes()} nodes {x.number_of_edges()} edges")
check(x.number_of_nodes() == n_actors and x.number_of_edges() == n_ties, "gexf counts")
xb = x.nodes["Antony_Blinken"]
check(xb.get("label") == "Antony Blinken" and "viz" in xb and "position" in xb["viz"], "gexf viz")
check(sorted(g.nodes) == sorted(x.nodes), "graphml and gexf node ids differ")

t = rdflib.Graph()
t.parse("graph.ttl", format="turtle")
ds = rdflib.Dataset()
ds.parse("graph.nq", format="nquads")
NG = rdflib.Namespace("https://w3id.org/newsgraph/ontology#")
events = set(t.subjects(rdflib.RDF.type, NG.Event))
print(f"rdflib: ttl {len(t)} triples, nq {len(ds)} quads, {len(events)} events")
check(len(t) == len(ds), "rdflib ttl vs nq")
check(len(events) == len(j["relations"]), "one event per relation")
lit = t.value(rdflib.URIRef("https://w3id.org/newsgraph/id/actor/Antony_Blinken"), NG.pagerank)
check(lit is not None and lit.datatype == rdflib.XSD.double, "pagerank is xsd:double")

nodes = list(csv.DictReader(open("graph.nodes.csv", encoding="utf-8", newline="")))
edges = list(csv.DictReader(open("graph.edges.csv", encoding="utf-8", newline="")))
print(f"csv: {len(nodes)} nodes {len(edges)} edges")
check(len(nodes) == n_actors and len(edges) == n_ties, "csv counts")
check([r["Id"] for r in nodes] == [a["id"] for a in j["actors"]], "csv ids")
check(all(r["Type"] in ("Directed", "Undirected") for r in edges), "csv edge Type")
check(not any(r["Label"][:1] in "=+-@" for r in nodes if r["Label"]), "csv formula guard")

for e in errors:
    print("  check failed:", e)
sys.exit(1 if errors else 0)
PYEOF

# ---- JavaScript clients (optional) -----------------------------------
NODEDIR=$SRC/tests/node
if command -v node >/dev/null && [ -d "$NODEDIR/node_modules" ]; then
    if node "$NODEDIR/check_clients.mjs" "$OUT" "$SRC/schema/shapes.ttl" >node.log 2>&1; then
        sed 's/^/  /' node.log
        ok "graphology/oxigraph/SHACL clients"
    else
        cut -c1-300 node.log
        bad "graphology/oxigraph/SHACL clients"
    fi
else
    echo "note: JavaScript client checks skipped (need node and 'npm install' in tests/node)"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
