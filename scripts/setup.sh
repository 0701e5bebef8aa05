#!/usr/bin/env bash
# Installs what the project needs on a fresh Debian machine, from Debian's packages, crates.io and
# the npm registry only; nothing downloads a prebuilt binary or a browser. Idempotent: when
# everything is present it only checks, in a second or two.
#
#   scripts/setup.sh build   what building and serving the page needs
#   scripts/setup.sh test    that, plus Chromium, chromedriver, rustfmt, clippy and cargo-fuzz for
#                            the tests
set -euo pipefail
cd "$(dirname "$0")/.."
purpose=${1:-test}

say() { printf '[setup] %s\n' "$*"; }
sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_packages=()
command -v curl >/dev/null || true
command -v python3 >/dev/null || apt_packages+=(python3)
command -v node >/dev/null || apt_packages+=(nodejs)
command -v npm >/dev/null || apt_packages+=(npm)
if [ "$purpose" = test ]; then
  command -v chromium >/dev/null || apt_packages+=(chromium)
  command -v chromedriver >/dev/null || apt_packages+=(chromium-driver)
fi
if [ ${#apt_packages[@]} -gt 0 ]; then
  say "apt-get install ${apt_packages[*]}"
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt_packages[@]}"
fi

if ! command -v cargo >/dev/null; then
  echo "[setup] cargo is missing: install Rust with rustup (https://rustup.rs) and run this again" >&2
  exit 1
fi
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
if [ "$purpose" = test ]; then
  for component in rustfmt clippy; do
    rustup component list --installed | grep -q "^$component" || rustup component add "$component"
  done
fi

# wasm-bindgen-cli must be exactly the version Cargo.toml pins for the wasm-bindgen crate.
wb_version=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml)
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $wb_version"; then
  say "cargo install wasm-bindgen-cli --version $wb_version"
  # --locked first, for reproducibility; its lock file has named a yanked crate, so fall back.
  cargo install wasm-bindgen-cli --version "$wb_version" --locked --force \
    || cargo install wasm-bindgen-cli --version "$wb_version" --force
fi
if [ "$purpose" = test ] && ! command -v cargo-fuzz >/dev/null; then
  say "cargo install cargo-fuzz"
  cargo install cargo-fuzz --locked || cargo install cargo-fuzz
fi
if ! command -v wasm-pack >/dev/null; then
  say "cargo install wasm-pack"
  cargo install wasm-pack --locked || cargo install wasm-pack
fi

# npm packages: binaryen's wasm-opt (Debian's binaryen 108 breaks modules from current rustc) and
# playwright-core, which drives Debian's Chromium for the end-to-end tests (it downloads no browser).
if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.lock-copy 2>/dev/null; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.lock-copy
fi
