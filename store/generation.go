package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	bolt "go.etcd.io/bbolt"
)

// The generation is a counter in the file's meta bucket, sealed with the
// data key (so it cannot be raised or lowered without the key), bumped in
// the same transaction as every write. A copy of the number is remembered
// outside the file, per database id: in the OS keyring entry when there is
// one and in a small state file (Options.StateDir). An older copy of the
// file put in place by hand has a lower generation than the one remembered,
// and unlock says so (OlderCopyError) instead of silently bringing back
// erased people or withdrawn consents.
//
// The remembered number is written at unlock, at Close and by a restore,
// not at every write: a keyring call per write would cost more than the
// write. A process killed mid-session leaves it lower than the file, which
// can only miss an older copy made during that session, never raise a false
// alarm.

var mGeneration = []byte("generation")

// ErrOlderCopy is what an OlderCopyError matches with errors.Is.
var ErrOlderCopy = errors.New("this database is older than the one last opened here")

// OlderCopyError: the file's generation is lower than the one last seen for
// this database id on this machine.
type OlderCopyError struct {
	DBID       string
	File, Seen uint64
}

func (e *OlderCopyError) Error() string {
	return fmt.Sprintf("this database is older than the one last opened here (its generation %d, last seen %d): an older copy of the file was put in place, so erasures, objections and withdrawals made since may be missing. Restore your newest backup ('warmlead restore FILE'), or, if this copy is the one you want, accept it (--accept-older, or 'Open anyway' in the window)", e.File, e.Seen)
}

// Is makes errors.Is(err, ErrOlderCopy) true.
func (e *OlderCopyError) Is(target error) bool { return target == ErrOlderCopy }

// generationKeeper is implemented by a KeyStore that can keep the
// remembered generation in its entry (OSKeyring does).
type generationKeeper interface {
	Generation(account string) (uint64, bool)
	SetGeneration(account string, gen uint64) error
}

// fileGeneration reads the sealed generation; 0 for a file from before it
// existed, or one whose value does not open (damage or tampering there must
// not lock the rep out: it shows as an older copy, with the choice).
func (db *DB) fileGeneration(tx *bolt.Tx, dk []byte) uint64 {
	raw := tx.Bucket(bMeta).Get(mGeneration)
	if len(raw) == 0 {
		return 0
	}
	pt, err := open(dk, raw, adFor(bMeta, mGeneration))
	if err != nil || len(pt) != 8 {
		return 0
	}
	return binary.BigEndian.Uint64(pt)
}

// bumpGeneration raises the file's generation inside a write transaction.
// Writes made while locked (the keyring wrap stored during an unlock, a
// migration at open) cannot seal and are not counted.
func (db *DB) bumpGeneration(tx *bolt.Tx) error {
	db.mu.RLock()
	defer db.mu.RUnlock()
	if db.dataKey == nil {
		return nil
	}
	g := max(db.fileGeneration(tx, db.dataKey), db.gen) + 1
	if err := tx.Bucket(bMeta).Put(mGeneration, seal(db.dataKey, u64(g), adFor(bMeta, mGeneration))); err != nil {
		return err
	}
	tx.OnCommit(func() {
		db.mu.Lock()
		db.gen = max(db.gen, g)
		db.mu.Unlock()
	})
	return nil
}

// Generation is the file's generation as last read or written.
func (db *DB) Generation() uint64 {
	db.mu.RLock()
	defer db.mu.RUnlock()
	return db.gen
}

// AcceptOlderCopy makes the next unlock open the file even when it is
// older than the one last seen here, and remember its generation as the
// newest: the rep's "open anyway" (--accept-older).
func (db *DB) AcceptOlderCopy() {
	db.mu.Lock()
	db.acceptOlder = true
	db.mu.Unlock()
}

// checkGeneration runs at unlock with the unwrapped data key, before the
// key is set. A restore's own opening of the backup and the replaced file
// skips it (they are not what the rep is opening).
func (db *DB) checkGeneration(dk []byte) error {
	var g uint64
	db.view(func(tx *bolt.Tx) error {
		g = db.fileGeneration(tx, dk)
		return nil
	})
	db.mu.Lock()
	db.gen = g
	accept := db.acceptOlder || db.opts.AcceptOlder
	db.mu.Unlock()
	if db.opts.forRestore {
		return nil
	}
	seen, _ := db.rememberedGeneration()
	if g < seen && !accept {
		return &OlderCopyError{DBID: db.dbid, File: g, Seen: seen}
	}
	if g < seen {
		db.rememberGeneration(g, true)
	}
	return nil
}

// afterUnlock records the generation and removes the copy a restore kept
// of the database it replaced (see keepReplaced): a successful unlock of
// the restored file means the rep has their data back.
func (db *DB) afterUnlock() {
	if db.opts.forRestore {
		return
	}
	db.rememberGeneration(db.Generation(), false)
	old, _ := filepath.Glob(db.path + replacedSuffix + "*")
	for _, f := range old {
		os.Remove(f)
	}
}

// rememberedGeneration is the highest generation remembered for this
// database id, in the keyring entry and in the state file.
func (db *DB) rememberedGeneration() (uint64, bool) {
	var best uint64
	found := false
	if k, ok := db.opts.Keyring.(generationKeeper); ok {
		if g, ok := k.Generation(db.keyringAccount()); ok {
			best, found = g, true
		}
	}
	if p := db.statePath(); p != "" {
		if b, err := os.ReadFile(p); err == nil {
			if g, err := strconv.ParseUint(strings.TrimSpace(string(b)), 10, 64); err == nil {
				best, found = max(best, g), true
			}
		}
	}
	return best, found
}

// rememberGeneration stores g as the generation last seen; a lower value
// only when force (the rep accepted an older copy). Failures are ignored:
// a missing state file weakens detection, it must not stop the rep.
func (db *DB) rememberGeneration(g uint64, force bool) {
	if db.opts.forRestore && !force {
		return
	}
	if seen, ok := db.rememberedGeneration(); ok && !force && seen >= g {
		return
	}
	if k, ok := db.opts.Keyring.(generationKeeper); ok {
		_ = k.SetGeneration(db.keyringAccount(), g)
	}
	if p := db.statePath(); p != "" {
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err == nil {
			tmp := p + ".tmp"
			if os.WriteFile(tmp, []byte(strconv.FormatUint(g, 10)+"\n"), 0o600) == nil {
				_ = os.Rename(tmp, p)
			}
		}
	}
}

// statePath is the state file for this database id: a number, no personal
// data (the id is random).
func (db *DB) statePath() string {
	if db.opts.StateDir == "" || db.dbid == "" {
		return ""
	}
	return filepath.Join(db.opts.StateDir, "generation-"+db.dbid)
}

// forRestoreOptions are the options a restore opens its files with: no
// generation check and no remembering (see checkGeneration), no
// compaction of pending erasures in the file being replaced.
func forRestoreOptions(o Options) Options {
	o.forRestore = true
	return o
}

// raiseGeneration writes the generation above floor and above what is
// remembered for this id (a restored file is the newest of its id),
// together with the audit entries.
func (db *DB) raiseGeneration(floor uint64, audit []AuditEntry) error {
	seen, _ := db.rememberedGeneration()
	db.mu.Lock()
	db.gen = max(db.gen, floor, seen)
	db.mu.Unlock()
	// update bumps the generation
	return db.update(func(tx *bolt.Tx) error { return db.appendAudits(tx, audit) })
}
