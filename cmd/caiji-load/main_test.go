package main

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// A small run against the sink and a SQLite hub, with many connections
// dropped: the tool's own verification (one version per record, every blob
// by its hash) passes and the table has a row per configuration.
func TestLoadSmoke(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "caiji-load")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "-stations", "2", "-records", "3", "-drop", "0.3", "-configs", "sink,sqlite")
	cmd.Dir = "../.." // builds ./cmd/caiji-hub from the module root
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("caiji-load: %v\n%s", err, errOut.String())
	}
	for _, row := range []string{"| bare HTTPS sink |", "| hub, SQLite |"} {
		if !strings.Contains(out.String(), row) {
			t.Fatalf("no row %q in\n%s", row, out.String())
		}
	}
	// The drops come from seeded generators, so this run always has some.
	m := regexp.MustCompile(`sqlite: 3 versions in \S+, (\d+) resent`).FindStringSubmatch(errOut.String())
	if m == nil || m[1] == "0" {
		t.Fatalf("summary without resent requests: %s", errOut.String())
	}
}
