#!/usr/bin/env bash
# The README's test command: dependencies, build, every test (unit and Calc on the
# system's LibreOffice 7.4), the Calc tests again on LibreOffice 25.2, the unit tests
# under AddressSanitizer and UBSan, then on a Windows toolchain under Wine.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
# Formatting first: it takes a second.
git ls-files -z '*.cpp' '*.hpp' '*.cxx' '*.hxx' | xargs -0 clang-format --dry-run --Werror
# Lint: the shell scripts, and the workflow whose Windows and macOS jobs cannot run here.
bash scripts/lint.sh
bash scripts/build.sh build
# clang-tidy's configured checks: no finding allowed.
bash scripts/tidy.sh build
(cd build && ctest --output-on-failure -j2)
# Every Calc test again on LibreOffice 25.2 from bookworm-backports, set up in a private
# folder beside the system's 7.4 (scripts/lo25.sh), with its own Python bindings.
lo25=$(bash scripts/lo25.sh build-lo25)
(cd build && CA_LO_PROGRAM="$lo25" PYTHONPATH="$(realpath ../build-lo25/python)" \
   ctest --output-on-failure -j2 -R '^calc\.')
bash scripts/build.sh build-asan -DCA_SANITIZE=ON -DCA_ADDIN=OFF
(cd build-asan && ctest --output-on-failure -j2)
# The core's unit tests on a Windows toolchain (mingw-w64), under Wine.
bash scripts/windows-core.sh build-windows
# The fuzz targets, briefly (scripts/fuzz.sh runs them for longer).
CXX=clang++-14 bash scripts/build.sh build-fuzz -DCA_FUZZ=ON
(cd build-fuzz && ctest --output-on-failure -R fuzz)
echo "All tests passed."
