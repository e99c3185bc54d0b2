package csvin

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// Whatever the bytes, Read and Apply neither panic nor lose a row: every
// row number is a row or a failure, once, and no problem quotes the file.
func FuzzReadAndApply(f *testing.F) {
	for _, s := range []string{
		"name,email\nAnna,a@b.example\n",
		"sep=;\nname;email;newsletter;submitted at\nAnna;a@b.example;yes;2026-11-12 14:03\n",
		"\xEF\xBB\xBFname\tphone\n\"Bo\"\"\t12\n",
		"\xFF\xFEn\x00a\x00m\x00e\x00\n\x00",
		"name,\"unclosed\nAnna,x\n\"",
		"Vorname;Nachname;Firma\r\nJ\xfcrgen;Gr\xf6\xdfe;M\xfcller\r\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		tb, err := Read(bytes.NewReader(data), Limits{MaxBytes: 1 << 20, MaxRows: 1000})
		if err != nil {
			return
		}
		res := Apply(tb, AutoMap(tb.Header), Options{Source: "inbound", Region: "NL", Now: time.Now(), DayFirst: true})
		seen := map[int]bool{}
		for _, r := range res.Rows {
			seen[r.Number] = true
		}
		for _, p := range res.Failures {
			if seen[p.Number] {
				t.Fatalf("row %d both imported and failed", p.Number)
			}
			seen[p.Number] = true
		}
		for _, r := range tb.Rows {
			if !seen[r.Number] {
				t.Fatalf("row %d lost", r.Number)
			}
		}
		for _, p := range append(res.Failures, res.Warnings...) {
			for _, r := range tb.Rows {
				for _, v := range r.Fields {
					// A message names its column: a value that is part of a
					// column's name ("sletter" of "newsletter") is not quoted.
					if len(v) > 6 && strings.Contains(p.Msg.String(), v) && !inHeader(tb.Header, v) {
						t.Fatalf("row %d's problem quotes %q", p.Number, v)
					}
				}
			}
		}
	})
}

// inHeader tells whether v is part of a column's name.
func inHeader(header []string, v string) bool {
	for _, h := range header {
		if strings.Contains(strings.ToLower(h), strings.ToLower(v)) {
			return true
		}
	}
	return false
}
