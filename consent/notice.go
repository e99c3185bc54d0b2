package consent

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"warmlead/consent/locale"
)

// MailContext is what every generated email needs from the settings: who
// signs it, for which company, and the two links every outgoing email
// carries (consent-rules.md section 5).
type MailContext struct {
	Rep             string
	Company         string
	PrivacyURL      string
	PreferencesURL  string
	RetentionMonths int // 0 means DefaultRetentionMonths
}

// noticeBasis is the lawful basis the notice names. It is derived from the
// policy, not from the source alone, so the notice can never claim a basis
// Decide would not grant.
type noticeBasis int

const (
	basisPending    noticeBasis = iota // no basis yet: contact only if they agree
	basisLegitimate                    // Art. 6(1)(f)
	basisConsent                       // Art. 6(1)(a), incl. an approved introduction
	basisContract                      // Art. 6(1)(b)
	noticeBasisCount
)

// NoticeEmail writes the Art. 14 notice for a person whose data came from
// someone else (referral, list, social, card): what is stored, why, where it
// came from, how long it is kept, and their rights (consent-rules.md sections
// 5 and 6). lang "" means the prospect's language, then English; an unknown
// language is written in English rather than refused, because the notice is
// a legal duty with a deadline.
//
// From is left empty: Warmlead does not know the rep's mailbox, and the mail
// app the rep sends it from fills it in. The text names only field
// categories, never their values: if the address is wrong, a stranger learns
// nothing about the person.
func NoticeEmail(r Record, mc MailContext, lang string, now time.Time) Email {
	t := noticeFor(lang, r.Prospect.Lang)
	p := r.Prospect
	months, ends := retention(r, mc, now)
	collected := Collected(r)
	if collected.IsZero() {
		collected = now
	}
	loc := now.Location()
	company := strings.TrimSpace(mc.Company)
	rep := strings.TrimSpace(mc.Rep)

	var b strings.Builder
	line := func(s string) { b.WriteString(s); b.WriteByte('\n') }

	if first, _, _ := strings.Cut(p.Name, " "); first != "" {
		if t.greetFullName {
			first = p.Name
		}
		line(fmt.Sprintf(t.greet, first))
	} else {
		line(t.greetAnon)
	}
	line("")
	line(pick(company, t.intro, t.introUs))
	line("")
	line(t.holdLabel + joinList(heldFields(p, t), t.and) + ".")
	line("")
	src := t.source(SourceOf(r), sourceArgs{
		rep:    rep,
		event:  eventName(r),
		vendor: listVendor(r),
		date:   t.date(collected.In(loc)),
	})
	if t.capitalise {
		src = upperFirst(src)
	}
	line(t.fromLabel + src + ".")
	line("")
	line(t.whyLabel + pick(company, t.why, t.whyUs) + " " + t.basis[basisFor(r, now, months)])
	line("")
	line(t.howLongLabel + fmt.Sprintf(t.howLong, months, t.date(ends.In(loc))))
	line("")
	line(t.rightsHead)
	for _, right := range t.rights {
		line("- " + right)
	}
	line("")
	line(t.exercise)
	// The two links of section 5, each on a line of its own so mail apps
	// make them clickable. An unset URL is left out: there is nothing
	// honest to link to (Settings.Validate checks the ones that are set).
	privacy, prefs := strings.TrimSpace(mc.PrivacyURL), strings.TrimSpace(mc.PreferencesURL)
	if privacy != "" || prefs != "" {
		line("")
	}
	if privacy != "" {
		line(t.privacy + privacy)
	}
	if prefs != "" {
		line(t.prefs + prefs)
	}
	line("")
	line(t.regards)
	for _, s := range []string{rep, company} {
		if s != "" {
			line(s)
		}
	}

	return Email{
		Lang:    t.code,
		To:      p.Email,
		Subject: pick(company, t.subject, t.subjectUs),
		Body:    strings.TrimRight(b.String(), "\n") + "\n",
	}
}

// noticeFor picks the texts: the requested language, else the prospect's,
// else English.
func noticeFor(lang, prospectLang string) *noticeLang {
	for _, l := range []string{lang, prospectLang} {
		if l == "" {
			continue
		}
		if t, ok := noticeTexts[strings.ToLower(strings.TrimSpace(l))]; ok {
			return t
		}
		break // an explicit but unknown language falls back to English
	}
	return noticeTexts["en"]
}

// basisFor asks the policy whether one-to-one follow-up by email is allowed
// now, and on what ground. Anything blocked is described as "only with your
// agreement", which is true whatever blocked it.
func basisFor(r Record, now time.Time, months int) noticeBasis {
	d := Decide(r, ChannelEmail, PurposeFollowUp, now, months)
	switch {
	case !d.Allowed:
		return basisPending
	case d.Rule == RuleConsent, d.Rule == RuleSourceReferral, d.Rule == RuleSourceList, d.Rule == RuleSourceInbound:
		return basisConsent
	case d.Rule == RuleSourceCustomer:
		return basisContract
	default:
		return basisLegitimate
	}
}

// heldFields names the fields that actually hold something, then the ledger
// (calls, consents), which is personal data too.
func heldFields(p Prospect, t *noticeLang) []string {
	var out []string
	for i, v := range []string{p.Name, p.Company, p.Title, p.Email, p.Phone} {
		if strings.TrimSpace(v) != "" {
			out = append(out, t.fields[i])
		}
	}
	return append(out, t.log)
}

// joinList writes "a, b and c" with the language's word for "and".
func joinList(items []string, and string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + and + " " + items[len(items)-1]
}

// pick formats with the company name, or uses the wording for "we" when
// there is none, so no sentence ever reads "about the services of ."
func pick(company, withCompany, without string) string {
	if company == "" {
		return without
	}
	return fmt.Sprintf(withCompany, company)
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// sourceArgs are the facts a source sentence may name; empty ones are left
// out of the sentence.
type sourceArgs struct {
	rep, event, vendor, date string
}

// date writes a day the way the language's letters do: "1 March 2026",
// "1. März 2026". A spelled-out month cannot be misread as day/month or
// month/day.
func (t *noticeLang) date(d time.Time) string { return locale.LongDate(t.code, d) }

// retention is mc's retention period (DefaultRetentionMonths when unset)
// and the day it ends for the person, as the notice and the re-activation
// email state it: RetentionEnds, or now plus the period for a record with
// no activity yet.
func retention(r Record, mc MailContext, now time.Time) (months int, ends time.Time) {
	months = mc.RetentionMonths
	if months <= 0 {
		months = DefaultRetentionMonths
	}
	if ends = RetentionEnds(r, months); ends.IsZero() {
		ends = now.AddDate(0, months, 0)
	}
	return months, ends
}
