package report

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	"caiji/domain"
)

// SheetFileName is the name a save dialog offers for a sheet:
// 信息采集表-姓名-版本.pdf.
func SheetFileName(name string, version int) string {
	return fmt.Sprintf("信息采集表-%s-%d.pdf", safeName(name), version)
}

// ArchiveFileName is the name offered for a 我的数据 archive made at t:
// 我的数据-姓名-YYYYMMDD.zip (the date in Beijing).
func ArchiveFileName(name string, t time.Time) string {
	return fmt.Sprintf("我的数据-%s-%s.zip", safeName(name), t.In(domain.Shanghai).Format("20060102"))
}

// safeName makes a person's name fit in a file name on Windows, macOS and
// Linux: characters those systems refuse (\ / : * ? " < > | and control
// characters) become _, dots and spaces at the ends go, and a name of more
// than 40 characters is cut, so the whole stays well inside 255 bytes.
func safeName(name string) string {
	s := strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || strings.ContainsRune(`\/:*?"<>|`, r) {
			return '_'
		}
		return r
	}, name)
	if r := []rune(s); len(r) > 40 {
		s = string(r[:40])
	}
	s = strings.Trim(s, ". ")
	if s == "" {
		return "_"
	}
	return s
}
