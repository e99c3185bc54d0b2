package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
	"warmlead/ui/i18n"
)

const originCards = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jan de Vries\r\nEMAIL:jan@vries.example\r\nTEL:(0)20 555 0100\r\nEND:VCARD\r\n" +
	"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Piet Bakker\r\nEMAIL:piet@bakker.example\r\nTEL:12\r\nEND:VCARD\r\n"

func writeOriginCards(t *testing.T) []string {
	path := filepath.Join(t.TempDir(), "outlook.vcf")
	if err := os.WriteFile(path, []byte(originCards), 0o600); err != nil {
		t.Fatal(err)
	}
	return []string{path}
}

// The import asks where the contacts come from with nothing chosen, asks
// the event only for cards and the vendor (required) only for a bought
// list, offers the country, and imports what the rep chose.
func TestImportDialogAsksWhereContactsComeFrom(t *testing.T) {
	g := openMain(t)
	d := askEventAndImport(g, writeOriginCards(t), nil)
	if d.source.Selected != "" || !d.ok.Disabled() {
		t.Fatalf("preselected %q, button enabled %v", d.source.Selected, !d.ok.Disabled())
	}
	want := []string{"Business cards swapped at an event or meeting", "My own address book (an Outlook or phone export)",
		"A bought or rented list", "Our customers", "People who contacted us (web form, sign-up)", "Connections on a social network (LinkedIn, Xing)"}
	if !slices.Equal(d.source.Options, want) {
		t.Fatalf("options %q", d.source.Options)
	}
	if d.country.Code() != g.region() {
		t.Errorf("country %q, want the setting's %q", d.country.Code(), g.region())
	}
	formLabels := func() []string {
		var out []string
		for _, f := range []*widget.Form{d.eventRow, d.vendorRow} {
			if f.Visible() {
				out = append(out, f.Items[0].Text)
			}
		}
		return out
	}
	d.source.SetSelected(want[0])
	if !slices.Equal(formLabels(), []string{"Event"}) || d.ok.Disabled() {
		t.Fatalf("cards: asks %q, enabled %v", formLabels(), !d.ok.Disabled())
	}
	if d.event.Text != "" {
		t.Errorf("event prefilled with %q", d.event.Text)
	}
	d.source.SetSelected(want[2])
	if !slices.Equal(formLabels(), []string{"List vendor"}) || !d.ok.Disabled() || !strings.Contains(d.status.Text, "vendor") {
		t.Fatalf("list: asks %q, enabled %v, %q", formLabels(), !d.ok.Disabled(), d.status.Text)
	}
	test.Type(d.vendor, "LeadCo")
	if d.ok.Disabled() {
		t.Fatal("list with a vendor: still disabled")
	}
	d.source.SetSelected(want[1])
	if len(formLabels()) != 0 || d.ok.Disabled() {
		t.Fatalf("address book: asks %q", formLabels())
	}
	d.country.SetCode("NL")
	test.Tap(d.ok)
	g.wait()

	jan := g.db.Index().Search("jan de vries")
	piet := g.db.Index().Search("piet bakker")
	if len(jan) != 1 || len(piet) != 1 {
		t.Fatalf("imported: %v %v", jan, piet)
	}
	rj, _ := g.db.Record(jan[0].ID)
	rp, _ := g.db.Record(piet[0].ID)
	if rj.Prospect.Source != consent.SourceAddressBook || rj.Prospect.Phone != "+31205550100" || rj.Prospect.ListVendor != "" {
		t.Errorf("jan: %+v", rj.Prospect)
	}
	if rp.Prospect.Phone != "" || rp.Prospect.PhoneRaw != "12" || rp.Prospect.Email != "piet@bakker.example" {
		t.Errorf("piet: %+v", rp.Prospect)
	}
	counted := anyUnder(g.win.Canvas().Overlays().Top(), true, false, func(o fyne.CanvasObject) bool {
		l, ok := o.(*widget.Label)
		return ok && strings.Contains(l.Text, "cards: 1 imported whole, 1 imported with a field dropped or kept as written, 0 failed")
	})
	if !counted {
		t.Error("the result does not count the cards")
	}
}

// A prospect whose number was kept as written: the Details tab flags it,
// the Contact tab's Call is disabled with the reason, the call dialog does
// not log; once corrected, Call is back.
func TestFlaggedProspectCannotBeCalled(t *testing.T) {
	g := openMain(t)
	runImportFrom(g, writeOriginCards(t), importOrigin{Source: consent.SourceCard, Event: "Expo", Country: "NL"}, nil)
	g.wait()
	id := g.db.Index().Search("piet bakker")[0].ID
	det := g.shell.prospects.detail
	det.show(id)
	g.wait()
	flagged := false
	for _, it := range det.fields.Items {
		if l, ok := it.Widget.(*widget.Label); ok && it.Text == "Phone" && strings.HasPrefix(l.Text, "12 · kept as written, no country code") {
			flagged = l.Importance == widget.DangerImportance
		}
	}
	if !flagged {
		t.Error("the Details tab does not flag the number")
	}
	call, reason := det.consents.buttons[consent.ChannelPhone], det.consents.reasons[consent.ChannelPhone]
	if !call.Disabled() || !strings.Contains(reason.Text, "no country code: cannot check the do-not-call register") {
		t.Fatalf("Call: disabled %v, reason %q", call.Disabled(), reason.Text)
	}
	if det.consents.buttons[consent.ChannelEmail].Disabled() {
		t.Error("email is blocked too")
	}
	c := showCallDialog(g, det.rec, nil)
	if !c.save.Disabled() || !strings.Contains(c.status.Text, "no country code") {
		t.Fatalf("call dialog: save enabled %v, %q", !c.save.Disabled(), c.status.Text)
	}
	c.dlg.Hide()
	if _, err := g.uc.Prospects.Edit(id, "phone", "+31 20 555 0111"); err != nil {
		t.Fatal(err)
	}
	det.show(id)
	g.wait()
	if call.Disabled() {
		t.Errorf("Call still disabled after the correction: %q", reason.Text)
	}
}

// In Dutch the flag and the reason are translated.
func TestFlaggedProspectInDutch(t *testing.T) {
	g := openMain(t)
	runImportFrom(g, writeOriginCards(t), importOrigin{Source: consent.SourceAddressBook, Country: "NL"}, nil)
	g.wait()
	i18n.Use("nl")
	t.Cleanup(func() { i18n.Use("en") })
	det := g.shell.prospects.detail
	det.show(g.db.Index().Search("piet bakker")[0].ID)
	g.wait()
	if r := det.consents.reasons[consent.ChannelPhone].Text; !strings.HasPrefix(r, "Niet toegestaan: geen landcode") {
		t.Errorf("reason %q", r)
	}
	if r := det.consents.reasons[consent.ChannelEmail].Text; !strings.Contains(r, "eigen adresboek") {
		t.Errorf("email reason %q", r)
	}
}

// The Settings screen shows the country numbers are read in (the
// language's until one is chosen), names countries in the screen's
// language, and saves the choice, which the card form then reads with.
func TestSettingsCountry(t *testing.T) {
	g := openMain(t)
	g.shell.show("settings")
	st := g.shell.settings
	if st.country.Code() != g.settings.PhoneRegion() {
		t.Fatalf("shows %q, want %q", st.country.Code(), g.settings.PhoneRegion())
	}
	st.country.SetCode("NO")
	if st.country.Selected != "Norway (NO)" {
		t.Errorf("label %q", st.country.Selected)
	}
	test.Tap(st.save)
	g.wait()
	saved, _ := g.db.Settings()
	if saved.Country != "NO" || g.region() != "NO" {
		t.Fatalf("saved %q, region %q", saved.Country, g.region())
	}
	if n, err := consent.NormalizePhone("22 33 44 55", g.region()); err != nil || n != "+4722334455" {
		t.Errorf("national number read as %q, %v", n, err)
	}
	i18n.Use("de")
	t.Cleanup(func() { i18n.Use("en") })
	if s := newCountrySelect("NO"); s.Selected != "Norwegen (NO)" {
		t.Errorf("in German: %q", s.Selected)
	}
}

// Correct details shows the number as written to be corrected; other fields
// save while it is not corrected, and the corrected number lifts the flag.
func TestCorrectAFlaggedNumber(t *testing.T) {
	g := openMain(t)
	runImportFrom(g, writeOriginCards(t), importOrigin{Source: consent.SourceAddressBook, Country: "NL"}, nil)
	g.wait()
	id := g.db.Index().Search("piet bakker")[0].ID
	p, _ := g.db.Prospect(id)
	f := showProspectForm(g, &p, nil)
	if f.phone.Text != "12" {
		t.Fatalf("phone entry %q", f.phone.Text)
	}
	f.title.SetText("Inkoper")
	f.onSave()
	g.wait()
	if got, _ := g.db.Prospect(id); got.Title != "Inkoper" || got.PhoneRaw != "12" || f.status.Text != "" {
		t.Fatalf("after saving the title: %+v, %q", got, f.status.Text)
	}
	p, _ = g.db.Prospect(id)
	f = showProspectForm(g, &p, nil)
	f.phone.SetText("+31 20 555 0111")
	f.onSave()
	g.wait()
	if got, _ := g.db.Prospect(id); got.Phone != "+31205550111" || got.PhoneRaw != "" {
		t.Fatalf("after the correction: %+v, %q", got, f.status.Text)
	}
}
