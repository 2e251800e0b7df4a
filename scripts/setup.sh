#!/usr/bin/env bash
# Installs the system packages Qanat builds against, when any is missing (Debian/Ubuntu).
set -euo pipefail
need=()
for pkg in libsqlite3-dev libncurses-dev libicu-dev sqlite3 tmux; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
