package ui

import (
	"testing"

	"caiji/domain"
	"caiji/domain/domaintest"
	"caiji/ui/i18n"
)

// TestEveryStepFitsASmallScreen: on a 1024×768 screen (less a taskbar and
// a title bar: StartSize) every step of a filled record, in both
// languages, and the 账户 screen signed out, fit the window: no screen
// needs a window larger than the one Caiji starts with.
func TestEveryStepFitsASmallScreen(t *testing.T) {
	for _, lang := range []string{i18n.LangZh, i18n.LangEn} {
		t.Run(lang, func(t *testing.T) {
			a, store := newTestApp(t, lang)
			a.win.Resize(StartSize)
			fits := func(what string) {
				t.Helper()
				if m := a.Content().MinSize(); m.Width > StartSize.Width || m.Height > StartSize.Height {
					t.Errorf("%s needs %v, more than %v", what, m, StartSize)
				}
			}
			fits("账户, signed out")
			signUp(t, a, "110101199003079913", "张三", "13800138000")
			if _, err := store.UpdateRecord(t.Context(), a.sess.ID, a.coll.Record().ID, func(r *domain.Record) {
				v := domaintest.ValidRecord() // its fields, not its images (never stored here)
				v.ID, v.Version, v.Status, v.Basic = r.ID, r.Version, r.Status, r.Basic
				v.RealName.Front, v.RealName.Back, v.RealName.Handheld, v.Enrolment, v.Residence = nil, nil, nil, nil, nil
				for i := range v.Education {
					v.Education[i].Diploma, v.Education[i].DegreeCert = nil, nil
				}
				for i := range v.Qualifications {
					v.Qualifications[i].Cert = nil
				}
				for i := range v.Work {
					v.Work[i].SocialInsurance = nil
					for j := range v.Work[i].Posts {
						v.Work[i].Posts[j].Appointment, v.Work[i].Posts[j].Proof = nil, nil
					}
				}
				*r = *v
			}); err != nil {
				t.Fatal(err)
			}
			login(t, a, "13800138000", "Abcdef12!")
			for _, key := range a.keys {
				a.Select(key)
				fits(key)
			}
		})
	}
}
