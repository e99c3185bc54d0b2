package usecase

import (
	"errors"
	"fmt"
	"io"
	"slices"

	"warmlead/consent"
	"warmlead/store"
)

// Prospects adds, corrects, shows and exports prospects: the business-card
// form, the prospect form, the list's export and the add, edit and show
// commands.
type Prospects struct {
	env Env
	st  prospectStore
}

// prospectStore is what Prospects needs of the store (*store.DB in the app).
type prospectStore interface {
	ledgerWriter
	Prospect(id uint64) (consent.Prospect, error)
	Events(id uint64) ([]consent.Event, error)
	AddProspect(p consent.Prospect, o store.AddOptions) (consent.Prospect, error)
	ImportProspects(items []store.ImportItem, o store.AddOptions, progress func(done, total int)) (store.ImportSummary, error)
	EditProspectFields(id uint64, changes []store.FieldChange, o store.AddOptions) (consent.Prospect, error)
}

var (
	errNameRequired = newTemplate(CodeBadValue, consent.ErrNameRequired.Error())
	// The field name is quoted as %q quotes it, as the store has always said it.
	errUnknownField = newTemplate(CodeBadValue, "unknown field \"{{.Field}}\": use one of name, company, title, email, phone, lang, event")
)

// AddOptions say how Add treats a card that may be someone already there.
type AddOptions struct {
	KeepBoth bool   // add even when the email or phone matches an existing prospect
	Agreed   string // the agreed next step, kept on the collected event
}

// Add validates p and stores it with its collected event. A bad email or
// phone is a CodeBadValue Error with the sentence the form shows beside the
// field (nothing is stored, the rep's input stays in the form); a match on
// email or phone is a *store.DuplicateError (CodeDuplicate) unless
// KeepBoth; an erased person is a *store.SuppressedError (CodeSuppressed).
func (u *Prospects) Add(p consent.Prospect, o AddOptions) (consent.Prospect, error) {
	region := phoneRegion(u.st)
	if err := validProspect(&p, region); err != nil {
		return consent.Prospect{}, err
	}
	return u.st.AddProspect(p, store.AddOptions{Rep: u.env.rep(), Region: region, AllowDuplicate: o.KeepBoth,
		Agreed: o.Agreed, Now: u.env.now()})
}

// Merge adds the card to the prospect it duplicates the way an import does:
// the existing prospect gains the fields it lacked, each recorded as a
// rectification; a card matching no one is added. Refusals are the
// import's problems as Errors (CodeSuppressed, CodeBadValue).
func (u *Prospects) Merge(p consent.Prospect, agreed string) (merged bool, err error) {
	region := phoneRegion(u.st)
	if err := validProspect(&p, region); err != nil {
		return false, err
	}
	sum, err := u.st.ImportProspects([]store.ImportItem{{Number: 1, Prospect: p}},
		store.AddOptions{Rep: u.env.rep(), Region: region, Agreed: agreed, Now: u.env.now()}, nil)
	if err != nil {
		return false, err
	}
	if len(sum.Problems) > 0 {
		return false, problemError(sum.Problems[0])
	}
	return sum.Merged > 0, nil
}

// problemError is an import problem of one card as an Error.
func problemError(p store.ImportProblem) *Error {
	code := CodeBadValue
	if p.Code == store.ProblemSuppressed {
		code = CodeSuppressed
	}
	return &Error{Code: code, Msg: p.Msg}
}

// Edit rectifies one field (by its store.EditableFields name) and records
// it. A missing prospect is CodeNotFound (errors.Is store.ErrNotFound).
func (u *Prospects) Edit(id uint64, field, value string) (consent.Prospect, error) {
	return u.edit(id, []store.FieldChange{{Field: field, Value: value}})
}

// Correct stores the fields of want that differ from prospect id's, each as
// its own rectification, in one transaction. Name, company, title, email,
// phone, event and language can be corrected; the source is history.
func (u *Prospects) Correct(id uint64, want consent.Prospect) (consent.Prospect, error) {
	old, err := u.st.Prospect(id)
	if err != nil {
		return consent.Prospect{}, err
	}
	want.Source = old.Source
	if err := validProspect(&want, phoneRegion(u.st)); err != nil {
		return consent.Prospect{}, err
	}
	var changes []store.FieldChange
	for _, c := range [][3]string{{"name", old.Name, want.Name}, {"company", old.Company, want.Company},
		{"title", old.Title, want.Title}, {"email", old.Email, want.Email}, {"phone", old.Phone, want.Phone},
		{"event", old.Event, want.Event}, {"lang", old.Lang, want.Lang}} {
		if c[1] != c[2] {
			changes = append(changes, store.FieldChange{Field: c[0], Value: c[2]})
		}
	}
	if len(changes) == 0 {
		return old, nil
	}
	return u.edit(id, changes)
}

func (u *Prospects) edit(id uint64, changes []store.FieldChange) (consent.Prospect, error) {
	known := store.EditableFields()
	for _, c := range changes {
		if !slices.Contains(known, c.Field) {
			q := fmt.Sprintf("%q", c.Field)
			return consent.Prospect{}, errUnknownField.New("Field", q[1:len(q)-1])
		}
	}
	p, err := u.st.EditProspectFields(id, changes, store.AddOptions{Rep: u.env.rep(), Region: phoneRegion(u.st), Now: u.env.now()})
	if err != nil {
		return consent.Prospect{}, invalidValue(err)
	}
	return p, nil
}

// ExportList writes prospects (a selection of the list) to w as vCard 4.0
// for another address book, and logs the export as one audit entry.
func (u *Prospects) ExportList(w io.Writer, ps []consent.Prospect) error {
	if err := consent.ExportVCard(w, ps); err != nil {
		return err
	}
	_, err := u.st.Commit(store.Change{Audit: []store.AuditEntry{{Rep: u.env.rep(), Action: "exported",
		Detail: fmt.Sprintf("vcf of %d prospects from the list", len(ps))}}})
	return err
}

// validProspect normalises p as the store will, and says what is wrong in
// a sentence a screen can translate.
func validProspect(p *consent.Prospect, region string) error {
	if err := p.Normalize(region); err != nil {
		return invalidValue(err)
	}
	return nil
}

// invalidValue turns a validator's refusal into a CodeBadValue Error;
// other errors pass as they are.
func invalidValue(err error) error {
	var ve *consent.ValueError
	switch {
	case errors.As(err, &ve):
		return &Error{Code: CodeBadValue, Msg: ve.Msg, Err: err}
	case errors.Is(err, consent.ErrNameRequired):
		return errNameRequired.Wrap(err)
	}
	return err
}

// phoneRegion is where numbers without a country code are read: the
// country setting, else the settings' language, as before it existed.
func phoneRegion(st interface {
	Settings() (consent.Settings, error)
}) string {
	s, err := st.Settings()
	if err != nil {
		return consent.RegionForLanguage("")
	}
	return s.PhoneRegion()
}
