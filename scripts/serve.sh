#!/usr/bin/env bash
# Builds the engine and serves the page at http://127.0.0.1:$PORT (default 8080).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
scripts/build-wasm.sh
exec python3 scripts/serve.py --port "${PORT:-8080}"
