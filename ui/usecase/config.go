package usecase

// What the window and the commands share before any use case runs: where
// the database is and how it is unlocked (global flags and environment).

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"warmlead/store"
)

// AppID is the application id; FyneApp.toml carries the same (a test
// checks), so the GUI's storage folder and the CLI's default path agree.
const AppID = "eu.warmlead.desktop"

// Config is what the global flags and environment say.
type Config struct {
	DB           string // database file
	PasswordFile string // recovery passphrase file; empty: use the keyring
	NoKeyring    bool   // never touch the OS keyring
	Rep          string // who is acting; empty: from settings
	// StateDir keeps, per database id, the generation last opened here
	// (store/generation.go); WARMLEAD_STATE_DIR, else a folder in the
	// user's config folder. No personal data in it.
	StateDir string
	// AcceptOlder opens a file older than the one last opened here
	// (--accept-older).
	AcceptOlder bool
}

// ConfigFromEnv reads WARMLEAD_* variables; flags override them later.
func ConfigFromEnv() Config {
	c := Config{
		DB:           os.Getenv("WARMLEAD_DB"),
		PasswordFile: os.Getenv("WARMLEAD_PASSWORD_FILE"),
		NoKeyring:    os.Getenv("WARMLEAD_NO_KEYRING") == "1",
		Rep:          os.Getenv("WARMLEAD_REP"),
		StateDir:     os.Getenv("WARMLEAD_STATE_DIR"),
	}
	if c.DB == "" {
		c.DB = DefaultDBPath()
	}
	if c.StateDir == "" {
		c.StateDir = DefaultStateDir()
	}
	return c
}

// DefaultDBPath is the database in the app's storage folder for the current
// user: on Linux the folder Fyne gives the app ($XDG_CONFIG_HOME/fyne/ID).
func DefaultDBPath() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		dir = "."
	}
	return filepath.Join(dir, "fyne", AppID, "warmlead.db")
}

// DefaultStateDir is where the generation last seen of each database is
// kept when no keyring is: beside the app's folder, not in it, so copying
// the app's folder back from an old copy does not copy it back too.
func DefaultStateDir() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "warmlead-state")
}

// Options turns the config into store options.
func (c Config) Options() store.Options {
	o := store.Options{Timeout: time.Second, StateDir: c.StateDir, AcceptOlder: c.AcceptOlder}
	if !c.NoKeyring {
		o.Keyring = store.OSKeyring{}
	}
	return o
}

// ReadPassphrase reads a passphrase file (a regular file or a pipe, at most
// MaxPassphraseFile bytes): its first line, without the line end.
func ReadPassphrase(path string) ([]byte, error) {
	// Capped and never a device: --password-file /dev/zero is refused at
	// once instead of read until memory runs out.
	b, err := ReadInput(path, MaxPassphraseFile, PipesToo)
	if err != nil {
		return nil, fmt.Errorf("cannot read the passphrase file: %w", err)
	}
	s := string(b)
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		s = s[:i]
	}
	if s == "" {
		return nil, errors.New("the passphrase file is empty")
	}
	return []byte(s), nil
}

// OpenUnlocked opens the database and unlocks it without a prompt: with the
// passphrase file when given, else through the keyring.
func (c Config) OpenUnlocked() (*store.DB, error) {
	db, err := store.Open(c.DB, c.Options())
	if err != nil {
		return nil, err
	}
	if err := c.Unlock(db); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// Unlock unlocks an open database the way the config says.
func (c Config) Unlock(db *store.DB) error {
	if c.PasswordFile != "" {
		pass, err := ReadPassphrase(c.PasswordFile)
		if err != nil {
			return err
		}
		return db.UnlockPassphrase(pass)
	}
	if c.NoKeyring {
		return errors.New("no passphrase given and the keyring is off: pass --password-file or set WARMLEAD_PASSWORD_FILE")
	}
	err := db.UnlockKeyring()
	if errors.Is(err, store.ErrNoKeyringKey) {
		return fmt.Errorf("%w (or pass --password-file)", err)
	}
	return err
}
