package usecase

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"warmlead/consent"
	"warmlead/consent/pdfreport"
	"warmlead/store"
)

// Bulk runs an action on a selection of the prospects list, person by
// person, through the family that owns the action (Consents, Rights,
// Documents, Prospects): the policy and the rules are theirs. Each person
// gets a result, done or refused with the reason; one refusal never stops
// the others nor hides in a total.
type Bulk struct {
	env       Env
	st        bulkStore
	prospects *Prospects
	consents  *Consents
	rights    *Rights
	documents *Documents
}

// bulkStore is what Bulk reads itself (*store.DB in the app).
type bulkStore interface {
	Record(id uint64) (consent.Record, error)
	Commit(c store.Change) ([]consent.Event, error)
	Index() store.Index
}

// BulkResult is what happened to one person.
type BulkResult struct {
	ID   uint64
	Name string // as the list shows it; empty when the prospect is gone
	Err  error  // nil: done; else why it was refused
}

// BulkReport is a bulk action's outcome, person by person, in the order asked.
type BulkReport struct {
	Results []BulkResult
}

// Done counts the people the action was done for.
func (r BulkReport) Done() int {
	n := 0
	for _, x := range r.Results {
		if x.Err == nil {
			n++
		}
	}
	return n
}

// Refused lists the people it was not done for, with the reason.
func (r BulkReport) Refused() []BulkResult {
	var out []BulkResult
	for _, x := range r.Results {
		if x.Err != nil {
			out = append(out, x)
		}
	}
	return out
}

var (
	errBulkNone      = newTemplate(CodeInvalid, "select at least one prospect")
	errNoNoticeOwed  = newTemplate(CodePrecondition, "no Art. 14 notice is owed: the data came from the person, or the notice was sent")
	errBulkEraseWhy  = newTemplate(CodeInvalid, "say why these people are erased (the reason is kept in each tombstone)")
	errBulkGrantOnly = newTemplate(CodeInvalid, "a bulk consent records a grant: one piece of evidence (a signed list) for everyone on it")
)

// each runs do for every id, naming the person from the read model.
func (b *Bulk) each(ids []uint64, do func(id uint64) error) BulkReport {
	rep := BulkReport{Results: make([]BulkResult, 0, len(ids))}
	for _, id := range ids {
		p, _ := b.st.Index().Cached(id)
		rep.Results = append(rep.Results, BulkResult{ID: id, Name: p.Name, Err: do(id)})
	}
	return rep
}

// records reads the selected records; the unreadable are refused.
func (b *Bulk) records(ids []uint64) ([]consent.Record, BulkReport) {
	recs := make([]consent.Record, 0, len(ids))
	rep := b.each(ids, func(id uint64) error {
		r, err := b.st.Record(id)
		if err == nil {
			recs = append(recs, r)
		}
		return err
	})
	return recs, rep
}

// ExportVCard writes the selection as vCard 4.0 (one audit entry for the
// file, as the list's export).
func (b *Bulk) ExportVCard(w io.Writer, ids []uint64) (BulkReport, error) {
	if len(ids) == 0 {
		return BulkReport{}, errBulkNone.New()
	}
	recs, rep := b.records(ids)
	ps := make([]consent.Prospect, len(recs))
	for i, r := range recs {
		ps[i] = r.Prospect
	}
	return rep, b.prospects.ExportList(w, ps)
}

// ReportPDF writes a team report of the selection with each person's
// consent summary to path, audit-logged with reason.
func (b *Bulk) ReportPDF(ids []uint64, lang, reason, path string) (Written, BulkReport, error) {
	if len(ids) == 0 {
		return Written{}, BulkReport{}, errBulkNone.New()
	}
	recs, rep := b.records(ids)
	m, err := b.documents.meta(lang)
	if err != nil {
		return Written{}, rep, err
	}
	var buf bytes.Buffer
	if err := pdfreport.TeamSelected(&buf, recs, b.st.Index().Count(), pdfreport.Filter{}, m, true, nil); err != nil {
		return Written{}, rep, err
	}
	w, err := b.documents.save(path, buf.Bytes(), auditReport, 0, DocTeamWithSummary, reason)
	return w, rep, err
}

// RecordConsent records one grant per person from one piece of evidence
// (a list they signed): each goes through Consents.Record, so each is
// checked, and refused alone, as a single grant would be.
func (b *Bulk) RecordConsent(ids []uint64, a consent.Answer) (BulkReport, error) {
	if len(ids) == 0 {
		return BulkReport{}, errBulkNone.New()
	}
	if a.Kind != consent.KindConsentGranted {
		return BulkReport{}, errBulkGrantOnly.New()
	}
	return b.each(ids, func(id uint64) error {
		_, err := b.consents.Record(ConsentAnswer{Prospect: id, Answer: a})
		return err
	}), nil
}

// EvidenceFile is the evidence a file gives: its text when it is text (a
// reply, a typed list), else its fingerprint: a scanned signed list stays
// with the company and the ledger keeps which file it was.
func EvidenceFile(name string, data []byte) (string, error) {
	if len(data) <= consent.MaxEvidence && utf8.Valid(data) && !bytes.ContainsRune(data, 0) {
		ev, err := ReadEvidence(bytes.NewReader(data), false)
		return ev.Text, err
	}
	return fmt.Sprintf("signed list %q, %d bytes, SHA-256 %x", filepath.Base(name), len(data), sha256.Sum256(data)), nil
}

// BulkNotice is one composed Art. 14 notice, or why none is needed.
type BulkNotice struct {
	BulkResult
	Mail consent.Email
}

// Notices composes the Art. 14 notice for each selected person who is owed
// one (consent.NoticeOwed); the others are refused with the reason.
// Nothing is recorded until NoticesSent.
func (b *Bulk) Notices(ids []uint64, lang string) ([]BulkNotice, error) {
	if len(ids) == 0 {
		return nil, errBulkNone.New()
	}
	out := make([]BulkNotice, 0, len(ids))
	b.each(ids, func(id uint64) error {
		rec, mail, err := b.rights.Notice(id, lang)
		if err == nil && !consent.NoticeOwed(rec) {
			err = errNoNoticeOwed.New()
		}
		out = append(out, BulkNotice{BulkResult{ID: id, Name: rec.Prospect.Name, Err: err}, mail})
		return err
	})
	return out, nil
}

// WriteNotices writes the composed notices to w as one mailbox (mboxrd),
// which mail programs import; the refused ones are left out.
func WriteNotices(w io.Writer, notices []BulkNotice, date time.Time) error {
	for _, n := range notices {
		if n.Err != nil {
			continue
		}
		var msg bytes.Buffer
		if err := consent.WriteEML(&msg, n.Mail, date); err != nil {
			return err
		}
		if _, err := fmt.Fprintf(w, "From warmlead %s\n", date.UTC().Format(time.ANSIC)); err != nil {
			return err
		}
		for _, line := range strings.SplitAfter(strings.ReplaceAll(msg.String(), "\r\n", "\n"), "\n") {
			if strings.HasPrefix(strings.TrimLeft(line, ">"), "From ") {
				line = ">" + line
			}
			if _, err := io.WriteString(w, line); err != nil {
				return err
			}
		}
		if _, err := io.WriteString(w, "\n"); err != nil {
			return err
		}
	}
	return nil
}

// NoticesSent records each composed notice as sent, with its text.
func (b *Bulk) NoticesSent(notices []BulkNotice) BulkReport {
	rep := BulkReport{}
	for _, n := range notices {
		r := n.BulkResult
		if r.Err == nil {
			_, r.Err = b.rights.NoticeSent(n.ID, n.Mail)
		}
		rep.Results = append(rep.Results, r)
	}
	return rep
}

// Erase erases each selected person for good (Rights.Erase), with one
// reason for all, kept in each tombstone.
func (b *Bulk) Erase(ids []uint64, reason string) (BulkReport, error) {
	if len(ids) == 0 {
		return BulkReport{}, errBulkNone.New()
	}
	if strings.TrimSpace(reason) == "" {
		return BulkReport{}, errBulkEraseWhy.Wrap(store.ErrReasonRequired)
	}
	return b.each(ids, func(id uint64) error { return b.rights.Erase(id, reason) }), nil
}
