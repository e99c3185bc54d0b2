package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// errNoHandle: a compaction replaced the file but could not open it again
// (another process took the lock in between). Nothing is lost; this
// instance just has to be started again.
var errNoHandle = errors.New("the database file was closed after compacting it: close Warmlead and start it again")

// initialMmapSize reserves address space for the file up front, so a large
// import does not remap (and copy every dirty node) each time the file
// grows. Only address space: on Linux and macOS the file itself is not
// grown; on Windows bbolt would grow the file to this size, so it stays 0.
var initialMmapSize = func() int {
	if runtime.GOOS == "windows" {
		return 0
	}
	return 256 << 20
}()

// openBolt opens the file at path and takes its lock, waiting up to
// opts.Timeout (a second by default) before giving ErrLocked.
func openBolt(path string, opts Options) (*bolt.DB, error) {
	t := opts.Timeout
	if t == 0 {
		t = time.Second
	}
	// Compaction (and Restore) rename a new file over path while another
	// Warmlead may already hold the old file open, waiting for its lock.
	// Winning that lock would then mean working on a file that is no longer
	// at path, and every write would be lost. So the file at path is
	// compared before and after taking the lock, and a replaced one is
	// opened again.
	for attempt := 0; ; attempt++ {
		before, statErr := os.Stat(path)
		if err := checkFileShape(path); err != nil {
			return nil, err
		}
		b, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: t, FreelistType: bolt.FreelistMapType, InitialMmapSize: initialMmapSize})
		if errors.Is(err, berrors.ErrTimeout) {
			return nil, ErrLocked
		}
		if err != nil {
			return nil, fmt.Errorf("cannot open the database file %s: %w", path, err)
		}
		after, err := os.Stat(path)
		if statErr != nil || err != nil || os.SameFile(before, after) {
			return b, nil
		}
		b.Close()
		if attempt == 2 { // replaced again and again: someone else is busy with it
			return nil, ErrLocked
		}
	}
}

// view runs fn in a read transaction. Every transaction in the package goes
// through view or update: they hold the read side of db.swap for the whole
// transaction, so compact can wait for all of them and swap the bolt handle.
// fn must not call view or update itself: a waiting compaction blocks new
// readers, so a nested call would deadlock.
func (db *DB) view(fn func(*bolt.Tx) error) error {
	db.swap.RLock()
	defer db.swap.RUnlock()
	if db.bolt == nil {
		return errNoHandle
	}
	return guardDamage(func() error { return db.bolt.View(fn) })
}

// update runs fn in a write transaction; see view. When fn succeeds but
// the commit fails, the file could not be written (a full disk, a file
// size limit, an I/O error): bbolt has rolled the whole transaction back,
// and the error says so.
func (db *DB) update(fn func(*bolt.Tx) error) error {
	db.swap.RLock()
	defer db.swap.RUnlock()
	if db.bolt == nil {
		return errNoHandle
	}
	db.updatesInFlight.Add(1) // until its commit hooks have run (index_facets_snapshot.go)
	defer db.updatesInFlight.Add(-1)
	var fnErr error
	// A panic rolls the transaction back (bbolt defers it) before
	// guardDamage turns it into an error (see damage.go).
	err := guardDamage(func() error {
		return db.bolt.Update(func(tx *bolt.Tx) error {
			if fnErr = fn(tx); fnErr == nil {
				fnErr = db.bumpGeneration(tx)
			}
			if fnErr == nil {
				fnErr = db.flushState(tx) // the state, in the same transaction (state.go)
			} else {
				db.wst = nil
			}
			return fnErr
		})
	})
	if fnErr == nil && errors.Is(err, ErrDamaged) {
		return err
	}
	if err != nil && fnErr == nil {
		return fmt.Errorf("cannot save to the database file (%w); nothing of this change was saved: free some disk space or check the file, then try again", err)
	}
	return err
}

// compactTxSize bounds the memory one transaction of the copy may use;
// the copy does not need to be atomic because it is renamed into place only
// once complete.
const compactTxSize = 16 << 20

// Compact rewrites the database into a fresh file and puts it in place of
// the old one. bbolt never shrinks a file and reuses freed pages only
// eventually, so after a delete the old bytes may stay in the file for a
// long time; erasure must not leave the person there (consent-rules.md
// section 7). Erase calls it; it is public so a failed compaction can be
// retried.
//
// The copy is made while holding the write side of db.swap: no transaction
// runs during it, so the copy is complete and nothing written meanwhile can
// be lost.
func (db *DB) Compact() error {
	db.swap.Lock()
	defer db.swap.Unlock()
	if db.bolt == nil {
		return errNoHandle
	}
	// The temporary file lives beside the database: same file system, so
	// the rename is atomic, and the same protection as the database itself.
	tmp, err := db.compactInto(filepath.Dir(db.path))
	if err != nil {
		return fmt.Errorf("cannot compact the database file: %w", err)
	}
	defer os.Remove(tmp) // a no-op after the rename

	renameErr, err := db.swapIn(tmp)
	if err != nil {
		return fmt.Errorf("the database was compacted but cannot be opened again: %w", err)
	}
	if renameErr != nil {
		return fmt.Errorf("cannot put the compacted database file in place: %w", renameErr)
	}
	return nil
}

// swapIn puts the file at tmp in place of the database and opens it. The
// rename happens while the old handle still holds its lock, so there is no
// moment in which the path is unlocked and another Warmlead could take it.
// Windows cannot rename over an open, mapped file; there the old handle is
// closed first and the rename tried again. Whatever is at the path then
// (the new file, or the old one when the rename failed) is reopened: a
// failing Close (unmap, unlock) changes nothing on disk, so reopening is
// still the way back to a working handle. renameErr says the old file
// stayed; openErr that no handle could be opened again (Compact, rekey).
func (db *DB) swapIn(tmp string) (renameErr, openErr error) {
	renamed := os.Rename(tmp, db.path) == nil
	db.bolt.Close()
	db.bolt = nil
	if !renamed {
		renameErr = os.Rename(tmp, db.path)
	}
	if renameErr == nil {
		syncDir(filepath.Dir(db.path))
	}
	b, err := openBolt(db.path, db.opts)
	if err != nil {
		return renameErr, err
	}
	db.bolt = b
	return renameErr, nil
}

// compactPrefix names this database's compaction copies (its file name in
// it, so a cleanup never touches another database's copy in the same
// folder).
func compactPrefix(path string) string {
	return ".warmlead-compact-" + filepath.Base(path) + "-"
}

// compactInto copies the live data into a new file in dir and returns its
// path. Called with db.swap held for writing.
func (db *DB) compactInto(dir string) (string, error) {
	name, dst, err := newCopyFile(dir, compactPrefix(db.path)+"*")
	if err != nil {
		return "", err
	}
	// The copy reads every page: a damaged one is an error (damage.go).
	err = guardDamage(func() error { return bolt.Compact(dst, db.bolt, compactTxSize) })
	if err := finishCopy(dst, name, err); err != nil {
		return "", err
	}
	return name, nil
}

// newCopyFile creates an empty bbolt file in dir, named after pattern as
// os.CreateTemp does, for a copy of the database (compaction, rekey). The
// copy is not synced per transaction (it is useless until renamed):
// finishCopy syncs it once at the end, before the rename.
func newCopyFile(dir, pattern string) (string, *bolt.DB, error) {
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return "", nil, err
	}
	name := f.Name()
	f.Close()
	dst, err := bolt.Open(name, 0o600, &bolt.Options{NoSync: true, FreelistType: bolt.FreelistMapType})
	if err != nil {
		os.Remove(name)
		return "", nil, err
	}
	return name, dst, nil
}

// finishCopy ends a copy into dst (the file name) that gave err: it syncs
// and closes dst, and removes the file when anything failed, so no partial
// copy stays beside the database. It returns the first error.
func finishCopy(dst *bolt.DB, name string, err error) error {
	if err == nil {
		err = dst.Sync()
	}
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(name)
	}
	return err
}

// syncDir makes a rename in dir durable. Not every platform can sync a
// directory (Windows cannot open one this way); the rename itself is still
// atomic there, so errors are ignored.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	d.Sync()
	d.Close()
}
