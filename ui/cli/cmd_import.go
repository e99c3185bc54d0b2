package cli

import (
	"fmt"
	"os"
	"path/filepath"

	"warmlead/consent"
	"warmlead/consent/vcardin"
	"warmlead/store"
)

func init() {
	register(command{"import", "import vCard files: import FILE.vcf... [--event NAME] [--source card]", setupImport})
}

// ReadCards parses vCard files into import items. A file that cannot be read
// at all is one problem; a card that cannot be read fails alone.
func ReadCards(paths []string, source consent.Source, event string) ([]store.ImportItem, []store.ImportProblem) {
	items, problems, _ := ReadCardsWithWarnings(paths, source, event)
	return items, problems
}

// ReadCardsWithWarnings is ReadCards that also returns the warnings: cards
// that are imported but lost something on the way (a 1 MB name cut to the
// field limit, emails past the per-card limit dropped), which the rep
// should hear about.
func ReadCardsWithWarnings(paths []string, source consent.Source, event string) (items []store.ImportItem, problems, warnings []store.ImportProblem) {
	for _, path := range paths {
		name := filepath.Base(path)
		f, err := os.Open(path)
		if err != nil {
			problems = append(problems, store.ImportProblem{File: name, Reason: "cannot read the file: " + err.Error()})
			continue
		}
		res, err := vcardin.Parse(f, vcardin.DefaultLimits())
		f.Close()
		if err != nil {
			problems = append(problems, store.ImportProblem{File: name, Reason: err.Error()})
			continue
		}
		for _, fl := range res.Failures {
			problems = append(problems, store.ImportProblem{File: name, Number: fl.Number, Reason: fl.Reason})
		}
		for _, w := range res.Warnings {
			warnings = append(warnings, store.ImportProblem{File: name, Number: w.Number, Reason: w.Reason})
		}
		for _, c := range res.Cards {
			items = append(items, store.ImportItem{File: name, Number: c.Number, Prospect: c.Prospect(source, event)})
		}
	}
	return items, problems, warnings
}

// MergeProblems adds the cards that failed before the store saw them.
func MergeProblems(sum store.ImportSummary, unread []store.ImportProblem) store.ImportSummary {
	sum.Failed += len(unread)
	sum.Problems = append(unread, sum.Problems...)
	return sum
}

func setupImport(fs *flagSet, e *env) func([]string) error {
	var event, source string
	var asJSON, keepDup bool
	fs.StringVar(&event, "event", "", "the event where the cards were collected")
	fs.StringVar(&source, "source", "card", "where the data came from")
	fs.BoolVar(&asJSON, "json", false, "print the summary as JSON")
	fs.BoolVar(&keepDup, "keep-both", false, "never merge: add cards matching an existing prospect as new ones")
	return func(pos []string) error {
		if len(pos) == 0 {
			return usagef("usage: warmlead import FILE.vcf... [--event NAME] [--source card]")
		}
		src, err := consent.ParseSource(source)
		if err != nil {
			return usagef("%v", err)
		}
		db, err := e.open()
		if err != nil {
			return err
		}
		items, unread, warnings := ReadCardsWithWarnings(pos, src, event)
		sum, err := db.ImportProspects(items, store.AddOptions{Rep: e.rep(), Region: e.region(), AllowDuplicate: keepDup}, nil)
		if err != nil {
			return err
		}
		sum = MergeProblems(sum, unread)
		for _, p := range sum.Problems {
			fmt.Fprintln(e.stderr, p.String())
		}
		for _, w := range warnings {
			fmt.Fprintln(e.stderr, "note: "+w.String())
		}
		if asJSON {
			return writeJSON(e.stdout, sum)
		}
		fmt.Fprintln(e.stdout, sum.Line())
		return nil
	}
}
