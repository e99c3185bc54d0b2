package pdfreport

import (
	"io"
	"strconv"
	"time"

	"warmlead/consent"
)

// The team report of 100,000 prospects cannot hold their ledgers (two
// gigabytes). It reads them through a RecordSource instead, one at a time,
// in passes: which prospects the filter selects and which purposes their
// ledgers name; then the counts and each selected prospect's table row (a
// few words); then, with summaries, each ledger again for its pages.

// RecordSource hands records over one at a time, in id order, as often as
// asked: the store in the app, a slice in tests.
type RecordSource interface {
	All(fn func(consent.Record) error) error                 // every record
	Some(ids []uint64, fn func(consent.Record) error) error // those of ids (ascending) that still exist
}

// TeamStream is Team reading the records from src: two reads, three with
// summaries; what it keeps between them is the selected ids and a table
// row per prospect.
func TeamStream(w io.Writer, src RecordSource, f Filter, m Meta, withSummaries bool, progress func(done, total int)) error {
	d := newDoc(m)
	t, err := newTeamTally(src, f, d.now, d.m.Settings.RetentionMonths)
	if err != nil {
		return err
	}
	if err := d.teamFrom(t, f, withSummaries, progress); err != nil {
		return err
	}
	return d.finish(w)
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
}

func newTeamTally(src RecordSource, f Filter, now time.Time, retention int) (*teamTally, error) {
	t := &teamTally{src: src, now: now, retention: retention, purposes: append([]consent.Purpose(nil), consent.Purposes...)}
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

// teamRow is one prospect's line of the table.
type teamRow [7]cell

// rows is the second read: the counts per purpose and status over
// purposes (statusCounts) and every selected prospect's table row.
func (t *teamTally) rows(d *doc, purposes []consent.Purpose) ([]teamRow, map[consent.Purpose]map[consent.ConsentStatus]int, error) {
	counts := statusCounts(nil, purposes, t.now)
	rows := make([]teamRow, 0, len(t.ids))
	one := make([]consent.Record, 1)
	err := t.src.Some(t.ids, func(r consent.Record) error {
		one[0] = r
		for p, byStatus := range statusCounts(one, purposes, t.now) {
			for s, n := range byStatus {
				counts[p][s] += n
			}
		}
		rows = append(rows, d.teamRow(r, t.purposes))
		return nil
	})
	return rows, counts, err
}

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
