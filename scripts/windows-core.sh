#!/usr/bin/env bash
# The core and its unit tests on a Windows toolchain, checked here: Debian's mingw-w64
# cross-compiles them for Windows x64 (LLP64: long is 32 bits; Windows' C runtime and
# locale) and Wine runs them. The sources of the dependencies come from Debian: utf8proc's
# source package (apt-get source), GoogleTest's from /usr/src/googletest, Boost's
# headers. The add-in itself needs MSVC's ABI: .github/workflows/build.yml builds it on
# Windows.
#
# Usage: bash scripts/windows-core.sh [BUILD_DIR]   (default build-windows)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(realpath -m "${1:-build-windows}")
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

packages=(g++-mingw-w64-x86-64-posix wine wine64 dpkg-dev cmake ninja-build libboost-dev
          googletest)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -ne 0 ]; then
  echo "Installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" > /dev/null
fi

# utf8proc's sources, as Debian ships them (a deb-src line for bookworm if none is there).
src="$dir/src"
if [ ! -f "$src/utf8proc/utf8proc.c" ]; then
  if ! apt-get source --print-uris utf8proc > /dev/null 2>&1; then
    echo "deb-src http://deb.debian.org/debian bookworm main" |
      $sudo tee /etc/apt/sources.list.d/ca-deb-src.list > /dev/null
    $sudo apt-get update -qq
  fi
  rm -rf "$src" && mkdir -p "$src"
  (cd "$src" && apt-get source -qq --download-only utf8proc > /dev/null &&
     dpkg-source -x --no-check ./utf8proc_*.dsc utf8proc > /dev/null)
fi

# Boost's headers alone (pointing at /usr/include would bring glibc's headers along).
mkdir -p "$dir/boost-include"
ln -sfn /usr/include/boost "$dir/boost-include/boost"

cmake -S . -B "$dir/build" -G Ninja \
  -DCMAKE_TOOLCHAIN_FILE="$PWD/cmake/mingw-w64.cmake" \
  -DCMAKE_CROSSCOMPILING_EMULATOR=wine \
  -DCMAKE_COMPILE_WARNING_AS_ERROR=ON -DCA_ADDIN=OFF \
  -DCA_BOOST_INCLUDE="$dir/boost-include" \
  -DCA_UTF8PROC_SOURCE="$src/utf8proc" \
  -DCA_GTEST_SOURCE=/usr/src/googletest > /dev/null
cmake --build "$dir/build" --target core_tests

# A private Wine prefix, quiet and without a desktop, outside the checkout: its drive z:
# links to /, so a recursive glob of a checkout holding it would walk the whole machine.
export WINEPREFIX="${CA_WINEPREFIX:-${XDG_CACHE_HOME:-$HOME/.cache}/customer-analytics/wine}"
export WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
mkdir -p "$(dirname "$WINEPREFIX")"
[ -d "$WINEPREFIX" ] || wineboot --init > /dev/null 2>&1 || true
wine "$dir/build/tests/core_tests.exe" --gtest_brief=1
echo "The core's unit tests passed on Windows x64 (mingw-w64, under $(wine --version))."
