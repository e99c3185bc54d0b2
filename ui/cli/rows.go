package cli

import (
	"fmt"
	"io"
	"text/tabwriter"
)

// listing is the run function of a command that takes no arguments, only
// flags, among them --json (defined here): usage is its synopsis for the
// usage error, and list prints the rows, as JSON when asked.
func listing(fs *flagSet, usage string, list func(asJSON bool) error) func([]string) error {
	var asJSON bool
	fs.BoolVar(&asJSON, "json", false, "print JSON")
	return func(pos []string) error {
		if err := need(pos, 0, usage); err != nil {
			return err
		}
		return list(asJSON)
	}
}

// printRows prints the rows of a listing command: with --json as a JSON
// array (an empty one, never null, when there are none), else as a table
// under header (tab-separated column names), one line a row written by line.
// Every value a row prints from the database goes through safe.
func printRows[T any](w io.Writer, asJSON bool, rows []T, header string, line func(tw io.Writer, row T)) error {
	if asJSON {
		if rows == nil {
			rows = []T{}
		}
		return writeJSON(w, rows)
	}
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, header)
	for _, r := range rows {
		line(tw, r)
	}
	return tw.Flush()
}
