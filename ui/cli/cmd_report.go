package cli

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"time"

	"warmlead/consent"
	"warmlead/consent/pdfreport"
	"warmlead/store"
)

func init() {
	register(command{"report", "PDF consent records: the team report, or one person's consent summary with --prospect ID", setupReport})
	register(command{"register", "the Art. 30 register of processing activities as PDF: register --out F.pdf", setupRegisterDoc})
}

// Document kinds as the audit log names them. The audit entry never holds
// the file name: file names often carry a person's name, and the entry
// outlives an erasure.
const (
	docSummary          = "consent summary"
	docTeam             = "team report"
	docTeamWithSummary  = "team report with summaries"
	docRegister         = "register of processing activities"
	auditActionReport   = "report"
	auditActionRegister = "register"
)

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
	var summaries bool
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
		const usage = "usage: warmlead report --out F.pdf [--prospect ID] [--from DATE --to DATE] [--source S] [--purpose P] [--status S] [--summaries] [--lang L] [--reason TEXT]"
		if len(pos) != 0 || out == "" {
			return usagef(usage)
		}
		docLang, err := parseDocLang(lang)
		if err != nil {
			return err
		}
		if prospect != "" {
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
		return e.writeTeam(out, f, summaries, reason, docLang)
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

// ReportMeta is what every document says about its making: who and when,
// from the settings, in lang (en, nl, nb, sv or de; none or "" means the
// settings' language).
func ReportMeta(db *store.DB, by string, lang ...string) (pdfreport.Meta, error) {
	st, err := db.Settings()
	if err != nil {
		return pdfreport.Meta{}, err
	}
	m := pdfreport.Meta{GeneratedBy: by, GeneratedAt: time.Now(), Company: st.Company, Settings: st, Lang: st.Lang}
	if len(lang) > 0 && lang[0] != "" {
		m.Lang = lang[0]
	}
	return m, nil
}

// SummaryPDF makes one prospect's consent summary, verifying their ledger
// as `warmlead verify` does. The GUI and the command share it; lang, if
// given and not empty, is the document's language (else the settings').
func SummaryPDF(db *store.DB, id uint64, by string, lang ...string) ([]byte, pdfreport.ChainStatus, error) {
	rec, err := db.Record(id)
	if err != nil {
		return nil, pdfreport.ChainStatus{}, err
	}
	m, err := ReportMeta(db, by, lang...)
	if err != nil {
		return nil, pdfreport.ChainStatus{}, err
	}
	chain := pdfreport.VerifyRecord(rec)
	var buf bytes.Buffer
	err = pdfreport.Summary(&buf, rec, chain, m)
	return buf.Bytes(), chain, err
}

// TeamPDF makes the team report; problems lists prospects left out because
// they could not be read. lang is as for SummaryPDF.
func TeamPDF(db *store.DB, f pdfreport.Filter, summaries bool, by string, progress func(done, total int), lang ...string) ([]byte, []error, error) {
	m, err := ReportMeta(db, by, lang...)
	if err != nil {
		return nil, nil, err
	}
	// Only the selected records are kept: a team report over part of
	// 100,000 prospects need not hold every ledger.
	now := m.GeneratedAt // what the document judges records at
	var sel []consent.Record
	all := 0
	problems, err := db.ForEachRecord(func(r consent.Record) error {
		all++
		if f.Match(r, now) {
			sel = append(sel, r)
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	var buf bytes.Buffer
	err = pdfreport.TeamSelected(&buf, sel, all, f, m, summaries, progress)
	return buf.Bytes(), problems, err
}

// RegisterPDF makes the Art. 30 register of processing activities; lang is
// as for SummaryPDF.
func RegisterPDF(db *store.DB, by string, lang ...string) ([]byte, []error, error) {
	m, err := ReportMeta(db, by, lang...)
	if err != nil {
		return nil, nil, err
	}
	// Counted one record at a time: the register needs numbers about
	// everyone, not everyone's ledger in memory.
	tally := pdfreport.NewRegisterTally(m.GeneratedAt)
	problems, err := db.ForEachRecord(func(r consent.Record) error {
		tally.Add(r)
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	regs, err := db.Registers()
	if err != nil {
		return nil, nil, err
	}
	infos := make([]pdfreport.RegisterInfo, len(regs))
	for i, r := range regs {
		infos[i] = pdfreport.RegisterInfo{Name: r.Name, Numbers: r.Numbers, Imported: r.Imported}
	}
	var buf bytes.Buffer
	err = pdfreport.RegisterFromTally(&buf, tally, infos, m)
	return buf.Bytes(), problems, err
}

func (e *env) writeSummary(out string, id uint64, reason, lang string) error {
	db, err := e.open()
	if err != nil {
		return err
	}
	pdf, chain, err := SummaryPDF(db, id, e.rep(), lang)
	if err != nil {
		return err
	}
	if !chain.Verified {
		fmt.Fprintf(e.stderr, "warning: the ledger of prospect %d does not verify (%s); the summary says so\n", id, chain.Problem)
	}
	return e.saveDocument(db, out, pdf, auditActionReport, id, docSummary, reason)
}

func (e *env) writeTeam(out string, f pdfreport.Filter, summaries bool, reason, lang string) error {
	db, err := e.open()
	if err != nil {
		return err
	}
	pdf, problems, err := TeamPDF(db, f, summaries, e.rep(), nil, lang)
	if err != nil {
		return err
	}
	e.noteUnreadable(problems)
	kind := docTeam
	if summaries {
		kind = docTeamWithSummary
	}
	return e.saveDocument(db, out, pdf, auditActionReport, 0, kind, reason)
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
		db, err := e.open()
		if err != nil {
			return err
		}
		pdf, problems, err := RegisterPDF(db, e.rep(), docLang)
		if err != nil {
			return err
		}
		e.noteUnreadable(problems)
		return e.saveDocument(db, out, pdf, auditActionRegister, 0, docRegister, reason)
	}
}

// noteUnreadable warns that damaged prospects are missing from a document.
func (e *env) noteUnreadable(problems []error) {
	if len(problems) > 0 {
		fmt.Fprintf(e.stderr, "warning: %d prospects could not be read and are left out; run 'warmlead verify'\n", len(problems))
	}
}

// saveDocument writes a finished PDF (0600: it holds personal data) and its
// audit entry. If the entry cannot be stored the file is removed again, so
// no document leaves the database unrecorded.
func (e *env) saveDocument(db *store.DB, out string, pdf []byte, action string, prospect uint64, kind, reason string) error {
	if err := os.WriteFile(out, pdf, 0o600); err != nil {
		return fmt.Errorf("cannot write %s: %w", out, err)
	}
	detail := kind
	if r := strings.TrimSpace(reason); r != "" {
		detail += ": " + r
	}
	if err := db.Audit(e.rep(), action, prospect, detail); err != nil {
		os.Remove(out)
		return fmt.Errorf("the %s was not kept, because its audit entry could not be stored: %w", kind, err)
	}
	// Always "pages", even for one: scripts read this line.
	fmt.Fprintf(e.stdout, "wrote %s (%d pages)\n", out, pdfreport.CountPages(pdf))
	return nil
}
