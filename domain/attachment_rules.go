package domain

import (
	"fmt"
	"math"
	"slices"
)

// Photo rule codes. The photo checker (domain/photo) measures an image and
// asks these functions for the verdict, so the picker and the pre-audit say
// the same thing about the same file.
const (
	CodePhotoMissing    = "P1"
	CodePhotoFormat     = "P2"
	CodePhotoTooSmall   = "P3"
	CodePhotoTooLarge   = "P4"
	CodePhotoPixels     = "P5"
	CodePhotoRatio      = "P6"
	CodePhotoBackground = "P7"
	CodeDocMissing      = "D1"
	CodeDocFormat       = "D2"
	CodeDocTooSmall     = "D3"
	CodeDocTooLarge     = "D4"
	CodeDocPixels       = "D5"
)

// PhotoProblems judges a standard photo from its facts (§9): JPEG by its
// magic bytes, at least 10,240 bytes, at least 295×413, 5:7 within the
// tolerance (warning), and a background the checker measured as near white
// (warning, recorded in a.Warnings).
func PhotoProblems(a *Attachment, r PhotoRules) []Problem {
	if a == nil {
		return []Problem{errorf(CodePhotoMissing, "请上传标准证件照片", "Upload the standard ID photo")}
	}
	var ps []Problem
	if a.MIME != "image/jpeg" {
		ps = append(ps, errorf(CodePhotoFormat, "照片须为JPG格式（按文件内容判断，改扩展名无效）", "The photo must be a JPG file (judged by its content; renaming does not help)"))
	}
	if a.Bytes < r.PhotoMinBytes {
		ps = append(ps, errorf(CodePhotoTooSmall, fmt.Sprintf("文件大小 %s，需不小于 %s", SizeAgainst(a.Bytes, r.PhotoMinBytes), LimitText(r.PhotoMinBytes)), fmt.Sprintf("File size %s; it must be at least %s", SizeAgainst(a.Bytes, r.PhotoMinBytes), LimitText(r.PhotoMinBytes))))
	}
	if r.PhotoMaxBytes > 0 && a.Bytes > r.PhotoMaxBytes {
		ps = append(ps, errorf(CodePhotoTooLarge, fmt.Sprintf("文件大小 %s，需不大于 %s", SizeAgainst(a.Bytes, r.PhotoMaxBytes), LimitText(r.PhotoMaxBytes)), fmt.Sprintf("File size %s; it must be at most %s", SizeAgainst(a.Bytes, r.PhotoMaxBytes), LimitText(r.PhotoMaxBytes))))
	}
	if a.Width < r.PhotoMinWidth || a.Height < r.PhotoMinHeight {
		ps = append(ps, errorf(CodePhotoPixels, fmt.Sprintf("像素 %d×%d，需不小于 %d×%d（宽×高）", a.Width, a.Height, r.PhotoMinWidth, r.PhotoMinHeight), fmt.Sprintf("%d×%d pixels; at least %d×%d (width×height) needed", a.Width, a.Height, r.PhotoMinWidth, r.PhotoMinHeight)))
	}
	if a.Height > 0 {
		ratio := float64(a.Width) / float64(a.Height)
		if math.Abs(ratio/(5.0/7.0)-1) > r.PhotoRatioTolerance {
			ps = append(ps, warningf(CodePhotoRatio, fmt.Sprintf("宽高比 %.3f，标准为 5:7（0.714）", ratio), fmt.Sprintf("Aspect ratio %.3f; the standard is 5:7 (0.714)", ratio)))
		}
	}
	if slices.Contains(a.Warnings, CodePhotoBackground) {
		ps = append(ps, BackgroundProblem())
	}
	return ps
}

// BackgroundProblem is the warning for a background that does not look white.
func BackgroundProblem() Problem {
	return warningf(CodePhotoBackground, "照片背景看起来不是白色，审核可能不通过", "The background does not look white; the reviewer may reject it")
}

// DocumentProblems judges a scanned document or ID image of any kind from
// its facts: JPG or PNG, more than 20 KB, at most 500 KB, and enough pixels
// to be read. what names the document in
// the "missing" message.
func DocumentProblems(a *Attachment, what AttachmentKind, r PhotoRules) []Problem {
	name := what.Name()
	if a == nil {
		return []Problem{errorf(CodeDocMissing, "请上传"+name.Zh, "Upload the "+lower(name.En))}
	}
	var ps []Problem
	if a.MIME != "image/jpeg" && a.MIME != "image/png" {
		ps = append(ps, errorf(CodeDocFormat, name.Zh+"须为JPG或PNG格式", name.En+" must be a JPG or PNG file"))
	}
	if over := r.DocumentMinBytes - 1; a.Bytes <= over {
		ps = append(ps, errorf(CodeDocTooSmall, fmt.Sprintf("%s 文件大小 %s，需大于 %s", name.Zh, SizeAgainst(a.Bytes, over), LimitText(over)), fmt.Sprintf("%s is %s; it must be over %s", name.En, SizeAgainst(a.Bytes, over), LimitText(over))))
	}
	if a.Bytes > r.DocumentMaxBytes {
		ps = append(ps, errorf(CodeDocTooLarge, fmt.Sprintf("%s 文件大小 %s，需不超过 %s", name.Zh, SizeAgainst(a.Bytes, r.DocumentMaxBytes), LimitText(r.DocumentMaxBytes)), fmt.Sprintf("%s is %s; it must be at most %s", name.En, SizeAgainst(a.Bytes, r.DocumentMaxBytes), LimitText(r.DocumentMaxBytes))))
	}
	if !r.DocumentLegible(a.Width, a.Height) {
		ps = append(ps, errorf(CodeDocPixels,
			fmt.Sprintf("%s 只有 %d×%d 像素，文字无法辨认；需长边不少于 %d、短边不少于 %d 像素，请用更高的分辨率重新扫描或拍摄", name.Zh, a.Width, a.Height, r.DocumentLegibleLongSide, r.DocumentLegibleShortSide),
			fmt.Sprintf("%s is only %d×%d pixels, too small to read; it needs at least %d pixels on the long side and %d on the short side: scan or photograph it at a higher resolution", name.En, a.Width, a.Height, r.DocumentLegibleLongSide, r.DocumentLegibleShortSide)))
	}
	return ps
}

// lower puts a document's English name mid-sentence ("Upload the …"): its
// first letter in lower case, unless the first word is an acronym ("ID
// photo side" stays, not "iD photo side").
func lower(s string) string {
	if s == "" {
		return s
	}
	b := []byte(s)
	if len(b) > 1 && b[1] >= 'A' && b[1] <= 'Z' {
		return s
	}
	if b[0] >= 'A' && b[0] <= 'Z' {
		b[0] += 'a' - 'A'
	}
	return string(b)
}
