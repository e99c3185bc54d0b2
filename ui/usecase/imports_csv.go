package usecase

import (
	"errors"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"warmlead/consent"
	"warmlead/consent/csvin"
	"warmlead/store"
)

// The sentences of the CSV import, for the window and the command alike
// (the flag each answer is given with stands in brackets).
var (
	tplCSVNeedsSource = newTemplate(CodeInvalid, "say where the rows come from (--source list, customer, inbound, card, cold-call, referral or social), or map the file's source column")
	tplCSVListVendor  = newTemplate(CodeInvalid, "a bought list needs its vendor: name it (--list-vendor NAME) or map the file's vendor column")
	tplCSVNoName      = newTemplate(CodeInvalid, "no column is mapped to the name (or first and last name) or the email: map one (--map COLUMN=name)")
	tplCSVConsentSrc  = newTemplate(CodeInvalid, "consent columns are read from web-form exports only: say the rows come from a web form (--source inbound), or set those columns to ignore")
	tplCSVConsentTime = newTemplate(CodeInvalid, "consent columns need the time consent was given: map the form's submission time to consent_time, or its double opt-in confirmation to confirm_time")
)

// The CSV reader's sentences are the import's too.
func init() { registerTemplates(CodeInvalid, csvin.Templates()) }

// registerTemplates declares sentences a lower layer words, so the
// translation check covers them.
func registerTemplates(code Code, texts []string) {
	for _, t := range texts {
		newTemplate(code, t)
	}
}

// CSVFile is a CSV file read for its import: the table, and the mapping
// guessed from its header, which the rep (or --map) may change.
type CSVFile struct {
	Name    string // the file's base name, as problems and evidence name it
	Table   *csvin.Table
	Mapping csvin.Mapping
}

// CSVOptions are the rep's answers: the mapping, where the rows come from
// (no default: Source "" takes each row's source column, which must then be
// mapped), the list's vendor and the event.
type CSVOptions struct {
	Mapping  csvin.Mapping
	Source   consent.Source
	Vendor   string
	Country  string // ISO 3166 country for national numbers; "" is the setting's
	Event    string
	KeepBoth bool // never merge: add rows matching a prospect as new ones
	Progress func(done, total int)
}

// CSVResult is what a CSV import did: the summary (rows that failed before
// the store saw them first), warnings about rows imported with something
// left out, and how many web-form consents were recorded.
type CSVResult struct {
	Summary  store.ImportSummary
	Warnings []store.ImportProblem
	Consents int
}

// IsCSV tells a CSV file from a vCard one: by its extension (.csv, .tsv),
// else by its first kilobytes (csvin.Looks). A file that cannot be read is
// not CSV (the vCard import then says why it cannot be read).
func IsCSV(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv", ".tsv":
		return true
	case ".vcf", ".vcard":
		return false
	}
	f, err := OpenInput(path, 1<<62, RegularOnly)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 8<<10)
	n, _ := io.ReadFull(f, head)
	return csvin.Looks(head[:n])
}

// ReadCSV reads a CSV file whole and guesses its mapping (no database
// needed: a dry run and the mapping screen read it first). A file that
// cannot be read, or is no table, is an *Error.
func ReadCSV(path string) (*CSVFile, error) {
	name := filepath.Base(path)
	lim := csvin.DefaultLimits()
	f, err := OpenInput(path, lim.MaxBytes, RegularOnly)
	if err != nil {
		return nil, tplCannotReadFile.Wrap(err, "Error", err.Error())
	}
	defer f.Close()
	t, err := csvin.Read(f, lim)
	if err != nil {
		var fe *csvin.FileError
		if errors.As(err, &fe) {
			return nil, &Error{Code: CodeFailed, Msg: fe.Msg, Err: err}
		}
		return nil, tplCannotReadFile.Wrap(err, "Error", err.Error())
	}
	return &CSVFile{Name: name, Table: t, Mapping: csvin.AutoMap(t.Header)}, nil
}

// CheckCSV checks the rep's answers against the mapping before anything is
// read: a source (or the source column), a bought list's vendor, a name
// or email column, and consent columns only from a web form with the time
// consent was given.
func CheckCSV(o CSVOptions) error {
	m := o.Mapping
	switch {
	case o.Source == "" && !m.Has(csvin.Source):
		return tplCSVNeedsSource.New()
	case o.Source == consent.SourceList && strings.TrimSpace(o.Vendor) == "" && !m.Has(csvin.ListVendor):
		return tplCSVListVendor.New()
	case !m.Has(csvin.Name) && !m.Has(csvin.FirstName) && !m.Has(csvin.LastName) && !m.Has(csvin.Email):
		return tplCSVNoName.New()
	case m.HasConsent() && o.Source != consent.SourceInbound:
		return tplCSVConsentSrc.New()
	case m.HasConsent() && !m.Has(csvin.ConsentTime) && !m.Has(csvin.ConfirmTime):
		return tplCSVConsentTime.New()
	}
	if o.Source != "" {
		if _, err := consent.ParseSource(string(o.Source)); err != nil {
			return tplCSVNeedsSource.Wrap(err)
		}
	}
	return nil
}

// ImportCSV imports every row of f through the rep's answers in ONE
// transaction, with each row's web-form consents (method web-form, the row
// as evidence). A row that cannot be read fails alone; the error is for a
// refused answer (CheckCSV) or the store failing, and then nothing was
// imported.
func (u *Imports) ImportCSV(f *CSVFile, o CSVOptions) (CSVResult, error) {
	return pacedForImport(func() (CSVResult, error) { return u.importCSV(f, o) })
}

func (u *Imports) importCSV(f *CSVFile, o CSVOptions) (CSVResult, error) {
	if err := CheckCSV(o); err != nil {
		return CSVResult{}, err
	}
	now := u.env.now().UTC().Truncate(time.Second)
	region, err := importRegion(u.st, o.Country)
	if err != nil {
		return CSVResult{}, err
	}
	res := csvin.Apply(f.Table, o.Mapping, csvin.Options{Source: o.Source, Event: strings.TrimSpace(o.Event),
		ListVendor: strings.TrimSpace(o.Vendor), Region: region, DayFirst: region != "US", Location: time.Local,
		Now: now, File: f.Name})
	var out CSVResult
	problems := rowProblems(f.Name, res.Failures)
	out.Warnings = rowProblems(f.Name, res.Warnings)
	items := make([]store.ImportItem, 0, len(res.Rows))
	rep := u.env.rep()
	for _, r := range res.Rows {
		it := store.ImportItem{File: f.Name, Number: r.Number, Prospect: r.Prospect}
		for _, c := range r.Consents {
			g, err := consent.NewGrant(c.Cell, consent.MethodWebForm, c.Evidence, time.Time{}, now)
			if err != nil { // csvin's evidence is never empty nor over the cap; kept for safety
				out.Warnings = append(out.Warnings, store.NewImportProblem(f.Name, r.Number, store.ProblemInvalid, consent.Msg(err.Error())))
				continue
			}
			it.Grants = append(it.Grants, g.Event(rep, c.Given))
		}
		items = append(items, it)
	}
	sum, err := u.st.ImportProspects(items, store.AddOptions{Rep: rep, Region: region, AllowDuplicate: o.KeepBoth, Now: now}, o.Progress)
	if err != nil {
		return CSVResult{}, err
	}
	sum.Failed += len(problems)
	sum.Problems = sortRows(append(problems, sum.Problems...))
	// A row that failed in the store (a bad email, an erased person) is
	// not "imported with something left out".
	failed := map[int]bool{}
	for _, p := range sum.Problems {
		failed[p.Number] = true
	}
	out.Warnings = slices.DeleteFunc(out.Warnings, func(w store.ImportProblem) bool { return failed[w.Number] })
	out.Warnings = sortRows(append(out.Warnings, sum.Notes...))
	out.Consents = sum.Grants
	out.Summary = sum
	return out, nil
}

func rowProblems(file string, ps []csvin.Problem) []store.ImportProblem {
	out := make([]store.ImportProblem, len(ps))
	for i, p := range ps {
		out[i] = store.NewImportProblem(file, p.Number, store.ProblemCode(p.Code), p.Msg)
	}
	return out
}

// sortRows puts problems in row order, a row's own in the order they came.
func sortRows(ps []store.ImportProblem) []store.ImportProblem {
	slices.SortStableFunc(ps, func(a, b store.ImportProblem) int { return a.Number - b.Number })
	return ps
}
