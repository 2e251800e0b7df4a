#!/usr/bin/env bash
# Regenerates the screens shown in README.md and the guide (docs/guide/) from the real binary:
# runs `qanat demo` in tmux (English and Arabic, 100x24), captures each board, and rewrites every
# block between `<!-- screen:NAME -->` and `<!-- /screen -->` wherever it stands.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build --product qanat >&2
socket="qanat-screens-$$"
out=$(mktemp)
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -f "$out"' EXIT
capture() {  # name, language, keys..., title
  local name=$1 lang=$2 keys=$3 title=$4 dir
  dir=$(mktemp -d)
  tmux -L "$socket" new-session -d -s s -x 100 -y 24 \
    "env QANAT_LOG= LANG=C.UTF-8 .build/debug/qanat demo --lang $lang --bidi terminal --feed-seconds 3600 --directory $dir"
  sleep 2
  for key in $keys; do tmux -L "$socket" send-keys -t s "$key"; sleep 0.4; done
  { echo "<!-- screen:$name -->"; echo "**$title**"; echo; echo '```'; tmux -L "$socket" capture-pane -t s -p | sed -e 's/[[:space:]]*$//'
    echo '```'; echo "<!-- /screen -->"; } >> "$out"
  tmux -L "$socket" kill-server
  rm -rf "$dir"
}
capture incidents en "F2" "Incidents board (F2)"
capture incident-detail en "Down Down Down Enter" "Incident detail: units and timeline (Enter)"
capture units en "F3" "Units by status (F3)"
capture log en "F4" "Communication log (F4)"
capture post-message en "m" "Posting a message (m)"
capture coverage en "F5" "Coverage board: areas × sectors, flags D(uplicated) G(ap) L(ate), coverage %, organisations (F5)"
capture coverage-cell en "F5 Down Left Left Left Enter" "A duplicated cell: its needs, activities, pledges and focal points (Enter on the board)"
capture risks en "F6" "The national risk register (F6): likelihood × impact, banded L/M/H, ! where a review is overdue"
capture performance en "F7" "Response performance (F7): p50 and p90 per agency against the targets, waiting, the trend by week"
capture map en "F8" "The map of Libya (F8): open incidents at their areas' centres by severity, the selected district beside it"
capture map-zoom en "F8 Right Right Right Right +" "The map zoomed into a district (+): its municipalities"
capture incidents-ar ar "F2" "لوحة الحوادث — Arabic interface (--lang ar --bidi terminal)"
capture map-ar ar "F8" "الخريطة — the map in Arabic: the words mirror, the map does not"
capture log-ar ar "F4" "سجل الاتصالات — the log in Arabic"
capture coverage-ar ar "F5" "لوحة التغطية — the coverage board in Arabic"
python3 - "$out" <<'PY'
import glob, re, sys
captured = open(sys.argv[1], encoding="utf-8").read()
screens = dict(re.findall(r"<!-- screen:([\w-]+) -->\n(.*?)<!-- /screen -->", captured, re.S))
for page in ["README.md"] + sorted(glob.glob("docs/guide/*.md")):
    text = open(page, encoding="utf-8").read()
    new = re.sub(r"(<!-- screen:([\w-]+) -->\n).*?(<!-- /screen -->)",
                 lambda m: m.group(1) + screens.get(m.group(2), "") + m.group(3) if m.group(2) in screens else m.group(0), text, flags=re.S)
    open(page, "w", encoding="utf-8").write(new)
PY
echo "screens regenerated in README.md and docs/guide/" >&2
