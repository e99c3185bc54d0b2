package store

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"

	"warmlead/consent"
)

// Options configure how a database file is opened.
type Options struct {
	// Keyring unlocks without a prompt; nil means never touch a keyring.
	Keyring KeyStore
	// Timeout for the file lock; a second instance gets ErrLocked after it.
	Timeout time.Duration
	// KDF parameters for a new database or a new passphrase (zero: DefaultKDF).
	KDF KDFParams
	// InsecurePlaintext creates a database whose values are not encrypted.
	// It exists only so tests can prove what erasure leaves in the file.
	InsecurePlaintext bool
	// AcceptOlder opens a file older than the one last opened here
	// (OlderCopyError) and remembers it as the newest (--accept-older).
	AcceptOlder bool
	// StateDir keeps the generation last seen per database id outside the
	// file (generation.go); empty: only the keyring entry keeps it.
	StateDir string

	forRestore bool // see forRestoreOptions
}

// DB is an open Warmlead database. It is safe for concurrent use.
type DB struct {
	bolt *bolt.DB
	path string
	opts Options
	dbid string
	kdf  KDFParams

	// swap guards the bolt handle: every transaction holds its read side
	// (see view and update) so compaction, which closes the handle and
	// replaces the file, can take the write side and never pull the file
	// out from under a running transaction.
	swap sync.RWMutex

	mu      sync.RWMutex
	dataKey []byte // nil while locked
	idxKey  []byte
	supKey  []byte
	plain   bool
	index   *searchIndex
	changes changeJournal // which prospects were written (changes.go)

	// upgradePending: an older file (or a cut-off upgrade), upgraded at the
	// first unlock (migrations.go).
	upgradeMu      sync.Mutex
	upgradePending bool

	gen         uint64 // the file's generation (generation.go)
	acceptOlder bool
	// wst: the state the write transaction under way changes (state.go).
	wst *txState

	// updatesInFlight counts the update calls under way, from before their
	// transaction starts until its commit hooks (the index's) have run: the
	// facet snapshot is written only when it is 0 (index_facets_snapshot.go).
	updatesInFlight atomic.Int32
	// snap is what became of the facet snapshot at the last unlock, and
	// whether the one in the file failed to open (kept for Verify).
	snap facetSnapInfo
	// stateChecked: this unlock's state check passed, so the records are
	// the ones the sealed state covers (saved views trust that, views.go).
	stateChecked bool
	views        viewRegistry
}

// Exists tells whether a database file is at path.
func Exists(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Size() > 0
}

// Create makes a new database at path: a random data key, wrapped by the
// passphrase (Argon2id) and, when opts.Keyring is set, by a random key stored
// in the keyring. The returned DB is unlocked.
func Create(path string, passphrase []byte, s consent.Settings, opts Options) (*DB, error) {
	if Exists(path) {
		return nil, ErrExists
	}
	if err := s.Validate(); err != nil {
		return nil, err
	}
	if err := checkPassphrase(passphrase); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("cannot create the folder for the database: %w", err)
	}
	b, err := openBolt(path, opts)
	if err != nil {
		return nil, err
	}
	db := &DB{bolt: b, path: path, opts: opts, plain: opts.InsecurePlaintext}
	db.kdf = opts.KDF
	if db.kdf.Time == 0 {
		db.kdf = DefaultKDF()
	}
	db.kdf.Salt = randomBytes(16)
	id := randomBytes(16)
	db.dbid = hex.EncodeToString(id)
	dataKey := randomBytes(keyLen)

	err = db.update(func(tx *bolt.Tx) error {
		for _, name := range allBuckets {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return err
			}
		}
		m := tx.Bucket(bMeta)
		kdf, _ := json.Marshal(db.kdf)
		if err := putAll(m, mSchema, u64(schemaVersion), mDBID, id, mKDF, kdf); err != nil {
			return err
		}
		if db.plain {
			// Sealed, so the marker cannot be added to an encrypted file
			// by someone without the key (see readFormat).
			if err := m.Put(mPlaintext, seal(dataKey, []byte("plaintext"), adFor(bMeta, mPlaintext))); err != nil {
				return err
			}
		}
		passKey := db.kdf.derive(passphrase)
		defer zero(passKey)
		if err := m.Put(mWrapPass, seal(passKey, dataKey, adFor(bMeta, mWrapPass))); err != nil {
			return err
		}
		if opts.Keyring != nil {
			return db.storeKeyringWrap(tx, dataKey)
		}
		return nil
	})
	if err != nil {
		b.Close()
		os.Remove(path)
		return nil, fmt.Errorf("cannot create the database: %w", err)
	}
	db.setKey(dataKey)
	if err := db.initState(); err != nil {
		db.Close()
		return nil, err
	}
	if err := db.SaveSettings(s); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

func putAll(b *bolt.Bucket, kv ...[]byte) error {
	for i := 0; i+1 < len(kv); i += 2 {
		if err := b.Put(kv[i], kv[i+1]); err != nil {
			return err
		}
	}
	return nil
}

// storeKeyringWrap puts a fresh keyring key in the OS keyring and the data
// key wrapped by it in meta.
func (db *DB) storeKeyringWrap(tx *bolt.Tx, dataKey []byte) error {
	kk := randomBytes(keyLen)
	defer zero(kk)
	if err := db.opts.Keyring.Set(db.keyringAccount(), kk); err != nil {
		// No keyring (headless machine, locked collection): the passphrase
		// still opens the database, so this is not fatal.
		return nil
	}
	return tx.Bucket(bMeta).Put(mWrapKeying, seal(kk, dataKey, adFor(bMeta, mWrapKeying)))
}

func (db *DB) keyringAccount() string { return "db-" + db.dbid }

// Open opens an existing database file and takes its lock; call an Unlock
// method before reading data.
func Open(path string, opts Options) (*DB, error) {
	if !Exists(path) {
		return nil, ErrNoDatabase
	}
	b, err := openBolt(path, opts)
	if err != nil {
		return nil, err
	}
	db := &DB{bolt: b, path: path, opts: opts}
	err = guardDamage(func() error {
		if err := db.readMeta(); err != nil {
			return err
		}
		return db.migrate()
	})
	if err != nil {
		b.Close()
		return nil, err
	}
	return db, nil
}

func (db *DB) readMeta() error {
	return db.view(func(tx *bolt.Tx) error {
		m := tx.Bucket(bMeta)
		if m == nil {
			return ErrNotWarmlead
		}
		id := m.Get(mDBID)
		if len(id) != 16 {
			return fmt.Errorf("%w: its identity in the meta bucket is damaged", ErrNotWarmlead)
		}
		db.dbid = hex.EncodeToString(id)
		if err := json.Unmarshal(m.Get(mKDF), &db.kdf); err != nil || len(db.kdf.Salt) == 0 || db.kdf.Time == 0 || db.kdf.Memory == 0 || db.kdf.Threads == 0 || db.kdf.Memory > 4<<20 || db.kdf.Time > 64 {
			return errors.New("the key settings in the meta bucket are damaged: restore a backup")
		}
		return nil
	})
}

// Path is the database file's location.
func (db *DB) Path() string { return db.path }

// Unlocked tells whether data can be read.
func (db *DB) Unlocked() bool {
	db.mu.RLock()
	defer db.mu.RUnlock()
	return db.dataKey != nil
}

// UnlockKeyring unlocks with the key in the OS keyring, without a prompt.
func (db *DB) UnlockKeyring() error {
	if db.opts.Keyring == nil {
		return ErrNoKeyringKey
	}
	var wrapped []byte
	db.view(func(tx *bolt.Tx) error {
		wrapped = append([]byte(nil), tx.Bucket(bMeta).Get(mWrapKeying)...)
		return nil
	})
	if len(wrapped) == 0 {
		return ErrNoKeyringKey
	}
	kk, err := db.opts.Keyring.Get(db.keyringAccount())
	if err != nil {
		return err
	}
	defer zero(kk)
	dk, err := open(kk, wrapped, adFor(bMeta, mWrapKeying))
	if err != nil {
		return ErrKeyringMismatch
	}
	return db.finishUnlock(dk)
}

// UnlockPassphrase unlocks with the recovery passphrase. A wrong passphrase
// changes nothing. When a keyring is configured but has no working entry,
// a new one is stored so the next start unlocks without a prompt.
func (db *DB) UnlockPassphrase(pass []byte) error {
	dk, err := db.unwrapPass(pass)
	if err != nil {
		return err
	}
	if db.opts.Keyring != nil {
		if kk, err := db.opts.Keyring.Get(db.keyringAccount()); err != nil {
			db.update(func(tx *bolt.Tx) error { return db.storeKeyringWrap(tx, dk) })
		} else {
			zero(kk)
		}
	}
	return db.finishUnlock(dk)
}

func (db *DB) unwrapPass(pass []byte) ([]byte, error) {
	var wrapped []byte
	db.view(func(tx *bolt.Tx) error {
		wrapped = append([]byte(nil), tx.Bucket(bMeta).Get(mWrapPass)...)
		return nil
	})
	pk := db.kdf.derive(pass)
	defer zero(pk)
	dk, err := open(pk, wrapped, adFor(bMeta, mWrapPass))
	if err != nil {
		return nil, ErrWrongPassphrase
	}
	return dk, nil
}

func (db *DB) finishUnlock(dk []byte) error {
	plain, err := db.readFormat(dk)
	if err != nil {
		zero(dk)
		return err
	}
	if err := db.checkGeneration(dk); err != nil {
		zero(dk)
		return err
	}
	db.mu.Lock()
	db.plain = plain
	db.mu.Unlock()
	db.setKey(dk)
	if err := db.loadBlindKeys(dk); err != nil { // kept by a Rekey (rekey.go)
		db.forget()
		return err
	}
	if err := guardDamage(db.upgrade); err != nil {
		db.forget()
		return err
	}
	// The state check runs beside the snapshot's read (the facets and the
	// index kept at the last close, index_facets_snapshot.go); the index
	// comes from the snapshot when the check finds the records to be the
	// ones it was made of, else from every record (index_snapshot.go).
	stateErr := make(chan error, 1)
	go func() { stateErr <- guardDamage(db.checkStateAtUnlock) }()
	snap := db.readFacetSnapshot()
	var checked error
	waited, installed := false, false
	if snap.index != nil {
		checked, waited = <-stateErr, true
		if installed = checked == nil; installed {
			db.mu.Lock()
			db.index = snap.index
			db.mu.Unlock()
		}
		snap.index = nil
	}
	if !installed {
		if err := guardDamage(db.loadIndex); err != nil {
			if !waited {
				<-stateErr
			}
			db.forget()
			return err
		}
		if !waited {
			checked = <-stateErr
		}
	}
	db.releaseMapped() // the records' pages the check and the load read (mapped_linux.go)
	// Left unlocked on a difference, so Verify can name it (statecheck.go).
	if checked != nil {
		return checked
	}
	db.mu.Lock()
	db.stateChecked = true
	db.mu.Unlock()
	db.installFacetSnapshot(snap) // the ledgers' facets, when kept at the last close
	// Not fatal: the marker stays and the next unlock tries again (a full
	// disk must not lock the rep out); the erased data is unreadable
	// already, only old sealed pages wait for the compaction.
	if !db.opts.forRestore {
		_ = db.finishErasures()
	}
	db.afterUnlock()
	return nil
}

// readFormat tells whether the file is an (InsecurePlaintext, test-only)
// plaintext database. The marker counts only when it opens with the data
// key: someone who can write to the file but has no key must not be able
// to switch Warmlead to writing personal data in clear by adding it.
func (db *DB) readFormat(dk []byte) (bool, error) {
	var marker []byte
	db.view(func(tx *bolt.Tx) error {
		marker = append([]byte(nil), tx.Bucket(bMeta).Get(mPlaintext)...)
		return nil
	})
	if len(marker) == 0 {
		return false, nil
	}
	if _, err := open(dk, marker, adFor(bMeta, mPlaintext)); err != nil {
		return false, &IntegrityError{Bucket: string(bMeta), Key: "the format marker"}
	}
	return true, nil
}

func (db *DB) setKey(dk []byte) {
	db.mu.Lock()
	defer db.mu.Unlock()
	db.dataKey = dk
	db.idxKey = subkey(dk, "blind index")
	db.supKey = subkey(dk, "suppression")
	db.changes.everyone() // a reader's versions from before are all
	if db.index == nil {
		db.index = newSearchIndex()
	}
}

// Lock forgets the data key and the decrypted in-memory index. The file
// stays open (and locked against a second instance). The ledgers' facets
// are kept in the file first, when exact (index_facets_snapshot.go).
func (db *DB) Lock() {
	db.saveFacetSnapshot()
	db.saveViews() // views.go
	db.forget()
}

// forget is Lock without the snapshot: a failed unlock.
func (db *DB) forget() {
	db.mu.Lock()
	defer db.mu.Unlock()
	zero(db.dataKey)
	zero(db.idxKey)
	zero(db.supKey)
	db.dataKey, db.idxKey, db.supKey = nil, nil, nil
	db.snap.kept = false // the next unlock tells again
	db.stateChecked = false
	db.changes.everyone() // hook (changes.go)
	if db.index != nil {
		db.index.wipe()
		db.index = nil
	}
}

// Close locks and closes the file. It waits for running transactions (and
// a running compaction) to finish.
func (db *DB) Close() error {
	if db.Unlocked() {
		db.rememberGeneration(db.Generation(), false)
	}
	db.Lock()
	db.swap.Lock()
	defer db.swap.Unlock()
	if db.bolt == nil { // a failed reopen after compaction left no handle
		return nil
	}
	return db.bolt.Close()
}

// ChangePassphrase rewraps the data key under a new passphrase; no data is
// re-encrypted. The old passphrase is not needed once unlocked. The audit
// entries, if any, are stored in the same transaction.
func (db *DB) ChangePassphrase(newPass []byte, audit ...AuditEntry) error {
	if err := checkPassphrase(newPass); err != nil {
		return err
	}
	dk, err := db.key()
	if err != nil {
		return err
	}
	kdf := db.opts.KDF
	if kdf.Time == 0 {
		kdf = DefaultKDF()
	}
	kdf.Salt = randomBytes(16)
	pk := kdf.derive(newPass)
	defer zero(pk)
	enc, _ := json.Marshal(kdf)
	err = db.update(func(tx *bolt.Tx) error {
		m := tx.Bucket(bMeta)
		if err := putAll(m, mKDF, enc, mWrapPass, seal(pk, dk, adFor(bMeta, mWrapPass))); err != nil {
			return err
		}
		return db.appendAudits(tx, audit)
	})
	if err == nil {
		db.kdf = kdf
	}
	return err
}

// ForgetKeyring removes this database's key from the OS keyring and its
// wrapped copy from the file: from now on only the passphrase unlocks it.
// The audit entries, if any, are stored with the file's change.
func (db *DB) ForgetKeyring(audit ...AuditEntry) error {
	if db.opts.Keyring != nil {
		if err := db.opts.Keyring.Delete(db.keyringAccount()); err != nil {
			return fmt.Errorf("cannot remove the key from the system keyring: %w", err)
		}
	}
	return db.update(func(tx *bolt.Tx) error {
		if err := tx.Bucket(bMeta).Delete(mWrapKeying); err != nil {
			return err
		}
		return db.appendAudits(tx, audit)
	})
}

// HasKeyring tells whether a keyring wrap is stored for this database.
func (db *DB) HasKeyring() bool {
	has := false
	db.view(func(tx *bolt.Tx) error {
		has = len(tx.Bucket(bMeta).Get(mWrapKeying)) > 0
		return nil
	})
	return has
}

func (db *DB) key() ([]byte, error) {
	db.mu.RLock()
	defer db.mu.RUnlock()
	if db.dataKey == nil {
		return nil, ErrNotUnlocked
	}
	return db.dataKey, nil
}
