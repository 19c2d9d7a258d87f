#!/usr/bin/env bash
# The main job: the `shikaku` CLI's demo on its embedded sample household, today.
# Extra arguments go to `shikaku demo` (e.g. --lang ja, --today 2026-12-01, --json).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# The debug build (shared with the tests) starts sooner than the size-optimised release.
cargo build --quiet --locked -p shikaku-cli
exec ./target/debug/shikaku demo "$@"
