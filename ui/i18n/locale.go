package i18n

import (
	"os"
	"runtime"
	"strings"

	"github.com/jeandeaual/go-locale"
)

// ResolveLanguage returns the UI language: the flag when given, else the
// first of the system's preferred languages that Caiji speaks, else Chinese.
// It reads the locale list without parsing it as a BCP 47 tag, so a bare C or
// C.UTF-8 locale prints nothing and falls back quietly.
func ResolveLanguage(flag string) string {
	if flag != "" {
		return flag
	}
	locales, _ := locale.GetLocales()
	for _, l := range locales {
		switch strings.ToLower(l[:min(2, len(l))]) {
		case LangZh:
			return LangZh
		case LangEn:
			return LangEn
		}
	}
	return LangZh
}

// AlignSystemLocale makes Fyne's own strings (dialog buttons) follow the
// chosen language where the OS lets a process do that: on Linux and the BSDs
// Fyne reads $LANGUAGE, which gettext also honours. Setting it also keeps a
// C.UTF-8 locale from reaching Fyne's tag parser, which would log an error.
// Windows and macOS take the language from the system settings only.
func AlignSystemLocale(lang string) {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		return
	}
	tag := "zh_CN"
	if lang == LangEn {
		tag = "en_US"
	}
	os.Setenv("LANGUAGE", tag)
}
