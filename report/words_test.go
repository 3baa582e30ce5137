package report

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// TestWordsComplete: every key the sheet asks for by name is translated in
// both languages (a missing one would print as the key itself).
func TestWordsComplete(t *testing.T) {
	call := regexp.MustCompile(`\.T\("([a-z0-9_.]*[a-z0-9_])"`)
	used := map[string]bool{}
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
	// Built from data: the real-name statuses.
	for _, s := range []string{"pending", "verified", "failed"} {
		used["realname.status."+s] = true
	}
	if len(used) < 40 {
		t.Fatalf("found only %d keys: the scan is broken", len(used))
	}
	for _, lang := range []string{"zh", "en"} {
		w, err := loadWords(lang)
		if err != nil {
			t.Fatal(err)
		}
		for k := range used {
			if w.Msgs[k] == "" {
				t.Errorf("%s lacks %q", lang, k)
			}
		}
	}
}
