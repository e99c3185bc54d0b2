package usecase

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"warmlead/consent"
	"warmlead/store"
)

// Rights handles the person's rights: access (a rep viewing, an export),
// portability (the export), erasure and the Art. 14 notice.
type Rights struct {
	env Env
	st  rightsStore
}

// rightsStore is what Rights needs of the store (*store.DB in the app).
type rightsStore interface {
	ledgerWriter
	Erase(id uint64, reason, rep string, now time.Time) error
	tombstoner
}

// The export formats.
const (
	FormatJSON  = "json" // everything about the person, machine-readable (access, portability)
	FormatVCard = "vcf"  // the contact card, vCard 4.0
)

var (
	errExportFormat = newTemplate(CodeInvalid, "unknown export format {{.Format}}: use json or vcf")
	// The store's sentence (store.ErrReasonRequired), which the CLI printed.
	errEraseReason = newTemplate(CodeInvalid, "say why the person is erased (e.g. \"asked to be forgotten by email\"): the reason is kept in the tombstone and the audit log, so do not put their name in it")
)

// View reads a prospect for the screen that shows it and records who looked
// and why in the audit log (access to personal data is accounted for). An
// erased prospect gives an error whose cause is *Erased, with the
// tombstone; nothing is logged then (no personal data was read).
func (r *Rights) View(id uint64, reason string) (consent.Record, error) {
	rec, err := r.st.Record(id)
	if t := tombstoneOf(r.st, id, err); t != nil {
		return rec, erasedError(*t)
	}
	if err != nil {
		return rec, err
	}
	_, err = r.st.Commit(store.Change{Audit: []store.AuditEntry{{Time: r.env.now(), Rep: r.env.rep(), Action: "viewed", Prospect: id, Detail: reason}}})
	return rec, err
}

// ExportRequest is one export of one person's data.
type ExportRequest struct {
	ID     uint64
	Format string    // FormatJSON or FormatVCard
	Reason string    // why, for the audit log: no names (the entry outlives an erasure)
	Path   string    // the file to write (created 0600: it holds personal data)
	Out    io.Writer // where the export goes when Path is empty (the CLI's standard output)
}

// Export writes the person's data to the file (or Out), then records the
// export in their ledger and in the audit log in one transaction. If that
// transaction fails the file is removed again, so no export leaves the
// database unrecorded; a prospect that does not exist writes nothing.
//
// The ledger's event names the file by its base name (it is erased with the
// person, and the summary PDF shows it to them); the audit entry names no
// file at all: it outlives an erasure and file names often carry the
// person's name.
func (r *Rights) Export(req ExportRequest) (consent.Event, error) {
	if req.Format != FormatJSON && req.Format != FormatVCard {
		return consent.Event{}, errExportFormat.New("Format", req.Format)
	}
	rec, err := r.st.Record(req.ID)
	if err != nil {
		return consent.Event{}, err
	}
	now, rep := r.env.now(), r.env.rep()
	var buf bytes.Buffer
	if req.Format == FormatJSON {
		err = consent.ExportJSON(&buf, rec, rep, now)
	} else {
		err = consent.ExportVCard(&buf, []consent.Prospect{rec.Prospect})
	}
	if err != nil {
		return consent.Event{}, err
	}
	where := "standard output"
	if req.Path != "" {
		if err := WriteOutFile(req.Path, buf.Bytes(), r.env.keep()...); err != nil {
			return consent.Event{}, err
		}
		where = filepath.Base(req.Path)
	} else if req.Out != nil {
		if _, err := req.Out.Write(buf.Bytes()); err != nil {
			return consent.Event{}, err
		}
	}
	evs, err := r.st.Commit(store.Change{Prospect: req.ID,
		Events: []consent.Event{{Time: now, Rep: rep, Kind: consent.KindExported, Note: req.Format + " to " + where}},
		Audit:  []store.AuditEntry{{Time: now, Rep: rep, Action: "exported", Prospect: req.ID, Detail: req.Format + ": " + req.Reason}}})
	if err != nil {
		if req.Path != "" {
			os.Remove(req.Path)
		}
		return consent.Event{}, err
	}
	return evs[0], nil
}

// Notice composes the Art. 14 notice for a prospect in lang: the one given,
// else the prospect's, else the settings'. Nothing is recorded until the
// rep says it was sent (NoticeSent).
func (r *Rights) Notice(id uint64, lang string) (consent.Record, consent.Email, error) {
	rec, err := r.st.Record(id)
	if err != nil {
		return rec, consent.Email{}, err
	}
	st, err := r.st.Settings()
	if err != nil {
		return rec, consent.Email{}, err
	}
	if lang == "" && rec.Prospect.Lang == "" {
		lang = st.Lang
	}
	return rec, consent.NoticeEmail(rec, noticeContext(st, r.env.rep()), lang, r.env.now()), nil
}

// noticeContext is what the notice needs from the settings.
func noticeContext(s consent.Settings, rep string) consent.MailContext {
	return consent.MailContext{Rep: rep, Company: s.Company, PrivacyURL: s.PrivacyURL, PreferencesURL: s.PreferencesURL, RetentionMonths: s.RetentionMonths}
}

// NoticeSent records that the person was sent the Art. 14 notice mail,
// with its exact text as evidence.
func (r *Rights) NoticeSent(id uint64, mail consent.Email) (consent.Event, error) {
	return r.informed(id, "Art. 14 notice", mail)
}

// ReactivationSent records that the re-activation email (stay in touch, or
// the details are deleted on the date it names) was sent. It informs; it
// does not extend retention: only the person's answer may.
func (r *Rights) ReactivationSent(id uint64, mail consent.Email) (consent.Event, error) {
	return r.informed(id, "re-activation email sent", mail)
}

// informed appends the one informed event every sent notice makes; what is
// the ledger's note, in English like the rest of the ledger.
func (r *Rights) informed(id uint64, what string, mail consent.Email) (consent.Event, error) {
	evs, err := r.st.Commit(store.Change{Prospect: id, Events: []consent.Event{{Time: r.env.now(), Rep: r.env.rep(), Kind: consent.KindInformed,
		Note: what + " (" + mail.Lang + ")", Evidence: "Subject: " + mail.Subject + "\n\n" + mail.Body}}})
	if err != nil {
		return consent.Event{}, err
	}
	return evs[0], nil
}

// Erase removes a person for good (Art. 17). The reason is required and
// kept in the tombstone and the audit entry, which the store writes with
// the erasure in one transaction.
func (r *Rights) Erase(id uint64, reason string) error {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return errEraseReason.Wrap(store.ErrReasonRequired)
	}
	return r.st.Erase(id, reason, r.env.rep(), r.env.now())
}
