#!/usr/bin/env bash
# Installs the .oxt into LibreOffice: for the current user, or for every user when run as
# root (unopkg refuses to install per-user as root). No office may be running meanwhile.
set -euo pipefail
oxt=$(realpath "${1:-build/customeranalytics.oxt}")
scope=()
[ "$(id -u)" -eq 0 ] && scope=(--shared)
unopkg remove "${scope[@]}" org.customeranalytics.calc > /dev/null 2>&1 || true
unopkg add "${scope[@]}" "$oxt"
unopkg list "${scope[@]}" 2>/dev/null | grep -E "Identifier|Version|is registered" | head -3
