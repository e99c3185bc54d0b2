package store

import (
	"bytes"
	"time"

	bolt "go.etcd.io/bbolt"

	"warmlead/consent"
)

// The blind index history: the contact details a prospect had before a
// rectification (or an import that updated them), so that erasing the
// person suppresses every address they ever had here, not only the current
// ones (issue 20). An entry is id|suppressKey(kind, old value) with an
// empty value: a keyed hash under the suppression key, never the value, the
// same thing the suppression entry of an erasure holds. Erase turns the
// entries of an id into suppression entries and removes them.
var bIdxHistory = []byte("idx_history") // id|blind(email or phone) -> empty

// noteOldContact keeps the suppression hashes of old's email and phone
// that p no longer has.
func (db *DB) noteOldContact(tx *bolt.Tx, p consent.Prospect, old consent.Prospect) error {
	id := u64(p.ID)
	for _, c := range [][3]string{{"email", old.Email, p.Email}, {"phone", old.Phone, p.Phone}} {
		if c[1] == "" || c[1] == c[2] {
			continue
		}
		if err := tx.Bucket(bIdxHistory).Put(join(id, db.suppressKey(c[0], c[1])), nil); err != nil {
			return err
		}
	}
	return nil
}

// suppressHistory writes a suppression entry for every old contact detail
// of the prospect key (see noteOldContact) and removes them from the
// history, inside the erasure's transaction.
func (db *DB) suppressHistory(tx *bolt.Tx, key []byte, now time.Time) error {
	h := tx.Bucket(bIdxHistory)
	var keys [][]byte
	c := h.Cursor()
	for k, _ := c.Seek(key); k != nil && bytes.HasPrefix(k, key); k, _ = c.Next() {
		keys = append(keys, append([]byte(nil), k...))
	}
	for _, k := range keys {
		sk := k[len(key):]
		if tx.Bucket(bSuppress).Get(sk) == nil {
			if err := db.put(tx, bSuppress, sk, suppression{Time: now}); err != nil {
				return err
			}
			tx.OnCommit(db.changedEveryone) // hook: an old address, blinded, may be anyone's (changes.go)
		}
		if err := h.Delete(k); err != nil {
			return err
		}
	}
	return nil
}
