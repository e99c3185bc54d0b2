package pdfreport

import (
	"io"
	"time"

	"warmlead/consent"
)

// RegisterTally is what the Art. 30 register counts, gathered one record at
// a time: a caller streaming 100,000 records keeps the counts, not the
// ledgers (gigabytes). Register over a slice uses it too, so both give the
// same document.
type RegisterTally struct {
	now      time.Time
	held     heldCounts
	purposes []consent.Purpose // the defaults, then others in order of appearance
	seen     map[consent.Purpose]bool
	status   map[consent.Purpose]map[consent.ConsentStatus]int
}

// NewRegisterTally starts a tally judging consents at now (the document's
// GeneratedAt).
func NewRegisterTally(now time.Time) *RegisterTally {
	t := &RegisterTally{now: now, held: heldCounts{perSource: map[consent.Source]int{}},
		seen: map[consent.Purpose]bool{}, status: map[consent.Purpose]map[consent.ConsentStatus]int{}}
	for _, p := range consent.Purposes {
		t.addPurpose(p)
	}
	return t
}

// addPurpose starts counting a purpose; every record counted before had
// nothing for it.
func (t *RegisterTally) addPurpose(p consent.Purpose) {
	t.seen[p] = true
	t.purposes = append(t.purposes, p)
	t.status[p] = map[consent.ConsentStatus]int{}
	if n := t.held.prospects; n > 0 {
		t.status[p][consent.StatusNone] = n
	}
}

// Add counts one record.
func (t *RegisterTally) Add(r consent.Record) {
	for i := range r.Events {
		if p := r.Events[i].Purpose; p != "" && !t.seen[p] {
			t.addPurpose(p)
		}
	}
	one := []consent.Record{r}
	for p, n := range statusCounts(one, t.purposes, t.now) {
		for s, k := range n {
			t.status[p][s] += k
		}
	}
	h := countHeld(one, t.now)
	t.held.prospects++
	t.held.withEmail += h.withEmail
	t.held.withPhone += h.withPhone
	t.held.events += h.events
	t.held.consentEvents += h.consentEvents
	t.held.calls += h.calls
	t.held.evidence += h.evidence
	t.held.thirdParty += h.thirdParty
	t.held.onDNC += h.onDNC
	for s, n := range h.perSource {
		t.held.perSource[s] += n
	}
}

// RegisterFromTally writes the register from a tally (see Register).
func RegisterFromTally(w io.Writer, t *RegisterTally, regs []RegisterInfo, m Meta) error {
	d := newDoc(m)
	d.register(t, regs)
	return d.finish(w)
}
