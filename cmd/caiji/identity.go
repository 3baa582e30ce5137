package main

import (
	"fmt"
	"strconv"
	"strings"

	"caiji/assets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
)

// The app's identity is written in one place, FyneApp.toml at the top of the
// repository. The Makefile (and so CI) reads it and links it in with
// -ldflags -X, a release taking its version from its git tag. A bare
// `go run ./cmd/caiji` from the top of the repository leaves these empty, and
// Fyne then reads FyneApp.toml from the working folder itself.
var (
	appID         string
	appName       string
	appVersion    string
	appBuild      string
	appMigrations string // comma-separated [Migrations] switched on, e.g. "fyneDo"
)

// newApp creates the Fyne app with the identity linked in by the build.
func newApp() fyne.App {
	if appID == "" {
		return app.New()
	}
	app.SetMetadata(linkedMetadata())
	return app.NewWithID(appID)
}

// linkedMetadata is Fyne's metadata from the identity linked in by the build.
func linkedMetadata() fyne.AppMetadata {
	build, _ := strconv.Atoi(appBuild)
	migrations := map[string]bool{}
	for _, m := range strings.Split(appMigrations, ",") {
		if m != "" {
			migrations[m] = true
		}
	}
	return fyne.AppMetadata{
		ID:         appID,
		Name:       appName,
		Version:    appVersion,
		Build:      build,
		Icon:       fyne.NewStaticResource("icon.png", assets.Icon),
		Migrations: migrations,
	}
}

// versionLine is what `caiji -version` prints.
func versionLine() string {
	if appVersion == "" {
		return "caiji: development build (identity read from FyneApp.toml at run time)"
	}
	return fmt.Sprintf("%s %s (build %s)", appName, appVersion, appBuild)
}
