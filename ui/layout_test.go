package ui

import (
	"testing"
)

// TestScreensFitTheWindow: no step is wider than the window leaves it
// (1180 px less the navigator), in either language, with a full record; a
// long unwrapped text would push the window past the screen's edge.
func TestScreensFitTheWindow(t *testing.T) {
	a, _ := newTestApp(t, LangZh)
	s := signUp(t, a, "110101199003079913", "张三", "13800138000")
	fillEmployed(s)
	for _, lang := range []string{LangZh, LangEn} {
		tr, _ := NewTranslator(lang)
		a.tr = tr
		a.layoutTabs()
		s.settle()
		nav := float32(0)
		for _, it := range a.tabs.Items {
			if w := estimateText(it.Text); w > nav {
				nav = w
			}
		}
		for _, st := range a.steps {
			if w := st.build().MinSize().Width; w+nav > 1180 {
				t.Errorf("%s: step %s is %.0f px wide (+%.0f navigator)", lang, st.key(), w, nav)
			}
		}
	}
}

// estimateText is a generous width of a navigator label.
func estimateText(s string) float32 { return float32(len([]rune(s))) * 11 }
