#!/usr/bin/env bash
# Runs every test the project has, installing what is missing first (scripts/setup.sh):
# formatting, clippy (native and wasm32, -D warnings), the Rust tests, the browser tests in
# headless Chromium (wasm-pack), the size budgets of the release build, the release build in
# Node, the page end to end in Chromium, and a short run of every fuzz target.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n==> %s\n' "$*"; }

scripts/setup.sh test

step "cargo fmt --check"
cargo fmt --all -- --check
step "cargo clippy (native and wasm32) -D warnings"
cargo clippy --all-targets --quiet -- -D warnings
cargo clippy --lib --tests --quiet --target wasm32-unknown-unknown -- -D warnings

step "cargo test"
cargo test --quiet

step "browser tests in headless Chromium (wasm-pack test)"
wasm-pack test --headless --chrome --mode no-install -- --test browser

step "release build of the engine for the page"
scripts/build-wasm.sh

# Not a timing: the gzipped sizes of the wasm and the page against their budgets (issue 8), so
# that a change that drags in a large part of the standard library (a float parser is 15 KB)
# fails here rather than in a later measurement.
step "size budgets: wasm <= 250 KB, page <= 600 KB gzipped"
bench/size.sh | grep -E '^(wasm|page) '

step "the release build in Node, and the page end to end in headless Chromium"
node --test tests/node/ tests/e2e/

step "fuzz smoke: every cargo-fuzz target for a few seconds from the seed corpus"
FUZZ_SECONDS="${FUZZ_SECONDS:-5}" fuzz/smoke.sh
