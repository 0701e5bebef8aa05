#!/usr/bin/env bash
# Size budgets (issue 8): the wasm the page loads, and the whole page (www/: HTML, CSS, scripts,
# editor bundle, wasm), each file gzipped on its own at level 9 as a static server would send it.
# Budgets: wasm <= 250 KB gzipped; whole page <= 600 KB gzipped. Exit 1 when one is exceeded.
#
#   scripts/build-wasm.sh && bench/size.sh
set -euo pipefail
cd "$(dirname "$0")/.."
wasm=www/pkg/iam_playground_bg.wasm
[ -f "$wasm" ] || { echo "size: $wasm is missing; run scripts/build-wasm.sh first" >&2; exit 2; }
gz() { gzip -9c "$1" | wc -c; }
kb() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1000 }'; }
status=0
wasm_gz=$(gz "$wasm")
printf 'wasm   %s: %s raw, %s gzipped (budget 250 KB)\n' "$wasm" "$(kb "$(stat -c %s "$wasm")")" "$(kb "$wasm_gz")"
[ "$wasm_gz" -le 250000 ] || { echo "size: the wasm exceeds its budget" >&2; status=1; }
# Everything under www/ the page may fetch: all files but TypeScript declarations; the examples
# are counted too, since the picker loads them on demand.
raw=0; total=0
while IFS= read -r -d '' f; do
  r=$(stat -c %s "$f"); g=$(gz "$f"); raw=$((raw + r)); total=$((total + g))
  printf '         %-48s %9s raw %9s gzipped\n' "${f#www/}" "$(kb "$r")" "$(kb "$g")"
done < <(find www -type f ! -name '*.d.ts' ! -name '.gitignore' -print0 | sort -z)
printf 'page   www/: %s raw, %s gzipped (budget 600 KB)\n' "$(kb "$raw")" "$(kb "$total")"
[ "$total" -le 600000 ] || { echo "size: the page exceeds its budget" >&2; status=1; }
exit $status
