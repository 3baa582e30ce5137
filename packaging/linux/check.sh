#!/usr/bin/env bash
# check.sh CAIJI.deb checks the Linux package on this machine (as root): the
# desktop entry and AppStream metainfo validate, `dpkg -i` installs it, the
# installed caiji reports the version and starts, draws its window (screenshot
# in SHOTS, default dist/check) with WM_CLASS matching StartupWMClass, and
# `dpkg -r` removes it again.
set -euo pipefail
deb=$(realpath "$1")
here=$(dirname "$0")
shots=${SHOTS:-dist/check}
# shellcheck source=packaging/xvfb.sh
. "$here/../xvfb.sh"
: "${APP_ID:?}" "${APP_NAME:?}" "${VERSION:?}"

tmp=$(mktemp -d)
cleanup() {
	[ -n "${app:-}" ] && kill "$app" 2>/dev/null
	stop_xvfb
	rm -rf "$tmp"
}
trap cleanup EXIT
# The app's Fyne settings go to a home of the check's own, not the real one; no D-Bus session
# (Fyne would start one, and desktop portals with it that outlive the check).
export HOME=$tmp/home DBUS_SESSION_BUS_ADDRESS=disabled:
unset XDG_CONFIG_HOME XDG_CACHE_HOME XDG_DATA_HOME

echo "== contents of ${deb##*/} ($(du -h "$deb" | cut -f1))"
dpkg-deb -x "$deb" "$tmp/x"
(cd "$tmp/x" && find . -type f | sort)
desktop="$tmp/x/usr/share/applications/$APP_ID.desktop"
echo "== desktop-file-validate"
desktop-file-validate "$desktop" && echo ok
echo "== appstreamcli validate"
appstreamcli validate --no-net --explain "$tmp/x/usr/share/metainfo/$APP_ID.metainfo.xml"

echo "== dpkg -i"
dpkg -i "$deb" || { apt-get install -f -y -qq; dpkg -i "$deb"; }
dpkg -s caiji | grep -E '^(Status|Version|Depends):'
got=$(/usr/bin/caiji -version)
echo "caiji -version: $got"
[ "$got" = "$APP_NAME $VERSION (build $APP_BUILD)" ]

echo "== start the installed app"
start_xvfb
/usr/bin/caiji -data "$tmp/data" >"$tmp/app.log" 2>&1 &
app=$!
wid=$(wait_window "$app" 60)
class=$(xprop -id "$wid" WM_CLASS)
echo "$class"
want=$(sed -n 's/^StartupWMClass=//p' "$desktop")
[ "$class" = "WM_CLASS(STRING) = \"caiji\", \"$want\"" ] || { echo "WM_CLASS does not match StartupWMClass=$want" >&2; exit 1; }
screenshot "$shots/linux-deb.png"
drawn "$shots/linux-deb.png"
kill "$app"
wait "$app" 2>/dev/null || true
app=

echo "== dpkg -r"
dpkg -r caiji >/dev/null
if [ -e /usr/bin/caiji ] || [ -e "/usr/share/applications/$APP_ID.desktop" ]; then
	echo "dpkg -r left Caiji's files behind" >&2
	exit 1
fi
echo "removed"
echo "Linux package check passed"
