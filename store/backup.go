package store

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Backup writes a consistent copy of the database file to path. The copy is
// as encrypted as the database: it opens only with the recovery passphrase
// (or this machine's keyring entry).
func (db *DB) Backup(path string) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".warmlead-backup-*")
	if err != nil {
		return fmt.Errorf("cannot write the backup: %w", err)
	}
	defer os.Remove(tmp.Name()) // a no-op after the rename
	err = db.view(func(tx *bolt.Tx) error {
		_, err := tx.WriteTo(tmp)
		return err
	})
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return fmt.Errorf("cannot write the backup to %s: %w", path, err)
	}
	return nil
}

// ErrBadBackup: the backup file is damaged or not a Warmlead database.
var ErrBadBackup = errors.New("the backup is damaged or not a Warmlead backup; nothing was restored")

// Restore replaces the database at target with the backup at src, but only
// after the backup has been copied, unlocked with unlock and verified in
// full, and the erasures, objections, withdrawals and do-not-call
// registers of the database it replaces have been carried into the copy
// (see RestoreWith). Until the final rename nothing at target changes.
func Restore(target, src string, opts Options, unlock func(*DB) error) (VerifyReport, error) {
	r, err := RestoreWith(target, src, opts, RestoreOptions{Unlock: unlock})
	return r.VerifyReport, err
}

// RestoreOptions say how a restore goes.
type RestoreOptions struct {
	// Unlock unlocks the backup, and the database it replaces (which may
	// also open with the backup's own key, when it is the same database).
	Unlock func(*DB) error
	// OtherDatabase allows a backup of another database (another id) to
	// replace this one, or this one to be replaced although it cannot be
	// read; the replaced file is then kept beside it (ReplacedPath).
	OtherDatabase bool
	Rep           string    // who restores, for re-applied erasures
	Now           time.Time // zero: now
	// Audit, when set, gives the audit entry of the restore, stored in the
	// restored file in the transaction that finishes it (an empty Rep: the
	// restored settings' rep).
	Audit func(RestoreReport) AuditEntry
}

// RestoreReport is what a restore checked and carried over.
type RestoreReport struct {
	VerifyReport
	Carried
	// Replaced is the kept copy of the replaced database ("" when none was
	// kept); it is removed by the next successful unlock.
	Replaced string
	// CurrentUnread: the replaced database could not be unlocked (allowed
	// by OtherDatabase), so nothing was carried from it.
	CurrentUnread bool
}

// ErrCurrentUnreadable: the database a restore would replace cannot be
// opened or unlocked, so nothing of it can be carried into the backup.
var ErrCurrentUnreadable = errors.New("the database being replaced cannot be read, so its erasures and objections cannot be carried into the backup")

// replacedSuffix names the kept copy of a replaced database.
const replacedSuffix = ".replaced-"

// RestoreWith is Restore with its options; see RestoreOptions.
func RestoreWith(target, src string, opts Options, ro RestoreOptions) (RestoreReport, error) {
	var report RestoreReport
	ro.Now = stamp(ro.Now)
	if err := os.MkdirAll(filepath.Dir(target), 0o700); err != nil {
		return report, err
	}
	tmpPath, err := copyToTemp(src, filepath.Dir(target))
	if err != nil {
		return report, err
	}
	defer os.Remove(tmpPath)

	bak, vr, err := checkBackup(tmpPath, forRestoreOptions(opts), ro.Unlock)
	report.VerifyReport = vr
	if err != nil {
		return report, err
	}
	bakOpen := true
	defer func() {
		if bakOpen {
			bak.Close()
		}
	}()
	// Hold the current database's lock while replacing it, so a running
	// Warmlead is not pulled out from under. It is unlocked to read what
	// must survive the restore.
	var cur *DB
	keep := false
	if Exists(target) {
		var cerr error
		cur, cerr = openCurrent(target, opts, ro.Unlock, bak)
		if errors.Is(cerr, ErrLocked) {
			return report, cerr
		}
		curID := ""
		if cur != nil {
			defer cur.Close()
			curID = cur.dbid
		}
		switch {
		case curID != "" && curID != bak.dbid && !ro.OtherDatabase:
			return report, &OtherDatabaseError{Backup: bak.Info(), Current: cur.Info()}
		case cerr != nil && !ro.OtherDatabase:
			return report, fmt.Errorf("%w (%v); nothing was restored. To restore anyway pass --other-database: the current file is then kept beside it until the next successful unlock", ErrCurrentUnreadable, cerr)
		case cerr != nil || curID != bak.dbid:
			keep = true
			report.CurrentUnread = cerr != nil
		}
		if cur != nil && cur.Unlocked() {
			c, err := carryOver(cur, bak, ro.Rep, ro.Now)
			report.Carried = c
			if err != nil {
				return report, fmt.Errorf("cannot carry the erasures and objections of the current database into the backup; nothing was restored: %w", err)
			}
		}
	}
	// Above everything this machine or the replaced file has seen of the
	// id, so the restored file is not taken for an older copy (generation.go).
	var floor uint64
	if cur != nil && cur.dbid == bak.dbid {
		floor = cur.Generation()
	}
	var audit []AuditEntry
	if ro.Audit != nil {
		a := ro.Audit(report)
		if a.Rep == "" {
			if st, err := bak.Settings(); err == nil {
				a.Rep = st.Rep
			}
		}
		if a.Time.IsZero() {
			a.Time = ro.Now
		}
		audit = append(audit, a)
	}
	if err := bak.raiseGeneration(floor, audit); err != nil {
		return report, fmt.Errorf("cannot write the restored database; nothing was restored: %w", err)
	}
	gen := bak.Generation()
	bakOpen = false
	if err := bak.Close(); err != nil {
		return report, fmt.Errorf("cannot write the restored database; nothing was restored: %w", err)
	}
	if keep {
		report.Replaced, err = keepReplaced(target, ro.Now)
		if err != nil {
			return report, err
		}
	}
	if err := os.Rename(tmpPath, target); err != nil {
		if report.Replaced != "" {
			os.Remove(report.Replaced)
		}
		return report, fmt.Errorf("cannot put the restored database in place: %w", err)
	}
	syncDir(filepath.Dir(target))
	// The restored file is the newest this machine has seen of its id.
	bak.rememberGeneration(gen, true)
	return report, nil
}

// openCurrent opens and unlocks the database a restore replaces: the way
// the rep unlocks, or else with the backup's key when it is the same
// database (its passphrase may have changed since the backup). A file
// that opens but does not unlock comes back locked, with the error.
func openCurrent(target string, opts Options, unlock func(*DB) error, bak *DB) (*DB, error) {
	cur, err := Open(target, forRestoreOptions(opts))
	if err != nil {
		if errors.Is(err, ErrLocked) {
			return nil, err
		}
		// Still hold the lock on what is there, so no Warmlead opens it
		// while it is replaced.
		b, lerr := openBolt(target, opts)
		if lerr != nil {
			return nil, lerr
		}
		return &DB{bolt: b, path: target, opts: opts}, err
	}
	uerr := guardDamage(func() error { return unlock(cur) })
	if uerr != nil && cur.dbid == bak.dbid {
		if dk, err := bak.key(); err == nil && cur.keyOpens(dk) {
			uerr = guardDamage(func() error { return cur.finishUnlock(append([]byte(nil), dk...)) })
		}
	}
	return cur, uerr
}

// keepReplaced keeps the file at target under a new name beside it, by a
// hard link where the file system has them (nothing is copied and the
// path never goes missing), else by a copy.
func keepReplaced(target string, now time.Time) (string, error) {
	dst := target + replacedSuffix + now.Format("20060102T150405Z")
	if err := os.Link(target, dst); err == nil {
		return dst, nil
	}
	tmp, err := copyToTemp(target, filepath.Dir(target))
	if err == nil {
		err = os.Rename(tmp, dst)
	}
	if err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("cannot keep a copy of the database being replaced; nothing was restored: %w", err)
	}
	return dst, nil
}

func copyToTemp(src, dir string) (string, error) {
	in, err := os.Open(src)
	if err != nil {
		return "", fmt.Errorf("cannot read the backup: %w", err)
	}
	defer in.Close()
	tmp, err := os.CreateTemp(dir, ".warmlead-restore-*")
	if err != nil {
		return "", fmt.Errorf("cannot restore here: %w", err)
	}
	_, err = io.Copy(tmp, in)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp.Name())
		return "", fmt.Errorf("cannot copy the backup: %w", err)
	}
	return tmp.Name(), nil
}

// checkBackup opens, unlocks and verifies a copy of a backup, and returns
// it open and unlocked. bbolt may panic on a damaged page, or follow a
// damaged page reference out of the mapped file (a fault, turned into a
// panic here); that becomes ErrBadBackup, never a crash.
func checkBackup(path string, opts Options, unlock func(*DB) error) (db *DB, report VerifyReport, err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = ErrBadBackup
		}
		if err != nil && db != nil {
			db.Close()
			db = nil
		}
	}()
	// Before bbolt maps it: see checkPages.
	if err := checkPages(path); err != nil {
		return nil, report, fmt.Errorf("%w (%v)", ErrBadBackup, err)
	}
	db, err = Open(path, opts)
	if err != nil {
		if errors.Is(err, ErrLocked) {
			return nil, report, err
		}
		return nil, report, fmt.Errorf("%w (%v)", ErrBadBackup, err)
	}
	if err := unlock(db); err != nil {
		return db, report, err
	}
	report, err = db.Verify()
	if err != nil {
		return db, report, err
	}
	if !report.OK() {
		return db, report, fmt.Errorf("%w: %v", ErrBadBackup, report.Problems[0])
	}
	return db, report, nil
}

// OtherDatabaseError: the backup is of another database than the one it
// would replace.
type OtherDatabaseError struct{ Backup, Current DatabaseInfo }

func (e *OtherDatabaseError) Error() string {
	return fmt.Sprintf("this backup belongs to another database (%s) than the one it would replace (%s); nothing was restored. To replace it anyway pass --other-database: the current file is then kept beside it until the next successful unlock", e.Backup, e.Current)
}

// DatabaseInfo names a database for a confirmation: no personal data of
// prospects.
type DatabaseInfo struct {
	ID      string    `json:"id"`
	Created time.Time `json:"created,omitzero"` // its first audit entry
	Rep     string    `json:"rep,omitempty"`
}

func (i DatabaseInfo) String() string {
	s := "id " + i.ID
	if !i.Created.IsZero() {
		s += ", since " + i.Created.Format("2006-01-02")
	}
	if i.Rep != "" {
		s += ", rep " + i.Rep
	}
	return s
}

// Info names the database; rep and date need it unlocked.
func (db *DB) Info() DatabaseInfo {
	i := DatabaseInfo{ID: db.dbid}
	if !db.Unlocked() {
		return i
	}
	if st, err := db.Settings(); err == nil {
		i.Rep = st.Rep
	}
	db.view(func(tx *bolt.Tx) error {
		if k, v := tx.Bucket(bAudit).Cursor().First(); k != nil {
			var a AuditEntry
			if db.decode(bAudit, k, v, &a, "") == nil {
				i.Created = a.Time
			}
		}
		return nil
	})
	return i
}
