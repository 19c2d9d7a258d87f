#!/usr/bin/env bash
# Runs the benchmarks and writes docs/performance.md from criterion's estimates.
# Figures depend on the machine; the page records which one.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cargo bench --locked -p shikaku-core --bench clinic_path --bench reminder_plan -- --noplot "$@"
# The library as shipped (stripped), and an unstripped twin to say what takes the space.
cargo build --locked --release -p shikaku-ffi
CARGO_PROFILE_RELEASE_STRIP=none CARGO_TARGET_DIR=target/size-analysis \
  cargo build --locked --release -p shikaku-ffi
python3 scripts/performance-report.py > docs/performance.md
echo "wrote docs/performance.md" >&2
