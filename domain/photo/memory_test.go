package photo

import (
	"encoding/binary"
	"image"
	"runtime"
	"strings"
	"testing"
)

// progressiveHead is the first 400 bytes of a progressive 7000×7000 4:4:4
// JPEG: the testdata fixture's header with its frame patched to that size
// and sampling, cut off inside the first scan. image/jpeg would allocate
// every coefficient of the image (735 MB) before finding the data missing.
func progressiveHead(t *testing.T) []byte {
	t.Helper()
	data := mustRead(t, "testdata/progressive.jpg")
	patched := false
	jpegSegments(data, func(marker byte, p []byte) bool {
		if marker != 0xC2 {
			return true
		}
		binary.BigEndian.PutUint16(p[1:], 7000)
		binary.BigEndian.PutUint16(p[3:], 7000)
		for k := 0; k < int(p[5]); k++ {
			p[6+3*k+1] = 0x11
		}
		patched = true
		return false
	})
	if !patched {
		t.Fatal("fixture has no progressive frame")
	}
	return data[:400]
}

// TestMemoryBoundedByFileSize: a file too small for the image its header
// declares is refused from the header, with the bytes allocated while
// checking it measured, and a real 12-megapixel phone photo is still fixed.
func TestMemoryBoundedByFileSize(t *testing.T) {
	head := progressiveHead(t)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := CheckPhoto(head, rules)
	runtime.ReadMemStats(&after)
	if code(err) != CodeImplausible {
		t.Fatalf("400-byte progressive 7000×7000 head: %v", err)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20 {
		t.Fatalf("checking the 400-byte head allocated %d MB", alloc>>20)
	} else {
		t.Logf("400-byte head refused with %d KB allocated: %v", alloc>>10, err)
	}
	if msg := err.Error(); !strings.Contains(msg, "0.4 KB") || !strings.Contains(msg, "7000×7000") || !strings.Contains(msg, "渐进式") {
		t.Fatalf("message does not give the figures: %s", msg)
	}

	// A PNG is bounded the same way: 20 transparent megapixels compress
	// to a few tens of kilobytes but decode (and flatten) to 160 MB.
	blank := encPNG(image.NewNRGBA(image.Rect(0, 0, 5000, 4000)))
	if _, err := Decode(blank); code(err) != CodeImplausible {
		t.Fatalf("%d-byte blank 5000×4000 PNG: %v", len(blank), err)
	}

	if testing.Short() {
		t.Skip("12-megapixel photo")
	}
	res, err := FixPhoto(phone12MP(), nil, rules)
	if err != nil {
		t.Fatalf("%d-byte 12 MP phone photo: %v", len(phone12MP()), err)
	}
	checkFixed(t, res)
}

// TestDecodeMemoryEstimate: the estimate from the header matches what
// image/jpeg and image/png really allocate, within a quarter, so the budget
// refuses only what is implausible.
func TestDecodeMemoryEstimate(t *testing.T) {
	for _, tt := range []struct {
		name string
		data []byte
	}{
		{"baseline 4:2:0 JPEG", encJPEG(portrait(1200, 1600, white, 10), 90)},
		{"grey JPEG", encJPEG(document(1500, 2000), 90)},
		{"progressive JPEG", mustRead(t, "testdata/progressive.jpg")},
		{"RGBA PNG", encPNG(portrait(800, 1000, white, 10))},
		{"grey PNG", encPNG(document(1000, 1400))},
	} {
		f, _ := Sniff(tt.data)
		cfg, err := decodeConfig(f, tt.data)
		if err != nil {
			t.Fatal(err)
		}
		est := decodeMemory(f, tt.data, cfg)
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		if _, err := Decode(tt.data); err != nil {
			t.Fatal(err)
		}
		runtime.ReadMemStats(&after)
		real := int64(after.TotalAlloc - before.TotalAlloc)
		if est < real*3/4 || est > real*5/4 {
			t.Errorf("%s: estimated %d B, allocated %d B", tt.name, est, real)
		}
	}
}
