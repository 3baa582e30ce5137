#!/usr/bin/env bash
# build.sh OUTDIR builds Caiji for Windows on Linux and its installer:
#   Caiji.exe      the app (GUI subsystem: no console window)
#   caiji-cli.exe  the same program as a console program, for `caiji-cli admin init` and
#                  the other subcommands in cmd.exe and PowerShell
#   Caiji-VERSION-setup.exe  the NSIS installer holding both
# Both executables carry a multi-size icon, version information and a manifest
# (per-monitor DPI awareness, long paths, asInvoker). When WIN_SIGN_PFX names a
# PKCS#12 certificate (password in WIN_SIGN_PASSWORD), the executables and the
# installer are signed with osslsigncode, time-stamped by WIN_SIGN_TIMESTAMP_URL
# when set; otherwise they stay unsigned.
# Identity and Go flags come from the Makefile: APP_NAME, APP_ID, APP_ICON,
# APP_BUILD, VERSION, REL_TAGS, REL_LDFLAGS (release tags and linker flags).
set -euo pipefail
out=$1
here=$(dirname "$0")
: "${APP_NAME:?}" "${APP_ID:?}" "${APP_ICON:?}" "${APP_BUILD:?}" "${VERSION:?}"
work=$out/build/windows
syso=cmd/caiji/rsrc_windows_amd64.syso
rm -rf "$work" && mkdir -p "$work"

# Windows wants four numbers: 1.2.3-rc.1 with build 7 → 1.2.3.7.
IFS=. read -r major minor patch <<<"${VERSION%%[-+]*}"
version4="$((10#${major:-0})).$((10#${minor:-0})).$((10#${patch:-0})).$APP_BUILD"

convert "$APP_ICON" -strip -depth 8 -define icon:auto-resize=256,128,64,48,40,32,24,20,16 "$work/caiji.ico"
sed -e "s/@ID@/$APP_ID/g" -e "s/@NAME@/$APP_NAME/g" -e "s/@VERSION4@/$version4/g" \
	"$here/caiji.manifest.in" >"$work/caiji.manifest"
sed -e "s/@NAME@/$APP_NAME/g" -e "s/@VERSION@/$VERSION/g" -e "s/@VERSIONC@/${version4//./,}/g" \
	"$here/caiji.rc.in" >"$work/caiji.rc"
x86_64-w64-mingw32-windres -c 65001 -I "$work" -O coff -o "$syso" "$work/caiji.rc"
trap 'rm -f "$syso"' EXIT

export GOOS=windows GOARCH=amd64 CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc
go build -trimpath -tags "$REL_TAGS" -ldflags "$REL_LDFLAGS -H windowsgui" -o "$work/Caiji.exe" ./cmd/caiji
go build -trimpath -tags "$REL_TAGS" -ldflags "$REL_LDFLAGS" -o "$work/caiji-cli.exe" ./cmd/caiji

sign() { # sign FILE in place, when a certificate is given
	[ -n "${WIN_SIGN_PFX:-}" ] || return 0
	osslsigncode sign -pkcs12 "$WIN_SIGN_PFX" -pass "${WIN_SIGN_PASSWORD:-}" -h sha256 \
		-n "$APP_NAME" ${WIN_SIGN_TIMESTAMP_URL:+-ts "$WIN_SIGN_TIMESTAMP_URL"} -in "$1" -out "$1.signed"
	mv "$1.signed" "$1"
	osslsigncode verify -in "$1" >/dev/null 2>&1 || echo "note: $1 is signed by a certificate this machine does not trust"
}
sign "$work/Caiji.exe"
sign "$work/caiji-cli.exe"
[ -n "${WIN_SIGN_PFX:-}" ] || echo "no WIN_SIGN_PFX: the Windows executables and installer are unsigned"

sed 's/$/\r/' THIRD_PARTY.md >"$work/THIRD_PARTY.txt"
setup="$out/$APP_NAME-$VERSION-setup.exe"
makensis -V2 -INPUTCHARSET UTF8 -DAPP_NAME="$APP_NAME" -DAPP_ID="$APP_ID" -DVERSION="$VERSION" \
	-DVERSION4="$version4" -DSRC="$(realpath "$work")" -DOUTFILE="$(realpath "$out")/${setup##*/}" "$here/installer.nsi"
sign "$setup"
ls -l "$work/Caiji.exe" "$work/caiji-cli.exe" "$setup"
