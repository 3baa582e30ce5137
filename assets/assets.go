// Package assets embeds everything Caiji ships inside its binary: the CJK
// font (kiosk images may have no system font), the icon, the translations and
// the reference data (divisions, option lists, holidays, deadlines), so the
// app needs no network and no files beside it.
package assets

import "embed"

// CJKFont is DroidSansFallbackFull.ttf (Apache-2.0, see fonts/): one face
// covering all 20,902 GBK hanzi.
//
//go:embed fonts/DroidSansFallbackFull.ttf
var CJKFont []byte

// Icon is the application icon, also named in FyneApp.toml.
//
//go:embed icon.png
var Icon []byte

// I18n holds one flat JSON map of translation keys per UI language.
//
//go:embed i18n/*.json
var I18n embed.FS
