package store

import (
	"time"

	bolt "go.etcd.io/bbolt"

	"warmlead/consent"
)

// Change is what one use case writes: events for one prospect and the audit
// entries that say who did it and why. Commit stores it in one transaction,
// so an export is never logged without its event, nor an event kept
// without its audit entry.
type Change struct {
	Prospect uint64 // whose ledger Events go to; 0 with no events
	Events   []consent.Event
	Audit    []AuditEntry // Time is set when zero; Seq is always assigned
}

// Commit stores c whole or not at all and returns the events with their
// sequence numbers and hashes. A prospect that does not exist (any more)
// gives an error that errors.Is ErrNotFound.
func (db *DB) Commit(c Change) ([]consent.Event, error) {
	if _, err := db.key(); err != nil {
		return nil, err
	}
	out := make([]consent.Event, len(c.Events))
	err := db.update(func(tx *bolt.Tx) error {
		if len(c.Events) > 0 {
			if tx.Bucket(bProspects).Get(u64(c.Prospect)) == nil {
				return noProspect(c.Prospect)
			}
			for i, ev := range c.Events {
				var err error
				if out[i], err = db.appendEvent(tx, c.Prospect, ev); err != nil {
					return err
				}
			}
		}
		for _, a := range c.Audit {
			if a.Time.IsZero() {
				a.Time = time.Now()
			}
			if err := db.appendAudit(tx, a); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
