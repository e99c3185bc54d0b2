package usecase

import (
	"errors"
	"time"

	"warmlead/consent"
	"warmlead/store"
)

// An erased person's id still answers (consent-rules.md section 7): the
// tombstone says when, why and by whom, so a script walking ids can tell
// an erased person from an id that never existed, and can-contact says
// blocked by the erasure instead of "no prospect".

var errErased = newTemplate(CodeNotFound, "prospect {{.ID}} was erased on {{.Date}} by {{.Rep}} ({{.Reason}}): only its tombstone remains")

// Erased is the cause of the error View gives for an erased prospect.
type Erased struct{ Tombstone store.Tombstone }

func (e *Erased) Error() string { return "erased" }

// tombstoner is what the use cases need of the store to tell erased ids
// apart (*store.DB in the app).
type tombstoner interface {
	Tombstone(id uint64) (store.Tombstone, error)
}

// tombstoneOf looks up the tombstone of id when err says the prospect is not
// there; nil when it never was erased (then err stands).
func tombstoneOf(st tombstoner, id uint64, err error) *store.Tombstone {
	if !errors.Is(err, store.ErrNotFound) {
		return nil
	}
	t, terr := st.Tombstone(id)
	if terr != nil {
		return nil
	}
	return &t
}

func erasedError(t store.Tombstone) *Error {
	return errErased.Wrap(&Erased{t}, "ID", t.ID, "Date", t.Time.Format("2006-01-02"), "Rep", t.Rep, "Reason", t.Reason)
}

// erasedDecision is the policy's answer for an erased person: blocked by
// the erasure rule (the first one), whatever the channel and purpose.
func erasedDecision(id uint64, ch consent.Channel, pu consent.Purpose, now time.Time) consent.Decision {
	return consent.Decide(consent.Record{Prospect: consent.Prospect{ID: id}, Suppressed: true}, ch, pu, now, 0)
}
