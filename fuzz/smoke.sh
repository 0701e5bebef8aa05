#!/bin/sh
# A short run of every fuzz target (10 seconds each by default, FUZZ_SECONDS to change), from
# the seed corpus. Needs cargo-fuzz (`cargo install cargo-fuzz`); on a stable toolchain the
# nightly-only flags it passes are allowed through RUSTC_BOOTSTRAP=1. The first build takes a few
# minutes. Exit status is non-zero if any target finds a crash (written to fuzz/artifacts/).
set -eu
cd "$(dirname "$0")"
seconds="${FUZZ_SECONDS:-10}"
export RUSTC_BOOTSTRAP="${RUSTC_BOOTSTRAP:-1}"
python3 seed.py >/dev/null
for target in policy scenario_read link_decode scenario_run engine_edits; do
    echo "fuzz smoke: $target for ${seconds}s"
    nice -n 19 cargo fuzz run -O -s none "$target" "corpus/$target" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -dict=iam.dict \
        -print_final_stats=1 2>&1 | grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb)|ERROR|panicked' || true
    # `|| true` above only covers grep; a crash makes cargo fuzz exit non-zero, caught here.
    [ -z "$(ls artifacts/"$target" 2>/dev/null)" ] || { echo "fuzz smoke: $target crashed, see fuzz/artifacts/$target"; exit 1; }
done
