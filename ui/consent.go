package ui

import (
	"slices"

	"caiji/domain"
	"caiji/ui/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// consentAsk is the dialog that asks a signed-in candidate to agree to the
// personal-information notice before anything more is collected.
type consentAsk struct {
	dialog  dialog.Dialog
	check   *widgets.CheckBox
	agree   *widgets.Button
	decline *widgets.Button
}

// askConsent asks the signed-in candidate to agree to the current
// personal-information notice when no consent to its text is on record:
// an account from before consents were recorded, one restored from the hub
// on this PC, or everyone after the text changed. Declining signs out;
// storage refuses every edit until they agree, whatever this dialog did.
func (a *App) askConsent() {
	sess, t := a.sess, a.tr
	given, err := a.store.Consents(sess.Context(), sess.ID)
	if err != nil {
		sess.ShowError(err)
		return
	}
	n := a.store.Notices()[domain.NoticePersonal]
	if !n.Asks(given) {
		return
	}
	intro := "consent.ask_first"
	if slices.ContainsFunc(given, func(c domain.Consent) bool { return c.Notice == n.Kind }) {
		intro = "consent.ask_changed"
	}
	ask := &consentAsk{}
	why := widget.NewLabel(t.T(intro))
	why.Wrapping = fyne.TextWrapWord
	msg := widgets.StatusLabel()
	ask.agree = widgets.NewButton(t.T("consent.continue"), func() {
		if err := a.store.Agree(sess.Context(), sess.ID, n.Kind, n.Digest); err != nil {
			widgets.SetStatus(msg, t.Err(err), widget.DangerImportance)
			return
		}
		ask.dialog.Hide()
		a.consent = nil
	})
	ask.agree.Importance = widget.HighImportance
	ask.agree.Disable()
	ask.decline = widgets.NewButton(t.T("consent.decline"), func() {
		ask.dialog.Hide()
		a.consent = nil
		a.signOut()
	})
	var box fyne.CanvasObject
	ask.check, box = widgets.Notice(t.Msg(n.Title), t.Msg(n.Text), t.T("consent.agree_personal"), func(on bool) {
		if on {
			ask.agree.Enable()
		} else {
			ask.agree.Disable()
		}
	})
	content := container.NewVBox(why, box, msg, container.NewHBox(ask.decline, ask.agree))
	ask.dialog = dialog.NewCustomWithoutButtons(t.T("consent.ask_title"), content, a.win)
	ask.dialog.Resize(fyne.NewSize(640, 0))
	a.consent = ask
	sess.Show(ask.dialog)
}
