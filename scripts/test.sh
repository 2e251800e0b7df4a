#!/usr/bin/env bash
# The README's test command: installs what is missing, builds, then runs the whole suite with
# `swift test` (XCTest), and ends with a plain "N passed, N failed, N skipped" line: a test that skips
# (one that needs root or sshd) is counted apart, never as passed.
# With no arguments the site tests, which mostly wait on links they slow or cut, run beside the rest
# (two processes on a machine of two cores); with arguments (`--filter X`) one `swift test` runs them.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
status=0
if [ $# -gt 0 ]; then
  swift test --disable-swift-testing "$@" 2>&1 | tee "$logs/main" || status=$?
else
  swift build --build-tests
  beside="SiteRelayTests"
  swift test --skip-build --disable-swift-testing --filter "$beside" >"$logs/beside" 2>&1 &
  beside_pid=$!
  swift test --skip-build --disable-swift-testing --skip "$beside" 2>&1 | tee "$logs/main" || status=$?
  beside_status=0
  wait "$beside_pid" || beside_status=$?
  echo "--- $beside, run beside the rest:"
  cat "$logs/beside"
  [ "$status" -ne 0 ] || status=$beside_status
fi
# XCTest's last summary in each log: "Executed N tests, with F failures", or with skips
# "Executed N tests, with S tests skipped and F failures"; skipped tests are counted apart.
executed=0 failed=0 skipped=0 summaries=0
for log in "$logs"/*; do
  summary=$(grep -E "^[[:space:]]*Executed [0-9]+ tests?, with ([0-9]+ tests? skipped and )?[0-9]+ failures?" "$log" | tail -n 1 || true)
  [ -n "$summary" ] || continue
  summaries=$((summaries + 1))
  executed=$((executed + $(echo "$summary" | sed -E 's/.*Executed ([0-9]+) tests?.*/\1/')))
  failed=$((failed + $(echo "$summary" | sed -E 's/.* ([0-9]+) failures?.*/\1/')))
  if echo "$summary" | grep -qE "[0-9]+ tests? skipped"; then
    skipped=$((skipped + $(echo "$summary" | sed -E 's/.*with ([0-9]+) tests? skipped.*/\1/')))
  fi
done
[ "$summaries" -eq 0 ] || echo "$((executed - failed - skipped)) passed, $failed failed, $skipped skipped"
exit "$status"
