package vcardin

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// mixedFile is n cards cycling through the shapes that give failures,
// warnings and out-of-order numbers: a nested card (closes before its
// parent), an AGENT card (skipped, not counted), a group, an empty card, a
// card with no contact, one without END and one without BEGIN, a 2.1
// quoted-printable card in a code page, values past the limits.
func mixedFile(n int) []byte {
	var b bytes.Buffer
	for i := range n {
		switch i % 10 {
		case 0:
			fmt.Fprintf(&b, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Outer %d\r\nBEGIN:VCARD\r\nFN:Inner %d\r\nEMAIL:inner%d@x.example\r\nEND:VCARD\r\nEMAIL:outer%d@x.example\r\nEND:VCARD\r\n", i, i, i, i)
		case 1:
			fmt.Fprintf(&b, "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Boss %d\r\nAGENT:BEGIN:VCARD\r\nFN:Assistant\r\nEND:VCARD\r\nTEL;WORK:+31 20 555 %04d\r\nEND:VCARD\r\n", i, i%10000)
		case 2:
			b.WriteString("BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:group\r\nFN:Colleagues\r\nEND:VCARD\r\n")
		case 3:
			b.WriteString("BEGIN:VCARD\r\nEND:VCARD\r\n")
		case 4:
			b.WriteString("BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:nothing to call\r\nEND:VCARD\r\n")
		case 5:
			fmt.Fprintf(&b, "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:M=FCller;J=F6rg %d\r\nEMAIL;PREF:jorg%d@x.example\r\nEND:VCARD\r\n", i, i)
		case 6:
			fmt.Fprintf(&b, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:%s\r\nEMAIL:a%d@x.example\r\nEMAIL:b%d@x.example\r\nEMAIL:c%d@x.example\r\nEND:VCARD\r\n", strings.Repeat("Long", 40), i, i, i)
		case 7:
			fmt.Fprintf(&b, "VERSION:3.0\r\nFN:No Begin %d\r\nEND:VCARD\r\n", i)
		case 8:
			fmt.Fprintf(&b, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:No End %d\r\nTEL:+4940%06d\r\n", i, i)
		default:
			fmt.Fprintf(&b, "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Ødegård;Åsa %d;;;\r\nORG:;Sales\r\nitem1.EMAIL:asa%d@x.example\r\nitem1.X-ABLabel:_$!<Work>!$\r\nEND:VCARD\r\n", i, i)
		}
	}
	return b.Bytes()
}

// TestParallelParseIsSequential: decoding cards on several goroutines
// gives exactly the Result (cards, failures, warnings, their order) that one
// processor gives, for files smaller and larger than a batch, with the
// tightest limits, and for every real-world file present.
func TestParallelParseIsSequential(t *testing.T) {
	tight := Limits{MaxFieldBytes: 64, MaxValuesPerCard: 2}
	cases := []struct {
		name   string
		data   []byte
		limits Limits
	}{
		{"empty", nil, Limits{}},
		{"one card", mixedFile(1), Limits{}},
		{"less than a batch", mixedFile(cardBatch - 3), Limits{}},
		{"many batches", mixedFile(10*cardBatch + 7), Limits{}},
		{"many batches, tight limits", mixedFile(5*cardBatch + 1), tight},
	}
	files, _ := filepath.Glob(filepath.Join(realworldDir, "*.vcf"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, struct {
			name   string
			data   []byte
			limits Limits
		}{filepath.Base(f), data, Limits{}})
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			l := tc.limits.withDefaults()
			data := toUTF8Stream(tc.data)
			want, wantErr := processCards(data, l, 1)
			for _, workers := range []int{2, 3, 8} {
				got, err := processCards(data, l, workers)
				if !errors.Is(err, wantErr) && fmt.Sprint(err) != fmt.Sprint(wantErr) {
					t.Fatalf("%d workers: error %v, sequential %v", workers, err, wantErr)
				}
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("%d workers: %d cards %d failures %d warnings, sequential %d %d %d",
						workers, len(got.Cards), len(got.Failures), len(got.Warnings), len(want.Cards), len(want.Failures), len(want.Warnings))
				}
			}
		})
	}
	// The mixed file must exercise what it claims to, or the comparison
	// above proves little.
	res, err := Parse(bytes.NewReader(mixedFile(20)), tight)
	if err != nil || len(res.Failures) == 0 || len(res.Warnings) == 0 || len(res.Cards) < 10 {
		t.Fatalf("mixed file: %v, %d cards %d failures %d warnings", err, len(res.Cards), len(res.Failures), len(res.Warnings))
	}
}

// TestParallelParseLimit: over MaxCards the parallel path refuses the file
// as the sequential one does, whichever batch the limit falls in.
func TestParallelParseLimit(t *testing.T) {
	for _, max := range []int{1, cardBatch, 3*cardBatch + 5} {
		l := Limits{MaxCards: max}.withDefaults()
		for _, workers := range []int{1, 2} {
			_, err := processCards(mixedFile(4*cardBatch), l, workers)
			if !errors.Is(err, ErrTooManyCards) {
				t.Errorf("max %d, %d workers: %v", max, workers, err)
			}
		}
	}
}
