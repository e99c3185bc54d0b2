package cli

import (
	"fmt"
	"strings"

	"warmlead/consent"
	"warmlead/consent/pdfreport"
	"warmlead/ui/usecase"
)

func init() {
	register(command{"report", "PDF consent records: the team report, or one person's consent summary with --prospect ID", setupReport})
	register(command{"register", "the Art. 30 register of processing activities as PDF: register --out F.pdf", setupRegisterDoc})
}

// reportStatuses are the values --status accepts, as the consent matrix
// shows them.
var reportStatuses = []consent.ConsentStatus{consent.StatusGranted, consent.StatusPending, consent.StatusRefused,
	consent.StatusWithdrawn, consent.StatusExpired, consent.StatusNone}

func parseStatus(s string) (consent.ConsentStatus, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	names := make([]string, len(reportStatuses))
	for i, st := range reportStatuses {
		if string(st) == s {
			return st, nil
		}
		names[i] = string(st)
	}
	return "", usagef("unknown status %q: use one of %s", s, strings.Join(names, ", "))
}

// langFlagHelp describes the --lang of the document commands.
const langFlagHelp = "language of the document: en, nl, nb, sv or de (default: the settings')"

// parseDocLang validates --lang; empty means the settings' language.
func parseDocLang(lang string) (string, error) {
	if lang == "" {
		return "", nil
	}
	l, err := consent.ParseLanguage(lang)
	if err != nil {
		return "", usagef("%v", err)
	}
	return l, nil
}

func setupReport(fs *flagSet, e *env) func([]string) error {
	var out, prospect, from, to, source, purpose, status, reason, lang string
	var summaries, teamScope bool
	fs.BoolVar(&teamScope, "team", false, "a team's manager: the report over every rep's prospects (the team mirror, as of the last sync)")
	fs.StringVar(&out, "out", "", "the PDF file to write")
	fs.StringVar(&prospect, "prospect", "", "one prospect's consent summary instead of the team report")
	fs.StringVar(&from, "from", "", "team report: prospects collected on or after YYYY-MM-DD")
	fs.StringVar(&to, "to", "", "team report: prospects collected on or before YYYY-MM-DD")
	fs.StringVar(&source, "source", "", "team report: only this source")
	fs.StringVar(&purpose, "purpose", "", "team report: only prospects with a recorded status for this purpose")
	fs.StringVar(&status, "status", "", "team report: only prospects with this consent status (granted, pending, refused, withdrawn, expired, none)")
	fs.BoolVar(&summaries, "summaries", false, "team report: add every prospect's consent summary, each on new pages")
	fs.StringVar(&reason, "reason", "", "why the document is made (audit log); no personal names")
	fs.StringVar(&lang, "lang", "", langFlagHelp)
	return func(pos []string) error {
		const usage = "usage: warmlead report --out F.pdf [--team | --prospect ID] [--from DATE --to DATE] [--source S] [--purpose P] [--status S] [--summaries] [--lang L] [--reason TEXT]"
		if len(pos) != 0 || out == "" {
			return usagef(usage)
		}
		docLang, err := parseDocLang(lang)
		if err != nil {
			return err
		}
		if prospect != "" {
			if teamScope {
				return usagef("--team makes the team report; --prospect is one person's summary")
			}
			if from != "" || to != "" || source != "" || purpose != "" || status != "" || summaries {
				return usagef("--prospect makes one person's summary; --from, --to, --source, --purpose, --status and --summaries are for the team report")
			}
			id, err := parseID(prospect)
			if err != nil {
				return err
			}
			return e.writeSummary(out, id, reason, docLang)
		}
		f, err := parseFilter(from, to, source, purpose, status)
		if err != nil {
			return err
		}
		return e.writeTeam(out, f, summaries, reason, docLang, teamScope)
	}
}

func parseFilter(from, to, source, purpose, status string) (pdfreport.Filter, error) {
	var f pdfreport.Filter
	var err error
	if from != "" {
		if f.From, err = ParseDate(from); err != nil {
			return f, err
		}
	}
	if to != "" {
		if f.To, err = ParseDate(to); err != nil {
			return f, err
		}
	}
	if !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From) {
		return f, usagef("--to %s is before --from %s", to, from)
	}
	if source != "" {
		if f.Source, err = consent.ParseSource(source); err != nil {
			return f, usagef("%v", err)
		}
	}
	if purpose != "" {
		if f.Purpose, err = consent.ParsePurpose(purpose); err != nil {
			return f, usagef("%v", err)
		}
	}
	if status != "" {
		if f.Status, err = parseStatus(status); err != nil {
			return f, err
		}
	}
	return f, nil
}

func (e *env) writeSummary(out string, id uint64, reason, lang string) error {
	uc, err := e.app()
	if err != nil {
		return err
	}
	// The warnings stand even when the file could not be written, as they
	// did when the document was made before it was saved.
	w, err := uc.Documents.Summary(id, lang, reason, out)
	if w.Checked && !w.Chain.Verified {
		fmt.Fprintf(e.stderr, "warning: the ledger of prospect %d does not verify (%s); the summary says so\n", id, w.Chain.Problem)
	}
	if err != nil {
		return err
	}
	e.wrote(w)
	return nil
}

func (e *env) writeTeam(out string, f pdfreport.Filter, summaries bool, reason, lang string, teamScope bool) error {
	uc, err := e.app()
	if teamScope && err == nil {
		uc, err = e.teamScope() // the manager's mirror (cmd_team.go)
	}
	if err != nil {
		return err
	}
	w, err := uc.Documents.Team(usecase.TeamRequest{Filter: f, Summaries: summaries, Lang: lang, Reason: reason, Path: out})
	e.noteUnreadable(w.Problems)
	if err != nil {
		return err
	}
	e.wrote(w)
	return nil
}

func setupRegisterDoc(fs *flagSet, e *env) func([]string) error {
	var out, reason, lang string
	fs.StringVar(&out, "out", "", "the PDF file to write")
	fs.StringVar(&reason, "reason", "", "why the document is made (audit log)")
	fs.StringVar(&lang, "lang", "", langFlagHelp)
	return func(pos []string) error {
		if len(pos) != 0 || out == "" {
			return usagef("usage: warmlead register --out F.pdf [--lang L] [--reason TEXT]")
		}
		docLang, err := parseDocLang(lang)
		if err != nil {
			return err
		}
		uc, err := e.app()
		if err != nil {
			return err
		}
		w, err := uc.Documents.Register(docLang, reason, out)
		e.noteUnreadable(w.Problems)
		if err != nil {
			return err
		}
		e.wrote(w)
		return nil
	}
}

// noteUnreadable warns that damaged prospects are missing from a document.
// noteUnreadable names, on stderr, the prospects whole-database work left
// out because their records could not be read; the output is complete
// without them, so the command still succeeds.
func (e *env) noteUnreadable(problems []error) {
	for _, p := range problems {
		fmt.Fprintf(e.stderr, "warning: %s\n", oneLine(p.Error()))
	}
	if len(problems) > 0 {
		fmt.Fprintf(e.stderr, "warning: %d prospects could not be read and are left out; run 'warmlead verify'\n", len(problems))
	}
}

// wrote says which document was written. Always "pages", even for one:
// scripts read this line.
func (e *env) wrote(w usecase.Written) {
	fmt.Fprintf(e.stdout, "wrote %s (%d pages)\n", w.Path, w.Pages)
}
