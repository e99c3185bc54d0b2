package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	bolt "go.etcd.io/bbolt"
)

// Rekey re-encrypts the whole file under a new, random data key, where
// ChangePassphrase only rewraps the old one: an old copy of the file plus
// an old passphrase (a lost laptop's backup, a colleague who knew it)
// yields the old data key, which opens nothing written after a Rekey.
//
// Crash safety is the compaction's (swap.go): the file is copied, value by
// value re-sealed, into a new file beside it, synced, and renamed over the
// database only when complete. Killed before the rename, the old file is
// untouched and still opens as before (the copy is a leftover that the next
// unlock removes, finishErasures); after it, the new one opens with pass.
//
// What does not change: the keys of the blind indexes and suppression
// entries. An erased person's suppression entry is a keyed hash of an
// address the file no longer holds, so it cannot be recomputed under a new
// key; the two index keys are kept, sealed under the new data key
// (mBlindKeys). Someone with the old data key can still test whether a
// given address is in the new file's indexes, but opens nothing sealed.
var mBlindKeys = []byte("keys.blind")

// rekeyBeforeSwap runs between the complete copy and the rename; a test
// makes it fail to stand for a crash there.
var rekeyBeforeSwap = func(tmp string) error { return nil }

// rekeyProgressEvery: how many values between two progress reports.
const rekeyProgressEvery = 1000

// Rekey re-encrypts the database under a new data key, wrapped by pass
// (the current passphrase, or a new one) and, when the file had a keyring
// wrap, by a new key in the keyring. progress, if set, gets the values done
// and the total. The audit entries are stored in the new file.
func (db *DB) Rekey(pass []byte, progress func(done, total int), audit ...AuditEntry) error {
	if err := checkPassphrase(pass); err != nil {
		return err
	}
	if _, err := db.key(); err != nil {
		return err
	}
	db.mu.RLock()
	idx, sup, plain := bytes.Clone(db.idxKey), bytes.Clone(db.supKey), db.plain
	db.mu.RUnlock()

	db.swap.Lock()
	defer db.swap.Unlock()
	if db.bolt == nil {
		return errNoHandle
	}
	kdf := db.opts.KDF
	if kdf.Time == 0 {
		kdf = DefaultKDF()
	}
	kdf.Salt = randomBytes(16)
	newDK := randomBytes(keyLen)
	tmp := &DB{path: db.path, dbid: db.dbid, kdf: kdf}
	tmp.setKey(newDK)
	tmp.plain, tmp.idxKey, tmp.supKey = plain, idx, sup
	name, kk, err := db.rekeyInto(tmp, pass, progress, audit)
	if err == nil {
		defer os.Remove(name) // a no-op after the rename
		err = rekeyBeforeSwap(name)
	}
	if err != nil {
		zero(newDK)
		return fmt.Errorf("cannot re-encrypt the database, which is unchanged: %w", err)
	}
	defer zero(kk)

	renameErr, err := db.swapIn(name) // as Compact (swap.go)
	if err != nil {
		return fmt.Errorf("the database was re-encrypted but cannot be opened again: %w", err)
	}
	if renameErr != nil {
		zero(newDK)
		return fmt.Errorf("cannot put the re-encrypted database in place; it is unchanged: %w", renameErr)
	}
	db.mu.Lock()
	zero(db.dataKey)
	db.changes.everyone() // hook (changes.go)
	db.dataKey = newDK
	db.mu.Unlock()
	db.kdf = kdf
	if kk != nil {
		// Not fatal, as at Create: the passphrase opens the file.
		_ = db.opts.Keyring.Set(db.keyringAccount(), kk)
	}
	return nil
}

// rekeyMeta: the meta keys written anew, not copied (the facet snapshot,
// sealed with the old key, is not written: Close makes a new one).
func rekeyMeta(k []byte) bool {
	for _, m := range [][]byte{mKDF, mWrapPass, mWrapKeying, mPlaintext, mState, mBlindKeys, mFacets} {
		if bytes.Equal(k, m) {
			return true
		}
	}
	return isViewKey(k) // saved views, sealed with the old key too (views.go)
}

// rekeyInto copies every value into a new file beside the database, sealed
// under tmp's key, and returns its path and the new keyring key (nil when
// the file had no keyring wrap). Called with db.swap held for writing.
func (db *DB) rekeyInto(tmp *DB, pass []byte, progress func(int, int), audit []AuditEntry) (string, []byte, error) {
	name, dst, err := newCopyFile(filepath.Dir(db.path), compactPrefix(db.path)+"rekey-*")
	if err != nil {
		return "", nil, err
	}
	tmp.bolt = dst
	var kk []byte
	var gen uint64
	err = db.bolt.View(func(src *bolt.Tx) error {
		// The new file's state is computed from the data: a file changed
		// without the key would have its changes sealed in as good.
		st, err := db.readState(src)
		if err != nil {
			return err
		}
		if st != nil {
			gen = st.Gen
			k, err := db.stateKey()
			if err != nil {
				return err
			}
			if probs := db.compareBuckets(src, newStateMAC(k), st, stateBuckets); len(probs) > 0 {
				return StateErrors(probs)
			}
		}
		if db.opts.Keyring != nil && len(src.Bucket(bMeta).Get(mWrapKeying)) > 0 {
			kk = randomBytes(keyLen)
		}
		return db.copyResealed(src, tmp, progress)
	})
	if err == nil {
		// The generation goes on from the file's (its sealed value did not
		// survive the new key): the rekeyed file is newer than any copy of
		// the old one, never "older than the one last opened here".
		tmp.gen = db.Generation()
		err = tmp.update(func(tx *bolt.Tx) error { return tmp.finishRekey(tx, pass, kk, gen, audit) })
	}
	if err := finishCopy(dst, name, err); err != nil {
		return "", nil, err
	}
	return name, kk, nil
}

// copyResealed copies src's buckets into tmp's file, each sealed value
// opened with the old key and sealed with the new one, in transactions of
// a bounded size (the copy is renamed into place only once complete). The
// heads are not copied: finishRekey writes them anew.
func (db *DB) copyResealed(src *bolt.Tx, tmp *DB, progress func(int, int)) error {
	total := 0
	src.ForEach(func(_ []byte, b *bolt.Bucket) error {
		total += b.Stats().KeyN
		return nil
	})
	done := 0
	dtx, err := tmp.bolt.Begin(true)
	if err != nil {
		return err
	}
	defer func() { dtx.Rollback() }()
	inTx := 0
	err = src.ForEach(func(name []byte, b *bolt.Bucket) error {
		if _, err := dtx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
		if err := dtx.Bucket(name).SetSequence(b.Sequence()); err != nil {
			return err
		}
		meta, heads, sealed := bytes.Equal(name, bMeta), bytes.Equal(name, bHeads), resealed(name)
		c := b.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			done++
			if progress != nil && done%rekeyProgressEvery == 0 {
				progress(done, total)
			}
			if v == nil && b.Bucket(k) != nil {
				return fmt.Errorf("unexpected nested bucket in %s", name)
			}
			if heads || (meta && rekeyMeta(k)) {
				continue
			}
			out := v
			if sealed && len(v) > 0 && !tmp.plain {
				pt, err := db.openValue(name, k, v)
				if err != nil {
					return &IntegrityError{string(name), entryName(name, k) + " (run 'warmlead verify' and restore a backup first)"}
				}
				out = seal(tmp.dataKey, pt, adFor(name, k))
				zero(pt)
			}
			if err := dtx.Bucket(name).Put(k, out); err != nil {
				return err
			}
			if inTx++; inTx >= 20000 {
				if err := dtx.Commit(); err != nil {
					return err
				}
				if dtx, err = tmp.bolt.Begin(true); err != nil {
					return err
				}
				inTx = 0
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if progress != nil {
		progress(total, total)
	}
	return dtx.Commit()
}

// resealed: the buckets whose values are sealed under the data key.
func resealed(bucket []byte) bool {
	switch string(bucket) {
	case "settings", "prospects", "events", "suppress", "tombstones", "audit", "registers":
		return true
	}
	return false
}

// finishRekey writes the new file's keys, its audit entries, its heads and
// state, in its last transaction.
func (tmp *DB) finishRekey(tx *bolt.Tx, pass, kk []byte, gen uint64, audit []AuditEntry) error {
	m := tx.Bucket(bMeta)
	pk := tmp.kdf.derive(pass)
	defer zero(pk)
	enc, _ := json.Marshal(tmp.kdf)
	blindKeys := seal(tmp.dataKey, join(tmp.idxKey, tmp.supKey), adFor(bMeta, mBlindKeys))
	if err := putAll(m, mKDF, enc, mWrapPass, seal(pk, tmp.dataKey, adFor(bMeta, mWrapPass)), mBlindKeys, blindKeys); err != nil {
		return err
	}
	if tmp.plain {
		if err := m.Put(mPlaintext, seal(tmp.dataKey, []byte("plaintext"), adFor(bMeta, mPlaintext))); err != nil {
			return err
		}
	}
	if kk != nil {
		if err := m.Put(mWrapKeying, seal(kk, tmp.dataKey, adFor(bMeta, mWrapKeying))); err != nil {
			return err
		}
	}
	if err := tmp.appendAudits(tx, audit); err != nil {
		return err
	}
	if _, err := tmp.writeHeads(tx, nil, int(^uint(0)>>1)); err != nil {
		return err
	}
	return tmp.computeState(tx, gen+1)
}

// loadBlindKeys sets the blind index keys a Rekey kept (sealed under the
// data key) in place of those derived from it; unlock calls it.
func (db *DB) loadBlindKeys(dk []byte) error {
	var sealed []byte
	db.view(func(tx *bolt.Tx) error {
		sealed = bytes.Clone(tx.Bucket(bMeta).Get(mBlindKeys))
		return nil
	})
	if sealed == nil {
		return nil
	}
	ks, err := open(dk, sealed, adFor(bMeta, mBlindKeys))
	if err != nil || len(ks) != 2*keyLen {
		return &IntegrityError{Bucket: string(bMeta), Key: "the blind index keys"}
	}
	db.mu.Lock()
	defer db.mu.Unlock()
	zero(db.idxKey)
	zero(db.supKey)
	db.idxKey, db.supKey = ks[:keyLen:keyLen], ks[keyLen:]
	return nil
}
