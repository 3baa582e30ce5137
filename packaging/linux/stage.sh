#!/usr/bin/env bash
# stage.sh BINARY DEST lays out Caiji's files for a Linux package under DEST/usr:
# the binary, the desktop entry, hicolor icons 48–512 px and the AppStream
# metainfo. The .deb and the tarball are both made from this tree.
# Identity comes from the Makefile (APP_NAME, APP_ID, APP_ICON, VERSION), which reads FyneApp.toml.
set -euo pipefail
bin=$1 dest=$2
here=$(dirname "$0")
: "${APP_NAME:?} ${APP_ID:?} ${APP_ICON:?} ${VERSION:?}"

fill() { # template → file, with the identity filled in
	sed -e "s/@NAME@/$APP_NAME/g" -e "s/@ID@/$APP_ID/g" -e "s/@VERSION@/$VERSION/g" \
		-e "s/@DATE@/$(git log -1 --format=%cs 2>/dev/null || date -u +%F)/g" "$1" >"$2"
}

rm -rf "$dest" && mkdir -p "$dest/usr/bin" "$dest/usr/share/applications" "$dest/usr/share/metainfo"
install -m 0755 "$bin" "$dest/usr/bin/caiji"
fill "$here/caiji.desktop.in" "$dest/usr/share/applications/$APP_ID.desktop"
fill "$here/metainfo.xml.in" "$dest/usr/share/metainfo/$APP_ID.metainfo.xml"
for size in 48 64 128 256 512; do
	dir="$dest/usr/share/icons/hicolor/${size}x${size}/apps"
	mkdir -p "$dir"
	convert "$APP_ICON" -strip -depth 8 -resize "${size}x${size}" "PNG32:$dir/$APP_ID.png"
done
mkdir -p "$dest/usr/share/doc/caiji"
install -m 0644 THIRD_PARTY.md "$dest/usr/share/doc/caiji/THIRD_PARTY.md"
install -m 0644 "$here/copyright" "$dest/usr/share/doc/caiji/copyright"
