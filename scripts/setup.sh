#!/usr/bin/env bash
# The README's first command: dependencies, build, .oxt, installation into LibreOffice,
# then the main job: the example workbook computed by Calc with the installed add-in.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
bash scripts/build.sh build
bash scripts/install.sh build/customeranalytics.oxt
/usr/bin/python3 examples/show_example.py build/example
