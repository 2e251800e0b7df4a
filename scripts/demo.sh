#!/usr/bin/env bash
# The README's run command: installs what is missing, builds Qanat and starts the desk on a
# fresh demo store (a storm and flash floods in the east, displaced families, a road closure,
# units of several agencies, messages in Arabic and English) with a feed that keeps it moving.
# Without a terminal it writes the scenario and prints the boards. Options pass to `qanat demo`
# (e.g. --lang ar, --directory DIR, --print).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build --product qanat >&2
exec .build/debug/qanat demo "$@"
