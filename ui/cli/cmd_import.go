package cli

import (
	"fmt"

	"warmlead/consent"
	"warmlead/store"
	"warmlead/ui/usecase"
)

func init() {
	register(command{"import", "import vCard or CSV files: import FILE.vcf|FILE.csv... [--event NAME] [--source card|address-book|list|customer|...] [--list-vendor V] [--country CC] [--map COL=FIELD,...] [--dry-run]", setupImport})
}

func setupImport(fs *flagSet, e *env) func([]string) error {
	var event, source, vendor, country string
	var asJSON, keepDup bool
	fs.StringVar(&event, "event", "", "the event where the cards were collected")
	fs.StringVar(&source, "source", "card", "where the cards come from: card (swapped at an event), address-book (your own), list (bought; --list-vendor), customer, ...")
	fs.StringVar(&vendor, "list-vendor", "", "the vendor of a bought list (--source list)")
	fs.StringVar(&country, "country", "", "ISO 3166 country national phone numbers in these files are read in; default: the setting")
	fs.BoolVar(&asJSON, "json", false, "print the summary as JSON")
	fs.BoolVar(&keepDup, "keep-both", false, "never merge: add cards matching an existing prospect as new ones")
	csv := csvFlags(fs) // cmd_import_csv.go
	return func(pos []string) error {
		if len(pos) == 0 {
			return usagef("usage: warmlead import FILE.vcf... [--event NAME] [--source card] [--list-vendor V] [--country CC]")
		}
		if csv.all(pos) {
			return csv.run(fs, e, pos, source, event, vendor, country, keepDup, asJSON)
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
		res, err := uc.Imports.Import(pos, usecase.ImportOptions{Source: src, Event: event, ListVendor: vendor, Country: country, KeepBoth: keepDup})
		if err != nil {
			return err
		}
		for _, p := range res.Summary.Problems {
			fmt.Fprintln(e.stderr, safe(p.String()))
		}
		for _, w := range res.Warnings {
			fmt.Fprintln(e.stderr, "note: "+safe(w.String()))
		}
		counts := res.Counts()
		if asJSON {
			err = writeJSON(e.stdout, importJSON{res.Summary, countsJSON{counts.Whole, counts.Dropped, counts.Failed}})
		} else {
			fmt.Fprintln(e.stdout, res.Summary.Line())
			if counts.Dropped > 0 { // the contract's line stays first and alone when nothing was dropped
				fmt.Fprintln(e.stdout, counts.Message().String())
			}
		}
		if err == nil && res.FilesFailed() > 0 {
			// The cards of the readable files are in (one transaction);
			// a file that was not read at all is an error for a script.
			err = fmt.Errorf("%d of %d files could not be read (each said above); the others were imported", res.FilesFailed(), len(pos))
		}
		return err
	}
}

// importJSON is `import --json`: the contract's summary, and the cards
// counted by what became of them.
type importJSON struct {
	store.ImportSummary
	Cards countsJSON `json:"cards"`
}

type countsJSON struct {
	Whole   int `json:"imported_whole"`
	Dropped int `json:"imported_with_field_dropped"`
	Failed  int `json:"failed"`
}
