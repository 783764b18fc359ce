#!/usr/bin/env bash
# --format png: rendered by rsvg-convert when present (a real PNG of the
# SVG's size); without it a clear error, exit 4 and no graph.png.
set -u
bin="${NG_BINARY:?}"; src="${NG_SOURCE_DIR:?}"
command -v rsvg-convert >/dev/null || { echo "skipped: rsvg-convert (librsvg2-bin) not installed"; exit 77; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0
ok() { echo "ok   $1"; pass=$((pass+1)); }
bad() { echo "FAIL $1"; fail=$((fail+1)); }
"$bin" build "$src/examples" -o "$tmp/a" --format png --top 0 -q && ok "build --format png" || bad "build --format png"
if /usr/bin/python3 - "$tmp/a/graph.png" <<'PYEOF'
import struct, sys
d = open(sys.argv[1], "rb").read()
assert d[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
w, h = struct.unpack(">II", d[16:24])
print("png %dx%d, %d bytes" % (w, h, len(d)))
assert (w, h) == (1200, 900), (w, h)
assert len(d) > 20000, "suspiciously small"
PYEOF
then ok "graph.png is a 1200x900 PNG"; else bad "graph.png is not the expected PNG"; fi
rc=0; PATH=/nonexistent "$bin" build "$src/examples" -o "$tmp/b" --format png --top 0 -q 2>"$tmp/err" || rc=$?
if [ "$rc" -eq 4 ] && grep -q "rsvg-convert" "$tmp/err" && [ -z "$(ls -A "$tmp/b" 2>/dev/null)" ]; then
  ok "without rsvg-convert: exit 4, message, no file"
else
  bad "without rsvg-convert: exit $rc, $(cat "$tmp/err"), files: $(ls -A "$tmp/b" 2>/dev/null)"
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
