package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"caiji/storage"
)

// TestTranslationsComplete fails when a key exists in one language and not
// the other, or when the code asks for a key neither has.
func TestTranslationsComplete(t *testing.T) {
	zh, err := loadMessages(LangZh)
	if err != nil {
		t.Fatal(err)
	}
	en, err := loadMessages(LangEn)
	if err != nil {
		t.Fatal(err)
	}
	for k := range zh {
		if en[k] == "" {
			t.Errorf("en.json lacks %q", k)
		}
	}
	for k := range en {
		if zh[k] == "" {
			t.Errorf("zh.json lacks %q", k)
		}
	}
	used := map[string]bool{}
	for _, k := range stepKeys {
		used["step."+k] = true
		used["step."+k+".intro"] = true
	}
	for _, k := range storageErrors {
		used[k.key] = true
	}
	// Keys built from data: statuses, scopes, picker modes, admin switches.
	for _, k := range []string{"realname.status.pending", "realname.status.verified", "realname.status.failed",
		"notice.needs.A", "notice.needs.B", "notice.needs.C", "picker.hint.photo", "picker.hint.document",
		"admin.disable", "admin.enable", "account.next_steps.candidate", "account.next_steps.reviewer", "account.next_steps.admin"} {
		used[k] = true
	}
	// Every literal T("…") in the package's source.
	call := regexp.MustCompile(`\.T\("([a-z0-9_.]*[a-z0-9_])"`)
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range call.FindAllSubmatch(src, -1) {
			used[string(m[1])] = true
		}
	}
	if len(used) < 20 {
		t.Fatalf("found only %d keys in use: the scan is broken", len(used))
	}
	for k := range used {
		if zh[k] == "" {
			t.Errorf("key %q is used but not translated", k)
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
