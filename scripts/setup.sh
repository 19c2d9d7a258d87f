#!/usr/bin/env bash
# Makes sure this machine has what shikaku's build and tests need; safe to run again.
# - the stable Rust toolchain with rustfmt and clippy;
# - a Python venv in .venv with the packages of tests/python/requirements.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'setup: %s\n' "$*" >&2; }

if ! command -v cargo >/dev/null 2>&1 && [ -x "$HOME/.cargo/bin/cargo" ]; then
  export PATH="$HOME/.cargo/bin:$PATH"
fi
if ! command -v cargo >/dev/null 2>&1; then
  say "cargo is missing: install Rust (stable) with rustup, then run this again"
  exit 1
fi
for component in rustfmt clippy; do
  if ! cargo "${component/rustfmt/fmt}" --version >/dev/null 2>&1; then
    say "adding the $component component"
    rustup component add "$component"
  fi
done

if [ "${1:-}" = "--python" ]; then
  requirements=tests/python/requirements.txt
  stamp=.venv/.requirements
  if [ ! -x .venv/bin/python ] || ! cmp -s "$requirements" "$stamp"; then
    say "preparing the Python venv in .venv"
    python3 -m venv .venv
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$requirements"
    cp "$requirements" "$stamp"
  fi
fi
