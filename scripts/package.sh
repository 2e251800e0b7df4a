#!/usr/bin/env bash
# Builds qanat_VERSION_ARCH.deb with dpkg-deb from a release build in which the Swift runtime is
# linked statically, so the host needs no toolchain: the binary, themes, man pages generated from
# the commands, bash/zsh/fish completions, systemd units, sysusers.d and tmpfiles.d entries,
# logrotate and /etc/qanat/config.toml. Prints the package's path as its last line.
#   bash scripts/package.sh [OUTPUT_DIRECTORY]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-.build-package}
scratch=.build-package
version=$(sed -n 's/.*static let version = "\(.*\)".*/\1/p' Sources/App/Qanat.swift)
arch=$(dpkg --print-architecture)
bash scripts/setup.sh >&2

swift build -c release --product qanat --static-swift-stdlib --scratch-path "$scratch" >&2
swift build -c release --product generate-manual --scratch-path "$scratch" >&2
binary="$scratch/release/qanat"

root=$(mktemp -d)
chmod 0755 "$root"
trap 'rm -rf "$root"' EXIT
install -D -m 0755 "$binary" "$root/usr/bin/qanat"
strip --strip-unneeded "$root/usr/bin/qanat"
install -d "$root/usr/share/qanat/themes"
install -m 0644 Themes/*.toml "$root/usr/share/qanat/themes/"
install -D -m 0644 packaging/systemd/qanat.service "$root/usr/lib/systemd/system/qanat.service"
install -D -m 0644 packaging/systemd/qanat-wall.service "$root/usr/lib/systemd/system/qanat-wall.service"
install -D -m 0644 packaging/sysusers.d/qanat.conf "$root/usr/lib/sysusers.d/qanat.conf"
install -D -m 0644 packaging/tmpfiles.d/qanat.conf "$root/usr/lib/tmpfiles.d/qanat.conf"
install -D -m 0644 packaging/logrotate.d/qanat "$root/etc/logrotate.d/qanat"
install -D -m 0644 packaging/config.toml "$root/etc/qanat/config.toml"
install -D -m 0644 README.md "$root/usr/share/doc/qanat/README.md"
install -m 0644 CHANGELOG.md "$root/usr/share/doc/qanat/CHANGELOG.md"
cp -r docs "$root/usr/share/doc/qanat/docs"

# Man pages from the commands themselves, one a subcommand (qanat-serve(1), …).
man=$(mktemp -d)
"$scratch/release/generate-manual" "$root/usr/bin/qanat" --multi-page --section 1 \
  --date "$(git log -1 --format=%cs 2>/dev/null || date +%F)" --output-directory "$man" >&2
install -d "$root/usr/share/man/man1"
for page in "$man"/*.1; do gzip -9n < "$page" > "$root/usr/share/man/man1/$(basename "$page").gz"; done
rm -rf "$man"

install -d "$root/usr/share/bash-completion/completions" "$root/usr/share/zsh/vendor-completions" \
  "$root/usr/share/fish/vendor_completions.d"
"$root/usr/bin/qanat" --generate-completion-script bash > "$root/usr/share/bash-completion/completions/qanat"
"$root/usr/bin/qanat" --generate-completion-script zsh > "$root/usr/share/zsh/vendor-completions/_qanat"
"$root/usr/bin/qanat" --generate-completion-script fish > "$root/usr/share/fish/vendor_completions.d/qanat.fish"

install -d "$root/DEBIAN"
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$size/" packaging/debian/control \
  > "$root/DEBIAN/control"
install -m 0644 packaging/debian/conffiles "$root/DEBIAN/conffiles"
install -m 0755 packaging/debian/postinst packaging/debian/prerm packaging/debian/postrm "$root/DEBIAN/"

mkdir -p "$out"
package="$out/qanat_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$package" >&2
echo "$(cd "$(dirname "$package")" && pwd)/$(basename "$package")"
