package report

import (
	"strings"
	"testing"
	"time"
)

func TestFileNames(t *testing.T) {
	for _, tt := range []struct{ name, want string }{
		{"张三", "信息采集表-张三-8.pdf"},
		{"JOHN SMITH", "信息采集表-JOHN SMITH-8.pdf"},
		{`a/b\c:d*e?f"g<h>i|j`, "信息采集表-a_b_c_d_e_f_g_h_i_j-8.pdf"},
		{"..\x00.", "信息采集表-_-8.pdf"},
		{" . ", "信息采集表-_-8.pdf"},
		{"", "信息采集表-_-8.pdf"},
		{strings.Repeat("欧", 100), "信息采集表-" + strings.Repeat("欧", 40) + "-8.pdf"},
	} {
		if got := SheetFileName(tt.name, 8); got != tt.want {
			t.Errorf("SheetFileName(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
	// 23:30 UTC on the 26th is already the 27th in Beijing.
	if got := ArchiveFileName("张三", time.Date(2026, 11, 26, 23, 30, 0, 0, time.UTC)); got != "我的数据-张三-20261127.zip" {
		t.Errorf("ArchiveFileName = %q", got)
	}
}
