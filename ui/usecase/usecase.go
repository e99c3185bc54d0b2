// Package usecase is Warmlead's application layer: every use case once,
// called by the window (package ui) and by the headless commands (ui/cli).
// A use case validates through consent, writes its events and its audit
// entry in one transaction (store.Change), and returns typed results and
// *Error values the screens translate and the commands print in English.
//
// One type per use case family, each in its own file with the small part
// of the store it needs declared as an interface beside it, so a test can
// run a family on the real store or on a fake. Nothing here imports Fyne.
package usecase

import (
	"time"

	"warmlead/store"
)

// Env is who acts and when. Rep is asked at each use case (the settings may
// change the rep's name while the app runs); Now is the clock, fixed in
// tests.
type Env struct {
	Rep func() string
	Now func() time.Time
	// Keep names files no output may overwrite besides the database (its
	// passphrase file); New adds the database itself.
	Keep []string

	db string // the database file, first of what outputs must not overwrite
}

// keep is what WriteOutFile must not overwrite: the database first.
func (e Env) keep() []string { return append([]string{e.db}, e.Keep...) }

func (e Env) rep() string {
	if e.Rep == nil {
		return ""
	}
	return e.Rep()
}

func (e Env) now() time.Time {
	if e.Now == nil {
		return time.Now()
	}
	return e.Now()
}

// App is every use case over one unlocked database.
type App struct {
	Prospects *Prospects
	Imports   *Imports
	Consents  *Consents
	Calls     *Calls
	Referrals *Referrals
	Rights    *Rights
	Deadlines *Deadlines
	Documents *Documents
	Settings  *Settings
	DNC       *DNC
	Insight   *Insight
	Scans     *Scans  // card photos: read, review, save
	Bulk      *Bulk   // an action on a selection of the list (bulk.go)
	Merges    *Merges // two prospects found to be one person (merge.go)
	Tasks     *Tasks
	Messages  *Messages
	Team      *Team // the sales team on PostgreSQL (team_api.go)
}

// New binds the use cases to db, an open database (unlocked before use).
func New(db *store.DB, env Env) *App {
	env.db = db.Path()
	prospects := &Prospects{env: env, st: db}
	app := &App{
		Prospects: prospects,
		Imports:   &Imports{env: env, st: db},
		Consents:  &Consents{env: env, st: db},
		Calls:     &Calls{env: env, st: db},
		Referrals: &Referrals{env: env, st: db},
		Rights:    &Rights{env: env, st: db},
		Deadlines: &Deadlines{env: env, st: db},
		Documents: &Documents{env: env, st: db},
		Settings:  &Settings{env: env, st: db},
		DNC:       &DNC{env: env, st: db},
		Insight:   &Insight{env: env, st: db},
		Scans:     &Scans{env: env, st: db, prospects: prospects},
		Merges:    &Merges{env: env, st: db},
		Tasks:     &Tasks{env: env, st: db},
		Messages:  &Messages{env: env, st: db},
		Team:      &Team{env: env, st: db},
	}
	app.DNC.team = app.Team // a manager's register import is published to the team
	app.Bulk = &Bulk{env: env, st: db, prospects: app.Prospects, consents: app.Consents, rights: app.Rights, documents: app.Documents}
	db.KeepView(todayViewName, app.Deadlines.keptToday) // Today's cache, for the next start (today_view.go)
	return app
}
