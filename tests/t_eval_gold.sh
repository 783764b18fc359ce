#!/usr/bin/env bash
# Extraction quality floor: runs `newsgraph eval` over all gold (the shared
# example and the project's BBC gold in gold/) and fails when a figure drops
# below the level reached (see README, "Extraction quality").  Raise the
# floors when the extractor improves; never lower them to make a change pass.
set -u
bin="${NG_BINARY:?}"; src="${NG_SOURCE_DIR:?}"; shared="${NG_SHARED:-$src/../shared}"
if [ ! -d "$shared/corpus" ] || [ ! -f "$shared/gold/ukraine-nato-2021.json" ]; then
  echo "skipped: $shared (../shared) not present"; exit 77
fi
out=$(NG_SHARED="$shared" bash "$src/scripts/eval-gold.sh" "$bin" 2>&1) || { echo "$out"; echo "eval failed"; exit 1; }
echo "$out"
# f1 SECTION KIND: the F1 of line KIND (actors/pairs/relations) in section N (1 example, 2 BBC dev, 3 BBC held
# out, 4 all BBC)
f1() { echo "$out" | awk -v sec="$1" -v kind="$2" '/^# /{n++} n==sec && $1==kind {for(i=1;i<=NF;i++) if ($i ~ /^F1=/) {sub("F1=","",$i); print $i}}'; }
pass=0; fail=0
check() { # SECTION KIND FLOOR LABEL
  v=$(f1 "$1" "$2")
  if [ -n "$v" ] && awk -v v="$v" -v f="$3" 'BEGIN{exit !(v+0 >= f+0)}'; then
    echo "ok   $4 $2 F1=$v >= $3"; pass=$((pass+1))
  else
    echo "FAIL $4 $2 F1=${v:-missing} < $3"; fail=$((fail+1))
  fi
}
# (re-based in the fourth session, when 24 development and 20 held-out
# articles joined the gold: the new articles are harder, and the
# session-start code scores below these floors on the same 149 articles --
# dev relations 0.684, held out 0.528, all 0.620 -- so no figure regressed)
check 1 actors    0.98 example
check 1 relations 0.91 example
check 2 actors    0.93 bbc-gold
check 2 pairs     0.76 bbc-gold
check 2 relations 0.73 bbc-gold
# held-out set: a regression guard only (it is never used for tuning)
check 3 actors    0.91 bbc-heldout
check 3 relations 0.55 bbc-heldout
check 4 actors    0.92 bbc-all
check 4 relations 0.65 bbc-all
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
