#!/usr/bin/env bash
# Sets up LibreOffice 25.2 from Debian's bookworm-backports in a private folder (default
# build-lo25/), beside the system's 7.4 and never over it, and prints its program folder.
# The recipe and its two gotchas: ../shared/UNO-NOTES.md. Python clients of this office
# must use its own uno.py: PYTHONPATH=<folder>/python (the Calc tests do it by themselves
# through CA_LO_PROGRAM, see scripts/office.py).
set -euo pipefail
exec 3>&1 1>&2 # everything but the answer to stderr
cd "$(dirname "$0")/.."
root=$(realpath -m "${1:-build-lo25}")
lo=$root/usr/lib/libreoffice
if [ -f "$root/.ready" ]; then echo "$lo/program" >&3; exit 0; fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
if ! grep -rqs "bookworm-backports" /etc/apt/sources.list /etc/apt/sources.list.d/; then
  echo "deb http://deb.debian.org/debian bookworm-backports main" |
    $sudo tee /etc/apt/sources.list.d/bookworm-backports.list > /dev/null
  $sudo apt-get update -qq
fi
rm -rf "$root" && mkdir -p "$root/debs"
(cd "$root/debs" && apt-get download -qq -t bookworm-backports \
   libreoffice-calc libreoffice-core libreoffice-common libreoffice-base-core \
   libreoffice-uiconfig-calc libreoffice-uiconfig-common libreoffice-style-colibre ure \
   uno-libs-private libuno-sal3 libuno-cppu3 libuno-cppuhelpergcc3-3 libuno-salhelpergcc3-3 \
   libuno-purpenvhelpergcc3-3 python3-uno libreoffice-l10n-ja 2> /dev/null &&
 apt-get download -qq libzxcvbn0 2> /dev/null)
for deb in "$root"/debs/*.deb; do dpkg -x "$deb" "$root"; done
# Debian's absolute paths point into the system's 7.4: turn every one into the root.
sed -i "s|^BRAND_BASE_DIR=.*|BRAND_BASE_DIR=\${ORIGIN}/..|" "$lo/program/fundamentalrc"
sed -i "s|^FHS_CONFIG_FILE=.*|FHS_CONFIG_FILE=file://$root/etc/libreoffice/sofficerc|" "$lo/program/sofficerc"
sed -i "s|^export PYTHONPATH=.*|export PYTHONPATH=\"\$sd_prog\"|" "$lo/program/unopkg"
rm -f "$lo/share/registry/main.xcd" && cp "$lo/share/.registry/main.xcd" "$lo/share/registry/main.xcd"
ln -sfn "$root/etc/libreoffice/psprint.conf" "$lo/share/psprint/psprint.conf"
mkdir -p "$root/var/lib/libreoffice/share/prereg/bundled" "$root/var/spool/libreoffice/uno_packages/cache"
ln -sfn "$root/var/lib/libreoffice/share/prereg/bundled" "$lo/share/prereg/bundled"
ln -sfn "$root/var/spool/libreoffice/uno_packages/cache" "$lo/share/uno_packages/cache"
ln -sfn "$(find "$root/usr/lib" -name 'libzxcvbn.so.0*' | head -1)" "$lo/program/libzxcvbn.so.0"
# Its own Python bindings, first on the path.
mkdir -p "$root/python"
sed -e "s|sys.path.append('/usr/lib/libreoffice/program')|sys.path.insert(0, '$lo/program')|" \
    -e "s|/usr/lib/libreoffice/program/fundamentalrc|$lo/program/fundamentalrc|" \
    "$root/usr/lib/python3/dist-packages/uno.py" > "$root/python/uno.py"
cp "$root/usr/lib/python3/dist-packages/unohelper.py" "$root/python/"
touch "$root/.ready"
echo "$lo/program" >&3
