package gendata

import (
	"bytes"
	"encoding/json"
	"os"
)

// WriteRows writes rows to path as a JSON array with one row per line.
func WriteRows[T any](path string, rows []T) error {
	var b bytes.Buffer
	b.WriteString("[\n")
	for i, r := range rows {
		line, err := json.Marshal(r)
		if err != nil {
			return err
		}
		b.Write(line)
		if i < len(rows)-1 {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	b.WriteString("]\n")
	return os.WriteFile(path, b.Bytes(), 0o644)
}
