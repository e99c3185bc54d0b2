package cli

import (
	"fmt"
	"text/tabwriter"

	"warmlead/ui/usecase"
)

func init() {
	register(command{"tasks", "open tasks (call-backs, agreed next steps) with their time: tasks [--json] [--ics FILE]", setupTasks})
	register(command{"task", "one task: task done ID | task ics ID --out FILE.ics", setupTask})
}

func setupTasks(fs *flagSet, e *env) func([]string) error {
	var asJSON bool
	var icsOut string
	fs.BoolVar(&asJSON, "json", false, "print JSON")
	fs.StringVar(&icsOut, "ics", "", "write every open task to FILE as one calendar (.ics)")
	return func(pos []string) error {
		if err := need(pos, 0, "tasks [--json] [--ics FILE]"); err != nil {
			return err
		}
		uc, err := e.app()
		if err != nil {
			return err
		}
		if icsOut != "" {
			items, err := uc.Tasks.WriteCalendar(icsOut)
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "wrote %s to %s\n", Plural(len(items), "task", "tasks"), icsOut)
			return nil
		}
		items, skipped, err := uc.Tasks.List()
		if err != nil {
			return err
		}
		e.noteUnreadable(skipped)
		if asJSON {
			if items == nil {
				items = []usecase.TaskItem{}
			}
			return writeJSON(e.stdout, items)
		}
		if len(items) == 0 {
			fmt.Fprintln(e.stdout, "no open tasks")
			return nil
		}
		tw := tabwriter.NewWriter(e.stdout, 2, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "DUE\tTASK\tNAME\tWHAT\tAGREED")
		for _, t := range items {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", t.Due.Local().Format("2006-01-02 15:04"), t.ID, safe(t.Name), t.Kind, safe(t.Agreed))
		}
		return tw.Flush()
	}
}

func setupTask(fs *flagSet, e *env) func([]string) error {
	var out string
	fs.StringVar(&out, "out", "", "task ics: the .ics file to write")
	const usage = "usage: warmlead task done ID | warmlead task ics ID --out FILE.ics"
	return func(pos []string) error {
		if len(pos) != 2 || (pos[0] != "done" && pos[0] != "ics") || (pos[0] == "ics") != (out != "") {
			return usagef("%s", usage)
		}
		uc, err := e.app()
		if err != nil {
			return err
		}
		if pos[0] == "ics" {
			if _, err := uc.Tasks.WriteCalendar(out, pos[1]); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "task %s: wrote %s\n", pos[1], out)
			return nil
		}
		t, err := uc.Tasks.Done(pos[1])
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "task %s done (prospect %d, %s)\n", t.ID, t.Prospect, t.Kind)
		return nil
	}
}
