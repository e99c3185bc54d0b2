package usecase

import "testing"

// A card whose phone was kept as written (no country code) and no email:
// once the person is erased, the same card imported again, written
// another way, is refused as suppressed, and nothing of it is stored.
func TestErasedPersonWithPhoneKeptAsWrittenStaysOut(t *testing.T) {
	app, db := newTestApp(t)
	card := func(phone string) string {
		return "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jan de Vries\r\nTEL;TYPE=WORK:" + phone + "\r\nEND:VCARD\r\n"
	}
	res, err := app.Imports.Import([]string{writeVCF(t, "a.vcf", card("(0)20 555 0100"))}, ImportOptions{})
	if err != nil || res.Summary.Imported != 1 {
		t.Fatalf("first import: %v %s", err, res.Summary.Line())
	}
	p := db.Index().Search("jan de vries")[0]
	if p.PhoneRaw == "" {
		t.Fatal("the phone was not kept as written (the test needs a number without country code)")
	}
	if err := app.Rights.Erase(p.ID, "asked to be erased"); err != nil {
		t.Fatal(err)
	}
	for _, phone := range []string{"(0)20 555 0100", "020-5550100"} {
		res, err = app.Imports.Import([]string{writeVCF(t, "b.vcf", card(phone))}, ImportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if res.Summary.Suppressed != 1 || res.Summary.Imported != 0 || len(db.Index().Search("jan de vries")) != 0 {
			t.Errorf("%q after the erasure: %s", phone, res.Summary.Line())
		}
	}
}
