package photo

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
)

// cleanQuality is the JPEG quality of an image re-encoded to turn it
// upright: high, so the one re-encode costs no visible detail.
const cleanQuality = 92

// Clean returns the image in data upright and without metadata, ready to
// store: a photo from a phone carries its GPS position, device and time in
// EXIF (and XMP, ICC, comments, trailers after the image), none of which a
// record may keep. A JPEG already upright loses its metadata segments
// losslessly, keeping JFIF (density) and Adobe (colour transform); one
// with an EXIF orientation (or too malformed to walk) is decoded, turned
// and re-encoded. A PNG keeps
// only the chunks that describe its pixels. Anything else is refused as
// Decode refuses it.
func Clean(data []byte) ([]byte, error) {
	d, err := Decode(data)
	if err != nil {
		return nil, err
	}
	if d.Format == PNG {
		return cleanPNG(data), nil
	}
	if d.Orientation == 1 {
		// The lossless path, when the segments read as a decoder reads
		// them; a file too odd for that is re-encoded like a turned one.
		out := cleanJPEG(data)
		if c, err := Decode(out); err == nil && c.Raw.Bounds() == d.Raw.Bounds() {
			return out, nil
		}
	}
	return encodeJPEG(orient(d.Raw, d.Orientation), cleanQuality), nil
}

// cleanJPEG copies the segments that describe the image and drops APP1–APP13,
// APP15 (EXIF, XMP, ICC, maker notes …) and comments; after the first scan
// it copies up to the end-of-image marker, dropping any trailer.
func cleanJPEG(data []byte) []byte {
	out := append(make([]byte, 0, len(data)), 0xFF, 0xD8)
	i := 2
	for i+4 <= len(data) {
		if data[i] != 0xFF { // stray bytes between segments, skipped as decoders do
			i++
			continue
		}
		marker := data[i+1]
		switch {
		case marker == 0xFF: // fill byte
			i++
			continue
		case marker == 0x00, marker == 0x01, marker >= 0xD0 && marker <= 0xD7: // no length: skipped
			i += 2
			continue
		}
		n := int(binary.BigEndian.Uint16(data[i+2:]))
		if n < 2 || i+2+n > len(data) {
			break
		}
		seg := data[i : i+2+n]
		if marker == 0xDA { // start of scan: the rest is image data
			rest := data[i:]
			if end := bytes.Index(rest[2+n:], []byte{0xFF, 0xD9}); end >= 0 {
				rest = rest[:2+n+end+2]
			}
			return append(out, rest...)
		}
		if keepSegment(marker, seg[4:]) {
			out = append(out, seg...)
		}
		i += 2 + n
	}
	return append(out, data[i:]...)
}

// keepSegment reports whether a JPEG segment before the scan describes the
// pixels rather than the picture's origin.
func keepSegment(marker byte, body []byte) bool {
	switch {
	case marker == 0xE0:
		return bytes.HasPrefix(body, []byte("JFIF\x00"))
	case marker == 0xEE:
		return bytes.HasPrefix(body, []byte("Adobe"))
	case marker >= 0xE1 && marker <= 0xEF, marker == 0xFE:
		return false
	}
	return true
}

// pngPixelChunks are the PNG chunks that say how to draw the pixels; text,
// time, EXIF and ICC chunks are left out.
var pngPixelChunks = map[string]bool{"IHDR": true, "PLTE": true, "IDAT": true, "IEND": true,
	"tRNS": true, "gAMA": true, "cHRM": true, "sRGB": true, "sBIT": true, "pHYs": true}

// cleanPNG copies the signature and the pixel chunks, in order, each with
// its CRC checked again (Decode has read the whole file already).
func cleanPNG(data []byte) []byte {
	out := append(make([]byte, 0, len(data)), data[:8]...)
	for i := 8; i+12 <= len(data); {
		n := int(binary.BigEndian.Uint32(data[i:]))
		if n < 0 || i+12+n > len(data) {
			break
		}
		chunk := data[i : i+12+n]
		typ := string(chunk[4:8])
		if pngPixelChunks[typ] && crc32.ChecksumIEEE(chunk[4:8+n]) == binary.BigEndian.Uint32(chunk[8+n:]) {
			out = append(out, chunk...)
		}
		i += 12 + n
		if typ == "IEND" {
			break
		}
	}
	return out
}
