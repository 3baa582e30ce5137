package domain_test

import (
	"encoding/json"
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"caiji/assets"
	"caiji/domain"
)

// shipped is the notices compiled into the app.
func shipped(t *testing.T) domain.Notices {
	t.Helper()
	sub, err := fs.Sub(assets.Consent, "consent")
	if err != nil {
		t.Fatal(err)
	}
	ns, err := domain.LoadNotices(sub)
	if err != nil {
		t.Fatal(err)
	}
	return ns
}

// copyOf is the shipped notice files as a MapFS to change.
func copyOf(t *testing.T) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(assets.Consent, "consent", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(assets.Consent, path)
		m[strings.TrimPrefix(path, "consent/")] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestNoticesShipped(t *testing.T) {
	ns := shipped(t)
	seen := map[string]bool{}
	for _, k := range domain.NoticeKinds() {
		n := ns[k]
		if n == nil || n.Title.Zh == "" || n.Title.En == "" || len(n.Text.Zh) < 100 || len(n.Text.En) < 100 {
			t.Fatalf("notice %s incomplete: %+v", k, n)
		}
		if len(n.Digest) != 64 || seen[n.Digest] {
			t.Errorf("notice %s digest %q", k, n.Digest)
		}
		seen[n.Digest] = true
	}
	// The sensitive notice names what it covers, as PIPL art. 30 asks.
	for _, w := range []string{"身份证件", "人脸", "必要性", "撤回"} {
		if !strings.Contains(ns[domain.NoticeSensitive].Text.Zh, w) {
			t.Errorf("the sensitive notice does not mention %s", w)
		}
	}
}

// TestConsentAskedAgain: a consent answers the notice it was given for,
// until its text changes in either language; line ends and trailing space
// are not changes.
func TestConsentAskedAgain(t *testing.T) {
	n := shipped(t)[domain.NoticePersonal]
	at := time.Date(2026, 11, 27, 9, 0, 0, 0, domain.Shanghai)
	c := n.Agree(at)
	if c.Notice != domain.NoticePersonal || c.Digest != n.Digest || !c.At.Equal(at) {
		t.Fatalf("Agree = %+v", c)
	}
	if !n.Asks(nil) {
		t.Error("no consent yet, but the notice does not ask")
	}
	if n.Asks([]domain.Consent{c}) {
		t.Error("asks again right after consent")
	}
	if other := shipped(t)[domain.NoticeSensitive]; !other.Asks([]domain.Consent{c}) {
		t.Error("consent to the personal notice answered the sensitive one")
	}
	for _, tt := range []struct {
		name  string
		edit  func(string) string
		file  string
		again bool
	}{
		{"CRLF line ends", func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }, "personal.zh.txt", false},
		{"trailing blank lines", func(s string) string { return s + "\n\n  \n" }, "personal.en.txt", false},
		{"a changed word in Chinese", func(s string) string { return strings.Replace(s, "目的", "用途", 1) }, "personal.zh.txt", true},
		{"a changed title in English", func(s string) string { return "Notice" + s }, "personal.en.txt", true},
		{"the other notice changed", func(s string) string { return s + " 另有补充。" }, "sensitive.zh.txt", false},
	} {
		m := copyOf(t)
		m[tt.file].Data = []byte(tt.edit(string(m[tt.file].Data)))
		ns, err := domain.LoadNotices(m)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if got := ns[domain.NoticePersonal].Asks([]domain.Consent{c}); got != tt.again {
			t.Errorf("%s: asks again = %v, want %v", tt.name, got, tt.again)
		}
		// A consent to the new text answers it, whatever older ones say.
		if n2 := ns[domain.NoticePersonal]; n2.Asks([]domain.Consent{c, n2.Agree(at.Add(time.Hour))}) {
			t.Errorf("%s: consent to the new text does not count", tt.name)
		}
	}
}

func TestRequireConsent(t *testing.T) {
	n := shipped(t)[domain.NoticeSensitive]
	err := domain.RequireConsent(n, nil)
	var ce *domain.ConsentError
	if !errors.As(err, &ce) || ce.Notice != domain.NoticeSensitive || ce.Msg().Zh == "" || ce.Msg().En == "" {
		t.Fatalf("RequireConsent without consent = %v", err)
	}
	if err := domain.RequireConsent(n, []domain.Consent{n.Agree(time.Now())}); err != nil {
		t.Errorf("RequireConsent after consent = %v", err)
	}
}

func TestConsentJSON(t *testing.T) {
	c := shipped(t)[domain.NoticePersonal].Agree(time.Date(2026, 11, 27, 1, 2, 3, 0, time.UTC))
	data, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	var back domain.Consent
	if err := json.Unmarshal(data, &back); err != nil || back != c {
		t.Errorf("%s → %+v, %v", data, back, err)
	}
}

func TestLoadNoticesRefuses(t *testing.T) {
	m := copyOf(t)
	delete(m, "sensitive.en.txt")
	if _, err := domain.LoadNotices(m); err == nil {
		t.Error("a missing notice file loads")
	}
	m = copyOf(t)
	m["personal.zh.txt"].Data = []byte("只有标题\n\n")
	if _, err := domain.LoadNotices(m); err == nil {
		t.Error("a notice without text loads")
	}
}
