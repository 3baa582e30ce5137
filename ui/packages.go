package ui

import (
	"caiji/caijipkg"
	"caiji/ui/packages"

	"fyne.io/fyne/v2"
)

// SetPackages gives the staff of a station that never goes online the
// 数据包 tab (export and import of .caiji packages), with the station's
// keys; call it before Content.
func (a *App) SetPackages(keys *caijipkg.Keys) {
	a.stationKeys = keys
	a.Relayout()
}

// packagesTab adds the 数据包 tab for the signed-in administrator.
func (a *App) packagesTab(add func(key, title string, content fyne.CanvasObject)) {
	if a.stationKeys == nil {
		return
	}
	add("packages", a.tr.T("tab.packages"), packages.New(a.sess, a.stationKeys).Content())
}
