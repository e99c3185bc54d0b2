package pdfreport

import (
	"io"
	"strconv"
	"time"

	"warmlead/consent"
	"warmlead/consent/insight"
)

// Filter selects the prospects of a team report; a zero field selects all.
//
// From and To bound the prospect's collection date (consent.Collected), both
// inclusive: a To at midnight, as a date from the command line is, includes
// that whole day. Purpose and Status select prospects that have, on some
// channel, that status for that purpose: Status alone looks at every
// purpose, Purpose alone asks for any recorded status (anything but none).
// A Purpose also narrows the counts table to that purpose.
type Filter struct {
	From, To time.Time
	Source   consent.Source
	Purpose  consent.Purpose
	Status   consent.ConsentStatus
}

func (f Filter) to() time.Time { return insight.PeriodEnd(f.To) }

// Match tells whether the filter selects r, with consent states as at now.
func (f Filter) Match(r consent.Record, now time.Time) bool {
	at := consent.Collected(r)
	if !f.From.IsZero() && at.Before(f.From) {
		return false
	}
	if to := f.to(); !to.IsZero() && !at.Before(to) {
		return false
	}
	if f.Source != "" && consent.SourceOf(r) != f.Source {
		return false
	}
	if f.Purpose == "" && f.Status == "" {
		return true
	}
	purposes := []consent.Purpose{f.Purpose}
	if f.Purpose == "" {
		purposes = purposesOf([]consent.Record{r})
	}
	for _, p := range purposes {
		for _, ch := range consent.Channels {
			s := r.ConsentStateAt(p, ch, now).Status
			if (f.Status == "" && s != consent.StatusNone) || (f.Status != "" && s == f.Status) {
				return true
			}
		}
	}
	return false
}

// statusColumns are the consent statuses in the order tables show them.
var statusColumns = []consent.ConsentStatus{consent.StatusGranted, consent.StatusPending, consent.StatusRefused,
	consent.StatusWithdrawn, consent.StatusExpired, consent.StatusNone}

// statusCounts counts, per purpose and status, the prospects that have that
// status on at least one channel; a prospect with no recorded status on any
// channel counts as none. So a person granted by email and refused by phone
// counts once as granted and once as refused.
func statusCounts(recs []consent.Record, purposes []consent.Purpose, now time.Time) map[consent.Purpose]map[consent.ConsentStatus]int {
	out := make(map[consent.Purpose]map[consent.ConsentStatus]int, len(purposes))
	for _, p := range purposes {
		out[p] = map[consent.ConsentStatus]int{}
	}
	for _, r := range recs {
		for _, p := range purposes {
			seen := map[consent.ConsentStatus]bool{}
			for _, ch := range consent.Channels {
				if s := r.ConsentStateAt(p, ch, now).Status; s != consent.StatusNone {
					seen[s] = true
				}
			}
			if len(seen) == 0 {
				seen[consent.StatusNone] = true
			}
			for s := range seen {
				out[p][s]++
			}
		}
	}
	return out
}

// countsTable draws statusCounts as a table, one row per purpose.
func (d *doc) countsTable(recs []consent.Record, purposes []consent.Purpose) {
	d.countsRows(statusCounts(recs, purposes, d.now), purposes)
}

// countsRows draws counts per purpose and status, one row per purpose.
func (d *doc) countsRows(counts map[consent.Purpose]map[consent.ConsentStatus]int, purposes []consent.Purpose) {
	cols := []column{{d.t("col.purpose"), 2.2, "L"}}
	for _, s := range statusColumns {
		cols = append(cols, column{d.word("status", string(s)), 1, "R"})
	}
	t := d.newTable(cols...)
	for _, p := range purposes {
		cells := []cell{txt(d.word("purpose", string(p)))}
		for _, s := range statusColumns {
			n := counts[p][s]
			c := colMuted
			if n > 0 {
				c = statusColor(s)
				if s == consent.StatusNone {
					c = colInk
				}
			}
			cells = append(cells, colored(d.num(n), c))
		}
		t.row(cells...)
	}
	t.end()
}

// grantedCount is how many (purpose, channel) pairs r has granted now.
func grantedCount(r consent.Record, purposes []consent.Purpose, now time.Time) int {
	n := 0
	for _, p := range purposes {
		for _, ch := range consent.Channels {
			if r.ConsentStateAt(p, ch, now).Status == consent.StatusGranted {
				n++
			}
		}
	}
	return n
}

// Team writes the team report: counts per purpose and consent status, a
// table of the prospects f selects and, with withSummaries, the consent
// summary of each on pages of its own (each ledger verified with
// consent.VerifyChain). progress, if not nil, is called after each prospect
// is drawn with how many of how many are done.
func Team(w io.Writer, recs []consent.Record, f Filter, m Meta, withSummaries bool, progress func(done, total int)) error {
	d := newDoc(m)
	var sel []consent.Record
	for _, r := range recs {
		if f.Match(r, d.now) {
			sel = append(sel, r)
		}
	}
	d.team(sel, len(recs), f, withSummaries, progress)
	return d.finish(w)
}

// TeamSelected is Team for records already chosen with f.Match (at m.GeneratedAt)
// out of all: a caller streaming 100,000 records keeps only the matches.
func TeamSelected(w io.Writer, sel []consent.Record, all int, f Filter, m Meta, withSummaries bool, progress func(done, total int)) error {
	d := newDoc(m)
	d.team(sel, all, f, withSummaries, progress)
	return d.finish(w)
}

func (d *doc) team(sel []consent.Record, of int, f Filter, withSummaries bool, progress func(done, total int)) {
	d.setTitle(d.t("team.title"))
	total := len(sel)
	if progress == nil {
		progress = func(int, int) {}
	}

	d.pdf.AddPage()
	d.title(d.t("team.title"), d.tf("team.subtitle", d.num(total), d.num(of)))
	d.kv(d.t("lbl.company"), orDash(d.m.company()), colInk)
	d.kv(d.t("lbl.collected"), d.periodSentence(f), colInk)
	d.kv(d.t("lbl.filter"), d.filterSentence(f), colInk)
	d.kv(d.t("lbl.timezone"), d.zone(), colInk)

	purposes := purposesOf(sel)
	if f.Purpose != "" {
		purposes = []consent.Purpose{f.Purpose}
	}
	d.heading(d.t("sec.counts"), rowH*4)
	d.para(d.t("counts.note"), colMuted)
	d.pdf.Ln(1)
	d.countsTable(sel, purposes)

	d.heading(d.t("sec.prospects"), rowH*4)
	if total == 0 {
		d.para(d.t("team.none"), colMuted)
	}
	all := purposesOf(sel)
	var t *table
	if total > 0 {
		// Millimetres: the other columns fit the longest label of the
		// five languages (a follow-up cell whose rule name does not fit
		// wraps); the number column grows with the largest number, at
		// the name's expense.
		var maxID uint64
		for _, r := range sel {
			maxID = max(maxID, r.Prospect.ID)
		}
		d.font("", sizeTable)
		idW := max(8.5, d.pdf.GetStringWidth(strconv.FormatUint(maxID, 10))+2*d.pdf.GetCellMargin()+0.2)
		t = d.newTable(
			column{d.t("col.id"), idW, "R"},
			column{d.t("col.name"), 31.5 - (idW - 8.5), "L"},
			column{d.t("col.company"), 33.5, "L"},
			column{d.t("col.source"), 25.5, "L"},
			column{d.t("col.informed"), 21, "L"},
			column{d.t("col.followup"), 46, "L"},
			column{d.t("col.granted"), 14, "R"},
		)
	}
	for i, r := range sel {
		informed := colored(d.t("no"), colMuted)
		if at, ok := consent.Informed(r); ok {
			informed = txt(d.date(at))
		}
		dec := consent.Decide(r, consent.ChannelEmail, consent.PurposeFollowUp, d.now, d.m.Settings.RetentionMonths)
		follow := cell{s: d.tf("followup.cell", d.t("no"), d.why(dec.Rule)), c: colBad, wrap: true}
		if dec.Allowed {
			follow = cell{s: d.tf("followup.cell", d.t("yes"), d.why(dec.Rule)), c: colGood, wrap: true}
		}
		t.row(
			colored(strconv.FormatUint(r.Prospect.ID, 10), colMuted),
			txt(r.Prospect.Name),
			txt(orDash(r.Prospect.Company)),
			txt(d.word("source", string(consent.SourceOf(r)))),
			informed,
			follow,
			txt(d.num(grantedCount(r, all, d.now))),
		)
		if !withSummaries {
			progress(i+1, total)
		}
	}
	if t != nil {
		t.end()
	}

	d.whatWorks()
	if withSummaries {
		for i, r := range sel {
			d.header = d.summaryHeader(r)
			d.pdf.AddPage()
			d.summary(r, VerifyRecord(r))
			progress(i+1, total)
		}
	}
	if total == 0 {
		progress(0, 0)
	}
}

func (d *doc) periodSentence(f Filter) string {
	switch {
	case f.From.IsZero() && f.To.IsZero():
		return d.t("period.all")
	case f.To.IsZero():
		return d.tf("period.from", d.filterDate(f.From))
	case f.From.IsZero():
		return d.tf("period.to", d.filterDate(f.To))
	}
	return d.tf("period.between", d.filterDate(f.From), d.filterDate(f.To))
}

func (d *doc) filterSentence(f Filter) string {
	s := d.t("filter.none")
	var parts []string
	if f.Source != "" {
		parts = append(parts, d.tf("filter.source", d.inSentence(d.word("source", string(f.Source)))))
	}
	switch {
	case f.Purpose != "" && f.Status != "":
		parts = append(parts, d.tf("filter.purposestatus", d.inSentence(d.word("purpose", string(f.Purpose))), d.word("status", string(f.Status))))
	case f.Purpose != "":
		parts = append(parts, d.tf("filter.purpose", d.inSentence(d.word("purpose", string(f.Purpose)))))
	case f.Status != "":
		parts = append(parts, d.tf("filter.status", d.word("status", string(f.Status))))
	}
	if len(parts) > 0 {
		s = parts[0]
		for _, p := range parts[1:] {
			s += "; " + p
		}
	}
	return s
}
