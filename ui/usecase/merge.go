package usecase

import (
	"errors"
	"fmt"
	"time"

	"warmlead/consent"
	"warmlead/store"
)

// Merges joins two prospects found to be one person after the fact (a
// duplicate noticed later): one record with the values the rep chose per
// field, one ledger holding both ledgers' events in time order, and a
// tombstone for the second id that points at the first.
type Merges struct {
	env Env
	st  mergeStore
}

// mergeStore is what Merges needs of the store (*store.DB in the app).
type mergeStore interface {
	Record(id uint64) (consent.Record, error)
	MergeProspects(keep, drop uint64, merged consent.Prospect, rep string, now time.Time) (consent.Prospect, error)
	tombstoner
}

// MergeFields are the fields a merge lets the rep choose, as the CLI and
// the CSV name them.
var MergeFields = []string{"name", "company", "title", "email", "phone", "source", "event", "list_vendor", "lang"}

// mergeFieldOf reaches each of MergeFields in a prospect.
var mergeFieldOf = map[string]func(*consent.Prospect) *string{
	"name":        func(p *consent.Prospect) *string { return &p.Name },
	"company":     func(p *consent.Prospect) *string { return &p.Company },
	"title":       func(p *consent.Prospect) *string { return &p.Title },
	"email":       func(p *consent.Prospect) *string { return &p.Email },
	"phone":       func(p *consent.Prospect) *string { return &p.Phone },
	"source":      func(p *consent.Prospect) *string { return (*string)(&p.Source) },
	"event":       func(p *consent.Prospect) *string { return &p.Event },
	"list_vendor": func(p *consent.Prospect) *string { return &p.ListVendor },
	"lang":        func(p *consent.Prospect) *string { return &p.Lang },
}

// MergeField reaches a field of a prospect by its name (MergeFields); nil
// for another name.
func MergeField(p *consent.Prospect, name string) *string {
	if f, ok := mergeFieldOf[name]; ok {
		return f(p)
	}
	return nil
}

var (
	errMergeSelf  = newTemplate(CodeInvalid, "a prospect cannot be merged with itself")
	errMergeField = newTemplate(CodeInvalid, "unknown field {{.Field}}: use one of {{.Valid}}")
	errMergeWho   = newTemplate(CodeInvalid, "{{.Field}} must come from prospect {{.Keep}} or {{.Drop}}")
)

// MergePlan is a merge as the rep decides it: keep's id stays, drop's goes;
// Take says, per field, whose value wins (keep's or drop's id). A field not
// named takes keep's value, or drop's when keep has none.
type MergePlan struct {
	Keep, Drop uint64
	Take       map[string]uint64
}

// Plan returns the two records and the merged prospect the plan makes,
// without writing anything: what the merge screen shows.
func (m *Merges) Plan(p MergePlan) (keep, drop consent.Record, merged consent.Prospect, err error) {
	if p.Keep == p.Drop {
		return keep, drop, merged, errMergeSelf.New()
	}
	for f, id := range p.Take {
		if MergeField(&merged, f) == nil {
			return keep, drop, merged, errMergeField.New("Field", f, "Valid", fmt.Sprint(MergeFields))
		}
		if id != p.Keep && id != p.Drop {
			return keep, drop, merged, errMergeWho.New("Field", f, "Keep", p.Keep, "Drop", p.Drop)
		}
	}
	if keep, err = m.read(p.Keep); err != nil {
		return
	}
	if drop, err = m.read(p.Drop); err != nil {
		return
	}
	merged = keep.Prospect
	for _, f := range MergeFields {
		from := keep.Prospect
		if id, ok := p.Take[f]; (ok && id == p.Drop) || (!ok && *MergeField(&from, f) == "") {
			from = drop.Prospect
		}
		*MergeField(&merged, f) = *MergeField(&from, f)
	}
	// The list vendor belongs to a bought list: it goes with the source.
	if merged.Source != consent.SourceList {
		merged.ListVendor = ""
	}
	return keep, drop, merged, nil
}

func (m *Merges) read(id uint64) (consent.Record, error) {
	r, err := m.st.Record(id)
	if err != nil && errors.Is(err, store.ErrNotFound) {
		if t := tombstoneOf(m.st, id, err); t != nil {
			return r, erasedError(*t)
		}
	}
	return r, err
}

// Merge carries the plan out in one transaction (store.MergeProspects)
// and returns the merged prospect.
func (m *Merges) Merge(p MergePlan) (consent.Prospect, error) {
	_, _, merged, err := m.Plan(p)
	if err != nil {
		return merged, err
	}
	if err := validProspect(&merged, ""); err != nil {
		return merged, err
	}
	return m.st.MergeProspects(p.Keep, p.Drop, merged, m.env.rep(), m.env.now())
}
