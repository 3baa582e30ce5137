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
base=$(mktemp -d)
WINEPREFIX=$base/wine
# Wine links the Windows Desktop and Documents to the home folder: a home of its own keeps the
# shortcuts the installer makes out of the real one.
export HOME=$base/home
mkdir -p "$HOME"
cleanup() {
	[ -n "${app:-}" ] && kill "$app" 2>/dev/null
	wineserver -k 2>/dev/null || true
	stop_xvfb
	rm -rf "$base"
}
trap cleanup EXIT
# A Chinese Windows, as most users have (CHECK_LANG=en_US.UTF-8 for English). Wine takes the
# Windows locale from the Unix one, which must exist for file names in Chinese to work: it is
# compiled into the check's own folder (LOCPATH) rather than installed on the machine.
lang=${CHECK_LANG:-zh_CN.UTF-8}
mkdir -p "$base/locale"
localedef -i "${lang%%.*}" -f UTF-8 "$base/locale/$lang" 2>/dev/null || [ -d "$base/locale/$lang" ]
export LOCPATH=$base/locale
{ export LANG=$lang LC_ALL=$lang; } 2>/dev/null # bash itself cannot load it; Wine can

step() { echo "== $*"; }
fail() { echo "FAILED: $*" >&2; exit 1; }

step "Wine prefix and the ProcessPrng stand-in"
start_xvfb
wineboot -i >/dev/null 2>&1
wineserver -w
x86_64-w64-mingw32-gcc -O2 -shared -s -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
	"$here/processprng.c" -ladvapi32
# folder PATH-ON-WINDOWS prints it as a Linux path (folder names are in the prefix's language).
folder() { winepath -u "$(wine cmd /c "echo $1" 2>/dev/null | tr -d '\r')" 2>/dev/null; }
shellfolder() { # the user's shell folder NAME (Programs, Desktop) from the registry
	folder "$(wine reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Explorer\Shell Folders' /v "$1" |
		tr -d '\r' | sed -n "s/^ *$1 *REG_SZ *//p")"
}
instdir="$(folder '%LOCALAPPDATA%')/Programs/$APP_NAME"
startmenu="$(shellfolder Programs)/采集 $APP_NAME.lnk"
desktop="$(shellfolder Desktop)/采集 $APP_NAME.lnk"
datadir="$(folder '%APPDATA%')/$APP_NAME"
uninstkey="HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\$APP_ID"

step "silent install: ${setup##*/} /S ($(du -h "$setup" | cut -f1))"
wine "$setup" /S
wineserver -w
for f in "$instdir/Caiji.exe" "$instdir/caiji-cli.exe" "$instdir/Uninstall.exe" "$startmenu" "$desktop"; do
	[ -f "$f" ] || fail "missing after install: $f"
	echo "installed: ${f#"$WINEPREFIX/"}"
done
entry=$(wine reg query "$uninstkey" 2>/dev/null | tr -d '\r')
grep -aq DisplayName <<<"$entry" || fail "no uninstall entry $uninstkey"
grep -aE 'DisplayVersion|UninstallString' <<<"$entry"

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
