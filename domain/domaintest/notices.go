package domaintest

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"caiji/assets"
	"caiji/domain"
)

// Reworded returns the shipped notices with the Chinese text of kind
// lengthened by one sentence: a new version of that notice, which everyone
// must agree to again.
func Reworded(t testing.TB, kind domain.NoticeKind) domain.Notices {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(assets.Consent, "consent", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(assets.Consent, path)
		if path == "consent/"+string(kind)+".zh.txt" {
			data = append(data, "\n本告知已更新。"...)
		}
		m[strings.TrimPrefix(path, "consent/")] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	n, err := domain.LoadNotices(m)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
