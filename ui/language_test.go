//go:build ci

package ui

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"warmlead/consent"
	"warmlead/store"
	"warmlead/ui/i18n"
	"warmlead/ui/usecase"
)

// Changing the language in Settings relabels the sidebar and the Settings
// screen at once, keeps the rep on Settings, and survives a restart: the
// unlock screen of the next start speaks it too.
func TestSettingsLanguageSwitchesAndPersists(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.db")
	createDB(t, path, false)
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefLang, "en")
	cfg := usecase.Config{DB: path, NoKeyring: true}
	g := unlockOn(t, a, cfg)
	side := g.win.Canvas().Content()
	if !screenShows(side, "Settings") || screenShows(side, "Instellingen") {
		t.Fatal("the sidebar should start in English")
	}

	g.shell.show("settings")
	g.wait()
	g.shell.settings.lang.SetSelected("Nederlands")
	test.Tap(g.shell.settings.save)
	g.wait()

	s := g.shell
	if s.current != "settings" {
		t.Fatalf("after the switch the rep is on %q, not Settings", s.current)
	}
	content := g.win.Canvas().Content()
	for _, want := range []string{"Vandaag", "Doorverwijzingen", "Instellingen", "Vergrendelen",
		"Taal", "Instellingen opslaan", "Beveiliging", "Instellingen opgeslagen."} {
		if !screenShows(content, want) {
			t.Errorf("after switching to Dutch the window lacks %q", want)
		}
	}
	if screenShows(content, "Save settings") || screenShows(content, "Today") {
		t.Error("English labels are left after switching to Dutch")
	}
	if s.settings.lang.Selected != "Nederlands" {
		t.Errorf("the picker shows %q", s.settings.lang.Selected)
	}
	if got := a.Preferences().String(prefLang); got != "nl" {
		t.Errorf("preference lang = %q, want nl", got)
	}
	if saved, _ := g.db.Settings(); saved.Lang != "nl" {
		t.Errorf("saved language %q", saved.Lang)
	}

	// The next start: back to English first, so only the preference can
	// make the unlock screen Dutch.
	g.Close()
	i18n.Use("en")
	g2 := newTestGUIOn(t, a, cfg)
	g2.Start()
	g2.wait()
	if g2.unlock == nil || g2.unlock.button.Text != "Ontgrendelen" || !screenShows(g2.win.Canvas().Content(), "Warmlead is vergrendeld") {
		t.Fatal("the unlock screen after a restart is not in Dutch")
	}
	test.Type(g2.unlock.pass, pass)
	test.Tap(g2.unlock.button)
	g2.wait()
	if g2.shell == nil || !screenShows(g2.win.Canvas().Content(), "Vandaag") {
		t.Fatal("the main window after a restart is not in Dutch")
	}
}

// Before unlock the language preference decides: setup in German, the
// unlock screen and its errors in Swedish. Setup's own choice then rules
// the main window and becomes the preference.
func TestSetupAndUnlockFollowThePreference(t *testing.T) {
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefLang, "de")
	g := newTestGUIOn(t, a, usecase.Config{DB: filepath.Join(t.TempDir(), "w.db"), NoKeyring: true})
	g.Start()
	s := g.setup
	if s == nil || s.create.Text != "Meine Datenbank anlegen" || s.lang.Selected != "Deutsch" ||
		!screenShows(g.win.Canvas().Content(), "Willkommen bei Warmlead") || g.win.Title() != "Warmlead — Einrichtung" {
		t.Fatalf("setup is not in German (title %q)", g.win.Title())
	}
	test.Type(s.rep, "Rita Rep")
	s.pass.SetText("short")
	s.pass2.SetText("short")
	test.Tap(s.create)
	if !strings.HasPrefix(s.status.Text, "Zu kurz") {
		t.Errorf("short passphrase in German: %q", s.status.Text)
	}
	s.pass.SetText(pass)
	s.pass2.SetText(pass)
	s.lang.SetSelected("Svenska")
	test.Tap(s.create)
	g.wait()
	if g.shell == nil || !screenShows(g.win.Canvas().Content(), "Inställningar") {
		t.Fatal("the main window after a Swedish setup is not in Swedish")
	}
	if got := a.Preferences().String(prefLang); got != "sv" {
		t.Errorf("preference lang = %q after setup, want sv", got)
	}

	path := filepath.Join(t.TempDir(), "other.db")
	createDB(t, path, false)
	i18n.Use("en")
	u := newTestGUIOn(t, a, usecase.Config{DB: path, NoKeyring: true})
	u.Start()
	u.wait()
	if u.unlock == nil || u.unlock.button.Text != "Lås upp" {
		t.Fatal("the unlock screen does not follow the Swedish preference")
	}
	test.Type(u.unlock.pass, "not the passphrase")
	test.Tap(u.unlock.button)
	u.wait()
	if !strings.HasPrefix(u.unlock.status.Text, "Fel lösenfras") {
		t.Errorf("wrong passphrase in Swedish: %q", u.unlock.status.Text)
	}
}

// A Today row writes its date the language's way, and its action and the
// summary are translated.
func TestTodayRowFollowsLanguage(t *testing.T) {
	g := openMain(t, consent.Prospect{Name: "Lena List", Company: "Lijst BV", Email: "lena@lijst.example",
		Source: consent.SourceList, ListVendor: "Adressenbureau"})
	today := g.shell.today
	today.refresh()
	g.wait()
	if len(today.items) == 0 {
		t.Fatal("a purchased-list prospect should owe a notice on Today")
	}
	when := today.items[0].Date.Local()
	check := func(code, date, action, summary string) {
		t.Helper()
		row := today.list.CreateItem()
		today.list.UpdateItem(0, row)
		left := row.(*fyne.Container).Objects[1].(*fyne.Container)
		if got := left.Objects[0].(*widget.Label).Text; got != date {
			t.Errorf("%s: date %q, want %q", code, got, date)
		}
		if got := row.(*fyne.Container).Objects[2].(*fyne.Container).Objects[1].(*widget.Button).Text; got != action {
			t.Errorf("%s: action %q, want %q", code, got, action)
		}
		if reason := row.(*fyne.Container).Objects[0].(*widget.Label).Text; reason == "" {
			t.Errorf("%s: no reason shown", code)
		}
		if !strings.Contains(today.summary.Text, summary) {
			t.Errorf("%s: summary %q lacks %q", code, today.summary.Text, summary)
		}
	}
	check("en", when.Format("2 Jan 2006"), "Write notice", "1 prospect")

	for _, c := range []struct{ name, code, layout, action, summary string }{
		{"Svenska", "sv", "2006-01-02", "Skriv informationsbrev", "1 prospekt"},
		{"Deutsch", "de", "2.1.2006", "Hinweis schreiben", "1 Interessent"},
	} {
		g.shell.show("settings")
		g.shell.settings.lang.SetSelected(c.name)
		test.Tap(g.shell.settings.save)
		g.wait()
		g.shell.show("today")
		g.wait()
		today = g.shell.today
		check(c.code, when.Format(c.layout), c.action, c.summary)
	}
}

// The store's errors reach the rep in their language, wrapped or not;
// an unknown error keeps its own text.
func TestErrorTextTranslatesStoreErrors(t *testing.T) {
	defer i18n.Use("en")
	i18n.Use("de")
	for err, want := range map[error]string{
		fmt.Errorf("open: %w", store.ErrLocked):                      "Die Datenbank wird von einem anderen Warmlead-Fenster",
		store.ErrWrongPassphrase:                                     "Falsche Passphrase.",
		&store.IntegrityError{Bucket: "p", Key: "prospect 1"}:        "Integritätsprüfung nicht bestanden",
		&store.DuplicateError{ID: 3, Field: "phone"}:                 "mit dieser Telefonnummer",
		&fs.PathError{Op: "open", Path: "/x/y", Err: fs.ErrNotExist}: "/x/y existiert nicht.",
		errors.New("something new"):                                  "something new",
	} {
		if got := errorText(err); !strings.Contains(got, want) {
			t.Errorf("errorText(%v) = %q, want it to contain %q", err, got, want)
		}
	}
}

// unlockOn starts a GUI on app a and unlocks it with the passphrase.
func unlockOn(t *testing.T, a fyne.App, cfg usecase.Config) *GUI {
	t.Helper()
	return startUnlocked(t, newTestGUIOn(t, a, cfg))
}

// screenShows reports whether any label, button, choice or text drawn under
// o reads exactly s, looking inside widgets (lists, forms, splits).
func screenShows(o fyne.CanvasObject, s string) bool {
	return anyUnder(o, true, true, func(o fyne.CanvasObject) bool {
		switch v := o.(type) {
		case *widget.Label:
			return v.Text == s
		case *widget.Button:
			return v.Text == s
		case *widget.Select:
			return v.Selected == s
		case *canvas.Text:
			return v.Text == s
		}
		return false
	})
}
