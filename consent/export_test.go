package consent

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-vcard"
)

var exportNow = time.Date(2026, 4, 1, 10, 0, 0, 0, time.UTC)

// exportRecord has a sealed ledger: collected, a newsletter grant by email,
// a pending phone grant, and a refusal of offers on every channel.
func exportRecord() Record {
	t0 := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	p := Prospect{ID: 42, Name: "Jørgen van der Ångström", Company: "Kunde AS", Title: "Innkjøpssjef",
		Email: "jorgen@kunde.example", Phone: "+4722334455", Source: SourceCard, Event: "Nordic Sales Expo",
		Lang: "nb", Created: t0, Updated: t0}
	events := []Event{
		{Time: t0, Rep: "kari", Kind: KindCollected, Source: SourceCard, EventName: "Nordic Sales Expo"},
		{Time: t0.Add(time.Hour), Rep: "kari", Kind: KindConsentGranted, Purpose: PurposeNewsletter, Channel: ChannelEmail,
			Method: MethodEmailReply, Evidence: "From: Jørgen <jorgen@kunde.example>\nJa takk", Expires: t0.AddDate(1, 0, 0)},
		{Time: t0.Add(2 * time.Hour), Rep: "kari", Kind: KindConsentGranted, Purpose: PurposeEvents, Channel: ChannelPhone,
			Method: MethodVerbalEmail, Pending: true},
		{Time: t0.Add(3 * time.Hour), Rep: "ola", Kind: KindConsentRefused, Purpose: PurposeOffers, Method: MethodEmailReply},
		{Time: t0.Add(4 * time.Hour), Rep: "ola", Kind: KindConsentGranted, Purpose: "webinars", Channel: ChannelEmail, Method: MethodWebForm},
	}
	for i := range events {
		events[i].Prospect = p.ID
		if i == 0 {
			events[i].Seal(nil)
		} else {
			events[i].Seal(&events[i-1])
		}
	}
	return Record{Prospect: p, Events: events, DNC: &DNCHit{Register: "Reservasjonsregisteret", Imported: t0}}
}

func TestExportJSON(t *testing.T) {
	r := exportRecord()
	var buf bytes.Buffer
	if err := ExportJSON(&buf, r, "kari", exportNow); err != nil {
		t.Fatal(err)
	}
	raw := buf.String()
	if !strings.Contains(raw, "\n  \"prospect\": {") {
		t.Errorf("not indented:\n%s", raw)
	}
	if !strings.Contains(raw, "<jorgen@kunde.example>") {
		t.Error("evidence is HTML-escaped; the person should read it as written")
	}
	var doc ExportDoc
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(doc.Prospect, r.Prospect) {
		t.Errorf("prospect = %+v, want %+v", doc.Prospect, r.Prospect)
	}
	if !reflect.DeepEqual(doc.Events, r.Events) {
		t.Errorf("events differ after the round trip")
	}
	if err := VerifyChain(doc.Events); err != nil {
		t.Errorf("exported ledger does not verify: %v", err)
	}
	if doc.LedgerHash != r.Events[len(r.Events)-1].Hash || doc.ExportedBy != "kari" || !doc.ExportedAt.Equal(exportNow) || doc.Format != ExportFormat {
		t.Errorf("header: hash %s by %s at %v format %s", doc.LedgerHash, doc.ExportedBy, doc.ExportedAt, doc.Format)
	}
	if doc.DoNotCall == nil || doc.DoNotCall.Register != "Reservasjonsregisteret" {
		t.Errorf("do-not-call = %+v", doc.DoNotCall)
	}

	type key struct {
		p  Purpose
		ch Channel
	}
	got := map[key]ExportConsent{}
	for _, c := range doc.Consents {
		if c.Status == StatusNone {
			t.Errorf("%s/%s: a none cell is exported", c.Purpose, c.Channel)
		}
		got[key{c.Purpose, c.Channel}] = c
	}
	want := map[key]ConsentStatus{
		{PurposeNewsletter, ChannelEmail}: StatusGranted,
		{PurposeEvents, ChannelPhone}:     StatusPending,
		{"webinars", ChannelEmail}:        StatusGranted, // a custom purpose
	}
	for _, ch := range Channels { // the refusal named no channel: it covers all
		want[key{PurposeOffers, ch}] = StatusRefused
	}
	if len(got) != len(want) {
		t.Errorf("%d consents exported, want %d: %+v", len(got), len(want), doc.Consents)
	}
	for k, st := range want {
		if got[k].Status != st {
			t.Errorf("%s/%s = %q, want %q", k.p, k.ch, got[k].Status, st)
		}
	}
	nl := got[key{PurposeNewsletter, ChannelEmail}]
	if nl.Method != MethodEmailReply || !nl.Since.Equal(r.Events[1].Time) || !nl.Expires.Equal(r.Events[1].Expires) {
		t.Errorf("newsletter consent = %+v", nl)
	}
}

func TestExportJSONEmptyLedger(t *testing.T) {
	var buf bytes.Buffer
	if err := ExportJSON(&buf, Record{Prospect: Prospect{ID: 1, Name: "A"}}, "kari", exportNow); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{`"events": []`, `"consents": []`, `"ledger_hash": ""`} {
		if !strings.Contains(buf.String(), s) {
			t.Errorf("missing %s in\n%s", s, buf.String())
		}
	}
	if strings.Contains(buf.String(), "do_not_call") {
		t.Error("do_not_call shown for a number on no register")
	}
}

func TestExportVCardRoundTrip(t *testing.T) {
	ps := []Prospect{
		exportRecord().Prospect,
		{Name: "Åsa Öberg", Company: "Nordisk Handel; Syd AB", Email: "asa@handel.example", Source: SourceReferral},
		{Name: "Zoë Müller-Lüdenscheidt", Company: "Müller, Söhne & Co.", Title: "Geschäftsführerin", Phone: "+4930901820", Source: SourceList},
		{Name: "Madonna", Source: SourceInbound},
	}
	var buf bytes.Buffer
	if err := ExportVCard(&buf, ps); err != nil {
		t.Fatal(err)
	}
	dec := vcard.NewDecoder(&buf)
	for i, p := range ps {
		c, err := dec.Decode()
		if err != nil {
			t.Fatalf("card %d: %v", i, err)
		}
		if c.Value(vcard.FieldVersion) != "4.0" || c.Kind() != vcard.KindIndividual || c.Value("KIND") != "individual" {
			t.Errorf("%s: version %q kind %q", p.Name, c.Value(vcard.FieldVersion), c.Kind())
		}
		if c.Value(vcard.FieldFormattedName) != p.Name {
			t.Errorf("FN = %q, want %q", c.Value(vcard.FieldFormattedName), p.Name)
		}
		family, given := SplitName(p.Name)
		if n := c.Name(); n == nil || n.FamilyName != family || n.GivenName != given {
			t.Errorf("%s: N = %+v, want %q/%q", p.Name, n, family, given)
		}
		// ORG is structured: go-vcard hands its components over still
		// escaped, so the company's own ";" reads "\;" (not a unit).
		if got, want := c.Value(vcard.FieldOrganization), strings.ReplaceAll(p.Company, ";", `\;`); got != want {
			t.Errorf("ORG = %q, want %q", got, want)
		}
		if c.Value(vcard.FieldTitle) != p.Title {
			t.Errorf("TITLE = %q, want %q", c.Value(vcard.FieldTitle), p.Title)
		}
		if e := c.Get(vcard.FieldEmail); (e == nil) != (p.Email == "") || (e != nil && (e.Value != p.Email || !e.Params.HasType("work"))) {
			t.Errorf("%s: EMAIL = %+v", p.Name, e)
		}
		tel := c.Get(vcard.FieldTelephone)
		if (tel == nil) != (p.Phone == "") || (tel != nil && (tel.Value != "tel:"+p.Phone || tel.Params.Get("VALUE") != "uri" || !tel.Params.HasType("work"))) {
			t.Errorf("%s: TEL = %+v", p.Name, tel)
		}
		if c.Value(VCardSourceField) != string(p.Source) {
			t.Errorf("source = %q, want %q", c.Value(VCardSourceField), p.Source)
		}
		if c.Get(vcard.FieldNote) != nil {
			t.Error("a NOTE was written")
		}
	}
	if _, err := dec.Decode(); !errors.Is(err, io.EOF) {
		t.Errorf("extra data after the last card: %v", err)
	}
}

func TestSplitName(t *testing.T) {
	for _, c := range []struct{ in, family, given string }{
		{"Jørgen Ångström", "Ångström", "Jørgen"},
		{"Jan van der Berg", "van der Berg", "Jan"},
		{"Anna Maria Schmidt", "Schmidt", "Anna Maria"},
		{"Ludwig von Beethoven", "von Beethoven", "Ludwig"},
		{"van Dijk", "Dijk", "van"}, // at least one given word stays
		{"Madonna", "Madonna", ""},
		{"  ", "", ""},
	} {
		if f, g := SplitName(c.in); f != c.family || g != c.given {
			t.Errorf("SplitName(%q) = %q, %q; want %q, %q", c.in, f, g, c.family, c.given)
		}
	}
}

func TestExportVCardControlCharacters(t *testing.T) {
	var buf bytes.Buffer
	if err := ExportVCard(&buf, []Prospect{{Name: "Eve\r\nEMAIL:evil@x", Company: "A\rB"}}); err != nil {
		t.Fatal(err)
	}
	c, err := vcard.NewDecoder(&buf).Decode()
	if err != nil {
		t.Fatal(err)
	}
	if len(c[vcard.FieldEmail]) != 0 {
		t.Error("a newline in a value injected a property")
	}
	if c.Value(vcard.FieldFormattedName) != "Eve EMAIL:evil@x" {
		t.Errorf("FN = %q", c.Value(vcard.FieldFormattedName))
	}
}
