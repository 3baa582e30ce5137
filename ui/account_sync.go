package ui

import (
	"context"
	"slices"
	"strings"

	"caiji/domain"

	"caiji/storage"
	"caiji/ui/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// addSyncCards adds to 账户 what the station's kind needs of sync: on a
// home PC the hub's address and, signed in, 保存草稿到服务器; on a kiosk the
// receipt lookup.
func (s *accountScreen) addSyncCards() {
	info, err := s.app.store.StationInfo(context.Background())
	switch {
	case err != nil:
	case info.Kind == storage.StationCandidate:
		s.signedOutBox.Add(s.hubCard(info.Hub))
		s.keepDraft = widget.NewCheck(s.app.tr.T("sync.keep_draft"), s.setKeepDraft)
		// With the account's other choices, above 退出登录 and the step
		// footer, which end the card.
		box := s.signedInBox
		at := slices.Index(box.Objects, fyne.CanvasObject(s.logoutBtn))
		box.Objects = slices.Insert(box.Objects, at, fyne.CanvasObject(s.keepDraft))
		box.Refresh()
		s.showDraftChoice()
	case info.Kind == storage.StationKiosk:
		s.signedOutBox.Add(s.receiptCard())
	}
}

// hubCard is the hub's address on a home PC: where what is submitted here
// goes once the PC is online. It is prefilled with what the app was
// shipped with; a kiosk or review station is connected from the command
// line instead.
func (s *accountScreen) hubCard(hub string) fyne.CanvasObject {
	a, t := s.app, s.app.tr
	entry := widget.NewEntry()
	entry.SetPlaceHolder("https://…")
	entry.SetText(hub)
	msg := widgets.StatusLabel()
	save := widget.NewButton(t.T("sync.hub.save"), func() {
		if err := a.store.SetHub(context.Background(), entry.Text); err != nil {
			widgets.SetStatus(msg, t.Err(err), widget.DangerImportance)
			return
		}
		widgets.SetStatus(msg, t.T("sync.hub.saved"), widget.SuccessImportance)
		a.sync.sendNow()
	})
	s.hubEntry = entry
	note := widget.NewLabel(t.T("sync.hub.note"))
	note.Wrapping = fyne.TextWrapWord
	return widget.NewCard(t.T("sync.hub.title"), "", container.NewVBox(
		widgets.FormGrid(widgets.NewField(t.T("sync.hub.address"), entry)), container.NewHBox(save), msg, note))
}

// receiptCard lets a candidate at a kiosk that has forgotten them look up,
// by the code they were shown at submission, whether and when the hub
// received their record. The kiosk keeps only the receipt: no name, no ID
// number.
func (s *accountScreen) receiptCard() fyne.CanvasObject {
	a, t := s.app, s.app.tr
	entry := widget.NewEntry()
	entry.SetPlaceHolder("XXXX-XXXX")
	msg := widgets.StatusLabel()
	look := func() {
		code := strings.ToUpper(strings.TrimSpace(entry.Text))
		rc, err := a.store.ReceiptByCode(context.Background(), code)
		if err != nil {
			widgets.SetStatus(msg, t.T("receipt.not_found", code), widget.DangerImportance)
			return
		}
		widgets.SetStatus(msg, t.T("receipt.found", rc.Version, rc.ReceivedAt.In(domain.Shanghai).Format("2006-01-02 15:04")), widget.SuccessImportance)
	}
	entry.OnSubmitted = func(string) { look() }
	s.receiptEntry = entry
	return widget.NewCard(t.T("receipt.title"), t.T("receipt.subtitle"), container.NewVBox(
		widgets.FormGrid(widgets.NewField(t.T("result.receipt_code"), entry)), container.NewHBox(widget.NewButton(t.T("receipt.look_up"), look)), msg))
}

// showDraftChoice shows a signed-in candidate's 保存草稿到服务器 as stored.
func (s *accountScreen) showDraftChoice() {
	if s.keepDraft == nil {
		return
	}
	sess := s.app.sess
	if sess == nil || sess.Account.Role != storage.RoleCandidate {
		s.keepDraft.Hide()
		return
	}
	keep, _ := s.app.store.KeepsDraftOnHub(sess.Context(), sess.ID)
	on := s.keepDraft.OnChanged
	s.keepDraft.OnChanged = nil // showing the stored choice is not a change
	s.keepDraft.SetChecked(keep)
	s.keepDraft.OnChanged = on
	s.keepDraft.Show()
}

// setKeepDraft stores the choice and sends the draft at once.
func (s *accountScreen) setKeepDraft(keep bool) {
	sess := s.app.sess
	if sess == nil {
		return
	}
	if err := s.app.store.SetKeepDraftOnHub(sess.Context(), sess.ID, keep); err != nil {
		s.app.showError(err)
		return
	}
	s.app.sync.sendNow()
}
