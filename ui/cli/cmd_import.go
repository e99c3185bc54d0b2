package cli

import (
	"fmt"

	"warmlead/consent"
	"warmlead/ui/usecase"
)

func init() {
	register(command{"import", "import vCard or CSV files: import FILE.vcf... [--event NAME] [--source card] | import FILE.csv... [--map COL=FIELD,...] [--source S] [--vendor V] [--dry-run]", setupImport})
}

func setupImport(fs *flagSet, e *env) func([]string) error {
	var event, source string
	var asJSON, keepDup bool
	fs.StringVar(&event, "event", "", "the event where the cards were collected")
	fs.StringVar(&source, "source", "card", "where the data came from")
	fs.BoolVar(&asJSON, "json", false, "print the summary as JSON")
	fs.BoolVar(&keepDup, "keep-both", false, "never merge: add cards matching an existing prospect as new ones")
	csv := csvFlags(fs) // cmd_import_csv.go
	return func(pos []string) error {
		if len(pos) == 0 {
			return usagef("usage: warmlead import FILE.vcf... [--event NAME] [--source card]")
		}
		if csv.all(pos) {
			return csv.run(fs, e, pos, source, event, keepDup, asJSON)
		}
		if err := csv.unused(); err != nil {
			return err
		}
		src, err := consent.ParseSource(source)
		if err != nil {
			return usagef("%v", err)
		}
		uc, err := e.app()
		if err != nil {
			return err
		}
		res, err := uc.Imports.Import(pos, usecase.ImportOptions{Source: src, Event: event, KeepBoth: keepDup})
		if err != nil {
			return err
		}
		for _, p := range res.Summary.Problems {
			fmt.Fprintln(e.stderr, safe(p.String()))
		}
		for _, w := range res.Warnings {
			fmt.Fprintln(e.stderr, "note: "+safe(w.String()))
		}
		if asJSON {
			err = writeJSON(e.stdout, res.Summary)
		} else {
			fmt.Fprintln(e.stdout, res.Summary.Line())
		}
		if err == nil && res.FilesFailed() > 0 {
			// The cards of the readable files are in (one transaction);
			// a file that was not read at all is an error for a script.
			err = fmt.Errorf("%d of %d files could not be read (each said above); the others were imported", res.FilesFailed(), len(pos))
		}
		return err
	}
}
