#!/usr/bin/env bash
# Builds the libFuzzer targets (clang 14, ASan + UBSan) and runs each for MINUTES minutes
# (default 1): fuzz_core from the seed corpus in tests/fuzz/corpus, fuzz_convert (the UNO
# range conversion) from scratch. New inputs go to build-fuzz/corpus-*, the whole logs to
# build-fuzz/*.log. Prints the coverage and the final statistics of each.
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-1}
CXX=clang++-14 bash scripts/build.sh build-fuzz -DCA_FUZZ=ON
for target in fuzz_core fuzz_convert; do
  mkdir -p build-fuzz/corpus-$target
  seeds=()
  [ $target = fuzz_core ] && seeds=(tests/fuzz/corpus)
  build-fuzz/tests/$target -max_total_time=$((minutes * 60)) -timeout=10 -rss_limit_mb=4096 \
    -print_final_stats=1 build-fuzz/corpus-$target "${seeds[@]}" > build-fuzz/$target.log 2>&1
  echo "$target:"
  grep -a -E "INITED|DONE" build-fuzz/$target.log | tail -n 2
  grep -a "^stat::" build-fuzz/$target.log
done
