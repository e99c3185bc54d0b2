package usecase

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"warmlead/consent"
	"warmlead/store"
)

// failingAudit is the real store whose audit log cannot be written.
type failingAudit struct{ *store.DB }

var errDiskFull = errors.New("disk full")

func (failingAudit) Commit(store.Change) ([]consent.Event, error) { return nil, errDiskFull }

// The backup's audit entry names the copy by its absolute path, whatever
// path the rep gave.
func TestBackupAuditsItsAbsolutePath(t *testing.T) {
	app, db := newTestApp(t)
	dir := t.TempDir()
	t.Chdir(dir)
	abs, err := app.Settings.Backup("copy.backup")
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(dir, "copy.backup")
	if real, _ := filepath.EvalSymlinks(dir); abs != want && abs != filepath.Join(real, "copy.backup") {
		t.Errorf("Backup returned %q, want %q", abs, want)
	}
	if _, err := os.Stat(want); err != nil {
		t.Fatal(err)
	}
	if log := auditLog(t, db); len(log) != 1 || log[0].Action != "backup" || log[0].Detail != abs || log[0].Rep != "Rita Rep" ||
		!log[0].Time.Equal(testNow.UTC().Truncate(time.Second)) {
		t.Errorf("audit log %+v", log)
	}
}

// An export, a document or a backup whose audit entry cannot be stored is
// an error, and its file is removed again.
func TestUnauditedFilesAreRemoved(t *testing.T) {
	_, db := newTestApp(t)
	p := anna(t, db)
	env := Env{Rep: func() string { return "Rita Rep" }, Now: func() time.Time { return testNow }}
	dir := t.TempDir()
	cases := []struct {
		name string
		run  func(path string) error
		msg  string
	}{
		{"export", func(path string) error {
			_, err := (&Rights{env: env, st: failingAudit{db}}).Export(ExportRequest{ID: p.ID, Format: FormatJSON, Reason: "r", Path: path})
			return err
		}, "disk full"},
		{"summary", func(path string) error {
			_, err := (&Documents{env: env, st: failingAudit{db}}).Summary(p.ID, "", "r", path)
			return err
		}, "the consent summary was not kept, because its audit entry could not be stored: disk full"},
		{"backup", func(path string) error {
			_, err := (&Settings{env: env, st: failingAudit{db}}).Backup(path)
			return err
		}, "the backup was not kept, because its audit entry could not be stored: disk full"},
	}
	for _, c := range cases {
		path := filepath.Join(dir, c.name)
		err := c.run(path)
		if err == nil || err.Error() != c.msg || !errors.Is(err, errDiskFull) {
			t.Errorf("%s: %v, want %q", c.name, err, c.msg)
		}
		if _, serr := os.Stat(path); serr == nil {
			t.Errorf("%s: the unaudited file was kept", c.name)
		}
	}
}

// Changing the passphrase rewraps the key and is audit-logged with it; a
// passphrase the store refuses changes nothing and logs nothing.
func TestChangePassphrase(t *testing.T) {
	cases := []struct {
		name, pass string
		ok         bool
	}{
		{"too short", "short", false},
		{"new passphrase", "a much longer new passphrase", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			app, db := newTestApp(t)
			err := app.Settings.ChangePassphrase([]byte(c.pass))
			if (err == nil) != c.ok {
				t.Fatalf("change: %v", err)
			}
			log := auditLog(t, db)
			path := db.Path()
			db.Close()
			reopened, oerr := store.Open(path, store.Options{KDF: store.FastKDF(), Timeout: time.Second})
			if oerr != nil {
				t.Fatal(oerr)
			}
			defer reopened.Close()
			old := reopened.UnlockPassphrase([]byte("correct horse battery"))
			if !c.ok {
				if old != nil || len(log) != 0 {
					t.Errorf("a refused change: old passphrase %v, log %+v", old, log)
				}
				return
			}
			if !errors.Is(old, store.ErrWrongPassphrase) {
				t.Errorf("the old passphrase still unlocks: %v", old)
			}
			if err := reopened.UnlockPassphrase([]byte(c.pass)); err != nil {
				t.Errorf("the new passphrase does not unlock: %v", err)
			}
			if len(log) != 1 || log[0].Action != "passphrase-changed" || log[0].Rep != "Rita Rep" {
				t.Errorf("audit log %+v", log)
			}
		})
	}
}

// Forgetting the keyring is audit-logged with the change; settings are
// validated by the store.
func TestForgetKeyringAndSave(t *testing.T) {
	app, db := newTestApp(t)
	if err := app.Settings.ForgetKeyring(); err != nil {
		t.Fatal(err)
	}
	if log := auditLog(t, db); len(log) != 1 || log[0].Action != "keyring-removed" {
		t.Errorf("audit log %+v", log)
	}
	st, _ := db.Settings()
	st.PrivacyURL = "not a url"
	if err := app.Settings.Save(st); err == nil {
		t.Error("a bad privacy URL was saved")
	}
	st.PrivacyURL, st.Company = "https://acme.example/privacy", "Acme Nordic AB"
	if err := app.Settings.Save(st); err != nil {
		t.Fatal(err)
	}
	if got, _ := db.Settings(); got.Company != "Acme Nordic AB" {
		t.Errorf("saved company %q", got.Company)
	}
}

// The database is created with the language code normalised, and a
// restore is audit-logged in the restored database with the backup's
// absolute path.
func TestCreateAndRestore(t *testing.T) {
	dir := t.TempDir()
	passFile := filepath.Join(dir, "pass")
	if err := os.WriteFile(passFile, []byte("correct horse battery\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	c := Config{DB: filepath.Join(dir, "db", "warmlead.db"), PasswordFile: passFile, NoKeyring: true}
	s := consent.DefaultSettings()
	s.Rep, s.Lang = "Rita Rep", " NL"
	db, err := CreateDatabase(c, []byte("correct horse battery"), s)
	if err != nil {
		t.Fatal(err)
	}
	if st, _ := db.Settings(); st.Lang != "nl" {
		t.Errorf("language %q, want nl", st.Lang)
	}
	if _, err := CreateDatabase(c, []byte("correct horse battery"), s); !errors.Is(err, store.ErrExists) {
		t.Errorf("second create: %v", err)
	}
	app := New(db, Env{Rep: func() string { return "Rita Rep" }, Now: func() time.Time { return testNow }})
	backup := filepath.Join(dir, "copy.backup")
	if _, err := app.Settings.Backup(backup); err != nil {
		t.Fatal(err)
	}
	db.Close()
	report, err := RestoreBackup(c, backup, "")
	if err != nil {
		t.Fatal(err)
	}
	if !report.OK() {
		t.Errorf("restore report %+v", report)
	}
	db, err = c.OpenUnlocked()
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	log := auditLog(t, db)
	if last := log[len(log)-1]; last.Action != "restored" || last.Detail != backup || last.Rep != "Rita Rep" {
		t.Errorf("audit log %+v", log)
	}
	if _, err := RestoreBackup(c, filepath.Join(dir, "nothing"), ""); err == nil || !strings.Contains(err.Error(), "cannot read the backup") {
		t.Errorf("restore of a missing file: %v", err)
	}
}
