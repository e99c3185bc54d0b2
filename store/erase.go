package store

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"warmlead/consent"
)

// Tombstone is what remains of an erased prospect: that someone with this id
// was erased, when, why and by whom. No name, email or phone: the point of
// erasure is that they are gone (consent-rules.md section 7).
type Tombstone struct {
	ID     uint64    `json:"id"`
	Time   time.Time `json:"time"`
	Reason string    `json:"reason"`
	Rep    string    `json:"rep"`
	// Reapplied is when a restore erased the person again from a backup
	// made before the erasure (restore.go); zero otherwise.
	Reapplied time.Time `json:"reapplied,omitzero"`
	// MergedInto is the prospect this one was merged into (a duplicate,
	// merge.go); zero for an erasure.
	MergedInto uint64 `json:"merged_into,omitempty"`
}

// suppression is the sealed value of a suppression entry. The key (a keyed
// hash of the email or phone) is what matters; the time says since when.
type suppression struct {
	Time time.Time `json:"time"`
}

// ErrReasonRequired: Erase was called without a reason.
var ErrReasonRequired = errors.New("say why the person is erased (e.g. \"asked to be forgotten by email\"): the reason is kept in the tombstone and the audit log, so do not put their name in it")

// Erase removes a prospect for good (Art. 17): the prospect, its whole
// ledger and its blind-index entries go in one transaction, together with
// writing a suppression entry for its email and phone (so a re-import or a
// new referral is refused), a tombstone and an audit entry. The file is then
// compacted so no freed page still holds the person's data.
//
// When only the compaction fails the erasure stands (the data is no longer
// readable through Warmlead) and the error says so; Compact can be retried.
func (db *DB) Erase(id uint64, reason, rep string, now time.Time) error {
	return db.erase(id, reason, rep, now, consent.TeamErasure)
}

// EraseFromTeam is Erase for an erasure the team asked for (a pulled
// erasure block): the team already has the block, so only the server's
// copy of this prospect is queued for removal.
func (db *DB) EraseFromTeam(id uint64, reason, rep string, now time.Time) error {
	return db.erase(id, reason, rep, now, "")
}

// erase is Erase; teamKind is the block queued for the team when linked
// (team_outbox.go): an erasure, a declined introduction, or "" for none.
func (db *DB) erase(id uint64, reason, rep string, now time.Time, teamKind string) error {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return ErrReasonRequired
	}
	if _, err := db.key(); err != nil {
		return err
	}
	now = stamp(now)
	// The marker goes down before the erasure: killed anywhere after this,
	// the next unlock compacts (see finishErasures). Where no file can be
	// made beside the database (a read-only folder) the erasure still
	// happens: it matters more than the crash safety of its compaction,
	// whose failure is then reported as before.
	_ = os.WriteFile(erasePendingPath(db.path), nil, 0o600)
	err := db.update(func(tx *bolt.Tx) error {
		key := u64(id)
		if tx.Bucket(bProspects).Get(key) == nil {
			return noProspect(id)
		}
		// The contact details are needed for the suppression entries, so a
		// prospect that cannot be opened is not erased half-way: the rep
		// gets the IntegrityError and can restore a backup first.
		var p consent.Prospect
		if err := db.get(tx, bProspects, key, &p, fmt.Sprintf("prospect %d", id)); err != nil {
			return err
		}
		p.ID = id
		t := Tombstone{ID: id, Time: now, Reason: reason, Rep: rep}
		if err := db.eraseTx(tx, p, t, AuditEntry{Time: now, Rep: rep, Action: "erased", Prospect: id, Detail: reason}); err != nil {
			return err
		}
		return db.teamOutboxErase(tx, p, teamKind, rep, now)
	})
	if err != nil {
		return err
	}
	if err := db.compactPending(); err != nil {
		return fmt.Errorf("prospect %d was erased, but old copies of their data stay in the file until it is compacted: %w", id, err)
	}
	return nil
}

// eraseTx removes p (read inside tx) with its ledger and index entries,
// suppresses its email and phone and writes its tombstone t and audit
// entry a: Erase, and a restore re-applying an erasure (restore.go).
func (db *DB) eraseTx(tx *bolt.Tx, p consent.Prospect, t Tombstone, a AuditEntry) error {
	key := u64(p.ID)
	if err := db.removeRecordTx(tx, key); err != nil {
		return err
	}
	if err := db.suppress(tx, p.Email, p.Phone, t.Time); err != nil {
		return err
	}
	if err := db.suppressRawPhone(tx, p.PhoneRaw, t.Time); err != nil {
		return err
	}
	if err := db.suppressHistory(tx, key, t.Time); err != nil { // the addresses they had before (history.go)
		return err
	}
	if err := db.put(tx, bTombstones, key, t); err != nil {
		return err
	}
	if err := db.appendAudit(tx, a); err != nil {
		return err
	}
	tx.OnCommit(func() { db.indexRemove(p.ID) })
	return nil
}

// removeRecordTx deletes a prospect's record, ledger and blind-index
// entries (erasure and merge): every index entry pointing at this id, not
// only those of the current email and phone, since a stale entry would
// still tell that someone with that address was here.
func (db *DB) removeRecordTx(tx *bolt.Tx, key []byte) error {
	// The facet snapshot holds the id (index_facets_snapshot.go): it goes
	// in this transaction, before the compaction that follows an erasure.
	if err := tx.Bucket(bMeta).Delete(mFacets); err != nil {
		return err
	}
	if err := deleteViewsTx(tx); err != nil { // views.go: they may hold the name
		return err
	}
	if err := db.delTracked(tx, bProspects, key); err != nil {
		return err
	}
	if err := db.deletePrefixTracked(tx, bEvents, key); err != nil {
		return err
	}
	for _, b := range [][]byte{bIdxEmail, bIdxPhone} {
		if err := deleteSuffix(tx.Bucket(b), key); err != nil {
			return err
		}
	}
	return nil
}

// erasePendingPath is an empty file beside the database while an erasure
// has not been compacted. A file, not a key in the database: clearing a key
// would leave a freed page with copies of its neighbours in the file.
func erasePendingPath(path string) string {
	return filepath.Join(filepath.Dir(path), ".warmlead-erase-pending-"+filepath.Base(path))
}

// compactPending compacts the file and then removes the erasure's marker.
// Killed in between, the marker stays and the next unlock compacts again
// (finishErasures): compacting twice is harmless, skipping it is not.
func (db *DB) compactPending() error {
	if err := compactFile(db); err != nil {
		return err
	}
	if err := os.Remove(erasePendingPath(db.path)); err != nil && !os.IsNotExist(err) {
		return err
	}
	return nil
}

// compactFile is Compact; a test replaces it to stand for a process killed
// before its compaction.
var compactFile = (*DB).Compact

// finishErasures runs after an unlock: it removes this database's
// compaction copies left by a killed process (they hold old, sealed pages)
// and finishes a compaction an erasure could not. Only after an unlock,
// because opening with a wrong passphrase must not change the file.
func (db *DB) finishErasures() error {
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(db.path), compactPrefix(db.path)+"*"))
	for _, f := range leftovers {
		os.Remove(f) // we hold the database's lock: no Warmlead is compacting it
	}
	if _, err := os.Stat(erasePendingPath(db.path)); err != nil {
		return nil
	}
	return db.compactPending()
}

// deleteSuffix deletes every key ending in suffix: index keys are
// blind(value)|id, so an id's entries are spread over the bucket. One scan
// of an index (a key per prospect) is cheap next to the compaction.
func deleteSuffix(b *bolt.Bucket, suffix []byte) error {
	var keys [][]byte
	b.ForEach(func(k, _ []byte) error {
		if len(k) > len(suffix) && bytes.HasSuffix(k, suffix) {
			keys = append(keys, slices.Clone(k))
		}
		return nil
	})
	return deleteKeys(b, keys)
}

func deleteKeys(b *bolt.Bucket, keys [][]byte) error {
	for _, k := range keys {
		if err := b.Delete(k); err != nil {
			return err
		}
	}
	return nil
}

// suppress writes the suppression entries of a (normalised) email and
// phone; empty ones are skipped. An existing entry keeps its first time.
func (db *DB) suppress(tx *bolt.Tx, email, phone string, now time.Time) error {
	for _, kv := range [][2]string{{"email", email}, {"phone", phone}} {
		if kv[1] == "" {
			continue
		}
		key := db.suppressKey(kv[0], kv[1])
		if tx.Bucket(bSuppress).Get(key) != nil {
			continue
		}
		if err := db.put(tx, bSuppress, key, suppression{Time: now}); err != nil {
			return err
		}
		db.changedContact(tx, kv[0], kv[1]) // hook: whoever has it is now suppressed (changes.go)
	}
	return nil
}

// suppressRawPhone writes the suppression entry of a phone an import kept
// as written (no country code, so no E.164 form): the same card imported
// again after the erasure, with no email, is still refused.
func (db *DB) suppressRawPhone(tx *bolt.Tx, raw string, now time.Time) error {
	key := rawPhoneKey(raw)
	if key == "" || tx.Bucket(bSuppress).Get(db.suppressKey("phone-raw", key)) != nil {
		return nil
	}
	return db.put(tx, bSuppress, db.suppressKey("phone-raw", key), suppression{Time: now})
}

// rawPhoneKey is a phone kept as written reduced to its digits, so that
// "(0)20 555 0100" and "020-5550100" are one number; "" when it has none.
func rawPhoneKey(raw string) string {
	var b strings.Builder
	for _, r := range raw {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// normalizeContact brings an email and phone into the form the suppression
// keys were made from: lowercase email, E.164 phone. A national phone
// number cannot be read without its region, so callers pass E.164 (as
// Prospect.Normalize leaves it); such a number is kept as given.
func normalizeContact(email, phone string) (string, string) {
	email = strings.TrimSpace(email)
	if e, err := consent.NormalizeEmail(email); err == nil {
		email = e
	} else {
		email = strings.ToLower(email)
	}
	phone = strings.TrimSpace(phone)
	if strings.HasPrefix(phone, "+") {
		if p, err := consent.NormalizePhone(phone, ""); err == nil {
			phone = p
		}
	}
	return email, phone
}

// Suppress records that this email and phone (normalised, see
// normalizeContact) must not be added or contacted again, without erasing
// anyone: for a referral who declined the introduction, so a later import
// or referral of the same person is refused.
func (db *DB) Suppress(email, phone string, now time.Time) error {
	email, phone = normalizeContact(email, phone)
	if email == "" && phone == "" {
		return errors.New("nothing to suppress: give an email address or a phone number")
	}
	if _, err := db.key(); err != nil {
		return err
	}
	if now.IsZero() {
		now = time.Now()
	}
	return db.update(func(tx *bolt.Tx) error {
		return db.suppress(tx, email, phone, now.UTC().Truncate(time.Second))
	})
}

// IsSuppressed tells whether the email or the phone (normalised, see
// normalizeContact) belongs to someone who was erased or suppressed. A
// locked database answers false: nothing can be added through it anyway.
func (db *DB) IsSuppressed(email, phone string) bool {
	email, phone = normalizeContact(email, phone)
	if _, err := db.key(); err != nil {
		return false
	}
	suppressed := false
	db.view(func(tx *bolt.Tx) error {
		suppressed = db.checkSuppressed(tx, email, phone) != nil
		return nil
	})
	return suppressed
}

// Tombstones lists the erased prospects by id. A damaged tombstone gives an
// IntegrityError together with the ones read before it.
func (db *DB) Tombstones() ([]Tombstone, error) {
	return readBucket[Tombstone](db, bTombstones, "tombstone")
}

// Tombstone reads the tombstone of an erased prospect; an id that never
// was erased gives an error that errors.Is ErrNotFound ("no prospect with
// id N", as for an id that never existed).
func (db *DB) Tombstone(id uint64) (Tombstone, error) {
	var t Tombstone
	if _, err := db.key(); err != nil {
		return t, err
	}
	err := db.view(func(tx *bolt.Tx) error {
		err := db.get(tx, bTombstones, u64(id), &t, fmt.Sprintf("tombstone %d", id))
		if errors.Is(err, ErrNotFound) {
			return noProspect(id)
		}
		return err
	})
	return t, err
}
