package main

import (
	"testing"
)

// TestLinkedIdentity checks that what the Makefile links in with
// -X main.… reaches Fyne's metadata: ID, name, version, the build number
// parsed, each listed migration switched on, and the icon.
func TestLinkedIdentity(t *testing.T) {
	saved := [...]string{appID, appName, appVersion, appBuild, appMigrations}
	t.Cleanup(func() {
		appID, appName, appVersion, appBuild, appMigrations = saved[0], saved[1], saved[2], saved[3], saved[4]
	})
	appID, appName, appVersion, appBuild, appMigrations = "cn.caiji.identitytest", "Caiji", "1.2.3-rc.1", "7", "fyneDo,other"

	m := linkedMetadata()
	if m.ID != appID || m.Name != "Caiji" || m.Version != "1.2.3-rc.1" || m.Build != 7 {
		t.Errorf("metadata %+v", m)
	}
	if !m.Migrations["fyneDo"] || !m.Migrations["other"] || len(m.Migrations) != 2 {
		t.Errorf("migrations %v, want fyneDo and other", m.Migrations)
	}
	if m.Icon == nil || len(m.Icon.Content()) == 0 {
		t.Error("no icon in the metadata")
	}
	if got := versionLine(); got != "Caiji 1.2.3-rc.1 (build 7)" {
		t.Errorf("versionLine() = %q", got)
	}
}
