#!/usr/bin/env bash
# The README's test command: installs what is missing, builds, then runs the whole suite with
# `swift test` (XCTest), and ends with a plain "N passed, N failed, N skipped" line: a test that skips
# (one that needs root or sshd) is counted apart, never as passed.
# With no arguments the site, service and durability tests (which mostly wait: on links they slow or
# cut, on processes they start and kill) run beside the rest, two processes on a machine of two cores,
# so that a fresh clone's run stays under 15 minutes; with arguments (`--filter X`) one `swift test`
# runs what they ask.
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
  beside=(SiteRelayTests ServiceStoreTests DurabilityTests)
  # The test bundle itself, not a second `swift test`: SwiftPM locks the build directory, and a second
  # instance would wait for the first to finish.
  # (XCTest on Linux takes the classes as one comma-separated argument.)
  classes=$(IFS=','; echo "${beside[*]/#/EndToEndTests.}")
  "$(swift build --show-bin-path)/QanatPackageTests.xctest" "$classes" >"$logs/beside" 2>&1 &
  beside_pid=$!
  skip=$(IFS='|'; echo "${beside[*]}")
  swift test --skip-build --disable-swift-testing --skip "$skip" 2>&1 | tee "$logs/main" || status=$?
  beside_status=0
  wait "$beside_pid" || beside_status=$?
  echo "--- ${beside[*]}, run beside the rest:"
  cat "$logs/beside"
  [ "$status" -ne 0 ] || status=$beside_status
  # A class renamed away would run nothing and pass: say so and fail instead.
  for class in "${beside[@]}"; do
    if ! grep -qE "Test Suite '$class' passed|Test Suite '$class' failed" "$logs/beside"; then
      echo "test.sh: $class ran no test" >&2
      status=1
    fi
  done
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
