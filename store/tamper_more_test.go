package store

import (
	"bytes"
	"encoding/hex"
	"errors"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"warmlead/consent"
	"warmlead/store/storetest"
)

// Issue 8, tampering: bytes changed in sealed values, in the meta bucket
// and in a ledger event are each reported with a message naming what
// failed, never a panic, and everything else stays readable.

// rawValue reads the stored bytes at bucket/key, bypassing the store.
func rawValue(t *testing.T, path string, bucket, key []byte) []byte {
	t.Helper()
	var v []byte
	storetest.View(t, path, func(tx *bolt.Tx) error {
		v = append([]byte(nil), tx.Bucket(bucket).Get(key)...)
		return nil
	})
	if len(v) == 0 {
		t.Fatalf("no value at %s/%x", bucket, key)
	}
	return v
}

// flipInFile changes one byte of a stored value where it lies in the file,
// as a hex editor would: no bbolt call, so nothing but the value changes.
func flipInFile(t *testing.T, path string, bucket, key []byte, at int) {
	t.Helper()
	v := rawValue(t, path, bucket, key)
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(raw, v)
	if i < 0 || bytes.Contains(raw[i+1:], v) {
		t.Fatalf("the value at %s/%x is not in the file exactly once", bucket, key)
	}
	if at < 0 {
		at = len(v) / 2
	}
	raw[i+at] ^= 0x01
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
}

func putRaw(t *testing.T, path string, bucket, key, value []byte) {
	t.Helper()
	storetest.Update(t, path, func(tx *bolt.Tx) error {
		if value == nil {
			return tx.Bucket(bucket).Delete(key)
		}
		return tx.Bucket(bucket).Put(key, value)
	})
}

// tamperFixture: three prospects with consent events, a keyring wrap, a
// do-not-call register, an audit entry and a tombstone.
// wantSafeSofie: the untouched prospect of tamperFixture still reads back
// whole after a tampering elsewhere in the file.
func wantSafeSofie(t *testing.T, db *DB, id uint64, when string) {
	t.Helper()
	if p, err := db.Prospect(id); err != nil || p.Name != "Safe Sofie" {
		t.Fatalf("data %s: %q, %v", when, p.Name, err)
	}
}

// unlockAfterFlip damages the meta value key of a tamperFixture file (what
// says how): the unlock broken must fail as want says, and the other one
// must still open the untouched data. It returns the unlocked database.
func unlockAfterFlip(t *testing.T, o Options, key []byte, what string, broken func(*DB) error, want func(error) bool, other func(*DB) error) *DB {
	t.Helper()
	path, ids := tamperFixture(t, o)
	flipInFile(t, path, bMeta, key, -1)
	db := openLocked(t, path, o)
	if err := broken(db); !want(err) {
		t.Fatalf("unlock after %s: %v", what, err)
	}
	if err := other(db); err != nil {
		t.Fatalf("the other unlock after %s: %v", what, err)
	}
	wantSafeSofie(t, db, ids[1], "after "+what)
	return db
}

// isErr is errors.Is against target, as a test of an error.
func isErr(target error) func(error) bool {
	return func(err error) bool { return errors.Is(err, target) }
}

func tamperFixture(t *testing.T, o Options) (path string, ids []uint64) {
	t.Helper()
	db, path := newTestDB(t, o)
	for _, p := range [][4]string{
		{"Tamper Target", "Victim AB", "target@victim.example", "+46 8 123 456 78"},
		{"Safe Sofie", "Intact AS", "sofie@intact.example", "+47 22 12 34 56"},
		{"Gone Gustav", "Erased BV", "gustav@erased.example", ""},
	} {
		pr := addTest(t, db, p[0], p[1], p[2], p[3])
		for _, pur := range []consent.Purpose{consent.PurposeNewsletter, consent.PurposeEvents} {
			if _, err := db.AppendEvent(pr.ID, consent.Event{Rep: "Rita Rep", Kind: consent.KindConsentGranted, Purpose: pur,
				Channel: consent.ChannelEmail, Method: consent.MethodSigned, Evidence: "signed at the stand"}); err != nil {
				t.Fatal(err)
			}
		}
		ids = append(ids, pr.ID)
	}
	mustImport(t, db, "SE NIX", []string{"+46812345678"}, day1)
	if err := db.Audit("Rita Rep", "viewed", ids[1], ""); err != nil {
		t.Fatal(err)
	}
	if err := db.Erase(ids[2], eraseReason, "Rita Rep", day2); err != nil {
		t.Fatal(err)
	}
	db.Close()
	return path, ids[:2]
}

func unlockedAfterTamper(t *testing.T, path string, o Options) *DB {
	t.Helper()
	db, err := Open(path, o)
	if err != nil {
		t.Fatalf("open after tampering with a sealed value: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.UnlockPassphrase([]byte(testPass)); err != nil {
		t.Fatalf("unlock after tampering with a sealed value: %v", err)
	}
	return db
}

// A byte changed in the file itself (not through bbolt) inside each kind of
// sealed value: the damage is named, the rest reads.
func TestTamperedSealedValuesInTheFile(t *testing.T) {
	cases := []struct {
		name   string
		bucket []byte
		key    func(ids []uint64) []byte
		want   string // in the error naming the place
	}{
		{"prospect", bProspects, func(ids []uint64) []byte { return u64(ids[0]) }, "prospect 1 in prospects"},
		{"ledger event", bEvents, func(ids []uint64) []byte { return join(u64(ids[0]), u64(2)) }, "event 1/2 in events"},
		{"settings", bSettings, func([]uint64) []byte { return kSettings }, "the settings in settings"},
		{"audit entry", bAudit, func([]uint64) []byte { return u64(1) }, "audit entry 1 in audit"},
		{"tombstone", bTombstones, func([]uint64) []byte { return u64(3) }, "tombstone 3 in tombstones"},
	}
	for _, c := range cases {
		for _, where := range []struct {
			name string
			at   int
		}{{"format byte", 0}, {"nonce", 5}, {"ciphertext", -1}} {
			t.Run(c.name+"/"+where.name, func(t *testing.T) {
				path, ids := tamperFixture(t, Options{})
				flipInFile(t, path, c.bucket, c.key(ids), where.at)
				db := unlockedAfterTamper(t, path, Options{})

				r, err := db.Verify()
				if err != nil || r.OK() {
					t.Fatalf("verify missed the damage: %+v %v", r, err)
				}
				var ie *IntegrityError
				if !errors.As(r.Problems[0], &ie) || !strings.Contains(ie.Error(), c.want) {
					t.Fatalf("verify named %v, want %q", r.Problems, c.want)
				}
				if !strings.Contains(ie.Error(), "modified or damaged") {
					t.Errorf("message does not say what happened: %v", ie)
				}
				// The other prospect is whole, from the file and from memory.
				rec, err := db.Record(ids[1])
				if err != nil || rec.Prospect.Name != "Safe Sofie" || len(rec.Events) != 3 || consent.VerifyChain(rec.Events) != nil {
					t.Fatalf("undamaged prospect: %+v, %v", rec, err)
				}
				if len(db.Index().Search("sofie")) != 1 {
					t.Fatal("undamaged prospect missing from the search index")
				}
				switch c.name {
				case "prospect":
					if _, err := db.Record(ids[0]); !errors.As(err, &ie) {
						t.Fatalf("damaged prospect: %v", err)
					}
					recs, problems, err := db.Records()
					if err != nil || len(recs) != 1 || len(problems) != 1 {
						t.Fatalf("Records: %d records, problems %v, %v", len(recs), problems, err)
					}
				case "ledger event":
					evs, err := db.Events(ids[0])
					if !errors.As(err, &ie) || len(evs) != 1 {
						t.Fatalf("damaged ledger: %d events before the damage, %v", len(evs), err)
					}
					if p, err := db.Prospect(ids[0]); err != nil || p.Name != "Tamper Target" {
						t.Fatalf("the prospect of a damaged ledger: %v", err)
					}
				case "settings":
					if _, err := db.Settings(); !errors.As(err, &ie) {
						t.Fatalf("damaged settings: %v", err)
					}
				}
			})
		}
	}
}

// A ledger event removed, or moved to another prospect's ledger: the hash
// chain and the associated data name the place.
func TestTamperedLedgerDeletedAndMovedEvents(t *testing.T) {
	path, ids := tamperFixture(t, Options{})
	putRaw(t, path, bEvents, join(u64(ids[0]), u64(2)), nil) // event 2 of 3 removed
	db := unlockedAfterTamper(t, path, Options{})
	r, _ := db.Verify()
	var ce *consent.ChainError
	if r.OK() || !errors.As(r.Problems[0], &ce) || ce.Prospect != ids[0] {
		t.Fatalf("removed event: verify gave %v", r.Problems)
	}
	if !strings.Contains(r.Problems[0].Error(), "event") {
		t.Errorf("chain error does not name the event: %v", r.Problems[0])
	}
	db.Close()

	path, ids = tamperFixture(t, Options{})
	moved := rawValue(t, path, bEvents, join(u64(ids[1]), u64(2)))
	putRaw(t, path, bEvents, join(u64(ids[0]), u64(2)), moved)
	db = unlockedAfterTamper(t, path, Options{})
	if _, err := db.Events(ids[0]); !errIntegrity(err) || !strings.Contains(err.Error(), "event 1/2") {
		t.Fatalf("event moved from another ledger: %v", err)
	}
	if evs, err := db.Events(ids[1]); err != nil || len(evs) != 3 {
		t.Fatalf("the ledger it was copied from: %v", err)
	}
}

// The meta bucket is in clear (schema, database id, KDF settings) apart
// from the two wrapped keys. Each change is refused with a message naming
// it, or is harmless and the data stays readable.
func TestTamperedMetaBucket(t *testing.T) {
	kr := mockKeyring(t)
	o := Options{Keyring: kr}
	t.Run("kdf settings", func(t *testing.T) {
		path, _ := tamperFixture(t, o)
		putRaw(t, path, bMeta, mKDF, []byte(`{"salt":"AAAA","time":0,"memory_kib":0,"threads":0}`))
		if _, err := Open(path, o); err == nil || !strings.Contains(err.Error(), "key settings in the meta bucket are damaged") {
			t.Fatalf("damaged kdf: %v", err)
		}
		path, _ = tamperFixture(t, o)
		flipInFile(t, path, bMeta, mKDF, 3) // the JSON no longer parses
		if _, err := Open(path, o); err == nil || !strings.Contains(err.Error(), "meta bucket") {
			t.Fatalf("damaged kdf JSON: %v", err)
		}
	})
	t.Run("schema version", func(t *testing.T) {
		path, _ := tamperFixture(t, o)
		v := rawValue(t, path, bMeta, mSchema)
		v[len(v)/2] ^= 0x40 // too short to find in the file: put through bbolt
		putRaw(t, path, bMeta, mSchema, v)
		flipped, _ := os.ReadFile(path)
		if _, err := Open(path, o); err == nil || !strings.Contains(err.Error(), "schema version in the meta bucket is damaged") {
			t.Fatalf("damaged schema: %v", err)
		}
		if after, _ := os.ReadFile(path); !bytes.Equal(after, flipped) {
			t.Fatal("a refused open changed the file")
		}
	})
	t.Run("database id", func(t *testing.T) {
		path, _ := tamperFixture(t, o)
		putRaw(t, path, bMeta, mDBID, []byte("short"))
		if _, err := Open(path, o); !errors.Is(err, ErrNotWarmlead) || !strings.Contains(err.Error(), "identity in the meta bucket is damaged") {
			t.Fatalf("truncated id: %v", err)
		}
		// Another id of the right length only points at another keyring
		// entry, which does not open this file; the passphrase does.
		unlockAfterFlip(t, o, mDBID, "a changed id", (*DB).UnlockKeyring, func(err error) bool {
			return errors.Is(err, ErrNoKeyringKey) || errors.Is(err, ErrKeyringMismatch)
		}, unlockTestPass)
	})
	t.Run("passphrase wrap", func(t *testing.T) {
		// A damaged wrap and a wrong passphrase cannot be told apart (both
		// fail authentication); the keyring still opens the data.
		db := unlockAfterFlip(t, o, mWrapPass, "a damaged passphrase wrap", unlockTestPass, isErr(ErrWrongPassphrase), (*DB).UnlockKeyring)
		// Setting a new passphrase repairs it.
		if err := db.ChangePassphrase([]byte("a repaired passphrase")); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("keyring wrap", func(t *testing.T) {
		unlockAfterFlip(t, o, mWrapKeying, "a damaged keyring wrap", (*DB).UnlockKeyring, isErr(ErrKeyringMismatch), unlockTestPass)
	})
	t.Run("wrapped key swapped in from another database", func(t *testing.T) {
		path, _ := tamperFixture(t, o)
		other, _ := tamperFixture(t, o)
		putRaw(t, path, bMeta, mWrapPass, rawValue(t, other, bMeta, mWrapPass))
		db, _ := Open(path, o)
		defer db.Close()
		if err := db.UnlockPassphrase([]byte(testPass)); !errors.Is(err, ErrWrongPassphrase) {
			t.Fatalf("another database's wrap: %v", err)
		}
	})
	// Someone who can write the file but has no key adds the marker of a
	// plaintext (test-only) database: Warmlead must not start writing
	// personal data in clear.
	t.Run("plaintext marker added", func(t *testing.T) {
		path, _ := tamperFixture(t, o)
		putRaw(t, path, bMeta, mPlaintext, []byte{1})
		db := openLocked(t, path, o)
		err := db.UnlockPassphrase([]byte(testPass))
		var ie *IntegrityError
		if !errors.As(err, &ie) || ie.Bucket != "meta" || !strings.Contains(err.Error(), "format marker") {
			t.Fatalf("a forged plaintext marker: %v", err)
		}
		if db.Unlocked() {
			t.Fatal("unlocked a file with a forged plaintext marker")
		}
		if _, err := db.AddProspect(consent.Prospect{Name: "Cleartext Clara", Source: consent.SourceCard}, AddOptions{}); err == nil {
			t.Fatal("wrote a prospect after a forged plaintext marker")
		}
		db.Close()
		if raw, _ := os.ReadFile(path); bytes.Contains(raw, []byte("Cleartext Clara")) {
			t.Fatal("personal data written in clear")
		}
	})
	t.Run("plaintext marker of a real plaintext database still works", func(t *testing.T) {
		path, ids := tamperFixture(t, plainOpts)
		db := unlockedAfterTamper(t, path, Options{})
		wantSafeSofie(t, db, ids[1], "in a plaintext database")
		raw, _ := os.ReadFile(path)
		if !bytes.Contains(raw, []byte("Safe Sofie")) {
			t.Fatal("the plaintext database is not plaintext")
		}
	})
}

// A wrong passphrase, a missing keyring entry and the keyring entry of
// another database each give their own error and leave the file's bytes
// exactly as they were.
func TestWrongKeysLeaveFileUnchanged(t *testing.T) {
	kr := mockKeyring(t)
	o := Options{Keyring: kr}
	path, _ := tamperFixture(t, o)
	other, _ := tamperFixture(t, o)
	before, _ := os.ReadFile(path)
	account := func(p string) string {
		return "db-" + hex.EncodeToString(rawValue(t, p, bMeta, mDBID))
	}

	try := func(name string, unlock func(db *DB) error, want error) {
		t.Helper()
		db, err := Open(path, o)
		if err != nil {
			t.Fatal(err)
		}
		if err := unlock(db); !errors.Is(err, want) {
			t.Errorf("%s: %v, want %v", name, err, want)
		}
		if db.Unlocked() || db.Index().Count() != 0 {
			t.Errorf("%s: unlocked", name)
		}
		db.Close()
		if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
			t.Fatalf("%s changed the file", name)
		}
	}
	try("wrong passphrase", func(db *DB) error { return db.UnlockPassphrase([]byte("not the passphrase at all")) }, ErrWrongPassphrase)

	otherKey, err := kr.Get(account(other))
	if err != nil {
		t.Fatal(err)
	}
	own, _ := kr.Get(account(path))
	kr.Set(account(path), otherKey)
	try("keyring entry of another database", func(db *DB) error { return db.UnlockKeyring() }, ErrKeyringMismatch)
	try("wrong passphrase, foreign keyring entry", func(db *DB) error { return db.UnlockPassphrase([]byte("not the passphrase at all")) }, ErrWrongPassphrase)

	kr.Delete(account(path))
	try("deleted keyring entry", func(db *DB) error { return db.UnlockKeyring() }, ErrNoKeyringKey)
	try("no keyring at all", func(db *DB) error {
		db.opts.Keyring = nil
		return db.UnlockKeyring()
	}, ErrNoKeyringKey)

	kr.Set(account(path), own)
	db, _ := Open(path, o)
	defer db.Close()
	if err := db.UnlockKeyring(); err != nil {
		t.Fatalf("the right keyring entry: %v", err)
	}
}

// Damage to the file's page structure rather than to a value (a disk
// error, a bad copy): bbolt follows page references through the memory
// map, where a reference out of the file stops the program. CheckFile
// (which `warmlead verify` runs before unlocking) and Verify read the
// structure from the file first and report it; Open refuses a file cut
// short. Nothing here may crash the test process.
func TestDamagedPagesAreReportedNotACrash(t *testing.T) {
	db, path := newTestDB(t, Options{})
	for i := range 150 {
		addTest(t, db, "Paged Person "+strings.Repeat("x", i%40), "Pages BV", "", "")
	}
	if err := db.Compact(); err != nil { // no spare room: damage lands in used pages
		t.Fatal(err)
	}
	db.Close()
	good, _ := os.ReadFile(path)
	const ps = 4096
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 3))
	caught := map[string]int{}
	for round := range 300 {
		b := append([]byte(nil), good...)
		page := 2 + rng.IntN(len(b)/ps-2)
		switch rng.IntN(4) {
		case 0: // the page header: count, flags, overflow
			b[page*ps+8+rng.IntN(8)] ^= byte(1 + rng.IntN(255))
		case 1: // an element: a position or a size, or a child page id
			b[page*ps+16+rng.IntN(64)] ^= byte(1 + rng.IntN(255))
		case 2: // anywhere in the page
			b[page*ps+rng.IntN(ps)] ^= byte(1 + rng.IntN(255))
		case 3: // cut short
			b = b[:rng.IntN(len(b))]
		}
		os.WriteFile(path, b, 0o600)
		db, err := Open(path, Options{})
		if err != nil {
			caught["open"]++
			continue
		}
		if err := db.CheckFile(); err != nil {
			if !errors.Is(err, ErrDamaged) {
				t.Fatalf("round %d: CheckFile: %v", round, err)
			}
			caught["check"]++
			db.Close()
			continue
		}
		if err := db.UnlockPassphrase([]byte(testPass)); err != nil {
			caught["unlock"]++
			db.Close()
			continue
		}
		if r, err := db.Verify(); err != nil || !r.OK() {
			caught["verify"]++
		} else {
			caught["unused space"]++
		}
		db.Close()
	}
	t.Logf("damage found by: %v", caught)
}
