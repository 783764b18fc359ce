#!/usr/bin/env bash
# Throughput benchmark: newsgraph vs wink-nlp and compromise on a JSONL corpus.
#
# usage: scripts/bench.sh [JSONL]
#   JSONL defaults to ../shared/corpus/bbc.jsonl relative to the repo root.
#   Exit status 77 (skip) if the corpus is missing.
#
# Environment:
#   NEWSGRAPH_BUILD_DIR      build directory (default: build-bench)
#   BENCH_NG_RUNS            newsgraph single-thread runs (default 5, median)
#   BENCH_NODE_RUNS          runs per JS tool (default 3, median)
#   BENCH_COMPROMISE_SAMPLE  compromise processes every K-th article (default 4;
#                            it runs at ~15-20k words/s, so the full corpus
#                            three times would take ~3 minutes on its own).
#                            Set to 1 for the full corpus.
#
# Words are counted the same way for every tool: whitespace-separated tokens of
# each article's "text" field (Python str.split()); words/s = words / seconds.
# newsgraph "extraction" is the extract phase of --timings (tokenise, sentences,
# actor recognition, in-article resolution, relations, graph merge); the JS
# tools are timed on their processing loop only (after model load, warm-up).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
INPUT="${1:-$ROOT/../shared/corpus/bbc.jsonl}"
BUILD="${NEWSGRAPH_BUILD_DIR:-$ROOT/build-bench}"
NG_RUNS="${BENCH_NG_RUNS:-5}"
NODE_RUNS="${BENCH_NODE_RUNS:-3}"
CSAMPLE="${BENCH_COMPROMISE_SAMPLE:-4}"
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

if [ ! -f "$INPUT" ]; then
    echo "bench.sh: corpus not found: $INPUT (skipping)" >&2
    exit 77
fi
INPUT="$(cd "$(dirname "$INPUT")" && pwd)/$(basename "$INPUT")"

TMP="$(mktemp -d "${TMPDIR:-/tmp}/ngbench.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT

log() { echo "bench: $*" >&2; }

# --- build newsgraph (Release) -------------------------------------------
if [ ! -f "$BUILD/CMakeCache.txt" ] ||
   ! grep -q '^CMAKE_BUILD_TYPE:[A-Z]*=Release$' "$BUILD/CMakeCache.txt"; then
    log "configuring $BUILD (Release)"
    cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release >"$TMP/cmake.log" 2>&1 ||
        { cat "$TMP/cmake.log" >&2; exit 1; }
fi
log "building newsgraph"
cmake --build "$BUILD" -j2 >"$TMP/build.log" 2>&1 || { tail -40 "$TMP/build.log" >&2; exit 1; }
NG="$BUILD/newsgraph"
[ -x "$NG" ] || { echo "bench.sh: $NG not built" >&2; exit 1; }

# --- /usr/bin/time for peak RSS --------------------------------------------
TIMEBIN=/usr/bin/time
if [ ! -x "$TIMEBIN" ]; then
    log "installing GNU time"
    if [ "$(id -u)" = 0 ]; then apt-get install -y time >/dev/null 2>&1 || true
    else sudo -n apt-get install -y time >/dev/null 2>&1 || true; fi
fi
HAVE_TIME=0
[ -x "$TIMEBIN" ] && HAVE_TIME=1

# run_rss OUTFILE RSSFILE CMD...  — stdout+stderr to OUTFILE, peak KiB to RSSFILE
run_rss() {
    local out="$1" rss="$2"; shift 2
    if [ "$HAVE_TIME" = 1 ]; then
        "$TIMEBIN" -f %M -o "$rss" "$@" >"$out" 2>&1
    else
        "$@" >"$out" 2>&1; echo "" >"$rss"
    fi
}

# --- node dependencies -----------------------------------------------------
HAVE_NODE=0
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
    if [ ! -d "$ROOT/bench/node_modules" ]; then
        log "installing bench/node_modules"
        if [ -f "$ROOT/bench/package-lock.json" ]; then
            (cd "$ROOT/bench" && npm ci --no-audit --no-fund >"$TMP/npm.log" 2>&1) ||
                (cd "$ROOT/bench" && npm install --no-audit --no-fund >"$TMP/npm.log" 2>&1) || true
        else
            (cd "$ROOT/bench" && npm install --no-audit --no-fund >"$TMP/npm.log" 2>&1) || true
        fi
    fi
    [ -d "$ROOT/bench/node_modules/wink-nlp" ] && HAVE_NODE=1
fi
[ "$HAVE_NODE" = 1 ] || log "node/npm or bench/node_modules unavailable: skipping wink-nlp and compromise"

# --- word counts (whitespace tokens of "text") ----------------------------
read -r WORDS CWORDS < <("$PY" - "$INPUT" "$CSAMPLE" <<'EOF'
import json, sys
total = sample = n = 0
k = int(sys.argv[2])
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        if not line.strip():
            continue
        t = json.loads(line).get("text")
        if not isinstance(t, str):
            continue
        w = len(t.split())
        total += w
        if n % k == 0:
            sample += w
        n += 1
print(total, sample)
EOF
)
log "corpus: $WORDS whitespace words"

# --- newsgraph ---------------------------------------------------------------
ngrun() {  # ngrun TAG THREADS
    run_rss "$TMP/$1.out" "$TMP/$1.rss" \
        "$NG" build "$INPUT" -o "$TMP/out-$1" --format json --top 0 -q --timings --threads "$2"
    grep '^timings:' "$TMP/$1.out" >>"$TMP/ng-$2.timings" ||
        { cat "$TMP/$1.out" >&2; echo "bench.sh: no timings line" >&2; exit 1; }
    cat "$TMP/$1.rss" >>"$TMP/ng-$2.rss"
    rm -rf "$TMP/out-$1"
}
log "newsgraph: $NG_RUNS runs, 1 thread"
for i in $(seq 1 "$NG_RUNS"); do ngrun "ng1-$i" 1; done
log "newsgraph: 3 runs, 2 threads"
for i in 1 2 3; do ngrun "ng2-$i" 2; done

# --- JS tools ----------------------------------------------------------------
if [ "$HAVE_NODE" = 1 ]; then
    for i in $(seq 1 "$NODE_RUNS"); do
        log "wink-nlp run $i/$NODE_RUNS"
        run_rss "$TMP/wink-$i.out" "$TMP/wink-$i.rss" node "$ROOT/bench/wink.mjs" "$INPUT"
        grep '^{' "$TMP/wink-$i.out" >>"$TMP/wink.jsonl" || { cat "$TMP/wink-$i.out" >&2; exit 1; }
        cat "$TMP/wink-$i.rss" >>"$TMP/wink.rss"
    done
    for i in $(seq 1 "$NODE_RUNS"); do
        log "compromise run $i/$NODE_RUNS (every ${CSAMPLE}th article)"
        run_rss "$TMP/comp-$i.out" "$TMP/comp-$i.rss" \
            node "$ROOT/bench/compromise.mjs" "$INPUT" --sample "$CSAMPLE"
        grep '^{' "$TMP/comp-$i.out" >>"$TMP/compromise.jsonl" || { cat "$TMP/comp-$i.out" >&2; exit 1; }
        cat "$TMP/comp-$i.rss" >>"$TMP/compromise.rss"
    done
fi

# --- report ------------------------------------------------------------------
"$PY" - "$TMP" "$WORDS" "$CWORDS" "$CSAMPLE" "$(nproc)" <<'EOF'
import json, os, re, statistics, sys

tmp, words, cwords, csample = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
nproc = sys.argv[5]

def lines(name):
    p = os.path.join(tmp, name)
    if not os.path.exists(p):
        return []
    with open(p) as f:
        return [l.strip() for l in f if l.strip()]

def rss_mb(name):
    vals = [int(v) for v in lines(name) if v.isdigit()]
    return "%.0f MB" % (max(vals) / 1024) if vals else "n/a"

def phase(line, name):
    m = re.search(r"\b%s ([0-9.]+) s" % name, line)
    return float(m.group(1)) if m else None

def ng(threads):
    t = lines("ng-%d.timings" % threads)
    ext = statistics.median(phase(l, "extract") for l in t)
    tot = statistics.median(phase(l, "total") for l in t)
    return ext, tot, len(t)

def fmt(x):
    return "{:,.0f}".format(x)

ext1, tot1, n1 = ng(1)
ext2, tot2, n2 = ng(2)
ng_wps = words / ext1
rows = [
    ("newsgraph extract, 1 thread (median of %d)" % n1,
     "actors + relations + in-article resolution", ng_wps, rss_mb("ng-1.rss")),
    ("newsgraph extract, 2 threads (median of %d)" % n2,
     "same, 2 worker threads", words / ext2, rss_mb("ng-2.rss")),
    ("newsgraph end-to-end, 1 thread (median of %d)" % n1,
     "load + extract + cross-article resolution + analysis + JSON export", words / tot1,
     rss_mb("ng-1.rss")),
]
notes = []
for tool, desc, fname, w in (
        ("wink-nlp", "tokens + NER (lite English model)", "wink", words),
        ("compromise", "people / orgs / places", "compromise", cwords)):
    runs = [json.loads(l) for l in lines(fname + ".jsonl")]
    if not runs:
        rows.append((tool, desc, None, "skipped"))
        continue
    sec = statistics.median(r["seconds"] for r in runs)
    label = "%s (median of %d)" % (tool, len(runs))
    if fname == "compromise" and csample > 1:
        label += "*"
        notes.append("\\* compromise timed on every %dth article (%s of %s words) "
                     "to fit the time budget; BENCH_COMPROMISE_SAMPLE=1 for all."
                     % (csample, fmt(w), fmt(words)))
    for r in runs:
        if r["words"] != w:
            notes.append("warning: %s counted %d words, python %d" % (tool, r["words"], w))
            break
    rows.append((label, desc, w / sec, rss_mb(fname + ".rss")))

cpu = "unknown"
with open("/proc/cpuinfo") as f:
    for l in f:
        if l.startswith("model name"):
            cpu = l.split(":", 1)[1].strip()
            break
load = open("/proc/loadavg").read().split()[:3]

print("Corpus: %s whitespace words. Machine: nproc %s, %s, load average %s."
      % (fmt(words), nproc, cpu, " ".join(load)))
print()
print("| Tool | What it does | Words/s | newsgraph ÷ tool | Peak RSS |")
print("|---|---|---:|---:|---:|")
for label, desc, wps, rss in rows:
    if wps is None:
        print("| %s | %s | n/a | n/a | %s |" % (label, desc, rss))
        continue
    ratio = "%.1f×" % (ng_wps / wps) if not label.startswith("newsgraph") else \
            ("1.0×" if label.startswith("newsgraph extract, 1") else "—")
    print("| %s | %s | %s | %s | %s |" % (label, desc, fmt(wps), ratio, rss))
print()
print("Ratio = newsgraph single-thread extraction words/s ÷ tool words/s "
      "(all tools: whitespace words of `text` ÷ processing seconds).")
for n in notes:
    print(n)
print()
print("newsgraph extraction: %s words/s per core (target 300000): %s"
      % (fmt(ng_wps).replace(",", ""), "PASS" if ng_wps >= 300000 else "FAIL"))
EOF
