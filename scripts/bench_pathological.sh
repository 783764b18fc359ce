#!/usr/bin/env bash
# bench_pathological.sh - does doubling a pathological input double the cost?
#
#   scripts/bench_pathological.sh [NEWSGRAPH]
#
# For every case of tests/t_pathological.sh (same generator, so the bench
# measures exactly what the test runs), build the input at size N and 2N and
# record wall time and peak RSS with /usr/bin/time -f "%e %M", running
# `newsgraph build --format all`.  The table shows the 2N/N ratios: about 2
# for time means linear, about 4 means quadratic.  RSS includes the fixed
# cost of the bundled lexicon, so its ratio stays below 2 for small inputs.
#
#   NG_BENCH_SCALE   size N relative to the test's default sizes (0.5: 2N is
#                    what t_pathological.sh runs); default 0.5
#   NG_BENCH_TIMEOUT seconds per run before it counts as "timeout"; default 300
#   NG_BENCH_ONLY    "case case ..." to run only some cases
set -u
SRC=$(cd "$(dirname "$0")/.." && pwd)
B=${1:-${NG_BINARY:-$SRC/build/newsgraph}}
[ -x "$B" ] || { echo "bench_pathological: no newsgraph at $B (give its path)" >&2; exit 2; }
if [ ! -x /usr/bin/time ]; then
    echo "bench_pathological: /usr/bin/time missing (apt-get install -y time)" >&2
    exit 2
fi
SCALE=${NG_BENCH_SCALE:-0.5}
TMO=${NG_BENCH_TIMEOUT:-300}
GEN=$SRC/tests/t_pathological.sh
CASES=${NG_BENCH_ONLY:-$(bash "$GEN" --list)}
T=$(mktemp -d "${TMPDIR:-/tmp}/ng_bench.XXXXXX")
trap 'rm -rf "$T"' EXIT

# measure CASE SCALE -> "SECONDS RSS_KB INPUT_BYTES EXIT"
measure() {
    local d=$T/$1-$2
    mkdir -p "$d"
    local args
    # shellcheck disable=SC2207
    args=($(bash "$GEN" --generate "$1" "$2" "$d"))
    local bytes
    bytes=$(wc -c <"${args[0]}" | tr -d ' ')
    timeout "$TMO" /usr/bin/time -f "%e %M" -o "$d/time" \
        "$B" build "${args[@]}" -o "$d/out" --format all --top 0 -q >/dev/null 2>"$d/err"
    local rc=$?
    if [ "$rc" = 124 ]; then
        echo "timeout - $bytes $rc"
    else
        # the last line: /usr/bin/time prefixes "Command exited..." on failure
        echo "$(tail -n 1 "$d/time") $bytes $rc"
    fi
    rm -rf "$d"
}

scale2=$(/usr/bin/python3 -c "import sys; print(2 * float(sys.argv[1]))" "$SCALE")
echo "newsgraph: $B"
echo "sizes: N = ${SCALE} x, 2N = ${scale2} x the t_pathological.sh defaults; timeout ${TMO}s"
echo
# Fixed cost (start-up, loading the bundled lexicon, writing 9 files): a
# one-line article.  "net ratio" subtracts it, so a linear case shows ~2
# even when the fixed part dominates the wall time.
mkdir -p "$T/base"
echo "Prime Minister Tony Blair met President George Bush." >"$T/base/a.txt"
/usr/bin/time -f "%e %M" -o "$T/base/time" "$B" build "$T/base/a.txt" -o "$T/base/out" \
    --format all --top 0 -q >/dev/null 2>&1
read -r t0 m0 <<<"$(tail -n 1 "$T/base/time")"
echo "fixed cost (one-line article): ${t0}s, $((m0 / 1024)) MB"
echo
printf '| %-14s | %10s | %8s | %8s | %10s | %8s | %8s | %10s | %9s | %9s |\n' \
    case "bytes N" "time N" "RSS N" "bytes 2N" "time 2N" "RSS 2N" "time ratio" "net ratio" "RSS ratio"
printf '|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n' ---------------- ------------ ---------- ---------- \
    ------------ ---------- ---------- ------------ ----------- -----------
for c in $CASES; do
    read -r t1 m1 b1 rc1 <<<"$(measure "$c" "$SCALE")"
    read -r t2 m2 b2 rc2 <<<"$(measure "$c" "$scale2")"
    ratios=$(/usr/bin/python3 - "$t1" "$t2" "$m1" "$m2" "$t0" "$TMO" <<'EOF'
import sys
t1, t2, m1, m2, t0, tmo = sys.argv[1:]
def num(x):
    try:
        return float(x)
    except ValueError:
        return None
def r(a, b, base=0.0):
    a, b = num(a), num(b)
    if a is None:
        return "-"
    if b is None:  # 2N timed out: the ratio is at least timeout / time N
        return ">%.1f" % ((float(tmo) - base) / (a - base)) if a - base > 0 else "-"
    return "%.2f" % ((b - base) / (a - base)) if a - base > 0.005 else "-"
print(r(t1, t2), r(t1, t2, float(t0)), r(m1, m2) if num(m2) else "-")
EOF
)
    read -r tr nr mr <<<"$ratios"
    fmt_t() { [ "$1" = timeout ] && echo timeout || echo "${1}s"; }
    fmt_rss() { [ "$1" = - ] && echo - || /usr/bin/python3 -c "import sys; print('%.0f MB' % (int(sys.argv[1]) / 1024))" "$1"; }
    note=""
    ok_rc=0; [ "$c" = deep_lexicon ] && ok_rc=3 # a clean refusal is the expected result
    [ "$rc1" != "$ok_rc" ] && note="$note (N: exit $rc1)"
    [ "$rc2" != "$ok_rc" ] && note="$note (2N: exit $rc2)"
    printf '| %-14s | %10s | %8s | %8s | %10s | %8s | %8s | %10s | %9s | %9s |%s\n' \
        "$c" "$b1" "$(fmt_t "$t1")" "$(fmt_rss "$m1")" "$b2" "$(fmt_t "$t2")" "$(fmt_rss "$m2")" \
        "$tr" "$nr" "$mr" "$note"
done
