#!/usr/bin/env bash
# check.sh SETUP.exe checks the Windows installer under Wine in a throw-away
# prefix: a silent install (/S) puts the program, the Start-menu and desktop
# shortcuts and the uninstall entry in place without administrator rights; the
# console program answers on the command line; the installed Caiji.exe starts
# and draws its window (screenshot in SHOTS, default dist/check); a silent
# uninstall removes the program and keeps the data folder.
# Debian 12's Wine lacks ProcessPrng (bcryptprimitives.dll), which every Go
# program needs to start; a stand-in DLL built here with mingw-w64 is put in
# the prefix for this check only.
set -euo pipefail
setup=$(realpath "$1")
here=$(realpath "$(dirname "$0")")
shots=$(realpath -m "${SHOTS:-dist/check}")
# shellcheck source=packaging/xvfb.sh
. "$here/../xvfb.sh"
: "${APP_NAME:?}" "${APP_ID:?}" "${VERSION:?}" "${APP_BUILD:?}"

# Native bcryptprimitives (the stand-in); no Mono/Gecko prompts; no menu entries written to the host.
export WINEPREFIX WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="bcryptprimitives=n,b;mscoree,mshtml=;winemenubuilder.exe=d"
WINEPREFIX=$(mktemp -d)/wine
cleanup() {
	[ -n "${app:-}" ] && kill "$app" 2>/dev/null
	wineserver -k 2>/dev/null || true
	stop_xvfb
	rm -rf "$(dirname "$WINEPREFIX")"
}
trap cleanup EXIT

step() { echo "== $*"; }
fail() { echo "FAILED: $*" >&2; exit 1; }

step "Wine prefix and the ProcessPrng stand-in"
start_xvfb
wineboot -i >/dev/null 2>&1
wineserver -w
x86_64-w64-mingw32-gcc -O2 -shared -s -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
	"$here/processprng.c" -ladvapi32
user=$(wine cmd /c 'echo %USERNAME%' 2>/dev/null | tr -d '\r')
home="$WINEPREFIX/drive_c/users/$user"
instdir="$home/AppData/Local/Programs/$APP_NAME"
startmenu="$home/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/采集 $APP_NAME.lnk"
desktop="$home/Desktop/采集 $APP_NAME.lnk"
datadir="$home/AppData/Roaming/$APP_NAME"
uninstkey="HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\$APP_ID"

step "silent install: ${setup##*/} /S ($(du -h "$setup" | cut -f1))"
wine "$setup" /S
wineserver -w
for f in "$instdir/Caiji.exe" "$instdir/caiji-cli.exe" "$instdir/Uninstall.exe" "$startmenu" "$desktop"; do
	[ -f "$f" ] || fail "missing after install: $f"
	echo "installed: ${f#"$WINEPREFIX/"}"
done
wine reg query "$uninstkey" 2>/dev/null | tr -d '\r' | grep -E 'DisplayName|DisplayVersion|UninstallString' ||
	fail "no uninstall entry $uninstkey"

step "console program: caiji-cli.exe -version"
got=$(wine "$instdir/caiji-cli.exe" -version 2>&1 | tr -d '\r')
echo "$got"
[ "$got" = "$APP_NAME $VERSION (build $APP_BUILD)" ] || fail "caiji-cli.exe -version printed $got"
step "console program: caiji-cli.exe admin init (a review station, answers piped in)"
out=$(printf '120101198512319986\n王管理\nReview12!\nReview12!\n' |
	wine "$instdir/caiji-cli.exe" admin init -data 'C:\caiji-review' 2>&1 | tr -d '\r')
echo "$out"
grep -q '审核站已设置' <<<"$out" || fail "caiji-cli.exe admin init did not set up the review station"
step "GUI program given a subcommand: Caiji.exe admin init"
wine "$instdir/Caiji.exe" admin init 2>&1 | tr -d '\r' || true

step "start the installed Caiji.exe"
wine "$instdir/Caiji.exe" >"$(dirname "$WINEPREFIX")/app.log" 2>&1 &
app=$!
wait_window "$app" 120 >/dev/null
screenshot "$shots/windows-wine.png"
drawn "$shots/windows-wine.png"
[ -d "$datadir" ] || fail "the app made no data folder $datadir"
echo "data folder made: ${datadir#"$WINEPREFIX/"}"
kill "$app"
wineserver -k 2>/dev/null || true
app=

step "silent uninstall: Uninstall.exe /S"
wine "$instdir/Uninstall.exe" /S
for _ in $(seq 60); do [ -e "$instdir" ] || break; sleep 1; done
for f in "$instdir" "$startmenu" "$desktop"; do
	[ ! -e "$f" ] || fail "left behind by the uninstaller: $f"
done
if wine reg query "$uninstkey" >/dev/null 2>&1; then fail "uninstall entry still there"; fi
echo "program, shortcuts and uninstall entry removed"
[ -d "$datadir" ] || fail "the silent uninstall deleted the data folder"
echo "data folder kept: ${datadir#"$WINEPREFIX/"}"
echo "Windows installer check passed"
