#!/usr/bin/env bash
# t_e2e_bundled.sh - end to end on the bundled examples/ folder.
#
# Runs the main job, `newsgraph build examples/ --format all` (the folder:
# articles/*.txt and feed.jsonl together), and checks:
#   - exit 0 and every output file exists and parses: serdi (Turtle,
#     N-Triples, N-Quads), xmllint (GraphML, SVG, GEXF; GEXF also against
#     the 1.3 RelaxNG schema when ../shared is present), Python json and csv;
#   - actors each article names plainly are in graph.json, misspelled
#     re-mentions ("Stoltenburg", "Kier Starmer") are not separate actors,
#     a few plainly stated relations are found and the negated meetings
#     ("did not meet") are not;
#   - the JSON Lines articles keep their id, title, date, source and url;
#   - determinism: a second run, and --threads 2 against --threads 1, give
#     byte-identical files (cmp).
# Needs no ../shared.  Exit 77 (skipped) only when a required tool is missing.
set -u
SRC=${NG_SOURCE_DIR:-$(cd "$(dirname "$0")/.." && pwd)}
SHARED=${NG_SHARED:-$SRC/../shared}
PY=/usr/bin/python3
EX=$SRC/examples
RNG=$SHARED/schemas/gexf-1.3/gexf.rng

skip() { echo "skipped: $*"; exit 77; }
for tool in serdi xmllint cmp; do
    command -v "$tool" >/dev/null || skip "$tool not installed"
done
[ -x "$PY" ] || skip "$PY not found"
if [ -z "${NG_BINARY:-}" ] || [ ! -x "$NG_BINARY" ]; then
    echo "FAIL: NG_BINARY is not set or not executable" >&2
    exit 1
fi
if [ ! -d "$EX/articles" ] || [ ! -f "$EX/feed.jsonl" ]; then
    echo "FAIL: $EX/articles or $EX/feed.jsonl missing" >&2
    exit 1
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/ng-e2e-bundled.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
pass=0
fail=0
ok() { echo "ok: $*"; pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }

FILES="graph.ttl graph.nt graph.nq graph.graphml graph.gexf graph.json graph.nodes.csv graph.edges.csv graph.svg"

build() { # build DIR [extra options...]
    local dir=$1
    shift
    "$NG_BINARY" build "$EX" -o "$dir" --format all "$@" >"$dir.stdout" 2>"$dir.stderr"
}

# ---- the main job ------------------------------------------------------------
OUT=$TMP/out
build "$OUT"
rc=$?
if [ $rc -ne 0 ]; then
    echo "FAIL: newsgraph build $EX exited $rc"
    cat "$OUT.stderr"
    exit 1
fi
ok "newsgraph build examples/ --format all exited 0 ($(tail -1 "$OUT.stderr"))"
for f in $FILES; do
    [ -s "$OUT/$f" ] || bad "$f missing or empty"
done

# ---- every output parses -----------------------------------------------------
cd "$OUT" || exit 1
for spec in turtle:graph.ttl ntriples:graph.nt nquads:graph.nq; do
    syn=${spec%%:*}
    f=${spec#*:}
    out=ntriples
    [ "$syn" = nquads ] && out=nquads
    n=$(serdi -i "$syn" -o "$out" "$f" 2>"$TMP/serdi.err" | wc -l)
    if [ -s "$TMP/serdi.err" ] || [ "$n" -eq 0 ]; then
        bad "serdi -i $syn $f ($n statements): $(head -3 "$TMP/serdi.err")"
    else
        ok "serdi -i $syn parses $f ($n statements)"
    fi
done
for f in graph.graphml graph.svg graph.gexf; do
    if xmllint --noout "$f" 2>"$TMP/xml.err"; then ok "xmllint $f"; else bad "xmllint $f: $(head -3 "$TMP/xml.err")"; fi
done
if [ -f "$RNG" ]; then
    if xmllint --noout --relaxng "$RNG" graph.gexf 2>"$TMP/xml.err"; then
        ok "graph.gexf valid against GEXF 1.3 RelaxNG"
    else
        bad "graph.gexf RelaxNG: $(head -3 "$TMP/xml.err")"
    fi
else
    echo "note: $RNG not present; GEXF schema check skipped"
fi

# ---- JSON and CSV content ---------------------------------------------------
if "$PY" - graph.json graph.nodes.csv graph.edges.csv <<'PYEOF'; then ok "JSON/CSV content"; else bad "JSON/CSV content"; fi
import csv, json, sys

ok = True
def fail(msg):
    global ok
    ok = False
    print("  FAIL " + msg)

with open(sys.argv[1], encoding="utf-8") as f:
    J = json.load(f)
with open(sys.argv[2], newline="", encoding="utf-8") as f:
    nodes = list(csv.DictReader(f))
with open(sys.argv[3], newline="", encoding="utf-8") as f:
    edges = list(csv.DictReader(f))
print("  json: %d docs, %d actors, %d relations, %d ties; csv: %d nodes, %d edges"
      % (len(J["docs"]), len(J["actors"]), len(J["relations"]), len(J["ties"]), len(nodes), len(edges)))
if len(nodes) != len(J["actors"]):
    fail("graph.nodes.csv has %d rows, graph.json %d actors" % (len(nodes), len(J["actors"])))
if len(edges) != len(J["ties"]):
    fail("graph.edges.csv has %d rows, graph.json %d ties" % (len(edges), len(J["ties"])))

actors = {a["id"]: a for a in J["actors"]}
labels = {a["label"].lower() for a in J["actors"]}

# Actors each article names plainly (lexicon ids).
expect = {
    "articles/nato-ukraine-call": ["Jens_Stoltenberg", "Antony_Blinken", "NATO", "Olaf_Scholz",
                                   "Volodymyr_Zelensky", "Andrzej_Duda", "Sergei_Lavrov",
                                   "Gabrielius_Landsbergis", "Dmytro_Kuleba", "Russia", "Ukraine",
                                   "Estonia", "Latvia", "Lithuania", "Poland", "Romania"],
    "articles/eu-summit-sanctions": ["European_Union", "European_Commission", "European_Council",
                                     "Ursula_von_der_Leyen", "Charles_Michel", "Viktor_Orban",
                                     "Mateusz_Morawiecki", "Emmanuel_Macron", "Dmitry_Peskov", "Hungary"],
    "articles/uk-commons-row": ["Rishi_Sunak", "Keir_Starmer", "Ed_Davey", "Labour_Party",
                                "Conservative_Party", "House_of_Commons", "British_Medical_Association",
                                "Scottish_National_Party"],
    "articles/un-ceasefire-appeal": ["Antonio_Guterres", "United_Nations", "Israel", "Hezbollah",
                                     "Benjamin_Netanyahu", "Lebanon", "Iran", "Abbas_Araghchi",
                                     "UN_Security_Council", "World_Food_Programme", "Jordan", "Egypt", "Qatar"],
    "us-china-summit-2023-11": ["Joe_Biden", "Xi_Jinping", "United_States", "China", "Wang_Yi",
                                "Janet_Yellen", "Chinese_Foreign_Ministry"],
    "us-china-tariffs-2023-12": ["Li_Qiang", "Charles_Michel", "Ursula_von_der_Leyen"],
}
# Actors no lexicon knows: found in the text by title or apposition.
expect_labels = {
    "us-china-tariffs-2023-12": ["Katherine Tai", "Gina Raimondo"],
    "articles/un-ceasefire-appeal": ["Najib Mikati"],
}
# Mentions: which documents each actor is mentioned in.
in_doc = {}
for m in J.get("mentions", []):
    if isinstance(m, dict) and "actor" in m and "doc" in m:
        in_doc.setdefault(m["actor"], set()).add(m["doc"])
have_mentions = bool(in_doc)
for doc, ids in expect.items():
    missing = [i for i in ids if i not in actors]
    if missing:
        fail("%s: actors missing from graph.json: %s" % (doc, ", ".join(missing)))
    elif have_mentions:
        elsewhere = [i for i in ids if doc not in in_doc.get(i, set())]
        if elsewhere:
            fail("%s: actors not mentioned in that document: %s" % (doc, ", ".join(elsewhere)))
for doc, names in expect_labels.items():
    missing = [n for n in names if n.lower() not in labels]
    if missing:
        fail("%s: actors missing from graph.json: %s" % (doc, ", ".join(missing)))

# Misspelled re-mentions are the same person, not new actors.
for wrong, who in (("Stoltenburg", "Jens_Stoltenberg"), ("Kier Starmer", "Keir_Starmer")):
    if wrong.lower() in labels:
        fail("misspelling '%s' became an actor of its own" % wrong)
    if have_mentions:
        linked = {m["actor"] for m in J["mentions"] if m.get("text") == wrong}
        if linked != {who}:
            fail("misspelled mention '%s' is linked to %s, not %s"
                 % (wrong, ", ".join(sorted(linked)) or "nothing", who))

# Relations the articles state plainly, and meetings they say did not happen.
rels = {(r["subject"], r["type"], r["object"]) for r in J["relations"]}
def has(s, t, o, sym=False):
    return (s, t, o) in rels or (sym and (o, t, s) in rels)
plain = [
    ("Joe_Biden", "CONSULT", "Xi_Jinping", True),
    ("Olaf_Scholz", "CONSULT", "Volodymyr_Zelensky", True),
    ("Keir_Starmer", "ACCUSE", "Conservative_Party", False),
    ("Rishi_Sunak", "ACCUSE", "Labour_Party", False),
    ("Gabrielius_Landsbergis", "ACCUSE", "Sergei_Lavrov", False),   # passive
    ("Volodymyr_Zelensky", "REQUEST", "European_Union", False),
]
for s, t, o, sym in plain:
    if not has(s, t, o, sym):
        fail("relation %s %s %s not found" % (s, t, o))
negated = [("Antony_Blinken", "Sergei_Lavrov"), ("Steve_Barclay", "British_Medical_Association"),
           ("Li_Qiang", "Ursula_von_der_Leyen")]
for a, b in negated:
    if has(a, "CONSULT", b, True):
        fail("negated meeting extracted: %s CONSULT %s ('did not meet')" % (a, b))

# JSON Lines documents keep their metadata; text files are undated.
docs = {d["id"]: d for d in J["docs"]}
feed = {
    "us-china-summit-2023-11": ("2023-11-15", "Biden and Xi hold talks as chip curbs strain trade ties"),
    "us-china-tariffs-2023-12": ("2023-12-04", "China restricts graphite exports as Washington weighs new tariffs"),
}
for i, (date, title) in feed.items():
    d = docs.get(i)
    if d is None:
        fail("document %s (feed.jsonl) missing; docs: %s" % (i, ", ".join(sorted(docs))))
        continue
    if d.get("date") != date:
        fail("document %s has date %r, feed.jsonl says %s" % (i, d.get("date"), date))
    if d.get("title") != title:
        fail("document %s has title %r" % (i, d.get("title")))
    if d.get("source") != "Newsgraph Example Wire" or not str(d.get("url", "")).startswith("https://example.org/"):
        fail("document %s lost source/url: %r %r" % (i, d.get("source"), d.get("url")))
for i in expect:
    if i not in feed and i not in docs:
        fail("document %s missing; docs: %s" % (i, ", ".join(sorted(docs))))
sys.exit(0 if ok else 1)
PYEOF
cd "$TMP" || exit 1

# ---- determinism ---------------------------------------------------------------
same() { # same A B label
    local diffs=""
    for f in $FILES; do
        cmp -s "$1/$f" "$2/$f" || diffs="$diffs $f"
    done
    if [ -z "$diffs" ]; then ok "$3: byte-identical"; else bad "$3: files differ:$diffs"; fi
}
build "$TMP/again" || bad "second build failed: $(tail -3 "$TMP/again.stderr")"
same "$OUT" "$TMP/again" "two runs"
build "$TMP/t1" --threads 1 || bad "--threads 1 build failed: $(tail -3 "$TMP/t1.stderr")"
build "$TMP/t2" --threads 2 || bad "--threads 2 build failed: $(tail -3 "$TMP/t2.stderr")"
same "$TMP/t1" "$TMP/t2" "--threads 1 vs --threads 2"
if cmp -s "$OUT.stdout" "$TMP/t2.stdout"; then ok "ranking table identical across runs"; else bad "ranking table differs across runs"; fi

# The picture: one node (circle with a <title>) per actor, labels for the
# top actors by PageRank (15 by default), every label an actor's label.
if /usr/bin/python3 - "$OUT/graph.svg" "$OUT/graph.json" <<'PYEOF'
import json, sys
import xml.etree.ElementTree as ET
ns = {"s": "http://www.w3.org/2000/svg"}
root = ET.parse(sys.argv[1]).getroot()
g = json.load(open(sys.argv[2]))
nodes = root.find(".//s:g[@id='nodes']", ns)
labels = root.find(".//s:g[@id='labels']", ns)
circles = nodes.findall("s:circle", ns) if nodes is not None else []
titles = sorted(c.find("s:title", ns).text.rsplit(" (", 1)[0] for c in circles)
want = sorted(a["label"] for a in g["actors"])
texts = [t.text for t in labels.findall(".//s:text", ns)] if labels is not None else []
top = [a["label"] for a in sorted(g["actors"], key=lambda a: (-a["scores"]["pagerank"], a["id"]))[:15]]
ok = titles == want and len(texts) == min(15, len(want)) and set(texts) == set(top)
print("svg: %d nodes for %d actors, %d labels" % (len(circles), len(want), len(texts)))
sys.exit(0 if ok else 1)
PYEOF
then ok "SVG has a node per actor and labels the top 15 by PageRank"; else bad "SVG nodes/labels do not match the graph"; fi

echo "passed $pass, failed $fail"
[ $fail -eq 0 ]
