package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/zalando/go-keyring"

	"warmlead/consent"
	"warmlead/store"
	"warmlead/ui/i18n"
	"warmlead/ui/usecase"
)

const pass = "purple otter mountain"

// TestMain swaps the OS keyring for go-keyring's in-memory mock; the real
// Secret Service is exercised by the keyring integration test.
func TestMain(m *testing.M) {
	keyring.MockInit()
	os.Exit(m.Run())
}

// newTestGUI starts a GUI on a temp database path with the mock keyring. It
// speaks English whatever the machine's locale: the language preference says
// so, as it would after an English setup.
func newTestGUI(t *testing.T, cfg usecase.Config) *GUI {
	t.Helper()
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefLang, "en")
	return newTestGUIOn(t, a, cfg)
}

// newTestGUIOn starts a GUI on app a, whose preferences the test chose (a
// second GUI on the same app is the next start of Warmlead).
func newTestGUIOn(t *testing.T, a fyne.App, cfg usecase.Config) *GUI {
	t.Helper()
	t.Cleanup(func() { i18n.Use("en") }) // tests after this one read English
	w := a.NewWindow("Warmlead")
	w.Resize(fyne.NewSize(1100, 720))
	if cfg.DB == "" {
		cfg.DB = filepath.Join(t.TempDir(), "warmlead.db")
	}
	g := New(a, w, cfg)
	g.queue = make(chan func(), 4096)
	t.Cleanup(g.Close)
	return g
}

// createDB makes a database as setup would, then closes it.
func createDB(t *testing.T, path string, kr bool, names ...string) {
	t.Helper()
	o := store.Options{KDF: store.FastKDF()}
	if kr {
		o.Keyring = store.OSKeyring{}
	}
	s := consent.DefaultSettings()
	s.Rep, s.Company = "Rita Rep", "Acme BV"
	s.PrivacyURL, s.PreferencesURL = "https://acme.example/privacy", "https://acme.example/preferences"
	db, err := store.Create(path, []byte(pass), s, o)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		if _, err := db.AddProspect(consent.Prospect{Name: n, Company: "Acme", Source: consent.SourceCard}, store.AddOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
}

func TestSetupFlowCreatesDatabaseAndOpensMainWindow(t *testing.T) {
	g := newTestGUI(t, usecase.Config{})
	g.Start()
	s := g.setup
	if s == nil {
		t.Fatal("a fresh start did not show setup")
	}
	test.Type(s.rep, "Rita Rep")
	test.Type(s.company, "Acme BV")
	test.Type(s.privacy, "https://acme.example/privacy")
	test.Type(s.prefs, "https://acme.example/preferences")
	s.lang.SetSelected("Nederlands")

	// Mismatched passphrases: an error, no file.
	test.Type(s.pass, pass)
	test.Type(s.pass2, pass+"x")
	test.Tap(s.create)
	g.wait()
	if !strings.Contains(s.status.Text, "differ") || store.Exists(g.cfg.DB) {
		t.Fatalf("mismatch: status %q, file exists %v", s.status.Text, store.Exists(g.cfg.DB))
	}
	if s.meter.Value < 2 {
		t.Fatalf("strength meter shows %v for a three-word passphrase", s.meter.Value)
	}
	s.pass2.SetText(pass)
	test.Tap(s.create)
	g.wait()
	if g.shell == nil {
		t.Fatalf("setup did not open the main window; status %q", s.status.Text)
	}
	if !strings.HasPrefix(g.win.Title(), "Warmlead") {
		t.Fatalf("title %q", g.win.Title())
	}
	if g.settings.Lang != "nl" || g.settings.Company != "Acme BV" || !g.db.HasKeyring() {
		t.Fatalf("settings %+v, keyring %v", g.settings, g.db.HasKeyring())
	}
}

func TestSetupRefusesShortPassphraseAndBadURL(t *testing.T) {
	g := newTestGUI(t, usecase.Config{NoKeyring: true})
	g.Start()
	s := g.setup
	test.Type(s.rep, "Rita")
	s.pass.SetText("short")
	s.pass2.SetText("short")
	test.Tap(s.create)
	if !strings.Contains(s.status.Text, "Too short") || store.Exists(g.cfg.DB) {
		t.Fatalf("short passphrase: %q", s.status.Text)
	}
	s.pass.SetText(pass)
	s.pass2.SetText(pass)
	test.Type(s.privacy, "acme.example/privacy")
	test.Tap(s.create)
	if !strings.Contains(s.status.Text, "https://") || store.Exists(g.cfg.DB) {
		t.Fatalf("bad URL: %q", s.status.Text)
	}
}

func TestKeyringUnlocksSilently(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.db")
	createDB(t, path, true, "Anna")
	g := newTestGUI(t, usecase.Config{DB: path})
	g.Start()
	g.wait()
	if g.shell == nil {
		t.Fatal("keyring did not unlock without a prompt")
	}
}

func TestUnlockWrongThenRightPassphrase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.db")
	createDB(t, path, false, "Anna")
	before, _ := os.ReadFile(path)
	g := newTestGUI(t, usecase.Config{DB: path, NoKeyring: true})
	g.Start()
	g.wait()
	u := g.unlock
	if u == nil {
		t.Fatal("no unlock screen without keyring")
	}
	test.Type(u.pass, "wrong passphrase")
	test.Tap(u.button)
	g.wait()
	if !strings.Contains(u.status.Text, "Wrong passphrase") || g.shell != nil {
		t.Fatalf("wrong passphrase: %q", u.status.Text)
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Fatal("a wrong passphrase changed the file")
	}
	test.Type(u.pass, pass)
	test.Tap(u.button)
	g.wait()
	if g.shell == nil || g.db.Index().Count() != 1 {
		t.Fatal("right passphrase did not open the main window")
	}
}

func TestPassphraseFileUnlocksWithoutAsking(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.db")
	createDB(t, path, false)
	if g := startWithPassphraseFile(t, path); g.shell == nil {
		t.Fatal("passphrase file did not unlock")
	}
}

func TestSecondInstanceIsToldDatabaseInUse(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.db")
	createDB(t, path, false)
	first, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	g := newTestGUI(t, usecase.Config{DB: path, NoKeyring: true})
	start := time.Now()
	g.Start()
	g.wait()
	if g.message == nil || !strings.Contains(g.message.text.Text, "in use by another Warmlead") || g.message.retry == nil {
		t.Fatalf("no in-use message: %+v", g.message)
	}
	if time.Since(start) > 3*time.Second {
		t.Fatal("took too long to report the lock")
	}
}

func TestNavigationAddProspectAndLock(t *testing.T) {
	g, _ := newUnlockedGUI(t)
	s := g.shell
	for i, sec := range sectionList {
		s.nav.Select(i)
		g.wait()
		if s.current != sec.id || len(s.body.Objects) != 1 {
			t.Fatalf("section %s not shown", sec.id)
		}
	}
	s.show("prospects")
	g.wait()
	if !hasText(s.prospects.root, "No prospects yet") {
		t.Fatal("empty prospects screen has no honest empty state")
	}
	f := showProspectForm(g, nil, func(consent.Prospect) { s.prospects.refresh() })
	test.Type(f.name, "Jørgen Ångström")
	test.Type(f.company, "Nordlys AS")
	test.Type(f.email, "not-an-email")
	test.Tap(f.save)
	g.wait()
	if !strings.Contains(f.status.Text, "not an email") || f.name.Text != "Jørgen Ångström" {
		t.Fatalf("bad email: status %q, name kept %q", f.status.Text, f.name.Text)
	}
	f.email.SetText("jorgen@nordlys.example")
	test.Tap(f.save)
	g.wait()
	if g.db.Index().Count() != 1 {
		t.Fatalf("prospect not saved: %q", f.status.Text)
	}
	test.Type(s.prospects.search, "angstrom")
	g.wait()
	if len(s.prospects.results) != 1 {
		t.Fatalf("search found %d", len(s.prospects.results))
	}
	s.prospects.list.Select(0)
	g.wait()
	if s.prospects.detail.name.Text != "Jørgen Ångström" || len(s.prospects.detail.events) != 1 {
		t.Fatalf("detail shows %q with %d events", s.prospects.detail.name.Text, len(s.prospects.detail.events))
	}
	log, _ := g.db.AuditLog()
	if len(log) == 0 || log[len(log)-1].Action != "viewed" {
		t.Fatal("viewing a prospect was not audit-logged")
	}

	test.Tap(s.lockBtn)
	if g.unlock == nil || g.db.Unlocked() || g.db.Index().Count() != 0 {
		t.Fatal("Lock left data readable")
	}
}

func TestIdleLock(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.db")
	createDB(t, path, false, "Idle Ida")
	g := newTestGUI(t, usecase.Config{DB: path, NoKeyring: true})
	g.idleCheck = 5 * time.Millisecond
	startUnlocked(t, g)
	// Typing into a field counts as activity, even without a handler.
	f := showProspectForm(g, nil, nil)
	g.win.Canvas().Focus(f.name)
	g.lastActivity.Store(time.Now().Add(-time.Hour).UnixNano())
	g.checkIdle() // records what has focus
	test.Type(f.name, "Still typing")
	g.lastActivity.Store(time.Now().Add(-time.Hour).UnixNano())
	g.checkIdle()
	if !g.db.Unlocked() {
		t.Fatal("locked while the rep was typing")
	}
	f.dlg.Hide()
	g.win.Canvas().Unfocus()
	g.checkIdle() // the focus change itself counts once
	g.lastActivity.Store(time.Now().Add(-time.Hour).UnixNano())
	deadline := time.Now().Add(5 * time.Second)
	for g.db.Unlocked() && time.Now().Before(deadline) {
		g.wait() // delivers the idle watch's lock once it fires
		time.Sleep(5 * time.Millisecond)
	}
	if g.db.Unlocked() || g.unlock == nil || !strings.Contains(g.unlock.status.Text, "without activity") {
		t.Fatal("idle timeout did not lock")
	}
}

func TestSettingsSave(t *testing.T) {
	g, _ := newUnlockedGUI(t)
	g.shell.show("settings")
	st := g.shell.settings
	st.retention.SetText("zero")
	test.Tap(st.save)
	if !strings.Contains(st.status.Text, "whole number") {
		t.Fatalf("bad retention accepted: %q", st.status.Text)
	}
	st.retention.SetText("24")
	st.idle.SetText("5")
	test.Tap(st.save)
	g.wait()
	saved, _ := g.db.Settings()
	if saved.RetentionMonths != 24 || saved.IdleLockMinutes != 5 {
		t.Fatalf("saved %+v", saved)
	}
}

// hasText reports whether any label under o shows text containing s.
func hasText(o fyne.CanvasObject, s string) bool {
	return anyUnder(o, false, false, func(o fyne.CanvasObject) bool {
		l, ok := o.(*widget.Label)
		return ok && strings.Contains(l.Text, s)
	})
}

// hasDisabledButton reports whether a disabled button with this text is under o.
func hasDisabledButton(o fyne.CanvasObject, text string) bool {
	return anyUnder(o, false, false, func(o fyne.CanvasObject) bool {
		b, ok := o.(*widget.Button)
		return ok && b.Text == text && b.Disabled()
	})
}

func storeOpts(g *GUI) store.AddOptions { return store.AddOptions{Rep: g.rep(), Region: g.region()} }

// hasEntryText reports whether an entry under o holds text containing s.
func hasEntryText(o fyne.CanvasObject, s string) bool {
	return anyUnder(o, true, false, func(o fyne.CanvasObject) bool {
		switch e := o.(type) {
		case *widget.Entry:
			return strings.Contains(e.Text, s)
		case *escEntry: // a dialog's entry (keys.go)
			return strings.Contains(e.Text, s)
		}
		return false
	})
}

// anyUnder reports whether match holds for o or for anything under it:
// the objects of containers, and with intoWidgets the parts widgets draw
// (lists, forms, splits); with visibleOnly hidden objects and what they
// hold are skipped.
func anyUnder(o fyne.CanvasObject, intoWidgets, visibleOnly bool, match func(fyne.CanvasObject) bool) bool {
	if o == nil || (visibleOnly && !o.Visible()) {
		return false
	}
	if match(o) {
		return true
	}
	var children []fyne.CanvasObject
	switch v := o.(type) {
	case *fyne.Container:
		children = v.Objects
	case fyne.Widget:
		if intoWidgets {
			children = test.WidgetRenderer(v).Objects()
		}
	}
	for _, c := range children {
		if anyUnder(c, intoWidgets, visibleOnly, match) {
			return true
		}
	}
	return false
}
