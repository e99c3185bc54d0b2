package ui

import (
	"os"
	"strings"
	"testing"

	"warmlead/consent"
	"warmlead/store"
	"warmlead/store/storetest"
	"warmlead/ui/i18n"
)

// damageLedgerPage overwrites the type of the page holding prospect id's
// first event, in a closed database file.
func damageLedgerPage(t *testing.T, path string, id uint64) {
	t.Helper()
	page := storetest.PageOfEvent(t, path, id, 1)
	file, _ := os.ReadFile(path)
	file[page+8] = 0x99
	os.WriteFile(path, file, 0o600)
}

// Issue 20: a prospect whose ledger page is damaged opens as a message in
// the rep's language (not a crash of the app), the others open as before,
// and the Today screen lists what is due, saying how many it left out.
func TestDamagedLedgerOpensAsAMessage(t *testing.T) {
	db, path := createUnlockedDB(t)
	for range 100 {
		p, err := db.AddProspect(consent.Prospect{Name: "Listed Person", Company: "Pages BV", Source: consent.SourceList}, store.AddOptions{Rep: "Rita Rep", Region: "NL"})
		if err != nil {
			t.Fatal(err)
		}
		db.AppendEvent(p.ID, consent.Event{Rep: "Rita Rep", Kind: consent.KindConsentGranted, Purpose: consent.PurposeNewsletter,
			Channel: consent.ChannelEmail, Method: consent.MethodSigned, Evidence: "signed at the stand, with a longer note to fill the pages"})
	}
	if err := db.Compact(); err != nil {
		t.Fatal(err)
	}
	db.Close()
	damageLedgerPage(t, path, 50)

	g := startWithPassphraseFile(t, path)
	if g.shell == nil {
		t.Fatal("not unlocked")
	}
	g.shell.show("today")
	g.wait()
	if s := g.shell.today.summary.Text; !strings.Contains(s, "things due") || !strings.Contains(s, "left out") {
		t.Fatalf("Today says %q", s)
	}

	d := showDetail(g, 50)
	if d.name.Text != "Cannot show this prospect" || !strings.Contains(d.status.Text, "integrity check") {
		t.Fatalf("the damaged prospect shows %q: %q", d.name.Text, d.status.Text)
	}
	d.show(1)
	g.wait()
	if d.rec.Prospect.ID != 1 || d.name.Text == "Cannot show this prospect" {
		t.Fatalf("an undamaged prospect shows %q: %q", d.name.Text, d.status.Text)
	}

	// In Dutch, the same message, translated.
	i18n.Use("nl")
	d.show(50)
	g.wait()
	if !strings.Contains(d.status.Text, "integriteitscontrole") {
		t.Fatalf("in Dutch the damaged prospect shows %q", d.status.Text)
	}
}
