package pdfreport

import (
	"io"
	"slices"
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
		addCounts(out, r, purposes, now)
	}
	return out
}

// addCounts adds r to counts (which has a map for each of purposes) as
// statusCounts counts. The team report calls it for each of 100,000
// records, so it makes no map of its own: a channel's status is looked up
// among the few already seen for that purpose.
func addCounts(counts map[consent.Purpose]map[consent.ConsentStatus]int, r consent.Record, purposes []consent.Purpose, now time.Time) {
	var seen [8]consent.ConsentStatus // more than there are statuses
	for _, p := range purposes {
		n := 0
		for _, ch := range consent.Channels {
			if s := r.ConsentStateAt(p, ch, now).Status; s != consent.StatusNone && !slices.Contains(seen[:n], s) && n < len(seen) {
				seen[n] = s
				n++
			}
		}
		if n == 0 {
			seen[0], n = consent.StatusNone, 1
		}
		for _, s := range seen[:n] {
			counts[p][s]++
		}
	}
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
	return TeamStream(w, recordSlice(recs), f, m, withSummaries, progress)
}

// TeamSelected is Team for records already chosen with f.Match (at m.GeneratedAt)
// out of all.
func TeamSelected(w io.Writer, sel []consent.Record, all int, f Filter, m Meta, withSummaries bool, progress func(done, total int)) error {
	d := newDoc(m)
	if err := d.team(sel, all, f, withSummaries, progress); err != nil {
		return err
	}
	return d.finish(w)
}

// team draws the report of records chosen already, out of of.
func (d *doc) team(sel []consent.Record, of int, f Filter, withSummaries bool, progress func(done, total int)) error {
	t, err := newTeamTally(recordSlice(sel), Filter{}, d.now, d.m.Settings.RetentionMonths)
	if err != nil {
		return err
	}
	t.of = of
	return d.teamFrom(t, f, withSummaries, progress)
}

func (d *doc) teamFrom(t *teamTally, f Filter, withSummaries bool, progress func(done, total int)) error {
	d.setTitle(d.t("team.title"))
	total := len(t.ids)
	if progress == nil {
		progress = func(int, int) {}
	}

	d.pdf.AddPage()
	d.title(d.t("team.title"), d.tf("team.subtitle", d.num(total), d.num(t.of)))
	d.kv(d.t("lbl.company"), orDash(d.m.company()), colInk)
	d.kv(d.t("lbl.collected"), d.periodSentence(f), colInk)
	d.kv(d.t("lbl.filter"), d.filterSentence(f), colInk)
	d.kv(d.t("lbl.timezone"), d.zone(), colInk)

	purposes := t.purposes
	if f.Purpose != "" {
		purposes = []consent.Purpose{f.Purpose}
	}
	counts, err := t.countsFor(purposes)
	if err != nil {
		return err
	}
	d.heading(d.t("sec.counts"), rowH*4)
	d.para(d.t("counts.note"), colMuted)
	d.pdf.Ln(1)
	d.countsRows(counts, purposes)

	d.heading(d.t("sec.prospects"), rowH*4)
	if total == 0 {
		d.para(d.t("team.none"), colMuted)
	}
	if total > 0 {
		// Millimetres: the other columns fit the longest label of the
		// five languages (a follow-up cell whose rule name does not fit
		// wraps); the number column grows with the largest number, at
		// the name's expense.
		d.font("", sizeTable)
		idW := max(8.5, d.pdf.GetStringWidth(strconv.FormatUint(t.maxID, 10))+2*d.pdf.GetCellMargin()+0.2)
		tb := d.newTable(
			column{d.t("col.id"), idW, "R"},
			column{d.t("col.name"), 31.5 - (idW - 8.5), "L"},
			column{d.t("col.company"), 33.5, "L"},
			column{d.t("col.source"), 25.5, "L"},
			column{d.t("col.informed"), 21, "L"},
			column{d.t("col.followup"), 46, "L"},
			column{d.t("col.granted"), 14, "R"},
		)
		// The second read: each row drawn as its record is read.
		i := 0
		err := t.src.Some(t.ids, func(r consent.Record) error {
			row := d.teamRow(r, t.purposes)
			tb.row(row[:]...)
			i++
			if !withSummaries {
				progress(i, total)
			}
			return nil
		})
		if err != nil {
			return err
		}
		tb.end()
	}

	d.whatWorks()
	if withSummaries {
		// The third read: one ledger at a time onto its own pages.
		i := 0
		err := t.src.Some(t.ids, func(r consent.Record) error {
			d.header = d.summaryHeader(r)
			d.pdf.AddPage()
			d.summary(r, VerifyRecord(r))
			i++
			progress(i, total)
			return nil
		})
		if err != nil {
			return err
		}
	}
	if total == 0 {
		progress(0, 0)
	}
	return nil
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
