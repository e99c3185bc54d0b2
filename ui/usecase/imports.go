package usecase

import (
	"bytes"
	"errors"
	"io"
	"math"
	"path/filepath"

	"warmlead/consent"
	"warmlead/consent/vcardin"
	"warmlead/store"
)

// Imports reads vCard files and imports their cards in one transaction.
type Imports struct {
	env Env
	st  importStore
}

// importStore is what Imports needs of the store (*store.DB in the app).
type importStore interface {
	Settings() (consent.Settings, error)
	ImportProspects(items []store.ImportItem, o store.AddOptions, progress func(done, total int)) (store.ImportSummary, error)
}

// ProblemUnreadableFile: a file that could not be opened (the vCard
// reader's own codes, vcardin.Code, and the store's follow it).
const ProblemUnreadableFile store.ProblemCode = "unreadable-file"

// ProblemNotVCard: a file read whole in which no card begins (a CSV, a
// PDF, an empty file): said, not taken for "0 cards imported".
const ProblemNotVCard store.ProblemCode = "not-vcard"

// ProblemEmptyFile: a file with nothing in it (a failure: it holds no card).
const ProblemEmptyFile store.ProblemCode = "empty-file"

var (
	tplCannotReadFile = newTemplate(CodeFailed, "cannot read the file: {{.Error}}")
	tplNotVCard       = newTemplate(CodeFailed, "the file holds no vCard (no BEGIN:VCARD card in it): export the contacts as .vcf")
	tplEmptyFile      = newTemplate(CodeFailed, "the file is empty: no cards in it")
)

// The sentences the import passes on from the layers below: the vCard
// reader's, the store's and the validators'. They are registered with the
// use cases' own, so the translation check covers them.
func init() {
	for _, t := range vcardin.Templates() {
		newTemplate(CodeInvalid, t)
	}
	for _, t := range store.MessageTemplates() {
		newTemplate(CodeBadValue, t)
	}
	for _, t := range consent.ValueTemplates() {
		newTemplate(CodeBadValue, t)
	}
}

// ImportOptions tune Import.
type ImportOptions struct {
	Source     consent.Source // where the cards come from; "" is a business card
	Event      string         // the event where they were collected
	ListVendor string         // the vendor of a bought list (Source list)
	Country    string         // ISO 3166 country for national numbers in these files; "" is the setting's
	KeepBoth   bool           // never merge: add cards matching a prospect as new ones
	Progress   func(done, total int)
}

// ImportResult is what an import did: the summary (cards that failed
// before the store saw them included, first) and the warnings about cards
// imported with something cut or dropped.
type ImportResult struct {
	Summary  store.ImportSummary
	Warnings []store.ImportProblem
}

// Import reads the vCard files and imports every card they hold in ONE
// transaction. A file or card that cannot be read is a problem of its own;
// the error is only for the store failing (then nothing was imported).
func (u *Imports) Import(paths []string, o ImportOptions) (ImportResult, error) {
	return pacedForImport(func() (ImportResult, error) { return u.importVCards(paths, o) })
}

func (u *Imports) importVCards(paths []string, o ImportOptions) (ImportResult, error) {
	src := o.Source
	if src == "" {
		src = consent.SourceCard
	}
	region, err := importRegion(u.st, o.Country)
	if err != nil {
		return ImportResult{}, err
	}
	read := ReadVCards(paths, src, o.Event)
	read.setVendor(o.ListVendor)
	sum, err := u.st.ImportProspects(read.Items, store.AddOptions{Rep: u.env.rep(), Region: region,
		AllowDuplicate: o.KeepBoth, KeepUnreadPhones: true, Now: u.env.now()}, o.Progress)
	if err != nil {
		return ImportResult{}, err
	}
	sum.Failed += len(read.Problems)
	sum.Problems = append(read.Problems, sum.Problems...)
	// The numbers kept as written come after what the reader warned of,
	// in card order.
	warnings := append(read.Warnings, sum.Notes...)
	sum.Notes = nil
	return ImportResult{Summary: sum, Warnings: warnings}, nil
}

// ReadResult is what the vCard files gave: the cards to import, the files
// and cards that could not be read, and warnings about cards that are
// imported but lost something on the way (a 1 MB name cut to the field
// limit, emails past the per-card limit dropped), which the rep should
// hear about.
type ReadResult struct {
	Items    []store.ImportItem
	Problems []store.ImportProblem
	Warnings []store.ImportProblem
}

// ReadVCards parses vCard files into import items. A file that cannot be
// read at all is one problem (card number 0); a card that cannot be read
// fails alone. Problems name files by their base name.
func ReadVCards(paths []string, source consent.Source, event string) ReadResult {
	var r ReadResult
	for _, path := range paths {
		name := filepath.Base(path)
		// Regular files only (the vCard reader caps the size): a folder or
		// /dev/zero is a problem of its own, not a wait.
		f, err := OpenInput(path, math.MaxInt64, RegularOnly)
		if err != nil {
			r.Problems = append(r.Problems, store.NewImportProblem(name, 0, ProblemUnreadableFile,
				consent.Msg(tplCannotReadFile.Text, "Error", err.Error())))
			continue
		}
		seen := &textSeen{r: f}
		res, err := vcardin.Parse(seen, vcardin.DefaultLimits())
		f.Close()
		if err != nil {
			r.Problems = append(r.Problems, fileProblem(name, err))
			continue
		}
		if len(res.Cards) == 0 && len(res.Failures) == 0 {
			if !seen.text {
				// An empty export (no contacts) holds no card either: said,
				// and a failure, so a script sees that nothing came in.
				r.Problems = append(r.Problems, store.NewImportProblem(name, 0, ProblemEmptyFile, consent.Msg(tplEmptyFile.Text)))
				continue
			}
			r.Problems = append(r.Problems, store.NewImportProblem(name, 0, ProblemNotVCard, consent.Msg(tplNotVCard.Text)))
			continue
		}
		for _, fl := range res.Failures {
			r.Problems = append(r.Problems, store.NewImportProblem(name, fl.Number, store.ProblemCode(fl.Code), fl.Msg))
		}
		for _, w := range res.Warnings {
			r.Warnings = append(r.Warnings, store.NewImportProblem(name, w.Number, store.ProblemCode(w.Code), w.Msg))
		}
		for _, c := range res.Cards {
			r.Items = append(r.Items, store.ImportItem{File: name, Number: c.Number, Prospect: c.Prospect(source, event)})
		}
	}
	return r
}

// FilesFailed counts the problems that are a whole file (card number 0:
// missing, a folder, a device, not a vCard file), which a command reports
// with a non-zero exit even when other files imported.
func (s ImportResult) FilesFailed() int {
	n := 0
	for _, p := range s.Summary.Problems {
		if p.Number == 0 {
			n++
		}
	}
	return n
}

// fileProblem is a file the vCard reader refused whole.
func fileProblem(name string, err error) store.ImportProblem {
	var fe *vcardin.FileError
	if errors.As(err, &fe) {
		return store.NewImportProblem(name, 0, store.ProblemCode(fe.Code), fe.Msg)
	}
	return store.NewImportProblem(name, 0, store.ProblemCode(vcardin.CodeReadError), consent.Msg("{{.Error}}", "Error", err.Error()))
}

// textSeen passes a file to the vCard reader and notes whether anything
// but white space and a byte order mark went through.
type textSeen struct {
	r    io.Reader
	text bool
}

func (t *textSeen) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	if !t.text && len(bytes.Trim(p[:n], " \t\r\n\ufeff\x00")) > 0 {
		t.text = true
	}
	return n, err
}
