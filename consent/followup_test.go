package consent

import (
	"bytes"
	"io"
	"mime"
	"mime/quotedprintable"
	netmail "net/mail"
	"reflect"
	"strings"
	"testing"
	"time"
)

// Fixtures shared by the follow-up, introduction and re-activation tests.

var mailNow = time.Date(2026, 3, 10, 15, 0, 0, 0, time.UTC)

var mailMC = MailContext{
	Rep: "Kari Selger", Company: "Acme AS", RetentionMonths: 12,
	PrivacyURL: "https://acme.example/privacy", PreferencesURL: "https://acme.example/preferences",
}

// mailLaw is the name each language's readers know the law by; every
// follow-up and re-activation uses it.
var mailLaw = map[string]string{"en": "GDPR", "nl": "AVG", "nb": "personvern", "sv": "dataskydd", "de": "DSGVO"}

const followupAgreed = "Send the price list for 50 seats; demo on 24 March at 10:00."

// followupRecord is a cold-call prospect reached on mailNow's day, with the
// call and the (pending) consents given on it.
func followupRecord() (Record, Event, []Event) {
	at := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	p := Prospect{ID: 9, Name: "Jørgen Ångström", Company: "Kunde AS", Email: "jorgen@kunde.example", Source: SourceColdCall, Created: at}
	col := Event{Prospect: 9, Time: at, Rep: "kari", Kind: KindCollected, Source: SourceColdCall}
	col.Seal(nil)
	call := Event{Prospect: 9, Time: at.Add(90 * time.Minute), Rep: "kari", Kind: KindCallLogged, Outcome: OutcomeReached, Agreed: followupAgreed}
	call.Seal(&col)
	var consents []Event
	prev := &call
	for _, pc := range []struct {
		p  Purpose
		ch Channel
	}{{PurposeFollowUp, ChannelEmail}, {PurposeEvents, ChannelPhone}, {PurposeNewsletter, ChannelEmail}, {PurposeEvents, ChannelEmail}} {
		e := Event{Prospect: 9, Time: call.Time, Rep: "kari", Kind: KindConsentGranted, Purpose: pc.p, Channel: pc.ch, Method: MethodVerbalEmail, Pending: true}
		e.Seal(prev)
		consents = append(consents, e)
		prev = &consents[len(consents)-1]
	}
	r := Record{Prospect: p, Events: append([]Event{col, call}, consents...)}
	return r, call, consents
}

// checkOnlyLinks fails if body holds an image, an HTML link, a tracking
// parameter or any link but urls.
func checkOnlyLinks(t *testing.T, name, body string, urls ...string) {
	t.Helper()
	low := strings.ToLower(body)
	for _, bad := range []string{"<img", "<a ", "?utm", "&utm", "<html"} {
		if strings.Contains(low, bad) {
			t.Errorf("%s: body contains %q", name, bad)
		}
	}
	var pairs []string
	for _, u := range urls {
		if u != "" {
			pairs = append(pairs, u, "")
		}
	}
	rest := strings.ToLower(strings.NewReplacer(pairs...).Replace(body))
	if strings.Contains(rest, "http") || strings.Contains(rest, "www.") {
		t.Errorf("%s: body holds a link other than %v:\n%s", name, urls, body)
	}
}

// checkEML writes e as .eml and reads it back with net/mail: the message
// parses, and subject, language and body survive the encoding unchanged.
func checkEML(t *testing.T, name string, e Email) {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteEML(&buf, e, mailNow); err != nil {
		t.Fatalf("%s: WriteEML: %v", name, err)
	}
	msg, err := netmail.ReadMessage(&buf)
	if err != nil {
		t.Fatalf("%s: net/mail cannot parse the message: %v", name, err)
	}
	subject, err := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
	if err != nil || subject != e.Subject {
		t.Errorf("%s: subject %q (%v), want %q", name, subject, err, e.Subject)
	}
	if mt, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type")); err != nil || mt != "text/plain" || !strings.EqualFold(params["charset"], "utf-8") {
		t.Errorf("%s: Content-Type %q", name, msg.Header.Get("Content-Type"))
	}
	if got := msg.Header.Get("Content-Language"); got != e.Lang {
		t.Errorf("%s: Content-Language %q, want %q", name, got, e.Lang)
	}
	if _, err := msg.Header.Date(); err != nil {
		t.Errorf("%s: Date: %v", name, err)
	}
	if e.To != "" {
		if to, err := msg.Header.AddressList("To"); err != nil || len(to) != 1 || to[0].Address != e.To {
			t.Errorf("%s: To %v (%v), want %s", name, to, err, e.To)
		}
	}
	if msg.Header.Get("From") != "" {
		t.Errorf("%s: From %q should be left to the mail app", name, msg.Header.Get("From"))
	}
	if msg.Header.Get("Content-Transfer-Encoding") != "quoted-printable" {
		t.Fatalf("%s: Content-Transfer-Encoding %q", name, msg.Header.Get("Content-Transfer-Encoding"))
	}
	raw, err := io.ReadAll(quotedprintable.NewReader(msg.Body))
	if err != nil {
		t.Fatalf("%s: body: %v", name, err)
	}
	if got := strings.ReplaceAll(string(raw), "\r\n", "\n"); got != e.Body {
		t.Errorf("%s: body changed on the way through .eml:\n%q\nwant\n%q", name, got, e.Body)
	}
}

func TestFollowUpEmailContents(t *testing.T) {
	r, call, consents := followupRecord()
	for _, lang := range Languages {
		e := FollowUpEmail(r, call, consents, mailMC, lang, mailNow)
		if e.Lang != lang || e.To != "jorgen@kunde.example" || e.From != "" {
			t.Errorf("%s: Lang %q To %q From %q", lang, e.Lang, e.To, e.From)
		}
		t.Run(lang, func(t *testing.T) {
			greet := "Jørgen"
			if lang == "de" {
				greet = "Jørgen Ångström" // formal: the full name
			}
			want := []string{greet, followupAgreed, mailMC.PrivacyURL, mailMC.PreferencesURL, mailLaw[lang],
				"Kari Selger\nAcme AS\n", followupTexts[lang].whyEmail, followupTexts[lang].change,
				"- " + upperFirst(PurposeName(PurposeFollowUp, lang)), "- " + upperFirst(PurposeName(PurposeNewsletter, lang)),
				"- " + upperFirst(PurposeName(PurposeEvents, lang)),
				ChannelName(ChannelEmail, lang), ChannelName(ChannelPhone, lang)}
			for _, s := range want {
				if !strings.Contains(e.Body, s) {
					t.Errorf("body lacks %q:\n%s", s, e.Body)
				}
			}
			// Consents are grouped per purpose: events by email and phone,
			// in the order of Channels.
			t0 := followupTexts[lang]
			events := "- " + upperFirst(PurposeName(PurposeEvents, lang)) + ", "
			chs := joinList([]string{ChannelName(ChannelEmail, lang), ChannelName(ChannelPhone, lang)}, t0.and)
			if !strings.Contains(e.Body, events) || !strings.Contains(e.Body, chs+"\n") || strings.Count(e.Body, events) != 1 {
				t.Errorf("events should be one line naming %q:\n%s", chs, e.Body)
			}
			if i, j := strings.Index(e.Body, upperFirst(PurposeName(PurposeFollowUp, lang))), strings.Index(e.Body, upperFirst(PurposeName(PurposeNewsletter, lang))); i < 0 || j < i {
				t.Errorf("purposes are not in display order:\n%s", e.Body)
			}
			if strings.Contains(e.Body, t0.none) || strings.Contains(e.Body, t0.declinedHead) {
				t.Errorf("body says nothing was agreed or declined:\n%s", e.Body)
			}
			if e.Subject != t0.subjectToday {
				t.Errorf("subject %q, want today's %q", e.Subject, t0.subjectToday)
			}
			if strings.Contains(e.Body, "%!") || strings.Contains(e.Subject, "%!") {
				t.Errorf("format error in:\n%s", e.Body)
			}
			checkOnlyLinks(t, lang, e.Body, mailMC.PrivacyURL, mailMC.PreferencesURL)
			// The email names the person's address only in To: the body is
			// about the call, not a copy of the record.
			if strings.Contains(e.Body, "jorgen@kunde.example") {
				t.Errorf("body repeats the email address")
			}
		})
	}
}

func TestFollowUpEmailWithoutConsents(t *testing.T) {
	r, call, _ := followupRecord()
	for _, lang := range Languages {
		t0 := followupTexts[lang]
		e := FollowUpEmail(r, call, nil, mailMC, lang, mailNow)
		for _, s := range []string{t0.none, t0.whyEmailNone, mailLaw[lang], followupAgreed, mailMC.PrivacyURL, mailMC.PreferencesURL} {
			if !strings.Contains(e.Body, s) {
				t.Errorf("%s: body lacks %q:\n%s", lang, s, e.Body)
			}
		}
		for _, s := range []string{t0.grantedHead, t0.change, t0.changeReply, "\n- "} {
			if strings.Contains(e.Body, s) {
				t.Errorf("%s: body without consents has %q:\n%s", lang, s, e.Body)
			}
		}
	}
}

func TestFollowUpEmailDeclinedConsents(t *testing.T) {
	r, call, consents := followupRecord()
	later := call.Time.Add(time.Minute)
	consents = append(consents,
		Event{Time: later, Kind: KindConsentRefused, Purpose: PurposeOffers, Channel: ChannelPhone},
		// Changed their mind on the call: the newsletter is declined after all.
		Event{Time: later, Kind: KindConsentWithdrawn, Purpose: PurposeNewsletter, Channel: ChannelEmail},
		Event{Time: later, Kind: KindCallLogged, Outcome: OutcomeReached}, // not a consent: ignored
	)
	e := FollowUpEmail(r, call, consents, mailMC, "en", mailNow)
	granted, declined, _ := strings.Cut(e.Body, "You told me you do not want:")
	if declined == "" {
		t.Fatalf("no declined list:\n%s", e.Body)
	}
	for _, s := range []string{"- Offers, by phone", "- Newsletter, by email"} {
		if !strings.Contains(declined, s) {
			t.Errorf("declined list lacks %q:\n%s", s, e.Body)
		}
	}
	if strings.Contains(granted, "Newsletter") {
		t.Errorf("a withdrawn newsletter is still listed as given:\n%s", e.Body)
	}
	if !strings.Contains(granted, "- Personal follow-up, by email\n- Event invitations, by email and phone\n") {
		t.Errorf("granted list is wrong:\n%s", e.Body)
	}

	// A refusal of everything names neither purpose nor channel.
	all := FollowUpEmail(r, call, []Event{{Kind: KindConsentRefused}}, mailMC, "en", mailNow)
	if !strings.Contains(all.Body, "You told me you do not want:\n- Anything from us\n") || !strings.Contains(all.Body, followupTexts["en"].none) {
		t.Errorf("refusal of everything:\n%s", all.Body)
	}
}

func TestFollowUpEmailDates(t *testing.T) {
	r, call, consents := followupRecord()
	call.Time = time.Date(2026, 3, 3, 14, 0, 0, 0, time.UTC)
	call.Callback = time.Date(2026, 3, 24, 9, 0, 0, 0, time.UTC)
	for _, c := range []struct{ lang, on, back string }{
		{"en", "Our call on 3 March 2026", "I will call you again on 24 March 2026."},
		{"nl", "telefoongesprek van 3 maart 2026", "bel ik u op 24 maart 2026 terug"},
		{"nb", "Samtalen vår den 3. mars 2026", "ringer jeg deg igjen den 24. mars 2026"},
		{"sv", "Vårt samtal den 3 mars 2026", "ringer jag dig igen den 24 mars 2026"},
		{"de", "Unser Telefonat am 3. März 2026", "rufe ich Sie am 24. März 2026 wieder an"},
	} {
		e := FollowUpEmail(r, call, consents, mailMC, c.lang, mailNow)
		if !strings.Contains(e.Subject, c.on) || !strings.Contains(e.Body, c.back) {
			t.Errorf("%s: subject %q, body:\n%s", c.lang, e.Subject, e.Body)
		}
		if strings.Contains(e.Body, followupTexts[c.lang].thanksToday) {
			t.Errorf("%s: a call a week ago is thanked for as today's", c.lang)
		}
	}
	// Same day where the rep is, although a different day in UTC.
	oslo := time.FixedZone("CET", 3600)
	call.Time = time.Date(2026, 3, 9, 23, 30, 0, 0, time.UTC) // 10 March 00:30 in Oslo
	if e := FollowUpEmail(r, call, consents, mailMC, "nb", mailNow.In(oslo)); e.Subject != followupTexts["nb"].subjectToday {
		t.Errorf("call after midnight local time: subject %q", e.Subject)
	}
}

func TestFollowUpEmailAgreedVerbatim(t *testing.T) {
	r, call, consents := followupRecord()
	call.Agreed = "  1. Send the quote (50 seats, 12% off).\r\n2. Demo with Åse & Ola — 24/3 at 10:00.  "
	want := "1. Send the quote (50 seats, 12% off).\n2. Demo with Åse & Ola — 24/3 at 10:00."
	for _, lang := range Languages {
		if e := FollowUpEmail(r, call, consents, mailMC, lang, mailNow); !strings.Contains(e.Body, followupTexts[lang].agreedHead+"\n"+want+"\n") {
			t.Errorf("%s: agreed text not verbatim:\n%s", lang, e.Body)
		}
	}
	call.Agreed = " "
	for _, lang := range Languages {
		e := FollowUpEmail(r, call, consents, mailMC, lang, mailNow)
		if !strings.Contains(e.Body, followupTexts[lang].agreedNone) || strings.Contains(e.Body, followupTexts[lang].agreedHead) {
			t.Errorf("%s: nothing agreed:\n%s", lang, e.Body)
		}
	}
}

func TestFollowUpEmailWithoutSettings(t *testing.T) {
	r, call, consents := followupRecord()
	r.Prospect.Name = ""
	for _, lang := range Languages {
		t0 := followupTexts[lang]
		e := FollowUpEmail(r, call, consents, MailContext{}, lang, mailNow)
		for _, s := range []string{t0.whyUs, t0.changeReply, noticeTexts[lang].greetAnon} {
			if !strings.Contains(e.Body, s) {
				t.Errorf("%s: body lacks %q:\n%s", lang, s, e.Body)
			}
		}
		if strings.Contains(e.Body, "http") || strings.Contains(e.Body, "%!") || strings.Contains(e.Body, t0.change) {
			t.Errorf("%s: empty settings leak into the text:\n%s", lang, e.Body)
		}
		if !strings.HasSuffix(e.Body, noticeTexts[lang].regards+"\n") {
			t.Errorf("%s: body should end with the closing alone:\n%s", lang, e.Body)
		}
	}
}

func TestPurposeAndChannelNames(t *testing.T) {
	for _, lang := range Languages {
		seen := map[string]bool{}
		for _, p := range Purposes {
			n := PurposeName(p, lang)
			if n == "" || seen[n] {
				t.Errorf("%s: purpose %s named %q", lang, p, n)
			}
			seen[n] = true
		}
		seen = map[string]bool{}
		for _, c := range Channels {
			n := ChannelName(c, lang)
			if n == "" || seen[n] {
				t.Errorf("%s: channel %s named %q", lang, c, n)
			}
			seen[n] = true
		}
		if len(followupTexts[lang].purposes) != len(Purposes) || len(followupTexts[lang].channels) != len(Channels) {
			t.Errorf("%s: names for purposes or channels that do not exist", lang)
		}
	}
	for _, c := range []struct{ got, want string }{
		{PurposeName(PurposeNewsletter, "nl"), "nieuwsbrief"},
		{PurposeName(PurposeEvents, "DE"), "Einladungen zu Veranstaltungen"},
		{PurposeName(PurposeNewsletter, "fr"), "newsletter"},
		{PurposeName(PurposeNewsletter, ""), "newsletter"},
		{PurposeName("trade-fair-invites", "sv"), "trade fair invites"},
		{ChannelName(ChannelSMS, "en"), "text message"},
		{ChannelName(ChannelEmail, "nb"), "e-post"},
		{ChannelName("fax", "de"), "fax"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

// TestEmailTextsComplete checks every language of the three emails: all of
// Languages present, each with notice texts to borrow from, no text left
// empty, and every format string taking the arguments the code passes.
func TestEmailTextsComplete(t *testing.T) {
	for _, lang := range Languages {
		if noticeTexts[lang] == nil {
			t.Errorf("%s: no notice texts to take greeting, dates and links from", lang)
		}
		for name, v := range map[string]any{"follow-up": followupTexts[lang], "introduction": introTexts[lang], "re-activation": reactivationTexts[lang]} {
			rv := reflect.ValueOf(v)
			if rv.IsNil() {
				t.Errorf("%s: no %s texts", lang, name)
				continue
			}
			rv = rv.Elem()
			for i := range rv.NumField() {
				if f := rv.Field(i); f.Kind() == reflect.String && strings.TrimSpace(f.String()) == "" {
					t.Errorf("%s %s: %s is empty", lang, name, rv.Type().Field(i).Name)
				}
			}
		}
		if followupTexts[lang].code != lang {
			t.Errorf("%s: follow-up texts carry code %q", lang, followupTexts[lang].code)
		}
	}
	for _, m := range []int{len(followupTexts), len(introTexts), len(reactivationTexts)} {
		if m != len(Languages) {
			t.Errorf("a text map has %d languages, Languages has %d", m, len(Languages))
		}
	}
	// Each text takes exactly the verbs the code fills in.
	verbs := func(s string) int { return strings.Count(s, "%s") }
	for lang, f := range followupTexts {
		for _, s := range []string{f.subjectOn, f.thanksOn, f.why, f.callback} {
			if verbs(s) != 1 {
				t.Errorf("%s: %q should take one %%s", lang, s)
			}
		}
		if verbs(f.item) != 2 {
			t.Errorf("%s: item %q should take two %%s", lang, f.item)
		}
	}
	for lang, i := range introTexts {
		for s, n := range map[string]int{i.subject: 1, i.of: 2, i.dealings: 1, i.dealingsTopic: 2, i.privacy: 2, i.privacyThem: 1, i.question: 1} {
			if verbs(s) != n {
				t.Errorf("%s: %q should take %d %%s", lang, s, n)
			}
		}
		if !strings.HasSuffix(i.question, "?") {
			t.Errorf("%s: the introduction must end with a question: %q", lang, i.question)
		}
	}
	for lang, x := range reactivationTexts {
		for _, s := range []string{x.subject, x.intro, x.deadline} {
			if verbs(s) != 1 {
				t.Errorf("%s: %q should take one %%s", lang, s)
			}
		}
	}
}

func TestEmailsSubjectsDifferFromEnglish(t *testing.T) {
	r, call, consents := followupRecord()
	build := map[string]func(lang string) Email{
		"follow-up": func(l string) Email { return FollowUpEmail(r, call, consents, mailMC, l, mailNow) },
		"follow-up, earlier call": func(l string) Email {
			c := call
			c.Time = c.Time.AddDate(0, 0, -7)
			return FollowUpEmail(r, c, consents, mailMC, l, mailNow)
		},
		"introduction": func(l string) Email {
			return IntroductionEmail(introIntroducer, introReferred, "the CRM rollout", mailMC, l)
		},
		"re-activation": func(l string) Email { return ReactivationEmail(r, mailMC, l, mailNow) },
	}
	for name, f := range build {
		en := f("en").Subject
		for _, lang := range Languages {
			if s := f(lang).Subject; lang != "en" && (s == en || s == "") {
				t.Errorf("%s, %s: subject %q is the English one", name, lang, s)
			}
		}
	}
}

func TestEmailsWriteAsEML(t *testing.T) {
	r, call, consents := followupRecord()
	for _, lang := range Languages {
		checkEML(t, lang+"/follow-up", FollowUpEmail(r, call, consents, mailMC, lang, mailNow))
		checkEML(t, lang+"/follow-up without consents", FollowUpEmail(r, call, nil, MailContext{}, lang, mailNow))
		checkEML(t, lang+"/introduction", IntroductionEmail(introIntroducer, introReferred, "the CRM rollout", mailMC, lang))
		checkEML(t, lang+"/re-activation", ReactivationEmail(r, mailMC, lang, mailNow))
	}
}
