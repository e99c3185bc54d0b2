package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"warmlead/consent/insight"
	"warmlead/ui/usecase"
)

func init() {
	register(command{"insight", "what works, from the ledgers: insight [--from DATE] [--to DATE] [--rep NAME] [--json]", setupInsight})
}

func setupInsight(fs *flagSet, e *env) func([]string) error {
	var from, to string
	var asJSON bool
	fs.StringVar(&from, "from", "", "people collected (and consents recorded) on or after YYYY-MM-DD")
	fs.StringVar(&to, "to", "", "people collected (and consents recorded) on or before YYYY-MM-DD")
	fs.BoolVar(&asJSON, "json", false, "print JSON")
	return func(pos []string) error {
		if err := need(pos, 0, "insight [--from DATE] [--to DATE] [--rep NAME] [--json]"); err != nil {
			return err
		}
		// --rep is the global flag (who acts); given after the command it
		// names the rep whose figures to show. Before the command, or from
		// the environment, it keeps its global meaning and filters nothing.
		var req usecase.InsightRequest
		fs.Visit(func(f *flag.Flag) {
			if f.Name == "rep" {
				req.Rep = strings.TrimSpace(e.cfg.Rep)
			}
		})
		for _, d := range []struct {
			s   string
			dst *time.Time
		}{{from, &req.From}, {to, &req.To}} {
			if d.s == "" {
				continue
			}
			t, err := ParseDate(d.s)
			if err != nil {
				return err
			}
			// A day on the rep's calendar, as the figures count days.
			*d.dst = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.Local)
		}
		uc, err := e.app()
		if err != nil {
			return err
		}
		res, err := uc.Insight.Figures(req)
		if err != nil {
			return err
		}
		e.noteUnreadable(res.Problems)
		if asJSON {
			return writeJSON(e.stdout, insightJSON{From: from, To: to, Rep: req.Rep, Figures: res.Figures})
		}
		return writeInsight(e.stdout, res.Figures, from, to)
	}
}

// insightJSON is the figures with the filter they answer.
type insightJSON struct {
	From string `json:"from,omitempty"`
	To   string `json:"to,omitempty"`
	Rep  string `json:"rep,omitempty"`
	insight.Figures
}

// writeInsight prints the five figures as plain tables, sources by their
// codes as every command writes them.
func writeInsight(w io.Writer, f insight.Figures, from, to string) error {
	period := "all time"
	switch {
	case from != "" && to != "":
		period = from + " to " + to
	case from != "":
		period = "from " + from
	case to != "":
		period = "up to " + to
	}
	who := "every rep"
	if f.Filter.Rep != "" {
		who = safe(f.Filter.Rep)
	}
	fmt.Fprintf(w, "insight: %s collected, %s, %s\n", Plural(f.Prospects, "person", "people"), period, who)
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	section := func(title string) { fmt.Fprintf(tw, "\n%s\n", title) }

	section("CALLS UNTIL REACHED (people reached at call n; never reached apart)")
	head := "SOURCE\t"
	for _, b := range insight.AttemptBuckets {
		head += ascii(b.Label) + "\t"
	}
	fmt.Fprintln(tw, head+"REACHED\tMEAN\tNEVER REACHED\tCALLS PER REACHED")
	for _, a := range append(f.Attempts, f.AllAttempts()) {
		name := string(a.Source)
		if name == "" {
			name = "all"
		}
		row := name + "\t"
		for _, n := range a.ByAttempts {
			row += fmt.Sprint(n) + "\t"
		}
		fmt.Fprintf(tw, "%s%d\t%.1f\t%d\t%.1f\n", row, a.Reached, a.Mean(), a.NeverReached, a.CallsPerReached())
	}

	section("DAYS FROM COLLECTED TO FIRST CALL OR EMAIL")
	head, row := "", ""
	for i, b := range insight.FirstContactBuckets {
		head += ascii(b.Label) + "\t"
		row += fmt.Sprint(f.FirstContact.ByDays[i]) + "\t"
	}
	fmt.Fprintf(tw, "%sNOT YET\n%s%d\n", head, row, f.FirstContact.Never)

	section("FUNNEL BY SOURCE")
	fmt.Fprintln(tw, "SOURCE\tCOLLECTED\tREACHED OR APPROVED\tCONSENT GRANTED\tNEXT STEP AGREED")
	total := f.Total()
	total.Source = "all"
	for _, r := range append(f.Funnel, total) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\n", r.Source, r.Collected, r.Reached, r.Granted, r.NextStep)
	}

	section("REFERRALS PER INTRODUCER")
	fmt.Fprintln(tw, "ID\tINTRODUCER\tREFERRED\tAPPROVED\tDECLINED\tAPPROVAL")
	for _, r := range f.Referrals {
		name := safe(r.Name)
		if r.ID == 0 {
			name = "(not recorded)"
		}
		fmt.Fprintf(tw, "%d\t%s\t%d\t%d\t%d\t%.0f%%\n", r.ID, name, r.Referred, r.Approved, r.Declined, 100*r.ApprovalRate())
	}

	section("CONSENTS PER MONTH")
	fmt.Fprintln(tw, "MONTH\tGRANTED\tWITHDRAWN")
	for _, m := range f.Months {
		fmt.Fprintf(tw, "%s\t%d\t%d\n", m.Month.Format("2006-01"), m.Granted, m.Withdrawn)
	}
	return tw.Flush()
}

// ascii writes a bucket's label for a terminal: "4-5", not "4–5".
func ascii(label string) string { return strings.ReplaceAll(label, "–", "-") }
