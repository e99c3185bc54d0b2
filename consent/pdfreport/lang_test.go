package pdfreport

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"warmlead/consent"
	"warmlead/consent/locale"
)

// verbs lists the fmt verbs of a text as "argument:verb" (explicit
// indexes honoured), sorted: two texts that take the same arguments the
// same way list the same verbs, in whatever order their words put them.
var verbRE = regexp.MustCompile(`%(?:\[(\d+)\])?[-+# 0]*\d*(?:\.\d+)?([a-zA-Z%])`)

func verbs(s string) []string {
	var out []string
	arg := 0
	for _, m := range verbRE.FindAllStringSubmatch(s, -1) {
		if m[2] == "%" {
			continue
		}
		if m[1] != "" {
			arg, _ = strconv.Atoi(m[1])
		} else {
			arg++
		}
		out = append(out, strconv.Itoa(arg)+":"+m[2])
	}
	slices.Sort(out)
	return out
}

// TestTextsComplete is what replaces falling back to English: every
// language has exactly the ids English has, each with the same verbs.
func TestTextsComplete(t *testing.T) {
	if got := slices.Sorted(func(yield func(string) bool) {
		for l := range texts {
			if !yield(l) {
				return
			}
		}
	}); !slices.Equal(got, slices.Sorted(slices.Values(consent.Languages))) {
		t.Fatalf("texts has languages %v, consent.Languages is %v", got, consent.Languages)
	}
	if !slices.Equal(Languages(), consent.Languages) {
		t.Errorf("Languages() = %v, consent.Languages = %v", Languages(), consent.Languages)
	}
	for _, lang := range Languages() {
		tx := texts[lang]
		if !locale.Known(lang) {
			t.Errorf("%s: no date and number conventions", lang)
		}
		for id, en := range textsEN {
			s, ok := tx[id]
			switch {
			case !ok:
				t.Errorf("%s lacks %q (English: %q)", lang, id, en)
				continue
			case strings.TrimSpace(s) == "":
				t.Errorf("%s: %q is empty", lang, id)
			}
			if v, ve := verbs(s), verbs(en); !slices.Equal(v, ve) {
				t.Errorf("%s %q has the verbs %v, English %v:\n  %s\n  %s", lang, id, v, ve, s, en)
			}
		}
		for id := range tx {
			if _, ok := textsEN[id]; !ok {
				t.Errorf("%s has %q, which English lacks", lang, id)
			}
		}
		// fitMiddle keeps what follows the footer's last " · ".
		if f := tx["footer"]; !strings.Contains(f[strings.LastIndex(f, " · "):], "%d") {
			t.Errorf("%s: the footer's page number does not follow its last \" · \": %q", lang, f)
		}
	}
}

// TestVocabularyComplete: every value the documents translate has a label.
func TestVocabularyComplete(t *testing.T) {
	kinds := []consent.EventKind{consent.KindCollected, consent.KindInformed, consent.KindConsentGranted, consent.KindConsentRefused,
		consent.KindConsentWithdrawn, consent.KindObjection, consent.KindCallLogged, consent.KindEmailGenerated,
		consent.KindReferralRequested, consent.KindReferralApproved, consent.KindReferralDeclined, consent.KindRectified,
		consent.KindExported, consent.KindReactivated, consent.KindReplyAttached, consent.KindCardImage}
	var keys []string
	for _, v := range consent.Sources {
		keys = append(keys, "source:"+string(v), "basis:"+string(v))
	}
	for _, v := range consent.Purposes {
		keys = append(keys, "purpose:"+string(v))
	}
	for _, v := range consent.Channels {
		keys = append(keys, "channel:"+string(v))
	}
	for _, v := range consent.Methods {
		keys = append(keys, "method:"+string(v))
	}
	for _, v := range statusColumns {
		keys = append(keys, "status:"+string(v))
	}
	for _, v := range kinds {
		keys = append(keys, "kind:"+string(v))
	}
	for _, v := range consent.Outcomes {
		keys = append(keys, "outcome:"+v)
	}
	for _, v := range consent.Languages {
		keys = append(keys, "lang:"+v)
	}
	for _, v := range []string{"name", "company", "title", "email", "phone", "lang", "event"} { // store.EditableFields
		keys = append(keys, "field:"+v)
	}
	for _, k := range keys {
		if _, ok := textsEN[k]; !ok {
			t.Errorf("no label for %q", k)
		}
	}
}

// TestDecisionSentences: every rule consent.Decide can answer with has its
// sentence, taking the person and, for datedRules, a day.
func TestDecisionSentences(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "policy.go"))
	if err != nil {
		t.Fatal(err)
	}
	rules := regexp.MustCompile(`(?m)^\s*Rule\w+\s*=\s*"([^"]+)"`).FindAllStringSubmatch(string(src), -1)
	if len(rules) < 20 {
		t.Fatalf("found only %d rules in policy.go", len(rules))
	}
	for _, m := range rules {
		s, ok := textsEN["decision."+m[1]]
		if !ok {
			t.Errorf("rule %q has no decision sentence", m[1])
			continue
		}
		want := []string{"1:s"}
		if datedRules[m[1]] {
			want = []string{"1:s", "2:s"}
		}
		if got := verbs(s); !slices.Equal(got, want) {
			t.Errorf("decision.%s takes %v, want %v", m[1], got, want)
		}
	}
}

// TestEnglishLabelsMatchScreens: where a document names a purpose, a
// channel, a source or a call outcome, it uses the screens' English label
// (consent/locale), so a manager reading a PDF and a rep reading a screen
// see the same words. The exceptions are deliberate: a document spells out
// how consent was obtained in its own words, and names two sources more
// briefly.
func TestEnglishLabelsMatchScreens(t *testing.T) {
	own := map[string]string{"source:list": "Bought list", "source:inbound": "Inbound"}
	check := func(key, screen string, ok bool, inSentence bool) {
		t.Helper()
		if !ok {
			t.Errorf("%s: consent/locale has no label", key)
			return
		}
		want := screen
		if inSentence {
			want = locale.InSentence("en", screen)
		}
		if w, ok := own[key]; ok {
			want = w
		}
		if got := textsEN[key]; got != want {
			t.Errorf("%s: the documents say %q, the screens %q", key, got, want)
		}
	}
	for _, p := range consent.Purposes {
		l, ok := locale.Purpose(p)
		check("purpose:"+string(p), l, ok, false)
	}
	for _, c := range consent.Channels {
		l, ok := locale.Channel(c)
		check("channel:"+string(c), l, ok, false)
	}
	for _, s := range consent.Sources {
		l, ok := locale.Source(s)
		check("source:"+string(s), l, ok, false)
	}
	for _, o := range consent.Outcomes {
		l, ok := locale.Outcome(o)
		check("outcome:"+o, l, ok, true) // "reached", inside a sentence
	}
	for _, m := range consent.Methods {
		if _, ok := locale.Method(m); !ok {
			t.Errorf("method %s: consent/locale has no label", m)
		}
	}
}

func TestDatesAndNumbersPerLanguage(t *testing.T) {
	at := time.Date(2026, 11, 23, 14, 5, 9, 0, time.UTC)
	cases := []struct{ lang, date, dateTime, dateTimeSec, num, small, neg string }{
		{"en", "23 Nov 2026", "23 Nov 2026, 14:05", "23 Nov 2026, 14:05:09", "1,234,567", "999", "-1,000"},
		{"nl", "23-11-2026", "23-11-2026 14:05", "23-11-2026 14:05:09", "1.234.567", "999", "-1.000"},
		{"nb", "23.11.2026", "23.11.2026 kl. 14:05", "23.11.2026 kl. 14:05:09", "1\u00a0234\u00a0567", "999", "-1\u00a0000"},
		{"sv", "2026-11-23", "2026-11-23 14:05", "2026-11-23 14:05:09", "1\u00a0234\u00a0567", "999", "-1\u00a0000"},
		{"de", "23.11.2026", "23.11.2026, 14:05", "23.11.2026, 14:05:09", "1.234.567", "999", "-1.000"},
	}
	for _, c := range cases {
		m := testMeta()
		m.Lang = c.lang
		d := newDoc(m)
		if d.lang != c.lang {
			t.Fatalf("Lang %q gave %q", c.lang, d.lang)
		}
		got := []string{d.date(at), d.dateTime(at), d.dateTimeSec(at), d.num(1234567), d.num(999), d.num(-1000)}
		want := []string{c.date, c.dateTime, c.dateTimeSec, c.num, c.small, c.neg}
		if !slices.Equal(got, want) {
			t.Errorf("%s: %q, want %q", c.lang, got, want)
		}
		if d.date(time.Time{}) != "—" {
			t.Errorf("%s: zero date %q", c.lang, d.date(time.Time{}))
		}
	}
	// Without Lang the settings decide; anything unknown is English.
	m := testMeta()
	m.Settings.Lang = "sv"
	if d := newDoc(m); d.lang != "sv" {
		t.Errorf("Settings.Lang sv gave %q", d.lang)
	}
	m.Lang = "fr"
	if d := newDoc(m); d.lang != "en" {
		t.Errorf("Lang fr gave %q", d.lang)
	}
	// A no-break space is printable in the fonts, so it stays one.
	if !hasGlyph('\u00a0') || clean("1\u00a0000") != "1\u00a0000" {
		t.Error("the no-break space does not survive clean")
	}
}

// langCase is what each language's documents must say: words of its own
// legal and business language, dates and numbers its way, letters beyond
// ASCII intact, and none of the English they replace.
type langCase struct {
	lang                    string
	summary, team, register []string
	footer                  string // page 1 of the summary's footer
	notEnglish              bool
	nonASCII                string // letters the translated text must show
}

var langCases = []langCase{
	{lang: "en",
		summary:  []string{"Consent summary", "Business card, at Vakbeurs Utrecht, collected 2 Mar 2026, 09:30 by Rita Rep", "Lawful basis (default)", "Newsletter by email"},
		team:     []string{"Consent report", "40 of 40 prospects", "Consent status per purpose", "Follow-up email", "Business card"},
		register: []string{"Register of processing activities", "Article 30(1) GDPR · as of 20 Mar 2026", "Data subjects", "1,237,067", "5 Mar 2026, 12:00"},
		footer:   "Generated by Mia Manager on 20 Mar 2026, 16:45 · page 1 of 2"},
	{lang: "nl", notEnglish: true, nonASCII: "ëï",
		summary: []string{"Toestemmingsoverzicht", "Visitekaartje, op Vakbeurs Utrecht, vastgelegd op 2-3-2026 09:30 door Rita Rep",
			"Toegestaan: Jørgen Ångström heeft op 2-3-2026 een visitekaartje gegeven", "gerechtvaardigd belang", "Nieuwsbrief via e-mail",
			"ingetrokken · 8-3-2026", "Geëxporteerd", "Geïnformeerd", "13-3-2027 (12 maanden na de laatste activiteit)", "Gecontroleerd"},
		team: []string{"Toestemmingsrapport", "40 van 40 prospects", "Toestemmingsstatus per doel", "Opvolgmail", "Visitekaartje", "ja: vroeg er zelf om", "nee: introductie onbeantwoord"},
		register: []string{"Verwerkingsregister", "Artikel 30, lid 1, AVG · stand per 20-3-2026", "Betrokkenen", "Verwerkingsverantwoordelijke",
			"1.237.067", "5-3-2026 12:00", "Categorieën van persoonsgegevens"},
		footer: "Gemaakt door Mia Manager op 20-3-2026 16:45 · pagina 1 van 2"},
	{lang: "nb", notEnglish: true, nonASCII: "øåæ",
		summary: []string{"Samtykkeoversikt", "Visittkort, på Vakbeurs Utrecht, registrert 2.3.2026 kl. 09:30 av Rita Rep",
			"Tillatt: Jørgen Ångström ga deg et visittkort den 2.3.2026", "berettiget interesse", "Nyhetsbrev på e-post",
			"trukket tilbake · 8.3.2026", "13.3.2027 (12 måneder etter siste aktivitet)", "Kontrollert"},
		team: []string{"Samtykkerapport", "40 av 40 prospekter", "Samtykkestatus per formål", "Oppfølgings-e-post", "Visittkort", "ja: spurte selv", "nei: introduksjon ubesvart"},
		register: []string{"Protokoll over behandlingsaktiviteter", "personvernforordningen", "personopplysningsloven", "De registrerte", "Behandlingsansvarlig",
			"1 237 067", "5.3.2026 kl. 12:00", "Personvernerklæring", "nøkkelbaserte"},
		footer: "Laget av Mia Manager den 20.3.2026 kl. 16:45 · side 1 av 2"},
	{lang: "sv", notEnglish: true, nonASCII: "åäö",
		summary: []string{"Samtyckesöversikt", "Visitkort, på Vakbeurs Utrecht, insamlad 2026-03-02 09:30 av Rita Rep",
			"Tillåtet: Jørgen Ångström lämnade sitt visitkort den 2026-03-02", "berättigat intresse", "Nyhetsbrev via e-post",
			"återkallat · 2026-03-08", "2027-03-13 (12 månader efter senaste aktivitet)", "Kontrollerad"},
		team: []string{"Samtyckesrapport", "40 av 40 prospekt", "Samtyckesstatus per ändamål", "Uppföljningsmejl", "Visitkort", "ja: frågade själv", "nej: introduktion obesvarad"},
		register: []string{"Registerförteckning", "dataskyddsförordningen", "De registrerade", "Personuppgiftsansvarig",
			"1 237 067", "2026-03-05 12:00", "Kategorier av personuppgifter"},
		footer: "Skapad av Mia Manager den 2026-03-20 16:45 · sida 1 av 2"},
	{lang: "de", notEnglish: true, nonASCII: "äöüß",
		summary: []string{"Einwilligungsübersicht", "Visitenkarte, bei Vakbeurs Utrecht, erfasst am 2.3.2026, 09:30 von Rita Rep",
			"Zulässig: Jørgen Ångström hat am 2.3.2026 eine Visitenkarte übergeben", "berechtigtes Interesse", "Newsletter per E-Mail",
			"widerrufen · 8.3.2026", "Widerruf", "13.3.2027 (12 Monate nach der letzten Aktivität)", "Geprüft"},
		team: []string{"Einwilligungsbericht", "40 von 40 Interessenten", "Einwilligungsstatus je Zweck", "Nachfass-E-Mail", "Visitenkarte", "ja: selbst angefragt", "nein: Vorstellung unbeantwortet"},
		register: []string{"Verzeichnis von Verarbeitungstätigkeiten", "Art. 30 Abs. 1 DSGVO · Stand: 20.3.2026", "Betroffene Personen", "Verantwortlicher",
			"1.237.067", "5.3.2026, 12:00", "Technische und organisatorische Maßnahmen", "Löschfrist"},
		footer: "Erstellt von Mia Manager am 20.3.2026, 16:45 · Seite 1 von 2"},
}

// renderDoc draws a document with draw into a file and returns its path
// and the texts that had to be cut to fit.
func renderDoc(t *testing.T, name string, m Meta, draw func(*doc)) (string, []string) {
	t.Helper()
	d := newDoc(m)
	draw(d)
	var buf bytes.Buffer
	if err := d.finish(&buf); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path, d.cuts
}

// TestDocumentsInEveryLanguage makes the three documents in each language
// and reads them back with pdftotext.
func TestDocumentsInEveryLanguage(t *testing.T) {
	r := richRecord(7, "Jørgen Ångström", "Nordlys AS")
	chain := VerifyRecord(r)
	recs := team(40)
	regRecs := team(70)
	regRecs[0].Prospect.Phone = "+31205550100"
	regRecs[0].DNC = &consent.DNCHit{Register: "NL Bel-me-niet", Imported: at(1, 8, 0)}
	regs := []RegisterInfo{{Name: "NL Bel-me-niet", Numbers: 1234567, Imported: at(1, 8, 0)}, {Name: "NO Reservasjonsregisteret", Numbers: 2500, Imported: at(5, 12, 0)}}
	data := map[string]bool{}
	for _, r := range append(append([]consent.Record{r}, recs...), regRecs...) {
		data[r.Prospect.Name], data[r.Prospect.Company] = true, true
	}
	english := []string{"Consent", "Generated by", "page 1 of", "Lawful basis", "Business card", "Register of processing",
		"Email", "granted", "withdrawn", "Purpose", "Recorded by", "collected", "Verified"}

	for _, c := range langCases {
		t.Run(c.lang, func(t *testing.T) {
			m := testMeta()
			m.Lang = c.lang
			docs := []struct {
				name  string
				draw  func(*doc)
				wants []string
			}{
				{"summary", func(d *doc) { d.summaryDocument(r, chain) }, append(c.summary, c.footer)},
				{"team", func(d *doc) { d.team(recs, len(recs), Filter{}, false, nil) }, c.team},
				{"register", func(d *doc) { d.register(tallyOf(regRecs, d.now), regs) }, c.register},
			}
			var all strings.Builder
			for _, doc := range docs {
				path, cuts := renderDoc(t, c.lang+"-"+doc.name+".pdf", m, doc.draw)
				if c.lang == "de" && doc.name == "team" {
					snapshot(t, path, "pdfreport-team-de")
				}
				// Every label, heading and cell fits its place: nothing
				// is cut but the evidence excerpts, cut on purpose, and
				// data (names and companies may be any length).
				for _, s := range cuts {
					if !strings.Contains(s, "…") && !data[s] {
						t.Errorf("%s: %q was cut to fit", doc.name, s)
					}
				}
				// (Fields also turns the no-break spaces of Norwegian and
				// Swedish numbers into spaces; pdftotext writes them so.)
				text := strings.Join(strings.Fields(pdfText(t, path)), " ")
				mustContain(t, c.lang+" "+doc.name, text, doc.wants...)
				all.WriteString(text)
				all.WriteString(" ")
			}
			text := all.String()
			for _, r := range c.nonASCII {
				if !strings.ContainsRune(text, r) {
					t.Errorf("no %q in the %s documents", r, c.lang)
				}
			}
			mustContain(t, c.lang+" documents", text, "Jørgen Ångström", "Łukasz Żółw", "Zoë Müller", "Åsa Öberg")
			if c.notEnglish {
				for _, w := range english {
					if strings.Contains(text, w) {
						t.Errorf("the %s documents say %q in English", c.lang, w)
					}
				}
			}
		})
	}
}

// TestDecisionSentenceDates: the day each dated rule names is the day the
// rule rests on, written the language's way.
func TestDecisionSentenceDates(t *testing.T) {
	rec := func(src consent.Source, created time.Time, evs ...consent.Event) consent.Record {
		all := append([]consent.Event{{Time: created, Rep: "Rita Rep", Kind: consent.KindCollected, Source: src}}, evs...)
		return consent.Record{Prospect: consent.Prospect{ID: 1, Name: "Åsa Öberg", Source: src, Created: created}, Events: ledger(1, all...)}
	}
	grant := func(day int, expires time.Time) consent.Event {
		return consent.Event{Time: at(day, 10, 0), Rep: "Rita Rep", Kind: consent.KindConsentGranted, Purpose: consent.PurposeFollowUp,
			Channel: consent.ChannelEmail, Method: consent.MethodEmailReply, Expires: expires}
	}
	cases := []struct {
		name, rule string
		r          consent.Record
		en, de     string
	}{
		{"consent", consent.RuleConsent, rec(consent.SourceList, at(1, 9, 0), grant(5, time.Time{})),
			"Allowed: Åsa Öberg consented to follow-up by email on 5 Mar 2026.", "Zulässig: Åsa Öberg hat am 5.3.2026 in das Nachfassen per E-Mail eingewilligt."},
		{"withdrawn everywhere", consent.RuleWithdrawn, rec(consent.SourceList, at(1, 9, 0), grant(5, time.Time{}),
			consent.Event{Time: at(6, 9, 0), Kind: consent.KindConsentWithdrawn, Method: consent.MethodEmailReply}),
			"Blocked: Åsa Öberg withdrew their consent to follow-up by email on 6 Mar 2026.", "am 6.3.2026 widerrufen"},
		{"refused", consent.RuleRefused, rec(consent.SourceCard, at(1, 9, 0),
			consent.Event{Time: at(7, 9, 0), Kind: consent.KindConsentRefused, Purpose: consent.PurposeFollowUp, Channel: consent.ChannelEmail}),
			"Blocked: Åsa Öberg refused follow-up by email on 7 Mar 2026.", "am 7.3.2026 abgelehnt"},
		{"expired", consent.RuleConsentExpired, rec(consent.SourceList, at(1, 9, 0), grant(2, at(8, 0, 0))),
			"expired on 8 Mar 2026", "ist am 8.3.2026 abgelaufen"},
		{"retention", consent.RuleRetentionExpired, rec(consent.SourceCard, time.Date(2024, 5, 2, 9, 0, 0, 0, time.UTC)),
			"ended on 2 May 2025", "ist am 2.5.2025 abgelaufen"},
		{"objection", consent.RuleObjection, rec(consent.SourceCard, at(1, 9, 0), consent.Event{Time: at(9, 9, 0), Kind: consent.KindObjection}),
			"Blocked: Åsa Öberg asked on 9 Mar 2026 not to be contacted at all.", "hat am 9.3.2026 verlangt"},
		{"inbound", consent.RuleSourceInbound, rec(consent.SourceInbound, at(3, 9, 0)),
			"contacted you themselves on 3 Mar 2026", "hat sich am 3.3.2026 selbst gemeldet"},
		{"social", consent.RuleSourceSocial, rec(consent.SourceSocial, at(3, 9, 0)),
			"Blocked: Åsa Öberg is a social network connection", "Nicht zulässig: Åsa Öberg ist ein Kontakt aus einem sozialen Netzwerk"},
	}
	for _, c := range cases {
		dec := consent.Decide(c.r, consent.ChannelEmail, consent.PurposeFollowUp, genTime, 12)
		if dec.Rule != c.rule {
			t.Errorf("%s: Decide says %s (%s), want %s", c.name, dec.Rule, dec.Reason, c.rule)
			continue
		}
		for lang, want := range map[string]string{"en": c.en, "de": c.de} {
			m := testMeta()
			m.Lang = lang
			if got := newDoc(m).decisionSentence(c.r, dec); !strings.Contains(got, want) {
				t.Errorf("%s in %s: %q lacks %q", c.name, lang, got, want)
			}
		}
	}
}
