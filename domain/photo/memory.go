package photo

import (
	"fmt"
	"image"
	"image/color"

	"caiji/domain"
)

// The decoding budget: what a file of n bytes may cost to decode is
// MemoryBase + MemoryPerByte·n. A real photo or scan needs far less (a
// 4 MB, 12-megapixel phone JPEG about 18 MB); a few hundred bytes that
// declare a 7000×7000 progressive JPEG would need 735 MB before the decoder
// finds the data missing.
const (
	MemoryBase    = 64 << 20
	MemoryPerByte = 100
)

// CodeImplausible is reported for a file too small to hold the image its
// header declares.
const CodeImplausible = "IMG7"

// decodeMemory estimates the bytes image/jpeg or image/png allocate to
// decode data, from its header alone: the pixel planes at their sampling
// (rounded up to whole blocks), for a progressive JPEG every coefficient
// as well (four bytes a sample, kept until the last scan), and for a PNG
// the pixels at the depth its colour type decodes to.
func decodeMemory(f Format, data []byte, cfg image.Config) int64 {
	w, h := int64(cfg.Width), int64(cfg.Height)
	if f == PNG {
		return pngMemory(data, cfg)
	}
	fr, ok := readJPEGFrame(data)
	if !ok || len(fr.sampling) == 0 {
		return w * h * 4
	}
	hmax, vmax := 1, 1
	for _, s := range fr.sampling {
		hmax, vmax = max(hmax, s[0]), max(vmax, s[1])
	}
	mxx, myy := (w+int64(8*hmax)-1)/int64(8*hmax), (h+int64(8*vmax)-1)/int64(8*vmax)
	var total int64
	for _, s := range fr.sampling {
		samples := 64 * mxx * myy * int64(s[0]*s[1]) // the component's plane, in whole blocks
		total += samples
		if fr.progressive {
			total += 4 * samples
		}
	}
	if len(fr.sampling) == 4 { // CMYK is converted into a further 4-byte image
		total += 4 * w * h
	}
	return total
}

// pngMemory is the decoded image's size: image/png decodes to 1, 2, 4 or 8
// bytes a pixel by colour type and depth; an interlaced file holds each
// pass as well, and a transparent one is flattened into a copy.
func pngMemory(data []byte, cfg image.Config) int64 {
	px := int64(cfg.Width) * int64(cfg.Height)
	var bpp int64
	switch cfg.ColorModel {
	case color.GrayModel:
		bpp = 1
	case color.Gray16Model:
		bpp = 2
	case color.RGBA64Model, color.NRGBA64Model:
		bpp = 8
	default:
		if _, ok := cfg.ColorModel.(color.Palette); ok {
			bpp = 1
		} else {
			bpp = 4
		}
	}
	total := px * bpp
	if len(data) > 28 && data[28] == 1 { // IHDR interlace method: Adam7
		total *= 2
	}
	if cfg.ColorModel == color.NRGBAModel || cfg.ColorModel == color.NRGBA64Model {
		total += 4 * px
	}
	return total
}

// checkMemory refuses a file whose header asks for more memory than a file
// of its size can honestly need.
func checkMemory(f Format, data []byte, cfg image.Config) error {
	need := decodeMemory(f, data, cfg)
	budget := int64(MemoryBase) + MemoryPerByte*int64(len(data))
	if need <= budget {
		return nil
	}
	kind, kindEn := "", ""
	if fr, ok := readJPEGFrame(data); f == JPEG && ok && fr.progressive {
		kind, kindEn = "渐进式 JPEG ", "progressive JPEG "
	}
	mb := (need + 1<<20 - 1) >> 20
	return problem(CodeImplausible,
		fmt.Sprintf("文件只有 %s，却声明为 %d×%d 像素的%s图片，解码需要约 %d MB 内存；这么小的文件装不下这样的图片，文件已损坏或不完整，请重新导出或拍摄",
			domain.SizeText(len(data)), cfg.Width, cfg.Height, kind, mb),
		fmt.Sprintf("The file has only %s but declares a %d×%d %simage, which would take about %d MB to decode; a file this small cannot hold such an image: it is damaged or incomplete, export or take it again",
			domain.SizeText(len(data)), cfg.Width, cfg.Height, kindEn, mb))
}
