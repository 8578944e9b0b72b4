#!/usr/bin/env bash
# Builds Vigil and runs the whole test suite (ctest), installing missing Debian packages first.
# Incremental: a second run rebuilds only what changed.  Extra arguments go to ctest (e.g. -R tst_database).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset dev >/dev/null
cmake --build --preset dev -j"$(nproc)"
ctest --preset dev -j"$(nproc)" "$@"
