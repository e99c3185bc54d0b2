package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"warmlead/consent"
)

var plainOpts = Options{InsecurePlaintext: true, KDF: FastKDF()}

const eraseReason = "asked to be forgotten by email"

// eraseFixture adds the person to erase (with a consent event carrying
// evidence) and a person to keep, in a plaintext database.
func eraseFixture(t *testing.T) (db *DB, path string, gone, kept consent.Prospect) {
	t.Helper()
	db, path = newTestDB(t, plainOpts)
	gone = addTest(t, db, "Erik Eraseme", "Vanishing Widgets AB", "erik.eraseme@gone.example", "+46 8 123 456 78")
	kept = addTest(t, db, "Karin Keepme", "Staying Power BV", "karin@stay.example", "+31 20 555 0100")
	_, err := db.AppendEvent(gone.ID, consent.Event{Rep: "Rita Rep", Kind: consent.KindConsentGranted, Purpose: consent.PurposeNewsletter,
		Channel: consent.ChannelEmail, Method: consent.MethodEmailReply, Evidence: "Erik wrote: yes, send me the Zanzibar newsletter"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.EditProspect(gone.ID, "title", "Chief Quokka Officer", AddOptions{Rep: "Rita Rep"}); err != nil {
		t.Fatal(err)
	}
	return db, path, gone, kept
}

func TestEraseLeavesNoPersonalDataInFile(t *testing.T) {
	db, path, gone, kept := eraseFixture(t)
	if err := db.Erase(gone.ID, eraseReason, "Rita Rep", day2); err != nil {
		t.Fatal(err)
	}
	if _, ok := db.Index().Cached(gone.ID); ok || len(db.Index().Search("erik")) != 0 {
		t.Fatal("the erased person is still in the in-memory index")
	}
	if _, err := db.Record(gone.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Record of an erased id: %v", err)
	}
	db.Close()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// The test can see plaintext: the kept person is readable in the file.
	if !bytes.Contains(raw, []byte(kept.Name)) || !bytes.Contains(raw, []byte(kept.Email)) {
		t.Fatal("the kept prospect is not visible in the plaintext file: this test would prove nothing")
	}
	for _, s := range []string{gone.Name, "Eraseme", gone.Company, gone.Email, "erik.eraseme", gone.Phone, "46812345678",
		"Zanzibar newsletter", "Chief Quokka Officer"} {
		if bytes.Contains(raw, []byte(s)) || bytes.Contains(raw, []byte(strings.ToLower(s))) {
			t.Errorf("the file still contains %q after erasure", s)
		}
	}
	if !bytes.Contains(raw, []byte(eraseReason)) {
		t.Error("no tombstone (reason) in the file")
	}

	db2 := openLocked(t, path, Options{})
	if err := db2.UnlockPassphrase([]byte(testPass)); err != nil {
		t.Fatal(err)
	}
	ts, err := db2.Tombstones()
	if err != nil || len(ts) != 1 || ts[0] != (Tombstone{ID: gone.ID, Time: day2, Reason: eraseReason, Rep: "Rita Rep"}) {
		t.Fatalf("tombstones = %+v, %v", ts, err)
	}
	log, _ := db2.AuditLog()
	if last := log[len(log)-1]; last.Action != "erased" || last.Prospect != gone.ID || last.Detail != eraseReason {
		t.Fatalf("audit entry = %+v", last)
	}
	// Ids are never reused: the bucket sequence survived the compaction.
	p := addTest(t, db2, "New Nina", "N", "", "")
	if p.ID <= kept.ID {
		t.Fatalf("new prospect got id %d, reusing an old one", p.ID)
	}
}

func TestEraseSuppressesReAdd(t *testing.T) {
	db, _, gone, kept := eraseFixture(t)
	if err := db.Erase(gone.ID, eraseReason, "Rita Rep", day2); err != nil {
		t.Fatal(err)
	}
	var se *SuppressedError
	for _, c := range []struct{ email, phone, field string }{
		{"ERIK.Eraseme@Gone.example", "", "email"},
		{"", "08-123 456 78", "phone"}, // national format, read in region SE
		{"someone.else@gone.example", "+46812345678", "phone"},
	} {
		_, err := db.AddProspect(consent.Prospect{Name: "Erik Again", Email: c.email, Phone: c.phone, Source: consent.SourceReferral},
			AddOptions{Region: "SE"})
		if !errors.As(err, &se) || se.Field != c.field {
			t.Errorf("re-add with %q/%q: %v, want SuppressedError on %s", c.email, c.phone, err, c.field)
		}
	}
	if _, err := db.EditProspect(kept.ID, "email", "Erik.Eraseme@gone.example", AddOptions{}); !errors.As(err, &se) {
		t.Fatalf("edit to an erased email: %v", err)
	}
	if !db.IsSuppressed("ERIK.ERASEME@gone.example", "") || !db.IsSuppressed("", "+46 8 123 456 78") || db.IsSuppressed(kept.Email, kept.Phone) {
		t.Fatal("IsSuppressed is wrong")
	}
	if p, _ := db.Prospect(kept.ID); p.Email != kept.Email {
		t.Fatal("a refused edit changed the prospect")
	}
}

func TestEraseRequiresReasonAndProspect(t *testing.T) {
	db, _, gone, _ := eraseFixture(t)
	if err := db.Erase(gone.ID, "  ", "Rita Rep", day2); !errors.Is(err, ErrReasonRequired) {
		t.Fatalf("erase without reason: %v", err)
	}
	if err := db.Erase(99, eraseReason, "Rita Rep", day2); !errors.Is(err, ErrNotFound) {
		t.Fatalf("erase of unknown id: %v", err)
	}
	if _, err := db.Prospect(gone.ID); err != nil {
		t.Fatal("a refused erase removed the prospect")
	}
	if ts, _ := db.Tombstones(); len(ts) != 0 {
		t.Fatalf("tombstones after refused erasures: %+v", ts)
	}
}

func TestVerifyAfterErase(t *testing.T) {
	db, path := newTestDB(t, Options{})
	var ids []uint64
	for _, n := range []string{"Ann", "Bob", "Cai"} {
		p := addTest(t, db, n+" Person", "Co", strings.ToLower(n)+"@co.example", "")
		db.AppendEvent(p.ID, consent.Event{Rep: "Rita Rep", Kind: consent.KindConsentGranted, Purpose: consent.PurposeEvents,
			Channel: consent.ChannelEmail, Method: consent.MethodSigned, Evidence: "signed at the stand"})
		ids = append(ids, p.ID)
	}
	mustImport(t, db, "NL Bel-me-niet", []string{"+31205550199"}, day1)
	if err := db.Erase(ids[1], eraseReason, "Rita Rep", day2); err != nil {
		t.Fatal(err)
	}
	r, err := db.Verify()
	if err != nil || !r.OK() || r.Prospects != 2 || r.Events != 4 {
		t.Fatalf("verify after erase: %+v %v", r, err)
	}
	// The compacted file is the one in use, and this instance holds its lock.
	if _, err := Open(path, Options{Timeout: 100 * time.Millisecond}); !errors.Is(err, ErrLocked) {
		t.Fatalf("second open after compaction: %v, want ErrLocked", err)
	}
	if db.DNCLookup("+31205550199") == nil {
		t.Fatal("register lost in compaction")
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".warmlead-compact-*")); len(left) != 0 {
		t.Fatalf("temporary files left: %v", left)
	}
}

func TestEraseWhileReading(t *testing.T) {
	db, _ := newTestDB(t, Options{})
	var ids []uint64
	for i := range 20 {
		ids = append(ids, addTest(t, db, "Reader "+string(rune('A'+i)), "Co", "", "").ID)
	}
	var stop atomic.Bool
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for range 2 {
		wg.Go(func() {
			for !stop.Load() {
				db.Index().Search("reader")
				if _, problems, err := db.Records(); err != nil || len(problems) != 0 {
					errs <- errors.Join(err, errors.Join(problems...))
					return
				}
				if _, err := db.Record(ids[len(ids)-1]); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	for _, id := range ids[:5] {
		if err := db.Erase(id, eraseReason, "Rita Rep", day2); err != nil {
			t.Error(err)
		}
	}
	stop.Store(true)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("reader during erase: %v", err)
	}
	if db.Index().Count() != 15 {
		t.Fatalf("count after erasing 5 of 20: %d", db.Index().Count())
	}
}

func TestBackupAfterEraseHasNoErasedEmail(t *testing.T) {
	db, _, gone, kept := eraseFixture(t)
	if err := db.Erase(gone.ID, eraseReason, "Rita Rep", day2); err != nil {
		t.Fatal(err)
	}
	bak := filepath.Join(t.TempDir(), "after.bak")
	if err := db.Backup(bak); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(bak)
	if !bytes.Contains(raw, []byte(kept.Email)) {
		t.Fatal("the plaintext backup does not show the kept email: this test would prove nothing")
	}
	if bytes.Contains(raw, []byte(gone.Email)) || bytes.Contains(raw, []byte(gone.Name)) {
		t.Fatal("the backup taken after erasure holds the erased person")
	}
}

func TestSuppressWithoutErase(t *testing.T) {
	db, _ := newTestDB(t, Options{})
	if err := db.Suppress("", " ", day1); err == nil {
		t.Fatal("empty suppression accepted")
	}
	if err := db.Suppress("Declined@Referral.example", "+47 22 12 34 56", day1); err != nil {
		t.Fatal(err)
	}
	if !db.IsSuppressed("declined@referral.example", "") || !db.IsSuppressed("", "+4722123456") {
		t.Fatal("suppression not found")
	}
	_, err := db.AddProspect(consent.Prospect{Name: "Declined", Phone: "22 12 34 56", Source: consent.SourceReferral}, AddOptions{Region: "NO"})
	var se *SuppressedError
	if !errors.As(err, &se) {
		t.Fatalf("add of a suppressed referral: %v", err)
	}
	if r, err := db.Verify(); err != nil || !r.OK() {
		t.Fatalf("verify: %+v %v", r, err)
	}
}

// A second Warmlead that opened the file just before a compaction and waits
// for its lock must not end up with the old, replaced file: then both
// instances would think they own the database and one's writes would be
// lost. Whichever of the two gets the new file, never both.
func TestOpenWaitingDuringCompactionNeverGetsOldFile(t *testing.T) {
	db, path, gone, _ := eraseFixture(t)
	type result struct {
		db  *DB
		err error
	}
	waiting := make(chan result, 1)
	go func() {
		other, err := Open(path, Options{Timeout: time.Second})
		waiting <- result{other, err}
	}()
	time.Sleep(200 * time.Millisecond) // let it block on the lock
	eraseErr := db.Erase(gone.ID, eraseReason, "Rita Rep", day2)
	r := <-waiting
	if r.err == nil {
		defer r.db.Close()
		if eraseErr == nil {
			t.Fatal("both instances hold the database after compaction")
		}
		if err := r.db.UnlockPassphrase([]byte(testPass)); err != nil {
			t.Fatal(err)
		}
		if _, err := r.db.Prospect(gone.ID); err == nil {
			t.Fatal("the waiting instance opened the old file with the erased prospect")
		}
		return
	}
	if !errors.Is(r.err, ErrLocked) || eraseErr != nil {
		t.Fatalf("waiting open: %v; erase: %v", r.err, eraseErr)
	}
}
