#!/usr/bin/env bash
# Builds the libFuzzer targets (clang 14, ASan + UBSan) and runs each for MINUTES minutes
# (default 1) from the seed corpus in tests/fuzz/corpus; new inputs go to build-fuzz/corpus,
# the whole log to build-fuzz/fuzz.log. Prints the coverage and the final statistics.
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-1}
CXX=clang++-14 bash scripts/build.sh build-fuzz -DCA_FUZZ=ON -DCA_ADDIN=OFF
mkdir -p build-fuzz/corpus
build-fuzz/fuzz_core -max_total_time=$((minutes * 60)) -timeout=10 -rss_limit_mb=4096 \
  -print_final_stats=1 build-fuzz/corpus tests/fuzz/corpus > build-fuzz/fuzz.log 2>&1
grep -a -E "INITED|DONE" build-fuzz/fuzz.log | tail -n 2
grep -a "^stat::" build-fuzz/fuzz.log
