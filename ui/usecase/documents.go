package usecase

import (
	"bytes"
	"io"
	"os"
	"strings"

	"warmlead/consent"
	"warmlead/consent/insight"
	"warmlead/consent/pdfreport"
	"warmlead/store"
)

// Documents writes the managers' PDF records: consent summary, team report, Art. 30 register.
type Documents struct {
	env Env
	st  documentStore
	// teamAudit, set on the manager's team scope (Team.MirrorApp), takes
	// the audit entries instead of st (documents_team_audit.go).
	teamAudit auditSink
}

// documentStore is what Documents needs of the store (*store.DB in the app).
type documentStore interface {
	ledgerWriter
	ForEachRecord(fn func(consent.Record) error) ([]error, error)
	ForEachRecordOf(ids []uint64, fn func(consent.Record) error) ([]error, error)
	Registers() ([]store.Register, error)
}

// Document kinds as the audit log names them. The audit entry never holds
// the file name: file names often carry a person's name, and the entry
// outlives an erasure.
const (
	DocSummary         = "consent summary"
	DocTeam            = "team report"
	DocTeamWithSummary = "team report with summaries"
	DocRegister        = "register of processing activities"
)

// The audit actions of the documents.
const (
	auditReport   = "report"
	auditRegister = "register"
)

var errDocumentNotKept = newTemplate(CodeFailed, "the {{.Kind}} was not kept, because its audit entry could not be stored: {{.Error}}")

// Written is a document on disk.
type Written struct {
	Path     string
	Pages    int
	Checked  bool                  // the summary's ledger was checked (Chain says how it went)
	Chain    pdfreport.ChainStatus // the summary's ledger check (the summary says when it fails)
	Problems []error               // prospects left out because they could not be read
}

// meta is what every document says about its making: who and when, from
// the settings, in lang (en, nl, nb, sv or de; "" is the settings').
func (d *Documents) meta(lang string) (pdfreport.Meta, error) {
	loadPDFFonts() // every document starts here
	st, err := d.st.Settings()
	if err != nil {
		return pdfreport.Meta{}, err
	}
	m := pdfreport.Meta{GeneratedBy: d.env.rep(), GeneratedAt: d.env.now(), Company: st.Company, Settings: st, Lang: st.Lang}
	if lang != "" {
		m.Lang = lang
	}
	return m, nil
}

// Summary writes one prospect's consent summary to path, verifying their
// ledger as `warmlead verify` does, and audit-logs it with reason.
func (d *Documents) Summary(id uint64, lang, reason, path string) (Written, error) {
	rec, err := d.st.Record(id)
	if err != nil {
		return Written{}, err
	}
	m, err := d.meta(lang)
	if err != nil {
		return Written{}, err
	}
	chain := pdfreport.VerifyRecord(rec)
	var buf bytes.Buffer
	if err := pdfreport.Summary(&buf, rec, chain, m); err != nil {
		return Written{}, err
	}
	w, err := d.save(path, buf.Bytes(), auditReport, id, DocSummary, reason)
	w.Checked, w.Chain = true, chain
	return w, err
}

// TeamRequest is a team report to write.
type TeamRequest struct {
	Filter    pdfreport.Filter
	Summaries bool // add every selected prospect's consent summary
	Lang      string
	Reason    string // why, for the audit log; no personal names
	Path      string
	Progress  func(done, total int) // may be nil
}

// TeamPDF makes the team report; problems lists prospects left out because
// they could not be read.
func (d *Documents) TeamPDF(f pdfreport.Filter, summaries bool, lang string, progress func(done, total int)) ([]byte, []error, error) {
	var buf bytes.Buffer
	_, problems, err := d.teamTo(&buf, f, summaries, lang, progress)
	return buf.Bytes(), problems, err
}

// teamTo writes the team report to w and tells its pages.
func (d *Documents) teamTo(w io.Writer, f pdfreport.Filter, summaries bool, lang string, progress func(done, total int)) (int, []error, error) {
	m, err := d.meta(lang)
	if err != nil {
		return 0, nil, err
	}
	// The report reads the records in passes, one at a time (pdfreport's
	// RecordSource): 100,000 ledgers would not fit in memory. The first
	// read also counts the page "What works" over the report's period
	// (insight.go), so the figures cost no read of their own.
	now := m.GeneratedAt // what the document judges records at
	works := insight.NewTally(insight.Filter{From: f.From, To: f.To, Loc: now.Location()})
	src := &storeRecords{st: d.st, first: works.Add}
	pages, err := pdfreport.TeamStreamPages(w, src, f, m, summaries, progress, func() insight.Figures {
		figs := works.Figures()
		nameIntroducers(&figs, d.st)
		return figs
	})
	return pages, src.problems, err
}

// storeRecords is the store as a pdfreport.RecordSource. problems are the
// records the first read could not read (later reads skip them too); first,
// when set, sees every record of that first read.
type storeRecords struct {
	st       documentStore
	problems []error
	first    func(consent.Record)
	read     bool
}

func (s *storeRecords) All(fn func(consent.Record) error) error {
	var err error
	if first := s.first; first != nil && !s.read {
		s.read = true
		s.problems, err = s.st.ForEachRecord(func(r consent.Record) error {
			first(r)
			return fn(r)
		})
		return err
	}
	s.problems, err = s.st.ForEachRecord(fn)
	return err
}

func (s *storeRecords) Some(ids []uint64, fn func(consent.Record) error) error {
	_, err := s.st.ForEachRecordOf(ids, fn)
	return err
}

// Team writes the team report and audit-logs it with its reason.
func (d *Documents) Team(req TeamRequest) (Written, error) {
	// Written into the file as it is finished: the 2,000 pages of
	// everyone are not held whole in memory once more (issue 16).
	var pages int
	var problems []error
	err := WriteOutStream(req.Path, func(w io.Writer) error {
		var err error
		pages, problems, err = d.teamTo(w, req.Filter, req.Summaries, req.Lang, req.Progress)
		return err
	}, d.env.keep()...)
	if err != nil {
		return Written{}, err
	}
	kind := DocTeam
	if req.Summaries {
		kind = DocTeamWithSummary
	}
	w, err := d.audited(req.Path, pages, auditReport, 0, kind, req.Reason)
	w.Problems = problems
	return w, err
}

// Register writes the Art. 30 register of processing activities and
// audit-logs it with its reason.
func (d *Documents) Register(lang, reason, path string) (Written, error) {
	m, err := d.meta(lang)
	if err != nil {
		return Written{}, err
	}
	// Counted one record at a time: the register needs numbers about
	// everyone, not everyone's ledger in memory.
	tally := pdfreport.NewRegisterTally(m.GeneratedAt)
	problems, err := d.st.ForEachRecord(func(r consent.Record) error {
		tally.Add(r)
		return nil
	})
	if err != nil {
		return Written{}, err
	}
	regs, err := d.st.Registers()
	if err != nil {
		return Written{}, err
	}
	infos := make([]pdfreport.RegisterInfo, len(regs))
	for i, r := range regs {
		infos[i] = pdfreport.RegisterInfo{Name: r.Name, Numbers: r.Numbers, Imported: r.Imported}
	}
	var buf bytes.Buffer
	if err := pdfreport.RegisterFromTally(&buf, tally, infos, m); err != nil {
		return Written{}, err
	}
	w, err := d.save(path, buf.Bytes(), auditRegister, 0, DocRegister, reason)
	w.Problems = problems
	return w, err
}

// save writes a finished PDF (0600: it holds personal data) and its audit
// entry. If the entry cannot be stored the file is removed again, so no
// document leaves the database unrecorded.
func (d *Documents) save(path string, pdf []byte, action string, prospect uint64, kind, reason string) (Written, error) {
	if err := WriteOutFile(path, pdf, d.env.keep()...); err != nil {
		return Written{}, err
	}
	return d.audited(path, pdfreport.CountPages(pdf), action, prospect, kind, reason)
}

// audited logs a document written to path; a document the audit log does
// not hold is removed (the log is the proof of who exported what).
func (d *Documents) audited(path string, pages int, action string, prospect uint64, kind, reason string) (Written, error) {
	detail := kind
	if r := strings.TrimSpace(reason); r != "" {
		detail += ": " + r
	}
	if err := d.commitAudit(store.AuditEntry{Time: d.env.now(), Rep: d.env.rep(), Action: action, Prospect: prospect, Detail: detail}); err != nil {
		os.Remove(path)
		return Written{}, errDocumentNotKept.Wrap(err, "Kind", kind, "Error", err.Error())
	}
	return Written{Path: path, Pages: pages}, nil
}
