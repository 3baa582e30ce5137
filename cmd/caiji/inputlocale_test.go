package main

import "testing"

func TestCtypeOverride(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want string // variable to set, "" for none
	}{
		{"nothing set (kiosk session)", map[string]string{}, "LC_CTYPE"},
		{"LANG=C", map[string]string{"LANG": "C"}, "LC_CTYPE"},
		{"POSIX", map[string]string{"LANG": "POSIX"}, "LC_CTYPE"},
		{"legacy GB2312", map[string]string{"LANG": "zh_CN.GB2312"}, "LC_CTYPE"},
		{"GB18030", map[string]string{"LANG": "zh_CN.GB18030"}, "LC_CTYPE"},
		{"UTF-8 LANG", map[string]string{"LANG": "zh_CN.UTF-8"}, ""},
		{"utf8 spelling", map[string]string{"LANG": "en_US.utf8"}, ""},
		{"modifier", map[string]string{"LANG": "de_DE.UTF-8@euro"}, ""},
		{"C.UTF-8", map[string]string{"LANG": "C.UTF-8"}, ""},
		{"LC_CTYPE wins over LANG", map[string]string{"LANG": "C", "LC_CTYPE": "zh_CN.UTF-8"}, ""},
		{"non-UTF-8 LC_CTYPE over UTF-8 LANG", map[string]string{"LANG": "zh_CN.UTF-8", "LC_CTYPE": "C"}, "LC_CTYPE"},
		{"LC_ALL overrides", map[string]string{"LC_ALL": "C", "LC_CTYPE": "zh_CN.UTF-8"}, "LC_ALL"},
		{"UTF-8 LC_ALL", map[string]string{"LC_ALL": "zh_CN.UTF-8", "LANG": "C"}, ""},
		{"codeset-like language", map[string]string{"LANG": "utf8"}, "LC_CTYPE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ctypeOverride(func(k string) string { return tt.env[k] })
			if ok != (tt.want != "") || got != tt.want {
				t.Fatalf("ctypeOverride = %q, %v; want %q", got, ok, tt.want)
			}
		})
	}
}
