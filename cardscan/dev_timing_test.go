//go:build tesseract

package cardscan

import (
	"os"
	"testing"
	"time"
)

func TestDevTiming(t *testing.T) {
	if os.Getenv("OCR_TIMING") == "" {
		t.Skip()
	}
	s := generate(t, 6, 1)
	for _, langs := range [][]string{{"eng"}, {"eng", "nor"}, {"nor", "swe", "deu", "nld", "eng"}} {
		eng, err := newTextEngine(langs)
		if err != nil {
			t.Fatal(err)
		}
		var td, tl, tq, tq2, tc, to, tf time.Duration
		for _, x := range s {
			t0 := time.Now()
			img, _ := decodePhoto(x.Photo)
			t1 := time.Now()
			flat := locateCard(img)
			g := toGray(flat)
			t2 := time.Now()
			_, box, ok := readQRGray(g)
			t3 := time.Now()
			if !ok {
				readQRGray(toGray(img))
			}
			t4 := time.Now()
			c := cleanForOCR(g, box)
			t5 := time.Now()
			w, _ := eng.Words(c)
			t6 := time.Now()
			eng.(*tesseract).words(eng.(*tesseract).c, x.Photo)
			t7 := time.Now()
			td += t1.Sub(t0)
			tl += t2.Sub(t1)
			tq += t3.Sub(t2)
			tq2 += t4.Sub(t3)
			tc += t5.Sub(t4)
			to += t6.Sub(t5)
			tf += t7.Sub(t6)
			got := ExtractFields(w, "NL")
			t.Logf("%v %s | %s | %s", langs[0], got.Name.Value, got.Company.Value, x.Truth.Name)
		}
		t.Logf("decode %v locate %v qr %v qr2 %v clean %v ocr %v floor %v", td/6, tl/6, tq/6, tq2/6, tc/6, to/6, tf/6)
		eng.Close()
	}
}
