package consent

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"
)

// randomRecord builds a ledger from rng: every source, names and phone
// numbers present or not, events with and without a rep, purpose, channel,
// expiry and call-back, do-not-call hits with and without a register name.
func randomRecord(rng *rand.Rand) Record {
	pick := rng.IntN
	src := append([]Source{""}, Sources...)[pick(len(Sources)+1)]
	p := Prospect{ID: 7, Name: []string{"Jane Doe", ""}[pick(2)], Phone: []string{"+31205550100", ""}[pick(2)], Source: src, Created: t0}
	if pick(2) == 0 {
		p.Event = "Vakbeurs Utrecht"
	}
	if pick(2) == 0 {
		p.ListVendor = "LeadCo"
	}
	kinds := []EventKind{KindInformed, KindConsentGranted, KindConsentRefused, KindConsentWithdrawn, KindObjection, KindCallLogged,
		KindEmailGenerated, KindReferralRequested, KindReferralApproved, KindReferralDeclined, KindReactivated}
	var evs []Event
	for range pick(7) {
		k := kinds[pick(len(kinds))]
		if k == KindObjection && pick(8) != 0 {
			k = KindConsentGranted // objections hide every other reason
		}
		e := Event{Time: day(pick(60)), Kind: k, Rep: []string{"", "rita"}[pick(2)], Pending: pick(4) == 0,
			Purpose: append([]Purpose{""}, Purposes...)[pick(len(Purposes)+1)], Channel: append([]Channel{""}, Channels...)[pick(len(Channels)+1)],
			Outcome: Outcomes[pick(len(Outcomes))], Method: Methods[pick(len(Methods))]}
		if pick(3) == 0 {
			e.Expires = day(pick(120))
		}
		if pick(3) == 0 {
			e.AskAgain = day(pick(120))
		}
		if pick(3) == 0 {
			e.Callback = day(pick(120))
		}
		evs = append(evs, e)
	}
	r := Record{Prospect: p, Events: evs}
	switch pick(6) {
	case 0:
		r.DNC = &DNCHit{Register: "NL Bel-me-niet", Imported: day(-3)}
	case 1:
		r.DNC = &DNCHit{Register: "SE NIX"}
	case 2:
		r.DNC = &DNCHit{Imported: day(-3)}
	case 3:
		r.DNC = &DNCHit{}
	}
	if pick(30) == 0 {
		r.Suppressed = true
	}
	return r
}

// reasonSamples runs Decide and DueItems over a fixed set of random ledgers
// plus a few rare cases, and returns every Message they produced.
func reasonSamples(t *testing.T) []Message {
	t.Helper()
	var out []Message
	check := func(reason string, m Message) {
		if got := m.String(); got != reason {
			t.Fatalf("Reason %q is not Message.String() %q", reason, got)
		}
		out = append(out, m)
	}
	decide := func(r Record, now time.Time, months int) {
		for _, ch := range Channels {
			for _, p := range Purposes {
				d := Decide(r, ch, p, now, months)
				if want := map[bool]string{true: "Allowed: ", false: "Blocked: "}[d.Allowed]; !strings.HasPrefix(d.Message.Template, want) {
					t.Fatalf("%s decision from template %q", want, d.Message.Template)
				}
				check(d.Reason, d.Message)
			}
		}
		for _, d := range DueItems(r, now, months) {
			check(d.Reason, d.Message)
		}
	}
	rng := rand.New(rand.NewPCG(14, 6))
	for range 1500 {
		now := day([]int{rng.IntN(120), rng.IntN(900)}[rng.IntN(2)])
		decide(randomRecord(rng), now, []int{0, 1, 12}[rng.IntN(3)])
	}
	rare := []Record{
		rec(SourceList, vendorGrant(1, PurposeThirdParty, email)),
		rec(SourceReferral, approve(4, email)),
		rec(SourceColdCall, call(1, OutcomeReached)),
		unreadPhone(rec(SourceAddressBook)),
	}
	rare = append(rare, teamRecords()...)
	for _, r := range rare {
		decide(r, defaultNow, 12)
	}
	return out
}

var field = regexp.MustCompile(`\{\{\.(\w+)\}\}`)

// fields lists the {{.Name}} fields of a template, sorted and unique.
func fields(template string) []string {
	var out []string
	for _, m := range field.FindAllStringSubmatch(template, -1) {
		out = append(out, m[1])
	}
	sort.Strings(out)
	return slices.Compact(out)
}

// Every template Decide and DueItems produce, nested phrases included, is
// in ReasonTemplates, every listed template is produced, and each message
// supplies exactly the fields its template names: the translation files
// are checked against ReasonTemplates (ui/i18n), so this keeps them whole.
func TestReasonTemplates(t *testing.T) {
	listed := ReasonTemplates()
	known := map[string]bool{}
	for _, tpl := range listed {
		if known[tpl] {
			t.Errorf("template listed twice: %q", tpl)
		}
		known[tpl] = true
		// Translators see {{.Name}} fields only: no pipelines, no spaces.
		if n := strings.Count(tpl, "{{"); n != len(field.FindAllString(tpl, -1)) {
			t.Errorf("template %q has actions other than {{.Field}}", tpl)
		}
	}
	produced := map[string]bool{}
	var walk func(m Message)
	walk = func(m Message) {
		if !known[m.Template] {
			t.Errorf("template not in ReasonTemplates: %q", m.Template)
		}
		produced[m.Template] = true
		var keys []string
		for k, v := range m.Data {
			keys = append(keys, k)
			if n, ok := v.(Message); ok {
				walk(n)
			}
			if _, ok := v.(int); ok && k != "Count" {
				t.Errorf("%q: int %s should be named Count, so translations can give plural forms", m.Template, k)
			}
		}
		sort.Strings(keys)
		if want := fields(m.Template); !slices.Equal(keys, want) {
			t.Errorf("%q: data %v, template fields %v", m.Template, keys, want)
		}
	}
	for _, m := range reasonSamples(t) {
		walk(m)
	}
	for _, tpl := range listed {
		if !produced[tpl] {
			t.Errorf("no sample produced %q", tpl)
		}
	}
	if len(listed) < 40 {
		t.Errorf("only %d templates listed", len(listed))
	}
}

// The English text of a few decisions, byte for byte: the CLI and scripts
// read it, so building it from templates must not change a character.
func TestReasonEnglish(t *testing.T) {
	anon := rec(SourceCard)
	anon.Prospect.Name, anon.Prospect.Phone = "", ""
	cases := []struct {
		d    Decision
		want string
	}{
		{Decide(rec(SourceCard, Event{Time: day(5), Kind: KindObjection, Rep: "rita"}), email, PurposeFollowUp, defaultNow, 12),
			"Blocked: Jane Doe asked not to be contacted at all (on 2026-01-15, recorded by rita). Do not contact them on any channel."},
		{Decide(rec(SourceCard, expiring(grant(1, PurposeNewsletter, email), 200)), email, PurposeNewsletter, defaultNow, 12),
			"Allowed: Jane Doe gave consent for newsletter by email on 2026-01-11 (email-reply, recorded by anna), valid until 2026-07-29."},
		{Decide(withDNC(anon), phone, PurposeFollowUp, defaultNow, 12),
			"Blocked: the phone number of this person is on the do-not-call register NL Bel-me-niet (imported 2026-01-02). Ask for phone consent by email first."},
		{Decide(rec(SourceCard), email, PurposeFollowUp, t0.AddDate(0, 2, 0), 1),
			"Blocked: the 1-month retention period for Jane Doe ended on 2026-02-10 (last activity 2026-01-10). Erase them, or record a re-activation if they got in touch again."},
		{Decide(rec(SourceCustomer), email, PurposeEvents, defaultNow, 12),
			`Blocked: Jane Doe is a customer, but the purpose "events" is outside the contract and the soft opt-in: record their consent for events by email first.`},
		{Decide(rec(SourceList), phone, PurposeFollowUp, defaultNow, 12),
			"Blocked: Jane Doe comes from a bought list from LeadCo and no vendor proof of consent covers follow-up by phone. Record the vendor's proof (vendor-proof) or ask for consent first."},
	}
	for _, c := range cases {
		if c.d.Reason != c.want {
			t.Errorf("reason\n got %q\nwant %q", c.d.Reason, c.want)
		}
	}
	due := DueItems(rec(SourceList), day(31), 12)
	if len(due) != 1 || due[0].Reason != "Send Jane Doe the Art. 14 notice by 2026-02-09 (overdue): their data (source list) was stored on 2026-01-10." {
		t.Errorf("notice: %+v", due)
	}
}
