package photo

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image/png"
	"testing"

	"caiji/domain"
	"caiji/domain/domaintest"
)

// metadataLeft reports whether a cleaned JPEG still has an APP1–APP13,
// APP15 or comment segment before its scan.
func metadataLeft(jpg []byte) bool {
	for i := 2; i+4 <= len(jpg) && jpg[i] == 0xFF; {
		m := jpg[i+1]
		if m == 0xDA {
			return false
		}
		if (m >= 0xE1 && m <= 0xEF && m != 0xEE) || m == 0xFE {
			return true
		}
		i += 2 + int(jpg[i+2])<<8 | int(jpg[i+3])
	}
	return false
}

// TestCleanKeepsPixelsDropsMetadata: an upright JPEG loses its EXIF, XMP
// and comment losslessly (same pixels) and keeps JFIF; a PNG loses its
// text chunks and decodes the same.
func TestCleanKeepsPixelsDropsMetadata(t *testing.T) {
	plain := encodeJPEG(portrait(60, 84, white, 10), 90) // with a 300 dpi JFIF header
	dirty := domaintest.WithSegment(plain, 0xFE, []byte("a comment"))
	dirty = domaintest.WithOrientation(dirty, 1)
	dirty = append(dirty, []byte("trailer after the image: a motion photo")...)
	got, err := Clean(dirty)
	if err != nil {
		t.Fatal(err)
	}
	if metadataLeft(got) || bytes.Contains(got, []byte("trailer")) {
		t.Fatal("metadata left in the JPEG")
	}
	if !bytes.Equal(got, plain) {
		t.Fatalf("an upright JPEG was re-encoded: %d bytes, want the %d of the original", len(got), len(plain))
	}
	if _, _, _, ok := JFIFDensity(got); !ok {
		t.Fatal("JFIF density dropped")
	}

	var b bytes.Buffer
	png.Encode(&b, portrait(20, 28, white, 10))
	raw := b.Bytes()
	// A tEXt chunk (length, type, data, CRC) spliced in after IHDR.
	body := []byte("tEXtGPS\x0039.9N")
	text := binary.BigEndian.AppendUint32(nil, uint32(len(body)-4))
	text = binary.BigEndian.AppendUint32(append(text, body...), crc32.ChecksumIEEE(body))
	withText := append(append(append([]byte{}, raw[:33]...), text...), raw[33:]...)
	clean, err := Clean(withText)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(clean, []byte("tEXt")) || !bytes.Equal(clean, raw) {
		t.Fatal("the PNG kept its text chunk or lost pixels")
	}
}

// FuzzClean: whatever the bytes, Clean does not panic; what it returns
// decodes and carries no metadata segment, and a refusal says why.
func FuzzClean(f *testing.F) {
	f.Add(encJPEG(portrait(30, 42, white, 10), 80))
	f.Add(withOrientation(encJPEG(portrait(30, 42, white, 10), 80), 6))
	f.Add(domaintest.WithSegment(encJPEG(portrait(30, 42, white, 10), 80), 0xE2, []byte("ICC_PROFILE\x00")))
	f.Add(encPNG(portrait(12, 12, white, 10)))
	f.Add([]byte("\xFF\xD8\xFF\xE1\x00\x08Exif\x00\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		out, err := Clean(data)
		if err != nil {
			var p domain.Problem
			if !errors.As(err, &p) || p.Msg.Zh == "" {
				t.Fatalf("refusal without a message: %v", err)
			}
			return
		}
		if _, err := Decode(out); err != nil {
			t.Fatalf("cleaned image does not decode: %v", err)
		}
		if f, _ := Sniff(out); f == JPEG && metadataLeft(out) {
			t.Fatal("metadata left")
		}
	})
}
