package ui

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"caiji/assets"
	"caiji/ui/candidate"
)

// messages are the UI strings of lang as shipped.
func messages(t *testing.T, lang string) map[string]string {
	t.Helper()
	data, err := assets.I18n.ReadFile("i18n/" + lang + ".json")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]string
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// TestUsedKeysTranslated: every key the screens ask for — a literal
// T("…") anywhere under ui/, a step's title and introduction, and the keys
// built from data — has a text in both languages.
func TestUsedKeysTranslated(t *testing.T) {
	used := map[string]bool{}
	for _, k := range append([]string{"account"}, candidate.StepKeys...) {
		used["step."+k] = true
		used["step."+k+".intro"] = true
	}
	// Keys built from data: statuses, scopes, picker modes, admin switches.
	for _, k := range []string{"realname.status.pending", "realname.status.verified", "realname.status.failed",
		"notice.needs.A", "notice.needs.B", "notice.needs.C", "picker.hint.photo", "picker.hint.document",
		"admin.disable", "admin.enable", "account.next_steps.candidate", "account.next_steps.reviewer", "account.next_steps.admin",
		"account.signed_in_by.id_number", "account.signed_in_by.phone"} {
		used[k] = true
	}
	call := regexp.MustCompile(`\.[TN]\("([a-z0-9_.]*[a-z0-9_])"`)
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		src, err := os.ReadFile(path)
		for _, m := range call.FindAllSubmatch(src, -1) {
			used[string(m[1])] = true
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(used) < 100 {
		t.Fatalf("found only %d keys in use: the scan is broken", len(used))
	}
	zh, en := messages(t, "zh"), messages(t, "en")
	for k := range used {
		if zh[k] == "" || en[k] == "" {
			t.Errorf("key %q is used but not translated", k)
		}
	}
}
