#!/usr/bin/env bash
# Builds Vigil (release) and opens the GUI on the sample workspace, which is created on first run in
# build/sample/sample.vigil. Installs missing Debian packages first. Without a display, run it under xvfb-run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j"$(nproc)" --target vigil vigil-cli
sample=build/sample/sample.vigil
if [ ! -f "$sample" ]; then
    mkdir -p build/sample
    build/release/bin/vigil-cli init --sample -w "$sample"
fi
exec build/release/bin/vigil "$sample" "$@"
