package cli

import (
	"errors"
	"fmt"
	"os"

	"golang.org/x/term"

	"warmlead/consent"
	"warmlead/store"
	"warmlead/ui/usecase"
)

func init() {
	register(command{"init", "create a new encrypted database", setupInit})
	register(command{"passwd", "change the recovery passphrase (rewraps the key only)", setupPasswd})
	register(command{"backup", "write an encrypted backup: backup --out F", setupBackup})
	register(command{"restore", "replace the database with a verified backup: restore F", setupRestore})
	register(command{"verify", "check the file, every sealed value and every ledger's hash chain", setupVerify})
}

func setupInit(fs *flagSet, e *env) func([]string) error {
	s := consent.DefaultSettings()
	fs.StringVar(&s.Company, "company", "", "your company's name")
	fs.StringVar(&s.PrivacyURL, "privacy-url", "", "privacy statement URL")
	fs.StringVar(&s.PreferencesURL, "preferences-url", "", "preferences or unsubscribe URL")
	fs.StringVar(&s.Lang, "lang", "en", "language: en, nl, nb, sv or de")
	fs.IntVar(&s.RetentionMonths, "retention-months", s.RetentionMonths, "months to keep an inactive prospect")
	fs.StringVar(&s.Country, "country", "", "ISO 3166 country national phone numbers are read in (NL, NO, SE, DE, GB...); default: the language's")
	return func(pos []string) error {
		if err := need(pos, 0, "init [--password-file F] [--rep NAME] [--company NAME] [--privacy-url URL] [--preferences-url URL] [--lang en|nl|nb|sv|de] [--country CC]"); err != nil {
			return err
		}
		country, err := consent.ParseCountry(s.Country)
		if err != nil {
			return usagef("%v", err)
		}
		s.Country = country
		s.Rep = e.cfg.Rep
		pass, err := e.newPassphrase()
		if err != nil {
			return err
		}
		db, err := usecase.CreateDatabase(e.cfg, pass, s)
		if err != nil {
			return err
		}
		e.db = db
		how := "the recovery passphrase"
		if db.HasKeyring() {
			how += " or the system keyring"
		}
		fmt.Fprintf(e.stdout, "created %s (unlocks with %s)\n", e.cfg.DB, how)
		return nil
	}
}

// newPassphrase reads a new passphrase from the file, or asks twice on a
// terminal without echo.
func (e *env) newPassphrase() ([]byte, error) {
	if e.cfg.PasswordFile != "" {
		return usecase.ReadPassphrase(e.cfg.PasswordFile)
	}
	f, ok := e.stdin.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil, errors.New("no passphrase: pass --password-file F (or set WARMLEAD_PASSWORD_FILE)")
	}
	fmt.Fprint(e.stderr, "New recovery passphrase: ")
	a, err := term.ReadPassword(int(f.Fd()))
	fmt.Fprintln(e.stderr)
	if err != nil {
		return nil, err
	}
	fmt.Fprint(e.stderr, "Repeat it: ")
	b, err := term.ReadPassword(int(f.Fd()))
	fmt.Fprintln(e.stderr)
	if err != nil {
		return nil, err
	}
	if string(a) != string(b) {
		return nil, errors.New("the two passphrases differ; nothing was changed")
	}
	return a, nil
}

func setupPasswd(fs *flagSet, e *env) func([]string) error {
	var newFile string
	fs.StringVar(&newFile, "new-password-file", "", "file with the new passphrase")
	return func(pos []string) error {
		// cli.md: "passwd [--password-file NEW]". With a keyring the current
		// key unlocks and --password-file names the new passphrase; without
		// one, --password-file unlocks and --new-password-file is the new one.
		cfg := e.cfg
		newPath := newFile
		if newPath == "" {
			newPath, cfg.PasswordFile = cfg.PasswordFile, ""
		}
		if newPath == "" {
			return usagef("usage: warmlead passwd --password-file NEW (unlocking with the keyring), or --password-file OLD --new-password-file NEW")
		}
		newPass, err := usecase.ReadPassphrase(newPath)
		if err != nil {
			return err
		}
		db, err := cfg.OpenUnlocked()
		if err != nil {
			return err
		}
		e.db = db
		uc, err := e.app()
		if err != nil {
			return err
		}
		if err := uc.Settings.ChangePassphrase(newPass); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, "recovery passphrase changed")
		return nil
	}
}

func setupBackup(fs *flagSet, e *env) func([]string) error {
	var out string
	fs.StringVar(&out, "out", "", "backup file to write")
	return func(pos []string) error {
		if out == "" || len(pos) != 0 {
			return usagef("usage: warmlead backup --out FILE")
		}
		uc, err := e.app()
		if err != nil {
			return err
		}
		if _, err := uc.Settings.Backup(out); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "backup written to %s (encrypted; restore it with the recovery passphrase)\n", out)
		return nil
	}
}

func setupRestore(fs *flagSet, e *env) func([]string) error {
	var other bool
	fs.BoolVar(&other, "other-database", false, "allow a backup of another database to replace this one (the replaced file is kept beside it until the next unlock)")
	return func(pos []string) error {
		if err := need(pos, 1, "restore BACKUP-FILE [--other-database]"); err != nil {
			return err
		}
		report, err := usecase.Restore(e.cfg, usecase.RestoreRequest{Src: pos[0], Rep: e.cfg.Rep, OtherDatabase: other})
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "restored %d prospects with %d events from %s\n", report.Prospects, report.Events, pos[0])
		if s := usecase.Reapplied(report); s != "" {
			fmt.Fprintln(e.stdout, s)
		}
		if report.Replaced != "" {
			fmt.Fprintf(e.stdout, "the replaced database is kept at %s until the next successful unlock\n", report.Replaced)
		}
		return nil
	}
}

func setupVerify(fs *flagSet, e *env) func([]string) error {
	var accept string
	fs.StringVar(&accept, "accept", "", "after reading what verify names, take the file as it is now as its state; the reason is audit-logged")
	return func(pos []string) error {
		if err := need(pos, 0, "verify [--accept REASON]"); err != nil {
			return err
		}
		// The file's structure first, holding its lock: unlocking reads
		// through pages that may be the damaged ones.
		db, err := store.Open(e.cfg.DB, e.cfg.Options())
		if err != nil {
			return err
		}
		e.db = db
		if err := db.CheckFile(); err != nil {
			return err
		}
		// A difference from the file's state leaves it unlocked for this.
		if err := e.cfg.Unlock(db); err != nil && !store.IsStateError(err) {
			return err
		}
		r, err := db.Verify()
		if err != nil {
			return err
		}
		for _, p := range r.Problems {
			fmt.Fprintln(e.stdout, "broken: "+safe(oneLine(p.Error())))
		}
		if !r.OK() && accept != "" {
			uc, err := e.app()
			if err != nil {
				return err
			}
			if err := uc.Settings.AcceptState(accept); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "accepted: the file as it is now is its state (audit-logged); %d problem(s) above were seen\n", len(r.Problems))
			return nil
		}
		if !r.OK() {
			return fmt.Errorf("verify found %d problem(s); the first: %v", len(r.Problems), r.Problems[0])
		}
		fmt.Fprintf(e.stdout, "ok: %d prospects, %d events, every chain intact\n", r.Prospects, r.Events)
		return nil
	}
}
