package usecase

import (
	"errors"
	"fmt"
	"strings"

	"warmlead/store"
)

// RestoreRequest is one restore of a backup.
type RestoreRequest struct {
	Src string // the backup file
	Rep string // who restores; empty: the restored settings' rep
	// OtherDatabase allows a backup of another database to replace this
	// one (the window asks first, naming both; the CLI's --other-database).
	OtherDatabase bool
	// Passphrase unlocks the backup (and the database it replaces) when
	// set; else as c says. The window asks for it.
	Passphrase []byte
}

var errOtherDatabase = newTemplate(CodePrecondition, "this backup belongs to another database ({{.Backup}}) than the one it would replace ({{.Current}}); nothing was restored. To replace it anyway pass --other-database: the current file is then kept beside it until the next successful unlock")

// OtherDatabase is the cause of the refusal of another database's backup:
// the window's confirmation names both.
type OtherDatabase struct{ Backup, Current store.DatabaseInfo }

func (e *OtherDatabase) Error() string { return "another database" }

// Restore replaces the database c names with the backup, once the backup
// is unlocked (as c says) and verified in full, carrying into it the
// erasures, objections, withdrawals, suppression entries and do-not-call
// registers of the database it replaces (store.RestoreWith), and
// audit-logs the restore in the restored database, in the same
// transaction, with the backup's absolute path and what was re-applied.
func Restore(c Config, req RestoreRequest) (store.RestoreReport, error) {
	// A regular file of a database's size, before the store copies it:
	// restore /dev/zero would copy until the disk is full.
	f, err := OpenInput(req.Src, MaxBackupFile, RegularOnly)
	if err != nil {
		return store.RestoreReport{}, errCannotReadBackup.Wrap(err, "Error", err.Error())
	}
	f.Close()
	rep := req.Rep
	if rep == "" {
		rep = c.Rep
	}
	audit := func(r store.RestoreReport) store.AuditEntry {
		detail := absPath(req.Src)
		if s := Reapplied(r); s != "" {
			detail += "; " + s
		}
		return store.AuditEntry{Rep: rep, Action: "restored", Detail: detail}
	}
	unlock := c.Unlock
	if len(req.Passphrase) > 0 {
		unlock = func(db *store.DB) error { return db.UnlockPassphrase(req.Passphrase) }
	}
	report, err := store.RestoreWith(c.DB, req.Src, c.Options(), store.RestoreOptions{Unlock: unlock, OtherDatabase: req.OtherDatabase, Rep: rep, Audit: audit})
	var oe *store.OtherDatabaseError
	if errors.As(err, &oe) {
		return report, errOtherDatabase.Wrap(&OtherDatabase{oe.Backup, oe.Current}, "Backup", oe.Backup.String(), "Current", oe.Current.String())
	}
	return report, err
}

// Reapplied says in one English line what a restore carried over from the
// database it replaced ("" when nothing): the CLI prints it, the audit
// entry keeps it. The window says the same through ReappliedParts.
func Reapplied(r store.RestoreReport) string {
	var parts []string
	for _, p := range ReappliedParts(r) {
		parts = append(parts, fmt.Sprintf("%d %s", p.N, p.What))
	}
	s := ""
	if len(parts) > 0 {
		s = "re-applied from the replaced database: " + strings.Join(parts, ", ")
	}
	if r.CurrentUnread {
		s = strings.TrimPrefix(s+"; the replaced database could not be unlocked, so nothing was carried from it", "; ")
	}
	return s
}

// ReappliedPart is one count of what a restore re-applied.
type ReappliedPart struct {
	N    int
	What string // "erasure(s)", ...: also the window's translation key
}

// ReappliedParts lists the non-zero counts of r.
func ReappliedParts(r store.RestoreReport) []ReappliedPart {
	var out []ReappliedPart
	add := func(n int, what string) {
		if n > 0 {
			out = append(out, ReappliedPart{n, what})
		}
	}
	add(len(r.Erased), "erasure(s) of people in the backup")
	add(r.Tombstones, "tombstone(s)")
	add(r.Suppressions, "suppression entry(ies)")
	add(r.Appended, "objection(s) or withdrawal(s)")
	add(r.Registers, "do-not-call register(s)")
	add(r.NotCarried, "entry(ies) of another database that could not be carried (keyed by its own key)")
	add(r.Unreadable, "damaged record(s) of the replaced database skipped")
	return out
}
