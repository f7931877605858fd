#!/usr/bin/env bash
# Installs the .oxt into LibreOffice: for the current user, or for every user when run as
# root (unopkg refuses to install per-user as root). No office may be running meanwhile.
set -euo pipefail
oxt=$(realpath "${1:-build/customeranalytics.oxt}")
scope=()
[ "$(id -u)" -eq 0 ] && scope=(--shared)
# A profile that unopkg creates is reset by the office's first start, which drops the
# extension again (measured on 7.4): let the office create the profile first.
profile=${XDG_CONFIG_HOME:-$HOME/.config}/libreoffice/4/user
if [ ${#scope[@]} -eq 0 ] && [ ! -e "$profile/registrymodifications.xcu" ]; then
  SAL_USE_VCLPLUGIN=svp soffice --headless --terminate_after_init > /dev/null 2>&1 || true
fi
unopkg remove "${scope[@]}" org.customeranalytics.calc > /dev/null 2>&1 || true
unopkg add "${scope[@]}" "$oxt"
unopkg list "${scope[@]}" 2>/dev/null | grep -E "Identifier|Version|is registered" | head -3
