// Package ui is Warmlead's window: setup, unlock, and the main screens. It
// shows what consent and store decide; slow work runs off the UI goroutine
// through background (bridge.go), the one place that calls fyne.Do.
package ui

import (
	"errors"
	"fmt"
	"hash/fnv"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
	"warmlead/store"
	"warmlead/ui/cli"
)

// GUI owns the window and the open database, and switches between the
// setup, unlock, message and main screens.
type GUI struct {
	app fyne.App
	win fyne.Window
	cfg cli.Config

	db       *store.DB
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

	// The screen on show; tests drive these handles.
	setup   *setupScreen
	unlock  *unlockScreen
	message *messageScreen
	shell   *shell
}

// New prepares the GUI; Start picks the first screen.
func New(a fyne.App, w fyne.Window, cfg cli.Config) *GUI {
	g := &GUI{app: a, win: w, cfg: cfg, idleCheck: 15 * time.Second}
	g.touch()
	if dc, ok := w.Canvas().(desktop.Canvas); ok {
		// Keys typed outside a focused widget also count as activity.
		dc.SetOnKeyDown(func(*fyne.KeyEvent) { g.touch() })
	}
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
	g.showMessage("Opening Warmlead…", "", false)
	var db *store.DB
	g.background(func() error {
		var err error
		db, err = store.Open(g.cfg.DB, g.cfg.Options())
		return err
	}, func(err error) {
		switch {
		case errors.Is(err, store.ErrLocked):
			g.showMessage("Warmlead is already open",
				"The database is in use by another Warmlead window or command. Close it, then press Try again.", true)
		case err != nil:
			g.showMessage("Warmlead cannot open its database", err.Error(), true)
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
	g.showMessage("Unlocking…", "", false)
	g.background(func() error { return g.cfg.Unlock(g.db) }, func(err error) {
		switch {
		case err == nil:
			g.showMain()
		case g.cfg.PasswordFile != "":
			g.showUnlock("The passphrase file did not unlock the database: " + err.Error())
		default:
			g.showUnlock("")
		}
	})
}

// onUnlocked loads settings and starts the idle watch.
func (g *GUI) onUnlocked() {
	if s, err := g.db.Settings(); err == nil {
		g.settings = s
	}
	g.idleMinutes.Store(int64(g.settings.IdleLockMinutes))
	g.touch()
	g.startIdleWatch()
}

// rep is who is acting, for events and the audit log.
func (g *GUI) rep() string {
	if g.cfg.Rep != "" {
		return g.cfg.Rep
	}
	return g.settings.Rep
}

func (g *GUI) region() string { return consent.RegionForLanguage(g.settings.Lang) }

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
		g.lock("Locked after a period without activity.")
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
	case *quickEntry:
		e = &v.Entry
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
	g.db.Lock()
	g.shell = nil
	g.win.SetMainMenu(nil)
	g.win.SetOnDropped(nil)
	g.showUnlock(why)
}

// Close stops background watches and closes the database.
func (g *GUI) Close() {
	g.stopIdleWatch()
	g.working.Wait() // results still queued for the UI are dropped; the data is saved
	if g.db != nil {
		g.db.Close()
		g.db = nil
	}
}

func (g *GUI) setContent(title string, c fyne.CanvasObject) {
	g.setup, g.unlock, g.message = nil, nil, nil
	if title == "" {
		g.win.SetTitle("Warmlead")
	} else {
		g.win.SetTitle("Warmlead — " + title)
	}
	g.win.SetContent(c)
}
