package main

import (
	"os"
	"runtime"
	"strings"
)

// utf8InputLocale gives the C side of the app (GLFW and Xlib) a UTF-8
// character-type locale on Linux when the environment names none, as when a
// kiosk session starts with LANG unset or a legacy GB2312 locale. GLFW takes
// LC_CTYPE from the environment for XIM, and with a non-UTF-8 one fcitx and
// ibus show candidates but commit nothing, so no Chinese name can be typed.
// C.UTF-8 is the one UTF-8 locale every current glibc has built in. It runs
// after the UI language is settled: only C code reads these variables, and
// Caiji's own text handling (Go) does not depend on them.
func utf8InputLocale() {
	if runtime.GOOS != "linux" {
		return
	}
	if name, ok := ctypeOverride(os.Getenv); ok {
		os.Setenv(name, "C.UTF-8")
	}
}

// ctypeOverride says which variable to set to C.UTF-8 so that the C
// library's LC_CTYPE becomes UTF-8: none when the locale POSIX derives from
// the environment (LC_ALL, else LC_CTYPE, else LANG) already is; LC_ALL when
// it is set, since it overrides LC_CTYPE; LC_CTYPE otherwise, which leaves
// the other categories as the user chose them.
func ctypeOverride(getenv func(string) string) (string, bool) {
	for _, name := range []string{"LC_ALL", "LC_CTYPE", "LANG"} {
		v := getenv(name)
		if v == "" {
			continue
		}
		if isUTF8Locale(v) {
			return "", false
		}
		if name == "LC_ALL" {
			return name, true
		}
		break
	}
	return "LC_CTYPE", true
}

// isUTF8Locale reports whether a locale name such as zh_CN.UTF-8,
// en_US.utf8 or C.UTF-8@euro has UTF-8 as its codeset.
func isUTF8Locale(name string) bool {
	_, codeset, found := strings.Cut(name, ".")
	if !found {
		return false
	}
	codeset, _, _ = strings.Cut(codeset, "@")
	return strings.EqualFold(strings.ReplaceAll(codeset, "-", ""), "utf8")
}
