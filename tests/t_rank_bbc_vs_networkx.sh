#!/usr/bin/env bash
# Rankings on a real graph: build the graph of all 2,225 BBC articles
# (../shared/corpus/bbc.jsonl), then recompute PageRank, betweenness,
# eigenvector centrality and HITS with networkx from the written GraphML
# alone and compare with the scores newsgraph wrote there (1e-6).
# The graph model (src/analysis.c): one GraphML edge per tie; the directed
# graph sums parallel ties per ordered pair and adds the reverse arc for
# symmetric (CONSULT/COOPERATE) ties; the undirected projection sums both
# directions with a symmetric tie counted once; lengths are 1/weight.
set -u
PY=/usr/bin/python3
shared="${NG_SHARED:-${NG_SOURCE_DIR:?}/../shared}"
[ -f "$shared/corpus/bbc.jsonl" ] || { echo "skipped: $shared/corpus/bbc.jsonl (../shared) not present"; exit 77; }
"$PY" -c 'import networkx, scipy' 2>/dev/null || { echo "skipped: /usr/bin/python3 has no networkx/scipy"; exit 77; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"${NG_BINARY:?}" build "$shared/corpus/bbc.jsonl" -o "$tmp" --format graphml --top 0 -q || { echo "build failed"; exit 1; }
"$PY" - "$tmp/graph.graphml" <<'PYEOF'
import sys, warnings
warnings.simplefilter("ignore")
import networkx as nx
M = nx.read_graphml(sys.argv[1])           # MultiDiGraph: one edge per tie
nodes = list(M.nodes())
D = nx.DiGraph(); D.add_nodes_from(nodes)
U = nx.Graph(); U.add_nodes_from(nodes)
def add(G, u, v, w):
    if G.has_edge(u, v): G[u][v]["weight"] += w
    else: G.add_edge(u, v, weight=w)
for u, v, d in M.edges(data=True):
    w = float(d["weight"]); sym = str(d.get("symmetric", "false")).lower() == "true"
    add(D, u, v, w)
    if sym: add(D, v, u, w)
    add(U, u, v, w)
# Lengths as exact fractions: weights are relation counts, and paths whose
# lengths tie exactly (1/3+1/3+1/3 = 1) must tie for networkx as they do for
# igraph, which compares lengths with a tolerance.
from fractions import Fraction
for G in (D, U):
    for u, v, d in G.edges(data=True):
        w = d["weight"]
        d["length"] = Fraction(1, int(w)) if float(w).is_integer() else 1.0 / w
n = len(nodes)
print("graph: %d actors, %d ties, %d arcs" % (n, M.number_of_edges(), D.number_of_edges()))
def written(attr): return {k: float(M.nodes[k][attr]) for k in nodes}
def norm_max(x):
    m = max(abs(v) for v in x.values()) or 1.0
    return {k: abs(v) / m for k, v in x.items()}
checks = {
    "pagerank": nx.pagerank(D, alpha=0.85, weight="weight", tol=1e-15, max_iter=100000),
    "betweenness": {k: float(v) for k, v in nx.betweenness_centrality(D, weight="length", normalized=False).items()},
    "eigenvector": norm_max(nx.eigenvector_centrality_numpy(U, weight="weight")),
}
hub, auth = nx.hits(D, max_iter=100000, tol=1e-14, normalized=True)
checks["hub"], checks["authority"] = norm_max(hub), norm_max(auth)
ok = True
npass = nfail = 0
print("measure       max |newsgraph - networkx|")
for m, exp in checks.items():
    got = written(m) if m not in ("hub", "authority") else norm_max(written(m))
    diff = max(abs(got[k] - exp[k]) for k in nodes)
    print("%-12s  %.3e  %s" % (m, diff, "ok" if diff <= 1e-6 else "FAIL"))
    ok = ok and diff <= 1e-6
    if diff <= 1e-6: npass += 1
    else: nfail += 1
print("%d passed, %d failed" % (npass, nfail))
sys.exit(0 if ok else 1)
PYEOF
