package cardgen

import (
	"bytes"
	"encoding/json"
	"errors"
	"image/jpeg"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nyaruka/phonenumbers"
)

func skipWithoutFonts(t *testing.T, err error) {
	t.Helper()
	if errors.Is(err, ErrNoFonts) {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
}

// The same seed gives the same photo; another index another one.
func TestGenerateIsDeterministic(t *testing.T) {
	a, err := Generate(9, 0)
	skipWithoutFonts(t, err)
	b, _ := Generate(9, 0)
	c, _ := Generate(9, 1)
	if !bytes.Equal(a.Photo, b.Photo) || a.Truth != b.Truth {
		t.Error("seed 9 card 0 differs between two runs")
	}
	if bytes.Equal(a.Photo, c.Photo) {
		t.Error("cards 0 and 1 are the same photo")
	}
	img, err := jpeg.Decode(bytes.NewReader(a.Photo))
	if err != nil || img.Bounds().Dx() != photoW || img.Bounds().Dy() != photoH {
		t.Fatalf("photo: %v %v", err, img.Bounds())
	}
}

// Truths are consistent: numbers valid E.164, the phone is the landline
// or else the mobile, the email spelled from the company, the QR text
// holds the fields.
func TestTruths(t *testing.T) {
	seen := map[string]bool{}
	for i := range 200 {
		tr, p := newTruth(randFor(4, i))
		seen[tr.Country] = true
		for _, n := range []string{tr.Phone, tr.Mobile, tr.Fax} {
			if n == "" {
				continue
			}
			num, err := phonenumbers.Parse(n, "ZZ")
			if err != nil || !phonenumbers.IsValidNumber(num) || phonenumbers.Format(num, phonenumbers.E164) != n {
				t.Errorf("card %d: %q is not a valid E.164 number", i, n)
			}
		}
		if tr.Phone == "" || tr.Phone == tr.Fax {
			t.Errorf("card %d: phone %q fax %q", i, tr.Phone, tr.Fax)
		}
		if !strings.Contains(tr.Email, "@"+Fold(strings.Join(strings.Fields(tr.Company)[:2], ""))) {
			t.Errorf("card %d: email %q does not spell %q", i, tr.Email, tr.Company)
		}
		if len(p.Contacts) < 2 || p.Name != tr.Name {
			t.Errorf("card %d: printed %+v", i, p)
		}
		if tr.QR != "" && (!strings.Contains(qrText(tr), tr.Email) || !strings.Contains(qrText(tr), tr.Phone)) {
			t.Errorf("card %d: QR text %q lacks the email or the phone", i, qrText(tr))
		}
	}
	if len(seen) != 5 {
		t.Errorf("countries %v, want the five", seen)
	}
}

func TestWriteFolder(t *testing.T) {
	dir := t.TempDir()
	truths, err := WriteFolder(dir, 3, 11)
	skipWithoutFonts(t, err)
	if len(truths) != 3 {
		t.Fatalf("%d truths", len(truths))
	}
	var onDisk []Truth
	b, err := os.ReadFile(filepath.Join(dir, "truth.json"))
	if err != nil || json.Unmarshal(b, &onDisk) != nil || len(onDisk) != 3 || onDisk[2] != truths[2] {
		t.Fatalf("truth.json: %v %+v", err, onDisk)
	}
	for _, tr := range truths {
		if _, err := os.Stat(filepath.Join(dir, tr.File)); err != nil {
			t.Error(err)
		}
	}
}

func TestSame(t *testing.T) {
	for _, tt := range []struct {
		field, want, got string
		same             bool
	}{
		{"name", "Jørgen Bråten", " jørgen  bråten ", true},
		{"name", "Jørgen Bråten", "Jorgen Braten", false},
		{"company", "Polder Advies B.V.", "Polder Advies B.V.,", true},
		{"company", "Polder Advies B.V.", "Polder Advies B.V", false},
		{"phone", "+31201234567", "+31 20 123 4567", true},
		{"phone", "+31201234567", "", false},
	} {
		if got := Same(tt.field, tt.want, tt.got); got != tt.same {
			t.Errorf("Same(%s, %q, %q) = %v", tt.field, tt.want, tt.got, got)
		}
	}
}
