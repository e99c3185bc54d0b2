// Package ui is Warmlead's window: setup, unlock, and the main screens. It
// shows what consent and store decide; slow work runs off the UI goroutine
// through background (bridge.go), the one place that calls fyne.Do.
package ui

import (
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
	"warmlead/store"
	"warmlead/ui/i18n"
	"warmlead/ui/usecase"
)

// appName is the product name, the same in every language.
const appName = "Warmlead"

// prefLang is the app preference that holds the language of the screens
// shown before unlock (setup, unlock, messages). The real choice lives in
// the encrypted settings; this copy is only a language code, not personal
// data, so it may sit in the plain preferences file.
const prefLang = "lang"

// GUI owns the window and the open database, and switches between the
// setup, unlock, message and main screens.
type GUI struct {
	app fyne.App
	win fyne.Window
	cfg usecase.Config

	db       *store.DB
	uc       *usecase.App // the use cases over db, set at unlock
	settings consent.Settings

	lastActivity atomic.Int64 // unix nanoseconds
	idleMinutes  atomic.Int64 // the idle watch reads it off the UI goroutine
	lastFocus    string       // what had focus at the last idle check
	idleCheck    time.Duration
	stopIdle     chan struct{}
	inflight     atomic.Int64   // background jobs whose result is not yet shown
	working      sync.WaitGroup // background work still running (Close waits)
	queue        chan func()    // tests only: results wait here for wait()

	// Remembered while the app runs, for the next stack of business cards.
	lastEvent        string
	cardsThisSession int
	scan             *scanSession // the card photos under review (scan.go), in memory only

	// The screen on show; tests drive these handles.
	setup   *setupScreen
	unlock  *unlockScreen
	message *messageScreen
	older   *olderScreen
	otherDB *otherDBConfirm
	shell   *shell

	lastOffer *copyOffer // the last "no program to open it" dialog, for tests

	team teamWindow // Team.Live and what the window knows of the team (team_live.go)
}

// New prepares the GUI; Start picks the first screen.
func New(a fyne.App, w fyne.Window, cfg usecase.Config) *GUI {
	g := &GUI{app: a, win: w, cfg: cfg, idleCheck: 15 * time.Second}
	guardSaves(func() []string { return []string{g.cfg.DB, g.cfg.PasswordFile} })
	i18n.Use(i18n.Pick(a.Preferences().String(prefLang))) // before any screen is built
	g.touch()
	if dc, ok := w.Canvas().(desktop.Canvas); ok {
		// Keys typed outside a focused widget also count as activity.
		dc.SetOnKeyDown(func(*fyne.KeyEvent) { g.touch() })
	}
	g.installKeys() // Escape closes the top dialog (keys.go)
	return g
}

// Start shows setup for a new database, else opens and unlocks it: with the
// passphrase file when given, else through the keyring, else it asks.
func (g *GUI) Start() {
	if !store.Exists(g.cfg.DB) {
		g.showSetup()
		return
	}
	g.openExisting()
}

func (g *GUI) openExisting() {
	g.showMessage(lang.L("Opening Warmlead…"), "", false)
	var db *store.DB
	g.background(func() error {
		var err error
		db, err = store.Open(g.cfg.DB, g.cfg.Options())
		return err
	}, func(err error) {
		switch {
		case errors.Is(err, store.ErrLocked):
			g.showMessage(lang.L("Warmlead is already open"), errorText(err), true)
		case err != nil:
			g.showMessage(lang.L("Warmlead cannot open its database"), errorText(err), true)
		default:
			g.db = db
			g.autoUnlock()
		}
	})
}

// autoUnlock tries the passphrase file or the keyring without a prompt.
func (g *GUI) autoUnlock() {
	if g.cfg.PasswordFile == "" && g.cfg.NoKeyring {
		g.showUnlock("")
		return
	}
	g.showMessage(lang.L("Unlocking…"), "", false)
	g.background(func() error { return g.cfg.Unlock(g.db) }, func(err error) {
		switch {
		case err == nil:
			g.showMain()
		case errors.Is(err, store.ErrOlderCopy):
			g.showOlderCopy(err, func() error { return g.cfg.Unlock(g.db) })
		case store.IsStateError(err): // state_warning.go
			g.showStateWarning(err)
		case g.cfg.PasswordFile != "":
			g.showUnlock(lang.L("The passphrase file did not unlock the database: {{.Error}}",
				map[string]any{"Error": errorText(err)}))
		default:
			g.showUnlock("")
		}
	})
}

// onUnlocked loads settings, switches to their language and starts the
// idle watch.
func (g *GUI) onUnlocked() {
	g.uc = usecase.New(g.db, usecase.Env{Rep: g.rep, Keep: []string{g.cfg.PasswordFile}})
	if s, err := g.db.Settings(); err == nil {
		g.settings = s
	}
	g.useLanguage(g.settings.Lang)
	g.idleMinutes.Store(int64(g.settings.IdleLockMinutes))
	g.touch()
	g.startIdleWatch()
}

// useLanguage switches the screens to the settings' language and remembers
// it for the next start's setup, unlock and message screens.
func (g *GUI) useLanguage(setting string) {
	code := i18n.Pick(setting)
	i18n.Use(code)
	if g.app.Preferences().String(prefLang) != code {
		g.app.Preferences().SetString(prefLang, code)
	}
}

// rep is who is acting, for events and the audit log.
func (g *GUI) rep() string {
	if g.cfg.Rep != "" {
		return g.cfg.Rep
	}
	return g.settings.Rep
}

func (g *GUI) region() string { return g.settings.PhoneRegion() }

// touch records user activity for the idle lock.
func (g *GUI) touch() { g.lastActivity.Store(time.Now().UnixNano()) }

func (g *GUI) startIdleWatch() {
	g.stopIdleWatch()
	stop := make(chan struct{})
	g.stopIdle = stop
	every := g.idleCheck
	go func() {
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				g.ui(g.checkIdle)
			}
		}
	}()
}

// checkIdle runs on the UI goroutine. Typing into a field counts as
// activity even where no handler notices it (a long evidence text): the
// focused field and its text are compared with the last check.
func (g *GUI) checkIdle() {
	if g.shell == nil {
		return
	}
	if sig := focusSignature(g.win.Canvas().Focused()); sig != g.lastFocus {
		g.lastFocus = sig
		g.touch()
	}
	limit := time.Duration(max(g.idleMinutes.Load(), 1)) * time.Minute
	if time.Since(time.Unix(0, g.lastActivity.Load())) >= limit {
		g.lock(lang.L("Locked after a period without activity."))
	}
}

// focusSignature identifies the focused widget and, for a text field, its
// content.
func focusSignature(o fyne.Focusable) string {
	var e *widget.Entry
	switch v := o.(type) {
	case nil:
		return ""
	case *widget.Entry:
		e = v
	case interface{ textEntry() *widget.Entry }: // the app's own entries (quickEntry, escEntry)
		e = v.textEntry()
	default:
		return fmt.Sprintf("%p", o)
	}
	h := fnv.New64a()
	h.Write([]byte(e.Text))
	return fmt.Sprintf("%p:%x", e, h.Sum64())
}

func (g *GUI) stopIdleWatch() {
	if g.stopIdle != nil {
		close(g.stopIdle)
		g.stopIdle = nil
	}
}

// lock forgets the key and every decrypted value, and asks for the
// passphrase. The keyring is not used to unlock again: locking would
// otherwise protect nothing.
func (g *GUI) lock(why string) {
	if g.db == nil || !g.db.Unlocked() {
		return
	}
	g.stopIdleWatch()
	g.stopTeamLive(2 * time.Second)
	g.db.Lock()
	g.shell, g.scan = nil, nil // the photos leave memory; the batch's marks stay sealed
	g.win.SetMainMenu(nil)
	g.win.SetOnDropped(nil)
	g.showUnlock(why)
}

// Close stops background watches and closes the database.
func (g *GUI) Close() {
	g.stopIdleWatch()
	g.stopTeamLive(10 * time.Second)
	g.working.Wait() // results still queued for the UI are dropped; the data is saved
	if g.db != nil {
		g.db.Close()
		g.db = nil
		g.uc = nil
	}
}

func (g *GUI) setContent(title string, c fyne.CanvasObject) {
	g.setup, g.unlock, g.message, g.older = nil, nil, nil, nil
	if title == "" {
		g.win.SetTitle(appName)
	} else {
		g.win.SetTitle(appName + " — " + title)
	}
	g.win.SetContent(c)
}

// errorText says what went wrong in the rep's language. The store's errors
// are English sentences for the CLI; the ones a rep can meet on screen are
// recognised here. Anything else is shown as it is: better English than
// nothing.
func errorText(err error) string {
	var integrity *store.IntegrityError
	var dup *store.DuplicateError
	var sup *store.SuppressedError
	var path *fs.PathError
	var uc *usecase.Error
	var weak *store.WeakPassphraseError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &uc):
		return i18n.Text(uc.Msg)
	case errors.As(err, &weak):
		return i18n.Text(weak.Msg)
	case errors.Is(err, store.ErrLocked):
		return lang.L("The database is in use by another Warmlead window or command. Close it, then try again.")
	case errors.Is(err, store.ErrWrongPassphrase):
		return lang.L("Wrong passphrase. Nothing was changed; try again.")
	case errors.Is(err, store.ErrNoKeyringKey):
		return lang.L("The system keyring has no key for this database. Unlock with the recovery passphrase.")
	case errors.Is(err, store.ErrKeyringMismatch):
		return lang.L("The key in the system keyring does not open this database. Unlock with the recovery passphrase.")
	case errors.Is(err, store.ErrNotUnlocked):
		return lang.L("The database is locked. Unlock it first.")
	case errors.Is(err, store.ErrNotFound):
		return lang.L("This record no longer exists.")
	case errors.Is(err, store.ErrNoDatabase):
		return lang.L("There is no Warmlead database here yet.")
	case errors.Is(err, store.ErrExists):
		return lang.L("A Warmlead database already exists here.")
	case errors.Is(err, store.ErrNewerSchema):
		return lang.L("A newer Warmlead wrote this database. Update the app before opening it.")
	case errors.Is(err, store.ErrNotWarmlead):
		return lang.L("This file is not a Warmlead database.")
	case errors.As(err, &integrity):
		return lang.L("Part of the database failed its integrity check: the file was changed or damaged there. Restore a backup, or run 'warmlead verify' to see what is affected.")
	case errors.As(err, &dup) && dup.Field == "phone":
		return lang.L("A prospect with this phone number already exists.")
	case errors.As(err, &dup):
		return lang.L("A prospect with this email address already exists.")
	case errors.As(err, &sup) && sup.Declined():
		return i18n.Text(sup.Message())
	case errors.As(err, &sup):
		return lang.L("This person asked to be erased: they may not be added or contacted again.")
	case errors.As(err, &path) && errors.Is(err, fs.ErrNotExist):
		return lang.L("{{.Path}} does not exist.", map[string]any{"Path": path.Path})
	case errors.As(err, &path) && errors.Is(err, fs.ErrPermission):
		return lang.L("Warmlead may not use {{.Path}}: the file's permissions forbid it.", map[string]any{"Path": path.Path})
	case errors.As(err, &path):
		// The system's reason ("no space left on device") stays English.
		return lang.L("Warmlead cannot use {{.Path}} ({{.Reason}}).", map[string]any{"Path": path.Path, "Reason": path.Err.Error()})
	}
	return err.Error()
}
