package filedialog

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"caiji/ui/filedialog/native"
	"caiji/ui/i18n"
	"caiji/ui/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// browser is Caiji's own Open dialog, for where the system has none and
// for kiosks: the folders and JPG/PNG images of one folder, the usual
// places (图片, 桌面, 下载, 主目录), and a box to type or paste a path
// (quotes from "copy as path" and a leading ~ are understood). It keeps
// nothing between dialogs.
type browser struct {
	tr      *i18n.Translator
	dir     string
	entries []os.DirEntry // of dir: folders, then images
	where   *widget.Label
	path    *widget.Entry
	list    *widget.List
	msg     *widget.Label
	open    *widgets.Button
	dlg     *dialog.CustomDialog
	chosen  func(string)
}

// showBrowser shows Caiji's dialog at start; chosen gets the file chosen.
func showBrowser(ctx context.Context, o Options, start string, chosen func(string)) *browser {
	t := o.Tr
	b := &browser{tr: t, chosen: chosen, where: widget.NewLabel(""), path: widget.NewEntry(), msg: widget.NewLabel(" ")}
	b.where.Truncation = fyne.TextTruncateEllipsis
	b.msg.Importance = widget.DangerImportance
	b.path.SetPlaceHolder(t.T("files.path_hint"))
	b.path.OnSubmitted = b.enter
	b.list = widget.NewList(func() int { return len(b.entries) + 1 },
		func() fyne.CanvasObject {
			return container.NewBorder(nil, nil, widget.NewIcon(theme.FolderIcon()), nil, widget.NewLabel(""))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			icon, label := row.Objects[1].(*widget.Icon), row.Objects[0].(*widget.Label)
			switch {
			case i == 0:
				icon.SetResource(theme.NavigateBackIcon())
				label.SetText(t.T("files.up"))
			case b.entries[i-1].IsDir():
				icon.SetResource(theme.FolderIcon())
				label.SetText(b.entries[i-1].Name())
			default:
				icon.SetResource(theme.FileImageIcon())
				label.SetText(b.entries[i-1].Name())
			}
		})
	b.list.OnSelected = b.selected
	places := container.NewVBox()
	for _, p := range Places(t) {
		places.Add(widgets.NewIconButton(p.Name, theme.FolderIcon(), func() { b.cd(p.Path) }))
	}
	cancel := widgets.NewButton(t.T("files.cancel"), func() { b.dlg.Hide() })
	b.open = widgets.NewButton(t.T("files.open"), func() { b.enter(b.path.Text) })
	b.open.Importance = widget.HighImportance
	top := container.NewBorder(nil, nil, widget.NewLabel(t.T("files.path")), nil, b.path)
	body := container.NewBorder(container.NewVBox(top, b.where), b.msg, places, nil, b.list)
	b.dlg = dialog.NewCustomWithoutButtons(t.T("files.title"), body, o.Win)
	b.dlg.SetButtons([]fyne.CanvasObject{cancel, b.open})
	size := o.Win.Canvas().Size()
	b.dlg.Resize(fyne.NewSize(max(size.Width*0.9, 560), max(size.Height*0.9, 400)))
	b.cd(start)
	o.Show(b.dlg)
	context.AfterFunc(ctx, func() { fyne.Do(b.dlg.Hide) })
	return b
}

// selected opens a folder, or puts an image's path in the box for 打开.
func (b *browser) selected(i widget.ListItemID) {
	switch {
	case i == 0:
		b.cd(filepath.Dir(b.dir))
	case b.entries[i-1].IsDir():
		b.cd(filepath.Join(b.dir, b.entries[i-1].Name()))
	default:
		b.path.SetText(filepath.Join(b.dir, b.entries[i-1].Name()))
		b.say("")
	}
}

// cd shows dir's folders and images.
func (b *browser) cd(dir string) {
	all, err := os.ReadDir(dir)
	if err != nil {
		b.say(b.tr.T("files.unreadable", dir))
		return
	}
	b.dir, b.entries = dir, nil
	for _, e := range all {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		if isDir(filepath.Join(dir, e.Name())) || IsImage(e.Name()) {
			b.entries = append(b.entries, e)
		}
	}
	slices.SortStableFunc(b.entries, func(x, y os.DirEntry) int {
		if dx, dy := isDir(filepath.Join(dir, x.Name())), isDir(filepath.Join(dir, y.Name())); dx != dy {
			if dx {
				return -1
			}
			return 1
		}
		return strings.Compare(strings.ToLower(x.Name()), strings.ToLower(y.Name()))
	})
	b.where.SetText(dir)
	b.say("")
	b.list.UnselectAll()
	b.list.ScrollToTop()
	b.list.Refresh()
}

// enter takes a typed or pasted path: a folder is shown, an image is
// chosen, anything else is refused with the reason.
func (b *browser) enter(text string) {
	p := strings.Trim(strings.TrimSpace(text), `"'`)
	if rest, ok := strings.CutPrefix(p, "~"); ok {
		home, _ := os.UserHomeDir()
		p = home + rest
	}
	switch {
	case p == "":
		b.say(b.tr.T("files.none"))
	case isDir(p):
		b.path.SetText("")
		b.cd(p)
	case !IsImage(p):
		b.say(b.tr.T("files.not_image", filepath.Base(p)))
	default:
		if _, err := os.Stat(p); err != nil {
			b.say(b.tr.T("files.missing", p))
			return
		}
		b.dlg.Hide()
		b.chosen(p)
	}
}

func (b *browser) say(msg string) {
	if msg == "" {
		msg = " " // the line keeps its height: nothing moves under the mouse
	}
	b.msg.SetText(msg)
}

// Place is a folder offered beside the list.
type Place struct{ Name, Path string }

// Places are the user's 图片, 桌面, 下载 and home folders that exist.
func Places(t *i18n.Translator) []Place {
	home, _ := os.UserHomeDir()
	var out []Place
	for _, p := range []Place{{t.T("files.pictures"), native.UserDir(native.Pictures)}, {t.T("files.desktop"), native.UserDir(native.Desktop)},
		{t.T("files.downloads"), native.UserDir(native.Downloads)}, {t.T("files.home"), home}} {
		if isDir(p.Path) && !slices.ContainsFunc(out, func(q Place) bool { return q.Path == p.Path }) {
			out = append(out, p)
		}
	}
	return out
}
