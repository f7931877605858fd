#!/usr/bin/env bash
# clang-tidy's configured checks (.clang-tidy) over the core, the add-in and the DuckDB
# extension (the generated tables included, through addin.cxx and duckdb/sql.cpp), with the
# compile commands of BUILD (default build/). Any finding fails: the code base has none.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
mapfile -t files < <(git ls-files 'core/*.cpp' 'addin/*.cpp' 'addin/*.cxx' 'duckdb/*.cpp')
log=$(mktemp)
# The build is GCC's (-std=c++23, which clang 14 calls c++2b); its compiler warnings are
# the build's business (-w), the checks are clang-tidy's.
run-clang-tidy-14 -clang-tidy-binary clang-tidy-14 -p "$build" -quiet \
  -extra-arg=-std=c++2b -extra-arg=-w "${files[@]}" > "$log" 2>&1 || true
findings=$(grep -cE '(warning|error): .*\[[a-z]+-' "$log" || true)
if [ "$findings" != 0 ]; then
  grep -E -A3 '(warning|error): ' "$log" | head -100
  echo "clang-tidy: $findings findings"
  exit 1
fi
echo "clang-tidy: no findings in ${#files[@]} files"
