#!/usr/bin/env bash
# t_rank_cli.sh - the `newsgraph rank` command line on a graph built from
# the bundled examples/ folder:
#   rank graph.json --by pagerank --top 5     header + 5 rows, PageRank descending
#   rank graph.json --by betweenness --top 5  header + 5 rows, betweenness descending,
#                                             first row = largest betweenness in graph.json
#   rank graph.json --format csv --top 5      CSV parses: header + 5 rows, scores = graph.json
#   rank graph.json --format json --top 5     JSON parses: 5 ranking entries, ranks 1..5
#   rank graph.json --type Person             only Person rows
#   rank graph.graphml --top 5                same actors, same order as from graph.json
#   rank graph.json --by nonsense             exit 2, nothing on stdout, a message on stderr
# Needs no ../shared.  Exit 77 (skipped) only when /usr/bin/python3 is missing.
set -u
SRC=${NG_SOURCE_DIR:-$(cd "$(dirname "$0")/.." && pwd)}
PY=/usr/bin/python3
EX=$SRC/examples

[ -x "$PY" ] || { echo "skipped: $PY not found"; exit 77; }
if [ -z "${NG_BINARY:-}" ] || [ ! -x "$NG_BINARY" ]; then
    echo "FAIL: NG_BINARY is not set or not executable" >&2
    exit 1
fi
[ -d "$EX" ] || { echo "FAIL: $EX missing" >&2; exit 1; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/ng-rank-cli.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
OUT=$TMP/out
pass=0
fail=0
ok() { echo "ok: $*"; pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }

if ! "$NG_BINARY" build "$EX" -o "$OUT" --format json,graphml --top 0 -q >"$TMP/build.out" 2>"$TMP/build.err"; then
    echo "FAIL: newsgraph build $EX failed:"
    cat "$TMP/build.err"
    exit 1
fi
G=$OUT/graph.json

# run NAME ARGS...: runs `newsgraph rank ARGS`, stdout to $TMP/NAME.out,
# stderr to $TMP/NAME.err; returns the exit code.
run() {
    local name=$1
    shift
    "$NG_BINARY" rank "$@" >"$TMP/$name.out" 2>"$TMP/$name.err"
}

# check NAME KIND EXPECTED...: a Python check of $TMP/NAME.out (see below).
check() {
    "$PY" - "$G" "$TMP" "$@" <<'PYEOF'
import csv, io, json, math, re, sys
gpath, tmp, name, kind = sys.argv[1:5]
args = sys.argv[5:]
text = open("%s/%s.out" % (tmp, name), encoding="utf-8").read()
G = json.load(open(gpath, encoding="utf-8"))
actors = {a["id"]: a for a in G["actors"]}
by_label = {}
for a in G["actors"]:
    by_label.setdefault(a["label"], a)
TYPES = ("Person", "Organization", "Country")

def table_rows(t):
    """Rows of the ranking table: (rank, label, type, pagerank, betweenness, degree)."""
    lines = t.splitlines()
    hdr = [i for i, l in enumerate(lines) if re.match(r"^rank +label +type +pagerank +betweenness +degree\s*$", l)]
    if len(hdr) != 1:
        raise SystemExit("  FAIL no (single) table header 'rank label type pagerank betweenness degree'")
    rows = []
    for l in lines[hdr[0] + 1:]:
        if not l.strip():
            break
        m = re.match(r"^ *(\d+) +(.+?) +(%s) +(\S+) +(\S+) +(\d+)\s*$" % "|".join(TYPES), l)
        if not m:
            raise SystemExit("  FAIL unparsable table row: %r" % l)
        rows.append((int(m.group(1)), m.group(2), m.group(3), float(m.group(4)), float(m.group(5)), int(m.group(6))))
    return rows

def desc(vals):
    return all(vals[i] >= vals[i + 1] for i in range(len(vals) - 1))

problems = []
if kind == "table":                       # args: measure n [type]
    measure, n = args[0], int(args[1])
    rows = table_rows(text)
    col = {"pagerank": 3, "betweenness": 4}[measure]
    if len(rows) != n:
        problems.append("%d rows, expected %d" % (len(rows), n))
    if [r[0] for r in rows] != list(range(1, len(rows) + 1)):
        problems.append("ranks are not 1..%d" % len(rows))
    if not desc([r[col] for r in rows]):
        problems.append("not sorted by %s" % measure)
    if not re.search(r"ranked by %s: top %d of \d+" % (measure, n), text):
        problems.append("no 'ranked by %s: top %d of N' line" % (measure, n))
    best = max(a["scores"][measure] for a in G["actors"])
    if rows and abs(rows[0][col] - best) > 5e-3 * max(1.0, abs(best)):
        problems.append("first row has %s %g, graph.json's largest is %g" % (measure, rows[0][col], best))
    for r in rows:
        if r[1] not in by_label:
            problems.append("row label %r is no actor of graph.json" % r[1])
    print("  %s: %s" % (name, ", ".join("%s %.4g" % (r[1], r[col]) for r in rows)))
elif kind == "type":                      # args: TYPE
    rows = table_rows(text)
    if not rows:
        problems.append("no rows")
    wrong = [r[1] for r in rows if r[2] != args[0]]
    if wrong:
        problems.append("rows of another type: %s" % ", ".join(wrong))
    want = sum(1 for a in G["actors"] if a["type"] == args[0])
    if not re.search(r"top \d+ of %d\b" % want, text):
        problems.append("header does not count the %d %s actors" % (want, args[0]))
    print("  %s: %d rows, all %s (of %d)" % (name, len(rows), args[0], want))
elif kind == "csv":                       # args: n
    rows = list(csv.DictReader(io.StringIO(text)))
    n = int(args[0])
    if len(rows) != n:
        problems.append("%d CSV rows, expected %d" % (len(rows), n))
    for col in ("id", "label", "type", "pagerank", "betweenness", "degree"):
        if rows and col not in rows[0]:
            problems.append("CSV lacks column %s" % col)
    if not problems:
        pr = [float(r["pagerank"]) for r in rows]
        if not desc(pr):
            problems.append("CSV not sorted by pagerank")
        for r in rows:
            a = actors.get(r["id"])
            if a is None:
                problems.append("CSV id %s not in graph.json" % r["id"])
            elif abs(float(r["pagerank"]) - a["scores"]["pagerank"]) > 1e-9 or r["label"] != a["label"]:
                problems.append("CSV row %s differs from graph.json" % r["id"])
    print("  %s: %d CSV rows" % (name, len(rows)))
elif kind == "json":                      # args: n
    J = json.loads(text)
    rk = J.get("ranking")
    n = int(args[0])
    if not isinstance(rk, list) or len(rk) != n:
        problems.append("ranking has %s entries, expected %d" % (len(rk) if isinstance(rk, list) else "no", n))
    else:
        if [e.get("rank") for e in rk] != list(range(1, n + 1)):
            problems.append("ranks are not 1..%d" % n)
        if J.get("by") != "pagerank":
            problems.append("by = %r" % J.get("by"))
        if J.get("actors") != len(G["actors"]):
            problems.append("actors = %r, graph.json has %d" % (J.get("actors"), len(G["actors"])))
        for e in rk:
            if e.get("id") not in actors:
                problems.append("ranking id %r not in graph.json" % e.get("id"))
        if not desc([e["scores"]["pagerank"] for e in rk]):
            problems.append("ranking not sorted by pagerank")
    print("  %s: JSON with %d ranking entries" % (name, len(rk) if isinstance(rk, list) else 0))
elif kind == "same":                      # args: other table name
    other = open("%s/%s.out" % (tmp, args[0]), encoding="utf-8").read()
    a = [r[1:] for r in table_rows(text)]
    b = [r[1:] for r in table_rows(other)]
    if len(a) < 5:
        problems.append("only %d rows" % len(a))
    if [r[:2] for r in a] != [r[:2] for r in b]:
        problems.append("order differs from the graph.json ranking:\n    %s\n    %s" % (a, b))
    else:
        for x, y in zip(a, b):
            if abs(x[2] - y[2]) > 1e-6 or abs(x[3] - y[3]) > 1e-2 or x[4] != y[4]:
                problems.append("scores differ for %s: %s vs %s" % (x[0], x, y))
    print("  %s: %d rows, same as %s" % (name, len(a), args[0]))
for p in problems:
    print("  FAIL " + p)
sys.exit(1 if problems else 0)
PYEOF
}

# step NAME "DESCRIPTION" KIND [EXPECTED...] -- ARGS...
step() {
    local name=$1 what=$2 kind=$3
    shift 3
    local exp=()
    while [ "$1" != "--" ]; do exp+=("$1"); shift; done
    shift
    run "$name" "$@"
    local rc=$?
    if [ $rc -ne 0 ]; then
        bad "$what: exit $rc: $(head -3 "$TMP/$name.err")"
        return
    fi
    if check "$name" "$kind" "${exp[@]}"; then ok "$what"; else bad "$what"; fi
}

step pr "rank graph.json --by pagerank --top 5" table pagerank 5 -- "$G" --by pagerank --top 5
step bw "rank graph.json --by betweenness --top 5" table betweenness 5 -- "$G" --by betweenness --top 5
step csv "rank graph.json --format csv --top 5" csv 5 -- "$G" --format csv --top 5
step json "rank graph.json --format json --top 5" json 5 -- "$G" --format json --top 5
step person "rank graph.json --type Person" type Person -- "$G" --type Person
step gml "rank graph.graphml --top 5" same pr -- "$OUT/graph.graphml" --top 5

run bad "$G" --by nonsense
rc=$?
if [ $rc -eq 2 ] && [ ! -s "$TMP/bad.out" ] && [ -s "$TMP/bad.err" ]; then
    ok "rank --by nonsense exits 2 ($(head -1 "$TMP/bad.err"))"
else
    bad "rank --by nonsense: exit $rc (expected 2), stdout $(wc -c <"$TMP/bad.out") bytes, stderr: $(head -1 "$TMP/bad.err")"
fi

# An actor id with a control character would collide with another id once
# the exporters drop the character (a fuzzer found "B\x0f" next to "B"):
# refused with the file, the actor and the byte.
printf '{"actors":[{"id":"B","type":"Person"},{"id":"B\\u000f","type":"Country"}],"relations":[]}' >"$TMP/ctl.json"
run ctl "$TMP/ctl.json"
rc=$?
if [ $rc -eq 3 ] && [ ! -s "$TMP/ctl.out" ] && grep -q 'ctl.json: actors\[1\].id has a control character (0x0f) at byte 1' "$TMP/ctl.err"; then
    ok "rank on an id with a control character exits 3 ($(head -1 "$TMP/ctl.err"))"
else
    bad "rank on an id with a control character: exit $rc (expected 3), stderr: $(head -1 "$TMP/ctl.err")"
fi

echo "passed $pass, failed $fail"
[ $fail -eq 0 ]
