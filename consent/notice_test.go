package consent

import (
	"strings"
	"testing"
	"time"
)

var noticeNow = time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)

// noticeMC is the sender of the other emails' tests (followup_test.go).
var noticeMC = mailMC

// noticeRecord is a prospect from src collected on 1 March 2026, so
// retention (12 months) ends on 1 March 2027.
func noticeRecord(src Source) Record {
	collected := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	p := Prospect{ID: 7, Name: "Jørgen Ångström", Company: "Kunde AS", Email: "jorgen@kunde.example",
		Source: src, Event: "Nordic Sales Expo", ListVendor: "LeadBase BV", Created: collected}
	ev := Event{Prospect: 7, Time: collected, Rep: "kari", Kind: KindCollected, Source: src}
	ev.Seal(nil)
	return Record{Prospect: p, Events: []Event{ev}}
}

// Per language: the law's local name, a word for each right (access,
// rectification, portability, erasure, objection, complaint), and the
// source phrase for each notice source.
var noticeWant = map[string]struct {
	law     []string
	rights  [6]string
	end     string
	sources map[Source]string
	fields  []string // name, company, email: what noticeRecord holds
	absent  []string // title, phone: what it does not
}{
	"en": {[]string{"GDPR"}, [6]string{"access", "correction", "portability", "erasure", "objection", "complaint"}, "1 March 2027",
		map[Source]string{SourceReferral: "referred to us by one of our customers", SourceList: "a purchased list from LeadBase BV",
			SourceCard: "a business card you gave Kari Selger at Nordic Sales Expo", SourceSocial: "LinkedIn"},
		[]string{"your name", "your company", "your email address"}, []string{"job title", "phone number"}},
	"nl": {[]string{"AVG"}, [6]string{"inzage", "correctie", "overdraagbaarheid", "verwijdering", "bezwaar", "klacht"}, "1 maart 2027",
		map[Source]string{SourceReferral: "een van onze klanten heeft u", SourceList: "gekochte lijst van LeadBase BV",
			SourceCard: "visitekaartje dat u Kari Selger gaf tijdens Nordic Sales Expo", SourceSocial: "LinkedIn"},
		[]string{"uw naam", "uw bedrijf", "uw e-mailadres"}, []string{"functie", "telefoonnummer"}},
	"nb": {[]string{"personvern", "personopplysninger"}, [6]string{"innsyn", "retting", "dataportabilitet", "sletting", "protest", "klage"}, "1. mars 2027",
		map[Source]string{SourceReferral: "en av kundene våre anbefalte deg", SourceList: "kjøpt liste fra LeadBase BV",
			SourceCard: "visittkortet du ga Kari Selger på Nordic Sales Expo", SourceSocial: "LinkedIn"},
		[]string{"navnet ditt", "bedriften din", "e-postadressen din"}, []string{"stillingstittel", "telefonnummer"}},
	"sv": {[]string{"dataskydd"}, [6]string{"tillgång", "rättelse", "dataportabilitet", "radering", "invändning", "klagomål"}, "1 mars 2027",
		map[Source]string{SourceReferral: "en av våra kunder rekommenderade dig", SourceList: "köpt lista från LeadBase BV",
			SourceCard: "visitkortet du gav Kari Selger på Nordic Sales Expo", SourceSocial: "LinkedIn"},
		[]string{"ditt namn", "ditt företag", "din e-postadress"}, []string{"titel", "telefonnummer"}},
	"de": {[]string{"DSGVO"}, [6]string{"Auskunft", "Berichtigung", "Datenübertragbarkeit", "Löschung", "Widerspruch", "Beschwerde"}, "1. März 2027",
		map[Source]string{SourceReferral: "Einer unserer Kunden hat Sie uns", SourceList: "gekauften Liste von LeadBase BV",
			SourceCard: "Sie haben Kari Selger bei Nordic Sales Expo", SourceSocial: "LinkedIn"},
		[]string{"Ihren Namen", "Ihr Unternehmen", "Ihre E-Mail-Adresse"}, []string{"Position", "Telefonnummer"}},
}

func TestNoticeEmailContents(t *testing.T) {
	for _, lang := range Languages {
		want, ok := noticeWant[lang]
		if !ok {
			t.Fatalf("no expectations for language %s", lang)
		}
		for _, src := range []Source{SourceReferral, SourceList, SourceCard, SourceSocial} {
			e := NoticeEmail(noticeRecord(src), noticeMC, lang, noticeNow)
			name := lang + "/" + string(src)
			if e.Lang != lang || e.To != "jorgen@kunde.example" || e.From != "" {
				t.Errorf("%s: Lang %q To %q From %q", name, e.Lang, e.To, e.From)
			}
			if !strings.Contains(e.Subject, "Acme AS") {
				t.Errorf("%s: subject %q does not name the company", name, e.Subject)
			}
			mustContain := []string{noticeMC.PrivacyURL, noticeMC.PreferencesURL, want.end, want.sources[src], "Kari Selger"}
			mustContain = append(mustContain, want.law...)
			mustContain = append(mustContain, want.rights[:]...)
			mustContain = append(mustContain, want.fields...)
			for _, s := range mustContain {
				if !strings.Contains(e.Body, s) {
					t.Errorf("%s: body lacks %q:\n%s", name, s, e.Body)
				}
			}
			for _, s := range want.absent {
				if strings.Contains(e.Body, s) {
					t.Errorf("%s: body names %q, a field the prospect does not have", name, s)
				}
			}
			// No tracking: no image, and no link but the two from the settings.
			if strings.Contains(strings.ToLower(e.Body), "<img") {
				t.Errorf("%s: body contains an image", name)
			}
			rest := strings.NewReplacer(noticeMC.PrivacyURL, "", noticeMC.PreferencesURL, "").Replace(e.Body)
			if strings.Contains(rest, "http") || strings.Contains(rest, "www.") {
				t.Errorf("%s: body holds a link other than the privacy and preferences URLs", name)
			}
			// Only categories, never values: a notice sent to a wrong address
			// must not disclose the person's data.
			if strings.Contains(e.Body, "jorgen@kunde.example") || strings.Contains(e.Body, "Kunde AS") {
				t.Errorf("%s: body discloses field values", name)
			}
		}
	}
}

func TestNoticeEmailSubjectsDiffer(t *testing.T) {
	seen := map[string]string{}
	for _, lang := range Languages {
		s := NoticeEmail(noticeRecord(SourceReferral), noticeMC, lang, noticeNow).Subject
		if other, dup := seen[s]; dup {
			t.Errorf("%s and %s share the subject %q", lang, other, s)
		}
		seen[s] = lang
	}
}

func TestNoticeEmailBasis(t *testing.T) {
	approved := noticeRecord(SourceReferral)
	ap := Event{Prospect: 7, Time: noticeNow.Add(-time.Hour), Rep: "kari", Kind: KindReferralApproved}
	ap.Seal(&approved.Events[0])
	approved.Events = append(approved.Events, ap)
	for _, c := range []struct {
		name string
		r    Record
		want string
	}{
		{"card: legitimate interest", noticeRecord(SourceCard), "legitimate interest"},
		{"referral pending", noticeRecord(SourceReferral), "only do so if you agree"},
		{"referral approved", approved, "because you agreed"},
		{"list without proof", noticeRecord(SourceList), "only do so if you agree"},
		{"social", noticeRecord(SourceSocial), "only do so if you agree"},
		{"customer", noticeRecord(SourceCustomer), "you are our customer"},
	} {
		if body := NoticeEmail(c.r, noticeMC, "en", noticeNow).Body; !strings.Contains(body, c.want) {
			t.Errorf("%s: body lacks %q:\n%s", c.name, c.want, body)
		}
	}
}

func TestNoticeEmailWithoutSettings(t *testing.T) {
	r := noticeRecord(SourceCard)
	r.Prospect.Title, r.Prospect.Phone = "CFO", "+4722334455"
	e := NoticeEmail(r, MailContext{}, "nb", noticeNow)
	for _, s := range []string{"vi har om deg", "tjenestene våre", "visittkortet du ga oss", "stillingstittelen din", "telefonnummeret ditt", "1. mars 2027"} {
		if !strings.Contains(e.Body, s) {
			t.Errorf("body lacks %q:\n%s", s, e.Body)
		}
	}
	if strings.Contains(e.Body, "http") || strings.Contains(e.Body, "%!") || strings.Contains(e.Subject, "%!") {
		t.Errorf("empty settings leak into the text:\n%s", e.Body)
	}
	if e.Subject != "Slik behandler vi personopplysningene dine" {
		t.Errorf("subject = %q", e.Subject)
	}
}

func TestNoticeEmailWritesAsEML(t *testing.T) {
	var b strings.Builder
	if err := WriteEML(&b, NoticeEmail(noticeRecord(SourceList), noticeMC, "de", noticeNow), noticeNow); err != nil {
		t.Fatal(err)
	}
	ev, err := ReadEML(strings.NewReader(b.String()))
	if err != nil || !strings.Contains(ev.Body, "Datenübertragbarkeit") || !strings.Contains(ev.Subject, "personenbezogenen") {
		t.Errorf("notice does not survive .eml: %v %+v", err, ev)
	}
}
