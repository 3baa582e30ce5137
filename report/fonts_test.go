package report

import "testing"

// TestFaceFor: Latin goes to the Go fonts, hanzi to the CJK font, and what
// neither draws — or fpdf cannot (beyond the BMP) — to a □ every Go face has.
func TestFaceFor(t *testing.T) {
	fs, err := loadFaces()
	if err != nil {
		t.Fatal(err)
	}
	m := newMetrics(fs)
	for _, st := range []style{plain, bold, mono} {
		if !m.has(fs.latin[st], missing) {
			t.Errorf("style %d: the Go face has no %q", st, missing)
		}
		for _, tt := range []struct {
			in   rune
			face *face
			out  rune
		}{
			{'A', fs.latin[st], 'A'},
			{'张', fs.cjk, '张'},
			{'（', fs.cjk, '（'},
			{'\t', fs.latin[st], ' '},
			{0x20BB7, fs.latin[st], missing}, // 𠮷, Extension B
			{0x1F600, fs.latin[st], missing}, // an emoji
			{0xE000, fs.latin[st], missing},  // private use
		} {
			if f, r := m.faceFor(tt.in, st); f != tt.face || r != tt.out {
				t.Errorf("style %d: faceFor(%q) = %s %q, want %s %q", st, tt.in, f.family, r, tt.face.family, tt.out)
			}
		}
	}
	if w := m.width('张', plain, 10); w < 3.4 || w > 3.6 {
		t.Errorf("a hanzi at 10 pt is %.2f mm wide, want one em (3.53 mm)", w)
	}
}
