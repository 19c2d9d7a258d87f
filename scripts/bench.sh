#!/usr/bin/env bash
# Runs every benchmark and writes docs/performance.md: criterion (clinic path and its
# floor, import, household of 8, the Rust side of the FFI calls), the clinic path and its
# floor timed in pairs, OpenSSL's own speed,
# showing a stored 16 MiB PDF through the release CLI against OpenSSL in one process,
# the same calls through the Python and Kotlin bindings on the release library, the
# release library's size (x86_64 and aarch64), and the CLI demo's peak memory. Figures
# depend on the machine; the page records which one. Extra arguments go to criterion
# (e.g. --quick).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --python
cargo bench --locked -p shikaku-core --bench clinic_path --bench reminder_plan --bench ffi_calls \
  -- --noplot "$@"
# The clinic path and its floor timed in pairs, for their ratio (target/bench/clinic-paired.json).
cargo bench --locked -p shikaku-core --bench clinic_paired

# OpenSSL's figure for the floor's work, recorded beside ring's.
mkdir -p target/bench
for cipher in chacha20-poly1305 aes-256-gcm; do
  openssl speed -seconds 2 -evp "$cipher" > "target/bench/openssl-speed-$cipher.txt" 2>/dev/null
done

# The library and CLI as shipped (stripped), and an unstripped twin to say what takes the space.
# The library alone: built together with the CLI, cargo would unify shikaku-core's
# features and link the CLI's keyring and publishing code into it.
bash scripts/library-size.sh | tee target/bench/library-size.txt
cargo build --locked --release -p shikaku-cli
python3 scripts/bench/cli_show.py
CARGO_PROFILE_RELEASE_STRIP=none CARGO_TARGET_DIR=target/size-analysis \
  cargo build --locked --release -p shikaku-ffi

# The FFI calls from Python and Kotlin, on the household of tests/fixtures/household-8.json
# carried over as transfer codes.
bash scripts/generate-bindings.sh --release
out=target/ffi-bench
store=$(mktemp -d)
trap 'rm -rf "$store"' EXIT
mkdir -p "$out"
cli=(target/release/shikaku --data-dir "$store" --key-store file)
python3 -c 'import json,sys; [print(json.dumps(m, ensure_ascii=False)) for m in json.load(open(sys.argv[1]))]' \
  tests/fixtures/household-8.json | while IFS= read -r member; do
    id=$(printf '%s' "$member" | "${cli[@]}" member add 2>/dev/null)
    "${cli[@]}" member share --member "$id" | sed -n 1p
  done > "$out/household.codes"
.venv/bin/python scripts/ffi-bench.py
mvn -B -q -ntp -f tests/kotlin/pom.xml test -Dtest=FfiBench -DexcludedGroups=none \
  -Dshikaku.library.dir="$PWD/target/release"

python3 scripts/performance-report.py > docs/performance.md
echo "wrote docs/performance.md" >&2
