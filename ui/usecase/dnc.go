package usecase

import (
	"io"
	"path/filepath"
	"strings"
	"time"

	"warmlead/consent"
	"warmlead/store"
)

// DNC imports do-not-call registers and answers whether a number is on one.
type DNC struct {
	env  Env
	st   dncStore
	team *Team // publishes the manager's registers to the team (team_live.go)
}

// dncStore is what DNC needs of the store (*store.DB in the app).
type dncStore interface {
	Record(id uint64) (consent.Record, error)
	Settings() (consent.Settings, error)
	ImportDNC(name string, e164 []string, now time.Time) (store.Register, error)
}

var errCannotReadRegister = newTemplate(CodeFailed, "cannot read the register file: {{.Error}}")

// DNCResult is what a register import did: the register as stored, and
// the lines of the file that gave no number (their reasons never quote
// the line).
type DNCResult struct {
	Register store.Register
	Bad      []consent.DNCBadLine
}

// Import reads a register file (one number a line, or CSV with a number
// column; national numbers are read in the settings' region) and replaces
// the register called name with its numbers; an empty name is the file's
// name without its extension. Bad is filled even when the store then
// refuses, so the skipped lines can still be shown.
func (u *DNC) Import(path, name string) (DNCResult, error) {
	var res DNCResult
	name = strings.TrimSpace(name)
	if name == "" {
		name = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	}
	region := phoneRegion(u.st)
	// A regular file of sane size only: the database is open (and locked)
	// while the register is read, so /dev/zero must not be read forever.
	f, err := OpenInput(path, MaxDNCFile, RegularOnly)
	if err != nil {
		return res, errCannotReadRegister.Wrap(err, "Error", err.Error())
	}
	defer f.Close()
	parsed, err := consent.ParseDNC(io.LimitReader(f, MaxDNCFile), region)
	if err != nil {
		return res, err
	}
	res.Bad = parsed.Bad
	res.Register, err = u.st.ImportDNC(name, parsed.Numbers, u.env.now())
	if err == nil && u.team != nil {
		err = u.team.publishRegister(name, parsed.Numbers)
	}
	return res, err
}
