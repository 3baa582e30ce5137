package ui

import (
	"context"
	"errors"
	"strings"
	"time"

	"caiji/storage"
	"caiji/syncer"
	"caiji/ui/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// connectCard is 连接中心 for a kiosk's or review station's staff: the
// hub's address and the one-time code its administrator gave, as `caiji
// station connect` takes them.
func (s *syncUI) connectCard() fyne.CanvasObject {
	t := s.app.tr
	hub, code := widget.NewEntry(), widget.NewEntry()
	hub.SetPlaceHolder("https://…")
	hub.SetText(s.last.Hub)
	code.SetPlaceHolder("XXXX-XXXX-XXXX-XXXX")
	msg := widgets.StatusLabel()
	var btn *widget.Button
	btn = widget.NewButton(t.T("sync.connect"), func() {
		btn.Disable()
		addr, c := strings.TrimSpace(hub.Text), strings.TrimSpace(code.Text)
		go func() {
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			st, err := s.worker.Connect(ctx, addr, c)
			fyne.Do(func() {
				btn.Enable()
				var he *syncer.HubError
				switch {
				case errors.As(err, &he):
					widgets.SetStatus(msg, hubMessage(t.Lang(), he.Body), widget.DangerImportance)
				case errors.Is(err, storage.ErrWrongStationKind):
					widgets.SetStatus(msg, t.T("sync.connect.wrong_kind"), widget.DangerImportance)
				case err != nil:
					widgets.SetStatus(msg, t.Err(err), widget.DangerImportance)
				default:
					code.SetText("")
					widgets.SetStatus(msg, t.T("sync.connect.done", st.Name), widget.SuccessImportance)
				}
			})
		}()
	})
	s.connectHub, s.connectCode, s.connectBtn = hub, code, btn
	form := widgets.FormGrid(widgets.NewField(t.T("sync.hub.address"), hub), widgets.NewField(t.T("sync.connect.code"), code))
	return widget.NewCard(t.T("sync.connect.title"), "", container.NewVBox(form, container.NewHBox(btn), msg))
}
