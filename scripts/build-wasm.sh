#!/usr/bin/env bash
# Builds the engine for the page: wasm-pack (release, --target web) into www/pkg, then the npm
# registry's binaryen wasm-opt -Oz. wasm-pack's own wasm-opt is off in Cargo.toml, and
# --mode no-install keeps it from downloading anything.
set -euo pipefail
cd "$(dirname "$0")/.."
wasm-pack --quiet build --target web --release --mode no-install --no-pack --out-dir www/pkg >/dev/null
wasm=www/pkg/iam_playground_bg.wasm
node_modules/.bin/wasm-opt -Oz --converge --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-reference-types --enable-multivalue --enable-simd --strip-producers --strip-target-features "$wasm" -o "$wasm.opt"
mv "$wasm.opt" "$wasm"
rm -f www/pkg/.gitignore
printf '[build] %s: %s bytes, %s bytes gzipped\n' "$wasm" "$(stat -c %s "$wasm")" "$(gzip -9c "$wasm" | wc -c)"
