package store

import (
	"bytes"
	"errors"
	"os"
	"testing"

	"warmlead/consent"
)

// Issue 20, "suppression has no gaps": the addresses a person had before a
// rectification are suppressed by their erasure too, and the history that
// remembers them holds keyed hashes only, never the values.
func TestErasureSuppressesRectifiedContactDetails(t *testing.T) {
	db, path := newTestDB(t, Options{InsecurePlaintext: true}) // so a clear value would show in the file
	p := addTest(t, db, "Rex Rectified", "Moved BV", "rex@old.example", "+31 20 555 0101")
	keep := addTest(t, db, "Kim Kept", "Stays BV", "kim@kept.example", "")
	if _, err := db.EditProspect(p.ID, "email", "rex@new.example", AddOptions{Rep: "Rita Rep", Region: "NL"}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.EditProspectFields(p.ID, []FieldChange{{"phone", "+31 20 555 0202"}, {"email", "rex@newer.example"}}, AddOptions{Rep: "Rita Rep", Region: "NL"}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.EditProspect(keep.ID, "email", "kim@moved.example", AddOptions{Rep: "Rita Rep", Region: "NL"}); err != nil {
		t.Fatal(err)
	}
	// Before the erasure the old addresses are free: a rectification is
	// not an objection.
	if db.IsSuppressed("rex@old.example", "") {
		t.Fatal("a rectified address is suppressed before any erasure")
	}
	if err := db.Erase(p.ID, eraseReason, "Rita Rep", day2); err != nil {
		t.Fatal(err)
	}
	for _, c := range [][2]string{{"rex@old.example", ""}, {"rex@new.example", ""}, {"rex@newer.example", ""}, {"", "+31205550101"}, {"", "+31205550202"}} {
		if !db.IsSuppressed(c[0], c[1]) {
			t.Errorf("%v is not suppressed after the erasure", c)
		}
	}
	_, err := db.AddProspect(consent.Prospect{Name: "Rex Again", Email: "REX@old.example", Source: consent.SourceCard}, AddOptions{Region: "NL"})
	if !errors.As(err, new(*SuppressedError)) {
		t.Fatalf("an erased person's old address was added again: %v", err)
	}
	sum, err := db.ImportProspects([]ImportItem{{Prospect: consent.Prospect{Name: "Rex Card", Phone: "+31 20 555 0101", Source: consent.SourceCard}}}, AddOptions{Region: "NL"}, nil)
	if err != nil || sum.Suppressed != 1 {
		t.Fatalf("an erased person's old phone imported again: %+v %v", sum, err)
	}
	// Someone else's old address stays free, and their history stays.
	if db.IsSuppressed("kim@kept.example", "") {
		t.Fatal("another prospect's old address is suppressed")
	}
	want := join(u64(keep.ID), db.suppressKey("email", "kim@kept.example"))
	db.Close()

	hist := rawKeys(t, path, bIdxHistory)
	if len(hist) != 1 || !bytes.Equal(hist[0], want) {
		t.Fatalf("history after the erasure: %x", hist)
	}
	file, _ := os.ReadFile(path)
	for _, clear := range []string{"rex@old.example", "rex@new.example", "+31205550101"} {
		if bytes.Contains(file, []byte(clear)) {
			t.Errorf("%s is in the file in clear", clear)
		}
	}
}

// Issue 20: a declined referral's person is refused by add and import too,
// not only by a new introduction.
func TestDeclinedReferralSuppressesAddAndImport(t *testing.T) {
	db, _ := newTestDB(t, Options{})
	cust := addTest(t, db, "Carl Customer", "Buyer BV", "carl@buyer.example", "")
	ref, err := db.Refer(cust.ID, consent.Prospect{Name: "Rosa Referred", Company: "Intro BV"}, "warehouse software", AddOptions{Rep: "Rita Rep"})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.DeclineReferral(ref.ID, "no thanks", "Rita Rep", day2); err != nil {
		t.Fatal(err)
	}
	var se *SuppressedError
	_, err = db.AddProspect(consent.Prospect{Name: "rosa referred", Company: "INTRO BV", Email: "rosa@intro.example", Source: consent.SourceCard}, AddOptions{})
	if !errors.As(err, &se) || se.Message().Template != tSuppressedDeclined || err.Error() != tSuppressedDeclined {
		t.Fatalf("add of a declined referral: %v", err)
	}
	sum, err := db.ImportProspects([]ImportItem{
		{Prospect: consent.Prospect{Name: "Rosa Referred", Company: "Intro BV", Phone: "+31 20 555 0303", Source: consent.SourceCard}},
		{Prospect: consent.Prospect{Name: "Rosa Referred", Company: "Other BV", Source: consent.SourceCard}}, // someone else
	}, AddOptions{Region: "NL"}, nil)
	if err != nil || sum.Suppressed != 1 || sum.Imported != 1 || sum.Problems[0].Code != ProblemSuppressed {
		t.Fatalf("import of a declined referral: %+v %v", sum, err)
	}
	if _, err := db.Refer(cust.ID, consent.Prospect{Name: "Rosa Referred", Company: "Intro BV"}, "again", AddOptions{Rep: "Rita Rep"}); !errors.As(err, &se) {
		t.Fatalf("a second introduction: %v", err)
	}
}
