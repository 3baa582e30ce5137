package domain

import (
	"testing"
	"time"
)

// TestChanges: a 信息变更's list holds exactly the fields the candidate
// changed — a text field, a row added, an image replaced, an image removed —
// with old and new values, and none of what the workflow writes.
func TestChanges(t *testing.T) {
	photo := &Attachment{SHA256: "aa", Kind: AttPhoto, Width: 295, Height: 413}
	diploma := &Attachment{SHA256: "bb", Kind: AttDiploma}
	old := &Record{ID: "r1", Version: 3, Status: StatusApproved,
		Basic:     Basic{Name: "张三", Phone: "13800138000", Photo: photo, Birth: NewMonth(1990, 3)},
		Education: []Education{{School: "北京工商大学", Diploma: diploma}}}
	changed := *old
	changed.Version, changed.Status, changed.SubmittedAt = 5, StatusChangeSubmitted, time.Now()
	changed.Basic.Phone = "13900139000"
	changed.Basic.Photo = &Attachment{SHA256: "cc", Kind: AttPhoto, Width: 300, Height: 420}
	changed.Education = []Education{{School: "北京工商大学"}, {School: "中央财经大学"}}

	got := Changes(old, &changed)
	want := map[string][2]string{
		"basic.phone":          {"13800138000", "13900139000"},
		"basic.photo":          {"aa", "cc"},
		"education[0].diploma": {"bb", ""},
		"education[1].school":  {"", "中央财经大学"},
		"education[1].start":   {"", ""},
	}
	seen := map[string]bool{}
	for _, c := range got {
		seen[c.Path] = true
		if c.Image() {
			sha := func(a *Attachment) string {
				if a == nil {
					return ""
				}
				return a.SHA256
			}
			if w, ok := want[c.Path]; !ok || sha(c.OldImage) != w[0] || sha(c.NewImage) != w[1] {
				t.Errorf("image change %s: %v → %v", c.Path, c.OldImage, c.NewImage)
			}
			continue
		}
		if w, ok := want[c.Path]; ok && (c.Old != w[0] || c.New != w[1]) {
			t.Errorf("%s: %q → %q, want %q → %q", c.Path, c.Old, c.New, w[0], w[1])
		}
		if c.Old == c.New {
			t.Errorf("%s listed unchanged: %q", c.Path, c.Old)
		}
	}
	for _, p := range []string{"basic.phone", "basic.photo", "education[0].diploma", "education[1].school"} {
		if !seen[p] {
			t.Errorf("%s changed but is not listed", p)
		}
	}
	for _, p := range []string{"version", "status", "submitted_at", "basic.name", "education[0].school", "basic.birth", "education[1].foreign", "education[1].start"} {
		if seen[p] {
			t.Errorf("%s listed, but the candidate did not change it", p)
		}
	}
	if c := Changes(old, old); len(c) != 0 {
		t.Errorf("a record against itself: %v", c)
	}
}

// BenchmarkChanges measures the diff a 信息变更 review computes on opening.
func BenchmarkChanges(b *testing.B) {
	old := &Record{Basic: Basic{Name: "张三", Photo: &Attachment{SHA256: "aa"}}, Education: make([]Education, 3), Work: make([]Work, 4)}
	for i := range old.Work {
		old.Work[i].Posts = make([]AccountingPost, 3)
	}
	changed := *old
	changed.Work = append([]Work{}, old.Work...)
	changed.Work[3].Address = "北京市海淀区中关村大街2号"
	b.ReportAllocs()
	for b.Loop() {
		Changes(old, &changed)
	}
}
