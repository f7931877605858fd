#!/usr/bin/env bash
# Installs the Debian 12 packages the project needs (skips what is already there).
set -euo pipefail
packages=(
  cmake ninja-build pkgconf g++ clang-14 libclang-rt-14-dev clang-format clang-tidy-14
  libboost-dev libutf8proc-dev libgtest-dev libgmock-dev libbenchmark-dev
  libreoffice-calc libreoffice-core libreoffice-dev libreoffice-l10n-ja python3-uno
  python3-pandas python3-scipy python3-statsmodels python3-sklearn python3-icu poppler-utils
  fonts-noto-cjk
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
