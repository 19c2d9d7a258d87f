#!/usr/bin/env bash
# Runs every fuzz target of core/fuzz (libFuzzer through cargo-fuzz) for SECONDS each,
# two at a time, from seed corpora made of the test fixtures (scripts/fuzz-seeds.py).
# Outside CI: it needs cargo-fuzz (installed here if missing) and a nightly compiler,
# or the stable one with RUSTC_BOOTSTRAP=1, which this script sets.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]      (default: 60 seconds, every target)
#   FUZZ_RSS_LIMIT_MB=512 FUZZ_TIMEOUT=2 scripts/fuzz.sh 600 pdf_structure
#
# A run fails on a panic, on a single input taking more than FUZZ_TIMEOUT seconds (default
# 10: a hang), on a single allocation over FUZZ_MALLOC_LIMIT_MB (default 256 MB), or when
# the fuzzing process passes FUZZ_RSS_LIMIT_MB (default 2048: it holds the corpus and
# AddressSanitizer's quarantine, so its size is not one input's; with a lower limit the
# quarantine is made smaller to fit). Crashing inputs land in
# core/fuzz/artifacts/<target>/; each one found is kept under tests/fixtures/fuzz/ with a
# test that replays it (see the README there). The executions of each target are summed
# up in target/fuzz/report.md.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(pdf_import pdf_structure pdf_cmap pdf_content document_fields my_number_scan
        content_bundle holiday_csv member_transfer facts_json era_date)
fi
rss_limit="${FUZZ_RSS_LIMIT_MB:-2048}"
timeout="${FUZZ_TIMEOUT:-10}"
malloc_limit="${FUZZ_MALLOC_LIMIT_MB:-256}"
if [ "$rss_limit" -lt 2048 ]; then
    # AddressSanitizer keeps freed memory in quarantine (256 MB by default), which the
    # process limit counts; a quarter of the limit leaves room for the corpus and the input.
    export ASAN_OPTIONS="${ASAN_OPTIONS:-quarantine_size_mb=$((rss_limit / 4))}"
fi

command -v cargo-fuzz >/dev/null || cargo install --locked cargo-fuzz
export RUSTC_BOOTSTRAP=1
corpus="$PWD/target/fuzz-corpus"
logs="$PWD/target/fuzz"
mkdir -p "$logs"
python3 scripts/fuzz-seeds.py "$corpus"
(cd core/fuzz && cargo fuzz build -O)

run_target() {
    local target="$1"
    (cd core/fuzz && cargo fuzz run -O "$target" "$corpus/$target" -- \
        -max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb="$rss_limit" \
        -malloc_limit_mb="$malloc_limit" \
        -print_final_stats=1) >"$logs/$target.log" 2>&1
}

status=0
for ((i = 0; i < ${#targets[@]}; i += 2)); do
    pids=()
    for target in "${targets[@]:i:2}"; do
        echo "fuzzing $target for ${seconds}s"
        run_target "$target" &
        pids+=($!)
    done
    for pid in "${pids[@]}"; do
        wait "$pid" || status=1
    done
done

{
    echo "| target | seconds | executions | exec/s | corpus | result |"
    echo "|---|---:|---:|---:|---:|---|"
    for target in "${targets[@]}"; do
        log="$logs/$target.log"
        runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
        speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
        files=$(find "$corpus/$target" -type f | wc -l)
        if grep -q 'SUMMARY\|deadly signal\|ERROR: libFuzzer' "$log"; then result="crash: see $log"; else result="no crash"; fi
        echo "| $target | $seconds | $runs | $speed | $files | $result |"
    done
} | tee "$logs/report.md"
exit "$status"
