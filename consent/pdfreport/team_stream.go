package pdfreport

import (
	"io"
	"slices"
	"strconv"
	"time"

	"warmlead/consent"
	"warmlead/consent/insight"
)

// The team report of 100,000 prospects cannot hold their ledgers (two
// gigabytes). It reads them through a RecordSource instead, one at a time,
// in passes: which prospects the filter selects and which purposes their
// ledgers name, with the counts; then each selected prospect's table row,
// drawn as read; then, with summaries, each ledger again for its pages.

// RecordSource hands records over one at a time, in id order, as often as
// asked: the store in the app, a slice in tests.
type RecordSource interface {
	All(fn func(consent.Record) error) error                // every record
	Some(ids []uint64, fn func(consent.Record) error) error // those of ids (ascending) that still exist
}

// TeamStream is Team reading the records from src: two reads (the
// selection and counts, then the table drawn row by row), three with
// summaries; what it keeps between them is the selected ids.
func TeamStream(w io.Writer, src RecordSource, f Filter, m Meta, withSummaries bool, progress func(done, total int)) error {
	return TeamStreamWithInsight(w, src, f, m, withSummaries, progress, nil)
}

// TeamStreamWithInsight is TeamStream with the page "What works": works
// is asked once the first read is done (the caller counts the figures in
// that read, through its RecordSource) and before the page is drawn; nil:
// no such page.
func TeamStreamWithInsight(w io.Writer, src RecordSource, f Filter, m Meta, withSummaries bool, progress func(done, total int), works func() insight.Figures) error {
	_, err := TeamStreamPages(w, src, f, m, withSummaries, progress, works)
	return err
}

// TeamStreamPages is TeamStreamWithInsight telling how many pages it
// wrote, for a caller that streams the file and cannot count them after.
func TeamStreamPages(w io.Writer, src RecordSource, f Filter, m Meta, withSummaries bool, progress func(done, total int), works func() insight.Figures) (int, error) {
	d := newDoc(m)
	t, err := newTeamTally(src, f, d.now, d.m.Settings.RetentionMonths)
	if err != nil {
		return 0, err
	}
	if works != nil {
		figs := works()
		d.works = &figs
	}
	if err := d.teamFrom(t, f, withSummaries, progress); err != nil {
		return 0, err
	}
	if err := d.finish(w); err != nil {
		return 0, err
	}
	return d.pages, nil
}

// teamTally is the first read: the selection and the purposes it names.
type teamTally struct {
	src       RecordSource
	now       time.Time
	retention int
	ids       []uint64 // selected, ascending
	of        int      // records read
	maxID     uint64
	purposes  []consent.Purpose // consent.Purposes, then others the selection's ledgers name (purposesOf)
	// statusCounts over consent.Purposes, counted in the first read; a
	// purpose found only later (another purpose in a ledger, or the
	// filter's) is counted by a read of its own (countsFor).
	counts map[consent.Purpose]map[consent.ConsentStatus]int
}

func newTeamTally(src RecordSource, f Filter, now time.Time, retention int) (*teamTally, error) {
	t := &teamTally{src: src, now: now, retention: retention, purposes: append([]consent.Purpose(nil), consent.Purposes...),
		counts: statusCounts(nil, consent.Purposes, now)}
	seen := map[consent.Purpose]bool{}
	for _, p := range t.purposes {
		seen[p] = true
	}
	var kept recordSlice
	_, inMemory := src.(recordSlice)
	err := src.All(func(r consent.Record) error {
		t.of++
		if !f.Match(r, now) {
			return nil
		}
		if inMemory {
			kept = append(kept, r)
		}
		t.ids = append(t.ids, r.Prospect.ID)
		t.maxID = max(t.maxID, r.Prospect.ID)
		addCounts(t.counts, r, consent.Purposes, now)
		for i := range r.Events {
			if p := r.Events[i].Purpose; p != "" && !seen[p] {
				seen[p] = true
				t.purposes = append(t.purposes, p)
			}
		}
		return nil
	})
	if inMemory {
		t.src = kept
	}
	return t, err
}

// countsFor is statusCounts over purposes: from the first read when it
// counted them all, else from another read.
func (t *teamTally) countsFor(purposes []consent.Purpose) (map[consent.Purpose]map[consent.ConsentStatus]int, error) {
	if !slices.ContainsFunc(purposes, func(p consent.Purpose) bool { return t.counts[p] == nil }) {
		return t.counts, nil
	}
	counts := statusCounts(nil, purposes, t.now)
	err := t.src.Some(t.ids, func(r consent.Record) error {
		addCounts(counts, r, purposes, t.now)
		return nil
	})
	return counts, err
}

// teamRow is one prospect's line of the table.
type teamRow [7]cell

func (d *doc) teamRow(r consent.Record, all []consent.Purpose) teamRow {
	informed := colored(d.t("no"), colMuted)
	if at, ok := consent.Informed(r); ok {
		informed = txt(d.date(at))
	}
	dec := consent.Decide(r, consent.ChannelEmail, consent.PurposeFollowUp, d.now, d.m.Settings.RetentionMonths)
	follow := cell{s: d.tf("followup.cell", d.t("no"), d.why(dec.Rule)), c: colBad, wrap: true}
	if dec.Allowed {
		follow = cell{s: d.tf("followup.cell", d.t("yes"), d.why(dec.Rule)), c: colGood, wrap: true}
	}
	return teamRow{
		colored(strconv.FormatUint(r.Prospect.ID, 10), colMuted),
		txt(r.Prospect.Name),
		txt(orDash(r.Prospect.Company)),
		txt(d.word("source", string(consent.SourceOf(r)))),
		informed,
		follow,
		txt(d.num(grantedCount(r, all, d.now))),
	}
}

// recordSlice is a RecordSource over records in memory. The first read
// keeps the selected ones (tests give several records the same id), and
// later reads go over those.
type recordSlice []consent.Record

func (s recordSlice) All(fn func(consent.Record) error) error {
	for _, r := range s {
		if err := fn(r); err != nil {
			return err
		}
	}
	return nil
}

// Some is every record of s: s is the selection already (newTeamTally).
func (s recordSlice) Some(_ []uint64, fn func(consent.Record) error) error { return s.All(fn) }
