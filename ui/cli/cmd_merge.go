package cli

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"warmlead/ui/usecase"
)

func init() {
	register(command{"merge", "merge a duplicate into a prospect, keeping both ledgers: merge ID1 ID2 [--take FIELD=ID]...", setupMerge})
}

const mergeUsage = "merge ID1 ID2 [--take FIELD=ID]...   (ID2 is merged into ID1; FIELD is one of name, company, title, email, phone, source, event, list_vendor, lang)"

// setupMerge: ID2 becomes part of ID1. Each field keeps ID1's value, or
// ID2's where ID1 has none, unless --take names whose value wins.
func setupMerge(fs *flagSet, e *env) func([]string) error {
	var takes multiFlag
	fs.Var(&takes, "take", "FIELD=ID: the field's value comes from that prospect (repeatable)")
	return func(pos []string) error {
		if err := need(pos, 2, mergeUsage); err != nil {
			return err
		}
		keep, err := parseID(pos[0])
		if err != nil {
			return err
		}
		drop, err := parseID(pos[1])
		if err != nil {
			return err
		}
		plan := usecase.MergePlan{Keep: keep, Drop: drop, Take: map[string]uint64{}}
		for _, t := range takes {
			field, who, ok := strings.Cut(t, "=")
			if !ok || !slices.Contains(usecase.MergeFields, field) {
				return usagef("--take %q: use FIELD=ID with FIELD one of %s", t, strings.Join(usecase.MergeFields, ", "))
			}
			id, err := parseID(who)
			if err != nil {
				return err
			}
			plan.Take[field] = id
		}
		uc, err := e.app()
		if err != nil {
			return err
		}
		if _, err := uc.Merges.Merge(plan); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "merged %d into %d\n", drop, keep)
		return nil
	}
}

// listCSV writes the listed prospects as CSV (usecase.CSVColumns) to out
// or stdout; a prospect that could not be written is named on stderr.
func (e *env) listCSV(ids []uint64, out string) error {
	uc, err := e.app()
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if len(ids) == 0 { // the header alone: a script reads an empty list
		buf.WriteString(strings.Join(usecase.CSVColumns, ",") + "\n")
		return e.writeOut(out, buf.Bytes())
	}
	rep, err := uc.Bulk.ExportCSV(&buf, ids)
	if err != nil {
		return err
	}
	for _, r := range rep.Refused() {
		fmt.Fprintf(e.stderr, "prospect %d: %s\n", r.ID, safe(oneLine(r.Err.Error())))
	}
	return e.writeOut(out, buf.Bytes())
}
