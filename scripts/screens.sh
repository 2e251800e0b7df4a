#!/usr/bin/env bash
# Regenerates the screens shown in README.md from the real binary: runs `qanat demo` in tmux
# (English and Arabic, 100x22), captures each board, and rewrites the block between the
# screens markers in README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build --product qanat >&2
socket="qanat-screens-$$"
out=$(mktemp)
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -f "$out"' EXIT
capture() {  # language, keys..., title
  local lang=$1 keys=$2 title=$3 dir
  dir=$(mktemp -d)
  tmux -L "$socket" new-session -d -s s -x 100 -y 22 \
    "env QANAT_LOG= LANG=C.UTF-8 .build/debug/qanat demo --lang $lang --bidi terminal --feed-seconds 3600 --directory $dir"
  sleep 2
  for key in $keys; do tmux -L "$socket" send-keys -t s "$key"; sleep 0.4; done
  { echo "**$title**"; echo; echo '```'; tmux -L "$socket" capture-pane -t s -p | sed -e 's/[[:space:]]*$//'; echo '```'; echo; } >> "$out"
  tmux -L "$socket" kill-server
  rm -rf "$dir"
}
capture en "F2" "Incidents board (F2)"
capture en "Down Down Down Enter" "Incident detail: units and timeline (Enter)"
capture en "F3" "Units by status (F3)"
capture en "F4" "Communication log (F4)"
capture en "m" "Posting a message (m)"
capture en "F5" "Coverage board: areas × sectors, flags D(uplicated) G(ap) L(ate), coverage %, organisations (F5)"
capture en "F5 Down Left Left Left Enter" "A duplicated cell: its needs, activities, pledges and focal points (Enter on the board)"
capture en "F6" "The national risk register (F6): likelihood × impact, banded L/M/H, ! where a review is overdue"
capture en "F7" "Response performance (F7): p50 and p90 per agency against the targets, waiting, the trend by week"
capture ar "F2" "لوحة الحوادث — Arabic interface (--lang ar --bidi terminal)"
capture ar "F4" "سجل الاتصالات — the log in Arabic"
capture ar "F5" "لوحة التغطية — the coverage board in Arabic"
python3 - "$out" <<'PY'
import re, sys
screens = open(sys.argv[1], encoding="utf-8").read()
readme = open("README.md", encoding="utf-8").read()
start, end = "<!-- screens:start -->", "<!-- screens:end -->"
new = readme[:readme.index(start) + len(start)] + "\n" + screens + readme[readme.index(end):]
open("README.md", "w", encoding="utf-8").write(new)
PY
echo "README.md screens regenerated" >&2
