#!/usr/bin/env bash
# The package on a fresh Debian 12, end to end: a root made with mmdebstrap from Debian's packages
# installs qanat_*.deb with apt, makes the shared store as the README says, runs the service from
# its unit's own command line (systemd is not PID 1 here), takes posts from two members, backs up
# and restores with equal digests, seals and verifies a month, checks the units with
# systemd-analyze, opens a store the previous release (0.12.0) made, and keeps the data when the
# package is removed.
#   bash scripts/install-test.sh [PACKAGE.deb]     (as root; CI runs it after the suite)
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$(id -u)" = 0 ] || { echo "install-test: needs root (a chroot, users, mounts)" >&2; exit 1; }
command -v mmdebstrap >/dev/null || { apt-get update -qq && apt-get install -y -qq mmdebstrap >/dev/null; }
package=${1:-$(bash scripts/package.sh | tail -n 1)}

work=$(mktemp -d /tmp/qanat-install-XXXXXX)
root="$work/root"
service=""
cleanup() {
  [ -n "$service" ] && kill "$service" 2>/dev/null || true
  for mount in proc dev/pts dev; do umount -l "$root/$mount" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
step() { echo "install-test: $*"; }
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }
fail() { echo "install-test: FAILED: $*" >&2; exit 1; }

step "a Debian 12 root from Debian's packages"
mmdebstrap --quiet --variant=apt --include=ca-certificates,man-db bookworm "$root" >&2
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"

step "apt install ./$(basename "$package")"
cp "$package" "$root/tmp/"
in_root apt-get update -qq >&2
in_root apt-get install -y -qq "/tmp/$(basename "$package")" >&2
in_root qanat --version | grep -qx "$(sed -n 's/.*static let version = "\(.*\)".*/\1/p' Sources/App/Qanat.swift)" \
  || fail "qanat --version"
in_root man -w qanat.serve >/dev/null || fail "man qanat.serve"
[ -f "$root/usr/share/bash-completion/completions/qanat" ] || fail "bash completion"
getent -s files passwd qanat >/dev/null 2>&1 || in_root getent passwd qanat >/dev/null || fail "the qanat user"

step "systemd-analyze verify on both units"
in_root systemd-analyze verify /usr/lib/systemd/system/qanat.service /usr/lib/systemd/system/qanat-wall.service \
  || fail "systemd-analyze verify"

step "a site's drop-in, as the README gives it, verified with the unit"
mkdir -p "$root/etc/systemd/system/qanat.service.d"
sed -n '/^# \/etc\/systemd\/system\/qanat.service.d\/site.conf/,/^```/p' README.md | grep -v '^```' \
  > "$root/etc/systemd/system/qanat.service.d/site.conf"
grep -q '^EnvironmentFile=/etc/qanat/hub.env' "$root/etc/systemd/system/qanat.service.d/site.conf" \
  || fail "the README's drop-in: $(cat "$root/etc/systemd/system/qanat.service.d/site.conf")"
(umask 077; printf 'QANAT_HUB=postgres://qanat_site_trp:secret@hub.example:5432/qanat\n' > "$root/etc/qanat/hub.env")
said=$(in_root systemd-analyze verify /usr/lib/systemd/system/qanat.service 2>&1) || fail "verify with the drop-in: $said"
if grep -E "site.conf.*(Unknown|ignoring|Invalid|Failed)" <<<"$said"; then fail "the drop-in: $said"; fi
# Only what this step made: /etc/qanat holds the package's config.toml.
rm -r "$root/etc/systemd/system/qanat.service.d" "$root/etc/qanat/hub.env"

step "the shared store, as the README says"
in_root useradd --create-home huda
in_root useradd --create-home omar
in_root qanat init --service qanat >&2

step "the service, from its unit's command line"
exec_start=$(sed -n 's/^ExecStart=//p' "$root/usr/lib/systemd/system/qanat.service")
# shellcheck disable=SC2086 # the unit's command line, split as systemd splits it
chroot "$root" /usr/bin/setpriv --reuid qanat --regid qanat --init-groups -- /usr/bin/env -i PATH=/usr/bin:/bin \
  $exec_start > "$work/serve.log" 2>&1 &
service=$!
for _ in $(seq 1 100); do grep -q "^serving " "$work/serve.log" && break; sleep 0.1; done
grep -q "^serving /var/lib/qanat/qanat.sqlite as qanat" "$work/serve.log" || fail "serve: $(cat "$work/serve.log")"

step "two members: the group and the store's members"
in_root usermod -aG qanat huda
in_root usermod -aG qanat omar
in_root qanat member add huda --agency LRC --role operator >&2
in_root qanat member add omar --agency MOI --role operator >&2

step "posts from two members, through the service"
in_root runuser -u huda -- qanat post --from LRC --to '*' --priority routine --channel radio "from Huda" >&2
in_root runuser -u omar -- qanat post --from MOI --to LRC --priority immediate --channel phone "from Omar" >&2
in_root runuser -u huda -- qanat list messages | grep -q "from Omar" || fail "Huda reads Omar's post"
[ -f "$root/var/lib/qanat-metrics/qanat.prom" ] || fail "the metrics textfile"

step "last month's lines, sealed and verified"
month=$(date -u -d "$(date -u +%Y-%m-01) -1 day" +%Y-%m)
millis=$(date -u -d "${month}-15T08:00:00Z" +%s%3N)
hex=$(printf '%012x' "$millis")
line='{"v":1,"id":"'"${hex:0:8}-${hex:8:4}"'-7000-8000-000000000001","at":"'"$month"'-15T08:00:00.000Z","agency":"LRC","officer":"huda","user":"huda","type":"message.posted","data":{"to":["*"],"priority":"routine","channel":"radio","body":"last month"}}'
in_root runuser -u huda -- sh -c "umask 027; printf '%s\n' '$line' >> /var/lib/qanat/journals/huda.$month.jsonl"
for _ in $(seq 1 50); do in_root qanat list messages | grep -q "last month" && break; sleep 0.1; done
in_root mkdir -p /srv/archive
in_root qanat archive --month "$month" --out "/srv/archive/qanat-$month.jsonl" >&2
in_root qanat archive verify "/srv/archive/qanat-$month.jsonl" | grep -q "every line as sealed" || fail "archive verify"
in_root qanat archive prune "/srv/archive/qanat-$month.jsonl" | grep -q "^removed: journals/huda.$month.jsonl" \
  || fail "archive prune"

step "backup and restore with equal digests"
in_root qanat backup "/srv/backup/$(date +%F)" >&2
in_root qanat restore "/srv/backup/$(date +%F)" --to /srv/drill/qanat.sqlite >&2
[ "$(in_root qanat digest)" = "$(in_root qanat digest --db /srv/drill/qanat.sqlite)" ] || fail "digests differ"
kill "$service"; wait "$service" || true; service=""

step "a store the previous release made opens, migrated"
for user in q12-svc q12-huda q12-omar q12-desk; do in_root useradd --system --groups qanat "$user" 2>/dev/null || true; done
in_root groupadd -f q12-members
for user in q12-svc q12-huda q12-omar q12-desk; do in_root usermod -aG q12-members "$user"; done
mkdir -p "$root/srv/old"
cp -r Tests/EndToEndTests/Releases/0.12.0/. "$root/srv/old/"
mkdir -p "$root/srv/old/rejects"
while read -r path owner group mode; do
  in_root chown "$owner:$group" "/srv/old/$path"
  in_root chmod "$mode" "/srv/old/$path"
done < Tests/EndToEndTests/Releases/0.12.0/owners.txt
rm "$root/srv/old/owners.txt" "$root/srv/old/README.md"
in_root chown q12-svc:q12-members /srv/old && in_root chmod 2750 /srv/old
for journal in "$root"/srv/old/journals/*.jsonl; do in_root setfacl -m u:q12-svc:r,g::-,m::r "/srv/old/journals/$(basename "$journal")"; done
# Made on another host, it names its service by that host's uid: the service refuses it until root
# runs init on it once (which keeps it a service store and takes this host's uid).
moved=$(chroot "$root" /usr/bin/setpriv --reuid q12-svc --regid q12-svc --init-groups -- /usr/bin/qanat serve \
  --db /srv/old/qanat.sqlite 2>&1 || true)
echo "$moved" | grep -q "a store made on another host" || fail "a moved store is refused: $moved"
in_root qanat init --db /srv/old/qanat.sqlite >&2
chroot "$root" /usr/bin/setpriv --reuid q12-svc --regid q12-svc --init-groups -- /usr/bin/qanat serve \
  --db /srv/old/qanat.sqlite > "$work/old.log" 2>&1 &
service=$!
for _ in $(seq 1 100); do grep -q "^serving " "$work/old.log" && break; sleep 0.1; done
grep -q "^serving /srv/old/qanat.sqlite" "$work/old.log" || fail "serve on the 0.12.0 store: $(cat "$work/old.log")"
in_root runuser -u q12-huda -- env QANAT_DB=/srv/old/qanat.sqlite qanat post --from LRC --to '*' \
  --priority routine --channel radio "after the upgrade" >&2
kill "$service"; wait "$service" || true; service=""
in_root runuser -u q12-svc -- qanat rebuild --db /srv/old/qanat.sqlite | grep -q "^identical$" || fail "rebuild"
[ "$(in_root qanat digest --db /srv/old/qanat.sqlite --json | sed 's/.*"events":\([0-9]*\).*/\1/')" = 14 ] \
  || fail "the old store's 13 events and the new one"

step "removing the package keeps the data"
in_root apt-get remove -y -qq qanat >&2
[ -f "$root/var/lib/qanat/qanat.sqlite" ] || fail "the store went with the package"
step "passed"
