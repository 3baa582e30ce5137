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
)

func kb(n int) string { return fmt.Sprintf("%.1f KB", float64(n)/1024) }

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
		ps = append(ps, errorf(CodePhotoTooSmall, fmt.Sprintf("文件大小 %s，需不小于 %s", kb(a.Bytes), kb(r.PhotoMinBytes)), fmt.Sprintf("File size %s; it must be at least %s", kb(a.Bytes), kb(r.PhotoMinBytes))))
	}
	if r.PhotoMaxBytes > 0 && a.Bytes > r.PhotoMaxBytes {
		ps = append(ps, errorf(CodePhotoTooLarge, fmt.Sprintf("文件大小 %s，需不大于 %s", kb(a.Bytes), kb(r.PhotoMaxBytes)), fmt.Sprintf("File size %s; it must be at most %s", kb(a.Bytes), kb(r.PhotoMaxBytes))))
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

// DocumentProblems judges a scanned document or ID image from its facts:
// JPG or PNG, more than 20 KB and at most 500 KB. what names the document in
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
	if a.Bytes < r.DocumentMinBytes {
		ps = append(ps, errorf(CodeDocTooSmall, fmt.Sprintf("%s 文件大小 %d 字节，需大于 %d 字节（20 KB）", name.Zh, a.Bytes, r.DocumentMinBytes-1), fmt.Sprintf("%s has %d bytes; it must have more than %d (20 KB)", name.En, a.Bytes, r.DocumentMinBytes-1)))
	}
	if a.Bytes > r.DocumentMaxBytes {
		ps = append(ps, errorf(CodeDocTooLarge, fmt.Sprintf("%s 文件大小 %d 字节，需不超过 %d 字节（500 KB）", name.Zh, a.Bytes, r.DocumentMaxBytes), fmt.Sprintf("%s has %d bytes; it must have at most %d (500 KB)", name.En, a.Bytes, r.DocumentMaxBytes)))
	}
	return ps
}

func lower(s string) string {
	if s == "" {
		return s
	}
	b := []byte(s)
	if b[0] >= 'A' && b[0] <= 'Z' {
		b[0] += 'a' - 'A'
	}
	return string(b)
}
