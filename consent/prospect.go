package consent

import (
	"errors"
	"strings"
	"time"
)

// Prospect is a person a rep may want to contact, as the rep entered it.
// What may be done with them is not stored here but derived from their
// events by the policy.
type Prospect struct {
	ID         uint64    `json:"id"`
	Name       string    `json:"name"`
	Company    string    `json:"company"`
	Title      string    `json:"title,omitempty"`
	Email      string    `json:"email"`
	Phone      string    `json:"phone"`
	PhoneRaw   string    `json:"phone_raw,omitempty"` // a number kept as written: it could not be read (phone_unread.go)
	Source     Source    `json:"source"`
	Event      string    `json:"event,omitempty"`       // trade fair or meeting where a card was collected
	ListVendor string    `json:"list_vendor,omitempty"` // vendor of a purchased list
	Introducer uint64    `json:"introducer,omitempty"`  // prospect id of the customer who referred them
	Lang       string    `json:"lang,omitempty"`        // language for emails; empty means the settings'
	Created    time.Time `json:"created"`
	Updated    time.Time `json:"updated"`
}

// ErrNameRequired is returned when a prospect has no name.
var ErrNameRequired = errors.New("a prospect needs a name")

// Normalize trims fields, validates and normalises email and phone (phone to
// E.164 with defaultRegion, e.g. "NL"), and checks the source.
func (p *Prospect) Normalize(defaultRegion string) error { return p.normalize(defaultRegion, true) }

// normalize is Normalize; the phone is read unless readPhone is false (its
// caller has just read it: NormalizeKeepingUnreadPhone).
func (p *Prospect) normalize(defaultRegion string, readPhone bool) error {
	p.Name = strings.Join(strings.Fields(p.Name), " ")
	p.Company = strings.TrimSpace(p.Company)
	p.Title = strings.TrimSpace(p.Title)
	p.Event = strings.TrimSpace(p.Event)
	p.ListVendor = strings.TrimSpace(p.ListVendor)
	if p.Name == "" {
		return ErrNameRequired
	}
	if _, err := ParseSource(string(p.Source)); err != nil {
		return err
	}
	var err error
	if p.Email, err = NormalizeEmail(p.Email); err != nil {
		return err
	}
	if readPhone {
		if p.Phone, err = NormalizePhone(p.Phone, defaultRegion); err != nil {
			return err
		}
	}
	p.PhoneRaw = strings.Join(strings.Fields(p.PhoneRaw), " ")
	if p.Phone != "" {
		p.PhoneRaw = "" // a readable number replaces the one kept as written
	}
	return nil
}
