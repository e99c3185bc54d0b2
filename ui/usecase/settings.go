package usecase

import (
	"os"
	"path/filepath"

	"warmlead/consent"
	"warmlead/store"
)

// Settings changes the settings and the keys: passphrase, keyring, backup
// and restore, and creates the database in the first place.
type Settings struct {
	env Env
	st  settingsStore
}

// settingsStore is what Settings needs of the store (*store.DB in the app).
type settingsStore interface {
	Settings() (consent.Settings, error)
	SaveSettings(s consent.Settings) error
	ChangePassphrase(newPass []byte, audit ...store.AuditEntry) error
	Rekey(pass []byte, progress func(done, total int), audit ...store.AuditEntry) error
	AcceptState(audit ...store.AuditEntry) error
	ForgetKeyring(audit ...store.AuditEntry) error
	Backup(path string) error
	Commit(c store.Change) ([]consent.Event, error)
}

var errCannotReadBackup = newTemplate(CodeFailed, "cannot read the backup: {{.Error}}")

// Save validates and stores the settings.
func (s *Settings) Save(st consent.Settings) error { return s.st.SaveSettings(st) }

// ChangePassphrase rewraps the data key under a new recovery passphrase
// (no data is re-encrypted) and audit-logs it in the same transaction.
func (s *Settings) ChangePassphrase(newPass []byte) error {
	return s.st.ChangePassphrase(newPass, s.audit("passphrase-changed", ""))
}

// Rekey re-encrypts the whole database under a new data key, wrapped by
// pass (the current recovery passphrase or a new one) and a new keyring
// key, and audit-logs it in the new file. Unlike ChangePassphrase, an old
// copy of the file with the old passphrase opens nothing written since.
// progress (may be nil) gets values done and the total, on the caller's
// goroutine; a failure leaves the database as it was.
func (s *Settings) Rekey(pass []byte, progress func(done, total int)) error {
	return s.st.Rekey(pass, progress, s.audit("rekeyed", ""))
}

// AcceptState takes the file as it is now as its authenticated state, after
// Verify named records changed without the key and the rep chose to keep
// the data (no backup to restore); why is audit-logged with it.
func (s *Settings) AcceptState(why string) error {
	return s.st.AcceptState(s.audit("state-accepted", why))
}

// ForgetKeyring removes the database's key from the system keyring, so
// only the recovery passphrase unlocks it, and audit-logs it.
func (s *Settings) ForgetKeyring() error {
	return s.st.ForgetKeyring(s.audit("keyring-removed", ""))
}

// Backup writes an encrypted copy of the database to path and audit-logs
// where it went, by absolute path: a backup holds everyone's data, and an
// auditor wants to know where each copy is (its name carries no person's
// name, unlike an export's). If the entry cannot be stored the copy is
// removed again. It returns the absolute path.
func (s *Settings) Backup(path string) (string, error) {
	abs := absPath(path)
	// The store writes a temporary file and renames it over path; what it
	// must not rename over is checked here, as for every output.
	if err := CheckFileOutPath(path, s.env.keep()...); err != nil {
		return abs, err
	}
	if err := s.st.Backup(path); err != nil {
		return abs, err
	}
	if _, err := s.st.Commit(store.Change{Audit: []store.AuditEntry{s.audit("backup", abs)}}); err != nil {
		os.Remove(path)
		return abs, errDocumentNotKept.Wrap(err, "Kind", "backup", "Error", err.Error())
	}
	return abs, nil
}

func (s *Settings) audit(action, detail string) store.AuditEntry {
	return store.AuditEntry{Time: s.env.now(), Rep: s.env.rep(), Action: action, Detail: detail}
}

// absPath is path made absolute for the audit log; as given if it cannot be.
func absPath(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}

// CreateDatabase makes a new encrypted database where c says, protected by
// the recovery passphrase (and the keyring unless c turns it off). The
// window's setup and `warmlead init` both create through it.
func CreateDatabase(c Config, pass []byte, s consent.Settings) (*store.DB, error) {
	// "NL" or " nl" pass Validate but are not the codes the rest of the
	// code compares with: the phone region would silently be GB.
	if lang, err := consent.ParseLanguage(s.Lang); err == nil {
		s.Lang = lang
	}
	return store.Create(c.DB, pass, s, c.Options())
}

// RestoreBackup replaces the database c names with the backup at src: see
// Restore. It refuses a backup of another database.
func RestoreBackup(c Config, src, rep string) (store.VerifyReport, error) {
	r, err := Restore(c, RestoreRequest{Src: src, Rep: rep})
	return r.VerifyReport, err
}
