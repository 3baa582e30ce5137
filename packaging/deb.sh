#!/usr/bin/env bash
# deb.sh TREE CONTROL ARCH OUT builds a .deb with dpkg-deb from TREE (the
# files as installed, e.g. TREE/usr/bin/…) and the control template CONTROL.
# Maintainer scripts and conffiles lying beside CONTROL (postinst, prerm,
# postrm, conffiles) go in too. The Debian version is VERSION with a
# pre-release's "-" written "~", so 1.0.0~rc.1 sorts before 1.0.0.
set -euo pipefail
tree=$1 control=$2 arch=$3 out=$4
: "${VERSION:?}" "${MAINTAINER:?}"
debver=${VERSION//-/\~}
rm -rf "$tree/DEBIAN" && mkdir -p "$tree/DEBIAN"
# The lowest glibc the binaries need, from their versioned symbols (none for static Go binaries).
glibc=$(find "$tree" -type f -perm -u+x -not -path '*/DEBIAN/*' -exec objdump -T {} + 2>/dev/null |
	grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1 || true)
sed -e "s/@VERSION@/$debver/" -e "s/@ARCH@/$arch/" -e "s/@MAINTAINER@/$MAINTAINER/" \
	-e "s/@SIZE@/$(du -sk --exclude=DEBIAN "$tree" | cut -f1)/" \
	-e "s/@LIBC@/${glibc:+libc6 (>= $glibc)}/" "$control" | sed -e 's/^Depends: , /Depends: /' -e '/^Depends: *$/d' >"$tree/DEBIAN/control"
for f in postinst prerm postrm; do
	[ -f "$(dirname "$control")/$f" ] && install -m 0755 "$(dirname "$control")/$f" "$tree/DEBIAN/$f"
done
[ -f "$(dirname "$control")/conffiles" ] && install -m 0644 "$(dirname "$control")/conffiles" "$tree/DEBIAN/conffiles"
mkdir -p "$(dirname "$out")"
dpkg-deb --root-owner-group -Zxz --build "$tree" "$out" >/dev/null
rm -rf "$tree/DEBIAN"
dpkg-deb --info "$out" | sed -n '/Package:/,$p'
