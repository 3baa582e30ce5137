package i18n

import (
	"caiji/assets"
	"strings"
	"testing"
	"time"

	"caiji/storage"
)

// TestTranslationsComplete fails when a key exists in one language and not
// the other, or an error's message has none (package ui checks the keys
// the screens use).
func TestTranslationsComplete(t *testing.T) {
	zh, err := assets.Messages(LangZh)
	if err != nil {
		t.Fatal(err)
	}
	en, err := assets.Messages(LangEn)
	if err != nil {
		t.Fatal(err)
	}
	for k := range zh {
		if en[k] == "" {
			t.Errorf("en.json lacks %q", k)
		}
	}
	for k := range en {
		// English singulars (key.one) stand beside a key both languages have.
		if base, one := strings.CutSuffix(k, ".one"); one && zh[base] != "" {
			continue
		}
		if zh[k] == "" {
			t.Errorf("zh.json lacks %q", k)
		}
	}
	for _, k := range storageErrors {
		if zh[k.key] == "" || en[k.key] == "" {
			t.Errorf("error message %q is not translated", k.key)
		}
	}
}

func TestResolveLanguage(t *testing.T) {
	for _, tt := range []struct{ flag, env, want string }{
		{"en", "zh_CN.UTF-8", "en"},
		{"", "zh_CN.UTF-8", "zh"},
		{"", "en_GB.UTF-8", "en"},
		{"", "C", "zh"},
		{"", "C.UTF-8", "zh"},
		{"", "de_DE.UTF-8", "zh"},
	} {
		t.Setenv("LC_ALL", tt.env)
		t.Setenv("LANGUAGE", "")
		if got := ResolveLanguage(tt.flag); got != tt.want {
			t.Errorf("ResolveLanguage(%q) with locale %q = %q, want %q", tt.flag, tt.env, got, tt.want)
		}
	}
}

// TestLockoutShownInBeijingTime: the lock-out ends at 09:15 in Beijing
// whatever zone the machine is set to.
func TestLockoutShownInBeijingTime(t *testing.T) {
	defer func(l *time.Location) { time.Local = l }(time.Local)
	time.Local = time.FixedZone("EST", -5*3600)
	tr, err := NewTranslator(LangZh)
	if err != nil {
		t.Fatal(err)
	}
	until := time.Date(2026, 11, 27, 1, 15, 0, 0, time.UTC)
	for _, le := range []*storage.LockedError{{Until: until}, {Until: until, Station: true}} {
		if got := tr.Err(le); !strings.Contains(got, "北京时间 09:15") {
			t.Errorf("lock-out shown as %q", got)
		}
	}
}
