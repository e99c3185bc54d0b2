package pdfreport

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"warmlead/consent"
)

// genTime is when the test documents are generated; a fixed UTC time keeps
// the dates in them predictable.
var genTime = time.Date(2026, 3, 20, 16, 45, 0, 0, time.UTC)

func testMeta() Meta {
	s := consent.DefaultSettings()
	s.Rep, s.Company, s.PrivacyURL = "Rita Rep", "Acme BV", "https://acme.example/privacy"
	return Meta{GeneratedBy: "Mia Manager", GeneratedAt: genTime, Settings: s}
}

// ledger seals events in order, as the store does.
func ledger(id uint64, evs ...consent.Event) []consent.Event {
	for i := range evs {
		evs[i].Prospect = id
		var prev *consent.Event
		if i > 0 {
			prev = &evs[i-1]
		}
		evs[i].Seal(prev)
	}
	return evs
}

func at(day, hour, min int) time.Time { return time.Date(2026, 3, day, hour, min, 7, 0, time.UTC) }

// richRecord is a card prospect with about 20 events of every kind.
func richRecord(id uint64, name, company string) consent.Record {
	p := consent.Prospect{ID: id, Name: name, Company: company, Title: "Head of Purchasing", Email: "jorgen@nordlys.example",
		Phone: "+31205550100", Source: consent.SourceCard, Event: "Vakbeurs Utrecht", Created: at(2, 9, 30), Updated: at(12, 10, 0)}
	evs := []consent.Event{
		{Time: at(2, 9, 30), Rep: "Rita Rep", Kind: consent.KindCollected, Source: consent.SourceCard, EventName: "Vakbeurs Utrecht"},
		{Time: at(2, 15, 0), Rep: "Rita Rep", Kind: consent.KindEmailGenerated, Note: "follow-up email (en)",
			Evidence: "Subject: Nice to meet you at Vakbeurs Utrecht\n\nDear Jørgen,\n\nThank you for the talk at our stand. As promised I send you our price list. Our privacy statement: https://acme.example/privacy. Kind regards, Rita"},
		{Time: at(2, 15, 1), Rep: "Rita Rep", Kind: consent.KindInformed, Note: "privacy statement in the follow-up email"},
		{Time: at(3, 11, 0), Rep: "Rita Rep", Kind: consent.KindConsentGranted, Purpose: consent.PurposeNewsletter, Channel: consent.ChannelEmail,
			Method: consent.MethodEmailReply, Evidence: "Yes, please add me to your newsletter. — Jørgen"},
		{Time: at(3, 11, 5), Rep: "Rita Rep", Kind: consent.KindConsentGranted, Purpose: consent.PurposeEvents, Channel: consent.ChannelEmail,
			Method: consent.MethodWebForm, Evidence: "form 4711 confirmed by double opt-in link", Expires: time.Date(2027, 3, 3, 0, 0, 0, 0, time.UTC)},
		{Time: at(4, 10, 0), Rep: "Rita Rep", Kind: consent.KindCallLogged, Outcome: consent.OutcomeReached, Agreed: "send a quote for 40 licences",
			Callback: time.Date(2026, 3, 25, 0, 0, 0, 0, time.UTC)},
		{Time: at(4, 10, 20), Rep: "Rita Rep", Kind: consent.KindConsentGranted, Purpose: consent.PurposeOffers, Channel: consent.ChannelPhone,
			Method: consent.MethodVerbalEmail, Pending: true},
		{Time: at(5, 9, 0), Rep: "Rita Rep", Kind: consent.KindConsentGranted, Purpose: consent.PurposeOffers, Channel: consent.ChannelPhone,
			Method: consent.MethodVerbalEmail, Evidence: "Re: our call — yes, you may call me about offers. Jørgen Ångström, Nordlys AS, Trondheim"},
		{Time: at(5, 9, 30), Rep: "Sven Støre", Kind: consent.KindConsentRefused, Purpose: consent.PurposeTracking, Channel: consent.ChannelEmail,
			Method: consent.MethodEmailReply, Evidence: "No tracking please."},
		{Time: at(6, 14, 0), Rep: "Sven Støre", Kind: consent.KindConsentGranted, Purpose: consent.PurposeProductInfo, Channel: consent.ChannelPost,
			Method: consent.MethodSigned, Evidence: "signed reply card, scanned as card-0042.pdf", AskAgain: time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)},
		{Time: at(7, 8, 0), Rep: "Rita Rep", Kind: consent.KindRectified, Field: "company", Old: "Nordlys", New: company},
		{Time: at(8, 16, 0), Rep: "Rita Rep", Kind: consent.KindConsentWithdrawn, Purpose: consent.PurposeEvents, Channel: consent.ChannelEmail,
			Method: consent.MethodEmailReply, Evidence: strings.Repeat("Please remove me from the event invitations, I no longer organise our trade fair visits. ", 5)},
		{Time: at(9, 12, 0), Rep: "Rita Rep", Kind: consent.KindCallLogged, Outcome: consent.OutcomeNoAnswer},
		{Time: at(9, 12, 30), Rep: "Rita Rep", Kind: consent.KindCallLogged, Outcome: consent.OutcomeVoicemail},
		{Time: at(10, 9, 0), Rep: "Rita Rep", Kind: consent.KindEmailGenerated, Note: "quote", Evidence: "Subject: Your quote\n\nDear Jørgen, here is the quote for 40 licences."},
		{Time: at(11, 9, 0), Rep: "Rita Rep", Kind: consent.KindConsentGranted, Purpose: consent.PurposeThirdParty, Channel: consent.ChannelEmail,
			Method: consent.MethodWebForm, Evidence: "partner programme sign-up #99"},
		{Time: at(11, 9, 30), Rep: "Rita Rep", Kind: consent.KindExported, Note: "json to standard output"},
		{Time: at(12, 10, 0), Rep: "Rita Rep", Kind: consent.KindConsentGranted, Purpose: "webinars", Channel: consent.ChannelSMS,
			Method: consent.MethodRecordedCall, Evidence: "call recording 2026-03-12 10:00"},
		{Time: at(12, 10, 5), Rep: "Rita Rep", Kind: consent.KindCallLogged, Outcome: consent.OutcomeReached, Agreed: "demo in April"},
		{Time: at(13, 10, 0), Rep: "Rita Rep", Kind: consent.KindReactivated, Note: "asked for the April demo"},
	}
	return consent.Record{Prospect: p, Events: ledger(id, evs...), DNC: &consent.DNCHit{Register: "NL Bel-me-niet", Imported: at(1, 8, 0)}}
}

// team builds n prospects of varied sources, names and ledgers.
func team(n int) []consent.Record {
	names := []string{"Jørgen Ångström", "Łukasz Żółw", "Anna Schüller", "Piet de Vries", "Åsa Öberg", "Zoë Müller", "Mateusz Wąsik", "Ingrid Bø"}
	companies := []string{"Nordlys AS", "Żabka Polska sp. z o.o.", "Bäckerei Schüller GmbH", "De Vries & Zonen BV", "Öresund Konsult AB", ""}
	out := make([]consent.Record, n)
	for i := range out {
		id := uint64(i + 1)
		src := consent.Sources[i%len(consent.Sources)]
		name := fmt.Sprintf("%s %d", names[i%len(names)], i+1)
		company := companies[i%len(companies)]
		created := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC).AddDate(0, 0, i%70)
		p := consent.Prospect{ID: id, Name: name, Company: company, Email: fmt.Sprintf("p%d@example.com", i+1), Source: src, Created: created, Updated: created}
		evs := []consent.Event{{Time: created, Rep: "Rita Rep", Kind: consent.KindCollected, Source: src}}
		if i%3 == 0 {
			evs = append(evs, consent.Event{Time: created.Add(time.Hour), Rep: "Rita Rep", Kind: consent.KindInformed, Note: "Art. 14 notice (en)"})
		}
		// A varying number of consent events, 2 to 18.
		for j := 0; j < 2+i%17; j++ {
			kind := []consent.EventKind{consent.KindConsentGranted, consent.KindConsentGranted, consent.KindConsentRefused, consent.KindConsentWithdrawn}[j%4]
			evs = append(evs, consent.Event{Time: created.Add(time.Duration(j+2) * time.Hour), Rep: "Rita Rep", Kind: kind,
				Purpose: consent.Purposes[(i+j)%len(consent.Purposes)], Channel: consent.Channels[j%len(consent.Channels)],
				Method: consent.MethodEmailReply, Evidence: fmt.Sprintf("Reply %d from %s: yes please, or rather no thank you, as discussed on the phone.", j, name)})
		}
		out[i] = consent.Record{Prospect: p, Events: ledger(id, evs...)}
	}
	return out
}

// pdfText runs pdftotext on path with args (e.g. "-layout") and returns
// the text; pages are separated by form feeds. The test is skipped where
// poppler is missing (CI has it).
func pdfText(t testing.TB, path string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	out, err := exec.Command("pdftotext", append(append(args, path), "-")...).CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext %s: %v\n%s", path, err, out)
	}
	return string(out)
}

// writeDoc runs gen into a file in a temp dir and returns its path.
func writeDoc(t *testing.T, name string, gen func(*bytes.Buffer) error) string {
	t.Helper()
	var buf bytes.Buffer
	if err := gen(&buf); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// snapshot renders page 1 of path (or the pages given) as PNG into
// artifacts/ at the repository root, for a person to look at.
func snapshot(t *testing.T, path, name string, pages ...int) {
	t.Helper()
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		return
	}
	dir := filepath.Join("..", "..", "artifacts")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if len(pages) == 0 {
		pages = []int{1}
	}
	for _, pg := range pages {
		out := filepath.Join(dir, fmt.Sprintf("%s-p%d", name, pg))
		n := fmt.Sprint(pg)
		if b, err := exec.Command("pdftoppm", "-png", "-r", "60", "-f", n, "-l", n, "-singlefile", path, out).CombinedOutput(); err != nil {
			t.Fatalf("pdftoppm: %v\n%s", err, b)
		}
	}
}
