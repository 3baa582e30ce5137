//go:build linux || freebsd || netbsd || openbsd

package native

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/godbus/dbus/v5"
	"github.com/rymdport/portal/filechooser"
)

// Open shows the XDG desktop portal's file chooser (GNOME's, KDE's, or
// GTK's, as the desktop provides), filtered to the image extensions in
// both cases, starting in start. Without a session bus or a portal that
// answers, it reports ErrUnavailable at once. Ending ctx closes the chooser
// through the portal's Request.Close.
func Open(ctx context.Context, r Request) (string, error) {
	conn, err := dbus.SessionBus()
	if err != nil {
		return "", ErrUnavailable
	}
	token := handleToken()
	stop := context.AfterFunc(ctx, func() { closeRequest(conn, token) })
	defer stop()
	var rules []filechooser.Rule
	for _, ext := range Exts {
		rules = append(rules, filechooser.Rule{Pattern: "*" + ext}, filechooser.Rule{Pattern: "*" + strings.ToUpper(ext)})
	}
	filter := &filechooser.Filter{Name: r.FilterName, Rules: rules}
	parent := ""
	if r.Parent != 0 {
		parent = fmt.Sprintf("x11:%x", r.Parent)
	}
	uris, err := filechooser.OpenFile(parent, r.Title, &filechooser.OpenFileOptions{HandleToken: token, AcceptLabel: r.Accept,
		Filters: []*filechooser.Filter{filter}, CurrentFilter: filter, CurrentFolder: r.Start})
	if err != nil {
		if ctx.Err() != nil {
			return "", nil
		}
		return "", ErrUnavailable // no portal, or no file chooser behind it
	}
	if len(uris) == 0 {
		return "", nil // 取消
	}
	u, err := url.Parse(uris[0])
	if err != nil || u.Scheme != "file" {
		return "", fmt.Errorf("filedialog: the chooser answered %q", uris[0])
	}
	return u.Path, nil
}

// handleToken names one request, so that it can be closed.
func handleToken() string {
	b := make([]byte, 8)
	rand.Read(b)
	return "caiji_" + hex.EncodeToString(b)
}

// closeRequest closes the chooser of the request token on conn: its
// object path is the portal's documented one for a sender and token.
func closeRequest(conn *dbus.Conn, token string) {
	names := conn.Names()
	if len(names) == 0 {
		return
	}
	sender := strings.ReplaceAll(strings.TrimPrefix(names[0], ":"), ".", "_")
	path := dbus.ObjectPath("/org/freedesktop/portal/desktop/request/" + sender + "/" + token)
	conn.Object("org.freedesktop.portal.Desktop", path).Call("org.freedesktop.portal.Request.Close", 0)
}

// UserDir is XDG_<kind>_DIR from user-dirs.dirs (~/图片 on a Chinese
// desktop, ~/Pictures on an English one), else the usual name under home.
func UserDir(kind string) string {
	home, _ := os.UserHomeDir()
	config := os.Getenv("XDG_CONFIG_HOME")
	if config == "" {
		config = filepath.Join(home, ".config")
	}
	f, err := os.Open(filepath.Join(config, "user-dirs.dirs"))
	if err != nil {
		return homeDir(kind)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		v, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "XDG_"+kind+"_DIR=")
		if !ok {
			continue
		}
		v = strings.Trim(v, `"`)
		if rest, ok := strings.CutPrefix(v, "$HOME"); ok {
			v = home + rest
		}
		if filepath.IsAbs(v) {
			return v
		}
	}
	return homeDir(kind)
}
