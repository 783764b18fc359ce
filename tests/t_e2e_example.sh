#!/usr/bin/env bash
# t_e2e_example.sh - end to end on the shared example article.
#
# newsgraph build $NG_SHARED/examples/ukraine-nato-2021.txt writes every
# format; independent tools then read the files back:
#   RDF      serdi (strict) and rapper agree on the Turtle triple count; the
#            N-Triples file has the same count; N-Quads parse with serdi.
#   GraphML  networkx reads it and recomputes PageRank on the graph that
#            src/analysis.c ranks: D, one arc per ordered pair, parallel ties
#            summed, a symmetric tie (symmetric=true) counted both ways;
#            every node's `pagerank` must agree to 1e-6.
#   JSON     parses; actors = GraphML nodes; relations = sum of edge counts.
#   Gephi    nodes carry label, type, pagerank, betweenness, degree,
#            community; edges carry predicate, type, weight.
#   GEXF     1.3 RelaxNG schema.
#   stdout   the ranking table has at least 5 rows.
# Then `newsgraph eval` against the gold: three lines in the documented
# format, actors F1 >= 0.6 and relations F1 >= 0.4 (first-version floor).
#
# Exit 77 (skipped) when ../shared or a required tool is missing.
set -u
SRC=${NG_SOURCE_DIR:-$(cd "$(dirname "$0")/.." && pwd)}
SHARED=${NG_SHARED:-$SRC/../shared}
PY=/usr/bin/python3
ARTICLE=$SHARED/examples/ukraine-nato-2021.txt
GOLD=$SHARED/gold/ukraine-nato-2021.json
RNG=$SHARED/schemas/gexf-1.3/gexf.rng

if [ ! -d "$SHARED" ] || [ ! -f "$ARTICLE" ] || [ ! -f "$GOLD" ]; then
    echo "skipped: ../shared not present"
    exit 77
fi
skip() { echo "skipped: $*"; exit 77; }
for tool in serdi rapper xmllint; do
    command -v "$tool" >/dev/null || skip "$tool not installed"
done
[ -x "$PY" ] || skip "$PY not found"
"$PY" -c 'import networkx' 2>/dev/null || skip "$PY lacks networkx"
if [ -z "${NG_BINARY:-}" ] || [ ! -x "$NG_BINARY" ]; then
    echo "FAIL: NG_BINARY is not set or not executable" >&2
    exit 1
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/ng-e2e-example.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
OUT=$TMP/out
pass=0
fail=0
ok() { echo "ok: $*"; pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }

# ---- build -----------------------------------------------------------
"$NG_BINARY" build "$ARTICLE" --format ttl,nt,nq,graphml,json,csv,gexf,svg -o "$OUT" \
    >"$TMP/stdout" 2>"$TMP/stderr"
rc=$?
if [ $rc -ne 0 ]; then
    echo "FAIL: newsgraph build exited $rc"
    cat "$TMP/stderr"
    exit 1
fi
ok "newsgraph build exited 0 ($(tail -1 "$TMP/stderr"))"
for f in graph.ttl graph.nt graph.nq graph.graphml graph.json graph.nodes.csv graph.edges.csv graph.gexf graph.svg; do
    [ -s "$OUT/$f" ] || bad "$f missing or empty"
done

# ---- ranking table on stdout -------------------------------------------
rows=$(grep -cE '^ *[0-9]+ +[^ ]' "$TMP/stdout")
if grep -qE '^rank +label +type +pagerank' "$TMP/stdout" && [ "$rows" -ge 5 ]; then
    ok "ranking table on stdout: header and $rows rows"
else
    bad "ranking table on stdout: expected a header and >= 5 rows, found $rows rows"
    cat "$TMP/stdout"
fi

cd "$OUT" || exit 1

# ---- RDF -----------------------------------------------------------------
n_serdi_ttl=$(serdi -i turtle -o ntriples graph.ttl 2>"$TMP/serdi.err" | wc -l)
[ -s "$TMP/serdi.err" ] && bad "serdi (strict) on graph.ttl: $(head -3 "$TMP/serdi.err")"
n_rapper_ttl=$(rapper -i turtle -c graph.ttl 2>&1 | sed -n 's/.*returned \([0-9]*\) triples.*/\1/p')
n_serdi_nt=$(serdi -i ntriples -o ntriples graph.nt 2>"$TMP/serdi.err" | wc -l)
[ -s "$TMP/serdi.err" ] && bad "serdi on graph.nt: $(head -3 "$TMP/serdi.err")"
n_serdi_nq=$(serdi -i nquads -o nquads graph.nq 2>"$TMP/serdi.err" | wc -l)
[ -s "$TMP/serdi.err" ] && bad "serdi on graph.nq: $(head -3 "$TMP/serdi.err")"
echo "triples: serdi ttl=$n_serdi_ttl rapper ttl=${n_rapper_ttl:-?} serdi nt=$n_serdi_nt serdi nq=$n_serdi_nq"
if [ "$n_serdi_ttl" -gt 0 ] && [ "$n_serdi_ttl" = "${n_rapper_ttl:-x}" ]; then
    ok "serdi and rapper agree on graph.ttl ($n_serdi_ttl triples)"
else
    bad "graph.ttl: serdi counts $n_serdi_ttl triples, rapper ${n_rapper_ttl:-nothing}"
fi
if [ "$n_serdi_nt" = "$n_serdi_ttl" ]; then
    ok "graph.nt has the same $n_serdi_nt triples"
else
    bad "graph.nt has $n_serdi_nt triples, graph.ttl $n_serdi_ttl"
fi
if [ "$n_serdi_nq" -gt 0 ]; then ok "serdi parses graph.nq ($n_serdi_nq quads)"; else bad "graph.nq: no quads"; fi

# ---- XML -------------------------------------------------------------------
for f in graph.graphml graph.svg; do
    if xmllint --noout "$f" 2>"$TMP/xml.err"; then ok "xmllint $f"; else bad "xmllint $f: $(head -3 "$TMP/xml.err")"; fi
done
if [ -f "$RNG" ]; then
    if xmllint --noout --relaxng "$RNG" graph.gexf 2>"$TMP/xml.err"; then
        ok "graph.gexf valid against GEXF 1.3 RelaxNG"
    else
        bad "graph.gexf RelaxNG: $(head -3 "$TMP/xml.err")"
    fi
else
    bad "GEXF schema $RNG missing from ../shared"
fi

# ---- networkx: PageRank, counts, Gephi attributes ---------------------------
if "$PY" - graph.graphml graph.json <<'PYEOF'; then ok "networkx/JSON cross-checks"; else bad "networkx/JSON cross-checks"; fi
import json, sys, warnings
warnings.simplefilter("ignore")  # networkx 2.8 FutureWarnings
import networkx as nx

gml, js = sys.argv[1], sys.argv[2]
ok = True
def fail(msg):
    global ok
    ok = False
    print("  FAIL " + msg)

# force_multigraph: one GraphML edge per tie, even when two ties (different
# event types) join the same ordered pair.
M = nx.read_graphml(gml, force_multigraph=True)
if not M.is_directed():
    fail("graph.graphml is not directed")

# The graph PageRank runs on (analysis.h): D has one arc per ordered pair;
# parallel ties are summed; a symmetric tie adds its weight both ways.
D = nx.DiGraph()
D.add_nodes_from(M.nodes())
def add(u, v, w):
    if D.has_edge(u, v):
        D[u][v]["weight"] += w
    else:
        D.add_edge(u, v, weight=w)
sum_count = 0
for u, v, d in M.edges(data=True):
    w = float(d["weight"])
    add(u, v, w)
    if d.get("symmetric") in (True, "true"):
        add(v, u, w)
    sum_count += int(d.get("count", 0))

pr = nx.pagerank(D, alpha=0.85, weight="weight", tol=1e-15, max_iter=100000)
worst, who = 0.0, None
for n, d in M.nodes(data=True):
    if "pagerank" not in d:
        fail("node %s has no pagerank" % n)
        continue
    diff = abs(float(d["pagerank"]) - pr[n])
    if diff > worst:
        worst, who = diff, n
print("  pagerank: %d nodes, %d arcs in D, max |newsgraph - networkx| = %.3e%s"
      % (D.number_of_nodes(), D.number_of_edges(), worst, " (%s)" % who if who else ""))
if worst > 1e-6:
    fail("PageRank differs from networkx by %.3e at %s" % (worst, who))
s = sum(float(d["pagerank"]) for _, d in M.nodes(data=True))
if abs(s - 1) > 1e-9:
    fail("PageRank sums to %.12f" % s)

# Gephi attributes.
need_node = ["label", "type", "pagerank", "betweenness", "degree", "community"]
need_edge = ["predicate", "type", "weight"]
for n, d in M.nodes(data=True):
    miss = [k for k in need_node if k not in d]
    if miss:
        fail("node %s lacks %s" % (n, ", ".join(miss)))
for u, v, d in M.edges(data=True):
    miss = [k for k in need_edge if k not in d]
    if miss:
        fail("edge %s -> %s lacks %s" % (u, v, ", ".join(miss)))

# JSON against GraphML.
with open(js, encoding="utf-8") as f:
    J = json.load(f)
na, nr = len(J["actors"]), len(J["relations"])
print("  json: %d actors, %d relations; graphml: %d nodes, %d edges, sum(count) = %d"
      % (na, nr, M.number_of_nodes(), M.number_of_edges(), sum_count))
if na != M.number_of_nodes():
    fail("JSON has %d actors, GraphML %d nodes" % (na, M.number_of_nodes()))
if nr != sum_count:
    fail("JSON has %d relations, GraphML edge counts sum to %d" % (nr, sum_count))
if set(a["id"] for a in J["actors"]) != set(M.nodes()):
    fail("JSON actor ids differ from GraphML node ids")
sys.exit(0 if ok else 1)
PYEOF

# ---- eval against the gold ------------------------------------------------
cd "$TMP" || exit 1
"$NG_BINARY" eval --gold "$GOLD" "$ARTICLE" >"$TMP/eval.out" 2>"$TMP/eval.err"
rc=$?
cat "$TMP/eval.out"
if [ $rc -ne 0 ]; then
    bad "newsgraph eval exited $rc: $(head -3 "$TMP/eval.err")"
fi
if "$PY" - "$TMP/eval.out" <<'PYEOF'; then ok "eval output format and F1 floors"; else bad "eval output format and F1 floors"; fi
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
line_re = re.compile(r"^(actors|pairs|relations) +P=(\d\.\d{3}) R=(\d\.\d{3}) F1=(\d\.\d{3}) "
                     r"\(tp=(\d+) fp=(\d+) fn=(\d+)[^)]*\)$", re.M)
got = {m.group(1): m for m in line_re.finditer(text)}
ok = True
for k in ("actors", "pairs", "relations"):
    if k not in got:
        print("  FAIL no '%s P=... R=... F1=... (tp=.. fp=.. fn=..)' line" % k)
        ok = False
if ok:
    for k, m in got.items():
        p, r, f1 = (float(m.group(i)) for i in (2, 3, 4))
        tp, fp, fn = (int(m.group(i)) for i in (5, 6, 7))
        # The printed numbers must follow from the printed counts (3 decimals).
        ep = tp / (tp + fp) if tp + fp else 0.0
        er = tp / (tp + fn) if tp + fn else 0.0
        if abs(p - ep) > 0.0011 or abs(r - er) > 0.0011:
            print("  FAIL %s: P/R do not match tp/fp/fn" % k)
            ok = False
    floors = {"actors": 0.6, "relations": 0.4}
    for k, lo in floors.items():
        f1 = float(got[k].group(4))
        if f1 < lo:
            print("  FAIL %s F1 %.3f below the floor %.1f" % (k, f1, lo))
            ok = False
        else:
            print("  %s F1 %.3f >= %.1f" % (k, f1, lo))
sys.exit(0 if ok else 1)
PYEOF

echo "passed $pass, failed $fail"
[ $fail -eq 0 ]
