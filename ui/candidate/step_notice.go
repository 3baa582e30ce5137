package candidate

import (
	"caiji/ui/widgets"

	"caiji/domain"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// noticeStep is 采集须知 and the 采集范围 choice. The scope decides which
// later sections and attachments are required, and this screen says which.
type noticeStep struct{ baseStep }

func newNoticeStep(ed *editor) *noticeStep {
	return &noticeStep{newBase(ed, "notice", "notice", "scopes")}
}

func (s *noticeStep) build() fyne.CanvasObject {
	b, t := s.fresh(), s.ed.sess.Tr
	text := widget.NewRichTextFromMarkdown(t.T("notice.text"))
	text.Wrapping = fyne.TextWrapWord
	_, read := b.check("notice", t.T("notice.read"), func(r *domain.Record) bool { return r.NoticeRead },
		func(r *domain.Record, on bool) { r.NoticeRead = on })
	scopes := container.NewVBox()
	for _, o := range s.ed.sess.Cat.Options.Scopes {
		sc := domain.Scope(o.Code)
		_, c := b.check("scopes."+o.Code, t.Msg(o.Name()), func(r *domain.Record) bool { return r.HasScope(sc) },
			func(r *domain.Record, on bool) { r.SetScope(sc, on) }) // A and C exclude each other
		s.rebuildOnChange(c)
		needs := widget.NewLabel(t.T("notice.needs." + o.Code))
		needs.Wrapping = fyne.TextWrapWord
		needs.Importance = widget.LowImportance
		scopes.Add(container.NewVBox(c.Input, container.NewPadded(needs)))
	}
	scopeField := s.ed.register("scopes", widgets.NewField(t.T("notice.scope"), scopes))
	return container.NewVBox(s.header(), widget.NewCard(t.T("notice.title"), "", text), fieldBox(read),
		widget.NewLabelWithStyle(t.T("notice.scope"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), fieldBox(scopeField))
}

// chain runs f, then g.
func chain[T any](f, g func(T)) func(T) {
	return func(v T) {
		if f != nil {
			f(v)
		}
		g(v)
	}
}
