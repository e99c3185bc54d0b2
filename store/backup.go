package store

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"

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
// full. Until the final rename nothing at target changes.
func Restore(target, src string, opts Options, unlock func(*DB) error) (VerifyReport, error) {
	var report VerifyReport
	if err := os.MkdirAll(filepath.Dir(target), 0o700); err != nil {
		return report, err
	}
	tmpPath, err := copyToTemp(src, filepath.Dir(target))
	if err != nil {
		return report, err
	}
	defer os.Remove(tmpPath)

	report, err = checkBackup(tmpPath, opts, unlock)
	if err != nil {
		return report, err
	}
	// Hold the current database's lock while replacing it, so a running
	// Warmlead is not pulled out from under.
	if Exists(target) {
		cur, err := openBolt(target, opts)
		if err != nil {
			return report, err
		}
		defer cur.Close()
	}
	if err := os.Rename(tmpPath, target); err != nil {
		return report, fmt.Errorf("cannot put the restored database in place: %w", err)
	}
	return report, nil
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

// checkBackup opens, unlocks and verifies a copy of a backup. bbolt may
// panic on a damaged page, or follow a damaged page reference out of the
// mapped file (a fault, turned into a panic here); that becomes
// ErrBadBackup, never a crash.
func checkBackup(path string, opts Options, unlock func(*DB) error) (report VerifyReport, err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = ErrBadBackup
		}
	}()
	// Before bbolt maps it: see checkPages.
	if err := checkPages(path); err != nil {
		return report, fmt.Errorf("%w (%v)", ErrBadBackup, err)
	}
	db, err := Open(path, opts)
	if err != nil {
		if errors.Is(err, ErrLocked) {
			return report, err
		}
		return report, fmt.Errorf("%w (%v)", ErrBadBackup, err)
	}
	defer db.Close()
	if err := unlock(db); err != nil {
		return report, err
	}
	report, err = db.Verify()
	if err != nil {
		return report, err
	}
	if !report.OK() {
		return report, fmt.Errorf("%w: %v", ErrBadBackup, report.Problems[0])
	}
	return report, nil
}
