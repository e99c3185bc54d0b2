package cli

import (
	"flag"
	"fmt"
	"path/filepath"

	"warmlead/consent"
	"warmlead/store"
	"warmlead/ui/usecase"
)

// csvImport is `import FILE.csv...`: the flags the CSV import adds to the
// vCard import's, and its run. Output follows the vCard import's: every
// problem on stderr with its file and row, notes for rows imported with
// something left out, the summary line on stdout, exit 1 when a file could
// not be read at all.
type csvImport struct {
	mapSpec         string
	dryRun          bool
	vendor, country string // the vCard import's --list-vendor and --country, for these files too
}

func csvFlags(fs *flagSet) *csvImport {
	c := &csvImport{}
	fs.StringVar(&c.mapSpec, "map", "", `CSV: override the automatic mapping, e.g. "Email=email,Firma=company,Notes=ignore"`)
	fs.BoolVar(&c.dryRun, "dry-run", false, "CSV: print the mapping and the row count, import nothing")
	return c
}

// all tells whether every file is a CSV file (by extension or content);
// a mix with vCard files goes to the vCard import, as before.
func (c *csvImport) all(paths []string) bool {
	for _, p := range paths {
		if !usecase.IsCSV(p) {
			return false
		}
	}
	return true
}

// unused refuses the CSV flags on vCard files.
func (c *csvImport) unused() error {
	if c.mapSpec != "" || c.dryRun {
		return usagef("--map and --dry-run are for CSV files (import FILE.csv...)")
	}
	return nil
}

// csvSummary is `import --json` for CSV files: the vCard import's counts,
// with rows for cards, the consents recorded and the notes.
type csvSummary struct {
	store.ImportSummary
	Consents int          `json:"consents"`
	Problems []csvProblem `json:"problems,omitempty"` // shadows the cards'
	Notes    []csvProblem `json:"notes,omitempty"`
}

type csvProblem struct {
	File   string `json:"file"`
	Row    int    `json:"row"`
	Reason string `json:"reason"`
}

func (c *csvImport) run(fs *flagSet, e *env, paths []string, source, event, vendor, country string, keepBoth, asJSON bool) error {
	c.vendor, c.country = vendor, country
	src := consent.Source("") // no --source: each row's source column (CheckCSV asks for one)
	explicit := false
	fs.Visit(func(f *flag.Flag) { explicit = explicit || f.Name == "source" })
	if explicit {
		s, err := consent.ParseSource(source)
		if err != nil {
			return usagef("%v", err)
		}
		src = s
	}
	// Every file is read and its answers checked before anything is
	// imported: a usage error leaves the database as it was.
	var files []*usecase.CSVFile
	var problems []store.ImportProblem
	for _, p := range paths {
		f, err := usecase.ReadCSV(p)
		if err != nil {
			problems = append(problems, store.NewImportProblem(filepath.Base(p), 0, store.ProblemCode(usecase.ProblemUnreadableFile), messageOf(err)))
			continue
		}
		if c.mapSpec != "" {
			if f.Mapping, err = f.Mapping.Override(f.Table.Header, c.mapSpec); err != nil {
				return usagef("%s: %v", safe(f.Name), err)
			}
		}
		if err := usecase.CheckCSV(c.options(f, src, event, keepBoth)); err != nil {
			return err
		}
		files = append(files, f)
	}
	if c.dryRun {
		return c.printDryRun(e, files, problems)
	}
	var sum csvSummary
	var notes []store.ImportProblem
	if len(files) > 0 {
		uc, err := e.app()
		if err != nil {
			return err
		}
		for _, f := range files {
			res, err := uc.Imports.ImportCSV(f, c.options(f, src, event, keepBoth))
			if err != nil {
				return err
			}
			s := res.Summary
			sum.Imported += s.Imported
			sum.Merged += s.Merged
			sum.Suppressed += s.Suppressed
			sum.Failed += s.Failed
			sum.Consents += res.Consents
			problems = append(problems, s.Problems...)
			notes = append(notes, res.Warnings...)
		}
	}
	unread := 0
	for _, p := range problems {
		if p.Number == 0 {
			unread++
			sum.Failed++
		}
	}
	for _, p := range problems {
		fmt.Fprintln(e.stderr, safe(rowLine(p)))
		sum.Problems = append(sum.Problems, csvProblem{p.File, p.Number, p.Reason})
	}
	for _, n := range notes {
		fmt.Fprintln(e.stderr, "note: "+safe(rowLine(n)))
		sum.Notes = append(sum.Notes, csvProblem{n.File, n.Number, n.Reason})
	}
	var err error
	if asJSON {
		err = writeJSON(e.stdout, sum)
	} else {
		fmt.Fprintln(e.stdout, sum.Line())
		if sum.Consents > 0 {
			fmt.Fprintf(e.stdout, "recorded %d web-form consents\n", sum.Consents)
		}
	}
	if err == nil && unread > 0 {
		err = fmt.Errorf("%d of %d files could not be read (each said above); the others were imported", unread, len(paths))
	}
	return err
}

func (c *csvImport) options(f *usecase.CSVFile, src consent.Source, event string, keepBoth bool) usecase.CSVOptions {
	return usecase.CSVOptions{Mapping: f.Mapping, Source: src, Vendor: c.vendor, Country: c.country, Event: event, KeepBoth: keepBoth}
}

// printDryRun prints each file's mapping and how many rows it would import.
func (c *csvImport) printDryRun(e *env, files []*usecase.CSVFile, problems []store.ImportProblem) error {
	for _, f := range files {
		t := f.Table
		fmt.Fprintf(e.stdout, "%s: %d rows, %d that cannot be read (%s, separated by %s)\n", safe(f.Name), len(t.Rows),
			len(t.Failures), t.Encoding, sepName(t.Sep))
		for i, h := range t.Header {
			field := string(f.Mapping[i])
			if field == "" {
				field = "ignore"
			}
			fmt.Fprintf(e.stdout, "  %s -> %s\n", safe(h), field)
		}
	}
	for _, p := range problems {
		fmt.Fprintln(e.stderr, safe(rowLine(p)))
	}
	if len(problems) > 0 {
		return fmt.Errorf("%d of %d files could not be read (each said above)", len(problems), len(files)+len(problems))
	}
	return nil
}

func sepName(r rune) string {
	switch r {
	case ';':
		return "semicolons"
	case '\t':
		return "tabs"
	case '|':
		return "bars"
	}
	return "commas"
}

// rowLine is a problem as the vCard import prints one, with rows for cards.
func rowLine(p store.ImportProblem) string {
	if p.Number == 0 {
		return fmt.Sprintf("%s: %s", p.File, p.Reason)
	}
	return fmt.Sprintf("%s, row %d: %s", p.File, p.Number, p.Reason)
}

// messageOf is an error's sentence with its values (a use case's), or its
// text.
func messageOf(err error) consent.Message {
	if ue, ok := err.(*usecase.Error); ok {
		return ue.Msg
	}
	return consent.Msg("{{.Error}}", "Error", err.Error())
}
