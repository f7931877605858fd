#!/usr/bin/env bash
# Configures and builds into build/ (or $1 with extra CMake options after it).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build}
shift || true
# Warnings are errors in the project's own builds (a packager's build leaves them warnings).
cmake -S . -B "$dir" -G Ninja -DCMAKE_COMPILE_WARNING_AS_ERROR=ON "$@" > /dev/null
cmake --build "$dir"
