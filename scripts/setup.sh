#!/usr/bin/env bash
# Makes sure this machine has what shikaku's build and tests need; safe to run again.
# Today that is the Rust toolchain with rustfmt and clippy (the project builds on stable).
set -euo pipefail

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
