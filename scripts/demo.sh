#!/usr/bin/env bash
# The README's run command: builds Qanat, makes a demo store with a realistic scenario (a storm
# and flash floods in the east, displaced families, a road closure, units of several agencies,
# messages in Arabic and English) through the real command line, and shows the boards.
# QANAT_DEMO_DIR keeps the store somewhere else than a fresh temporary directory.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build --product qanat >&2
q() { .build/debug/qanat "$@"; }

export QANAT_DEMO_DIR="${QANAT_DEMO_DIR:-$(mktemp -d /tmp/qanat-demo.XXXXXX)}"
export QANAT_DB="$QANAT_DEMO_DIR/qanat.sqlite" QANAT_JOURNAL="$QANAT_DEMO_DIR/journal.jsonl"
export QANAT_LOG="$QANAT_DEMO_DIR/qanat.log" QANAT_OFFICER="Demo Officer"
q init

flood=$(q incident open --agency NCEMC --type flood.flashFlood --severity extreme --area Derna \
  --place "وادي درنة — Wadi Derna bridge" --people 1200 --title "سيول جارفة في وادي درنة")
storm=$(q incident open --agency NCEMC --type meteorological.storm --severity severe --area "Al Bayda" \
  --title "Storm Daniel-like system over Jabal al Akhdar")
shelter=$(q incident open --agency LRC --type civil.displacedPopulations --severity severe --area Benghazi \
  --place "Al Hawari school" --people 340 --title "نازحون من درنة في مدارس بنغازي")
road=$(q incident open --agency CD --type infrastructure.roadClosed --severity moderate --area Susa \
  --title "Coastal road Derna–Susa cut by landslide")
q incident status "$flood" verified --agency CD --note "confirmed by CD patrol" >/dev/null
q incident status "$flood" responding --agency NCEMC >/dev/null
q incident status "$storm" verified --agency NCEMC >/dev/null

q unit add CD-DRN-01 --agency CD --kind waterRescue --capability boat --capability divers --contact "VHF 3" >/dev/null
q unit add CD-DRN-02 --agency CD --kind rescue --capability "heavy lifting" >/dev/null
q unit add LRC-BGZ-07 --agency LRC --kind ambulance --capability ALS >/dev/null
q unit add LRC-BGZ-11 --agency LRC --kind shelter --capability "300 beds" >/dev/null
q unit add MOH-BYD-02 --agency MOH --kind medicalTeam >/dev/null
q assign "$flood" CD-DRN-01 --agency NCEMC >/dev/null
q assignment arrived "$flood" CD-DRN-01 --agency CD >/dev/null
q assign "$flood" MOH-BYD-02 --agency NCEMC >/dev/null
q assign "$shelter" LRC-BGZ-11 --agency LRC >/dev/null
q unit status CD-DRN-02 outOfService >/dev/null

flash=$(q post --from NCEMC --to '*' --priority flash --channel radio --incident "$flood" --ack \
  --subject "إخلاء فوري" "إخلاء فوري لحي الساحل والمغار — المياه تجاوزت الجسر")
q post --from CD --to NCEMC,LRC --priority immediate --channel radio --incident "$flood" \
  "CD-DRN-01 on scene at the bridge, 14 people rescued, need a second boat" >/dev/null
q post --from LRC --to NCEMC,LRA --priority priority --channel phone --incident "$shelter" --ack \
  "Al Hawari school at capacity (340). Requesting blankets and hygiene kits." >/dev/null
q post --from MOI --to CD --priority routine --channel email --incident "$road" \
  "الطريق الساحلي درنة–سوسة مغلق. التحويل عبر القبة." >/dev/null
q ack "$flash" --agency CD >/dev/null
q ack "$flash" --agency LRC >/dev/null

# A third party (an SMS gateway) appends to its own journal; ingest takes it exactly once.
cat > "$QANAT_DEMO_DIR/sms-gateway.jsonl" <<JSON
{"v":1,"id":"$(cat /proc/sys/kernel/random/uuid)","at":"$(date -u +%Y-%m-%dT%H:%M:%SZ)","agency":"DRN-MUN","officer":"SMS gateway","type":"message.posted","data":{"to":["NCEMC"],"priority":"immediate","channel":"sms","body":"بلدية درنة: انقطاع المياه في الحي الشرقي","incident":"$flood"}}
JSON
q ingest "$QANAT_DEMO_DIR/sms-gateway.jsonl"

echo; echo "== Incidents"; q list incidents
echo; echo "== Units"; q list units
echo; echo "== Communication log"; q list messages
echo
echo "Demo store in $QANAT_DEMO_DIR. To go on with it:"
echo "  export QANAT_DB=$QANAT_DB QANAT_JOURNAL=$QANAT_JOURNAL"
echo "  .build/debug/qanat --help"
