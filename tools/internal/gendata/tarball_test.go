package gendata

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"
)

// tarball writes a .tgz holding files and returns its path and SHA-256.
func tarball(t *testing.T, files map[string]string) (string, string) {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(zw)
	for name, body := range files {
		if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(body))}); err != nil {
			t.Fatal(err)
		}
		tw.Write([]byte(body))
	}
	tw.Close()
	zw.Close()
	path := filepath.Join(t.TempDir(), "pkg.tgz")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(buf.Bytes())
	return path, hex.EncodeToString(sum[:])
}

func TestRead(t *testing.T) {
	path, sum := tarball(t, map[string]string{"package/dist/a.json": "[1]", "package/README.md": "x"})
	got, err := Read(path, sum, "package/dist/a.json")
	if err != nil || string(got["package/dist/a.json"]) != "[1]" || len(got) != 1 {
		t.Fatalf("Read = %v, %v", got, err)
	}
	if _, err := Read(path, "00"+sum[2:], "package/dist/a.json"); err == nil {
		t.Error("a tarball with another digest was read")
	}
	if _, err := Read(path, sum, "package/dist/missing.json"); err == nil {
		t.Error("a missing file was not reported")
	}
}

func TestWriteRows(t *testing.T) {
	path := filepath.Join(t.TempDir(), "rows.json")
	if err := WriteRows(path, [][2]any{{"110000", "北京市"}, {"120000", "天津市"}}); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	if want := "[\n[\"110000\",\"北京市\"],\n[\"120000\",\"天津市\"]\n]\n"; string(got) != want {
		t.Fatalf("wrote %q, want %q", got, want)
	}
}
