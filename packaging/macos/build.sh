#!/usr/bin/env bash
# build.sh OUTDIR builds Caiji.app for macOS 12+ as one universal binary
# (arm64 + x86_64) and puts it in OUTDIR/Caiji-VERSION-macos.dmg. Runs on a Mac
# with Xcode's command-line tools (the release workflow's macOS runner).
# Signing: ad-hoc by default. With MACOS_SIGN_IDENTITY (a "Developer ID
# Application: …" identity in the keychain) the app and the .dmg are signed
# with it and the hardened runtime; with MACOS_NOTARY_APPLE_ID,
# MACOS_NOTARY_TEAM_ID and MACOS_NOTARY_PASSWORD (an app-specific password) as
# well, the .dmg is notarised and the ticket stapled.
# Identity and Go flags come from the Makefile: APP_NAME, APP_ID, APP_ICON,
# APP_BUILD, VERSION, REL_TAGS, REL_LDFLAGS.
set -euo pipefail
out=$1
here=$(dirname "$0")
: "${APP_NAME:?}" "${APP_ID:?}" "${APP_ICON:?}" "${APP_BUILD:?}" "${VERSION:?}"
work=$out/build/macos
app=$work/dmg/$APP_NAME.app
rm -rf "$work" && mkdir -p "$app/Contents/MacOS" "$app/Contents/Resources"

export MACOSX_DEPLOYMENT_TARGET=12.0 CGO_ENABLED=1
for arch in arm64 amd64; do
	carch=$arch && [ "$arch" = amd64 ] && carch=x86_64
	GOARCH=$arch CC="clang -arch $carch" CGO_CFLAGS="-mmacosx-version-min=12.0" CGO_LDFLAGS="-mmacosx-version-min=12.0" \
		go build -trimpath -tags "$REL_TAGS" -ldflags "$REL_LDFLAGS" -o "$work/caiji-$arch" ./cmd/caiji
done
lipo -create -output "$app/Contents/MacOS/caiji" "$work/caiji-arm64" "$work/caiji-amd64"
lipo -info "$app/Contents/MacOS/caiji"

iconset=$work/icon.iconset
mkdir -p "$iconset"
for size in 16 32 128 256 512; do
	sips -z $size $size "$APP_ICON" --out "$iconset/icon_${size}x${size}.png" >/dev/null
	sips -z $((size * 2)) $((size * 2)) "$APP_ICON" --out "$iconset/icon_${size}x${size}@2x.png" >/dev/null
done
iconutil -c icns -o "$app/Contents/Resources/icon.icns" "$iconset"
sed -e "s/@ID@/$APP_ID/g" -e "s/@NAME@/$APP_NAME/g" -e "s/@VERSION@/$VERSION/g" -e "s/@BUILD@/$APP_BUILD/g" \
	"$here/Info.plist.in" >"$app/Contents/Info.plist"
plutil -lint "$app/Contents/Info.plist"

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
	codesign --force --options runtime --timestamp -s "$MACOS_SIGN_IDENTITY" "$app"
else
	codesign --force -s - "$app" # ad-hoc: Gatekeeper asks the user to confirm the first start
fi
codesign --verify --strict --verbose=2 "$app"

ln -s /Applications "$work/dmg/Applications"
dmg=$out/$APP_NAME-$VERSION-macos.dmg
rm -f "$dmg"
hdiutil create -volname "$APP_NAME $VERSION" -srcfolder "$work/dmg" -fs HFS+ -format UDZO -ov "$dmg"
if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
	codesign --force --timestamp -s "$MACOS_SIGN_IDENTITY" "$dmg"
	if [ -n "${MACOS_NOTARY_APPLE_ID:-}" ]; then
		xcrun notarytool submit "$dmg" --apple-id "$MACOS_NOTARY_APPLE_ID" --team-id "$MACOS_NOTARY_TEAM_ID" \
			--password "$MACOS_NOTARY_PASSWORD" --wait
		xcrun stapler staple "$dmg"
	fi
fi
ls -l "$dmg"
