#!/usr/bin/env bash
# Every test: formatting, lints with warnings denied, the whole workspace's tests (unit,
# rule vectors, bad input, properties, store and vault, crash safety, reminders), and
# the Kotlin and Python tests of the generated bindings and of the CLI (hostile PDFs of
# every kind against the release build's time and memory bounds), the Android app
# compiled and tested with Robolectric, its lint and rendered screens, and the parse and
# name check of every shell file. CI runs this.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --shells

step() { printf '\n== %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (warnings denied)"
cargo clippy --locked --workspace --all-targets -- -D warnings

step "cargo test --workspace"
cargo test --locked --workspace

step "fuzz targets compile (core/fuzz: libFuzzer targets, run by scripts/fuzz.sh)"
cargo check --quiet --manifest-path core/fuzz/Cargo.toml --target-dir target/fuzz-check

step "release library size (stripped, x86_64 Linux): fails past the budget"
bash scripts/library-size.sh --check

step "generate the Kotlin, Swift and Python bindings"
bash scripts/generate-bindings.sh

step "Kotlin bindings on the JVM (Maven: kotlin-maven-plugin, JNA, coroutines, JUnit 5)"
mvn -B -ntp -f tests/kotlin/pom.xml test

step "Android app: every Kotlin file compiled against Android 36 and AndroidX, Robolectric tests"
mvn -B -ntp -f tests/android/pom.xml test

step "Android screens: ktlint, then rendered with Compose for Desktop (ja/en, light/dark, 3 font scales) and OCR-read"
mvn -B -ntp -f tests/compose/pom.xml test

step "Swift: the iOS model package's XCTest tests and tests/swift (where a Swift toolchain exists)"
bash scripts/check-swift.sh

step "pytest tests/python (the CLI at target/debug/shikaku and, for the hostile PDFs' time and memory, target/release/shikaku; the bindings in build/bindings)"
cargo build --locked --quiet -p shikaku-cli
cargo build --locked --quiet --release -p shikaku-cli
.venv/bin/python -m pytest -q tests/python
