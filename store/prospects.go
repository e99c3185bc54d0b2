package store

import (
	"bytes"
	"errors"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"warmlead/consent"
)

// AddOptions tune AddProspect.
type AddOptions struct {
	Rep            string
	Region         string // default phone region, e.g. "NL"
	AllowDuplicate bool   // keep both when email or phone match an existing prospect
	// KeepUnreadPhones: an import of files keeps a number that does not
	// read in Region as written, with a note, instead of failing the card
	// (consent.Prospect.NormalizeKeepingUnreadPhone).
	KeepUnreadPhones bool
	Agreed           string // the agreed next step, kept on the collected event
	Now              time.Time
}

// AddProspect validates and stores a new prospect with its `collected`
// event, in one transaction. A suppressed (erased) person is refused with a
// SuppressedError; a match on email or phone gives a DuplicateError unless
// AllowDuplicate.
func (db *DB) AddProspect(p consent.Prospect, o AddOptions) (consent.Prospect, error) {
	out, err := db.AddProspects([]consent.Prospect{p}, o)
	if err != nil {
		return consent.Prospect{}, err
	}
	return out[0], nil
}

// AddProspects stores many prospects in one transaction: all or none.
func (db *DB) AddProspects(ps []consent.Prospect, o AddOptions) ([]consent.Prospect, error) {
	if _, err := db.key(); err != nil {
		return nil, err
	}
	now := stamp(o.Now)
	out := make([]consent.Prospect, len(ps))
	for i, p := range ps {
		if err := p.Normalize(o.Region); err != nil {
			return nil, err
		}
		p.Created, p.Updated = now, now
		out[i] = p
	}
	err := db.update(func(tx *bolt.Tx) error {
		tx.OnCommit(func() { db.indexPut(out...) }) // at the commit, inside update: see updatesInFlight
		for i := range out {
			p := &out[i]
			if err := db.checkSuppressedPerson(tx, *p); err != nil {
				return err
			}
			if !o.AllowDuplicate {
				if id, field := db.findDuplicate(tx, p.Email, p.Phone); id != 0 {
					return &DuplicateError{ID: id, Field: field}
				}
			}
			seq, err := tx.Bucket(bProspects).NextSequence()
			if err != nil {
				return err
			}
			p.ID = seq
			if err := db.writeProspect(tx, *p, nil); err != nil {
				return err
			}
			ev := consent.Event{Time: now, Rep: o.Rep, Kind: consent.KindCollected, Source: p.Source,
				EventName: p.Event, Introducer: p.Introducer, ListVendor: p.ListVendor, Agreed: o.Agreed}
			if _, err := db.appendEvent(tx, p.ID, ev); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// writeProspect seals p and keeps the blind indexes in step with it; old is
// the previous version (nil for a new prospect) whose index entries go.
func (db *DB) writeProspect(tx *bolt.Tx, p consent.Prospect, old *consent.Prospect) error {
	id := u64(p.ID)
	if old != nil {
		if err := db.noteOldContact(tx, p, *old); err != nil {
			return err
		}
		if old.Email != p.Email && old.Email != "" {
			tx.Bucket(bIdxEmail).Delete(join(db.blind("email", old.Email), id))
		}
		if old.Phone != p.Phone && old.Phone != "" {
			tx.Bucket(bIdxPhone).Delete(join(db.blind("phone", old.Phone), id))
		}
	}
	if p.Email != "" {
		if err := tx.Bucket(bIdxEmail).Put(join(db.blind("email", p.Email), id), nil); err != nil {
			return err
		}
	}
	if p.Phone != "" {
		if err := tx.Bucket(bIdxPhone).Put(join(db.blind("phone", p.Phone), id), nil); err != nil {
			return err
		}
	}
	return db.put(tx, bProspects, id, p)
}

func (db *DB) blind(kind, v string) []byte {
	db.mu.RLock()
	defer db.mu.RUnlock()
	return blind(db.idxKey, kind, v)
}

// findDuplicate returns the first prospect with the same email or phone.
func (db *DB) findDuplicate(tx *bolt.Tx, email, phone string) (uint64, string) {
	var emailKey, phoneKey []byte
	if email != "" {
		emailKey = db.blind("email", email)
	}
	if phone != "" {
		phoneKey = db.blind("phone", phone)
	}
	return findDuplicateKeys(tx, emailKey, phoneKey)
}

// findDuplicateKeys is findDuplicate given the blind index keys (nil for
// no email or phone), which an import computes ahead on other cores.
func findDuplicateKeys(tx *bolt.Tx, emailKey, phoneKey []byte) (uint64, string) {
	if emailKey != nil {
		if id := firstWithPrefix(tx.Bucket(bIdxEmail), emailKey); id != 0 {
			return id, "email"
		}
	}
	if phoneKey != nil {
		if id := firstWithPrefix(tx.Bucket(bIdxPhone), phoneKey); id != 0 {
			return id, "phone"
		}
	}
	return 0, ""
}

func firstWithPrefix(b *bolt.Bucket, prefix []byte) uint64 {
	k, _ := b.Cursor().Seek(prefix)
	if k != nil && bytes.HasPrefix(k, prefix) {
		return getU64(k[len(prefix):])
	}
	return 0
}

// FindByContact returns the id of a prospect with this (normalised) email or
// phone, or 0.
func (db *DB) FindByContact(email, phone string) (uint64, string) {
	var id uint64
	var field string
	db.view(func(tx *bolt.Tx) error {
		id, field = db.findDuplicate(tx, email, phone)
		return nil
	})
	return id, field
}

// Prospect reads one prospect from the file (not the cache), so a damaged
// value is reported rather than served from memory.
func (db *DB) Prospect(id uint64) (consent.Prospect, error) {
	var p consent.Prospect
	err := db.view(func(tx *bolt.Tx) error {
		var err error
		p, err = db.getProspect(tx, id)
		return err
	})
	return p, err
}

// getProspect reads prospect id in tx; a missing one is noProspect.
func (db *DB) getProspect(tx *bolt.Tx, id uint64) (consent.Prospect, error) {
	var p consent.Prospect
	err := db.get(tx, bProspects, u64(id), &p, fmt.Sprintf("prospect %d", id))
	if errors.Is(err, ErrNotFound) {
		return p, noProspect(id)
	}
	return p, err
}

// Fields a rep may rectify, by their CLI names.
var editable = map[string]func(p *consent.Prospect) *string{
	"name":    func(p *consent.Prospect) *string { return &p.Name },
	"company": func(p *consent.Prospect) *string { return &p.Company },
	"title":   func(p *consent.Prospect) *string { return &p.Title },
	"email":   func(p *consent.Prospect) *string { return &p.Email },
	"phone":   func(p *consent.Prospect) *string { return &p.Phone },
	"lang":    func(p *consent.Prospect) *string { return &p.Lang },
	"event":   func(p *consent.Prospect) *string { return &p.Event },
}

// EditableFields lists the field names EditProspect accepts.
func EditableFields() []string {
	return []string{"name", "company", "title", "email", "phone", "lang", "event"}
}

// FieldChange is a rectified field (by its EditableFields name) and its new value.
type FieldChange struct {
	Field, Value string
}

// EditProspect changes one field and records a `rectified` event (Art. 16).
func (db *DB) EditProspect(id uint64, field, value string, o AddOptions) (consent.Prospect, error) {
	return db.EditProspectFields(id, []FieldChange{{field, value}}, o)
}

// EditProspectFields changes several fields in one transaction, each
// recorded as its own `rectified` event, so a corrected form is stored
// whole or not at all.
func (db *DB) EditProspectFields(id uint64, changes []FieldChange, o AddOptions) (consent.Prospect, error) {
	for _, c := range changes {
		if _, ok := editable[c.Field]; !ok {
			return consent.Prospect{}, fmt.Errorf("unknown field %q: use one of name, company, title, email, phone, lang, event", c.Field)
		}
	}
	now := time.Now().UTC()
	if !o.Now.IsZero() {
		now = o.Now.UTC()
	}
	return db.changeProspect(id, now, func(tx *bolt.Tx, old consent.Prospect) (consent.Prospect, []consent.Event, error) {
		p := old
		for _, c := range changes {
			*editable[c.Field](&p) = c.Value
		}
		if err := p.Normalize(o.Region); err != nil {
			return p, nil, err
		}
		if p.Lang != old.Lang && p.Lang != "" {
			if _, err := consent.ParseLanguage(p.Lang); err != nil {
				return p, nil, err
			}
		}
		if (p.Email != old.Email && p.Email != "") || (p.Phone != old.Phone && p.Phone != "") {
			if err := db.checkSuppressed(tx, p.Email, p.Phone); err != nil {
				return p, nil, err
			}
		}
		// The old value is kept in the sealed event: rectification must be
		// traceable, and erasure removes the whole ledger anyway.
		var events []consent.Event
		for _, c := range changes {
			f := editable[c.Field]
			events = append(events, consent.Event{Time: now, Rep: o.Rep, Kind: consent.KindRectified, Field: c.Field, Old: *f(&old), New: *f(&p)})
		}
		return p, events, nil
	})
}

// changeProspect reads prospect id and, in the same transaction, lets
// change work out its new value and the events recording the change; it
// stamps Updated with now, writes the prospect, appends the events to its
// ledger and puts the result in the index. A missing prospect is
// noProspect; an error from change writes nothing.
func (db *DB) changeProspect(id uint64, now time.Time, change func(tx *bolt.Tx, old consent.Prospect) (consent.Prospect, []consent.Event, error)) (consent.Prospect, error) {
	var out consent.Prospect
	err := db.update(func(tx *bolt.Tx) error {
		tx.OnCommit(func() { db.indexPut(out) }) // see updatesInFlight
		old, err := db.getProspect(tx, id)
		if err != nil {
			return err
		}
		p, events, err := change(tx, old)
		if err != nil {
			return err
		}
		p.Updated = now.UTC().Truncate(time.Second)
		if err := db.writeProspect(tx, p, &old); err != nil {
			return err
		}
		for _, ev := range events {
			if _, err := db.appendEvent(tx, id, ev); err != nil {
				return err
			}
		}
		out = p
		return nil
	})
	if err != nil {
		return consent.Prospect{}, err
	}
	return out, nil
}

// Message is the refusal as a sentence with its values apart; its English
// is Error().
func (e *SuppressedError) Message() consent.Message {
	if e.Field == fieldDeclined {
		return consent.Msg(tSuppressedDeclined)
	}
	if e.Field == "phone" {
		return consent.Msg(tSuppressedPhone)
	}
	return consent.Msg(tSuppressedEmail)
}

// Message is the refusal as a sentence with its values apart; its English
// is Error().
func (e *DuplicateError) Message() consent.Message {
	if e.Field == "phone" {
		return consent.Msg(tDuplicatePhone, "ID", e.ID)
	}
	return consent.Msg(tDuplicateEmail, "ID", e.ID)
}

// checkSuppressed refuses contact details of a person who was erased.
func (db *DB) checkSuppressed(tx *bolt.Tx, email, phone string) error {
	b := tx.Bucket(bSuppress)
	if email != "" && b.Get(db.suppressKey("email", email)) != nil {
		return &SuppressedError{Field: "email"}
	}
	if phone != "" && b.Get(db.suppressKey("phone", phone)) != nil {
		return &SuppressedError{Field: "phone"}
	}
	return db.checkTeamSuppressed(tx, consent.Prospect{Email: email, Phone: phone}) // team_blocks.go
}

// checkSuppressedPerson is checkSuppressed for a new prospect, which is
// also refused when its name and company are those of a referral that was
// declined (DeclineReferral keeps only their keyed hash), as Refer is.
func (db *DB) checkSuppressedPerson(tx *bolt.Tx, p consent.Prospect) error {
	return db.checkSuppressedKeys(tx, p, personSuppressKeys(db.suppressKey, p))
}

// suppressKeys are the suppression list's keys for a person: nil where
// the person has no such detail.
type suppressKeys struct{ email, phone, phoneRaw, name []byte }

// personSuppressKeys computes p's suppression keys with key (db.suppressKey,
// or a blinder's on another core).
func personSuppressKeys(key func(kind, v string) []byte, p consent.Prospect) suppressKeys {
	var k suppressKeys
	if p.Email != "" {
		k.email = key("email", p.Email)
	}
	if p.Phone != "" {
		k.phone = key("phone", p.Phone)
	}
	if raw := rawPhoneKey(p.PhoneRaw); raw != "" {
		k.phoneRaw = key("phone-raw", raw)
	}
	k.name = key("name", nameCompanyKey(p.Name, p.Company))
	return k
}

// checkSuppressedKeys is checkSuppressedPerson given p's keys, in the same
// order of checks (so the same field is named when several match).
func (db *DB) checkSuppressedKeys(tx *bolt.Tx, p consent.Prospect, k suppressKeys) error {
	b := tx.Bucket(bSuppress)
	if k.email != nil && b.Get(k.email) != nil {
		return &SuppressedError{Field: "email"}
	}
	if k.phone != nil && b.Get(k.phone) != nil {
		return &SuppressedError{Field: "phone"}
	}
	if err := db.checkTeamSuppressed(tx, consent.Prospect{Email: p.Email, Phone: p.Phone}); err != nil {
		return err
	}
	if k.phoneRaw != nil && b.Get(k.phoneRaw) != nil {
		return &SuppressedError{Field: "phone"}
	}
	if b.Get(k.name) != nil {
		return &SuppressedError{Field: fieldDeclined}
	}
	return db.checkTeamSuppressed(tx, p)
}

func (db *DB) suppressKey(kind, v string) []byte {
	db.mu.RLock()
	defer db.mu.RUnlock()
	return blind(db.supKey, kind, v)
}
