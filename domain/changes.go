package domain

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Change is one field that differs between two snapshots of a record, at
// its path in the pre-audit's notation ("education[1].end"). An image is
// one field: OldImage and NewImage hold its two versions (nil: none).
type Change struct {
	Path               string
	Old, New           string // the values as text; "" where there is none
	OldImage, NewImage *Attachment
}

// Image reports whether the change is of an image.
func (c Change) Image() bool { return c.OldImage != nil || c.NewImage != nil }

// bookkeeping are the paths the workflow writes, not the candidate: they
// differ between any two versions and say nothing of what was changed.
var bookkeeping = []string{"id", "version", "status", "submitted_at", "realname.status", "commitment"}

// Changes lists what differs from old to new — what a 信息变更 changes in
// the approved record — in the order of new's fields (then fields only old
// has). It compares the snapshots themselves, which travel between
// stations, so any reviewer can see it; rows are compared by position.
func Changes(old, new *Record) []Change {
	a, b := leaves(old), leaves(new)
	var out []Change
	seen := map[string]bool{}
	add := func(path string) {
		if seen[path] || slices.Contains(bookkeeping, path) {
			return
		}
		seen[path] = true
		x, inOld := a.values[path]
		y, inNew := b.values[path]
		if x == y || (!inOld && blank(y)) || (!inNew && blank(x)) {
			return // a row added or removed shows only the fields it has
		}
		c := Change{Path: path, OldImage: a.images[path], NewImage: b.images[path]}
		if !c.Image() {
			c.Old, c.New = x, y
		}
		out = append(out, c)
	}
	for _, p := range b.order {
		add(p)
	}
	for _, p := range a.order {
		add(p)
	}
	return out
}

// flat is a record as its leaf fields: each value as text (an image by
// its digest), in the order the record declares them.
type flat struct {
	order  []string
	values map[string]string
	images map[string]*Attachment
}

var attachmentType = reflect.TypeFor[*Attachment]()

func leaves(r *Record) flat {
	f := flat{values: map[string]string{}, images: map[string]*Attachment{}}
	if r != nil {
		f.walk("", reflect.ValueOf(*r))
	}
	return f
}

// walk visits v at path: a struct by its JSON field names, a list by
// position, an image as one leaf, anything else by its text.
func (f *flat) walk(path string, v reflect.Value) {
	switch {
	case v.Type() == attachmentType:
		sha := ""
		if !v.IsNil() {
			f.images[path] = v.Interface().(*Attachment)
			sha = f.images[path].SHA256
		}
		f.leaf(path, sha)
	case v.Kind() == reflect.Struct && v.Type() != timeType:
		for i := range v.NumField() {
			name, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("json"), ",")
			if name != "" && name != "-" {
				f.walk(joinPath(path, name), v.Field(i))
			}
		}
	case v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Struct:
		if v.Len() == 0 {
			f.leaf(path, "")
		}
		for i := range v.Len() {
			f.walk(path+"["+strconv.Itoa(i)+"]", v.Index(i))
		}
	default:
		f.leaf(path, fmt.Sprint(v.Interface()))
	}
}

var timeType = reflect.TypeFor[time.Time]()

func (f *flat) leaf(path, value string) {
	f.order = append(f.order, path)
	f.values[path] = value
}

// blank reports whether a value is a field's zero: nothing filled in.
func blank(v string) bool { return v == "" || v == "false" || v == "0" }

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
