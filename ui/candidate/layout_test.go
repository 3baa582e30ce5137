package candidate

import (
	"testing"

	"caiji/ui/i18n"
)

// TestScreensFitTheWindow: no step is wider than the window leaves it
// (1180 px less the navigator), in either language, with a full record; a
// long unwrapped text would push the window past the screen's edge.
func TestScreensFitTheWindow(t *testing.T) {
	store := openStore(t)
	s := signUp(t, store, "110101199003079913", "张三", "13800138000")
	fillEmployed(s)
	s.sess.End()
	for _, lang := range []string{i18n.LangZh, i18n.LangEn} {
		in, err := store.Login(t.Context(), "13800138000", "Abcdef12!")
		if err != nil {
			t.Fatal(err)
		}
		h := open(t, store, in, lang)
		h.settle()
		nav := float32(0)
		for _, k := range append([]string{"account"}, h.c.Keys()...) {
			if w := estimateText(h.sess.Tr.T("step." + k)); w > nav {
				nav = w
			}
		}
		for _, st := range h.ed.steps {
			if w := st.build().MinSize().Width; w+nav > 1180 {
				t.Errorf("%s: step %s is %.0f px wide (+%.0f navigator)", lang, st.key(), w, nav)
			}
		}
	}
}

// estimateText is a generous width of a navigator label.
func estimateText(s string) float32 { return float32(len([]rune(s))) * 11 }
