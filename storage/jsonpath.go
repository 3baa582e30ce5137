package storage

import (
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// change is one difference between two versions of a record's JSON, at a
// path in the pre-audit's notation ("education[1].end").
type change struct {
	path     string
	old, new json.RawMessage
}

// diffJSON lists the changes from a to b. Objects are compared key by key;
// an array whose length changed (a row added, removed) is one change of the
// whole array, otherwise element by element. Each saved field is thus one
// event, and replaying the events in order rebuilds the document.
func diffJSON(path string, a, b any, out *[]change) {
	switch av := a.(type) {
	case map[string]any:
		if bv, ok := b.(map[string]any); ok {
			keys := map[string]bool{}
			for k := range av {
				keys[k] = true
			}
			for k := range bv {
				keys[k] = true
			}
			for _, k := range slices.Sorted(maps.Keys(keys)) {
				diffJSON(join(path, k), av[k], bv[k], out)
			}
			return
		}
	case []any:
		if bv, ok := b.([]any); ok && len(av) == len(bv) {
			for i := range av {
				diffJSON(fmt.Sprintf("%s[%d]", path, i), av[i], bv[i], out)
			}
			return
		}
	}
	if !reflect.DeepEqual(a, b) {
		*out = append(*out, change{path: path, old: raw(a), new: raw(b)})
	}
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func raw(v any) json.RawMessage {
	if v == nil {
		return nil
	}
	b, _ := json.Marshal(v) // values decoded from JSON always re-encode
	return b
}

// setPath sets (or, for a nil value, deletes) the value at path in doc,
// creating objects on the way; it is how events replay.
func setPath(doc map[string]any, path string, value any) error {
	parts := strings.Split(path, ".")
	var cur any = doc
	for i, part := range parts {
		name, idx := part, []int(nil)
		for strings.HasSuffix(name, "]") {
			open := strings.LastIndexByte(name, '[')
			n, err := strconv.Atoi(name[open+1 : len(name)-1])
			if open < 0 || err != nil {
				return fmt.Errorf("bad path %q", path)
			}
			idx = append([]int{n}, idx...)
			name = name[:open]
		}
		last := i == len(parts)-1
		m, ok := cur.(map[string]any)
		if !ok {
			return fmt.Errorf("path %q: %s is not an object", path, name)
		}
		if len(idx) == 0 {
			if last {
				if value == nil {
					delete(m, name)
				} else {
					m[name] = value
				}
				return nil
			}
			if _, ok := m[name].(map[string]any); !ok {
				m[name] = map[string]any{}
			}
			cur = m[name]
			continue
		}
		arr, _ := m[name].([]any)
		container := any(arr)
		for k, n := range idx {
			a, ok := container.([]any)
			if !ok || n < 0 || n >= len(a) {
				return fmt.Errorf("path %q: index %d out of range", path, n)
			}
			if last && k == len(idx)-1 {
				a[n] = value
				return nil
			}
			container = a[n]
		}
		cur = container
	}
	return nil
}

// nullJSON scans a nullable TEXT column holding JSON: NULL is nil.
type nullJSON json.RawMessage

func (j *nullJSON) Scan(v any) error {
	switch v := v.(type) {
	case nil:
		*j = nil
	case string:
		*j = nullJSON(v)
	case []byte:
		*j = append(nullJSON(nil), v...)
	default:
		return fmt.Errorf("storage: a JSON column holds %T", v)
	}
	return nil
}
