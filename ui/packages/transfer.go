package packages

import (
	"sort"
	"strings"

	"caiji/domain"
	"caiji/exchange"
	"caiji/wire"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

// chooseExport asks for the folder (the USB stick) and exports into it.
func (s *Screen) chooseExport() {
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil || dir == nil {
			return
		}
		s.Export(dir.Path())
	}, s.sess.Win)
	s.sess.Show(d)
}

// chooseImport asks for a .caiji file and imports it.
func (s *Screen) chooseImport() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		s.Import(path)
	}, s.sess.Win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".caiji"}))
	s.sess.Show(d)
}

// Export writes the station's packages into dir off the UI goroutine, and
// lists them (and what had no recipient) when done.
func (s *Screen) Export(dir string) {
	t := s.sess.Tr
	s.running(true)
	s.say(t.T("pkg.exporting"), widget.MediumImportance)
	go func() {
		res, err := exchange.ExportAs(s.sess.Context(), s.sess.Store, s.sess.ID, s.keys, dir, exchange.ExportOptions{Progress: s.progress})
		s.sess.Do(func() {
			defer s.finished()
			s.running(false)
			if res != nil {
				for _, w := range res.Packages {
					what := strings.Join(w.Departments, "、")
					if w.Station != "" {
						what = t.T("pkg.to_station", w.Station[:8])
					}
					s.line(t.T("pkg.written", w.Path, w.Items, what), widget.SuccessImportance)
				}
				codes := make([]string, 0, len(res.Waiting))
				for c := range res.Waiting {
					codes = append(codes, c)
				}
				sort.Strings(codes)
				for _, c := range codes {
					s.line(t.T("pkg.waiting", c, res.Waiting[c]), widget.WarningImportance)
				}
			}
			if err != nil {
				s.fail(err)
				return
			}
			s.say(t.T("pkg.exported", len(res.Packages)), widget.SuccessImportance)
		})
	}()
}

// Import verifies the package at path off the UI goroutine; a station not
// accepted yet is shown with its fingerprint for the administrator to
// accept; then the package is stored and its summary shown.
func (s *Screen) Import(path string) {
	t := s.sess.Tr
	s.running(true)
	s.say(t.T("pkg.verifying"), widget.MediumImportance)
	go func() {
		in, err := exchange.Open(s.sess.Context(), s.sess.Store, s.keys, path, s.progress)
		s.sess.Do(func() {
			if err != nil {
				defer s.finished()
				s.running(false)
				s.fail(err)
				return
			}
			if in.Trust == exchange.Known {
				s.store(in)
				return
			}
			key := "pkg.accept.unknown"
			if in.Trust == exchange.KeyChanged {
				key = "pkg.accept.changed"
			}
			s.accept = dialog.NewConfirm(t.T("pkg.accept.title"), t.T(key, in.Station, in.Fingerprint, in.Items), func(ok bool) {
				if !ok {
					in.Close()
					s.running(false)
					s.say(t.T("pkg.not_accepted"), widget.WarningImportance)
					s.finished()
					return
				}
				s.store(in)
			}, s.sess.Win)
			s.accept.SetConfirmText(t.T("pkg.accept.ok"))
			s.accept.SetDismissText(t.T("pkg.accept.no"))
			s.sess.Show(s.accept)
		})
	}()
}

// store imports a verified package, its station accepted.
func (s *Screen) store(in *exchange.Incoming) {
	t := s.sess.Tr
	s.say(t.T("pkg.storing"), widget.MediumImportance)
	go func() {
		defer in.Close()
		sum, err := in.ImportAs(s.sess.Context(), s.sess.Store, s.sess.ID, s.sess.Cat, true, s.progress)
		s.sess.Do(func() {
			defer s.finished()
			s.running(false)
			if err != nil {
				s.fail(err)
				return
			}
			imp := widget.SuccessImportance
			if len(sum.Refused) > 0 {
				imp = widget.WarningImportance
			}
			s.say(sum.Line(t.Lang()), imp)
			for _, r := range sum.Refused {
				s.line(t.T("pkg.refused", r.Index, r.ID, message(t.Lang(), r.Why)), widget.DangerImportance)
			}
			for _, d := range sum.Decisions {
				verdict := t.T("pkg.verdict.pass")
				if d.Verdict != wire.Pass {
					verdict = t.T("pkg.verdict.reject", strings.Join(d.Reasons, "、"))
				}
				s.line(t.T("pkg.decision", d.Receipt, verdict, d.At.In(domain.Shanghai).Format("2006-01-02 15:04")), widget.MediumImportance)
			}
		})
	}()
}

// message is a refusal's reason in lang, with the pre-audit's first error.
func message(lang string, e wire.Error) string {
	m := domain.Msg{Zh: e.Zh, En: e.En}.In(lang)
	for _, p := range e.Problems {
		if p.Severity == "error" {
			return m + ": " + domain.Msg{Zh: p.Zh, En: p.En}.In(lang)
		}
	}
	return m
}
