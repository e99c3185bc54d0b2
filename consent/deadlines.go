package consent

import (
	"cmp"
	"slices"
	"time"
)

// Deadlines of consent-rules.md section 6, derived from the ledger like the
// policy, so `warmlead due` and the GUI's to-do list always agree with it.

// Due kinds; stable names for `warmlead due --json`.
const (
	DueNotice           = "notice"
	DueRetentionEnding  = "retention-ending"
	DueRetentionEnded   = "retention-ended"
	DueCallBack         = "call-back"
	DueAskAgain         = "ask-again"
	DueReferralNoAnswer = "referral-no-answer"
)

// Windows of section 6 and the brief: the Art. 14 notice is due 30 days after
// collection; retention endings and ask-again dates show 30 days ahead; an
// unanswered introduction is worth a reminder after 7 days.
const (
	NoticeDays       = 30
	LookaheadDays    = 30
	ReferralWaitDays = 7
)

// Due is one thing a rep has to do for a prospect by Date.
type Due struct {
	Prospect uint64    `json:"prospect"`
	Kind     string    `json:"kind"`
	Date     time.Time `json:"date"`
	Reason   string    `json:"reason"`
	// Message is Reason with its values kept apart, for translated screens.
	Message Message `json:"-"`
}

// noticeSources are the sources whose data was not collected from the person
// (Art. 14). Social is included although the rules table has no notice duty
// for it: the profile data came from the platform, not from the person.
var noticeSources = map[Source]bool{SourceReferral: true, SourceList: true, SourceSocial: true}

// DueItems lists what is due for one prospect, overdue items included (their
// Date is in the past). An erased person has nothing due; after an objection
// (to this rep, or to another member of the team) only the end of
// retention remains, because every other item means contacting someone who
// asked not to be contacted.
func DueItems(r Record, now time.Time, retentionMonths int) []Due {
	if r.Suppressed {
		return nil
	}
	f := newFmt(r, now)
	objected := r.Objected()
	horizon := now.AddDate(0, 0, LookaheadDays)
	var out []Due
	add := func(kind string, date time.Time, m Message) {
		out = append(out, Due{Prospect: r.Prospect.ID, Kind: kind, Date: date, Reason: m.String(), Message: m})
	}

	// Retention ending or ended.
	if ends := RetentionEnds(r, retentionMonths); !ends.IsZero() {
		switch {
		case !now.Before(ends):
			add(DueRetentionEnded, ends, Msg(tDueRetentionEnded, "Who", f.who, "Ends", f.day(ends), "LastActivity", f.day(LastActivity(r))))
		case ends.Before(horizon) && !objected:
			add(DueRetentionEnding, ends, Msg(tDueRetentionEnding, "Who", f.who, "Ends", f.day(ends), "LastActivity", f.day(LastActivity(r))))
		}
	}
	if objected {
		return out
	}

	// Art. 14 notice for data obtained from someone else.
	src := SourceOf(r)
	if _, informed := Informed(r); noticeSources[src] && !informed {
		if at := Collected(r); !at.IsZero() {
			by := at.AddDate(0, 0, NoticeDays)
			t := tDueNotice
			if now.After(by) {
				t = tDueNoticeOverdue
			}
			add(DueNotice, by, Msg(t, "Who", f.who, "By", f.day(by), "Source", src, "Stored", f.day(at)))
		}
	}

	// Call-back agreed on the latest call; a later call without a new date
	// means it was made or replaced.
	for i := len(r.Events) - 1; i >= 0; i-- {
		if e := &r.Events[i]; e.Kind == KindCallLogged {
			if !e.Callback.IsZero() && taskDone(r.Events, e.Seq) == nil {
				add(DueCallBack, e.Callback, Msg(tDueCallBack, "Who", f.who, "Day", f.day(e.Callback), "CallDay", f.day(e.Time)))
			}
			break
		}
	}

	// Ask again: for every pair whose consent is currently granted, the ask
	// again date, or else the expiry (an expiring consent needs asking too).
	for _, pc := range grantedPairs(r.Events) {
		e := latestConsent(r.Events, pc.p, pc.ch)
		if e == nil || e.Kind != KindConsentGranted {
			continue
		}
		date, t := e.AskAgain, tDueAskAgain
		if date.IsZero() {
			date, t = e.Expires, tDueConsentExpires
		}
		if date.IsZero() || !date.Before(horizon) {
			continue
		}
		add(DueAskAgain, date, Msg(t, "Who", f.who, "Purpose", pc.p, "Channel", pc.ch, "Date", f.day(date), "Given", f.day(e.Time)))
	}

	// An introduction nobody answered.
	if src == SourceReferral && !referralAnswered(r.Events) {
		asked := referralAsked(r)
		if remind := asked.AddDate(0, 0, ReferralWaitDays); !asked.IsZero() && !now.Before(remind) {
			add(DueReferralNoAnswer, remind, Msg(tDueReferral, "Who", f.who, "Asked", f.day(asked), "Since", f.day(remind)))
		}
	}
	return out
}

type purposeChannel struct {
	p  Purpose
	ch Channel
}

// grantedPairs lists the (purpose, channel) pairs that have a confirmed
// grant, in order of first grant, so the output is deterministic.
func grantedPairs(events []Event) []purposeChannel {
	var out []purposeChannel
	for i := range events {
		e := &events[i]
		if e.Kind != KindConsentGranted || e.Pending {
			continue
		}
		if pc := (purposeChannel{e.Purpose, e.Channel}); !slices.Contains(out, pc) {
			out = append(out, pc)
		}
	}
	return out
}

// referralAnswered says whether an approval or decline follows the last
// referral request.
func referralAnswered(events []Event) bool {
	for i := len(events) - 1; i >= 0; i-- {
		switch events[i].Kind {
		case KindReferralApproved, KindReferralDeclined:
			return true
		case KindReferralRequested:
			return false
		}
	}
	return false
}

// dueOrder breaks ties between items on the same date: legal duties first.
var dueOrder = map[string]int{DueRetentionEnded: 0, DueNotice: 1, DueRetentionEnding: 2, DueCallBack: 3, DueAskAgain: 4, DueReferralNoAnswer: 5}

// SortDue orders items most urgent first (CompareDue); items equal in
// date, kind and prospect keep their order. The keys are computed once
// and the order ends on the position, so an unstable sort gives the
// stable order: Today's 16,810 items sort in milliseconds, not the tenth
// of a second a stable sort with a map lookup per comparison took.
func SortDue(items []Due) {
	type key struct {
		date time.Time
		rank int
		at   int
	}
	keys := make([]key, len(items))
	for i := range items {
		keys[i] = key{items[i].Date, rank(items[i].Kind), i}
	}
	slices.SortFunc(keys, func(a, b key) int {
		return cmp.Or(a.date.Compare(b.date), cmp.Compare(a.rank, b.rank),
			cmp.Compare(items[a.at].Prospect, items[b.at].Prospect), cmp.Compare(a.at, b.at))
	})
	sorted := make([]Due, len(items))
	for i, k := range keys {
		sorted[i] = items[k.at]
	}
	copy(items, sorted)
}

// CompareDue is SortDue's order: earliest date, then legal duties before
// reminders, then by prospect id so the list does not jump around. Today's
// cache merges a changed prospect's items into the sorted list with it.
func CompareDue(a, b Due) int {
	return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(rank(a.Kind), rank(b.Kind)), cmp.Compare(a.Prospect, b.Prospect))
}

func rank(kind string) int {
	if r, ok := dueOrder[kind]; ok {
		return r
	}
	return len(dueOrder)
}
