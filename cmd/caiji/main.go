// Command caiji is the Caiji desktop app for 会计人员信息采集. It parses the
// flags, opens the data folder and hands the window to package ui.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"time"

	"caiji/assets"
	"caiji/caijipkg"
	"caiji/storage"
	"caiji/ui"
	"caiji/ui/i18n"

	"fyne.io/fyne/v2"
)

// commands are the set-up commands run from a terminal instead of the window.
var commands = map[string]func(args []string, stdin io.Reader, stdout io.Writer) error{
	"admin":   adminCommand,
	"kiosk":   kioskCommand,
	"station": stationMain,
	"export":  exportMain,
	"import":  importMain,
}

func main() {
	if len(os.Args) > 1 {
		cmd, ok := commands[os.Args[1]]
		if (ok || os.Args[1] == "-version") && redirectToConsoleBuild() {
			os.Exit(2)
		}
		if ok {
			if err := cmd(os.Args[2:], os.Stdin, os.Stdout); err != nil {
				fmt.Fprintf(os.Stderr, "caiji %s: %v\n", os.Args[1], err)
				os.Exit(1)
			}
			return
		}
	}
	dataDir := flag.String("data", "", "data folder (default: the per-user application data folder)")
	lang := flag.String("lang", "", "UI language: zh or en (default: the system's, else zh)")
	kiosk := flag.Bool("kiosk", false, "kiosk for many candidates: full screen, sign-out after -idle without activity")
	idle := flag.Duration("idle", 5*time.Minute, "with -kiosk: idle time before the candidate is signed out")
	showVersion := flag.Bool("version", false, "print the version and exit")
	flag.Parse()
	if *showVersion {
		fmt.Println(versionLine())
		return
	}
	if *lang != "" && *lang != i18n.LangZh && *lang != i18n.LangEn {
		fmt.Fprintf(os.Stderr, "caiji: -lang must be zh or en, not %q\n", *lang)
		os.Exit(2)
	}
	dir, err := dataFolder(*dataDir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "caiji: no data folder:", err)
		os.Exit(1)
	}
	preferX11()
	l := i18n.ResolveLanguage(*lang)
	i18n.AlignSystemLocale(l)
	utf8InputLocale()
	tr, err := i18n.NewTranslator(l)
	if err != nil {
		fmt.Fprintln(os.Stderr, "caiji:", err)
		os.Exit(1)
	}

	a := newApp()
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	a.Settings().SetTheme(ui.Theme{})
	w := a.NewWindow(tr.T("app.title"))
	setWindowClass(a)
	w.Resize(ui.StartSize) // fits a 1024×768 screen

	cat, err := catalog(dir)
	if err != nil { // the embedded data is checked by the tests; this is a broken build
		fmt.Fprintln(os.Stderr, "caiji:", err)
		os.Exit(1)
	}
	store, err := storage.Open(dir)
	if err != nil {
		w.SetContent(ui.StartupError(tr, dir, err, a.Quit))
		w.ShowAndRun()
		os.Exit(1)
	}
	defer store.Close()
	worker, stopSync, err := startSync(store, dir)
	if err != nil {
		w.SetContent(ui.StartupError(tr, dir, err, a.Quit))
		w.ShowAndRun()
		os.Exit(1)
	}
	defer stopSync()
	caiji := ui.New(w, store, cat, tr)
	caiji.SetSync(worker)
	if keys, err := caijipkg.LoadOrCreateKeys(dir); err == nil { // startSync loaded them already
		caiji.SetPackages(keys)
	}
	w.SetContent(caiji.Content())
	if *kiosk {
		w.SetFullScreen(true)
		caiji.SignOutWhenIdle(*idle)
	}
	caiji.InterceptClose(*kiosk)
	w.ShowAndRun()
}

// preferX11 selects GLFW's X11 backend on Linux unless the user chose a
// platform: its Wayland backend has no text-input protocol, so fcitx/ibus
// could not reach the app and Chinese names could not be typed. XIM works
// under XWayland too. Without an X display it leaves the choice to GLFW.
func preferX11() {
	if runtime.GOOS != "linux" || os.Getenv("FYNE_PLATFORM") != "" || os.Getenv("DISPLAY") == "" {
		return
	}
	os.Setenv("FYNE_PLATFORM", "x11")
}
