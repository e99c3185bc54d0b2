package store

import (
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// AuditEntry records who viewed, exported, erased or changed whose data, and
// why. It is sealed: it names people.
type AuditEntry struct {
	Seq      uint64    `json:"seq"`
	Time     time.Time `json:"time"`
	Rep      string    `json:"rep"`
	Action   string    `json:"action"` // viewed, exported, erased, backup, restored, passphrase-changed, report
	Prospect uint64    `json:"prospect,omitempty"`
	Detail   string    `json:"detail,omitempty"`
}

// Audit appends an entry to the audit log.
func (db *DB) Audit(rep, action string, prospect uint64, detail string) error {
	_, err := db.Commit(Change{Audit: []AuditEntry{{Rep: rep, Action: action, Prospect: prospect, Detail: detail}}})
	return err
}

// appendAudit stores e with the next sequence number inside tx, so an action
// and its audit entry commit together (or not at all).
func (db *DB) appendAudit(tx *bolt.Tx, e AuditEntry) error {
	seq, err := tx.Bucket(bAudit).NextSequence()
	if err != nil {
		return err
	}
	e.Seq = seq
	e.Time = e.Time.UTC().Truncate(time.Second)
	return db.put(tx, bAudit, u64(seq), e)
}

// appendAudits stores entries inside tx, a zero Time set to now: a key
// change and its audit entry commit together.
func (db *DB) appendAudits(tx *bolt.Tx, entries []AuditEntry) error {
	for _, e := range entries {
		if e.Time.IsZero() {
			e.Time = time.Now()
		}
		if err := db.appendAudit(tx, e); err != nil {
			return err
		}
	}
	return nil
}

// AuditLog reads the whole audit log, oldest first.
func (db *DB) AuditLog() ([]AuditEntry, error) {
	return readBucket[AuditEntry](db, bAudit, "audit entry")
}

// readBucket decodes every sealed value of a bucket keyed by number, in key
// order. A damaged value gives its IntegrityError (naming it "what N")
// together with the values read before it.
func readBucket[T any](db *DB, bucket []byte, what string) ([]T, error) {
	if _, err := db.key(); err != nil {
		return nil, err
	}
	var out []T
	err := db.view(func(tx *bolt.Tx) error {
		return tx.Bucket(bucket).ForEach(func(k, v []byte) error {
			var e T
			if err := db.decode(bucket, k, v, &e, fmt.Sprintf("%s %d", what, getU64(k))); err != nil {
				return err
			}
			out = append(out, e)
			return nil
		})
	})
	return out, err
}
