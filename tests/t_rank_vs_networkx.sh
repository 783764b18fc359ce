#!/bin/bash
# Cross-check `newsgraph rank` against networkx on a synthetic graph.
#
# networkx draws a random weighted directed graph (fixed seed, 200 nodes,
# some reciprocal arcs and a few isolated nodes), writes it as GraphML with
# "label" and "weight"; we rank it with --format csv and recompute every
# measure independently in networkx with the same conventions as
# src/analysis.h:
#   pagerank     directed, weighted, alpha 0.85
#   betweenness  directed, unnormalised, length = 1/weight
#   hub/authority weighted HITS; both sides normalised to sum 1 here
#                 (networkx normalises sums, igraph scales the max to 1)
#   eigenvector  undirected projection (reciprocal weights summed), max = 1
#   closeness    undirected projection, length 1/weight, over reachable nodes
#   harmonic     undirected projection, length 1/weight, divided by n - 1
#   degree, in/out degree, strength, kcore
# Every value must agree to 1e-6 (absolute); the largest difference per
# measure is printed.  Skips (77) when /usr/bin/python3 lacks networkx.
set -u
PY=/usr/bin/python3
if [ ! -x "$PY" ] || ! "$PY" -c 'import networkx, scipy, numpy' 2>/dev/null; then
    echo "skip: $PY with networkx, scipy and numpy is not available"
    exit 77
fi
if [ -z "${NG_BINARY:-}" ] || [ ! -x "$NG_BINARY" ]; then
    echo "NG_BINARY is not set or not executable" >&2
    exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$PY" - "$tmp/syn.graphml" <<'EOF' || exit 1
import random, sys
import networkx as nx
rng = random.Random(20240207)
G = nx.gnp_random_graph(200, 0.025, seed=20240207, directed=True)
D = nx.DiGraph()
for n in G.nodes():
    D.add_node("n%03d" % n, label="Actor %d" % n)
for u, v in G.edges():
    if u in (10, 20, 30) or v in (10, 20, 30):
        continue  # leave a few isolated actors
    # Full-precision random weights: no two paths tie in length, so the
    # shortest paths are unique and both libraries must agree exactly.
    D.add_edge("n%03d" % u, "n%03d" % v, weight=rng.uniform(0.5, 5.0))
nx.write_graphml(D, sys.argv[1])
EOF

if ! "$NG_BINARY" rank "$tmp/syn.graphml" --format csv --top 100000 --by pagerank \
        > "$tmp/rank.csv" 2> "$tmp/rank.err"; then
    echo "newsgraph rank failed:" >&2
    cat "$tmp/rank.err" >&2
    exit 1
fi

"$PY" - "$tmp/syn.graphml" "$tmp/rank.csv" <<'EOF'
import csv, sys, warnings
warnings.simplefilter("ignore")  # networkx 2.8 FutureWarnings about scipy matrices
import networkx as nx

D = nx.read_graphml(sys.argv[1])
rows = {r["id"]: r for r in csv.DictReader(open(sys.argv[2], newline=""))}
nodes = list(D.nodes())
n = len(nodes)
ok = True
if set(rows) != set(nodes):
    print("FAIL: node sets differ: %d in csv, %d in graph" % (len(rows), n))
    sys.exit(1)

for u, v, d in D.edges(data=True):
    d["length"] = 1.0 / d["weight"]
U = nx.Graph()
U.add_nodes_from(nodes)
for u, v, d in D.edges(data=True):
    w = d["weight"]
    if U.has_edge(u, v):
        U[u][v]["weight"] += w
    else:
        U.add_edge(u, v, weight=w)
for u, v, d in U.edges(data=True):
    d["length"] = 1.0 / d["weight"]

def norm_sum(x):
    s = sum(x.values())
    return {k: v / s for k, v in x.items()} if s else x

def norm_max(x):
    m = max(abs(v) for v in x.values())
    return {k: abs(v) / m for k, v in x.items()} if m else x

expected = {}
expected["pagerank"] = nx.pagerank(D, alpha=0.85, weight="weight", tol=1e-15, max_iter=100000)
expected["betweenness"] = nx.betweenness_centrality(D, weight="length", normalized=False)
hub, auth = nx.hits(D, max_iter=100000, tol=1e-14, normalized=True)
expected["hub"], expected["authority"] = norm_sum(hub), norm_sum(auth)
expected["eigenvector"] = norm_max(nx.eigenvector_centrality_numpy(U, weight="weight"))
expected["closeness"] = nx.closeness_centrality(U, distance="length", wf_improved=False)
expected["harmonic"] = {k: v / (n - 1) for k, v in
                        nx.harmonic_centrality(U, distance="length").items()}
expected["degree"] = dict(U.degree())
expected["in_degree"] = dict(D.in_degree())
expected["out_degree"] = dict(D.out_degree())
expected["strength"] = dict(U.degree(weight="weight"))
expected["kcore"] = nx.core_number(U)

got = {m: {k: float(rows[k][m]) for k in nodes} for m in expected}
got["hub"] = norm_sum(got["hub"])
got["authority"] = norm_sum(got["authority"])

print("measure       max |newsgraph - networkx|")
for m in expected:
    diff = max(abs(got[m][k] - expected[m][k]) for k in nodes)
    flag = "ok" if diff <= 1e-6 else "FAIL"
    if diff > 1e-6:
        ok = False
    print("%-12s  %.3e  %s" % (m, diff, flag))
s = sum(got["pagerank"].values())
print("pagerank sum  %.15f" % s)
if abs(s - 1) > 1e-9:
    ok = False
sys.exit(0 if ok else 1)
EOF
