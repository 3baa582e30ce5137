package photo

import "encoding/binary"

// jpegSegments calls fn with the marker and payload of each header segment
// of a JPEG, from after SOI up to the first start of scan, until fn returns
// false. It stops quietly at anything malformed: the decoder, not this
// walker, reports damaged files.
func jpegSegments(data []byte, fn func(marker byte, payload []byte) bool) {
	i := 2 // after SOI
	for i+4 <= len(data) {
		if data[i] != 0xFF {
			return
		}
		marker := data[i+1]
		if marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01 || marker == 0xFF {
			i++
			continue
		}
		if marker == 0xDA || marker == 0xD9 { // start of scan: no more header
			return
		}
		n := int(binary.BigEndian.Uint16(data[i+2:]))
		if n < 2 || i+2+n > len(data) {
			return
		}
		if !fn(marker, data[i+4:i+2+n]) {
			return
		}
		i += 2 + n
	}
}

// jpegFrame is what a JPEG's start-of-frame header declares.
type jpegFrame struct {
	width, height int
	progressive   bool
	// sampling holds each component's horizontal and vertical sampling
	// factors.
	sampling [][2]int
}

// readJPEGFrame finds the start-of-frame header; ok is false when there is
// none before the first scan.
func readJPEGFrame(data []byte) (f jpegFrame, ok bool) {
	jpegSegments(data, func(marker byte, p []byte) bool {
		// SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC).
		if marker < 0xC0 || marker > 0xCF || marker == 0xC4 || marker == 0xC8 || marker == 0xCC {
			return true
		}
		if len(p) < 6 {
			return false
		}
		n := int(p[5])
		if len(p) < 6+3*n {
			return false
		}
		f = jpegFrame{height: int(binary.BigEndian.Uint16(p[1:])), width: int(binary.BigEndian.Uint16(p[3:])),
			progressive: marker == 0xC2 || marker == 0xC6 || marker == 0xCA || marker == 0xCE}
		for k := 0; k < n; k++ {
			s := p[6+3*k+1]
			f.sampling = append(f.sampling, [2]int{max(1, int(s>>4)), max(1, int(s&0x0F))})
		}
		ok = true
		return false
	})
	return f, ok
}
