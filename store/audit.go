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
	if _, err := db.key(); err != nil {
		return err
	}
	return db.bolt.Update(func(tx *bolt.Tx) error {
		seq, err := tx.Bucket(bAudit).NextSequence()
		if err != nil {
			return err
		}
		e := AuditEntry{Seq: seq, Time: time.Now().UTC().Truncate(time.Second), Rep: rep, Action: action, Prospect: prospect, Detail: detail}
		return db.put(tx, bAudit, u64(seq), e)
	})
}

// AuditLog reads the whole audit log, oldest first.
func (db *DB) AuditLog() ([]AuditEntry, error) {
	var out []AuditEntry
	err := db.bolt.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bAudit).ForEach(func(k, v []byte) error {
			var e AuditEntry
			if err := db.decode(bAudit, k, v, &e, fmt.Sprintf("audit entry %d", getU64(k))); err != nil {
				return err
			}
			out = append(out, e)
			return nil
		})
	})
	return out, err
}
