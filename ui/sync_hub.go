package ui

import (
	"context"

	"caiji/storage"
	"caiji/ui/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// addHubCard adds to 账户, on a home PC, the hub's address: where what is
// submitted here goes once the PC is online. It is prefilled with what the
// app was shipped with; a kiosk or review station is connected from the
// command line instead.
func (s *accountScreen) addHubCard() {
	a, t := s.app, s.app.tr
	info, err := a.store.StationInfo(context.Background())
	if err != nil || info.Kind != storage.StationCandidate {
		return
	}
	entry := widget.NewEntry()
	entry.SetPlaceHolder("https://…")
	entry.SetText(info.Hub)
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
	card := widget.NewCard(t.T("sync.hub.title"), "", container.NewVBox(
		widgets.FormGrid(widgets.NewField(t.T("sync.hub.address"), entry)), container.NewHBox(save), msg, note))
	s.signedOutBox.Add(card)
}
