package store

import (
	"errors"
	"slices"
	"sync"
	"testing"
	"time"
	"unsafe"

	"warmlead/consent"
)

// facetDB holds four prospects whose names, companies and sources sort
// differently, so each order and filter shows in the result.
func facetDB(t *testing.T) (*DB, map[string]uint64) {
	t.Helper()
	db, _ := newTestDB(t, Options{})
	ids := map[string]uint64{}
	for _, p := range []consent.Prospect{
		{Name: "Anna Berg", Company: "Zeta AB", Phone: "+31 20 555 0101", Source: consent.SourceCard},
		{Name: "Bram Claes", Company: "Alpha BV", Email: "bram@alpha.example", Source: consent.SourceList, ListVendor: "Leads BV"},
		{Name: "Cora Dahl", Source: consent.SourceReferral},
		{Name: "Dirk Eik", Company: "Mid GmbH", Phone: "+31 20 555 0104", Source: consent.SourceCard},
	} {
		added, err := db.AddProspect(p, AddOptions{Rep: "Rita Rep", Region: "NL"})
		if err != nil {
			t.Fatal(err)
		}
		ids[p.Name[:1]] = added.ID
	}
	return db, ids
}

// names lists q's result by first letters ("ABCD").
func names(t *testing.T, db *DB, q ListQuery) string {
	t.Helper()
	got, err := db.Index().List(q, nil)
	if err != nil {
		t.Fatal(err)
	}
	return initials(db, got)
}

// initials are the first letters of the prospects' names, in order.
func initials(db *DB, ids []uint64) string {
	s := ""
	for _, id := range ids {
		p, _ := db.Index().Cached(id)
		s += p.Name[:1]
	}
	return s
}

func expect(t *testing.T, db *DB, q ListQuery, want string) {
	t.Helper()
	if got := names(t, db, q); got != want {
		t.Errorf("%+v: got %q, want %q", q, got, want)
	}
}

func appendEv(t *testing.T, db *DB, id uint64, ev consent.Event) {
	t.Helper()
	ev.Rep = "Rita Rep"
	if _, err := db.AppendEvent(id, ev); err != nil {
		t.Fatal(err)
	}
}

func TestFacetOrdersAndSourceFilter(t *testing.T) {
	db, _ := facetDB(t)
	expect(t, db, ListQuery{}, "ABCD")
	expect(t, db, ListQuery{Order: OrderCompany}, "BDAC") // Alpha, Mid, Zeta, then no company
	expect(t, db, ListQuery{Source: consent.SourceCard}, "AD")
	expect(t, db, ListQuery{Order: OrderCompany, Source: consent.SourceCard}, "DA")
	expect(t, db, ListQuery{Order: OrderCompany, Text: "r"}, "BDAC")
	expect(t, db, ListQuery{Order: OrderCompany, Text: "gmbh"}, "D")
	expect(t, db, ListQuery{Text: "berg"}, "A")
	// Nobody has been contacted yet: last contact falls back to name order.
	expect(t, db, ListQuery{Order: OrderLastContact}, "ABCD")
}

func TestFacetsFollowEventsEditsAndErasure(t *testing.T) {
	db, id := facetDB(t)
	now := time.Now()
	expect(t, db, ListQuery{Consent: WithoutConsent}, "ABCD") // reads the ledgers

	// Contacts after the first read must show: the index hooks mark them.
	appendEv(t, db, id["D"], consent.Event{Kind: consent.KindCallLogged, Outcome: consent.OutcomeNoAnswer, Time: now.Add(-2 * time.Hour)})
	appendEv(t, db, id["B"], consent.Event{Kind: consent.KindEmailGenerated, Note: "follow-up", Time: now.Add(-time.Hour)})
	expect(t, db, ListQuery{Order: OrderLastContact}, "BDAC")
	if at, ok := db.Index().LastContact(id["B"]); !ok || at.Unix() != now.Add(-time.Hour).Unix() {
		t.Errorf("LastContact(B) = %v, %v", at, ok)
	}
	if _, ok := db.Index().LastContact(id["A"]); ok {
		t.Error("A was never contacted")
	}

	// A grant, an objection, a grant that expires.
	appendEv(t, db, id["A"], consent.Event{Kind: consent.KindConsentGranted, Purpose: consent.PurposeNewsletter,
		Channel: consent.ChannelEmail, Method: consent.MethodWebForm, Evidence: "form #1"})
	appendEv(t, db, id["B"], consent.Event{Kind: consent.KindObjection, Evidence: "stop"})
	appendEv(t, db, id["D"], consent.Event{Kind: consent.KindConsentGranted, Purpose: consent.PurposeEvents,
		Channel: consent.ChannelPhone, Method: consent.MethodRecordedCall, Evidence: "call 7", Expires: now.AddDate(0, 1, 0)})
	expect(t, db, ListQuery{Consent: WithConsent}, "AD")
	expect(t, db, ListQuery{Consent: WithConsent, Now: now.AddDate(0, 2, 0)}, "A") // D's grant expired by then
	expect(t, db, ListQuery{Consent: WithoutConsent}, "C")
	expect(t, db, ListQuery{Consent: ObjectedOrWithdrawn}, "B")

	// A withdrawal without purpose or channel ends every grant.
	appendEv(t, db, id["A"], consent.Event{Kind: consent.KindConsentWithdrawn, Evidence: "unsubscribe all"})
	expect(t, db, ListQuery{Consent: WithConsent}, "D")
	expect(t, db, ListQuery{Consent: ObjectedOrWithdrawn}, "AB")
	expect(t, db, ListQuery{Consent: ObjectedOrWithdrawn, Order: OrderCompany}, "BA")

	// A pending verbal yes is no consent yet.
	appendEv(t, db, id["C"], consent.Event{Kind: consent.KindConsentGranted, Purpose: consent.PurposeFollowUp,
		Channel: consent.ChannelEmail, Method: consent.MethodVerbalEmail, Evidence: "said yes", Pending: true})
	expect(t, db, ListQuery{Consent: WithoutConsent}, "AC") // A withdrew, so has none either

	// An edit moves the prospect in the company order.
	if _, err := db.EditProspect(id["B"], "company", "Zulu BV", AddOptions{Rep: "Rita Rep", Region: "NL"}); err != nil {
		t.Fatal(err)
	}
	expect(t, db, ListQuery{Order: OrderCompany}, "DABC")
	expect(t, db, ListQuery{Order: OrderCompany, Consent: ObjectedOrWithdrawn}, "AB")

	// A new prospect and an erased one.
	e, err := db.AddProspect(consent.Prospect{Name: "Eva Falk", Company: "Beta AS", Source: consent.SourceInbound}, AddOptions{Rep: "Rita Rep"})
	if err != nil {
		t.Fatal(err)
	}
	appendEv(t, db, e.ID, consent.Event{Kind: consent.KindInformed, Note: "Art. 14 notice (en)", Time: now})
	expect(t, db, ListQuery{Order: OrderLastContact}, "EBDAC")
	if err := db.Erase(id["D"], "asked by email", "Rita Rep", time.Time{}); err != nil {
		t.Fatal(err)
	}
	expect(t, db, ListQuery{Order: OrderLastContact}, "EBAC")
	expect(t, db, ListQuery{Consent: WithConsent}, "")
	expect(t, db, ListQuery{Order: OrderCompany}, "EABC")
}

func TestFacetDoNotCallFollowsRegisters(t *testing.T) {
	db, id := facetDB(t)
	expect(t, db, ListQuery{Consent: OnDoNotCall}, "")
	a, _ := db.Index().Cached(id["A"])
	if _, err := db.ImportDNC("NL Bel-me-niet", []string{a.Phone}, time.Now()); err != nil {
		t.Fatal(err)
	}
	expect(t, db, ListQuery{Consent: OnDoNotCall}, "A")
	// A number corrected onto the register.
	d, _ := db.Index().Cached(id["D"])
	if _, err := db.ImportDNC("NL Bel-me-niet", []string{a.Phone, "+31205550199"}, time.Now()); err != nil {
		t.Fatal(err)
	}
	if _, err := db.EditProspect(d.ID, "phone", "+31205550199", AddOptions{Rep: "Rita Rep", Region: "NL"}); err != nil {
		t.Fatal(err)
	}
	expect(t, db, ListQuery{Consent: OnDoNotCall}, "AD")
}

func TestFacetsAfterLockAndUnlock(t *testing.T) {
	db, id := facetDB(t)
	appendEv(t, db, id["C"], consent.Event{Kind: consent.KindReplyAttached, Evidence: "thanks"})
	if err := db.Index().PrepareFacets(); err != nil {
		t.Fatal(err)
	}
	expect(t, db, ListQuery{Order: OrderLastContact}, "CABD")
	db.Lock()
	if _, err := db.Index().List(ListQuery{Order: OrderLastContact}, nil); !errors.Is(err, ErrNotUnlocked) {
		t.Fatalf("List on a locked database: %v", err)
	}
	if _, ok := db.Index().LastContact(id["C"]); ok {
		t.Fatal("facets outlived the lock")
	}
	if err := db.UnlockPassphrase([]byte(testPass)); err != nil {
		t.Fatal(err)
	}
	expect(t, db, ListQuery{Order: OrderLastContact}, "CABD")
}

// Writers and list queries at once (run with -race): every query sees a
// consistent list, and the last one sees every event.
func TestFacetsUnderConcurrentWrites(t *testing.T) {
	db, id := facetDB(t)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := range 20 {
			who := []string{"A", "B", "C", "D"}[i%4]
			appendEv(t, db, id[who], consent.Event{Kind: consent.KindCallLogged, Outcome: consent.OutcomeVoicemail,
				Time: time.Now().Add(time.Duration(i) * time.Minute)})
		}
	}()
	for range 20 {
		got, err := db.Index().List(ListQuery{Order: OrderLastContact}, nil)
		if err != nil {
			t.Fatal(err)
		}
		slices.Sort(got)
		if len(slices.Compact(got)) != 4 {
			t.Fatalf("list of %d distinct prospects during writes", len(got))
		}
	}
	wg.Wait()
	expect(t, db, ListQuery{Order: OrderLastContact}, "DCBA") // the i=19 call was D's
}

func TestSummariseMatchesThePolicy(t *testing.T) {
	day := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	grant := consent.Event{Kind: consent.KindConsentGranted, Purpose: consent.PurposeOffers, Channel: consent.ChannelSMS, Time: day}
	lf := summarise(consent.Record{Events: []consent.Event{grant}})
	if lf.until != forever || lf.objected || lf.withdrawn || lf.contact != 0 {
		t.Errorf("grant: %+v", lf)
	}
	// A refusal of the same pair later wins; one of another pair does not.
	other := consent.Event{Kind: consent.KindConsentRefused, Purpose: consent.PurposeOffers, Channel: consent.ChannelPost, Time: day}
	if lf := summarise(consent.Record{Events: []consent.Event{grant, other}}); lf.until != forever {
		t.Errorf("refusal of another pair ended the grant: %+v", lf)
	}
	same := consent.Event{Kind: consent.KindConsentRefused, Purpose: consent.PurposeOffers, Channel: consent.ChannelSMS, Time: day}
	if lf := summarise(consent.Record{Events: []consent.Event{grant, same}}); lf.until != 0 || lf.withdrawn {
		t.Errorf("refused: %+v", lf)
	}
	// "Do not call me" on a call is the policy's global objection.
	call := consent.Event{Kind: consent.KindCallLogged, Outcome: consent.OutcomeDoNotCall, Time: day}
	if lf := summarise(consent.Record{Events: []consent.Event{call}}); !lf.objected || lf.contact != day.Unix() {
		t.Errorf("do-not-call outcome: %+v", lf)
	}
}

// The facets' partial decode reads what the full decode of an event reads.
func TestFacetEventMatchesEvent(t *testing.T) {
	day := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	cet := time.FixedZone("CET", 3600)
	evs := []consent.Event{
		{Prospect: 7, Seq: 3, Time: day, Rep: "Rita \"the rep\" Rep", Kind: consent.KindConsentGranted, Purpose: consent.PurposeOffers,
			Channel: consent.ChannelSMS, Method: consent.MethodWebForm, Evidence: "line 1\nline 2 \\ \u00e9 \u2028 {\"kind\":\"objection\"}",
			Expires: day.AddDate(1, 0, 0).In(cet), Pending: true, PrevHash: "ab", Hash: "cd"},
		{Time: day, Kind: consent.KindCallLogged, Outcome: consent.OutcomeDoNotCall, Agreed: "nothing, ever", Callback: day.Add(1500 * time.Millisecond)},
		{Time: time.Unix(0, 0), Kind: consent.KindObjection, AskAgain: time.Date(1969, 12, 31, 23, 0, 0, 5, cet)},
		{Kind: consent.KindCollected, Source: consent.SourceList, ListVendor: "Dane & Co"},
		{Time: day.In(cet), Kind: consent.KindRectified, Field: "name", Old: "Jorgen", New: "Jørgen"},
	}
	for i, ev := range evs {
		ev.Enc = consent.EncV2
		if i%2 == 1 {
			ev.Enc = consent.EncV1 // a migrated one: no version key
		}
		b, err := consent.MarshalEvent(ev)
		if err != nil {
			t.Fatal(err)
		}
		var full consent.Event
		if err := consent.UnmarshalEvent(b, &full); err != nil {
			t.Fatal(err)
		}
		fe := unsetTimes
		if err := facetDec.Unmarshal(b, &fe); err != nil {
			t.Fatalf("event %d: %v", i, err)
		}
		got := fe.event()
		for _, p := range [][2]time.Time{{got.Time, full.Time}, {got.Expires, full.Expires}, {got.AskAgain, full.AskAgain}, {got.Callback, full.Callback}} {
			if !p[0].Equal(p[1]) || p[0].IsZero() != p[1].IsZero() {
				t.Errorf("event %d: time %v, full decode %v", i, p[0], p[1])
			}
		}
		if got.Kind != full.Kind || got.Source != full.Source || got.Purpose != full.Purpose || got.Channel != full.Channel ||
			got.Pending != full.Pending || got.Outcome != full.Outcome {
			t.Errorf("event %d: facets read %+v, full decode %+v", i, got, full)
		}
	}
	for _, in := range [][]byte{nil, {0xa1}, {0x80}, {0xa1, 0x05, 0x01}, {0xa1, 0x03, 0x82, 0x01, 0x02}, []byte(`{"kind":"objection"}`)} {
		fe := unsetTimes
		if facetDec.Unmarshal(in, &fe) == nil {
			t.Errorf("accepted %x as %+v", in, fe)
		}
	}
}

// A facet is held twice per prospect (the map and the list's aligned
// copy): its fields stay packed without padding.
func TestLedgerFacetIsPacked(t *testing.T) {
	if n := unsafe.Sizeof(ledgerFacet{}); n > 72 {
		t.Errorf("ledgerFacet is %d bytes, want at most 72: keep the words first and the flags last", n)
	}
}
