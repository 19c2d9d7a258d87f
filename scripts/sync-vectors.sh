#!/usr/bin/env bash
# Copies the shared rule vectors into tests/vectors/ (a test fails while they differ).
set -euo pipefail
cd "$(dirname "$0")/.."
cp ../shared/rules/vectors.json tests/vectors/vectors.json
echo "tests/vectors/vectors.json updated from ../shared/rules/vectors.json"
