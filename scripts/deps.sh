#!/usr/bin/env bash
# Installs what the project needs (skips what is already there): the Debian 12 packages,
# then from the npm registry DuckDB's C headers (inside the duckdb@1.4.4 package, whose C
# extension API 1.5.x keeps) and a stock DuckDB client to test the extension with
# (@duckdb/node-api, which brings libduckdb.so), both into build-duckdb/ (git ignores
# build*/).
set -euo pipefail
cd "$(dirname "$0")/.."
packages=(
  cmake ninja-build pkgconf g++ clang-14 libclang-rt-14-dev clang-format clang-tidy-14
  libboost-dev libutf8proc-dev libgtest-dev libgmock-dev libbenchmark-dev
  libreoffice-calc libreoffice-core libreoffice-dev libreoffice-l10n-ja python3-uno
  python3-pandas python3-scipy python3-statsmodels python3-sklearn python3-icu poppler-utils
  fonts-noto-cjk
)
# Node and npm: Debian's, unless the machine has them from elsewhere (NodeSource's nodejs
# carries its own npm and conflicts with Debian's).
command -v node > /dev/null || packages+=(nodejs)
command -v npm > /dev/null || packages+=(npm)
bash scripts/apt-install.sh "${packages[@]}"

headers_version=1.4.4
client_version=1.5.6-r.1
dir=build-duckdb
if [ ! -f "$dir/include/duckdb_extension.h" ]; then
  mkdir -p "$dir/include"
  tarball=$(cd "$dir" && npm pack --silent "duckdb@$headers_version")
  tar -xzf "$dir/$tarball" -C "$dir/include" --strip-components=5 \
    package/src/duckdb/src/include/duckdb.h package/src/duckdb/src/include/duckdb_extension.h
  rm "$dir/$tarball"
fi
installed=$(node -p "require('./$dir/node_modules/@duckdb/node-api/package.json').version" \
              2> /dev/null || true)
if [ "$installed" != "$client_version" ]; then
  npm install --prefix "$dir" --no-audit --no-fund --loglevel=error \
    "@duckdb/node-api@$client_version"
fi
