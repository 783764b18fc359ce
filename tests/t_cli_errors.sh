#!/usr/bin/env bash
# t_cli_errors.sh - every way `newsgraph build` can fail, checked from outside.
#
# For each error case: the exit code (src/ng.h), that stderr names the file
# (with the byte offset or LINE[:COLUMN] where one applies), and that the
# output folder holds neither a half-written output nor a ".NAME.tmp.XXXXXX"
# temp file.  Last, a good output folder must survive failing runs byte for
# byte (outputs are replaced atomically or not at all).
set -u
B=${NG_BINARY:-${NG_BUILD_DIR:-build}/newsgraph}
[ -x "$B" ] || { echo "t_cli_errors: no binary at $B (set NG_BINARY)"; exit 77; }
B=$(cd "$(dirname "$B")" && pwd)/$(basename "$B") # the script cds into a temp dir
T=$(mktemp -d "${TMPDIR:-/tmp}/ng_cli_errors.XXXXXX")
trap 'chmod -R u+w "$T" 2>/dev/null; rm -rf "$T"' EXIT
cd "$T" || exit 1

# Known bug, reported to the lead: the CLI does not ignore SIGXFSZ, so when
# the file size limit (ulimit -f) is hit the kernel kills it mid-write and a
# ".graph.ttl.tmp.XXXXXX" file stays behind.  Set to 0 once main() does
# signal(SIGXFSZ, SIG_IGN) (then write() fails with EFBIG and outfile.c
# cleans up).  While 1, that one check reports XFAIL instead of failing.
XFAIL_SIGXFSZ=${XFAIL_SIGXFSZ:-0}

fails=0
cur=""
fail() { echo "FAIL [$cur]: $*"; fails=$((fails + 1)); }
ok() { echo "ok   [$cur]"; }

# run NAME CMD... : run with stdout/stderr captured in $T/NAME.{out,err}, rc in $rc
run() {
    cur=$1
    shift
    "$@" >"$T/$cur.out" 2>"$T/$cur.err"
    rc=$?
}
expect_rc() { [ "$rc" = "$1" ] || fail "exit code $rc, expected $1; stderr: $(head -c 400 "$T/$cur.err")"; }
# expect_err ERE : stderr must match (grep -E, one line)
expect_err() { grep -Eq -- "$1" "$T/$cur.err" || fail "stderr does not match /$1/: $(head -c 400 "$T/$cur.err")"; }
# no_tmp DIR : no temp file of outfile.c left anywhere in DIR
no_tmp() {
    [ -d "$1" ] || return 0
    local left
    left=$(find "$1" -name '.*.tmp.*' 2>/dev/null)
    [ -z "$left" ] || fail "temp file(s) left behind: $left"
}
# no_output DIR : DIR absent, or without any graph.* file and temp file
no_output() {
    no_tmp "$1"
    if [ -d "$1" ]; then
        local got
        got=$(find "$1" -name 'graph.*' 2>/dev/null)
        [ -z "$got" ] || fail "output written although the run failed: $got"
    fi
}
finish() { [ "$fails" = "$1" ] && ok; }

# ---- inputs ---------------------------------------------------------------
printf 'Mr Foo Bar met Mr Baz Qux in London.\nPrime Minister Tony Blair met President George Bush.\n' >good.txt
mkdir emptydir && echo "not an article" >emptydir/notes.rst
printf 'Mr Foo \xff\xfeBar said.\n' >badutf.txt                   # bad byte at offset 7
printf 'Caf\xc3\xa9 au lait, \xc0\xaf overlong.\n' >overlong.txt # "Café au lait, " = 15 bytes
printf 'Mr Foo Bar said \xe2\x82' >truncated.txt                   # cut sequence at offset 16
printf 'abc\0def\n' >bin.txt                                        # NUL at offset 3
: >empty.txt
printf ' \n\t\n  \r\n' >ws.txt
echo x >afile

# ---- input errors: exit 3, nothing written ----------------------------------
f0=$fails
run missing "$B" build missing.txt -o out_missing -q --top 0
expect_rc 3; expect_err '(^|[^/])missing\.txt: cannot open'; no_output out_missing; finish $f0

f0=$fails
run emptydir "$B" build emptydir -o out_emptydir -q --top 0
expect_rc 3; expect_err 'emptydir: no articles'; no_output out_emptydir; finish $f0

f0=$fails
run badutf "$B" build badutf.txt -o out_badutf -q --top 0
expect_rc 3; expect_err 'badutf\.txt: invalid UTF-8 at byte 7([^0-9]|$)'; no_output out_badutf; finish $f0

f0=$fails
run overlong "$B" build overlong.txt -o out_overlong -q --top 0
expect_rc 3; expect_err 'overlong\.txt: invalid UTF-8 at byte 15([^0-9]|$)'; no_output out_overlong; finish $f0

f0=$fails
run truncated "$B" build truncated.txt -o out_truncated -q --top 0
expect_rc 3; expect_err 'truncated\.txt: invalid UTF-8 at byte 16([^0-9]|$)'; no_output out_truncated; finish $f0

f0=$fails
run binary "$B" build bin.txt -o out_bin -q --top 0
expect_rc 3; expect_err 'bin\.txt: binary file \(NUL byte at offset 3\)'; no_output out_bin; finish $f0

f0=$fails
run empty "$B" build empty.txt -o out_empty -q --top 0
expect_rc 3; expect_err 'empty\.txt: empty article'; no_output out_empty; finish $f0

f0=$fails
run whitespace "$B" build ws.txt -o out_ws -q --top 0
expect_rc 3; expect_err 'ws\.txt: empty article'; no_output out_ws; finish $f0

f0=$fails
run too_large "$B" build good.txt --max-article-bytes 10 -o out_large -q --top 0
expect_rc 3
expect_err "good\.txt: article is $(wc -c <good.txt | tr -d ' ') bytes, larger than the limit of 10"
no_output out_large; finish $f0

# ---- JSON Lines -------------------------------------------------------------
printf '{"id":"a1","text":"Prime Minister Tony Blair met President George Bush."}\n{"id":"a2","text": oops}\n{"id":"a3","text":"Mr Foo Bar said."}\n' >mixed.jsonl
f0=$fails
run jsonl_mixed "$B" build mixed.jsonl -o out_jsonl -q --top 0
expect_rc 1; expect_err 'mixed\.jsonl:2: not valid JSON'
[ -s out_jsonl/graph.json ] || fail "good lines not written"
no_tmp out_jsonl; finish $f0

printf '\n{"text": 5}\n' >allbad.jsonl
f0=$fails
run jsonl_allbad "$B" build allbad.jsonl -o out_allbad -q --top 0
expect_rc 3; expect_err 'allbad\.jsonl:2: no "text" string'; no_output out_allbad; finish $f0

# ---- batch: one bad article, two good ones ------------------------------------
mkdir batch
printf 'Prime Minister Tony Blair met President George Bush.\n' >batch/a.txt
printf 'Bad \xff byte.\n' >batch/b.txt
printf 'Chancellor Olaf Scholz spoke with President Emmanuel Macron.\n' >batch/c.txt
f0=$fails
run batch "$B" build batch -o out_batch -q --top 0
expect_rc 1; expect_err 'batch/b\.txt: invalid UTF-8 at byte 4([^0-9]|$)'
for f in graph.ttl graph.graphml graph.json; do [ -s "out_batch/$f" ] || fail "out_batch/$f missing"; done
if [ -s out_batch/graph.json ]; then
    grep -q '"a"' out_batch/graph.json && grep -q '"c"' out_batch/graph.json ||
        fail "good articles a and c not both in graph.json"
fi
no_tmp out_batch; finish $f0

# ---- lexicon errors: exit 3, FILE:LINE:COLUMN --------------------------------
printf '{\n"actors":\n  [bogus]}\n' >badlex.json    # 'b' is line 3, column 4
f0=$fails
run lexicon_json "$B" build good.txt --lexicon badlex.json -o out_badlex -q --top 0
expect_rc 3; expect_err 'badlex\.json:3:4:'; no_output out_badlex; finish $f0

printf '{"actors": [],\n "actorz": []}\n' >keylex.json
f0=$fails
run lexicon_key "$B" build good.txt --lexicon keylex.json -o out_keylex -q --top 0
expect_rc 3; expect_err 'keylex\.json:2:[0-9]+:.*actorz'; no_output out_keylex; finish $f0

f0=$fails
run lexicon_missing "$B" build good.txt --lexicon nolex.json -o out_nolex -q --top 0
expect_rc 3; expect_err 'nolex\.json'; no_output out_nolex; finish $f0

# ---- usage errors: exit 2 -----------------------------------------------------
f0=$fails
run unknown_option "$B" build --bogus-option good.txt -o out_opt
expect_rc 2; expect_err 'bogus-option'; no_output out_opt; finish $f0

f0=$fails
run unknown_format "$B" build good.txt -f ttl,xyz -o out_fmt
expect_rc 2; expect_err '"xyz"'; no_output out_fmt; finish $f0

f0=$fails
run no_input "$B" build -o out_noin
expect_rc 2; no_output out_noin; finish $f0

# ---- output errors: exit 4 ----------------------------------------------------
f0=$fails
run parent_is_file "$B" build good.txt -o afile/sub -q --top 0
expect_rc 4; expect_err 'afile'; [ -f afile ] && [ "$(cat afile)" = x ] || fail "afile changed"
finish $f0

# Big enough that the Turtle file outgrows a 16 KB limit.
/usr/bin/python3 - <<'EOF' >big.txt
names = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel"]
for i in range(300):
    a, b = names[i % 8], names[(i * 3 + 1) % 8]
    print(f"Mr {a} Smith{i} met Mr {b} Jones{i} in London. Mr {a} Smith{i} accused Mr {b} Jones{i} of lying.")
EOF
# The shell's "ignore" disposition survives exec, so here write() fails with
# EFBIG and the outfile error path runs (it must remove its temp file).
f0=$fails
run fsize_limit bash -c "trap '' XFSZ; ulimit -f 16; exec \"$B\" build big.txt -o out_fsize -f ttl -q --top 0"
expect_rc 4; expect_err 'graph\.ttl'
[ -e out_fsize/graph.ttl ] && fail "out_fsize/graph.ttl exists after a failed write"
no_tmp out_fsize; finish $f0

# Default SIGXFSZ disposition: what a user with `ulimit -f` actually gets.
f0=$fails
# no exec: the inner shell reports the signal into the captured stderr
run fsize_signal bash -c "ulimit -f 16; \"$B\" build big.txt -o out_fsig -f ttl -q --top 0; rc=\$?; exit \$rc"
left=$(find out_fsig -name '.*.tmp.*' 2>/dev/null)
if [ "$rc" = 4 ] && [ -z "$left" ] && [ ! -e out_fsig/graph.ttl ]; then
    [ "$XFAIL_SIGXFSZ" = 1 ] && echo "XPASS [$cur]: SIGXFSZ is handled now; set XFAIL_SIGXFSZ=0"
    ok
elif [ "$XFAIL_SIGXFSZ" = 1 ]; then
    echo "XFAIL [$cur]: exit $rc, temp left: ${left:-none} (known bug: SIGXFSZ not ignored)"
else
    fail "exit $rc (expected 4), temp left: ${left:-none}"
fi

# ---- a previous good output survives failing runs intact ----------------------
f0=$fails
cur=survive
"$B" build big.txt -o keep -f all -q --top 0 >/dev/null 2>&1 || fail "initial good build failed"
cp -a keep keep.orig
"$B" build badutf.txt -o keep -f all -q --top 0 >/dev/null 2>&1
[ $? = 3 ] || fail "bad input into keep/: expected exit 3"
"$B" build good.txt --lexicon badlex.json -o keep -f all -q --top 0 >/dev/null 2>&1
[ $? = 3 ] || fail "bad lexicon into keep/: expected exit 3"
"$B" build good.txt -f all,xyz -o keep -q --top 0 >/dev/null 2>&1
[ $? = 2 ] || fail "bad format into keep/: expected exit 2"
# ttl is the first format written: the limit makes the very first output fail.
bash -c "trap '' XFSZ; ulimit -f 16; exec \"$B\" build good.txt big.txt -o keep -f all -q --top 0" >/dev/null 2>&1
[ $? = 4 ] || fail "size-limited run into keep/: expected exit 4"
for f in keep.orig/*; do
    cmp -s "$f" "keep/$(basename "$f")" || fail "keep/$(basename "$f") changed by a failing run"
done
[ "$(ls -A keep | sort)" = "$(ls -A keep.orig | sort)" ] || fail "keep/ holds other files now: $(ls -A keep)"
no_tmp keep
finish $f0

if [ "$fails" -gt 0 ]; then
    echo "t_cli_errors: $fails check(s) failed"
    exit 1
fi
echo "t_cli_errors: all checks passed"
