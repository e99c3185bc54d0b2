package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"warmlead/consent"
	"warmlead/store"
	"warmlead/ui/usecase"
)

func init() {
	register(command{"add", "add a prospect; prints its id (add --from-json FILE|- keeps the data off the command line)", setupAdd})
	register(command{"list", "list prospects: list [--search Q] [--json | --csv [--out F]]; a team's manager: list --team [--member NAME] [--json]", setupList})
	register(command{"show", "show one prospect and its events: show ID [--json]", setupShow})
	register(command{"edit", "rectify a field: edit ID --field F --value V (or --from-json FILE|-)", setupEdit})
	register(command{"audit", "who viewed, exported or erased whose data, and why", setupAudit})
}

func setupAdd(fs *flagSet, e *env) func([]string) error {
	var p consent.Prospect
	var source string
	var keepBoth bool
	fs.StringVar(&p.Name, "name", "", "full name")
	fs.StringVar(&p.Company, "company", "", "company")
	fs.StringVar(&p.Title, "title", "", "job title")
	fs.StringVar(&p.Email, "email", "", "email address")
	fs.StringVar(&p.Phone, "phone", "", "phone number")
	fs.StringVar(&source, "source", "", "card|referral|cold-call|list|inbound|customer|social|address-book")
	fs.StringVar(&p.Event, "event", "", "event where the card was collected")
	fs.StringVar(&p.ListVendor, "list-vendor", "", "vendor of a purchased list")
	fs.StringVar(&p.Lang, "lang", "", "language for emails to this person")
	fs.BoolVar(&keepBoth, "keep-both", false, "add even if email or phone match an existing prospect")
	var fromJSON string
	fs.StringVar(&fromJSON, "from-json", "", fromJSONHelp)
	return func(pos []string) error {
		if err := e.fromJSON(fromJSON, map[string]*string{"name": &p.Name, "company": &p.Company, "title": &p.Title,
			"email": &p.Email, "phone": &p.Phone, "source": &source, "event": &p.Event, "list_vendor": &p.ListVendor, "lang": &p.Lang}); err != nil {
			return err
		}
		if len(pos) != 0 || p.Name == "" || source == "" {
			return usagef("usage: warmlead add --name N [--company C] [--title T] [--email E] [--phone P] --source card|referral|cold-call|list|inbound|customer|social [--event NAME] [--list-vendor V], or add --from-json FILE|- with those fields as a JSON object")
		}
		src, err := consent.ParseSource(source)
		if err != nil {
			return usagef("%v", err)
		}
		p.Source = src
		if p.Lang != "" {
			if _, err := consent.ParseLanguage(p.Lang); err != nil {
				return usagef("%v", err)
			}
		}
		uc, err := e.app()
		if err != nil {
			return err
		}
		added, err := uc.Prospects.Add(p, usecase.AddOptions{KeepBoth: keepBoth})
		if err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, added.ID)
		return nil
	}
}

// prospectJSON is the contract's shape for list and show.
type prospectJSON struct {
	consent.Prospect
	Events []consent.Event `json:"events,omitempty"`
}

func setupList(fs *flagSet, e *env) func([]string) error {
	var q string
	fs.StringVar(&q, "search", "", "only prospects matching these words")
	var asJSON, asCSV bool
	var out string
	fs.BoolVar(&asJSON, "json", false, "print JSON")
	fs.BoolVar(&asCSV, "csv", false, "print CSV: name,company,title,email,phone,source,event,list_vendor,lang, then the ledger's read-only columns")
	fs.StringVar(&out, "out", "", "write the CSV to this file (0600) instead of stdout")
	var teamScope bool
	var rep string
	fs.BoolVar(&teamScope, "team", false, "the manager's team scope: every rep's prospects, with their rep (as of the last team sync)")
	fs.StringVar(&rep, "member", "", "with --team: only the prospects of this member")
	return func(pos []string) error {
		if err := need(pos, 0, "list [--search Q] [--json | --csv [--out F]]"); err != nil {
			return err
		}
		if asJSON && asCSV || out != "" && !asCSV || teamScope && asCSV {
			return usagef("usage: warmlead list [--search Q] [--json | --csv [--out F]], or list --team [--search Q] [--member NAME] [--json]")
		}
		if teamScope {
			return e.listTeam(q, rep, asJSON) // cmd_team_list.go
		}
		db, err := e.open()
		if err != nil {
			return err
		}
		if asCSV {
			return e.listCSV(db.Index().SearchIDs(q, nil), out)
		}
		return printRows(e.stdout, asJSON, db.Index().Search(q), "ID\tNAME\tCOMPANY\tEMAIL\tPHONE\tSOURCE", func(tw io.Writer, p consent.Prospect) {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", p.ID, safe(p.Name), safe(p.Company), safe(p.Email), safe(p.Phone), safe(string(p.Source)))
		})
	}
}

func setupShow(fs *flagSet, e *env) func([]string) error {
	var asJSON bool
	var reason string
	fs.BoolVar(&asJSON, "json", false, "print JSON")
	fs.StringVar(&reason, "reason", "", "why you look at this person's data (audit log)")
	return func(pos []string) error {
		if err := need(pos, 1, "show ID [--json]"); err != nil {
			return err
		}
		uc, id, err := e.appFor(pos[0])
		if err != nil {
			return err
		}
		rec, err := uc.Rights.View(id, reason)
		var gone *usecase.Erased
		if errors.As(err, &gone) {
			// An erased id answers with its tombstone (exit 0), so a
			// script walking ids tells it from one that never existed.
			if asJSON {
				return writeJSON(e.stdout, erasedJSON{ID: id, Erased: gone.Tombstone})
			}
			fmt.Fprintf(e.stdout, "prospect %d was erased: %s\n", id, tombstoneLine(gone.Tombstone))
			return nil
		}
		if err != nil {
			return err
		}
		p, evs := rec.Prospect, rec.Events
		if asJSON {
			return writeJSON(e.stdout, prospectJSON{p, evs})
		}
		writeProspect(e.stdout, p, evs)
		return nil
	}
}

// erasedJSON is `show --json` of an erased prospect.
type erasedJSON struct {
	ID     uint64          `json:"id"`
	Erased store.Tombstone `json:"erased"`
}

// tombstoneLine says when, by whom and why a prospect was erased.
func tombstoneLine(t store.Tombstone) string {
	s := "erased on " + t.Time.Format("2006-01-02")
	if t.Rep != "" {
		s += " by " + oneLine(t.Rep)
	}
	s += ": " + oneLine(t.Reason)
	if !t.Reapplied.IsZero() {
		s += fmt.Sprintf("; erased again by the restore of %s", t.Reapplied.Format("2006-01-02"))
	}
	return s
}

func writeProspect(w io.Writer, p consent.Prospect, evs []consent.Event) {
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	row := func(k, v string) {
		if v != "" {
			fmt.Fprintf(tw, "%s:\t%s\n", k, safe(v))
		}
	}
	row("id", fmt.Sprint(p.ID))
	row("name", p.Name)
	row("company", p.Company)
	row("title", p.Title)
	row("email", p.Email)
	if p.Phone != "" {
		row("phone", consent.FormatPhone(p.Phone))
	}
	if p.PhoneUnread() { // kept as written by an import: calls are blocked
		row("phone", p.PhoneRaw+" (as written, no country code: correct it before calling)")
	}
	row("source", string(p.Source))
	row("event", p.Event)
	row("list vendor", p.ListVendor)
	row("language", p.Lang)
	row("added", p.Created.Local().Format("2006-01-02 15:04"))
	tw.Flush()
	fmt.Fprintln(w, "\nevents:")
	for _, ev := range evs {
		fmt.Fprintf(w, "  %d  %s  %-18s %s\n", ev.Seq, ev.Time.Local().Format("2006-01-02 15:04:05"), safe(string(ev.Kind)), safe(describeEvent(ev)))
	}
}

// describeEvent is one line of detail for the timeline.
func describeEvent(ev consent.Event) string {
	switch ev.Kind {
	case consent.KindCollected:
		s := "source " + string(ev.Source)
		if ev.EventName != "" {
			s += " at " + ev.EventName
		}
		if ev.ListVendor != "" {
			s += " from list vendor " + ev.ListVendor
		}
		return s + " by " + ev.Rep
	case consent.KindRectified:
		return fmt.Sprintf("%s changed by %s", ev.Field, ev.Rep)
	}
	s := ""
	if ev.Purpose != "" {
		s += string(ev.Purpose) + " by " + string(ev.Channel) + " "
	}
	if ev.Method != "" {
		s += "(" + string(ev.Method) + ") "
	}
	if ev.Outcome != "" {
		s += ev.Outcome + " "
	}
	return s + "by " + ev.Rep
}

func setupEdit(fs *flagSet, e *env) func([]string) error {
	var field, value string
	fs.StringVar(&field, "field", "", "name, company, title, email, phone, lang or event")
	fs.StringVar(&value, "value", "", "the corrected value")
	var fromJSON string
	fs.StringVar(&fromJSON, "from-json", "", fromJSONHelp)
	return func(pos []string) error {
		if err := e.fromJSON(fromJSON, map[string]*string{"field": &field, "value": &value}); err != nil {
			return err
		}
		if len(pos) != 1 || field == "" {
			return usagef("usage: warmlead edit ID --field F --value V, or edit ID --from-json FILE|- with {\"field\": F, \"value\": V}")
		}
		uc, id, err := e.appFor(pos[0])
		if err != nil {
			return err
		}
		if _, err := uc.Prospects.Edit(id, field, value); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "prospect %d: %s corrected\n", id, field)
		return nil
	}
}

func setupAudit(fs *flagSet, e *env) func([]string) error {
	return listing(fs, "audit [--json]", func(asJSON bool) error {
		db, err := e.open()
		if err != nil {
			return err
		}
		log, err := db.AuditLog()
		if err != nil {
			return err
		}
		return printRows(e.stdout, asJSON, log, "TIME\tREP\tACTION\tPROSPECT\tDETAIL", func(tw io.Writer, a store.AuditEntry) {
			pid := ""
			if a.Prospect != 0 {
				pid = fmt.Sprint(a.Prospect)
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", a.Time.Local().Format(time.DateTime), safe(a.Rep), safe(a.Action), pid, safe(a.Detail))
		})
	})
}

// writeJSON prints v as indented JSON, with what a terminal acts on
// escaped (safeJSON).
func writeJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(safeJSON(buf.Bytes()))
	return err
}
