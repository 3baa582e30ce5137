// Package photo checks and fixes the images of the collection: the standard
// ID photo (JPG, ≥ 10,240 B, ≥ 295×413, 5:7, white background) and the
// document scans (JPG/PNG, 20,481–500,000 B). It never trusts a file's name
// or header: the format comes from the magic bytes, and the dimensions are
// checked before a single pixel is decoded, so a 400-byte file claiming
// 20000×20000 costs almost nothing. It uses no Fyne; verdicts come from the
// rules in package domain, so the picker and the pre-audit agree.
package photo

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"io"
	"strings"

	"caiji/domain"
)

// Limits on what is read and decoded.
const (
	// MaxFileBytes is the largest file read at all (a phone photo is ~5 MB).
	MaxFileBytes = 20 << 20
	// MaxPixels and MaxSide refuse decompression bombs before decoding.
	MaxPixels = 50_000_000
	MaxSide   = 12_000
)

// Read codes, reported as domain.Problem errors.
const (
	CodeEmpty       = "IMG1"
	CodeFileTooBig  = "IMG2"
	CodeNotImage    = "IMG3"
	CodeHugePixels  = "IMG4"
	CodeCorrupt     = "IMG5"
	CodeUnsupported = "IMG6"
)

func problem(code, zh, en string) error {
	return domain.Problem{Code: code, Severity: domain.Error, Msg: domain.Msg{Zh: zh, En: en}}
}

// ReadAll reads at most MaxFileBytes from r; a longer input is refused
// without reading the rest.
func ReadAll(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileBytes {
		return nil, problem(CodeFileTooBig, fmt.Sprintf("文件超过 %d MB，请换一张较小的图片", MaxFileBytes>>20), fmt.Sprintf("The file is over %d MB: choose a smaller image", MaxFileBytes>>20))
	}
	return data, nil
}

// Format is an image format recognised by its magic bytes.
type Format string

const (
	JPEG Format = "image/jpeg"
	PNG  Format = "image/png"
)

// Sniff names the format of data from its first bytes, whatever the file is
// called. Only JPEG and PNG are accepted; the message names what else it is.
func Sniff(data []byte) (Format, error) {
	switch {
	case len(data) == 0:
		return "", problem(CodeEmpty, "文件是空的", "The file is empty")
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}):
		return JPEG, nil
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return PNG, nil
	}
	kind := "未知格式"
	kindEn := "an unknown format"
	for _, k := range []struct{ magic, zh, en string }{
		{"GIF8", "GIF 动图", "a GIF"}, {"BM", "BMP 位图", "a BMP"}, {"%PDF", "PDF 文档", "a PDF"},
		{"RIFF", "WebP 等格式", "WebP or similar"}, {"II*\x00", "TIFF", "a TIFF"}, {"MM\x00*", "TIFF", "a TIFF"},
		{"PK\x03\x04", "压缩包或 Office 文档", "a ZIP or Office file"},
	} {
		if strings.HasPrefix(string(data), k.magic) {
			kind, kindEn = k.zh, k.en
		}
	}
	if len(data) >= 12 && string(data[4:8]) == "ftyp" {
		kind, kindEn = "HEIC（苹果手机照片）或视频", "HEIC (iPhone photo) or video"
	}
	return "", problem(CodeNotImage, "这不是 JPG 或 PNG 图片（文件内容为"+kind+"），请另存为 JPG 后再选择", "This is not a JPG or PNG image (it is "+kindEn+"): save it as JPG and choose it again")
}

// Decoded is an image as stored in the file, with the EXIF orientation that
// turns it upright. Turning is left to the end of each pipeline, on the
// shrunken image: rotating 12 megapixels first would cost as much as the
// decode itself.
type Decoded struct {
	Format Format
	Bytes  int
	Raw    image.Image
	// data is the file, for the facts (its digest) and for keeping it as it is.
	data []byte
	// Orientation is the EXIF orientation (1–8; 1 = upright already).
	Orientation int
	// Flattened is true when the file had transparent pixels: Raw shows
	// them composited on white, as the photo and scan rules expect.
	Flattened bool
}

// Size is the upright width and height.
func (d *Decoded) Size() (w, h int) {
	b := d.Raw.Bounds()
	if d.Orientation >= 5 {
		return b.Dy(), b.Dx()
	}
	return b.Dx(), b.Dy()
}

// Decode sniffs, checks the dimensions from the header, refuses a file too
// small for the memory its header asks for, decodes with image/jpeg or
// image/png only (no other decoder is reachable), puts transparent pixels
// on white, and reads the EXIF orientation (image/jpeg ignores it).
func Decode(data []byte) (*Decoded, error) {
	format, err := Sniff(data)
	if err != nil {
		return nil, err
	}
	cfg, err := decodeConfig(format, data)
	if err != nil {
		return nil, readError(err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width > MaxSide || cfg.Height > MaxSide || cfg.Width*cfg.Height > MaxPixels {
		return nil, problem(CodeHugePixels, fmt.Sprintf("图片尺寸 %d×%d 超出范围（每边不超过 %d 像素，总计不超过 5000 万像素）", cfg.Width, cfg.Height, MaxSide), fmt.Sprintf("The image is %d×%d: at most %d pixels a side and 50 megapixels in all", cfg.Width, cfg.Height, MaxSide))
	}
	if err := checkMemory(format, data, cfg); err != nil {
		return nil, err
	}
	var img image.Image
	if format == JPEG {
		img, err = jpeg.Decode(bytes.NewReader(data))
	} else {
		img, err = png.Decode(bytes.NewReader(data))
	}
	if err != nil {
		return nil, readError(err)
	}
	d := &Decoded{Format: format, Bytes: len(data), Raw: img, data: data, Orientation: 1}
	if o, ok := img.(interface{ Opaque() bool }); ok && !o.Opaque() {
		d.Raw, d.Flattened = onWhite(img), true
	}
	if format == JPEG {
		d.Orientation = exifOrientation(data)
	}
	return d, nil
}

func decodeConfig(f Format, data []byte) (image.Config, error) {
	if f == JPEG {
		return jpeg.DecodeConfig(bytes.NewReader(data))
	}
	return png.DecodeConfig(bytes.NewReader(data))
}

// readError turns a decoder's error into a message a candidate can act on.
func readError(err error) error {
	var unsup jpeg.UnsupportedError
	if errors.As(err, &unsup) {
		return problem(CodeUnsupported, "这张 JPG 使用了不常见的编码（"+string(unsup)+"），请用画图或手机相册另存为普通 JPG", "This JPG uses an uncommon encoding ("+string(unsup)+"): re-save it as an ordinary JPG")
	}
	var pngUnsup png.UnsupportedError
	if errors.As(err, &pngUnsup) {
		return problem(CodeUnsupported, "这张 PNG 使用了不支持的格式，请另存为 JPG", "This PNG uses an unsupported format: save it as JPG")
	}
	return problem(CodeCorrupt, "图片文件已损坏或不完整，请重新拍摄或重新导出", "The image file is damaged or incomplete: take or export it again")
}
