#!/usr/bin/env bash
# The README's test command: dependencies, build, every test (unit and Calc), then the
# unit tests again under AddressSanitizer and UBSan.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
bash scripts/build.sh build
(cd build && ctest --output-on-failure -j2)
bash scripts/build.sh build-asan -DCA_SANITIZE=ON -DCA_ADDIN=OFF
(cd build-asan && ctest --output-on-failure -j2)
# The fuzz targets, briefly (scripts/fuzz.sh runs them for longer).
CXX=clang++-14 bash scripts/build.sh build-fuzz -DCA_FUZZ=ON
(cd build-fuzz && ctest --output-on-failure -R fuzz)
echo "All tests passed."
