package consent

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// FollowUpEmail writes the email a rep sends after a cold call that reached
// the person (consent-rules.md section 5, seed 002 §4): why the rep called,
// what was agreed (call.Agreed, word for word), why the rep follows up by
// email, and the consents given on the phone, per purpose and channel. Those
// consents are only a verbal yes until this email is sent and stored, so the
// email is the proof the GDPR asks for (section 2,
// verbal-confirmed-by-email). With the privacy statement link it is also how
// a cold-call prospect is informed (section 1).
//
// call is the KindCallLogged event; its Time says "today" or names the day,
// and a Callback date is confirmed. consents are the events recorded on the
// call: grants are listed as given, refusals and withdrawals as declined,
// one line per purpose; for the same purpose and channel the event later in
// the slice counts. Other kinds are ignored. Without any grant the email says that nothing
// else will be sent unless the person asks.
//
// The function writes the text only: whether the person may be emailed at
// all is Decide's question, asked before. lang "" means the prospect's
// language, then English; an unknown language gives English. From is left
// empty for the mail app to fill in, as in NoticeEmail.
func FollowUpEmail(r Record, call Event, consents []Event, mc MailContext, lang string, now time.Time) Email {
	t, code := textsFor(followupTexts, lang, r.Prospect.Lang)
	nt := noticeTexts[code]
	loc := now.Location()
	company := strings.TrimSpace(mc.Company)
	rep := strings.TrimSpace(mc.Rep)

	when := call.Time
	if when.IsZero() {
		when = now
	}
	today := sameDay(when, now)

	var m letter
	m.para(greeting(nt, r.Prospect.Name))

	thanks := t.thanksToday
	if !today {
		thanks = fmt.Sprintf(t.thanksOn, nt.date(when.In(loc)))
	}
	m.para(thanks + " " + pick(company, t.why, t.whyUs))

	// What was agreed, exactly as the rep wrote it down on the call: the
	// person checks the email against their memory of the call.
	if agreed := strings.TrimSpace(strings.ReplaceAll(call.Agreed, "\r\n", "\n")); agreed != "" {
		m.para(t.agreedHead + "\n" + agreed)
	} else {
		m.para(t.agreedNone)
	}
	if !call.Callback.IsZero() {
		m.para(fmt.Sprintf(t.callback, nt.date(call.Callback.In(loc))))
	}

	granted, declined := phoneConsents(consents)
	if len(granted) > 0 {
		m.para(t.whyEmail)
		m.para(t.grantedHead + "\n" + t.consentList(granted))
	} else {
		m.para(t.whyEmailNone)
	}
	if len(declined) > 0 {
		m.para(t.declinedHead + "\n" + t.consentList(declined))
	}
	prefs := strings.TrimSpace(mc.PreferencesURL)
	switch {
	case len(granted) == 0:
		m.para(t.none)
	case prefs != "":
		m.para(t.change)
	default:
		m.para(t.changeReply)
	}

	m.links(nt, mc)
	m.signature(nt, rep, company)

	subject := t.subjectToday
	if !today {
		subject = fmt.Sprintf(t.subjectOn, nt.date(when.In(loc)))
	}
	return Email{Lang: code, To: r.Prospect.Email, Subject: subject, Body: m.String()}
}

// PurposeName is a purpose in words, as it reads in a sentence of lang:
// lower case except where the language capitalises nouns (German), so a
// screen showing it as a label capitalises the first letter. An unknown
// language gives English; a purpose a user added is shown with its dashes
// as spaces.
func PurposeName(p Purpose, lang string) string {
	t, _ := textsFor(followupTexts, lang)
	if s, ok := t.purposes[p]; ok {
		return s
	}
	return strings.TrimSpace(strings.ReplaceAll(string(p), "-", " "))
}

// ChannelName is a channel in words, as it reads after "by" in lang (e.g.
// "email", "text message"); see PurposeName for case and fallbacks.
func ChannelName(c Channel, lang string) string {
	t, _ := textsFor(followupTexts, lang)
	if s, ok := t.channels[c]; ok {
		return s
	}
	return strings.TrimSpace(strings.ReplaceAll(string(c), "-", " "))
}

// consentLine is one purpose and the channels it was given (or declined) on.
// A channel "" stands for every channel: a refusal without a channel covers
// them all (see covers).
type consentLine struct {
	purpose  Purpose
	channels []Channel
}

// phoneConsents sorts the consent events of a call into grants and declines
// (refusals and withdrawals), one line per purpose in the order of Purposes
// (added purposes after, as they came), channels in the order of Channels.
// The last event for a purpose and channel counts.
func phoneConsents(events []Event) (granted, declined []consentLine) {
	type key struct {
		p  Purpose
		ch Channel
	}
	var order []key
	latest := map[key]EventKind{}
	for _, e := range events {
		if !isConsentKind(e.Kind) {
			continue
		}
		k := key{e.Purpose, e.Channel}
		if _, seen := latest[k]; !seen {
			order = append(order, k)
		}
		latest[k] = e.Kind
	}
	add := func(lines []consentLine, k key) []consentLine {
		for i := range lines {
			if lines[i].purpose == k.p {
				if !slices.Contains(lines[i].channels, k.ch) {
					lines[i].channels = append(lines[i].channels, k.ch)
				}
				return lines
			}
		}
		return append(lines, consentLine{purpose: k.p, channels: []Channel{k.ch}})
	}
	for _, k := range order {
		if latest[k] == KindConsentGranted {
			granted = add(granted, k)
		} else {
			declined = add(declined, k)
		}
	}
	for _, lines := range [][]consentLine{granted, declined} {
		slices.SortStableFunc(lines, func(a, b consentLine) int { return rankOf(Purposes, a.purpose) - rankOf(Purposes, b.purpose) })
		for _, l := range lines {
			slices.SortStableFunc(l.channels, func(a, b Channel) int { return rankOf(Channels, a) - rankOf(Channels, b) })
		}
	}
	return granted, declined
}

// rankOf is v's position in order; values not in it sort after, in the
// order they came (the sorts are stable).
func rankOf[T comparable](order []T, v T) int {
	if i := slices.Index(order, v); i >= 0 {
		return i
	}
	return len(order)
}

// consentList writes one "- Purpose, by channel and channel" line per
// purpose. A line that covers every channel names no channel.
func (t *followupLang) consentList(lines []consentLine) string {
	out := make([]string, len(lines))
	for i, l := range lines {
		name := PurposeName(l.purpose, t.code)
		if name == "" {
			name = t.anything // a refusal of every purpose
		}
		item := upperFirst(name)
		if !slices.Contains(l.channels, "") {
			chs := make([]string, len(l.channels))
			for j, c := range l.channels {
				chs[j] = ChannelName(c, t.code)
			}
			item = fmt.Sprintf(t.item, item, joinList(chs, t.and))
		}
		out[i] = "- " + item
	}
	return strings.Join(out, "\n")
}

// textsFor picks a language's texts the way NoticeEmail does: the requested
// language, else the first non-empty fallback (the prospect's), else
// English. An explicit but unknown language gives English rather than the
// fallback. It returns the texts and their language code; every language in
// texts also has notice texts, whose greeting, dates, link labels and
// closing the other emails share.
func textsFor[T any](texts map[string]*T, lang string, fallbacks ...string) (*T, string) {
	for _, l := range append([]string{lang}, fallbacks...) {
		l = strings.ToLower(strings.TrimSpace(l))
		if l == "" {
			continue
		}
		if t, ok := texts[l]; ok {
			return t, l
		}
		break
	}
	return texts["en"], "en"
}

// greeting opens an email the way the notice does: the first name, or the
// full name where the language greets formally (German), or a greeting
// without a name.
func greeting(nt *noticeLang, name string) string {
	name = strings.Join(strings.Fields(name), " ")
	first, _, _ := strings.Cut(name, " ")
	if first == "" {
		return nt.greetAnon
	}
	if nt.greetFullName {
		first = name
	}
	return fmt.Sprintf(nt.greet, first)
}

// sameDay says whether a and b fall on the same calendar day where b is.
func sameDay(a, b time.Time) bool {
	ay, am, ad := a.In(b.Location()).Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

// letter builds a plain text body from paragraphs separated by blank lines.
type letter struct {
	paras []string
}

func (m *letter) para(s string) {
	if s = strings.TrimSpace(s); s != "" {
		m.paras = append(m.paras, s)
	}
}

// links adds the two links of consent-rules.md section 5, each on a line of
// its own so mail apps make them clickable; an unset URL is left out. They
// are the only links Warmlead puts in an email: no tracking (section 3).
func (m *letter) links(nt *noticeLang, mc MailContext) {
	var ls []string
	if u := strings.TrimSpace(mc.PrivacyURL); u != "" {
		ls = append(ls, nt.privacy+u)
	}
	if u := strings.TrimSpace(mc.PreferencesURL); u != "" {
		ls = append(ls, nt.prefs+u)
	}
	m.para(strings.Join(ls, "\n"))
}

// signature closes with the language's regards and the names that are set.
func (m *letter) signature(nt *noticeLang, names ...string) {
	ls := []string{nt.regards}
	for _, s := range names {
		if s = strings.TrimSpace(s); s != "" {
			ls = append(ls, s)
		}
	}
	m.para(strings.Join(ls, "\n"))
}

func (m *letter) String() string { return strings.Join(m.paras, "\n\n") + "\n" }
